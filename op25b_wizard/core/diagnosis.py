"""From port results to verdicts, one recommended route and a support code."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from op25b_wizard.core import support_code
from op25b_wizard.core.model import PortResult, ProbeReport
from op25b_wizard.core.smtp_reply import is_domain_name
from op25b_wizard.core.verdicts import IMPORTANCE, Verdict, make

AuthMethod = Literal["normal", "encrypted", "oauth2", "none"]
CERT_PROBLEMS = ("expired", "not_yet_valid", "wrong_name", "unknown_issuer", "self_signed")
_CONNECT_FAILURES = ("timeout", "refused", "unreachable", "dns_error")

EXIT_OK = 0
EXIT_NO_ROUTE = 1
EXIT_LOGIN_FAILED = 3
EXIT_CANCELLED = 4
EXIT_LOGIN_UNANSWERED = 5


@dataclass(frozen=True)
class Route:
    """A way to send: what the mail client's outgoing-server settings should say."""

    host: str
    port: int
    security: Literal["tls", "starttls", "none"]
    auth: AuthMethod = "normal"
    username: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Diagnosis:
    report: ProbeReport
    verdicts: list[Verdict]
    op25b: bool | None
    recommended: Route | None
    login_verified: bool | None
    """True/False when a password was tested on the recommended route, else None (also when
    the server did not answer the sign-in in time: ``auth_slow``)."""
    support_code: str
    notes: list[str] = field(default_factory=list)

    @property
    def verdict_ids(self) -> list[str]:
        return [v.id for v in self.verdicts]

    @property
    def headline(self) -> Verdict | None:
        """The verdict to show first: the most important problem, else the good news."""
        return self.verdicts[0] if self.verdicts else None

    @property
    def exit_status(self) -> int:
        if self.report.cancelled:
            return EXIT_CANCELLED
        if self.recommended is None:
            return EXIT_NO_ROUTE
        if self.login_verified is False:
            return EXIT_LOGIN_FAILED
        if "auth_slow" in self.verdict_ids:
            return EXIT_LOGIN_UNANSWERED
        return EXIT_OK

    def to_json(self, *, transcript: bool = False) -> dict[str, Any]:
        ports = []
        for p in self.report.ports:
            d = p.to_dict()
            ports.append(d)
        out: dict[str, Any] = {
            "host": self.report.host,
            "addresses": self.report.addresses,
            "ports": ports,
            "op25b": self.op25b,
            "verdicts": self.verdict_ids,
            "verdict_details": [v.to_dict() for v in self.verdicts],
            "recommended": self.recommended.to_dict() if self.recommended else None,
            "login_verified": self.login_verified,
            "support_code": self.support_code,
            "elapsed_s": round(self.report.elapsed_s, 3),
            "cancelled": self.report.cancelled,
            "deadline_s": self.report.deadline_s,
            "unfinished": self.report.unfinished,
        }
        if self.report.dns_error:
            out["dns_error"] = self.report.dns_error
        if self.report.connectivity is not None:
            out["connectivity"] = self.report.connectivity.to_dict()
        if transcript:
            out["transcript"] = [line.format() for line in self.report.transcript]
        return out


def _auth_method(p: PortResult) -> AuthMethod:
    if p.auth and p.auth.result == "ok" and p.auth.mechanism:
        return "encrypted" if p.auth.mechanism == "CRAM-MD5" else "normal"
    offered = p.capabilities.auth if p.capabilities else []
    if "PLAIN" in offered or "LOGIN" in offered:
        return "normal"
    if "CRAM-MD5" in offered:
        return "encrypted"
    if "XOAUTH2" in offered or "OAUTHBEARER" in offered:
        return "oauth2"
    return "normal" if offered else "none"


_REACHED = ("ok", "auth_ok", "auth_slow", "auth_failed")
"""Outcomes of a port that was reached, best first: a sign-in that is merely slow to be
answered still reached the server over the same verified channel."""


def _secure_submission(p: PortResult) -> bool:
    """Reached over a verified TLS channel on a submission port (never 25, however tested)."""
    return (p.mode != "relay" and p.port != 25 and p.outcome in _REACHED
            and p.tls is not None and p.tls.verified)


