"""Becky! Internet Mail: mailboxes from Folder.lst, Mailbox.ini in Shift_JIS, apply and undo."""

from __future__ import annotations

import difflib
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from op25b_wizard.core.clients import (
    ClientRunning,
    MailClient,
    NoBackup,
    NoMatchingAccount,
    NothingToChange,
    SmtpSettings,
    StaleChange,
    UnsupportedChange,
)
from op25b_wizard.core.clients.becky import BeckyClient, running_process_names
from op25b_wizard.core.clients.safe_write import BACKUP_DIR_NAME
from tests.support.platform import program_running

FIXTURES = Path(__file__).parent / "fixtures" / "clients" / "becky"
SSL_465 = SmtpSettings("smtp.example.co.jp", 465, "tls", "normal", "taro")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "Documents" / "Becky")
    return tmp_path


@pytest.fixture
def becky(home: Path) -> BeckyClient:
    return BeckyClient(home=home, env={}, platform=sys.platform, registry=lambda key, name: None)


def data_dir(home: Path) -> Path:
    return home / "Documents" / "Becky"


def ini(home: Path, folder: str) -> Path:
    return data_dir(home) / folder / "Mailbox.ini"


def diff(a: bytes, b: bytes) -> list[str]:
    """Lines removed (-) and added (+), decoded from code page 932, sorted."""
    return sorted(line for line in difflib.unified_diff(
        a.decode("cp932").splitlines(True), b.decode("cp932").splitlines(True), n=0,
        lineterm="") if line[:1] in "+-" and line[:3] not in ("+++", "---"))


def test_data_folder_and_mailboxes(becky, home, tmp_path):
    assert isinstance(becky, MailClient)
    assert becky.profiles() == [data_dir(home)]
    accounts = becky.accounts()
    assert [(a.key, a.email, a.display_name) for a in accounts] == [
        ("4b2e6f10.mb", "taro@example.co.jp", "山田 太郎"),
        ("5c3f7a21.mb", "taro.yamada@example.net", "山田 太郎"),
        ("61d08e32.mb", "eigyo@example.co.jp", "営業部 ソフト課"),
    ]
    assert [a.smtp for a in accounts] == [
        SmtpSettings("smtp.example.co.jp", 25, "none", "none", "taro"),
        SmtpSettings("smtp.example.net", 465, "tls", "encrypted", "taro.yamada@example.net"),
        SmtpSettings("smtp.example.co.jp", 25, "none", "normal", "eigyo"),
    ]
    assert accounts[0].location == ini(home, "4b2e6f10.mb")
    assert accounts[0].to_dict()["client"] == "becky"
    # Windows: the Documents folder of USERPROFILE too; an explicit data folder list wins
    win = BeckyClient(home=tmp_path / "nowhere", env={"USERPROFILE": str(home)},
                      platform="win32")
    assert win.profiles() == [data_dir(home)]
    assert BeckyClient(home=home, data_dirs=[tmp_path]).profiles() == []


def test_folder_list_rules(becky, home):
    (data_dir(home) / "Folder.lst").write_bytes(
        b"5c3f7a21.mb\\\r\n\r\nmissing.mb\r\n..\\escape\r\n5c3f7a21.mb\r\n")
    assert [a.key for a in becky.accounts()] == ["5c3f7a21.mb"]
    (data_dir(home) / "Folder.lst").unlink()
    assert becky.profiles() == []
    with pytest.raises(NoMatchingAccount):
        becky.accounts(data_dir(home))


def test_apply_changes_only_the_smtp_keys_and_undo_restores_the_bytes(becky, home):
    path = ini(home, "4b2e6f10.mb")
    original = path.read_bytes()
    change = becky.plan("taro@example.co.jp", SSL_465)
    assert change.files == [path]
    assert [str(m) for m in change.describe()] == [
        "SMTP port: 25 → 465",
        "SSL/TLS (SMTP): off → on",
        "SMTP authentication: off → on (LOGIN / PLAIN)",
    ]
    result = becky.apply(change)
    assert result.backup_dir.parent == data_dir(home) / BACKUP_DIR_NAME
    new = path.read_bytes()
    assert diff(original, new) == sorted([
        "-SMTPPort=25\r\n", "-SSLSMTP=0\r\n", "-SMTPAUTH=0\r\n",
        "+SMTPPort=465\r\n", "+SSLSMTP=1\r\n", "+SMTPAUTH=1\r\n", "+SMTPAUTHMODE=6\r\n"])
    assert new.replace(b"SMTPPort=465", b"SMTPPort=25").replace(
        b"SSLSMTP=1", b"SSLSMTP=0").replace(b"SMTPAUTH=1", b"SMTPAUTH=0").replace(
        b"SMTPAUTHMODE=6\r\n", b"") == original  # Shift_JIS bytes (0x5C!) untouched
    assert becky.accounts(data_dir(home))[0].smtp == SSL_465
    undone = becky.undo()
    assert path.read_bytes() == original
    assert undone.change.before == SSL_465 and undone.change.after == change.before
    assert undone.kept == [] and undone.files == [path]
    with pytest.raises(NoBackup):
        becky.undo()


