"""The data the port-test engine takes and gives: plain dataclasses, JSON-ready.

These names and the JSON they produce are a contract shared by the CLI, the GUI, the exports
and helpdesk scripts (see ``docs/diagnose-json.md``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from op25b_wizard.core.connectivity import ConnectivityCheck, ConnectivityResult

Mode = Literal["tls", "starttls", "relay"]
"""How a port is spoken to: implicit TLS, STARTTLS required, or the relay port (TLS tried)."""

Security = Literal["tls", "starttls", "none"]

Outcome = Literal[
    "ok",
    "auth_ok",
    "auth_failed",
    "timeout",
    "refused",
    "unreachable",
    "dns_error",
    "banner_refused",
    "not_smtp",
    "no_starttls",
    "tls_error",
    "protocol_error",
    "auth_slow",
    "unfinished",
]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]
"""Append only: an outcome's index is its number in support codes already given out."""

Stage = Literal[
    "dns", "connect", "greeting", "ehlo", "starttls", "tls", "auth", "message", "done"
]
STAGES: tuple[str, ...] = Stage.__args__  # type: ignore[attr-defined]

TlsProblem = Literal[
    "expired",
    "not_yet_valid",
    "wrong_name",
    "unknown_issuer",
    "self_signed",
    "handshake_failed",
    "injection",
]

AuthResult = Literal[
    "ok",
    "bad_credentials",  # 535
    "mechanism_too_weak",  # 534
    "encryption_required",  # 538
    "temporary",  # 454
    "auth_required",  # 530
    "not_offered",  # no usable mechanism advertised
    "plaintext_refused",  # not attempted: no TLS and plaintext not allowed
    "error",  # anything else
    "timeout",  # no answer within the sign-in's time (see ProbeOptions.auth_timeout)
]

DEFAULT_PORTS: tuple[int, ...] = (25, 587, 465)
SUBMISSION_PORTS: tuple[int, ...] = (465, 587)


@dataclass(frozen=True)
class PortSpec:
    """One port to probe and how to speak to it."""

    port: int
    mode: Mode

    @classmethod
    def for_port(cls, port: int) -> PortSpec:
        """The usual mode for a port: 465 implicit TLS, 25 relay, anything else STARTTLS."""
        if port == 465:
            return cls(port, "tls")
        if port == 25:
            return cls(port, "relay")
        return cls(port, "starttls")

    @classmethod
    def for_route(cls, port: int, security: Security) -> PortSpec:
        """How to test a documented route: implicit TLS when it says SSL/TLS, the relay mode
        on 25, else STARTTLS (a route documented without encryption shows up as such)."""
        if security == "tls":
            return cls(port, "tls")
        return cls(port, "relay") if port == 25 else cls(port, "starttls")

    @staticmethod
    def with_routes(ports: list[PortSpec], routes: list[tuple[int, Security]]) -> list[PortSpec]:
        """*ports* plus each documented route's port, tested the way the route says."""
        documented = [PortSpec.for_route(p, sec) for p, sec in routes]
        taken = {d.port for d in documented}
        return [*[s for s in ports if s.port not in taken], *dict.fromkeys(documented)]

    @classmethod
    def parse(cls, text: str) -> PortSpec:
        """Parse ``N`` or ``N/tls``, ``N/starttls``, ``N/relay``; ValueError on bad input."""
        number, slash, mode = text.strip().partition("/")
        if slash and not mode:
            raise ValueError(f"no port mode after '/': {text!r}")
        if not number.isdigit():
            raise ValueError(f"not a port number: {text!r}")
        port = int(number)
        if not 1 <= port <= 65535:
            raise ValueError(f"port out of range (1-65535): {port}")
        if not mode:
            return cls.for_port(port)
        if mode not in ("tls", "starttls", "relay"):
            raise ValueError(f"unknown port mode {mode!r} (tls, starttls or relay)")
        return cls(port, mode)  # type: ignore[arg-type]

    @property
    def is_submission(self) -> bool:
        return self.mode != "relay"

    @property
    def expected_security(self) -> Security:
        """The security this mode aims for (the relay port starts as ``none``)."""
        return "tls" if self.mode == "tls" else "starttls" if self.mode == "starttls" else "none"


@dataclass
class Credentials:
    """A user name and password for one AUTH attempt. The password never leaves this object
    except inside the AUTH exchange itself."""

    username: str
    password: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.username:
            raise ValueError("empty user name")


AUTH_ALLOWANCE = 20.0
"""Seconds a mail server may take on purpose before it answers a sign-in: Dovecot waits
``auth_failure_delay`` (2 s) before answering a failed one and delays the next attempts from
the same address by a penalty that grows up to 15 s; Postfix adds ``smtpd_error_sleep_time``
(1 s) after errors. 2 + 15 + 1, rounded up. The sign-in's reply gets this on top of the stage
timeout."""

DEADLINE_STAGES = 2
"""The default deadline of a whole run is this many stage timeouts plus the sign-in's time:
room for a slow network, not for a server that answers every stage just in time."""


