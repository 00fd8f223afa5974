"""The helpdesk command line speaks Japanese with ``--lang ja``: every line the user reads."""

from __future__ import annotations

import os
import re
import subprocess

from op25b_wizard.core.verdicts import TITLES, VERDICT_IDS
from tests.conftest import ENGINE_PASSWORD, ENGINE_USER
from tests.support.platform import CLI
from tests.support.servers import TestCA, blackhole, smtp_server

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


UTF8 = {**os.environ, "PYTHONIOENCODING": "utf-8"}
"""Japanese text itself in the pipe, also where the console's code page lacks it (cp1252);
what such a pipe gets is tested in test_cli_input_safety."""


def run(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *argv], input=stdin, capture_output=True, encoding="utf-8",
                          timeout=60, env=UTF8)


def test_diagnose_in_japanese_has_no_english_sentences(test_ca: TestCA) -> None:
    with smtp_server(test_ca, "starttls") as s587, smtp_server(test_ca, "tls") as s465, \
            blackhole() as p25:
        proc = run("diagnose", ENGINE_USER, "--host", "localhost", "--port", f"{p25}/relay",
                   "--port", f"{s587.port}/starttls", "--port", f"{s465.port}/tls",
                   "--cafile", str(test_ca.cafile), "--timeout", "1", "--password-stdin",
                   "--lang", "ja", stdin=ENGINE_PASSWORD + "\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for vid in ("op25b", "submission_ok"):
        assert TITLES[vid] not in out
    prose = [line for line in out.splitlines()
             if re.search(r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", line)
             and not line.strip().startswith(("TLSv", "AUTH"))]
    assert prose == [], "English sentences left in the Japanese output"
    assert JAPANESE.search(out)
    assert "localhost" in out


def test_explain_in_japanese(test_ca: TestCA) -> None:
    from op25b_wizard.core import support_code

    code = support_code.encode(support_code.CodeSummary(
        ports={25: ("timeout", "none"), 587: ("auth_ok", "starttls"), 465: ("auth_ok", "tls")},
        op25b=True, recommended_port=465, verdicts=("op25b", "submission_ok")))
    proc = run("explain", code.lower(), "--lang", "ja")
    assert proc.returncode == 0, proc.stderr
    assert JAPANESE.search(proc.stdout)
    for vid in VERDICT_IDS:
        assert TITLES[vid] not in proc.stdout
    bad = run("explain", "ZZZZZ-ZZZZZ", "--lang", "ja")
    assert bad.returncode == 2 and JAPANESE.search(bad.stderr)
    assert len(bad.stderr.strip().splitlines()) == 1


def test_lang_before_the_command_and_argument_errors_in_japanese() -> None:
    proc = run("--lang", "ja", "explain", "C2LCC-AJ2AN")
    assert proc.returncode == 0 and JAPANESE.search(proc.stdout), proc.stderr
    assert TITLES["op25b"] not in proc.stdout
    bad = run("diagnose", "--lang", "ja")
    assert bad.returncode == 2
    [line] = bad.stderr.strip().splitlines()
    assert JAPANESE.search(line) and "--help" in line


def test_file_errors_in_japanese(tmp_path) -> None:
    proc = run("export", "autoconfig", "--email", "taro@example.test", "--host",
               "mail.example.test", "--port", "465", "--security", "tls", "--user", "taro",
               "-o", str(tmp_path / "missing" / "x.xml"), "--lang", "ja")
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert "No such file" not in last and JAPANESE.search(last)


def test_argument_errors_are_japanese_too(capsys) -> None:
    """argparse speaks only English; its usual complaints are shown in the chosen language."""
    import pytest

    from op25b_wizard.cli import main

    cases = [
        (["--lang", "ja", "diagnose"], "次の指定が必要です: TARGET", "required"),
        (["--lang", "ja", "diagnose", "localhost", "--timeout", "x"], "--timeout の値が正しくありません",
         "invalid float"),
        (["--lang", "ja", "export", "vcard", "--email", "a@example.jp"], "FORMAT の値が正しくありません",
         "invalid choice"),
        (["--lang", "ja", "diagnose", "localhost", "--port"], "--port には値を 1 つ指定してください",
         "expected one"),
    ]
    for argv, japanese, english in cases:
        with pytest.raises(SystemExit) as info:
            main(argv)
        err = capsys.readouterr().err
        assert info.value.code == 2 and err.count("\n") == 1
        assert japanese in err and english not in err, err


def _help_texts():
    """Every help text, description and group title of every command."""
    import argparse

    from op25b_wizard.cli import build_parser

    def walk(parser: argparse.ArgumentParser):
        yield parser.description
        for group in parser._action_groups:
            yield group.title
            yield group.description
        for action in parser._actions:
            yield action.help
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    yield choice.help
                for sub in action.choices.values():
                    yield from walk(sub)

    return {t for t in walk(build_parser()) if t and t != argparse.SUPPRESS}


def test_every_help_text_has_japanese() -> None:
    from op25b_wizard import i18n

    texts = _help_texts()
    assert len(texts) > 80
    i18n.set_language("ja")
    try:
        missing = [t for t in texts if i18n.translate("CliHelp", t) == t]
    finally:
        i18n.set_language("en")
    assert not missing, "help texts not marked with QT_TRANSLATE_NOOP('CliHelp', ...) or " \
                        "not translated:\n" + "\n".join(missing)


def test_help_in_japanese_fits_the_terminal() -> None:
    from op25b_wizard.cli.common import columns

    env = {"COLUMNS": "80"}

    for argv in (["--help"], ["diagnose", "--help"], ["export", "--help"], ["password", "set", "--help"]):
        proc = subprocess.run([CLI, "--lang", "ja", *argv], capture_output=True,
                              encoding="utf-8", timeout=60, env={**UTF8, **env})
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("使い方: ")
        assert "show this help message" not in proc.stdout and "options:" not in proc.stdout
        too_wide = [line for line in proc.stdout.splitlines() if columns(line) > 80]
        assert not too_wide, too_wide
    english = subprocess.run([CLI, "--lang", "en", "diagnose", "--help"], capture_output=True,
                             text=True, timeout=60)
    assert english.stdout.startswith("usage: ") and "options:" in english.stdout


def test_japanese_diagnose_table_wraps_an_english_detail_at_words(monkeypatch) -> None:
    """A long English detail in the Japanese table is wrapped at spaces, by display columns:
    no word is cut, no line is wider than the terminal."""
    import dataclasses
    import io

    from op25b_wizard import i18n
    from op25b_wizard.cli.diagnose import print_human
    from op25b_wizard.core.diagnosis import diagnose
    from op25b_wizard.core.text_columns import columns
    from tests.test_diagnosis_rules import relay, report, submission

    detail = ("certificate verify failed: Hostname mismatch, certificate is not valid for "
              "'smtp.example.co.jp' (presented by portal.hotel-network.example.net)")
    r25 = dataclasses.replace(relay("timeout"), error=detail)
    monkeypatch.setenv("COLUMNS", "80")
    buffer = io.StringIO()
    i18n.set_language("ja")
    try:
        print_human(diagnose(report(r25, submission(587), submission(465))), out=buffer)
    finally:
        i18n.set_language("en")
    out = buffer.getvalue()
    assert JAPANESE.search(out)
    table = out.split("\n\n")[0]
    too_wide = [line for line in table.splitlines() if columns(line) > 80]
    assert not too_wide, too_wide
    words = table.split()
    for word in detail.split():
        assert word in words, f"{word!r} was cut:\n{table}"
