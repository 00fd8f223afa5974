"""Against the server most ISPs and companies run: Debian's Postfix with Dovecot SASL, in a
network namespace, started from a throw-away directory (``tests/support/postfix.py``).

Dovecot answers a failed sign-in only after ``auth_failure_delay`` (2 s) and holds back the
next sign-ins from the same address by a growing penalty: the diagnosis must read that as a
wrong password, never as a blocked port, and the right password just after must still give a
route."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from op25b_wizard.core import secrets
from op25b_wizard.core.support_code import decode
from tests.support.netns import op25b_network, require_netns
from tests.support.postfix import mail_host
from tests.support.servers import TestCA

pytestmark = [pytest.mark.netns, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / ".venv" / "bin" / "op25b-wizard")
USER, PASSWORD = "taro@example.test", "correct horse battery staple"
USERS = {USER: PASSWORD, "hanako@example.test": "another good password"}
TIMEOUT = "3"
"""The stage timeout of the issue's check: shorter than Dovecot's delays with a penalty."""


def diagnose(net, ca: TestCA, *extra: str, password: str | None = None) -> tuple[dict, int, float]:
    argv = [CLI, "diagnose", USER, "--host", net.hostname, "--cafile", str(ca.cafile),
            "--timeout", TIMEOUT, "--json", *extra]
    if password is not None:
        argv += ["--user", USER, "--password-stdin"]
    t0 = time.monotonic()
    proc = net.run(argv, input=None if password is None else password + "\n", timeout=120)
    wall = time.monotonic() - t0
    assert proc.stdout, proc.stderr
    return json.loads(proc.stdout), proc.returncode, wall


def by_port(out: dict) -> dict[int, dict]:
    return {p["port"]: p for p in out["ports"]}


@pytest.mark.timeout(300)
def test_wrong_password_twice_then_the_right_one(tmp_path: Path) -> None:
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block=None) as net, mail_host(net, ca, USERS) as mx:
        # no password: everything open, 465 recommended, port 25 not blocked here
        out, status, _ = diagnose(net, ca)
        assert status == 0, out
        assert out["op25b"] is False and out["recommended"]["port"] == 465
        ports = by_port(out)
        assert ports[25]["outcome"] == "ok" and ports[25]["auth"] is None
        assert ports[587]["security"] == "starttls" and ports[587]["tls"]["verified"]
        assert ports[465]["security"] == "tls" and ports[465]["tls"]["verified"]
        assert "AUTH" not in " ".join(ports[25]["capabilities"]["other"])
        assert ports[25]["capabilities"]["auth"] == []

        # a wrong password: Dovecot answers 535 after its failure delay, on both ports
        waits = []
        for attempt in ("first", "second"):
            out, status, wall = diagnose(net, ca, password="wrong " + attempt)
            waits.append(wall)
            ports = by_port(out)
            for port in (587, 465):
                assert ports[port]["outcome"] == "auth_failed", (attempt, ports[port])
                assert ports[port]["auth"]["code"] == 535
            assert out["verdicts"][0] == "auth_rejected", out["verdicts"]
            assert "no_submission" not in out["verdicts"]
            assert status == 3 and out["login_verified"] is False
            assert out["recommended"] is not None
        # the server took its time, longer than a stage timeout: that is what is tested
        assert max(waits) > float(TIMEOUT)

        # the right password right after, while the penalty still runs: a route
        out, status, _ = diagnose(net, ca, password=PASSWORD)
        ports = by_port(out)
        assert status == 0, out
        assert out["login_verified"] is True and out["verdicts"] == ["submission_ok"]
        assert out["recommended"]["port"] == 465
        assert ports[465]["outcome"] == "auth_ok" and ports[587]["outcome"] == "auth_ok"
        assert decode(out["support_code"]).verdicts == ("submission_ok",)
        assert PASSWORD not in mx.log() and "wrong first" not in mx.log()


@pytest.mark.timeout(300)
def test_port_25_dropped_by_the_network(tmp_path: Path) -> None:
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block="drop") as net, mail_host(net, ca, USERS):
        out, status, wall = diagnose(net, ca, password=PASSWORD)
    ports = by_port(out)
    assert status == 0, out
    assert out["op25b"] is True and out["verdicts"] == ["op25b", "submission_ok"]
    assert (ports[25]["outcome"], ports[25]["stage"]) == ("timeout", "connect")
    assert ports[587]["outcome"] == ports[465]["outcome"] == "auth_ok"
    assert out["recommended"] == {"host": "mail.example.test", "port": 465, "security": "tls",
                                  "auth": "normal", "username": USER}
    assert wall < 3 * float(TIMEOUT) + 5  # one stage timeout for port 25, not three


@pytest.mark.timeout(300)
def test_msmtp_sends_through_postfix_with_the_exported_config(tmp_path: Path) -> None:
    """The helpdesk's path end to end: diagnose from the hotel network, export for msmtp
    (the password stays in the keyring), Debian's msmtp sends, the mail is in the Maildir."""
    require_netns()  # first: where namespaces cannot exist (Windows), neither can the rest
    if os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")
    ca = TestCA(tmp_path)
    diagnosis, config = tmp_path / "diagnosis.json", tmp_path / "msmtprc"
    rcpt = "hanako@example.test"
    with op25b_network(tmp_path, block="drop") as net, mail_host(net, ca, USERS) as mx:
        try:
            out, status, _ = diagnose(net, ca, password=PASSWORD)
            assert status == 0 and out["recommended"]["port"] == 465
            diagnosis.write_text(json.dumps(out))
            stored = subprocess.run([CLI, "password", "set", "--host", net.hostname, "--user", USER,
                                     "--password-stdin"], input=PASSWORD + "\n",
                                    capture_output=True, text=True, timeout=60)
            assert stored.returncode == 0, stored.stderr
            for port, security in (("465", "tls"), ("587", "starttls")):
                exported = subprocess.run(
                    [CLI, "export", "msmtp", "--email", USER, "--diagnosis", str(diagnosis),
                     "--port", port, "--security", security, "-o", str(config)],
                    capture_output=True, text=True, timeout=60)
                assert exported.returncode == 0, exported.stderr
                assert PASSWORD not in config.read_text()
                message = (f"From: {USER}\nTo: {rcpt}\nSubject: msmtp through {port}\n\n"
                           f"Sent by msmtp through Postfix on port {port}.\n")
                sent = net.run(["msmtp", "-C", str(config), f"--tls-trust-file={ca.cafile}",
                                rcpt], input=message, timeout=60)
                assert sent.returncode == 0, sent.stderr + mx.log()
            delivered = mx.wait_delivered(rcpt, 2)
            # the old setting, port 25 without sign-in, cannot get out of this network
            old = net.run(["msmtp", "-C", str(config), "--port=25", "--tls=off", "--auth=off",
                           "--timeout=3", rcpt], input="Subject: on port 25\n\nx\n", timeout=60)
            assert old.returncode != 0
        finally:
            secrets.delete_password(net.hostname, USER)
            secrets.delete_msmtp_secret(net.hostname, USER)
    subjects = sorted(m["Subject"] for m in delivered)
    assert subjects == ["msmtp through 465", "msmtp through 587"]
    assert all(m["From"] == USER for m in delivered)
    assert mx.delivered(USER) == []
