"""SMTP reply parsing (RFC 5321 §4.2): multi-line replies, codes, EHLO capabilities.

Pure functions and a small incremental parser; no I/O.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field

from op25b_wizard.core.model import Capabilities

MAX_LINE = 2048
"""Longest reply line accepted, CRLF included (RFC 5321 says 512; servers are sloppy)."""
MAX_LINES = 200
"""Most lines one reply may have."""

_LINE = re.compile(rb"^([2-5][0-9][0-9])([ -]|$)(.*)$", re.DOTALL)


class ReplyError(Exception):
    """The peer's bytes are not a valid SMTP reply."""

    def __init__(self, message: str, *, not_smtp: bool = False, first_line: bytes = b"") -> None:
        super().__init__(message)
        self.not_smtp = not_smtp
        self.first_line = first_line


@dataclass
class Reply:
    code: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def first(self) -> str:
        return self.lines[0] if self.lines else ""

    @property
    def enhanced(self) -> str | None:
        """The RFC 3463 enhanced status code of the first line, if any."""
        m = re.match(r"^([245]\.\d{1,3}\.\d{1,3})\b", self.first)
        return m.group(1) if m else None

    def format(self) -> list[str]:
        if not self.lines:
            return [str(self.code)]
        last = len(self.lines) - 1
        return [f"{self.code}{' ' if i == last else '-'}{t}" for i, t in enumerate(self.lines)]


class ReplyParser:
    """Feed one line at a time (with or without its line ending); ``done`` when complete."""

    def __init__(self) -> None:
        self.code: int | None = None
        self.lines: list[str] = []
        self.done = False

    def feed(self, raw: bytes) -> Reply | None:
        if self.done:
            raise ReplyError("reply already complete")
        if len(raw) > MAX_LINE:
            raise ReplyError(f"reply line too long ({len(raw)} bytes)")
        line = raw.rstrip(b"\r\n")
        m = _LINE.match(line)
        if not m:
            raise ReplyError(
                "not an SMTP reply: " + _printable(line[:80]),
                not_smtp=self.code is None,
                first_line=line[:200],
            )
        code = int(m.group(1))
        if self.code is not None and code != self.code:
            raise ReplyError(f"reply code changed within one reply ({self.code} then {code})")
        self.code = code
        self.lines.append(m.group(3).decode("utf-8", "replace"))
        if len(self.lines) > MAX_LINES:
            raise ReplyError(f"reply has more than {MAX_LINES} lines")
        if m.group(2) != b"-":
            self.done = True
            return Reply(code, self.lines)
        return None


def parse_reply(data: bytes) -> Reply:
    """Parse one complete reply from *data* (CRLF or LF separated); extra lines are an error."""
    parser = ReplyParser()
    parts = data.split(b"\n")
    if parts and parts[-1] == b"":
        parts.pop()
    for i, part in enumerate(parts):
        reply = parser.feed(part)
        if reply is not None:
            if i != len(parts) - 1:
                raise ReplyError("data after the end of the reply")
            return reply
    raise ReplyError("incomplete reply")


def could_start_reply(data: bytes) -> bool:
    """Whether *data* could be the start of an SMTP reply (``2``, ``22``, ``220 ...``)."""
    return re.fullmatch(rb"[2-5]([0-9]([0-9]([ \-\r\n])?)?)?", data[:4]) is not None


def _printable(b: bytes) -> str:
    return b.decode("utf-8", "replace").encode("unicode_escape").decode("ascii")


_HOST_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_\-]*[a-z0-9_])?")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def is_host_name(word: str) -> bool:
    """Whether *word* names a host: a dotted domain name (``mx.example.jp``), an IP address,
    or an address literal (``[192.0.2.1]``, ``[IPv6:2001:db8::1]``).

    A bare word (``ESMTP``, ``Service``, ``localhost``) is not taken for one: a greeting such
    as ``220 ESMTP Postfix`` names no host at all."""
    word = word.lower()
    if word.startswith("[") and word.endswith("]"):
        inner = word[1:-1]
        return _is_address(inner[5:] if inner.startswith("ipv6:") else inner)
    return _is_address(word) or is_domain_name(word)


def is_domain_name(word: str) -> bool:
    """Whether *word* is a dotted domain name (not an address): ``mx.example.jp``."""
    labels = word.lower().split(".")
    return (len(labels) >= 2 and len(word) <= 253
            and all(_HOST_LABEL.fullmatch(label) for label in labels)
            and not labels[-1].isdigit())


def greeting_host(reply: Reply) -> str | None:
    """The host name a 220 greeting (or an EHLO reply) names first: ``220 mx.example.jp ESMTP``;
    None when the first word is no host name (``220 ESMTP Postfix``, ``220 Service ready``)."""
    words = reply.first.split()
    if words and re.fullmatch(r"[245]\.\d{1,3}\.\d{1,3}", words[0]):
        words = words[1:]  # an enhanced status code (``554 5.7.1 mx.example.jp: ...``)
    if not words:
        return None
    word = words[0].strip().rstrip(",;")
    if word.endswith(":") and not word.endswith("::"):
        word = word[:-1]  # ``mx.example.jp:`` before a message
    word = word.lower()
    if not word.startswith("["):
        word = word.rstrip(".")  # ``Mail.Example.JP.``: the root's dot
    return word if is_host_name(word) else None


def parse_capabilities(reply: Reply) -> Capabilities:
    """Capabilities from a 250 EHLO reply (the first line is the server's name)."""
    caps = Capabilities()
    for line in reply.lines[1:]:
        words = line.split()
        if not words:
            continue
        keyword = words[0].upper()
        params = words[1:]
        if keyword == "STARTTLS":
            caps.starttls = True
        elif keyword == "AUTH" or keyword.startswith("AUTH="):
            extra = keyword[5:].split() if keyword.startswith("AUTH=") else []
            for mech in [*extra, *(p.upper() for p in params)]:
                if mech and mech not in caps.auth:
                    caps.auth.append(mech)
        elif keyword == "SIZE":
            caps.size = int(params[0]) if params and params[0].isascii() and params[0].isdigit() else 0
        elif keyword == "8BITMIME":
            caps.eightbitmime = True
        elif keyword == "SMTPUTF8":
            caps.smtputf8 = True
        elif keyword == "PIPELINING":
            caps.pipelining = True
        else:
            caps.other.append(keyword)
    return caps
