"""Thunderbird's autoconfig format (config-v1.1.xml): parsed safely, turned into routes.

Used for company presets, the provider's own autoconfig and the public ISP database. Untrusted
XML goes through defusedxml with document types forbidden, after a size cap, so entity bombs,
external entities and huge documents are refused with a plain message.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET
import idna

from op25b_wizard.core.control_chars import has_control
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg
from op25b_wizard.core.lookup.address import EmailAddress
from op25b_wizard.core.lookup.result import Auth, OutgoingServer
from op25b_wizard.core.model import Security

CTX = "Lookup"
MAX_BYTES = 1_000_000

SOCKET_TYPES: dict[str, Security] = {"ssl": "tls", "tls": "tls", "starttls": "starttls",
                                     "plain": "none"}
_PASSWORD_AUTH: dict[str, Auth] = {
    "password-cleartext": "normal", "plain": "normal",
    "password-encrypted": "encrypted", "secure": "encrypted",
}
_OTHER_AUTH = {"ntlm", "gssapi", "client-ip-address", "tls-client-cert", "smtp-after-pop"}
_PLACEHOLDER = re.compile(r"%[A-Z_]+%")
_PORT = re.compile(r"[0-9]{1,5}")
"""ASCII digits only: ``str.isdigit`` also accepts ``²`` and ``①``, which ``int`` refuses, and
``int`` reads other scripts' digits (``٣``) that no mail program does."""

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"'][^>]*\?>")
_EXPAT_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1",
                    "utf-16", "utf16"}


