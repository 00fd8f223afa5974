"""Page 2: which address to set up: an account found in a mail program, or one typed in."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from op25b_wizard import i18n
from op25b_wizard.core.i18n import Msg
from op25b_wizard.core.wizard_state import PageId, ProviderAnswer
from op25b_wizard.gui import icons, wording
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase, text_label

if TYPE_CHECKING:
    from op25b_wizard.core.clients.base import Account, AccountScan

TYPED = "typed"
"""The list item's data for "enter my e-mail address"."""


def _is_account(item: object) -> bool:
    """A list entry is an Account, or the string TYPED for "enter my e-mail address"."""
    return item is not None and not isinstance(item, str)


class AccountPage(WizardPageBase):
    page_id = PageId.ACCOUNT

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self.accounts: list[Account] | None = None
        self._scan_error: str | None = None
        self._unreadable: list[Msg] = []
        """Settings files that could not be read (their accounts are not listed)."""
        self._lookup_for: str | None = None
        """The address being looked up now."""
        self._found: ProviderAnswer | None = None
        """What the last lookup found, for the address it was for."""
        self._found_unconfirmed = False
        """That answer came from a source an attacker could forge: the user confirms the host."""
        self._lookup_failed: str | None = None
        """The address for which nothing was found: the user types the server."""
        self._failure_advice: list[Msg] = []
        self._failure_status = "not_found"
        """Why nothing was found: ``not_found`` (the network answered) or ``not_checked``."""
        self._stopped = False
        self._lookup_notes: list[Msg] = []
        self._status: str | None = None
        """What the line under the address says: looking, stopped, not_server, error,
        not_found, not_checked, confirm (rendered in :meth:`retranslate`, so a language switch redoes it)."""
        self._status_args: dict[str, Any] = {}
        self._preset_checked: dict[str, ProviderAnswer | None] = {}
        """Per found account's address: what the company preset says for it (None: nothing)."""

    def build(self) -> None:
        self.question = text_label(factor=1.2)
        self.body.addWidget(self.question)
        self.list = QListWidget()
        self.list.setObjectName("accounts")
        self.list.setIconSize(QSize(32, 32))
        self.list.setSpacing(2)
        self.list.setMinimumHeight(120)
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.body.addWidget(self.list, 1)
        self.status = text_label()
        self.body.addWidget(self.status)

        self.typed_box = QGroupBox()
        form = QFormLayout(self.typed_box)
        self.email_label = QLabel()
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("email")
        self.email_edit.textChanged.connect(self._typed_changed)
        self.email_label.setBuddy(self.email_edit)
        form.addRow(self.email_label, self.email_edit)
        self.server_label = QLabel()
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("server")
        self.server_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.server_label.setBuddy(self.server_edit)
        form.addRow(self.server_label, self.server_edit)
        self.lookup_status = text_label()
        form.addRow(self.lookup_status)
        stop_row = QHBoxLayout()
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopLookup")
        self.stop_button.clicked.connect(self._stop_lookup)
        stop_row.addWidget(self.stop_button)
        stop_row.addStretch(1)
        form.addRow(stop_row)
        self.body.addWidget(self.typed_box)

        self.current_box = QGroupBox()
        self.current_form = QFormLayout(self.current_box)
        self.current_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for name in wording.FIELD_ORDER:
            key, value = QLabel(), QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.current_form.addRow(key, value)
            self.current_labels[name] = (key, value)
        self.body.addWidget(self.current_box)
        self.typed_box.hide()
        self.current_box.hide()
        self.stop_button.hide()
        self.server_label.hide()
        self.server_edit.hide()

    # --- finding accounts ------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        self.ensure_built()
        if self.accounts is None and not self.busy:
            if self.state.preset.email and self.state.preset.host:
                self.accounts = []
                self._fill_list()
            else:
                self.run(lambda _report, _cancel: self.services.find_accounts(),
                         self._accounts_found, self._scan_failed, name="find accounts")
        super().initializePage()

    def shown(self) -> None:
        if self.accounts is not None:  # back on the page: where the user types or picks
            self.focus_later(self._focus_target())

    def _focus_target(self) -> QWidget:
        """The address field when "enter my e-mail address" is chosen, else the list."""
        return self.email_edit if self.selected() == TYPED else self.list

    def _accounts_found(self, scan: AccountScan) -> None:
        self.accounts = scan.accounts
        self._unreadable = [u.reason for u in scan.unreadable]
        self._fill_list()

    def _scan_failed(self, error: BaseException) -> None:
        self.accounts = []
        message = getattr(error, "message", None)
        self._scan_error = i18n.render(message) if message is not None else i18n.error_text(error)
        self._fill_list()

    def _fill_list(self) -> None:
        self.list.clear()
        for account in self.accounts or []:
            item = QListWidgetItem(icons.icon(icons.client_icon_name(account.client)), "")
            item.setData(Qt.ItemDataRole.UserRole, account)
            if account.managed:  # Exchange / Microsoft 365: shown, not offered
                item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsSelectable
                                               | Qt.ItemFlag.ItemIsEnabled))
            self.list.addItem(item)
        typed = QListWidgetItem(icons.icon("mail"), "")
        typed.setData(Qt.ItemDataRole.UserRole, TYPED)
        self.list.addItem(typed)
        self._retranslate_items()
        preset = self.state.preset.email
        if preset:
            self.list.setCurrentItem(typed)
            self.email_edit.setText(preset)
        elif self.state.account is not None and self.state.account in (self.accounts or []):
            self.list.setCurrentRow((self.accounts or []).index(self.state.account))
        elif any(not a.managed for a in self.accounts or []):
            self.list.setCurrentRow(next(i for i, a in enumerate(self.accounts or [])
                                         if not a.managed))
        else:
            self.list.setCurrentItem(typed)
        self._focus_target().setFocus()
        self.retranslate()

    def _retranslate_items(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            data = item.data(Qt.ItemDataRole.UserRole)
            if data == TYPED:
                item.setText(self.tr("Enter my e-mail address"))
            else:
                a: Account = data
                if a.managed:
                    item.setText(self.tr("{email}\n{client} · managed by your organisation (not "
                                         "changed here)").format(email=a.email,
                                                                client=a.client_name))
                else:
                    item.setText(self.tr("{email}\n{client} · sends through {host}, port {port}")
                                 .format(email=a.email, client=a.client_name, host=a.smtp.host,
                                         port=a.smtp.port))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text().replace("\n", ", "))

    # --- choosing -------------------------------------------------------------------------

    def selected(self) -> Account | str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selection_changed(self) -> None:
        sel = self.selected()
        typed = sel == TYPED
        if not typed:
            self._drop_lookup()
        self.typed_box.setVisible(typed)
        self.current_box.setVisible(_is_account(sel))
        if typed:
            self.email_edit.setFocus()
        self._show_current()
        self.completeChanged.emit()

    def _show_current(self) -> None:
        sel = self.selected()
        if not _is_account(sel):
            return
        s = sel.smtp
        self.current_box.setTitle(self.tr("Now in {client}").format(client=sel.client_name))
        vals = wording.values(sel.client, s.host, s.port, s.security, s.auth, s.username)
        for name, (key, value) in self.current_labels.items():
            key.setText(wording.field_name(name, sel.client))
            value.setText(vals[name])

    def _typed_changed(self, _text: str) -> None:
        email = self._typed_email()
        if self._lookup_for and self._lookup_for != email:
            self._drop_lookup()
        found_for = self._found.email if self._found else None
        if email is None or email not in (found_for, self._lookup_failed):
            # another address: nothing found for the one before applies to it
            self._lookup_failed = None
            self._failure_advice = []
            self._lookup_notes = []
            self._stopped = False
            self.server_edit.clear()
            self.server_label.hide()
            self.server_edit.hide()
            self._set_status(None)
        self.completeChanged.emit()

    def _typed_email(self) -> str | None:
        from op25b_wizard.core.lookup.address import EmailAddressError, parse_email

        try:
            return parse_email(self.email_edit.text()).address
        except EmailAddressError:
            return None

    def ready(self) -> bool:
        # isVisibleTo, not isVisible: QWizard hides the page while it asks isComplete()
        sel = self.selected()
        if _is_account(sel):
            return True
        if sel == TYPED:
            if self._typed_email() is None:
                return False
            if self.server_edit.isVisibleTo(self) and not self.server_edit.text().strip():
                # after "Stop looking", or a lookup that could not ask anyone, Next looks again
                return self._stopped or self._could_not_check()
            return True
        return False

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        sel = self.selected()
        if _is_account(sel):
            if self.state.preset.host:
                self.state.choose_account(sel, sel.email, sel.smtp.host)
                return True
            if sel.email not in self._preset_checked:
                self._check_company_preset(sel)
                return False
            found = self._preset_checked[sel.email]
            self.state.choose_account(sel, sel.email, found.host if found else sel.smtp.host,
                                      found)
            return True
        email = self._typed_email()
        if email is None:
            return False
        if self.state.preset.host:
            self.state.choose_account(None, email, self.state.preset.host)
            return True
        found = self._found if self._found is not None and self._found.email == email else None
        if self.server_edit.isVisibleTo(self) and self.server_edit.text().strip():
            from op25b_wizard.core.targets import TargetError, normalise_host

            try:
                host = normalise_host(self.server_edit.text())
            except TargetError:
                self._set_status("not_server")
                return False
            self.state.choose_account(None, email, host, found)
            return True
        if found is not None and not self._found_unconfirmed:
            self.state.choose_account(None, email, found.host, found)
            return True
        if found is not None:
            self._ask_to_confirm(found.host)
            return False
        if self._lookup_failed == email and not self._could_not_check():
            self._set_status(self._failure_status)
            self._ask_for_server()
            return False
        self._start_lookup(email)
        return False

    def _could_not_check(self) -> bool:
        """The last lookup for the typed address reached no DNS or web server."""
        return (self._lookup_failed is not None and self._failure_status == "not_checked"
                and self._lookup_failed == self._typed_email())

    # --- looking the provider up ----------------------------------------------------------

    def _start_lookup(self, email: str) -> None:
        self._lookup_for = email
        self._stopped = False
        self.stop_button.show()
        self.server_label.hide()
        self.server_edit.hide()
        self._set_status("looking", domain=email.rpartition("@")[2])

        def job(_report: Any, cancel: threading.Event) -> Any:
            return self.services.lookup(email, cancel)

        self.run(job, lambda result: self._lookup_done(email, result), self._lookup_error,
                 name="lookup")

    def _lookup_done(self, email: str, result: Any) -> None:
        self.stop_button.hide()
        self._lookup_for = None
        found = ProviderAnswer.from_lookup(email, result)
        if found is None:
            self._lookup_failed = email
            self._failure_advice = list(result.advice)
            # nobody could be asked (no network): that is not "not found"
            self._failure_status = "not_checked" if result.status == "not_checked" else "not_found"
            self._set_status(self._failure_status)
            self._ask_for_server()
            return
        self._found = found
        self._found_unconfirmed = bool(result.needs_confirmation or result.oauth2_only)
        # the provider wants its own sign-in: say so (its notes), and let the user go on with
        # the server found, e.g. with an app password
        self._lookup_notes = list(result.notes) if result.oauth2_only else []
        if self._found_unconfirmed:
            self._ask_to_confirm(found.host)
            return
        self._set_status(None)
        wizard = self.wizard()
        if (wizard is not None and wizard.currentPage() is self and self.selected() == TYPED
                and self._typed_email() == email):
            wizard.next()

    def _ask_to_confirm(self, host: str) -> None:
        self._set_status("confirm")
        self.server_label.show()
        self.server_edit.show()
        self.server_edit.setText(host)
        self.server_edit.setFocus()
        self.retranslate()
        self.completeChanged.emit()

    def _ask_for_server(self) -> None:
        self.server_label.show()
        self.server_edit.show()
        self.server_edit.setFocus()
        self.retranslate()
        self.completeChanged.emit()

    def _lookup_error(self, error: BaseException) -> None:
        self.stop_button.hide()
        self._lookup_for = None
        # e.g. the company preset cannot be read: say why, and let the user type the server
        self._set_status("error", error=error)
        self._ask_for_server()

    def _stop_lookup(self) -> None:
        self.cancel_work()
        self._lookup_for = None
        self._stopped = True
        self.stop_button.hide()
        self._set_status("stopped")
        self.server_label.show()
        self.server_edit.show()
        self.server_edit.setFocus()
        self.completeChanged.emit()

    def _check_company_preset(self, account: Account) -> None:
        """Does the company preset name the server for this account's domain? (A local file:
        quick, but it may sit on a network share, so off the GUI thread.)"""
        email = account.email

        def job(_report: Any, _cancel: threading.Event) -> Any:
            return self.services.company_preset(email)

        def done(result: Any) -> None:
            self._preset_checked[email] = ProviderAnswer.from_lookup(email, result) if result else None
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self and self.selected() is account:
                wizard.next()

        self.run(job, done, lambda _e: done(None), name="company preset")

    def _set_status(self, key: str | None, **args: Any) -> None:
        self._status, self._status_args = key, args
        self._render_status()

    def cleanupPage(self) -> None:  # noqa: N802 - Back: a lookup still running is dropped
        self._drop_lookup()
        super().cleanupPage()

    def _drop_lookup(self) -> None:
        """A running lookup is no longer wanted (another address, another entry, Back)."""
        if self._lookup_for is not None:
            self.cancel_work()
            self._lookup_for = None
            self.stop_button.hide()
            self._set_status(None)

    # --- texts ------------------------------------------------------------------------------

    def _render_status(self) -> None:
        key, args = self._status, self._status_args
        if key == "looking":
            text = self.tr("Looking up the settings for {domain}…").format(**args)
        elif key == "stopped":
            text = self.tr("Stopped. Enter the outgoing server yourself, or press Next to look "
                           "again.")
        elif key == "not_server":
            text = self.tr("This is not a server name. It looks like smtp.example.co.jp.")
        elif key == "error":
            text = "\n".join([i18n.error_text(args["error"]), self.tr(
                "Enter the outgoing server from your provider's letter or web page.")])
        elif key == "not_checked":
            text = "\n".join([self.tr(
                "The settings for this address could not be checked (no network?). Enter the "
                "outgoing server from your provider's letter or web page, or check the "
                "connection and press Next to look again."),
                *(i18n.render(n) for n in self._failure_advice)])
        elif key == "not_found":
            text = "\n".join([*(i18n.render(n) for n in self._failure_advice), self.tr(
                "The settings for this address were not found. Enter the outgoing server from "
                "your provider's letter or web page.")])
        elif key == "confirm" and self._lookup_notes:
            text = "\n".join(i18n.render(n) for n in self._lookup_notes)
        elif key == "confirm":
            text = self.tr("This server name was found through a source that is not protected. "
                           "Check it against your provider's letter or web page, then press Next.")
        else:
            text = ""
        self.lookup_status.setText(text)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your e-mail address"))
        self.setSubTitle(self.tr("Pick the address you send mail from."))
        self.question.setText(self.tr("Which e-mail address do you want to set up?"))
        if self.accounts is None:
            self.status.setText(self.tr("Looking for mail programs on this computer…"))
        elif self._scan_error:
            self.status.setText(self.tr("The mail programs on this computer could not be read: "
                                        "{reason}").format(reason=self._scan_error))
        elif not self.accounts:
            self.status.setText(self.tr("No mail program was found on this computer. Enter your "
                                        "e-mail address instead."))
        else:
            self.status.setText(self.tr("Found in the mail programs on this computer."))
        if self._unreadable and not self._scan_error:
            self.status.setText("\n".join([self.status.text(),
                                            *(i18n.render(m) for m in self._unreadable)]))
        self.list.setAccessibleName(self.tr("E-mail addresses"))
        self._retranslate_items()
        self.typed_box.setTitle(self.tr("Your e-mail address"))
        self.email_label.setText(self.tr("&E-mail address:"))
        self.email_edit.setPlaceholderText("taro@example.co.jp")
        self.email_edit.setAccessibleName(self.tr("E-mail address"))
        self.server_label.setText(self.tr("&Outgoing server:"))
        self.server_edit.setPlaceholderText("smtp.example.co.jp")
        self.server_edit.setAccessibleName(self.tr("Outgoing server"))
        self.stop_button.setText(self.tr("&Stop looking"))
        self._render_status()
        self._show_current()
