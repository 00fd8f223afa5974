"""The wizard driven like a user would, against real SMTP servers on loopback and a real
Thunderbird profile: the whole flow, Stop and Cancel mid-test, a wrong password, no keyring,
Thunderbird running, an unencrypted server, keyboard only, language switch, helpdesk mode."""

from __future__ import annotations

import contextlib
import os
import time

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from op25b_wizard import i18n
from op25b_wizard.core import secrets
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from op25b_wizard.core.model import PortSpec
from op25b_wizard.core.wizard_state import PageId, Preset
from op25b_wizard.gui import workers
from op25b_wizard.gui.services import Services
from tests.conftest import ENGINE_PASSWORD, GUI_EMAIL
from tests.support.platform import (
    KEYRING_NAME,
    PROFILE_LOCK,
    WINDOWS,
    file_held,
    home_env,
    thunderbird_dir,
)
from tests.support.servers import blackhole, smtp_server

WAIT_MS = 15000


def preset_for(servers, test_ca, **kw) -> Preset:
    return Preset(host=kw.pop("host", "localhost"), ports=kw.pop("ports", servers.specs()),
                  cafile=str(test_ca.cafile), timeout=kw.pop("timeout", 2.0), **kw)


def services_for(home) -> Services:
    return Services(home=home, env=home_env(home))


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def press_next(qtbot, wizard, expect: PageId) -> None:
    qtbot.waitUntil(lambda: next_button(wizard).isEnabled(), timeout=WAIT_MS)
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == int(expect), timeout=WAIT_MS)


def to_account_page(qtbot, wizard):
    """Next from the welcome page; the address page once it has looked for mail programs."""
    press_next(qtbot, wizard, PageId.ACCOUNT)
    page = wizard.page_of(PageId.ACCOUNT)
    qtbot.waitUntil(lambda: page.accounts is not None, timeout=WAIT_MS)
    return page


def to_port_test(qtbot, wizard) -> None:
    to_account_page(qtbot, wizard)
    press_next(qtbot, wizard, PageId.PORT_TEST)


