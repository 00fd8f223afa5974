"""The real Thunderbird (Debian's package) reads what we write, keeps it, and blocks us while
it runs. It starts headless in a network namespace of its own (no route anywhere), with a
profile whose prefs turn off updates, telemetry and start-up network use."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from op25b_wizard.core.clients import ClientRunning, SmtpSettings
from op25b_wizard.core.clients.prefs_js import PrefsDocument, statement_bytes
from op25b_wizard.core.clients.safe_write import BACKUP_DIR_NAME
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from tests.support.platform import NO_DEBIAN_THUNDERBIRD, WINDOWS

pytestmark = pytest.mark.slow

THUNDERBIRD = shutil.which("thunderbird")
START_TIMEOUT = 120.0
EXIT_TIMEOUT = 60.0

QUIET_PREFS = {
    # no network at start-up, whatever the namespace allows
    "network.proxy.type": 1, "network.proxy.socks": "127.0.0.1", "network.proxy.socks_port": 9,
    "network.proxy.socks_remote_dns": True, "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9, "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9,
    "network.dns.disablePrefetch": True, "network.connectivity-service.enabled": False,
    "network.captive-portal-service.enabled": False, "offline.autoDetect": False,
    "app.update.enabled": False, "app.update.auto": False, "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False, "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False, "toolkit.telemetry.enabled": False,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "mail.provider.enabled": False, "mailnews.start_page.enabled": False,
    "mail.shell.checkDefaultClient": False, "calendar.integration.notify": False,
}

ACCOUNT_PREFS = {
    "mail.accountmanager.accounts": "account1",
    "mail.accountmanager.defaultaccount": "account1",
    "mail.account.account1.identities": "id1",
    "mail.account.account1.server": "server1",
    "mail.identity.id1.fullName": "山田 太郎",
    "mail.identity.id1.useremail": "taro@example.invalid",
    "mail.identity.id1.valid": True,
    "mail.server.server1.type": "pop3",
    "mail.server.server1.hostname": "pop.example.invalid",
    "mail.server.server1.userName": "taro",
    "mail.server.server1.name": "taro@example.invalid",
    "mail.server.server1.login_at_startup": False,
    "mail.server.server1.check_new_mail": False,
    "mail.smtpservers": "smtp1",
    "mail.smtp.defaultserver": "smtp1",
    # the office setting: port 25, no sign-in
    "mail.smtpserver.smtp1.hostname": "smtp.example.invalid",
    "mail.smtpserver.smtp1.port": 25,
    "mail.smtpserver.smtp1.authMethod": 1,
}

SUBMISSION = SmtpSettings("smtp.example.invalid", 587, "starttls", "normal",
                          "taro@example.invalid")


def _can_isolate() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


needs_thunderbird = pytest.mark.skipif(
    WINDOWS or THUNDERBIRD is None or not _can_isolate(),
    reason=f"not on Windows: {NO_DEBIAN_THUNDERBIRD}" if WINDOWS
    else "needs Debian's thunderbird and a network namespace (run as root)")


def write_profile(profile: Path) -> bytes:
    profile.mkdir(parents=True)
    lines = [b"// Mozilla User Preferences", b""]
    for name, value in sorted((QUIET_PREFS | ACCOUNT_PREFS).items()):
        lines.append(statement_bytes(name, value))
    data = b"\n".join(lines) + b"\n"
    (profile / "prefs.js").write_bytes(data)
    return data


class Thunderbird:
    """``thunderbird --headless --profile DIR`` in a new network namespace."""

    def __init__(self, profile: Path, home: Path) -> None:
        self.profile = profile
        self.log = open(home / "thunderbird.log", "wb")  # noqa: SIM115 - closed in stop()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
            "LANG": "C.UTF-8", "TMPDIR": str(home), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_CONFIG_HOME": str(home / "config"), "MOZ_CRASHREPORTER_DISABLE": "1",
            "MOZ_DISABLE_AUTO_SAFE_MODE": "1",
        }
        self.proc = subprocess.Popen(
            ["unshare", "-n", THUNDERBIRD, "--headless", "--profile", str(profile)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)

    def wait_until(self, condition, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.proc.poll() is not None:
                pytest.fail(f"thunderbird exited ({self.proc.returncode}) before {what}")
            time.sleep(0.2)
        pytest.fail(f"thunderbird: no {what} within {timeout:.0f} s")

    def wait_prefs_settled(self, quiet: float = 2.0, timeout: float = 60.0) -> bytes:
        """prefs.js once Thunderbird has not touched it for *quiet* seconds."""
        path = self.profile / "prefs.js"
        deadline = time.monotonic() + timeout
        last = (path.stat().st_mtime_ns, path.read_bytes())
        since = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.25)
            now = (path.stat().st_mtime_ns, path.read_bytes())
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now[1]
        pytest.fail("thunderbird kept rewriting prefs.js")

    def stop(self) -> int:
        """SIGTERM (Thunderbird shuts down cleanly and saves prefs.js), SIGKILL if it hangs."""
        try:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    return self.proc.wait(timeout=EXIT_TIMEOUT)
                except subprocess.TimeoutExpired:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                    self.proc.wait(timeout=30)
                    pytest.fail("thunderbird did not exit on SIGTERM")
            return self.proc.returncode
        finally:
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
            self.log.close()


@needs_thunderbird
@pytest.mark.timeout(400)
def test_thunderbird_keeps_the_applied_settings_and_blocks_changes_while_running(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    profile = tmp_path / "profile"
    write_profile(profile)
    tb = ThunderbirdClient(home=home, env={}, platform="linux")

    applied = tb.apply(tb.plan("taro@example.invalid", SUBMISSION, profile))
    written = (profile / "prefs.js").read_bytes()
    assert tb.accounts(profile)[0].smtp == SUBMISSION

    app = Thunderbird(profile, home)
    try:
        app.wait_until(lambda: tb.is_running(profile), START_TIMEOUT, "profile lock")
        link = os.readlink(profile / "lock")
        assert link.endswith(f":+{app.proc.pid}")
        settled = app.wait_prefs_settled()
        # while it runs: planning still reads, applying and undoing are refused
        change = tb.plan("taro@example.invalid",
                         SmtpSettings("smtp.example.invalid", 465, "tls", "normal", None), profile)
        with pytest.raises(ClientRunning):
            tb.apply(change)
        with pytest.raises(ClientRunning):
            tb.undo(profile)
        assert (profile / "prefs.js").read_bytes() == settled
        assert [d.name for d in (profile / BACKUP_DIR_NAME).iterdir()] == [
            applied.backup_dir.name]
    finally:
        app.stop()

    assert not tb.is_running(profile)  # .parentlock stays behind and does not count
    assert (profile / ".parentlock").exists()
    after_run = (profile / "prefs.js").read_bytes()
    assert after_run != written, "thunderbird did not rewrite prefs.js"
    assert PrefsDocument(after_run).errors == []
    (account,) = tb.accounts(profile)
    assert account.smtp == SUBMISSION
    assert account.display_name == "山田 太郎"

    # a file as Thunderbird writes it: one more change touches only that server's lines
    again = tb.apply(tb.plan("taro@example.invalid",
                             SmtpSettings("smtp.example.invalid", 465, "tls", "normal", None),
                             profile))
    new = (profile / "prefs.js").read_bytes()
    changed = set(new.splitlines()) ^ set(after_run.splitlines())
    assert changed == {
        b'user_pref("mail.smtpserver.smtp1.port", 587);',
        b'user_pref("mail.smtpserver.smtp1.port", 465);',
        b'user_pref("mail.smtpserver.smtp1.try_ssl", 2);',
        b'user_pref("mail.smtpserver.smtp1.try_ssl", 3);',
    }
    assert again.backup_dir != applied.backup_dir

    # undo, newest first: the second change goes (Thunderbird's file comes back byte for
    # byte), then the first: its values are back, whatever else Thunderbird wrote stays
    tb.undo(profile)
    assert (profile / "prefs.js").read_bytes() == after_run
    tb.undo(profile)
    ours = {n: ACCOUNT_PREFS[n] for n in ("mail.smtpserver.smtp1.port",
                                          "mail.smtpserver.smtp1.authMethod")}
    expected = {n: v for n, v in PrefsDocument(after_run).user_values().items()
                if n not in ("mail.smtpserver.smtp1.try_ssl", "mail.smtpserver.smtp1.username")}
    assert PrefsDocument((profile / "prefs.js").read_bytes()).user_values() == expected | ours
    assert tb.accounts(profile)[0].smtp == SmtpSettings("smtp.example.invalid", 25, "none",
                                                        "none", None)
