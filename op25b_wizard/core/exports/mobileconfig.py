"""Apple configuration profile (.mobileconfig) with one ``com.apple.mail.managed`` payload,
for Mail on iPhone, iPad and Mac. Unsigned and without a password: the device asks for it
when the profile is installed."""

from __future__ import annotations

import plistlib
from typing import Any

from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportError, ExportSettings, unencrypted_risk
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg

CTX = "Export"

AUTHENTICATION = {"normal": "EmailAuthPassword", "encrypted": "EmailAuthCRAMMD5"}
ACCOUNT_TYPES = {"imap": "EmailTypeIMAP", "pop3": "EmailTypePOP"}


def identifier(domain: str) -> str:
    """The profile's PayloadIdentifier: the e-mail domain reversed, then ``op25b-wizard``.
    Stable, so installing a newer profile for the same domain replaces the old one."""
    return ".".join(reversed(domain.split("."))) + ".op25b-wizard"


def profile(settings: ExportSettings, options: ExportOptions) -> dict[str, Any]:
    """The profile as a dictionary (what :func:`render` writes as a plist)."""
    out, inc = settings.outgoing, settings.incoming
    if out.auth not in AUTHENTICATION:
        raise ExportError(msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "{format} cannot describe OAuth2 sign-in. Set the account up in the mail "
            "app's own sign-in dialog, or use --auth normal with an app password."),
            format="mobileconfig"))
    top = identifier(settings.domain)
    account: dict[str, Any] = {
        "PayloadType": "com.apple.mail.managed",
        "PayloadVersion": 1,
        "PayloadIdentifier": top + ".mail",
        "PayloadUUID": options.new_uuid(f"{top}.mail"),
        "PayloadDisplayName": options.tr(msg(CTX, QT_TRANSLATE_NOOP("Export", "Mail account {email}"),
                                             email=settings.email)),
        "EmailAccountDescription": settings.email,
        "EmailAccountType": ACCOUNT_TYPES[inc.type],
        "EmailAddress": settings.email,
        "IncomingMailServerAuthentication": AUTHENTICATION[out.auth],
        "IncomingMailServerHostName": inc.host,
        "IncomingMailServerPortNumber": inc.port,
        "IncomingMailServerUseSSL": inc.security != "none",
        "IncomingMailServerUsername": inc.username,
        "OutgoingMailServerAuthentication": AUTHENTICATION[out.auth],
        "OutgoingMailServerHostName": out.host,
        "OutgoingMailServerPortNumber": out.port,
        "OutgoingMailServerUseSSL": out.security != "none",
        "OutgoingMailServerUsername": out.username,
        "OutgoingPasswordSameAsIncomingPassword": inc.username == out.username,
    }
    if settings.display_name:
        account["EmailAccountName"] = settings.display_name
    return {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": top,
        "PayloadUUID": options.new_uuid(top),
        "PayloadDisplayName": options.tr(msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "Mail settings for {email}"), email=settings.email)),
        "PayloadDescription": options.tr(msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "Sends mail through {host}, port {port}, encrypted and with sign-in. "
            "You will be asked for your mail password."), host=out.host, port=out.port)
            if out.security != "none" else unencrypted_risk(out.host, out.port)),
        "PayloadOrganization": settings.domain,
        "PayloadRemovalDisallowed": False,
        "PayloadContent": [account],
    }


def render(settings: ExportSettings, options: ExportOptions) -> bytes:
    return plistlib.dumps(profile(settings, options), fmt=plistlib.FMT_XML, sort_keys=True)
