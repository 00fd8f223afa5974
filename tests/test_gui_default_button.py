"""The highlighted button finishes the job: a person who only ever presses Return (the default
button) on every page, and types nothing but the password, ends with Thunderbird on the secure
submission port, in English and in Japanese. Skipping Apply is a deliberate second choice."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from op25b_wizard.core.wizard_state import PageId
from tests.conftest import ENGINE_PASSWORD
from tests.support.platform import PROFILE_LOCK, file_held
from tests.test_gui_flow import (  # noqa: F401 - no_keyring is a fixture
    WAIT_MS,
    next_button,
    no_keyring,
    preset_for,
    services_for,
    thunderbird_account,
)

pytestmark = pytest.mark.usefixtures("no_keyring")  # no keyring: a note, never a failure


def press_return(qtbot, wizard) -> None:
    """Return where the keyboard focus is: what a person pressing Enter does."""
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)


def return_to(qtbot, wizard, pid: PageId) -> None:
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled(), timeout=WAIT_MS)
    press_return(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == int(pid), timeout=WAIT_MS)


def prefs_port(profile) -> tuple[int, int]:
    """(port, try_ssl) of the profile's one outgoing server, read from prefs.js itself."""
    text = (profile / "prefs.js").read_text()
    port = re.search(r'user_pref\("mail\.smtpserver\.smtp1\.port", (\d+)\);', text)
    ssl = re.search(r'user_pref\("mail\.smtpserver\.smtp1\.try_ssl", (\d+)\);', text)
    assert port and ssl, text
    return int(port.group(1)), int(ssl.group(1))


@pytest.mark.parametrize(("lang", "next_text", "ready_title"), [
    ("en", "Apply and continue >", "Ready for your trip"),
    ("ja", "適用して次へ(N) >", "出張や旅行の準備ができました"),
])
def test_only_the_default_button_from_first_page_to_finish(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, lang,
        next_text, ready_title):
    home, profile = thunderbird_home
    assert prefs_port(profile) == (25, 0)
    wizard = make_wizard(lang=lang, preset=preset_for(mail_servers, test_ca),
                         services=services_for(home))
    wizard.activateWindow()
    return_to(qtbot, wizard, PageId.ACCOUNT)
    qtbot.waitUntil(lambda: wizard.page_of(PageId.ACCOUNT).accounts is not None, timeout=WAIT_MS)
    return_to(qtbot, wizard, PageId.PORT_TEST)
    return_to(qtbot, wizard, PageId.SWITCH)
    return_to(qtbot, wizard, PageId.SIGNIN)
    signin = wizard.page_of(PageId.SIGNIN)
    qtbot.waitUntil(lambda: wizard.focusWidget() is signin.password_edit, timeout=WAIT_MS)
    qtbot.keyClicks(signin.password_edit, ENGINE_PASSWORD)
    return_to(qtbot, wizard, PageId.APPLY)  # tests the password, then goes on
    apply_page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: apply_page.change is not None, timeout=WAIT_MS)
    assert next_button(wizard).text().replace("&", "") == next_text
    assert prefs_port(profile) == (25, 0), "nothing may change before the button is pressed"
    return_to(qtbot, wizard, PageId.READY)  # applies, then goes on
    ready = wizard.page_of(PageId.READY)
    assert ready.title() == ready_title
    assert not [c for c in wizard.state.checklist() if c.state == "failed"]
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=WAIT_MS)
    press_return(qtbot, wizard)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
    assert wizard.result() == 1
    assert prefs_port(profile) == (mail_servers.tls.port, 3)  # SSL/TLS on the secure port
    after = thunderbird_account(home).smtp
    assert (after.port, after.security, after.auth) == (mail_servers.tls.port, "tls", "normal")


def test_skipping_apply_is_a_deliberate_choice_and_the_last_page_leads_back(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca):
    home, profile = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    return_to(qtbot, wizard, PageId.ACCOUNT)
    qtbot.waitUntil(lambda: wizard.page_of(PageId.ACCOUNT).accounts is not None, timeout=WAIT_MS)
    return_to(qtbot, wizard, PageId.PORT_TEST)
    return_to(qtbot, wizard, PageId.SWITCH)
    return_to(qtbot, wizard, PageId.SIGNIN)
    qtbot.keyClicks(wizard.page_of(PageId.SIGNIN).password_edit, ENGINE_PASSWORD)
    return_to(qtbot, wizard, PageId.APPLY)
    page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: page.change is not None and page.skip_button.isEnabled(),
                    timeout=WAIT_MS)
    assert page.skip_button.isVisible()
    assert not page.skip_button.isDefault() and not page.skip_button.autoDefault()
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.READY), timeout=WAIT_MS)
    assert prefs_port(profile) == (25, 0)
    ready = wizard.page_of(PageId.READY)
    assert ready.title() == "Almost ready"
    # every ✕ on the last page has its button, and the button leads where it is fixed
    failed = [c for c in wizard.state.checklist() if c.state == "failed"]
    assert [c.id for c in failed] == ["client"]
    for c in failed:
        assert ready.fix_buttons[c.id].isVisible()
    qtbot.mouseClick(ready.fix_buttons["client"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.APPLY), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.change is not None and next_button(wizard).isEnabled(),
                    timeout=WAIT_MS)
    assert next_button(wizard).text() == "Apply and co&ntinue >"
    return_to(qtbot, wizard, PageId.READY)
    assert prefs_port(profile) == (mail_servers.tls.port, 3)
    assert ready.title() == "Ready for your trip"



def test_return_with_thunderbird_open_stays_and_says_close_it_first(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca):
    home, profile = thunderbird_home
    with file_held(profile / PROFILE_LOCK, lock=True):
        wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
        return_to(qtbot, wizard, PageId.ACCOUNT)
        qtbot.waitUntil(lambda: wizard.page_of(PageId.ACCOUNT).accounts is not None,
                        timeout=WAIT_MS)
        return_to(qtbot, wizard, PageId.PORT_TEST)
        return_to(qtbot, wizard, PageId.SWITCH)
        return_to(qtbot, wizard, PageId.SIGNIN)
        qtbot.keyClicks(wizard.page_of(PageId.SIGNIN).password_edit, ENGINE_PASSWORD)
        return_to(qtbot, wizard, PageId.APPLY)
        page = wizard.page_of(PageId.APPLY)
        qtbot.waitUntil(lambda: page.change is not None and next_button(wizard).isEnabled(),
                        timeout=WAIT_MS)
        press_return(qtbot, wizard)
        qtbot.waitUntil(lambda: not page.busy and next_button(wizard).isEnabled(),
                        timeout=WAIT_MS)
        assert wizard.currentId() == int(PageId.APPLY)
        assert page.status.text().startswith("Close Thunderbird first")
        assert prefs_port(profile) == (25, 0)
    return_to(qtbot, wizard, PageId.READY)
    assert prefs_port(profile) == (mail_servers.tls.port, 3)
