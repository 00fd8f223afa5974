"""``op25b-wizard diagnose TARGET`` and ``op25b-wizard explain CODE``."""

from __future__ import annotations

import argparse
import json
import shutil
import sys

from op25b_wizard import i18n
from op25b_wizard.cli.common import (
    CliError,
    add_lang_option,
    apply_lang,
    check_cafile,
    preset_path,
    read_password_stdin,
    table,
)
from op25b_wizard.core import connectivity, support_code
from op25b_wizard.core.connectivity import ConnectivityCheck
from op25b_wizard.core.diagnosis import Diagnosis, Route, diagnose
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg
from op25b_wizard.core.lookup.result import SOURCE_TEXT
from op25b_wizard.core.model import (
    DEFAULT_PORTS,
    Credentials,
    PortSpec,
    ProbeOptions,
    ProbeRequest,
)
from op25b_wizard.core.outcome_text import auth_msg, outcome_msg, security_msg
from op25b_wizard.core.targets import Target, TargetError, normalise_host, parse_target
from op25b_wizard.core.verdicts import IMPORTANCE, Verdict, make

tr = i18n.tr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diagnose", help=QT_TRANSLATE_NOOP("CliHelp", "test which mail ports work from this network and what to configure"),
        description=QT_TRANSLATE_NOOP("CliHelp", "Test ports 25, 587 and 465 of a mail server at once and say, in plain "
        "words, whether this network blocks port 25 and which secure route works."))
    p.add_argument("target", metavar="TARGET", help=QT_TRANSLATE_NOOP("CliHelp", "an e-mail address or a mail server name"))
    p.add_argument("--host", help=QT_TRANSLATE_NOOP("CliHelp", "the outgoing mail server (default: smtp.<domain> for an address)"))
    p.add_argument("--port", action="append", metavar="N[/MODE]",
                   help=QT_TRANSLATE_NOOP("CliHelp", "a port to test (repeatable; default 25, 587 and 465); MODE is tls, "
                   "starttls or relay"))
    p.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help=QT_TRANSLATE_NOOP("CliHelp", "seconds for each stage (connect, greeting, TLS); the "
                   "sign-in's answer may take 20 more, as servers delay it on purpose; default 10"))
    p.add_argument("--deadline", type=float, default=None, metavar="S",
                   help=QT_TRANSLATE_NOOP("CliHelp", "seconds for the whole test, all ports together; a port not "
                   "finished by then is reported as unfinished (default: three times the timeout "
                   "plus 20, that is 50)"))
    p.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "user name for a real sign-in test (one attempt per port)"))
    p.add_argument("--password-stdin", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "read the password for the sign-in test from standard input"))
    p.add_argument("--cafile", metavar="PEM", help=QT_TRANSLATE_NOOP("CliHelp", "extra trusted CA certificates (company CA)"))
    p.add_argument("--allow-plaintext", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "allow sending the password without encryption (not recommended)"))
    p.add_argument("--test-message", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "after a successful sign-in, send one test message to your own address"))
    p.add_argument("--transcript", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "show the whole conversation with the server (password masked)"))
    p.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print one JSON object (see docs/)"))
    p.add_argument("--offline", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "find the server for an address only from the company preset and the "
                   "bundled provider data"))
    p.add_argument("--preset", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "a company preset (autoconfig XML)"))
    p.add_argument("--ispdb-url", metavar="URL", help=QT_TRANSLATE_NOOP("CliHelp", "base URL of the ISP database"))
    p.add_argument("--connectivity-url", metavar="URL",
                   help=QT_TRANSLATE_NOOP("CliHelp", "plain-http address asked to recognise a hotel "
                   "network's sign-in page (default: Windows' own check; off turns it off)"))
    p.add_argument("--connectivity-answer", metavar="TEXT",
                   help=QT_TRANSLATE_NOOP("CliHelp", "the exact text that address answers when the web "
                   "is open (without it, an empty answer, HTTP 204, is expected)"))
    add_lang_option(p)
    p.set_defaults(func=run_diagnose)

    e = sub.add_parser("explain", help=QT_TRANSLATE_NOOP("CliHelp", "expand a support code into the test's summary"),
                       description=QT_TRANSLATE_NOOP("CliHelp", "Expand a support code read out by a caller."))
    e.add_argument("code", metavar="CODE", nargs="+",
                   help=QT_TRANSLATE_NOOP("CliHelp", "the support code, e.g. K24J-TA2A-J282 (also as separate words: K24J TA2A J282)"))
    e.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print the summary as JSON"))
    add_lang_option(e)
    e.set_defaults(func=run_explain)