def to_signin(qtbot, wizard) -> None:
    to_port_test(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    press_next(qtbot, wizard, PageId.SWITCH)
    press_next(qtbot, wizard, PageId.SIGNIN)


def thunderbird_account(home):
    client = ThunderbirdClient(home=home, env=home_env(home))
    [account] = client.accounts()
    return account


@pytest.fixture
def secret_service():
    """The system's own keyring: Credential Manager on Windows, the Secret Service on Linux."""
    if not WINDOWS and os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")
    yield
    secrets.delete_password("localhost", GUI_EMAIL)
    secrets.delete_msmtp_secret("localhost", GUI_EMAIL)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_whole_flow_switches_the_profile_and_keeps_the_password_in_the_keyring(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, tmp_path, secret_service):
    home, profile = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    saved = tmp_path / "exports"
    saved.mkdir()
    wizard.ctx.save_path_hook = lambda _parent, _title, name, _filter: str(saved / name)

    def print_to_pdf(_parent, printer):
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(saved / "printed.pdf"))
        return True

    wizard.ctx.print_hook = print_to_pdf

    # 2: the account found in Thunderbird, shown the way Thunderbird shows it
    page = to_account_page(qtbot, wizard)
    assert [a.email for a in page.accounts] == [GUI_EMAIL]
    assert page.current_box.isVisible()
    assert page.current_labels["port"][1].text() == "25"
    assert page.current_labels["security"][1].text() == "None"

    # 3: the port test starts by itself; every port gets a verdict
    press_next(qtbot, wizard, PageId.PORT_TEST)
    test_page = wizard.page_of(PageId.PORT_TEST)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    assert [r.key for r in test_page.rows] == ["relay_open", "secure", "secure"]
    assert wizard.state.choice.port == mail_servers.tls.port
    assert test_page.verdict_title.text() == "Secure sending works"
    assert not any(s.recorder.auth for s in (mail_servers.relay, mail_servers.starttls, mail_servers.tls))

    # 4: before → after in large type
    press_next(qtbot, wizard, PageId.SWITCH)
    assert wizard.page_of(PageId.SWITCH).big.text() == f"25 → {mail_servers.tls.port}"

    # 5: one real sign-in
    press_next(qtbot, wizard, PageId.SIGNIN)
    signin = wizard.page_of(PageId.SIGNIN)
    assert signin.same_radio.isChecked() and signin.auth_box.isChecked()
    qtbot.keyClicks(signin.password_edit, ENGINE_PASSWORD)
    qtbot.waitUntil(signin.test_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(signin.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.login_verified is not None, timeout=WAIT_MS)
    assert wizard.state.login_verified is True
    assert signin.result_label.text() == "Your password was accepted."
    assert [(a.username, a.encrypted, a.accepted) for a in mail_servers.tls.recorder.auth] == [
        (GUI_EMAIL, True, True)]
    qtbot.waitUntil(lambda: wizard.state.keyring_secure is not None, timeout=WAIT_MS)
    assert wizard.state.keyring_secure and signin.remember_box.isChecked()
    assert signin.remember_box.text().replace("&", "") == f"Remember the password in this computer's {KEYRING_NAME}"

    # 6: apply to Thunderbird, and every export
    press_next(qtbot, wizard, PageId.APPLY)
    apply_page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: apply_page.change is not None, timeout=WAIT_MS)
    assert f"Port: 25 → {mail_servers.tls.port}" in [
        i18n.render(m) for m in apply_page.change.describe()]
    assert thunderbird_account(home).smtp.port == 25, "nothing may change before Apply"
    qtbot.mouseClick(apply_page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.applied, timeout=WAIT_MS)
    after = thunderbird_account(home).smtp
    assert (after.host, after.port, after.security, after.auth, after.username) == (
        "localhost", mail_servers.tls.port, "tls", "normal", GUI_EMAIL)
    assert apply_page.undo_button.isVisible()
    for fmt, name in (("autoconfig", "config-v1.1.xml"), ("mobileconfig", "example.test.mobileconfig"),
                      ("autodiscover", "autodiscover.xml"), ("msmtp", "msmtprc"),
                      ("pdf", "example.test-mail-settings.pdf")):
        qtbot.mouseClick(apply_page.export_buttons[fmt], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda name=name: (saved / name).exists(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not workers.running(), timeout=WAIT_MS)
        data = (saved / name).read_bytes()
        assert ENGINE_PASSWORD.encode() not in data
        if fmt == "pdf":
            assert data.startswith(b"%PDF")
        else:
            assert str(mail_servers.tls.port).encode() in data and b"localhost" in data
    qtbot.mouseClick(apply_page.export_buttons["print"], Qt.MouseButton.LeftButton)
    assert (saved / "printed.pdf").read_bytes().startswith(b"%PDF")

    # 7: ready: the password is in the keyring, the checklist is all green
    press_next(qtbot, wizard, PageId.READY)
    qtbot.waitUntil(lambda: wizard.state.keyring == "stored", timeout=WAIT_MS)
    assert secrets.get_password("localhost", GUI_EMAIL) == ENGINE_PASSWORD
    assert [c.state for c in wizard.state.checklist()] == ["ok"] * 5
    ready = wizard.page_of(PageId.READY)
    assert ready.title() == "Ready for your trip"
    assert ready.code.text() == wizard.state.support_code and len(ready.code.text()) == 14
    qtbot.mouseClick(ready.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.test_message_sent is not None, timeout=WAIT_MS)
    assert wizard.state.test_message_sent
    [(sender, rcpts, _body)] = mail_servers.tls.recorder.messages
    assert (sender, rcpts) == (GUI_EMAIL, [GUI_EMAIL])
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == 1
    assert wizard.state.password == ""
    for server in (mail_servers.relay, mail_servers.starttls, mail_servers.tls):
        assert not server.recorder.password_seen_unencrypted(ENGINE_PASSWORD)


def test_undo_restores_the_profile(make_wizard, qtbot, thunderbird_home, mail_servers, test_ca):
    home, profile = thunderbird_home
    before = (profile / "prefs.js").read_bytes()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    to_signin(qtbot, wizard)
    press_next(qtbot, wizard, PageId.APPLY)
    page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: page.change is not None, timeout=WAIT_MS)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.applied, timeout=WAIT_MS)
    assert (profile / "prefs.js").read_bytes() != before
    # a person can press Undo only once the button is enabled (the apply work has ended)
    qtbot.waitUntil(lambda: page.undo_button.isVisible() and page.undo_button.isEnabled(),
                    timeout=WAIT_MS)
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.state.applied, timeout=WAIT_MS)
    assert (profile / "prefs.js").read_bytes() == before
    qtbot.waitUntil(lambda: page.change is not None, timeout=WAIT_MS)
    assert page.apply_button.isEnabled()


def test_stop_mid_test_and_test_again(make_wizard, qtbot, thunderbird_home, mail_servers, test_ca):
    home, _ = thunderbird_home
    with blackhole() as dead:
        ports = [PortSpec(dead, "relay"), PortSpec(mail_servers.starttls.port, "starttls"),
                 PortSpec(mail_servers.tls.port, "tls")]
        wizard = make_wizard(preset=preset_for(mail_servers, test_ca, host="127.0.0.1",
                                               ports=ports, timeout=30.0),
                             services=services_for(home))
        to_port_test(qtbot, wizard)
        page = wizard.page_of(PageId.PORT_TEST)
        qtbot.waitUntil(lambda: [r.state for r in page.rows] == ["testing", "done", "done"],
                        timeout=WAIT_MS)
        assert page.stop_button.isVisible() and not next_button(wizard).isEnabled()
        worker = page._worker
        t0 = time.monotonic()
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        assert page.rows[0].text.text() == "Stopped."
        assert page.again_button.isVisible() and not page.stop_button.isVisible()
        assert not next_button(wizard).isEnabled()
        qtbot.waitUntil(lambda: not worker.is_running(), timeout=WAIT_MS)
        assert time.monotonic() - t0 < 5, "the engine must stop promptly, not after its timeout"
        assert wizard.state.report is None
        # Test again: the same rows run again
        qtbot.mouseClick(page.again_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: [r.state for r in page.rows] == ["testing", "done", "done"],
                        timeout=WAIT_MS)
        # Cancel the whole wizard mid-test: it closes at once and leaves no thread behind
        t0 = time.monotonic()
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
        assert not wizard.isVisible()
        assert workers.running() == []
        assert time.monotonic() - t0 < 5


