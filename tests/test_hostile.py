"""The hostile corpus: peers that stall, lie, refuse, inject or break. Each must end with the
right outcome and verdict, within its stage timeout, and with no password on the wire in clear.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime
import http.server
import json
import ssl
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from op25b_wizard.core.diagnosis import diagnose
from op25b_wizard.core.model import PortSpec
from op25b_wizard.core.smtp_reply import MAX_LINE, MAX_LINES
from tests.conftest import ENGINE_PASSWORD, ENGINE_USER
from tests.support.platform import TIMING_SLACK
from tests.support.servers import DEFAULT_USERS, Scripted, TestCA, ehlo_dialogue, smtp_server

FAST = 1.0
"""Stage timeout for peers that fail at once (nothing waits for it)."""
SLOW = 0.5
"""Stage timeout for peers that stall (the test waits for it)."""
MARGIN = 1.0
GREETING = b"220 mail.example.test ESMTP\r\n"
EHLO_STARTTLS = b"250-mail.example.test\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n"


def secret_forms(password: str = ENGINE_PASSWORD) -> list[bytes]:
    return [password.encode(), base64.b64encode(password.encode()),
            *(base64.b64encode(f"\0{u}\0{password}".encode()) for u in ("", *DEFAULT_USERS))]


@dataclass
class Peer:
    """A hostile server under test and its own record of what crossed in clear."""

    port: int
    crossed_in_clear: Callable[[], bool]
    scripted: Scripted | None = None


@contextlib.contextmanager
def scripted(script, ca: TestCA, *, tls: ssl.SSLContext | None = None) -> Iterator[Peer]:
    with Scripted(script, tls=tls) as srv:
        def crossed() -> bool:
            if tls is not None:  # everything it received came through TLS
                return False
            blob = b"".join(srv.received)
            return any(f in blob for f in secret_forms()) or any(
                line.upper().startswith(b"AUTH") for line in srv.received)
        yield Peer(srv.port, crossed, srv)


@contextlib.contextmanager
def aiosmtpd(ca: TestCA, mode: str, **kw) -> Iterator[Peer]:
    with smtp_server(ca, mode, **kw) as server:
        yield Peer(server.port,
                   lambda: server.recorder.password_seen_unencrypted(ENGINE_PASSWORD))


@contextlib.contextmanager
def web_server(ca: TestCA) -> Iterator[Peer]:
    """A real HTTP server (the standard library's) on the mail port."""

    class Quiet(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Peer(httpd.server_address[1], lambda: False)
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- scripts ---------------------------------------------------------------------------------

async def silent(reader, writer, srv: Scripted) -> None:
    while await srv.readline(reader):
        pass


async def trickle(reader, writer, srv: Scripted) -> None:
    """The greeting, one byte every 0.3 s."""
    for byte in GREETING:
        writer.write(bytes([byte]))
        await writer.drain()
        await asyncio.sleep(0.3)
    await silent(reader, writer, srv)


async def endless_greeting(reader, writer, srv: Scripted) -> None:
    """A multi-line greeting whose lines come in time but whose end never does."""
    while True:
        writer.write(b"220-still greeting\r\n")
        await writer.drain()
        await asyncio.sleep(0.1)


def greet_then_close(greeting: bytes):
    async def script(reader, writer, srv: Scripted) -> None:
        writer.write(greeting)
        await writer.drain()
    return script


def dialogue(**kw):
    async def script(reader, writer, srv: Scripted) -> None:
        await ehlo_dialogue(reader, writer, srv, **kw)
    return script


async def injecting(reader, writer, srv: Scripted) -> None:
    """STARTTLS answered with extra lines in the same packet (CVE-2011-0411 class)."""
    writer.write(GREETING)
    while line := await srv.readline(reader):
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO"):
            writer.write(EHLO_STARTTLS)
        elif cmd == b"STARTTLS":
            writer.write(b"220 2.0.0 Ready to start TLS\r\n250-mail.example.test\r\n"
                         b"250 AUTH PLAIN LOGIN\r\n")
        await writer.drain()


async def injecting_late(reader, writer, srv: Scripted) -> None:
    """STARTTLS answered, then plaintext lines a moment later where the handshake should be."""
    writer.write(GREETING)
    while line := await srv.readline(reader):
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO"):
            writer.write(EHLO_STARTTLS)
        elif cmd == b"STARTTLS":
            writer.write(b"220 2.0.0 Ready to start TLS\r\n")
            await writer.drain()
            await asyncio.sleep(0.05)
            writer.write(b"250-mail.example.test\r\n250 AUTH PLAIN LOGIN\r\n")
        await writer.drain()


async def starttls_refused(reader, writer, srv: Scripted) -> None:
    writer.write(GREETING)
    while line := await srv.readline(reader):
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO"):
            writer.write(EHLO_STARTTLS)
        elif cmd == b"STARTTLS":
            writer.write(b"454 4.7.0 TLS not available due to temporary reason\r\n")
        elif cmd == b"QUIT":
            writer.write(b"221 bye\r\n")
        else:
            writer.write(b"250 ok\r\n")
        await writer.drain()


async def garbage_for_client_hello(reader, writer, srv: Scripted) -> None:
    await reader.read(5)
    writer.write(b"\x00garbage, not a TLS record\r\n" * 4)
    await writer.drain()
    await asyncio.sleep(0.2)


async def drop_after_ehlo(reader, writer, srv: Scripted) -> None:
    writer.write(GREETING)
    await writer.drain()
    await srv.readline(reader)  # EHLO, then gone


async def drop_mid_reply(reader, writer, srv: Scripted) -> None:
    writer.write(GREETING)
    await writer.drain()
    await srv.readline(reader)
    writer.write(b"250-mail.example.test\r\n250-PIPEL")


async def never_answers_ehlo(reader, writer, srv: Scripted) -> None:
    writer.write(GREETING)
    await writer.drain()
    await silent(reader, writer, srv)


async def drop_on_auth(reader, writer, srv: Scripted) -> None:
    writer.write(GREETING)
    while line := await srv.readline(reader):
        if line.upper().startswith(b"EHLO"):
            writer.write(b"250-mail.example.test\r\n250 AUTH PLAIN LOGIN\r\n")
            await writer.drain()
        elif line.upper().startswith(b"AUTH"):
            return


def auth_reply(reply: bytes):
    async def script(reader, writer, srv: Scripted) -> None:
        writer.write(GREETING)
        while line := await srv.readline(reader):
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO"):
                writer.write(b"250-mail.example.test\r\n250 AUTH PLAIN LOGIN\r\n")
            elif cmd.startswith(b"AUTH"):
                writer.write(reply)
            elif cmd == b"QUIT":
                writer.write(b"221 bye\r\n")
            await writer.drain()
    return script


LONG_LINE = b"x" * (MAX_LINE * 3)
MANY_LINES = b"250-mail.example.test\r\n" + b"250-X-PAD\r\n" * (MAX_LINES + 5) + b"250 OK\r\n"


# --- the corpus --------------------------------------------------------------------------------

@dataclass
class Case:
    id: str
    peer: Callable[[TestCA], contextlib.AbstractContextManager[Peer]]
    mode: str
    outcome: str
    stage: str
    verdicts: list[str]
    problem: str | None = None
    timeout: float = FAST
    budget: float = FAST
    """The port must end within this many seconds (plus MARGIN)."""
    alternatives: dict[str, str] = field(default_factory=dict)


def _cert(kind: str):
    def ctx(ca: TestCA) -> ssl.SSLContext:
        now = datetime.datetime.now(datetime.UTC)
        return {"expired": ca.expired_context,
                "wrong_name": ca.wrong_name_context,
                "unknown_issuer": ca.unknown_issuer_context,
                "not_yet_valid": lambda: ca.server_context(
                    not_before=now + datetime.timedelta(days=2),
                    not_after=now + datetime.timedelta(days=90)),
                }[kind]()
    return ctx


def _tls10(ca: TestCA) -> ssl.SSLContext:
    ctx = ca.server_context()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # that is the point
        ctx.minimum_version = ctx.maximum_version = ssl.TLSVersion.TLSv1
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    return ctx


CASES = [
    # stalling peers: each must end after its stage timeout (plus a short nudge), not hang;
    # the connection got through, so the server is not "unreachable": no port works
    Case("silent listener", lambda ca: scripted(silent, ca), "starttls", "timeout", "greeting",
         ["no_submission"], timeout=SLOW, budget=1.5 * SLOW),
    Case("greeting trickles in", lambda ca: scripted(trickle, ca), "starttls", "timeout",
         "greeting", ["no_submission"], timeout=SLOW, budget=1.5 * SLOW),
    Case("greeting never ends", lambda ca: scripted(endless_greeting, ca), "starttls", "timeout",
         "greeting", ["no_submission"], timeout=SLOW, budget=SLOW),
    Case("EHLO never answered", lambda ca: scripted(never_answers_ehlo, ca), "starttls",
         "timeout", "ehlo", ["no_submission"], timeout=SLOW, budget=SLOW),
    Case("silent on implicit TLS", lambda ca: scripted(silent, ca), "tls", "timeout", "tls",
         ["no_submission"], timeout=SLOW, budget=SLOW),
    # refusing and foreign peers
    Case("421 greeting", lambda ca: scripted(greet_then_close(b"421 4.3.2 busy, try later\r\n"),
                                             ca), "starttls", "banner_refused", "greeting",
         ["server_refused", "no_submission"]),
    Case("554 greeting", lambda ca: scripted(greet_then_close(
        b"554-5.7.1 mail.example.test: your address is listed\r\n554 5.7.1 go away\r\n"), ca),
         "starttls", "banner_refused", "greeting", ["server_refused", "no_submission"]),
    Case("HTTP server", web_server, "starttls", "not_smtp", "greeting", ["no_submission"],
         timeout=SLOW, budget=1.5 * SLOW),
    Case("HTTP answer at once", lambda ca: scripted(greet_then_close(
        b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"), ca), "starttls", "not_smtp",
         "greeting", ["no_submission"]),
    Case("binary greeting", lambda ca: scripted(greet_then_close(b"SSH-2.0-OpenSSH_9.6\r\n"), ca),
         "starttls", "not_smtp", "greeting", ["no_submission"]),
    # encryption attacks and failures
    Case("587 without STARTTLS advertising AUTH", lambda ca: scripted(dialogue(), ca),
         "starttls", "no_starttls", "starttls", ["no_encryption", "no_submission"]),
    Case("real server without STARTTLS advertising AUTH",
         lambda ca: aiosmtpd(ca, "plain", auth_require_tls=False), "starttls", "no_starttls",
         "starttls", ["no_encryption", "no_submission"]),
    Case("STARTTLS reply with injected lines", lambda ca: scripted(injecting, ca), "starttls",
         "tls_error", "starttls", ["tls_failed", "no_submission"], problem="injection"),
    Case("STARTTLS advertised, then refused", lambda ca: scripted(starttls_refused, ca),
         "starttls", "no_starttls", "starttls", ["no_encryption", "no_submission"]),
    Case("plaintext where the handshake should be", lambda ca: scripted(injecting_late, ca),
         "starttls", "tls_error", "tls", ["tls_failed", "no_submission"],
         problem="handshake_failed", alternatives={"stage": "starttls", "problem": "injection"}),
    Case("garbage for a ClientHello", lambda ca: scripted(garbage_for_client_hello, ca), "tls",
         "tls_error", "tls", ["tls_failed", "no_submission"], problem="handshake_failed"),
    Case("plain SMTP on the implicit-TLS port", lambda ca: scripted(dialogue(), ca), "tls",
         "tls_error", "tls", ["tls_failed", "no_submission"], problem="handshake_failed"),
    Case("TLS 1.0 only", lambda ca: scripted(dialogue(), ca, tls=_tls10(ca)), "tls",
         "tls_error", "tls", ["tls_failed", "no_submission"], problem="handshake_failed"),
    *(Case(f"{kind} certificate on {mode}", lambda ca, k=kind, m=mode: aiosmtpd(
        ca, m, context=_cert(k)(ca)), mode, "tls_error", "tls", ["certificate", "no_submission"],
        problem=kind)
      for kind in ("expired", "wrong_name", "unknown_issuer", "not_yet_valid")
      for mode in ("tls", "starttls")),
    # sign-in refused: one attempt, over TLS, mapped to its own verdict
    Case("535 on AUTH", lambda ca: aiosmtpd(ca, "tls", users={ENGINE_USER: "other"}), "tls",
         "auth_failed", "done", ["auth_rejected"]),
    *(Case(f"{code} on AUTH", lambda ca, c=code: aiosmtpd(ca, "starttls", auth_reply=c),
           "starttls", "auth_failed", "done", [vid])
      for code, vid in ((534, "auth_mechanism"), (538, "auth_mechanism"),
                        (454, "auth_temporary"))),
    Case("530 on AUTH", lambda ca: scripted(auth_reply(b"530 5.7.0 Authentication required\r\n"),
                                            ca, tls=ca.server_context()), "tls", "auth_failed",
         "done", ["auth_mechanism"]),
    # broken conversations
    Case("dropped after EHLO", lambda ca: scripted(drop_after_ehlo, ca), "starttls",
         "protocol_error", "ehlo", ["no_submission"]),
    Case("dropped in the middle of a reply", lambda ca: scripted(drop_mid_reply, ca), "starttls",
         "protocol_error", "ehlo", ["no_submission"]),
    Case("dropped on AUTH", lambda ca: scripted(drop_on_auth, ca, tls=ca.server_context()),
         "tls", "protocol_error", "auth", ["no_submission"]),
    Case("over-long greeting line", lambda ca: scripted(greet_then_close(
        b"220 " + LONG_LINE + b"\r\n"), ca), "starttls", "protocol_error", "greeting",
         ["no_submission"]),
    Case("over-long EHLO line", lambda ca: scripted(dialogue(
        ehlo=b"250-mail.example.test\r\n250 " + LONG_LINE + b"\r\n"), ca), "starttls",
         "protocol_error", "ehlo", ["no_submission"]),
    Case("EHLO reply that never ends", lambda ca: scripted(dialogue(ehlo=MANY_LINES), ca),
         "starttls", "protocol_error", "ehlo", ["no_submission"]),
    Case("reply code changes mid-reply", lambda ca: scripted(dialogue(
        ehlo=b"250-mail.example.test\r\n354 STARTTLS\r\n"), ca), "starttls", "protocol_error",
         "ehlo", ["no_submission"]),
    Case("EHLO refused", lambda ca: scripted(dialogue(ehlo=b"502 5.5.1 no EHLO here\r\n"), ca),
         "starttls", "protocol_error", "ehlo", ["no_submission"]),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_peer(case: Case, test_ca: TestCA, probe_ports) -> None:
    with case.peer(test_ca) as peer:
        run = probe_ports([PortSpec(peer.port, case.mode)], password=ENGINE_PASSWORD,
                          timeout=case.timeout)
        crossed = peer.crossed_in_clear()
    (p,) = run.report.ports
    stage = p.stage if p.stage == case.stage else case.alternatives.get("stage", case.stage)
    assert (p.outcome, p.stage) == (case.outcome, stage), p.error
    if case.problem:
        assert p.tls is not None and not p.tls.verified
        assert p.tls.problem in (case.problem, case.alternatives.get("problem"))
    assert p.elapsed_s < case.budget + MARGIN
    assert run.wall_s < case.budget + MARGIN + 0.5 + TIMING_SLACK
    d = diagnose(run.report, username=ENGINE_USER, credentials_tested=True)
    assert d.verdict_ids == case.verdicts
    if "certificate" in case.verdicts:
        assert d.verdicts[0].details["problem"] == case.problem
    assert not crossed, "the password crossed an unencrypted connection"
    for form in secret_forms():
        assert form.decode() not in "\n".join(line.text for line in run.report.transcript)
    if p.outcome == "auth_failed":
        assert p.auth is not None and p.tls is not None and p.tls.verified
        assert d.exit_status == 3
    else:
        assert p.auth is None, "no password unless over verified TLS"


def test_injection_fails_closed_and_nothing_is_sent_after(test_ca, probe_ports) -> None:
    with scripted(injecting, test_ca) as peer:
        probe_ports([PortSpec(peer.port, "starttls")], password=ENGINE_PASSWORD)
        received = list(peer.scripted.received)
    after = received[received.index(b"STARTTLS\r\n") + 1:]
    assert all(line == b"" for line in after), after


def test_interception_by_greeting_on_port_25(mail_servers, probe_ports, test_ca) -> None:
    other = dialogue(greeting=b"220 smtp-gw.hotel-isp.example.net ESMTP\r\n",
                     ehlo=b"250-smtp-gw.hotel-isp.example.net\r\n250 8BITMIME\r\n")
    with scripted(other, test_ca) as peer:
        run = probe_ports([PortSpec(peer.port, "relay"), *mail_servers.specs()[1:]],
                          password=ENGINE_PASSWORD)
        assert not peer.crossed_in_clear()
    r25 = run.report.ports[0]
    assert (r25.outcome, r25.security, r25.greeting_host) == (
        "ok", "none", "smtp-gw.hotel-isp.example.net")
    d = diagnose(run.report, credentials_tested=True)
    assert d.verdict_ids == ["intercepted", "submission_ok"]
    assert d.verdicts[0].details["seen"] == "smtp-gw.hotel-isp.example.net"
    assert d.recommended is not None and d.recommended.port == mail_servers.tls.port


def test_interception_by_certificate_on_port_25(mail_servers, probe_ports, test_ca) -> None:
    with aiosmtpd(test_ca, "relay", context=test_ca.wrong_name_context()) as peer:
        run = probe_ports([PortSpec(peer.port, "relay"), *mail_servers.specs()[1:]],
                          password=ENGINE_PASSWORD)
        assert not peer.crossed_in_clear()
    r25 = run.report.ports[0]
    assert r25.outcome == "tls_error" and r25.tls is not None and r25.tls.problem == "wrong_name"
    d = diagnose(run.report, credentials_tested=True)
    assert d.verdict_ids == ["intercepted", "submission_ok"]


def test_554_greeting_on_port_25_is_ip25b(mail_servers, probe_ports, test_ca) -> None:
    refusing = greet_then_close(b"554 5.7.1 mail.example.test: no mail from your network\r\n")
    with scripted(refusing, test_ca) as peer:
        run = probe_ports([PortSpec(peer.port, "relay"), *mail_servers.specs()[1:]],
                          password=ENGINE_PASSWORD)
    r25 = run.report.ports[0]
    assert (r25.outcome, r25.greeting_code, r25.relay_denied) == ("banner_refused", 554, True)
    d = diagnose(run.report, credentials_tested=True)
    assert d.op25b is False
    assert d.verdict_ids == ["ip25b", "submission_ok"]


def test_odd_capabilities_do_not_break_the_probe(test_ca, probe_ports) -> None:
    odd = dialogue(ehlo=b"250-mail.example.test\r\n250-SIZE \xc2\xb2\r\n250-AUTH=LOGIN\r\n"
                        b"250-\xff\xfe\r\n250 8BITMIME\r\n")
    with scripted(odd, test_ca) as peer:
        run = probe_ports([PortSpec(peer.port, "relay")], password=ENGINE_PASSWORD)
        assert not peer.crossed_in_clear()
    (p,) = run.report.ports
    assert (p.outcome, p.security) == ("ok", "none")
    assert p.capabilities is not None and p.capabilities.size == 0
    assert p.capabilities.auth == ["LOGIN"]


async def echoing(reader, writer, srv: Scripted) -> None:
    """Refuses the sign-in and echoes what it was sent, token and decoded password alike."""
    writer.write(GREETING)
    while line := await srv.readline(reader):
        cmd = line.strip()
        if cmd.upper().startswith(b"EHLO"):
            writer.write(b"250-mail.example.test\r\n250 AUTH PLAIN LOGIN\r\n")
        elif cmd.upper().startswith(b"AUTH"):
            token = cmd.split()[-1]
            decoded = base64.b64decode(token).replace(b"\0", b" ")
            writer.write(b"535-5.7.8 you sent " + cmd + b"\r\n535 5.7.8 that is " + decoded + b"\r\n")
        elif cmd.upper() == b"QUIT":
            writer.write(b"221 bye\r\n")
        await writer.drain()


async def echoing_garbage(reader, writer, srv: Scripted) -> None:
    """Answers the sign-in with a broken reply quoting the token."""
    writer.write(GREETING)
    while line := await srv.readline(reader):
        cmd = line.strip()
        if cmd.upper().startswith(b"EHLO"):
            writer.write(b"250-mail.example.test\r\n250 AUTH PLAIN\r\n")
        elif cmd.upper().startswith(b"AUTH"):
            writer.write(b"what is " + cmd.split()[-1] + b"?\r\n")
        await writer.drain()


@pytest.mark.parametrize("script", [echoing, echoing_garbage], ids=["535 echo", "garbage echo"])
def test_a_server_echoing_the_credentials_does_not_put_them_in_the_report(
        test_ca, probe_ports, script) -> None:
    with scripted(script, test_ca, tls=test_ca.server_context()) as peer:
        run = probe_ports([PortSpec(peer.port, "tls")], password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert p.outcome in ("auth_failed", "protocol_error")
    text = json.dumps(diagnose(run.report, credentials_tested=True).to_json(transcript=True))
    for form in secret_forms():
        assert form.decode() not in text
    assert "********" in text


@pytest.mark.parametrize("code, ip25b", [(554, True), (550, True), (502, False), (500, False)])
def test_ehlo_refused_on_port_25_is_ip25b_only_for_a_refusal(mail_servers, probe_ports, test_ca,
                                                            code, ip25b) -> None:
    """554/550 to EHLO refuse *you*; 500/502 is an old or odd server, not a refusal."""
    refusing = dialogue(ehlo=f"{code} 5.5.1 no\r\n".encode())
    with scripted(refusing, test_ca) as peer:
        run = probe_ports([PortSpec(peer.port, "relay"), *mail_servers.specs()[1:]])
    r25 = run.report.ports[0]
    assert r25.stage == "ehlo" and r25.greeting_code == 220
    d = diagnose(run.report)
    assert d.op25b is False
    assert ("ip25b" in d.verdict_ids) is ip25b
    assert "submission_ok" in d.verdict_ids


async def greeting_holds_the_password(reader, writer, srv: Scripted) -> None:
    """Its greeting and EHLO happen to contain the password as a word; it accepts the sign-in."""
    writer.write(b"220 mail.example.test ESMTP Postfix\r\n")
    while line := await srv.readline(reader):
        cmd = line.strip().upper()
        if cmd.startswith(b"EHLO"):
            writer.write(b"250-mail.example.test Postfix\r\n250 AUTH PLAIN\r\n")
        elif cmd.startswith(b"AUTH"):
            writer.write(b"235 2.7.0 Authentication successful\r\n")
        elif cmd == b"QUIT":
            writer.write(b"221 bye\r\n")
        await writer.drain()


def test_a_password_that_is_a_word_of_the_greeting_is_not_revealed_by_masking(
        test_ca, probe_ports) -> None:
    with scripted(greeting_holds_the_password, test_ca, tls=test_ca.server_context()) as peer:
        run = probe_ports([PortSpec(peer.port, "tls")], password="Postfix")
    (p,) = run.report.ports
    assert p.outcome == "auth_ok"
    shown = [line.format() for line in run.report.transcript]
    text = "\n".join(shown)
    # the server's lines stay as they were: masking the word would point at the password
    assert "220 mail.example.test ESMTP Postfix" in text
    assert "250-mail.example.test Postfix" in text
    assert p.greeting and "Postfix" in p.greeting
    # only the sign-in payload is masked
    masked = [line for line in shown if "********" in line]
    assert len(masked) == 1 and "AUTH PLAIN ********" in masked[0]


def test_a_server_line_echoing_the_sign_in_is_hidden_whole(test_ca, probe_ports) -> None:
    with scripted(echoing, test_ca, tls=test_ca.server_context()) as peer:
        run = probe_ports([PortSpec(peer.port, "tls")], password=ENGINE_PASSWORD)
    text = "\n".join(line.format() for line in run.report.transcript)
    assert "that is" not in text and "you sent" not in text  # not just the password's place
    assert "535 ******** (hidden" in text
    assert "220 mail.example.test ESMTP" in text
