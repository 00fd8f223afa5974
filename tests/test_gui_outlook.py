"""The wizard with Outlook (classic) fixture profiles, in the Windows lane: the account page
lists the Outlook accounts (Exchange shown, not offered), the apply page shows before → after
in Outlook's words with Apply and Undo, the ready page says to close and reopen Outlook."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from op25b_wizard import i18n
from op25b_wizard.core.wizard_state import PageId

pytestmark = pytest.mark.skipif(sys.platform != "win32",
                                reason="Outlook's registry exists only on Windows")

WAIT_MS = 20000


@pytest.fixture
def reg() -> Iterator[object]:
    from tests.support import outlook_registry

    with outlook_registry.outlook_profiles():
        yield outlook_registry


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_outlook_account_applied_and_undone_from_the_wizard(reg, make_wizard, qtbot, tmp_path,
                                                           lang):
    from tests.support.outlook_wizard import OutlookServices, walk_to_apply

    before = reg.snapshot_all()
    wizard = make_wizard(lang=lang, services=OutlookServices(tmp_path, tmp_path / "local"))

    def wait(condition):
        qtbot.waitUntil(condition, timeout=WAIT_MS)

    # the account page: every Outlook account, Exchange shown but not offered
    wizard.next()
    account_page = wizard.page_of(PageId.ACCOUNT)
    wait(lambda: account_page.accounts is not None)
    emails = [a.email for a in account_page.accounts]
    assert emails == ["taro.yamada@corp.example", "taro@example.co.jp", "hanako@example.net",
                      "eigyo@example.co.jp", "jiro@example.org"]
    exchange = account_page.list.item(0)
    assert not exchange.flags() & Qt.ItemFlag.ItemIsSelectable
    assert account_page.list.currentRow() == 1, "the first account that can be changed"
    managed = {"en": "managed by your organisation", "ja": "組織が管理"}[lang]
    assert managed in exchange.text()
    port_label = account_page.current_labels["port"][0].text()
    assert port_label == {"en": "Outgoing server (SMTP) port:",
                          "ja": "送信サーバー (SMTP) のポート番号:"}[lang]
    wizard.back()

    apply_page = walk_to_apply(wizard, "taro@example.co.jp", wait)
    port = wizard.state.choice.port
    lines = [lab.text() for lab in apply_page.line_labels if not lab.isHidden()]
    words = {"en": [f"Outgoing server (SMTP) port: 25 → {port}",
                    "My outgoing server (SMTP) requires authentication: not ticked → ticked"],
             "ja": [f"送信サーバー (SMTP) のポート番号: 25 → {port}",
                    "送信サーバー (SMTP) は認証が必要: オフ → オン"]}[lang]
    for line in words:
        assert line in lines, lines
    assert not apply_page.password_note.isHidden()
    assert "Outlook" in apply_page.password_note.text()
    assert reg.snapshot_all() == before, "nothing may change before Apply"

    qtbot.mouseClick(apply_page.apply_button, Qt.MouseButton.LeftButton)
    wait(lambda: wizard.state.applied)
    key = reg.account_key(reg.P16, "00000003")
    assert reg.snapshot(key)["SMTP Port"] == (4, port)
    assert reg.snapshot(key)["SMTP Use Auth"] == (4, 1)
    assert apply_page.undo_button.isVisible()

    qtbot.mouseClick(apply_page.undo_button, Qt.MouseButton.LeftButton)
    wait(lambda: not wizard.state.applied and apply_page.change is not None
         and not apply_page.busy)
    assert reg.snapshot_all() == before
    qtbot.mouseClick(apply_page.apply_button, Qt.MouseButton.LeftButton)
    wait(lambda: wizard.state.applied)

    wizard.next()
    wait(lambda: wizard.currentId() == int(PageId.READY))
    items = [i18n.render(item.text) for item in wizard.state.checklist()]
    reopen = {"en": "close and reopen Outlook", "ja": "Outlook をいったん閉じて開き直してください"}
    assert any(reopen[lang] in text for text in items), items


def test_running_outlook_is_said_on_the_apply_page(reg, make_wizard, qtbot, tmp_path):
    from tests.support.outlook_wizard import OutlookServices, walk_to_apply

    services = OutlookServices(tmp_path, tmp_path / "local")
    services.is_running = lambda account: True  # type: ignore[method-assign]
    wizard = make_wizard(services=services)
    page = walk_to_apply(wizard, "jiro@example.org", lambda c: qtbot.waitUntil(c, timeout=WAIT_MS))
    assert "Close Outlook first" in page.status.text()


def test_undo_on_the_apply_page_names_a_value_changed_in_outlook(reg, make_wizard, qtbot,
                                                                 tmp_path):
    from tests.support.outlook_registry import dw, set_values
    from tests.support.outlook_wizard import OutlookServices, walk_to_apply

    wizard = make_wizard(services=OutlookServices(tmp_path, tmp_path / "local"))
    page = walk_to_apply(wizard, "taro@example.co.jp",
                         lambda c: qtbot.waitUntil(c, timeout=WAIT_MS))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.applied, timeout=WAIT_MS)
    key = reg.account_key(reg.P16, "00000003")
    set_values(key, {"SMTP Port": dw(2525)})  # changed in Outlook meanwhile
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Left as it is" in page.status.text(), timeout=WAIT_MS)
    assert "Outgoing server (SMTP) port is 2525 (the apply had set" in page.status.text()
    assert reg.snapshot(key)["SMTP Port"] == (4, 2525)
    assert reg.snapshot(key)["SMTP Use Auth"] == (4, 0)
