"""The application: QApplication, the translators (ours and Qt's own ``qtbase``), language
switching at run time, and :func:`run_wizard` for ``op25b-wizard`` without a command."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from op25b_wizard import APP_NAME, __version__, i18n
from op25b_wizard.core.wizard_state import Preset
from op25b_wizard.gui.services import Services

DESKTOP_FILE_NAME = "io.github.op25b_wizard.Op25bWizard"
"""The app id of packaging/linux's .desktop file, so desktops match the window to its entry."""

_translators: list[QTranslator] = []


def has_display() -> bool:
    """Whether a window can be shown here (else the offscreen platform is used)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_app(argv: Sequence[str] | None = None, *, offscreen: bool = False) -> QApplication:
    """The running QApplication, or a new one (offscreen when asked or without a display)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    args = [APP_NAME, *(argv or [])]
    if offscreen or not has_display():
        args += ["-platform", "offscreen"]
    app = QApplication(args)
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def set_language(lang: str | None) -> str:
    """Switch the whole application to *lang* (``ja``/``en``; None: the system's).

    Installs our catalogue and Qt's ``qtbase`` on the application (widgets get a
    ``LanguageChange`` event and retranslate themselves) and points
    :mod:`op25b_wizard.i18n` (which renders the core's messages) at the same language.
    """
    lang = i18n.set_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        return lang
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    if lang != "en":
        ours = QTranslator()
        if ours.load(str(i18n.catalogue_path(lang))):
            _translators.append(ours)
        qt = QTranslator()
        if qt.load(f"qtbase_{lang}", i18n.qt_catalogue_dir()):
            _translators.append(qt)
        for t in _translators:
            app.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English))
    return lang


def installed_catalogues() -> list[str]:
    """The files of the translators installed now (for --self-check)."""
    return [t.filePath() for t in _translators]


def create_wizard(*, lang: str | None = None, helpdesk: bool = False,
                  preset: Preset | None = None, services: Services | None = None):
    """Build the wizard (the application must exist), in *lang*."""
    from op25b_wizard.gui.wizard import SetupWizard

    set_language(lang)
    wizard = SetupWizard(preset=preset, services=services, helpdesk=helpdesk)
    wizard.ctx.languageRequested.connect(set_language)
    return wizard


def run_wizard(*, lang: str | None = None, helpdesk: bool = False,
               preset: Preset | None = None, services: Services | None = None) -> int:
    """Open the wizard and run until it closes; the exit status (0 finished, 1 cancelled)."""
    app = ensure_app()
    wizard = create_wizard(lang=lang, helpdesk=helpdesk, preset=preset, services=services)
    wizard.show()
    app.exec()
    return 0 if wizard.result() == 1 else 1
