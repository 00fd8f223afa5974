"""What differs between the systems the suite runs on (Linux, and Windows in the Windows lane):
the installed command, the user's folders, line endings, and the reasons a test cannot run.

Tests ask here instead of spelling out ``.venv/bin/op25b-wizard`` or ``~/.thunderbird``, so the
same test checks the same behaviour on every system."""

from __future__ import annotations

import contextlib
import locale
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from op25b_wizard.core.clients.profiles import thunderbird_roots

WINDOWS = sys.platform == "win32"
POSIX = os.name == "posix"
PIPE_ENCODING = locale.getpreferredencoding(False)
"""What a child Python writes into a pipe with (Windows: the ANSI code page, cp1252 or cp932)."""
NEWLINE = os.linesep
"""What a text file written in text mode ends its lines with on this system."""


def installed_script(name: str) -> Path:
    """A command installed with this Python (``Scripts\\NAME.exe`` on Windows, the
    virtualenv's ``bin/NAME`` elsewhere); the path even when it is missing."""
    exe = f"{name}.exe" if WINDOWS else name
    for folder in (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent):
        if (folder / exe).is_file():
            return folder / exe
    return Path(sysconfig.get_path("scripts")) / exe


def cli_path() -> str:
    """The installed ``op25b-wizard`` command: the launcher users run."""
    path = installed_script("op25b-wizard")
    if not path.is_file():
        raise FileNotFoundError(f"{path} is not installed")
    return str(path)


CLI = cli_path()
"""``[CLI, *argv]`` runs the command as a user would."""


def home_env(home: Path) -> dict[str, str]:
    """Environment variables that make *home* the user's home folder (child processes,
    ``monkeypatch``): ``HOME`` and, on Windows, ``USERPROFILE``, ``APPDATA``, ``LOCALAPPDATA``."""
    env = {"HOME": str(home)}
    if WINDOWS:
        env.update(USERPROFILE=str(home), APPDATA=str(home / "AppData" / "Roaming"),
                   LOCALAPPDATA=str(home / "AppData" / "Local"))
    return env


def set_home(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Make *home* this process's home folder for the rest of the test."""
    for name, value in home_env(home).items():
        monkeypatch.setenv(name, value)


def thunderbird_dir(home: Path, env: Mapping[str, str] | None = None) -> Path:
    """Where Thunderbird keeps ``profiles.ini`` for a user whose home is *home*, by the
    product's own rule (``%APPDATA%\\Thunderbird`` on Windows, ``~/.thunderbird`` on Linux)."""
    return thunderbird_roots(home, home_env(home) if env is None else env, sys.platform)[0]


def text_lines(text: str) -> str:
    """*text* with ``\\n`` line ends as a file written in text mode holds it on this system."""
    return text.replace("\n", NEWLINE)


def not_on_windows(reason: str) -> pytest.MarkDecorator:
    """Skip on Windows, for something that does not exist there; *reason* says what."""
    return pytest.mark.skipif(WINDOWS, reason=f"not on Windows: {reason}")


NO_NETNS = "network namespaces and iptables are Linux kernel features"
NO_SECRET_SERVICE = "the D-Bus Secret Service is a Linux desktop service"
NO_DEBIAN_THUNDERBIRD = "Debian's Thunderbird binary is a Linux program"
NO_MSMTP = "msmtp from Debian is a Linux program"
NO_POSIX_MODES = "files have no POSIX permission bits"


# --- other processes: a running mail client, a file held open ------------------------------

PROFILE_LOCK = "parent.lock" if WINDOWS else ".parentlock"
"""Thunderbird's profile lock file on this system."""

_HOLD = textwrap.dedent("""
    import os, sys
    path, how = sys.argv[1], sys.argv[2]
    if os.name == "nt":
        import ctypes
        from ctypes import wintypes
        k = ctypes.WinDLL("kernel32", use_last_error=True)
        k.CreateFileW.restype = wintypes.HANDLE
        k.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD,
                                  wintypes.LPVOID, wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE]
        # "lock": no sharing at all (Thunderbird's parent.lock); "open": reading and writing
        # shared, deleting and renaming over it not (how most programs open a file)
        share = 0 if how == "lock" else 0x1 | 0x2
        handle = k.CreateFileW(path, 0x80000000 | 0x40000000, share, None, 4, 0x80, None)
        if handle in (None, wintypes.HANDLE(-1).value):
            raise SystemExit(f"CreateFileW failed: {ctypes.get_last_error()}")
    else:
        fd = os.open(path, os.O_RDWR | os.O_CREAT)
        if how == "lock":
            import fcntl
            fcntl.lockf(fd, fcntl.LOCK_EX)
    sys.stdout.buffer.write(b"ready\\n")
    sys.stdout.flush()
    sys.stdin.read()
""")


@contextlib.contextmanager
def file_held(path: Path, *, lock: bool) -> Iterator[None]:
    """Another process keeps *path* open until the block ends: with *lock*, as Thunderbird
    keeps its profile lock (POSIX: an fcntl lock; Windows: opened without sharing); without,
    as most Windows programs open a file (read and write shared, delete not)."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(path), "lock" if lock else "open"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"ready\n"
        yield
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


@contextlib.contextmanager
def program_running(tmp_path: Path, name: str, argv0: str | None = None) -> Iterator[None]:
    """A real process whose executable is called *name* (e.g. ``B2.exe``), as the process list
    shows a mail client: on Windows a copy of this Python under that name, elsewhere a copy of
    ``sleep`` started with *argv0* (default: its path) as its command name."""
    folder = tmp_path / f"stand-in-{name}"
    folder.mkdir()
    exe = folder / name
    if WINDOWS:
        home = Path(sys.base_prefix)
        shutil.copyfile(sys.executable, exe)
        for dll in home.glob("*.dll"):  # python3xx.dll, vcruntime140.dll next to python.exe
            shutil.copyfile(dll, folder / dll.name)
        env = {**os.environ, "PYTHONHOME": str(home)}
        proc = subprocess.Popen([str(exe), "-c", "import time; time.sleep(120)"], env=env)
    else:
        shutil.copy(shutil.which("sleep") or "/bin/sleep", exe)
        proc = subprocess.Popen(["bash", "-c", f'exec -a "$0" "{exe}" 120', argv0 or str(exe)])
    try:
        yield
    finally:
        proc.kill()
        proc.wait()


def base_env() -> dict[str, str]:
    """The least environment a child program starts with: POSIX a plain PATH; Windows the
    variables Windows itself needs (a Windows process without SYSTEMROOT cannot even start)."""
    if not WINDOWS:
        return {"PATH": "/usr/bin:/bin"}
    keep = ("SYSTEMROOT", "WINDIR", "SYSTEMDRIVE", "PATH", "PATHEXT", "COMSPEC", "TEMP", "TMP",
            "PROGRAMDATA", "PROGRAMFILES", "USERNAME", "WINEPREFIX")
    return {k: v for k, v in os.environ.items() if k.upper() in keep}


KEYRING_NAME = "Windows Credential Manager" if WINDOWS else "keyring"
"""What the program calls this system's keyring (``secrets.platform_store_name``)."""


TIMING_SLACK = 0.0 if POSIX else 1.5
"""Seconds a timing assertion adds on Windows: the Windows lane runs under Wine on a loaded
2-core machine, where threads and processes start late. The bounds still tell one timeout from
the sum of several, and a cancel from a timeout."""
