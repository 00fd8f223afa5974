"""A keyring set up to use a store that cannot load (a real ``keyringrc.cfg`` or
``PYTHON_KEYRING_BACKEND``) means "no secure store", said in plain words: never a traceback,
in the core functions the wizard uses and in every command that touches the keyring."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import keyring.core
import pytest

from op25b_wizard.core import secrets
from tests.support.platform import WINDOWS, base_env, home_env, not_on_windows

ROOT = Path(__file__).resolve().parents[1]
HOST, USER = "smtp.example.co.jp", "taro@example.co.jp"
PASSWORD = "Known-Pa55word-ひみつ"
NO_PYCRYPTODOME = importlib.util.find_spec("Crypto") is None and \
    importlib.util.find_spec("Cryptodome") is None


def home_config(home: Path) -> Path:
    """Where keyring looks for its settings for a user whose home is *home*."""
    if WINDOWS:
        return home / "AppData" / "Local" / "Python Keyring"
    return home / ".config" / "python_keyring"


def write_config(config_dir: Path, body: str) -> Path:
    path = config_dir / "keyringrc.cfg"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def cli(home: Path, *argv: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    """The real command in a child process: its own HOME, no D-Bus session, stdout a pipe."""
    environment = {**base_env(), **home_env(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                   "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, "-m", "op25b_wizard", *argv, "--lang", "en"],
                          input=stdin, capture_output=True, encoding="utf-8", timeout=60,
                          cwd=ROOT, env=environment)


def assert_status_says_why(home: Path, words: str, **env: str) -> subprocess.CompletedProcess:
    status = cli(home, "password", "status", **env)
    assert status.returncode == 1, status.stderr
    assert "Traceback" not in status.stderr and status.stderr == ""
    assert words in status.stdout and "cannot be remembered" in status.stdout
    return status


def assert_every_command_says_why(home: Path, words: str, **env: str) -> None:
    account = ["--host", HOST, "--user", USER]
    status = assert_status_says_why(home, words, **env)

    as_json = cli(home, "password", "status", "--json", **env)
    assert as_json.returncode == 1, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["secure"] is False and words in data["reason"]
    assert data["backend"].endswith("(not loaded)")

    stored = cli(home, "password", "set", *account, "--password-stdin", stdin=PASSWORD + "\n", **env)
    assert stored.returncode == 1 and stored.stdout == ""
    assert stored.stderr.count("\n") == 1 and words in stored.stderr, stored.stderr

    got = cli(home, "password", "get", *account, **env)
    assert got.returncode == 1 and got.stdout == ""
    assert got.stderr == f"op25b-wizard: error: no password is stored for {USER} at {HOST}\n"

    deleted = cli(home, "password", "delete", *account, **env)
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout == f"No password was stored for {USER} at {HOST}.\n"

    exported = cli(home, "export", "msmtp", "--email", USER, *account, "--port", "587",
                   "--security", "starttls", "--msmtp-password", "passwordeval", **env)
    assert exported.returncode == 0, exported.stderr
    assert "Traceback" not in exported.stderr and "passwordeval " in exported.stdout
    assert "use --msmtp-password secret-service instead" in exported.stderr
    assert "password set" not in exported.stderr, "storing it cannot work with this store"
    for run in (status, as_json, stored, got, deleted, exported):
        assert PASSWORD not in run.stdout + run.stderr


@pytest.mark.skipif(not NO_PYCRYPTODOME, reason="pycryptodome is installed: the store would load")
@not_on_windows("XDG_CONFIG_HOME is a freedesktop (Linux) setting; keyring ignores it there")
def test_encrypted_file_store_without_pycryptodome_in_xdg_config_home(tmp_path):
    config_home = tmp_path / "config"
    path = write_config(config_home / "python_keyring",
                        "[backend]\ndefault-keyring=keyrings.alt.file.EncryptedKeyring\n")
    assert_every_command_says_why(
        tmp_path, f"The password store chosen in {path} (keyrings.alt.file.EncryptedKeyring) "
        "cannot be used: it does not work on this computer (pycryptodome/x required).",
        XDG_CONFIG_HOME=str(config_home))


def test_unknown_store_in_the_environment_variable(tmp_path):
    assert_every_command_says_why(
        tmp_path, "The password store named in the environment variable PYTHON_KEYRING_BACKEND "
        "(foo.Bar) cannot be used: it is not installed (No module named 'foo').",
        PYTHON_KEYRING_BACKEND="foo.Bar")


def test_store_missing_from_its_module_in_the_home_config(tmp_path):
    path = write_config(home_config(tmp_path),
                        "[backend]\ndefault-keyring=keyring.backends.SecretService.Nope\n")
    assert_status_says_why(
        tmp_path, f"The password store chosen in {path} (keyring.backends.SecretService.Nope) "
        "cannot be used: it is not installed")


def test_a_settings_file_that_is_not_one(tmp_path):
    path = write_config(home_config(tmp_path), "default-keyring=keyring.backends.null.Keyring\n")
    assert_status_says_why(
        tmp_path, f"The password store settings file {path} cannot be read (File contains no "
        "section headers).")


# --- the same in the core, as the wizard calls it -------------------------------------------


@pytest.fixture
def unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring not yet initialised, with an environment variable naming a store that fails."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Nope")


def test_core_functions_report_no_store(unloaded):
    status = secrets.backend_status()
    assert status.secure is False
    assert status.name == "keyring.backends.SecretService.Nope (not loaded)"
    assert str(status.reason).startswith(
        "The password store named in the environment variable PYTHON_KEYRING_BACKEND "
        "(keyring.backends.SecretService.Nope) cannot be used: it is not installed")
    assert str(status.platform_store_name) in ("keyring", "Keychain", "Windows Credential Manager")
    with pytest.raises(secrets.SecretStoreError) as e:
        secrets.store_password(HOST, USER, PASSWORD)
    assert e.value.message == status.reason
    assert secrets.get_password(HOST, USER) is None
    assert secrets.delete_password(HOST, USER) is False


def test_a_store_that_raises_when_chosen_automatically(monkeypatch):
    """No setting at all, yet keyring's own choice fails: still plain words."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(secrets, "_config_file", lambda: Path("/nonexistent/keyringrc.cfg"))

    def broken(limit=None):
        raise RuntimeError("D-Bus went away")

    monkeypatch.setattr(keyring.core, "_detect_backend", broken)
    status = secrets.backend_status()
    assert status.secure is False and status.name == "none (not loaded)"
    assert str(status.reason).startswith(
        "The password store could not be started: it does not work on this computer "
        "(D-Bus went away).")
