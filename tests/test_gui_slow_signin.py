"""The wizard's sign-in test against a server that does not answer the sign-in in time: the
page says the server is slow and to try again in a minute, not that the password is wrong or
the server unreachable; the password counts as unchecked. The port test runs under the same
deadline as ``diagnose``."""

from __future__ import annotations

import dataclasses

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt

from op25b_wizard.core.model import ProbeOptions
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui.services import Services
from tests.conftest import ENGINE_PASSWORD
from tests.support.servers import Scripted
from tests.test_gui_flow import WAIT_MS, preset_for, to_signin
from tests.test_probe_slow import delayed_auth

AUTH_WAIT = 1.0


class SlowSignin(Services):
    """The port test reaches the test servers; the sign-in goes to a server that holds back
    its answer to AUTH, with a short sign-in time so that the test does not wait 20 s."""

    def __init__(self, home, port: int) -> None:
        super().__init__(home=home, env={"HOME": str(home)})
        self.port = port
        self.requests: list = []

    def run_probe(self, request, on_event, cancel):
        self.requests.append(request)
        if request.options.credentials is not None:
            request = dataclasses.replace(
                request, ports=[dataclasses.replace(request.ports[0], port=self.port)],
                options=dataclasses.replace(request.options, auth_timeout=AUTH_WAIT))
        return super().run_probe(request, on_event, cancel)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_slow_sign_in_is_told_as_slow(make_wizard, qtbot, thunderbird_home, mail_servers,
                                        test_ca, no_keyring) -> None:
    home, _ = thunderbird_home
    with Scripted(delayed_auth(30.0, b"235 2.7.0 ok\r\n"), tls=test_ca.server_context()) as slow:
        services = SlowSignin(home, slow.port)
        wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services)
        to_signin(qtbot, wizard)
        page = wizard.page_of(PageId.SIGNIN)
        assert wizard.state.choice is not None and wizard.state.choice.security == "tls"
        qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page._tested_for is not None and not page.busy, timeout=WAIT_MS)
        text = page.result_label.text()
        assert wizard.state.login_verified is None
        assert "did not answer the sign-in within 1 seconds" in text
        assert "Wait a minute and try again." in text
        assert "could not be reached" not in text and "did not accept" not in text
        assert page.test_button.isEnabled()
    # the port test ran under the run's deadline, the wizard's default as for diagnose
    port_test = services.requests[0].options
    assert port_test.deadline is None
    assert port_test.run_deadline == ProbeOptions(timeout=port_test.timeout).run_deadline