def _ports(values: list[str] | None) -> list[PortSpec]:
    if not values:
        return [PortSpec.for_port(p) for p in DEFAULT_PORTS]
    specs: list[PortSpec] = []
    for v in values:
        try:
            spec = PortSpec.parse(v)
        except ValueError:
            raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "invalid port {value}: give a number from 1 to 65535, optionally "
                "followed by /tls, /starttls or /relay"), value=repr(v))) from None
        if spec.port not in [s.port for s in specs]:
            specs.append(spec)
    return specs


def _target(args: argparse.Namespace) -> Target:
    try:
        target = parse_target(args.target)
        if args.host is not None:  # given, even empty: it must be a server name
            target = Target(normalise_host(args.host), target.email, target.domain)
    except TargetError as e:
        raise CliError(i18n.render(e.message)) from None
    return target


def _lookup_route(args: argparse.Namespace, target: Target) -> tuple[Target, list[Route], str | None]:
    """For an address without --host: the provider's documented route (issue: lookup chain)."""
    from op25b_wizard.core.lookup import AutoconfigError, LookupConfig, lookup

    config = LookupConfig(offline=args.offline, cafile=args.cafile,
                          preset=preset_path(args.preset))
    if args.ispdb_url:
        config.ispdb_url = args.ispdb_url
    try:
        result = lookup(target.email or "", config)
    except (AutoconfigError, ValueError) as e:
        message = getattr(e, "message", None)
        raise CliError(i18n.render(message) if message is not None else str(e)) from None
    if not args.json:
        for note in result.notes:
            print(i18n.render(note), file=sys.stderr)
    from op25b_wizard.core.wizard_state import ProviderAnswer

    found = ProviderAnswer.from_lookup(target.email or "", result,
                                       allow_insecure=args.allow_plaintext)
    if found is None:
        return target, [], None
    unconfirmed = result.source if result.needs_confirmation else None
    return Target(found.host, target.email, target.domain), found.routes, unconfirmed


def _connectivity(args: argparse.Namespace) -> ConnectivityCheck | None:
    try:
        return connectivity.configured(args.connectivity_url, args.connectivity_answer)
    except connectivity.ConnectivityConfigError as e:
        raise CliError(i18n.render(e.message)) from None


def _check_options(args: argparse.Namespace) -> None:
    if not 0.1 <= args.timeout <= 300:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "the timeout must be between 0.1 and 300 seconds")))
    _connectivity(args)
    if args.deadline is not None and not 0.1 <= args.deadline <= 3600:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "the deadline must be between 0.1 and 3600 seconds")))
    if args.cafile:
        check_cafile(args.cafile)
    preset_path(args.preset)
    if args.password_stdin and not (args.user or "@" in args.target):
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "--password-stdin needs --user")))
    if args.test_message and not args.password_stdin:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "--test-message needs your e-mail address and --password-stdin")))


