"""Reading a small file the user names (a saved diagnosis, a preset): bounded and never blocking.

A FIFO, a device such as ``/dev/zero`` or a folder is refused before anything is read (opening
a FIFO would wait for a writer; a device never ends), and a file larger than the caller's cap is
refused after reading one byte more than the cap.
"""

from __future__ import annotations

import os
import stat

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg


class SmallFileError(OSError):
    """Not a file this program reads; ``reason`` says why in plain words (see ``os_reason``)."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.render())
        self.reason = reason


def read_small_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file *path*, at most *max_bytes* of them.

    Raises :class:`SmallFileError` for something that is not a regular file or is larger than
    *max_bytes*, and :class:`OSError` when it cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise SmallFileError(Msg("OsError", QT_TRANSLATE_NOOP("OsError", "it is a folder")))
        if not stat.S_ISREG(mode):
            raise SmallFileError(Msg("OsError", QT_TRANSLATE_NOOP(
                "OsError", "it is not an ordinary file (a device, pipe or socket)")))
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise SmallFileError(Msg("OsError", QT_TRANSLATE_NOOP(
            "OsError", "it is larger than {limit} KB, too large to be the file expected"),
            {"limit": max_bytes // 1000}))
    return data
