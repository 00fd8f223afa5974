"""``op25b-wizard lookup EMAIL``: which outgoing server an address should use, and why."""

from __future__ import annotations

import argparse
import json
import sys
from urllib.parse import urlsplit

from op25b_wizard import i18n
from op25b_wizard.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliError,
    add_lang_option,
    apply_lang,
    check_cafile,
    preset_path,
)
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP
from op25b_wizard.core.lookup import (
    AutoconfigError,
    EmailAddressError,
    LookupConfig,
    LookupResult,
    lookup,
    parse_email,
)
from op25b_wizard.core.lookup.result import SOURCE_TEXT
from op25b_wizard.core.outcome_text import AUTH_TEXT, SECURITY_TEXT

tr = i18n.tr

OTHER_AUTH = QT_TRANSLATE_NOOP("Lookup", "Other sign-in (NTLM, Kerberos, network address)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lookup", help=QT_TRANSLATE_NOOP("CliHelp", "find the outgoing mail server for an e-mail address"),
        description=QT_TRANSLATE_NOOP("CliHelp", "Find the outgoing (SMTP) server for an e-mail address: a company preset, "
        "the provider data built into this app, the provider's own autoconfig, the public ISP "
        "database, the domain's MX and, as a last resort, trying likely server names. No "
        "password is sent anywhere."))
    p.add_argument("email", metavar="EMAIL", help=QT_TRANSLATE_NOOP("CliHelp", "the e-mail address"))
    p.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print one JSON object (see docs/lookup.md)"))
    p.add_argument("--offline", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "use only the company preset and the built-in provider data"))
    p.add_argument("--ispdb-url", metavar="URL", default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "base URL of the ISP database; the domain "
                                          "is appended (default: Thunderbird's public ISP "
                                          "database, live.thunderbird.net)"))
    p.add_argument("--preset", metavar="FILE", default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "a company preset (autoconfig XML); by "
                                          "default op25b-preset.xml beside the program is used "
                                          "when present"))
    p.add_argument("--cafile", metavar="PEM", default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "extra trusted CA certificates (company CA) for https and the server tests"))
    add_lang_option(p)
    p.set_defaults(func=run_lookup)


def _base_config() -> LookupConfig:
    """The real chain (tests replace this to point it at local servers)."""
    return LookupConfig()


def config_from_args(args: argparse.Namespace, base: LookupConfig) -> LookupConfig:
    cfg = base
    cfg.offline = args.offline
    if args.ispdb_url is not None:
        try:
            parts = urlsplit(args.ispdb_url)
            valid = parts.scheme in ("http", "https") and bool(parts.hostname)
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:
            valid = False
        if not valid:
            raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "--ispdb-url must be an http or https URL, not {value}"),
                value=repr(args.ispdb_url)))
        cfg.ispdb_url = args.ispdb_url
    if args.preset is not None:
        cfg.preset = preset_path(args.preset)
    if args.cafile is not None:
        check_cafile(args.cafile)
        cfg.cafile = args.cafile
    return cfg


def run_lookup(args: argparse.Namespace) -> int:
    apply_lang(args)
    cfg = config_from_args(args, _base_config())
    if not args.json and not cfg.offline and sys.stderr.isatty():
        print(tr("Lookup", QT_TRANSLATE_NOOP("Lookup", "Looking up {email} ..."), email=args.email),
              file=sys.stderr)
    try:
        address = parse_email(args.email)
        result = lookup(address, cfg)
    except (EmailAddressError, AutoconfigError) as e:
        raise CliError(i18n.render(e.message)) from None
    if args.json:
        print(json.dumps(result.to_json(i18n.render), ensure_ascii=False, indent=2))
    else:
        print_human(address.address, result, offline=cfg.offline)
    return EXIT_OK if result.found else EXIT_FAILED


def print_human(email: str, result: LookupResult, out=None, *, offline: bool = False) -> None:
    out = out or sys.stdout
    if result.found:
        source = i18n.translate("Lookup", SOURCE_TEXT[result.source])
        print(tr("Lookup", QT_TRANSLATE_NOOP("Lookup", "Outgoing server for {email} (from {where}):"),
                 email=email, where=source), file=out)
        for n, s in enumerate(result.outgoing, 1):
            auth = (i18n.translate("Lookup", OTHER_AUTH) if s.auth == "other"
                    else i18n.translate("Outcome", AUTH_TEXT[s.auth]))
            security = i18n.translate("Outcome", SECURITY_TEXT[s.security])
            line = tr("Lookup", QT_TRANSLATE_NOOP(
                "Lookup", "{n}. {host}, port {port}, encryption: {security}, sign-in: {auth}"),
                n=n, host=s.host, port=s.port, security=security, auth=auth)
            print("  " + line, file=out)
            if s.username:
                print("     " + tr("Lookup", QT_TRANSLATE_NOOP("Lookup", "user name: {user}"),
                                   user=s.username), file=out)
        if result.needs_confirmation:
            print("!! " + tr("Lookup", QT_TRANSLATE_NOOP(
                "Lookup", "Confirm that this server belongs to your provider before you enter a "
                "password (see the notes).")), file=out)
    elif result.status == "not_checked":  # nobody could be asked: not a "not found"
        print(tr("Lookup", QT_TRANSLATE_NOOP(
            "Lookup", "Could not check {email}: the app's own provider data does not know it, "
            "and the network was not used (--offline).")
            if offline else QT_TRANSLATE_NOOP(
            "Lookup", "Could not check {email}: no DNS or web server answered. Check the "
            "network connection and try again."), email=email), file=out)
    else:
        print(tr("Lookup", QT_TRANSLATE_NOOP("Lookup", "No outgoing server found for {email}."),
                 email=email), file=out)
    if result.notes:
        print(tr("Lookup", QT_TRANSLATE_NOOP("Lookup", "Notes:")), file=out)
        for note in result.notes:
            print(f"  - {i18n.render(note)}", file=out)
