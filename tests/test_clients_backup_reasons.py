"""A backup undo cannot use is refused in one line in the user's language, reason included."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from op25b_wizard.core.clients.safe_write import MANIFEST_NAME
from tests.support.platform import set_home, thunderbird_dir

FIXTURES = Path(__file__).parent / "fixtures" / "clients"
TO_587 = ["--email", "taro@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
          "--security", "starttls", "--user", "taro@example.co.jp"]


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(FIXTURES / "thunderbird", thunderbird_dir(tmp_path))
    set_home(monkeypatch, tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    return thunderbird_dir(tmp_path) / "Profiles" / "k3x9a2b1.default-esr"


def applied_backup(profile: Path) -> Path:
    assert main(["apply", "thunderbird", *TO_587]) == 0
    [backup] = (profile / "op25b-wizard-backups").iterdir()
    return backup


def edit_manifest(backup: Path, **changes: object) -> None:
    manifest = json.loads((backup / MANIFEST_NAME).read_text())
    manifest.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        del manifest[key]
    (backup / MANIFEST_NAME).write_text(json.dumps(manifest))


def undo_in_japanese(profile: Path, capsys: pytest.CaptureFixture[str]) -> str:
    applied = (profile / "prefs.js").read_bytes()
    capsys.readouterr()
    assert main(["undo", "thunderbird", "--lang", "ja"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert (profile / "prefs.js").read_bytes() == applied  # nothing changed
    return err


def english_words(line: str, backup: Path) -> list[str]:
    """Words of English left in *line* once the program's name and the backup's path are
    taken out."""
    return re.findall(r"[A-Za-z]{3,}",
                      line.removeprefix("op25b-wizard:").replace(str(backup), ""))


def test_a_damaged_list_of_changes_is_told_in_japanese(profile, capsys):
    backup = applied_backup(profile)
    edit_manifest(backup, changes=[{"where": "prefs.js", "name": 5}])
    err = undo_in_japanese(profile, capsys)
    assert english_words(err, backup) == [], err
    assert "変更した値の一覧が壊れています" in err


def test_a_damaged_saved_copy_is_told_in_japanese(profile, capsys):
    backup = applied_backup(profile)
    edit_manifest(backup, changes=None, format=1)  # worked out from the saved copy
    saved = backup / "files" / "prefs.js"
    saved.write_bytes(saved.read_bytes() + b"// changed by hand\n")
    err = undo_in_japanese(profile, capsys)
    assert english_words(err, backup) == [], err
    assert "保存されたファイルが壊れているか" in err


@pytest.mark.parametrize("damage", [{"before": None}, {"after": {"host": "x"}},
                                    {"before": "25"}])
def test_an_older_backup_without_its_settings_is_refused_not_used_up(profile, capsys, damage):
    """A backup from before the values were recorded is undone from the settings before and
    after in its manifest; without them it is refused, and stays there to be looked at,
    instead of being marked undone with nothing put back."""
    backup = applied_backup(profile)
    edit_manifest(backup, changes=None, format=1, **damage)
    err = undo_in_japanese(profile, capsys)
    assert english_words(err, backup) == [], err
    assert "変更前と変更後の設定の記録が壊れています" in err
    assert json.loads((backup / MANIFEST_NAME).read_text())["state"] == "applied"