def test_hand_edited_file_gets_missing_keys_after_its_last_entry(becky, home):
    path = ini(home, "61d08e32.mb")
    original = path.read_bytes()
    becky.apply(becky.plan("eigyo@example.co.jp", SmtpSettings(
        "smtp.example.co.jp", 465, "tls", "normal", None)))
    assert path.read_bytes() == original + b"SMTPPort=465\r\nSSLSMTP=1\r\n"
    becky.apply(becky.plan("eigyo@example.co.jp", SmtpSettings(
        "smtp2.example.co.jp", 465, "tls", "encrypted", None)))
    assert diff(original, path.read_bytes()) == sorted([
        "-SMTPServer = smtp.example.co.jp\r\n", "-SMTPAUTHMODE = 2\r\n",
        "+SMTPServer = smtp2.example.co.jp\r\n", "+SMTPAUTHMODE = 1\r\n",
        "+SMTPPort=465\r\n", "+SSLSMTP=1\r\n"])
    becky.undo()
    becky.undo()
    assert path.read_bytes() == original


@pytest.mark.parametrize("after, words", [
    (SmtpSettings("smtp.example.co.jp", 587, "starttls", "normal", None), "STARTTLS"),
    (SmtpSettings("smtp.example.co.jp", 465, "tls", "oauth2", None), "OAuth2"),
    (SmtpSettings("smtp.example.co.jp", 465, "tls", "normal", "taro@example.co.jp"), "user ID"),
    (SmtpSettings("smtp.example.co.jp", 465, "tls", "other", None), "sign-in method"),
    (SmtpSettings("smtp.example.co.jp", 0, "tls", "normal", None), "Port"),
])
def test_what_becky_cannot_store_is_refused(becky, home, after, words):
    before = ini(home, "4b2e6f10.mb").read_bytes()
    with pytest.raises(UnsupportedChange) as e:
        becky.plan("taro@example.co.jp", after)
    assert words in str(e.value)
    assert ini(home, "4b2e6f10.mb").read_bytes() == before


def test_nothing_to_change_and_stale_plans(becky, home):
    same = becky.plan("taro.yamada@example.net", SmtpSettings(
        "smtp.example.net", 465, "tls", "encrypted", None))
    assert same.is_empty
    with pytest.raises(NothingToChange):
        becky.apply(same)
    change = becky.plan("taro@example.co.jp", SSL_465)
    path = ini(home, "4b2e6f10.mb")
    path.write_bytes(path.read_bytes().replace(b"SMTPPort=25", b"SMTPPort=2525"))
    edited = path.read_bytes()
    with pytest.raises(StaleChange):
        becky.apply(change)
    assert path.read_bytes() == edited
    with pytest.raises(NoMatchingAccount):
        becky.plan("nobody@example.com", SSL_465)


@pytest.mark.parametrize("argv0", ["B2.exe", "C:\\Program Files (x86)\\RimArts\\B2\\B2.exe"])
def test_running_becky_blocks_apply_and_undo(becky, home, tmp_path, argv0, monkeypatch):
    """A real process named like Becky!: B2.exe in Windows' process list (elsewhere, as under
    Wine: B2.exe in its command line)."""
    monkeypatch.chdir(tmp_path)  # Windows has no /proc (under Wine, only the Z: drive shows one)
    path = ini(home, "4b2e6f10.mb")
    change = becky.plan("taro@example.co.jp", SSL_465)
    becky.apply(becky.plan("taro.yamada@example.net", SmtpSettings(
        "smtp.example.net", 587, "tls", "encrypted", None)))
    with program_running(tmp_path, "B2.exe", argv0):
        deadline = time.monotonic() + 10
        while not becky.is_running(data_dir(home)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert becky.is_running(data_dir(home))
        before = path.read_bytes()
        backups = sorted(os.listdir(data_dir(home) / BACKUP_DIR_NAME))
        with pytest.raises(ClientRunning) as e:
            becky.apply(change)
        assert "Close Becky! Internet Mail" in str(e.value)
        with pytest.raises(ClientRunning):
            becky.undo()
        assert path.read_bytes() == before
        assert sorted(os.listdir(data_dir(home) / BACKUP_DIR_NAME)) == backups
    assert not becky.is_running(data_dir(home))
    becky.apply(change)


def test_process_list_is_real():
    names = [Path(n).name.lower() for n in running_process_names()]
    assert any(n.startswith("python") for n in names), names
