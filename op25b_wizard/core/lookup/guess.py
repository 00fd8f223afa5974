"""Last resort: try ``smtp.<domain>``, ``mail.<domain>``, ``<domain>`` with the port-test engine.

No password is ever sent: the probes stop after EHLO (and TLS), and read which sign-in methods
the server offers.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from op25b_wizard.core.lookup.address import EmailAddress
from op25b_wizard.core.lookup.result import Auth, OutgoingServer
from op25b_wizard.core.model import PortResult, PortSpec, ProbeEvent, ProbeOptions, ProbeRequest


@dataclass
class Guess:
    secure: list[OutgoingServer] = field(default_factory=list)
    plain: list[OutgoingServer] = field(default_factory=list)
    """Servers that answered without encryption: offered only when nothing secure was found."""
    reached: bool = False


def auth_from_mechanisms(mechanisms: list[str], encrypted: bool) -> Auth | None:
    """What a mail client should use, from the EHLO AUTH line; None when nothing is offered."""
    offered = {m.upper() for m in mechanisms}
    password = ("normal", "encrypted") if encrypted else ("encrypted", "normal")
    for kind in password:
        if kind == "normal" and offered & {"PLAIN", "LOGIN"}:
            return "normal"
        if kind == "encrypted" and "CRAM-MD5" in offered:
            return "encrypted"
    if offered & {"XOAUTH2", "OAUTHBEARER"}:
        return "oauth2"
    if offered:
        return "other"
    return None


def _route(host: str, r: PortResult, email: EmailAddress) -> tuple[OutgoingServer | None, bool]:
    """A route from one probed port, and whether it is encrypted."""
    caps = r.capabilities
    if caps is None:
        return None, False
    if r.outcome in ("ok", "auth_ok") and r.security != "none":
        auth = auth_from_mechanisms(caps.auth, encrypted=True)
        secure = True
    elif r.outcome == "no_starttls" or (r.outcome == "ok" and r.security == "none"):
        auth = auth_from_mechanisms(caps.auth, encrypted=False)
        secure = False
    else:
        return None, False
    if auth is None:  # no AUTH: a receiving server (MX), not one to send through
        return None, False
    return OutgoingServer(host, r.port, r.security if secure else "none", auth, email.address), secure


def guess_routes(email: EmailAddress, hosts: tuple[str, ...], ports: tuple[PortSpec, ...],
                 options: ProbeOptions, stop: threading.Event) -> Guess:
    """Probe every candidate host at once (without credentials); best routes first.

    Once every submission port has answered and one of them is usable, the relay port (25,
    often blocked: a long timeout) is not waited for.
    """
    from op25b_wizard.core.probe import run_probe

    if options.credentials is not None:
        raise ValueError("guessing never sends a password")
    names = list(dict.fromkeys(t.format(domain=email.domain_ascii) for t in hosts))
    results: dict[tuple[str, int], PortResult] = {}
    lock = threading.Lock()
    enough = threading.Event()

    def one(name: str) -> None:
        def on_event(event: ProbeEvent) -> None:
            if event.kind == "port_done" and event.result is not None:
                with lock:
                    results[(name, event.result.port)] = event.result
        run_probe(ProbeRequest(name, list(ports), options), on_event, enough)

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in names]
    for t in threads:
        t.start()
    submission = [(n, s.port) for n in names for s in ports if s.is_submission]
    while any(t.is_alive() for t in threads):
        if stop.is_set():
            enough.set()
        with lock:
            if all(k in results for k in submission) and any(
                    _route(n, results[(n, p)], email)[1] for n, p in submission):
                enough.set()
        for t in threads:
            t.join(0.05)
    # a server that answered, even with a refusal, proves the network works
    out = Guess(reached=any(r.outcome not in ("dns_error", "timeout", "unreachable")
                            for r in results.values()))
    rank = {"tls": 0, "starttls": 1, "relay": 2}  # RFC 8314: implicit TLS, STARTTLS, then 25
    for spec in sorted(ports, key=lambda p: rank[p.mode]):
        for name in names:
            r = results.get((name, spec.port))
            if r is None:
                continue
            route, secure = _route(name, r, email)
            if route is not None:
                (out.secure if secure else out.plain).append(route)
    return out
