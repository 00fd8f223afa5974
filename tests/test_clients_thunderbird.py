"""Thunderbird profiles, accounts, apply and undo on profiles laid out as Thunderbird does."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from op25b_wizard.core.clients import (
    AmbiguousAccount,
    ClientRunning,
    MailClient,
    NoBackup,
    NoMatchingAccount,
    NothingToChange,
    SmtpSettings,
    StaleChange,
)
from op25b_wizard.core.clients.prefs_js import PrefsDocument
from op25b_wizard.core.clients.profiles import read_profiles_ini
from op25b_wizard.core.clients.safe_write import BACKUP_DIR_NAME
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from tests.support.platform import (
    POSIX,
    PROFILE_LOCK,
    file_held,
    home_env,
    not_on_windows,
    thunderbird_dir,
)

FIXTURES = Path(__file__).parent / "fixtures" / "clients" / "thunderbird"
REPO = Path(__file__).parent.parent
SUBMISSION = SmtpSettings("smtp.example.co.jp", 587, "starttls", "normal", "taro@example.co.jp")


def install(home: Path, where: str | None = None) -> Path:
    root = home / where if where else thunderbird_dir(home)
    shutil.copytree(FIXTURES, root)
    return root


@pytest.fixture
def home(tmp_path: Path) -> Path:
    install(tmp_path)
    return tmp_path


@pytest.fixture
def tb(home: Path) -> ThunderbirdClient:
    return ThunderbirdClient(home=home, env=home_env(home), platform=sys.platform)


def default_profile(home: Path) -> Path:
    return thunderbird_dir(home) / "Profiles" / "k3x9a2b1.default-esr"


def work_profile(home: Path) -> Path:
    return thunderbird_dir(home) / "q7w2e4r5.work"


def diff(a: bytes, b: bytes) -> list[str]:
    """Lines removed (-) and added (+), sorted."""
    return sorted(line for line in difflib.unified_diff(
        a.decode().splitlines(True), b.decode().splitlines(True), n=0, lineterm="")
        if line[:1] in "+-" and line[:3] not in ("+++", "---"))


# -- profiles ------------------------------------------------------------------------------

def test_install_default_comes_first_then_the_other_profiles(tb, home):
    assert tb.profiles() == [work_profile(home), default_profile(home)]
    assert isinstance(tb, MailClient)


@pytest.mark.parametrize("platform, where, env", [
    ("linux", ".var/app/org.mozilla.Thunderbird/.thunderbird", {}),
    ("linux", "snap/thunderbird/common/.thunderbird", {}),
    ("darwin", "Library/Thunderbird", {}),
    ("win32", "AppData/Roaming/Thunderbird", {}),
    ("win32", "Roaming2/Thunderbird", {"APPDATA": "{home}/Roaming2"}),
])
def test_profiles_in_every_known_place(tmp_path, platform, where, env):
    install(tmp_path, where)
    env = {k: v.format(home=tmp_path) for k, v in env.items()}
    client = ThunderbirdClient(home=tmp_path, env=env, platform=platform)
    assert [p.name for p in client.profiles()] == ["q7w2e4r5.work", "k3x9a2b1.default-esr"]


def test_profiles_ini_rules(tmp_path):
    (tmp_path / "profiles.ini").write_text(
        "[Profile0]\nName=a\nIsRelative=1\nPath=a.x\n\n"
        "[Profile1]\nName=b\nIsRelative=0\nPath=C:\\Users\\taro\\b.y\nDefault=1\n\n"
        "[Profile2]\nName=c\nIsRelative=0\nPath=/srv/c.z\n")
    entries = read_profiles_ini(tmp_path)
    assert [e.name for e in entries] == ["b", "a", "c"]
    assert entries[0].is_default and not entries[1].is_default
    assert entries[1].path == tmp_path / "a.x" and entries[2].path == Path("/srv/c.z")
    assert "b.y" in str(entries[0].path)
    (tmp_path / "profiles.ini").write_text("[Profile0]\nPath=a.x\n[Profile1]\nPath=b.x\n")
    assert [e.name for e in read_profiles_ini(tmp_path)] == ["a.x", "b.x"]
    (tmp_path / "profiles.ini").write_text("not an ini file at all [")
    assert read_profiles_ini(tmp_path) == []


def test_profile_never_opened_has_no_accounts(tb, home, tmp_path):
    fresh = thunderbird_dir(home) / "new.profile"
    fresh.mkdir()
    with open(thunderbird_dir(home) / "profiles.ini", "a") as f:
        f.write("\n[Profile2]\nName=new\nIsRelative=1\nPath=new.profile\n")
    assert fresh in tb.profiles()
    assert tb.accounts(fresh) == []
    assert len(tb.accounts()) == 3
    with pytest.raises(NoMatchingAccount):
        tb.accounts(tmp_path / "no-such-profile")


def test_a_folder_is_a_profile_only_when_thunderbird_made_or_lists_it(tb, tmp_path):
    made = tmp_path / "made-by-thunderbird"
    made.mkdir()
    (made / "times.json").write_text('{"created": 1}')
    assert tb.accounts(made) == []
    other = tmp_path / "documents"
    other.mkdir()
    with pytest.raises(NoMatchingAccount) as e:
        tb.accounts(other)
    assert str(e.value) == f"No Thunderbird settings found in {other}."
    with pytest.raises(NoMatchingAccount):
        tb.plan("taro@example.co.jp", SUBMISSION, other)


def test_no_thunderbird_at_all(tmp_path):
    client = ThunderbirdClient(home=tmp_path, env={}, platform="linux")
    assert client.profiles() == [] and client.accounts() == []
    with pytest.raises(NoMatchingAccount):
        client.plan("a@b.c", SUBMISSION)
    with pytest.raises(NoBackup):
        client.undo()


# -- accounts ------------------------------------------------------------------------------

def test_accounts_of_several_servers_and_identities(tb, home):
    accounts = tb.accounts(default_profile(home))
    assert [(a.key, a.email, a.identities) for a in accounts] == [
        ("smtp1", "taro@example.co.jp", ["taro@example.co.jp", "sales@example.co.jp"]),
        ("smtp2", "taro.yamada@example.net", ["taro.yamada@example.net"]),
    ]
    smtp1, smtp2 = accounts
    assert smtp1.smtp == SmtpSettings("smtp.example.co.jp", 25, "none", "none", None)
    assert smtp1.display_name == "山田 太郎"
    assert smtp1.location == default_profile(home) / "prefs.js"
    assert smtp2.smtp == SmtpSettings("smtp.example.net", 465, "tls", "normal",
                                      "taro.yamada@example.net")
    assert smtp1.to_dict() == {
        "client": "thunderbird", "profile": str(default_profile(home)), "key": "smtp1",
        "email": "taro@example.co.jp", "display_name": "山田 太郎",
        "host": "smtp.example.co.jp", "port": 25, "security": "none", "auth": "none",
        "username": None, "location": str(default_profile(home) / "prefs.js")}


def test_user_js_overrides_prefs_js(tb, home):
    (account,) = tb.accounts(work_profile(home))
    assert account.smtp == SmtpSettings("mail.example.org", 25, "none", "normal", "hanako")
    assert account.location == work_profile(home) / "user.js"
    assert [a.email for a in tb.accounts()] == [
        "hanako@example.org", "taro@example.co.jp", "taro.yamada@example.net"]


def test_defaults_when_a_server_has_no_values(tmp_path):
    (tmp_path / "prefs.js").write_bytes(
        b'user_pref("mail.smtpservers", "smtp1,smtp2,ews1");\n'
        b'user_pref("mail.smtpserver.smtp1.hostname", "a.example");\n'
        b'user_pref("mail.smtpserver.smtp2.hostname", "b.example");\n'
        b'user_pref("mail.smtpserver.smtp2.try_ssl", 3);\n'
        b'user_pref("mail.smtpserver.smtp2.authMethod", 6);\n'
        b'user_pref("mail.smtpserver.ews1.type", "ews");\n'
        b'user_pref("mail.identity.id9.useremail", "x@a.example");\n')
    client = ThunderbirdClient(home=tmp_path, env={}, platform="linux")
    a, b = client.accounts(tmp_path)
    assert a.smtp == SmtpSettings("a.example", 587, "none", "normal", None)
    assert a.identities == ["x@a.example"]  # no account list: every identity, default server
    assert b.smtp == SmtpSettings("b.example", 465, "tls", "other", None)
    assert b.email == ""


# -- plan, apply, undo ---------------------------------------------------------------------

def test_apply_writes_only_the_smtp_values_and_undo_restores_the_bytes(tb, home):
    profile = default_profile(home)
    prefs = profile / "prefs.js"
    original = prefs.read_bytes()
    change = tb.plan("TARO@example.co.jp", SUBMISSION)
    assert change.account.key == "smtp1" and change.account.profile == profile
    assert change.files == [prefs]
    assert [str(m) for m in change.describe()] == [
        "Port: 25 → 587",
        "Connection security: None → STARTTLS",
        "Authentication method: No authentication → Normal password",
        "User Name: (none) → taro@example.co.jp",
        "This outgoing server also sends for: sales@example.co.jp",
    ]
    result = tb.apply(change)
    assert result.backup_dir.parent == profile / BACKUP_DIR_NAME
    assert diff(original, prefs.read_bytes()) == sorted([
        '-user_pref("mail.smtpserver.smtp1.authMethod", 1);\n',
        '-user_pref("mail.smtpserver.smtp1.port", 25);\n',
        '+user_pref("mail.smtpserver.smtp1.authMethod", 3);\n',
        '+user_pref("mail.smtpserver.smtp1.port", 587);\n',
        '+user_pref("mail.smtpserver.smtp1.try_ssl", 2);\n',
        '+user_pref("mail.smtpserver.smtp1.username", "taro@example.co.jp");\n',
    ])
    assert tb.accounts(profile)[0].smtp == SUBMISSION
    assert (result.backup_dir / "files" / "prefs.js").read_bytes() == original
    undone = tb.undo()
    assert prefs.read_bytes() == original
    assert undone.change.before == SUBMISSION and undone.change.after == change.before
    assert undone.kept == [] and undone.files == [prefs]
    with pytest.raises(NoBackup):
        tb.undo(profile)


def test_host_changes_only_when_it_differs(tb, home):
    prefs = default_profile(home) / "prefs.js"
    same_host = tb.plan("taro.yamada@example.net",
                        SmtpSettings("SMTP.Example.NET", 587, "starttls", "normal", None))
    assert same_host.after.host == "smtp.example.net"
    assert same_host.after.username == "taro.yamada@example.net"  # None keeps the user name
    before = prefs.read_bytes()
    tb.apply(same_host)
    assert [line for line in diff(before, prefs.read_bytes()) if "hostname" in line] == []
    moved = tb.plan("taro.yamada@example.net",
                    SmtpSettings("mail.example.net", 587, "starttls", "normal", None))
    assert [str(m) for m in moved.describe()] == [
        "Server Name: smtp.example.net → mail.example.net"]
    before = prefs.read_bytes()
    tb.apply(moved)
    assert diff(before, prefs.read_bytes()) == sorted([
        '-user_pref("mail.smtpserver.smtp2.hostname", "smtp.example.net");\n',
        '+user_pref("mail.smtpserver.smtp2.hostname", "mail.example.net");\n'])


def test_user_js_is_changed_too_and_both_files_come_back(tb, home):
    profile = work_profile(home)
    prefs, user_js = profile / "prefs.js", profile / "user.js"
    originals = prefs.read_bytes(), user_js.read_bytes()
    change = tb.plan("hanako@example.org", SmtpSettings(
        "mail.example.org", 465, "tls", "normal", "hanako"), profile)
    assert change.files == [prefs, user_js]
    tb.apply(change)
    assert diff(originals[1], user_js.read_bytes()) == sorted([
        '-user_pref("mail.smtpserver.smtp1.port", 25); // the office relay\n',
        "-user_pref('mail.smtpserver.smtp1.try_ssl', 0);\n",
        '+user_pref("mail.smtpserver.smtp1.port", 465); // the office relay\n',
        "+user_pref('mail.smtpserver.smtp1.try_ssl', 3);\n"])
    new_prefs = prefs.read_bytes()
    assert b'user_pref("mail.smtpserver.smtp1.try_ssl", 3);\r\n' in new_prefs  # CRLF kept
    assert new_prefs.count(b"\n") == new_prefs.count(b"\r\n")
    assert tb.accounts(profile)[0].smtp.port == 465
    tb.undo(profile)
    assert (prefs.read_bytes(), user_js.read_bytes()) == originals


def test_read_only_user_js_is_refused_and_nothing_changes(tmp_path):
    """user.js on a read-only mount (as root: a read-only bind mount in a private mount
    namespace, which root cannot write either; otherwise: a read-only file)."""
    install(tmp_path)
    profile = work_profile(tmp_path)
    user_js = profile / "user.js"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from op25b_wizard.core.clients import SmtpSettings, UserJsConflict
        from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
        tb = ThunderbirdClient(home=Path({str(tmp_path)!r}), env={home_env(tmp_path)!r})
        change = tb.plan("hanako@example.org",
                         SmtpSettings("mail.example.org", 465, "tls", "normal", None))
        try:
            tb.apply(change)
        except UserJsConflict as e:
            print("refused:", e)
    """)
    if POSIX and os.geteuid() == 0:
        if not shutil.which("unshare") or subprocess.run(
                ["unshare", "-m", "true"], capture_output=True).returncode != 0:
            pytest.skip("cannot make a private mount namespace here")
        command = ["unshare", "-m", "sh", "-c",
                   'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && '
                   'exec "$2" -c "$3"', "sh", str(user_js), sys.executable, script]
    else:
        os.chmod(user_js, 0o444)
        command = [sys.executable, "-c", script]
    before = {p: p.read_bytes() for p in profile.iterdir() if p.is_file()}
    out = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("refused:"), out.stderr
    assert "user.js" in out.stdout
    assert {p: p.read_bytes() for p in profile.iterdir() if p.is_file()} == before
    assert not (profile / BACKUP_DIR_NAME).exists()