def build_request(args: argparse.Namespace) -> tuple[Target, ProbeRequest, list[Route]]:
    """Check everything the user typed first, then find the server, then build the request."""
    target = _target(args)
    ports = _ports(args.port)
    _check_options(args)
    password = read_password_stdin() if args.password_stdin else None
    preferred: list[Route] = []
    unconfirmed: str | None = None
    if target.email and args.host is None:
        target, preferred, unconfirmed = _lookup_route(args, target)
    credentials = None
    if password is not None:
        if unconfirmed:
            raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "the server {host} was found through {origin}, which cannot vouch for it: "
                "check the name and give it with --host to test your password there"),
                host=target.host, origin=Msg("Lookup", SOURCE_TEXT.get(unconfirmed, unconfirmed))))
        user = args.user or (preferred[0].username if preferred and preferred[0].username
                             else target.email)
        credentials = Credentials(user or "", password)
    elif args.user and not args.json:
        print(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "Note: no password given (--password-stdin), so sign-in is not tested.")),
            file=sys.stderr)
    test_to = None
    if args.test_message:
        test_to = target.email or (args.user if args.user and "@" in args.user else None)
        if not test_to:
            raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "--test-message needs your e-mail address and --password-stdin")))
    options = ProbeOptions(timeout=args.timeout, deadline=args.deadline, cafile=args.cafile,
                           credentials=credentials,
                           allow_plaintext_auth=args.allow_plaintext, test_message_to=test_to,
                           connectivity=_connectivity(args))
    if preferred and not args.port:
        ports = PortSpec.with_routes(ports, [(r.port, r.security) for r in preferred])
    return target, ProbeRequest(target.host, ports, options), preferred


def run_diagnose(args: argparse.Namespace) -> int:
    apply_lang(args)
    target, request, preferred = build_request(args)
    live = not args.json and sys.stderr.isatty()

    def on_event(event) -> None:
        if live and event.kind == "port_done" and event.result is not None:
            print(f"  {event.result.port}: {i18n.render(outcome_msg(event.result.outcome))}",
                  file=sys.stderr)

    if not args.json:
        print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Testing {host} ports {ports} ..."),
                 host=request.host, ports=", ".join(str(s.port) for s in request.ports)),
              file=sys.stderr)
    from op25b_wizard.core.probe import run_probe  # loaded when a test runs

    report = run_probe(request, on_event)
    username = request.options.credentials.username if request.options.credentials else (
        args.user or (preferred[0].username if preferred and preferred[0].username else None)
        or target.email)
    result = diagnose(report, preferred=preferred, username=username,
                      credentials_tested=request.options.credentials is not None)
    if args.json:
        print(json.dumps(result.to_json(transcript=args.transcript), ensure_ascii=False, indent=2))
    else:
        print_human(result, transcript=args.transcript)
    return result.exit_status


def print_verdicts(verdicts: list[Verdict], out=sys.stdout) -> None:
    for v in verdicts:
        mark = "OK" if v.good else "!!"
        print(f"{mark} {i18n.render(v.title)}", file=out)
        print(f"   {i18n.render(v.explanation)}", file=out)
        label = tr("Cli", QT_TRANSLATE_NOOP("Cli", "What to do:"))
        print(f"   {label} {i18n.render(v.action)}", file=out)


