"""``op25b-wizard export`` and ``password`` from the command line: every format, the diagnosis as
input, one-line errors, and never the password in any output."""

from __future__ import annotations

import io
import json
import os
import plistlib
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET

from op25b_wizard.cli import main
from op25b_wizard.core import secrets
from op25b_wizard.core.diagnosis import diagnose
from op25b_wizard.core.exports.registry import FORMATS
from tests.conftest import ENGINE_PASSWORD, ENGINE_USER
from tests.support.platform import CLI, POSIX, WINDOWS, not_on_windows
from tests.test_secrets import (  # noqa: F401 - fixtures
    memory_keyring,
    plaintext_file_keyring,
    use_backend,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
HOST, USER, EMAIL = "smtp.example.co.jp", "taro@example.co.jp", "taro@example.co.jp"
PASSWORD = "Known-Pa55word-ひみつ"
BASE = ["--email", EMAIL, "--host", HOST, "--port", "587", "--security", "starttls",
        "--user", USER, "--lang", "en"]


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def stored(memory_keyring):  # noqa: F811 - the fixture imported above
    secrets.store_password(HOST, USER, PASSWORD)
    yield memory_keyring
    secrets.delete_msmtp_secret(HOST, USER)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_export_contains_the_password(qapp, capsys, tmp_path, stored, fmt):
    out_file = tmp_path / f"export.{fmt}"
    status, out, err = run(capsys, "export", fmt, *BASE, "--name", "山田 太郎",
                           "--from-port", "25", "--from-security", "none", "--from-auth", "none",
                           "--support-code", "C2LCC-AJ2AN", "-o", str(out_file))
    assert status == 0, err
    data = out_file.read_bytes()
    assert data
    for blob in (data, out.encode(), err.encode()):
        assert PASSWORD.encode() not in blob
    if fmt == "pdf" and not WINDOWS:  # read back with Debian's poppler-utils
        text = subprocess.run(["pdftotext", str(out_file), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "C2LCC-AJ2AN" in text and PASSWORD not in unicodedata.normalize("NFKC", text)
    if fmt == "msmtp" and POSIX:  # Windows files have no permission bits
        assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert f"wrote {out_file}" in err


def test_text_goes_to_standard_output(capsys, memory_keyring):  # noqa: F811
    status, out, err = run(capsys, "export", "autoconfig", *BASE)
    assert status == 0
    root = SafeET.fromstring(out.encode())
    assert root.findtext("emailProvider/outgoingServer/port") == "587"
    assert "assumes IMAP at smtp.example.co.jp, port 993" in err


def test_incoming_options_silence_the_note(capsys, memory_keyring):  # noqa: F811
    status, out, err = run(capsys, "export", "mobileconfig", *BASE, "--incoming-host",
                           "imap.example.co.jp", "--incoming-port", "143", "--incoming-type",
                           "imap", "--incoming-security", "starttls")
    assert status == 0 and err == ""
    account = plistlib.loads(out.encode())["PayloadContent"][0]
    assert account["IncomingMailServerHostName"] == "imap.example.co.jp"
    assert account["IncomingMailServerPortNumber"] == 143


@pytest.mark.parametrize("argv, message", [
    (["--email", EMAIL], "missing --host, --port, --security, --user"),
    ([*BASE[:1], "taro", *BASE[2:]], '"taro" is not an e-mail address.'),
    ([*BASE[:5], "70000", *BASE[6:]], '"70000" is not a port number (1 to 65535).'),
    ([*BASE[:3], "smtp.example.co.jp\nport 25", *BASE[4:]], "line break"),
    ([*BASE, "--incoming-port", "x"], '"x" is not a port number'),
    ([*BASE, "--support-code", "<b>"], "is not a support code"),
    ([*BASE, "--auth", "oauth2"], "cannot describe OAuth2"),
])
def test_bad_input_is_one_line_and_no_traceback(capsys, argv, message):
    status, out, err = run(capsys, "export", "mobileconfig", *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("op25b-wizard: error: ")
    assert message in err and "Traceback" not in err


def test_unknown_format_and_security_are_usage_errors(capsys):
    for argv in (["export", "vcard", *BASE], ["export", "json", *BASE[:7], "ssl", *BASE[8:]]):
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@not_on_windows("pty, the POSIX pseudo-terminal the test writes to, does not exist there")
def test_binary_pdf_is_not_written_to_a_terminal(tmp_path):
    import pty

    controller, terminal = pty.openpty()
    try:
        proc = subprocess.run([CLI, "export", "pdf", *BASE], stdout=terminal, stderr=subprocess.PIPE,
                              text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        os.close(terminal)
        os.close(controller)
    assert proc.returncode == 2
    assert "this format is binary: write it to a file with -o FILE" in proc.stderr


# --- the diagnosis as input -------------------------------------------------------------------


@pytest.fixture
def saved_diagnosis(mail_servers, probe_ports, tmp_path) -> tuple[Path, dict]:
    """A real ``diagnose --json``-style result from the engine against loopback servers."""
    run_ = probe_ports(mail_servers.specs(), password=ENGINE_PASSWORD)
    result = diagnose(run_.report, username=ENGINE_USER, credentials_tested=True).to_json()
    path = tmp_path / "diagnosis.json"
    path.write_text(json.dumps(result))
    return path, result


def test_the_diagnosis_fills_in_the_route_and_support_code(capsys, saved_diagnosis):
    path, result = saved_diagnosis
    rec = result["recommended"]
    status, out, err = run(capsys, "export", "json", "--email", ENGINE_USER, "--diagnosis", str(path))
    assert status == 0, err
    doc = json.loads(out)
    assert doc["outgoing"] == {"host": rec["host"], "port": rec["port"], "security": rec["security"],
                               "username": rec["username"], "auth": rec["auth"]}
    assert doc["support_code"] == result["support_code"]
    assert doc["diagnosis"] == result
    assert ENGINE_PASSWORD not in out


def test_options_override_the_diagnosis(capsys, saved_diagnosis):
    path, result = saved_diagnosis
    status, out, _ = run(capsys, "export", "html", "--email", ENGINE_USER, "--diagnosis", str(path),
                         "--port", "587", "--security", "starttls", "--support-code", "C2LCC-AJ2AN",
                         "--from-port", "25")
    assert status == 0
    assert "<b>587</b>" in out and "C2LCC-AJ2AN" in out and result["support_code"] not in out
    assert "What the test found" in out


def test_a_diagnosis_without_a_route(capsys, tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps({"ports": [{"port": 25, "outcome": "timeout"}], "recommended": None,
                                "support_code": "C2LCC-AJ2AN"}))
    status, _, err = run(capsys, "export", "msmtp", "--email", EMAIL, "--diagnosis", str(path))
    assert status == 2
    assert "the diagnosis found no working route; give --host, --port, --security, --user" in err


@pytest.mark.parametrize("content, message", [
    (None, "cannot read"), ("not json", "is not a saved"), ("[1, 2]", "is not a saved")])
def test_bad_diagnosis_files(capsys, tmp_path, content, message):
    path = tmp_path / "d.json"
    if content is not None:
        path.write_text(content)
    status, _, err = run(capsys, "export", "json", *BASE, "--diagnosis", str(path))
    assert status == 2 and message in err and err.count("\n") == 1


def _limited_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # reading /dev/zero must fail


@pytest.mark.parametrize("kind, message", [
    ("/dev/zero", "not an ordinary file"), ("fifo", "not an ordinary file"),
    ("folder", "it is a folder"), ("huge", "too large")])
def test_a_diagnosis_that_is_no_ordinary_small_file_is_refused_at_once(tmp_path, kind, message):
    if WINDOWS and kind in ("/dev/zero", "fifo"):
        pytest.skip("not on Windows: /dev/zero and FIFOs (named pipes in the file system) are POSIX")
    path = {"/dev/zero": Path("/dev/zero"), "fifo": tmp_path / "fifo", "folder": tmp_path,
            "huge": tmp_path / "huge.json"}[kind]
    if kind == "fifo":
        os.mkfifo(path)  # nobody ever writes: opening it to read would wait forever
    if kind == "huge":
        with open(path, "wb") as f:
            f.write(b'{"support_code": "x", "ports": [], "pad": "')
            f.truncate(64 << 20)
    proc = subprocess.run([CLI, "export", "json", *BASE, "--diagnosis", str(path)],
                          capture_output=True, text=True, timeout=30,
                          **({} if WINDOWS else {"preexec_fn": _limited_memory}))
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert proc.stderr.count("\n") == 1 and message in proc.stderr, proc.stderr


# --- msmtp and the password commands ----------------------------------------------------------


def test_msmtp_passwordeval_points_at_this_program(capsys, stored):
    status, out, err = run(capsys, "export", "msmtp", *BASE, "--msmtp-password", "passwordeval")
    assert status == 0
    line = next(x for x in out.splitlines() if x.startswith("passwordeval "))
    assert "password get --host smtp.example.co.jp --user taro@example.co.jp" in line
    assert "no password is stored yet" not in err


def test_msmtp_export_says_how_to_store_a_missing_password(capsys, memory_keyring):  # noqa: F811
    status, _, err = run(capsys, "export", "msmtp", *BASE, "--msmtp-password", "passwordeval")
    assert status == 0
    assert ("no password is stored yet for taro@example.co.jp at smtp.example.co.jp; store it once "
            "with: op25b-wizard password set --host smtp.example.co.jp --user taro@example.co.jp "
            "--password-stdin") in err


@pytest.mark.parametrize("mode, advice", [
    ("secret-service", "msmtp will ask for the password each time it sends"),
    ("passwordeval", "use --msmtp-password secret-service instead")])
def test_msmtp_export_without_a_safe_store_says_msmtp_will_ask(capsys, use_backend,  # noqa: F811
                                                              tmp_path, mode, advice):
    use_backend(plaintext_file_keyring(tmp_path))
    status, out, err = run(capsys, "export", "msmtp", *BASE, "--msmtp-password", mode)
    assert status == 0 and out.startswith("#")
    assert "not safe" in err and advice in err
    assert "password set" not in err, "storing the password cannot work on this computer"


def test_password_set_and_delete(capsys, monkeypatch, memory_keyring):  # noqa: F811
    status, out, err = run(capsys, "password", "set", "--host", "SMTP.example.co.jp", "--user", USER,
                           "--password-stdin", stdin=PASSWORD + "\n", monkeypatch=monkeypatch)
    assert status == 0, err
    assert out == "Password for taro@example.co.jp at smtp.example.co.jp stored in this computer's keyring.\n"
    assert memory_keyring.items == {(secrets.SERVICE_NAME, f"{USER}@{HOST}"): PASSWORD}
    status, out, _ = run(capsys, "password", "delete", "--host", HOST, "--user", USER)
    assert status == 0 and "deleted" in out and memory_keyring.items == {}
    status, out, _ = run(capsys, "password", "delete", "--host", HOST, "--user", USER)
    assert status == 0 and out.startswith("No password was stored")


def test_password_only_from_standard_input(capsys, memory_keyring):  # noqa: F811
    status, _, err = run(capsys, "password", "set", "--host", HOST, "--user", USER)
    assert status == 2 and "only read from standard input" in err
    with pytest.raises(SystemExit):
        main(["password", "set", "--host", HOST, "--user", USER, "--password", PASSWORD])
    assert memory_keyring.items == {}


def test_password_set_refuses_a_file_store(capsys, monkeypatch, use_backend, tmp_path):  # noqa: F811
    from tests.test_secrets import plaintext_file_keyring

    backend = use_backend(plaintext_file_keyring(tmp_path))
    status, out, err = run(capsys, "password", "set", "--host", HOST, "--user", USER,
                           "--password-stdin", stdin=PASSWORD + "\n", monkeypatch=monkeypatch)
    assert status == 1 and out == ""
    assert "keeps passwords in a file" in err and err.count("\n") == 1
    assert not Path(backend.file_path).exists()
    status, out, _ = run(capsys, "password", "status")
    assert status == 1 and "not safe" in out


def test_exporting_port_25_warns_that_it_is_blocked_on_the_road(capsys, tmp_path):
    argv = [a if a != "587" else "25" for a in BASE]
    status, out, err = run(capsys, "export", "autoconfig", *argv, "-o", str(tmp_path / "a.xml"))
    assert status == 0
    assert "warning: port 25 is blocked on many hotel and mobile networks" in err
    status, out, err = run(capsys, "export", "autoconfig", *BASE, "-o", str(tmp_path / "b.xml"))
    assert status == 0 and "port 25" not in err
