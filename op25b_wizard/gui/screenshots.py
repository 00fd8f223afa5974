"""``op25b-wizard --screenshots DIR``: every page of a sample run as numbered PNG files.

The sample is a typical case, played without touching the network, the keyring or any mail
program: Taro's Thunderbird sends on port 25, the hotel network blocks it, 587 and 465 work,
his password is accepted, and the highlighted button switches Thunderbird to 465. The pages
are the real ones; only the answers (:class:`SampleServices`) are prepared.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
from PySide6.QtWidgets import QWidget

from op25b_wizard.core.clients.base import Account, AccountScan, ApplyResult, Change, SmtpSettings
from op25b_wizard.core.clients.profiles import thunderbird_roots
from op25b_wizard.core.clients.reverting import UndoResult
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg
from op25b_wizard.core.model import (
    AddressAttempt,
    AuthInfo,
    Capabilities,
    PortResult,
    ProbeEvent,
    ProbeReport,
    ProbeRequest,
    TlsInfo,
    TranscriptLine,
)
from op25b_wizard.core.secrets import SECURE_BACKENDS, BackendStatus
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui import workers
from op25b_wizard.gui.app import create_wizard, ensure_app
from op25b_wizard.gui.services import Services

HOST = "smtp.example.co.jp"
ADDRESS = "192.0.2.25"
SIZE = QSize(780, 620)
"""The window's size in logical pixels (at 200 % scaling the PNGs are twice as large)."""

SHOTS: tuple[tuple[str, PageId], ...] = (
    ("01-welcome", PageId.WELCOME),
    ("02-account", PageId.ACCOUNT),
    ("03-port-test", PageId.PORT_TEST),
    ("04-switch", PageId.SWITCH),
    ("05-signin", PageId.SIGNIN),
    ("06-apply", PageId.APPLY),
    ("07-ready", PageId.READY),
)

OFFLINE_SHOTS: tuple[tuple[str, PageId], ...] = (
    ("", PageId.WELCOME),
    ("", PageId.ACCOUNT),
    ("", PageId.PORT_TEST),
    ("nothing-works-07-ready", PageId.READY),
)
"""The second sample, where nothing gets through (offline, or a hotel network before its
terms are accepted): only its last page is kept."""


def sample_home(platform: str | None = None) -> Path:
    """Taro's home folder where this system keeps home folders."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return Path("C:\\Users\\taro")
    return Path("/Users/taro" if platform == "darwin" else "/home/taro")


def sample_accounts(home: Path, platform: str | None = None) -> list[Account]:
    """Taro's two accounts, in the folders the mail programs use on this system."""
    platform = platform or sys.platform
    env = {"APPDATA": str(home / "AppData" / "Roaming")} if platform.startswith("win") else {}
    root = thunderbird_roots(home, env, platform)[0]
    if platform.startswith("win") or platform == "darwin":
        root = root / "Profiles"
    profile = root / "k2x9w4.default-release"
    becky = home / "Documents" / "Becky"
    return [
        Account("thunderbird", "Thunderbird", profile, "smtp1", "taro.yamada@example.co.jp",
                "山田 太郎", SmtpSettings(HOST, 25, "none", "none", None), profile / "prefs.js",
                ["taro.yamada@example.co.jp"]),
        Account("becky", "Becky! Internet Mail", becky, "5f3a1c2e.mb", "yamada@example.ne.jp",
                "山田 太郎", SmtpSettings("mail.example.ne.jp", 25, "none", "none", None),
                becky / "5f3a1c2e.mb" / "Mailbox.ini", ["yamada@example.ne.jp"]),
    ]


def _tls() -> TlsInfo:
    return TlsInfo(version="TLSv1.3", cipher="TLS_AES_256_GCM_SHA384",
                   issuer="Example Trust Services CA", subject=HOST, names=[HOST],
                   not_before="2026-04-01", not_after="2026-12-31", verified=True)


def _caps() -> Capabilities:
    return Capabilities(starttls=False, auth=["PLAIN", "LOGIN"], size=20971520,
                        eightbitmime=True, pipelining=True)


