"""Which text may be printed or written into a setting: none with control characters."""

from __future__ import annotations

import unicodedata

CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
"""Control characters (line breaks, tab, escape), format characters (bidirectional overrides,
zero-width characters) and the Unicode line and paragraph separators."""


def has_control(text: str) -> bool:
    """Whether *text* holds a character that could break or fake a line of output or a file."""
    return any(unicodedata.category(c) in CONTROL_CATEGORIES for c in text)
