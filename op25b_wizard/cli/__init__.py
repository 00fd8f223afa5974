"""The command line: ``op25b-wizard COMMAND ...`` for the helpdesk; no command opens the wizard.

Each command lives in its own module with ``register(subparsers)``; the module sets
``func`` on its parser, which returns the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import typing
from collections.abc import Sequence

from op25b_wizard import __version__, i18n
from op25b_wizard.cli import launch
from op25b_wizard.cli.common import CliError, columns, fail, guard_output_encoding
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP
from op25b_wizard.core.text_columns import wrap_columns

COMMAND_MODULES: tuple[str, ...] = (
    "op25b_wizard.cli.diagnose",
    "op25b_wizard.cli.lookup",
    "op25b_wizard.cli.export",
    "op25b_wizard.cli.password",
    "op25b_wizard.cli.clients",
)


_ECHOED_VALUE = (
    # argparse's own messages quote what was typed; a mistyped option's value may be a password
    (re.compile(r"invalid choice: .*? \(choose from "), "invalid choice (choose from "),
    (re.compile(r"invalid (\S+) value: .*$"), r"invalid \1 value"),
)
_IGNORED_VALUE = re.compile(r"^argument (\S+): ignored explicit argument .*$")
_ARGPARSE_MESSAGES = (
    # argparse's own wording (kept in English), so that its errors can be shown translated
    (re.compile(r"^the following arguments are required: (?P<names>.+)$"),
     QT_TRANSLATE_NOOP("Cli", "the following arguments are required: {names}")),
    (re.compile(r"^one of the arguments (?P<names>.+) is required$"),
     QT_TRANSLATE_NOOP("Cli", "one of the arguments {names} is required")),
    (re.compile(r"^argument (?P<option>\S+): expected one argument$"),
     QT_TRANSLATE_NOOP("Cli", "argument {option}: expected one argument")),
    (re.compile(r"^argument (?P<option>\S+): expected at least one argument$"),
     QT_TRANSLATE_NOOP("Cli", "argument {option}: expected at least one argument")),
    (re.compile(r"^argument (?P<option>\S+): invalid choice \(choose from (?P<choices>.+)\)$"),
     QT_TRANSLATE_NOOP("Cli", "argument {option}: invalid choice (choose from {choices})")),
    (re.compile(r"^argument (?P<option>\S+): invalid (?P<type>\S+) value$"),
     QT_TRANSLATE_NOOP("Cli", "argument {option}: invalid {type} value")),
    (re.compile(r"^argument (?P<option>\S+): not allowed with argument (?P<other>\S+)$"),
     QT_TRANSLATE_NOOP("Cli", "argument {option}: not allowed with argument {other}")),
)


def _translated(message: str) -> str:
    """argparse's message in the chosen language (argparse itself only speaks English)."""
    for pattern, source in _ARGPARSE_MESSAGES:
        m = pattern.match(message)
        if m:
            return i18n.tr("Cli", source, **m.groupdict())
    return message


def _positions(argv: Sequence[str], words: Sequence[str]) -> list[int]:
    """Where in *argv* (counted from 1) each of *words* stands."""
    used: set[int] = set()
    found = []
    for word in words:
        i = next((i for i, a in enumerate(argv) if a == word and i not in used), None)
        if i is not None:
            used.add(i)
            found.append(i + 1)
    return sorted(found)


_ARGPARSE_TEXTS = (
    # argparse's own words in --help, so that they are translated with ours
    QT_TRANSLATE_NOOP("CliHelp", "usage: "),
    QT_TRANSLATE_NOOP("CliHelp", "positional arguments"),
    QT_TRANSLATE_NOOP("CliHelp", "options"),
    QT_TRANSLATE_NOOP("CliHelp", "show this help message and exit"),
    QT_TRANSLATE_NOOP("CliHelp", "show program's version number and exit"),
)


def _help_text(text: str | None) -> str | None:
    return i18n.translate("CliHelp", text) if text else text


class _HelpFormatter(argparse.HelpFormatter):
    """``--help`` in the chosen language: every help text, description and heading is marked
    with QT_TRANSLATE_NOOP("CliHelp", ...) where it is written and translated here."""

    def _expand_help(self, action: argparse.Action) -> str:
        import copy

        translated = copy.copy(action)
        translated.help = _help_text(action.help)
        return super()._expand_help(translated)

    def add_text(self, text: str | None) -> None:
        super().add_text(_help_text(text))

    def start_section(self, heading: str | None) -> None:
        super().start_section(_help_text(heading))

    def _split_lines(self, text: str, width: int) -> list[str]:
        if i18n.language() == "ja":  # few spaces and double-width characters: wrap by columns
            return wrap_columns(" ".join(text.split()), width)
        return super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if i18n.language() == "ja":
            return "\n".join(indent + line for line in
                             wrap_columns(" ".join(text.split()), width - len(indent)))
        return super()._fill_text(text, width, indent)

    def _format_usage(self, usage: typing.Any, actions: typing.Any, groups: typing.Any,
                      prefix: str | None) -> str:
        # argparse measures the prefix in characters; "使い方: " is wider on screen
        extra = columns(prefix or "") - len(prefix or "")
        self._width -= extra
        try:
            return super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += extra

    def add_usage(self, usage: str | None, actions: typing.Any, groups: typing.Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None
                          else _help_text("usage: "))


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (the usage block is what ``--help`` is for) that never
    repeat what was typed, and without abbreviated options (``--password`` is not taken for
    ``--password-stdin``, leaving the password as a stray word)."""

    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        argv = list(sys.argv[1:] if args is None else args)
        parsed, extras = self.parse_known_args(argv, namespace)
        if extras:
            # only their places: a stray word is often a password typed after a wrong option
            self.error(i18n.tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "not understood: position {positions} of the command line (the words "
                "are not repeated here, as one could be a password)"),
                positions=", ".join(map(str, _positions(argv, extras))) or "?"))
        return parsed

    def error(self, message: str) -> typing.NoReturn:
        ignored = _IGNORED_VALUE.match(message)
        if ignored:
            message = i18n.tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "{option} takes no value (what followed '=' is not repeated here)"),
                option=ignored.group(1))
        for pattern, replacement in _ECHOED_VALUE:
            message = pattern.sub(replacement, message)
        message = _translated(message)
        fail(i18n.tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "the command line is not right: {detail} (see: {prog} --help)"),
            detail=message, prog=self.prog))
        raise SystemExit(2)


def _lang_in(argv: Sequence[str]) -> str | None:
    """The ``--lang`` value wherever it stands, so even argument errors speak it."""
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="op25b-wizard",
        description=QT_TRANSLATE_NOOP("CliHelp", "Gets your mail sending again when a network blocks port 25. "
        "Without a command, opens the setup wizard."),
    )
    parser.add_argument("--version", action="version", version=f"op25b-wizard {__version__}")
    launch.add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    guard_output_encoding()  # a console that cannot show a character must not crash a run
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # answered before any command module is loaded
        print(f"op25b-wizard {__version__}")
        return 0
    wizard = launch.wizard_args(argv)
    if wizard is not None:  # no command: open the wizard without loading the commands
        return launch.run(wizard)
    i18n.set_language(_lang_in(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "lang", None) is None and getattr(args, "gui_lang", None):
        args.lang = args.gui_lang  # op25b-wizard --lang ja COMMAND ...
    try:
        if not getattr(args, "command", None):
            return launch.run(args)
        return int(args.func(args) or 0)
    except CliError as e:
        return fail(str(e), e.exit_code)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head: the reader has gone, nothing to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
