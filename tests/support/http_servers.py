"""Real HTTP(S) servers on loopback for the tests: autoconfig files and ISP database answers.

Each route maps a path to a :class:`Page` (status, body, delay, headers); every request is
recorded so a test can tell which places were asked.
"""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class LocalWeb:
    server: ThreadingHTTPServer
    routes: dict[str, Page]
    scheme: str
    requests: list[str] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def base(self) -> str:
        """``https://127.0.0.1:PORT`` (or http)."""
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    web: LocalWeb

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        web = self.server.web  # type: ignore[attr-defined]
        web.requests.append(self.path)
        page = web.routes.get(self.path.split("?")[0], Page(b"not here", 404))
        if page.delay and web.stopping.wait(page.delay):
            return
        try:
            self.send_response(page.status)
            for k, v in page.headers.items():
                self.send_header(k, v)
            if "Content-Length" not in page.headers:
                self.send_header("Content-Length", str(len(page.body)))
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            self.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, tls: ssl.SSLContext | None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.tls = tls

    def finish_request(self, request, client_address) -> None:
        """The TLS handshake happens here, in the request's own thread, not the accept loop."""
        if self.tls is not None:
            try:
                request = self.tls.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                return
        super().finish_request(request, client_address)


@contextlib.contextmanager
def local_web(routes: dict[str, Page] | None = None,
              tls: ssl.SSLContext | None = None) -> Iterator[LocalWeb]:
    """Serve *routes* on 127.0.0.1 (random port); https when *tls* (a server context) is given."""
    server = _Server(tls)
    web = LocalWeb(server, routes if routes is not None else {}, "https" if tls else "http")
    server.web = web  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield web
    finally:
        web.stopping.set()
        server.shutdown()
        server.server_close()


def autoconfig_xml(*servers: tuple, domains: tuple[str, ...] = (), name: str = "Test ISP",
                   extra: str = "") -> bytes:
    """A config-v1.1 document as the format documents it. Each server is
    ``(host, port, socketType, username, *authentication)``."""
    out = []
    for host, port, socket_type, username, *auth in servers:
        methods = "".join(f"<authentication>{a}</authentication>" for a in auth)
        out.append(f'<outgoingServer type="smtp"><hostname>{host}</hostname><port>{port}</port>'
                   f"<socketType>{socket_type}</socketType><username>{username}</username>"
                   f"{methods}</outgoingServer>")
    doms = "".join(f"<domain>{d}</domain>" for d in domains)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1">'
            f'<emailProvider id="{domains[0] if domains else "test"}">{doms}'
            f"<displayName>{name}</displayName>{''.join(out)}{extra}</emailProvider>"
            "</clientConfig>").encode()
