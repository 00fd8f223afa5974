"""Shared pytest fixtures. Each part of the suite keeps its fixtures in its own marked block."""

from __future__ import annotations

# --- port-test engine: test CA, real SMTP servers, probe helpers (begin) ---------------------
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from op25b_wizard.core import connectivity
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

os.environ[connectivity.URL_ENV] = "off"
"""No test asks an outside host: the captive-portal check is off unless a test points it at
a server of its own (the CLI and the wizard started by a test inherit this)."""
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


# --- the Qt wizard: offscreen Qt, a Thunderbird profile, wizard helpers (begin) --------------
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GUI_EMAIL = ENGINE_USER
"""The address of the test profile's account: the test servers' user."""


def write_thunderbird_profile(home, *, host: str = "localhost", port: int = 25,
                              incoming_user: str = GUI_EMAIL):
    """A Thunderbird profile under *home* whose one account sends as GUI_EMAIL through
    *host*:*port* without encryption or sign-in (the usual set-up before OP25B bites); it
    receives as *incoming_user*."""
    from tests.support.platform import thunderbird_dir

    root = thunderbird_dir(home)
    profile = root / "ab12cd34.default-release"
    profile.mkdir(parents=True)
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=ab12cd34.default-release\n"
        "Default=1\n\n[General]\nStartWithLastProfile=1\nVersion=2\n")
    prefs = {
        "mail.accountmanager.accounts": "account1",
        "mail.account.account1.identities": "id1",
        "mail.account.account1.server": "server1",
        "mail.identity.id1.useremail": GUI_EMAIL,
        "mail.identity.id1.fullName": "Taro Yamada",
        "mail.identity.id1.smtpServer": "smtp1",
        "mail.server.server1.hostname": host,
        "mail.server.server1.type": "imap",
        "mail.server.server1.userName": incoming_user,
        "mail.smtpservers": "smtp1",
        "mail.smtp.defaultserver": "smtp1",
        "mail.smtpserver.smtp1.hostname": host,
        "mail.smtpserver.smtp1.port": port,
        "mail.smtpserver.smtp1.try_ssl": 0,
        "mail.smtpserver.smtp1.authMethod": 1,
    }
    lines = ["// Mozilla User Preferences", ""]
    for name, value in sorted(prefs.items()):
        literal = str(value) if isinstance(value, int) else '"' + value + '"'
        lines.append(f'user_pref("{name}", {literal});')
    (profile / "prefs.js").write_text("\n".join(lines) + "\n")
    return profile


@pytest.fixture
def thunderbird_home(tmp_path):
    """(home, profile): a home folder holding one Thunderbird profile (see above)."""
    home = tmp_path / "home"
    home.mkdir()
    return home, write_thunderbird_profile(home)


@pytest.fixture
def make_wizard(qtbot):
    """``make_wizard(preset=..., services=..., lang="en", helpdesk=False)``: a shown wizard.
    At the end it is closed, and no background thread may be left running."""
    from op25b_wizard.gui import workers
    from op25b_wizard.gui.app import create_wizard

    made = []

    def make(*, lang: str = "en", **kwargs):
        wizard = create_wizard(lang=lang, **kwargs)
        qtbot.addWidget(wizard)
        wizard.resize(780, 620)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.done(0)
    leaked = workers.running()
    assert not leaked, f"background work still running after the wizard closed: {leaked}"
    from op25b_wizard.gui.app import set_language

    set_language("en")
# --- the Qt wizard (end) ----------------------------------------------------------------------
