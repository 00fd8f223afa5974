"""``apply thunderbird``, then Debian's real Thunderbird sends a message through the submission
port of a real Postfix + Dovecot while the network drops port 25; the message is checked in the
recipient's Maildir.

Thunderbird runs headless in the client (hotel) namespace. It is driven the way its own tests
drive it, through Marionette, its built-in remote protocol (``tests/support/marionette.py``): a
script in its privileged context trusts the test CA and sends through the account's identity
(``nsIMsgSend``, the code behind the Send button), handing over the password as a user types it
into Thunderbird's prompt. The SMTP settings it sends with are only the ones ``apply`` wrote."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from op25b_wizard.core.clients.prefs_js import statement_bytes
from tests.support.marionette import MARIONETTE_ARGS, run_chrome_script
from tests.support.netns import Op25bNetwork, op25b_network
from tests.support.postfix import mail_host
from tests.support.servers import TestCA

pytestmark = [pytest.mark.netns, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[1]
CLI = str(ROOT / ".venv" / "bin" / "op25b-wizard")
THUNDERBIRD = shutil.which("thunderbird")
USER, PASSWORD = "taro@example.test", "correct horse battery staple"
RCPT = "hanako@example.test"
USERS = {USER: PASSWORD, RCPT: "another good password"}
START_TIMEOUT = 180.0
SEND_TIMEOUT = 120.0

PREFS = {
    # quiet: no updates, telemetry, start page or account wizard
    "app.update.enabled": False, "app.update.auto": False, "extensions.update.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False, "toolkit.telemetry.enabled": False,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "network.connectivity-service.enabled": False, "network.captive-portal-service.enabled": False,
    "offline.autoDetect": False, "mail.provider.enabled": False,
    "mailnews.start_page.enabled": False, "mail.shell.checkDefaultClient": False,
    "calendar.integration.notify": False,
    # the account: POP3 in, and the office's outgoing setting: port 25, no sign-in
    "mail.accountmanager.accounts": "account1",
    "mail.accountmanager.defaultaccount": "account1",
    "mail.account.account1.identities": "id1",
    "mail.account.account1.server": "server1",
    "mail.identity.id1.fullName": "Taro Yamada",
    "mail.identity.id1.useremail": USER,
    "mail.identity.id1.valid": True,
    "mail.identity.id1.fcc": False,
    "mail.server.server1.type": "pop3",
    "mail.server.server1.hostname": "mail.example.test",
    "mail.server.server1.userName": USER,
    "mail.server.server1.name": USER,
    "mail.server.server1.login_at_startup": False,
    "mail.server.server1.check_new_mail": False,
    "mail.smtpservers": "smtp1",
    "mail.smtp.defaultserver": "smtp1",
    "mail.smtpserver.smtp1.hostname": "mail.example.test",
    "mail.smtpserver.smtp1.port": 25,
    "mail.smtpserver.smtp1.authMethod": 1,
}

SEND_SCRIPT = """
const [caBase64, password, rcpt, subject, body] = %s;
return (async () => {
  const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
  const certdb = Cc["@mozilla.org/security/x509certdb;1"].getService(Ci.nsIX509CertDB);
  certdb.addCertFromBase64(caBase64, "C,C,C");
  const identity = MailServices.accounts.defaultAccount.defaultIdentity;
  const server = (MailServices.outgoingServer || MailServices.smtp).defaultServer;
  const settings = `${server.serverURI.spec} socketType ${server.socketType} ` +
                   `authMethod ${server.authMethod} user ${server.username}`;
  const fields = Cc["@mozilla.org/messengercompose/composefields;1"]
    .createInstance(Ci.nsIMsgCompFields);
  fields.from = identity.email;
  fields.to = rcpt;
  fields.subject = subject;
  const send = Cc["@mozilla.org/messengercompose/send;1"].createInstance(Ci.nsIMsgSend);
  const result = await new Promise(resolve => {
    const listener = {
      QueryInterface: ChromeUtils.generateQI(["nsIMsgSendListener"]),
      onStartSending() {}, onProgress() {}, onStatus() {}, onGetDraftFolderURI() {},
      onStopSending(msgId, status, msg) { resolve({ status, msg: String(msg || "") }); },
      onSendNotPerformed(msgId, status) { resolve({ status, msg: "not performed" }); },
      onTransportSecurityError(msgId, status, secInfo, location) {
        resolve({ status, msg: "TLS error at " + location });
      },
    };
    // the password as the user types it into Thunderbird's prompt (so no dialog opens);
    // everything else comes from the account's settings, that is from what apply wrote
    Promise.resolve(send.createAndSendMessage(
      null, identity, "", fields, false, false, Ci.nsIMsgSend.nsMsgDeliverNow, null,
      "text/plain", body, null, null, listener, password, null, Ci.nsIMsgCompType.New))
      .catch(e => resolve({ status: -1, msg: String(e) }));
  });
  return { ...result, settings };
})();
"""


SUBJECT = "Sent by Thunderbird through 465"
BODY = "Sent by Thunderbird after op25b-wizard apply.\r\n"


def write_profile(profile: Path) -> None:
    profile.mkdir(parents=True)
    lines = [b"// Mozilla User Preferences", b""]
    lines += [statement_bytes(name, value) for name, value in sorted(PREFS.items())]
    (profile / "prefs.js").write_bytes(b"\n".join(lines) + b"\n")


def ca_base64(ca: TestCA) -> str:
    return base64.b64encode(ssl.PEM_cert_to_DER_cert(ca.cafile.read_text())).decode()


class HeadlessThunderbird:
    """``thunderbird --headless`` with Marionette in the client namespace of *net*."""

    def __init__(self, net: Op25bNetwork, profile: Path, home: Path) -> None:
        self.net = net
        self.profile = profile
        self.log_path = home / "thunderbird.log"
        self.log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
            "LANG": "C.UTF-8", "TMPDIR": str(home), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"), "MOZ_CRASHREPORTER_DISABLE": "1",
            "MOZ_DISABLE_AUTO_SAFE_MODE": "1",
        }
        self.proc = subprocess.Popen(
            net.client_exec([THUNDERBIRD or "thunderbird", "--headless", *MARIONETTE_ARGS,
                             "--profile", str(profile)]),
            env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)

    def in_namespace(self) -> int:
        """Thunderbird's pid once it runs inside the client namespace: ``ip netns exec`` enters
        it only after starting, and Marionette must be reached from there, not from here."""
        target = os.stat(f"/run/netns/{self.net.client}").st_ino
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if os.stat(f"/proc/{self.proc.pid}/ns/net").st_ino == target:
                    return self.proc.pid
            if self.proc.poll() is not None:
                pytest.fail(f"thunderbird exited ({self.proc.returncode}):\n{self.output()}")
            time.sleep(0.1)
        pytest.fail("thunderbird did not enter the client namespace")

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        try:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGTERM)
                try:
                    self.proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                    self.proc.wait(timeout=30)
        finally:
            self.log.close()


@pytest.mark.skipif(THUNDERBIRD is None, reason="needs Debian's thunderbird")
@pytest.mark.timeout(600)
def test_thunderbird_sends_through_the_applied_submission_port(tmp_path: Path) -> None:
    ca = TestCA(tmp_path)
    home, profile = tmp_path / "home", tmp_path / "home" / "profile"
    home.mkdir()
    write_profile(profile)
    with op25b_network(tmp_path, block="drop") as net, mail_host(net, ca, USERS) as mx:
        applied = subprocess.run(
            [CLI, "apply", "thunderbird", "--profile", str(profile), "--email", USER,
             "--host", net.hostname, "--port", "465", "--security", "tls", "--user", USER],
            capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(home)})
        assert applied.returncode == 0, applied.stderr
        prefs = (profile / "prefs.js").read_text()
        assert 'user_pref("mail.smtpserver.smtp1.port", 465);' in prefs
        assert PASSWORD not in prefs

        app = HeadlessThunderbird(net, profile, home)
        try:
            script = SEND_SCRIPT % json.dumps([ca_base64(ca), PASSWORD, RCPT, SUBJECT, BODY])
            try:
                result = run_chrome_script(app.in_namespace(), script,
                                           timeout=START_TIMEOUT + SEND_TIMEOUT)
            except AssertionError as e:
                pytest.fail(f"{e}\nthunderbird: {app.output()}\n{mx.log()}")
        finally:
            app.stop()
        assert result["status"] == 0, f"{result}\n{app.output()}\n{mx.log()}"
        assert result["settings"] == ("smtp://taro%40example.test@mail.example.test:465/ "
                                      "socketType 3 authMethod 3 user taro@example.test")
        (message,) = mx.wait_delivered(RCPT, 1)
        assert "sasl_username=taro@example.test" in mx.log()
    assert message["Subject"] == SUBJECT
    assert USER in message["From"]
    assert BODY.strip() in message.get_payload()
