"""The port-test page on a hotel network that waits for its terms to be accepted: the verdict in
the user's language, a button that opens the system browser on the connectivity URL, and
Test again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from op25b_wizard.core.wizard_state import PageId, Preset
from tests.test_captive_portal import CHECK_PATH, hotel
from tests.test_gui_flow import WAIT_MS, services_for, to_port_test


class Browser(QObject):
    """Stands in for the system browser: records the URLs the app asks to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    b = Browser()
    QDesktopServices.setUrlHandler("http", b, "open")
    yield b
    QDesktopServices.unsetUrlHandler("http")


@pytest.mark.parametrize("lang, title, button", [
    ("en", "This network wants you to accept its terms first", "&Open a web page"),
    ("ja", "このネットワークでは、先に利用規約への同意が必要です", "Web ページを開く（&O）"),
])
def test_a_captive_portal_offers_the_browser_and_test_again(
        make_wizard, qtbot, thunderbird_home, test_ca, browser, lang, title, button):
    home, _profile = thunderbird_home
    with hotel(test_ca) as h:
        preset = Preset(host="localhost", ports=h.specs(), cafile=str(test_ca.cafile),
                        timeout=0.5, connectivity=h.connectivity())
        wizard = make_wizard(preset=preset, services=services_for(home), lang=lang)
        to_port_test(qtbot, wizard)
        page = wizard.page_of(PageId.PORT_TEST)
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        assert wizard.state.diagnosis.verdict_ids == ["captive_portal"]
        assert page.verdict_title.text() == title
        assert page.browser_button.isVisible() and page.browser_button.text() == button
        assert page.again_button.isVisible()

        # by keyboard (a page's own buttons take Space; Return is Next): the browser, then
        # Test again
        assert page.browser_button.hasFocus()
        qtbot.keyClick(page.browser_button, Qt.Key.Key_Space)
        assert browser.opened == [h.check.base + CHECK_PATH]
        assert page.again_button.hasFocus()

        qtbot.keyClick(page.again_button, Qt.Key.Key_Space)
        assert not page.browser_button.isVisible(), "hidden while the test runs again"
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        assert page.browser_button.isVisible()
        assert h.check.requests == [CHECK_PATH, CHECK_PATH]
        assert h.auth_attempts() == 0


def test_no_browser_button_when_the_test_finds_no_portal(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, browser):
    home, _profile = thunderbird_home
    wizard = make_wizard(preset=Preset(host="localhost", ports=mail_servers.specs(),
                                       cafile=str(test_ca.cafile), timeout=2.0),
                         services=services_for(home))
    to_port_test(qtbot, wizard)
    page = wizard.page_of(PageId.PORT_TEST)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    assert "captive_portal" not in wizard.state.diagnosis.verdict_ids
    assert not page.browser_button.isVisible()
    assert browser.opened == []
