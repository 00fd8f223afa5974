"""Undo puts back only the values apply changed, where they still hold what it wrote: an account
added or a setting changed after the apply stays, and a changed value is named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from op25b_wizard.core.clients import NoBackup, SettingChange, SmtpSettings
from op25b_wizard.core.clients.becky import BeckyClient
from op25b_wizard.core.clients.prefs_js import PrefsDocument
from op25b_wizard.core.clients.safe_write import MANIFEST_NAME
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from tests.support.platform import home_env, set_home, thunderbird_dir

FIXTURES = Path(__file__).parent / "fixtures" / "clients"
SUBMISSION = SmtpSettings("smtp.example.co.jp", 587, "starttls", "normal", "taro@example.co.jp")
SSL_465 = SmtpSettings("smtp.example.co.jp", 465, "tls", "normal", "taro")
TO_587 = ["--email", "taro@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
          "--security", "starttls", "--user", "taro@example.co.jp"]

# What Thunderbird writes when the user adds an account with its own outgoing server.
NEW_ACCOUNT = {
    "mail.account.account4.identities": "id4", "mail.account.account4.server": "server4",
    "mail.identity.id4.useremail": "hanako@example.jp", "mail.identity.id4.smtpServer": "smtp3",
    "mail.server.server4.hostname": "imap.example.jp", "mail.server.server4.type": "imap",
    "mail.server.server4.userName": "hanako", "mail.smtpserver.smtp3.hostname": "smtp.example.jp",
    "mail.smtpserver.smtp3.port": 465, "mail.smtpserver.smtp3.try_ssl": 3,
    "mail.smtpservers": "smtp1,smtp2,smtp3",
    "mail.accountmanager.accounts": "account1,account3,account2,account4",
}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "thunderbird", thunderbird_dir(tmp_path))
    shutil.copytree(FIXTURES / "becky", tmp_path / "Documents" / "Becky")
    set_home(monkeypatch, tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


def prefs(home: Path) -> Path:
    return thunderbird_dir(home) / "Profiles" / "k3x9a2b1.default-esr" / "prefs.js"


def rewrite_as_thunderbird(path: Path, changes: dict) -> None:
    """prefs.js as Thunderbird saves it on exit: every user pref sorted, one per line."""
    values = PrefsDocument(path.read_bytes()).user_values() | changes
    lines = [b"// Mozilla User Preferences", b""]
    lines += [PrefsDocument(b"").edit({name: values[name]}).rstrip(b"\n")
              for name in sorted(values)]
    path.write_bytes(b"\n".join(lines) + b"\n")


def values(path: Path) -> dict:
    return PrefsDocument(path.read_bytes()).user_values()


def test_an_account_added_after_apply_stays(home):
    tb = ThunderbirdClient(home=home, env=home_env(home))
    before = values(prefs(home))
    result = tb.apply(tb.plan("taro@example.co.jp", SUBMISSION))
    rewrite_as_thunderbird(prefs(home), NEW_ACCOUNT)
    undone = tb.undo()
    after = values(prefs(home))
    assert after == before | NEW_ACCOUNT  # our four values back, the new account kept
    assert undone.kept == [] and undone.files == [prefs(home)]
    assert undone.change.before == SUBMISSION
    assert undone.change.after == SmtpSettings("smtp.example.co.jp", 25, "none", "none", None)
    assert [a.email for a in tb.accounts(prefs(home).parent)][-1] == "hanako@example.jp"
    manifest = json.loads((result.backup_dir / MANIFEST_NAME).read_text())
    assert manifest["state"] == "undone" and manifest["format"] == 2
    assert {"where": "prefs.js", "name": "mail.smtpserver.smtp1.port", "type": "int",
            "before": 25, "after": 587} in manifest["changes"]
    assert {"where": "prefs.js", "name": "mail.smtpserver.smtp1.try_ssl", "type": "int",
            "before": None, "after": 2} in manifest["changes"]


def test_a_value_changed_since_apply_is_kept_and_named(home, capsys):
    before = values(prefs(home))
    assert main(["apply", "thunderbird", *TO_587]) == 0
    rewrite_as_thunderbird(prefs(home), {"mail.smtpserver.smtp1.port": 2525} | NEW_ACCOUNT)
    capsys.readouterr()
    assert main(["undo", "thunderbird", "--lang", "en"]) == 4
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-1] == (
        "Left as it is, because it was changed after the apply: Port is 2525 (the apply had "
        "set 587; before that it was 25).")
    assert "Port: 587" not in out and "Connection security: STARTTLS → None" in out
    assert values(prefs(home)) == before | NEW_ACCOUNT | {"mail.smtpserver.smtp1.port": 2525}
    assert main(["undo", "thunderbird"]) == 1  # that backup is done with


def test_the_kept_value_is_named_in_japanese(home, capsys):
    assert main(["apply", "thunderbird", *TO_587]) == 0
    rewrite_as_thunderbird(prefs(home), {"mail.smtpserver.smtp1.try_ssl": 3})
    capsys.readouterr()
    assert main(["undo", "thunderbird", "--lang", "ja"]) == 4
    assert capsys.readouterr().out.splitlines()[-1] == (
        "適用の後に変更されていたため、そのままにしました: 接続の保護 は SSL/TLS です"
        "（適用で STARTTLS にしたもの。その前は なし）。")


def test_values_put_back_by_hand_need_nothing(home):
    tb = ThunderbirdClient(home=home, env=home_env(home))
    original = prefs(home).read_bytes()
    tb.apply(tb.plan("taro@example.co.jp", SUBMISSION))
    prefs(home).write_bytes(prefs(home).read_bytes().replace(b'port", 587', b'port", 25'))
    undone = tb.undo()
    assert undone.kept == []
    assert prefs(home).read_bytes() == original


def test_a_backup_made_before_values_were_recorded_is_undone_the_same_way(home):
    tb = ThunderbirdClient(home=home, env=home_env(home))
    before = values(prefs(home))
    result = tb.apply(tb.plan("taro@example.co.jp", SUBMISSION))
    path = result.backup_dir / MANIFEST_NAME
    manifest = json.loads(path.read_text())
    del manifest["changes"]
    manifest["format"] = 1
    path.write_text(json.dumps(manifest))
    rewrite_as_thunderbird(prefs(home), NEW_ACCOUNT | {"mail.smtpserver.smtp1.authMethod": 4})
    undone = tb.undo()
    assert values(prefs(home)) == before | NEW_ACCOUNT | {"mail.smtpserver.smtp1.authMethod": 4}
    assert [(k.change.name, k.now) for k in undone.kept] == [
        ("mail.smtpserver.smtp1.authMethod", 4)]


def test_user_js_values_are_put_back_one_by_one(home):
    tb = ThunderbirdClient(home=home, env=home_env(home))
    profile = thunderbird_dir(home) / "q7w2e4r5.work"
    user_js = profile / "user.js"
    original = user_js.read_bytes()
    tb.apply(tb.plan("hanako@example.org", SmtpSettings(
        "mail.example.org", 465, "tls", "normal", "hanako"), profile))
    user_js.write_bytes(user_js.read_bytes() + b'user_pref("mail.added.later", true);\r\n')
    undone = tb.undo(profile)
    assert user_js.read_bytes() == original + b'user_pref("mail.added.later", true);\r\n'
    assert undone.kept == []


def test_a_damaged_list_of_changes_is_refused_in_one_line(home, capsys):
    assert main(["apply", "thunderbird", *TO_587]) == 0
    applied = prefs(home).read_bytes()
    [backup] = (prefs(home).parent / "op25b-wizard-backups").iterdir()
    manifest = json.loads((backup / MANIFEST_NAME).read_text())
    manifest["changes"] = [{"where": "prefs.js", "name": 5}]
    (backup / MANIFEST_NAME).write_text(json.dumps(manifest))
    capsys.readouterr()
    assert main(["undo", "thunderbird", "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and "cannot be used" in err
    assert prefs(home).read_bytes() == applied


def test_setting_changes_read_back():
    c = SettingChange("a/Mailbox.ini", "SMTPPort", "string", None, "465")
    assert SettingChange.from_dict(c.to_dict()) == c
    with pytest.raises(ValueError):
        SettingChange.from_dict({"where": "x", "name": "y", "type": "int", "before": [1]})


# -- Becky! --------------------------------------------------------------------------------

def becky_dir(home: Path) -> Path:
    return home / "Documents" / "Becky"


def test_becky_keeps_a_second_account_and_later_changes(home, capsys):
    becky = BeckyClient(home=home, env=home_env(home))
    ini = becky_dir(home) / "4b2e6f10.mb" / "Mailbox.ini"
    original = ini.read_bytes()
    becky.apply(becky.plan("taro@example.co.jp", SSL_465))
    # after the apply, in Becky!: a second account, a new name and another port
    second = becky_dir(home) / "7e8f9a01.mb"
    shutil.copytree(becky_dir(home) / "61d08e32.mb", second)
    with open(becky_dir(home) / "Folder.lst", "ab") as f:
        f.write(b"7e8f9a01.mb\r\n")
    ini.write_bytes(ini.read_bytes().replace("YourName=山田 太郎".encode("cp932"),
                                             "YourName=山田 花子".encode("cp932"))
                    .replace(b"SMTPPort=465", b"SMTPPort=2525"))
    capsys.readouterr()
    assert main(["undo", "becky", "--lang", "en"]) == 4
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (
        "Left as it is, because it was changed after the apply: SMTP port is 2525 (the "
        "apply had set 465; before that it was 25).")
    assert ini.read_bytes() == original.replace("YourName=山田 太郎".encode("cp932"),
                                                "YourName=山田 花子".encode("cp932")).replace(
        b"SMTPPort=25", b"SMTPPort=2525")
    assert [a.key for a in becky.accounts()][-1] == "7e8f9a01.mb"
    with pytest.raises(NoBackup):
        becky.undo()


def test_becky_undo_removes_the_keys_apply_added(home):
    becky = BeckyClient(home=home, env=home_env(home))
    ini = becky_dir(home) / "61d08e32.mb" / "Mailbox.ini"
    original = ini.read_bytes()
    becky.apply(becky.plan("eigyo@example.co.jp", SmtpSettings(
        "smtp.example.co.jp", 465, "tls", "normal", None)))
    ini.write_bytes(ini.read_bytes() + b"Signature=1\r\n")
    becky.undo()
    assert ini.read_bytes() == original + b"Signature=1\r\n"


def test_an_interrupted_undo_can_be_run_again(home, capsys):
    assert main(["apply", "thunderbird", *TO_587]) == 0
    [backup] = (prefs(home).parent / "op25b-wizard-backups").iterdir()
    assert main(["undo", "thunderbird"]) == 0
    original_values = values(prefs(home))
    manifest = json.loads((backup / MANIFEST_NAME).read_text())
    manifest["state"] = "undoing"  # as if the power went out right after writing prefs.js
    (backup / MANIFEST_NAME).write_text(json.dumps(manifest))
    capsys.readouterr()
    assert main(["undo", "thunderbird", "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "The settings the last change made were already back as before.\n")
    assert values(prefs(home)) == original_values
    assert json.loads((backup / MANIFEST_NAME).read_text())["state"] == "undone"


def test_becky_backup_made_before_values_were_recorded(home):
    becky = BeckyClient(home=home, env=home_env(home))
    ini = becky_dir(home) / "4b2e6f10.mb" / "Mailbox.ini"
    original = ini.read_bytes()
    result = becky.apply(becky.plan("taro@example.co.jp", SSL_465))
    path = result.backup_dir / MANIFEST_NAME
    manifest = json.loads(path.read_text())
    del manifest["changes"]
    manifest["format"] = 1
    path.write_text(json.dumps(manifest))
    ini.write_bytes(ini.read_bytes() + b"Signature=1\r\n")
    assert becky.undo().kept == []
    assert ini.read_bytes() == original + b"Signature=1\r\n"