def test_gui_thread_is_not_blocked_while_the_test_waits(make_wizard, qtbot, thunderbird_home,
                                                        mail_servers, test_ca):
    """While port 25 hangs, the event loop keeps running: timers fire on time."""
    from PySide6.QtCore import QTimer

    home, _ = thunderbird_home
    with blackhole() as dead:
        ports = [PortSpec(dead, "relay"), PortSpec(mail_servers.tls.port, "tls")]
        wizard = make_wizard(preset=preset_for(mail_servers, test_ca, host="127.0.0.1",
                                               ports=ports, timeout=1.5),
                             services=services_for(home))
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        to_port_test(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        timer.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        assert max(gaps) < 0.5, f"the event loop stalled for {max(gaps):.3f} s"
        assert wizard.page_of(PageId.PORT_TEST).rows[0].key == "blocked"


def test_the_verdict_shows_while_the_worker_thread_still_winds_down(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, monkeypatch):
    """The answer arrives before the thread has ended (on a slow machine the gap is real):
    the page shows the verdict and "Test again" at once, not a cleared verdict."""
    import threading

    home, _ = thunderbird_home
    linger = threading.Event()
    original = workers.Worker._run

    def run_then_linger(self):
        original(self)
        linger.wait(10)  # the result is posted; the thread has not ended yet

    monkeypatch.setattr(workers.Worker, "_run", run_then_linger)
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    try:
        to_port_test(qtbot, wizard)
        page = wizard.page_of(PageId.PORT_TEST)
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        assert page._worker.is_running(), "the thread should still be lingering here"
        qtbot.waitUntil(lambda: next_button(wizard).isEnabled(), timeout=WAIT_MS)
        assert page.verdict_title.text(), "the verdict was cleared while the thread wound down"
        assert page.again_button.isVisible() and not page.stop_button.isVisible()
        assert not page.progress.isVisible()
    finally:
        linger.set()
    qtbot.waitUntil(lambda: not workers.running(), timeout=WAIT_MS)


def test_wrong_password_is_tried_once_and_explained(make_wizard, qtbot, thunderbird_home,
                                                    mail_servers, test_ca):
    home, _ = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    to_signin(qtbot, wizard)
    page = wizard.page_of(PageId.SIGNIN)
    qtbot.keyClicks(page.password_edit, "wrong password")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.login_verified is not None, timeout=WAIT_MS)
    assert wizard.state.login_verified is False
    assert "did not accept the user name or password" in page.result_label.text()
    assert page.test_button.isEnabled(), "the user may correct the password and test again"
    assert [(a.accepted, a.encrypted) for a in mail_servers.tls.recorder.auth] == [(False, True)]
    # typing a new password forgets the old verdict; Next tests it first, then goes on
    page.password_edit.clear()
    qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
    assert wizard.state.login_verified is None
    press_next(qtbot, wizard, PageId.APPLY)
    assert wizard.state.login_verified is True
    assert len(mail_servers.tls.recorder.auth) == 2


def test_no_keyring_warns_and_does_not_offer_to_remember(make_wizard, qtbot, thunderbird_home,
                                                         mail_servers, test_ca, no_keyring):
    home, _ = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    to_signin(qtbot, wizard)
    page = wizard.page_of(PageId.SIGNIN)
    qtbot.waitUntil(lambda: wizard.state.keyring_secure is not None, timeout=WAIT_MS)
    assert wizard.state.keyring_secure is False
    assert not page.remember_box.isEnabled() and not page.remember_box.isChecked()
    assert page.store_warning.isVisible()
    assert "No password store was found" in page.store_warning.text()
    qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
    press_next(qtbot, wizard, PageId.APPLY)
    press_next(qtbot, wizard, PageId.READY)
    keyring_item = wizard.state.checklist()[-1]
    assert (keyring_item.id, keyring_item.state) == ("keyring", "note")
    assert wizard.state.keyring == "unavailable"


def test_thunderbird_running_asks_to_close_it_first(make_wizard, qtbot, thunderbird_home,
                                                    mail_servers, test_ca):
    home, profile = thunderbird_home
    with file_held(profile / PROFILE_LOCK, lock=True):
        wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
        to_signin(qtbot, wizard)
        press_next(qtbot, wizard, PageId.APPLY)
        page = wizard.page_of(PageId.APPLY)
        qtbot.waitUntil(lambda: page.change is not None, timeout=WAIT_MS)
        assert page.status.text().startswith("Close Thunderbird first")
        qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
        assert not wizard.state.applied
        assert page.status.text().startswith("Close Thunderbird first")
        assert thunderbird_account(home).smtp.port == 25
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.applied, timeout=WAIT_MS)
    assert thunderbird_account(home).smtp.port == mail_servers.tls.port


