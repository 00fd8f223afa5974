"""Where things are on Windows and how Windows itself is asked: Thunderbird's profiles under
%APPDATA%, Becky!'s data folder from its registry setting, files another program holds open,
the folders the screenshot sample shows. The rules run everywhere; the parts that ask Windows
run for real in the Windows lane (``.ci/test-windows``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from op25b_wizard.core.clients import SmtpSettings, UnreadableSettings
from op25b_wizard.core.clients.becky import DATA_DIR_VALUE, SETTINGS_KEY, BeckyClient
from op25b_wizard.core.clients.safe_write import BACKUP_DIR_NAME
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from op25b_wizard.core.clients.windows_registry import SHELL_FOLDERS
from op25b_wizard.core.i18n import os_reason
from tests.support.platform import CLI, PIPE_ENCODING, WINDOWS, file_held, home_env

FIXTURES = Path(__file__).parent / "fixtures" / "clients"
windows_only = pytest.mark.skipif(not WINDOWS, reason="asks Windows itself (registry, sharing "
                                  "rules): runs in the Windows lane")


def thunderbird_under_appdata(home: Path) -> tuple[Path, Path]:
    """profiles.ini in %APPDATA%\\Thunderbird listing one profile by a relative path and one
    by an absolute path elsewhere (as Thunderbird writes them on Windows)."""
    root = home / "AppData" / "Roaming" / "Thunderbird"
    relative = root / "Profiles" / "k3x9a2b1.default-esr"
    absolute = home / "D-drive" / "Mail" / "q7w2e4r5.work"
    shutil.copytree(FIXTURES / "thunderbird" / "Profiles" / "k3x9a2b1.default-esr", relative)
    shutil.copytree(FIXTURES / "thunderbird" / "q7w2e4r5.work", absolute)
    (root / "profiles.ini").write_text(
        "[Profile0]\r\nName=default-esr\r\nIsRelative=1\r\nPath=Profiles/k3x9a2b1.default-esr\r\n"
        "Default=1\r\n\r\n"
        f"[Profile1]\r\nName=work\r\nIsRelative=0\r\nPath={absolute}\r\n\r\n"
        "[General]\r\nStartWithLastProfile=1\r\nVersion=2\r\n", encoding="utf-8", newline="")
    return relative, absolute


def test_thunderbird_profiles_under_appdata_relative_and_absolute(tmp_path: Path) -> None:
    home = tmp_path / "taro"
    relative, absolute = thunderbird_under_appdata(home)
    env = {"APPDATA": str(home / "AppData" / "Roaming")}
    client = ThunderbirdClient(home=home, env=env, platform="win32")
    assert client.profiles() == [relative, absolute]
    assert {a.email for a in client.accounts()} >= {"taro@example.co.jp", "hanako@example.org"}
    if WINDOWS:  # the real command, finding them through the user's own %APPDATA%
        out = subprocess.run([CLI, "accounts", "--json", "--client", "thunderbird"],
                             capture_output=True, timeout=120, env={**os.environ, **home_env(home)})
        assert out.returncode == 0, out.stderr
        found = json.loads(out.stdout.decode(PIPE_ENCODING))
        assert {Path(a["profile"]) for a in found} == {relative, absolute}


def becky_at(folder: Path) -> Path:
    shutil.copytree(FIXTURES / "becky", folder)
    return folder


def test_becky_data_folder_from_its_registry_setting_then_documents(tmp_path: Path) -> None:
    home = tmp_path / "taro"
    recorded = becky_at(tmp_path / "E" / "BeckyData")
    documents = becky_at(tmp_path / "OneDrive" / "Documents" / "Becky")
    values = {(SETTINGS_KEY, DATA_DIR_VALUE): str(recorded) + ("\\" if WINDOWS else ""),
              (SHELL_FOLDERS, "Personal"): str(documents.parent)}
    client = BeckyClient(home=home, env={}, platform="win32",
                         registry=lambda key, name: values.get((key, name)))
    assert client.profiles() == [recorded, documents]
    del values[SETTINGS_KEY, DATA_DIR_VALUE]
    assert client.profiles() == [documents]
    assert BeckyClient(home=home, env={}, platform="linux",
                       registry=lambda key, name: values.get((key, name))).profiles() == []


@pytest.fixture
def becky_registry_value(tmp_path: Path) -> Iterator[Path]:
    """Becky!'s DataDir written into this user's registry (removed afterwards)."""
    import winreg

    folder = becky_at(tmp_path / "Becky2 data")
    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, SETTINGS_KEY) as key:
        try:
            previous = winreg.QueryValueEx(key, DATA_DIR_VALUE)
        except OSError:
            previous = None
        winreg.SetValueEx(key, DATA_DIR_VALUE, 0, winreg.REG_SZ, str(folder) + "\\")
    try:
        yield folder
    finally:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, SETTINGS_KEY, 0,
                            winreg.KEY_SET_VALUE) as key:
            if previous is None:
                winreg.DeleteValue(key, DATA_DIR_VALUE)
            else:
                winreg.SetValueEx(key, DATA_DIR_VALUE, 0, previous[1], previous[0])


@windows_only
def test_becky_data_folder_from_the_real_registry(becky_registry_value: Path, tmp_path: Path,
                                                  ) -> None:
    client = BeckyClient(home=tmp_path / "nobody", env={})
    assert client.profiles()[0] == becky_registry_value
    assert [a.email for a in client.accounts()][:1] == ["taro@example.co.jp"]
    out = subprocess.run([CLI, "accounts", "--json", "--client", "becky"], capture_output=True,
                         timeout=120, env={**os.environ, **home_env(tmp_path / "nobody")})
    assert out.returncode == 0, out.stderr
    names = {a["display_name"] for a in json.loads(out.stdout.decode(PIPE_ENCODING))}
    assert "山田 太郎" in names


@windows_only
def test_a_file_another_program_holds_open_is_left_intact(tmp_path: Path) -> None:
    """Windows refuses to replace a file another program has open without allowing deletion
    (most programs open files that way): the change is refused in plain words, the file and
    its folder are exactly as before."""
    home = tmp_path / "taro"
    relative, _ = thunderbird_under_appdata(home)
    client = ThunderbirdClient(home=home, env=home_env(home))
    prefs = relative / "prefs.js"
    change = client.plan("taro@example.co.jp",
                         SmtpSettings("smtp.example.co.jp", 465, "tls", "normal", None))
    before = prefs.read_bytes()
    names = sorted(p.name for p in relative.iterdir())
    with file_held(prefs, lock=False):
        with pytest.raises(UnreadableSettings) as e:
            client.apply(change)
        assert prefs.read_bytes() == before
    assert str(e.value) == f"Cannot write {prefs}: it is in use. Nothing was changed."
    assert sorted(p.name for p in relative.iterdir() if p.name != BACKUP_DIR_NAME) == names
    assert client.accounts(relative)[0].smtp == change.before
    client.apply(change)  # once the other program lets go, it works
    assert client.accounts(relative)[0].smtp.port == 465


def test_a_folder_where_a_file_is_expected_is_called_a_folder(tmp_path: Path) -> None:
    """Windows reports opening a folder as "permission denied"."""
    with pytest.raises(OSError) as e:
        open(tmp_path, "rb")  # noqa: SIM115
    assert str(os_reason(e.value)) == "it is a folder"


def test_the_screenshot_sample_shows_this_systems_folders() -> None:
    from op25b_wizard.gui.screenshots import sample_accounts, sample_home

    thunderbird, becky = sample_accounts(sample_home())
    if WINDOWS:
        assert str(thunderbird.location).startswith(
            "C:\\Users\\taro\\AppData\\Roaming\\Thunderbird\\Profiles\\")
        assert str(becky.location).startswith("C:\\Users\\taro\\Documents\\Becky\\")
    else:
        assert str(thunderbird.location).startswith(f"{sample_home()}/.thunderbird/")
    windows = sample_accounts(sample_home("win32"), "win32")[0]
    assert "Thunderbird" in windows.location.parts and ".thunderbird" not in windows.location.parts
    assert sys.platform != "win32" or "\\home\\" not in str(thunderbird.location)
