"""Text measured in terminal columns: a CJK character takes two, and lines break at spaces
(Latin text stays whole words) or between CJK characters."""

from __future__ import annotations

import re
from unicodedata import east_asian_width

CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
"""The CJK characters (punctuation, kana, ideographs, full-width forms) as a regular-expression
character range: text with no spaces between them, broken or joined between any two."""
NO_LINE_START = frozenset("、。，．）」』】〉》・ー")
"""Japanese punctuation that does not begin a line (it stays at the end of the one before)."""
_CHUNKS = re.compile(f"[{CJK}]|[^\\s{CJK}]+|\\s+")


def columns(text: str) -> int:
    """Terminal columns *text* takes (CJK characters take two)."""
    return sum(2 if east_asian_width(c) in ("W", "F") else 1 for c in text)


def wrap_columns(text: str, width: int) -> list[str]:
    """Lines of at most *width* display columns, broken at spaces or between CJK characters
    (a single word longer than *width* stays whole on its own line); punctuation that may not
    begin a line takes the character before it along to the next line."""
    lines: list[str] = []
    line: list[str] = []
    for chunk in _CHUNKS.findall(text):
        if chunk.isspace():
            chunk = " "
        if "".join(line).strip() and columns("".join(line) + chunk) > width:
            carried: list[str] = []
            if chunk in NO_LINE_START and len(line) > 1 and not line[-1].isspace():
                carried = [line.pop()]
            lines.append("".join(line).rstrip())
            line = [*carried] if chunk == " " else [*carried, chunk]
        else:
            line.append(chunk)
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return lines
