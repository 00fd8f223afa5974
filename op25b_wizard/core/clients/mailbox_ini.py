"""Read and minimally edit Windows INI files in the ANSI code page (Becky!'s ``Mailbox.ini``).

Becky! writes ``Mailbox.ini`` with Windows' profile API in the ANSI code page: Shift_JIS
(code page 932) on Japanese Windows, CRLF line ends. The file is handled line by line as
bytes; a line is decoded only to read it, and an edit replaces just the bytes of one value,
so every other byte stays exactly as it was (even byte sequences that code page 932 maps to
the same character, which decoding and re-encoding the whole file would not preserve).

Splitting at bytes is safe in Shift_JIS: CR, LF, ``=``, ``;``, space and tab never occur as the
second byte of a double-byte character (``[`` and ``]`` can, so sections are found in the
decoded text). As Windows does: section and key names are matched without regard to case,
the first section of a name and the first key in it count, spaces around keys and values
are ignored, a value in matching double quotes loses them, and lines starting with ``;`` are
comments.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_ENCODING = "cp932"
UTF8_BOM = b"\xef\xbb\xbf"


class IniFormatError(Exception):
    """The file is not an INI file this module can edit safely (e.g. UTF-16)."""


@dataclass(frozen=True)
class IniLine:
    raw: bytes
    """The line with its line ending."""
    section: str | None = None
    """Set on a ``[section]`` line."""
    key: str | None = None
    value: str | None = None
    value_start: int = 0
    value_end: int = 0
    """Byte offsets of the value inside ``raw`` (spaces around it excluded)."""

    @property
    def ending(self) -> bytes:
        if self.raw.endswith(b"\r\n"):
            return b"\r\n"
        return b"\n" if self.raw.endswith(b"\n") else b""


def _split_lines(data: bytes) -> list[bytes]:
    lines = []
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        end = len(data) if nl < 0 else nl + 1
        lines.append(data[pos:end])
        pos = end
    return lines


class IniDocument:
    """An INI file's lines, kept as bytes, with what each one means."""

    def __init__(self, data: bytes, encoding: str | None = None) -> None:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise IniFormatError("UTF-16 files are not supported")
        self.data = data
        self.encoding = encoding or ("utf-8" if data.startswith(UTF8_BOM) else DEFAULT_ENCODING)
        self.lines = [self._parse_line(raw, first=i == 0)
                      for i, raw in enumerate(_split_lines(data))]

    @classmethod
    def read(cls, path: str | os.PathLike[str], encoding: str | None = None) -> IniDocument:
        with open(path, "rb") as f:
            return cls(f.read(), encoding)

    def _decode(self, raw: bytes) -> str:
        return raw.decode(self.encoding, "surrogateescape")

    def _parse_line(self, raw: bytes, first: bool) -> IniLine:
        body = raw[:len(raw) - len(IniLine(raw).ending)]
        skip = len(UTF8_BOM) if first and body.startswith(UTF8_BOM) else 0
        text = self._decode(body[skip:]).strip(" \t")
        if not text or text.startswith(";"):
            return IniLine(raw)
        if text.startswith("[") and "]" in text:
            return IniLine(raw, section=text[1:text.index("]")].strip(" \t"))
        eq = body.find(b"=", skip)
        if eq < 0:
            return IniLine(raw)
        key = self._decode(body[skip:eq]).strip(" \t")
        start, end = eq + 1, len(body)
        while start < end and body[start] in b" \t":
            start += 1
        while end > start and body[end - 1] in b" \t":
            end -= 1
        value = self._decode(body[start:end])
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        return IniLine(raw, key=key, value=value, value_start=start, value_end=end)

    # -- reading ---------------------------------------------------------------------------

    def _section_range(self, section: str) -> tuple[int, int] | None:
        """Line indexes [header, end) of the first section named *section*."""
        wanted = section.lower()
        start = None
        for i, line in enumerate(self.lines):
            if line.section is None:
                continue
            if start is not None:
                return start, i
            if line.section.lower() == wanted:
                start = i
        return (start, len(self.lines)) if start is not None else None

    def _entry_index(self, section: str, key: str) -> int | None:
        rng = self._section_range(section)
        if rng is None:
            return None
        wanted = key.lower()
        for i in range(rng[0] + 1, rng[1]):
            k = self.lines[i].key
            if k is not None and k.lower() == wanted:
                return i
        return None

    def get(self, section: str, key: str) -> str | None:
        i = self._entry_index(section, key)
        return None if i is None else self.lines[i].value

    def sections(self) -> list[str]:
        return [line.section for line in self.lines if line.section is not None]

    def values(self) -> dict[tuple[str, str], str]:
        """Every (section, key) → value as Windows reads them (first ones win)."""
        out: dict[tuple[str, str], str] = {}
        seen_sections: set[str] = set()
        current: str | None = None
        active = False
        for line in self.lines:
            if line.section is not None:
                current = line.section.lower()
                active = current not in seen_sections
                seen_sections.add(current)
            elif line.key is not None and current is not None and active:
                out.setdefault((current, line.key.lower()), line.value or "")
        return out

    def line_ending(self) -> bytes:
        crlf = self.data.count(b"\r\n")
        return b"\r\n" if crlf * 2 >= self.data.count(b"\n") else b"\n"

    # -- editing ---------------------------------------------------------------------------

    def _encode_value(self, value: str) -> bytes:
        if any(c in value for c in "\r\n\0"):
            raise IniFormatError("a value cannot hold line breaks")
        try:
            return value.encode(self.encoding)
        except UnicodeEncodeError:
            raise IniFormatError(f"{value!r} cannot be written in {self.encoding}") from None

    def edit(self, section: str, changes: Mapping[str, str | None], *,
             insert_missing: bool = True) -> bytes:
        """The file's bytes with *changes* made in *section*: values replaced in place, missing
        keys added at the end of the section (the section at the end of the file); a value
        None removes the key's line."""
        lines = [line.raw for line in self.lines]
        eol = self.line_ending()
        new_lines: list[bytes] = []
        removed: set[int] = set()
        for key, value in changes.items():
            i = self._entry_index(section, key)
            if value is None:
                if i is not None:
                    removed.add(i)
                continue
            encoded = self._encode_value(value)
            if i is not None:
                line = self.lines[i]
                lines[i] = line.raw[:line.value_start] + encoded + line.raw[line.value_end:]
            elif insert_missing:
                new_lines.append(self._encode_value(key) + b"=" + encoded)
        if new_lines:
            rng = self._section_range(section)
            if rng is None:
                if lines and not lines[-1].endswith(b"\n"):
                    lines[-1] += eol
                lines.append(b"[" + self._encode_value(section) + b"]" + eol)
                at = len(lines)
            else:
                at = rng[1]
                # after the section's last entry, before any blank lines or comments that close it
                while at - 1 > rng[0] and self.lines[at - 1].key is None:
                    at -= 1
                if at == len(lines) and lines and not lines[-1].endswith(b"\n"):
                    lines[-1] += eol
            lines[at:at] = [n + eol for n in new_lines]
        result = b"".join(line for i, line in enumerate(lines) if i not in removed)
        self._verify(result, section, changes, insert_missing)
        return result

    def _verify(self, result: bytes, section: str, changes: Mapping[str, str | None],
                insert_missing: bool) -> None:
        want = self.values()
        for key, value in changes.items():
            k = (section.lower(), key.lower())
            if value is None:
                want.pop(k, None)
            elif k in want or insert_missing:
                want[k] = value
        got = IniDocument(result, self.encoding).values()
        if got != want:
            raise IniFormatError("the edited file would not read back as intended")
