"""What every wizard page shares: the wizard's context, retranslation, background work, the
helpdesk strip (page number and support code) and a few label helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from op25b_wizard.core.wizard_state import PageId, WizardState
from op25b_wizard.gui import workers
from op25b_wizard.gui.services import Services


class WizardContext(QObject):
    """Shared by the wizard and its pages: the state, the services, the helpdesk switch."""

    helpdeskChanged = Signal(bool)  # noqa: N815 - Qt naming
    stateChanged = Signal()  # noqa: N815 - the support code or a result changed
    languageRequested = Signal(str)  # noqa: N815 - the user picked a language

    def __init__(self, state: WizardState, services: Services, helpdesk: bool = False) -> None:
        super().__init__()
        self.state = state
        self.services = services
        self._helpdesk = helpdesk
        self.save_path_hook: Callable[[QWidget, str, str, str], str | None] | None = None
        """Replaces the file dialog (tests); called with (parent, title, name, filter)."""
        self.print_hook: Callable[[QWidget, Any], bool] | None = None
        """Replaces the print dialog (tests); called with (parent, printer), True to print."""

    @property
    def helpdesk(self) -> bool:
        return self._helpdesk

    def set_helpdesk(self, on: bool) -> None:
        if on != self._helpdesk:
            self._helpdesk = on
            self.helpdeskChanged.emit(on)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    f = QFont(widget.font())
    f.setPointSizeF(f.pointSizeF() * factor)
    f.setBold(bold)
    return f


def text_label(parent: QWidget | None = None, *, factor: float = 1.0, bold: bool = False,
               selectable: bool = False) -> QLabel:
    """A word-wrapping label (text set later, in ``retranslate``)."""
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if factor != 1.0 or bold:
        lab.setFont(scaled_font(lab, factor, bold))
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return lab


def hline() -> QFrame:
    f = QFrame()
    f.setFrameShape(QFrame.Shape.HLine)
    f.setFrameShadow(QFrame.Shadow.Sunken)
    return f


class WizardPageBase(QWizardPage):
    """A page: subclasses build widgets in ``__init__`` (into ``self.body``) and set every
    visible text in :meth:`retranslate`, which runs again when the language changes."""

    page_id: PageId

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._busy = False
        self.built = False
        self._workers: list[workers.Worker] = []
        self._busy_workers: list[workers.Worker] = []
        """The workers that keep Next disabled while they run."""
        outer = QVBoxLayout(self)
        self.helpdesk_strip = QLabel()
        self.helpdesk_strip.setObjectName("helpdeskStrip")
        self.helpdesk_strip.setStyleSheet(
            "#helpdeskStrip { background: #fef7e0; border: 1px solid #f9ab00;"
            " border-radius: 4px; padding: 4px 8px; }")
        self.helpdesk_strip.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.helpdesk_strip.setFont(scaled_font(self.helpdesk_strip, 1.1, bold=True))
        strip_row = QHBoxLayout()
        strip_row.addWidget(self.helpdesk_strip)
        strip_row.addStretch(1)
        outer.addLayout(strip_row)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        ctx.helpdeskChanged.connect(lambda _on: self._update_strip())
        ctx.stateChanged.connect(self._update_strip)

    # --- building -------------------------------------------------------------------------

    def ensure_built(self) -> None:
        """Create the page's widgets now if that has not happened yet. Pages are built when
        first needed (or just after the first page is painted), so the wizard opens sooner."""
        if not self.built:
            self.built = True
            self.build()
            self._retranslate_all()

    def build(self) -> None:
        """Create the widgets (into ``self.body``); texts are set in :meth:`retranslate`."""

    # --- context --------------------------------------------------------------------------

    @property
    def state(self) -> WizardState:
        return self.ctx.state

    @property
    def services(self) -> Services:
        return self.ctx.services

    # --- translation ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_all()
        super().changeEvent(event)

    def _retranslate_all(self) -> None:
        if not self.built:
            return
        self.retranslate()
        self._update_strip()

    def retranslate(self) -> None:
        """Set every visible text (title, subtitle, labels) in the current language."""

    def _update_strip(self) -> None:
        on = self.ctx.helpdesk
        self.helpdesk_strip.setVisible(on)
        if not on:
            return
        code = self.state.support_code
        page = self.tr("Page {page} of {total}").format(page=int(self.page_id), total=len(PageId))
        if code:
            text = self.tr("Support code: {code}").format(code=code)
        else:
            text = self.tr("Support code: after the port test")
        self.helpdesk_strip.setText(f"{page}  ·  {text}")

    # --- flow -----------------------------------------------------------------------------

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return int(self.state.next_page(self.page_id))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.ensure_built()
        # Return always means Next/Finish; a page's own buttons are pressed with Space.
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)
        self._retranslate_all()

    def shown(self) -> None:
        """The page is now on screen, reached by Next or by Back (after QWizard has chosen the
        focus); e.g. to put the keyboard focus where the user types."""

    def focus_later(self, widget: QWidget) -> None:
        """Give *widget* the keyboard focus once QWizard has shown the page (it focuses the
        first widget itself after ``initializePage``)."""
        QTimer.singleShot(0, lambda: self.isVisible() and widget.isEnabled() and widget.setFocus())

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self._busy and self.ready()

    def ready(self) -> bool:
        """Whether Next may be pressed (besides not being busy)."""
        return True

    def set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed()
            self.completeChanged.emit()

    def busy_changed(self) -> None:
        """Background work started or ended: by default the texts and buttons are redone."""
        if self.built:
            self.retranslate()

    @property
    def busy(self) -> bool:
        return self._busy

    # --- background work ------------------------------------------------------------------

    def run(self, job: workers.Job, on_result: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[Any], None] | None = None, *, busy: bool = True,
            name: str = "") -> workers.Worker:
        """Run *job* off the GUI thread. Results of a worker cancelled meanwhile are dropped;
        with *busy*, Next is disabled until it ends."""
        w = workers.Worker(job, name or type(self).__name__)

        def alive(fn: Callable[..., None] | None) -> Callable[..., None]:
            def call(*args: Any) -> None:
                if fn is not None and not w.cancelled:
                    fn(*args)
            return call

        def done(fn: Callable[..., None] | None) -> Callable[..., None]:
            # the job's answer is in: once the handler has used it, the page is no longer busy
            # with it (the thread may still wind down), so the page is usable at once
            def call(*args: Any) -> None:
                try:
                    alive(fn)(*args)
                finally:
                    self._release(w)
            return call

        w.succeeded.connect(done(on_result))
        w.failed.connect(done(on_error or self.worker_failed))
        if on_progress:
            w.progress.connect(alive(on_progress))
        w.finished.connect(lambda: self._worker_ended(w))
        self._workers.append(w)
        if busy:
            self._busy_workers.append(w)
            self.set_busy(True)
        return w.start()

    def _worker_ended(self, w: workers.Worker) -> None:
        if w in self._workers:
            self._workers.remove(w)
        self._release(w)

    def _release(self, w: workers.Worker) -> None:
        """*w* no longer keeps the page busy."""
        if w in self._busy_workers:
            self._busy_workers.remove(w)
            if not any(x.is_running() for x in self._busy_workers):
                self.set_busy(False)

    def cancel_work(self) -> None:
        """Cancel this page's workers; their results are ignored from now on."""
        for w in self._workers:
            w.cancel()
        self._busy_workers.clear()
        if self._busy:
            self.set_busy(False)

    def worker_failed(self, error: BaseException) -> None:
        """Default for an unexpected error in background work: show it on the page."""
        raise error

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back pressed)
        self.cancel_work()
