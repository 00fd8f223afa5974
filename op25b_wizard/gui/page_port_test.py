"""Page 3: the port test. Starts by itself; one row per port with its live state, the verdict
in plain words, Details (the transcript), Test again and Stop. The engine runs on a worker
thread; its events arrive here as signals."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from op25b_wizard import i18n
from op25b_wizard.core.connectivity import DEFAULT_URL
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP
from op25b_wizard.core.model import PortResult, PortSpec, ProbeEvent, ProbeReport
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui import icons
from op25b_wizard.gui.details_dialog import DetailsDialog
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase, text_label

CTX = "PortTestPage"

ROLE = {
    "relay": QT_TRANSLATE_NOOP("PortTestPage", "the old way to send; often blocked"),
    "starttls": QT_TRANSLATE_NOOP("PortTestPage", "sending with your password"),
    "tls": QT_TRANSLATE_NOOP("PortTestPage", "sending with your password, encrypted from the start"),
}

ROW_TEXTS = {
    "port": QT_TRANSLATE_NOOP("PortTestPage", "Port {port}"),
    "waiting": QT_TRANSLATE_NOOP("PortTestPage", "Waiting…"),
    "testing": QT_TRANSLATE_NOOP("PortTestPage", "Testing…"),
    "slow": QT_TRANSLATE_NOOP("PortTestPage", "Testing… no answer yet ({seconds} s; waiting up to {limit} s)"),
}

SENTENCES = {
    "secure": QT_TRANSLATE_NOOP("PortTestPage", "Works, with encryption."),
    "auth_ok": QT_TRANSLATE_NOOP("PortTestPage", "Works, and your password was accepted."),
    "auth_failed": QT_TRANSLATE_NOOP("PortTestPage", "Works, but the password was not accepted."),
    "relay_open": QT_TRANSLATE_NOOP("PortTestPage", "Open here, but blocked on many other networks."),
    "relay_refused": QT_TRANSLATE_NOOP("PortTestPage", "Your mail server does not take mail here from outside."),
    "blocked": QT_TRANSLATE_NOOP("PortTestPage", "Blocked by this network."),
    "closed": QT_TRANSLATE_NOOP("PortTestPage", "Turned away: by this network or by the server."),
    "no_starttls": QT_TRANSLATE_NOOP("PortTestPage", "Answers, but without encryption: not safe for a password."),
    "tls_error": QT_TRANSLATE_NOOP("PortTestPage", "The encrypted connection failed: not safe."),
    "timeout": QT_TRANSLATE_NOOP("PortTestPage", "No answer: blocked by this network or by the server."),
    "refused": QT_TRANSLATE_NOOP("PortTestPage", "Turned away: the server does not take mail on this port."),
    "unreachable": QT_TRANSLATE_NOOP("PortTestPage", "Cannot be reached from this network."),
    "dns_error": QT_TRANSLATE_NOOP("PortTestPage", "The server name was not found."),
    "banner_refused": QT_TRANSLATE_NOOP("PortTestPage", "The server refuses connections right now."),
    "not_smtp": QT_TRANSLATE_NOOP("PortTestPage", "Something other than a mail server answers."),
    "stopped_answering": QT_TRANSLATE_NOOP("PortTestPage", "The server stopped answering."),
    "protocol_error": QT_TRANSLATE_NOOP("PortTestPage", "The server answered in an unexpected way."),
    "auth_slow": QT_TRANSLATE_NOOP("PortTestPage", "Works, but the server is slow to answer the sign-in."),
    "unfinished": QT_TRANSLATE_NOOP("PortTestPage", "Not finished in time: the test ran out of time."),
    "cancelled": QT_TRANSLATE_NOOP("PortTestPage", "Stopped."),
    "not_run": QT_TRANSLATE_NOOP("PortTestPage", "Not tested."),
}


WHY_25 = ("intercepted", "op25b", "ip25b")
"""Verdicts shown with the good news: they explain why the mail program must switch."""


def _t(source: str) -> str:
    return QCoreApplication.translate(CTX, source)


def port_outcome(p: PortResult, op25b: bool | None) -> tuple[str, str]:
    """(icon, sentence key) for one port's result."""
    connect_failed = p.stage == "connect" and p.outcome in ("timeout", "refused", "unreachable")
    if p.mode == "relay":
        if connect_failed:
            # a reset (refused) may come from the server as well as from the network
            if p.outcome == "refused":
                return "fail", "closed"
            return "fail", "blocked" if op25b else p.outcome
        if p.relay_denied or p.outcome == "banner_refused":
            return "warn", "relay_refused"
        if p.outcome == "ok":
            return "warn", "relay_open"
    if p.outcome == "auth_ok":
        return "ok", "auth_ok"
    if p.outcome in ("auth_failed", "auth_slow"):
        return "warn", p.outcome
    if p.outcome == "ok" and p.tls is not None and p.tls.verified:
        return "ok", "secure"
    if p.outcome == "no_starttls":
        return "warn", "no_starttls"
    if p.outcome == "timeout" and not connect_failed:
        return "fail", "stopped_answering"
    if p.outcome in SENTENCES:
        return "fail", p.outcome
    return "fail", "protocol_error"


