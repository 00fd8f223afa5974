"""Page 5: sign-in and encryption, like a mail program's outgoing-server dialog: "My server
requires authentication", the same user name as for receiving or another one, the password,
the encryption found by the test, one real "Test sign-in", and "Remember the password" in the
computer's own password store."""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from op25b_wizard import i18n
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui import icons, wording
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase, text_label


class SigninPage(WizardPageBase):
    page_id = PageId.SIGNIN

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self._result_key: str | None = None
        self._result_text: str = ""
        self._result_msgs: list[Any] = []
        self._advance_after_test = False
        self._backend_asked = False
        self._tested_for: tuple[Any, ...] | None = None  # what the last finished test tried
        self._testing_for: tuple[Any, ...] | None = None

    def build(self) -> None:
        self.advice = text_label()
        self.advice.setObjectName("providerAdvice")
        self.advice.setStyleSheet("color: #7a4a00;")
        self.advice.hide()
        self.body.addWidget(self.advice)
        self.auth_box = QCheckBox()
        self.auth_box.setObjectName("authRequired")
        self.auth_box.setChecked(True)
        self.auth_box.toggled.connect(self._auth_toggled)
        self.body.addWidget(self.auth_box)

        self.auth_panel = QWidget()
        panel = QVBoxLayout(self.auth_panel)
        panel.setContentsMargins(24, 0, 0, 0)
        self.same_radio = QRadioButton()
        self.same_radio.setObjectName("sameAsIncoming")
        self.other_radio = QRadioButton()
        self.other_radio.setObjectName("logOnUsing")
        self.user_group = QButtonGroup(self)
        self.user_group.addButton(self.same_radio)
        self.user_group.addButton(self.other_radio)
        self.same_radio.setChecked(True)
        self.same_radio.toggled.connect(self._user_mode_changed)
        panel.addWidget(self.same_radio)
        panel.addWidget(self.other_radio)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        self.user_label = QLabel()
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("username")
        self.user_edit.textChanged.connect(self._user_edited)
        self.user_label.setBuddy(self.user_edit)
        form.addRow(self.user_label, self.user_edit)
        self.password_label = QLabel()
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.textChanged.connect(self._password_edited)
        self.password_label.setBuddy(self.password_edit)
        form.addRow(self.password_label, self.password_edit)
        self.security_label = QLabel()
        self.security_value = QLabel()
        self.security_value.setObjectName("security")
        form.addRow(self.security_label, self.security_value)
        panel.addLayout(form)

        self.risk_text = text_label()
        self.risk_text.setObjectName("riskText")
        self.risk_text.setStyleSheet("color: #b3261e;")
        self.risk_box = QCheckBox()
        self.risk_box.setObjectName("acceptRisk")
        self.risk_box.toggled.connect(self._risk_toggled)
        panel.addWidget(self.risk_text)
        panel.addWidget(self.risk_box)

        test_row = QHBoxLayout()
        self.test_button = QPushButton()
        self.test_button.setObjectName("testSignin")
        self.test_button.clicked.connect(self.test_signin)
        test_row.addWidget(self.test_button)
        self.result_icon = QLabel()
        test_row.addWidget(self.result_icon)
        self.result_label = text_label()
        self.result_label.setObjectName("signinResult")
        test_row.addWidget(self.result_label, 1)
        panel.addLayout(test_row)
        self.body.addWidget(self.auth_panel)
        self.body.addSpacing(8)

        self.remember_box = QCheckBox()
        self.remember_box.setObjectName("remember")
        self.remember_box.setChecked(True)
        self.remember_box.toggled.connect(self._remember_toggled)
        self.body.addWidget(self.remember_box)
        self.store_warning = text_label()
        self.store_warning.setObjectName("storeWarning")
        self.store_warning.setStyleSheet("color: #b3261e;")
        self.store_warning.hide()
        self.body.addWidget(self.store_warning)
        self.body.addStretch(1)

    # --- entering the page ----------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        self.ensure_built()
        s = self.state
        self.auth_box.setChecked(s.auth_required)
        self.same_radio.setChecked(s.same_as_incoming)
        self.other_radio.setChecked(not s.same_as_incoming)
        if not s.custom_username:
            s.custom_username = s.incoming_username
        self.user_edit.setText(s.custom_username)
        if self.password_edit.text() != s.password:
            self.password_edit.setText(s.password)
        self.risk_box.setChecked(s.plaintext_consent)
        if s.login_verified is None:
            self._result_key = None
        if not self._backend_asked:
            self._backend_asked = True
            self.run(lambda _r, _c: self.services.backend_status(), self._backend_known,
                     self._backend_failed, busy=False, name="keyring status")
        super().initializePage()
        self._update_enabled()
        self.focus_later(self.password_edit if s.auth_required else self.auth_box)

    def _backend_known(self, status: Any) -> None:
        self.state.keyring_secure = bool(status.secure)
        self.state.keyring_store_name = status.platform_store_name
        self._store_reason = status.reason
        if not status.secure:
            self.remember_box.setChecked(False)
        self.retranslate()
        self._update_enabled()

    def _backend_failed(self, error: BaseException) -> None:
        self.state.keyring_secure = False
        self._store_reason = None
        self._store_error = i18n.error_text(error)
        self.remember_box.setChecked(False)
        self.retranslate()
        self._update_enabled()

    # --- the user's input -----------------------------------------------------------------

    def _auth_toggled(self, on: bool) -> None:
        self.state.auth_required = on
        self._credentials_changed()
        self._result_key = None
        self._update_enabled()
        self.retranslate()

    def _user_mode_changed(self, same: bool) -> None:
        self.state.same_as_incoming = same
        self._credentials_changed()
        self._result_key = None
        self._update_enabled()
        self.retranslate()

    def _user_edited(self, text: str) -> None:
        if text != self.state.custom_username:
            self.state.custom_username = text
            if not self.state.same_as_incoming:
                self._credentials_changed()
                self._result_key = None
        self._update_enabled()

    def _password_edited(self, text: str) -> None:
        if text != self.state.password:
            self.state.password = text
            self._credentials_changed()
            self._result_key = None
            self.retranslate()
        self._update_enabled()

    def _credentials_changed(self) -> None:
        self.state.credentials_changed()

    def _risk_toggled(self, on: bool) -> None:
        self.state.plaintext_consent = on
        self._update_enabled()

    def _remember_toggled(self, on: bool) -> None:
        self.state.remember_password = on

    def busy_changed(self) -> None:
        super().busy_changed()
        self._update_enabled()

    def _update_enabled(self) -> None:
        s = self.state
        # what is being tested stays as it is until the answer (read-only fields keep the focus)
        self.auth_box.setEnabled(not self.busy)
        self.auth_panel.setEnabled(s.auth_required)
        self.same_radio.setEnabled(not self.busy)
        self.other_radio.setEnabled(not self.busy)
        self.password_edit.setReadOnly(self.busy)
        self.user_edit.setReadOnly(self.busy)
        self.user_edit.setEnabled(not s.same_as_incoming)
        plain = s.needs_consent
        self.risk_text.setVisible(plain and s.auth_required)
        self.risk_box.setVisible(plain and s.auth_required)
        self.test_button.setEnabled(s.can_test_signin and not self.busy)
        self.remember_box.setEnabled(s.auth_required and s.keyring_secure is not False)
        self.completeChanged.emit()

    def ready(self) -> bool:
        return self.state.signin_complete

    # --- testing the sign-in ----------------------------------------------------------------

    def test_signin(self) -> None:
        s = self.state
        if not s.can_send_password() or not s.username or self.busy:
            return
        request = s.signin_request()
        self._testing_for = self._attempt()
        services = self.services
        self._result_key, self._result_text, self._result_msgs = "testing", "", []

        def job(report: Any, cancel: threading.Event) -> Any:
            from op25b_wizard.core.diagnosis import diagnose

            result = services.run_probe(request, lambda _e: None, cancel)
            return result, diagnose(result, credentials_tested=True)

        self.run(job, self._tested, self._test_failed, name="sign-in test")
        self._update_enabled()
        self.retranslate()

    def _tested(self, result: tuple[Any, Any]) -> None:
        report, diagnosis = result
        if self._testing_for != self._attempt():
            # the user name, password or route changed while the test ran: its answer is about
            # something no longer on the page
            self._result_key, self._result_text, self._result_msgs = None, "", []
            self._advance_after_test = False
            self.retranslate()
            self._update_enabled()
            return
        self._tested_for = self._testing_for
        outcome, advice = self.state.record_signin(report, diagnosis)
        ok = outcome == "ok"
        self._result_key, self._result_text = outcome, ""
        if not ok:
            self._result_msgs = advice
        self.retranslate()
        self._update_enabled()
        if ok and self._advance_after_test:
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                wizard.next()
        self._advance_after_test = False

    def _test_failed(self, error: BaseException) -> None:
        self._tested_for = self._testing_for if self._testing_for == self._attempt() else None
        self._advance_after_test = False
        self._result_key, self._result_text = "failed", i18n.error_text(error)
        self.retranslate()
        self._update_enabled()

    def _attempt(self) -> tuple[Any, ...]:
        """What a sign-in test tries: the server, the route, the user name and the password
        (as a digest: the page keeps no copy of the password itself)."""
        s = self.state
        return (s.host, s.choice, s.username, hashlib.sha256(s.password.encode()).digest())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        s = self.state
        if (s.auth_required and s.password and s.login_verified is None and s.can_send_password()
                and self._tested_for != self._attempt()):
            # Next with an untested password: test it first, then go on if it is accepted. A
            # test that could not reach the server does not hold the user here: Next goes on.
            self._advance_after_test = True
            self.test_signin()
            return False
        return True

    def cleanupPage(self) -> None:  # noqa: N802
        self._advance_after_test = False
        super().cleanupPage()

    # --- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        s = self.state
        self.setTitle(self.tr("Sign-in and encryption"))
        # what the provider asks of the user (an app password, turning access on) goes where
        # the password is typed
        self.advice.setText("\n".join(i18n.render(m) for m in s.provider_advice))
        self.advice.setVisible(bool(s.provider_advice))
        self.setSubTitle(self.tr("Sending needs your mail password, like receiving does."))
        self.auth_box.setText(self.tr("My server requires &authentication"))
        self.same_radio.setText(self.tr("Use the &same user name and password as for receiving "
                                        "({user})").format(user=s.incoming_username or "—"))
        self.other_radio.setText(self.tr("&Log on using another user name"))
        self.user_label.setText(self.tr("&User name:"))
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.password_label.setText(self.tr("&Password:"))
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setPlaceholderText(self.tr("Your mail password"))
        self.security_label.setText(self.tr("Encryption:"))
        if s.choice is not None:
            self.security_value.setText(self.tr("{security} on port {port} (chosen by the test)")
                                        .format(security=wording.security_name(s.choice.security),
                                                port=s.choice.port))
        self.risk_text.setText(self.tr(
            "This server does not encrypt the connection. Anyone on this network could read "
            "your password."))
        self.risk_box.setText(self.tr("I understand the &risks and want to send my password "
                                      "without encryption"))
        self.test_button.setText(self.tr("&Test sign-in"))
        self._render_result()
        store = (i18n.render(s.keyring_store_name) if s.keyring_store_name is not None
                 else self.tr("password store"))
        self.remember_box.setText(self.tr("R&emember the password in this computer's {store}")
                                  .format(store=store))
        if s.keyring_secure is False:
            reason = getattr(self, "_store_reason", None)
            if reason is not None:  # it says so already, in full: "… cannot be remembered …"
                self.store_warning.setText(i18n.render(reason))
            else:
                self.store_warning.setText(self.tr(
                    "The password cannot be remembered safely on this computer: {reason}")
                    .format(reason=getattr(self, "_store_error", "")))
            self.store_warning.show()
        else:
            self.store_warning.hide()

    def _render_result(self) -> None:
        key = self._result_key
        if key is None:
            self.result_icon.clear()
            self.result_label.setText(self.tr("Checks your password once with the server."))
        elif key == "testing":
            self.result_icon.setPixmap(icons.pixmap("testing", 24))
            self.result_label.setText(self.tr("Checking…"))
        elif key == "ok":
            self.result_icon.setPixmap(icons.pixmap("ok", 24))
            self.result_label.setText(self.tr("Your password was accepted."))
        elif key == "slow":
            self.result_icon.setPixmap(icons.pixmap("warn", 24))
            gap = "" if i18n.language() == "ja" else " "
            self.result_label.setText(gap.join(i18n.render(m) for m in self._result_msgs))
        elif key == "unchecked":
            self.result_icon.setPixmap(icons.pixmap("warn", 24))
            self.result_label.setText(self.tr(
                "The server could not be reached, so the password was not checked. Check the "
                "connection and press Test sign-in again, or press Next to go on without "
                "checking it."))
        else:
            self.result_icon.setPixmap(icons.pixmap("fail", 24))
            gap = "" if i18n.language() == "ja" else " "  # Japanese sentences run on
            text = gap.join(i18n.render(m) for m in self._result_msgs) or self._result_text
            self.result_label.setText(text or self.tr("The sign-in did not work."))
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
