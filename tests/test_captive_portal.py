"""Hotel and guest networks that hold every connection until their terms are accepted (captive
portals), on loopback: HTTP where SMTP was expected, a certificate for another name, and a
connectivity check that is redirected. The verdict is ``captive_portal``, never the advice to
ask IT for a certificate file, and no password reaches such a network."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from op25b_wizard import i18n
from op25b_wizard.core import connectivity as cc
from op25b_wizard.core import support_code
from op25b_wizard.core.diagnosis import diagnose
from op25b_wizard.core.model import PortSpec
from op25b_wizard.core.verdicts import make
from tests.conftest import ENGINE_PASSWORD, ENGINE_USER
from tests.support.http_servers import LocalWeb, Page, local_web
from tests.support.platform import CLI
from tests.support.servers import Scripted, Server, TestCA, blackhole, smtp_server

PORTAL_PAGE = (b"HTTP/1.1 302 Found\r\nLocation: http://portal.hotel.test/login\r\n"
               b"Content-Type: text/html\r\nContent-Length: 44\r\n\r\n"
               b"<html><body>Accept our terms</body></html>\r\n")
REDIRECT = Page(b"<html><body>Accept our terms</body></html>", 302,
                headers={"Location": "http://portal.hotel.test/login"})
CHECK_PATH = "/connecttest.txt"


async def portal_script(reader, writer, srv: Scripted) -> None:
    """What a hotel's web server says on a mail port: a redirect to its sign-in page at once,
    then it keeps reading (so that anything sent after would be recorded)."""
    writer.write(PORTAL_PAGE)
    await writer.drain()
    while await srv.readline(reader):
        pass


async def greets_then_http(reader, writer, srv: Scripted) -> None:
    """An SMTP-looking greeting, then the portal's page in answer to EHLO."""
    writer.write(b"220 mail.example.test ESMTP\r\n")
    await writer.drain()
    while line := await srv.readline(reader):
        if line.upper().startswith(b"EHLO"):
            writer.write(PORTAL_PAGE)
            await writer.drain()


@dataclass
class Hotel:
    """Port 25 and 587 answered by the portal's web server, 465 by a TLS server whose
    certificate is for another name; the connectivity check's server, if any."""

    relay: Scripted
    submission: LocalWeb
    tls: Server
    check: LocalWeb

    def specs(self) -> list[PortSpec]:
        return [PortSpec(self.relay.port, "relay"),
                PortSpec(self.submission.server.server_address[1], "starttls"),
                PortSpec(self.tls.port, "tls")]

    def connectivity(self) -> cc.ConnectivityCheck:
        return cc.ConnectivityCheck(self.check.base + CHECK_PATH)

    def auth_attempts(self) -> int:
        relayed = sum(1 for line in self.relay.received if line.upper().startswith(b"AUTH"))
        return relayed + len(self.tls.recorder.auth)


@contextlib.contextmanager
def hotel(test_ca: TestCA, check_page: Page = REDIRECT) -> Iterator[Hotel]:
    with Scripted(portal_script) as relay, local_web({}) as submission, \
            smtp_server(test_ca, "tls", context=test_ca.wrong_name_context()) as tls, \
            local_web({CHECK_PATH: check_page}) as check:
        yield Hotel(relay, submission, tls, check)


def test_a_hotel_network_is_a_captive_portal_not_a_certificate_problem(test_ca, probe_ports):
    with hotel(test_ca) as h:
        run = probe_ports(h.specs(), password=ENGINE_PASSWORD, allow_plaintext_auth=True,
                          connectivity=h.connectivity(), timeout=0.5)
        assert h.auth_attempts() == 0, "no password may reach a captive portal"
        assert h.check.requests == [CHECK_PATH]
    outcomes = {p.mode: (p.outcome, p.tls.problem if p.tls else None) for p in run.report.ports}
    assert outcomes == {"relay": ("not_smtp", None), "starttls": ("not_smtp", None),
                        "tls": ("tls_error", "wrong_name")}
    assert all(p.auth is None for p in run.report.ports)
    assert run.report.connectivity is not None
    assert (run.report.connectivity.result, run.report.connectivity.location) == (
        "portal", "http://portal.hotel.test/login")
    d = diagnose(run.report, username=ENGINE_USER, credentials_tested=True)
    assert d.verdict_ids == ["captive_portal"]
    assert "certificate" not in d.verdict_ids
    assert d.exit_status == 1
    details = d.verdicts[0].details
    assert details["connectivity"] == "portal"
    assert sorted(details["http_ports"]) == sorted(p.port for p in h.specs()[:2])
    assert details["foreign_certificate_ports"] == [h.tls.port]
    assert support_code.decode(d.support_code).verdicts == ("captive_portal",)
    doc = d.to_json(transcript=True)
    assert doc["verdicts"] == ["captive_portal"]
    assert doc["connectivity"]["result"] == "portal"
    assert any("connectivity check" in line for line in doc["transcript"])


def test_the_ports_alone_are_enough_without_the_check(test_ca, probe_ports):
    """HTTP where SMTP was expected and a foreign certificate on every TLS port."""
    with hotel(test_ca) as h:
        run = probe_ports(h.specs(), password=ENGINE_PASSWORD, timeout=0.5)
        assert h.auth_attempts() == 0
        assert h.check.requests == []
    assert run.report.connectivity is None
    assert diagnose(run.report, credentials_tested=True).verdict_ids == ["captive_portal"]