class PortRow:
    """One port's line: icon, "Port 587" with its role, and its state in words."""

    ICON = 28

    def __init__(self, grid: QGridLayout, row: int, spec: PortSpec) -> None:
        self.spec = spec
        self.icon = QLabel()
        self.icon.setFixedWidth(self.ICON + 8)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.name = QLabel()
        f = self.name.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.name.setFont(f)
        self.name.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.role = QLabel()
        self.role.setWordWrap(True)
        self.role.setStyleSheet("color: #5f6368;")
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.name)
        left.addWidget(self.role)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setObjectName(f"port{spec.port}")
        grid.addWidget(self.icon, row, 0)
        grid.addLayout(left, row, 1)
        grid.addWidget(self.text, row, 2)
        self.state = "waiting"
        self.started: float | None = None
        self.result: PortResult | None = None
        self.key: str | None = None
        self.set_icon("wait")

    def set_icon(self, name: str) -> None:
        self.icon.setPixmap(icons.pixmap(name, self.ICON))

    def render(self, timeout: float) -> None:
        self.name.setText(_t(ROW_TEXTS["port"]).format(port=self.spec.port))
        self.role.setText(_t(ROLE[self.spec.mode]))
        if self.state == "waiting":
            self.text.setText(_t(ROW_TEXTS["waiting"]))
        elif self.state == "testing":
            waited = int(time.monotonic() - (self.started or time.monotonic()))
            if waited >= 3:
                self.text.setText(_t(ROW_TEXTS["slow"]).format(seconds=waited, limit=int(timeout)))
            else:
                self.text.setText(_t(ROW_TEXTS["testing"]))
        else:
            self.text.setText(_t(SENTENCES[self.key or "protocol_error"]))
        self.text.setAccessibleName(f"{self.name.text()}: {self.text.text()}")


