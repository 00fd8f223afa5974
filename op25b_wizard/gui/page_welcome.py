"""Page 1: what the wizard does, in one sentence, and the language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton

from op25b_wizard import i18n
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui import icons
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase, text_label

LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}
"""Each language in its own words (never translated)."""


class WelcomePage(WizardPageBase):
    page_id = PageId.WELCOME

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)

    def build(self) -> None:
        top = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(icons.pixmap(icons.APP_ICON, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(logo)
        self.intro = text_label(factor=1.35)
        top.addWidget(self.intro, 1)
        self.body.addLayout(top)
        self.body.addSpacing(12)
        self.hint = text_label()
        self.body.addWidget(self.hint)
        self.body.addStretch(1)

        self.language_label = text_label()
        self.body.addWidget(self.language_label)
        row = QHBoxLayout()
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QRadioButton] = {}
        for lang in ("ja", "en"):
            b = QRadioButton(LANGUAGE_NAMES[lang])
            b.setObjectName(f"language_{lang}")
            b.setFont(self.intro.font())
            self.language_group.addButton(b)
            self.language_buttons[lang] = b
            row.addWidget(b)
            b.toggled.connect(lambda on, lang=lang: on and self._language_chosen(lang))
        row.addStretch(1)
        self.body.addLayout(row)
        self._sync_language()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "ensure_pages"):
            wizard.ensure_pages()  # the next pages, if they are not loaded yet
        return True

    def _sync_language(self) -> None:
        b = self.language_buttons.get(i18n.language())
        if b is not None and not b.isChecked():
            b.blockSignals(True)
            b.setChecked(True)
            b.blockSignals(False)

    def _language_chosen(self, lang: str) -> None:
        if lang != i18n.language():
            self.ctx.languageRequested.emit(lang)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Send mail from anywhere"))
        self.setSubTitle(self.tr("Set up your mail program for your trip"))
        self.intro.setText(self.tr(
            "Mail may not send from hotels and other networks. This wizard sets your mail "
            "program right in about two minutes."))
        self.hint.setText(self.tr("Press Next to start. Nothing is changed until you agree."))
        self.language_label.setText(self.tr("Language:"))
        for lang, b in self.language_buttons.items():
            b.setAccessibleName(self.tr("Language: {name}").format(name=LANGUAGE_NAMES[lang]))
        self._sync_language()
