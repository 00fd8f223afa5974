"""Whether a mail program is installed, apart from whether it has a profile yet: "installed,
no profile yet" (it was never started) is not "not found"."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path


def _thunderbird_places(home: Path, env: Mapping[str, str], platform: str) -> list[Path]:
    if platform.startswith("win"):
        bases = [env.get("ProgramFiles"), env.get("ProgramFiles(x86)"), env.get("LOCALAPPDATA")]
        return [Path(b) / "Mozilla Thunderbird" / "thunderbird.exe" for b in bases if b]
    if platform == "darwin":
        return [Path("/Applications/Thunderbird.app"), home / "Applications" / "Thunderbird.app"]
    return [
        Path("/var/lib/flatpak/app/org.mozilla.Thunderbird"),  # flatpak, system-wide
        home / ".local" / "share" / "flatpak" / "app" / "org.mozilla.Thunderbird",
        Path("/snap/thunderbird/current"),
    ]


def thunderbird_installed(home: Path | None = None, env: Mapping[str, str] | None = None,
                          platform: str | None = None) -> bool:
    """Thunderbird's program is on the PATH or in a usual place (flatpak, snap, an app
    folder, Program Files)."""
    home = home if home is not None else Path.home()
    env = env if env is not None else os.environ
    platform = platform or sys.platform
    if shutil.which("thunderbird", path=env.get("PATH", "")):
        return True
    return any(p.exists() for p in _thunderbird_places(home, env, platform))


def installed(client: str, home: Path | None = None,
              env: Mapping[str, str] | None = None) -> bool | None:
    """Whether *client* (``thunderbird``) is installed; None when it cannot be told."""
    if client == "thunderbird":
        return thunderbird_installed(home, env)
    return None
