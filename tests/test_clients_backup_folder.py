"""apply and undo when the backup folder cannot be made, read or written: one line in the user's
language, a non-zero exit, the settings unchanged and no empty backup folder left behind. The
whole command runs in a child process, as a user would run it."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from op25b_wizard.core.clients.safe_write import BACKUP_DIR_NAME
from tests.support.platform import WINDOWS, base_env, home_env, not_on_windows

FIXTURES = Path(__file__).parent / "fixtures" / "clients"
REPO = Path(__file__).parent.parent
PROFILE = FIXTURES / "thunderbird" / "Profiles" / "k3x9a2b1.default-esr"
TO_587 = ["--email", "taro@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
          "--security", "starttls", "--user", "taro@example.co.jp"]
TO_465 = [*TO_587[:5], "465", "--security", "tls", *TO_587[8:]]
NOBODY = 65534


def _python_for(user: int) -> tuple[str, dict[str, str]]:
    """An interpreter *user* may run with this checkout and its packages (this one may live
    in root's home): (path, extra environment)."""
    ids = {"user": user, "group": user, "extra_groups": []}
    try:
        if subprocess.run([sys.executable, "-c", "import op25b_wizard"], capture_output=True,
                          cwd=REPO, **ids).returncode == 0:
            return sys.executable, {}
    except PermissionError:
        pass
    system = f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"
    path = os.pathsep.join([str(REPO), *site.getsitepackages()])
    try:
        if os.path.exists(system) and subprocess.run(
                [system, "-c", "import op25b_wizard.cli"], capture_output=True, cwd=REPO,
                env={"PYTHONPATH": path}, **ids).returncode == 0:
            return system, {"PYTHONPATH": path}
    except PermissionError:  # the checkout itself is out of reach
        pass
    pytest.skip("no Python interpreter that another user may run")


def cli(home: Path, *args: str, user: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**base_env(), **home_env(home), "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    if WINDOWS:  # Japanese text itself in the pipe (what a cp1252 pipe gets: test_cli_input_safety)
        env["PYTHONIOENCODING"] = "utf-8"
    python = sys.executable
    ids: dict = {}
    if user is not None:
        python, extra = _python_for(user)
        env |= extra
        ids = {"user": user, "group": user, "extra_groups": []}
    return subprocess.run([python, "-m", "op25b_wizard", *args], capture_output=True,
                          encoding="utf-8", errors="surrogateescape", timeout=120, env=env,
                          cwd=REPO,
                          **ids)


def one_line(run: subprocess.CompletedProcess[str]) -> str:
    """The error (apply shows its plan on standard output first)."""
    assert "Traceback" not in run.stderr, run.stderr
    assert len(run.stderr.splitlines()) == 1, run.stderr
    return run.stderr


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "taro.default"
    shutil.copytree(PROFILE, path)
    return path


@pytest.mark.parametrize("what", ["file", "dangling link"])
def test_something_else_with_the_backup_folders_name(profile, tmp_path, what):
    base = profile / BACKUP_DIR_NAME
    if what == "file":
        base.write_text("notes")
    else:
        if WINDOWS:
            pytest.skip("not on Windows: making a symbolic link needs an administrator or "
                        "developer mode there (Wine 8 shows a dangling Unix one as nothing)")
        base.symlink_to(tmp_path / "gone")
    original = (profile / "prefs.js").read_bytes()
    run = cli(tmp_path, "apply", "thunderbird", "--profile", str(profile), *TO_587, "--lang", "en")
    assert run.returncode == 1
    assert one_line(run) == (
        f"op25b-wizard: error: Cannot save a backup in {base}: a file or a broken link has "
        "that name. Move it away, then try again. Nothing was changed.\n")
    run = cli(tmp_path, "apply", "thunderbird", "--profile", str(profile), *TO_587, "--lang", "ja")
    assert run.returncode == 1 and "バックアップ" in one_line(run)
    assert (profile / "prefs.js").read_bytes() == original
    assert os.path.islink(base) == (what != "file") and not (tmp_path / "gone").exists()
    run = cli(tmp_path, "undo", "thunderbird", "--profile", str(profile), "--lang", "en")
    assert run.returncode == 1 and "no change by this program to undo" in one_line(run)


ENOSPC_CHILD = textwrap.dedent("""
    import json, os, shutil, subprocess, sys
    from pathlib import Path
    disk, fixture, python = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], check=True)
    profile = disk / "taro.default"
    shutil.copytree(fixture, profile)
    env = {"HOME": str(disk), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
           "PYTHONDONTWRITEBYTECODE": "1"}
    apply = [python, "-m", "op25b_wizard", "apply", "thunderbird", "--profile", str(profile),
             *sys.argv[4:]]

    def run(argv):
        r = subprocess.run(argv, capture_output=True, text=True, env=env)
        return {"code": r.returncode, "out": r.stdout, "err": r.stderr}

    def fill():
        fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while os.write(fd, b"x" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)

    def state():
        return {"prefs": (profile / "prefs.js").read_text(),
                "backups": sorted(str(p.relative_to(profile))
                                  for p in profile.rglob("*") if "backups" in str(p))}

    report = {"start": state()}
    fill()
    report["apply_full"] = run(apply)
    report["after_apply_full"] = state()
    (disk / "filler").unlink()
    report["apply"] = run(apply)
    report["applied"] = state()
    fill()
    report["undo_full"] = run([*apply[:3], "undo", "thunderbird", "--profile", str(profile),
                               "--lang", "en"])
    report["after_undo_full"] = state()
    print(json.dumps(report))
""")


@pytest.fixture
def private_mounts() -> None:
    if WINDOWS:
        pytest.skip("not on Windows: a small tmpfs in a private mount namespace is Linux")
    if os.geteuid() != 0 or not shutil.which("unshare") or subprocess.run(
            ["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("needs root and a private mount namespace")


def test_disk_full(tmp_path, private_mounts):
    """A tiny tmpfs (in a mount namespace of the test's own), filled up."""
    import json

    disk = tmp_path / "disk"
    disk.mkdir()
    run = subprocess.run(["unshare", "-m", "--propagation", "private", sys.executable, "-c",
                          ENOSPC_CHILD, str(disk), str(PROFILE), sys.executable, *TO_587,
                          "--lang", "en"],
                         capture_output=True, text=True, timeout=300, cwd=REPO)
    assert run.returncode == 0, run.stderr
    r = json.loads(run.stdout)
    full = r["apply_full"]
    assert full["code"] == 1 and "Traceback" not in full["err"]
    assert full["err"] == (f"op25b-wizard: error: Cannot save a backup in {disk}/taro.default/"
                           f"{BACKUP_DIR_NAME}: the disk is full. Nothing was changed.\n")
    assert r["after_apply_full"] == r["start"]  # no backup folder, prefs.js as it was
    assert r["apply"]["code"] == 0, r["apply"]["err"]
    undo = r["undo_full"]
    assert undo["code"] == 1 and undo["out"] == "" and "Traceback" not in undo["err"]
    assert len(undo["err"].splitlines()) == 1
    assert undo["err"].startswith("op25b-wizard: error: Cannot undo the change saved in ")
    assert undo["err"].endswith(": the disk is full. Nothing was changed.\n")
    assert r["after_undo_full"]["prefs"] == r["applied"]["prefs"]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can reach (pytest's own is root's alone)."""
    if WINDOWS:
        pytest.skip("not on Windows: acting as another user (setuid, POSIX modes) is POSIX")
    if os.geteuid() != 0:
        pytest.skip("needs root to act as another user")
    path = Path(tempfile.mkdtemp(prefix="op25b-other-user-"))
    os.chmod(path, 0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def test_backups_made_by_an_administrator(shared_dir):
    """root ran apply in the user's profile; the user then runs apply and undo."""
    profile = shared_dir / "taro.default"
    shutil.copytree(PROFILE, profile)
    for p in [profile, *profile.rglob("*")]:
        os.chown(p, NOBODY, NOBODY)
    assert cli(shared_dir, "apply", "thunderbird", "--profile", str(profile), *TO_587).returncode == 0
    base = profile / BACKUP_DIR_NAME
    assert base.stat().st_uid == 0 and (profile / "prefs.js").stat().st_uid == NOBODY
    applied = (profile / "prefs.js").read_bytes()
    before = sorted(base.rglob("*"))
    for argv in (["apply", "thunderbird", "--profile", str(profile), *TO_465],
                 ["undo", "thunderbird", "--profile", str(profile)]):
        run = cli(shared_dir, *argv, "--lang", "en", user=NOBODY)
        assert run.returncode == 1, run.stderr
        assert one_line(run) == (
            f"op25b-wizard: error: {base} belongs to another user (an administrator may have "
            "run this program) and cannot be changed by you. Nothing was changed.\n")
        run = cli(shared_dir, *argv, "--lang", "ja", user=NOBODY)
        assert run.returncode == 1 and "別のユーザー" in one_line(run)
    # readable by the user, but not writable: undo still refuses before changing anything
    for p in [base, *base.rglob("*")]:
        os.chmod(p, 0o755 if p.is_dir() else 0o644)
    run = cli(shared_dir, "undo", "thunderbird", "--profile", str(profile), "--lang", "en",
              user=NOBODY)
    assert run.returncode == 1 and "belongs to another user" in one_line(run)
    assert (profile / "prefs.js").read_bytes() == applied
    assert sorted(base.rglob("*")) == before


@not_on_windows("file names there are Unicode, never bytes that are not text")
def test_a_profile_folder_name_that_is_not_utf8(tmp_path):
    home = Path(os.fsdecode(os.fsencode(tmp_path) + b"/home-\xff"))
    home.mkdir()
    profile = Path(os.fsdecode(os.fsencode(home) + b"/taro\x82\xa0.default"))
    shutil.copytree(PROFILE, profile)
    original = (profile / "prefs.js").read_bytes()
    run = cli(home, "apply", "thunderbird", "--profile", str(profile), *TO_587, "--lang", "en")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert (profile / "prefs.js").read_bytes() != original
    run = cli(home, "undo", "thunderbird", "--profile", str(profile), "--lang", "en")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "Port: 587 → 25" in run.stdout
    assert (profile / "prefs.js").read_bytes() == original
