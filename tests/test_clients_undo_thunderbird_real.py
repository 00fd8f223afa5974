"""The real Thunderbird (Debian's package) adds an account and changes a setting after our apply,
and saves prefs.js itself; undo then puts back our outgoing server and keeps the rest."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from op25b_wizard.core.clients import SmtpSettings
from op25b_wizard.core.clients.prefs_js import PrefsDocument
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from tests.support.marionette import MARIONETTE_ARGS, run_chrome_script
from tests.support.platform import NO_DEBIAN_THUNDERBIRD, WINDOWS
from tests.test_clients_thunderbird_real import (
    START_TIMEOUT,
    SUBMISSION,
    THUNDERBIRD,
    Thunderbird,
    needs_thunderbird,
    write_profile,
)

pytestmark = pytest.mark.slow

ADD_ACCOUNT = """
const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
const outgoing = MailServices.outgoingServer || MailServices.smtp;
const smtp = outgoing.createServer("smtp").QueryInterface(Ci.nsISmtpServer);
smtp.hostname = "smtp.example.jp";
smtp.port = 465;
smtp.socketType = Ci.nsMsgSocketType.SSL;
const server = MailServices.accounts.createIncomingServer("hanako", "pop.example.jp", "pop3");
server.loginAtStartUp = false;
server.doBiff = false;
const identity = MailServices.accounts.createIdentity();
identity.email = "hanako@example.jp";
identity.smtpServerKey = smtp.key;
const account = MailServices.accounts.createAccount();
account.incomingServer = server;
account.addIdentity(identity);
// and in the first account's outgoing server, the user name is changed
const first = [...outgoing.servers].find(s => s.key == "smtp1");
if (first) {
  first.QueryInterface(Ci.nsISmtpServer).username = "taro.yamada";
} else {
  Services.prefs.setStringPref("mail.smtpserver.smtp1.username", "taro.yamada");
}
Services.prefs.savePrefFile(null);
return smtp.key;
"""

needs_tools = pytest.mark.skipif(
    WINDOWS or not shutil.which("nsenter") or not shutil.which("ip"),
    reason=f"not on Windows: {NO_DEBIAN_THUNDERBIRD}" if WINDOWS else "needs nsenter and ip")


class ScriptableThunderbird(Thunderbird):
    """Thunderbird in its own network namespace with loopback up, taking Marionette scripts
    (stopped as :class:`Thunderbird` is)."""

    def __init__(self, profile: Path, home: Path) -> None:  # noqa: D107 - no super(): argv differs
        self.profile = profile
        self.log = open(home / "thunderbird.log", "wb")  # noqa: SIM115 - closed in stop()
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
               "LANG": "C.UTF-8", "TMPDIR": str(home), "XDG_CACHE_HOME": str(home / "cache"),
               "XDG_CONFIG_HOME": str(home / "config"), "MOZ_CRASHREPORTER_DISABLE": "1",
               "MOZ_DISABLE_AUTO_SAFE_MODE": "1"}
        self.proc = subprocess.Popen(
            ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh", THUNDERBIRD,
             "--headless", *MARIONETTE_ARGS, "--profile", str(profile)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)


@needs_thunderbird
@needs_tools
@pytest.mark.timeout(400)
def test_undo_keeps_the_account_thunderbird_added_and_names_the_changed_value(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    profile = tmp_path / "profile"
    original = PrefsDocument(write_profile(profile)).user_values()
    tb = ThunderbirdClient(home=home, env={}, platform="linux")
    tb.apply(tb.plan("taro@example.invalid", SUBMISSION, profile))

    app = ScriptableThunderbird(profile, home)
    try:
        app.wait_until(lambda: tb.is_running(profile), START_TIMEOUT, "profile lock")
        new_key = run_chrome_script(app.proc.pid, ADD_ACCOUNT)
        app.wait_prefs_settled()
    finally:
        app.stop()

    saved = PrefsDocument((profile / "prefs.js").read_bytes()).user_values()
    assert saved[f"mail.smtpserver.{new_key}.hostname"] == "smtp.example.jp"
    assert saved["mail.smtpserver.smtp1.port"] == 587  # our apply, kept by Thunderbird
    added = {n: v for n, v in saved.items() if n not in original}

    undone = tb.undo(profile)
    now = PrefsDocument((profile / "prefs.js").read_bytes()).user_values()
    # everything Thunderbird added stays, except the values our apply had added to smtp1
    ours = {"mail.smtpserver.smtp1.try_ssl", "mail.smtpserver.smtp1.username"}
    assert {n: v for n, v in added.items() if n not in ours}.items() <= now.items()
    accounts = {a.key: a for a in tb.accounts(profile)}
    assert accounts["smtp1"].smtp == SmtpSettings(
        "smtp.example.invalid", 25, "none", "none", "taro.yamada")
    assert accounts[new_key].email == "hanako@example.jp"
    assert accounts[new_key].smtp == SmtpSettings("smtp.example.jp", 465, "tls", "normal", None)
    assert [(k.change.name, k.change.after, k.now) for k in undone.kept] == [
        ("mail.smtpserver.smtp1.username", "taro@example.invalid", "taro.yamada")]
    assert "mail.smtpserver.smtp1.try_ssl" not in now
    assert os.path.exists(undone.backup_dir / "replaced-by-undo" / "prefs.js")
