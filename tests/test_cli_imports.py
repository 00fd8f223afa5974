"""The command line in English starts without Qt, and imports run one way: the CLI reaches
into the GUI only to open the window (cli/launch.py); the GUI never imports the CLI."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import op25b_wizard

PACKAGE = Path(op25b_wizard.__file__).resolve().parent
QT = ("PySide6", "shiboken6")

_RUN = f"""
import json, sys
QT = {QT!r}
from op25b_wizard.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as e:
    status = e.code
qt = sorted(m for m in sys.modules if m.split('.')[0] in QT)
sys.stderr.write("\\nMODULES " + json.dumps(qt) + "\\n")
"""


def _english_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "QT_QPA_PLATFORM")}
    env["LANG"] = "en_US.UTF-8"
    return env


def _qt_modules(*argv: str, env: dict[str, str] | None = None) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", _RUN, *argv], capture_output=True, text=True,
                          timeout=120, env=env or _english_env(), cwd=PACKAGE.parent)
    line = next(line for line in proc.stderr.splitlines() if line.startswith("MODULES "))
    return json.loads(line.removeprefix("MODULES "))


@pytest.mark.parametrize("argv", [
    ["--version"],
    ["--help"],
    ["diagnose", "--help"],
    ["lookup", "taro@ocn.ne.jp", "--offline"],
    ["explain", "C2C8C-AJ2ZP"],
    ["diagnose", "127.0.0.1", "--port", "1/starttls", "--timeout", "1", "--json"],
    ["export", "json", "--email", "taro@example.co.jp", "--host", "smtp.example.co.jp",
     "--port", "465", "--security", "tls", "--user", "taro@example.co.jp"],
])
def test_english_command_line_imports_no_qt(argv: list[str]) -> None:
    assert _qt_modules(*argv) == []


def test_no_locale_variable_at_all_loads_no_qt_either() -> None:
    env = {k: v for k, v in _english_env().items() if k != "LANG"}
    assert _qt_modules("explain", "C2C8C-AJ2ZP", env=env) == []


def test_another_language_loads_the_catalogue_with_qt() -> None:
    assert "PySide6.QtCore" in _qt_modules("--lang", "ja", "explain", "C2C8C-AJ2ZP")


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module, at top level) for every absolute import in *path*."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found += [(n, id(node) in top) for n in names]
    return found


def test_the_cli_imports_the_gui_only_to_open_the_window() -> None:
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        gui = [(name, top) for name, top in _imports(path)
               if name.startswith("op25b_wizard.gui")]
        if path.name == "launch.py":
            assert gui and not any(top for _name, top in gui), "only inside run()"
        else:
            assert gui == [], f"{path.name} imports the GUI"


def test_the_gui_never_imports_the_cli() -> None:
    for path in sorted((PACKAGE / "gui").glob("*.py")):
        cli = [name for name, _top in _imports(path) if name.startswith("op25b_wizard.cli")]
        assert cli == [], f"gui/{path.name} imports {cli}"