def recommend(report: ProbeReport, preferred: list[Route] | None = None,
              username: str | None = None) -> tuple[Route | None, PortResult | None]:
    """The route to configure: a provider's documented one first, else RFC 8314 order."""
    candidates = [p for p in report.ports if _secure_submission(p)]
    if not candidates:
        return None, None

    def rank(p: PortResult) -> tuple[int, int, int, int]:
        pref = next((i for i, r in enumerate(preferred or [])
                     if r.port == p.port and r.security == p.security), len(preferred or []))
        return (max(1, _REACHED.index(p.outcome)) - 1, pref, 0 if p.mode == "tls" else 1, p.port)

    best = min(candidates, key=rank)
    documented = next((r for r in preferred or []
                       if r.port == best.port and r.security == best.security), None)
    auth = documented.auth if documented else _auth_method(best)
    user = username or (documented.username if documented else None)
    return Route(report.host, best.port, best.security, auth, user), best


def _named(p: PortResult) -> bool:
    """The port's greeting named a host by its domain name (a bare word such as ``ESMTP``
    is no name, and an address has no domain to compare)."""
    return bool(p.greeting_host) and is_domain_name(p.greeting_host or "")


def _intercepted(report: ProbeReport) -> dict[str, Any] | None:
    """Port 25 answered by another domain's server than the submission ports: only judged when
    both sides named a host (a greeting without a name proves nothing)."""
    relay = [p for p in report.ports if p.mode == "relay" and _named(p)]
    subs = [p for p in report.ports if p.mode != "relay" and _named(p)]
    if not relay or not subs:
        return None
    from op25b_wizard.core.lookup.domains import base_domain  # public-suffix aware

    expected = {base_domain(p.greeting_host or "") for p in subs}
    for p in relay:
        seen = base_domain(p.greeting_host or "")
        if seen not in expected:
            return {"port": p.port, "seen": p.greeting_host, "expected": subs[0].greeting_host}
        if p.tls and p.tls.problem == "wrong_name" and any(s.tls and s.tls.verified for s in subs):
            return {"port": p.port, "seen": p.tls.error or "?", "expected": subs[0].greeting_host}
    return None


PORTAL_CERT_PROBLEMS = ("wrong_name", "self_signed", "unknown_issuer")
"""What a captive portal's own certificate shows for the mail server's name."""
MISLEADING_ON_A_PORTAL = ("certificate", "tls_failed", "unreachable", "no_submission", "op25b")
"""Verdicts whose advice (ask IT for a certificate, another network, the provider) is wrong
for a hotel guest who has only to accept the network's terms, or whose evidence is the
portal's answer in place of the server's (port 25 "blocked while 587 answers")."""


def _captive_portal(report: ProbeReport) -> dict[str, Any] | None:
    """A captive portal holds the connection: when no secure route works, either the
    connectivity check was redirected or altered, or the mail ports' own evidence says so
    (an HTTP answer where SMTP was expected, and a certificate for another name on every
    port that reached TLS). An exact connectivity answer rules it out: the web is open."""
    check = report.connectivity
    if report.cancelled or any(_secure_submission(p) for p in report.ports) or (
            check is not None and check.result == "open"):
        return None
    http = [p.port for p in report.ports if p.outcome == "not_smtp"]
    tls = [p for p in report.ports if p.tls is not None and p.tls.problem != "injection"]
    foreign = [p.port for p in tls if p.tls is not None and p.tls.problem in PORTAL_CERT_PROBLEMS]
    redirected = check is not None and check.result == "portal"
    if redirected or (http and foreign and len(foreign) == len(tls)):
        return {"http_ports": http, "foreign_certificate_ports": foreign,
                "connectivity": check.result if check else None,
                "location": check.location if check else None}
    return None