def test_unencrypted_server_needs_consent_before_any_password(make_wizard, qtbot, tmp_path, test_ca):
    home = tmp_path / "empty-home"
    home.mkdir()
    with smtp_server(test_ca, "plain") as plain:
        preset = Preset(host="127.0.0.1", ports=[PortSpec(plain.port, "starttls")],
                        cafile=str(test_ca.cafile), timeout=2.0, email=GUI_EMAIL)
        wizard = make_wizard(preset=preset, services=services_for(home))
        to_port_test(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        assert wizard.page_of(PageId.PORT_TEST).rows[0].key == "no_starttls"
        press_next(qtbot, wizard, PageId.SWITCH)
        switch = wizard.page_of(PageId.SWITCH)
        assert switch.advanced.isChecked() and switch.warning.isVisible()
        press_next(qtbot, wizard, PageId.SIGNIN)
        page = wizard.page_of(PageId.SIGNIN)
        assert page.risk_box.isVisible() and not page.risk_box.isChecked()
        qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
        assert not page.test_button.isEnabled()
        assert not next_button(wizard).isEnabled(), "Next would send the password"
        page.validatePage()
        qtbot.wait(200)
        assert plain.recorder.auth == [] and not plain.recorder.password_seen_unencrypted(ENGINE_PASSWORD)
        qtbot.mouseClick(page.risk_box, Qt.MouseButton.LeftButton)
        assert page.risk_box.isChecked() and page.test_button.isEnabled()
        # with the user's consent, one sign-in without encryption
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.state.login_verified is not None, timeout=WAIT_MS)
        assert wizard.state.login_verified is True
        assert [(a.encrypted, a.accepted) for a in plain.recorder.auth] == [(False, True)]
        press_next(qtbot, wizard, PageId.APPLY)
        press_next(qtbot, wizard, PageId.READY)
        states = {c.id: c.state for c in wizard.state.checklist()}
        assert states["encrypted"] == "failed" and states["password"] == "ok"


def test_typed_address_ends_with_settings_to_enter_by_hand(make_wizard, qtbot, tmp_path,
                                                           mail_servers, test_ca):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca, email=GUI_EMAIL),
                         services=services_for(home))
    press_next(qtbot, wizard, PageId.ACCOUNT)
    page = wizard.page_of(PageId.ACCOUNT)
    assert page.typed_box.isVisible() and page.email_edit.text() == GUI_EMAIL
    press_next(qtbot, wizard, PageId.PORT_TEST)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    press_next(qtbot, wizard, PageId.SWITCH)
    press_next(qtbot, wizard, PageId.SIGNIN)
    press_next(qtbot, wizard, PageId.APPLY)
    apply_page = wizard.page_of(PageId.APPLY)
    assert apply_page.manual_box.isVisible() and not apply_page.client_box.isVisible()
    shown = {k: v.text() for k, (_key, v) in apply_page.manual_labels.items()}
    assert shown == {"host": "localhost", "port": str(mail_servers.tls.port),
                     "security": "SSL/TLS", "auth": "Normal password", "username": GUI_EMAIL}
    press_next(qtbot, wizard, PageId.READY)
    assert wizard.state.checklist()[3].state == "skipped"
    # nothing to apply: the button beside it shows the settings to enter
    show = wizard.page_of(PageId.READY).fix_buttons["client"]
    assert show.text() == "Show the settings"
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == int(PageId.APPLY) and apply_page.manual_box.isVisible()


def test_keyboard_only(make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, no_keyring):
    home, _ = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    wizard.activateWindow()

    def key(k, modifier=Qt.KeyboardModifier.NoModifier):
        target = wizard.focusWidget() or wizard
        qtbot.keyClick(target, k, modifier)

    def enter_to(pid: PageId) -> None:
        qtbot.waitUntil(lambda: next_button(wizard).isEnabled(), timeout=WAIT_MS)
        key(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == int(pid), timeout=WAIT_MS)

    enter_to(PageId.ACCOUNT)
    qtbot.waitUntil(lambda: wizard.page_of(PageId.ACCOUNT).accounts is not None, timeout=WAIT_MS)
    enter_to(PageId.PORT_TEST)
    enter_to(PageId.SWITCH)
    enter_to(PageId.SIGNIN)
    qtbot.waitUntil(lambda: wizard.focusWidget() is wizard.page_of(PageId.SIGNIN).password_edit,
                    timeout=WAIT_MS)
    qtbot.keyClicks(wizard.focusWidget(), ENGINE_PASSWORD)
    enter_to(PageId.APPLY)  # Next tests the password first
    assert wizard.state.login_verified is True
    page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: page.change is not None, timeout=WAIT_MS)
    key(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "&Apply to Thunderbird"
    qtbot.waitUntil(lambda: wizard.state.applied, timeout=WAIT_MS)
    enter_to(PageId.READY)
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.FinishButton).isEnabled(),
                    timeout=WAIT_MS)
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=WAIT_MS)
    assert wizard.result() == 1
    assert thunderbird_account(home).smtp.port == mail_servers.tls.port


