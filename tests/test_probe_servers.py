"""The engine against real SMTP servers on loopback: routes, blocking, concurrency, cancel,
progress, the transcript and the one-AUTH-attempt rule."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import socket
import threading
import time

import pytest

from op25b_wizard.core.diagnosis import EXIT_CANCELLED, EXIT_OK, diagnose
from op25b_wizard.core.model import PortSpec, ProbeReport
from op25b_wizard.core.probe import interleave
from tests.conftest import ENGINE_PASSWORD, ENGINE_TIMEOUT, ENGINE_USER
from tests.support.platform import TIMING_SLACK
from tests.support.servers import Scripted, blackhole, ehlo_dialogue, free_port, smtp_server

T = ENGINE_TIMEOUT
WRONG = "not the password"
STAGES_BY_MODE = {
    "starttls": ["connect", "greeting", "ehlo", "starttls", "tls", "ehlo", "auth"],
    "tls": ["connect", "tls", "greeting", "ehlo", "auth"],
    "relay": ["connect", "greeting", "ehlo", "starttls", "tls", "ehlo"],
}


def secret_forms(password: str, user: str = ENGINE_USER) -> list[str]:
    """Every way the password could show: plain, base64 (LOGIN), the PLAIN token."""
    return [password, base64.b64encode(password.encode()).decode(),
            base64.b64encode(f"\0{user}\0{password}".encode()).decode()]


def transcript_text(report: ProbeReport) -> str:
    return "\n".join(line.format() for line in report.transcript)


async def silent(reader, writer, srv: Scripted) -> None:
    """Accept and say nothing, whatever arrives."""
    while await srv.readline(reader):
        pass


# --- the three real routes ---------------------------------------------------------------------

def test_all_routes_of_a_real_mail_host(mail_servers, probe_ports) -> None:
    run = probe_ports(mail_servers.specs(), password=ENGINE_PASSWORD)
    relay, sub, tls = run.report.ports
    assert [p.port for p in run.report.ports] == [s.port for s in mail_servers.specs()]

    assert (relay.outcome, relay.security, relay.stage) == ("ok", "starttls", "done")
    assert relay.auth is None and relay.relay_denied is None
    assert (sub.outcome, sub.security) == ("auth_ok", "starttls")
    assert (tls.outcome, tls.security) == ("auth_ok", "tls")
    for p in (relay, sub, tls):
        assert p.greeting_code == 220 and p.greeting_host == "mail.example.test"
        assert p.tls is not None and p.tls.verified and p.tls.version in ("TLSv1.2", "TLSv1.3")
        assert p.tls.issuer == "O=op25b test CA" and "localhost" in p.tls.names
        assert p.tls.fingerprint_sha256 and p.tls.not_after
        assert p.address == "127.0.0.1" and p.family == "ipv4"
        assert 0 < p.elapsed_s < 3 * T  # a few loopback round trips; no stage timed out
    for p in (sub, tls):
        assert p.auth is not None and (p.auth.mechanism, p.auth.code) == ("PLAIN", 235)
        # capabilities were asked for again after TLS: this server offers AUTH only then
        assert p.capabilities is not None and {"PLAIN", "LOGIN"} <= set(p.capabilities.auth)

    for server in (mail_servers.starttls, mail_servers.tls):
        assert [(a.username, a.encrypted, a.accepted) for a in server.recorder.auth] == [
            (ENGINE_USER, True, True)]
        assert not server.recorder.password_seen_unencrypted(ENGINE_PASSWORD)
        assert server.recorder.messages == [], "no message unless asked for"
    assert mail_servers.relay.recorder.auth == []
    assert "MAIL FROM" not in transcript_text(run.report)

    d = diagnose(run.report, username=ENGINE_USER, credentials_tested=True)
    assert d.verdict_ids == ["submission_ok"]
    assert d.op25b is False
    assert d.verdicts[0].details["port25_works"] is True
    assert d.recommended is not None
    assert (d.recommended.port, d.recommended.security) == (mail_servers.tls.port, "tls")
    assert d.recommended.username == ENGINE_USER and d.recommended.auth == "normal"
    assert d.login_verified is True and d.exit_status == EXIT_OK


def test_relay_without_starttls_stays_unencrypted(test_ca, probe_ports) -> None:
    with smtp_server(test_ca, "plain", auth=False) as plain:
        run = probe_ports([PortSpec(plain.port, "relay")], password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert (p.outcome, p.security, p.tls) == ("ok", "none", None)
    assert p.auth is None and plain.recorder.auth == []


def test_test_message_goes_to_the_users_own_address_and_relay_denial_is_ip25b(
        mail_servers, probe_ports) -> None:
    run = probe_ports(mail_servers.specs(), password=ENGINE_PASSWORD,
                      test_message_to=ENGINE_USER)
    relay, sub, tls = run.report.ports
    assert relay.relay_denied is True
    assert sub.message_sent is True and tls.message_sent is True
    for server in (mail_servers.starttls, mail_servers.tls):
        ((sender, recipients, _body),) = server.recorder.messages
        assert sender == ENGINE_USER and recipients == [ENGINE_USER]
    d = diagnose(run.report, credentials_tested=True)
    assert d.verdict_ids == ["ip25b", "submission_ok"]
    assert d.op25b is False


@pytest.mark.parametrize("greeting", [b"220 ESMTP Postfix\r\n", b"220 Service ready\r\n"])
def test_a_port_25_greeting_without_a_host_name_is_not_interception(mail_servers, probe_ports,
                                                                    greeting: bytes) -> None:
    """Port 25 greets without naming a host: its first word is not taken for one, and the
    diagnosis does not call it another server's."""
    async def nameless(reader, writer, srv: Scripted) -> None:
        await ehlo_dialogue(reader, writer, srv, greeting=greeting,
                            ehlo=b"250-Hello\r\n250 8BITMIME\r\n")

    with Scripted(nameless) as port25:
        run = probe_ports([PortSpec(port25.port, "relay"), *mail_servers.specs()[1:]])
    r25 = run.report.ports[0]
    assert (r25.outcome, r25.greeting_code) == ("ok", 220)
    assert r25.greeting_host is None and r25.ehlo_host is None
    assert run.report.ports[1].greeting_host == "mail.example.test"
    d = diagnose(run.report)
    assert d.verdict_ids == ["submission_ok"]
    assert d.op25b is False


