"""The wizard's msmtp export leaves msmtp able to find the password, as ``op25b-wizard export
msmtp`` does: with "Remember the password" ticked, the password goes into msmtp's own Secret
Service item and Debian's msmtp sends with it (real gnome-keyring, real msmtp, loopback
server); unticked, nothing is kept and the wizard says so in the command line's words; and a
password no longer wanted is taken out of msmtp's item too."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from op25b_wizard.core import secrets
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui import workers
from tests.conftest import ENGINE_PASSWORD, GUI_EMAIL
from tests.support.platform import CLI, NO_SECRET_SERVICE, WINDOWS
from tests.test_gui_flow import WAIT_MS, preset_for, press_next, services_for, to_signin

HOST = "localhost"


@pytest.fixture
def secret_service():
    if WINDOWS:  # msmtp's own lookup of the password there is the Secret Service's
        pytest.skip(f"not on Windows: {NO_SECRET_SERVICE}")
    if os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")
    secrets.delete_password(HOST, GUI_EMAIL)
    secrets.delete_msmtp_secret(HOST, GUI_EMAIL)
    yield
    secrets.delete_password(HOST, GUI_EMAIL)
    secrets.delete_msmtp_secret(HOST, GUI_EMAIL)


def to_apply(qtbot, wizard, *, remember: bool) -> None:
    to_signin(qtbot, wizard)
    page = wizard.page_of(PageId.SIGNIN)
    page.remember_box.setChecked(remember)
    qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.login_verified is not None, timeout=WAIT_MS)
    assert wizard.state.login_verified is True
    press_next(qtbot, wizard, PageId.APPLY)


def export_msmtp(qtbot, wizard, folder: Path) -> tuple[Path, str]:
    folder.mkdir(exist_ok=True)
    wizard.ctx.save_path_hook = lambda _parent, _title, name, _filter: str(folder / name)
    page = wizard.page_of(PageId.APPLY)
    page._export_status = None
    page.export("msmtp")
    qtbot.waitUntil(lambda: page._export_status is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not workers.running(), timeout=WAIT_MS)
    assert page._export_status[0] == "ok", page.export_status.text()
    return Path(page._export_status[2]), page.export_status.text()


def msmtp_sends(config: Path, cafile: str) -> subprocess.CompletedProcess:
    message = f"From: {GUI_EMAIL}\nTo: {GUI_EMAIL}\nSubject: msmtp test\n\nSent by msmtp.\n"
    return subprocess.run(["msmtp", "-C", str(config), f"--tls-trust-file={cafile}",
                           "--timeout=5", GUI_EMAIL], input=message, capture_output=True,
                          text=True, timeout=60)


def cli_notes(config: Path, port: int) -> str:
    proc = subprocess.run([CLI, "export", "msmtp", "--email", GUI_EMAIL, "--host", HOST,
                           "--port", str(port), "--security", "tls", "--user", GUI_EMAIL,
                           "--msmtp-password", "secret-service", "-o", str(config)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


def test_remember_puts_the_password_where_msmtp_finds_it(
        make_wizard, qtbot, tmp_path, mail_servers, test_ca, secret_service):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca, email=GUI_EMAIL),
                         services=services_for(home))
    to_apply(qtbot, wizard, remember=True)
    assert not secrets.has_msmtp_secret(HOST, GUI_EMAIL)
    config, status = export_msmtp(qtbot, wizard, tmp_path / "wizard")
    assert secrets.has_msmtp_secret(HOST, GUI_EMAIL)
    assert f"msmtp will find the password for {GUI_EMAIL} at {HOST} in the keyring." in status
    assert ENGINE_PASSWORD not in config.read_text(encoding="utf-8")
    sent = msmtp_sends(config, str(test_ca.cafile))
    assert sent.returncode == 0, sent.stderr
    assert mail_servers.tls.recorder.auth, "msmtp signed in with the password from the keyring"


def test_without_remember_nothing_is_kept_and_the_wizard_says_what_the_cli_says(
        make_wizard, qtbot, tmp_path, mail_servers, test_ca, secret_service):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca, email=GUI_EMAIL),
                         services=services_for(home))
    to_apply(qtbot, wizard, remember=False)
    config, status = export_msmtp(qtbot, wizard, tmp_path / "wizard")
    assert not secrets.has_msmtp_secret(HOST, GUI_EMAIL)
    assert secrets.get_password(HOST, GUI_EMAIL) is None
    said = f"no password is stored yet for {GUI_EMAIL} at {HOST}; store it once with:"
    assert said in status
    cli_said = cli_notes(tmp_path / "cli-msmtprc", mail_servers.tls.port)
    line = next(x for x in status.splitlines() if said in x)
    assert f"note: {line}" in cli_said.splitlines()


def test_a_password_no_longer_wanted_leaves_msmtp_too(
        make_wizard, qtbot, tmp_path, mail_servers, test_ca, secret_service):
    """Exported with Remember ticked, then Remember unticked before the last page: the
    password msmtp's item got from the wizard is taken out again, with the keyring's."""
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca, email=GUI_EMAIL),
                         services=services_for(home))
    to_apply(qtbot, wizard, remember=True)
    export_msmtp(qtbot, wizard, tmp_path / "wizard")
    assert secrets.has_msmtp_secret(HOST, GUI_EMAIL)
    wizard.back()
    assert wizard.currentId() == int(PageId.SIGNIN)
    wizard.page_of(PageId.SIGNIN).remember_box.setChecked(False)
    press_next(qtbot, wizard, PageId.APPLY)
    press_next(qtbot, wizard, PageId.READY)
    qtbot.waitUntil(lambda: wizard.state.keyring == "not_requested", timeout=WAIT_MS)
    assert not secrets.has_msmtp_secret(HOST, GUI_EMAIL)
