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
    "none": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "None")),
    "starttls": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "STARTTLS")),
    "tls": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "SSL/TLS")),
}
_TB_AUTH = {
    "none": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "No authentication")),
    "normal": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "Normal password")),
    "encrypted": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "Encrypted password")),
    "oauth2": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "OAuth2")),
    "other": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "Other (Kerberos, NTLM or certificate)")),
}
_BK_SECURITY = {
    "none": msg(BK, QT_TRANSLATE_NOOP("Becky", "off")),
    "starttls": msg(BK, QT_TRANSLATE_NOOP("Becky", "STARTTLS")),
    "tls": msg(BK, QT_TRANSLATE_NOOP("Becky", "on")),
}
_BK_AUTH = {
    "none": msg(BK, QT_TRANSLATE_NOOP("Becky", "off")),
    "normal": msg(BK, QT_TRANSLATE_NOOP("Becky", "on (LOGIN / PLAIN)")),
    "encrypted": msg(BK, QT_TRANSLATE_NOOP("Becky", "on (CRAM-MD5)")),
    "oauth2": msg(BK, QT_TRANSLATE_NOOP("Becky", "on (OAuth2)")),
    "other": msg(BK, QT_TRANSLATE_NOOP("Becky", "on (automatic)")),
}
_NONE = msg(CTX, QT_TRANSLATE_NOOP("MailClients", "(none)"))


def _name(value: str | None) -> str | Msg:
    return value if value else _NONE


def _thunderbird(before: SmtpSettings, after: SmtpSettings) -> list[Msg]:
    lines: list[Msg] = []
    if before.host.lower() != after.host.lower():
        lines.append(nested(TB, QT_TRANSLATE_NOOP("Thunderbird", "Server Name: {before} → {after}"),
                            before=_name(before.host), after=after.host))
    if before.port != after.port:
        lines.append(nested(TB, QT_TRANSLATE_NOOP("Thunderbird", "Port: {before} → {after}"),
                            before=before.port, after=after.port))
    if before.security != after.security:
        lines.append(nested(TB, QT_TRANSLATE_NOOP("Thunderbird", "Connection security: {before} → {after}"),
                            before=_TB_SECURITY[before.security],
                            after=_TB_SECURITY[after.security]))
    if before.auth != after.auth:
        lines.append(nested(TB, QT_TRANSLATE_NOOP(
            "Thunderbird", "Authentication method: {before} → {after}"),
            before=_TB_AUTH[before.auth], after=_TB_AUTH[after.auth]))
    if (before.username or None) != (after.username or None):
        lines.append(nested(TB, QT_TRANSLATE_NOOP("Thunderbird", "User Name: {before} → {after}"),
                            before=_name(before.username), after=_name(after.username)))
    return lines


def _becky(before: SmtpSettings, after: SmtpSettings) -> list[Msg]:
    lines: list[Msg] = []
    if before.host.lower() != after.host.lower():
        lines.append(nested(BK, QT_TRANSLATE_NOOP("Becky", "SMTP server: {before} → {after}"),
                            before=_name(before.host), after=after.host))
    if before.port != after.port:
        lines.append(nested(BK, QT_TRANSLATE_NOOP("Becky", "SMTP port: {before} → {after}"),
                            before=before.port, after=after.port))
    if before.security != after.security:
        lines.append(nested(BK, QT_TRANSLATE_NOOP("Becky", "SSL/TLS (SMTP): {before} → {after}"),
                            before=_BK_SECURITY[before.security],
                            after=_BK_SECURITY[after.security]))
    if before.auth != after.auth:
        lines.append(nested(BK, QT_TRANSLATE_NOOP("Becky", "SMTP authentication: {before} → {after}"),
                            before=_BK_AUTH[before.auth], after=_BK_AUTH[after.auth]))
    if (before.username or None) != (after.username or None):
        lines.append(nested(BK, QT_TRANSLATE_NOOP("Becky", "User ID: {before} → {after}"),
                            before=_name(before.username), after=_name(after.username)))
    return lines


def describe_change(change: Change) -> list[Msg]:
    describe = _becky if change.account.client == "becky" else _thunderbird
    lines = describe(change.before, change.after)
    if not lines:
        return [msg(CTX, QT_TRANSLATE_NOOP("MailClients", "Already set up this way: nothing to change."))]
    others = [a for a in change.account.identities
              if a.lower() != change.account.email.lower()]
    if others:
        lines.append(msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "This outgoing server also sends for: {addresses}"),
            addresses=", ".join(others)))
    return lines


def security_word(client: str, security: str) -> Msg:
    return (_BK_SECURITY if client == "becky" else _TB_SECURITY)[security]


def auth_word(client: str, auth: str) -> Msg:
    return (_BK_AUTH if client == "becky" else _TB_AUTH)[auth]
