"""``op25b-wizard accounts | apply outlook | undo outlook``: JSON, round trips, refusals.

The Windows tests run in the Windows lane against fixture profiles written into HKCU (see
tests/support/outlook_registry.py); off Windows the commands refuse in one line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from op25b_wizard.cli import main

on_windows = pytest.mark.skipif(sys.platform != "win32",
                                reason="Outlook's registry exists only on Windows")
off_windows = pytest.mark.skipif(sys.platform == "win32", reason="the refusal off Windows")

TO_587 = ["--email", "taro@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
          "--security", "starttls", "--user", "taro@example.co.jp"]


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# -- off Windows ----------------------------------------------------------------------------------

@off_windows
@pytest.mark.parametrize("argv", [["apply", "outlook", *TO_587], ["undo", "outlook"],
                                  ["apply", "outlook", *TO_587, "--profile", "Outlook"]])
def test_off_windows_apply_and_undo_say_outlook_is_a_windows_program(argv, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert one_line(err) == ("op25b-wizard: error: Outlook is a Windows program: its accounts "
                             "can only be read and changed on Windows.")
    assert main([*argv, "--lang", "ja"]) == 1
    assert "Outlook は Windows のプログラムです" in one_line(capsys.readouterr().err)


@off_windows
def test_off_windows_accounts_lists_no_outlook_accounts(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["accounts", "--client", "outlook", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


# -- Windows --------------------------------------------------------------------------------------

@pytest.fixture
def reg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    if sys.platform != "win32":
        pytest.skip("Outlook's registry exists only on Windows")
    from tests.support import outlook_registry

    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "roaming"))  # no Thunderbird here
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    with outlook_registry.outlook_profiles():
        yield outlook_registry


def backups(tmp_path: Path) -> Path:
    return tmp_path / "local" / "op25b-wizard" / "Outlook"


@on_windows
def test_accounts_json(reg, capsys):
    assert main(["accounts", "--json", "--client", "outlook"]) == 0
    data = json.loads(capsys.readouterr().out)
    got = [(d["key"], d["email"], d["host"], d["port"], d["security"], d["auth"], d["username"],
            d.get("managed", False)) for d in data]
    assert got == [
        ("00000002", "taro.yamada@corp.example", "", 0, "none", "none", None, True),
        ("00000003", "taro@example.co.jp", "smtp.example.co.jp", 25, "none", "none", None, False),
        ("00000004", "hanako@example.net", "mail.example.net", 587, "starttls", "normal",
         "hanako@example.net", False),
        ("00000002", "eigyo@example.co.jp", "smtp.example.co.jp", 25, "tls", "normal",
         "eigyo@example.co.jp", False),
        ("00000001", "jiro@example.org", "smtp.example.org", 25, "none", "none", None, False)]
    assert data[1]["display_name"] == "山田 太郎"
    assert data[4]["profile"].endswith(r"Windows Messaging Subsystem\Profiles\Outlook 2010")
    assert main(["accounts", "--client", "outlook", "--profile", "Work 2013", "--json"]) == 0
    assert [d["email"] for d in json.loads(capsys.readouterr().out)] == ["eigyo@example.co.jp"]


@on_windows
def test_dry_run_apply_undo_round_trip(reg, capsys, tmp_path):
    before = reg.snapshot_all()
    assert main(["apply", "outlook", *TO_587, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "  Outgoing server (SMTP) port: 25 → 587\n" in out and "Dry run" in out
    assert reg.snapshot_all() == before and not backups(tmp_path).exists()

    assert main(["apply", "outlook", *TO_587, "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert "送信サーバー (SMTP) は認証が必要: オフ → オン" in out
    assert "使用する暗号化接続の種類: なし → STARTTLS" in out
    assert reg.snapshot_all() != before
    undo_line = next(line for line in out.splitlines() if "op25b-wizard undo outlook" in line)
    profile = undo_line.split("--profile ", 1)[1].strip('"')
    assert profile.endswith(r"Office\16.0\Outlook\Profiles\Outlook")
    assert len(list(backups(tmp_path).rglob("account.reg"))) == 1

    assert main(["undo", "outlook", "--profile", profile]) == 0
    assert "Outgoing server (SMTP) port: 587 → 25" in capsys.readouterr().out
    assert reg.snapshot_all() == before
    assert main(["undo", "outlook"]) == 1
    assert "no change by this program to undo in Outlook" in one_line(capsys.readouterr().err)


@on_windows
def test_undo_names_the_values_changed_since(reg, capsys):
    from tests.support.outlook_registry import b, set_values

    key = reg.account_key(reg.P16, "00000003")
    assert main(["apply", "outlook", *TO_587]) == 0
    set_values(key, {"SMTP User": b("taro")})
    capsys.readouterr()
    assert main(["undo", "outlook"]) == 4
    out = capsys.readouterr().out
    assert ("Left as it is, because it was changed after the apply: User Name is taro (the "
            "apply had set taro@example.co.jp; before that it was (none)).") in out
    assert reg.snapshot(key)["SMTP Port"] == (4, 25)


def _stand_in_outlook(tmp_path: Path) -> subprocess.Popen[bytes]:
    """A program named OUTLOOK.EXE (this Python under another name) that just waits."""
    folder = tmp_path / "Office16"
    folder.mkdir()
    base = Path(sys.base_prefix)
    shutil.copyfile(Path(sys.executable).with_name("python.exe")
                    if Path(sys.executable).with_name("python.exe").exists()
                    else base / "python.exe", folder / "OUTLOOK.EXE")
    for dll in base.glob("*.dll"):
        shutil.copyfile(dll, folder / dll.name)
    env = {**__import__("os").environ, "PYTHONHOME": str(base)}
    return subprocess.Popen([str(folder / "OUTLOOK.EXE"), "-c", "import time; time.sleep(300)"],
                            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


@on_windows
def test_refused_while_outlook_runs(reg, capsys, tmp_path):
    from op25b_wizard.core.clients.outlook import OutlookClient

    before = reg.snapshot_all()
    proc = _stand_in_outlook(tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not OutlookClient().is_running() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert OutlookClient().is_running()
        assert main(["apply", "outlook", *TO_587]) == 3
        err = one_line(capsys.readouterr().err)
        assert "Outlook is running. Close Outlook completely, then try again" in err
        assert main(["apply", "outlook", *TO_587, "--lang", "ja"]) == 3
        assert "Outlook を完全に終了してから" in one_line(capsys.readouterr().err)
        assert main(["undo", "outlook"]) == 1  # nothing to undo: said before anything else
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert reg.snapshot_all() == before
    assert not list(backups(tmp_path).rglob("manifest.json"))


@on_windows
def test_exchange_and_unsafe_settings_are_refused(reg, capsys, tmp_path):
    before = reg.snapshot_all()
    corp = ["--email", "taro.yamada@corp.example", "--host", "smtp.corp.example", "--port",
            "587", "--security", "starttls", "--user", "taro.yamada@corp.example"]
    assert main(["apply", "outlook", *corp]) == 1
    assert "managed by your organisation" in one_line(capsys.readouterr().err)
    port25 = [*TO_587[:5], "25", *TO_587[6:]]
    assert main(["apply", "outlook", *port25]) == 2
    assert "port 25" in one_line(capsys.readouterr().err)
    plain = [*TO_587[:7], "none", *TO_587[8:]]
    assert main(["apply", "outlook", *plain]) == 2
    assert "--allow-plaintext" in one_line(capsys.readouterr().err)
    assert reg.snapshot_all() == before and not backups(tmp_path).exists()


@on_windows
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_bad_input_is_one_line_and_writes_nothing(reg, capsys, tmp_path, lang):
    from tests.support.outlook_registry import set_values, sz

    missing = reg.account_key(reg.P16, "00000004")
    reg.delete_tree(missing)
    set_values(missing, {"Email": sz("hanako@example.net"), "IMAP Server": sz("imap.example.net")})
    set_values(reg.account_key(reg.P15, "00000002"), {"SMTP Port": sz("587")})
    before = reg.snapshot_all()
    hanako = ["--email", "hanako@example.net", "--host", "mail.example.net", "--port", "465",
              "--security", "tls", "--user", "hanako@example.net"]
    eigyo = ["--email", "eigyo@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
             "--security", "starttls", "--user", "eigyo@example.co.jp"]
    cases = {
        "unknown profile": (["apply", "outlook", *TO_587, "--profile", "Nope"],
                            {"en": "No Outlook profile named Nope", "ja": "Nope"}),
        "unknown account": (["apply", "outlook", *TO_587, "--key", "00000099"],
                            {"en": "00000099", "ja": "00000099"}),
        "missing values": (["apply", "outlook", *hanako],
                           {"en": '"SMTP Server"', "ja": "「SMTP Server」"}),
        "unexpected type": (["apply", "outlook", *eigyo, "--key", "00000002",
                             "--profile", "Work 2013"], {"en": "REG_SZ", "ja": "REG_SZ"}),
    }
    for name, (argv, wanted) in cases.items():
        assert main([*argv, "--lang", lang]) == 1, name
        line = one_line(capsys.readouterr().err)
        assert wanted[lang] in line, (name, line)
        if lang == "ja":
            assert "Outlook" in line and any("\u3040" <= c <= "\u30ff" for c in line), line
    assert reg.snapshot_all() == before and not backups(tmp_path).exists()
