"""Mistyped options and commands get one line on stderr and exit status 2, never a usage dump."""

from __future__ import annotations

import pytest

from op25b_wizard.cli import main


@pytest.mark.parametrize("argv", [
    ["diagnose", "mail.example.test", "--timeout", "abc"],
    ["diagnose"],
    ["frobnicate"],
    ["explain"],
    ["diagnose", "mail.example.test", "--no-such-option"],
])
def test_usage_error_is_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("op25b-wizard: error: ")
    assert "--help" in err[0]
