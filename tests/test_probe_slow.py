"""Slow servers: a sign-in answered late is not a blocked port, and one deadline bounds a run
that a server stretches by answering every stage just before its timeout."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from op25b_wizard.core.diagnosis import EXIT_LOGIN_UNANSWERED, EXIT_NO_ROUTE, EXIT_OK, diagnose
from op25b_wizard.core.model import (
    AUTH_ALLOWANCE,
    PortResult,
    PortSpec,
    ProbeOptions,
    default_deadline,
)
from op25b_wizard.core.outcome_text import outcome_msg
from op25b_wizard.core.support_code import decode
from tests.conftest import ENGINE_PASSWORD, ENGINE_USER
from tests.support.servers import Scripted, TestCA, blackhole

ROOT = Path(__file__).resolve().parents[1]
GREETING = b"220 mail.example.test ESMTP\r\n"
EHLO = b"250-mail.example.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n"
MARGIN = 1.5
"""Seconds of slack for a loaded machine in the wall-time bounds below."""


def delayed_auth(delay: float, reply: bytes):
    """Implicit-TLS peer that answers AUTH only after *delay* seconds, the way Dovecot holds
    back the answer to a failed sign-in (``auth_failure_delay``) and penalises the next ones."""
    async def script(reader, writer, srv: Scripted) -> None:
        writer.write(GREETING)
        while line := await srv.readline(reader):
            cmd = line.strip().upper()
            if cmd.startswith(b"EHLO"):
                writer.write(EHLO)
            elif cmd.startswith(b"AUTH"):
                await asyncio.sleep(delay)
                writer.write(reply)
            elif cmd == b"QUIT":
                writer.write(b"221 bye\r\n")
            await writer.drain()
    return script


def just_in_time(delay: float):
    """A peer that greets, and answers every command, *delay* seconds late: each stage ends
    just before its timeout, and a conversation of many stages takes many timeouts."""
    async def script(reader, writer, srv: Scripted) -> None:
        async def reply(text: bytes) -> None:
            await asyncio.sleep(delay)
            writer.write(text)
            await writer.drain()

        await reply(GREETING)
        login, in_data = 0, False
        while line := await srv.readline(reader):
            cmd = line.strip().upper()
            if in_data:
                if cmd == b".":
                    in_data = False
                    await reply(b"250 2.0.0 queued\r\n")
            elif login == 1:
                login = 2
                await reply(b"334 UGFzc3dvcmQ6\r\n")
            elif login == 2:
                login = 0
                await reply(b"235 2.7.0 ok\r\n")
            elif cmd.startswith(b"EHLO"):
                await reply(EHLO)
            elif cmd == b"AUTH LOGIN":
                login = 1
                await reply(b"334 VXNlcm5hbWU6\r\n")
            elif cmd.startswith(b"AUTH"):
                await reply(b"235 2.7.0 ok\r\n")
            elif cmd == b"DATA":
                in_data = True
                await reply(b"354 go ahead\r\n")
            elif cmd == b"QUIT":
                await reply(b"221 bye\r\n")
                return
            else:  # MAIL, RCPT, RSET
                await reply(b"250 ok\r\n")
    return script


# --- a sign-in answered late ------------------------------------------------------------------

def test_a_sign_in_answered_after_the_servers_failure_delay_is_a_wrong_password(
        test_ca: TestCA, probe_ports) -> None:
    """Dovecot answers a wrong password after 2 s: with a 1 s stage timeout that used to read
    as "no answer (blocked?)" and "no secure sending port"."""
    with Scripted(delayed_auth(2.0, b"535 5.7.8 Error: authentication failed\r\n"),
                  tls=test_ca.server_context()) as srv:
        run = probe_ports([PortSpec(srv.port, "tls")], password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert (p.outcome, p.stage) == ("auth_failed", "done"), p.error
    assert p.auth is not None and p.auth.code == 535
    d = diagnose(run.report, username=ENGINE_USER, credentials_tested=True)
    assert "auth_rejected" in d.verdict_ids and "no_submission" not in d.verdict_ids
    assert d.recommended is not None and d.recommended.port == srv.port


def test_the_right_password_answered_after_a_penalty_is_a_route(test_ca, probe_ports) -> None:
    with Scripted(delayed_auth(2.5, b"235 2.7.0 Authentication successful\r\n"),
                  tls=test_ca.server_context()) as srv:
        run = probe_ports([PortSpec(srv.port, "tls")], password=ENGINE_PASSWORD)
    (p,) = run.report.ports
    assert p.outcome == "auth_ok", p.error
    d = diagnose(run.report, username=ENGINE_USER, credentials_tested=True)
    assert d.recommended is not None and d.login_verified is True
    assert d.verdict_ids == ["submission_ok"] and d.exit_status == EXIT_OK


def test_a_sign_in_never_answered_is_auth_slow_not_a_blocked_port(test_ca, probe_ports) -> None:
    with Scripted(delayed_auth(30.0, b"235 2.7.0 ok\r\n"), tls=test_ca.server_context()) as srv:
        run = probe_ports([PortSpec(srv.port, "tls")], password=ENGINE_PASSWORD,
                          auth_timeout=1.5)
    (p,) = run.report.ports
    assert (p.outcome, p.stage) == ("auth_slow", "auth"), p.error
    assert p.connected and p.tls is not None and p.tls.verified
    assert p.auth is not None and p.auth.result == "timeout" and p.auth.waited_s == 1.5
    assert str(outcome_msg(p.outcome)) != str(outcome_msg("timeout"))
    assert "blocked" not in str(outcome_msg(p.outcome))
    assert run.wall_s < 1.5 + 2 * 1.0 + MARGIN

    d = diagnose(run.report, username=ENGINE_USER, credentials_tested=True)
    assert d.verdict_ids == ["auth_slow"]
    assert "no_submission" not in d.verdict_ids and "unreachable" not in d.verdict_ids
    assert d.recommended is not None and d.recommended.port == srv.port
    assert d.login_verified is None and d.exit_status == EXIT_LOGIN_UNANSWERED
    (v,) = d.verdicts
    assert "wait a minute and try again" in str(v.action).lower()
    assert "1.5 seconds" in str(v.explanation)
    assert "auth_slow" in decode(d.support_code).verdicts
    assert decode(d.support_code).ports[465] is None  # a loopback port, not 465 itself


def test_the_sign_in_gets_the_servers_delay_on_top_of_the_stage_timeout() -> None:
    assert AUTH_ALLOWANCE >= 2 + 15  # Dovecot's failure delay plus its largest penalty
    assert ProbeOptions(timeout=3).auth_reply_timeout == 3 + AUTH_ALLOWANCE
    assert ProbeOptions(timeout=3, auth_timeout=5).auth_reply_timeout == 5
    assert ProbeOptions(timeout=10).run_deadline == default_deadline(10) == 50
    assert ProbeOptions(timeout=10, deadline=7).run_deadline == 7


# --- one deadline -----------------------------------------------------------------------------

def test_a_server_answering_every_stage_just_in_time_is_cut_at_the_deadline(
        test_ca: TestCA, probe_ports) -> None:
    timeout, delay, deadline = 1.0, 0.7, 2.5
    with Scripted(just_in_time(delay), tls=test_ca.server_context()) as slow, \
            blackhole() as dropped:
        specs = [PortSpec(dropped, "relay"), PortSpec(slow.port, "tls")]
        run = probe_ports(specs, password=ENGINE_PASSWORD, timeout=timeout, deadline=deadline,
                          test_message_to=ENGINE_USER)
    relay, tls = run.report.ports
    # greeting, EHLO, AUTH LOGIN (3 replies), MAIL, RCPT, DATA, text: 9 × 0.7 s without it
    assert run.wall_s < deadline + MARGIN
    assert tls.outcome == "unfinished" and tls.stage in ("auth", "message"), tls
    assert tls.elapsed_s < deadline + 0.5
    assert "deadline" in (tls.error or "")
    assert (relay.outcome, relay.stage) == ("timeout", "connect")  # finished before it
    assert run.report.unfinished == [slow.port] and run.report.deadline_s == deadline
    assert [e.port for e in run.events if e.kind == "port_done"].count(slow.port) == 1

    d = diagnose(run.report, username=ENGINE_USER, credentials_tested=True)
    assert d.verdict_ids[0] == "unfinished"
    assert "no_submission" not in d.verdict_ids and "unreachable" not in d.verdict_ids
    assert d.verdicts[0].details == {"seconds": "2.5", "ports": str(slow.port)}
    out = d.to_json()
    assert out["unfinished"] == [slow.port] and out["deadline_s"] == deadline
    assert d.exit_status == EXIT_NO_ROUTE
    assert "unfinished" in decode(d.support_code).verdicts


def test_a_port_still_connecting_at_the_deadline_is_unfinished_not_blocked(probe_ports) -> None:
    with blackhole() as dropped:
        run = probe_ports([PortSpec(dropped, "starttls")], timeout=5.0, deadline=0.8)
    (p,) = run.report.ports
    assert (p.outcome, p.stage) == ("unfinished", "connect")
    assert not p.connected
    assert run.wall_s < 0.8 + MARGIN
    d = diagnose(run.report)
    assert d.verdict_ids == ["unfinished"] and d.op25b is None


def test_the_deadline_does_not_touch_a_run_that_ends_in_time(mail_servers, probe_ports) -> None:
    run = probe_ports(mail_servers.specs(), password=ENGINE_PASSWORD, deadline=30)
    assert run.report.unfinished == []
    assert {p.outcome for p in run.report.ports} == {"ok", "auth_ok"}
    assert "unfinished" not in diagnose(run.report).verdict_ids


def test_stop_still_ends_a_run_under_its_deadline(test_ca, probe_ports) -> None:
    cancel = threading.Event()
    with Scripted(just_in_time(0.7), tls=test_ca.server_context()) as slow:
        threading.Timer(0.5, cancel.set).start()
        t0 = time.monotonic()
        run = probe_ports([PortSpec(slow.port, "tls")], timeout=1.0, deadline=30, cancel=cancel)
    assert run.report.cancelled and time.monotonic() - t0 < 0.5 + MARGIN
    assert diagnose(run.report).verdict_ids == ["cancelled"]


def _cli(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "op25b_wizard", *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_diagnose_deadline_option_in_json_and_table(test_ca: TestCA) -> None:
    with Scripted(just_in_time(0.7), tls=test_ca.server_context()) as slow:
        args = ["diagnose", "localhost", "--port", f"{slow.port}/tls", "--cafile",
                str(test_ca.cafile), "--timeout", "1", "--deadline", "1.2"]
        t0 = time.monotonic()
        as_json = _cli(*args, "--json")
        wall = time.monotonic() - t0
        table = _cli(*args)
    out = json.loads(as_json.stdout)
    assert as_json.returncode == EXIT_NO_ROUTE, as_json.stderr
    (port,) = out["ports"]
    assert port["outcome"] == "unfinished" and out["unfinished"] == [slow.port]
    assert out["deadline_s"] == 1.2 and out["verdicts"] == ["unfinished"]
    assert wall < 1.2 + 5  # the interpreter's start included
    assert "Not finished by the deadline" in table.stdout
    assert "The test ran out of time" in table.stdout
    assert "No answer (blocked?)" not in table.stdout


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "4000", "soon"])
def test_a_bad_deadline_is_one_line_and_status_2(value: str) -> None:
    proc = _cli("diagnose", "localhost", "--deadline", value, timeout=30)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_the_wizard_pages_say_it_in_words() -> None:
    pytest.importorskip("PySide6")
    from op25b_wizard.gui.page_port_test import SENTENCES, port_outcome

    unfinished = PortResult(587, "starttls", "starttls", "unfinished", "ehlo")
    slow = PortResult(465, "tls", "tls", "auth_slow", "auth")
    assert port_outcome(unfinished, None) == ("fail", "unfinished")
    assert port_outcome(slow, None) == ("warn", "auth_slow")
    assert "blocked" not in SENTENCES["auth_slow"] and "blocked" not in SENTENCES["unfinished"]


def test_explain_still_reads_a_code_of_the_first_version() -> None:
    proc = _cli("explain", "c2lcc aj2an", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["support_code"] == "C2LCC-AJ2AN"
    assert out["verdicts"] == ["op25b", "submission_ok"] and out["recommended_port"] == 465
    new = _cli("explain", "K24J-TA2A-J282")
    assert new.returncode == 0 and "Support code K24J-TA2A-J282" in new.stdout
