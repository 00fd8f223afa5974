"""Real SMTP servers for the tests: aiosmtpd with trustme certificates, and scripted hostile peers.

Every server records what it saw (AUTH attempts with whether the channel was encrypted, raw
lines from the client) so a test can prove that no password crossed an unencrypted connection.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime
import socket
import ssl
import threading
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

DEFAULT_USERS = {"taro@example.test": "correct horse battery staple"}
SERVER_NAMES = ("localhost", "127.0.0.1", "::1", "mail.example.test", "192.0.2.25", "2001:db8::25")


class TestCA:
    """A throw-away certificate authority; ``cafile`` is its PEM for ``--cafile``."""

    __test__ = False

    def __init__(self, directory: Path) -> None:
        self.ca = trustme.CA(organization_name="op25b test CA")
        self.cafile = directory / "test-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.cafile))

    def write_server_pem(self, path: Path, names: tuple[str, ...] = SERVER_NAMES) -> Path:
        """Key and certificate chain in one PEM file, for a server in another process."""
        self.ca.issue_cert(*names).private_key_and_cert_chain_pem.write_to_path(str(path))
        return path

    def server_context(self, names: tuple[str, ...] = SERVER_NAMES, *,
                       not_before: datetime.datetime | None = None,
                       not_after: datetime.datetime | None = None) -> ssl.SSLContext:
        cert = self.ca.issue_cert(*names, not_before=not_before, not_after=not_after)
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(ctx)
        return ctx

    def expired_context(self) -> ssl.SSLContext:
        now = datetime.datetime.now(datetime.UTC)
        return self.server_context(not_before=now - datetime.timedelta(days=60),
                                   not_after=now - datetime.timedelta(days=1))

    def wrong_name_context(self) -> ssl.SSLContext:
        return self.server_context(("relay.other-isp.test",))

    @staticmethod
    def unknown_issuer_context() -> ssl.SSLContext:
        other = trustme.CA(organization_name="someone else's CA")
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        other.issue_cert(*SERVER_NAMES).configure_cert(ctx)
        return ctx


@dataclass
class AuthRecord:
    mechanism: str
    username: str
    encrypted: bool
    accepted: bool


@dataclass
class Recorder:
    auth: list[AuthRecord] = field(default_factory=list)
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    plaintext_lines: list[bytes] = field(default_factory=list)

    def password_seen_unencrypted(self, password: str) -> bool:
        """Did the password (or its base64 forms) cross a connection without TLS?"""
        forms = [password.encode(), base64.b64encode(password.encode())]
        blob = b"\n".join(self.plaintext_lines)
        plain_b64 = [base64.b64encode(f"\0{u}\0{password}".encode())
                     for u in ("", *DEFAULT_USERS)]
        return any(f in blob for f in forms + plain_b64) or any(
            not a.encrypted for a in self.auth)


class _Handler:
    def __init__(self, recorder: Recorder, deny_relay: bool) -> None:
        self.recorder = recorder
        self.deny_relay = deny_relay

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.deny_relay:
            return "554 5.7.1 Relay access denied"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.recorder.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


class _Authenticator:
    def __init__(self, users: dict[str, str], recorder: Recorder, reply_code: int | None) -> None:
        self.users = users
        self.recorder = recorder
        self.reply_code = reply_code

    def __call__(self, server, session, envelope, mechanism, auth_data):
        transport = getattr(server, "transport", None)
        encrypted = session.ssl is not None or bool(
            transport is not None and transport.get_extra_info("ssl_object") is not None)
        if isinstance(auth_data, LoginPassword):
            user = auth_data.login.decode()
            ok = self.users.get(user) == auth_data.password.decode()
        else:
            user, ok = "?", False
        if self.reply_code is not None:
            ok = False
        self.recorder.auth.append(AuthRecord(mechanism, user, encrypted, ok))
        if ok:
            return AuthResult(success=True)
        if self.reply_code == 534:
            return AuthResult(success=False, handled=False,
                              message="534 5.7.9 Authentication mechanism is too weak")
        if self.reply_code == 538:
            return AuthResult(success=False, handled=False,
                              message="538 5.7.11 Encryption required for requested authentication mechanism")
        if self.reply_code == 454:
            return AuthResult(success=False, handled=False,
                              message="454 4.7.0 Temporary authentication failure")
        return AuthResult(success=False, handled=False)


class _RecordingSMTP(SMTP):
    """aiosmtpd's SMTP that also records every line that arrives before TLS."""

    recorder: Recorder

    def data_received(self, data: bytes) -> None:
        if self.transport is not None and self.transport.get_extra_info("sslcontext") is None \
                and not self._tls_protocol:
            self.recorder.plaintext_lines.append(data)
        super().data_received(data)


