"""How an export reaches a file, decided once for the command line and the wizard: the
options each platform needs (where msmtp finds the password), the program msmtp runs to get
it, the file's permissions, and the rendering of every format."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from op25b_wizard.core.exports.options import ExportOptions, MsmtpPassword
from op25b_wizard.core.exports.registry import export
from op25b_wizard.core.exports.settings import ExportSettings
from op25b_wizard.core.i18n import Translate

PRIVATE_FORMATS = frozenset({"msmtp"})
"""Formats written readable by the user only (msmtp refuses a configuration others can read)."""

PdfRenderer = Callable[[ExportSettings, ExportOptions], bytes]


def default_msmtp_password(platform: str | None = None) -> MsmtpPassword:
    """Where msmtp finds the password by default: its own Secret Service item on Linux (where
    msmtp reads libsecret), else a ``passwordeval`` line that asks this program."""
    return "secret-service" if (platform or sys.platform).startswith("linux") else "passwordeval"


@functools.cache
def program_command() -> tuple[str, ...]:
    """How msmtp's ``passwordeval`` can run this program again. Looked up once (it searches
    the PATH, and the wizard makes options on its GUI thread for every export)."""
    if getattr(sys, "frozen", False):  # the bundled app: the executable itself
        return (sys.executable,)
    argv0 = sys.argv[0] if sys.argv else ""
    if Path(argv0).name == "op25b-wizard" and Path(argv0).is_file():
        return (str(Path(argv0).resolve()),)
    found = shutil.which("op25b-wizard")
    if found:
        return (found,)
    return (sys.executable, "-m", "op25b_wizard")


def make_options(*, translate: Translate | None, lang: str,
                 msmtp_password: MsmtpPassword | None = None, platform: str | None = None,
                 thunderbird_server_key: str = "smtp1") -> ExportOptions:
    """The export options for this computer (the msmtp password mode of its platform unless
    one is asked for)."""
    return ExportOptions(translate=translate, lang=lang,
                         msmtp_password=msmtp_password or default_msmtp_password(platform),
                         password_command=program_command(),
                         thunderbird_server_key=thunderbird_server_key)


def render(fmt: str, settings: ExportSettings, options: ExportOptions,
           pdf: Callable[[], PdfRenderer] | None = None) -> str | bytes:
    """The export as text or bytes; *pdf* gives the PDF renderer (it needs Qt, so the caller
    supplies it). Raises ExportError."""
    if fmt == "pdf" and pdf is not None:
        return pdf()(settings, options)
    return export(fmt, settings, options)


def file_mode(fmt: str) -> int:
    return 0o600 if fmt in PRIVATE_FORMATS else 0o644


def write_file(path: str | os.PathLike[str], data: str | bytes, fmt: str) -> None:
    """Write an export with the permissions its format needs (OSError when it cannot)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    mode = file_mode(fmt)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as f:
        f.write(raw)
    if mode == 0o600 and Path(path).is_file():  # a file that existed keeps its mode otherwise
        os.chmod(path, mode)


