"""Translation for the CLI and GUI layers (Qt's catalogue; the core only marks strings).

The compiled catalogues ``op25b_wizard_<lang>.qm`` live beside this file; their sources are
``resources/i18n/*.ts``. Qt's own ``qtbase_<lang>.qm`` comes from PySide6. English needs no
catalogue, so Qt is imported only when another language is asked for: the English command
line starts without it.
"""

from __future__ import annotations

import locale
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from op25b_wizard.core.i18n import Msg

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

LANGUAGES = ("en", "ja")
CATALOGUE_DIR = Path(__file__).resolve().parent

_translator: QTranslator | None = None
_language = "en"


def system_language() -> str:
    """``ja`` when the environment or system locale is Japanese, else ``en``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    if loc:
        return "ja" if loc.lower().startswith("ja") else "en"
    if not (sys.platform == "darwin" or sys.platform.startswith("win")):
        return "en"  # no locale variable and the C locale: Qt would say the same
    # macOS and Windows keep the language in the system settings, which Qt reads
    from PySide6.QtCore import QLocale

    return "ja" if QLocale.system().name().startswith("ja") else "en"


def catalogue_path(lang: str) -> Path:
    return CATALOGUE_DIR / f"op25b_wizard_{lang}.qm"


def qt_catalogue_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def set_language(lang: str | None) -> str:
    """Load the catalogue for *lang* (default: the system's) for :func:`tr`; returns it."""
    global _translator, _language
    lang = lang or system_language()
    if lang not in LANGUAGES:
        lang = "en"
    _language = lang
    _translator = None
    if lang != "en":
        from PySide6.QtCore import QTranslator

        t = QTranslator()
        if t.load(str(catalogue_path(lang))):
            _translator = t
    return lang


def language() -> str:
    return _language


def translate(context: str, source: str) -> str:
    """Translate one source string; falls back to English."""
    if _translator is None:
        return source
    text = _translator.translate(context, source)
    return text or source


def tr(context: str, source: str, **args: object) -> str:
    """Translate and format; *source* must be marked with QT_TRANSLATE_NOOP where it is written."""
    return Msg(context, source, dict(args)).render(translate)


def render(message: Msg) -> str:
    return message.render(translate)


def error_text(error: BaseException) -> str:
    """An exception in the user's language: its own plain message when it carries one, a file
    error's reason with the file's name, else its text."""
    from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, os_reason

    message = getattr(error, "message", None)
    if isinstance(message, Msg):
        return render(message)
    if isinstance(message, str) and message:
        return message
    if isinstance(error, OSError) and error.errno is not None:
        reason = os_reason(error)
        text = render(reason) if isinstance(reason, Msg) else reason
        if error.filename:
            return tr("OsError", QT_TRANSLATE_NOOP("OsError", "{path}: {reason}"),
                      path=str(error.filename), reason=text)
        if language() != "ja" and text[:1].islower():  # a reason alone reads as a sentence
            text = text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
        return text
    return str(error) or type(error).__name__