def test_nothing_to_change(tb):
    change = tb.plan("taro.yamada@example.net", SmtpSettings(
        "smtp.example.net", 465, "tls", "normal", "taro.yamada@example.net"))
    assert change.is_empty
    assert [str(m) for m in change.describe()] == ["Already set up this way: nothing to change."]
    with pytest.raises(NothingToChange):
        tb.apply(change)


def test_unknown_and_ambiguous_addresses(tb, home):
    with pytest.raises(NoMatchingAccount) as e:
        tb.plan("nobody@example.com", SUBMISSION)
    assert "nobody@example.com" in str(e.value)
    prefs = default_profile(home) / "prefs.js"
    prefs.write_bytes(prefs.read_bytes().replace(b'"taro.yamada@example.net"',
                                                 b'"sales@example.co.jp"'))
    with pytest.raises(AmbiguousAccount) as e:
        tb.plan("sales@example.co.jp", SUBMISSION)
    assert "smtp1, smtp2" in str(e.value)
    assert tb.plan("sales@example.co.jp", SUBMISSION, key="smtp2").account.key == "smtp2"


def test_change_made_on_disk_after_planning_is_not_overwritten(tb, home):
    prefs = default_profile(home) / "prefs.js"
    change = tb.plan("taro@example.co.jp", SUBMISSION)
    prefs.write_bytes(prefs.read_bytes().replace(b'smtp1.port", 25', b'smtp1.port", 2525'))
    edited = prefs.read_bytes()
    with pytest.raises(StaleChange):
        tb.apply(change)
    assert prefs.read_bytes() == edited


