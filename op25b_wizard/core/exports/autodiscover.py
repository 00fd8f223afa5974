"""Microsoft Autodiscover (POX) response XML for Outlook, as served at
``https://autodiscover.<domain>/autodiscover/autodiscover.xml``.

Outlook takes SSL and SPA as *on* when they are absent, so both are always written, with
Encryption (which overrides SSL) and AuthRequired."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportError, ExportSettings
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg

RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
ENCRYPTION = {"tls": "SSL", "starttls": "TLS", "none": "None"}
PROTOCOL_TYPES = {"imap": "IMAP", "pop3": "POP3"}


def _protocol(account: ET.Element, fields: list[tuple[str, str]]) -> None:
    protocol = ET.SubElement(account, "Protocol")
    for name, value in fields:
        ET.SubElement(protocol, name).text = value


def render(settings: ExportSettings, options: ExportOptions) -> str:
    out, inc = settings.outgoing, settings.incoming
    if out.auth == "oauth2":
        raise ExportError(msg("Export", QT_TRANSLATE_NOOP(
            "Export", "{format} cannot describe OAuth2 sign-in. Set the account up in the mail "
            "app's own sign-in dialog, or use --auth normal with an app password."),
            format="autodiscover"))
    spa = "off"  # SPA is NTLM; "encrypted password" (CRAM-MD5) Outlook negotiates itself
    root = ET.Element("Autodiscover", xmlns=RESPONSE_NS)
    response = ET.SubElement(root, "Response", xmlns=OUTLOOK_NS)
    if settings.display_name:
        user = ET.SubElement(response, "User")
        ET.SubElement(user, "DisplayName").text = settings.display_name
    account = ET.SubElement(response, "Account")
    ET.SubElement(account, "AccountType").text = "email"
    ET.SubElement(account, "Action").text = "settings"
    _protocol(account, [
        ("Type", PROTOCOL_TYPES[inc.type]),
        ("Server", inc.host),
        ("Port", str(inc.port)),
        ("DomainRequired", "off"),
        ("LoginName", inc.username),
        ("SPA", spa),
        ("SSL", "off" if inc.security == "none" else "on"),
        ("Encryption", ENCRYPTION[inc.security]),
        ("AuthRequired", "on"),
    ])
    _protocol(account, [
        ("Type", "SMTP"),
        ("Server", out.host),
        ("Port", str(out.port)),
        ("DomainRequired", "off"),
        ("LoginName", out.username),
        ("SPA", spa),
        ("SSL", "off" if out.security == "none" else "on"),
        ("Encryption", ENCRYPTION[out.security]),
        ("AuthRequired", "on"),
        ("UsePOPAuth", "off"),
        ("SMTPLast", "off"),
    ])
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
