"""Mailbox.ini reader and writer: Shift_JIS (code page 932) bytes kept exactly, Windows rules."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from op25b_wizard.core.clients.mailbox_ini import IniDocument, IniFormatError

# Characters Becky! users type, including ones whose second Shift_JIS byte is "\" (0x5C),
# "[" or "]" (表 ソ 能 十 予 ...), and NEC/IBM extension characters that code page 932 can
# spell in two ways (decoding and re-encoding would change their bytes).
JAPANESE = "あいうえおアイウエオ日本語表ソ能十予申貼噂欺構圭竹箕罫念疏院鍵ｱｲｳ①②ⅰ～－￢"
SAME_CHAR_TWO_SPELLINGS = [b"\xed\x40", b"\xfa\x5c", b"\x87\x90", b"\x81\xe0"]  # 纊 纊 ≒ ≒
value_chars = st.sampled_from(list(JAPANESE) + list("abcXYZ019 @._-=;[]\"'\\/"))
key_chars = st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789_") + list(JAPANESE))


def encode(text: str) -> bytes:
    return text.encode("cp932")


keys = st.text(key_chars, min_size=1, max_size=8)
values = st.text(value_chars, max_size=12).map(lambda v: v.strip(" ")).filter(
    lambda v: not (len(v) > 1 and v[0] == v[-1] == "\""))
pads = st.sampled_from(["", " ", "  ", "\t"])


@st.composite
def ini_file(draw: st.DrawFn) -> tuple[bytes, dict[tuple[str, str], str]]:
    eol = draw(st.sampled_from([b"\r\n", b"\n"]))
    out = bytearray()
    expected: dict[tuple[str, str], str] = {}
    seen: set[str] = set()
    for _ in range(draw(st.integers(0, 4))):
        section = draw(st.text(key_chars, min_size=1, max_size=6))
        out += encode(draw(pads) + "[" + section + "]") + eol
        active = section.lower() not in seen
        seen.add(section.lower())
        for _ in range(draw(st.integers(0, 5))):
            kind = draw(st.integers(0, 5))
            if kind == 0:
                out += encode(draw(pads) + ";" + draw(values)) + eol
            elif kind == 1:
                out += draw(st.sampled_from([b"", b" ", b"\t"])) + eol
            elif kind == 2:
                out += draw(st.sampled_from(SAME_CHAR_TWO_SPELLINGS)) + b"=" + eol
                if active:
                    expected.setdefault((section.lower(), draw_key_of(out, eol)), "")
            else:
                key, value = draw(keys), draw(values)
                shown = value
                if draw(st.booleans()) and value:
                    shown = '"' + value + '"'
                out += (encode(draw(pads) + key + draw(pads) + "=" + draw(pads) + shown)
                        + encode(draw(pads)) + eol)
                if active:
                    expected.setdefault((section.lower(), key.lower()), value)
    return bytes(out), expected


def draw_key_of(out: bytearray, eol: bytes) -> str:
    line = bytes(out).rsplit(eol, 2)[-2]
    return line.split(b"=", 1)[0].decode("cp932").lower()


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(ini_file())
def test_reads_what_was_written(case):
    data, expected = case
    assert IniDocument(data).values() == expected


@FAST
@given(st.data())
def test_changing_a_value_changes_only_its_bytes(data):
    raw, expected = data.draw(ini_file())
    if not expected:
        return
    (section, key) = data.draw(st.sampled_from(sorted(expected)))
    new = data.draw(st.text(value_chars, min_size=1, max_size=12).map(lambda v: v.strip(" "))
                    .filter(lambda v: v and not (v[0] == v[-1] == '"' and len(v) > 1)))
    doc = IniDocument(raw)
    result = doc.edit(section, {key: new})
    i = doc._entry_index(section, key)
    line = doc.lines[i]
    offset = sum(len(x.raw) for x in doc.lines[:i])
    assert result == (raw[:offset + line.value_start] + encode(new)
                      + raw[offset + line.value_end:])
    assert IniDocument(result).values() == expected | {(section, key): new}


@FAST
@given(st.data())
def test_adding_a_key_adds_one_line(data):
    raw, expected = data.draw(ini_file())
    sections = IniDocument(raw).sections()
    if not sections:
        return  # a new section is added too: test_missing_section_and_missing_final_line_end
    section = data.draw(st.sampled_from(sections)).lower()
    key = data.draw(keys.filter(lambda k: (section, k.lower()) not in expected))
    result = IniDocument(raw).edit(section, {key: "465"})
    assert IniDocument(result).values() == expected | {(section, key.lower()): "465"}
    added = encode(key) + b"=465"
    at = result.find(added)
    assert at >= 0
    end = at + len(added)
    eol = b"\r\n" if result[end:end + 2] == b"\r\n" else b"\n"
    assert result[end:end + len(eol)] == eol
    rest = result[:at] + result[end + len(eol):]
    # the line went in as a whole line; a last line without its line end got one
    assert rest in (raw, raw + b"\r\n", raw + b"\n")


def test_bytes_of_other_lines_survive_even_where_cp932_has_two_spellings():
    raw = (b"; \xed\x40 and \xfa\x5c are the same character\r\n[Account]\r\n"
           b"Name=\x95\x5c\x83\x5c\r\nSMTPPort=25\r\nOther=\x87\x90\r\n")
    result = IniDocument(raw).edit("account", {"smtpport": "465"})
    assert result == raw.replace(b"SMTPPort=25", b"SMTPPort=465")


def test_windows_rules():
    raw = encode('[Account]\r\n Name = "営業部" \r\nname=second\r\nNoEquals\r\n[Other]\r\n'
                 "Name=other\r\n[ACCOUNT]\r\nLater=ignored\r\n")
    doc = IniDocument(raw)
    assert doc.get("account", "NAME") == "営業部"
    assert doc.get("Account", "Later") is None  # only the first section of a name counts
    assert doc.get("Other", "Name") == "other"
    result = doc.edit("Account", {"Name": "新"})
    assert result == raw.replace(encode('"営業部"'), encode("新"))


def test_missing_section_and_missing_final_line_end():
    doc = IniDocument(b"[A]\r\nx=1")
    assert doc.edit("A", {"y": "2"}) == b"[A]\r\nx=1\r\ny=2\r\n"
    assert doc.edit("B", {"y": "2"}) == b"[A]\r\nx=1\r\n[B]\r\ny=2\r\n"
    assert IniDocument(b"").edit("A", {"k": "v"}) == b"[A]\r\nk=v\r\n"


def test_new_key_goes_after_the_last_entry_not_after_trailing_comments():
    raw = b"[A]\r\nx=1\r\n\r\n; about B\r\n[B]\r\n"
    assert IniDocument(raw).edit("A", {"y": "2"}) == b"[A]\r\nx=1\r\ny=2\r\n\r\n; about B\r\n[B]\r\n"


def test_refuses_what_it_cannot_write():
    with pytest.raises(IniFormatError):
        IniDocument("[A]\r\n".encode("utf-16"))
    with pytest.raises(IniFormatError):
        IniDocument(b"[A]\r\n").edit("A", {"k": "a\r\nb=c"})
    with pytest.raises(IniFormatError):
        IniDocument(b"[A]\r\n").edit("A", {"k": "😀"})  # not in code page 932


def test_utf8_with_bom():
    raw = "\ufeff[Account]\r\nName=日本\r\n".encode()
    doc = IniDocument(raw)
    assert doc.get("Account", "Name") == "日本"
    assert doc.edit("Account", {"Name": "東京"}) == "\ufeff[Account]\r\nName=東京\r\n".encode()
