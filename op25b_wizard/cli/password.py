"""``op25b-wizard password set|get|delete|status``: the SMTP password in the OS keyring.

The password is read from standard input only (``--password-stdin``), never from the command
line or the environment, and printed (``get``) only into a pipe, for msmtp's ``passwordeval``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING

from op25b_wizard import i18n
from op25b_wizard.cli.common import (
    EXIT_FAILED,
    CliError,
    add_lang_option,
    apply_lang,
    read_password_stdin,
)
from op25b_wizard.core.exports.settings import ExportError, validate_host, validate_username
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from op25b_wizard.core.secrets import SecretStoreError

tr = i18n.tr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "password", help=QT_TRANSLATE_NOOP("CliHelp", "keep the SMTP password in this computer's keyring"),
        description=QT_TRANSLATE_NOOP("CliHelp", "Store, read or delete the SMTP password in the "
                                      "OS keyring (Windows Credential Manager, Keychain, Secret "
                                      "Service) under the service \"op25b-wizard SMTP\"."))
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    s = actions.add_parser("set", help=QT_TRANSLATE_NOOP("CliHelp", "store the password (read from standard input)"))
    _account_options(s)
    s.add_argument("--password-stdin", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "read the password from standard input (the only way to give it)"))
    s.add_argument("--msmtp", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "also store it where msmtp looks for it (Secret Service, Linux)"))
    add_lang_option(s)
    s.set_defaults(func=run_set)

    g = actions.add_parser("get", help=QT_TRANSLATE_NOOP("CliHelp", "print the password into a pipe (for msmtp's passwordeval)"))
    _account_options(g)
    add_lang_option(g)
    g.set_defaults(func=run_get)

    d = actions.add_parser("delete", help=QT_TRANSLATE_NOOP("CliHelp", "forget the password (and the msmtp copy stored here)"))
    _account_options(d)
    add_lang_option(d)
    d.set_defaults(func=run_delete)

    st = actions.add_parser("status", help=QT_TRANSLATE_NOOP("CliHelp", "say where passwords are kept and whether it is safe"))
    st.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print one JSON object"))
    add_lang_option(st)
    st.set_defaults(func=run_status)


def _account_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "the outgoing mail server"))
    parser.add_argument("--user", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "the user name for signing in"))


def _account(args: argparse.Namespace) -> tuple[str, str]:
    try:
        return validate_host(args.host), validate_username(args.user)
    except ExportError as e:
        raise CliError(i18n.render(e.message)) from None


def _secret_error(e: SecretStoreError) -> CliError:
    return CliError(i18n.render(e.message), EXIT_FAILED)


def run_set(args: argparse.Namespace) -> int:
    from op25b_wizard.core import secrets  # the keyring, loaded when used

    apply_lang(args)
    host, user = _account(args)
    if not args.password_stdin:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "the password is only read from standard input: add --password-stdin")))
    if sys.stdin is not None and sys.stdin.isatty():
        # typed at a terminal: ask without echoing it on the screen
        password = getpass.getpass(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Password for {user} at {host}: "),
                                      user=user, host=host))
        if not password:
            raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "no password was typed")))
    else:
        password = read_password_stdin()
    try:
        secrets.store_password(host, user, password)
        if args.msmtp:
            secrets.store_msmtp_secret(host, user, password)
    except secrets.SecretStoreError as e:
        raise _secret_error(e) from None
    store = secrets.backend_status().platform_store_name
    print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Password for {user} at {host} stored in this "
                                             "computer's {store}."),
             user=user, host=host, store=i18n.render(store)))
    if args.msmtp:
        print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "msmtp will find it there too.")))
    return 0


def run_get(args: argparse.Namespace) -> int:
    from op25b_wizard.core import secrets  # the keyring, loaded when used

    apply_lang(args)
    host, user = _account(args)
    if sys.stdout.isatty():
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "not printing a password on the screen: this command is for msmtp's "
            "passwordeval and other programs that read it through a pipe")))
    try:
        password = secrets.get_password(host, user)
    except secrets.SecretStoreError as e:
        raise _secret_error(e) from None
    if password is None:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "no password is stored for {user} at {host}"), user=user, host=host), EXIT_FAILED)
    # UTF-8 bytes, whatever the pipe's encoding: msmtp sends them to the server as they come
    # (RFC 4616), and an escaped character would be a wrong password
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        sys.stdout.write(password + "\n")
    else:
        out.write((password + "\n").encode("utf-8"))
        out.flush()
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from op25b_wizard.core import secrets  # the keyring, loaded when used

    apply_lang(args)
    host, user = _account(args)
    try:
        deleted = secrets.delete_password(host, user)
    except secrets.SecretStoreError as e:
        raise _secret_error(e) from None
    deleted_msmtp = secrets.delete_msmtp_secret(host, user)
    if deleted or deleted_msmtp:
        print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Password for {user} at {host} deleted."),
                 user=user, host=host))
    else:
        print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "No password was stored for {user} at {host}."),
                 user=user, host=host))
    return 0


def run_status(args: argparse.Namespace) -> int:
    from op25b_wizard.core import secrets  # the keyring, loaded when used

    apply_lang(args)
    status = secrets.backend_status()
    if args.json:
        print(json.dumps({
            "service": secrets.SERVICE_NAME,
            "backend": status.name,
            "secure": status.secure,
            "store": i18n.render(status.platform_store_name),
            "reason": i18n.render(status.reason),
            "msmtp_secret_service": secrets.msmtp_secret_supported(),
        }, ensure_ascii=False, indent=2))
    else:
        print(i18n.render(status.reason))
        print(tr("Cli", QT_TRANSLATE_NOOP("Cli", "Backend: {name}; keyring service: \"{service}\"."),
                 name=status.name, service=secrets.SERVICE_NAME))
    return 0 if status.secure else EXIT_FAILED