def test_language_switch_retranslates_the_open_wizard(make_wizard, qtbot, tmp_path):
    wizard = make_wizard(services=services_for(tmp_path))
    page = wizard.page_of(PageId.WELCOME)
    assert next_button(wizard).text() == "&Next >"
    qtbot.mouseClick(page.language_buttons["ja"], Qt.MouseButton.LeftButton)
    assert i18n.language() == "ja"
    # Windows' Aero wizard style drops the " >" of Qt's own "&Next >" (and its translation)
    qtbot.waitUntil(lambda: next_button(wizard).text().startswith("次へ(&N)"), timeout=WAIT_MS)
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "キャンセル"
    qtbot.mouseClick(page.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert i18n.language() == "en"
    qtbot.waitUntil(lambda: next_button(wizard).text().startswith("&Next"), timeout=WAIT_MS)
    assert page.title() == "Send mail from anywhere"


def test_helpdesk_mode_shows_page_number_and_support_code(make_wizard, qtbot, thunderbird_home,
                                                          mail_servers, test_ca):
    home, _ = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home),
                         helpdesk=True)
    strip = wizard.page_of(PageId.WELCOME).helpdesk_strip
    assert strip.isVisible() and strip.text().startswith("Page 1 of 7")
    to_port_test(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    code = wizard.state.support_code
    strip = wizard.page_of(PageId.PORT_TEST).helpdesk_strip
    assert strip.text() == f"Page 3 of 7  ·  Support code: {code}"
    assert wizard.windowTitle().endswith("page 3")
    wizard.helpdesk_action.trigger()
    assert not strip.isVisible() and not wizard.helpdesk
    wizard.set_helpdesk(True)
    assert strip.isVisible()


PRESET_XML = """<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.test">
    <domain>example.test</domain>
    <outgoingServer type="smtp">
      <hostname>localhost</hostname><port>{port}</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
"""


def lookup_services(home, **config):
    from op25b_wizard.core.lookup import LookupConfig

    return Services(home=home, env=home_env(home), lookup_config=LookupConfig(
        offline=True, use_bundled_preset=False, use_bundled_providers=False, **config))


def test_typed_address_is_looked_up_then_tested(make_wizard, qtbot, tmp_path, mail_servers, test_ca):
    """The company preset names the server: Next looks it up, then moves on by itself."""
    preset_file = tmp_path / "op25b-preset.xml"
    preset_file.write_text(PRESET_XML.format(port=mail_servers.tls.port))
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=Preset(ports=mail_servers.specs(), cafile=str(test_ca.cafile),
                                       timeout=2.0),
                         services=lookup_services(home, preset=preset_file))
    page = to_account_page(qtbot, wizard)
    assert page.selected() == "typed" and not next_button(wizard).isEnabled()
    page.email_edit.insert("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｔｅｓｔ")  # as a Japanese input method commits it
    press_next(qtbot, wizard, PageId.PORT_TEST)
    assert (wizard.state.email, wizard.state.host, wizard.state.account) == (GUI_EMAIL, "localhost", None)
    assert [(r.port, r.security) for r in wizard.state.preferred] == [(mail_servers.tls.port, "tls")]
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    assert wizard.state.diagnosis.recommended.port == mail_servers.tls.port


@pytest.fixture
def web_without_settings():
    """A provider's web server that answers every request with 404."""
    from tests.support.http_servers import local_web

    with local_web() as web:
        yield web


def test_typed_address_not_found_asks_for_the_server(make_wizard, qtbot, tmp_path, mail_servers,
                                                     test_ca, web_without_settings):
    """The provider's web server answers, without settings: really not found."""
    from op25b_wizard.core.lookup import LookupConfig

    home = tmp_path / "empty-home"
    home.mkdir()
    web = web_without_settings
    config = LookupConfig(use_bundled_preset=False, use_bundled_providers=False,
                          autoconfig_urls=(web.base + "/{domain}.xml",), ispdb_url=None,
                          use_mx=False, use_srv=False, guess=False)
    wizard = make_wizard(preset=Preset(ports=mail_servers.specs(), cafile=str(test_ca.cafile),
                                       timeout=2.0),
                         services=Services(home=home, env={"HOME": str(home)},
                                           lookup_config=config))
    page = to_account_page(qtbot, wizard)
    qtbot.keyClicks(page.email_edit, "hanako@nowhere.example")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server_edit.isVisible(), timeout=WAIT_MS)
    assert wizard.currentId() == int(PageId.ACCOUNT)
    assert "not found" in page.lookup_status.text()
    assert not next_button(wizard).isEnabled(), "the server name is needed first"
    qtbot.keyClicks(page.server_edit, "not a host!")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == int(PageId.ACCOUNT)
    assert "not a server name" in page.lookup_status.text()
    page.server_edit.clear()
    qtbot.keyClicks(page.server_edit, "LOCALHOST")
    press_next(qtbot, wizard, PageId.PORT_TEST)
    assert (wizard.state.email, wizard.state.host) == ("hanako@nowhere.example", "localhost")


