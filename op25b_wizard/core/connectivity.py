"""The connectivity check: one plain-HTTP request to a well-known URL with a known exact answer,
the way operating systems find a captive portal (a hotel or guest network that shows its own
web page until its terms are accepted).

An exact answer means the web is open; a redirect or any other answer means the network put
itself in between; no answer proves nothing. This module holds what to ask and how to judge
the answer; :mod:`~op25b_wizard.core.connectivity_probe` asks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg

DEFAULT_URL = "http://www.msftconnecttest.com/connecttest.txt"
"""Windows' Network Connectivity Status Indicator asks this URL; it answers exactly
:data:`DEFAULT_ANSWER` (HTTP 200) when the web is open."""
DEFAULT_ANSWER = "Microsoft Connect Test"
URL_ENV = "OP25B_WIZARD_CONNECTIVITY_URL"
"""Another URL to ask (``off`` turns the check off)."""
ANSWER_ENV = "OP25B_WIZARD_CONNECTIVITY_ANSWER"
"""The exact text that other URL answers with HTTP 200; without it, HTTP 204 is expected."""
OFF = ("off", "")
MAX_ANSWER = 64 * 1024

CheckResult = Literal["open", "portal", "no_answer", "not_needed"]


class ConnectivityConfigError(ValueError):
    """The configured URL cannot be used; ``message`` is translatable."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class ConnectivityCheck:
    """Which URL to ask and the answer that means "the web is open"."""

    url: str = DEFAULT_URL
    expected_status: int = 200
    expected_body: str = DEFAULT_ANSWER

    @property
    def parts(self) -> tuple[str, int, str]:
        """(host, port, path with query) of the URL."""
        u = urlsplit(self.url)
        path = (u.path or "/") + (f"?{u.query}" if u.query else "")
        return u.hostname or "", u.port or 80, path


@dataclass
class ConnectivityResult:
    """What the check found: ``open`` (the exact answer), ``portal`` (redirected or altered),
    ``no_answer`` (no connection or no reply: proves nothing), ``not_needed`` (a secure route
    was found first, so the answer was not waited for)."""

    url: str
    result: CheckResult
    status: int | None = None
    location: str | None = None
    error: str | None = None
    elapsed_s: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["elapsed_s"] = round(self.elapsed_s, 3)
        return d


def configured(url: str | None = None, answer: str | None = None,
               env: Mapping[str, str] | None = None) -> ConnectivityCheck | None:
    """The check to run: *url*/*answer* (command-line options) first, then the environment
    (:data:`URL_ENV`, :data:`ANSWER_ENV`), else the default. None when turned off (``off``).
    Raises :class:`ConnectivityConfigError` for a URL that is not plain ``http://HOST/...``."""
    env = os.environ if env is None else env
    if url is None:
        url = env.get(URL_ENV)
    if answer is None:
        answer = env.get(ANSWER_ENV)
    if url is None:
        return ConnectivityCheck()
    url = url.strip()
    if url.lower() in OFF:
        return None
    try:
        u = urlsplit(url)
        port = u.port
    except ValueError:
        u, port = None, None
    printable = url.isascii() and url.isprintable() and " " not in url  # nothing to smuggle in
    if u is None or not printable or u.scheme.lower() != "http" or not u.hostname or (
            port is not None and port < 1):
        raise ConnectivityConfigError(Msg("Connectivity", QT_TRANSLATE_NOOP(
            "Connectivity", "the connectivity check URL must be a plain http:// address such as "
            "{example}, or off"), {"example": DEFAULT_URL}))
    if url == DEFAULT_URL and answer is None:
        return ConnectivityCheck()
    if answer is None:
        return ConnectivityCheck(url, 204, "")
    return ConnectivityCheck(url, 200, answer)


def from_environment() -> ConnectivityCheck | None:
    """:func:`configured` from the environment alone; an unusable value turns the check off
    (the wizard has no line to print it on: ``diagnose`` refuses it plainly)."""
    try:
        return configured()
    except ConnectivityConfigError:
        return None


def _parse(data: bytes) -> tuple[int | None, dict[str, str], bytes]:
    """Status code, headers (lower-case names) and body of one HTTP/1.x answer."""
    head, _sep, body = data.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    words = lines[0].split()
    status = int(words[1]) if len(words) >= 2 and words[0].startswith("HTTP/") \
        and words[1].isdigit() else None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    elif (length := headers.get("content-length", "")).isdigit():
        body = body[:int(length)]
    return status, headers, body


def complete(data: bytes) -> bool:
    """Whether *data* holds a whole answer (a server may keep the connection open)."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    _status, headers, _body = _parse(head + sep)
    if "chunked" in headers.get("transfer-encoding", "").lower():
        return body.endswith(b"0\r\n\r\n")
    length = headers.get("content-length", "")
    return length.isdigit() and len(body) >= int(length)


def _dechunk(body: bytes) -> bytes:
    out = b""
    while body:
        size_line, _sep, rest = body.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
        except ValueError:
            return out
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return out


def judge(check: ConnectivityCheck, data: bytes) -> ConnectivityResult:
    """Compare an HTTP answer with the expected one."""
    status, headers, body = _parse(data)
    same = status == check.expected_status and \
        body.decode("utf-8", "replace").strip() == check.expected_body.strip()
    location = headers.get("location") if status is not None and 300 <= status < 400 else None
    if location is not None:
        location = location[:300]  # the network's words: kept short in the report
    return ConnectivityResult(check.url, "open" if same else "portal", status, location)


def describe(result: ConnectivityResult) -> str:
    """One technical line for the transcript."""
    if result.result == "no_answer":
        return f"connectivity check {result.url}: {result.error}"
    if result.result == "not_needed":
        return f"connectivity check {result.url}: not needed"
    where = f" -> {result.location}" if result.location else ""
    return f"connectivity check {result.url}: HTTP {result.status}{where} ({result.result})"

