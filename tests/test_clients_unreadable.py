"""One settings file that cannot be read leaves out only its own accounts: the others are listed
and can be changed, and the file is named in plain words."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from op25b_wizard.core.clients import SmtpSettings, Unreadable, UnreadableSettings
from op25b_wizard.core.clients.becky import BeckyClient
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from tests.support.platform import home_env, set_home, thunderbird_dir

FIXTURES = Path(__file__).parent / "fixtures" / "clients"
SSL_465 = SmtpSettings("smtp.example.co.jp", 465, "tls", "normal", None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The usual fixtures, with one Becky! mailbox saved as UTF-16 and one Thunderbird profile
    whose prefs.js is a folder."""
    shutil.copytree(FIXTURES / "thunderbird", thunderbird_dir(tmp_path))
    shutil.copytree(FIXTURES / "becky", tmp_path / "Documents" / "Becky")
    ini = broken_ini(tmp_path)
    ini.write_bytes(ini.read_bytes().decode("cp932").encode("utf-16"))
    prefs = broken_prefs(tmp_path)
    prefs.unlink()
    prefs.mkdir()
    set_home(monkeypatch, tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


def broken_ini(home: Path) -> Path:
    return home / "Documents" / "Becky" / "5c3f7a21.mb" / "Mailbox.ini"  # taro.yamada@example.net


def broken_prefs(home: Path) -> Path:
    return thunderbird_dir(home) / "q7w2e4r5.work" / "prefs.js"  # hanako@example.org


def healthy_ini(home: Path) -> Path:
    return home / "Documents" / "Becky" / "4b2e6f10.mb" / "Mailbox.ini"  # taro@example.co.jp


def test_becky_lists_the_other_mailboxes(home):
    becky = BeckyClient(home=home, env=home_env(home))
    scan = becky.scan()
    assert [a.email for a in scan.accounts] == ["taro@example.co.jp", "eigyo@example.co.jp"]
    [skipped] = scan.unreadable
    assert isinstance(skipped, Unreadable) and skipped.path == broken_ini(home)
    assert str(skipped.reason) == (f"Cannot read {broken_ini(home)}: it is not saved the way "
                                   "Becky! saves it (another program may have saved it as UTF-16)")
    assert [a.email for a in becky.accounts(home / "Documents" / "Becky")] == [
        "taro@example.co.jp", "eigyo@example.co.jp"]


def test_becky_changes_a_healthy_mailbox_and_names_the_broken_one(home):
    becky = BeckyClient(home=home, env=home_env(home))
    before = broken_ini(home).read_bytes()
    change = becky.plan("taro@example.co.jp", SSL_465)
    becky.apply(change)
    assert b"SMTPPort=465" in healthy_ini(home).read_bytes()
    with pytest.raises(UnreadableSettings) as e:
        becky.plan("taro.yamada@example.net", SSL_465)
    assert str(e.value).startswith(
        "No Becky! Internet Mail account that could be read sends as taro.yamada@example.net. "
        f"It may be in settings that could not be read: Cannot read {broken_ini(home)}: ")
    assert broken_ini(home).read_bytes() == before


def test_thunderbird_lists_and_changes_the_other_profile(home):
    tb = ThunderbirdClient(home=home, env=home_env(home))
    scan = tb.scan()
    assert [a.email for a in scan.accounts] == ["taro@example.co.jp", "taro.yamada@example.net"]
    [skipped] = scan.unreadable
    assert skipped.path == broken_prefs(home)
    assert str(skipped.reason) == f"Cannot read {broken_prefs(home)}: it is a folder"
    change = tb.plan("taro@example.co.jp", SSL_465)
    tb.apply(change)
    assert tb.accounts()[0].smtp.port == 465
    with pytest.raises(UnreadableSettings) as e:
        tb.plan("hanako@example.org", SSL_465)
    assert str(e.value) == (
        "No Thunderbird account that could be read sends as hanako@example.org. It may be in "
        f"settings that could not be read: Cannot read {broken_prefs(home)}: it is a folder")
    with pytest.raises(UnreadableSettings):  # the profile asked for is the broken one
        tb.scan(broken_prefs(home).parent)


def test_accounts_command_lists_the_rest_and_names_each_file(home, capsys):
    assert main(["accounts", "--json", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [(d["client"], d["email"]) for d in data] == [
        ("thunderbird", "taro@example.co.jp"), ("thunderbird", "taro.yamada@example.net"),
        ("becky", "taro@example.co.jp"), ("becky", "eigyo@example.co.jp")]
    assert captured.err.splitlines() == [
        f"Thunderbird: Cannot read {broken_prefs(home)}: it is a folder; the accounts in it are "
        "left out.",
        f"Becky! Internet Mail: Cannot read {broken_ini(home)}: it is not saved the way Becky! "
        "saves it (another program may have saved it as UTF-16); the accounts in it are left out."]
    assert main(["accounts", "--client", "becky", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "eigyo@example.co.jp" in captured.out and str(broken_ini(home)) in captured.err


def test_apply_command_fails_only_for_the_broken_account(home, capsys):
    ssl = ["--host", "smtp.example.co.jp", "--port", "465", "--security", "tls", "--lang", "en"]
    assert main(["apply", "becky", "--email", "taro@example.co.jp", "--user", "taro", *ssl]) == 0
    assert "SMTP port: 25 → 465" in capsys.readouterr().out
    assert main(["apply", "thunderbird", "--email", "taro@example.co.jp",
                 "--user", "taro@example.co.jp", *ssl]) == 0
    assert "Port: 25 → 465" in capsys.readouterr().out
    assert main(["apply", "becky", "--email", "taro.yamada@example.net",
                 "--user", "taro.yamada@example.net", *ssl]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(broken_ini(home)) in err
    assert main(["apply", "thunderbird", "--email", "hanako@example.org", "--user", "hanako",
                 *ssl]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{broken_prefs(home)}: it is a folder" in err
