"""Where Thunderbird keeps its profiles, and which one it opens by default (``profiles.ini``).

``profiles.ini`` lists ``[ProfileN]`` sections (``Path``, ``IsRelative``, ``Default=1``) and,
since Thunderbird 68, one ``[Install<hash>]`` section per installation whose ``Default=`` names
the profile that installation opens; that one wins over ``Default=1``.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath


@dataclass(frozen=True)
class ProfileEntry:
    name: str
    path: Path
    is_default: bool


def thunderbird_roots(home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    """Folders that may hold ``profiles.ini``, the usual installation first."""
    if platform.startswith("win"):
        appdata = env.get("APPDATA")
        base = Path(appdata) if appdata else home / "AppData" / "Roaming"
        return [base / "Thunderbird"]
    if platform == "darwin":
        return [home / "Library" / "Thunderbird"]
    return [
        home / ".thunderbird",
        home / ".var" / "app" / "org.mozilla.Thunderbird" / ".thunderbird",  # flatpak
        home / "snap" / "thunderbird" / "common" / ".thunderbird",  # snap
    ]


def _read_ini(path: Path) -> configparser.ConfigParser:
    cp = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",),
                                   comment_prefixes=(";", "#"), inline_comment_prefixes=None)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        cp.read_file(f)
    return cp


def _profile_path(root: Path, raw: str, relative: bool) -> Path:
    if relative:
        # Relative paths are written with "/" on every platform.
        return root.joinpath(*PurePosixPath(raw.replace("\\", "/")).parts)
    if "\\" in raw or (len(raw) > 1 and raw[1] == ":"):
        return Path(PureWindowsPath(raw))
    return Path(raw)


def read_profiles_ini(root: Path) -> list[ProfileEntry]:
    """The profiles listed in ``root/profiles.ini``, the default first; [] when there is none."""
    ini = root / "profiles.ini"
    if not ini.is_file():
        return []
    try:
        cp = _read_ini(ini)
    except (configparser.Error, OSError, UnicodeError):
        return []
    entries: list[tuple[str, str, Path, bool]] = []  # (raw path, name, path, Default=1)
    for section in cp.sections():
        if not section.startswith("Profile"):
            continue
        s = cp[section]
        raw = s.get("Path")
        if not raw:
            continue
        relative = s.get("IsRelative", "1").strip() == "1"
        entries.append((raw, s.get("Name", raw), _profile_path(root, raw, relative),
                        s.get("Default", "0").strip() == "1"))
    install_defaults = [cp[s].get("Default", "") for s in cp.sections()
                        if s.startswith("Install") and cp[s].get("Default")]
    default_index = None
    for wanted in install_defaults:
        default_index = next((i for i, e in enumerate(entries) if e[0] == wanted), None)
        if default_index is not None:
            break
    if default_index is None:
        default_index = next((i for i, e in enumerate(entries) if e[3]), None)
    if default_index is None and entries:
        default_index = 0
    result = [ProfileEntry(name, path, i == default_index)
              for i, (_raw, name, path, _d) in enumerate(entries)]
    result.sort(key=lambda e: not e.is_default)
    return result


def find_profiles(home: Path | None = None, env: Mapping[str, str] | None = None,
                  platform: str | None = None) -> list[ProfileEntry]:
    """Every Thunderbird profile of this user that exists on disk: folder by folder (the usual
    installation, then flatpak, then snap), each folder's default first."""
    home = home if home is not None else Path.home()
    env = env if env is not None else os.environ
    platform = platform or sys.platform
    seen: set[Path] = set()
    found: list[ProfileEntry] = []
    for root in thunderbird_roots(home, env, platform):
        for entry in read_profiles_ini(root):
            key = entry.path.resolve() if entry.path.exists() else entry.path
            if key in seen or not entry.path.is_dir():
                continue
            seen.add(key)
            found.append(entry)
    return found