@dataclass
class ProbeOptions:
    timeout: float = 10.0
    """Seconds for each stage (connect, greeting, EHLO, TLS) on its own."""
    auth_timeout: float | None = None
    """Seconds for the reply to the sign-in (AUTH); default: ``timeout + AUTH_ALLOWANCE``."""
    deadline: float | None = None
    """Seconds for the whole run, all ports together; a port not finished by then is reported
    as ``unfinished``. Default: ``DEADLINE_STAGES * timeout`` plus the sign-in's time."""
    cafile: str | None = None
    """Extra trusted CA certificates (PEM), added to the system trust store."""
    credentials: Credentials | None = None
    allow_plaintext_auth: bool = False
    """Send AUTH over a connection without TLS. Only on the user's explicit consent."""
    auth_mechanism: str | None = None
    """Force one SASL mechanism (PLAIN, LOGIN, CRAM-MD5); default picks the best offered."""
    test_message_to: str | None = None
    """Send one short test message to this address (the user's own) after a successful AUTH."""
    ehlo_name: str | None = None
    """Name sent in EHLO; default is the local address as an address literal."""
    happy_eyeballs_delay: float = 0.25
    use_system_trust: bool = True
    connectivity: ConnectivityCheck | None = None
    """A plain-HTTP connectivity check to run alongside (captive portals); None: none."""

    @property
    def auth_reply_timeout(self) -> float:
        """Seconds the sign-in's reply may take (see ``AUTH_ALLOWANCE``)."""
        return self.auth_timeout if self.auth_timeout is not None else self.timeout + AUTH_ALLOWANCE

    @property
    def run_deadline(self) -> float:
        """Seconds the whole run may take."""
        if self.deadline is not None:
            return self.deadline
        return default_deadline(self.timeout, self.auth_reply_timeout)


def default_deadline(timeout: float, auth_timeout: float | None = None) -> float:
    """The run's deadline when none is given: ``DEADLINE_STAGES`` stage timeouts plus the
    sign-in's time (50 s with the default 10 s stage timeout)."""
    auth = auth_timeout if auth_timeout is not None else timeout + AUTH_ALLOWANCE
    return DEADLINE_STAGES * timeout + auth


@dataclass
class ProbeRequest:
    host: str
    ports: list[PortSpec] = field(default_factory=lambda: [PortSpec.for_port(p) for p in DEFAULT_PORTS])
    options: ProbeOptions = field(default_factory=ProbeOptions)


@dataclass
class AddressAttempt:
    """One TCP connect attempt to one resolved address."""

    address: str
    family: Literal["ipv4", "ipv6"]
    result: Literal["connected", "timeout", "refused", "unreachable", "error", "abandoned",
                    "not_needed"]
    elapsed_s: float
    error: str | None = None


@dataclass
class TlsInfo:
    version: str | None = None
    cipher: str | None = None
    issuer: str | None = None
    subject: str | None = None
    names: list[str] = field(default_factory=list)
    not_before: str | None = None
    not_after: str | None = None
    fingerprint_sha256: str | None = None
    verified: bool = False
    problem: TlsProblem | None = None
    error: str | None = None


@dataclass
class AuthInfo:
    mechanism: str | None
    result: AuthResult
    code: int | None = None
    message: str | None = None
    waited_s: float | None = None
    """With result ``timeout``: how long the reply was waited for."""


@dataclass
class Capabilities:
    starttls: bool = False
    auth: list[str] = field(default_factory=list)
    size: int | None = None
    eightbitmime: bool = False
    smtputf8: bool = False
    pipelining: bool = False
    other: list[str] = field(default_factory=list)


@dataclass
class PortResult:
    port: int
    mode: Mode
    security: Security
    outcome: Outcome
    stage: Stage
    """The stage reached: where it failed, or ``done``."""
    elapsed_s: float = 0.0
    address: str | None = None
    family: Literal["ipv4", "ipv6"] | None = None
    attempts: list[AddressAttempt] = field(default_factory=list)
    greeting_code: int | None = None
    greeting_host: str | None = None
    greeting: str | None = None
    ehlo_host: str | None = None
    capabilities: Capabilities | None = None
    auth_before_tls: bool = False
    """The server advertised AUTH before TLS (on a port without STARTTLS: a downgrade sign)."""
    tls: TlsInfo | None = None
    auth: AuthInfo | None = None
    relay_denied: bool | None = None
    message_sent: bool | None = None
    error: str | None = None

    @property
    def connected(self) -> bool:
        """TCP got through (whatever happened after: a silent greeting still counts)."""
        if self.outcome == "unfinished":
            return self.stage not in ("dns", "connect")
        return self.outcome not in ("timeout", "refused", "unreachable", "dns_error") or (
            self.stage not in ("dns", "connect")
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["elapsed_s"] = round(self.elapsed_s, 3)
        for a in d["attempts"]:
            a["elapsed_s"] = round(a["elapsed_s"], 3)
        return d


@dataclass
class TranscriptLine:
    t: float
    port: int | None
    direction: Literal["C", "S", "*"]
    """C: client to server, S: server to client, *: a note from the engine."""
    text: str

    def format(self) -> str:
        where = f"{self.port:>5}" if self.port is not None else "    -"
        arrow = {"C": "->", "S": "<-", "*": "**"}[self.direction]
        return f"{self.t:7.3f} {where} {arrow} {self.text}"


@dataclass
class ProbeReport:
    host: str
    addresses: dict[str, list[str]] = field(default_factory=dict)
    dns_error: str | None = None
    ports: list[PortResult] = field(default_factory=list)
    elapsed_s: float = 0.0
    cancelled: bool = False
    transcript: list[TranscriptLine] = field(default_factory=list)
    connectivity: ConnectivityResult | None = None
    """The connectivity check's result, when one was asked for."""
    deadline_s: float | None = None
    """The run's deadline (seconds); ports not finished by then are ``unfinished``."""

    @property
    def unfinished(self) -> list[int]:
        """The ports the deadline stopped."""
        return [p.port for p in self.ports if p.outcome == "unfinished"]

    def port(self, number: int) -> PortResult | None:
        return next((p for p in self.ports if p.port == number), None)


EventKind = Literal["dns", "port_started", "stage", "port_done", "done"]


@dataclass
class ProbeEvent:
    """Progress from the engine; the GUI shows these live."""

    kind: EventKind
    port: int | None = None
    stage: Stage | None = None
    result: PortResult | None = None
    text: str = ""
