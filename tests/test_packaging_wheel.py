"""A plain wheel (``pip install op25b-wizard`` or ``pipx install``) is a complete app: the
provider data, the Japanese catalogue and the icons come with it, and the installed wizard
starts from a virtual environment that has no checkout beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.support.platform import WINDOWS, base_env, home_env

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "op25b_wizard", "resources", "docs")

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (the checkout gets no build/ folder)."""
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        p = ROOT / name
        if p.is_dir():
            shutil.copytree(p, src / name, ignore=ignore)
        else:
            shutil.copy2(p, src / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(out), str(src)],
                   check=True, timeout=300, capture_output=True)
    [whl] = out.glob("op25b_wizard-*.whl")
    return whl


def test_the_wheel_carries_data_catalogue_and_icons(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "op25b_wizard/data/providers.json" in names
    assert "op25b_wizard/i18n/op25b_wizard_ja.qm" in names
    data = next(n.split("/data/", 1)[0] for n in names if ".data/data/" in n) + "/data/"
    icons = {n[len(data):] for n in names if n.startswith(data)}
    expected = {f"share/op25b-wizard/icons/{p.name}" for p in (ROOT / "resources/icons").glob("*.svg")}
    expected.add("share/op25b-wizard/icons/app/op25b-wizard.svg")
    # the guide Help > User guide opens, with its screenshots
    expected |= {f"share/op25b-wizard/docs/{p.relative_to(ROOT / 'docs').as_posix()}"
                 for p in [*(ROOT / "docs").glob("guide-*.md"),
                           *(ROOT / "docs/screenshots").glob("*/*.png")]}
    assert icons == expected
    assert not any(n.startswith(("tests/", "resources/", "docs/")) for n in names)


def test_the_installed_wheel_starts_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    scripts = venv / ("Scripts" if WINDOWS else "bin")
    python = scripts / ("python.exe" if WINDOWS else "python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, timeout=300)
    home = tmp_path / "home"
    home.mkdir()
    base = base_env()
    env = {
        **base,
        "PATH": os.pathsep.join([str(scripts), base["PATH"]]),
        **home_env(home),
        # the dependencies (Qt and the rest) from this environment; op25b_wizard itself only
        # from the wheel: an editable install is found through a .pth file, which is not read
        # from PYTHONPATH
        "PYTHONPATH": sysconfig.get_path("purelib"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }
    if "DBUS_SESSION_BUS_ADDRESS" in os.environ:
        env["DBUS_SESSION_BUS_ADDRESS"] = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    where = subprocess.run(
        [str(python), "-c", "import op25b_wizard.gui.icons as i; print(i.__file__); print(i.ICON_DIR); "
         "import op25b_wizard.gui.guide as g; print(g.guide_file('ja'))"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=True)
    module, icon_dir, guide = where.stdout.split()
    assert Path(module).is_relative_to(venv), "op25b_wizard came from the checkout, not the wheel"
    assert Path(icon_dir) == venv / "share" / "op25b-wizard" / "icons"
    assert Path(guide) == venv / "share" / "op25b-wizard" / "docs" / "guide-ja.md"
    assert (Path(guide).parent / "screenshots" / "ja" / "01-welcome.png").is_file()
    run = subprocess.run([str(scripts / ("op25b-wizard.exe" if WINDOWS else "op25b-wizard")),
                          "--self-check"], env=env,
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "usable" in run.stdout and "Traceback" not in run.stderr
