"""What the command line takes in and puts out, whatever the bytes: a password that is not text
in the input's encoding, a console that cannot show every character, and mistyped options that
must not repeat a password in an error message."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from tests.support.servers import Scripted, ehlo_dialogue

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


# --- a console that cannot show every character ----------------------------------------------------

async def bad_byte_greeting(reader, writer, srv: Scripted) -> None:
    """Port 25 greets with a byte that is not UTF-8: the report holds U+FFFD for it."""
    await ehlo_dialogue(reader, writer, srv,
                        greeting=b"220 mail.example.test ESMTP \xff\xfe ready\r\n",
                        ehlo=b"250-mail.example.test\r\n250 8BITMIME\r\n")


@pytest.fixture(scope="module")
def odd_greeting_port() -> Iterator[int]:
    with Scripted(bad_byte_greeting) as srv:
        yield srv.port


@pytest.mark.parametrize("encoding", ["cp932", "ascii"])
def test_json_on_a_console_that_cannot_encode_the_report(odd_greeting_port: int,
                                                         encoding: str) -> None:
    """A Japanese Windows pipe is cp932: the JSON is still printed, still valid JSON, and the
    character the console cannot show arrives as its JSON escape."""
    proc = run_bytes("diagnose", "localhost", "--port", f"{odd_greeting_port}/relay", "--json",
                     "--transcript", "--timeout", "2",
                     env={**ENV, "PYTHONIOENCODING": encoding})
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    assert proc.returncode == 1, err  # no submission port tested: no route, but a full report
    out = json.loads(proc.stdout.decode(encoding))
    (port,) = out["ports"]
    assert port["outcome"] == "ok"
    assert port["greeting"] == "mail.example.test ESMTP \ufffd\ufffd ready"
    assert any("\ufffd" in line for line in out["transcript"])


def test_human_output_on_a_cp932_console_keeps_japanese(odd_greeting_port: int) -> None:
    proc = run_bytes("diagnose", "localhost", "--port", f"{odd_greeting_port}/relay",
                     "--transcript", "--timeout", "2", "--lang", "ja",
                     env={**ENV, "PYTHONIOENCODING": "cp932"})
    err = proc.stderr.decode("cp932", "replace")
    assert "Traceback" not in err, err
    assert proc.returncode == 1, err
    out = proc.stdout.decode("cp932")  # strict: every byte is cp932
    assert "メールサーバー: localhost" in out
    assert "ESMTP \\ufffd\\ufffd ready" in out, "what cp932 cannot show is escaped, not lost"


def test_output_encoding_guard_in_process() -> None:
    """The guard itself: a strict non-UTF-8 stream gets the escaping handler, JSON-safe even
    for characters outside the BMP."""
    from op25b_wizard.cli.common import guard_output_encoding

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp932", errors="strict")
    guard_output_encoding(stream)
    stream.write(json.dumps({"t": "あ\ufffd\U0001f600"}, ensure_ascii=False))
    stream.flush()
    text = raw.getvalue().decode("cp932")
    assert json.loads(text) == {"t": "あ\ufffd\U0001f600"}
    assert "あ" in text and "\\ufffd" in text
