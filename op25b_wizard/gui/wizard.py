"""The setup wizard: seven pages over one :class:`WizardState`, a helpdesk mode, and a clean
shutdown (background work cancelled and waited for, the password forgotten)."""

from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget, QWizard
from shiboken6 import isValid

from op25b_wizard.core.wizard_state import PageId, Preset, WizardState
from op25b_wizard.gui import icons, workers
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase
from op25b_wizard.gui.page_welcome import WelcomePage
from op25b_wizard.gui.services import Services

__all__ = ["PageId", "SetupWizard"]

PAGE_CLASSES: dict[PageId, tuple[str, str]] = {
    PageId.ACCOUNT: ("op25b_wizard.gui.page_account", "AccountPage"),
    PageId.PORT_TEST: ("op25b_wizard.gui.page_port_test", "PortTestPage"),
    PageId.SWITCH: ("op25b_wizard.gui.page_switch", "SwitchPage"),
    PageId.SIGNIN: ("op25b_wizard.gui.page_signin", "SigninPage"),
    PageId.APPLY: ("op25b_wizard.gui.page_apply", "ApplyPage"),
    PageId.READY: ("op25b_wizard.gui.page_ready", "ReadyPage"),
}
"""The pages after the first, loaded once the first page is on screen (or when needed)."""

SHUTDOWN_WAIT_MS = 15000
"""How long closing waits for background work to stop (it is cancelled first)."""


