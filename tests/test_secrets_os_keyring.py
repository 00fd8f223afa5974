"""The password in the keyring this system really has: Windows Credential Manager (keyring's
WinVaultKeyring) in the Windows lane, the Secret Service inside ``.ci/in-session`` on Linux.
What goes in through ``password set`` comes out of ``password get`` byte for byte, whatever
the console's code page: UTF-8 on the pipe both ways."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator

import pytest

from op25b_wizard.core import secrets
from tests.support.platform import CLI, PIPE_ENCODING, WINDOWS

PASSWORDS = ["Pässwörd", "パスワード日本語", "пароль-¥-€-😀"]
USERS = ["taro@example.test", "山田太郎@example.jp"]


@pytest.fixture(autouse=True)
def real_keyring() -> None:
    if not WINDOWS and os.environ.get("OP25B_TEST_SECRET_SERVICE") != "1":
        if os.environ.get("CI"):
            pytest.fail("CI must run the suite inside .ci/in-session (a real Secret Service)")
        pytest.skip("needs a real Secret Service: run inside dbus-run-session -- bash .ci/in-session")


@pytest.fixture
def host() -> Iterator[str]:
    """A host of its own for each test; what was stored for it is removed afterwards."""
    name = f"smtp-{uuid.uuid4().hex[:8]}.example.test"
    yield name
    for user in USERS:
        secrets.delete_password(name, user)


def cli(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}  # the console's own
    return subprocess.run([CLI, *argv], input=stdin, capture_output=True, timeout=120, env=env)


def test_the_keyring_is_the_systems_own() -> None:
    status = secrets.backend_status()
    assert status.secure
    expected = ({"keyring.backends.Windows.WinVaultKeyring"} if WINDOWS
                else {"keyring.backends.SecretService.Keyring", "keyring.backends.libsecret.Keyring"})
    assert secrets._class_id(secrets._select()[0]) in expected
    assert str(status.platform_store_name) == ("Windows Credential Manager" if WINDOWS
                                               else "keyring")


@pytest.mark.parametrize("user", USERS)
def test_store_read_delete(host: str, user: str) -> None:
    secrets.store_password(host, user, PASSWORDS[1])
    assert secrets.get_password(host, user) == PASSWORDS[1]
    secrets.store_password(host, user, PASSWORDS[0])  # replaced, not added
    assert secrets.get_password(host, user) == PASSWORDS[0]
    assert secrets.get_password(host, "someone-else@example.test") is None
    assert secrets.delete_password(host, user) is True
    assert secrets.get_password(host, user) is None
    assert secrets.delete_password(host, user) is False


@pytest.mark.parametrize("password", PASSWORDS)
def test_password_set_then_get_round_trips_byte_exactly(host: str, password: str) -> None:
    """Piped in as UTF-8 (with Windows' CRLF), out as UTF-8, whatever the code page."""
    user = USERS[1]
    stored = cli("password", "set", "--host", host, "--user", user, "--password-stdin",
                 "--lang", "ja", stdin=(password + "\r\n").encode("utf-8"))
    err = stored.stderr.decode(PIPE_ENCODING, "replace")
    assert stored.returncode == 0, err
    assert "Traceback" not in err
    assert secrets.get_password(host, user) == password
    got = cli("password", "get", "--host", host, "--user", user)
    assert (got.returncode, got.stdout) == (0, (password + "\n").encode("utf-8"))
    deleted = cli("password", "delete", "--host", host, "--user", user, "--lang", "ja")
    assert deleted.returncode == 0, deleted.stderr
    assert secrets.get_password(host, user) is None


def test_a_byte_order_mark_in_front_is_not_part_of_the_password(host: str) -> None:
    stored = cli("password", "set", "--host", host, "--user", USERS[0], "--password-stdin",
                 stdin="\ufeffPässwörd\n".encode())
    assert stored.returncode == 0, stored.stderr
    assert secrets.get_password(host, USERS[0]) == "Pässwörd"
