"""Is Thunderbird using a profile? Ask its lock, never the lock file's mere presence.

Thunderbird leaves its lock files behind after a clean exit, so we try the lock itself, as
Mozilla's ``nsProfileLock`` does:

- Linux and macOS: a POSIX ``fcntl`` write lock on ``.parentlock``; on Linux also a ``lock``
  symlink pointing to ``ADDRESS:PID`` (``ADDRESS:+PID`` when the fcntl lock is held too).
- Windows: ``parent.lock`` opened without sharing, so opening it fails while Thunderbird runs.

:func:`hold` keeps the lock while we write, so Thunderbird cannot start half-way through.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path


class ProfileLocked(Exception):
    """The profile is in use."""


def _symlink_owner_alive(profile: Path) -> bool:
    """True when the ``lock`` symlink names a live process and no fcntl lock backs it."""
    link = profile / "lock"
    try:
        target = os.readlink(link)
    except OSError:
        return False
    _addr, sep, pid_text = target.rpartition(":")
    if not sep:
        return False
    if pid_text.startswith("+"):
        # "+" means the owner also held the fcntl lock: that lock alone decides.
        return False
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _hold_posix(profile: Path, platform: str, create: bool) -> Iterator[None]:
    import fcntl

    if platform.startswith("linux") and _symlink_owner_alive(profile):
        raise ProfileLocked(str(profile))
    path = profile / ".parentlock"
    if not create and not path.exists():
        yield  # never opened by Thunderbird (or not since it was removed): not in use
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        if e.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            # Cannot open the lock file: we cannot write the profile either; let the write fail.
            yield
            return
        raise
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EACCES, errno.EAGAIN):
                raise ProfileLocked(str(profile)) from None
            raise
        try:
            yield
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _hold_windows(profile: Path) -> Iterator[None]:
    path = profile / "parent.lock"
    if not path.exists():
        yield
        return
    try:
        f = open(path, "rb")  # noqa: SIM115 - kept open while writing
    except PermissionError:
        raise ProfileLocked(str(profile)) from None
    try:
        yield
    finally:
        f.close()


def hold(profile: Path, platform: str, *, create: bool = False,
         ) -> contextlib.AbstractContextManager[None]:
    """Context manager: raises :class:`ProfileLocked` if Thunderbird runs on *profile*,
    otherwise keeps it from starting there until the block ends (Windows: best effort).

    A missing ``.parentlock`` is created only with *create*: without one Thunderbird has not
    run on the profile since it was made, and we leave no file behind that was not there."""
    if platform.startswith("win"):
        return _hold_windows(profile)
    return _hold_posix(profile, platform, create)


def is_locked(profile: Path, platform: str) -> bool:
    try:
        with hold(profile, platform):
            return False
    except ProfileLocked:
        return True
