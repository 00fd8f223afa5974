"""The SMTP reply parser: multi-line replies, round trips, garbage, EHLO capabilities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from op25b_wizard.core.smtp_reply import (
    MAX_LINE,
    MAX_LINES,
    Reply,
    ReplyError,
    ReplyParser,
    could_start_reply,
    greeting_host,
    parse_capabilities,
    parse_reply,
)

RELAXED = settings(deadline=None)
"""Pure, fast code: a busy CI machine must not turn slowness into a failure."""


def test_single_line_reply() -> None:
    reply = parse_reply(b"220 mail.example.test ESMTP ready\r\n")
    assert reply.code == 220
    assert reply.lines == ["mail.example.test ESMTP ready"]
    assert reply.first == "mail.example.test ESMTP ready"


def test_multi_line_reply_is_read_whole() -> None:
    reply = parse_reply(b"250-mail.example.test\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n"
                        b"250 8BITMIME\r\n")
    assert reply.code == 250
    assert reply.lines == ["mail.example.test", "PIPELINING", "AUTH PLAIN LOGIN", "8BITMIME"]
    assert reply.text == "mail.example.test\nPIPELINING\nAUTH PLAIN LOGIN\n8BITMIME"


def test_incremental_parser_completes_only_on_the_last_line() -> None:
    parser = ReplyParser()
    assert parser.feed(b"220-first\r\n") is None
    assert parser.feed(b"220-second\r\n") is None
    assert not parser.done
    reply = parser.feed(b"220 third\r\n")
    assert reply == Reply(220, ["first", "second", "third"])
    assert parser.done
    with pytest.raises(ReplyError):
        parser.feed(b"220 more\r\n")


def test_bare_lf_and_code_without_text_are_accepted() -> None:
    assert parse_reply(b"250-a\n250 b\n") == Reply(250, ["a", "b"])
    assert parse_reply(b"221\r\n") == Reply(221, [""])


def test_enhanced_status_code() -> None:
    assert parse_reply(b"535 5.7.8 Authentication credentials invalid\r\n").enhanced == "5.7.8"
    assert parse_reply(b"250 ok\r\n").enhanced is None


@pytest.mark.parametrize("data, why", [
    (b"250-a\r\n251 b\r\n", "code changed"),
    (b"250-a\r\n250-b\r\n", "incomplete"),
    (b"", "incomplete"),
    (b"250 a\r\n250 b\r\n", "after the end"),
    (b"hello\r\n", "not an SMTP reply"),
    (b"199 too low\r\n", "not an SMTP reply"),
    (b"600 too high\r\n", "not an SMTP reply"),
    (b"25 short\r\n", "not an SMTP reply"),
    (b"250x glued\r\n", "not an SMTP reply"),
    (b"250 " + b"x" * MAX_LINE + b"\r\n", "too long"),
    (b"250-x\r\n" * (MAX_LINES + 1) + b"250 end\r\n", f"more than {MAX_LINES} lines"),
])
def test_malformed_replies_are_reply_errors(data: bytes, why: str) -> None:
    with pytest.raises(ReplyError, match=why):
        parse_reply(data)


def test_http_answer_is_flagged_not_smtp() -> None:
    with pytest.raises(ReplyError) as info:
        parse_reply(b"HTTP/1.1 400 Bad Request\r\n")
    assert info.value.not_smtp
    assert info.value.first_line == b"HTTP/1.1 400 Bad Request"


def test_garbage_after_a_valid_first_line_is_not_called_not_smtp() -> None:
    """Only a peer whose very first line is not SMTP is "not a mail server"."""
    with pytest.raises(ReplyError) as info:
        parse_reply(b"220-mail.example.test\r\n<html>\r\n")
    assert not info.value.not_smtp


@pytest.mark.parametrize("data, could", [
    (b"2", True), (b"22", True), (b"220", True), (b"220 mail", True), (b"250-x", True),
    (b"220\r\n", True), (b"<!DOCTYPE HTML>", False), (b"HTTP/1.1 400", False), (b"2x", False),
    (b"220x", False), (b"600 x", False), (b"\x16\x03\x01", False), (b"SSH-2.0-", False),
])
def test_could_start_reply(data: bytes, could: bool) -> None:
    assert could_start_reply(data) is could


# --- property tests ---------------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
                max_size=120)
replies = st.builds(Reply, st.integers(200, 599), st.lists(_text, min_size=1, max_size=20))


@RELAXED
@given(replies, st.sampled_from([b"\r\n", b"\n"]))
def test_any_formatted_reply_parses_back_identically(reply: Reply, eol: bytes) -> None:
    data = b"".join(line.encode() + eol for line in reply.format())
    assert parse_reply(data) == reply


@RELAXED
@given(replies)
def test_feeding_line_by_line_gives_the_same_reply(reply: Reply) -> None:
    parser = ReplyParser()
    lines = reply.format()
    results = [parser.feed(line.encode() + b"\r\n") for line in lines]
    assert results[:-1] == [None] * (len(lines) - 1)
    assert results[-1] == reply


@RELAXED
@given(replies)
def test_every_prefix_of_a_reply_could_start_one(reply: Reply) -> None:
    data = "\r\n".join(reply.format()).encode()
    assert all(could_start_reply(data[:n]) for n in range(1, 6))


@RELAXED
@given(st.binary(max_size=3000))
def test_garbage_raises_reply_error_and_nothing_else(data: bytes) -> None:
    try:
        reply = parse_reply(data)
    except ReplyError:
        return
    assert 200 <= reply.code <= 599


@RELAXED
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=10))
def test_incremental_garbage_raises_reply_error_and_nothing_else(chunks: list[bytes]) -> None:
    parser = ReplyParser()
    try:
        for chunk in chunks:
            parser.feed(chunk)
    except ReplyError:
        pass


_ehlo_line = _text | st.tuples(
    st.sampled_from(["SIZE", "size", "AUTH", "AUTH=", "STARTTLS", "8BITMIME", "X-EXT"]),
    _text | st.sampled_from(["²", "١٢٣", "99999999999999999999", "PLAIN LOGIN"]),
).map(" ".join)


@RELAXED
@given(st.lists(_ehlo_line, max_size=30))
def test_capabilities_never_raise_on_any_ehlo_reply(lines: list[str]) -> None:
    caps = parse_capabilities(Reply(250, ["mail.example.test", *lines]))
    assert all(m == m.upper() for m in caps.auth)
    assert len(caps.auth) == len(set(caps.auth))
    assert caps.size is None or caps.size >= 0


@RELAXED
@given(st.lists(_text, min_size=1, max_size=3))
def test_greeting_host_never_raises(lines: list[str]) -> None:
    host = greeting_host(Reply(220, lines))
    assert host is None or (host == host.lower() and " " not in host)


# --- capabilities and greeting host -----------------------------------------------------------

def test_capabilities_from_an_ehlo_reply() -> None:
    reply = parse_reply(
        b"250-mail.example.test Hello [192.0.2.7]\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n"
        b"250-STARTTLS\r\n250-AUTH LOGIN plain CRAM-MD5\r\n250-AUTH=LOGIN PLAIN\r\n"
        b"250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-CHUNKING\r\n250 SMTPUTF8\r\n")
    caps = parse_capabilities(reply)
    assert caps.starttls
    assert caps.auth == ["LOGIN", "PLAIN", "CRAM-MD5"]
    assert caps.size == 35882577
    assert caps.eightbitmime and caps.smtputf8 and caps.pipelining
    assert caps.other == ["ENHANCEDSTATUSCODES", "CHUNKING"]


def test_capabilities_are_case_insensitive_and_the_first_line_is_only_the_name() -> None:
    caps = parse_capabilities(Reply(250, ["STARTTLS AUTH PLAIN", "starttls", "auth xoauth2",
                                          "size"]))
    assert caps.starttls
    assert caps.auth == ["XOAUTH2"]
    assert caps.size == 0


def test_capabilities_of_a_server_without_extensions() -> None:
    caps = parse_capabilities(Reply(250, ["mail.example.test"]))
    assert not caps.starttls and caps.auth == [] and caps.size is None


@pytest.mark.parametrize("size", ["²", "١٢٣", "12x", "-5", ""])
def test_size_that_is_not_an_ascii_number_does_not_break_parsing(size: str) -> None:
    caps = parse_capabilities(Reply(250, ["mail.example.test", f"SIZE {size}", "STARTTLS"]))
    assert caps.size == 0
    assert caps.starttls


@pytest.mark.parametrize("first, host", [
    ("mx.example.jp ESMTP Postfix", "mx.example.jp"),
    ("Mail.Example.JP. ready", "mail.example.jp"),
    ("[192.0.2.1] ESMTP", "[192.0.2.1]"),
    ("5.7.1 mail.example.test: no mail from your network", "mail.example.test"),
    ("2.0.0 mx.example.jp ESMTP", "mx.example.jp"),
    ("4.3.2", None),
    ("mx.example.jp, ready", "mx.example.jp"),
    ("2001:db8::25 ESMTP", "2001:db8::25"),
    ("", None),
    ("*** ready ***", None),
    ("メールサーバー ready", None),
    # no host name at all: the first word is the software or a word of the message
    ("ESMTP Postfix", None),
    ("Service ready", None),
    ("ESMTP. ready", None),
    ("localhost ESMTP", None),
    ("Postfix v3.7 ready", None),
    ("3.7 ready", None),
    ("5.7.1 Service unavailable", None),
    ("192.0.2.25 ESMTP", "192.0.2.25"),
    ("[IPv6:2001:db8::25] ESMTP", "[ipv6:2001:db8::25]"),
    ("[not an address] ESMTP", None),
    ("mail_gw.example.jp ESMTP", "mail_gw.example.jp"),
])
def test_greeting_host(first: str, host: str | None) -> None:
    assert greeting_host(Reply(220, [first])) == host