class SetupWizard(QWizard):
    """*preset* fixes the server, ports or CA (tests, helpdesk); *services* replaces the core
    calls (tests); *helpdesk* shows page numbers and the support code on every page."""

    def __init__(self, *, preset: Preset | None = None, services: Services | None = None,
                 helpdesk: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.state = WizardState(preset=preset or Preset())
        self.ctx = WizardContext(self.state, services or Services(), helpdesk)
        if sys.platform != "darwin":
            # Windows' own wizard style (Aero) draws its title into the window frame and, where
            # the frame cannot be extended, pushes the buttons below the window's edge.
            self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setWindowIcon(icons.icon(icons.APP_ICON))
        self.pages: dict[PageId, WizardPageBase] = {PageId.WELCOME: WelcomePage(self.ctx)}
        self.setPage(int(PageId.WELCOME), self.pages[PageId.WELCOME])
        self.setStartId(int(PageId.WELCOME))

        self.help_menu = QMenu(self)
        self.guide_window = None
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guide_action.triggered.connect(self.show_guide)
        self.help_menu.addAction(self.guide_action)
        self.addAction(self.guide_action)
        self.helpdesk_action = QAction(self)
        self.helpdesk_action.setCheckable(True)
        self.helpdesk_action.setChecked(helpdesk)
        self.helpdesk_action.setShortcut(QKeySequence("Ctrl+H"))
        self.helpdesk_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.helpdesk_action.toggled.connect(self.ctx.set_helpdesk)
        self.help_menu.addAction(self.helpdesk_action)
        self.addAction(self.helpdesk_action)
        help_button = self.button(QWizard.WizardButton.CustomButton1)
        help_button.setObjectName("helpButton")
        help_button.setMenu(self.help_menu)
        self.setButtonLayout([
            QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton,
        ])
        self.ctx.helpdeskChanged.connect(self._helpdesk_changed)
        self.currentIdChanged.connect(lambda _id: self._update_title())
        self.currentIdChanged.connect(self._page_shown)
        screen = self.screen().availableGeometry()
        self.resize(min(780, screen.width()), min(620, screen.height()))
        self.retranslate()
        self.pages[PageId.WELCOME].installEventFilter(self)

    # --- building the other pages once the first one is on screen --------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and obj is self.pages[PageId.WELCOME]:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self._build_one_more)
        return False

    def _add_page(self, pid: PageId) -> WizardPageBase:
        module, name = PAGE_CLASSES[pid]
        page = getattr(importlib.import_module(module), name)(self.ctx)
        self.setPage(int(pid), page)
        self.pages[pid] = page
        return page

    def _page_shown(self, pid: int) -> None:
        """Tell the page now on screen (forward or Back: QWizard initialises only forward)."""
        page = self.page(pid)
        if isinstance(page, WizardPageBase) and page.built:
            page.shown()

    def ensure_pages(self) -> None:
        """Create every page not created yet (before leaving the first page)."""
        for pid in PAGE_CLASSES:
            if pid not in self.pages:
                self._add_page(pid)

    def _build_one_more(self) -> None:
        """Create and build the next page not ready yet, one per event-loop turn, so the
        window stays responsive meanwhile. Stops when the window has been closed."""
        if not isValid(self) or not self.isVisible():
            return
        missing = next((pid for pid in PAGE_CLASSES if pid not in self.pages), None)
        if missing is not None:
            self._add_page(missing).ensure_built()
        else:
            page = next((p for p in self.pages.values() if not p.built), None)
            if page is None:
                return
            page.ensure_built()
        QTimer.singleShot(0, self, self._build_one_more)

    # --- the guide ------------------------------------------------------------------------

    def show_guide(self) -> None:
        """Help ▸ User guide (F1): the illustrated guide in the user's language, offline."""
        from op25b_wizard.gui.guide import GuideWindow

        if self.guide_window is None:
            self.guide_window = GuideWindow(self)
        self.guide_window.show()
        self.guide_window.raise_()
        self.guide_window.activateWindow()

    # --- helpdesk mode --------------------------------------------------------------------

    @property
    def helpdesk(self) -> bool:
        return self.ctx.helpdesk

    def set_helpdesk(self, on: bool) -> None:
        self.helpdesk_action.setChecked(on)

    def _helpdesk_changed(self, on: bool) -> None:
        if self.helpdesk_action.isChecked() != on:
            self.helpdesk_action.setChecked(on)
        self._update_title()

    def page_of(self, pid: PageId) -> WizardPageBase:
        if pid not in self.pages:
            self.ensure_pages()
        return self.pages[pid]

    # --- texts ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Help"))
        self.guide_action.setText(self.tr("User &guide"))
        self.helpdesk_action.setText(self.tr("Helpdesk mode: show page numbers and the support code"))
        # QWizard translates its standard buttons only when the page changes: set them now,
        # with Qt's own source texts (per style), so that the qtbase catalogue applies at once.
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            self.setButtonText(which, standard_button_text(self, which))
        self._update_title()

    def _update_title(self) -> None:
        title = self.tr("Mail setup for travel")
        if self.helpdesk and self.currentId() > 0:
            title += " — " + self.tr("page {page}").format(page=self.currentId())
        self.setWindowTitle(title)

    # --- closing ----------------------------------------------------------------------------

    def done(self, result: int) -> None:  # noqa: D401 - Qt override (Finish, Cancel, close)
        for page in self.pages.values():
            page.cancel_work()
        self.state.forget_password()
        super().done(result)  # the window goes at once; then wait for the work to stop
        workers.shutdown(SHUTDOWN_WAIT_MS)


def standard_button_text(wizard: QWizard, which: QWizard.WizardButton) -> str:
    """QWizard's own text for a standard button in the wizard's style and the current language
    (a page that renamed its Next button gives it back with this)."""
    mac = wizard.wizardStyle() == QWizard.WizardStyle.MacStyle
    aero = wizard.wizardStyle() == QWizard.WizardStyle.AeroStyle
    source = {
        QWizard.WizardButton.BackButton: "Go Back" if mac else "< &Back",
        QWizard.WizardButton.NextButton: "Continue" if mac else "&Next" if aero else "&Next >",
        QWizard.WizardButton.FinishButton: "Done" if mac else "&Finish",
        QWizard.WizardButton.CancelButton: "Cancel",
    }[which]
    return _qt_wizard_text(source)


def _qt_wizard_text(source: str) -> str:
    """A QWizard button text in the current language, from Qt's own catalogue (qtbase)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("QWizard", source)