def sample_port(port: int, *, password: bool = False, message: bool = False) -> PortResult:
    """What the sample hotel network gives for *port* (25 blackholed; 587 and 465 work)."""
    attempt = AddressAttempt(ADDRESS, "ipv4", "connected", 0.031)
    if port == 25:
        return PortResult(25, "relay", "none", "timeout", "connect", 10.0,
                          attempts=[AddressAttempt(ADDRESS, "ipv4", "timeout", 10.0)],
                          error=f"{ADDRESS}: timeout")
    mode = "tls" if port == 465 else "starttls"
    r = PortResult(port, mode, "tls" if port == 465 else "starttls", "ok", "done", 0.42,
                   address=ADDRESS, family="ipv4", attempts=[attempt], greeting_code=220,
                   greeting_host=HOST, greeting=f"220 {HOST} ESMTP ready", ehlo_host=HOST,
                   capabilities=_caps(), tls=_tls())
    if password:
        r.outcome = "auth_ok"
        r.auth = AuthInfo("PLAIN", "ok", 235, "2.7.0 Authentication successful")
    if message:
        r.message_sent = True
    return r


def sample_transcript() -> list[TranscriptLine]:
    return [
        TranscriptLine(0.002, None, "*", f"{HOST}: {ADDRESS}"),
        TranscriptLine(0.034, 587, "*", f"connected to {ADDRESS} port 587"),
        TranscriptLine(0.061, 587, "S", f"220 {HOST} ESMTP ready"),
        TranscriptLine(0.062, 587, "C", "EHLO [192.0.2.1]"),
        TranscriptLine(0.090, 587, "S", f"250-{HOST}"),
        TranscriptLine(0.090, 587, "S", "250 STARTTLS"),
        TranscriptLine(0.091, 587, "C", "STARTTLS"),
        TranscriptLine(0.118, 587, "S", "220 2.0.0 Ready to start TLS"),
        TranscriptLine(0.201, 587, "*", f"TLS TLSv1.3 TLS_AES_256_GCM_SHA384, certificate verified for {HOST}"),
        TranscriptLine(0.038, 465, "*", f"connected to {ADDRESS} port 465"),
        TranscriptLine(10.00, 25, "*", "connect: 192.0.2.25: timeout"),
    ]


class SampleServices(Services):
    """The sample's answers; every call still runs on a worker thread, as in real use."""

    def __init__(self, home: Path) -> None:
        super().__init__(home=home)
        self.accounts = sample_accounts(home)

    def find_accounts(self) -> AccountScan:
        return AccountScan(list(self.accounts))

    def lookup(self, email: str, cancel: threading.Event) -> Any:
        raise LookupError("the sample picks an account found in a mail program")

    def run_probe(self, request: ProbeRequest, on_event: Callable[[ProbeEvent], None],
                  cancel: threading.Event) -> ProbeReport:
        creds = request.options.credentials is not None
        message = request.options.test_message_to is not None
        report = ProbeReport(HOST, addresses={"ipv4": [ADDRESS]})
        on_event(ProbeEvent("dns", text=ADDRESS))
        for spec in request.ports:
            on_event(ProbeEvent("port_started", port=spec.port))
        for spec in request.ports:
            r = sample_port(spec.port, password=creds, message=message)
            report.ports.append(r)
            on_event(ProbeEvent("port_done", port=spec.port, result=r))
        report.elapsed_s = 10.0 if any(p.port == 25 for p in report.ports) else 0.4
        report.transcript = sample_transcript()
        on_event(ProbeEvent("done"))
        return report

    def backend_status(self) -> BackendStatus:
        store = SECURE_BACKENDS["keyring.backends.SecretService.Keyring"]
        reason = msg("Secrets", QT_TRANSLATE_NOOP(
            "Secrets", "The password is kept in this computer's {store}."), store=store)
        return BackendStatus("SecretService Keyring", True, reason, store)

    def store_password(self, host: str, user: str, password: str) -> None:
        """The sample keeps nothing."""

    def delete_password(self, host: str, user: str) -> None:
        """The sample keeps nothing."""

    def is_running(self, account: Account) -> bool:
        return False

    def plan(self, account: Account, after: SmtpSettings) -> Change:
        return Change(account, account.smtp, after, [account.location])

    def apply(self, change: Change) -> ApplyResult:
        backup = change.account.profile / "op25b-wizard-backups" / "2026-05-20T21.14.03"
        return ApplyResult(change, backup)

    def undo(self, account: Account) -> UndoResult:
        return UndoResult(account.profile / "op25b-wizard-backups" / "2026-05-20T21.14.03", None)