def test_a_corrected_address_keeps_nothing_from_the_first_lookup(make_wizard, qtbot, tmp_path,
                                                                  mail_servers, test_ca):
    """The provider found for the first address (its server, routes and user name) must not
    follow the user to a corrected address: that one is looked up afresh."""
    preset_file = tmp_path / "op25b-preset.xml"
    preset_file.write_text(PRESET_XML.format(port=mail_servers.tls.port))
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=Preset(ports=mail_servers.specs(), cafile=str(test_ca.cafile),
                                       timeout=2.0),
                         services=lookup_services(home, preset=preset_file))
    page = to_account_page(qtbot, wizard)
    qtbot.keyClicks(page.email_edit, GUI_EMAIL)
    press_next(qtbot, wizard, PageId.PORT_TEST)
    assert wizard.state.preferred and wizard.state.provider_username == GUI_EMAIL
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    wizard.back()
    assert wizard.currentId() == int(PageId.ACCOUNT)
    page.email_edit.selectAll()
    qtbot.keyClicks(page.email_edit, "hanako@nowhere.example")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server_edit.isVisible(), timeout=WAIT_MS)
    assert page.server_edit.text() == "", "the first address's server must not be offered"
    assert "could not be checked" in page.lookup_status.text()  # an offline lookup
    qtbot.keyClicks(page.server_edit, "localhost")
    press_next(qtbot, wizard, PageId.PORT_TEST)
    s = wizard.state
    assert (s.email, s.host, s.preferred, s.provider_username) == (
        "hanako@nowhere.example", "localhost", [], None)
    assert s.incoming_username == "hanako@nowhere.example"


@contextlib.contextmanager
def hanging_lookups(make_wizard, home):
    """A wizard whose address lookups hang (an autoconfig server that never answers)."""
    from op25b_wizard.core.lookup import LookupConfig

    with blackhole() as dead:
        config = LookupConfig(use_bundled_preset=False, use_bundled_providers=False,
                              autoconfig_urls=(f"http://127.0.0.1:{dead}/{{domain}}.xml",),
                              ispdb_url=None, use_mx=False, use_srv=False, guess=False,
                              http_timeout=30.0)
        yield make_wizard(services=Services(home=home, env=home_env(home),
                                            lookup_config=config))


def start_hanging_lookup(qtbot, wizard, email: str = "hanako@slow.example"):
    """Type *email* on the address page and press Next: the lookup starts and hangs."""
    page = to_account_page(qtbot, wizard)
    page.list.setCurrentRow(page.list.count() - 1)  # "enter my e-mail address"
    qtbot.keyClicks(page.email_edit, email)
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stop_button.isVisible(), timeout=WAIT_MS)
    return page


def test_stop_looking_then_next_looks_again(make_wizard, qtbot, tmp_path):
    home = tmp_path / "empty-home"
    home.mkdir()
    with hanging_lookups(make_wizard, home) as wizard:
        page = start_hanging_lookup(qtbot, wizard)
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        assert "press Next to look again" in page.lookup_status.text()
        assert page.server_edit.isVisible() and next_button(wizard).isEnabled()
        qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
        assert page.stop_button.isVisible() and "Looking up" in page.lookup_status.text()
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(page.server_edit, "localhost")
        qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.PORT_TEST), timeout=WAIT_MS)
        wizard.page_of(PageId.PORT_TEST).stop_test()


class AdvisedServices(Services):
    """A provider whose lookup asks for an app password, served by the loopback servers."""

    def __init__(self, home, port: int) -> None:
        super().__init__(home=home, env=home_env(home))
        self.port = port

    def lookup(self, email, cancel):
        from op25b_wizard.core.i18n import msg
        from op25b_wizard.core.lookup.providers import NOTE_TEXTS
        from op25b_wizard.core.lookup.result import LookupResult, OutgoingServer

        advice = msg("Lookup", NOTE_TEXTS["app_password"], provider="Example Mail")
        return LookupResult("bundled", [OutgoingServer("localhost", self.port, "tls", "normal",
                                                       email)], notes=[advice], advice=[advice])


def test_the_providers_advice_is_shown_where_the_password_is_typed(make_wizard, qtbot, tmp_path,
                                                                   mail_servers, test_ca):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=Preset(ports=mail_servers.specs(), cafile=str(test_ca.cafile),
                                       timeout=2.0),
                         services=AdvisedServices(home, mail_servers.tls.port))
    page = to_account_page(qtbot, wizard)
    qtbot.keyClicks(page.email_edit, GUI_EMAIL)
    press_next(qtbot, wizard, PageId.PORT_TEST)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    press_next(qtbot, wizard, PageId.SWITCH)
    press_next(qtbot, wizard, PageId.SIGNIN)
    signin = wizard.page_of(PageId.SIGNIN)
    assert signin.advice.isVisible()
    assert signin.advice.text().startswith("Example Mail takes an app password")


class UnreachableSignin(Services):
    """The port test reaches the servers; the sign-in test then finds the server gone."""

    def __init__(self, home, dead: int) -> None:
        super().__init__(home=home, env=home_env(home))
        self.dead = dead

    def run_probe(self, request, on_event, cancel):
        import dataclasses

        if request.options.credentials is not None:
            request = dataclasses.replace(
                request, host="127.0.0.1", ports=[PortSpec(self.dead, request.ports[0].mode)],
                options=dataclasses.replace(request.options, timeout=0.5))
        return super().run_probe(request, on_event, cancel)


