"""Where msmtp finds the password of an exported configuration, made sure of once for the
command line (``op25b-wizard export msmtp``) and the wizard (its msmtp export).

In ``secret-service`` mode msmtp reads its own Secret Service item: the password the user asked
to keep (the wizard's "Remember the password"), else the one in the keyring, is copied into an
item of msmtp's shape. In ``passwordeval`` mode msmtp runs this program, which reads the
keyring. Either way the user is told, in the same words, whether msmtp will find it, and if not
how to store it.
"""

from __future__ import annotations

from op25b_wizard.core.command_line import command_line
from op25b_wizard.core.exports.options import MsmtpPassword
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

CTX = "Cli"


def _will_find(host: str, user: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Cli", "msmtp will find the password for {user} at {host} in the keyring."),
        user=user, host=host)


def _store_it(host: str, user: str, mode: MsmtpPassword) -> Msg:
    store_cmd = command_line([
        "op25b-wizard", "password", "set", "--host", host, "--user", user,
        "--password-stdin", *(["--msmtp"] if mode == "secret-service" else [])]) or (
        "op25b-wizard password set --host HOST --user USER --password-stdin")
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Cli", "no password is stored yet for {user} at {host}; store it once with: "
        "{command}"), user=user, host=host, command=store_cmd)


def prepare_msmtp_password(host: str, user: str, mode: MsmtpPassword, *,
                           password: str | None = None) -> tuple[list[Msg], bool]:
    """Make sure msmtp will find the password for *user* at *host* (*host* as in the
    configuration's ``host`` line); returns the notes for the user, and whether an msmtp item
    was stored. *password* is the one the user asked to keep; None takes the keyring's."""
    from op25b_wizard.core import secrets  # the keyring, loaded when used

    status = secrets.backend_status()
    if not status.secure:
        # nothing can keep the password safely here: msmtp asks for it when it sends
        return [status.reason, msg(CTX, QT_TRANSLATE_NOOP(
            "Cli", "msmtp will ask for the password each time it sends.")) if mode == "secret-service"
            else msg(CTX, QT_TRANSLATE_NOOP(
                "Cli", "use --msmtp-password secret-service instead: msmtp then asks for the "
                "password each time it sends."))], False
    notes: list[Msg] = []
    if password is None:
        try:
            password = secrets.get_password(host, user)
        except secrets.SecretStoreError as e:
            notes.append(e.message)
    if mode == "passwordeval":
        if password is None:
            notes.append(_store_it(host, user, mode))
        return notes, False
    if password is not None:
        try:
            secrets.store_msmtp_secret(host, user, password)
        except secrets.SecretStoreError as e:
            return [*notes, e.message, msg(CTX, QT_TRANSLATE_NOOP(
                "Cli", "use --msmtp-password passwordeval instead"))], False
        return [*notes, _will_find(host, user)], True
    if secrets.has_msmtp_secret(host, user):
        return [*notes, _will_find(host, user)], False
    return [*notes, _store_it(host, user, mode)], False