class OfflineSampleServices(SampleServices):
    """The sample's answers when nothing gets through: every port times out."""

    def run_probe(self, request: ProbeRequest, on_event: Callable[[ProbeEvent], None],
                  cancel: threading.Event) -> ProbeReport:
        report = ProbeReport(HOST, addresses={"ipv4": [ADDRESS]})
        for spec in request.ports:
            r = PortResult(spec.port, spec.mode, "none", "timeout", "connect", 10.0,
                           attempts=[AddressAttempt(ADDRESS, "ipv4", "timeout", 10.0)],
                           error=f"{ADDRESS}: timeout")
            report.ports.append(r)
            on_event(ProbeEvent("port_done", port=spec.port, result=r))
        report.elapsed_s = 10.0
        on_event(ProbeEvent("done"))
        return report


class ScreenshotError(OSError):
    """A picture could not be saved; ``message`` says so in the user's language."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"could not write {path}")
        self.message = msg("Cli", QT_TRANSLATE_NOOP("Cli", "could not write {path}"),
                           path=str(path))


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Run the event loop until *condition* holds (TimeoutError after *timeout* seconds)."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the wizard did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def settle(widget: QWidget) -> None:
    """Let pending work, layouts and paints finish."""
    wait_until(lambda: not workers.running())
    for _ in range(5):
        QCoreApplication.processEvents()
    widget.repaint()


def play_sample(on_page: Callable[[Any, PageId], None], *, lang: str = "en",
                helpdesk: bool = False, home: Path | None = None, offline: bool = False) -> None:
    """Walk the sample through every page in *lang* (*offline*: the sample where nothing gets
    through); *on_page(wizard, page_id)* runs once each page has settled (and the sample
    user has done what they do there)."""
    app = ensure_app()
    kind = OfflineSampleServices if offline else SampleServices
    services = kind(home or sample_home())
    wizard = create_wizard(lang=lang, helpdesk=helpdesk, services=services)
    wizard.resize(SIZE)
    wizard.show()
    try:
        for _name, pid in OFFLINE_SHOTS if offline else SHOTS:
            wait_until(lambda pid=pid: wizard.currentId() == int(pid))
            settle(wizard)
            _prepare(wizard, pid)
            settle(wizard)
            on_page(wizard, pid)
            if pid != PageId.READY:
                wizard.next()
    finally:
        wizard.done(0)
        wizard.deleteLater()
        app.processEvents()


def write_screenshots(directory: str | Path, *, lang: str = "en", helpdesk: bool = False,
                      home: Path | None = None) -> list[Path]:
    """Play the sample and save one PNG per page into *directory*, then the last page of the
    sample where nothing gets through; returns the files."""
    out = Path(directory)
    out.mkdir(exist_ok=True)
    files: list[Path] = []

    def shooter(shots: tuple[tuple[str, PageId], ...]) -> Callable[[Any, PageId], None]:
        names = {pid: name for name, pid in shots}

        def shoot(wizard: Any, pid: PageId) -> None:
            if not names[pid]:
                return
            path = out / f"{names[pid]}.png"
            if not wizard.grab().save(str(path)):
                raise ScreenshotError(path)
            files.append(path)

        return shoot

    from PySide6.QtCore import qInstallMessageHandler

    def quiet(mode: Any, context: Any, message: str) -> None:
        # the offscreen platform warns about every window resize; nothing for the user
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(quiet)
    try:
        play_sample(shooter(SHOTS), lang=lang, helpdesk=helpdesk, home=home)
        if not helpdesk:
            play_sample(shooter(OFFLINE_SHOTS), lang=lang, home=home, offline=True)
    finally:
        qInstallMessageHandler(previous)
    return files


def _prepare(wizard: Any, pid: PageId) -> None:
    """What the sample user does on a page before the picture is taken."""
    page = wizard.page_of(pid)
    if pid == PageId.PORT_TEST:
        # the test starts by itself; the picture shows its result, never a row still running
        wait_until(lambda: wizard.state.report is not None and not page.busy)
    elif pid == PageId.SIGNIN:
        page.password_edit.setText("correct horse battery staple")
        page.test_signin()
        wait_until(lambda: wizard.state.login_verified is not None)
    elif pid == PageId.APPLY:
        # the picture shows the change to make and "Apply and continue"; Next then makes it
        wait_until(lambda: page.change is not None and not page.busy)
    elif pid == PageId.READY:
        wait_until(lambda: wizard.state.keyring != "pending")
