"""A hotel network before its terms are accepted, in network namespaces of our own: the portal
answers ports 25 and 587 with HTTP, port 465 with a certificate for its own name, and the
connectivity check (pointed at the portal's web server inside the namespace) with a redirect.
``diagnose --json`` and the wizard both say ``captive_portal``, not ``certificate``, and no
password reaches the portal."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from op25b_wizard.core import connectivity
from op25b_wizard.core.wizard_state import PageId, Preset
from tests.conftest import write_thunderbird_profile
from tests.support.netns import HOSTNAME, SERVER_V4, op25b_network
from tests.support.platform import CLI, NO_NETNS, WINDOWS, home_env
from tests.support.servers import DEFAULT_USERS, TestCA

if WINDOWS:
    pytest.skip(f"not on Windows: {NO_NETNS}", allow_module_level=True)

pytestmark = pytest.mark.netns
USER, PASSWORD = next(iter(DEFAULT_USERS.items()))
CHECK_URL = f"http://{SERVER_V4}/connecttest.txt"
TIMEOUT = 2.0
ENV = "OP25B_CAPTIVE_NETNS"
WAIT_MS = 20000


def start_portal(net, ca: TestCA, tmp_path: Path):
    pem = ca.write_server_pem(tmp_path / "portal.pem", ("portal.hotel.test",))
    return net.start_servers(pem, module="tests.support.run_portal")


def assert_no_password_reached_the_portal(records: list[dict]) -> None:
    assert records, "the portal recorded nothing"
    for port in records:
        assert port.get("auth", []) == [], port
        lines = "".join(port["lines"])
        assert PASSWORD not in lines and "AUTH" not in lines.upper(), port


def test_diagnose_json_says_captive_portal_and_sends_no_password(tmp_path):
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block=None) as net:
        portal = start_portal(net, ca, tmp_path)
        proc = net.run([CLI, "diagnose", USER, "--host", net.hostname, "--cafile", str(ca.cafile),
                        "--timeout", str(TIMEOUT), "--json", "--password-stdin",
                        "--connectivity-url", CHECK_URL,
                        "--connectivity-answer", connectivity.DEFAULT_ANSWER],
                       input=PASSWORD + "\n")
        records = portal.records()
    assert proc.returncode == 1, proc.stderr
    result = json.loads(proc.stdout)
    ports = {p["port"]: p for p in result["ports"]}
    assert ports[25]["outcome"] == ports[587]["outcome"] == "not_smtp"
    assert ports[465]["outcome"] == "tls_error" and ports[465]["tls"]["problem"] == "wrong_name"
    assert result["verdicts"] == ["captive_portal"]
    assert "certificate" not in result["verdicts"]
    assert result["connectivity"]["result"] == "portal"
    assert result["connectivity"]["location"] == "http://portal.hotel.test/login"
    assert result["recommended"] is None and result["login_verified"] is None
    assert all(p["auth"] is None for p in result["ports"])
    assert_no_password_reached_the_portal(records)
    asked = next(r for r in records if r["port"] == 80)
    assert asked["lines"][0] == "GET /connecttest.txt HTTP/1.1\r\n"


def _need_secret_service() -> None:
    if os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")


def test_the_wizard_says_captive_portal_in_the_hotel_network(tmp_path):
    _need_secret_service()
    ca = TestCA(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    write_thunderbird_profile(home, host=HOSTNAME, port=25)
    with op25b_network(tmp_path, block=None) as net:
        portal = start_portal(net, ca, tmp_path)
        params = {"home": str(home), "cafile": str(ca.cafile)}
        inner = net.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                         f"{__file__}::test_inside_the_hotel_network"],
                        env={**os.environ, ENV: json.dumps(params)}, timeout=120)
        records = portal.records()
    assert inner.returncode == 0, inner.stdout + inner.stderr
    assert "1 passed" in inner.stdout
    assert_no_password_reached_the_portal(records)
    assert len(next(r for r in records if r["port"] == 80)["lines"]) > 0


@pytest.mark.skipif(ENV not in os.environ, reason="runs inside the hotel namespace only")
def test_inside_the_hotel_network(make_wizard, qtbot):
    from op25b_wizard.gui.services import Services
    from tests.test_gui_captive import Browser
    from tests.test_gui_flow import to_port_test

    params = json.loads(os.environ[ENV])
    home = Path(params["home"])
    check = connectivity.configured(CHECK_URL, connectivity.DEFAULT_ANSWER)
    wizard = make_wizard(preset=Preset(cafile=params["cafile"], timeout=TIMEOUT,
                                       connectivity=check),
                         services=Services(home=home, env=home_env(home)))
    browser = Browser()
    QDesktopServices.setUrlHandler("http", browser, "open")
    try:
        to_port_test(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        page = wizard.page_of(PageId.PORT_TEST)
        assert wizard.state.diagnosis.verdict_ids == ["captive_portal"]
        assert page.verdict_title.text() == "This network wants you to accept its terms first"
        assert "certificate" not in page.verdict_text.text().lower()
        page.browser_button.click()
        assert browser.opened == [CHECK_URL]
        page.again_button.click()
        qtbot.waitUntil(lambda: wizard.state.report is not None, timeout=WAIT_MS)
        assert wizard.state.diagnosis.verdict_ids == ["captive_portal"]
    finally:
        QDesktopServices.unsetUrlHandler("http")
