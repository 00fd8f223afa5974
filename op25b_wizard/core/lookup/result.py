"""What a lookup answers: outgoing servers, best first, with the notes the user must read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg
from op25b_wizard.core.model import Security

Auth = Literal["normal", "encrypted", "oauth2", "none", "other"]
"""``normal``: password over the (TLS) connection; ``encrypted``: CRAM-MD5 style;
``oauth2``: the provider's own sign-in; ``other``: NTLM, GSSAPI, client IP, SMTP after POP."""

Source = Literal["preset", "bundled", "autoconfig", "ispdb", "mx", "srv", "guess", "none"]
SOURCES: tuple[str, ...] = Source.__args__  # type: ignore[attr-defined]

SOURCE_TEXT: dict[str, str] = {
    "preset": QT_TRANSLATE_NOOP("Lookup", "the company preset"),
    "bundled": QT_TRANSLATE_NOOP("Lookup", "the provider data built into this app"),
    "autoconfig": QT_TRANSLATE_NOOP("Lookup", "the provider's own settings file (autoconfig)"),
    "ispdb": QT_TRANSLATE_NOOP("Lookup", "the public ISP database"),
    "mx": QT_TRANSLATE_NOOP("Lookup", "the domain's mail exchanger (MX)"),
    "srv": QT_TRANSLATE_NOOP("Lookup", "DNS SRV records (a suggestion)"),
    "guess": QT_TRANSLATE_NOOP("Lookup", "trying likely server names"),
}
"""Where an answer came from, in words for the user (context "Lookup")."""
SECURITIES: tuple[str, ...] = ("tls", "starttls", "none")
AUTHS: tuple[str, ...] = Auth.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class OutgoingServer:
    host: str
    """Host name in ASCII (IDNA) form, as a mail client needs it."""
    port: int
    security: Security
    auth: Auth
    username: str
    """The user name with the address filled in; empty when ``auth`` is ``none``."""

    def to_json(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "security": self.security,
                "auth": self.auth, "username": self.username}

    @property
    def secure(self) -> bool:
        return self.security != "none"


@dataclass
class LookupResult:
    source: Source
    outgoing: list[OutgoingServer] = field(default_factory=list)
    """Best first. The first secure one is the route to use."""
    notes: list[Msg] = field(default_factory=list)
    advice: list[Msg] = field(default_factory=list)
    """The notes the user must act on (an app password, turning access on, no encryption,
    no network); each is in ``notes`` too. The wizard shows them where the user acts."""
    network_reached: bool = False
    """Some DNS or web server answered (False offline, or when local data answered)."""
    oauth2_only: bool = False
    """Every route needs the provider's own sign-in: a password will not work."""
    needs_confirmation: bool = False
    """The answer came from a source an attacker could forge (plain http, unsigned DNS):
    show the host and let the user confirm it before any password is sent there."""

    @property
    def found(self) -> bool:
        return bool(self.outgoing)

    @property
    def status(self) -> Literal["found", "not_found", "not_checked"]:
        """``not_checked`` when nothing was found and no DNS or web server answered (offline,
        or no network): the provider may well be known, it just could not be asked. Only an
        answer from the network can say ``not_found``."""
        if self.outgoing:
            return "found"
        return "not_found" if self.network_reached else "not_checked"

    def first_secure(self) -> OutgoingServer | None:
        """The route ``diagnose`` tests: the first one with TLS or STARTTLS."""
        return next((s for s in self.outgoing if s.secure), None)

    def to_json(self, render: Any = None) -> dict[str, Any]:
        """JSON-ready dict; *render* turns a note (:class:`Msg`) into text (default English)."""
        show = render or (lambda m: m.render())
        return {
            "source": self.source,
            "outgoing": [s.to_json() for s in self.outgoing],
            "notes": [show(n) for n in self.notes],
            "advice": [show(n) for n in self.advice],
            "network_reached": self.network_reached,
            "status": self.status,
            "oauth2_only": self.oauth2_only,
            "needs_confirmation": self.needs_confirmation,
        }