def test_two_applies_undo_in_turn(tb, home):
    prefs = default_profile(home) / "prefs.js"
    original = prefs.read_bytes()
    tb.apply(tb.plan("taro@example.co.jp", SUBMISSION))
    middle = prefs.read_bytes()
    tb.apply(tb.plan("taro@example.co.jp", SmtpSettings(
        "smtp.example.co.jp", 465, "tls", "encrypted", None)))
    tb.undo()
    assert prefs.read_bytes() == middle
    tb.undo()
    assert prefs.read_bytes() == original


# -- the profile lock ----------------------------------------------------------------------

def test_lock_held_by_another_process_means_running(tb, home):
    profile = default_profile(home)
    prefs = profile / "prefs.js"
    (profile / PROFILE_LOCK).write_bytes(b"")  # left behind by a clean exit: not running
    assert not tb.is_running(profile)
    change = tb.plan("taro@example.co.jp", SUBMISSION)
    with file_held(profile / PROFILE_LOCK, lock=True):
        assert tb.is_running(profile)
        before = prefs.read_bytes()
        with pytest.raises(ClientRunning) as e:
            tb.apply(change)
        assert "Close Thunderbird" in str(e.value)
        assert prefs.read_bytes() == before
        assert not (profile / BACKUP_DIR_NAME).exists()
    assert not tb.is_running(profile)
    tb.apply(change)
    with file_held(profile / PROFILE_LOCK, lock=True), pytest.raises(ClientRunning):
        tb.undo()


