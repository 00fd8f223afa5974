"""Commands printed for the user to paste: every word quoted for the shell of the platform.

POSIX shells get :func:`shlex.quote` (single quotes: nothing inside is expanded). On Windows the
same line may be pasted into cmd or PowerShell, which share only double quotes and expand
different things inside them (``%VAR%`` in cmd; ``$(...)``, ``$var`` and the backtick in
PowerShell): a word holding any of those cannot be quoted safely for both, and no command is
offered for it. A word with a line break or another control character is never printed as part
of a command on any platform (it could fake lines of the output).
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Iterable

from op25b_wizard.core.control_chars import has_control

_WINDOWS_PLAIN = re.compile(r"[A-Za-z0-9@+=:,./\\_-]+")
_WINDOWS_UNSAFE = frozenset('"%$`!')
"""Inside double quotes: ``"`` ends the word, ``%`` (cmd) and ``!`` (cmd with delayed
expansion) expand variables, ``$`` and the backtick expand in PowerShell."""


def quote_word(word: str, *, windows: bool | None = None) -> str | None:
    """*word* as the user's shell reads it back unchanged, or None when it cannot be."""
    if windows is None:
        windows = sys.platform == "win32"
    if has_control(word):
        return None
    if not windows:
        return shlex.quote(word)
    if word and _WINDOWS_PLAIN.fullmatch(word):
        return word
    if any(c in _WINDOWS_UNSAFE for c in word):
        return None
    return f'"{word}"'


def command_line(words: Iterable[str], *, windows: bool | None = None) -> str | None:
    """The words as one command line to paste, or None when one of them cannot be quoted."""
    quoted = [quote_word(w, windows=windows) for w in words]
    if any(q is None for q in quoted):
        return None
    return " ".join(q for q in quoted if q is not None)
