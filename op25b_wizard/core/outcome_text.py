"""Plain words for port outcomes and security modes (shared by the CLI, GUI and support codes)."""

from __future__ import annotations

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg

OUTCOME_TEXT: dict[str, str] = {
    "ok": QT_TRANSLATE_NOOP("Outcome", "Works"),
    "auth_ok": QT_TRANSLATE_NOOP("Outcome", "Works, password accepted"),
    "auth_failed": QT_TRANSLATE_NOOP("Outcome", "Reached, but sign-in failed"),
    "timeout": QT_TRANSLATE_NOOP("Outcome", "No answer (blocked?)"),
    "refused": QT_TRANSLATE_NOOP("Outcome", "Refused"),
    "unreachable": QT_TRANSLATE_NOOP("Outcome", "Unreachable"),
    "dns_error": QT_TRANSLATE_NOOP("Outcome", "Server name not found"),
    "banner_refused": QT_TRANSLATE_NOOP("Outcome", "Server refuses you"),
    "not_smtp": QT_TRANSLATE_NOOP("Outcome", "Not a mail server"),
    "no_starttls": QT_TRANSLATE_NOOP("Outcome", "No encryption"),
    "tls_error": QT_TRANSLATE_NOOP("Outcome", "Encryption failed"),
    "protocol_error": QT_TRANSLATE_NOOP("Outcome", "Broken conversation"),
    "auth_slow": QT_TRANSLATE_NOOP("Outcome", "Reached, sign-in not answered in time"),
    "unfinished": QT_TRANSLATE_NOOP("Outcome", "Not finished by the deadline"),
}

SECURITY_TEXT: dict[str, str] = {
    "tls": QT_TRANSLATE_NOOP("Outcome", "SSL/TLS"),
    "starttls": QT_TRANSLATE_NOOP("Outcome", "STARTTLS"),
    "none": QT_TRANSLATE_NOOP("Outcome", "None"),
}

AUTH_TEXT: dict[str, str] = {
    "normal": QT_TRANSLATE_NOOP("Outcome", "Normal password"),
    "encrypted": QT_TRANSLATE_NOOP("Outcome", "Encrypted password"),
    "oauth2": QT_TRANSLATE_NOOP("Outcome", "OAuth2 (sign-in in the browser)"),
    "none": QT_TRANSLATE_NOOP("Outcome", "No sign-in"),
}


def outcome_msg(outcome: str) -> Msg:
    return Msg("Outcome", OUTCOME_TEXT.get(outcome, outcome))


def security_msg(security: str) -> Msg:
    return Msg("Outcome", SECURITY_TEXT.get(security, security))


def auth_msg(auth: str) -> Msg:
    return Msg("Outcome", AUTH_TEXT.get(auth, auth))
