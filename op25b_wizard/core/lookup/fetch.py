"""Fetch one small document over HTTP(S): verified TLS, a deadline, a size cap, careful redirects."""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from op25b_wizard import __version__

USER_AGENT = f"op25b-wizard/{__version__}"


class FetchError(Exception):
    """The document could not be fetched; ``kind`` is ``unreachable``, ``timeout``, ``tls``,
    ``too_large``, ``redirect`` (not https), ``bad_redirect`` (to an invalid URL),
    ``redirect_loop`` (back to a URL already visited, or more redirects than allowed) or
    ``http`` (an unexpected status)."""

    def __init__(self, kind: str, detail: str, reached: bool = False) -> None:
        super().__init__(detail)
        self.kind = kind
        self.reached = reached
        """A server answered (the network works) even though the fetch failed."""


@dataclass(frozen=True)
class Fetched:
    url: str
    """The final URL, after redirects."""
    status: int
    body: bytes
    authenticated: bool
    """Every hop was https with a verified certificate."""


def fetch(url: str, *, timeout: float, max_bytes: int, context: ssl.SSLContext,
          max_redirects: int = 3) -> Fetched | None:
    """GET *url*; None when the server says the document is not there (4xx).

    Redirects are followed (at most *max_redirects*) only to https URLs; the whole fetch,
    redirects included, ends by *timeout* seconds.
    """
    deadline = time.monotonic() + timeout
    authenticated = url.lower().startswith("https://")
    visited = {url}
    for _ in range(max_redirects + 1):
        status, location, body = _get(url, deadline, max_bytes, context)
        if status in (301, 302, 303, 307, 308):
            if not location:
                raise FetchError("bad_redirect", f"{url}: redirect without a location", True)
            try:
                target = urljoin(url, location)
                target_parts = urlsplit(target)
                target_parts.port  # noqa: B018 - raises ValueError for a port out of range
            except ValueError:
                raise FetchError("bad_redirect", f"{url}: redirect to an invalid URL", True) from None
            if target_parts.scheme.lower() != "https":
                raise FetchError("redirect", f"{url}: redirect to a non-https URL refused", True)
            if target in visited:
                raise FetchError("redirect_loop", f"{url}: redirect back to {target}", True)
            visited.add(target)
            url = target
            continue
        if status == 200:
            return Fetched(url, status, body, authenticated)
        if 400 <= status < 500:
            return None
        raise FetchError("http", f"{url}: HTTP status {status}", True)
    raise FetchError("redirect_loop", f"{url}: too many redirects", True)


def _get(url: str, deadline: float, max_bytes: int,
         context: ssl.SSLContext) -> tuple[int, str | None, bytes]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise FetchError("unreachable", f"{url}: not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("unreachable", f"{url}: not an http(s) URL")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query

    def remaining() -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError("timeout", f"{url}: no answer in time")
        return left

    conn: http.client.HTTPConnection
    if scheme == "https":
        conn = http.client.HTTPSConnection(parts.hostname, port, timeout=remaining(),
                                           context=context)
    else:
        conn = http.client.HTTPConnection(parts.hostname, port, timeout=remaining())
    reached = False
    try:
        conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": "application/xml,"
                                           " text/xml;q=0.9, */*;q=0.1", "Connection": "close"})
        resp = conn.getresponse()
        reached = True
        length = resp.getheader("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FetchError("too_large", f"{url}: {length} bytes", True)
        chunks: list[bytes] = []
        size = 0
        while True:
            if conn.sock is not None:
                conn.sock.settimeout(remaining())
            chunk = resp.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise FetchError("too_large", f"{url}: more than {max_bytes} bytes", True)
            chunks.append(chunk)
        return resp.status, resp.getheader("Location"), b"".join(chunks)
    except ssl.SSLError as e:
        raise FetchError("tls", f"{url}: {e}", True) from None
    except TimeoutError:
        raise FetchError("timeout", f"{url}: no answer in time", reached) from None
    except socket.gaierror as e:
        # "no such name" is an answer from DNS: the network works, the host does not exist.
        raise FetchError("unreachable", f"{url}: {e}", e.errno == socket.EAI_NONAME) from None
    except (OSError, http.client.HTTPException, UnicodeError) as e:
        raise FetchError("unreachable", f"{url}: {e}", reached) from None
    finally:
        conn.close()
