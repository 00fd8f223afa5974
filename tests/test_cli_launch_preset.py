"""The wizard's --preset is refused by the same rule as every command's --preset."""

from __future__ import annotations

import pytest

from op25b_wizard.cli import main


@pytest.mark.parametrize("name", ["", " ", "\t"])
def test_a_blank_preset_name_is_refused_in_one_line(name, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main(["--preset", name, "--lang", "en"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == "op25b-wizard: error: --preset needs a file name\n"


def test_a_missing_preset_is_refused_as_lookup_and_diagnose_refuse_it(capsys, monkeypatch,
                                                                        tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    missing = tmp_path / "op25b-preset.xml"
    assert main(["--preset", str(missing), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"op25b-wizard: error: cannot read the preset file {missing}\n")
    assert main(["lookup", "taro@example.jp", "--offline", "--preset", str(missing),
                 "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"op25b-wizard: error: cannot read the preset file {missing}\n")
