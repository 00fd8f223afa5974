"""Setting names and values the way mail programs show them, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from op25b_wizard import i18n
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP

CTX = "Wording"

FIELD_ORDER = ("host", "port", "security", "auth", "username")

FIELDS = {
    "thunderbird": {
        "host": QT_TRANSLATE_NOOP("Wording", "Server Name:"),
        "port": QT_TRANSLATE_NOOP("Wording", "Port:"),
        "security": QT_TRANSLATE_NOOP("Wording", "Connection security:"),
        "auth": QT_TRANSLATE_NOOP("Wording", "Authentication method:"),
        "username": QT_TRANSLATE_NOOP("Wording", "User Name:"),
    },
    "becky": {
        "host": QT_TRANSLATE_NOOP("Wording", "SMTP server:"),
        "port": QT_TRANSLATE_NOOP("Wording", "SMTP port:"),
        "security": QT_TRANSLATE_NOOP("Wording", "SSL/TLS (SMTP):"),
        "auth": QT_TRANSLATE_NOOP("Wording", "SMTP authentication:"),
        "username": QT_TRANSLATE_NOOP("Wording", "User ID:"),
    },
    "outlook": {
        "host": QT_TRANSLATE_NOOP("Wording", "Outgoing mail server (SMTP):"),
        "port": QT_TRANSLATE_NOOP("Wording", "Outgoing server (SMTP) port:"),
        "security": QT_TRANSLATE_NOOP("Wording", "Use the following type of encrypted connection:"),
        "auth": QT_TRANSLATE_NOOP("Wording", "My outgoing server (SMTP) requires authentication:"),
        "username": QT_TRANSLATE_NOOP("Wording", "Log on using, User Name:"),
    },
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CTX, source)


def security_name(security: str | None, client: str = "thunderbird") -> str:
    from op25b_wizard.core.clients.wording import security_word

    return i18n.render(security_word(client, security)) if security else "—"


def auth_name(auth: str | None, client: str = "thunderbird") -> str:
    from op25b_wizard.core.clients.wording import auth_word

    return i18n.render(auth_word(client, auth)) if auth else "—"


def field_name(name: str, client: str = "thunderbird") -> str:
    return tr(FIELDS.get(client, FIELDS["thunderbird"])[name])


def values(client: str, host: str | None, port: int | None, security: str | None,
           auth: str | None, username: str | None) -> dict[str, str]:
    """Each field's value as *client* shows it ("—" when not set)."""
    return {
        "host": host or "—",
        "port": str(port) if port else "—",
        "security": security_name(security, client),
        "auth": auth_name(auth, client),
        "username": username or "—",
    }
