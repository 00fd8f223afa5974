"""An msmtp account (``~/.msmtprc``). There is never a password line: msmtp either finds the
password in the Secret Service keyring (an item in its own shape, see
:func:`op25b_wizard.core.secrets.store_msmtp_secret`) or runs ``passwordeval``, which prints the
password from the OS keyring."""

from __future__ import annotations

import re
import shlex

from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import (
    SECURITY_LABELS,
    ExportError,
    ExportSettings,
    unencrypted_risk,
)
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg

CTX = "Export"
AUTH = {"normal": "on", "encrypted": "cram-md5"}


def account_name(settings: ExportSettings) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "-", settings.domain)


def password_command(settings: ExportSettings, options: ExportOptions) -> str:
    """The shell command msmtp's ``passwordeval`` runs to get the password."""
    argv = [*options.password_command, "password", "get",
            "--host", settings.outgoing.host, "--user", settings.outgoing.username]
    return shlex.join(argv) + " </dev/null"


def _quoted(value: str) -> str:
    # msmtp strips one pair of outer quotes and takes everything between literally.
    return f'"{value}"'


def render(settings: ExportSettings, options: ExportOptions) -> str:
    out = settings.outgoing
    if out.auth not in AUTH:
        raise ExportError(msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "{format} cannot sign in with OAuth2 by itself. Use --auth normal with an "
            "app password."), format="msmtp"))
    if options.msmtp_password == "passwordeval":
        where = msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "The password is not in this file: msmtp gets it from this computer's "
            "password store through op25b-wizard (the passwordeval line)."))
    else:
        where = msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "The password is not in this file: msmtp finds it in the keyring (run "
            "\"op25b-wizard password set --host {host} --user {user} --password-stdin --msmtp\" "
            "once to put it there)."), host=out.host, user=out.username)
    security = SECURITY_LABELS[out.security]
    name = account_name(settings)
    lines = options.comments(
        "#",
        msg(CTX, QT_TRANSLATE_NOOP("Export", "msmtp settings for {email}, written by op25b-wizard "
                                             "on {date}."),
            email=settings.email, date=options.when().date().isoformat()),
        msg(CTX, QT_TRANSLATE_NOOP("Export", "Sends through {host}, port {port} ({security}), "
                                             "signing in as {user}."),
            host=out.host, port=out.port, security=security, user=out.username),
        where,
        msg(CTX, QT_TRANSLATE_NOOP("Export", "Save as ~/.msmtprc (or ~/.config/msmtp/config), "
                                             "readable by you only (chmod 600).")),
        *([unencrypted_risk(out.host, out.port)] if out.security == "none" else []),
    )
    lines += [
        "",
        f"account {name}",
        f"host {out.host}",
        f"port {out.port}",
        *(["tls off"] if out.security == "none" else
          ["tls on", f"tls_starttls {'on' if out.security == 'starttls' else 'off'}"]),
        # without TLS, "auth on" would refuse to send the password: name the method
        f"auth {AUTH[out.auth] if out.security != 'none' or out.auth != 'normal' else 'plain'}",
        f"user {_quoted(out.username)}",
        f"from {_quoted(settings.email)}",
    ]
    if options.msmtp_password == "passwordeval":
        lines.append(f"passwordeval {_quoted(password_command(settings, options))}")
    lines += ["", f"account default : {name}", ""]
    return "\n".join(lines)
