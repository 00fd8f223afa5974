"""Before → after lines in each client's own words (the labels its settings dialog shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

from .base import SmtpSettings, nested
from .planning import nothing_to_change_msg

if TYPE_CHECKING:
    from .base import Change
    from .reverting import KeptSetting, SettingValue

TB = "Thunderbird"
BK = "Becky"
OL = "Outlook"
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
# Outlook (classic): the words of its account dialog (More Settings: Outgoing Server, Advanced).
_OL_SECURITY = {
    "none": msg(OL, QT_TRANSLATE_NOOP("Outlook", "None")),
    "starttls": msg(OL, QT_TRANSLATE_NOOP("Outlook", "STARTTLS")),
    "tls": msg(OL, QT_TRANSLATE_NOOP("Outlook", "SSL/TLS")),
}
_OL_AUTH = {
    "none": msg(OL, QT_TRANSLATE_NOOP("Outlook", "not ticked")),
    "normal": msg(OL, QT_TRANSLATE_NOOP("Outlook", "ticked")),
    "encrypted": msg(OL, QT_TRANSLATE_NOOP("Outlook", "ticked (Secure Password Authentication)")),
    "oauth2": msg(OL, QT_TRANSLATE_NOOP("Outlook", "ticked (OAuth2)")),
    "other": msg(OL, QT_TRANSLATE_NOOP("Outlook", "ticked (other method)")),
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


def _outlook(before: SmtpSettings, after: SmtpSettings) -> list[Msg]:
    lines: list[Msg] = []
    if before.host.lower() != after.host.lower():
        lines.append(nested(OL, QT_TRANSLATE_NOOP(
            "Outlook", "Outgoing mail server (SMTP): {before} → {after}"),
            before=_name(before.host), after=after.host))
    if before.port != after.port:
        lines.append(nested(OL, QT_TRANSLATE_NOOP(
            "Outlook", "Outgoing server (SMTP) port: {before} → {after}"),
            before=before.port, after=after.port))
    if before.security != after.security:
        lines.append(nested(OL, QT_TRANSLATE_NOOP(
            "Outlook", "Use the following type of encrypted connection: {before} → {after}"),
            before=_OL_SECURITY[before.security], after=_OL_SECURITY[after.security]))
    if before.auth != after.auth:
        lines.append(nested(OL, QT_TRANSLATE_NOOP(
            "Outlook", "My outgoing server (SMTP) requires authentication: {before} → {after}"),
            before=_OL_AUTH[before.auth], after=_OL_AUTH[after.auth]))
    if (before.username or None) != (after.username or None):
        lines.append(nested(OL, QT_TRANSLATE_NOOP("Outlook", "User Name: {before} → {after}"),
                            before=_name(before.username), after=_name(after.username)))
    return lines


_DESCRIBE = {"becky": _becky, "outlook": _outlook}
_SECURITY_WORDS = {"becky": _BK_SECURITY, "outlook": _OL_SECURITY}
_AUTH_WORDS = {"becky": _BK_AUTH, "outlook": _OL_AUTH}


def describe_change(change: Change) -> list[Msg]:
    describe = _DESCRIBE.get(change.account.client, _thunderbird)
    lines = describe(change.before, change.after)
    if not lines:
        return [nothing_to_change_msg()]
    others = [a for a in change.account.identities
              if a.lower() != change.account.email.lower()]
    if others:
        lines.append(msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "This outgoing server also sends for: {addresses}"),
            addresses=", ".join(others)))
    return lines


def security_word(client: str, security: str) -> Msg:
    return _SECURITY_WORDS.get(client, _TB_SECURITY)[security]


def auth_word(client: str, auth: str) -> Msg:
    return _AUTH_WORDS.get(client, _TB_AUTH)[auth]


# -- values undo left as they are -------------------------------------------------------------

_TB_LABELS = {
    "hostname": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "Server Name")),
    "port": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "Port")),
    "try_ssl": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "Connection security")),
    "authMethod": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "Authentication method")),
    "username": msg(TB, QT_TRANSLATE_NOOP("Thunderbird", "User Name")),
}
_BK_LABELS = {
    "smtpserver": msg(BK, QT_TRANSLATE_NOOP("Becky", "SMTP server")),
    "smtpport": msg(BK, QT_TRANSLATE_NOOP("Becky", "SMTP port")),
    "sslsmtp": msg(BK, QT_TRANSLATE_NOOP("Becky", "SSL/TLS (SMTP)")),
    "smtpauth": msg(BK, QT_TRANSLATE_NOOP("Becky", "SMTP authentication")),
    "smtpauthmode": msg(BK, QT_TRANSLATE_NOOP("Becky", "SMTP authentication method")),
}


def _tb_value(field: str, value: SettingValue) -> str | Msg:
    from .thunderbird import DEFAULT_AUTH_METHOD, DEFAULT_TRY_SSL, auth_of, security_of

    if value is None:  # not set: Thunderbird's default
        value = {"try_ssl": DEFAULT_TRY_SSL, "authMethod": DEFAULT_AUTH_METHOD}.get(field)
        if value is None:
            return _NONE
    if isinstance(value, int) and not isinstance(value, bool):
        if field == "try_ssl":
            return _TB_SECURITY[security_of(value)]
        if field == "authMethod":
            return _TB_AUTH[auth_of(value)]
    return str(value)


def _bk_value(key: str, value: SettingValue) -> str | Msg:
    from .becky import auth_of

    if value is None:
        return _NONE
    if key in ("sslsmtp", "smtpauth"):  # 1: on; anything else: off
        return _BK_SECURITY["tls" if str(value).strip() == "1" else "none"]
    if key == "smtpauthmode":
        return _BK_AUTH[auth_of("1", str(value))]
    return str(value)


_OL_LABELS = {
    "SMTP Server": msg(OL, QT_TRANSLATE_NOOP("Outlook", "Outgoing mail server (SMTP)")),
    "SMTP Port": msg(OL, QT_TRANSLATE_NOOP("Outlook", "Outgoing server (SMTP) port")),
    "SMTP Secure Connection": msg(OL, QT_TRANSLATE_NOOP(
        "Outlook", "Use the following type of encrypted connection")),
    "SMTP Use Auth": msg(OL, QT_TRANSLATE_NOOP(
        "Outlook", "My outgoing server (SMTP) requires authentication")),
    "SMTP User": msg(OL, QT_TRANSLATE_NOOP("Outlook", "User Name")),
}


def _ol_value(name: str, kind: str, value: SettingValue) -> str | Msg:
    """A registry value as Outlook's dialog shows it (strings decoded, switches in words)."""
    from .outlook import SECURITY_OF, setting_text

    if value is None:
        return _NONE
    if name == "SMTP Secure Connection" and isinstance(value, int) and value in SECURITY_OF:
        return _OL_SECURITY[SECURITY_OF[value]]
    if name == "SMTP Use Auth" and isinstance(value, int):
        return _OL_AUTH["normal" if value else "none"]
    return setting_text(kind, value)