def test_a_sign_in_test_that_cannot_reach_the_server_does_not_hold_the_user(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, no_keyring):
    home, _ = thunderbird_home
    with blackhole() as dead:
        wizard = make_wizard(preset=preset_for(mail_servers, test_ca),
                             services=UnreachableSignin(home, dead))
        to_signin(qtbot, wizard)
        page = wizard.page_of(PageId.SIGNIN)
        qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
        qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)  # tests first
        qtbot.waitUntil(lambda: page._tested_for is not None and not page.busy, timeout=WAIT_MS)
        assert wizard.currentId() == int(PageId.SIGNIN)
        assert wizard.state.login_verified is None
        assert "could not be reached" in page.result_label.text()
        press_next(qtbot, wizard, PageId.APPLY)  # the second press goes on
        press_next(qtbot, wizard, PageId.READY)  # not applied, password unchecked
        assert wizard.page_of(PageId.READY).title() == "Almost ready"
        wizard.back()
        # a changed password is tested again before Next goes on
        wizard.back()
        page.password_edit.setText(ENGINE_PASSWORD + "x")
        qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
        assert wizard.currentId() == int(PageId.SIGNIN)
        qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


def test_same_as_receiving_means_the_incoming_user_name(make_wizard, qtbot, tmp_path,
                                                        mail_servers, test_ca):
    """Thunderbird's outgoing server has no user name; the account receives as "hanako": that
    is what "the same user name as for receiving" shows and uses."""
    from tests.conftest import write_thunderbird_profile

    home = tmp_path / "home"
    home.mkdir()
    write_thunderbird_profile(home, incoming_user="hanako")
    assert thunderbird_account(home).incoming_username == "hanako"
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    to_signin(qtbot, wizard)
    page = wizard.page_of(PageId.SIGNIN)
    assert "(hanako)" in page.same_radio.text()
    assert wizard.state.username == "hanako"


def test_an_unreadable_profile_does_not_hide_the_others(make_wizard, qtbot, tmp_path):
    from tests.conftest import write_thunderbird_profile

    home = tmp_path / "home"
    home.mkdir()
    write_thunderbird_profile(home)
    root = thunderbird_dir(home)
    broken = root / "zz99yy88.work"
    (broken / "prefs.js").mkdir(parents=True)  # a folder where the file should be
    with (root / "profiles.ini").open("a") as f:
        f.write("\n[Profile1]\nName=work\nIsRelative=1\nPath=zz99yy88.work\n")
    wizard = make_wizard(services=services_for(home))
    page = to_account_page(qtbot, wizard)
    assert [a.email for a in page.accounts] == [GUI_EMAIL]
    assert "zz99yy88.work" in page.status.text()


def test_a_password_changed_while_it_is_tested_is_not_marked_accepted(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, no_keyring):
    home, _ = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    to_signin(qtbot, wizard)
    page = wizard.page_of(PageId.SIGNIN)
    qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
    page.test_signin()
    assert page.busy and page.password_edit.isReadOnly()
    page.password_edit.setText("totally wrong")  # e.g. pasted in by a tool despite read-only
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    assert wizard.state.login_verified is None, "the answer was about the password before"
    assert not page.password_edit.isReadOnly()
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)  # tests the new one
    qtbot.waitUntil(lambda: wizard.state.login_verified is not None, timeout=WAIT_MS)
    assert wizard.state.login_verified is False and wizard.currentId() == int(PageId.SIGNIN)


def test_the_providers_own_port_is_tested_too(make_wizard, qtbot, tmp_path, mail_servers, test_ca):
    """A provider (or company preset) documenting an unusual port gets that port tested."""
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=Preset(cafile=str(test_ca.cafile), timeout=2.0),
                         services=AdvisedServices(home, mail_servers.tls.port))
    page = to_account_page(qtbot, wizard)
    qtbot.keyClicks(page.email_edit, GUI_EMAIL)
    press_next(qtbot, wizard, PageId.PORT_TEST)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    tested = [(p.port, p.mode) for p in wizard.state.report.ports]
    assert tested[:3] == [(25, "relay"), (587, "starttls"), (465, "tls")]
    assert (mail_servers.tls.port, "tls") in tested
    assert wizard.state.diagnosis.recommended.port == mail_servers.tls.port


class BrokenLookup(Services):
    def lookup(self, email, cancel):
        from op25b_wizard.core.i18n import msg
        from op25b_wizard.core.lookup.autoconfig import AutoconfigError

        raise AutoconfigError(msg("Lookup", "The company preset {path} cannot be read: {reason}",
                                  path="/gone/op25b-preset.xml", reason="it does not exist"))


def test_a_lookup_error_lets_the_user_type_the_server(make_wizard, qtbot, tmp_path):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(services=BrokenLookup(home=home, env=home_env(home)))
    page = to_account_page(qtbot, wizard)
    qtbot.keyClicks(page.email_edit, "hanako@example.jp")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.server_edit.isVisible(), timeout=WAIT_MS)
    assert "cannot be read" in page.lookup_status.text()
    qtbot.keyClicks(page.server_edit, "localhost")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.PORT_TEST), timeout=WAIT_MS)
    wizard.page_of(PageId.PORT_TEST).stop_test()


