"""End to end on a real OP25B network: diagnose, export for msmtp, and Debian's msmtp sends
through the submission port with the password only in the keyring (gnome-keyring)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from op25b_wizard.core import secrets
from tests.support.netns import op25b_network
from tests.support.platform import CLI, NO_MSMTP, not_on_windows
from tests.support.servers import DEFAULT_USERS, TestCA

pytestmark = [pytest.mark.netns, pytest.mark.slow, not_on_windows(NO_MSMTP)]
ROOT = Path(__file__).resolve().parents[1]
USER, PASSWORD = next(iter(DEFAULT_USERS.items()))
RCPT = "hanako@example.test"


@pytest.fixture(autouse=True)
def secret_service() -> None:
    if os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")


def cli(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *argv], input=stdin, capture_output=True, text=True, timeout=60)


def test_msmtp_sends_with_the_exported_config_and_no_password_in_it(tmp_path):
    ca = TestCA(tmp_path)
    config = tmp_path / "msmtprc"
    with op25b_network(tmp_path, block="drop") as net:
        host = net.hostname
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))

        def msmtp(subject: str, *extra: str) -> subprocess.CompletedProcess:
            message = f"From: {USER}\nTo: {RCPT}\nSubject: {subject}\n\nSent by msmtp.\n"
            return net.run(["msmtp", "-C", str(config), f"--tls-trust-file={ca.cafile}",
                            "--timeout=3", *extra, RCPT], input=message, timeout=30)

        def export(*extra: str) -> subprocess.CompletedProcess:
            proc = cli("export", "msmtp", "--email", USER, "--diagnosis", str(diagnosis),
                       "--port", "587", "--security", "starttls", "-o", str(config), *extra)
            assert proc.returncode == 0, proc.stderr
            return proc

        try:
            # the helpdesk's diagnosis, from the hotel network (no password given)
            diag = net.run([CLI, "diagnose", USER, "--host", host, "--cafile", str(ca.cafile),
                            "--timeout", "3", "--json"])
            diagnosis = tmp_path / "diagnosis.json"
            diagnosis.write_text(diag.stdout)
            assert json.loads(diag.stdout)["op25b"] is True

            first = export()
            assert "no password is stored yet" in first.stderr
            no_password = msmtp("before the password is stored")
            assert no_password.returncode != 0
            assert "needs a password" in no_password.stderr

            # the user stores the password once; exporting again puts it where msmtp looks
            stored = cli("password", "set", "--host", host, "--user", USER, "--password-stdin",
                         stdin=PASSWORD + "\n")
            assert stored.returncode == 0, stored.stderr
            again = export()
            assert "msmtp will find the password" in again.stderr
            text = config.read_text()
            assert PASSWORD not in text and not re.search(r"^\s*password", text, re.M)
            assert oct(config.stat().st_mode & 0o777) == "0o600"
            sent = msmtp("through the keyring")
            assert sent.returncode == 0, sent.stderr

            # the old settings: port 25 is dropped on this network, so msmtp cannot get out
            old = msmtp("on port 25", "--port=25", "--tls=off", "--auth=off")
            assert old.returncode != 0

            # the other way: no msmtp item, a passwordeval line running op25b-wizard instead
            assert secrets.delete_msmtp_secret(host, USER) is True
            export("--msmtp-password", "passwordeval")
            text = config.read_text()
            assert PASSWORD not in text and "passwordeval" in text and CLI in text
            sent_eval = msmtp("through passwordeval")
            assert sent_eval.returncode == 0, sent_eval.stderr
        finally:
            secrets.delete_password(host, USER)
            secrets.delete_msmtp_secret(host, USER)
        records = servers.records()

    by_port: dict[int, list[dict]] = {}
    for server in records:
        by_port.setdefault(server["port"], []).append(server)
    submission = by_port[587]
    subjects = [m[2] for s in submission for m in s["messages"]]
    assert len(subjects) == 2
    assert any("Subject: through the keyring" in m for m in subjects)
    assert any("Subject: through passwordeval" in m for m in subjects)
    auths = [a for s in submission for a in s["auth"]]
    assert len(auths) == 2 and all(a["encrypted"] and a["accepted"] and a["username"] == USER
                                   for a in auths)
    assert all(PASSWORD not in "\n".join(s["plaintext_lines"]) for s in records)
    assert all(s["messages"] == [] and s["auth"] == [] for s in by_port[25])
