"""Translation markers for the Qt-free core.

The core never translates: it marks English source strings with :func:`QT_TRANSLATE_NOOP`
so that ``pyside6-lupdate`` extracts them into the one catalogue, and the CLI and GUI layers
translate them with Qt (``op25b_wizard.i18n``). A marked string is a :class:`Msg`, which
remembers its context and formats its placeholders after translation.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - name lupdate knows
    """Mark *source* for extraction under *context*; returns it unchanged."""
    return source


@dataclass(frozen=True)
class Msg:
    """A user-visible message: its context, English source and format arguments."""

    context: str
    source: str
    args: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate | None = None) -> str:
        """Translate (if a translator is given) and fill in the placeholders."""
        text = translate(self.context, self.source) if translate else self.source
        args = {k: v.render(translate) if isinstance(v, Msg) else v for k, v in self.args.items()}
        try:
            return text.format(**args)
        except (KeyError, IndexError, ValueError):
            return self.source.format(**args)

    def __str__(self) -> str:
        return self.render()


def msg(context: str, source: str, **args: Any) -> Msg:
    """Build a :class:`Msg`; *source* must come from :func:`QT_TRANSLATE_NOOP`."""
    return Msg(context, source, args)


_OS_REASONS: dict[int, str] = {
    errno.ENOENT: QT_TRANSLATE_NOOP("OsError", "it does not exist"),
    errno.EACCES: QT_TRANSLATE_NOOP("OsError", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("OsError", "permission denied"),
    errno.EISDIR: QT_TRANSLATE_NOOP("OsError", "it is a folder"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OsError", "a part of the path is not a folder"),
    errno.EEXIST: QT_TRANSLATE_NOOP("OsError", "it already exists"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("OsError", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("OsError", "the disk is read-only"),
    errno.EBUSY: QT_TRANSLATE_NOOP("OsError", "it is in use"),
    errno.EMFILE: QT_TRANSLATE_NOOP("OsError", "too many files are open; close some programs "
                                    "and try again"),
    errno.ENFILE: QT_TRANSLATE_NOOP("OsError", "too many files are open; close some programs "
                                    "and try again"),
    errno.ENOMEM: QT_TRANSLATE_NOOP("OsError", "the computer is out of memory"),
}


_WINDOWS_IN_USE = (32, 33)
"""ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: another program has the file open."""


def _errno_of(error: OSError) -> int:
    """The error number that says what happened. Windows reports a folder opened as a file,
    and a file another program holds open, as "permission denied" (EACCES)."""
    code = error.errno or 0
    if sys.platform == "win32" and code in (errno.EACCES, errno.EPERM):
        if getattr(error, "winerror", None) in _WINDOWS_IN_USE:
            return errno.EBUSY
        if error.filename is not None and os.path.isdir(error.filename):
            return errno.EISDIR
    return code


def os_reason(error: OSError) -> Msg | str:
    """Why a file operation failed, in words the catalogue translates (else the OS's text)."""
    reason = getattr(error, "reason", None)  # small_file.SmallFileError says it already
    if isinstance(reason, Msg):
        return reason
    source = _OS_REASONS.get(_errno_of(error))
    if source is not None:
        return Msg("OsError", source)
    return error.strerror or str(error)
