"""Shared pytest fixtures. Each part of the suite keeps its fixtures in its own marked block."""

from __future__ import annotations

# --- port-test engine: test CA, real SMTP servers, probe helpers (begin) ---------------------
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from op25b_wizard.core.model import (
    Credentials,
    PortSpec,
    ProbeEvent,
    ProbeOptions,
    ProbeReport,
    ProbeRequest,
)
from op25b_wizard.core.probe import run_probe
from tests.support.servers import DEFAULT_USERS, Server, TestCA, smtp_server

ENGINE_USER, ENGINE_PASSWORD = next(iter(DEFAULT_USERS.items()))
ENGINE_TIMEOUT = 1.0
"""Stage timeout for engine tests on loopback: short, so that the whole set stays fast."""


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    """One throw-away CA for the session; its PEM is ``test_ca.cafile``."""
    return TestCA(tmp_path_factory.mktemp("ca"))


@dataclass
class MailServers:
    """A mail host on loopback: relay (port 25's role), STARTTLS submission, implicit TLS."""

    relay: Server
    starttls: Server
    tls: Server

    def specs(self) -> list[PortSpec]:
        return [PortSpec(self.relay.port, "relay"), PortSpec(self.starttls.port, "starttls"),
                PortSpec(self.tls.port, "tls")]


@pytest.fixture
def mail_servers(test_ca: TestCA) -> Iterator[MailServers]:
    """Real aiosmtpd servers: a relay without AUTH that denies relaying, 587-style STARTTLS +
    AUTH and 465-style implicit TLS + AUTH, all greeting as ``mail.example.test``."""
    with smtp_server(test_ca, "relay", deny_relay=True) as relay, \
            smtp_server(test_ca, "starttls") as starttls, smtp_server(test_ca, "tls") as tls:
        yield MailServers(relay, starttls, tls)


@dataclass
class ProbeRun:
    report: ProbeReport
    events: list[ProbeEvent]
    wall_s: float


ProbeFn = Callable[..., ProbeRun]


@pytest.fixture
def probe_ports(test_ca: TestCA) -> ProbeFn:
    """``probe_ports(specs, password=None, host="localhost", **options)`` runs the real engine
    against loopback with the test CA trusted and a short stage timeout."""

    def run(specs: list[PortSpec], *, password: str | None = None, user: str = ENGINE_USER,
            host: str = "localhost", cancel=None, **options) -> ProbeRun:
        options.setdefault("timeout", ENGINE_TIMEOUT)
        options.setdefault("cafile", str(test_ca.cafile))
        if password is not None:
            options["credentials"] = Credentials(user, password)
        events: list[ProbeEvent] = []
        t0 = time.monotonic()
        report = run_probe(ProbeRequest(host, list(specs), ProbeOptions(**options)),
                           events.append, cancel)
        return ProbeRun(report, events, time.monotonic() - t0)

    return run
# --- port-test engine (end) ------------------------------------------------------------------
