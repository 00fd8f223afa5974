"""The port-test engine: probe SMTP ports of one host concurrently, each stage with its own timeout.

``probe()`` is the coroutine; ``run_probe()`` runs it to the end in the calling thread (a worker
thread in the GUI) and can be cancelled from another thread with a ``threading.Event``.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import errno
import socket
import ssl
import threading
import time
from collections.abc import Callable

from op25b_wizard.core import connectivity, connectivity_probe
from op25b_wizard.core.model import (
    AddressAttempt,
    AuthInfo,
    Credentials,
    PortResult,
    PortSpec,
    ProbeEvent,
    ProbeOptions,
    ProbeReport,
    ProbeRequest,
    Stage,
    TlsInfo,
)
from op25b_wizard.core.smtp_reply import (
    MAX_LINE,
    Reply,
    could_start_reply,
    greeting_host,
    parse_capabilities,
)
from op25b_wizard.core.smtp_session import (
    SmtpSession,
    StageFailure,
    Transcript,
    auth_exchange,
    cram_md5_response,
)
from op25b_wizard.core.tls import classify_error, describe, make_context

EventSink = Callable[[ProbeEvent], None]

_UNREACHABLE = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EACCES, errno.EPERM, errno.EADDRNOTAVAIL}
_NO_ROUTE = {errno.ENETUNREACH, errno.EADDRNOTAVAIL}
"""This computer has no way into that family's network (an IPv4-only network for IPv6):
the attempt never reached the network, so it says nothing about the port."""
_AUTH_RESULTS = {
    235: "ok",
    535: "bad_credentials",
    534: "mechanism_too_weak",
    538: "encryption_required",
    454: "temporary",
    530: "auth_required",
}
_MECH_PREFERENCE_TLS = ("PLAIN", "LOGIN", "CRAM-MD5")
_MECH_PREFERENCE_PLAIN = ("CRAM-MD5", "PLAIN", "LOGIN")


RELAY_PORT = 25


def may_sign_in(spec: PortSpec) -> bool:
    """Whether the password may be offered on this port: never on port 25, whatever mode it
    is tested in (``--port 25/starttls`` included), and never on a port tested as a relay."""
    return spec.port != RELAY_PORT and spec.is_submission


def _family_name(family: int) -> str:
    return "ipv6" if family == socket.AF_INET6 else "ipv4"


def interleave(addresses: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """RFC 8305 order: alternate families, starting with the family of the first address."""
    v6 = [a for a in addresses if a[0] == socket.AF_INET6]
    v4 = [a for a in addresses if a[0] != socket.AF_INET6]
    first, second = (v6, v4) if addresses and addresses[0][0] == socket.AF_INET6 else (v4, v6)
    out: list[tuple[int, str]] = []
    for i in range(max(len(first), len(second))):
        out.extend(x[i] for x in (first, second) if i < len(x))
    return out


async def _getaddrinfo(host: str) -> list[tuple]:
    """``socket.getaddrinfo`` in a daemon thread of its own, awaited like a coroutine.

    The system resolver cannot be interrupted. asyncio's own ``loop.getaddrinfo`` uses the
    default executor, which ``asyncio.run`` waits for when it closes the loop: a hanging
    resolver would then hold the probe past its timeout and past a cancel. Here whoever
    awaits can give up at any time; a late answer is dropped and the thread ends on its own.
    """
    loop = asyncio.get_running_loop()
    answer: asyncio.Future[list[tuple]] = loop.create_future()

    def deliver(infos: list[tuple] | None, error: Exception | None) -> None:
        if answer.done():  # timed out or cancelled meanwhile
            return
        if error is not None:
            answer.set_exception(error)
        else:
            answer.set_result(infos or [])

    def lookup() -> None:
        infos, error = None, None
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except Exception as e:  # handed to the waiting coroutine
            error = e
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits any more
            loop.call_soon_threadsafe(deliver, infos, error)

    threading.Thread(target=lookup, name=f"op25b-resolve-{host}", daemon=True).start()
    return await answer


async def resolve(host: str, timeout: float) -> list[tuple[int, str]]:
    """All A and AAAA addresses of *host* (a literal address resolves to itself).

    Returns or raises ``TimeoutError`` within *timeout* and is cancellable, however long the
    system resolver hangs."""
    async with asyncio.timeout(timeout):
        infos = await _getaddrinfo(host)
    seen: list[tuple[int, str]] = []
    for family, _t, _p, _c, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6) and (family, sockaddr[0]) not in seen:
            seen.append((family, sockaddr[0]))
    return interleave(seen)


class _Connector:
    """Happy Eyeballs: start one attempt per address, staggered, first connection wins.

    The port's result does not wait for the losing attempts. They run on only while other
    ports are still being tested (so a dead family can still show, for ``ipv6_broken``, at no
    cost) and are stopped as ``not_needed`` when the run has nothing else left to do
    (:meth:`stop_unneeded`); a late winner's socket is closed.
    """

    def __init__(self, addresses: list[tuple[int, str]], port: int, timeout: float, delay: float):
        self.addresses = addresses
        self.port = port
        self.timeout = timeout
        self.delay = delay
        self.attempts: list[AddressAttempt] = []
        self.no_route: set[str] = set()
        """Addresses whose attempt failed here for want of a route (see ``_NO_ROUTE``)."""
        self.tasks: list[asyncio.Task] = []
        self._started: dict[str, tuple[str, float]] = {}
        self._not_needed = False
        self._abandoned = False
        self._winner: asyncio.Future = asyncio.get_running_loop().create_future()

    async def _attempt(self, family: int, address: str, failed: asyncio.Event) -> None:
        t0 = time.monotonic()
        fam = _family_name(family)
        self._started[address] = (fam, t0)
        try:
            async with asyncio.timeout(self.timeout):
                reader, writer = await asyncio.open_connection(address, self.port, limit=MAX_LINE)
        except TimeoutError:
            self.attempts.append(AddressAttempt(address, fam, "timeout", time.monotonic() - t0))
        except ConnectionRefusedError as e:
            self.attempts.append(AddressAttempt(address, fam, "refused", time.monotonic() - t0, str(e)))
        except OSError as e:
            result = "unreachable" if e.errno in _UNREACHABLE else "error"
            if e.errno in _NO_ROUTE:
                self.no_route.add(address)
            self.attempts.append(AddressAttempt(address, fam, result, time.monotonic() - t0, str(e)))  # type: ignore[arg-type]
        except asyncio.CancelledError:
            result = "not_needed" if self._not_needed else "abandoned"
            self.attempts.append(AddressAttempt(address, fam, result, time.monotonic() - t0))  # type: ignore[arg-type]
            raise
        else:
            self.attempts.append(AddressAttempt(address, fam, "connected", time.monotonic() - t0))
            if self._winner.done():
                writer.close()
            else:
                self._winner.set_result((reader, writer, address, fam))
            return
        failed.set()

    async def connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, str, str] | None:
        for family, address in self.addresses:
            failed = asyncio.Event()
            self.tasks.append(asyncio.create_task(self._attempt(family, address, failed)))
            stagger = asyncio.create_task(failed.wait())
            await asyncio.wait([self._winner, stagger], timeout=self.delay,
                               return_when=asyncio.FIRST_COMPLETED)
            stagger.cancel()
            if self._winner.done():
                return self._winner.result()
        pending = [t for t in self.tasks if not t.done()]
        while pending and not self._winner.done():
            _done, pending_set = await asyncio.wait(
                [*pending, self._winner], return_when=asyncio.FIRST_COMPLETED)
            pending = [t for t in pending_set if t is not self._winner]
        return self._winner.result() if self._winner.done() else None

    def snapshot(self) -> list[AddressAttempt]:
        """Every attempt so far, IPv6 first; one still running is shown as ``not_needed``
        (the port's test is over) until it ends or :meth:`stop_unneeded` stops it."""
        ended = {a.address for a in self.attempts}
        now = time.monotonic()
        running = [AddressAttempt(address, fam, "not_needed", now - t0)
                   for address, (fam, t0) in self._started.items() if address not in ended]
        return sorted([*self.attempts, *running], key=lambda a: a.family, reverse=True)

    async def stop_unneeded(self) -> None:
        """Stop the attempts still running: the port was tested over another address."""
        self._not_needed = not self._abandoned
        for task in self.tasks:
            task.cancel()
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)

    def abandon(self) -> None:
        """Stop every attempt still running (the run was cancelled)."""
        self._abandoned = True
        for task in self.tasks:
            task.cancel()


