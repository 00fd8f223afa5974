"""Fetch one small document over HTTP(S): verified TLS, a deadline, a size cap, careful redirects."""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
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


class TlsGate:
    """Keeps count of the https connections of one lookup, which may be inside OpenSSL, and
    lets the lookup end them: :meth:`close` refuses new ones, shuts the open ones' sockets
    down (a thread blocked in a handshake or a read wakes at once) and waits for them to end.

    A thread still inside OpenSSL when the interpreter exits crashes the process (OpenSSL's
    own clean-up runs under it), so a lookup closes its gate before it returns. A fetch still
    resolving a name or connecting may outlive the lookup: it is not in OpenSSL, and the
    closed gate keeps it from starting a handshake.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._open: set[http.client.HTTPConnection] = set()
        self._users = 0
        self.closed = False

    def enter(self, conn: http.client.HTTPConnection | None = None) -> None:
        """Count one user (a connection to shut down on :meth:`close`, if given); raises
        :class:`FetchError` once the gate is closed."""
        with self._cond:
            if self.closed:
                raise FetchError("timeout", "the lookup is over")
            self._users += 1
            if conn is not None:
                self._open.add(conn)

    def leave(self, conn: http.client.HTTPConnection | None = None) -> None:
        with self._cond:
            self._users -= 1
            self._open.discard(conn)  # type: ignore[arg-type]
            self._cond.notify_all()

    def check(self) -> None:
        """Raise :class:`FetchError` when the gate has been closed meanwhile."""
        if self.closed:
            raise FetchError("timeout", "the lookup is over")

    def close(self, timeout: float) -> bool:
        """Refuse new users, stop the open connections, wait (at most *timeout* seconds) for
        every user to leave; True when all have."""
        with self._cond:
            self.closed = True
            conns = list(self._open)
        for conn in conns:
            sock = conn.sock
            if sock is not None:  # the plain socket's shutdown: the SSL one's touches OpenSSL
                with contextlib.suppress(OSError):
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
        with self._cond:
            return self._cond.wait_for(lambda: self._users == 0, timeout)


WAIT_SLICE = 0.2
"""Seconds an https connection waits on its socket at a time before it looks whether its
lookup is over (see :class:`_GatedSSLSocket`)."""


class _GatedSSLSocket(ssl.SSLSocket):
    """A TLS socket that waits in short slices and gives up as soon as its :class:`TlsGate`
    is closed. On Linux the gate's shutdown of the socket wakes a thread waiting in a
    handshake or a read at once; Windows does not wake it (only closing the socket would,
    and another socket may then take over its number), so the thread has to look by itself.
    The timeout set by the caller still holds for each operation as a whole."""

    gate: TlsGate | None = None
    _wait: float | None = None

    def settimeout(self, value: float | None) -> None:
        self._wait = value
        super().settimeout(value if value == 0 else min(value or WAIT_SLICE, WAIT_SLICE))

    def gettimeout(self) -> float | None:
        return self._wait

    def _sliced(self, operation, *args):  # noqa: ANN001, ANN202 - wraps the methods below
        deadline = None if self._wait is None else time.monotonic() + self._wait
        while True:
            try:
                return operation(*args)
            except TimeoutError:
                if self.gate is not None and self.gate.closed:
                    raise ConnectionAbortedError("the lookup is over") from None
                if self._wait == 0 or (deadline is not None and time.monotonic() >= deadline):
                    raise

    def do_handshake(self, block: bool = False) -> None:
        self._sliced(super().do_handshake, block)

    def read(self, len: int = 1024, buffer: bytearray | None = None) -> bytes | int:  # noqa: A002 - as ssl names it
        return self._sliced(super().read, len, buffer)

    def send(self, data: bytes, flags: int = 0) -> int:
        return self._sliced(super().send, data, flags)


class _HttpsConnection(http.client.HTTPSConnection):
    """An https connection that a :class:`TlsGate` counts from the moment TCP is connected."""

    def __init__(self, host: str, port: int | None, *, timeout: float,
                 context: ssl.SSLContext, gate: TlsGate | None) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._gate = gate
        self._counted = False

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)  # TCP only
        if self._gate is not None:
            self._gate.enter(self)
            self._counted = True
        self.sock = _GatedSSLSocket._create(  # what SSLContext.wrap_socket does, with this class
            sock=self.sock, server_hostname=self.host, do_handshake_on_connect=False,
            context=self._context)
        self.sock.gate = self._gate
        if self._gate is not None:
            self._gate.check()  # closed while wrapping: the shutdown may have missed it
        self.sock.do_handshake()

    def close(self) -> None:
        super().close()
        if self._counted:
            self._counted = False
            self._gate.leave(self)  # type: ignore[union-attr]


@dataclass(frozen=True)
class Fetched:
    url: str
    """The final URL, after redirects."""
    status: int
    body: bytes
    authenticated: bool
    """Every hop was https with a verified certificate."""


def fetch(url: str, *, timeout: float, max_bytes: int, context: ssl.SSLContext,
          max_redirects: int = 3, gate: TlsGate | None = None) -> Fetched | None:
    """GET *url*; None when the server says the document is not there (4xx).

    Redirects are followed (at most *max_redirects*) only to https URLs; the whole fetch,
    redirects included, ends by *timeout* seconds, or when *gate* is closed.
    """
    deadline = time.monotonic() + timeout
    authenticated = url.lower().startswith("https://")
    visited = {url}
    for _ in range(max_redirects + 1):
        status, location, body = _get(url, deadline, max_bytes, context, gate)
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


def _get(url: str, deadline: float, max_bytes: int, context: ssl.SSLContext,
         gate: TlsGate | None) -> tuple[int, str | None, bytes]:
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
        conn = _HttpsConnection(parts.hostname, port, timeout=remaining(), context=context,
                                gate=gate)
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
