"""Texts of Qt's own dialogs that Qt's Japanese catalogue (``qtbase_ja.qm``) leaves in English:
the save dialog's "Look in:" and "Files of type:", the file type "Folder", parts of the print
dialog. Marked here under Qt's own contexts, they are translated in our catalogue, which Qt
asks when its own has no answer."""

from __future__ import annotations

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP

QT_DIALOG_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Specify pages or ranges separated by commas. "
                      "Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 "
                      "prints pages 3, 5, 6, 7 and 9."),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Double Sided Printing"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
)
"""Never shown from here: Qt shows them, and finds their translation in our catalogue."""
