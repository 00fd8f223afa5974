"""What is exported: one account's outgoing (and assumed incoming) server, validated.

Every value is checked here once, so the exporters can write it into XML, a plist, a
configuration file or a script without escaping surprises: no control characters, no line
breaks, host names and ports that mean something. A password is never part of these settings.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from op25b_wizard.core.control_chars import has_control
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

CTX = "Export"

Security = Literal["tls", "starttls"]
AnySecurity = Literal["tls", "starttls", "none"]
Auth = Literal["normal", "encrypted", "oauth2"]
BeforeAuth = Literal["none", "normal", "encrypted", "oauth2"]
IncomingType = Literal["imap", "pop3"]

SECURITIES: tuple[str, ...] = ("tls", "starttls")
ANY_SECURITIES: tuple[str, ...] = ("tls", "starttls", "none")
AUTHS: tuple[str, ...] = ("normal", "encrypted", "oauth2")
BEFORE_AUTHS: tuple[str, ...] = ("none", "normal", "encrypted", "oauth2")
INCOMING_TYPES: tuple[str, ...] = ("imap", "pop3")

INCOMING_DEFAULT_PORTS: dict[tuple[str, str], int] = {
    ("imap", "tls"): 993, ("imap", "starttls"): 143, ("imap", "none"): 143,
    ("pop3", "tls"): 995, ("pop3", "starttls"): 110, ("pop3", "none"): 110,
}
"""Incoming ports assumed when only the type and security are known."""

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_SUPPORT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")


class ExportError(ValueError):
    """Input that cannot be exported; :attr:`message` says why in plain words."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render())
        self.message = message


@dataclass(frozen=True)
class Outgoing:
    host: str
    port: int
    security: AnySecurity
    """``none`` only when the user accepted an unencrypted route (see :func:`make_settings`)."""
    username: str
    auth: Auth = "normal"


@dataclass(frozen=True)
class Incoming:
    type: IncomingType
    host: str
    port: int
    security: AnySecurity
    username: str
    assumed: tuple[str, ...] = ()
    """The fields that were not given and were filled in with defaults."""


@dataclass(frozen=True)
class Before:
    """The outgoing settings before the change (any may be unknown), for the settings sheet."""

    host: str | None = None
    port: int | None = None
    security: AnySecurity | None = None
    auth: BeforeAuth | None = None


@dataclass(frozen=True)
class ExportSettings:
    email: str
    outgoing: Outgoing
    incoming: Incoming
    display_name: str | None = None
    before: Before | None = None
    support_code: str | None = None
    diagnosis: dict[str, Any] | None = field(default=None, compare=False)
    """A saved ``diagnose --json`` result, for the JSON export and the sheet's findings."""

    @property
    def local_part(self) -> str:
        return self.email.rpartition("@")[0]

    @property
    def domain(self) -> str:
        """The e-mail domain in ASCII (IDNA) form."""
        return validate_host(self.email.rpartition("@")[2])

    def with_support_code(self, code: str | None) -> ExportSettings:
        return replace(self, support_code=validate_support_code(code) if code else None)


def _err(source: str, **args: Any) -> ExportError:
    return ExportError(msg(CTX, source, **args))


def _clean(text: str, what: Msg, limit: int) -> str:
    text = text.strip()
    if not text:
        raise _err(QT_TRANSLATE_NOOP("Export", "The {what} is empty."), what=what)
    if has_control(text):
        raise _err(QT_TRANSLATE_NOOP("Export", "The {what} contains a line break or another invisible "
                                          "character."), what=what)
    if len(text) > limit:
        raise _err(QT_TRANSLATE_NOOP("Export", "The {what} is longer than {limit} characters."),
                   what=what, limit=limit)
    return text


_HOST = msg(CTX, QT_TRANSLATE_NOOP("Export", "server name"))
_USER = msg(CTX, QT_TRANSLATE_NOOP("Export", "user name"))
_NAME = msg(CTX, QT_TRANSLATE_NOOP("Export", "display name"))
_EMAIL = msg(CTX, QT_TRANSLATE_NOOP("Export", "e-mail address"))


