"""Read and minimally edit Mozilla preference files (``prefs.js``, ``user.js``).

The tokenizer follows Mozilla's own parser (``modules/libpref/parser``): statements
``user_pref|pref|sticky_pref ( "name" , value ) ;``, values are strings (single or double
quotes; escapes ``\\" \\' \\\\ \\n \\r \\xNN \\uNNNN``), ``true``/``false`` or 32-bit integers;
comments ``//``, ``#`` and ``/* */``; on a syntax error it skips to the next ``;`` as Mozilla
does, so what we read is what Thunderbird reads.

Edits replace only the bytes of a value (every other byte stays as it was) or insert one
new line in name order; the result is parsed again and checked before it is returned.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

PrefValue = str | int | bool

_KEYWORD_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_KEYWORDS = frozenset({"pref", "user_pref", "sticky_pref", "true", "false", "sticky", "locked"})
_SPACE = frozenset(b" \t\v\f\n\r")
_SINGLE = frozenset(b"()+,-;")
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


class PrefsEditError(Exception):
    """An edit could not be made without changing what the file means."""


@dataclass(frozen=True)
class PrefStatement:
    """One parsed statement with the byte offsets of the statement and of its value."""

    spec: str
    """``user_pref``, ``pref`` or ``sticky_pref``."""
    name: str
    value: PrefValue
    start: int
    end: int
    value_start: int
    value_end: int

    @property
    def is_user(self) -> bool:
        return self.spec == "user_pref"


@dataclass(frozen=True)
class _Token:
    kind: str  # "single", "keyword", "string", "int", "error", "eof"
    value: object
    start: int
    end: int


class _Lexer:
    def __init__(self, data: bytes) -> None:
        nul = data.find(b"\0")
        self.buf = data if nul < 0 else data[:nul]  # Mozilla: NUL means end of file
        self.i = 0

    def _peek(self) -> int | None:
        return self.buf[self.i] if self.i < len(self.buf) else None

    def _skip_line(self) -> None:
        while self.i < len(self.buf) and self.buf[self.i] not in b"\r\n":
            self.i += 1

    def next(self) -> _Token:
        buf = self.buf
        while True:
            start = self.i
            if start >= len(buf):
                return _Token("eof", None, start, start)
            c = buf[start]
            self.i += 1
            if c in _SINGLE:
                return _Token("single", chr(c), start, self.i)
            if c in _SPACE:
                continue
            if c in _KEYWORD_CHARS:
                while self._peek() is not None and self._peek() in _KEYWORD_CHARS:
                    self.i += 1
                word = buf[start:self.i].decode("ascii")
                if word in _KEYWORDS:
                    return _Token("keyword", word, start, self.i)
                return _Token("error", "unknown keyword", start, self.i)
            if c in b"\"'":
                return self._string(c, start)
            if c == ord("/"):
                nxt = self._peek()
                if nxt == ord("/"):
                    self._skip_line()
                    continue
                if nxt == ord("*"):
                    end = buf.find(b"*/", self.i + 1)
                    if end < 0:
                        self.i = len(buf)
                        return _Token("error", "unterminated /* comment", start, self.i)
                    self.i = end + 2
                    continue
                return _Token("error", "expected '/' or '*' after '/'", start, self.i)
            if c == ord("#"):
                self._skip_line()
                continue
            if 48 <= c <= 57:
                while self._peek() is not None and 48 <= self._peek() <= 57:  # type: ignore[operator]
                    self.i += 1
                if self._peek() is not None and self._peek() in _KEYWORD_CHARS:
                    return _Token("error", "unexpected character in integer literal", start, self.i)
                value = int(buf[start:self.i])
                if value > 2**32 - 1:
                    return _Token("error", "integer literal overflowed", start, self.i)
                return _Token("int", value, start, self.i)
            return _Token("error", "unexpected character", start, self.i)

    def _hex(self, digits: int) -> int | None:
        text = self.buf[self.i:self.i + digits]
        if len(text) != digits or any(ch not in b"0123456789abcdefABCDEF" for ch in text):
            # Mozilla consumes the valid digits and stops before the first invalid one.
            while self._peek() is not None and self._peek() in b"0123456789abcdefABCDEF" \
                    and digits > 0:
                self.i += 1
                digits -= 1
            return None
        self.i += digits
        return int(text, 16)

    def _string(self, quote: int, start: int) -> _Token:
        out = bytearray()
        error: str | None = None
        buf = self.buf
        while True:
            if self.i >= len(buf):
                return _Token("error", error or "unterminated string literal", start, self.i)
            c = buf[self.i]
            self.i += 1
            if c == quote:
                break
            if c != ord("\\"):
                out.append(c)
                continue
            e = self._peek()
            if e is None:
                error = error or "unexpected escape sequence character after '\\'"
                continue
            self.i += 1
            if e in b"\"'\\":
                out.append(e)
            elif e == ord("n"):
                out.append(10)
            elif e == ord("r"):
                out.append(13)
            elif e == ord("x"):
                v = self._hex(2)
                if v is None:
                    error = error or "malformed \\x escape sequence"
                elif v == 0:
                    error = error or "\\x00 is not allowed"
                else:
                    out.append(v)
            elif e == ord("u"):
                v = self._hex(4)
                if v is None:
                    error = error or "malformed \\u escape sequence"
                    continue
                if 0xD800 <= v <= 0xDBFF:
                    lo = None
                    # As Mozilla: a backslash is consumed even when no "u" follows it.
                    if self._peek() == ord("\\"):
                        self.i += 1
                        if self._peek() == ord("u"):
                            self.i += 1
                            lo = self._hex(4)
                    if lo is None or not 0xDC00 <= lo <= 0xDFFF:
                        error = error or "expected low surrogate after high surrogate"
                        continue
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                elif 0xDC00 <= v <= 0xDFFF:
                    error = error or "low surrogate without high surrogate"
                    continue
                elif v == 0:
                    error = error or "\\u0000 is not allowed"
                    continue
                out += chr(v).encode("utf-8", "surrogatepass")
            else:
                self.i -= 1
                error = error or "unexpected escape sequence character after '\\'"
        if error:
            return _Token("error", error, start, self.i)
        return _Token("string", _decode(bytes(out)), start, self.i)


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


class PrefsDocument:
    """A parsed preference file: its bytes, its statements in file order, any parse errors."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.statements: list[PrefStatement] = []
        self.errors: list[str] = []
        self._line = (0, 1)
        """(offset, line number there): errors come in file order, so each one counts only
        the line breaks since the one before (counting from the start made parsing
        quadratic in the number of errors)."""
        self._parse()

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> PrefsDocument:
        with open(path, "rb") as f:
            return cls(f.read())

    def _parse(self) -> None:
        lx = _Lexer(self.data)
        tok = lx.next()
        while tok.kind != "eof":
            start_tok = tok
            if not (tok.kind == "keyword" and tok.value in ("pref", "user_pref", "sticky_pref")):
                tok = self._recover(lx, tok, "expected pref specifier at start of pref definition")
                continue
            seq: list[_Token] = []
            ok = True
            for expect in ("(", "name", ","):
                tok = lx.next()
                seq.append(tok)
                if expect == "name":
                    ok = tok.kind == "string"
                else:
                    ok = tok.kind == "single" and tok.value == expect
                if not ok:
                    break
            if not ok:
                tok = self._recover(lx, tok, "syntax error in pref definition")
                continue
            name = seq[1].value
            tok = lx.next()
            value_start = tok.start
            value: PrefValue
            if tok.kind == "keyword" and tok.value in ("true", "false"):
                value = tok.value == "true"
            elif tok.kind == "string" or (tok.kind == "int" and tok.value <= INT_MAX):  # type: ignore[operator]
                value = tok.value  # type: ignore[assignment]
            elif tok.kind == "single" and tok.value in "+-":
                sign = tok.value
                tok = lx.next()
                limit = INT_MAX + 1 if sign == "-" else INT_MAX
                if tok.kind != "int" or tok.value > limit:  # type: ignore[operator]
                    tok = self._recover(lx, tok, "expected integer literal after sign")
                    continue
                value = -tok.value if sign == "-" else tok.value  # type: ignore[operator]
            else:
                tok = self._recover(lx, tok, "expected pref value after ','")
                continue
            value_end = tok.end
            tok = lx.next()
            # Attributes (", sticky", ", locked") are allowed in default-pref files only; a
            # profile's prefs.js and user.js are user files, where they are errors.
            if not (tok.kind == "single" and tok.value == ")"):
                tok = self._recover(lx, tok, "expected ')' after pref value")
                continue
            tok = lx.next()
            if not (tok.kind == "single" and tok.value == ";"):
                tok = self._recover(lx, tok, "expected ';' after ')'")
                continue
            self.statements.append(PrefStatement(
                str(start_tok.value), str(name), value, start_tok.start, tok.end,
                value_start, value_end))
            tok = lx.next()

    def _recover(self, lx: _Lexer, tok: _Token, message: str) -> _Token:
        if tok.kind == "error":
            message = str(tok.value)
        self.errors.append(f"line {self._line_at(tok.start)}: {message}")
        while True:
            if tok.kind == "eof":
                return tok
            if tok.kind == "single" and tok.value == ";":
                return lx.next()
            tok = lx.next()

    def _line_at(self, offset: int) -> int:
        at, line = self._line
        if offset < at:  # not expected (errors come in order), but never wrong
            at, line = 0, 1
        line += self.data.count(b"\n", at, offset)
        self._line = (offset, line)
        return line

    # -- reading ---------------------------------------------------------------------------

    def user_values(self) -> dict[str, PrefValue]:
        """``user_pref`` values, the last one of a name winning (as when Thunderbird loads)."""
        return {s.name: s.value for s in self.statements if s.is_user}

    def default_values(self) -> dict[str, PrefValue]:
        """``pref``/``sticky_pref`` values (these set defaults, even in ``user.js``)."""
        return {s.name: s.value for s in self.statements if not s.is_user}

    def user_statements(self, name: str) -> list[PrefStatement]:
        return [s for s in self.statements if s.is_user and s.name == name]

    def line_ending(self) -> bytes:
        crlf = self.data.count(b"\r\n")
        return b"\r\n" if crlf and crlf * 2 >= self.data.count(b"\n") else b"\n"

    # -- editing ---------------------------------------------------------------------------

    def edit(self, changes: Mapping[str, PrefValue | None], *,
             insert_missing: bool = True) -> bytes:
        """The file's bytes with *changes* made: each ``user_pref`` of a changed name gets the
        new value in place; a name not set yet gets a new line (if *insert_missing*); a value
        None removes the name's ``user_pref`` statements (with their lines, when alone there)."""
        replacements: list[tuple[int, int, bytes]] = []
        inserts: list[tuple[int, str, bytes]] = []
        for name, value in changes.items():
            found = self.user_statements(name)
            if value is None:
                replacements += [(*self._removal(s), b"") for s in found]
                continue
            for s in found:
                replacements.append((s.value_start, s.value_end, format_value(value)))
            if not found and insert_missing:
                at, line = self._insertion(name, value)
                inserts.append((at, name, line))
        # New lines at one place go in name order (the sort below is stable).
        replacements += [(at, at, line) for at, _name, line in sorted(inserts)]
        replacements.sort(key=lambda r: (r[0], r[1]))
        out = bytearray()
        pos = 0
        for start, end, new in replacements:
            if start < pos:
                raise PrefsEditError("overlapping edits")
            out += self.data[pos:start]
            out += new
            pos = end
        out += self.data[pos:]
        result = bytes(out)
        self._verify(result, changes, insert_missing)
        return result

    def _removal(self, s: PrefStatement) -> tuple[int, int]:
        """The bytes to delete for *s*: its whole line when nothing else is on it."""
        data = self.data
        line_start = data.rfind(b"\n", 0, s.start) + 1
        nl = data.find(b"\n", s.end)
        line_end = len(data) if nl < 0 else nl + 1
        if data[line_start:s.start].strip() or data[s.end:line_end].strip():
            return s.start, s.end
        return line_start, line_end

    def _insertion(self, name: str, value: PrefValue) -> tuple[int, bytes]:
        """Where a new ``user_pref`` line goes (after the nearest smaller name) and its bytes."""
        users = [s for s in self.statements if s.is_user]
        before = [s for s in users if s.name < name]
        if before:
            anchor = max(before, key=lambda s: (s.name, s.start))
            nl = self.data.find(b"\n", anchor.end)
            eol = b"\r\n" if nl > 0 and self.data[nl - 1:nl] == b"\r" else self.line_ending()
            if nl < 0:
                return len(self.data), eol + statement_bytes(name, value)
            return nl + 1, statement_bytes(name, value) + eol
        eol = self.line_ending()
        if users:
            first = min(users, key=lambda s: s.start)
            line_start = max(self.data.rfind(b"\n", 0, first.start) + 1, 0)
            if not self.data[line_start:first.start].strip():
                return line_start, statement_bytes(name, value) + eol
            return first.start, statement_bytes(name, value) + eol
        if self.data and not self.data.endswith(b"\n"):
            return len(self.data), eol + statement_bytes(name, value) + eol
        return len(self.data), statement_bytes(name, value) + eol

    def _verify(self, result: bytes, changes: Mapping[str, PrefValue | None],
                insert_missing: bool) -> None:
        after = PrefsDocument(result)
        want = self.user_values()
        for name, value in changes.items():
            if value is None:
                want.pop(name, None)
            elif name in want or insert_missing:
                want[name] = value
        got = after.user_values()
        if not _same_values(got, want) or not _same_values(after.default_values(),
                                                           self.default_values()):
            raise PrefsEditError("the edited file would not read back as intended")


def _same_values(a: Mapping[str, PrefValue], b: Mapping[str, PrefValue]) -> bool:
    return a.keys() == b.keys() and all(
        type(a[k]) is type(b[k]) and a[k] == b[k] for k in a)


def escape_string(text: str) -> str:
    """Escape like Mozilla when it writes prefs.js: backslash, double quote, CR and LF."""
    return (text.replace("\\", "\\\\").replace('"', '\\"')
            .replace("\n", "\\n").replace("\r", "\\r"))


def format_value(value: PrefValue) -> bytes:
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            raise ValueError(f"integer pref out of range: {value}")
        return str(value).encode("ascii")
    if "\0" in value:
        raise ValueError("a pref string cannot hold NUL")
    return b'"' + _encode(escape_string(value)) + b'"'


def statement_bytes(name: str, value: PrefValue) -> bytes:
    return b'user_pref("' + _encode(escape_string(name)) + b'", ' + format_value(value) + b");"


def merged_user_values(docs: Iterable[PrefsDocument]) -> dict[str, PrefValue]:
    """User values as Thunderbird ends up with them: later files (user.js) override."""
    merged: dict[str, PrefValue] = {}
    for d in docs:
        merged.update(d.user_values())
    return merged