def print_human(d: Diagnosis, *, transcript: bool = False, out=sys.stdout) -> None:
    rows = [[tr("Cli", QT_TRANSLATE_NOOP("Cli", "Port")),
             tr("Cli", QT_TRANSLATE_NOOP("Cli", "Encryption")),
             tr("Cli", QT_TRANSLATE_NOOP("Cli", "Result")),
             tr("Cli", QT_TRANSLATE_NOOP("Cli", "Time")),
             tr("Cli", QT_TRANSLATE_NOOP("Cli", "Details"))]]
    for p in d.report.ports:
        detail = p.error or ""
        if p.tls and p.tls.verified:
            detail = f"{p.tls.version}, {p.tls.issuer or ''}".strip(", ")
        if p.auth and p.auth.code:
            detail = f"AUTH {p.auth.mechanism}: {p.auth.code}"
        rows.append([str(p.port), i18n.render(security_msg(p.security)),
                     i18n.render(outcome_msg(p.outcome)), f"{p.elapsed_s:.1f}s", detail])
    print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Mail server: {host}"), host=d.report.host), file=out)
    width = shutil.get_terminal_size((100, 24)).columns - 2
    for line in table(rows, wrap_last=width):
        print("  " + line, file=out)
    print(file=out)
    print_verdicts(d.verdicts, out)
    print(file=out)
    if d.recommended:
        r = d.recommended
        print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Recommended outgoing server settings:")), file=out)
        print("  " + tr("Cli", QT_TRANSLATE_NOOP("Cli", "Server: {host}"), host=r.host), file=out)
        print("  " + tr("Cli", QT_TRANSLATE_NOOP("Cli", "Port: {port}"), port=r.port), file=out)
        print("  " + tr("Cli", QT_TRANSLATE_NOOP("Cli", "Encryption: {security}"),
                        security=i18n.render(security_msg(r.security))), file=out)
        print("  " + tr("Cli", QT_TRANSLATE_NOOP("Cli", "Sign-in: {auth}"),
                        auth=i18n.render(auth_msg(r.auth))), file=out)
        if r.username:
            print("  " + tr("Cli", QT_TRANSLATE_NOOP("Cli", "User name: {user}"), user=r.username),
                  file=out)
    else:
        print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "No secure outgoing route was found.")), file=out)
    print(file=out)
    print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Support code: {code}"), code=d.support_code), file=out)
    if transcript:
        print(file=out)
        for line in d.report.transcript:
            print(line.format(), file=out)


def run_explain(args: argparse.Namespace) -> int:
    apply_lang(args)
    try:
        summary = support_code.decode(" ".join(args.code))  # read out as one or two words
    except support_code.SupportCodeError as e:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "{code} is not a valid support code: {reason}"),
                          code=" ".join(args.code), reason=i18n.render(e.message))) from None
    code = support_code.group(support_code.normalise(" ".join(args.code)))
    if args.json:
        print(json.dumps({
            "support_code": code,
            "ports": [{"port": p, "outcome": v[0], "security": v[1]} if v else
                      {"port": p, "outcome": None, "security": None}
                      for p, v in summary.ports.items()],
            "op25b": summary.op25b,
            "recommended_port": summary.recommended_port,
            "verdicts": list(summary.verdicts),
        }, ensure_ascii=False, indent=2))
        return 0
    print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Support code {code}"), code=code))
    for port, value in summary.ports.items():
        if value is None:
            text = tr("Cli", QT_TRANSLATE_NOOP("Cli", "not tested"))
        else:
            text = f"{i18n.render(outcome_msg(value[0]))} ({i18n.render(security_msg(value[1]))})"
        print(f"  {port:>3}: {text}")
    op = {True: QT_TRANSLATE_NOOP("Cli", "yes"), False: QT_TRANSLATE_NOOP("Cli", "no"),
          None: QT_TRANSLATE_NOOP("Cli", "cannot tell")}[summary.op25b]
    print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Port 25 blocked on the caller's network: {answer}"),
             answer=tr("Cli", op)))
    rec = summary.recommended_port
    if rec == "other":
        rec = tr("Cli", QT_TRANSLATE_NOOP("Cli", "another port (not 465 or 587)"))
    print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Recommended port: {port}"),
             port=rec if rec else tr("Cli", QT_TRANSLATE_NOOP("Cli", "none found"))))
    print()
    said: set[str] = set()
    for vid in sorted(summary.verdicts, key=IMPORTANCE.index):
        v = make(vid, host="?", port=rec or "?", seen="?", expected="?")
        mark = "OK" if v.good else "!!"
        print(f"{mark} {i18n.render(v.title)}")
        label = tr("Cli", QT_TRANSLATE_NOOP("Cli", "What to do:"))
        action = i18n.render(v.action)
        if vid in _POINTS_BELOW:  # its action refers to settings printed below by diagnose
            action = tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "Set the outgoing server to the recommended port shown above, with "
                "encryption and sign-in."))
        if action not in said:
            print(f"   {label} {action}")
            said.add(action)
    return 0


_POINTS_BELOW = frozenset({"op25b", "ip25b", "intercepted", "submission_ok"})
