"""Atomic writes (also when the writer is killed half-way), backups and exact restores."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from op25b_wizard.core.clients.safe_write import (
    BACKUP_DIR_NAME,
    BackupError,
    atomic_write,
    create_backup,
    latest_backup,
    list_backups,
    restore,
)
from tests.support.platform import NO_POSIX_MODES, POSIX, not_on_windows

OLD = b"user_pref(\"old\", 1);\n" * 20000
NEW = b"user_pref(\"new\", 2);\r\n" * 30000

CRASH_CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from op25b_wizard.core.clients import safe_write

    target, point = Path(sys.argv[1]), sys.argv[2]
    data = Path(sys.argv[3]).read_bytes()

    def die(*_a, **_k):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", 9))  # Windows: TerminateProcess

    if point == "mid-write":
        real_fdopen = os.fdopen
        class Half:
            def __init__(self, f): self.f = f
            def __enter__(self): return self
            def __exit__(self, *a): self.f.close()
            def write(self, b):
                self.f.write(b[: len(b) // 2]); self.f.flush(); os.fsync(self.f.fileno()); die()
            def __getattr__(self, n): return getattr(self.f, n)
        os.fdopen = lambda fd, mode: Half(real_fdopen(fd, mode))
    elif point == "before-rename":
        os.replace = die
    elif point == "after-rename":
        safe_write._fsync_dir = die
    safe_write.atomic_write(target, data)
""")

LOOP_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from op25b_wizard.core.clients.safe_write import atomic_write
    target = Path(sys.argv[1])
    contents = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
    sys.stdout.buffer.write(b"ready\\n")
    sys.stdout.flush()
    i = 0
    while True:
        atomic_write(target, contents[i % 2]); i += 1
""")


def run_child(code: str, *args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=Path(__file__).parent.parent,
                            **kw)


@pytest.mark.parametrize("point, expected", [
    ("mid-write", OLD), ("before-rename", OLD), ("after-rename", NEW),
])
def test_killed_writer_leaves_the_old_or_the_new_file(tmp_path, point, expected):
    target = tmp_path / "prefs.js"
    target.write_bytes(OLD)
    new = tmp_path / "new.bin"
    new.write_bytes(NEW)
    child = run_child(CRASH_CHILD, str(target), point, str(new))
    assert child.wait(timeout=30) == (-signal.SIGKILL if POSIX else 9)
    assert target.read_bytes() == expected


def test_writer_killed_at_random_moments_never_leaves_half_a_file(tmp_path):
    target = tmp_path / "Mailbox.ini"
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(OLD)
    b.write_bytes(NEW)
    target.write_bytes(OLD)
    rng = random.Random(4)
    for _ in range(12):
        child = run_child(LOOP_CHILD, str(target), str(a), str(b), stdout=subprocess.PIPE)
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.08))
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        assert target.read_bytes() in (OLD, NEW)


@not_on_windows(NO_POSIX_MODES)
def test_keeps_mode_and_owner_and_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.js"
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    if os.geteuid() == 0:
        os.chown(real, 1234, 2345)
    link = tmp_path / "prefs.js"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    st = real.stat()
    assert st.st_mode & 0o777 == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (1234, 2345)
    assert [p.name for p in tmp_path.iterdir() if "op25b-tmp" in p.name] == []


def test_backup_then_restore_gives_back_the_exact_bytes(tmp_path):
    root = tmp_path / "profile"
    (root / "sub").mkdir(parents=True)
    one, two = root / "prefs.js", root / "sub" / "Mailbox.ini"
    one.write_bytes(b"\xef\xbb\xbfold\r\n")
    two.write_bytes(b"\x95\x5c\r\n")
    os.chmod(two, 0o600)
    backup = create_backup(root, "thunderbird", [one, two], {"account": {"key": "smtp1"}})
    assert backup.directory.parent == root / BACKUP_DIR_NAME
    assert backup.state == "applying"
    manifest = json.loads((backup.directory / "manifest.json").read_text())
    assert [f["path"] for f in manifest["files"]] == ["prefs.js", "sub/Mailbox.ini"]
    assert "password" not in json.dumps(manifest).lower()
    backup.mark("applied")
    one.write_bytes(b"changed")
    two.write_bytes(b"changed too")
    os.chmod(two, 0o644)
    assert latest_backup(root, "thunderbird").directory == backup.directory
    assert restore(backup) == [one, two]
    assert one.read_bytes() == b"\xef\xbb\xbfold\r\n" and two.read_bytes() == b"\x95\x5c\r\n"
    assert not POSIX or two.stat().st_mode & 0o777 == 0o600
    # what the undo replaced is kept too
    assert (backup.directory / "replaced-by-undo" / "sub" / "Mailbox.ini").read_bytes() == (
        b"changed too")
    backup.mark("undone")
    assert latest_backup(root, "thunderbird") is None
    assert latest_backup(root, "becky") is None


def test_newest_backup_first_and_incomplete_ones_ignored(tmp_path):
    f = tmp_path / "prefs.js"
    f.write_bytes(b"1")
    first = create_backup(tmp_path, "thunderbird", [f], {})
    f.write_bytes(b"2")
    second = create_backup(tmp_path, "thunderbird", [f], {})
    (tmp_path / BACKUP_DIR_NAME / "9999-12-31_235959").mkdir()  # no manifest: a crash
    assert [b.directory for b in list_backups(tmp_path)] == [second.directory, first.directory]
    assert first.directory != second.directory


def test_damaged_or_tampered_backup_restores_nothing(tmp_path):
    f = tmp_path / "prefs.js"
    f.write_bytes(b"original")
    backup = create_backup(tmp_path, "thunderbird", [f], {})
    f.write_bytes(b"current")
    (backup.directory / "files" / "prefs.js").write_bytes(b"tampered")
    with pytest.raises(BackupError):
        restore(backup)
    assert f.read_bytes() == b"current"
    backup.manifest["files"][0]["path"] = "../outside"
    with pytest.raises(BackupError):
        restore(backup)
    with pytest.raises(BackupError):
        create_backup(tmp_path, "thunderbird", [tmp_path.parent / "elsewhere"], {})
