"""E-mail addresses as people type them: full-width characters, Unicode domains (IDNA)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import idna

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

CTX = "Lookup"

# Characters that never belong in an unquoted local part (RFC 5322 specials, minus the dot).
_LOCAL_FORBIDDEN = set('<>()[]\\,;:"@')


class EmailAddressError(ValueError):
    """The text is not an e-mail address; ``message`` says why in plain words."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render())
        self.message = message


@dataclass(frozen=True)
class EmailAddress:
    local: str
    domain_unicode: str
    """The domain in its readable form (``例え.jp``); used in user names."""
    domain_ascii: str
    """The domain as DNS knows it (``xn--r8jz45g.jp``); used in host names and URLs."""

    @property
    def address(self) -> str:
        """The address as the user's provider knows it (readable domain)."""
        return f"{self.local}@{self.domain_unicode}"

    def __str__(self) -> str:
        return self.address


def parse_email(text: str) -> EmailAddress:
    """Parse and check an e-mail address; raises :class:`EmailAddressError` (a ValueError).

    Full-width input (``ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ``, typed with a Japanese input method) is
    normalised (NFKC) first.
    """
    text = unicodedata.normalize("NFKC", text or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not text:
        raise EmailAddressError(msg(CTX, QT_TRANSLATE_NOOP("Lookup", "Enter an e-mail address.")))
    if "@" not in text:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP("Lookup", "\"{text}\" is not an e-mail address: it has no @."),
            text=text))
    local, _, domain = text.rpartition("@")
    if not local:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP("Lookup", "\"{text}\" has nothing before the @."), text=text))
    if any(c.isspace() or unicodedata.category(c).startswith("C") or c in _LOCAL_FORBIDDEN
           for c in local):
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP(
                "Lookup", "The part before the @ in \"{text}\" contains a space or a character "
                "that an address cannot have."), text=text))
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP(
                "Lookup", "The part before the @ in \"{text}\" has a misplaced dot."), text=text))
    if len(local.encode("utf-8")) > 64:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP("Lookup", "The part before the @ is too long (64 bytes at most).")))
    domain_ascii, domain_unicode = normalise_domain(domain, text)
    return EmailAddress(local, domain_unicode, domain_ascii)


def normalise_domain(domain: str, shown: str | None = None) -> tuple[str, str]:
    """Return ``(ascii, unicode)`` forms of *domain*; raises :class:`EmailAddressError`."""
    shown = shown or domain
    domain = domain.strip().rstrip(".").lower()
    if not domain:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP("Lookup", "\"{text}\" has no domain after the @."), text=shown))
    if "." not in domain:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP(
                "Lookup", "The domain \"{domain}\" has no dot; a full domain looks like "
                "example.co.jp."), domain=domain))
    if len(domain) > 253:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP("Lookup", "The domain \"{domain}\" is too long."), domain=domain))
    try:
        ascii_form = idna.encode(domain, uts46=True).decode("ascii")
        unicode_form = idna.decode(ascii_form)
    except (idna.IDNAError, UnicodeError, ValueError):
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP(
                "Lookup", "The domain \"{domain}\" is not a valid domain name."), domain=domain)
        ) from None
    if len(ascii_form) > 253:
        raise EmailAddressError(msg(
            CTX, QT_TRANSLATE_NOOP("Lookup", "The domain \"{domain}\" is too long."), domain=domain))
    return ascii_form, unicode_form