def test_no_test_message_after_a_failed_sign_in(mail_servers, probe_ports) -> None:
    run = probe_ports(mail_servers.specs()[1:], password=WRONG, test_message_to=ENGINE_USER)
    assert [p.outcome for p in run.report.ports] == ["auth_failed", "auth_failed"]
    assert mail_servers.starttls.recorder.messages == mail_servers.tls.recorder.messages == []
    assert "MAIL FROM" not in transcript_text(run.report)


# --- blocked port 25 on loopback ---------------------------------------------------------------

def test_closed_port_25_is_op25b_by_reset(mail_servers, probe_ports) -> None:
    specs = [PortSpec(free_port(), "relay"), *mail_servers.specs()[1:]]
    run = probe_ports(specs)
    r25 = run.report.ports[0]
    assert (r25.outcome, r25.stage) == ("refused", "connect")
    assert r25.attempts[0].result == "refused"
    d = diagnose(run.report)
    assert d.op25b is True
    assert d.verdict_ids == ["op25b", "submission_ok"]
    assert d.verdicts[0].details == {"port": specs[0].port, "how": "refused"}
    assert d.recommended is not None and d.recommended.port == mail_servers.tls.port


def test_blackholed_port_25_is_op25b_by_timeout(mail_servers, probe_ports) -> None:
    with blackhole() as port25:
        run = probe_ports([PortSpec(port25, "relay"), *mail_servers.specs()[1:]])
    r25 = run.report.ports[0]
    assert (r25.outcome, r25.stage) == ("timeout", "connect")
    assert T * 0.9 <= r25.elapsed_s < T + 1.0
    d = diagnose(run.report)
    assert d.op25b is True and d.verdict_ids == ["op25b", "submission_ok"]
    assert d.verdicts[0].details["how"] == "timeout"


