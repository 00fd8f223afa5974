"""The wizard and the command line write the same files: for the same address, server, port,
security, user name and diagnosis, every export format the wizard saves is byte for byte what
``op25b-wizard export`` writes, the PDF sheet included. Both run with ``SOURCE_DATE_EPOCH``
so that the time written, the Apple profile's UUIDs and the PDF's dates agree."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from op25b_wizard.core.exports.registry import FORMATS
from op25b_wizard.core.model import PortSpec
from op25b_wizard.core.wizard_state import PageId, Preset
from op25b_wizard.gui import workers
from tests.conftest import ENGINE_PASSWORD, GUI_EMAIL
from tests.support.platform import CLI, POSIX
from tests.support.servers import smtp_server
from tests.test_gui_flow import WAIT_MS, preset_for, press_next, services_for, to_signin

EPOCH = "1767225600"  # 2026-01-01


@pytest.fixture
def reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def wizard_exports(qtbot, wizard, folder: Path) -> dict[str, Path]:
    """Every export format saved from the apply page, as the user saves one."""
    folder.mkdir()
    wizard.ctx.save_path_hook = lambda _parent, _title, name, _filter: str(folder / name)
    page = wizard.page_of(PageId.APPLY)
    saved = {}
    for fmt in FORMATS:
        page._export_status = None
        page.export(fmt)
        qtbot.waitUntil(lambda: page._export_status is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not workers.running(), timeout=WAIT_MS)
        assert page._export_status[0] == "ok", page.export_status.text()
        saved[fmt] = Path(page._export_status[2])
    return saved


def cli_exports(folder: Path, diagnosis: dict, args: list[str], lang: str) -> dict[str, Path]:
    folder.mkdir()
    diagnosis_file = folder / "diagnosis.json"
    diagnosis_file.write_text(json.dumps(diagnosis, ensure_ascii=False), encoding="utf-8")
    written = {}
    for fmt in FORMATS:
        out = folder / f"cli.{fmt}"
        proc = subprocess.run([CLI, "export", fmt, *args, "--diagnosis", str(diagnosis_file),
                               "--lang", lang, "-o", str(out)], capture_output=True, text=True,
                              timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH,
                                                "QT_QPA_PLATFORM": "offscreen"})
        assert proc.returncode == 0, proc.stderr
        written[fmt] = out
    return written


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def assert_same(wizard_files: dict[str, Path], cli_files: dict[str, Path]) -> None:
    assert set(wizard_files) == set(cli_files) == set(FORMATS)
    for fmt in FORMATS:
        ours, theirs = wizard_files[fmt], cli_files[fmt]
        assert ours.read_bytes() == theirs.read_bytes(), fmt
        if POSIX:  # Windows files have no permission bits
            assert stat.S_IMODE(ours.stat().st_mode) == stat.S_IMODE(theirs.stat().st_mode), fmt
        assert ENGINE_PASSWORD.encode() not in ours.read_bytes()
    if POSIX:  # Windows: no pdftotext (Debian's poppler-utils) to read the sheet back
        assert pdf_text(wizard_files["pdf"]).strip()
    assert not POSIX or stat.S_IMODE(wizard_files["msmtp"].stat().st_mode) == 0o600


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_typed_address_exports_the_same_files_as_the_command_line(
        make_wizard, qtbot, tmp_path, mail_servers, test_ca, reproducible, lang):
    home = tmp_path / "empty-home"
    home.mkdir()
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca, email=GUI_EMAIL),
                         services=services_for(home), lang=lang)
    to_signin(qtbot, wizard)
    signin = wizard.page_of(PageId.SIGNIN)
    qtbot.keyClicks(signin.password_edit, ENGINE_PASSWORD)
    qtbot.mouseClick(signin.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.state.login_verified is not None, timeout=WAIT_MS)
    press_next(qtbot, wizard, PageId.APPLY)
    state = wizard.state
    assert (state.choice.port, state.choice.security) == (mail_servers.tls.port, "tls")
    ours = wizard_exports(qtbot, wizard, tmp_path / "wizard")
    theirs = cli_exports(tmp_path / "cli", state.diagnosis.to_json(),
                         ["--email", GUI_EMAIL, "--host", "localhost",
                          "--port", str(mail_servers.tls.port), "--security", "tls",
                          "--user", GUI_EMAIL], lang)
    assert_same(ours, theirs)


def test_a_consented_unencrypted_route_exports_the_same_files_as_the_command_line(
        make_wizard, qtbot, tmp_path, test_ca, reproducible):
    """The wizard's exports after the user accepted an unencrypted route (they all failed
    with "...one of: tls, starttls" before): written, and the same as the command line's."""
    home = tmp_path / "empty-home"
    home.mkdir()
    with smtp_server(test_ca, "plain") as plain:
        preset = Preset(host="127.0.0.1", ports=[PortSpec(plain.port, "starttls")],
                        cafile=str(test_ca.cafile), timeout=2.0, email=GUI_EMAIL)
        wizard = make_wizard(preset=preset, services=services_for(home))
        to_signin(qtbot, wizard)
        page = wizard.page_of(PageId.SIGNIN)
        qtbot.keyClicks(page.password_edit, ENGINE_PASSWORD)
        qtbot.mouseClick(page.risk_box, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.state.login_verified is not None, timeout=WAIT_MS)
        press_next(qtbot, wizard, PageId.APPLY)
        ours = wizard_exports(qtbot, wizard, tmp_path / "wizard")
        diagnosis = wizard.state.diagnosis.to_json()
    theirs = cli_exports(tmp_path / "cli", diagnosis,
                         ["--email", GUI_EMAIL, "--host", "127.0.0.1", "--port", str(plain.port),
                          "--security", "none", "--allow-plaintext", "--user", GUI_EMAIL], "en")
    assert_same(ours, theirs)
    if POSIX:  # Windows: no pdftotext
        assert "is not encrypted" in " ".join(pdf_text(ours["pdf"]).split())
    assert "tls off" in ours["msmtp"].read_text(encoding="utf-8").splitlines()


def test_an_account_from_thunderbird_exports_the_same_files_as_the_command_line(
        make_wizard, qtbot, tmp_path, thunderbird_home, mail_servers, test_ca, reproducible):
    """With the mail program's old settings (the sheet's "before" column) and its display
    name, given to the command line as --from-* and --name."""
    home, _profile = thunderbird_home
    wizard = make_wizard(preset=preset_for(mail_servers, test_ca), services=services_for(home))
    to_signin(qtbot, wizard)
    wizard.page_of(PageId.SIGNIN).auth_box.setChecked(False)  # no password: nothing to test
    press_next(qtbot, wizard, PageId.APPLY)
    state = wizard.state
    ours = wizard_exports(qtbot, wizard, tmp_path / "wizard")
    before = state.current
    args = ["--email", state.email, "--host", state.host, "--port", str(state.choice.port),
            "--security", state.choice.security, "--user", state.email,
            "--from-host", before.host, "--from-port", str(before.port),
            "--from-security", before.security, "--from-auth", before.auth]
    if state.account.display_name:
        args += ["--name", state.account.display_name]
    theirs = cli_exports(tmp_path / "cli", state.diagnosis.to_json(), args, "en")
    assert_same(ours, theirs)
    assert not POSIX or "25" in pdf_text(ours["pdf"])  # Windows: no pdftotext