class _PortProbe:
    def __init__(self, host: str, spec: PortSpec, opts: ProbeOptions, ctx: ssl.SSLContext,
                 transcript: Transcript, emit: EventSink, deadline: float) -> None:
        self.host = host
        self.deadline = deadline
        """The run's deadline on the event loop's clock."""
        self.spec = spec
        self.opts = opts
        self.ctx = ctx
        self.tr = transcript
        self.emit = emit
        self.result = PortResult(
            port=spec.port, mode=spec.mode,
            security=spec.expected_security,
            outcome="timeout", stage="connect",
        )
        self.session: SmtpSession | None = None
        self.connector: _Connector | None = None

    def stage(self, stage: Stage) -> None:
        self.result.stage = stage
        self.emit(ProbeEvent("stage", port=self.spec.port, stage=stage))

    async def run(self, addresses: list[tuple[int, str]]) -> PortResult:
        t0 = time.monotonic()
        r = self.result
        self.emit(ProbeEvent("port_started", port=self.spec.port))
        connector = self.connector = _Connector(addresses, self.spec.port, self.opts.timeout,
                                                self.opts.happy_eyeballs_delay)
        deadline = asyncio.timeout_at(self.deadline)
        try:
            async with deadline:
                self.stage("connect")
                conn = await connector.connect()
                if conn is None:
                    self._connect_failed(connector)
                else:
                    reader, writer, r.address, r.family = conn  # type: ignore[assignment]
                    self.tr.note(self.spec.port, f"connected to {r.address} port {self.spec.port}")
                    self.session = SmtpSession(reader, writer, self.spec.port, self.tr,
                                               self.opts.timeout)
                    await self._dialogue()
                    r.stage = "done"
        except StageFailure as f:
            r.outcome, r.stage, r.error = f.outcome, f.stage, self.tr.mask(f.error, self.spec.port)
            self.tr.note(self.spec.port, f"{f.stage}: {f.error}")
        except TimeoutError:
            if not deadline.expired():  # every stage turns its own timeout into a StageFailure
                raise
            connector.abandon()
            seconds = self.opts.run_deadline
            r.outcome, r.error = "unfinished", f"not finished within the run's {seconds:g} s deadline"
            self.tr.note(self.spec.port, f"{r.stage}: {r.error}")
        except asyncio.CancelledError:
            connector.abandon()
            raise
        finally:
            if self.session is not None:
                if r.stage == "done" or r.outcome in ("auth_failed", "banner_refused"):
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout_at(self.deadline):
                            await self.session.quit()
                self.session.writer.close()
            r.attempts = connector.snapshot()  # a loser still running: see stop_unneeded()
            r.elapsed_s = time.monotonic() - t0
        self.emit(ProbeEvent("port_done", port=self.spec.port, result=r))
        return r

    async def stop_unneeded(self) -> None:
        """The run is over: stop this port's losing attempts and record how they ended."""
        if self.connector is not None:
            await self.connector.stop_unneeded()
            self.result.attempts = self.connector.snapshot()

    def _connect_failed(self, connector: _Connector) -> None:
        """The port's outcome when no attempt connected: from the attempts that reached the
        network. A family this computer has no route to (IPv6 on an IPv4-only network) is
        left out when another family's attempts got onto the network, so that a SYN dropped
        on IPv4 is reported as the timeout it is, not as IPv6's 'unreachable'."""
        off_network = {fam for fam in ("ipv4", "ipv6")
                       if (mine := [a for a in connector.attempts if a.family == fam])
                       and all(a.address in connector.no_route for a in mine)}
        considered = [a for a in connector.attempts if a.family not in off_network]
        results = {a.result for a in considered or connector.attempts}
        for outcome in ("refused", "unreachable", "timeout"):
            if outcome in results:
                detail = "; ".join(f"{a.address}: {a.result}" for a in connector.attempts)
                raise StageFailure(outcome, "connect", detail)  # type: ignore[arg-type]
        raise StageFailure("unreachable", "connect", "; ".join(
            f"{a.address}: {a.error or a.result}" for a in connector.attempts) or "no address")

    async def _tls(self) -> None:
        """Handshake on the open connection and verify the certificate."""
        assert self.session is not None
        self.stage("tls")
        try:
            async with asyncio.timeout(self.opts.timeout):
                await self.session.writer.start_tls(self.ctx, server_hostname=self.host)
        except TimeoutError:
            raise StageFailure("timeout", "tls", "the TLS handshake did not finish in time") from None
        except (ssl.SSLError, ConnectionError, OSError) as e:
            problem, text = classify_error(e)
            self.result.tls = TlsInfo(verified=False, problem=problem, error=text)
            raise StageFailure("tls_error", "tls", f"{problem}: {text}") from None
        sslobj = self.session.writer.get_extra_info("ssl_object")
        self.result.tls = describe(sslobj)
        self.tr.note(self.spec.port, f"TLS {self.result.tls.version} {self.result.tls.cipher}, "
                                     f"certificate verified for {self.host}")

    def _ehlo_name(self) -> str:
        if self.opts.ehlo_name:
            return self.opts.ehlo_name
        assert self.session is not None
        sock = self.session.writer.get_extra_info("sockname")
        addr = sock[0] if sock else "127.0.0.1"
        return f"[IPv6:{addr}]" if ":" in addr else f"[{addr}]"

    async def _ehlo(self) -> Reply:
        assert self.session is not None
        self.stage("ehlo")
        reply = await self.session.command(f"EHLO {self._ehlo_name()}", "ehlo")
        if reply.code != 250:
            if self.spec.mode == "relay" and reply.code in (550, 554):
                self.result.relay_denied = True  # not 500/502: an old server, not a refusal
            raise StageFailure(
                "banner_refused" if reply.code in (421, 554, 550) else "protocol_error",
                "ehlo", f"EHLO refused: {reply.code} {reply.first}")
        self.result.ehlo_host = greeting_host(reply)
        self.result.capabilities = parse_capabilities(reply)
        return reply

    async def _dialogue(self) -> None:
        s = self.session
        r = self.result
        assert s is not None
        if self.spec.mode == "tls":
            await self._tls()
        self.stage("greeting")
        try:
            greeting = await s.read_reply("greeting")
        except StageFailure as f:
            if f.outcome == "timeout" and f.error == "no greeting from the server":
                await self._nudge_silent()
            raise
        r.greeting_code = greeting.code
        r.greeting = greeting.text[:300]
        r.greeting_host = greeting_host(greeting)
        if greeting.code != 220:
            if self.spec.mode == "relay" and greeting.code == 554:
                r.relay_denied = True
            outcome = "banner_refused" if greeting.code in (421, 554, 550, 521) else "protocol_error"
            raise StageFailure(outcome, "greeting", f"greeting {greeting.code} {greeting.first}")
        await self._ehlo()
        if self.spec.mode in ("starttls", "relay"):
            await self._starttls()
        r.outcome = "ok"
        if self.opts.credentials:
            if may_sign_in(self.spec):
                await self._auth(self.opts.credentials)
            else:
                self.tr.note(self.spec.port, "no sign-in test here: the password is never "
                                             "offered on port 25 or a relay port")
        if self.opts.test_message_to:
            await self._test_message(self.opts.test_message_to)

    async def _nudge_silent(self) -> None:
        """A silent peer may be a web server waiting for a request: prod it once, briefly."""
        s = self.session
        assert s is not None
        await s.send("QUIT", "greeting")
        s.writer.write(b"\r\n")
        try:
            async with asyncio.timeout(min(1.0, self.opts.timeout / 2)):
                data = await s.reader.read(256)
        except (TimeoutError, ConnectionError, OSError):
            return
        if data:
            s.transcript.add(self.spec.port, "S", data.decode("utf-8", "replace").splitlines()[0])
        if data.startswith(b"HTTP/"):
            raise StageFailure("not_smtp", "greeting", "an HTTP server answered, not a mail server")
        if data and not could_start_reply(data):
            # e.g. a web server answering the one-word request with a bare HTML error page
            raise StageFailure("not_smtp", "greeting", "the server answered, but not in SMTP")

    async def _starttls(self) -> None:
        s = self.session
        r = self.result
        assert s is not None and r.capabilities is not None
        if not r.capabilities.starttls:
            if self.spec.mode == "starttls":
                r.auth_before_tls = bool(r.capabilities.auth)
                if not (self.opts.allow_plaintext_auth and self.opts.credentials):
                    raise StageFailure("no_starttls", "starttls",
                                       "the server does not offer STARTTLS (encryption)")
            r.security = "none"
            self.tr.note(self.spec.port, "no STARTTLS offered: this port stays unencrypted")
            return
        self.stage("starttls")
        reply = await s.command("STARTTLS", "starttls")
        if reply.code != 220:
            if self.spec.mode == "relay":
                r.security = "none"
                r.capabilities.starttls = False
                self.tr.note(self.spec.port, "STARTTLS refused: this port stays unencrypted")
                return
            raise StageFailure("no_starttls", "starttls", f"STARTTLS refused: {reply.code} {reply.first}")
        await asyncio.sleep(0)
        if s.buffered():
            r.tls = TlsInfo(verified=False, problem="injection",
                            error=f"{s.buffered()} bytes arrived before the TLS handshake")
            raise StageFailure("tls_error", "starttls",
                               "data was injected before the TLS handshake (possible attack)")
        await self._tls()
        r.security = "starttls"
        # RFC 3207: forget everything learnt before TLS and ask again.
        r.capabilities = None
        await self._ehlo()

    def _choose_mechanism(self, offered: list[str], encrypted: bool) -> str | None:
        if self.opts.auth_mechanism:
            return self.opts.auth_mechanism.upper()
        order = _MECH_PREFERENCE_TLS if encrypted else _MECH_PREFERENCE_PLAIN
        return next((m for m in order if m in offered), None)

    async def _auth(self, creds: Credentials) -> None:
        s = self.session
        r = self.result
        assert s is not None and r.capabilities is not None
        encrypted = r.tls is not None and r.tls.verified
        if not encrypted and not self.opts.allow_plaintext_auth:
            r.auth = AuthInfo(None, "plaintext_refused", None,
                              "password not sent: the connection is not encrypted")
            self.tr.note(self.spec.port, "password not sent over an unencrypted connection")
            return
        mech = self._choose_mechanism(r.capabilities.auth, encrypted)
        if mech is None or mech not in ("PLAIN", "LOGIN", "CRAM-MD5"):
            r.auth = AuthInfo(mech, "not_offered", None,
                              "the server offers no sign-in method this test can use: "
                              + (" ".join(r.capabilities.auth) or "none"))
            r.outcome = "auth_failed"
            return
        self.stage("auth")
        port = self.spec.port
        self.tr.add_secret(creds.password, port)
        steps = auth_exchange(mech, creds.username, creds.password)
        for line, shown in steps:
            if line != shown:  # a server may echo what it got: mask the tokens too
                self.tr.add_secret(line.rpartition(" ")[2], port)
        try:
            reply = await self._auth_dialogue(mech, steps, creds)
        except StageFailure as f:
            if f.outcome != "timeout":
                raise
            # TCP, TLS and EHLO worked: the port is open, the server is slow to judge the
            # password (a delay after failures, on purpose). Not a blocked port.
            seconds = self.opts.auth_reply_timeout
            r.auth = AuthInfo(mech, "timeout", None,
                              f"no answer to the sign-in within {seconds:g} s", seconds)
            raise StageFailure("auth_slow", "auth", r.auth.message or "") from None
        result = _AUTH_RESULTS.get(reply.code, "error")
        r.auth = AuthInfo(mech, result, reply.code, self.tr.mask(reply.first, port)[:200])  # type: ignore[arg-type]
        r.outcome = "auth_ok" if result == "ok" else "auth_failed"

    async def _auth_dialogue(self, mech: str, steps: list[tuple[str, str]],
                             creds: Credentials) -> Reply:
        """Send the SASL exchange; each reply may take the sign-in's time (servers delay
        answers to sign-ins on purpose, see ``AUTH_ALLOWANCE``)."""
        s = self.session
        assert s is not None
        port = self.spec.port
        wait = self.opts.auth_reply_timeout
        reply: Reply | None = None
        for i, (line, shown) in enumerate(steps):
            reply = await s.command(line, "auth", shown, wait)
            if reply.code != 334:
                break
            if mech == "CRAM-MD5":
                answer = cram_md5_response(reply.first, creds.username, creds.password)
                self.tr.add_secret(answer, port)
                reply = await s.command(answer, "auth", "******** (response)", wait)
                break
            if i == len(steps) - 1:
                break
        assert reply is not None
        return reply

    async def _test_message(self, to: str) -> None:
        """MAIL/RCPT (and DATA after a successful sign-in) to the user's own address only."""
        s = self.session
        r = self.result
        assert s is not None
        if self.spec.mode == "relay":
            self.stage("message")
            mail = await s.command(f"MAIL FROM:<{to}>", "message")
            rcpt = await s.command(f"RCPT TO:<{to}>", "message") if mail.code == 250 else mail
            r.relay_denied = rcpt.code >= 500
            await s.command("RSET", "message")
            return
        if r.outcome != "auth_ok":
            return
        self.stage("message")
        mail = await s.command(f"MAIL FROM:<{to}>", "message")
        rcpt = await s.command(f"RCPT TO:<{to}>", "message") if mail.code == 250 else mail
        if rcpt.code not in (250, 251):
            r.message_sent = False
            await s.command("RSET", "message")
            return
        data = await s.command("DATA", "message")
        if data.code != 354:
            r.message_sent = False
            return
        body = (
            f"From: <{to}>\r\nTo: <{to}>\r\nSubject: op25b-wizard test message\r\n"
            f"Date: {email.utils.formatdate(localtime=True)}\r\n"
            f"Message-ID: {email.utils.make_msgid('op25b')}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"This test message was sent by op25b-wizard through port {self.spec.port}.\r\n"
            "If you can read it, sending mail works from this network.\r\n."
        )
        end = await s.command(body, "message", f"(message text, {len(body)} bytes)")
        r.message_sent = end.code == 250