def test_an_exact_connectivity_answer_rules_a_portal_out(test_ca, probe_ports):
    """The web is open: whatever answers on the mail ports is not a hotel's sign-in page, and
    the certificate problem is told as it is."""
    with hotel(test_ca, Page(cc.DEFAULT_ANSWER.encode())) as h:
        run = probe_ports(h.specs(), password=ENGINE_PASSWORD, connectivity=h.connectivity(),
                          timeout=0.5)
    assert run.report.connectivity is not None and run.report.connectivity.result == "open"
    ids = diagnose(run.report, credentials_tested=True).verdict_ids
    assert "captive_portal" not in ids and "certificate" in ids


def test_a_redirected_check_explains_ports_that_do_not_answer(test_ca, probe_ports):
    """A portal that drops the mail ports: "unreachable" would send the guest to check the
    server name; the redirected check says what to do."""
    with blackhole() as dark, local_web({CHECK_PATH: REDIRECT}) as check:
        run = probe_ports([PortSpec(dark, "starttls")], timeout=0.5,
                          connectivity=cc.ConnectivityCheck(check.base + CHECK_PATH))
    assert run.report.ports[0].outcome == "timeout"
    assert diagnose(run.report).verdict_ids == ["captive_portal"]


def test_only_one_http_port_is_not_a_portal(test_ca, probe_ports):
    """A web server on one port, nothing else: not enough to tell the guest about terms."""
    with local_web({}) as web:
        run = probe_ports([PortSpec(web.server.server_address[1], "starttls")], timeout=0.5)
    assert diagnose(run.report).verdict_ids == ["no_submission"]


def test_a_working_route_does_not_wait_for_the_check(mail_servers, probe_ports):
    """With a secure route found, the check's answer would change nothing: it is not waited
    for, however slow it is."""
    slow = Page(cc.DEFAULT_ANSWER.encode(), delay=30)
    with local_web({CHECK_PATH: slow}) as check:
        run = probe_ports(mail_servers.specs(), password=ENGINE_PASSWORD,
                          connectivity=cc.ConnectivityCheck(check.base + CHECK_PATH))
    assert run.report.connectivity is not None
    assert run.report.connectivity.result in ("not_needed", "open")
    assert run.wall_s < 15  # a third of the slow answer's delay, on a loaded machine too
    d = diagnose(run.report, credentials_tested=True)
    assert "captive_portal" not in d.verdict_ids and "submission_ok" in d.verdict_ids


def test_an_http_answer_to_ehlo_ends_the_test_before_any_password(test_ca, probe_ports):
    """Even where the user allowed an unencrypted sign-in, an HTTP answer stops the
    conversation: nothing more is sent, no AUTH."""
    with Scripted(greets_then_http) as peer:
        run = probe_ports([PortSpec(peer.port, "starttls")], password=ENGINE_PASSWORD,
                          allow_plaintext_auth=True)
        received = list(peer.received)
    (p,) = run.report.ports
    assert (p.outcome, p.stage) == ("not_smtp", "ehlo")
    assert p.auth is None
    assert not any(line.upper().startswith(b"AUTH") for line in received)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_advice_is_to_accept_the_terms_never_a_certificate_file(lang):
    i18n.set_language(lang)
    try:
        v = make("captive_portal")
        text = i18n.render(v.title) + i18n.render(v.explanation) + i18n.render(v.action)
        cert = make("certificate", port=465, problem="wrong_name")
        cert_action = i18n.render(cert.action)
    finally:
        i18n.set_language("en")
    if lang == "en":
        assert "accept the hotel's terms" in text and "test again" in text
        assert "certificate" not in text.lower() and "IT" not in text.split()
    else:
        assert "利用規約" in text and "もう一度" in text
        assert "証明書" not in text
    assert cert_action not in text


def test_diagnose_json_says_captive_portal(test_ca):
    with hotel(test_ca) as h:
        specs = h.specs()
        argv = [CLI, "diagnose", ENGINE_USER, "--host", "localhost", "--json",
                "--port", f"{specs[0].port}/relay", "--port", f"{specs[1].port}/starttls",
                "--port", f"{specs[2].port}/tls", "--cafile", str(test_ca.cafile),
                "--timeout", "1", "--password-stdin",
                "--connectivity-url", h.check.base + CHECK_PATH,
                "--connectivity-answer", cc.DEFAULT_ANSWER]
        proc = subprocess.run(argv, input=ENGINE_PASSWORD + "\n", capture_output=True,
                              text=True, timeout=60, env=os.environ)
        assert h.auth_attempts() == 0
        assert h.check.requests == [CHECK_PATH]
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["verdicts"] == ["captive_portal"]
    assert doc["connectivity"]["result"] == "portal"
    assert doc["recommended"] is None
    explained = subprocess.run([CLI, "explain", doc["support_code"]], capture_output=True,
                               text=True, timeout=60)
    assert "accept the hotel's terms" in explained.stdout


def test_diagnose_refuses_an_unusable_connectivity_url():
    proc = subprocess.run([CLI, "diagnose", "mail.example.test", "--connectivity-url",
                           "https://check.example.test/"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "op25b-wizard: error: the connectivity check URL must be a plain http:// address such "
        "as http://www.msftconnecttest.com/connecttest.txt, or off"]


def test_every_verdict_has_its_place_in_the_order_of_importance():
    from op25b_wizard.core.verdicts import IMPORTANCE, VERDICT_IDS

    assert sorted(IMPORTANCE) == sorted(VERDICT_IDS)
    assert IMPORTANCE[0] == "captive_portal"
