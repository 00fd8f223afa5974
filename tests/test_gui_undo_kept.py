"""The apply page's Undo: a value changed in the mail client since the apply is left as it is,
and the page says which, in the wizard's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from op25b_wizard.core.clients.prefs_js import PrefsDocument
from op25b_wizard.core.wizard_state import PageId
from tests.test_gui_flow import WAIT_MS, preset_for, press_next, services_for, to_signin


@pytest.mark.parametrize("lang, first, kept", [
    ("en", "Undone, except what was changed in Thunderbird after the change was applied:",
     "Left as it is, because it was changed after the apply: Port is 2525"),
    ("ja", "元に戻しました。ただし、変更を適用した後に Thunderbird で変更された次の値は",
     "適用の後に変更されていたため、そのままにしました: ポート番号 は 2525 です"),
])
def test_undo_names_the_value_changed_since(make_wizard, qtbot, thunderbird_home, mail_servers,
                                            test_ca, lang, first, kept):
    home, profile = thunderbird_home
    prefs = profile / "prefs.js"
    before = PrefsDocument(prefs.read_bytes()).user_values()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home),
                         lang=lang)
    to_signin(qtbot, wizard)
    press_next(qtbot, wizard, PageId.APPLY)
    page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: page.change is not None, timeout=WAIT_MS)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.undo_button.isVisible() and page.undo_button.isEnabled(),
                    timeout=WAIT_MS)
    # meanwhile the user changes the port in Thunderbird
    applied = PrefsDocument(prefs.read_bytes())
    port = applied.user_values()["mail.smtpserver.smtp1.port"]
    prefs.write_bytes(applied.edit({"mail.smtpserver.smtp1.port": 2525}))
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.state.applied, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.change is not None, timeout=WAIT_MS)
    text = page.status.text().splitlines()
    assert text[0].startswith(first)
    assert len(text) == 2 and text[1].startswith(kept) and str(port) in text[1]
    assert PrefsDocument(prefs.read_bytes()).user_values() == before | {
        "mail.smtpserver.smtp1.port": 2525}
    assert page.apply_button.isEnabled()
