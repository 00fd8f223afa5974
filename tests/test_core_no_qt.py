"""``op25b_wizard.core`` never imports Qt: checked at run time and in the source."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import op25b_wizard.core

CORE = Path(op25b_wizard.core.__file__).resolve().parent
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "shiboken2", "qtpy")


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages([str(CORE)], "op25b_wizard.core."))


def test_core_has_modules() -> None:
    names = core_modules()
    assert "op25b_wizard.core.probe" in names and "op25b_wizard.core.diagnosis" in names


def test_importing_every_core_module_loads_no_qt() -> None:
    """In a fresh interpreter (this one may have Qt loaded by other tests)."""
    code = (
        "import importlib, json, sys\n"
        f"names = {core_modules()!r}\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})\n"
        "print(json.dumps({'imported': len(names), 'qt': qt}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=CORE.parents[1])
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["imported"] == len(core_modules())
    assert result["qt"] == []


def _imported_roots(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")):
            found.append((node.lineno, node.args[0].value.split(".")[0]))
    return found


def test_no_core_source_file_imports_qt() -> None:
    offenders = []
    files = sorted(CORE.rglob("*.py"))
    assert files
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        offenders += [f"{path.relative_to(CORE.parent)}:{line} imports {root}"
                      for line, root in _imported_roots(tree) if root in QT_PACKAGES]
    assert offenders == []


def test_the_static_check_sees_every_import_form() -> None:
    source = ("import PySide6.QtCore\nfrom shiboken6 import Shiboken\n"
              "def f():\n    import importlib\n    importlib.import_module('PySide6.QtGui')\n"
              "    __import__('PyQt6')\nfrom . import sibling\n")
    roots = [root for _line, root in _imported_roots(ast.parse(source))]
    assert roots == ["PySide6", "shiboken6", "importlib", "PySide6", "PyQt6"]
