"""The password in a real Secret Service: gnome-keyring in a private D-Bus session.

Run inside ``dbus-run-session -- bash .ci/in-session`` (CI always does); elsewhere these skip,
and in CI a missing Secret Service fails them.
"""

from __future__ import annotations

import pytest

from tests.support.platform import NO_SECRET_SERVICE, WINDOWS

if WINDOWS:
    pytest.skip(f"not on Windows: {NO_SECRET_SERVICE}", allow_module_level=True)

import os  # noqa: E402
import pty  # noqa: E402
import subprocess  # noqa: E402
import uuid  # noqa: E402
from pathlib import Path  # noqa: E402

import secretstorage  # noqa: E402

from op25b_wizard.core import secrets  # noqa: E402
from tests.support.platform import CLI  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "real-keyring pässword ユーザー 42"


@pytest.fixture(autouse=True)
def secret_service() -> None:
    if os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")


@pytest.fixture
def account() -> tuple[str, str]:
    """A host and user of its own for each test; its items are removed afterwards."""
    host, user = f"smtp-{uuid.uuid4().hex[:8]}.example.test", "taro@example.test"
    yield host, user
    secrets.delete_password(host, user)
    for attrs in ({"host": host}, {"username": f"{user}@{host}"}):
        with _collection() as c:
            for item in c.search_items(attrs):
                item.delete()


class _collection:
    def __enter__(self):
        self.conn = secretstorage.dbus_init()
        return secretstorage.get_default_collection(self.conn)

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _items(attrs: dict[str, str]) -> list[tuple[dict[str, str], str]]:
    with _collection() as c:
        return [(item.get_attributes(), item.get_secret().decode()) for item in c.search_items(attrs)]


def secret_tool_lookup(host: str, user: str) -> str:
    """The lookup msmtp's documentation gives (``secret-tool store host H service smtp user U``)."""
    proc = subprocess.run(["secret-tool", "lookup", "host", host, "service", "smtp", "user", user],
                          capture_output=True, text=True, timeout=10)
    return proc.stdout


def test_the_session_keyring_is_used_and_is_safe():
    status = secrets.backend_status()
    assert status.secure is True
    assert status.name.startswith("SecretService")
    assert str(status.platform_store_name) == "keyring"


def test_store_read_delete_in_the_secret_service(account):
    host, user = account
    secrets.store_password(host, user, PASSWORD)
    items = _items({"service": secrets.SERVICE_NAME, "username": f"{user}@{host}"})
    assert [secret for _, secret in items] == [PASSWORD]
    assert secrets.get_password(host, user) == PASSWORD
    # keyring's chain here also holds keyrings.alt's plaintext file: nothing went there
    data_home = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local/share"))
    plain = data_home / "python_keyring" / "keyring_pass.cfg"
    assert not plain.exists() or f"{user}@{host}".replace("@", "_40") not in plain.read_text()
    assert secrets.delete_password(host, user) is True
    assert _items({"service": secrets.SERVICE_NAME, "username": f"{user}@{host}"}) == []


def test_msmtp_item_is_found_by_msmtps_own_lookup(account):
    host, user = account
    assert secrets.msmtp_secret_supported() is True
    assert secret_tool_lookup(host, user) == ""
    secrets.store_msmtp_secret(host, user, PASSWORD)
    assert secret_tool_lookup(host, user) == PASSWORD
    assert secrets.has_msmtp_secret(host, user) is True
    (attrs, _), = _items(secrets.msmtp_attributes(host, user))
    assert attrs["xdg:schema"] == secrets.MSMTP_SCHEMA
    assert attrs["application"] == secrets.MSMTP_APPLICATION
    # storing again replaces: msmtp must never find an older password first
    secrets.store_msmtp_secret(host, user, PASSWORD + " new")
    assert [s for _, s in _items(secrets.msmtp_attributes(host, user))] == [PASSWORD + " new"]
    assert secrets.delete_msmtp_secret(host, user) is True
    assert secret_tool_lookup(host, user) == ""


def test_an_msmtp_item_the_user_made_is_never_deleted(account):
    host, user = account
    subprocess.run(["secret-tool", "store", "--label=mine", "host", host, "service", "smtp",
                    "user", user], input="users-own", text=True, check=True, timeout=10)
    assert secrets.delete_msmtp_secret(host, user) is False
    assert secret_tool_lookup(host, user) == "users-own"


def _cli(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *argv], input=stdin, capture_output=True, text=True, timeout=60)


def test_password_commands_against_the_real_keyring(account):
    host, user = account
    proc = _cli("password", "set", "--host", host.upper(), "--user", user, "--password-stdin",
                "--msmtp", "--lang", "en", stdin=PASSWORD + "\n")
    assert proc.returncode == 0, proc.stderr
    assert PASSWORD not in proc.stdout + proc.stderr
    assert "stored in this computer's keyring" in proc.stdout
    assert secrets.get_password(host, user) == PASSWORD  # the host name was normalised
    assert secret_tool_lookup(host, user) == PASSWORD

    got = _cli("password", "get", "--host", host, "--user", user)
    assert (got.returncode, got.stdout) == (0, PASSWORD + "\n")

    status = _cli("password", "status", "--json")
    assert status.returncode == 0
    assert '"secure": true' in status.stdout and secrets.SERVICE_NAME in status.stdout

    deleted = _cli("password", "delete", "--host", host, "--user", user)
    assert deleted.returncode == 0 and "deleted" in deleted.stdout
    assert secrets.get_password(host, user) is None
    assert secret_tool_lookup(host, user) == ""
    missing = _cli("password", "get", "--host", host, "--user", user)
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr.count("\n") == 1 and "no password is stored" in missing.stderr


def test_password_get_writes_utf8_whatever_the_pipes_encoding(account):
    """msmtp's passwordeval reads bytes and sends them as they are: a password with a
    character the console's encoding lacks must not come out escaped (a wrong password)."""
    host, user = account
    secret = "пароль-パス¥"
    secrets.store_password(host, user, secret)
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    got = subprocess.run([CLI, "password", "get", "--host", host, "--user", user],
                         capture_output=True, timeout=60, env=env)
    assert (got.returncode, got.stdout) == (0, (secret + "\n").encode("utf-8"))


def test_password_get_refuses_a_terminal(account):
    host, user = account
    secrets.store_password(host, user, PASSWORD)
    controller, terminal = pty.openpty()
    try:
        proc = subprocess.run([CLI, "password", "get", "--host", host, "--user", user],
                              stdout=terminal, stderr=subprocess.PIPE, text=True, timeout=60)
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
    assert proc.returncode != 0
    assert "not printing a password on the screen" in proc.stderr
    assert PASSWORD.encode() not in shown


def test_password_typed_at_a_terminal_is_not_echoed(account):
    host, user = account
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its controlling terminal
        os.execv(CLI, [CLI, "password", "set", "--host", host, "--user", user, "--password-stdin"])
    seen = b""
    try:
        while b"Password for" not in seen:
            seen += os.read(fd, 1024)
        os.write(fd, PASSWORD.encode() + b"\n")
        while True:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert PASSWORD.encode() not in seen
    assert b"stored in this computer's keyring" in seen
    assert secrets.get_password(host, user) == PASSWORD
