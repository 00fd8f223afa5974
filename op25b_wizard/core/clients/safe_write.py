"""Back up, write atomically, undo.

- :func:`atomic_write` writes a temporary file beside the target, flushes it to disk and
  renames it over the target: a crash leaves the old file or the new one, never half of one.
  The target keeps its permission bits (and owner, when we may set it).
- A backup is a folder ``<root>/op25b-wizard-backups/<date>_<time>/`` beside the client's data,
  holding exact copies of the files about to change (``files/…``) and ``manifest.json``: the
  client, the account, settings before and after (never a password), each file's SHA-256 and
  mode, and a state (``applying`` → ``applied`` → ``undone``). The manifest is written only
  after the copies are safely on disk.
- :func:`restore` puts the copies back byte for byte; it first saves the files it replaces in
  ``replaced-by-undo/`` of the same backup, so an undo can be undone by hand.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
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
FORMAT = 1


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
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(directory)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _relative(root: Path, path: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        raise BackupError(f"{path} is not inside {root}") from None
    return rel.as_posix()


def _safe_join(root: Path, rel: str) -> Path:
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise BackupError(f"unsafe path in backup manifest: {rel!r}")
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
        text = json.dumps(self.manifest, ensure_ascii=False, indent=2, sort_keys=True)
        atomic_write(self.directory / MANIFEST_NAME, text.encode("utf-8") + b"\n", mode=0o600)

    def mark(self, state: str, **extra: Any) -> None:
        self.manifest["state"] = state
        self.manifest[f"{state}_at"] = _now_iso()
        self.manifest.update(extra)
        self.save_manifest()


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _new_backup_dir(base: Path) -> Path:
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
    """Copy *files* (inside *root*) into a new backup folder; the manifest comes last."""
    directory = _new_backup_dir(root / BACKUP_DIR_NAME)
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
    """Backups under *root* (newest first); folders without a readable manifest are skipped."""
    base = root / BACKUP_DIR_NAME
    if not base.is_dir():
        return []
    found = []
    for d in base.iterdir():
        try:
            manifest = json.loads((d / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            continue
        if client and manifest.get("client") != client:
            continue
        found.append(Backup(d, root, manifest))
    found.sort(key=lambda b: (b.created, b.directory.name), reverse=True)
    return found


def latest_backup(root: Path, client: str | None = None) -> Backup | None:
    """The newest backup not undone yet (one interrupted while applying counts too)."""
    return next((b for b in list_backups(root, client) if b.state in ("applying", "applied")),
                None)


def restore(backup: Backup) -> list[Path]:
    """Put every saved file back exactly; returns the paths restored."""
    saved = [(entry, backup.saved_bytes(entry)) for entry in backup.files]  # check all first
    replaced = backup.directory / "replaced-by-undo"
    for entry, _data in saved:
        target = _safe_join(backup.root, entry["path"])
        if target.exists():
            copy = _safe_join(replaced, entry["path"])
            copy.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            atomic_write(copy, target.read_bytes(), mode=0o600)
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
