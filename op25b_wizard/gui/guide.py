"""Help ▸ User guide (F1): the illustrated guide (``docs/guide-<lang>.md`` with its screenshots)
in the user's language, read from the files shipped with the app: no network needed."""

from __future__ import annotations

import re
import site
import sys
import sysconfig
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from op25b_wizard import i18n
from op25b_wizard.core.text_columns import CJK


def guide_dir() -> Path:
    """``docs`` beside the package (a checkout, an editable install, the bundles), else
    ``<prefix>/share/op25b-wizard/docs`` where a wheel install puts it."""
    here = Path(__file__).resolve().parents[2] / "docs"
    installed = [Path(p) / "share" / "op25b-wizard" / "docs"
                 for p in (sysconfig.get_path("data"), sys.prefix, site.getuserbase())]
    return next((d for d in (here, *installed) if (d / "guide-en.md").is_file()), here)


def guide_file(lang: str) -> Path:
    """The guide in *lang*, or the English one when there is none in that language."""
    folder = guide_dir()
    path = folder / f"guide-{lang}.md"
    return path if path.is_file() else folder / "guide-en.md"


_CJK_BREAK = re.compile(f"(?<=[{CJK}])\n(?:>? *)(?=[{CJK}])")
"""A line break between two Japanese characters (also in a quote or a list item's next line)."""


def join_cjk_lines(markdown: str) -> str:
    """Join lines broken between two Japanese characters: Markdown turns a line break into a
    space, which in Japanese is a gap in the middle of a sentence. Code blocks stay as they
    are."""
    parts = re.split(r"(^```.*?^```$)", markdown, flags=re.M | re.S)
    return "".join(part if part.startswith("```") else _CJK_BREAK.sub("", part)
                   for part in parts)


class GuideWindow(QDialog):
    """The guide in a window of its own beside the wizard (not modal: the user follows it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(880, 680)
        self.lang = ""
        self.load()

    def load(self) -> None:
        """Show the guide in the current language (again after a language switch)."""
        self.lang = i18n.language()
        self.path = guide_file(self.lang)
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.path)))
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as e:
            text = i18n.error_text(e)
        self.browser.setMarkdown(join_cjk_lines(text))
        self.setWindowTitle(self.tr("User guide"))
        self.browser.setAccessibleName(self.tr("User guide"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and self.lang != i18n.language():
            self.load()
        super().changeEvent(event)