def describe_kept(client: str, kept: KeptSetting) -> Msg:
    """One line for a value undo left as it is: its name, its value now, what the apply had
    set and what it was before, in the client's own words."""
    c = kept.change
    label: str | Msg
    if client == "becky":
        key = c.name.lower()
        label = _BK_LABELS.get(key, c.name)
        values = [_bk_value(key, v) for v in (kept.now, c.after, c.before)]
    elif client == "thunderbird" and c.name.startswith("mail.smtpserver."):
        field = c.name.rsplit(".", 1)[-1]
        label = _TB_LABELS.get(field, c.name)
        values = [_tb_value(field, v) for v in (kept.now, c.after, c.before)]
        if c.where != "prefs.js":
            label = nested(CTX, QT_TRANSLATE_NOOP("MailClients", "{setting} in {file}"),
                           setting=label, file=c.where)
    elif client == "outlook":
        label = _OL_LABELS.get(c.name, c.name)
        values = [_ol_value(c.name, c.type, v) for v in (kept.now, c.after, c.before)]
    else:
        label = c.name
        values = [_NONE if v is None else str(v) for v in (kept.now, c.after, c.before)]
    now, after, before = values
    return nested(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Left as it is, because it was changed after the apply: {setting} is "
        "{now} (the apply had set {after}; before that it was {before})."),
        setting=label, now=now, after=after, before=before)