def validate_host(text: str) -> str:
    """A host name (lower case, IDNA for non-ASCII) or an IP address; ExportError otherwise."""
    raw = _clean(text, _HOST, 253)
    bad = _err(QT_TRANSLATE_NOOP("Export", "\"{value}\" is not a valid server name."), value=raw)
    try:
        return str(ipaddress.ip_address(raw.strip("[]")))
    except ValueError:
        pass
    name = raw.rstrip(".").lower()
    try:
        ascii_name = name.encode("idna").decode("ascii")
    except UnicodeError as e:
        raise bad from e
    labels = ascii_name.split(".")
    if len(ascii_name) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise bad
    if labels[-1].isdigit():  # "1.2.3" is neither an address nor a name
        raise bad
    return ascii_name


def validate_port(value: int | str) -> int:
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise _err(QT_TRANSLATE_NOOP("Export", "\"{value}\" is not a port number (1 to 65535)."),
                   value=text)
    return int(text)


def validate_email(text: str) -> str:
    address = _clean(text, _EMAIL, 254)
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain or " " in address or "@" in local or len(local) > 64:
        raise _err(QT_TRANSLATE_NOOP("Export", "\"{value}\" is not an e-mail address."), value=address)
    try:
        validate_host(domain)
    except ExportError as e:
        raise _err(QT_TRANSLATE_NOOP("Export", "\"{value}\" is not an e-mail address."),
                   value=address) from e
    if "." not in domain:
        raise _err(QT_TRANSLATE_NOOP("Export", "\"{value}\" is not an e-mail address."), value=address)
    return address


def validate_username(text: str) -> str:
    return _clean(text, _USER, 256)


def validate_display_name(text: str | None) -> str | None:
    return _clean(text, _NAME, 128) if text and text.strip() else None


def validate_support_code(text: str) -> str:
    """A support code as it is shown (``XXXX-XXXX-XXXX``, or an earlier version's
    ``XXXXX-XXXXX``); a mistyped one (its check fails) is refused."""
    from op25b_wizard.core import support_code

    code = text.strip()
    if not _SUPPORT_CODE.fullmatch(code):
        raise _err(QT_TRANSLATE_NOOP("Export", "\"{value}\" is not a support code."), value=code)
    try:
        support_code.decode(code)
        return support_code.group(support_code.normalise(code))
    except support_code.SupportCodeError:
        raise _err(QT_TRANSLATE_NOOP("Export", "\"{value}\" is not a support code."),
                   value=code) from None


def _choice(value: str, choices: tuple[str, ...], what: Msg) -> str:
    if value not in choices:
        raise _err(QT_TRANSLATE_NOOP("Export", "The {what} must be one of: {choices}."),
                   what=what, choices=", ".join(choices))
    return value


SECURITY_LABELS: dict[str, Msg] = {
    "tls": msg(CTX, QT_TRANSLATE_NOOP("Export", "SSL/TLS")),
    "starttls": msg(CTX, QT_TRANSLATE_NOOP("Export", "STARTTLS")),
    "none": msg(CTX, QT_TRANSLATE_NOOP("Export", "none (unencrypted)")),
}
_SECURITY = msg(CTX, QT_TRANSLATE_NOOP("Export", "connection security"))
_AUTH = msg(CTX, QT_TRANSLATE_NOOP("Export", "authentication method"))
_INCOMING_TYPE = msg(CTX, QT_TRANSLATE_NOOP("Export", "incoming server type"))