class AutoconfigError(ValueError):
    """A settings document was refused; ``message`` says why in plain words."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render())
        self.message = message


@dataclass(frozen=True)
class ServerTemplate:
    """One ``<outgoingServer>`` as written, placeholders not yet filled in."""

    hostname: str
    port: int
    socket_type: str
    username: str | None
    auth_methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClientConfig:
    provider_id: str
    display_name: str
    domains: tuple[str, ...]
    outgoing: tuple[ServerTemplate, ...]
    skipped: int = 0
    """Outgoing entries that were unusable (bad port, unknown socket type) and left out."""
    control_user: int = 0
    """Outgoing entries left out because their user name holds a line break or another
    control character (printed, it could fake lines of the output)."""


@dataclass
class Routes:
    """Routes made from a :class:`ClientConfig` for one address, with what the user must know."""

    servers: list[OutgoingServer] = field(default_factory=list)
    notes: list[Msg] = field(default_factory=list)
    oauth2_offered: bool = False


def _text(el: Element, tag: str) -> str | None:
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    return child.text.strip()


def _decode(data: bytes, origin: str) -> bytes | str:
    """Expat reads only a few encodings; decode the rest (Shift_JIS, EUC-JP) here."""
    m = _DECLARATION.match(data)
    if not m or m.group(1).decode("ascii").lower() in _EXPAT_ENCODINGS:
        return data
    try:
        text = data.decode(m.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The settings from {origin} are not in a readable text encoding."),
            origin=origin)) from None
    return text[len(m.group(0)):]  # the declaration is ASCII: same length in characters


def parse_autoconfig(data: bytes, origin: str, max_bytes: int = MAX_BYTES) -> ClientConfig:
    """Parse a config-v1.1 document; raises :class:`AutoconfigError` with a plain message.

    *origin* (a URL or file name) is only used in messages.
    """
    if len(data) > max_bytes:
        raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The settings from {origin} are larger than {limit} KB and were refused."),
            origin=origin, limit=max_bytes // 1000))
    text = _decode(data, origin)
    try:
        root = SafeET.fromstring(text, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The settings from {origin} were refused: they declare a document type or "
            "entities, which mail settings never need and XML attacks use."),
            origin=origin)) from None
    except (ParseError, ValueError) as e:
        position = getattr(e, "position", None)  # the parser's own text is English: not shown
        if position:
            raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
                "Lookup", "The settings from {origin} are not valid XML (line {line}, column "
                "{column})."), origin=origin, line=position[0], column=position[1] + 1)) from None
        raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The settings from {origin} are not valid XML."), origin=origin)) from None
    provider = root.find("emailProvider") if root.tag == "clientConfig" else None
    if provider is None:
        raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The file from {origin} is not a mail settings file (autoconfig)."),
            origin=origin))
    domains = tuple(d.text.strip().lower().rstrip(".") for d in provider.findall("domain")
                    if d.text and d.text.strip())
    servers: list[ServerTemplate] = []
    skipped = control_user = 0
    for el in provider.findall("outgoingServer"):
        if el.get("type", "smtp").lower() != "smtp":
            continue
        template = _server_template(el)
        if template is None:
            skipped += 1
        elif template.username is not None and has_control(template.username):
            control_user += 1
        else:
            servers.append(template)
    if not servers:
        if control_user:
            raise AutoconfigError(_control_user_note(origin))
        raise AutoconfigError(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The settings from {origin} name no usable outgoing (SMTP) server."),
            origin=origin))
    name = _text(provider, "displayName") or provider.get("id") or (domains[0] if domains else "")
    return ClientConfig(provider.get("id", ""), name, domains, tuple(servers), skipped,
                        control_user)


def _control_user_note(origin: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "Lookup", "The settings from {origin} give a user name with a line break or another "
        "control character; that server entry was refused."), origin=origin)


def _server_template(el: Element) -> ServerTemplate | None:
    host = _text(el, "hostname")
    port_text = _text(el, "port") or ""
    socket_type = (_text(el, "socketType") or "").lower()
    if not host or not _PORT.fullmatch(port_text) or socket_type not in SOCKET_TYPES:
        return None
    port = int(port_text)
    if not 1 <= port <= 65535:
        return None
    methods = tuple(a.text.strip().lower() for a in el.findall("authentication")
                    if a.text and a.text.strip())
    return ServerTemplate(host, port, socket_type, _text(el, "username"), methods)


def ascii_host(name: str) -> str | None:
    """*name* as an ASCII host name or IP address, or None when it is not one."""
    name = name.strip().rstrip(".").lower()
    if not name or len(name) > 253:
        return None
    try:
        return str(ipaddress.ip_address(name.strip("[]")))
    except ValueError:
        pass
    try:
        name = idna.encode(name, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None
    return name if all(_LABEL.match(label) for label in name.split(".")) else None


def choose_auth(methods: tuple[str, ...]) -> tuple[Auth, bool]:
    """The auth the wizard uses from an ``<authentication>`` list, and whether OAuth2 is offered.

    A password method wins over OAuth2 (the wizard signs in with a password); the first password
    method listed is the provider's preference.
    """
    oauth2 = "oauth2" in methods
    for m in methods:
        if m in _PASSWORD_AUTH:
            return _PASSWORD_AUTH[m], oauth2
    if oauth2:
        return "oauth2", True
    if "none" in methods:
        return "none", False
    if any(m in _OTHER_AUTH for m in methods):
        return "other", False
    return "normal", False


def _fill(template: str, email: EmailAddress, domain: str) -> str:
    return (template.replace("%EMAILADDRESS%", f"{email.local}@{email.domain_unicode}")
            .replace("%EMAILLOCALPART%", email.local)
            .replace("%EMAILDOMAIN%", domain))


def routes_for(config: ClientConfig, email: EmailAddress, origin: str) -> Routes:
    """Fill in the placeholders for *email*; unusable entries are left out with a note."""
    out = Routes()
    skipped = config.skipped
    default_user = False
    for t in config.outgoing:
        host = ascii_host(_fill(t.hostname, email, email.domain_ascii))
        if host is None:
            skipped += 1
            continue
        auth, oauth2 = choose_auth(t.auth_methods)
        out.oauth2_offered |= oauth2 and auth != "oauth2"
        username = ""
        if auth != "none":
            username = _fill(t.username or "", email, email.domain_unicode)
            if not username or _PLACEHOLDER.search(username):
                username = email.address
                default_user = True
        out.servers.append(OutgoingServer(host, t.port, SOCKET_TYPES[t.socket_type], auth,
                                          username))
    if skipped:
        out.notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "{count} outgoing server entries in {origin} were unusable and left out."),
            count=skipped, origin=origin))
    if config.control_user:
        out.notes.append(_control_user_note(origin))
    if default_user:
        out.notes.append(msg(CTX, QT_TRANSLATE_NOOP(
            "Lookup", "The settings do not say which user name to use; the full address is "
            "filled in (some providers want only the part before the @).")))
    return out


def covers(config: ClientConfig, domain_ascii: str) -> bool:
    """Whether the config lists *domain_ascii* (an empty list covers every domain)."""
    if not config.domains:
        return True
    wanted = {ascii_host(d) for d in config.domains}
    return domain_ascii in wanted
