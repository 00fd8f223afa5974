"""The lookup chain: from an e-mail address to its outgoing servers, best first.

1. the company preset, 2. the bundled provider data (both local, instant); then, concurrently,
3. the provider's own autoconfig, 4. the public ISP database, 5. MX, 6. SRV (a suggestion),
7. guessing with the port-test engine. The highest-priority answer wins: a lookup waits for a
source only while no better one has answered, and at most that source's timeout.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg
from op25b_wizard.core.lookup.address import EmailAddress, parse_email
from op25b_wizard.core.lookup.autoconfig import AutoconfigError, covers, routes_for
from op25b_wizard.core.lookup.config import LookupConfig
from op25b_wizard.core.lookup.dns_records import make_resolver
from op25b_wizard.core.lookup.preset import find_bundled_preset, load_preset
from op25b_wizard.core.lookup.providers import NOTE_TEXTS, find_provider
from op25b_wizard.core.lookup.result import LookupResult, OutgoingServer
from op25b_wizard.core.lookup.sources import Answer, Run, Task
from op25b_wizard.core.tls import make_context

CTX = "Lookup"
log = logging.getLogger(__name__)
STOP_GRACE = 3.0
"""Seconds a lookup waits, after its answer, for sources speaking TLS to stop (they are shut
down at once; the guessing probes take about 0.1 s to wind down)."""
_PENDING = object()
_FAILED = object()


def run_prioritized(tasks: list[Task], cancel: threading.Event | None = None,
                    on_timeout: object = None) -> tuple[int | None, Answer | None]:
    """Run *tasks* concurrently; return the index and answer of the first (in list order) that
    answers, without waiting for lower-priority ones. A task that outlives its budget counts as
    failed; its name goes to *on_timeout* (a list) when one is given."""
    results: list[object] = [_PENDING] * len(tasks)
    done: queue.Queue[tuple[int, object]] = queue.Queue()
    start = time.monotonic()

    def work(i: int, task: Task) -> None:
        try:
            answer = task.run()
        except Exception:  # a source's bug must not sink the whole lookup
            log.exception("lookup source %s failed", task.name)
            answer = None
        done.put((i, answer if answer is not None and answer.routes.servers else _FAILED))

    for i, task in enumerate(tasks):
        threading.Thread(target=work, args=(i, task), daemon=True,
                         name=f"lookup {task.name}").start()
    while True:
        while True:
            try:
                i, result = done.get_nowait()
            except queue.Empty:
                break
            results[i] = result
        now = time.monotonic()
        waiting_for = None
        for i, task in enumerate(tasks):
            if results[i] is _PENDING and now >= start + task.budget:
                results[i] = _FAILED
                if isinstance(on_timeout, list):
                    on_timeout.append(task.name)
            if results[i] is _PENDING:
                waiting_for = i
                break
            if isinstance(results[i], Answer):
                return i, results[i]  # type: ignore[return-value]
        if waiting_for is None:
            return None, None
        if cancel is not None and cancel.is_set():
            return None, None
        wait = start + tasks[waiting_for].budget - now
        try:
            i, result = done.get(timeout=max(0.0, min(wait, 0.05 if cancel else wait)))
            results[i] = result
        except queue.Empty:
            pass


def _ordered(servers: list[OutgoingServer]) -> list[OutgoingServer]:
    """Keep the source's order (the provider's preference), except: encrypted routes before
    plain ones, password routes before OAuth2-only ones; drop duplicates."""
    seen: set[tuple[str, int, str]] = set()
    unique = []
    for s in servers:
        if (s.host, s.port, s.security) not in seen:
            seen.add((s.host, s.port, s.security))
            unique.append(s)
    return sorted(unique, key=lambda s: (s.security == "none", s.auth == "oauth2"))


def _local(email: EmailAddress, cfg: LookupConfig, notes: list[Msg]) -> Answer | None:
    """Preset, then bundled provider data: no network."""
    presets = []
    if cfg.preset is not None:
        presets.append((cfg.preset, True))
    if cfg.use_bundled_preset:
        found = find_bundled_preset(cfg.bundled_preset_dir)
        if found is not None and found != cfg.preset:
            presets.append((found, False))
    for path, explicit in presets:
        try:
            config = load_preset(path, cfg.max_bytes)
        except AutoconfigError as e:
            if explicit:
                raise
            notes.append(e.message)
            continue
        if covers(config, email.domain_ascii):
            return Answer("preset", routes_for(config, email, str(path)), [msg(CTX, QT_TRANSLATE_NOOP(
                "Lookup", "Settings from the company preset {path}."), path=str(path))])
        notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The company preset {path} does not cover {domain}."),
            path=str(path), domain=email.domain_unicode))
    if cfg.use_bundled_providers:
        provider = find_provider(email.domain_ascii)
        if provider is not None:
            return Answer("bundled", routes_for(provider.config, email, provider.name),
                          [msg(CTX, QT_TRANSLATE_NOOP(
                              "Lookup", "Settings for {provider} from the provider data built "
                              "into this app (checked {date})."),
                              provider=provider.name, date=provider.checked),
                           *provider.note_messages()])
    return None


def _network_tasks(run: Run) -> list[Task]:
    cfg = run.config
    slack = 0.5
    domain = run.email.domain_ascii
    tasks = [Task(t.format(domain=domain), cfg.http_timeout + slack,
                  lambda t=t: run.autoconfig(t)) for t in cfg.autoconfig_urls]
    if cfg.ispdb_url:
        tasks.append(Task(run.ispdb_url(), cfg.http_timeout + slack, run.ispdb))
    if cfg.use_mx:
        tasks.append(Task(run.mx_task, cfg.dns_timeout + cfg.http_timeout + 2 * slack, run.mx))
    if cfg.use_srv:
        tasks.append(Task(f"SRV {domain}", 2 * cfg.dns_timeout + slack, run.srv))
    if cfg.guess:
        # connect, greeting, EHLO, TLS and EHLO again: each stage has its own timeout
        hosts = ", ".join(dict.fromkeys(h.format(domain=domain) for h in cfg.guess_hosts))
        tasks.append(Task(hosts, 5 * cfg.probe_timeout + slack, run.guess))
    return tasks


def lookup(email: str | EmailAddress, config: LookupConfig | None = None,
           cancel: threading.Event | None = None) -> LookupResult:
    """Find the outgoing servers for *email*. Blocking; safe to call from a worker thread.

    Raises :class:`~op25b_wizard.core.lookup.address.EmailAddressError` for a bad address and
    :class:`~op25b_wizard.core.lookup.autoconfig.AutoconfigError` for an explicitly named preset
    that is unreadable or invalid (both are ValueErrors with a plain ``message``).
    """
    cfg = config or LookupConfig()
    address = email if isinstance(email, EmailAddress) else parse_email(email)
    notes: list[Msg] = []
    answer = _local(address, cfg, notes)
    if answer is not None:
        notes.append(msg(CTX, QT_TRANSLATE_NOOP("Lookup", "Offline: the network was not used."))
                     if cfg.offline else msg(CTX, QT_TRANSLATE_NOOP(
                         "Lookup", "Answered from data on this computer: the network was not "
                         "contacted.")))
        return _result(answer, notes, reached=False)
    if cfg.offline:
        notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "Nothing is known offline about {domain}: the network was not used. Try "
            "again online, or ask your provider or IT for the outgoing server."),
            domain=address.domain_unicode))
        return LookupResult("none", notes=notes)
    stop = threading.Event()
    run = Run(address, cfg, make_context(cfg.cafile, use_system_trust=cfg.use_system_trust),
              make_resolver(cfg.nameservers, cfg.dns_port, cfg.dns_timeout), stop)
    tasks = _network_tasks(run)
    timed_out: list[str] = []
    try:
        index, answer = run_prioritized(tasks, cancel, timed_out)
    finally:
        stop.set()  # cancels the guessing probes
        # No source may still be inside OpenSSL when this returns: the program may exit next,
        # and OpenSSL's clean-up under a running handshake crashes it (exit status 139).
        if not run.gate.close(STOP_GRACE):
            log.warning("lookup sources still running %.1f s after the answer", STOP_GRACE)
    consulted = tasks if index is None else tasks[:index]
    for task in consulted:
        notes.extend(run.problems.get(task.name, []))
    if cancel is not None and cancel.is_set() and answer is None:
        notes.append(msg(CTX, QT_TRANSLATE_NOOP("Lookup", "The lookup was cancelled.")))
        return LookupResult("none", notes=notes, network_reached=run.reached)
    advice: list[Msg] = []
    if not run.reached:
        advice.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The network was not reached: no DNS or web server answered. Check the "
            "connection (a hotel network may first want you to sign in on a web page).")))
        notes.extend(advice)
    elif timed_out and answer is None:
        notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "Some places did not answer in time: {names}."), names=", ".join(timed_out)))
    if answer is None:
        notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "No outgoing server was found for {domain}. Ask your provider or IT which "
            "server and port to use."), domain=address.domain_unicode))
        return LookupResult("none", notes=notes, advice=advice, network_reached=run.reached)
    return _result(answer, notes, reached=run.reached)


def _result(answer: Answer, notes: list[Msg], reached: bool) -> LookupResult:
    servers = _ordered(answer.routes.servers)
    result = LookupResult(answer.source, servers, [*answer.notes, *answer.routes.notes, *notes],
                          network_reached=reached, needs_confirmation=answer.needs_confirmation)
    result.advice = [n for n in answer.notes if n.source in NOTE_TEXTS.values()]

    def advise(note: Msg) -> None:
        result.notes.append(note)
        result.advice.append(note)

    if servers and all(s.auth == "oauth2" for s in servers):
        result.oauth2_only = True
        advise(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "This provider only accepts its own sign-in (OAuth2): a password will not "
            "work here. Use an app password if the provider offers one, or set up the account "
            "in a mail program that can sign in to it (Thunderbird, Outlook, Apple Mail).")))
    elif answer.routes.oauth2_offered and not any(
            n.source == NOTE_TEXTS["app_password"] for n in answer.notes):
        advise(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "This provider prefers its own sign-in (OAuth2); with a password, it may "
            "want an app password rather than your usual one.")))
    if servers and not any(s.secure for s in servers):
        advise(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The only route found sends without encryption: your password and mail "
            "cross the network readable. Ask the provider whether it offers port 465 (SSL/TLS) "
            "or 587 with STARTTLS.")))
    elif any(not s.secure for s in servers):
        result.notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "Routes without encryption are listed last; use them only if nothing "
            "else works.")))
    return result