def test_silent_port_25_is_not_called_open(mail_servers, probe_ports) -> None:
    """A listener that never greets: port 25 does not work, but that is no proof of a block."""
    with Scripted(silent) as quiet:
        run = probe_ports([PortSpec(quiet.port, "relay"), *mail_servers.specs()[1:]])
    r25 = run.report.ports[0]
    assert (r25.outcome, r25.stage) == ("timeout", "greeting")
    d = diagnose(run.report)
    assert d.op25b is None
    assert d.verdict_ids == ["submission_ok"]
    assert d.verdicts[0].details["port25_works"] is False


def test_every_port_blocked_is_unreachable(probe_ports) -> None:
    with blackhole() as a, blackhole() as b:
        run = probe_ports([PortSpec(a, "relay"), PortSpec(b, "starttls"),
                           PortSpec(free_port(), "tls")])
    assert [p.outcome for p in run.report.ports] == ["timeout", "timeout", "refused"]
    d = diagnose(run.report)
    assert d.verdict_ids == ["unreachable"]
    assert d.op25b is None and d.recommended is None


def test_unknown_host_is_a_dns_error(probe_ports) -> None:
    run = probe_ports([PortSpec(25, "relay"), PortSpec(587, "starttls")],
                      host="no-such-host.invalid")
    assert run.report.dns_error
    assert [(p.outcome, p.stage) for p in run.report.ports] == [("dns_error", "dns")] * 2
    d = diagnose(run.report)
    assert d.verdict_ids == ["unreachable"]
    assert d.verdicts[0].details["reason"] == "dns"


# --- concurrency and cancel --------------------------------------------------------------------

def test_wall_time_is_about_one_stage_timeout_not_the_sum(mail_servers, probe_ports) -> None:
    with contextlib.ExitStack() as stack:
        quiet = [stack.enter_context(Scripted(silent)) for _ in range(3)]
        holes = [stack.enter_context(blackhole()) for _ in range(2)]
        specs = [*(PortSpec(q.port, "starttls") for q in quiet),
                 *(PortSpec(h, "tls") for h in holes), *mail_servers.specs()]
        run = probe_ports(specs)
    slow = [p for p in run.report.ports if p.outcome == "timeout"]
    assert len(slow) == 5 and all(p.elapsed_s >= T * 0.9 for p in slow)
    assert sum(p.elapsed_s for p in slow) > 5 * T * 0.9
    # a silent greeting costs one stage plus a short nudge; the ports run side by side
    assert run.wall_s < 1.5 * T + 1.0 + TIMING_SLACK
    assert [p.outcome for p in run.report.ports[-3:]] == ["ok", "ok", "ok"]


def test_cancel_from_another_thread_returns_promptly(mail_servers, probe_ports) -> None:
    stop = threading.Event()
    with blackhole() as hole, Scripted(silent) as quiet:
        specs = [PortSpec(hole, "relay"), PortSpec(quiet.port, "starttls"),
                 *mail_servers.specs()[1:]]
        timer = threading.Timer(0.3, stop.set)
        timer.start()
        run = probe_ports(specs, timeout=20.0, cancel=stop)
    assert run.report.cancelled is True
    assert run.wall_s < 0.3 + 1.5, "promptly, not after the 20 s stage timeout"
    assert run.events[-1].kind == "done"
    d = diagnose(run.report)
    assert d.verdict_ids == ["cancelled"]
    assert d.exit_status == EXIT_CANCELLED


def test_progress_events_arrive_in_order_per_port(mail_servers, probe_ports) -> None:
    specs = mail_servers.specs()
    run = probe_ports(specs, password=ENGINE_PASSWORD)
    kinds = [e.kind for e in run.events]
    assert kinds[0] == "dns" and kinds[-1] == "done" and kinds.count("done") == 1
    for spec in specs:
        mine = [e for e in run.events if e.port == spec.port]
        assert mine[0].kind == "port_started"
        assert mine[-1].kind == "port_done"
        assert [e.kind for e in mine].count("port_done") == 1
        assert [e.stage for e in mine[1:-1]] == STAGES_BY_MODE[spec.mode]
        assert mine[-1].result is run.report.port(spec.port)


def test_ports_that_fail_early_report_before_slow_ones(mail_servers, probe_ports) -> None:
    with blackhole() as hole:
        run = probe_ports([PortSpec(hole, "relay"), *mail_servers.specs()[1:]])
    done = [e.port for e in run.events if e.kind == "port_done"]
    assert done[-1] == hole


