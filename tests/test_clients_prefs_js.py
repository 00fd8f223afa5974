"""prefs.js / user.js reader and writer: Mozilla's grammar, and edits that change nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from op25b_wizard.core.clients.prefs_js import (
    INT_MAX,
    INT_MIN,
    PrefsDocument,
    PrefsEditError,
    format_value,
    statement_bytes,
)

# -- strategies: prefs files written every way Mozilla's parser accepts --------------------

text_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
pref_text = st.text(text_chars, max_size=12)
names = st.text(text_chars, min_size=1, max_size=12)
values = st.one_of(pref_text, st.integers(INT_MIN, INT_MAX), st.booleans())
spaces = st.sampled_from(["", " ", "  ", "\t", "\n", "\r\n", "\r", "\v", "\f"])
line_ends = st.sampled_from(["\n", "\r\n"])


@st.composite
def string_literal(draw: st.DrawFn, value: str) -> str:
    """*value* as a prefs string literal, each character written raw or as some escape."""
    quote = draw(st.sampled_from(['"', "'"]))
    out = [quote]
    for ch in value:
        forms = []
        if ch not in (quote, "\\"):
            forms.append(ch)
        if ch in "\"'\\":
            forms.append("\\" + ch)
        if ch == "\n":
            forms.append("\\n")
        if ch == "\r":
            forms.append("\\r")
        code = ord(ch)
        if code < 0x10000 and not 0xD800 <= code <= 0xDFFF:
            forms.append(f"\\u{code:04x}")
            forms.append(f"\\u{code:04X}")
        elif code >= 0x10000:
            v = code - 0x10000
            forms.append(f"\\u{0xD800 + (v >> 10):04x}\\u{0xDC00 + (v & 0x3FF):04x}")
        # \xNN gives one raw byte: a character's UTF-8 bytes, one escape each
        forms.append("".join(f"\\x{b:02x}" for b in ch.encode("utf-8")))
        out.append(draw(st.sampled_from(forms)))
    out.append(quote)
    return "".join(out)


@st.composite
def value_literal(draw: st.DrawFn, value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        digits = str(abs(value))
        if draw(st.booleans()):
            digits = "0" * draw(st.integers(0, 2)) + digits
        if value < 0:
            return "-" + draw(spaces) + digits
        return draw(st.sampled_from(["", "+"])) + digits
    return draw(string_literal(value))


comments = st.one_of(
    st.builds(lambda t, e: "//" + t + e, st.text(text_chars.filter(lambda c: c not in "\r\n"),
                                                 max_size=10), line_ends),
    st.builds(lambda t, e: "#" + t + e, st.text(text_chars.filter(lambda c: c not in "\r\n"),
                                                max_size=10), line_ends),
    st.builds(lambda t: "/*" + t + "*/", st.text(text_chars, max_size=10).filter(
        lambda t: "*/" not in t and not t.endswith("*"))),
)


@st.composite
def prefs_file(draw: st.DrawFn) -> tuple[bytes, list[tuple[str, str, str | int | bool]]]:
    """A whole file and the statements in it: (spec, name, value)."""
    parts: list[str] = []
    statements: list[tuple[str, str, str | int | bool]] = []
    eol = draw(line_ends)
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 3)) == 0:
            parts.append(draw(comments))
            continue
        spec = draw(st.sampled_from(["user_pref", "user_pref", "pref", "sticky_pref"]))
        name, value = draw(names), draw(values)
        ws = [draw(spaces) for _ in range(6)]
        parts.append(f"{spec}{ws[0]}({ws[1]}{draw(string_literal(name))}{ws[2]},{ws[3]}"
                     f"{draw(value_literal(value))}{ws[4]}){ws[5]};{eol}")
        statements.append((spec, name, value))
    return "".join(parts).encode("utf-8"), statements


def expected_user_values(statements):
    return {n: v for spec, n, v in statements if spec == "user_pref"}


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(type(a[k]) is type(b[k]) and a[k] == b[k] for k in a)


# -- properties ---------------------------------------------------------------------------

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(prefs_file())
def test_reads_what_was_written(case):
    data, statements = case
    doc = PrefsDocument(data)
    assert doc.errors == []
    assert same(doc.user_values(), expected_user_values(statements))
    assert same(doc.default_values(),
                {n: v for spec, n, v in statements if spec != "user_pref"})


@FAST
@given(st.data())
def test_replacing_a_value_changes_only_its_bytes(data):
    raw, statements = data.draw(prefs_file())
    users = [n for spec, n, _ in statements if spec == "user_pref"]
    if not users:
        return
    name = data.draw(st.sampled_from(users))
    value = data.draw(values)
    doc = PrefsDocument(raw)
    result = doc.edit({name: value})
    expected = raw
    for s in sorted(doc.user_statements(name), key=lambda s: s.start, reverse=True):
        expected = expected[:s.value_start] + format_value(value) + expected[s.value_end:]
    assert result == expected
    want = expected_user_values(statements) | {name: value}
    assert same(PrefsDocument(result).user_values(), want)


@FAST
@given(st.data())
def test_inserting_a_pref_adds_one_line_and_keeps_every_byte(data):
    raw, statements = data.draw(prefs_file())
    name = data.draw(names.filter(lambda n: n not in expected_user_values(statements)))
    value = data.draw(values)
    result = PrefsDocument(raw).edit({name: value})
    line = statement_bytes(name, value)
    at = result.find(line)
    assert at >= 0
    end = at + len(line)
    # the new statement came with line ends around it, and nothing else changed
    ways = [(pre, post) for pre in (b"", b"\n", b"\r\n") for post in (b"", b"\n", b"\r\n")
            if result[at - len(pre):at] == pre and result[end:end + len(post)] == post]
    assert any(result[:at - len(pre)] + result[end + len(post):] == raw for pre, post in ways)
    after = PrefsDocument(result)
    assert after.errors == []
    assert same(after.user_values(), expected_user_values(statements) | {name: value})


@FAST
@given(names, values)
def test_written_values_read_back(name, value):
    assert same(PrefsDocument(statement_bytes(name, value)).user_values(), {name: value})


# -- Mozilla's grammar, case by case ------------------------------------------------------

def test_bad_statement_is_skipped_to_the_next_semicolon_like_mozilla():
    doc = PrefsDocument(b'user_pref("a", 1 2); user_pref("b", 2);\nuser_pref("c", "\\q");'
                        b'user_pref("d", 3000000000); user_pref("e", -2147483648);')
    assert doc.user_values() == {"b": 2, "e": -2147483648}
    assert len(doc.errors) == 3


def test_pref_in_a_user_file_sets_a_default_not_a_user_value():
    doc = PrefsDocument(b'pref("a", 1); sticky_pref("b", true); user_pref("c", "x");')
    assert doc.user_values() == {"c": "x"}
    assert doc.default_values() == {"a": 1, "b": True}


def test_attributes_are_errors_in_user_files():
    doc = PrefsDocument(b'pref("a", 1, locked); user_pref("b", 1);')
    assert doc.user_values() == {"b": 1} and doc.default_values() == {}
    assert doc.errors


def test_nul_ends_the_file():
    assert PrefsDocument(b'user_pref("a", 1);\0user_pref("b", 2);').user_values() == {"a": 1}


def test_escapes_and_raw_bytes():
    doc = PrefsDocument('user_pref("a", "\\x41\\u00e9\\ud83d\\ude00\\"\\\'\\\\\\n\\r生");'
                        .encode())
    assert doc.user_values() == {"a": "Aé😀\"'\\\n\r生"}
    for bad in (b'"\\x00"', b'"\\u0000"', b'"\\ud83d"', b'"\\udc00"', b'"\\x4"', b'"\\z"'):
        d = PrefsDocument(b'user_pref("a", ' + bad + b'); user_pref("b", 1);')
        assert d.user_values() == {"b": 1}, bad


def test_unterminated_comment_and_string_are_errors():
    assert PrefsDocument(b'user_pref("a", 1); /* open').errors
    assert PrefsDocument(b'user_pref("a", "open);').user_values() == {}


def test_same_name_twice_last_wins_and_both_are_edited():
    doc = PrefsDocument(b'user_pref("a", 1);\nuser_pref("b", 1);\nuser_pref("a", 2);\n')
    assert doc.user_values()["a"] == 2
    assert doc.edit({"a": 5}) == b'user_pref("a", 5);\nuser_pref("b", 1);\nuser_pref("a", 5);\n'


def test_new_line_goes_in_name_order_with_the_files_line_ends():
    raw = b'// c\r\nuser_pref("a.a", 1);\r\nuser_pref("a.c", 1);\r\n'
    assert PrefsDocument(raw).edit({"a.b": "x"}) == (
        b'// c\r\nuser_pref("a.a", 1);\r\nuser_pref("a.b", "x");\r\nuser_pref("a.c", 1);\r\n')
    assert PrefsDocument(raw).edit({"0": 0}) == (
        b'// c\r\nuser_pref("0", 0);\r\nuser_pref("a.a", 1);\r\nuser_pref("a.c", 1);\r\n')
    assert PrefsDocument(b'user_pref("a", 1);').edit({"b": 2}) == (
        b'user_pref("a", 1);\nuser_pref("b", 2);')


def test_no_insert_into_a_file_when_told_not_to():
    raw = b'user_pref("a", 1);\n'
    assert PrefsDocument(raw).edit({"a": 2, "b": 3}, insert_missing=False) == (
        b'user_pref("a", 2);\n')


def test_an_edit_that_would_be_swallowed_by_a_comment_is_refused():
    # the only place in name order is right after a line that opens a comment
    raw = b'user_pref("a", 1); /* note\nstill comment */\n'
    with pytest.raises(PrefsEditError):
        PrefsDocument(raw).edit({"b": 2})


def test_strings_are_escaped_as_mozilla_writes_them():
    assert format_value('a"b\\c\nd\re生') == '"a\\"b\\\\c\\nd\\re生"'.encode()
    assert format_value(True) == b"true" and format_value(-3) == b"-3"
    with pytest.raises(ValueError):
        format_value(2**31)


class _CountingBytes(bytes):
    """Bytes that add up how many bytes ``count`` was asked to scan."""

    scanned = 0

    def count(self, sub, start=None, end=None):  # type: ignore[override]
        lo = 0 if start is None else start
        hi = len(self) if end is None else end
        type(self).scanned += max(0, hi - lo)
        return super().count(sub, start, end)


def test_many_syntax_errors_are_numbered_in_one_pass_over_the_file():
    """Parsing stays linear in the number of errors: the line numbers of all the errors
    together cost one scan of the file, not one scan from the start per error."""
    n = 3000
    data = _CountingBytes(b'user_pref("a", 1);\n' + b"oops;\n" * n + b'user_pref("b", 2);\n')
    _CountingBytes.scanned = 0
    doc = PrefsDocument(data)
    assert doc.user_values() == {"a": 1, "b": 2}
    assert len(doc.errors) == n
    assert doc.errors[0].startswith("line 2:") and doc.errors[-1].startswith(f"line {n + 1}:")
    assert _CountingBytes.scanned <= len(data)
