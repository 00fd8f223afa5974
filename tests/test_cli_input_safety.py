"""What the command line takes in and puts out, whatever the bytes: a password that is not text
in the input's encoding, a console that cannot show every character, and mistyped options that
must not repeat a password in an error message."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from op25b_wizard.cli import main

CLI = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "op25b-wizard")
ENV = {**{k: v for k, v in os.environ.items()
          if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "PYTHONIOENCODING")},
       "LANG": "en_US.UTF-8"}
SJIS_A = b"\x82\xa0"
"""'あ' in Shift_JIS (cp932): not UTF-8."""


def run_bytes(*argv: str, stdin: bytes = b"", env: dict[str, str] | None = None,
              timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *argv], input=stdin, capture_output=True, timeout=timeout,
                          env=env or ENV)


def one_line_error(proc: subprocess.CompletedProcess, code: int = 2) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == code, (proc.stdout, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("op25b-wizard: error: ")
    assert proc.stdout == b""
    return lines[0]


# --- a password that is not text -----------------------------------------------------------------

PASSWORD_COMMANDS = {
    "diagnose": ["diagnose", "localhost", "--user", "u", "--password-stdin"],
    "password set": ["password", "set", "--host", "smtp.example.test", "--user", "u",
                     "--password-stdin"],
}


@pytest.mark.parametrize("command", list(PASSWORD_COMMANDS))
@pytest.mark.parametrize("lang", ["C", "en_US.UTF-8"])
def test_a_password_that_is_not_text_is_refused_in_one_line(command: str, lang: str) -> None:
    """C locale: Python reads stdin with surrogateescape; a UTF-8 locale: strictly. Either way
    the bytes are refused before anything is sent or stored."""
    proc = run_bytes(*PASSWORD_COMMANDS[command], stdin=SJIS_A + b"\n",
                     env={**ENV, "LANG": lang})
    line = one_line_error(proc)
    assert "standard input" in line and "UTF-8" in line


def test_a_password_in_the_consoles_own_encoding_is_read_as_such(monkeypatch, capsys) -> None:
    """A Japanese Windows pipe is cp932: there the same bytes are the text 'あ'."""
    from op25b_wizard.cli.common import read_password_stdin

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SJIS_A + b"x\r\n"),
                                                       encoding="cp932"))
    assert read_password_stdin() == "あx"


@pytest.mark.parametrize("errors", ["surrogateescape", "strict"])
def test_read_password_stdin_refuses_undecodable_bytes_in_process(monkeypatch, capsys,
                                                                  errors: str) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SJIS_A + b"\n"),
                                                       encoding="utf-8", errors=errors))
    status = main(PASSWORD_COMMANDS["diagnose"])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("op25b-wizard: error: ") and "UTF-8" in line


def test_a_text_stream_holding_an_unencodable_password_is_refused(monkeypatch) -> None:
    """A stream without bytes underneath (surrogates already in the text) is refused too."""
    from op25b_wizard.cli.common import CliError, read_password_stdin

    monkeypatch.setattr(sys, "stdin", io.StringIO("\udc82\udca0\n"))
    with pytest.raises(CliError) as e:
        read_password_stdin()
    assert e.value.exit_code == 2
