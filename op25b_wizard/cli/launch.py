"""The wizard's top-level command-line options; the only place the command line reaches into
the GUI (no Qt imported until the window, the self-check or the screenshots are asked for).

``op25b-wizard`` alone opens the wizard; ``--lang ja|en``, ``--helpdesk``, ``--preset FILE``,
``--screenshots DIR`` and ``--self-check`` change how.
"""

from __future__ import annotations

import argparse

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP

LANGUAGES = ("ja", "en")


def add_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(QT_TRANSLATE_NOOP("CliHelp", "the wizard (without a command)"))
    g.add_argument("--lang", dest="gui_lang", choices=LANGUAGES, default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "language of the wizard (default: from the system locale)"))
    g.add_argument("--helpdesk", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "show page numbers and the support code on every page"))
    g.add_argument("--preset", dest="gui_preset", metavar="FILE", default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "a company preset (autoconfig XML): the outgoing server for the "
                        "addresses of the domains it lists; by default op25b-preset.xml beside "
                        "the program is used when it is there"))
    g.add_argument("--screenshots", metavar="DIR", default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "render every page of a sample run to numbered PNG files in DIR, then exit"))
    g.add_argument("--self-check", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "build the first page, print version, Qt, language, keyring and mail "
                        "clients found; exit 0 when the app is usable"))


def wizard_args(argv: list[str]) -> argparse.Namespace | None:
    """*argv* parsed when it holds only the wizard's own options (no command, no --help);
    None otherwise. Lets ``op25b-wizard`` open the wizard without loading every command."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    parser = argparse.ArgumentParser(prog="op25b-wizard", add_help=False, exit_on_error=False,
                                     allow_abbrev=False)
    add_options(parser)
    try:
        args, extra = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if extra else args


def screenshot_dir_problem(directory: str, lang: str | None) -> str | None:
    """Why *directory* cannot take the screenshots (in plain words), or None. Only the last
    folder is created: a mistyped parent is not silently made."""
    from pathlib import Path

    from op25b_wizard import i18n
    from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, os_reason

    i18n.set_language(lang)
    out = Path(directory)
    if out.exists() and not out.is_dir():
        return i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "{path} is a file, not a folder"),
                       path=str(out))
    if not out.exists():
        parent = out.resolve().parent
        if not parent.is_dir():
            return i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "the folder {path} does not exist"),
                           path=str(parent))
        try:
            out.mkdir()
        except OSError as e:
            return i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "cannot create the folder {path}: {reason}"),
                           path=str(out), reason=os_reason(e))
    return None


def preset_problem(path: str, lang: str | None) -> str | None:
    """Why the company preset at *path* cannot be used (in plain words), or None: refused as
    every command's ``--preset`` is (:func:`~op25b_wizard.cli.common.preset_path`), then read."""
    from op25b_wizard import i18n
    from op25b_wizard.cli.common import CliError, preset_path
    from op25b_wizard.core.lookup.autoconfig import AutoconfigError
    from op25b_wizard.core.lookup.preset import load_preset

    i18n.set_language(lang)
    try:
        checked = preset_path(path)
        if checked is not None:
            load_preset(checked)
    except CliError as e:
        return str(e)
    except AutoconfigError as e:
        return i18n.render(e.message)
    return None


def run(args: argparse.Namespace) -> int:
    """Do what the options ask: self-check, screenshots, or open the wizard."""
    from op25b_wizard.cli.common import fail

    lang = getattr(args, "gui_lang", None)
    if getattr(args, "screenshots", None) == "":
        from op25b_wizard import i18n
        from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP

        i18n.set_language(lang)
        return fail(i18n.tr("Cli", QT_TRANSLATE_NOOP("Cli", "--screenshots needs a folder name")))
    preset_file = getattr(args, "gui_preset", None)
    if preset_file is not None:
        problem = preset_problem(preset_file, lang)
        if problem:
            return fail(problem)
    if getattr(args, "self_check", False):
        from pathlib import Path

        from op25b_wizard.gui.self_check import self_check

        return self_check(lang=lang, preset=Path(preset_file) if preset_file else None)
    if getattr(args, "screenshots", None):
        from op25b_wizard import i18n
        from op25b_wizard.gui.screenshots import write_screenshots

        problem = screenshot_dir_problem(args.screenshots, lang)
        if problem:
            return fail(problem)
        try:
            write_screenshots(args.screenshots, lang=lang or "en", helpdesk=args.helpdesk)
        except OSError as e:
            return fail(i18n.error_text(e), 1)
        return 0
    from op25b_wizard.gui.app import run_wizard
    from op25b_wizard.gui.services import Services

    services = None
    if preset_file is not None:
        from pathlib import Path

        from op25b_wizard.core.lookup import LookupConfig

        services = Services(lookup_config=LookupConfig(preset=Path(preset_file)))
    return run_wizard(lang=lang, helpdesk=getattr(args, "helpdesk", False), services=services)