def diagnose(report: ProbeReport, *, preferred: list[Route] | None = None,
             username: str | None = None, credentials_tested: bool = False) -> Diagnosis:
    """Turn *report* into verdicts and one recommendation.

    *preferred*: the provider's documented routes (from lookup), best first.
    *username*: the user name to put in the recommendation.
    """
    found: dict[str, dict[str, Any]] = {}

    def add(vid: str, **details: Any) -> None:
        found.setdefault(vid, details)

    relay = [p for p in report.ports if p.mode == "relay"]
    submission = [p for p in report.ports if p.mode != "relay"]
    connected = [p for p in report.ports if p.connected]

    unfinished = report.unfinished
    if report.cancelled:
        add("cancelled")
    if unfinished:
        add("unfinished", seconds=f"{report.deadline_s:g}",
            ports=", ".join(str(port) for port in unfinished))
    if report.dns_error:
        add("unreachable", host=report.host, reason="dns")
    elif report.ports and not connected and not report.cancelled and not unfinished:
        add("unreachable", host=report.host, reason="connect")

    intercepted = _intercepted(report)
    if intercepted:
        add("intercepted", **intercepted)

    for p in submission:
        if p.outcome == "tls_error" and p.tls is not None:
            if p.tls.problem in CERT_PROBLEMS:
                add("certificate", port=p.port, problem=p.tls.problem)
            else:
                add("tls_failed", port=p.port, problem=p.tls.problem or "handshake_failed")
        elif p.outcome == "no_starttls" or p.security == "none":
            add("no_encryption", port=p.port, auth_advertised=p.auth_before_tls,
                password_sent=p.auth is not None and p.auth.code is not None)
        elif p.outcome == "banner_refused":
            add("server_refused", port=p.port, code=p.greeting_code)
        if p.auth is not None:
            if p.auth.result == "bad_credentials":
                add("auth_rejected", port=p.port, code=p.auth.code)
            elif p.auth.result in ("mechanism_too_weak", "encryption_required", "auth_required",
                                   "not_offered"):
                add("auth_mechanism", port=p.port, code=p.auth.code, result=p.auth.result)
            elif p.auth.result == "temporary":
                add("auth_temporary", port=p.port, code=p.auth.code)

    op25b: bool | None = None
    if relay and not report.cancelled:
        r25 = relay[0]
        # A reset on 25 while another port of the same host is reset too says the server
        # listens on neither, not that this network blocks 25: that cannot be told apart.
        server_closes = r25.outcome == "refused" and any(
            p.outcome == "refused" and p.stage == "connect" for p in submission)
        if r25.outcome in ("timeout", "refused", "unreachable") and r25.stage == "connect":
            if any(p.connected for p in submission) and not server_closes:
                op25b = True
                add("op25b", port=r25.port, how=r25.outcome)
        elif r25.greeting_code is not None:
            # a server spoke on 25; a listener that never greets proves neither way
            op25b = False
            if r25.relay_denied or (r25.outcome == "banner_refused" and r25.greeting_code == 554):
                add("ip25b", port=r25.port, code=r25.greeting_code)

    for p in report.ports:
        v6 = [a for a in p.attempts if a.family == "ipv6"]
        v4 = [a for a in p.attempts if a.family == "ipv4"]
        if v6 and v4 and all(a.result in ("timeout", "unreachable", "error") for a in v6) \
                and any(a.result == "connected" for a in v4):
            add("ipv6_broken", port=p.port)
            break

    route, best = recommend(report, preferred, username)
    login_verified: bool | None = None
    if best is not None and best.outcome == "auth_slow" and best.auth is not None:
        # reachable, the password unchecked: the route stands, the sign-in is to be retried
        add("auth_slow", port=best.port, seconds=f"{best.auth.waited_s or 0:g}")
    elif credentials_tested and best is not None:
        login_verified = best.outcome == "auth_ok"
    if route is not None and login_verified is not False and "auth_slow" not in found:
        r25 = relay[0] if relay else None
        add("submission_ok", port=route.port, security=route.security,
            port25_works=bool(r25 and r25.outcome in ("ok",)))
    elif route is None and not report.cancelled and "unreachable" not in found and not any(
            p.port in unfinished for p in submission):
        add("no_submission", host=report.host)

    portal = _captive_portal(report)
    if portal is not None:
        add("captive_portal", **portal)
        for vid in MISLEADING_ON_A_PORTAL:
            found.pop(vid, None)
        op25b = None  # what answered was the portal, not the server: port 25 cannot be judged

    verdicts = [make(vid, **found[vid]) for vid in IMPORTANCE if vid in found]
    code = support_code.encode(support_code.CodeSummary(
        ports={port: ((p.outcome, p.security) if (p := report.port(port)) else None)
               for port in support_code.SLOTS},
        op25b=op25b,
        recommended_port=route.port if route else None,
        verdicts=tuple(v.id for v in verdicts),
    ))
    return Diagnosis(report, verdicts, op25b, route, login_verified, code)
