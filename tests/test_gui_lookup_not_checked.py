"""The address page when the lookup could ask nobody (no network): it says the settings could
not be checked, not that they were not found, with the way forward (type the server, or look
again), in English and Japanese."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from op25b_wizard.core.lookup import LookupConfig
from op25b_wizard.core.wizard_state import PageId, Preset
from op25b_wizard.gui.services import Services
from tests.test_gui_flow import WAIT_MS, next_button, press_next, to_account_page


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unreachable_services(home) -> Services:
    """Lookups whose only source refuses the connection: no DNS or web server answers."""
    dead = f"http://127.0.0.1:{closed_port()}"
    config = LookupConfig(use_bundled_preset=False, use_bundled_providers=False,
                          autoconfig_urls=(dead + "/{domain}.xml",), ispdb_url=None,
                          use_mx=False, use_srv=False, guess=False)
    return Services(home=home, env={"HOME": str(home)}, lookup_config=config)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_lookup_without_network_says_it_could_not_check(make_wizard, qtbot, tmp_path,
                                                           mail_servers, test_ca, lang):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=Preset(ports=mail_servers.specs(), cafile=str(test_ca.cafile),
                                       timeout=2.0),
                         services=unreachable_services(home), lang=lang)
    page = to_account_page(qtbot, wizard)
    qtbot.keyClicks(page.email_edit, "hanako@nowhere.example")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server_edit.isVisible(), timeout=WAIT_MS)
    text = page.lookup_status.text()
    assert wizard.currentId() == int(PageId.ACCOUNT)
    if lang == "en":
        assert "could not be checked (no network?)" in text
        assert "not found" not in text
        assert "outgoing server" in text and "press Next to look again" in text
    else:
        assert "確認できませんでした" in text and "見つかりませんでした" not in text
    # the way forward: Next looks again (the network may be back), or the server typed in
    assert next_button(wizard).isEnabled()
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert page.stop_button.isVisible(), "Next looks again"
    qtbot.waitUntil(lambda: page.lookup_status.text() == text and not page.stop_button.isVisible(),
                    timeout=WAIT_MS)
    qtbot.keyClicks(page.server_edit, "localhost")
    press_next(qtbot, wizard, PageId.PORT_TEST)
    assert (wizard.state.email, wizard.state.host) == ("hanako@nowhere.example", "localhost")
    wizard.page_of(PageId.PORT_TEST).stop_test()