@not_on_windows("Thunderbird's lock symlink (ADDRESS:PID) is made on Linux only")
def test_lock_symlink_of_a_live_process_means_running(tb, home):
    profile = default_profile(home)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        os.symlink(f"127.0.0.1:{sleeper.pid}", profile / "lock")
        assert tb.is_running(profile)
        # "+" says the fcntl lock was taken too: with that lock free, the link is stale
        os.unlink(profile / "lock")
        os.symlink(f"127.0.0.1:+{sleeper.pid}", profile / "lock")
        assert not tb.is_running(profile)
    finally:
        sleeper.kill()
        sleeper.wait()
    os.unlink(profile / "lock")
    os.symlink(f"127.0.0.1:{sleeper.pid}", profile / "lock")  # the process is gone
    assert not tb.is_running(profile)


def test_the_same_edit_in_a_crlf_profile_keeps_crlf(tb, home):
    profile = default_profile(home)
    prefs = profile / "prefs.js"
    prefs.write_bytes(prefs.read_bytes().replace(b"\n", b"\r\n"))
    original = prefs.read_bytes()
    tb.apply(tb.plan("taro@example.co.jp", SUBMISSION))
    data = prefs.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    assert PrefsDocument(data).errors == []
    tb.undo()
    assert prefs.read_bytes() == original
