"""``op25b-wizard accounts``, ``apply CLIENT`` and ``undo CLIENT``: the mail clients' settings.

Exit status: 0 done (or nothing to change), 1 could not be done (no matching account, a
setting the client cannot store, no backup, a file or backup folder that cannot be changed),
2 bad input, 3 the mail client is running (close it and try again), 4 (``undo``) undone except
values changed since the apply, which were left as they are (one line each).

Outlook's profiles are registry keys, not folders: ``--profile`` names one (its name, or the
full key ``apply`` prints). Off Windows the Outlook commands say so in one line (exit 1).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import TextIO

from op25b_wizard import i18n
from op25b_wizard.cli.common import EXIT_FAILED, CliError, add_lang_option, apply_lang, table
from op25b_wizard.core.clients import (
    CLIENT_NAMES,
    Account,
    AmbiguousAccount,
    Change,
    ClientError,
    ClientRunning,
    MailClient,
    SmtpSettings,
    all_clients,
    client_by_name,
)
from op25b_wizard.core.clients.registry import unavailable_reason
from op25b_wizard.core.clients.wording import auth_word, describe_kept, security_word
from op25b_wizard.core.command_line import command_line
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg

EXIT_RUNNING = 3
EXIT_KEPT = 4
CTX = "CliClients"
tr = i18n.tr


def register(sub: argparse._SubParsersAction) -> None:
    a = sub.add_parser(
        "accounts", help=QT_TRANSLATE_NOOP("CliHelp", "list the mail accounts found on this computer"),
        description=QT_TRANSLATE_NOOP("CliHelp", "List the outgoing mail settings of every Thunderbird, Becky! and Outlook "
        "account found for this user."))
    a.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print a JSON list (see docs/clients.md)"))
    a.add_argument("--client", choices=CLIENT_NAMES, help=QT_TRANSLATE_NOOP("CliHelp", "only this mail client"))
    a.add_argument("--profile", metavar="DIR",
                   help=QT_TRANSLATE_NOOP("CliHelp", "only this profile folder (Becky!: data folder; Outlook: profile name); needs --client"))
    add_lang_option(a)
    a.set_defaults(func=run_accounts)

    p = sub.add_parser(
        "apply", help=QT_TRANSLATE_NOOP("CliHelp", "switch a mail client to the submission port (with a backup)"),
        description=QT_TRANSLATE_NOOP("CliHelp", "Change one account's outgoing server settings. The files are backed up "
        "first; 'op25b-wizard undo CLIENT' puts them back. The mail client must be closed."))
    p.add_argument("client", choices=CLIENT_NAMES, help=QT_TRANSLATE_NOOP("CliHelp", "the mail client to change: thunderbird, becky or outlook"))
    p.add_argument("--profile", metavar="DIR",
                   help=QT_TRANSLATE_NOOP("CliHelp", "the profile folder (Becky!: data folder; Outlook: profile name); default: all found"))
    p.add_argument("--email", required=True, metavar="E",
                   help=QT_TRANSLATE_NOOP("CliHelp", "the address whose outgoing server is changed"))
    p.add_argument("--host", required=True, metavar="H", help=QT_TRANSLATE_NOOP("CliHelp", "outgoing server name"))
    p.add_argument("--port", required=True, type=int, metavar="P", help=QT_TRANSLATE_NOOP("CliHelp", "port (465 or 587)"))
    p.add_argument("--security", required=True, choices=("tls", "starttls", "none"),
                   help=QT_TRANSLATE_NOOP("CliHelp", "tls: SSL/TLS (465); starttls: STARTTLS (587); none: not encrypted"))
    p.add_argument("--user", required=True, metavar="U", help=QT_TRANSLATE_NOOP("CliHelp", "user name for signing in"))
    p.add_argument("--auth", choices=("normal", "encrypted", "oauth2"), default="normal",
                   help=QT_TRANSLATE_NOOP("CliHelp", "sign-in method (default normal: the password, over TLS)"))
    p.add_argument("--allow-port-25", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "allow port 25 (blocked on many networks; not recommended)"))
    p.add_argument("--allow-plaintext", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "allow --security none (the password would travel unencrypted)"))
    p.add_argument("--key", metavar="KEY",
                   help=QT_TRANSLATE_NOOP("CliHelp", "the server (Thunderbird: smtp1, ...; Becky!: mailbox folder; Outlook: "
                   "account key, 00000002, ...) when several send as the address"))
    p.add_argument("--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "show before → after, change nothing"))
    add_lang_option(p)
    p.set_defaults(func=run_apply)

    u = sub.add_parser(
        "undo", help=QT_TRANSLATE_NOOP("CliHelp", "put back the settings saved before the last apply"),
        description=QT_TRANSLATE_NOOP("CliHelp", "Put back the values the last 'apply' for this mail client changed, "
        "where they still hold what it wrote; a value changed since is left as it is and "
        "named (exit status 4). The mail client must be closed."))
    u.add_argument("client", choices=CLIENT_NAMES, help=QT_TRANSLATE_NOOP("CliHelp", "the mail client whose settings are put back: thunderbird, becky or outlook"))
    u.add_argument("--profile", metavar="DIR", help=QT_TRANSLATE_NOOP("CliHelp", "the profile folder (Becky!: data folder; Outlook: profile name)"))
    add_lang_option(u)
    u.set_defaults(func=run_undo)


def _client_error(e: ClientError) -> CliError:
    code = EXIT_RUNNING if isinstance(e, ClientRunning) else EXIT_FAILED
    return CliError(i18n.render(e.message), code)


def _check_available(client: MailClient) -> None:
    """A client that cannot be used on this computer (Outlook off Windows) says so in one line."""
    reason = unavailable_reason(client)
    if reason is not None:
        raise CliError(i18n.render(reason), EXIT_FAILED)


def _profile(args: argparse.Namespace, client: MailClient | None = None) -> Path | None:
    if args.profile is None:
        return None
    if not args.profile.strip():
        raise CliError(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "--profile needs a folder name")))
    named = getattr(client, "profile_named", None)
    if named is not None:  # profiles that are not folders (Outlook: registry keys)
        try:
            return named(args.profile)
        except ClientError as e:
            raise _client_error(e) from None
    path = Path(args.profile).expanduser()
    if not path.is_dir():
        raise CliError(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "no such folder: {path}"), path=str(path)))
    return path.absolute()


# -- accounts ------------------------------------------------------------------------------

def run_accounts(args: argparse.Namespace) -> int:
    apply_lang(args)
    if args.profile is not None and not args.client:
        raise CliError(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "--profile needs --client")))
    clients: list[MailClient] = [client_by_name(args.client)] if args.client else all_clients()
    profile = _profile(args, clients[0] if args.client else None)
    accounts: list[Account] = []
    failed = False
    for client in clients:
        try:
            found = client.scan(profile)
        except ClientError as e:
            if args.client:
                raise _client_error(e) from None
            failed = True
            print(f"{client.display_name}: {i18n.render(e.message)}", file=sys.stderr)
            continue
        accounts += found.accounts
        for skipped in found.unreadable:  # left out; the other accounts are still listed
            failed = True
            print(tr(CTX, QT_TRANSLATE_NOOP(
                "CliClients", "{client}: {reason}; the accounts in it are left out."),
                client=client.display_name, reason=i18n.render(skipped.reason)), file=sys.stderr)
    if args.json:
        print(json.dumps([a.to_dict() for a in accounts], ensure_ascii=False, indent=2))
    elif not accounts and args.client:
        print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "No {client} accounts were found."),
                 client=clients[0].display_name))
    elif not accounts and any(c.name == "outlook" and unavailable_reason(c) is None
                              for c in clients):
        print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "No Thunderbird, Becky! or Outlook accounts were found.")))
    elif not accounts:
        print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "No Thunderbird or Becky! accounts were found.")))
    else:
        print_accounts(accounts)
    return EXIT_FAILED if failed else 0


def print_accounts(accounts: list[Account], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    header = [tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Client")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Address")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Name")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Outgoing server")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Port")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Security")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Sign-in")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "User name")),
              tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Server"))]
    rows = [header]
    managed = tr(CTX, QT_TRANSLATE_NOOP("CliClients", "managed by your organisation"))
    for a in accounts:
        if a.managed:  # Exchange / Microsoft 365: listed, never changed
            rows.append([a.client_name, a.email or "-", a.display_name or "-", managed,
                         "-", "-", "-", "-", a.key])
            continue
        rows.append([a.client_name, a.email or "-", a.display_name or "-", a.smtp.host or "-",
                     str(a.smtp.port), i18n.render(security_word(a.client, a.smtp.security)),
                     i18n.render(auth_word(a.client, a.smtp.auth)), a.smtp.username or "-",
                     a.key])
    for line in table(rows):
        print(line, file=out)
    profiles = list(dict.fromkeys((a.client_name, a.profile) for a in accounts))
    print(file=out)
    for name, profile in profiles:
        print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "{client} settings in: {path}"), client=name,
                 path=str(profile)), file=out)


# -- apply ---------------------------------------------------------------------------------

def _wanted(args: argparse.Namespace) -> SmtpSettings:
    from op25b_wizard.core.targets import TargetError, normalise_host, parse_target

    if not 1 <= args.port <= 65535:
        raise CliError(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "port out of range (1-65535): {port}"),
                          port=args.port))
    if args.port == 25 and not args.allow_port_25:
        raise CliError(tr(CTX, QT_TRANSLATE_NOOP(
            "CliClients", "port 25 is blocked on many hotel and mobile networks: use 465 or 587 "
            "(add --allow-port-25 if you really mean it)")))
    try:
        args.email = unicodedata.normalize("NFKC", args.email).strip()  # as an IME types it
        if args.user is not None and any(c in "\r\n\0" for c in args.user):
            raise CliError(tr(CTX, QT_TRANSLATE_NOOP(
                "CliClients", "the user name cannot contain a line break")))
        if "@" not in args.email:
            raise TargetError(Msg("Target", QT_TRANSLATE_NOOP(
                "Target", "{text} is not a valid e-mail address"), {"text": repr(args.email)}))
        parse_target(args.email)
        host = normalise_host(args.host)  # as `password set` and the exports spell it
    except TargetError as e:
        raise CliError(i18n.render(e.message)) from None
    if args.security == "none" and not args.allow_plaintext:
        raise CliError(tr(CTX, QT_TRANSLATE_NOOP(
            "CliClients", "--security none sends your password unencrypted; add --allow-plaintext if "
                 "you really mean it")))
    if not args.user.strip():
        raise CliError(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "the user name is empty")))
    return SmtpSettings(host, args.port, args.security, args.auth, args.user)


def _print_change(change: Change, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    a = change.account
    print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "{client}: {email} (outgoing server {key})"),
             client=a.client_name, email=a.email or "-", key=a.key), file=out)
    print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Profile: {path}"), path=str(a.profile)), file=out)
    for line in change.describe():
        print("  " + i18n.render(line), file=out)


def run_apply(args: argparse.Namespace) -> int:
    apply_lang(args)
    client = client_by_name(args.client)
    _check_available(client)
    after = _wanted(args)
    profile = _profile(args, client)
    try:
        change = client.plan(args.email, after, profile, key=args.key)
        _print_change(change)
        if change.is_empty:
            return 0
        if args.dry_run:
            print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Dry run: nothing was changed.")))
            return 0
        result = client.apply(change)
    except AmbiguousAccount as e:
        raise CliError(_ambiguous_text(client, args.email, e), EXIT_FAILED) from None
    except ClientError as e:
        raise _client_error(e) from None
    print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Done. The files as they were are saved in: {path}"),
             path=str(result.backup_dir)))
    command = command_line(["op25b-wizard", "undo", client.name, "--profile",
                            str(change.account.profile)])
    if command is not None:
        print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "To undo: {command}"), command=command))
    else:
        print(tr(CTX, QT_TRANSLATE_NOOP(
            "CliClients", "To undo: run op25b-wizard undo {client} with --profile and the "
            "profile folder shown above (its name has characters that a command line would "
            "misread, so it is not written out here)."), client=client.name))
    return 0


def _ambiguous_text(client: MailClient, email: str, error: AmbiguousAccount) -> str:
    if not error.candidates:
        return i18n.render(error.message)
    choices = ", ".join(
        tr(CTX, QT_TRANSLATE_NOOP("CliClients", "{key} (server {host}, port {port})"),
           key=a.key, host=a.smtp.host or "-", port=a.smtp.port) for a in error.candidates)
    return tr(CTX, QT_TRANSLATE_NOOP(
        "CliClients", "several {client} outgoing servers send as {email}; choose one with --key "
        "(e.g. --key {first}): {choices}"),
        client=client.display_name, email=email, first=error.candidates[0].key, choices=choices)


# -- undo ----------------------------------------------------------------------------------

def run_undo(args: argparse.Namespace) -> int:
    apply_lang(args)
    client = client_by_name(args.client)
    _check_available(client)
    profile = _profile(args, client)
    try:
        result = client.undo(profile)
    except ClientError as e:
        raise _client_error(e) from None
    if result.change is not None and result.files:
        _print_change(result.change)
    if result.files:
        print(tr(CTX, QT_TRANSLATE_NOOP("CliClients", "Restored: {files}"),
                 files=", ".join(str(f) for f in result.files)))
    elif not result.kept:
        print(tr(CTX, QT_TRANSLATE_NOOP(
            "CliClients", "The settings the last change made were already back as before.")))
    for kept in result.kept:
        print(i18n.render(describe_kept(client.name, kept)))
    return EXIT_KEPT if result.kept else 0