# --- the password: masked, sent once, only over verified TLS -------------------------------------

@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
@pytest.mark.parametrize("password", [ENGINE_PASSWORD, WRONG])
def test_transcript_never_holds_the_password(mail_servers, probe_ports, mechanism,
                                              password) -> None:
    run = probe_ports(mail_servers.specs(), password=password, auth_mechanism=mechanism)
    assert [p.auth.mechanism for p in run.report.ports[1:]] == [mechanism] * 2
    text = transcript_text(run.report)
    json_text = str(diagnose(run.report).to_json(transcript=True))
    for form in secret_forms(password):
        assert form not in text
        assert form not in json_text
    assert "********" in text
    if mechanism == "LOGIN":
        assert "-> AUTH LOGIN" in text and "(password)" in text


def test_wrong_password_is_tried_once_per_port_whatever_is_offered(mail_servers,
                                                                    probe_ports) -> None:
    run = probe_ports(mail_servers.specs(), password=WRONG)
    relay, sub, tls = run.report.ports
    assert (sub.outcome, tls.outcome) == ("auth_failed", "auth_failed")
    assert sub.auth is not None and (sub.auth.result, sub.auth.code) == ("bad_credentials", 535)
    for server in (mail_servers.starttls, mail_servers.tls):
        assert len(server.recorder.auth) == 1, server.recorder.auth
    assert mail_servers.relay.recorder.auth == []
    d = diagnose(run.report, credentials_tested=True)
    assert "auth_rejected" in d.verdict_ids and d.exit_status == 3


class AuthCounter:
    """An implicit-TLS server offering three mechanisms and refusing every password."""

    def __init__(self, mechanisms: bytes = b"CRAM-MD5 LOGIN PLAIN") -> None:
        self.mechanisms = mechanisms
        self.connections = 0
        self.auth_commands: list[bytes] = []
        self.cram_ok: bool | None = None

    async def __call__(self, reader, writer, srv: Scripted) -> None:
        self.connections += 1
        writer.write(b"220 mail.example.test ESMTP\r\n")
        while line := await srv.readline(reader):
            cmd = line.strip()
            if cmd.upper().startswith(b"EHLO"):
                writer.write(b"250-mail.example.test\r\n250 AUTH " + self.mechanisms + b"\r\n")
            elif cmd.upper().startswith(b"AUTH"):
                self.auth_commands.append(cmd)
                if cmd.upper() == b"AUTH CRAM-MD5":
                    challenge = b"<1896.697170952@mail.example.test>"
                    writer.write(b"334 " + base64.b64encode(challenge) + b"\r\n")
                    answer = base64.b64decode((await srv.readline(reader)).strip())
                    user, _, digest = answer.decode().rpartition(" ")
                    want = hmac.new(ENGINE_PASSWORD.encode(), challenge, hashlib.md5).hexdigest()
                    self.cram_ok = user == ENGINE_USER and digest == want
                writer.write(b"535 5.7.8 Authentication credentials invalid\r\n")
            elif cmd.upper() == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                return
            else:
                writer.write(b"502 not here\r\n")
            await writer.drain()


@pytest.mark.parametrize("mechanisms, used", [(b"CRAM-MD5 LOGIN PLAIN", "PLAIN"),
                                              (b"LOGIN", "LOGIN")])
def test_one_auth_command_per_port_on_a_refusing_server(test_ca, probe_ports, mechanisms,
                                                        used) -> None:
    counter = AuthCounter(mechanisms)
    with Scripted(counter, tls=test_ca.server_context()) as srv:
        run = probe_ports([PortSpec(srv.port, "tls")], password=WRONG)
    (p,) = run.report.ports
    assert p.outcome == "auth_failed" and p.auth is not None and p.auth.mechanism == used
    assert counter.connections == 1
    assert len(counter.auth_commands) == 1
    assert counter.auth_commands[0].upper().startswith(b"AUTH " + used.encode())


def test_cram_md5_answers_the_challenge_correctly(test_ca, probe_ports) -> None:
    counter = AuthCounter(b"CRAM-MD5")
    with Scripted(counter, tls=test_ca.server_context()) as srv:
        run = probe_ports([PortSpec(srv.port, "tls")], password=ENGINE_PASSWORD)
    assert counter.cram_ok is True
    assert counter.auth_commands == [b"AUTH CRAM-MD5"]
    assert run.report.ports[0].auth.mechanism == "CRAM-MD5"
    assert "(response)" in transcript_text(run.report)


