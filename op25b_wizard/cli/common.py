"""What every CLI command shares: one-line errors, language, reading secrets from stdin."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from op25b_wizard import i18n
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP
from op25b_wizard.core.text_columns import columns, wrap_columns

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A plain-words error for the user: printed on one line, never as a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(message: str, exit_code: int = EXIT_USAGE) -> int:
    prefix = i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "op25b-wizard: error:"))
    print(f"{prefix} {message}", file=sys.stderr)
    return exit_code


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=i18n.LANGUAGES, default=None,
        help=QT_TRANSLATE_NOOP("CliHelp", "language of the output (default: from the system locale)"),
    )


def apply_lang(args: argparse.Namespace) -> str:
    return i18n.set_language(getattr(args, "lang", None))


STDIN_ENCODING = "utf-8"
"""A password on standard input is UTF-8 on every system, whatever the console's code page
(cp932 on Japanese Windows, cp1252, ...): ``password get`` writes UTF-8 too, so what goes in
comes out byte for byte. A UTF-8 byte order mark in front (Notepad, PowerShell) is dropped."""


def _not_text() -> CliError:
    return CliError(i18n.tr("Cli", QT_TRANSLATE_NOOP(
        "Cli", "the password read from standard input is not valid {encoding} text"),
        encoding="UTF-8"))


def _read_stdin_line() -> str:
    """One line of standard input, decoded strictly as UTF-8 (see :data:`STDIN_ENCODING`).

    Python reads a pipe in the console's code page (Windows) or with ``surrogateescape``
    (C locale); so the bytes are read and decoded here."""
    raw_stream = getattr(sys.stdin, "buffer", None)
    if raw_stream is None:  # a text stream only (e.g. replaced by a caller)
        return sys.stdin.readline()
    raw = raw_stream.readline()
    try:
        return raw.decode(STDIN_ENCODING).removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise _not_text() from None


def read_password_stdin() -> str:
    """Read a password from standard input (first line, newline stripped).

    Input that is not UTF-8 text is refused with a :class:`CliError`."""
    if sys.stdin is None:
        raise CliError(i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "no standard input to read the password from")))
    if sys.stdin.isatty():
        import getpass

        line = getpass.getpass(i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "Password: ")))
    else:
        line = _read_stdin_line()
    password = line.rstrip("\r\n")
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise _not_text() from None
    if not password:
        raise CliError(i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "the password read from standard input is empty")))
    return password


ESCAPE_ERRORS = "op25b-escape"
"""Codec error handler: a character the console cannot encode is written as ``\\uXXXX``
(a surrogate pair beyond the BMP), which stays valid inside a JSON string."""


def _escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start:error.end]:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


_FAILING_ERRORS = ("strict", "surrogateescape")


def guard_output_encoding(*streams: object) -> None:
    """Make output streams (default: stdout and stderr) never fail on a character their
    encoding cannot hold, such as a cp932 pipe on Japanese Windows, a cp1252 one or ASCII: the
    character is escaped instead. Python starts streams with ``strict`` or (Windows, C locale)
    ``surrogateescape``, which both fail on such a character; streams whose error handling was
    chosen otherwise (``PYTHONIOENCODING=...:replace``, stderr's ``backslashreplace``) stay as
    they are."""
    import codecs

    try:
        codecs.lookup_error(ESCAPE_ERRORS)
    except LookupError:
        codecs.register_error(ESCAPE_ERRORS, _escape)
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or getattr(stream, "errors", None) not in _FAILING_ERRORS:
            continue
        with contextlib.suppress(ValueError, OSError, AttributeError):  # cannot change: leave it
            reconfigure(errors=ESCAPE_ERRORS)


def check_cafile(path: str) -> None:
    """Refuse (CliError) a CA file that is missing or holds no certificate."""
    from op25b_wizard.core.tls import CaFileError, make_context

    if not os.path.isfile(path):
        raise CliError(i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "cannot read the CA file {path}"),
                               path=path))
    try:
        make_context(path)
    except CaFileError:
        raise CliError(i18n.tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "the CA file {path} holds no usable certificate"), path=path)) from None


def preset_path(value: str | None) -> Path | None:
    """The ``--preset FILE`` given, checked: an empty name or a file that is not there is
    refused (CliError) rather than ignored."""
    if value is None:
        return None
    if not value.strip():
        raise CliError(i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "--preset needs a file name")))
    path = Path(value)
    if not path.is_file():
        raise CliError(i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "cannot read the preset file {path}"),
                               path=value))
    return path


def table(rows: list[list[str]], *, wrap_last: int | None = None) -> list[str]:
    """Rows as lines with aligned columns, Japanese text included. With *wrap_last* (a total
    width in columns), the last column is wrapped at whole words to fit, continuing on lines
    of its own below its row; when the other columns leave it less than 24 columns (or less
    than its longest word), it is written wholly below its row, indented."""
    widths = [max(columns(r[i]) for r in rows) for i in range(len(rows[0]))]
    if wrap_last is not None:  # the last column's width is what its wrapped lines take
        widths[-1] = 0
    lead = sum(w + 2 for w in widths[:-1])
    lines: list[str] = []
    for r in rows:
        cells = list(r)
        below: list[str] = []
        if wrap_last is not None and cells[-1]:
            room = wrap_last - lead
            if room >= 24 and max(columns(w) for w in cells[-1].split()) <= room:
                first, *rest = wrap_columns(cells[-1], wrap_last - lead)
                cells[-1] = first
                below = [" " * lead + t for t in rest]
            else:
                below = ["    " + t for t in wrap_columns(cells[-1], max(24, wrap_last - 4))]
                cells[-1] = ""
        lines.append("  ".join(c + " " * (w - columns(c))
                               for c, w in zip(cells, widths, strict=True)).rstrip())
        lines.extend(below)
    return lines
