"""Commands printed for pasting: quoted so that the user's shell reads back exactly the words."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from op25b_wizard.core.command_line import command_line, quote_word
from tests.support.platform import not_on_windows, set_home

NO_SH = "the words are read back by sh, the POSIX shell"
HOSTILE = ["$(touch {pwned})", "`touch {pwned}`", "a b", "it's", 'say "hi"', "; touch {pwned}",
           "$HOME", "*", "~", "100%", "!!", "&|<>^()"]


def words_read_by_sh(line: str) -> list[str]:
    """What a POSIX shell passes to the command when *line* is pasted."""
    assert line.startswith("op25b-wizard ")
    script = ('show() { for w in "$@"; do printf "%s\\0" "$w"; done; }\n'
              + "show " + line.removeprefix("op25b-wizard "))
    out = subprocess.run(["sh", "-c", script], capture_output=True, check=True, timeout=10).stdout
    return out.decode().split("\0")[:-1]


@not_on_windows(NO_SH)
@pytest.mark.parametrize("word", HOSTILE)
def test_posix_quoting_gives_the_shell_back_the_same_word(tmp_path, word):
    pwned = tmp_path / "pwned"
    word = word.format(pwned=pwned)
    line = command_line(["op25b-wizard", "undo", "thunderbird", "--profile", word], windows=False)
    assert line is not None
    assert words_read_by_sh(line) == ["undo", "thunderbird", "--profile", word]
    assert not pwned.exists()


@pytest.mark.parametrize("word, quoted", [
    (r"C:\Users\taro\AppData\Roaming\Thunderbird\Profiles\x.default", None),
    (r"C:\Users\山田 太郎\Profiles\x.default", '"C:\\Users\\山田 太郎\\Profiles\\x.default"'),
    ("it's & (ok)", "\"it's & (ok)\""),
])
def test_windows_quoting_uses_double_quotes_only_where_needed(word, quoted):
    assert quote_word(word, windows=True) == (quoted or word)


@pytest.mark.parametrize("word", ["$(calc)", "a`b", "%APPDATA%", 'say "hi"', "wow!"])
def test_windows_refuses_what_cmd_or_powershell_would_expand(word):
    assert quote_word(word, windows=True) is None
    assert command_line(["op25b-wizard", "undo", word], windows=True) is None


@pytest.mark.parametrize("windows", [False, True])
@pytest.mark.parametrize("word", ["a\nb", "a\rb", "a\x1b[2Jb", "a\u202eb", "a\u2028b"])
def test_control_characters_are_never_written_into_a_command(word, windows):
    assert quote_word(word, windows=windows) is None


FIXTURES = Path(__file__).parent / "fixtures" / "clients"


@not_on_windows(NO_SH)
def test_the_printed_undo_command_runs_nothing_when_pasted(tmp_path, monkeypatch, capsys):
    pwned = tmp_path / "pwned"
    home = tmp_path / "home"
    profile = tmp_path / f"it's $(touch {pwned}) `touch {pwned}`"
    shutil.copytree(FIXTURES / "thunderbird" / "Profiles" / "k3x9a2b1.default-esr", profile)
    set_home(monkeypatch, home)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["apply", "thunderbird", "--profile", str(profile), "--email",
                 "taro@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
                 "--security", "starttls", "--user", "taro@example.co.jp", "--lang", "en"]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("To undo: ")]
    assert words_read_by_sh(line.removeprefix("To undo: ")) == [
        "undo", "thunderbird", "--profile", str(profile)]
    assert not pwned.exists()


# -- Windows: the line is pasted into cmd.exe ------------------------------------------------

ONLY_WINDOWS = pytest.mark.skipif(sys.platform != "win32",
                                  reason="only on Windows: cmd.exe reads the line back")
TO_587 = ["--email", "taro@example.co.jp", "--host", "smtp.example.co.jp", "--port", "587",
          "--security", "starttls", "--user", "taro@example.co.jp", "--lang", "en"]


def words_read_by_cmd(line: str, cwd: Path) -> list[str]:
    """What a program started from cmd.exe (Windows' own shell) receives when *line* is
    pasted there, run in *cwd*."""
    assert line.startswith("op25b-wizard ")
    show = cwd / "show_words.py"
    show.write_text("import sys\nsys.stdout.buffer.write('\\0'.join(sys.argv[1:]).encode())\n")
    out = subprocess.run(f'"{sys.executable}" "{show}" ' + line.removeprefix("op25b-wizard "),
                         shell=True, capture_output=True, check=True, timeout=30, cwd=cwd).stdout
    return out.decode().split("\0")


@ONLY_WINDOWS
@pytest.mark.parametrize("word", [*HOSTILE, "echo x> {pwned}", "山田 太郎 & (ok)"])
def test_windows_quoting_gives_cmd_back_the_same_word_or_no_command(tmp_path, word):
    word = word.format(pwned="pwned")
    line = command_line(["op25b-wizard", "undo", "thunderbird", "--profile", word], windows=True)
    if line is None:  # refused: something inside would be expanded by cmd or PowerShell
        assert set(word) & set('"%$`!')
        return
    assert words_read_by_cmd(line, tmp_path) == ["undo", "thunderbird", "--profile", word]
    assert not (tmp_path / "pwned").exists()


@ONLY_WINDOWS
def test_the_printed_undo_command_runs_nothing_when_pasted_into_cmd(tmp_path, monkeypatch,
                                                                     capsys):
    # a name at which cmd.exe would start a second command if it were not quoted (short: the
    # profile's path stays within Windows' usual 260 characters)
    profile = tmp_path / "it's & copy nul pwned & (1)"
    shutil.copytree(FIXTURES / "thunderbird" / "Profiles" / "k3x9a2b1.default-esr", profile)
    set_home(monkeypatch, tmp_path / "home")
    assert main(["apply", "thunderbird", "--profile", str(profile), *TO_587]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("To undo: ")]
    assert words_read_by_cmd(line.removeprefix("To undo: "), tmp_path) == [
        "undo", "thunderbird", "--profile", str(profile)]
    assert not (tmp_path / "pwned").exists()


@ONLY_WINDOWS
def test_a_profile_name_windows_shells_would_expand_is_not_written_into_a_command(
        tmp_path, monkeypatch, capsys):
    profile = tmp_path / "$(calc) `calc`"
    shutil.copytree(FIXTURES / "thunderbird" / "Profiles" / "k3x9a2b1.default-esr", profile)
    set_home(monkeypatch, tmp_path / "home")
    assert main(["apply", "thunderbird", "--profile", str(profile), *TO_587]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("To undo: ")]
    assert line == ("To undo: run op25b-wizard undo thunderbird with --profile and the profile "
                    "folder shown above (its name has characters that a command line would "
                    "misread, so it is not written out here).")
