"""What a person meets off the main path: the address field takes the keyboard when no mail
program was found, the last page when nothing works, Help ▸ User guide (F1), Qt's own dialogs
and the Details in Japanese, and wording that does not overstate or blame the wrong party."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QWidget

from op25b_wizard.core.diagnosis import diagnose
from op25b_wizard.core.model import PortSpec
from op25b_wizard.core.wizard_state import PageId
from tests.support.servers import blackhole
from tests.test_gui_flow import WAIT_MS, next_button, preset_for, services_for
from tests.test_gui_state import hotel_report


def press_return(qtbot, wizard, pid: PageId) -> None:
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled(), timeout=WAIT_MS)
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == int(pid), timeout=WAIT_MS)


def test_with_no_mail_program_typing_goes_into_the_address_field(make_wizard, qtbot, tmp_path,
                                                                 mail_servers, test_ca):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    wizard.activateWindow()
    press_return(qtbot, wizard, PageId.ACCOUNT)
    page = wizard.page_of(PageId.ACCOUNT)
    qtbot.waitUntil(lambda: page.accounts is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: wizard.focusWidget() is page.email_edit, timeout=WAIT_MS)
    qtbot.keyClicks(wizard.focusWidget(), "hanako@")
    assert page.email_edit.text() == "hanako@"
    # Back and Next again: the field has the keyboard again
    wizard.back()
    press_return(qtbot, wizard, PageId.ACCOUNT)
    qtbot.waitUntil(lambda: wizard.focusWidget() is page.email_edit, timeout=WAIT_MS)
    qtbot.keyClicks(wizard.focusWidget(), "example.jp")
    assert page.email_edit.text() == "hanako@example.jp"
    # Back from the port test: the field has it again (QWizard alone focuses the list)
    press_return(qtbot, wizard, PageId.PORT_TEST)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    wizard.back()
    assert wizard.currentId() == int(PageId.ACCOUNT)
    qtbot.waitUntil(lambda: wizard.focusWidget() is page.email_edit, timeout=WAIT_MS)


def visible_text(page: QWidget) -> str:
    return "\n".join([page.title(), page.subTitle()] + [
        w.text() for w in page.findChildren(QLabel) + page.findChildren(QPushButton)
        if w.isVisibleTo(page)])


def test_when_nothing_works_the_last_page_points_only_where_the_user_can_act(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca):
    home, _ = thunderbird_home
    with blackhole() as a, blackhole() as b, blackhole() as c:
        ports = [PortSpec(a, "relay"), PortSpec(b, "starttls"), PortSpec(c, "tls")]
        wizard = make_wizard(preset=preset_for(mail_servers, test_ca, host="127.0.0.1",
                                               ports=ports, timeout=0.5),
                             services=services_for(home))
        press_return(qtbot, wizard, PageId.ACCOUNT)
        qtbot.waitUntil(lambda: wizard.page_of(PageId.ACCOUNT).accounts is not None,
                        timeout=WAIT_MS)
        press_return(qtbot, wizard, PageId.PORT_TEST)
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        press_return(qtbot, wizard, PageId.READY)  # no way to send: straight to the end
        ready = wizard.page_of(PageId.READY)
        text = visible_text(ready)
        assert ready.title() == "Not ready yet"
        for never_there in ("sheet", "sign-in page", "not encrypted", "password"):
            assert never_there not in text, never_there
        assert not ready.send_button.isVisibleTo(ready)
        assert [c.id for c in wizard.state.checklist() if c.state == "failed"] == ["reachable"]
        again = ready.fix_buttons["reachable"]
        assert again.isVisible() and again.text() == "Test again"
        qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.PORT_TEST), timeout=WAIT_MS)
        test_page = wizard.page_of(PageId.PORT_TEST)
        assert test_page.testing and wizard.state.report is None, "Test again runs the test"
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)


def test_f1_opens_the_illustrated_guide_in_the_users_language(make_wizard, qtbot, tmp_path):
    wizard = make_wizard(lang="ja", services=services_for(tmp_path))
    assert wizard.guide_action in wizard.help_menu.actions()
    assert wizard.guide_action.text().replace("&", "").startswith("使い方ガイド")
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=WAIT_MS)
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: wizard.guide_window is not None and wizard.guide_window.isVisible(),
                    timeout=WAIT_MS)
    guide = wizard.guide_window
    browser = guide.browser
    assert guide.path.name == "guide-ja.md" and guide.path.is_file()
    assert "画面1" in browser.toPlainText()
    # a line break between Japanese characters is no gap in the sentence
    assert "メールのパスワードを使って" in browser.toPlainText()
    assert guide.windowTitle() == "使い方ガイド"
    # the screenshots are found beside it, in the same language
    doc = browser.document()
    image = doc.resource(QTextDocument.ResourceType.ImageResource,
                         QUrl("screenshots/ja/01-welcome.png"))
    assert image is not None and not image.isNull()
    wizard.ctx.languageRequested.emit("en")
    qtbot.waitUntil(lambda: guide.path.name == "guide-en.md", timeout=WAIT_MS)
    assert "Screen 1" in browser.toPlainText()


def test_the_save_dialog_speaks_japanese(make_wizard, qtbot, tmp_path):
    wizard = make_wizard(lang="ja", services=services_for(tmp_path))
    page = wizard.page_of(PageId.APPLY)
    page.ensure_built()
    seen: list[str] = []

    def look_and_close() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, look_and_close)
            return
        seen.extend(w.text() for w in dialog.findChildren(QLabel) if w.isVisible())
        dialog.reject()

    QTimer.singleShot(50, look_and_close)
    assert page.ask_save_path("設定シート", "sheet.pdf", "PDF (*.pdf)") is None
    assert seen, "no save dialog was shown"
    english = [t for t in seen if re.search(r"[A-Za-z]{2,}", re.sub(r"\(&?[A-Z]\)", "", t))]
    assert english == [], f"English left in the save dialog: {english}"


def test_the_details_wrap_japanese_advice(qtbot):
    from op25b_wizard.gui.app import set_language
    from op25b_wizard.gui.details_dialog import DetailsDialog

    set_language("ja")
    try:
        dialog = DetailsDialog(diagnose(hotel_report()))
        qtbot.addWidget(dialog)
        dialog.resize(560, 400)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert "ポート 25" in dialog.text
        assert dialog.view.horizontalScrollBar().maximum() == 0, "a line runs off the side"
    finally:
        set_language("en")


def test_the_switch_page_does_not_say_this_change_alone_does_it(make_wizard, qtbot, tmp_path):
    wizard = make_wizard(lang="ja", services=services_for(tmp_path))
    page = wizard.page_of(PageId.SWITCH)
    page.ensure_built()
    assert "だけで" not in page.subTitle() and "パスワード" in page.subTitle()
    wizard.ctx.languageRequested.emit("en")
    qtbot.waitUntil(lambda: "password" in page.subTitle(), timeout=WAIT_MS)
    assert "one change" not in page.subTitle()


def test_a_reset_on_port_25_is_not_called_a_network_block(qtbot):
    from op25b_wizard.core.model import PortResult
    from op25b_wizard.gui.page_port_test import SENTENCES, port_outcome

    reset = PortResult(25, "relay", "none", "refused", "connect")
    icon, key = port_outcome(reset, True)
    assert (icon, key) == ("fail", "closed")
    assert "this network or by the server" in SENTENCES[key]
    dropped = PortResult(25, "relay", "none", "timeout", "connect")
    assert port_outcome(dropped, True) == ("fail", "blocked")


def test_the_apply_message_keeps_the_backup_folder_out_of_the_sentence(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, tmp_path):
    from tests.test_gui_flow import to_signin

    home, _ = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca),
                         services=services_for(home))
    to_signin(qtbot, wizard)
    wizard.page_of(PageId.SIGNIN).auth_box.setChecked(False)
    press_return(qtbot, wizard, PageId.APPLY)
    page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: page.change is not None and not page.busy, timeout=WAIT_MS)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.applied and not page.busy, timeout=WAIT_MS)
    folder = wizard.state.backup_dir
    assert folder and folder not in page.status.text() and "/" not in page.status.text()
    assert page.status.toolTip() == folder
    # a saved file: its name in the sentence, the folder only in the tooltip
    saved = tmp_path / "exports"
    saved.mkdir()
    wizard.ctx.save_path_hook = lambda _parent, _title, name, _filter: str(saved / name)
    qtbot.mouseClick(page.export_buttons["autoconfig"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.export_status.text() != "", timeout=WAIT_MS)
    assert page.export_status.text() == "Saved: config-v1.1.xml"
    assert page.export_status.toolTip() == str(saved / "config-v1.1.xml")


def test_qts_own_dialog_texts_that_qtbase_leaves_english_are_japanese(qtbot):
    from PySide6.QtCore import QCoreApplication

    from op25b_wizard.gui.app import set_language

    set_language("ja")
    try:
        for context, source in (("QFileDialog", "&Look in:"), ("QFileDialog", "Files of &type:"),
                                ("QPrintSettingsOutput", "Double Sided Printing"),
                                ("QPrintSettingsOutput", "Pages")):
            assert QCoreApplication.translate(context, source) != source, source
        # the file type column asks with a disambiguation; Qt falls back to our plain entry
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                          "All other platforms") == "フォルダー"
    finally:
        set_language("en")


def test_the_nothing_works_page_is_translated(qapp):
    from op25b_wizard.gui.app import set_language
    from op25b_wizard.gui.screenshots import play_sample
    from tests.test_gui_translations import untranslatable, visible_texts

    texts: dict[str, list[tuple[str, str]]] = {}
    try:
        for lang in ("en", "ja"):
            play_sample(lambda wizard, pid, lang=lang: pid == PageId.READY and texts.setdefault(
                lang, visible_texts(wizard, pid)), lang=lang, offline=True)
    finally:
        set_language("en")
    en, ja = texts["en"], texts["ja"]
    assert any("What to try" in t for _w, t in en)
    assert len(en) == len(ja)
    untranslated = [t for (_w, t), (_j, jt) in zip(en, ja, strict=True)
                    if t == jt and not untranslatable(t)]
    assert not untranslated
