"""The company preset: an autoconfig file that IT ships beside the app or names with ``--preset``.

The file is ordinary Thunderbird autoconfig XML (config-v1.1), so the same file can also be
served at ``https://autoconfig.<company domain>/mail/config-v1.1.xml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg, os_reason
from op25b_wizard.core.lookup.autoconfig import (
    MAX_BYTES,
    AutoconfigError,
    ClientConfig,
    parse_autoconfig,
)
from op25b_wizard.core.small_file import read_small_file

PRESET_FILENAME = "op25b-preset.xml"
CTX = "Lookup"


def app_directory() -> Path | None:
    """The folder of the running program: the executable's when frozen (PyInstaller), else the
    launched script's (``.venv/bin`` for ``op25b-wizard``)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.is_file():
        return script.resolve().parent
    return None


def preset_folders(directory: Path | None = None) -> list[Path]:
    """Where a preset may lie: *directory*, else beside the executable and, for a macOS
    ``.app`` bundle, also beside the bundle (adding a file inside it breaks its signature)."""
    folder = directory if directory is not None else app_directory()
    if folder is None:
        return []
    folders = [folder]
    if directory is None and folder.name == "MacOS" and folder.parent.name == "Contents" \
            and folder.parent.parent.suffix == ".app":
        folders.append(folder.parent.parent.parent)
    return folders


def find_bundled_preset(directory: Path | None = None) -> Path | None:
    """``op25b-preset.xml`` next to the executable (or in *directory*), if there is one."""
    for folder in preset_folders(directory):
        candidate = folder / PRESET_FILENAME
        if candidate.is_file():
            return candidate
    return None


def load_preset(path: Path, max_bytes: int = MAX_BYTES) -> ClientConfig:
    """Read and parse a preset; raises :class:`AutoconfigError` with a plain message."""
    try:
        data = read_small_file(path, max_bytes + 1)  # parse_autoconfig names a size over the cap
    except OSError as e:
        raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The company preset {path} cannot be read: {reason}"),
            path=str(path), reason=os_reason(e))) from None
    return parse_autoconfig(data, str(path), max_bytes)