class PortTestPage(WizardPageBase):
    page_id = PageId.PORT_TEST

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self.rows: list[PortRow] = []
        self._worker = None
        self._awaiting = False  # a test's answer (result or error) is still to come
        self._run_error: BaseException | None = None  # the last test broke on this computer
        self._tested_host: str | None = None

    def build(self) -> None:
        self.intro = text_label()
        self.body.addWidget(self.intro)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(10)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnMinimumWidth(1, self.fontMetrics().averageCharWidth() * 30)
        self.body.addLayout(self.grid)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.body.addWidget(self.progress)

        verdict = QHBoxLayout()
        self.verdict_icon = QLabel()
        self.verdict_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        verdict.addWidget(self.verdict_icon)
        texts = QVBoxLayout()
        self.verdict_title = text_label(factor=1.25, bold=True)
        self.verdict_title.setObjectName("verdictTitle")
        self.verdict_text = text_label()
        self.verdict_text.setObjectName("verdictText")
        texts.addWidget(self.verdict_title)
        texts.addWidget(self.verdict_text)
        verdict.addLayout(texts, 1)
        self.body.addSpacing(6)
        self.body.addLayout(verdict)
        self.body.addStretch(1)

        buttons = QHBoxLayout()
        self.details_button = QPushButton()
        self.details_button.setObjectName("details")
        self.details_button.clicked.connect(self.show_details)
        self.again_button = QPushButton()
        self.again_button.setObjectName("testAgain")
        self.again_button.clicked.connect(self.start_test)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop")
        self.stop_button.clicked.connect(self.stop_test)
        self.browser_button = QPushButton()
        self.browser_button.setObjectName("openBrowser")
        self.browser_button.clicked.connect(self.open_browser)
        for b in (self.browser_button, self.details_button, self.again_button, self.stop_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.ticker = QTimer(self)
        self.ticker.setInterval(500)
        self.ticker.timeout.connect(self._tick)
        self._show_buttons()

    # --- running --------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        self.ensure_built()
        super().initializePage()
        if self.state.report is None or self._tested_host != self.state.host:
            self.start_test()
        else:
            self._show_report()

    def _build_rows(self, specs: list[PortSpec]) -> None:
        def discard(w: QWidget | None) -> None:
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()

        while self.grid.count():
            item = self.grid.takeAt(0)
            discard(item.widget())
            lay = item.layout()
            while lay is not None and lay.count():
                discard(lay.takeAt(0).widget())
        self.rows = [PortRow(self.grid, i, spec) for i, spec in enumerate(specs)]

    def start_test(self) -> None:
        if self._worker is not None and self._worker.is_running():
            self._worker.cancel()
        request = self.state.probe_request()
        self.state.report = self.state.diagnosis = None
        self._tested_host = self.state.host
        self._build_rows(request.ports)
        preferred = list(self.state.preferred)
        username = self.state.username or None
        services = self.services

        def job(report: Any, cancel: threading.Event) -> Any:
            from op25b_wizard.core.diagnosis import diagnose

            result = services.run_probe(request, report, cancel)
            return result, diagnose(result, preferred=preferred, username=username)

        self._awaiting = True
        self._run_error = None
        self._worker = self.run(job, self._finished, self._failed, self._event, name="port test")
        self.ticker.start()
        self.ctx.stateChanged.emit()
        self._show_buttons()
        self.retranslate()

    def stop_test(self) -> None:
        """Stop at once; the rows still waiting show "Stopped"."""
        if not self.testing:
            return
        self._awaiting = False
        self._worker.cancel()
        self.set_busy(False)
        self.ticker.stop()
        for row in self.rows:
            if row.state != "done":
                row.state, row.key = "done", "cancelled"
                row.set_icon("skipped")
        self._show_buttons()
        self.retranslate()

    def _event(self, event: ProbeEvent) -> None:
        row = next((r for r in self.rows if r.spec.port == event.port), None)
        if row is None:
            return
        if event.kind == "port_started":
            row.state, row.started = "testing", time.monotonic()
            row.set_icon("testing")
        elif event.kind == "port_done" and event.result is not None:
            row.state, row.result = "done", event.result
            icon, row.key = port_outcome(event.result, None)
            row.set_icon(icon)
        row.render(self.state.preset.timeout)

    @property
    def testing(self) -> bool:
        """A test runs and its answer has not arrived (its thread may outlive the answer
        for a moment; the page shows the answer at once)."""
        return self._awaiting and self._worker is not None and not self._worker.cancelled

    def _finished(self, result: tuple[ProbeReport, Any]) -> None:
        report, diagnosis = result
        self._awaiting = False
        self.ticker.stop()
        self.state.set_report(report, diagnosis)
        self.ctx.stateChanged.emit()
        self._show_report()
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        """The test itself broke (on this computer, not at a server): no port was judged."""
        self._awaiting = False
        self._run_error = error
        self.ticker.stop()
        for row in self.rows:
            if row.state != "done":
                row.state, row.key = "done", "not_run"
                row.set_icon("skipped")
        self._show_buttons()
        self.retranslate()

    def _tick(self) -> None:
        for row in self.rows:
            if row.state == "testing":
                row.render(self.state.preset.timeout)

    def _show_report(self) -> None:
        report, diagnosis = self.state.report, self.state.diagnosis
        if report is None:
            return
        if not self.rows or [r.spec.port for r in self.rows] != [p.port for p in report.ports]:
            self._build_rows([PortSpec(p.port, p.mode) for p in report.ports])
        op25b = diagnosis.op25b if diagnosis else None
        for row in self.rows:
            p = report.port(row.spec.port)
            if p is None or (report.cancelled and row.state != "done"):
                row.state, row.key = "done", "cancelled"
                row.set_icon("skipped")
                continue
            row.state, row.result = "done", p
            icon, row.key = port_outcome(p, op25b)
            row.set_icon(icon)
        self._show_buttons()
        self.retranslate()
        if self.captive_portal:  # Space opens the browser, then Space tests again
            self.browser_button.setFocus()

    def _show_buttons(self) -> None:
        self.progress.setVisible(self.testing)
        self.stop_button.setVisible(self.testing)
        self.again_button.setVisible(not self.testing)
        self.details_button.setEnabled(self.state.report is not None)
        self.browser_button.setVisible(self.captive_portal)

    @property
    def captive_portal(self) -> bool:
        """The last test found a hotel-style network waiting for its terms to be accepted."""
        d = self.state.diagnosis
        return not self.testing and d is not None and "captive_portal" in d.verdict_ids

    def portal_url(self) -> str:
        """A plain-http page to open: the connectivity check's own URL, which such a network
        redirects to its sign-in page."""
        check = self.state.preset.connectivity
        return check.url if check is not None else DEFAULT_URL

    def open_browser(self) -> None:
        """Open the system browser, where the network shows its terms; then Test again."""
        QDesktopServices.openUrl(QUrl(self.portal_url()))
        self.again_button.setFocus()

    def ready(self) -> bool:
        return self.state.report is not None

    def show_details(self) -> None:
        if self.state.diagnosis is None:
            return
        DetailsDialog(self.state.diagnosis, self).open()

    def cleanupPage(self) -> None:  # noqa: N802
        self.stop_test()
        super().cleanupPage()

    # --- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Testing the ways to send"))
        self.setSubTitle(self.tr("This takes a few seconds. Nothing is sent."))
        self.intro.setText(self.tr("Testing which ways to send mail work from this network "
                                   "(server {host}):").format(host=self.state.host or "—"))
        for row in self.rows:
            row.render(self.state.preset.timeout)
        self.details_button.setText(self.tr("&Details…"))
        self.details_button.setAccessibleName(self.tr("Details"))
        self.again_button.setText(self.tr("Test &again"))
        self.stop_button.setText(self.tr("S&top"))
        self.browser_button.setText(self.tr("&Open a web page"))
        self.browser_button.setToolTip(self.tr("Opens your web browser, where this network shows "
                                               "its terms. Accept them, then press Test again."))
        self.progress.setAccessibleName(self.tr("Testing"))
        self._render_verdict()

    def _render_verdict(self) -> None:
        d = self.state.diagnosis
        if self.testing:
            self.verdict_icon.clear()
            self.verdict_title.clear()
            self.verdict_text.clear()
            return
        if d is None and self._run_error is not None:
            self.verdict_icon.setPixmap(icons.pixmap("fail", 32))
            self.verdict_title.setText(self.tr("The test could not run"))
            self.verdict_text.setText(i18n.error_text(self._run_error))
            return
        if d is None:
            if self._worker is not None and self._worker.cancelled:
                self.verdict_icon.setPixmap(icons.pixmap("skipped", 32))
                self.verdict_title.setText(self.tr("The test was stopped"))
                self.verdict_text.setText(self.tr("Press Test again to start it again."))
            return
        good = d.recommended is not None
        head = d.headline
        ok = next((v for v in d.verdicts if v.good), None)
        parts: list[str] = []
        if good and ok is not None:
            title = ok.title
            # why port 25 fails here, then the good news; other ports' problems are in Details
            parts.extend(i18n.render(v.explanation) for v in d.verdicts if v.id in WHY_25)
            parts.append(i18n.render(ok.explanation))
            parts.append(self.tr("Press Next to switch your mail program to it."))
            self.verdict_icon.setPixmap(icons.pixmap("ok", 32))
        else:
            title = head.title if head is not None else None
            if head is not None:
                parts.append(i18n.render(head.explanation))
                parts.append(i18n.render(head.action))
            self.verdict_icon.setPixmap(icons.pixmap(
                "warn" if self.state.port_choices() else "fail", 32))
        self.verdict_title.setText(i18n.render(title) if title is not None else "")
        self.verdict_text.setText("\n".join(parts))
