"""Outlook (classic): accounts read from the registry, apply, dry-run and undo round trips.

Runs in the Windows lane (``bash .ci/test-windows tests/test_clients_outlook.py``): Wine's
registry is a real Windows registry for this purpose. The fixture profiles are written into
HKCU as Outlook 2010, 2013 and 2016+ lay them out and removed afterwards.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from op25b_wizard.core.clients.base import (
    ClientRunning,
    NoBackup,
    NoMatchingAccount,
    SmtpSettings,
    UnreadableSettings,
    UnsupportedChange,
)
from op25b_wizard.core.clients.windows_registry import (
    REG_BINARY,
    REG_DWORD,
    REG_SZ,
    RegValue,
    reg_file,
)
from op25b_wizard.core.clients.wording import describe_kept

windows = pytest.mark.skipif(sys.platform != "win32",
                             reason="Outlook's registry exists only on Windows")

TO_587 = SmtpSettings("smtp.example.co.jp", 587, "starttls", "normal", "taro@example.co.jp")


# -- the .reg file (any platform) ------------------------------------------------------------------

def test_reg_file_is_what_regedit_reads():
    data = reg_file(r"Software\Test\Key", {
        "Email": RegValue(REG_BINARY, "a@b\0".encode("utf-16-le")),
        "SMTP Port": RegValue(REG_DWORD, 587), "clsid": RegValue(REG_SZ, 'x"\\y'),
        "Two lines": RegValue(REG_SZ, "a\nb"), "SMTP User": None})
    assert data.startswith(b"\xff\xfe")
    text = data[2:].decode("utf-16-le")
    assert text.split("\r\n") == [
        "Windows Registry Editor Version 5.00", "", r"[HKEY_CURRENT_USER\Software\Test\Key]",
        '"Email"=hex:61,00,40,00,62,00,00,00', '"SMTP Port"=dword:0000024b',
        r'"clsid"="x\"\\y"', '"Two lines"=hex(1):61,00,0a,00,62,00,00,00', '"SMTP User"=-',
        "", ""]


@pytest.mark.skipif(sys.platform == "win32", reason="the refusal off Windows")
def test_off_windows_outlook_lists_nothing_and_refuses_in_one_line():
    from op25b_wizard.core.clients.outlook import NotOnWindows, OutlookClient

    client = OutlookClient()
    assert client.profiles() == [] and client.accounts() == []
    assert client.scan().unreadable == []
    for call in (lambda: client.plan("a@b.jp", TO_587), lambda: client.undo()):
        with pytest.raises(NotOnWindows) as e:
            call()
        assert str(e.value).startswith("Outlook is a Windows program")
        assert "\n" not in str(e.value)


# -- the registry (Windows) -----------------------------------------------------------------------

@pytest.fixture
def reg() -> Iterator[object]:
    if sys.platform != "win32":
        pytest.skip("Outlook's registry exists only on Windows")
    from tests.support import outlook_registry

    with outlook_registry.outlook_profiles():
        yield outlook_registry


@pytest.fixture
def client(tmp_path: Path):
    from op25b_wizard.core.clients.outlook import OutlookClient

    running: list[str] = []
    c = OutlookClient(backup_root=tmp_path / "backups", process_names=lambda: list(running))
    c.running = running  # type: ignore[attr-defined]  # tests add names here
    return c


class SpyRegistry:
    """The real registry, recording every value whose data was read."""

    def __init__(self) -> None:
        from op25b_wizard.core.clients.windows_registry import WinRegistry

        self.inner = WinRegistry()
        self.read: list[str] = []

    def subkeys(self, path):
        return self.inner.subkeys(path)

    def value_names(self, path):
        return self.inner.value_names(path)

    def get(self, path, name):
        self.read.append(name)
        return self.inner.get(path, name)

    def set(self, path, name, value):
        self.inner.set(path, name, value)

    def delete(self, path, name):
        self.inner.delete(path, name)


@windows
def test_accounts_of_every_layout(reg, client):
    by_key = {(a.profile.name, a.key): a for a in client.accounts()}
    assert list(by_key) == [("Outlook", "00000002"), ("Outlook", "00000003"),
                            ("Outlook", "00000004"), ("Work 2013", "00000002"),
                            ("Outlook 2010", "00000001")]
    exchange = by_key[("Outlook", "00000002")]
    assert exchange.managed and exchange.email == "taro.yamada@corp.example"
    pop = by_key[("Outlook", "00000003")]  # REG_BINARY strings, 2016+
    assert (pop.email, pop.display_name) == ("taro@example.co.jp", "山田 太郎")
    assert pop.smtp == SmtpSettings("smtp.example.co.jp", 25, "none", "none", None)
    assert pop.incoming_username == "taro" and not pop.managed
    imap = by_key[("Outlook", "00000004")]  # REG_SZ strings; no SMTP User: same as incoming
    assert imap.smtp == SmtpSettings("mail.example.net", 587, "starttls", "normal",
                                     "hanako@example.net")
    assert by_key[("Work 2013", "00000002")].smtp == SmtpSettings(
        "smtp.example.co.jp", 25, "tls", "normal", "eigyo@example.co.jp")
    old = by_key[("Outlook 2010", "00000001")]
    assert (old.display_name, old.smtp.host) == ("鈴木 次郎", "smtp.example.org")
    assert str(old.profile).endswith(r"Windows Messaging Subsystem\Profiles\Outlook 2010")


@windows
def test_passwords_are_never_read(reg, client, tmp_path):
    spy = SpyRegistry()
    client.registry = spy
    change = client.plan("eigyo@example.co.jp", SmtpSettings(
        "smtp.example.co.jp", 587, "starttls", "normal", "eigyo@example.co.jp"))
    client.apply(change)
    client.undo()
    client.accounts()
    assert spy.read and not [n for n in spy.read if "password" in n.lower()]
    backups = list((tmp_path / "backups").rglob("*"))
    for f in (p for p in backups if p.is_file()):
        assert "Password" not in f.read_bytes().decode("utf-16-le" if f.suffix == ".reg"
                                                        else "utf-8", "replace")


@windows
def test_apply_and_undo_round_trip_byte_exact(reg, client):
    before = reg.snapshot_all()
    key = reg.account_key(reg.P16, "00000003")
    change = client.plan("taro@example.co.jp", TO_587)
    assert [str(line) for line in change.describe()] == [
        "Outgoing server (SMTP) port: 25 → 587",
        "Use the following type of encrypted connection: None → STARTTLS",
        "My outgoing server (SMTP) requires authentication: not ticked → ticked",
        "User Name: (none) → taro@example.co.jp"]
    result = client.apply(change)
    now = reg.snapshot(key)
    assert now["SMTP Port"] == (REG_DWORD, 587)
    assert now["SMTP Secure Connection"] == (REG_DWORD, 2)
    assert now["SMTP Use Auth"] == (REG_DWORD, 1)
    assert now["SMTP User"] == (REG_BINARY, "taro@example.co.jp\0".encode("utf-16-le"))
    unchanged = {n: v for n, v in before[key].items() if n not in
                 ("SMTP Port", "SMTP Secure Connection", "SMTP Use Auth")}
    assert {n: now[n] for n in unchanged} == unchanged
    assert {k: v for k, v in reg.snapshot_all().items() if k != key} == \
        {k: v for k, v in before.items() if k != key}
    assert client.accounts()[1].smtp == SmtpSettings(
        "smtp.example.co.jp", 587, "starttls", "normal", "taro@example.co.jp")
    saved = (result.backup_dir / "account.reg").read_bytes()
    assert saved.startswith(b"\xff\xfe" + "Windows Registry Editor Version 5.00\r\n".encode("utf-16-le"))
    text = saved.decode("utf-16")
    assert '"SMTP Port"=dword:00000019' in text and '"SMTP User"=-' in text
    assert '"Display Name"=hex:71,5c,30,75,20,00,2a,59,ce,90,00,00' in text
    undone = client.undo()
    assert undone.kept == [] and undone.change is not None
    assert undone.change.after.port == 25 and undone.change.before.port == 587
    assert undone.files == [undone.change.account.location]
    assert reg.snapshot_all() == before
    with pytest.raises(NoBackup):
        client.undo()


@windows
def test_reg_sz_values_stay_reg_sz(reg, client):
    before = reg.snapshot_all()
    key = reg.account_key(reg.P14, "00000001")
    change = client.plan("jiro@example.org", SmtpSettings(
        "smtp2.example.org", 465, "tls", "normal", "jiro@example.org"))
    client.apply(change)
    now = reg.snapshot(key)
    assert now["SMTP Server"] == (REG_SZ, "smtp2.example.org")
    assert now["SMTP User"] == (REG_SZ, "jiro@example.org")
    assert now["SMTP Secure Connection"] == (REG_DWORD, 1)
    client.undo()
    assert reg.snapshot_all() == before


@windows
def test_dry_run_is_only_a_plan(reg, client, tmp_path):
    before = reg.snapshot_all()
    change = client.plan("hanako@example.net", SmtpSettings(
        "mail.example.net", 465, "tls", "normal", "hanako@example.net"))
    assert [str(line) for line in change.describe()] == [
        "Outgoing server (SMTP) port: 587 → 465",
        "Use the following type of encrypted connection: STARTTLS → SSL/TLS"]
    assert reg.snapshot_all() == before
    assert not (tmp_path / "backups").exists()


@windows
def test_undo_leaves_values_changed_in_outlook_since(reg, client):
    from tests.support.outlook_registry import dw, set_values

    before = reg.snapshot_all()
    key = reg.account_key(reg.P16, "00000003")
    client.apply(client.plan("taro@example.co.jp", TO_587))
    set_values(key, {"SMTP Port": dw(2525)})  # the user changed the port in Outlook
    undone = client.undo()
    assert [(k.change.name, k.now) for k in undone.kept] == [("SMTP Port", 2525)]
    assert [str(describe_kept("outlook", k)) for k in undone.kept] == [
        "Left as it is, because it was changed after the apply: Outgoing server (SMTP) port is "
        "2525 (the apply had set 587; before that it was 25)."]
    now = reg.snapshot(key)
    assert now["SMTP Port"] == (REG_DWORD, 2525)
    assert {n: v for n, v in now.items() if n != "SMTP Port"} == \
        {n: v for n, v in before[key].items() if n != "SMTP Port"}


@windows
def test_exchange_account_is_never_changed(reg, client, tmp_path):
    before = reg.snapshot_all()
    with pytest.raises(UnsupportedChange) as e:
        client.plan("taro.yamada@corp.example", TO_587)
    assert "managed by your organisation" in str(e.value)
    assert reg.snapshot_all() == before and not (tmp_path / "backups").exists()


@windows
def test_refused_while_outlook_runs(reg, client, tmp_path):
    before = reg.snapshot_all()
    change = client.plan("taro@example.co.jp", TO_587)
    client.running.append(r"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE")
    with pytest.raises(ClientRunning) as e:
        client.apply(change)
    assert "Close Outlook" in str(e.value)
    assert reg.snapshot_all() == before and not (tmp_path / "backups").exists()


@windows
def test_new_outlook_is_told_plainly(reg, client):
    from tests.support.outlook_registry import OFFICE16, dw, set_values

    set_values(OFFICE16 + r"\Outlook\Preferences", {"UseNewOutlook": dw(1)})
    scan = client.scan()
    assert scan.accounts == []
    assert "new Outlook for Windows" in str(scan.unreadable[0].reason)
    with pytest.raises(UnsupportedChange) as e:
        client.plan("taro@example.co.jp", TO_587)
    assert "settings sheet" in str(e.value)


@windows
def test_bad_keys_are_named_and_never_written(reg, client, tmp_path):
    from tests.support.outlook_registry import set_values, sz

    missing = reg.account_key(reg.P16, "00000004")
    reg.delete_tree(missing)
    set_values(missing, {"Email": sz("hanako@example.net"), "IMAP Server": sz("imap.example.net")})
    bad_type = reg.account_key(reg.P15, "00000002")
    set_values(bad_type, {"SMTP Port": sz("587")})
    before = reg.snapshot_all()
    scan = client.scan()
    assert [a.email for a in scan.accounts] == [
        "taro.yamada@corp.example", "taro@example.co.jp", "jiro@example.org"]
    reasons = [str(u.reason) for u in scan.unreadable]
    assert reasons[0].endswith('has no "SMTP Server" value: it is not laid out the way Outlook '
                               'lays out its accounts.')
    assert reasons[1].endswith('holds "SMTP Port" as REG_SZ, which is not how Outlook stores it.')
    with pytest.raises(UnreadableSettings):
        client.plan("hanako@example.net", TO_587)
    with pytest.raises(UnreadableSettings):
        client.plan("eigyo@example.co.jp", TO_587, key="00000002")
    with pytest.raises(NoMatchingAccount):
        client.plan("taro@example.co.jp", TO_587, key="00000099")
    with pytest.raises(NoMatchingAccount):
        client.profile_named("No such profile")
    assert reg.snapshot_all() == before and not (tmp_path / "backups").exists()


@windows
def test_a_damaged_backup_writes_nothing(reg, client):
    import json

    before = reg.snapshot_all()
    result = client.apply(client.plan("taro@example.co.jp", TO_587))
    applied = reg.snapshot_all()
    manifest = result.backup_dir / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["changes"][0]["where"] = r"Software\Microsoft\Windows\CurrentVersion\Run"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UnreadableSettings):
        client.undo()
    assert reg.snapshot_all() == applied != before


@windows
def test_the_reg_file_puts_the_account_back_when_imported(reg, client):
    """What a helpdesk does by double-clicking it: ``reg import`` (Windows' own importer)."""
    import subprocess

    before = reg.snapshot_all()
    result = client.apply(client.plan("taro@example.co.jp", TO_587))
    assert reg.snapshot_all() != before
    done = subprocess.run(["reg", "import", str(result.backup_dir / "account.reg")],
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done
    assert reg.snapshot_all() == before
