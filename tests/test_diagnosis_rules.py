"""Each diagnosis rule on hand-built probe reports: verdicts, op25b and the recommendation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from op25b_wizard.core import support_code
from op25b_wizard.core.diagnosis import (
    EXIT_CANCELLED,
    EXIT_LOGIN_FAILED,
    EXIT_NO_ROUTE,
    EXIT_OK,
    Route,
    diagnose,
)
from op25b_wizard.core.model import (
    AddressAttempt,
    AuthInfo,
    Capabilities,
    PortResult,
    ProbeReport,
    TlsInfo,
)
from op25b_wizard.core.verdicts import VERDICT_IDS

HOST = "smtp.example.co.jp"
NAME = "mail.example.co.jp"
CONNECT_FAILURES = ("timeout", "refused", "unreachable")


def verified() -> TlsInfo:
    return TlsInfo(version="TLSv1.3", cipher="TLS_AES_256_GCM_SHA384", issuer="CN=Example CA",
                   names=[HOST], verified=True)


def submission(port: int = 587, outcome: str = "ok", *, auth: AuthInfo | None = None,
               mechanisms: tuple[str, ...] = ("PLAIN", "LOGIN"), **kw: Any) -> PortResult:
    """A submission port that got through TLS (or failed as *outcome* says)."""
    mode = "tls" if port == 465 else "starttls"
    reached = outcome in ("ok", "auth_ok", "auth_failed")
    fields: dict[str, Any] = dict(
        port=port, mode=mode, security=mode, outcome=outcome,
        stage="done" if reached else "connect", elapsed_s=0.1,
        greeting_code=220 if reached else None, greeting_host=NAME if reached else None,
        capabilities=Capabilities(starttls=mode == "starttls", auth=list(mechanisms))
        if reached else None,
        tls=verified() if reached else None, auth=auth,
        attempts=[AddressAttempt("192.0.2.25", "ipv4",
                                 outcome if outcome in CONNECT_FAILURES else "connected", 0.1)])
    fields.update(kw)
    return PortResult(**fields)


def relay(outcome: str = "ok", **kw: Any) -> PortResult:
    """Port 25 as the relay port: works (*ok*) or fails to connect as *outcome*."""
    reached = outcome not in (*CONNECT_FAILURES, "dns_error")
    fields: dict[str, Any] = dict(
        port=25, mode="relay", security="starttls" if outcome == "ok" else "none",
        outcome=outcome, stage="done" if outcome == "ok" else ("connect" if not reached else "greeting"),
        greeting_code=220 if reached else None, greeting_host=NAME if reached else None,
        tls=verified() if outcome == "ok" else None,
        attempts=[AddressAttempt("192.0.2.25", "ipv4",
                                 outcome if outcome in CONNECT_FAILURES else "connected", 0.1)])
    fields.update(kw)
    return PortResult(**fields)


def report(*ports: PortResult, **kw: Any) -> ProbeReport:
    return ProbeReport(host=HOST, addresses={"ipv4": ["192.0.2.25"]}, ports=list(ports), **kw)


def auth(result: str, code: int | None, mechanism: str = "PLAIN") -> AuthInfo:
    return AuthInfo(mechanism, result, code, "")  # type: ignore[arg-type]


def details(d, vid: str) -> dict[str, Any]:
    return next(v.details for v in d.verdicts if v.id == vid)


# --- port 25 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("how", CONNECT_FAILURES)
def test_op25b_when_25_fails_to_connect_and_submission_answers(how: str) -> None:
    d = diagnose(report(relay(how), submission(587), submission(465)))
    assert d.op25b is True
    assert d.verdict_ids == ["op25b", "submission_ok"]
    assert details(d, "op25b") == {"port": 25, "how": how}
    assert details(d, "submission_ok")["port25_works"] is False
    assert d.recommended == Route(HOST, 465, "tls", "normal", None)
    assert d.exit_status == EXIT_OK


def test_not_op25b_when_nothing_answers_at_all() -> None:
    d = diagnose(report(relay("timeout"), submission(587, "timeout"), submission(465, "refused")))
    assert d.op25b is None
    assert d.verdict_ids == ["unreachable"]
    assert details(d, "unreachable") == {"host": HOST, "reason": "connect"}
    assert d.recommended is None
    assert d.exit_status == EXIT_NO_ROUTE


def test_ip25b_on_a_554_greeting() -> None:
    r25 = relay("banner_refused", greeting_code=554, relay_denied=True, stage="greeting")
    d = diagnose(report(r25, submission(587), submission(465)))
    assert d.op25b is False
    assert d.verdict_ids == ["ip25b", "submission_ok"]
    assert d.recommended is not None and d.recommended.port == 465


def test_ip25b_when_relaying_is_denied() -> None:
    d = diagnose(report(relay("ok", relay_denied=True), submission(465)))
    assert d.op25b is False
    assert "ip25b" in d.verdict_ids


def test_421_on_25_is_neither_op25b_nor_ip25b() -> None:
    d = diagnose(report(relay("banner_refused", greeting_code=421), submission(465)))
    assert d.op25b is False
    assert d.verdict_ids == ["submission_ok"]


@pytest.mark.parametrize("outcome", ["timeout", "protocol_error"])
def test_op25b_cannot_be_told_when_25_connects_but_never_greets(outcome: str) -> None:
    r25 = relay(outcome, stage="greeting", greeting_code=None, greeting_host=None)
    d = diagnose(report(r25, submission(587), submission(465)))
    assert d.op25b is None
    assert d.verdict_ids == ["submission_ok"]
    assert support_code.decode(d.support_code).op25b is None


def test_intercepted_when_25_greets_as_another_host() -> None:
    r25 = relay("ok", greeting_host="smtp-gw.hotel-isp.example.net")
    d = diagnose(report(r25, submission(587), submission(465)))
    assert d.verdict_ids == ["intercepted", "submission_ok"]
    assert details(d, "intercepted") == {"port": 25, "seen": "smtp-gw.hotel-isp.example.net",
                                         "expected": NAME}
    assert d.op25b is False
    assert d.recommended is not None and d.recommended.port == 465


def test_intercepted_when_25_shows_a_certificate_for_another_name() -> None:
    r25 = relay("tls_error", stage="tls", security="none",
                tls=TlsInfo(verified=False, problem="wrong_name",
                            error="Hostname mismatch, certificate is not valid for 'smtp...'"))
    d = diagnose(report(r25, submission(587), submission(465)))
    assert "intercepted" in d.verdict_ids
    assert "certificate" not in d.verdict_ids, "a bad certificate on 25 is not a submission problem"


@pytest.mark.parametrize("seen", [None, "esmtp", "service", "[192.0.2.25]", "192.0.2.25"])
def test_a_greeting_without_a_host_name_is_not_interception(seen: str | None) -> None:
    """``220 ESMTP Postfix`` names no host: nothing to compare, so no interception (a word
    that is not a host name, as older reports could hold, counts as no name; an address has
    no domain to compare)."""
    r25 = relay("ok", greeting_host=seen)
    d = diagnose(report(r25, submission(587), submission(465)))
    assert d.verdict_ids == ["submission_ok"]
    assert d.op25b is False


def test_submission_ports_without_host_names_intercept_nothing() -> None:
    r25 = relay("ok", greeting_host="smtp-gw.hotel-isp.example.net")
    d = diagnose(report(r25, submission(587, greeting_host="esmtp"),
                        submission(465, greeting_host=None)))
    assert "intercepted" not in d.verdict_ids


def test_same_provider_under_another_host_name_is_not_interception() -> None:
    r25 = relay("ok", greeting_host="mx3.example.co.jp")
    d = diagnose(report(r25, submission(465)))
    assert "intercepted" not in d.verdict_ids


@pytest.mark.parametrize("relay_host, submission_host", [
    ("mx.web.de", "smtp.web.de"),
    ("mx01.gmx.net", "mail.gmx.net"),
    ("mx1.mail.example.co.jp", "smtp.example.co.jp"),
])
def test_one_provider_under_two_short_names_is_not_interception(relay_host: str,
                                                                submission_host: str) -> None:
    """``mx.web.de`` and ``smtp.web.de`` are one provider (web.de is a registrable name, not a
    suffix): no false "this network redirects port 25"."""
    r25 = relay("ok", greeting_host=relay_host)
    d = diagnose(report(r25, submission(587, greeting_host=submission_host),
                        submission(465, greeting_host=submission_host)))
    assert "intercepted" not in d.verdict_ids
    assert d.op25b is False


def test_base_domain_is_defined_once() -> None:
    """One rule for "the same provider": the public-suffix-aware one of the lookup."""
    import op25b_wizard

    root = Path(op25b_wizard.__file__).resolve().parent
    defined = [p.relative_to(root).as_posix() for p in root.rglob("*.py")
               if "def base_domain(" in p.read_text(encoding="utf-8")]
    assert defined == ["core/lookup/domains.py"]


# --- submission problems ---------------------------------------------------------------------

def test_no_encryption_when_587_offers_no_starttls() -> None:
    p587 = submission(587, "no_starttls", stage="starttls", greeting_code=220,
                      auth_before_tls=True, tls=None)
    d = diagnose(report(relay("timeout"), p587))
    assert d.verdict_ids == ["no_encryption", "op25b", "no_submission"]
    assert details(d, "no_encryption") == {"port": 587, "auth_advertised": True,
                                             "password_sent": False}
    assert d.recommended is None
    assert d.exit_status == EXIT_NO_ROUTE


def test_no_encryption_when_the_password_was_tested_in_the_clear_by_consent() -> None:
    p587 = submission(587, "auth_ok", security="none", tls=None, auth_before_tls=True,
                      auth=auth("ok", 235, "CRAM-MD5"))
    d = diagnose(report(p587), credentials_tested=True)
    assert d.verdict_ids == ["no_encryption", "no_submission"]
    assert d.recommended is None and d.exit_status == EXIT_NO_ROUTE


@pytest.mark.parametrize("problem", ["expired", "not_yet_valid", "wrong_name", "unknown_issuer",
                                     "self_signed"])
def test_certificate_problems(problem: str) -> None:
    bad = submission(465, "tls_error", stage="tls",
                     tls=TlsInfo(verified=False, problem=problem, error="..."))  # type: ignore[arg-type]
    d = diagnose(report(bad))
    assert d.verdict_ids == ["certificate", "no_submission"]
    assert details(d, "certificate") == {"port": 465, "problem": problem}
    text = str(d.verdicts[0].explanation)
    assert "465" in text and "{" not in text


@pytest.mark.parametrize("problem", ["handshake_failed", "injection"])
def test_tls_failed(problem: str) -> None:
    bad = submission(587, "tls_error", stage="starttls",
                     tls=TlsInfo(verified=False, problem=problem))  # type: ignore[arg-type]
    d = diagnose(report(bad, submission(465)))
    assert d.verdict_ids == ["tls_failed", "submission_ok"]
    assert details(d, "tls_failed") == {"port": 587, "problem": problem}
    assert d.recommended is not None and d.recommended.port == 465


def test_server_refused_on_a_submission_port() -> None:
    d = diagnose(report(submission(587, "banner_refused", stage="greeting", greeting_code=421)))
    assert d.verdict_ids == ["server_refused", "no_submission"]


@pytest.mark.parametrize("result, code, vid", [
    ("bad_credentials", 535, "auth_rejected"),
    ("mechanism_too_weak", 534, "auth_mechanism"),
    ("encryption_required", 538, "auth_mechanism"),
    ("auth_required", 530, "auth_mechanism"),
    ("not_offered", None, "auth_mechanism"),
    ("temporary", 454, "auth_temporary"),
])
def test_auth_failures(result: str, code: int | None, vid: str) -> None:
    failed = [submission(p, "auth_failed", auth=auth(result, code)) for p in (587, 465)]
    d = diagnose(report(relay("timeout"), *failed), username="taro@example.co.jp",
                 credentials_tested=True)
    assert d.verdict_ids == [vid, "op25b"]
    assert details(d, vid)["port"] == 587
    assert d.login_verified is False
    # the route is still the right one to configure, but the login did not work
    assert d.recommended == Route(HOST, 465, "tls", "normal", "taro@example.co.jp")
    assert d.exit_status == EXIT_LOGIN_FAILED


def test_a_port_whose_login_worked_wins_over_one_whose_login_failed() -> None:
    d = diagnose(report(submission(465, "auth_failed", auth=auth("temporary", 454)),
                        submission(587, "auth_ok", auth=auth("ok", 235))),
                 credentials_tested=True)
    assert d.recommended is not None and d.recommended.port == 587
    assert d.login_verified is True
    assert d.verdict_ids == ["auth_temporary", "submission_ok"]
    assert d.exit_status == EXIT_OK


# --- unreachable, IPv6, cancelled --------------------------------------------------------------

def test_unreachable_by_dns() -> None:
    ports = [PortResult(port=p, mode=m, security=s, outcome="dns_error", stage="dns",  # type: ignore[arg-type]
                        error="Name or service not known")
             for p, m, s in ((25, "relay", "none"), (587, "starttls", "starttls"), (465, "tls", "tls"))]
    d = diagnose(ProbeReport(host=HOST, dns_error="Name or service not known", ports=ports))
    assert d.verdict_ids == ["unreachable"]
    assert details(d, "unreachable") == {"host": HOST, "reason": "dns"}
    assert d.op25b is None
    assert d.recommended is None
    assert "could not be found" in str(d.verdicts[0].explanation)


@pytest.mark.parametrize("v6_result", ["timeout", "unreachable"])
def test_ipv6_broken(v6_result: str) -> None:
    attempts = [AddressAttempt("2001:db8::25", "ipv6", v6_result, 1.0),  # type: ignore[arg-type]
                AddressAttempt("192.0.2.25", "ipv4", "connected", 0.3)]
    d = diagnose(report(submission(587, attempts=attempts), submission(465, attempts=attempts)))
    assert d.verdict_ids == ["ipv6_broken", "submission_ok"]


def test_ipv6_refused_is_not_broken_ipv6() -> None:
    """A reset means the IPv6 path works and the server does not listen there."""
    attempts = [AddressAttempt("2001:db8::25", "ipv6", "refused", 0.01),
                AddressAttempt("192.0.2.25", "ipv4", "connected", 0.3)]
    d = diagnose(report(submission(465, attempts=attempts)))
    assert "ipv6_broken" not in d.verdict_ids


@pytest.mark.parametrize("v6_result", ["not_needed", "abandoned"])
def test_an_ipv6_attempt_stopped_early_is_not_broken_ipv6(v6_result: str) -> None:
    """The port was done over IPv4 before IPv6 answered: that proves nothing about IPv6."""
    attempts = [AddressAttempt("2001:db8::25", "ipv6", v6_result, 0.4),  # type: ignore[arg-type]
                AddressAttempt("192.0.2.25", "ipv4", "connected", 0.3)]
    d = diagnose(report(submission(587, attempts=attempts), submission(465, attempts=attempts)))
    assert d.verdict_ids == ["submission_ok"]


def test_cancelled() -> None:
    rep = report(relay("timeout"), submission(587, "timeout"), cancelled=True)
    d = diagnose(rep)
    assert d.verdict_ids == ["cancelled"]
    assert d.op25b is None
    assert d.recommended is None
    assert d.exit_status == EXIT_CANCELLED


# --- the recommendation ------------------------------------------------------------------------

def test_rfc_8314_order_465_before_587() -> None:
    for order in ((587, 465), (465, 587)):
        d = diagnose(report(*(submission(p) for p in order)))
        assert d.recommended is not None
        assert (d.recommended.port, d.recommended.security) == (465, "tls")


def test_587_when_465_does_not_work() -> None:
    d = diagnose(report(submission(465, "timeout"), submission(587)))
    assert d.recommended == Route(HOST, 587, "starttls", "normal", None)


def test_submission_ok_with_port_25_working_still_recommends_submission() -> None:
    d = diagnose(report(relay("ok"), submission(587), submission(465)))
    assert d.op25b is False
    assert d.verdict_ids == ["submission_ok"]
    assert details(d, "submission_ok") == {"port": 465, "security": "tls", "port25_works": True}
    assert d.recommended is not None and d.recommended.port == 465
    explanation = str(d.verdicts[0].explanation)
    assert "Port 25 also works here" in explanation and "hotel" in explanation


def test_never_recommends_25_even_when_only_25_works() -> None:
    d = diagnose(report(relay("ok"), submission(587, "timeout"), submission(465, "timeout")))
    assert d.recommended is None
    assert d.verdict_ids == ["no_submission"]
    assert d.exit_status == EXIT_NO_ROUTE


def test_never_recommends_25_even_when_tested_as_a_submission_port() -> None:
    """``--port 25/starttls`` tests 25 like a submission port; it is still never the advice."""
    d = diagnose(report(submission(25, "auth_ok", auth=auth("ok", 235)), submission(465)))
    assert d.recommended is not None and d.recommended.port == 465
    d = diagnose(report(submission(25, "auth_ok", auth=auth("ok", 235))))
    assert d.recommended is None
    assert "no_submission" in d.verdict_ids


def test_no_submission_when_every_submission_port_fails_but_something_answered() -> None:
    d = diagnose(report(submission(587, "protocol_error", stage="ehlo", greeting_code=220),
                        submission(465, "not_smtp", stage="greeting")))
    assert d.verdict_ids == ["no_submission"]
    assert details(d, "no_submission") == {"host": HOST}


def test_a_provider_preferred_route_wins() -> None:
    preferred = [Route(HOST, 587, "starttls", "encrypted", "taro")]
    d = diagnose(report(submission(465), submission(587)), preferred=preferred)
    assert d.recommended == Route(HOST, 587, "starttls", "encrypted", "taro")


def test_a_preferred_route_that_does_not_work_here_is_not_recommended() -> None:
    preferred = [Route(HOST, 587, "starttls", "encrypted", "taro")]
    d = diagnose(report(submission(465), submission(587, "timeout")), preferred=preferred)
    assert d.recommended == Route(HOST, 465, "tls", "normal", None)


@pytest.mark.parametrize("offered, tested, method", [
    (("PLAIN", "LOGIN"), None, "normal"),
    (("CRAM-MD5",), None, "encrypted"),
    (("XOAUTH2",), None, "oauth2"),
    ((), None, "none"),
    (("CRAM-MD5", "PLAIN"), "CRAM-MD5", "encrypted"),
])
def test_auth_method_of_the_recommendation(offered, tested, method) -> None:
    a = auth("ok", 235, tested) if tested else None
    d = diagnose(report(submission(465, "auth_ok" if a else "ok", auth=a, mechanisms=offered)))
    assert d.recommended is not None and d.recommended.auth == method


# --- verdict order, texts and the support code -------------------------------------------------

def test_verdicts_come_in_the_order_of_importance() -> None:
    p587 = submission(587, "no_starttls", stage="starttls", tls=None, auth_before_tls=True,
                      greeting_code=220, greeting_host=NAME)
    bad = submission(465, "tls_error", stage="tls", tls=TlsInfo(problem="expired"))
    d = diagnose(report(relay("ok", greeting_host="gw.other.example"), p587, bad))
    assert d.verdict_ids == ["intercepted", "certificate", "no_encryption", "no_submission"]
    assert d.headline is not None and d.headline.id == "intercepted"
    assert [VERDICT_IDS.index(v) for v in d.verdict_ids] == sorted(
        VERDICT_IDS.index(v) for v in d.verdict_ids)


def test_every_verdict_renders_without_placeholders_left() -> None:
    d = diagnose(report(relay("timeout"), submission(587), submission(465)))
    for v in d.verdicts:
        for text in (str(v.title), str(v.explanation), str(v.action)):
            assert text and "{" not in text


def test_support_code_carries_the_diagnosis() -> None:
    d = diagnose(report(relay("timeout"), submission(587), submission(465)))
    summary = support_code.decode(d.support_code)
    assert summary.ports == {25: ("timeout", "none"), 587: ("ok", "starttls"), 465: ("ok", "tls")}
    assert summary.op25b is True
    assert summary.recommended_port == 465
    assert summary.verdicts == tuple(d.verdict_ids)


def test_json_has_the_contract_keys() -> None:
    d = diagnose(report(relay("timeout"), submission(465)), username="taro")
    out = d.to_json()
    assert {"ports", "op25b", "verdicts", "recommended", "support_code"} <= set(out)
    assert {"port", "security", "outcome", "elapsed_s"} <= set(out["ports"][0])
    assert out["recommended"] == {"host": HOST, "port": 465, "security": "tls", "auth": "normal",
                                  "username": "taro"}
    assert out["verdicts"] == ["op25b", "submission_ok"]


def test_a_silent_submission_port_is_not_unreachable_and_port_25_blocked_is_op25b() -> None:
    from op25b_wizard.core.diagnosis import diagnose
    from op25b_wizard.core.model import PortResult, ProbeReport

    report = ProbeReport(host="mail.example.test", ports=[
        PortResult(port=25, mode="relay", security="none", outcome="timeout", stage="connect"),
        PortResult(port=587, mode="starttls", security="starttls", outcome="timeout",
                   stage="greeting"),
    ])
    d = diagnose(report)
    assert "unreachable" not in d.verdict_ids
    assert d.op25b is True
    assert "no_submission" in d.verdict_ids


def test_no_encryption_says_whether_the_password_was_sent() -> None:
    from op25b_wizard.core.diagnosis import diagnose
    from op25b_wizard.core.model import AuthInfo, Capabilities, PortResult, ProbeReport

    def report(auth: AuthInfo | None, outcome: str) -> ProbeReport:
        return ProbeReport(host="mail.example.test", ports=[PortResult(
            port=587, mode="starttls", security="none", outcome=outcome, stage="done",
            capabilities=Capabilities(auth=["PLAIN"]), auth=auth)])

    sent = diagnose(report(AuthInfo("PLAIN", "ok", 235), "auth_ok"), credentials_tested=True)
    kept = diagnose(report(None, "no_starttls"))
    [v_sent] = [v for v in sent.verdicts if v.id == "no_encryption"]
    [v_kept] = [v for v in kept.verdicts if v.id == "no_encryption"]
    assert "was sent unencrypted" in str(v_sent.explanation)
    assert "It was not sent" in str(v_kept.explanation)


def test_port_25_reset_like_other_closed_ports_is_not_called_op25b() -> None:
    from op25b_wizard.core.diagnosis import diagnose
    from op25b_wizard.core.model import PortResult, ProbeReport, TlsInfo

    def closed(port: int, mode: str) -> PortResult:
        return PortResult(port=port, mode=mode, security="none", outcome="refused", stage="connect")

    open_2525 = PortResult(port=2525, mode="starttls", security="starttls", outcome="ok",
                           stage="done", tls=TlsInfo(verified=True))
    d = diagnose(ProbeReport(host="mail.example.test", ports=[
        closed(25, "relay"), closed(587, "starttls"), closed(465, "tls"), open_2525]))
    assert d.op25b is None and "op25b" not in d.verdict_ids
    assert d.recommended is not None and d.recommended.port == 2525
    # the same reset on 25 with the submission ports answering is a block on this network
    d = diagnose(ProbeReport(host="mail.example.test", ports=[closed(25, "relay"), open_2525]))
    assert d.op25b is True


# --- captive portals (hotel networks before their terms are accepted) -----------------------

def _http(port: int) -> PortResult:
    """A mail port answered by a web server."""
    p = submission(port, "not_smtp", stage="greeting") if port != 25 else relay(
        "not_smtp", greeting_code=None, greeting_host=None)
    p.error = "an HTTP server answered: not an SMTP reply: HTTP/1.1 302 Found"
    return p


def _foreign(port: int = 465, problem: str = "wrong_name") -> PortResult:
    return submission(port, "tls_error", stage="tls",
                      tls=TlsInfo(verified=False, problem=problem, error="Hostname mismatch"))


def _checked(result: str):
    from op25b_wizard.core.connectivity import ConnectivityResult

    return ConnectivityResult("http://check.example.test/", result, 302 if result == "portal"
                              else 200 if result == "open" else None)


@pytest.mark.parametrize("ports, check, expected", [
    # the done-when case: HTTP on 25 and 587, a certificate for another name on 465
    ((_http(25), _http(587), _foreign()), None, ["captive_portal"]),
    ((_http(25), _http(587), _foreign()), "portal", ["captive_portal"]),
    ((_http(25), _http(587), _foreign()), "no_answer", ["captive_portal"]),
    ((relay("timeout"), _http(587), _foreign(465, "self_signed")), None, ["captive_portal"]),
    # the web is open: whatever answers the mail ports is no hotel page
    ((_http(25), _http(587), _foreign()), "open", ["certificate", "no_submission"]),
    # an expired certificate is the server's own: not a portal's
    ((_http(25), _http(587), _foreign(465, "expired")), None, ["certificate", "no_submission"]),
    # a port that verified is the real server: not every TLS port is foreign
    ((_http(25), _foreign(587), submission(465, "protocol_error", stage="ehlo", tls=verified())),
     None, ["certificate", "no_submission"]),
    # a certificate problem without any HTTP answer stays a certificate problem
    ((relay("timeout"), _foreign(587), _foreign()), None, ["certificate", "op25b", "no_submission"]),
    # a redirected check explains ports that are all dropped
    ((relay("timeout"), submission(587, "timeout"), submission(465, "timeout")), "portal",
     ["captive_portal"]),
    # a secure route works: the portal (if any) lets mail through
    ((_http(25), submission(587), _foreign()), "portal", ["certificate", "submission_ok"]),
])
def test_captive_portal_rule(ports, check, expected) -> None:
    kw = {"connectivity": _checked(check)} if check else {}
    d = diagnose(report(*ports, **kw))
    assert d.verdict_ids == expected
    if "captive_portal" in expected:
        assert d.recommended is None and d.exit_status == EXIT_NO_ROUTE
        assert d.op25b is None, "the port that answered was the portal's, not the server's"
        assert support_code.decode(d.support_code).verdicts == tuple(
            v for v in VERDICT_IDS if v in expected)


def test_a_cancelled_run_is_no_captive_portal() -> None:
    d = diagnose(report(_http(25), _http(587), _foreign(), cancelled=True,
                        connectivity=_checked("portal")))
    assert "captive_portal" not in d.verdict_ids