class _RecordingController(Controller):
    def __init__(self, handler, recorder: Recorder, **kwargs) -> None:
        self.recorder = recorder
        super().__init__(handler, **kwargs)

    def factory(self):
        smtp = _RecordingSMTP(self.handler, **self.SMTP_kwargs)
        smtp.recorder = self.recorder
        return smtp


@dataclass
class Server:
    host: str
    port: int
    recorder: Recorder
    controller: Controller


@contextlib.contextmanager
def smtp_server(ca: TestCA | None, mode: str = "starttls", *, bind: str = "127.0.0.1", port: int = 0,
                users: dict[str, str] | None = None, name: str = "mail.example.test",
                context: ssl.SSLContext | None = None, auth_reply: int | None = None,
                deny_relay: bool = False, auth: bool = True,
                auth_require_tls: bool = True) -> Iterator[Server]:
    """A real aiosmtpd server. *mode*: ``starttls`` (required), ``tls`` (implicit),
    ``relay`` (STARTTLS offered, AUTH not), ``plain`` (no TLS at all)."""
    recorder = Recorder()
    if context is None and ca is None:
        raise ValueError("smtp_server needs a CA or a context")
    ctx = context or ca.server_context()  # type: ignore[union-attr]
    kwargs: dict = {"hostname": bind, "port": port or free_port(bind), "server_hostname": name,
                    "ready_timeout": 5.0}
    if auth and mode != "relay":
        kwargs["authenticator"] = _Authenticator(users or DEFAULT_USERS, recorder, auth_reply)
        # aiosmtpd does not count implicit TLS as TLS for auth_require_tls
        kwargs["auth_require_tls"] = auth_require_tls if mode in ("starttls",) else False
    if mode == "tls":
        kwargs["ssl_context"] = ctx
    elif mode in ("starttls", "relay"):
        kwargs["tls_context"] = ctx
        kwargs["require_starttls"] = mode == "starttls"
    controller = _RecordingController(_Handler(recorder, deny_relay), recorder, **kwargs)
    controller.start()
    try:
        yield Server(bind, kwargs["port"], recorder, controller)
    finally:
        controller.stop()


def free_port(bind: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((bind, 0))
        return s.getsockname()[1]


# --- scripted peers -----------------------------------------------------------------------

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter, "Scripted"], Awaitable[None]]


class Scripted:
    """A raw TCP server on loopback that runs *script* per connection, in its own thread."""

    def __init__(self, script: Script, *, bind: str = "127.0.0.1",
                 tls: ssl.SSLContext | None = None) -> None:
        self.script = script
        self.bind = bind
        self.tls = tls
        self.port = 0
        self.received: list[bytes] = []
        self.tls_used = False
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._server: asyncio.base_events.Server | None = None

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._client, self.bind, 0, ssl=self.tls)
            self.port = self._server.sockets[0].getsockname()[1]
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await self.script(reader, writer, self)
        except (ConnectionError, OSError, asyncio.IncompleteReadError, ssl.SSLError,
                asyncio.CancelledError):  # CancelledError: the server is stopping
            pass
        finally:
            writer.close()

    async def readline(self, reader: asyncio.StreamReader) -> bytes:
        line = await reader.readline()
        self.received.append(line)
        return line

    def __enter__(self) -> Scripted:
        self._thread.start()
        self._ready.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        async def stop() -> None:
            if self._server:
                self._server.close()
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


async def ehlo_dialogue(reader, writer, srv: Scripted, *, greeting: bytes = b"220 mail.example.test ESMTP\r\n",
                        ehlo: bytes = b"250-mail.example.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n") -> None:
    """Greet, answer EHLO, then answer every further command with *250* until QUIT."""
    writer.write(greeting)
    await writer.drain()
    while True:
        line = await srv.readline(reader)
        if not line:
            return
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO"):
            writer.write(ehlo)
        elif cmd == b"QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            return
        else:
            writer.write(b"250 ok\r\n")
        await writer.drain()


@contextlib.contextmanager
def blackhole(bind: str = "127.0.0.1") -> Iterator[int]:
    """A port whose connection attempts hang as if the SYN were dropped, without root.

    A listener with a backlog of 0 whose one queued connection is never accepted: Linux then
    drops every further SYN, so a connect times out like one to a port a firewall DROPs.
    """
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as listener:
        listener.bind((bind, 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        with socket.create_connection((bind, port), timeout=5):
            yield port