def test_picking_an_account_during_a_lookup_stays_on_the_page(make_wizard, qtbot,
                                                              thunderbird_home):
    home, _ = thunderbird_home
    with hanging_lookups(make_wizard, home) as wizard:
        page = start_hanging_lookup(qtbot, wizard)
        page.list.setCurrentRow(0)  # the Thunderbird account after all
        assert not page.busy and not page.stop_button.isVisible()
        assert page.lookup_status.text() == ""
        qtbot.wait(200)
        assert wizard.currentId() == int(PageId.ACCOUNT)
        # Back while looking up, then Next again: no stale "Looking up…"
        page.list.setCurrentRow(page.list.count() - 1)
        qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.stop_button.isVisible(), timeout=WAIT_MS)
        wizard.back()
        press_next(qtbot, wizard, PageId.ACCOUNT)
        assert not page.stop_button.isVisible() and "Looking up" not in page.lookup_status.text()


def test_status_lines_follow_a_language_switch(make_wizard, qtbot, tmp_path):
    home = tmp_path / "empty-home"
    home.mkdir()
    with hanging_lookups(make_wizard, home) as wizard:
        page = start_hanging_lookup(qtbot, wizard)
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        english = page.lookup_status.text()
        wizard.ctx.languageRequested.emit("ja")
        qtbot.waitUntil(lambda: "中止" in page.lookup_status.text(), timeout=WAIT_MS)
        assert page.lookup_status.text() != english


class BrokenProbe(Services):
    def run_probe(self, request, on_event, cancel):
        import errno

        raise OSError(errno.EMFILE, "Too many open files")


def test_a_test_that_breaks_on_this_computer_blames_no_server(make_wizard, qtbot, thunderbird_home):
    home, _ = thunderbird_home
    wizard = make_wizard(lang="ja", services=BrokenProbe(home=home, env=home_env(home)))
    to_port_test(qtbot, wizard)
    page = wizard.page_of(PageId.PORT_TEST)
    qtbot.waitUntil(lambda: page._run_error is not None and not page.busy, timeout=WAIT_MS)
    assert {r.key for r in page.rows} == {"not_run"}
    assert "Too many" not in page.verdict_text.text() and "ファイル" in page.verdict_text.text()


def test_unticking_remember_later_takes_the_password_out_again(
        make_wizard, qtbot, thunderbird_home, mail_servers, test_ca, secret_service):
    home, _ = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    to_signin(qtbot, wizard)
    signin = wizard.page_of(PageId.SIGNIN)
    qtbot.keyClicks(signin.password_edit, ENGINE_PASSWORD)
    press_next(qtbot, wizard, PageId.APPLY)
    press_next(qtbot, wizard, PageId.READY)
    qtbot.waitUntil(lambda: wizard.state.keyring == "stored", timeout=WAIT_MS)
    assert secrets.get_password("localhost", GUI_EMAIL) == ENGINE_PASSWORD
    wizard.back()
    wizard.back()
    assert wizard.currentId() == int(PageId.SIGNIN)
    # touching the user name choice on the way (and back) must not make the wizard forget
    # what it put into the keyring
    signin.other_radio.setChecked(True)
    signin.same_radio.setChecked(True)
    signin.remember_box.setChecked(False)
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)  # tests the password again
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.APPLY), timeout=WAIT_MS)
    press_next(qtbot, wizard, PageId.READY)
    qtbot.waitUntil(lambda: wizard.state.keyring == "not_requested", timeout=WAIT_MS)
    assert secrets.get_password("localhost", GUI_EMAIL) is None
    assert wizard.state.kept is None


def test_the_company_preset_also_moves_an_account_found_in_a_mail_program(
        make_wizard, qtbot, thunderbird_home, tmp_path, mail_servers, test_ca):
    """IT's preset names the company server for its domain: a Thunderbird account of that
    domain is switched to it, without the user typing anything."""
    from op25b_wizard.core.lookup import LookupConfig

    home, _ = thunderbird_home
    preset_file = tmp_path / "op25b-preset.xml"
    preset_file.write_text(PRESET_XML.format(port=mail_servers.tls.port)
                           .replace("<hostname>localhost<", "<hostname>127.0.0.1<"))
    wizard = make_wizard(preset=Preset(ports=mail_servers.specs(), cafile=str(test_ca.cafile),
                                       timeout=2.0),
                         services=Services(home=home, env=home_env(home),
                                           lookup_config=LookupConfig(preset=preset_file)))
    to_port_test(qtbot, wizard)
    s = wizard.state
    assert s.account is not None and s.account.smtp.host == "localhost"
    assert s.host == "127.0.0.1"
    assert [(r.host, r.port, r.security) for r in s.preferred] == [
        ("127.0.0.1", mail_servers.tls.port, "tls")]
    wizard.page_of(PageId.PORT_TEST).stop_test()
