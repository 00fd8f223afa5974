"""Before → after lines in each client's own words (the labels its settings dialog shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

from .base import SmtpSettings, nested

if TYPE_CHECKING:
    from .base import Change

TB = "Thunderbird"
BK = "Becky"
CTX = "MailClients"

_TB_SECURITY = {
    "none": msg(TB, QT_TRANSLATE_NOOP(TB, "None")),
    "starttls": msg(TB, QT_TRANSLATE_NOOP(TB, "STARTTLS")),
    "tls": msg(TB, QT_TRANSLATE_NOOP(TB, "SSL/TLS")),
}
_TB_AUTH = {
    "none": msg(TB, QT_TRANSLATE_NOOP(TB, "No authentication")),
    "normal": msg(TB, QT_TRANSLATE_NOOP(TB, "Normal password")),
    "encrypted": msg(TB, QT_TRANSLATE_NOOP(TB, "Encrypted password")),
    "oauth2": msg(TB, QT_TRANSLATE_NOOP(TB, "OAuth2")),
    "other": msg(TB, QT_TRANSLATE_NOOP(TB, "Other (Kerberos, NTLM or certificate)")),
}
_BK_SECURITY = {
    "none": msg(BK, QT_TRANSLATE_NOOP(BK, "off")),
    "starttls": msg(BK, QT_TRANSLATE_NOOP(BK, "STARTTLS")),
    "tls": msg(BK, QT_TRANSLATE_NOOP(BK, "on")),
}
_BK_AUTH = {
    "none": msg(BK, QT_TRANSLATE_NOOP(BK, "off")),
    "normal": msg(BK, QT_TRANSLATE_NOOP(BK, "on (LOGIN / PLAIN)")),
    "encrypted": msg(BK, QT_TRANSLATE_NOOP(BK, "on (CRAM-MD5)")),
    "oauth2": msg(BK, QT_TRANSLATE_NOOP(BK, "on (OAuth2)")),
    "other": msg(BK, QT_TRANSLATE_NOOP(BK, "on (automatic)")),
}
_NONE = msg(CTX, QT_TRANSLATE_NOOP(CTX, "(none)"))


def _name(value: str | None) -> str | Msg:
    return value if value else _NONE


def _thunderbird(before: SmtpSettings, after: SmtpSettings) -> list[Msg]:
    lines: list[Msg] = []
    if before.host.lower() != after.host.lower():
        lines.append(nested(TB, QT_TRANSLATE_NOOP(TB, "Server Name: {before} → {after}"),
                            before=_name(before.host), after=after.host))
    if before.port != after.port:
        lines.append(nested(TB, QT_TRANSLATE_NOOP(TB, "Port: {before} → {after}"),
                            before=before.port, after=after.port))
    if before.security != after.security:
        lines.append(nested(TB, QT_TRANSLATE_NOOP(TB, "Connection security: {before} → {after}"),
                            before=_TB_SECURITY[before.security],
                            after=_TB_SECURITY[after.security]))
    if before.auth != after.auth:
        lines.append(nested(TB, QT_TRANSLATE_NOOP(
            TB, "Authentication method: {before} → {after}"),
            before=_TB_AUTH[before.auth], after=_TB_AUTH[after.auth]))
    if (before.username or None) != (after.username or None):
        lines.append(nested(TB, QT_TRANSLATE_NOOP(TB, "User Name: {before} → {after}"),
                            before=_name(before.username), after=_name(after.username)))
    return lines


def _becky(before: SmtpSettings, after: SmtpSettings) -> list[Msg]:
    lines: list[Msg] = []
    if before.host.lower() != after.host.lower():
        lines.append(nested(BK, QT_TRANSLATE_NOOP(BK, "SMTP server: {before} → {after}"),
                            before=_name(before.host), after=after.host))
    if before.port != after.port:
        lines.append(nested(BK, QT_TRANSLATE_NOOP(BK, "SMTP port: {before} → {after}"),
                            before=before.port, after=after.port))
    if before.security != after.security:
        lines.append(nested(BK, QT_TRANSLATE_NOOP(BK, "SSL/TLS (SMTP): {before} → {after}"),
                            before=_BK_SECURITY[before.security],
                            after=_BK_SECURITY[after.security]))
    if before.auth != after.auth:
        lines.append(nested(BK, QT_TRANSLATE_NOOP(BK, "SMTP authentication: {before} → {after}"),
                            before=_BK_AUTH[before.auth], after=_BK_AUTH[after.auth]))
    if (before.username or None) != (after.username or None):
        lines.append(nested(BK, QT_TRANSLATE_NOOP(BK, "User ID: {before} → {after}"),
                            before=_name(before.username), after=_name(after.username)))
    return lines


def describe_change(change: Change) -> list[Msg]:
    describe = _becky if change.account.client == "becky" else _thunderbird
    lines = describe(change.before, change.after)
    if not lines:
        return [msg(CTX, QT_TRANSLATE_NOOP(CTX, "Already set up this way: nothing to change."))]
    others = [a for a in change.account.identities
              if a.lower() != change.account.email.lower()]
    if others:
        lines.append(msg(CTX, QT_TRANSLATE_NOOP(
            CTX, "This outgoing server also sends for: {addresses}"),
            addresses=", ".join(others)))
    return lines


def security_word(client: str, security: str) -> Msg:
    return (_BK_SECURITY if client == "becky" else _TB_SECURITY)[security]


def auth_word(client: str, auth: str) -> Msg:
    return (_BK_AUTH if client == "becky" else _TB_AUTH)[auth]