async def probe(request: ProbeRequest, on_event: EventSink | None = None,
                cancel: asyncio.Event | None = None) -> ProbeReport:
    """Probe every requested port concurrently; returns when all are done or on *cancel*."""
    t0 = time.monotonic()
    emit = on_event or (lambda _e: None)
    opts = request.options
    report = ProbeReport(host=request.host)
    transcript = Transcript()  # each port masks what it sends to sign in (see _auth)
    ctx = make_context(opts.cafile, use_system_trust=opts.use_system_trust)

    loop = asyncio.get_running_loop()
    report.deadline_s = opts.run_deadline
    deadline = loop.time() + opts.run_deadline

    async def run_all() -> None:
        budget = max(0.0, deadline - loop.time())
        try:
            addresses = await resolve(request.host, min(opts.timeout, budget))
        except (TimeoutError, OSError, UnicodeError) as e:
            cut = isinstance(e, TimeoutError) and budget < opts.timeout
            if cut:
                error = f"not finished within the run's {opts.run_deadline:g} s deadline"
            else:
                report.dns_error = error = str(e) or "DNS lookup timed out"
            transcript.note(None, f"cannot resolve {request.host}: {error}")
            emit(ProbeEvent("dns", text=error))
            for spec in request.ports:
                res = PortResult(port=spec.port, mode=spec.mode,
                                 security=spec.expected_security,
                                 outcome="unfinished" if cut else "dns_error", stage="dns",
                                 error=error)
                report.ports.append(res)
                emit(ProbeEvent("port_done", port=spec.port, result=res))
            return
        for family, address in addresses:
            report.addresses.setdefault(_family_name(family), []).append(address)
        transcript.note(None, f"{request.host}: " + ", ".join(a for _f, a in addresses))
        emit(ProbeEvent("dns", text=", ".join(a for _f, a in addresses)))
        probes = [_PortProbe(request.host, spec, opts, ctx, transcript, emit, deadline)
                  for spec in request.ports]
        try:
            results = await asyncio.gather(*(p.run(addresses) for p in probes))
        finally:
            # every port is done (or the run is cancelled): no one waits for a losing attempt
            await asyncio.gather(*(p.stop_unneeded() for p in probes), return_exceptions=True)
        report.ports.extend(results)

    check = opts.connectivity
    check_task = asyncio.create_task(connectivity_probe.check_connectivity(
        check, min(opts.timeout, opts.run_deadline), resolve)) if check is not None else None
    work = asyncio.create_task(run_all())
    waiters: list[asyncio.Future] = [work]
    if cancel is not None:
        waiters.append(asyncio.create_task(cancel.wait()))
    await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    if not work.done():
        work.cancel()
        await asyncio.gather(work, return_exceptions=True)
        report.cancelled = True
        transcript.note(None, "cancelled")
    else:
        work.result()
    for w in waiters[1:]:
        w.cancel()
    report.connectivity = await _connectivity_result(report, check_task, check, transcript)
    order = {spec.port: i for i, spec in enumerate(request.ports)}
    report.ports.sort(key=lambda p: order.get(p.port, 0))
    report.transcript = transcript.lines
    report.elapsed_s = time.monotonic() - t0
    emit(ProbeEvent("done"))
    return report


async def _connectivity_result(report: ProbeReport, task: asyncio.Task | None,
                               check: connectivity.ConnectivityCheck | None,
                               transcript: Transcript) -> connectivity.ConnectivityResult | None:
    """The connectivity check's answer, waited for only when it can still tell something: the
    run was not cancelled and no secure sending route was found."""
    from op25b_wizard.core.diagnosis import recommend

    needed = not report.cancelled and recommend(report)[0] is None
    result = await connectivity_probe.finish(task, check, needed=needed)
    if result is not None:
        transcript.note(None, connectivity.describe(result))
    return result


def run_probe(request: ProbeRequest, on_event: EventSink | None = None,
              cancel: threading.Event | None = None) -> ProbeReport:
    """Run :func:`probe` in this thread; *cancel* (set from any thread) stops it promptly."""

    async def main() -> ProbeReport:
        stop = asyncio.Event()
        watcher = None
        if cancel is not None:
            async def watch() -> None:
                while not cancel.is_set():
                    await asyncio.sleep(0.05)
                stop.set()
            watcher = asyncio.create_task(watch())
        try:
            return await probe(request, on_event, stop)
        finally:
            if watcher:
                watcher.cancel()

    return asyncio.run(main())
