"""``op25b-wizard accounts | apply | undo``: output, JSON keys and exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from op25b_wizard.core.clients.safe_write import BACKUP_DIR_NAME
from tests.support.platform import (
    PROFILE_LOCK,
    base_env,
    file_held,
    home_env,
    set_home,
    thunderbird_dir,
)

FIXTURES = Path(__file__).parent / "fixtures" / "clients"
JSON_KEYS = {"client", "profile", "key", "email", "display_name", "host", "port", "security",
             "auth", "username", "location"}
TO_587 = ["--email", "taro@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
          "--security", "starttls", "--user", "taro@example.co.jp"]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "thunderbird", thunderbird_dir(tmp_path))
    shutil.copytree(FIXTURES / "becky", tmp_path / "Documents" / "Becky")
    set_home(monkeypatch, tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return tmp_path


def prefs(home: Path) -> Path:
    return thunderbird_dir(home) / "Profiles" / "k3x9a2b1.default-esr" / "prefs.js"


def test_accounts_json_lists_every_client_with_the_documented_keys(home, capsys):
    assert main(["accounts", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["client"], d["email"]) for d in data] == [
        ("thunderbird", "hanako@example.org"), ("thunderbird", "taro@example.co.jp"),
        ("thunderbird", "taro.yamada@example.net"), ("becky", "taro@example.co.jp"),
        ("becky", "taro.yamada@example.net"), ("becky", "eigyo@example.co.jp")]
    assert all(set(d) == JSON_KEYS for d in data)
    assert data[1]["port"] == 25 and data[1]["username"] is None
    assert data[1]["display_name"] == "山田 太郎"


def test_accounts_narrowed_to_one_profile(home, capsys):
    profile = prefs(home).parent
    assert main(["accounts", "--json", "--client", "thunderbird", "--profile", str(profile)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["key"] for d in data] == ["smtp1", "smtp2"]
    assert {d["profile"] for d in data} == {str(profile)}
    assert main(["accounts", "--profile", str(profile)]) == 2
    assert "--client" in capsys.readouterr().err


def test_accounts_table(home, capsys):
    assert main(["accounts", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "No authentication" in out and "on (CRAM-MD5)" in out and "営業部 ソフト課" in out
    assert f"Becky! Internet Mail settings in: {home / 'Documents' / 'Becky'}" in out


def test_no_clients_at_all(tmp_path, monkeypatch, capsys):
    set_home(monkeypatch, tmp_path)
    assert main(["accounts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_dry_run_apply_undo(home, capsys):
    original = prefs(home).read_bytes()
    assert main(["apply", "thunderbird", *TO_587, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Port: 25 → 587" in out and "Dry run: nothing was changed." in out
    assert prefs(home).read_bytes() == original
    assert main(["apply", "thunderbird", *TO_587]) == 0
    out = capsys.readouterr().out
    backups = list((prefs(home).parent / BACKUP_DIR_NAME).iterdir())
    assert len(backups) == 1 and str(backups[0]) in out
    assert "op25b-wizard undo thunderbird --profile" in out
    assert prefs(home).read_bytes() != original
    assert main(["apply", "thunderbird", *TO_587]) == 0
    assert "nothing to change" in capsys.readouterr().out
    assert main(["undo", "thunderbird"]) == 0
    assert "Port: 587 → 25" in capsys.readouterr().out
    assert prefs(home).read_bytes() == original
    assert main(["undo", "thunderbird"]) == 1
    assert "no change by this program to undo" in capsys.readouterr().err


def test_bad_input_and_refusals(home, capsys):
    plain = [a if a != "starttls" else "none" for a in TO_587]
    assert main(["apply", "thunderbird", *plain]) == 2
    assert "--allow-plaintext" in capsys.readouterr().err
    assert main(["apply", "thunderbird", *plain, "--allow-plaintext", "--dry-run"]) == 0
    capsys.readouterr()
    assert main(["apply", "thunderbird", *TO_587[:4], "--port", "70000",
                 *TO_587[6:]]) == 2
    unknown = ["--email", "nobody@example.com", *TO_587[2:]]
    assert main(["apply", "thunderbird", *unknown]) == 1
    assert "No Thunderbird account sends as nobody@example.com" in capsys.readouterr().err
    assert main(["apply", "becky", *TO_587]) == 1
    assert "STARTTLS" in capsys.readouterr().err
    assert main(["apply", "thunderbird", "--profile", str(home / "nope"), *TO_587]) == 2
    with pytest.raises(SystemExit):  # not a client it can change (Outlook: its own tests)
        main(["apply", "apple-mail", *TO_587])


def test_becky_apply_and_undo(home, capsys):
    ini = home / "Documents" / "Becky" / "4b2e6f10.mb" / "Mailbox.ini"
    original = ini.read_bytes()
    assert main(["apply", "becky", "--email", "taro@example.co.jp", "--host",
                 "smtp.example.co.jp", "--port", "465", "--security", "tls", "--user", "taro"]) == 0
    assert "SMTP port: 25 → 465" in capsys.readouterr().out
    assert main(["undo", "becky", "--profile", str(home / "Documents" / "Becky")]) == 0
    assert ini.read_bytes() == original


def test_running_thunderbird_exit_status_3(home):
    """The whole command in a child process, while another process holds the profile lock."""
    profile = prefs(home).parent
    with file_held(profile / PROFILE_LOCK, lock=True):
        original = prefs(home).read_bytes()
        run = subprocess.run([sys.executable, "-m", "op25b_wizard", "apply", "thunderbird",
                              *TO_587, "--lang", "en"], capture_output=True, text=True,
                             timeout=60, env={**base_env(), **home_env(home),
                                              "QT_QPA_PLATFORM": "offscreen"})
        assert run.returncode == 3, run.stderr
        assert "Thunderbird is running. Close Thunderbird completely" in run.stderr
        assert "Traceback" not in run.stderr
        assert prefs(home).read_bytes() == original


def test_several_servers_for_one_address_name_the_option_and_the_keys(home, capsys):
    prefs(home).write_bytes(prefs(home).read_bytes().replace(b'"taro.yamada@example.net"',
                                                             b'"sales@example.co.jp"'))
    original = prefs(home).read_bytes()
    sales = ["--email", "sales@example.co.jp", *TO_587[2:], "--lang", "en"]
    assert main(["apply", "thunderbird", *sales]) == 1
    assert capsys.readouterr().err == (
        "op25b-wizard: error: several Thunderbird outgoing servers send as sales@example.co.jp; "
        "choose one with --key (e.g. --key smtp1): smtp1 (server smtp.example.co.jp, port 25), "
        "smtp2 (server smtp.example.net, port 465)\n")
    assert prefs(home).read_bytes() == original
    assert main(["apply", "thunderbird", *sales, "--key", "smtp2", "--dry-run"]) == 0
    assert "(outgoing server smtp2)" in capsys.readouterr().out


@pytest.mark.parametrize("client", ["thunderbird", "becky"])
def test_a_folder_that_is_not_a_profile_is_an_error(home, tmp_path, capsys, client):
    other = tmp_path / "not-a-profile"
    other.mkdir()
    (other / "notes.txt").write_text("x")
    name = {"thunderbird": "Thunderbird", "becky": "Becky! Internet Mail"}[client]
    for argv in (["accounts", "--client", client, "--profile", str(other)],
                 ["accounts", "--json", "--client", client, "--profile", str(other)],
                 ["apply", client, "--profile", str(other), "--email", "taro@example.co.jp",
                  "--host", "smtp.example.co.jp", "--port", "465", "--security", "tls",
                  "--user", "taro"],
                 ["undo", client, "--profile", str(other)]):
        assert main([*argv, "--lang", "en"]) == 1, argv
        out, err = capsys.readouterr()
        assert out == "" and err == f"op25b-wizard: error: No {name} settings found in {other}.\n"


def test_nothing_found_names_the_client_asked_for(tmp_path, monkeypatch, capsys):
    set_home(monkeypatch, tmp_path)
    assert main(["accounts", "--client", "becky", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "No Becky! Internet Mail accounts were found.\n"
    assert main(["accounts", "--lang", "en"]) == 0
    clients = "Thunderbird, Becky! or Outlook" if sys.platform == "win32" else "Thunderbird or Becky!"
    assert capsys.readouterr().out == f"No {clients} accounts were found.\n"


@pytest.mark.parametrize("typed", ["ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ", "TARO@Example.CO.JP."])
def test_the_address_is_matched_as_the_lookup_reads_it(home, capsys, typed):
    """Full-width input from a Japanese input method, other case, a final dot: same account."""
    argv = ["apply", "thunderbird", "--email", typed, *TO_587[2:], "--dry-run"]
    assert main(argv) == 0, capsys.readouterr().err
    assert "Port: 25 → 587" in capsys.readouterr().out


def test_an_idn_address_matches_in_either_spelling():
    from op25b_wizard.core.clients.planning import canonical_address

    assert canonical_address("hanako@例え.jp") == canonical_address("HANAKO@xn--r8jz45g.jp")
    assert canonical_address("ｈａｎａｋｏ＠例え．ｊｐ") == "hanako@xn--r8jz45g.jp"
    assert canonical_address("not an address") == "not an address"


@pytest.mark.parametrize("argv", [["accounts", "--client", "becky", "--profile", ""],
                                  ["apply", "thunderbird", "--profile", " ", *TO_587]])
def test_an_empty_profile_is_refused(home, capsys, argv):
    assert main(argv) == 2
    assert "--profile needs a folder name" in capsys.readouterr().err


def test_a_wrong_key_and_a_broken_user_name_say_what_is_wrong(home, capsys):
    assert main(["apply", "thunderbird", *TO_587, "--key", "nokey"]) == 1
    assert "outgoing server nokey sends as taro@example.co.jp" in capsys.readouterr().err
    argv = [a if a != "taro@example.co.jp" or i < 2 else "u\nx" for i, a in enumerate(TO_587)]
    assert main(["apply", "thunderbird", *argv]) == 2
    assert "cannot contain a line break" in capsys.readouterr().err
