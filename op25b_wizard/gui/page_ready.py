"""Page 7: ready for the trip: the checklist, the support code large and copyable, "Send a test
message to myself", and what to do if mail still does not send. The password goes into the
keyring here, and is forgotten by the program when the wizard closes."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from op25b_wizard import i18n
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP
from op25b_wizard.core.wizard_state import CheckItem, PageId
from op25b_wizard.gui import icons
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase, scaled_font, text_label

ICON_FOR = {"ok": "ok", "failed": "fail", "skipped": "skipped", "note": "warn"}

FIX_TEXTS = {
    PageId.PORT_TEST: QT_TRANSLATE_NOOP("ReadyPage", "Test again"),
    PageId.SWITCH: QT_TRANSLATE_NOOP("ReadyPage", "Choose the port"),
    PageId.SIGNIN: QT_TRANSLATE_NOOP("ReadyPage", "Go to sign-in"),
    PageId.APPLY: QT_TRANSLATE_NOOP("ReadyPage", "Go to Apply"),
    PageId.READY: QT_TRANSLATE_NOOP("ReadyPage", "Try again"),
}
"""The button beside a checklist line, by the page that puts it right."""

SHOW_SETTINGS = QT_TRANSLATE_NOOP("ReadyPage", "Show the settings")
"""The button beside "enter the new settings yourself" (no mail program to change)."""


def fix_text(item: CheckItem) -> str:
    """The text of the button beside *item*, in the current language."""
    source = SHOW_SETTINGS if item.id == "client" and item.state == "skipped" \
        else FIX_TEXTS[item.fix]  # type: ignore[index]
    return QCoreApplication.translate("ReadyPage", source)


class ReadyPage(WizardPageBase):
    page_id = PageId.READY

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self._send_state: tuple[str, Any] | None = None
        self._items: list[CheckItem] = []
        """The checklist lines on screen, in order."""

    def build(self) -> None:
        self.checks = QGridLayout()
        self.checks.setColumnStretch(1, 1)
        self.checks.setVerticalSpacing(6)
        self.body.addLayout(self.checks)
        self.check_rows: list[tuple[QLabel, QLabel, QPushButton]] = []
        self.fix_buttons: dict[str, QPushButton] = {}
        """The button of each checklist line that has one, by the line's id."""

        self.code_box = QGroupBox()
        cb = QHBoxLayout(self.code_box)
        self.code = QLabel()
        self.code.setObjectName("supportCode")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() * 2.2)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cb.addWidget(self.code, 1)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyCode")
        self.copy_button.clicked.connect(self.copy_code)
        cb.addWidget(self.copy_button)
        self.body.addSpacing(6)
        self.body.addWidget(self.code_box)

        self.send_row = QWidget()
        row = QHBoxLayout(self.send_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.send_button = QPushButton()
        self.send_button.setObjectName("sendTest")
        self.send_button.clicked.connect(self.send_test_message)
        row.addWidget(self.send_button)
        self.send_icon = QLabel()
        row.addWidget(self.send_icon)
        self.send_status = text_label()
        self.send_status.setObjectName("sendStatus")
        row.addWidget(self.send_status, 1)
        self.body.addWidget(self.send_row)

        self.help_box = QGroupBox()
        hb = QVBoxLayout(self.help_box)
        self.help_text = text_label()
        hb.addWidget(self.help_text)
        self.body.addWidget(self.help_box)
        self.body.addStretch(1)

    # --- entering: keep the password ---------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        self.ensure_built()
        s = self.state
        plan = s.keyring_plan()
        if not plan.empty:
            password = s.password
            services = self.services
            s.keyring = "pending"

            def job(_r: Any, _c: Any) -> None:
                if plan.forget is not None:
                    services.delete_password(*plan.forget)
                if plan.keep is not None:
                    services.store_password(*plan.keep, password)

            self.run(job, lambda _none: self._keyring_done(plan), self._store_failed,
                     name="keep password")
        elif plan.action != "store":
            s.keyring = plan.action  # type: ignore[assignment]
        super().initializePage()
        self.focus_later(self.copy_button if s.support_code else self.send_button)

    def go_fix(self, item: CheckItem) -> None:
        """A checklist line's button: back to the page that puts it right (or, for this page's
        own work, do it again)."""
        if item.fix is None or self.busy:
            return
        if item.fix == PageId.READY:
            self.initializePage()
            return
        wizard = self.wizard()
        while wizard is not None and wizard.currentId() > int(item.fix) \
                and wizard.currentId() != wizard.startId():
            before = wizard.currentId()
            wizard.back()
            if wizard.currentId() == before:
                break
        if item.fix == PageId.PORT_TEST and wizard is not None:
            # "Test again" means it: the test runs again at once
            start = getattr(wizard.currentPage(), "start_test", None)
            if start is not None:
                start()

    def _keyring_done(self, plan: Any) -> None:
        self.state.keyring_done(plan)
        self.retranslate()

    def _store_failed(self, error: BaseException) -> None:
        self.state.keyring_failed(getattr(error, "message", None))
        self.retranslate()

    # --- actions --------------------------------------------------------------------------

    def copy_code(self) -> None:
        code = self.state.support_code
        if code:
            QGuiApplication.clipboard().setText(code)
            self.copy_button.setText(self.tr("Copied"))

    def can_send(self) -> bool:
        return self.state.can_send_test_message

    def send_test_message(self) -> None:
        if not self.can_send() or self.busy:
            return
        request = self.state.signin_request(test_message=True)
        services = self.services
        self._send_state = ("testing", None)

        def job(_r: Any, cancel: threading.Event) -> Any:
            report = services.run_probe(request, lambda _e: None, cancel)
            return report.ports[0] if report.ports else None

        self.run(job, self._sent, lambda e: self._send_done(("fail", i18n.error_text(e))), name="test message")
        self.retranslate()

    def _sent(self, port: Any) -> None:
        ok = port is not None and bool(port.message_sent)
        self.state.test_message_sent = ok
        self._send_done(("ok", None) if ok else ("fail", None))

    def _send_done(self, state: tuple[str, Any]) -> None:
        self._send_state = state
        self.retranslate()

    def cleanupPage(self) -> None:  # noqa: N802 - Back (or a checklist button)
        self.state.apply_skipped = False  # back on the apply page, Next applies again
        super().cleanupPage()

    def validatePage(self) -> bool:  # noqa: N802 - Finish
        self.state.forget_password()
        return True

    # --- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        s = self.state
        readiness = s.readiness()
        if readiness == "not_ready":
            self.setTitle(self.tr("Not ready yet"))
            self.setSubTitle(self.tr("Something still needs fixing: the buttons below lead "
                                     "there. The helpdesk can help."))
        elif readiness == "ready":
            self.setTitle(self.tr("Ready for your trip"))
            self.setSubTitle(self.tr("Your mail will send from hotels and other networks."))
        else:
            # the way works, but the mail program is not changed yet or the password unchecked
            self.setTitle(self.tr("Almost ready"))
            self.setSubTitle(self.tr("A step in the list below is still open: its button "
                                     "leads there."))
        self._render_checks()
        self.code_box.setTitle(self.tr("Support code (tell it to your helpdesk)"))
        self.code.setText(s.support_code or "—")
        self.code.setAccessibleName(self.tr("Support code"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setEnabled(bool(s.support_code))
        # without a way to send there is nothing to send a test message through
        self.send_row.setVisible(s.choice is not None)
        self.send_button.setText(self.tr("&Send a test message to myself"))
        self.send_button.setEnabled(self.can_send() and not self.busy)
        self._render_send()
        hotel = self.tr("On a hotel or airport network, open any web page first: you may have "
                        "to accept its terms before mail works.")
        helpdesk = self.tr("Call your helpdesk and read them the support code above.")
        if s.choice is None:
            # nothing got through: first the connection itself, then the test again
            self.help_box.setTitle(self.tr("What to try"))
            tips = (self.tr("Check that this computer is online (Wi-Fi or cable connected)."),
                    hotel, self.tr("Then press Test again above."), helpdesk)
        else:
            self.help_box.setTitle(self.tr("If mail still does not send"))
            tips = (self.tr("Close your mail program and open it again."), hotel,
                    self.tr("Run this wizard again there: it tests that network."), helpdesk)
        self.help_text.setText("\n".join("• " + tip for tip in tips))

    def _render_checks(self) -> None:
        items = self.state.checklist()
        while len(self.check_rows) < len(items):
            icon, text, fix = QLabel(), text_label(), QPushButton()
            fix.setAutoDefault(False)
            r = len(self.check_rows)
            self.checks.addWidget(icon, r, 0, Qt.AlignmentFlag.AlignTop)
            self.checks.addWidget(text, r, 1)
            self.checks.addWidget(fix, r, 2, Qt.AlignmentFlag.AlignTop)
            fix.clicked.connect(lambda _c=False, r=r: self._fix_clicked(r))
            self.check_rows.append((icon, text, fix))
        self._items = items
        self.fix_buttons = {}
        for r, (icon, text, fix) in enumerate(self.check_rows):
            item = items[r] if r < len(items) else None
            for w in (icon, text, fix):
                w.setVisible(item is not None)
            if item is None:
                continue
            icon.setPixmap(icons.pixmap(ICON_FOR[item.state], 24))
            text.setText(i18n.render(item.text))
            text.setObjectName(f"check_{item.id}")
            text.setFont(scaled_font(self, 1.1, bold=item.state == "ok"))
            fix.setVisible(item.fix is not None)
            if item.fix is not None:
                fix.setText(fix_text(item))
                fix.setObjectName(f"fix_{item.id}")
                fix.setEnabled(not self.busy)
                self.fix_buttons[item.id] = fix

    def _fix_clicked(self, row: int) -> None:
        if row < len(self._items):
            self.go_fix(self._items[row])

    def _render_send(self) -> None:
        st = self._send_state
        if st is None:
            self.send_icon.clear()
            if self.can_send():
                text = self.tr("Sends one short message to {email}.").format(email=self.state.email)
            elif self.state.login_verified is False:
                text = self.tr("Your password was not accepted: correct it on the sign-in page.")
            else:
                text = self.tr("Needs your password on the sign-in page.")
            self.send_status.setText(text)
            return
        kind, detail = st
        self.send_icon.setPixmap(icons.pixmap({"testing": "testing", "ok": "ok"}.get(kind, "fail"), 24))
        if kind == "testing":
            self.send_status.setText(self.tr("Sending…"))
        elif kind == "ok":
            self.send_status.setText(self.tr("Sent. Look for it in your inbox in a minute."))
        else:
            self.send_status.setText(self.tr("The test message could not be sent.")
                                     + (f" {detail}" if detail else ""))
