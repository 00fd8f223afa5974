"""The network sources of a lookup: each turns one place to ask into an :class:`Answer` or None.

Every source runs in its own thread with its own timeout (see ``engine``); problems worth
telling the user (a refused document, say) go to ``Run.problem``.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import dns.resolver

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg
from op25b_wizard.core.lookup.address import EmailAddress
from op25b_wizard.core.lookup.autoconfig import (
    AutoconfigError,
    Routes,
    parse_autoconfig,
    routes_for,
)
from op25b_wizard.core.lookup.config import LookupConfig
from op25b_wizard.core.lookup.dns_records import mx_hosts, srv_targets
from op25b_wizard.core.lookup.domains import base_domain
from op25b_wizard.core.lookup.fetch import FetchError, TlsGate, fetch
from op25b_wizard.core.lookup.guess import guess_routes
from op25b_wizard.core.lookup.providers import Provider, find_provider_by_mx
from op25b_wizard.core.lookup.result import OutgoingServer, Source
from op25b_wizard.core.model import ProbeOptions

CTX = "Lookup"


@dataclass
class Answer:
    source: Source
    routes: Routes
    notes: list[Msg] = field(default_factory=list)
    needs_confirmation: bool = False


@dataclass
class Task:
    """One place to ask; *budget* is how long the lookup waits for it (seconds)."""

    name: str
    budget: float
    run: Callable[[], Answer | None]


class Run:
    """What the sources of one lookup share."""

    def __init__(self, email: EmailAddress, config: LookupConfig, ssl_context: ssl.SSLContext,
                 resolver: dns.resolver.Resolver, stop: threading.Event) -> None:
        self.email = email
        self.config = config
        self.ssl_context = ssl_context
        self.resolver = resolver
        self.stop = stop
        self._lock = threading.Lock()
        self.reached = False
        self.problems: dict[str, list[Msg]] = {}
        self.gate = TlsGate()
        """Counts the sources that may be inside OpenSSL; the lookup closes it before it
        returns (see :class:`~op25b_wizard.core.lookup.fetch.TlsGate`)."""

    @property
    def mx_task(self) -> str:
        """The MX step's task name: its problems are kept under it."""
        return f"MX {self.email.domain_ascii}"

    def mark_reached(self, reached: bool = True) -> None:
        if reached:
            with self._lock:
                self.reached = True

    def problem(self, task: str, note: Msg) -> None:
        with self._lock:
            self.problems.setdefault(task, []).append(note)

    # -- fetching autoconfig documents -------------------------------------------------------

    def fetch_config(self, task: str, url: str, source: Source, email_domain: str) -> Answer | None:
        """Fetch and parse one autoconfig document; refused documents become problems."""
        cfg = self.config
        try:
            got = fetch(url, timeout=cfg.http_timeout, max_bytes=cfg.max_bytes,
                        context=self.ssl_context, max_redirects=cfg.max_redirects,
                        gate=self.gate)
        except FetchError as e:
            self.mark_reached(e.reached)
            if e.kind == "too_large":
                self.problem(task, msg(CTX, QT_TRANSLATE_NOOP(
                    "Lookup", "The settings from {origin} are larger than {limit} KB and were "
                    "refused."), origin=url, limit=cfg.max_bytes // 1000))
            elif e.kind == "tls":
                self.problem(task, msg(CTX, QT_TRANSLATE_NOOP(
                    "Lookup", "{origin} did not prove its identity (certificate problem); its "
                    "settings were not used."), origin=url))
            elif e.kind == "redirect":
                self.problem(task, msg(CTX, QT_TRANSLATE_NOOP(
                    "Lookup", "{origin} sent the lookup elsewhere without https; not followed."),
                    origin=url))
            elif e.kind == "redirect_loop":
                self.problem(task, msg(CTX, QT_TRANSLATE_NOOP(
                    "Lookup", "{origin} sent the lookup round in circles (from one address to "
                    "the next without end); not followed."), origin=url))
            elif e.kind == "bad_redirect":
                self.problem(task, msg(CTX, QT_TRANSLATE_NOOP(
                    "Lookup", "{origin} sent the lookup to an address that is not valid; not "
                    "followed."), origin=url))
            return None
        self.mark_reached()
        if got is None:
            return None
        try:
            config = parse_autoconfig(got.body, got.url, cfg.max_bytes)
        except AutoconfigError as e:
            self.problem(task, e.message)
            return None
        answer = Answer(source, routes_for(config, self.email, got.url))
        answer.notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "Settings for {domain} from {origin}."), domain=email_domain, origin=got.url))
        if not got.authenticated:
            answer.needs_confirmation = True
            answer.notes.append(msg(CTX, QT_TRANSLATE_NOOP(
                "Lookup", "These settings came over plain http, which anyone on the network can "
                "change: check the server name before you enter a password.")))
        return answer

    # -- the sources ------------------------------------------------------------------------

    def autoconfig(self, template: str, domain: str | None = None,
                   task: str | None = None) -> Answer | None:
        url = template.format(domain=domain or self.email.domain_ascii)
        return self.fetch_config(task or url, url, "autoconfig", self.email.domain_unicode)

    def ispdb_url(self, domain: str | None = None) -> str:
        base = self.config.ispdb_url or ""
        return base + ("" if base.endswith("/") else "/") + (domain or self.email.domain_ascii)

    def ispdb(self, domain: str | None = None, task: str | None = None) -> Answer | None:
        url = self.ispdb_url(domain)
        return self.fetch_config(task or url, url, "ispdb", self.email.domain_unicode)

    def mx(self) -> Answer | None:
        from op25b_wizard.core.lookup.engine import run_prioritized

        found = mx_hosts(self.email.domain_ascii, self.resolver)
        self.mark_reached(found.reached)
        if not found.records:
            return None
        mx_host: str = found.records[0]
        provider = find_provider_by_mx(mx_host)
        if provider is not None:
            answer = Answer("mx", routes_for(provider.config, self.email, provider.name),
                            provider.note_messages())
        else:
            base = base_domain(mx_host)
            if base == self.email.domain_ascii:
                return None  # the domain's own settings were already asked for
            tasks = [Task(t, self.config.http_timeout,
                          lambda t=t: self.autoconfig(t, base, task=self.mx_task))
                     for t in self.config.autoconfig_urls]
            if self.config.ispdb_url:
                tasks.append(Task("ispdb", self.config.http_timeout,
                                  lambda: self.ispdb(base, task=self.mx_task)))
            _, inner = run_prioritized(tasks, self.stop)
            if inner is None:
                return None
            answer = Answer("mx", inner.routes, inner.notes)
        answer.needs_confirmation = True
        answer.notes.insert(0, _mx_note(mx_host, provider))
        return answer

    def srv(self) -> Answer | None:
        servers: list[OutgoingServer] = []
        for prefix, security in (("_submissions._tcp.", "tls"), ("_submission._tcp.", "starttls")):
            found = srv_targets(prefix + self.email.domain_ascii, self.resolver)
            self.mark_reached(found.reached)
            servers += [OutgoingServer(t.host, t.port, security, "normal", self.email.address)
                        for t in found.records]
        if not servers:
            return None
        hosts = ", ".join(dict.fromkeys(s.host for s in servers))
        return Answer("srv", Routes(servers), [msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "Suggested by the DNS records of {domain} (SRV): {hosts}. DNS answers are "
            "not signed, so confirm that this server belongs to your provider before you enter "
            "a password."), domain=self.email.domain_unicode, hosts=hosts)],
            needs_confirmation=True)

    def guess(self) -> Answer | None:
        cfg = self.config
        options = ProbeOptions(timeout=cfg.probe_timeout, cafile=cfg.cafile,
                               use_system_trust=cfg.use_system_trust)
        try:
            self.gate.enter()  # the probes speak TLS: the lookup waits for them to stop
        except FetchError:
            return None
        try:
            found = guess_routes(self.email, cfg.guess_hosts, cfg.guess_ports, options,
                                 self.stop)
        finally:
            self.gate.leave()
        self.mark_reached(found.reached)
        servers = found.secure or found.plain
        if not servers:
            return None
        notes = [msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "No published settings for {domain}: these servers answered when tried "
            "(no password was sent). The user name is a guess: the full address."),
            domain=self.email.domain_unicode)]
        return Answer("guess", Routes(servers), notes, needs_confirmation=not found.secure)


def _mx_note(mx_host: str, provider: Provider | None) -> Msg:
    if provider is not None:
        return msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "Your domain's mail is received by {mx}, which belongs to {provider}: "
            "these are {provider}'s settings. Confirm that this is your provider."),
            mx=mx_host, provider=provider.name)
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Lookup", "Your domain's mail is received by {mx}: these are the settings of {base}. "
        "Confirm that this is your provider."), mx=mx_host, base=base_domain(mx_host))
