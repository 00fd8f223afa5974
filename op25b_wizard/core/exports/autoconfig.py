"""Mozilla autoconfig (config-v1.1 XML): read by Thunderbird, Thunderbird for Android (K-9),
Evolution, KMail and FairEmail; an administrator can host it at
``https://autoconfig.<domain>/mail/config-v1.1.xml``."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportSettings

SOCKET_TYPES = {"tls": "SSL", "starttls": "STARTTLS", "none": "plain"}
AUTHENTICATION = {
    "normal": "password-cleartext",
    "encrypted": "password-encrypted",
    "oauth2": "OAuth2",
}


def username_placeholder(settings: ExportSettings, username: str) -> str:
    """``%EMAILADDRESS%`` or ``%EMAILLOCALPART%`` when the user name is one of those, so the
    same file serves every user of the domain; the literal name otherwise."""
    if username == settings.email:
        return "%EMAILADDRESS%"
    if username == settings.local_part:
        return "%EMAILLOCALPART%"
    return username


def _server(parent: ET.Element, tag: str, kind: str, fields: dict[str, str]) -> None:
    server = ET.SubElement(parent, tag, type=kind)
    for name, value in fields.items():
        ET.SubElement(server, name).text = value


def render(settings: ExportSettings, options: ExportOptions) -> str:
    out, inc = settings.outgoing, settings.incoming
    root = ET.Element("clientConfig", version="1.1")
    provider = ET.SubElement(root, "emailProvider", id=settings.domain)
    ET.SubElement(provider, "domain").text = settings.domain
    ET.SubElement(provider, "displayName").text = settings.domain
    ET.SubElement(provider, "displayShortName").text = settings.domain.split(".")[0]
    _server(provider, "incomingServer", inc.type, {
        "hostname": inc.host,
        "port": str(inc.port),
        "socketType": SOCKET_TYPES[inc.security],
        "username": username_placeholder(settings, inc.username),
        "authentication": AUTHENTICATION[out.auth],
    })
    _server(provider, "outgoingServer", "smtp", {
        "hostname": out.host,
        "port": str(out.port),
        "socketType": SOCKET_TYPES[out.security],
        "username": username_placeholder(settings, out.username),
        "authentication": AUTHENTICATION[out.auth],
    })
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode") + "\n")
