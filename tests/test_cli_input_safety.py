"""What the command line takes in and puts out, whatever the bytes: a password that is not text
in the input's encoding, a console that cannot show every character, and mistyped options that
must not repeat a password in an error message."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from tests.support.platform import CLI, PIPE_ENCODING, home_env
from tests.support.servers import Scripted, ehlo_dialogue

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


@pytest.mark.parametrize("console", ["cp932", "cp1252", "utf-8"])
def test_a_password_is_utf8_whatever_the_consoles_code_page(monkeypatch, console: str) -> None:
    """A Windows pipe is read in the console's code page (cp932 on Japanese Windows, cp1252
    on English Windows), but ``password get`` writes UTF-8: so the password is read as UTF-8
    there too, and what went in comes out byte for byte."""
    from op25b_wizard.cli.common import CliError, read_password_stdin

    for password in ("Pässwörd", "あx"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(
            io.BytesIO(password.encode("utf-8") + b"\r\n"), encoding=console))
        assert read_password_stdin() == password
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SJIS_A + b"x\r\n"),
                                                       encoding=console))
    with pytest.raises(CliError) as e:
        read_password_stdin()
    assert "not valid UTF-8 text" in str(e.value)


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


@pytest.mark.parametrize("errors", ["strict", "surrogateescape"])
@pytest.mark.parametrize("encoding", ["cp932", "cp1252"])
def test_output_encoding_guard_in_process(encoding: str, errors: str) -> None:
    """The guard itself: a non-UTF-8 stream as Python starts it (strict; Windows and the C
    locale: surrogateescape) gets the escaping handler, JSON-safe even for characters outside
    the BMP."""
    from op25b_wizard.cli.common import guard_output_encoding

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors=errors)
    guard_output_encoding(stream)
    data = {"t": "あ\ufffd\U0001f600 Pässwörd 山田 太郎"}
    stream.write(json.dumps(data, ensure_ascii=False))
    stream.flush()
    text = raw.getvalue().decode(encoding)
    assert json.loads(text) == data
    assert "\\ufffd" in text and ("ä" in text) == (encoding == "cp1252")
    assert ("あ" in text) == (encoding == "cp932")


@pytest.fixture
def japanese_home(tmp_path: Path) -> Path:
    """A home folder with Becky! accounts whose display names are Japanese."""
    shutil.copytree(Path(__file__).parent / "fixtures" / "clients" / "becky",
                    tmp_path / "Documents" / "Becky")
    return tmp_path


NATIVE_PIPE_COMMANDS = {
    "password status": ["--lang", "ja", "password", "status"],
    "password status --json": ["--lang", "ja", "password", "status", "--json"],
    "explain": ["explain", "C2LCC-AJ2AN", "--lang", "ja"],
    "accounts": ["accounts", "--client", "becky", "--lang", "ja"],
    "accounts --json": ["accounts", "--client", "becky", "--json"],
}


@pytest.mark.parametrize("command", list(NATIVE_PIPE_COMMANDS))
def test_japanese_output_into_the_consoles_own_pipe(command: str, japanese_home: Path) -> None:
    """Output into a pipe as the system sets it up (Windows: the console's code page, cp1252
    on English Windows, cp932 on Japanese Windows): no crash, JSON stays valid, and what the
    code page cannot hold arrives escaped, not lost."""
    env = {**{k: v for k, v in ENV.items() if k != "PYTHONIOENCODING"},
           **home_env(japanese_home)}
    proc = run_bytes(*NATIVE_PIPE_COMMANDS[command], env=env, timeout=120)
    err = proc.stderr.decode(PIPE_ENCODING, "replace")
    assert "Traceback" not in err and "UnicodeEncodeError" not in err, err
    assert proc.returncode in (0, 1), err
    out = proc.stdout.decode(PIPE_ENCODING)  # strict: every byte is in the pipe's encoding
    if command.endswith("--json"):
        data = json.loads(out)
        if command.startswith("accounts"):
            assert "山田 太郎" in {a["display_name"] for a in data}
    elif command == "accounts":
        assert "山田 太郎" in out or "\\u5c71\\u7530" in out
    else:
        assert out.strip()


# --- mistyped options never repeat a password ------------------------------------------------------

SECRET = "Hunter2-Secret"
LEAKS = {
    "password set, --password VALUE": (
        ["password", "set", "--host", "smtp.example.test", "--user", "u", "--password", SECRET],
        "7, 8"),
    "password set, --password=VALUE": (
        ["password", "set", "--host", "smtp.example.test", "--user", "u", f"--password={SECRET}"],
        "7"),
    "password set, a value that looks like an option": (
        ["password", "set", "--host", "smtp.example.test", "--user", "u", "--password",
         f"--{SECRET}"], "7, 8"),
    "password set, --password-stdin=VALUE": (
        ["password", "set", "--host", "smtp.example.test", "--user", "u",
         f"--password-stdin={SECRET}"], None),
    "diagnose, --password VALUE": (
        ["diagnose", "localhost", "--user", "u", "--password", SECRET], "5, 6"),
    "diagnose, --password=VALUE": (
        ["diagnose", "localhost", "--user", "u", f"--password={SECRET}"], "5"),
    "diagnose, --pass VALUE before the command's own options": (
        ["--lang", "en", "diagnose", "--pass", SECRET, "localhost"], "4, 6"),
    "password, the value as the action": (["password", SECRET], None),
    "the value as the command": ([SECRET], None),
}


@pytest.mark.parametrize("name", list(LEAKS))
def test_a_mistyped_password_option_never_echoes_the_value(name: str, capsys,
                                                           monkeypatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    argv, positions = LEAKS[name]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert SECRET not in out + err
    assert "Hunter2" not in out + err
    (line,) = err.strip().splitlines()
    assert line.startswith("op25b-wizard: error: ") and "--help" in line
    if positions is not None:
        assert f"not understood: position {positions} of" in line, line


def test_a_mistyped_password_option_in_a_real_process() -> None:
    for argv in (LEAKS["password set, --password VALUE"][0],
                 LEAKS["password set, --password=VALUE"][0]):
        proc = run_bytes(*argv)
        line = one_line_error(proc)
        assert SECRET.encode() not in proc.stderr and "Hunter2" not in line


@pytest.mark.parametrize("argv, said", [
    (["diagnose", "localhost", "--time", "5"], "not understood: position 3, 4 "),
    (["diagnose", "localhost", "--jso"], "not understood: position 3 "),
    (["password", "set", "--host", "smtp.example.test", "--user", "u", "--password"],
     "not understood: position 7 "),
    (["password", "get", "--ho", "smtp.example.test", "--user", "u"],
     "the following arguments are required: --host"),
])
def test_options_are_never_abbreviated(argv: list[str], said: str, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # English whatever the system's language
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert said in capsys.readouterr().err


def test_every_parser_refuses_abbreviations() -> None:
    import argparse

    from op25b_wizard.cli import build_parser

    def walk(parser: argparse.ArgumentParser):
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    yield from walk(sub)

    parsers = list(walk(build_parser()))
    assert len(parsers) > 8
    assert all(p.allow_abbrev is False for p in parsers), [p.prog for p in parsers if p.allow_abbrev]