def make_settings(
    *,
    email: str,
    host: str,
    port: int | str,
    security: str,
    username: str,
    auth: str = "normal",
    display_name: str | None = None,
    incoming_host: str | None = None,
    incoming_port: int | str | None = None,
    incoming_type: str | None = None,
    incoming_security: str | None = None,
    before: Before | None = None,
    support_code: str | None = None,
    diagnosis: dict[str, Any] | None = None,
    allow_unencrypted: bool = False,
) -> ExportSettings:
    """Validate everything and fill in the incoming server's defaults (IMAP on the outgoing
    host, port 993, SSL/TLS, the same user name); :attr:`Incoming.assumed` lists what was
    filled in. An unencrypted outgoing route (security ``none``) only with
    *allow_unencrypted*: the user accepted that risk. Raises :class:`ExportError`."""
    out_host = validate_host(host)
    user = validate_username(username)
    if security == "none" and not allow_unencrypted:
        raise _err(QT_TRANSLATE_NOOP(
            "Export", "This route is not encrypted: the settings are written only after you "
            "accept that the password and your mail travel unencrypted."))
    outgoing = Outgoing(
        host=out_host,
        port=validate_port(port),
        security=_choice(security, ANY_SECURITIES if allow_unencrypted else SECURITIES,  # type: ignore[arg-type]
                         _SECURITY),
        username=user,
        auth=_choice(auth, AUTHS, _AUTH),  # type: ignore[arg-type]
    )
    assumed: list[str] = []
    if incoming_type is None:
        assumed.append("type")
    in_type = _choice(incoming_type or "imap", INCOMING_TYPES, _INCOMING_TYPE)
    if incoming_host is None:
        assumed.append("host")
    if incoming_security is None:
        assumed.append("security")
    in_security = _choice(incoming_security or "tls", ANY_SECURITIES, _SECURITY)
    if incoming_port is None:
        assumed.append("port")
    incoming = Incoming(
        type=in_type,  # type: ignore[arg-type]
        host=validate_host(incoming_host) if incoming_host is not None else out_host,
        port=(validate_port(incoming_port) if incoming_port is not None
              else INCOMING_DEFAULT_PORTS[(in_type, in_security)]),
        security=in_security,  # type: ignore[arg-type]
        username=user,
        assumed=tuple(assumed),
    )
    return ExportSettings(
        email=validate_email(email),
        outgoing=outgoing,
        incoming=incoming,
        display_name=validate_display_name(display_name),
        before=before,
        support_code=validate_support_code(support_code) if support_code else None,
        diagnosis=diagnosis,
    )


def make_before(host: str | None = None, port: int | str | None = None,
                security: str | None = None, auth: str | None = None) -> Before | None:
    """The "before" values for the sheet, validated; None when none is known."""
    if host is None and port is None and security is None and auth is None:
        return None
    return Before(
        host=validate_host(host) if host is not None else None,
        port=validate_port(port) if port is not None else None,
        security=_choice(security, ANY_SECURITIES, _SECURITY) if security is not None else None,  # type: ignore[arg-type]
        auth=_choice(auth, BEFORE_AUTHS, _AUTH) if auth is not None else None,  # type: ignore[arg-type]
    )


def unencrypted_risk(host: str, port: int) -> Msg:
    """The risk of an unencrypted route, stated wherever its settings are written."""
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Export", "Warning: {host}, port {port} is not encrypted. Your password and your mail "
        "can be read by anyone on the same network (a hotel, a café). Use it only because "
        "nothing encrypted works, and ask your provider or helpdesk for an encrypted "
        "route."), host=host, port=port)


def incoming_note(settings: ExportSettings) -> Msg | None:
    """Plain words on the incoming values that were assumed, or None when all were given."""
    inc = settings.incoming
    if not inc.assumed:
        return None
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Export", "The incoming server was not given, so this file assumes {type} at {host}, port "
        "{port}, security {security}. Check these against your provider's instructions "
        "(--incoming-type, --incoming-host, --incoming-port, --incoming-security)."),
        type=inc.type.upper(), host=inc.host, port=inc.port, security=SECURITY_LABELS[inc.security])


def recommended_from_diagnosis(diagnosis: dict[str, Any]) -> dict[str, Any]:
    """The ``recommended`` route of a saved diagnosis as make_settings keywords (only the
    known ones); an empty dict when the diagnosis found no route."""
    rec = diagnosis.get("recommended")
    if not isinstance(rec, dict):
        return {}
    out: dict[str, Any] = {}
    for key in ("host", "port", "security", "username"):
        if rec.get(key) not in (None, ""):
            out[key] = rec[key]
    if rec.get("auth") in AUTHS:
        out["auth"] = rec["auth"]
    return out


def check_diagnosis(data: Any) -> dict[str, Any]:
    """A saved ``diagnose --json`` result, checked for the keys exports read."""
    if not isinstance(data, dict) or not isinstance(data.get("ports", []), list) or (
            "recommended" not in data and "support_code" not in data):
        raise _err(QT_TRANSLATE_NOOP("Export", "The diagnosis file is not a saved "
                                          "\"op25b-wizard diagnose --json\" result."))
    return data