def test_no_auth_on_the_relay_port_even_when_it_offers_auth(test_ca, probe_ports) -> None:
    with smtp_server(test_ca, "starttls") as server:
        run = probe_ports([PortSpec(server.port, "relay")], password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert p.outcome == "ok" and p.auth is None
    assert p.capabilities is not None and "PLAIN" in p.capabilities.auth
    assert server.recorder.auth == []
    assert "AUTH" not in "\n".join(line.text for line in run.report.transcript
                                   if line.direction == "C")


def test_no_auth_without_tls(test_ca, probe_ports) -> None:
    """587 that offers AUTH but no STARTTLS: a downgrade; the password stays home."""
    with smtp_server(test_ca, "plain", auth_require_tls=False) as server:
        run = probe_ports([PortSpec(server.port, "starttls")], password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert (p.outcome, p.stage) == ("no_starttls", "starttls")
    assert p.auth_before_tls is True
    assert server.recorder.auth == []
    assert not server.recorder.password_seen_unencrypted(ENGINE_PASSWORD)
    d = diagnose(run.report, credentials_tested=True)
    assert d.verdict_ids == ["no_encryption", "no_submission"]


def test_plaintext_auth_only_when_explicitly_allowed(test_ca, probe_ports) -> None:
    with smtp_server(test_ca, "plain", auth_require_tls=False) as server:
        run = probe_ports([PortSpec(server.port, "starttls")], password=ENGINE_PASSWORD,
                          allow_plaintext_auth=True)
    (p,) = run.report.ports
    assert (p.outcome, p.security) == ("auth_ok", "none")
    assert [(a.encrypted, a.accepted) for a in server.recorder.auth] == [(False, True)]
    for form in secret_forms(ENGINE_PASSWORD):
        assert form not in transcript_text(run.report)
    d = diagnose(run.report, credentials_tested=True)
    # it works, but it is still no secure route and the user is told so
    assert d.recommended is None
    assert d.verdict_ids == ["no_encryption", "no_submission"]


def test_allowing_plaintext_never_skips_a_certificate_check(test_ca, probe_ports) -> None:
    with smtp_server(test_ca, "starttls", context=test_ca.expired_context()) as server:
        run = probe_ports([PortSpec(server.port, "starttls")], password=ENGINE_PASSWORD,
                          allow_plaintext_auth=True)
    assert run.report.ports[0].outcome == "tls_error"
    assert server.recorder.auth == []


def test_certificates_are_checked_against_the_system_store_without_cafile(
        mail_servers, probe_ports) -> None:
    run = probe_ports(mail_servers.specs()[2:], cafile=None, password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert p.outcome == "tls_error" and p.tls is not None and p.tls.problem == "unknown_issuer"
    assert mail_servers.tls.recorder.auth == []


# --- address order -----------------------------------------------------------------------------

def test_interleave_alternates_families_starting_with_the_first() -> None:
    v4, v6 = socket.AF_INET, socket.AF_INET6
    addresses = [(v6, "2001:db8::1"), (v6, "2001:db8::2"), (v4, "192.0.2.1"), (v4, "192.0.2.2"),
                 (v4, "192.0.2.3")]
    assert [a for _f, a in interleave(addresses)] == [
        "2001:db8::1", "192.0.2.1", "2001:db8::2", "192.0.2.2", "192.0.2.3"]
    assert [a for _f, a in interleave(addresses[2:] + addresses[:2])][:2] == [
        "192.0.2.1", "2001:db8::1"]
    assert interleave([]) == []


def test_time_is_measured(mail_servers, probe_ports) -> None:
    t0 = time.monotonic()
    run = probe_ports(mail_servers.specs()[1:])
    assert 0 < run.report.elapsed_s <= time.monotonic() - t0


# --- IPv6 and Happy Eyeballs -------------------------------------------------------------------

def test_ipv6_literal_host(test_ca, probe_ports) -> None:
    with smtp_server(test_ca, "tls", bind="::1") as server:
        run = probe_ports([PortSpec(server.port, "tls")], host="::1", password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert (p.outcome, p.family, p.address) == ("auth_ok", "ipv6", "::1")
    assert p.tls is not None and p.tls.verified
    assert run.report.addresses == {"ipv6": ["::1"]}
    assert [(a.encrypted, a.accepted) for a in server.recorder.auth] == [(True, True)]


@contextlib.contextmanager
def dead_ipv6_live_ipv4(test_ca):
    """The same port number: blackholed on ::1, a real STARTTLS server on 127.0.0.1."""
    for _ in range(20):
        with blackhole("::1") as port:
            try:
                server_cm = smtp_server(test_ca, "starttls", port=port)
                server = server_cm.__enter__()
            except OSError:
                continue
            try:
                yield port, server
            finally:
                server_cm.__exit__(None, None, None)
            return
    raise RuntimeError("no port free on both ::1 and 127.0.0.1")


def test_a_dead_ipv6_path_costs_only_the_stagger(test_ca, probe_ports, monkeypatch) -> None:
    """The name has an AAAA and an A address; IPv6 drops the SYN. IPv4 starts after ~250 ms,
    the dialogue goes on over IPv4, and once it is done the IPv6 attempt is stopped as not
    needed: neither the port's time nor the run waits for the dead path's timeout."""
    async def both_families(host: str, timeout: float):
        return [(socket.AF_INET6, "::1"), (socket.AF_INET, "127.0.0.1")]

    monkeypatch.setattr("op25b_wizard.core.probe.resolve", both_families)
    with dead_ipv6_live_ipv4(test_ca) as (port, server):
        run = probe_ports([PortSpec(port, "starttls")], password=ENGINE_PASSWORD, timeout=3.0)
    (p,) = run.report.ports
    assert (p.outcome, p.family, p.address) == ("auth_ok", "ipv4", "127.0.0.1")
    assert [(a.family, a.result) for a in p.attempts] == [("ipv6", "not_needed"),
                                                         ("ipv4", "connected")]
    connected = next(line.t for line in run.report.transcript if "connected to" in line.text)
    first = run.report.transcript[0].t
    assert 0.2 <= connected - first < 1.25, "IPv4 waits for the 250 ms stagger, not the 3 s timeout"
    assert len(server.recorder.auth) == 1
    assert p.elapsed_s < 2.0 and p.attempts[0].elapsed_s < 2.0
    assert run.wall_s < 2.5, "the run does not wait for the IPv6 attempt's 3 s timeout"
    d = diagnose(run.report, credentials_tested=True)
    assert d.verdict_ids == ["submission_ok"], "an attempt stopped early proves nothing"


def test_a_dead_ipv6_path_is_still_seen_while_other_ports_keep_the_run_going(
        test_ca, probe_ports, monkeypatch) -> None:
    """While another port is still being tested, the finished port's IPv6 attempt runs on to
    its own timeout (for free): the dead path is then reported, but the finished port's row
    shows its own time and is reported as soon as its dialogue is over."""
    async def both_families(host: str, timeout: float):
        return [(socket.AF_INET6, "::1"), (socket.AF_INET, "127.0.0.1")]

    monkeypatch.setattr("op25b_wizard.core.probe.resolve", both_families)
    with dead_ipv6_live_ipv4(test_ca) as (port, server), Scripted(silent) as quiet:
        run = probe_ports([PortSpec(port, "starttls"), PortSpec(quiet.port, "starttls")],
                          password=ENGINE_PASSWORD, timeout=2.0)
    fast, slow = run.report.ports
    assert fast.outcome == "auth_ok" and fast.elapsed_s < 1.25
    assert [(a.family, a.result) for a in fast.attempts] == [("ipv6", "timeout"),
                                                            ("ipv4", "connected")]
    assert fast.attempts[0].elapsed_s >= 2.0 * 0.9
    assert (slow.outcome, slow.stage) == ("timeout", "greeting")
    done = [e.port for e in run.events if e.kind == "port_done"]
    assert done == [port, quiet.port], "the fast port is reported first"
    assert run.wall_s < 2.0 + 1.0 + 1.0, "the slow port's greeting timeout and nudge, no more"
    assert "ipv6_broken" in diagnose(run.report).verdict_ids
