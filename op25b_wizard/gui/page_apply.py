"""Page 6: apply the settings to the mail program (before → after, backup, Undo; "Close
Thunderbird first" while it runs) and export them (sheet, print, autoconfig, …)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizard,
)

from op25b_wizard import i18n
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui import icons, wording
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase, scaled_font, text_label
from op25b_wizard.gui.wizard import standard_button_text

CTX = "ApplyPage"

EXPORTS: tuple[tuple[str, str, str], ...] = (
    ("pdf", QT_TRANSLATE_NOOP("ApplyPage", "Settings sheet (PDF)"),
     QT_TRANSLATE_NOOP("ApplyPage", "PDF files (*.pdf)")),
    ("print", QT_TRANSLATE_NOOP("ApplyPage", "Print the settings sheet…"), ""),
    ("autoconfig", QT_TRANSLATE_NOOP("ApplyPage", "For Thunderbird on other computers"),
     QT_TRANSLATE_NOOP("ApplyPage", "Autoconfig files (*.xml)")),
    ("mobileconfig", QT_TRANSLATE_NOOP("ApplyPage", "For iPhone, iPad and Mac"),
     QT_TRANSLATE_NOOP("ApplyPage", "Apple profiles (*.mobileconfig)")),
    ("autodiscover", QT_TRANSLATE_NOOP("ApplyPage", "For Outlook (Autodiscover)"),
     QT_TRANSLATE_NOOP("ApplyPage", "Autodiscover files (*.xml)")),
    ("msmtp", QT_TRANSLATE_NOOP("ApplyPage", "For msmtp (Linux, Mac)"),
     QT_TRANSLATE_NOOP("ApplyPage", "All files (*)")),
)
"""(format, button text, file-dialog filter); "print" opens the print dialog."""


def _pdf_renderer() -> Any:
    from op25b_wizard.sheet_pdf import export_pdf  # Qt's PDF writer, loaded when first used

    return export_pdf


def _t(source: str) -> str:
    return QCoreApplication.translate(CTX, source)


class ApplyPage(WizardPageBase):
    page_id = PageId.APPLY

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        self.change: Any = None
        self._status: tuple[str, Any] | None = None
        self._export_status: tuple[str, str, Any] | None = None
        self._export_notes: list[Any] = []
        """What the last export says besides "Saved" (e.g. where msmtp finds the password)."""
        self._planned_for: Any = None
        self._advance_after_apply = False
        """Next ("Apply and continue") was pressed: go on once the change is saved."""

    def build(self) -> None:
        self.client_box = QGroupBox()
        cb = QVBoxLayout(self.client_box)
        self.lines = QVBoxLayout()
        self.line_labels: list[QLabel] = []
        cb.addLayout(self.lines)
        self.password_note = text_label()
        self.password_note.setObjectName("passwordNote")
        cb.addWidget(self.password_note)
        row = QHBoxLayout()
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("apply")
        # a second way to apply (and stay, e.g. to export): the highlighted Next is the first
        self.apply_button.clicked.connect(self.apply_change)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo")
        self.undo_button.clicked.connect(self.undo_change)
        row.addWidget(self.apply_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("skipApply")
        self.skip_button.setFlat(True)
        self.skip_button.clicked.connect(self.skip_apply)
        row.addWidget(self.skip_button)
        cb.addLayout(row)
        status_row = QHBoxLayout()
        self.status_icon = QLabel()
        self.status = text_label(selectable=True)
        self.status.setObjectName("applyStatus")
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status, 1)
        cb.addLayout(status_row)
        self.body.addWidget(self.client_box)

        self.manual_box = QGroupBox()
        mb = QVBoxLayout(self.manual_box)
        self.manual_intro = text_label()
        mb.addWidget(self.manual_intro)
        self.manual_form = QFormLayout()
        self.manual_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for name in wording.FIELD_ORDER:
            key, value = QLabel(), QLabel()
            value.setFont(scaled_font(value, 1.1, bold=True))
            self.manual_form.addRow(key, value)
            self.manual_labels[name] = (key, value)
        mb.addLayout(self.manual_form)
        self.body.addWidget(self.manual_box)

        self.export_box = QGroupBox()
        eb = QVBoxLayout(self.export_box)
        self.export_intro = text_label()
        eb.addWidget(self.export_intro)
        grid = QGridLayout()
        self.export_buttons: dict[str, QPushButton] = {}
        for i, (fmt, _text, _filter) in enumerate(EXPORTS):
            b = QPushButton()
            b.setObjectName(f"export_{fmt}")
            b.clicked.connect(lambda _c=False, fmt=fmt: self.export(fmt))
            grid.addWidget(b, i // 2, i % 2)
            self.export_buttons[fmt] = b
        eb.addLayout(grid)
        self.export_status = text_label(selectable=True)
        self.export_status.setObjectName("exportStatus")
        eb.addWidget(self.export_status)
        self.body.addWidget(self.export_box)
        self.body.addStretch(1)

    # --- planning -------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802
        self.ensure_built()
        s = self.state
        has_client = s.account is not None
        s.apply_skipped = False  # back on this page: Next applies again
        self._advance_after_apply = False
        self.client_box.setVisible(has_client)
        self.manual_box.setVisible(not has_client)
        if has_client:
            needed, key = s.plan_needed(self._planned_for)
            if needed or self.change is None:
                self._planned_for = key
                self.change = None
                self._status = None
                self._plan(s.target_settings())
        super().initializePage()

    def _plan(self, target: Any) -> None:
        account = self.state.account
        services = self.services

        def job(_r: Any, _c: threading.Event) -> Any:
            change = services.plan(account, target)
            return change, services.is_running(account)

        self.run(job, self._planned, self._client_error, name="plan change")

    def _planned(self, result: tuple[Any, bool]) -> None:
        self.change, running = result
        if self.change.is_empty:
            self.state.applied = True
            self._status = ("ok", "already")
        elif running:
            self._status = ("warn", "running")
        self.retranslate()

    # --- applying and undoing -------------------------------------------------------------

    def pending(self) -> bool:
        """A change to the mail program is planned and not saved yet: Next applies it."""
        return (self.state.account is not None and self.change is not None
                and not self.change.is_empty and not self.state.applied)

    def validatePage(self) -> bool:  # noqa: N802 - Next is "Apply and continue"
        if not self.pending() or self.state.apply_skipped:
            return True
        self._advance_after_apply = True
        self.apply_change()
        return False

    def skip_apply(self) -> None:
        """The deliberate second choice: go on without changing the mail program."""
        if self.busy:
            return
        self.state.apply_skipped = True
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def cleanupPage(self) -> None:  # noqa: N802 - Back
        self._advance_after_apply = False
        super().cleanupPage()

    def apply_change(self) -> None:
        if self.change is None or self.busy:
            return
        change = self.change
        services = self.services
        self._status = ("testing", "applying")
        self.run(lambda _r, _c: services.apply(change), self._applied, self._client_error,
                 name="apply")
        self.retranslate()

    def _applied(self, result: Any) -> None:
        self.state.applied = True
        self.state.apply_error = None
        self.state.backup_dir = str(result.backup_dir)
        self._status = ("ok", "applied")
        self.ctx.stateChanged.emit()
        self.retranslate()
        if self._advance_after_apply:
            self._advance_after_apply = False
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                wizard.next()

    def undo_change(self) -> None:
        account = self.state.account
        if account is None or self.busy:
            return
        services = self.services
        self.run(lambda _r, _c: services.undo(account), self._undone, self._client_error,
                 name="undo")

    def _undone(self, result: Any) -> None:
        self.state.applied = False
        self.state.backup_dir = None
        self.change = None
        self._planned_for = None
        self.initializePage()  # plans again (and forgets the status)
        kept = list(getattr(result, "kept", None) or [])
        self._status = ("warn", ("kept", kept)) if kept else ("skipped", "undone")
        self.retranslate()

    def _client_error(self, error: BaseException) -> None:
        from op25b_wizard.core.clients.base import ClientError, ClientRunning

        self._advance_after_apply = False
        if isinstance(error, ClientRunning):
            self._status = ("warn", "running")
        elif isinstance(error, ClientError):
            self.state.apply_error = error.message
            self._status = ("fail", error.message)
        else:
            self._status = ("fail", i18n.error_text(error))
        self.retranslate()

    # --- exports --------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        from op25b_wizard.core.exports.registry import FORMATS, suggested_file_name
        from op25b_wizard.core.exports.settings import ExportError

        try:
            settings = self.state.export_settings()
        except ExportError as e:
            self._export_status = ("fail", fmt, e.message)
            self.retranslate()
            return
        if fmt == "print":
            self.print_sheet(settings)
            return
        label, filt = next(((_t(t), _t(f)) for n, t, f in EXPORTS if n == fmt), (
            i18n.render(FORMATS[fmt].description), _t(QT_TRANSLATE_NOOP("ApplyPage", "All files (*)"))))
        path = self.ask_save_path(label, suggested_file_name(fmt, settings), filt)
        if not path:
            return
        options = self.state.export_options(i18n.translate, i18n.language())

        state = self.state

        def job(_r: Any, _c: threading.Event) -> tuple[str, list[Any], bool]:
            from op25b_wizard.core.exports import writing

            data = writing.render(fmt, settings, options, pdf=_pdf_renderer)
            # msmtp finds the password as after "op25b-wizard export msmtp"
            notes, stored = state.prepare_msmtp(settings, options) if fmt == "msmtp" else ([], False)
            writing.write_file(path, data, fmt)
            return path, notes, stored

        def done(result: tuple[str, list[Any], bool]) -> None:
            saved, notes, stored = result
            if stored:
                state.msmtp_stored(settings.outgoing.host, settings.outgoing.username)
            self._exported(fmt, saved, notes)

        self.run(job, done, lambda e: self._export_failed(fmt, e), busy=False,
                 name=f"export {fmt}")

    def ask_save_path(self, title: str, name: str, filt: str) -> str | None:
        if self.ctx.save_path_hook is not None:
            return self.ctx.save_path_hook(self, title, name, filt)
        start = str(Path.home() / name)
        # Qt's own dialog outside Windows and macOS: it speaks the language chosen in the
        # wizard (a desktop's dialog speaks the desktop's)
        own = sys.platform not in ("win32", "darwin")
        options = QFileDialog.Option.DontUseNativeDialog if own else QFileDialog.Option(0)
        path, _ = QFileDialog.getSaveFileName(self, title, start, filt, options=options)
        return path or None

    def print_sheet(self, settings: Any) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from op25b_wizard.core.exports import sheet_html

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.ctx.print_hook is not None:
            accepted = self.ctx.print_hook(self, printer)
        else:
            accepted = QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted
        if not accepted:
            return
        html = sheet_html.render(settings, self.state.export_options(i18n.translate,
                                                                    i18n.language()))
        doc = QTextDocument()
        doc.setHtml(html)
        doc.print_(printer)
        self._export_status = ("ok", "print", None)
        self.retranslate()

    def _exported(self, fmt: str, path: str, notes: list[Any] | None = None) -> None:
        self._export_status = ("ok", fmt, path)
        self._export_notes = list(notes or [])
        self.retranslate()

    def _export_failed(self, fmt: str, error: BaseException) -> None:
        message = getattr(error, "message", None)
        self._export_status = ("fail", fmt, message if message is not None
                               else i18n.error_text(error))
        self.retranslate()

    # --- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        s = self.state
        client = s.client_name
        if client:
            self.setTitle(self.tr("Save the settings in {client}").format(client=client))
            self.setSubTitle(self.tr("A copy of the old settings is kept, so you can undo."))
        else:
            self.setTitle(self.tr("Enter the settings in your mail program"))
            self.setSubTitle(self.tr("Or hand them on as a file or a printed sheet."))
        self._render_client(client)
        self._render_next()
        self._render_manual()
        self.export_box.setTitle(self.tr("Keep or share the settings"))
        self.export_intro.setText(self.tr("For your other devices, your helpdesk, or on paper:"))
        for fmt, text, _filter in EXPORTS:
            self.export_buttons[fmt].setText(_t(text))
        self._render_export_status()

    def _render_client(self, client: str | None) -> None:
        if not client:
            return
        self.client_box.setTitle(self.tr("Change in {client}").format(client=client))
        if self.change is None:
            texts = [self.tr("Reading the settings of {client}…").format(client=client)]
        else:
            texts = [i18n.render(line) for line in self.change.describe()]
        while len(self.line_labels) < len(texts):
            lab = text_label(factor=1.2, bold=True)
            self.lines.addWidget(lab)
            self.line_labels.append(lab)
        for i, lab in enumerate(self.line_labels):
            lab.setVisible(i < len(texts))
            lab.setText(texts[i] if i < len(texts) else "")
        account = self.state.account
        self.password_note.setVisible(account is not None and account.client == "outlook")
        self.password_note.setText(self.tr(
            "The password is not changed here: Outlook asks for it once, the next time it "
            "sends. Type it there and let Outlook save it."))
        self.apply_button.setText(self.tr("&Apply to {client}").format(client=client))
        self.undo_button.setText(self.tr("&Undo"))
        self.apply_button.setEnabled(self.pending() and not self.busy)
        self.skip_button.setText(self.tr("Go on &without changing {client}").format(client=client))
        self.skip_button.setVisible(self.pending())
        self.skip_button.setEnabled(not self.busy)
        self.undo_button.setVisible(self.state.applied and self.state.backup_dir is not None)
        self.undo_button.setEnabled(not self.busy)
        status = self._status
        self.status.setToolTip("")
        if status is None:
            self.status_icon.clear()
            self.status.setText(self.tr("Nothing is changed until you press Apply and continue."))
            return
        icon, what = status
        self.status_icon.setPixmap(icons.pixmap(icon, 24))
        if what == "running":
            self.status.setText(self.tr("Close {client} first: it is still running and would undo "
                                        "the change when it closes. Then press Apply and continue "
                                        "again.").format(client=client))
        elif what == "applying":
            self.status.setText(self.tr("Saving…"))
        elif what == "applied":
            # the backup folder is for the helpdesk: in the tooltip, not in the sentence
            self.status.setText(self.tr("Done. {client} now uses the new settings. A copy of "
                                        "the old ones is kept: Undo puts them back.")
                                .format(client=client))
            self.status.setToolTip(self.state.backup_dir or "")
        elif what == "already":
            self.status.setText(self.tr("{client} already has these settings.").format(client=client))
        elif what == "undone":
            self.status.setText(self.tr("Undone: {client} has its old settings again.")
                                .format(client=client))
        elif isinstance(what, tuple) and what[0] == "kept":
            from op25b_wizard.core.clients.wording import describe_kept

            name = self.state.account.client if self.state.account else ""
            lines = [i18n.render(describe_kept(name, k)) for k in what[1]]
            self.status.setText("\n".join([self.tr(
                "Undone, except what was changed in {client} after the change was applied:")
                .format(client=client), *lines]))
        else:
            self.status.setText(i18n.render(what) if not isinstance(what, str) else what)

    def _render_next(self) -> None:
        """The highlighted button makes the change: "Apply and continue" while one is pending."""
        wizard = self.wizard()
        if wizard is None:
            return
        nxt = QWizard.WizardButton.NextButton
        self.setButtonText(nxt, self.tr("Apply and co&ntinue >") if self.pending()
                           else standard_button_text(wizard, nxt))

    def _render_manual(self) -> None:
        s = self.state
        if s.account is not None or s.choice is None:
            return
        self.manual_box.setTitle(self.tr("Your outgoing server settings"))
        self.manual_intro.setText(self.tr("In your mail program, open the outgoing server (SMTP) "
                                          "settings and enter:"))
        t = s.target_settings()
        vals = wording.values("thunderbird", t.host, t.port, t.security, t.auth, t.username)
        for name, (key, value) in self.manual_labels.items():
            key.setText(wording.field_name(name))
            value.setText(vals[name])

    def _render_export_status(self) -> None:
        st = self._export_status
        self.export_status.setToolTip("")
        if st is None:
            self.export_status.clear()
            return
        kind, fmt, detail = st
        if kind == "fail":
            text = i18n.render(detail) if not isinstance(detail, str) else detail
            self.export_status.setText(self.tr("Not saved: {reason}").format(reason=text))
        elif fmt == "print":
            self.export_status.setText(self.tr("Sent to the printer."))
        else:
            # the file's name in the sentence; where it went, in the tooltip
            self.export_status.setText("\n".join([
                self.tr("Saved: {path}").format(path=Path(detail).name),
                *(i18n.render(n) for n in self._export_notes)]))
            self.export_status.setToolTip(str(detail))
