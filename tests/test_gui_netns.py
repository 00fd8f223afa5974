"""The whole wizard in a real OP25B network: a hotel namespace whose iptables DROP port 25, the
test servers in another namespace, a Thunderbird profile sending on port 25, the real keyring.

The outer test builds the network and runs the inner test inside the hotel namespace
(``ip netns exec`` also gives it the namespace's /etc/hosts for ``mail.example.test``); the
inner test drives the wizard from the first page to Finish.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from op25b_wizard.core import secrets
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from op25b_wizard.core.wizard_state import PageId, Preset
from op25b_wizard.gui.services import Services
from tests.conftest import ENGINE_PASSWORD, GUI_EMAIL, write_thunderbird_profile
from tests.support.netns import HOSTNAME, op25b_network
from tests.support.platform import NO_NETNS, WINDOWS, not_on_windows
from tests.support.servers import TestCA

ENV = "OP25B_GUI_NETNS"
TIMEOUT = 3.0
WAIT_MS = 20000
pytestmark = not_on_windows(NO_NETNS)


def _need_secret_service() -> None:
    if os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")


@pytest.mark.netns
def test_whole_wizard_in_a_network_that_blocks_port_25(tmp_path):
    _need_secret_service()
    ca = TestCA(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    profile = write_thunderbird_profile(home, host=HOSTNAME, port=25)
    try:
        with op25b_network(tmp_path, block="drop") as net:
            servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem",
                                                            (HOSTNAME,)))
            params = {"home": str(home), "cafile": str(ca.cafile)}
            inner = net.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             f"{__file__}::test_inside_the_hotel_network"],
                            env={**os.environ, ENV: json.dumps(params)}, timeout=120)
            records = servers.records()
        assert inner.returncode == 0, inner.stdout + inner.stderr
        assert "1 passed" in inner.stdout

        # the profile is switched to the submission port, with sign-in
        client = ThunderbirdClient(home=home, env={"HOME": str(home)})
        [account] = client.accounts(profile)
        assert (account.smtp.host, account.smtp.port, account.smtp.security, account.smtp.auth,
                account.smtp.username) == (HOSTNAME, 465, "tls", "normal", GUI_EMAIL)
        # the password is in the keyring
        assert secrets.get_password(HOSTNAME, GUI_EMAIL) == ENGINE_PASSWORD
        # one sign-in, encrypted, on the recommended port only; never anything on port 25
        auths = {r["port"]: r["auth"] for r in records if r["auth"]}
        assert list(auths) == [465] and len(auths[465]) == 1
        assert auths[465][0]["encrypted"] and auths[465][0]["accepted"]
        for r in records:
            assert ENGINE_PASSWORD not in "\n".join(r["plaintext_lines"])
            if r["port"] == 25:
                assert r["plaintext_lines"] == [], "port 25 is dropped: nothing may arrive"
    finally:
        secrets.delete_password(HOSTNAME, GUI_EMAIL)


@pytest.mark.skipif(WINDOWS or ENV not in os.environ,
                    reason=f"not on Windows: {NO_NETNS}" if WINDOWS
                    else "runs inside the hotel namespace only")
def test_inside_the_hotel_network(make_wizard, qtbot):
    params = json.loads(os.environ[ENV])
    home = Path(params["home"])
    wizard = make_wizard(preset=Preset(cafile=params["cafile"], timeout=TIMEOUT),
                         services=Services(home=home, env={"HOME": str(home)}))
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    def press_next(expect: PageId) -> None:
        qtbot.waitUntil(next_button.isEnabled, timeout=WAIT_MS)
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.currentId() == int(expect), timeout=WAIT_MS)

    press_next(PageId.ACCOUNT)
    qtbot.waitUntil(lambda: wizard.page_of(PageId.ACCOUNT).accounts is not None, timeout=WAIT_MS)
    press_next(PageId.PORT_TEST)
    qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
    rows = {r.spec.port: r.key for r in wizard.page_of(PageId.PORT_TEST).rows}
    assert rows == {25: "blocked", 587: "secure", 465: "secure"}
    assert wizard.state.diagnosis.op25b is True
    assert wizard.state.blocked_ports == [25]
    press_next(PageId.SWITCH)
    assert wizard.page_of(PageId.SWITCH).big.text() == "25 → 465"
    press_next(PageId.SIGNIN)
    page = wizard.page_of(PageId.SIGNIN)
    qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
    press_next(PageId.APPLY)  # Next tests the password first
    assert wizard.state.login_verified is True
    apply_page = wizard.page_of(PageId.APPLY)
    qtbot.waitUntil(lambda: apply_page.change is not None, timeout=WAIT_MS)
    qtbot.mouseClick(apply_page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.applied, timeout=WAIT_MS)
    press_next(PageId.READY)
    qtbot.waitUntil(lambda: wizard.state.keyring == "stored", timeout=WAIT_MS)
    assert [c.state for c in wizard.state.checklist()] == ["ok"] * 5
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == 1
