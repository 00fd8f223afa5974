"""The wizard from the command line: no command opens it, --self-check, --screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from op25b_wizard import cli
from op25b_wizard.gui.wizard import SetupWizard
from tests.support.platform import (
    NO_DEBIAN_THUNDERBIRD,
    WINDOWS,
    home_env,
    not_on_windows,
    set_home,
)

ROOT = Path(__file__).resolve().parents[1]
PRESET_XML = """<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1"><emailProvider id="corp.example"><domain>corp.example</domain>
<outgoingServer type="smtp"><hostname>smtp.corp.example</hostname><port>587</port>
<socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username>
<authentication>password-cleartext</authentication></outgoingServer></emailProvider></clientConfig>
"""


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if WINDOWS:  # Windows always has a display; the lane's Wine has no screen: offscreen Qt
        base["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "op25b_wizard", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env={**base, **(env or {})})


def test_no_command_opens_the_wizard(qapp, tmp_path, monkeypatch):
    set_home(monkeypatch, tmp_path)
    seen: list[str] = []

    def close_it() -> None:
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()]
        seen.extend(w.windowTitle() for w in wizards)
        for w in wizards:
            w.reject()

    QTimer.singleShot(300, close_it)
    assert cli.main(["--lang", "en"]) == 1  # cancelled
    assert seen == ["Mail setup for travel"]


def test_self_check_without_a_display(thunderbird_home):
    home, _ = thunderbird_home
    out = run_cli("--self-check", "--lang", "en", env=home_env(home))
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(":", 1) for line in out.stdout.splitlines())
    assert lines["Version"].strip().startswith("op25b-wizard ")
    assert "platform offscreen" in lines["Qt"]
    assert lines["Language"].strip().startswith("en")
    assert lines["First page"].strip().startswith("shown in")
    assert "safe" in lines["Keyring"]
    assert "Thunderbird: 1 profile(s), 1 account(s)" in lines["Mail clients"]
    assert lines["Company preset"].strip().startswith("none")
    assert lines["Result"].strip() == "usable"


def test_self_check_names_the_company_preset_and_a_broken_one(qapp, tmp_path, monkeypatch):
    """IT and the helpdesk see whether the preset beside the program will be used."""
    import io

    from op25b_wizard.core.lookup import preset as preset_module
    from op25b_wizard.gui.self_check import self_check

    set_home(monkeypatch, tmp_path)
    good = tmp_path / "good.xml"
    good.write_text(PRESET_XML)
    out = io.StringIO()
    assert self_check(lang="en", out=out, preset=good) == 0
    assert f"Company preset:  {good}, for corp.example (smtp.corp.example:587)" in out.getvalue()
    broken = tmp_path / "op25b-preset.xml"
    broken.write_text("<clientConfig")
    monkeypatch.setattr(preset_module, "preset_folders", lambda directory=None: [tmp_path])
    out = io.StringIO()
    assert self_check(lang="en", out=out) == 0
    assert f"Company preset:  {broken}, NOT usable: " in out.getvalue()
    assert "not valid XML" in out.getvalue()


def test_an_empty_preset_or_screenshots_name_is_refused(tmp_path):
    for option in ("--preset", "--screenshots"):
        out = run_cli(option, "", "--lang", "en", env=home_env(tmp_path))
        assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr
        assert f"{option} needs a" in out.stderr


def test_self_check_in_japanese_loads_qts_own_catalogue(tmp_path):
    out = run_cli("--self-check", "--lang", "ja", env=home_env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "qtbase_ja.qm" in out.stdout


def test_screenshots_every_page_in_both_languages_and_at_200_percent(tmp_path):
    for lang, scale in (("en", "1"), ("ja", "2")):
        out_dir = tmp_path / lang
        out = run_cli("--screenshots", str(out_dir), "--lang", lang,
                      env={**home_env(tmp_path), "QT_SCALE_FACTOR": scale})
        assert out.returncode == 0, out.stderr
        files = sorted(out_dir.glob("*.png"))
        assert [f.name[:2] for f in files] == ["01", "02", "03", "04", "05", "06", "07", "no"]
        assert files[-1].name == "nothing-works-07-ready.png"
        for f in files:
            image = QImage(str(f))
            assert not image.isNull()
            assert image.width() >= 780 * int(scale) and image.height() >= 620 * int(scale)


def test_bad_option_is_one_line(tmp_path):
    out = run_cli("--lang", "fr")
    assert out.returncode == 2
    assert "invalid choice" in out.stderr and "Traceback" not in out.stderr


@not_on_windows(NO_DEBIAN_THUNDERBIRD)
def test_self_check_tells_thunderbird_installed_without_a_profile_from_not_found(tmp_path):
    """Thunderbird installed (Debian's package is) but never started: no profile yet, which
    is not "not found"; without it on the PATH (nor in a usual place) it is not found."""
    import shutil

    home = tmp_path / "home"
    home.mkdir()
    found = shutil.which("thunderbird")
    assert found, "the thunderbird package is installed by .ci/setup"
    with_tb = run_cli("--self-check", "--lang", "en",
                      env={"HOME": str(home), "PATH": str(Path(found).parent)})
    assert with_tb.returncode == 0, with_tb.stderr
    assert "Thunderbird: installed, no profile yet" in with_tb.stdout
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    without = run_cli("--self-check", "--lang", "en", env={"HOME": str(home), "PATH": str(empty_bin)})
    assert without.returncode == 0, without.stderr
    assert "Thunderbird: not found" in without.stdout
