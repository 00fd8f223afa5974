"""Back up, write atomically, undo.

- :func:`atomic_write` writes a temporary file beside the target, flushes it to disk and
  renames it over the target: a crash leaves the old file or the new one, never half of one.
  The target keeps its permission bits (and owner, when we may set it).
- A backup is a folder ``<root>/op25b-wizard-backups/<date>_<time>/`` beside the client's data,
  holding exact copies of the files about to change (``files/…``) and ``manifest.json``: the
  client, the account, settings before and after (never a password), each value changed
  (:mod:`.reverting`), each file's SHA-256 and mode, and a state (``applying`` → ``applied``
  → ``undoing`` → ``undone``). The manifest is written only after the copies are safely on
  disk. A backup that cannot be made completely leaves no folder behind.
- :func:`restore` puts the copies back byte for byte (a failed apply);
  :func:`replace_files` writes what undo computed. Both first save the files they replace in
  ``replaced-by-undo/`` of the same backup, so an undo can be undone by hand.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

BACKUP_DIR_NAME = "op25b-wizard-backups"
MANIFEST_NAME = "manifest.json"
FORMAT = 2
READABLE_FORMATS = (1, 2)
"""1: no list of changed values (undo works them out from the saved copies); 2: ``changes``."""
UNDOABLE_STATES = ("applying", "applied", "undoing")


class BackupError(Exception):
    """A backup is missing, damaged or does not belong to this folder."""


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace *path* with *data* atomically (through a symlink: its target is replaced)."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    directory = target.parent
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".op25b-tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        elif st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if st is not None and hasattr(os, "chown"):
            with contextlib.suppress(PermissionError):
                os.chown(tmp, st.st_uid, st.st_gid)
        _replace(tmp, target, existed=st is not None)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(directory)


def _replace(tmp: Path, target: Path, *, existed: bool) -> None:
    """``os.replace``; on Windows a file another program holds open without allowing deletion
    cannot be replaced ("access denied"): that is reported as the file being in use (EBUSY),
    which it is when the file itself may be written."""
    try:
        os.replace(tmp, target)
    except PermissionError as e:
        if os.name == "nt" and existed and os.access(target, os.W_OK):
            raise OSError(errno.EBUSY, "the file is in use by another program",
                          str(target)) from e
        raise


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _relative(root: Path, path: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        raise BackupError(f"{path} is not inside {root}") from None
    return rel.as_posix()


def _safe_join(root: Path, rel: str) -> Path:
    try:
        return inside(root, rel)
    except ValueError:
        raise BackupError(f"unsafe path in backup manifest: {rel!r}") from None


def inside(root: Path, rel: str) -> Path:
    """*root* joined with the relative POSIX path *rel*; ValueError when it would lead out."""
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise ValueError(f"not a path inside {root}: {rel!r}")
    return root.joinpath(*p.parts)


@dataclass
class Backup:
    """One backup folder and its manifest."""

    directory: Path
    root: Path
    manifest: dict[str, Any]

    @property
    def state(self) -> str:
        return str(self.manifest.get("state", ""))

    @property
    def created(self) -> float:
        return float(self.manifest.get("created_ts", 0.0))

    @property
    def client(self) -> str:
        return str(self.manifest.get("client", ""))

    @property
    def files(self) -> list[dict[str, Any]]:
        return list(self.manifest.get("files", []))

    def target_paths(self) -> list[Path]:
        return [_safe_join(self.root, f["path"]) for f in self.files]

    def saved_bytes(self, entry: Mapping[str, Any]) -> bytes | None:
        """The saved copy of one file (None: the file did not exist); checked by SHA-256."""
        if not entry.get("existed", True):
            return None
        data = _safe_join(self.directory / "files", entry["path"]).read_bytes()
        if sha256(data) != entry.get("sha256"):
            raise BackupError(f"backup copy of {entry['path']} is damaged")
        return data

    def save_manifest(self) -> None:
        try:
            data = json.dumps(self.manifest, ensure_ascii=False, indent=2,
                              sort_keys=True).encode("utf-8")
        except UnicodeEncodeError:  # a name that is not valid UTF-8 (kept as \udcXX escapes)
            data = json.dumps(self.manifest, indent=2, sort_keys=True).encode("ascii")
        atomic_write(self.directory / MANIFEST_NAME, data + b"\n", mode=0o600)

    def mark(self, state: str, **extra: Any) -> None:
        self.manifest["state"] = state
        self.manifest[f"{state}_at"] = _now_iso()
        self.manifest.update(extra)
        self.save_manifest()


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _new_backup_dir(base: Path) -> Path:
    if os.path.lexists(base) and not base.is_dir():  # a file or a dangling link in the way
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(base))
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
    for n in range(1, 1000):
        candidate = base / (stamp if n == 1 else f"{stamp}-{n}")
        try:
            candidate.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return candidate
    raise BackupError(f"cannot create a backup folder in {base}")


def create_backup(root: Path, client: str, files: list[Path], info: Mapping[str, Any]) -> Backup:
    """Copy *files* (inside *root*) into a new backup folder; the manifest comes last.

    Raises OSError (the folder cannot be made or written: nothing is left behind)."""
    base = root / BACKUP_DIR_NAME
    made_base = not os.path.lexists(base)
    directory: Path | None = None
    try:
        directory = _new_backup_dir(base)
        return _fill_backup(directory, root, client, files, info)
    except BaseException:
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)
        if made_base:
            with contextlib.suppress(OSError):
                base.rmdir()
        raise


def _fill_backup(directory: Path, root: Path, client: str, files: list[Path],
                 info: Mapping[str, Any]) -> Backup:
    entries = []
    for path in files:
        rel = _relative(root, path)
        entry: dict[str, Any] = {"path": rel, "existed": path.exists()}
        if entry["existed"]:
            data = path.read_bytes()
            copy = _safe_join(directory / "files", rel)
            copy.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(copy, data, mode=0o600)
            entry["sha256"] = sha256(data)
            entry["mode"] = stat.S_IMODE(path.stat().st_mode)
        entries.append(entry)
    manifest: dict[str, Any] = {
        "format": FORMAT, "program": "op25b-wizard", "client": client,
        "created": _now_iso(), "created_ts": time.time(), "state": "applying",
        "files": entries, **info,
    }
    backup = Backup(directory, root, manifest)
    backup.save_manifest()
    return backup


def list_backups(root: Path, client: str | None = None) -> list[Backup]:
    """Backups under *root* (newest first); folders without a manifest (a crash while copying)
    or with a damaged one are skipped. Raises OSError when the backups cannot be read (the
    folder or a manifest is not readable for this user)."""
    base = root / BACKUP_DIR_NAME
    if not base.is_dir():
        return []
    found = []
    for d in sorted(base.iterdir()):
        try:
            manifest = json.loads((d / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError, ValueError):
            continue
        if not isinstance(manifest, dict) or manifest.get("format") not in READABLE_FORMATS:
            continue
        if client and manifest.get("client") != client:
            continue
        found.append(Backup(d, root, manifest))
    found.sort(key=lambda b: (b.created, b.directory.name), reverse=True)
    return found


def latest_backup(root: Path, client: str | None = None) -> Backup | None:
    """The newest backup not undone yet (one interrupted while applying or undoing counts
    too)."""
    return next((b for b in list_backups(root, client) if b.state in UNDOABLE_STATES), None)


def _save_replaced(backup: Backup, targets: list[Path]) -> dict[Path, bytes]:
    """Copy the files about to be replaced into ``replaced-by-undo/``; their bytes."""
    replaced = backup.directory / "replaced-by-undo"
    found: dict[Path, bytes] = {}
    for target in targets:
        if target.exists():
            data = target.read_bytes()
            copy = _safe_join(replaced, _relative(backup.root, target))
            copy.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(copy, data, mode=0o600)
            found[target] = data
    return found


def replace_files(backup: Backup, writes: list[tuple[Path, bytes]]) -> None:
    """Write each (file, bytes) atomically, after saving the files replaced; a write that
    fails puts back the files already written and raises the OSError."""
    old = _save_replaced(backup, [path for path, _ in writes])
    done: list[Path] = []
    try:
        for path, data in writes:
            atomic_write(path, data)
            done.append(path)
    except OSError:
        for path in done:
            if path in old:
                with contextlib.suppress(OSError):
                    atomic_write(path, old[path])
        raise


def restore(backup: Backup) -> list[Path]:
    """Put every saved file back exactly; returns the paths restored."""
    saved = [(entry, backup.saved_bytes(entry)) for entry in backup.files]  # check all first
    _save_replaced(backup, [_safe_join(backup.root, entry["path"]) for entry, _ in saved])
    done = []
    for entry, data in saved:
        target = _safe_join(backup.root, entry["path"])
        if data is None:
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
        else:
            atomic_write(target, data, mode=entry.get("mode"))
        done.append(target)
    return done
