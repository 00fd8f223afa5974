"""The password store: only safe keyrings, never a file, never through a chain that may fall
back to one. Unit tests with an in-memory keyring and keyrings.alt's real file backends."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyrings.alt.file import PlaintextKeyring

from op25b_wizard.core import secrets

PASSWORD = "s3cret-Pässwort/ユーザー"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict (test-only, treated as safe)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def use_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """``use_backend(backend)`` makes it keyring's choice for the test; restored afterwards."""
    before = keyring.get_keyring()
    monkeypatch.setitem(secrets.SECURE_BACKENDS, f"{__name__}.MemoryKeyring",
                        secrets.SECURE_BACKENDS["keyring.backends.SecretService.Keyring"])

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(before)


@pytest.fixture
def memory_keyring(use_backend) -> MemoryKeyring:
    return use_backend(MemoryKeyring())


def plaintext_file_keyring(tmp_path: Path) -> PlaintextKeyring:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")  # type: ignore[misc]
    return backend


def chain_of(*backends: KeyringBackend) -> chainer.ChainerBackend:
    """keyring's own chain backend over exactly these backends, in this order."""

    class Chain(chainer.ChainerBackend):
        pass

    Chain.backends = list(backends)  # type: ignore[assignment, misc]
    return Chain()


def test_round_trip_under_the_documented_service_and_key(memory_keyring):
    secrets.store_password("smtp.example.co.jp", "taro@example.co.jp", PASSWORD)
    assert memory_keyring.items == {
        ("op25b-wizard SMTP", "taro@example.co.jp@smtp.example.co.jp"): PASSWORD}
    assert secrets.get_password("smtp.example.co.jp", "taro@example.co.jp") == PASSWORD
    assert secrets.get_password("smtp.example.co.jp", "hanako@example.co.jp") is None
    assert secrets.delete_password("smtp.example.co.jp", "taro@example.co.jp") is True
    assert secrets.delete_password("smtp.example.co.jp", "taro@example.co.jp") is False
    assert secrets.get_password("smtp.example.co.jp", "taro@example.co.jp") is None
    assert memory_keyring.items == {}


def test_status_of_a_safe_store(memory_keyring):
    status = secrets.backend_status()
    assert status.secure is True
    assert str(status.reason) == "The password is kept in this computer's keyring."


def test_a_plaintext_file_store_is_refused_and_stays_empty(use_backend, tmp_path):
    backend = use_backend(plaintext_file_keyring(tmp_path))
    status = secrets.backend_status()
    assert status.secure is False
    assert "in a file" in str(status.reason) and backend.file_path in str(status.reason)
    assert str(status.platform_store_name) in ("keyring", "Keychain", "Windows Credential Manager")
    with pytest.raises(secrets.SecretStoreError) as e:
        secrets.store_password("h.example", "u", PASSWORD)
    assert e.value.message == status.reason
    assert not Path(backend.file_path).exists()


def test_storing_in_a_file_only_on_explicit_request(use_backend, tmp_path):
    """The refusal above is what keeps the password out of the file: with the user's explicit
    consent the same backend does write it there."""
    backend = use_backend(plaintext_file_keyring(tmp_path))
    secrets.store_password("h.example", "u", PASSWORD, allow_insecure=True)
    # keyrings.alt's "plaintext" store keeps it base64-encoded: readable by anyone with the file
    assert base64.b64encode(PASSWORD.encode()).decode() in Path(backend.file_path).read_text()
    assert secrets.get_password("h.example", "u") == PASSWORD


def test_a_chain_uses_its_safe_member_and_never_the_file(use_backend, tmp_path):
    plain = plaintext_file_keyring(tmp_path)
    memory = MemoryKeyring()
    use_backend(chain_of(plain, memory))  # the file first: keyring's chain would write there
    assert secrets.backend_status().secure is True
    secrets.store_password("h.example", "u", PASSWORD)
    assert memory.items == {(secrets.SERVICE_NAME, "u@h.example"): PASSWORD}
    assert not Path(plain.file_path).exists()


def test_a_chain_of_file_stores_only_is_refused(use_backend, tmp_path):
    use_backend(chain_of(plaintext_file_keyring(tmp_path)))
    assert secrets.backend_status().secure is False
    with pytest.raises(secrets.SecretStoreError):
        secrets.store_password("h.example", "u", PASSWORD)


def test_no_store_at_all(use_backend):
    use_backend(fail.Keyring())
    status = secrets.backend_status()
    assert status.secure is False
    assert "No password store was found" in str(status.reason)
    with pytest.raises(secrets.SecretStoreError):
        secrets.store_password("h.example", "u", PASSWORD)
    assert secrets.get_password("h.example", "u") is None
    assert secrets.delete_password("h.example", "u") is False


def test_an_unknown_backend_is_not_trusted(use_backend):
    class Homemade(MemoryKeyring):
        pass

    use_backend(Homemade())
    status = secrets.backend_status()
    assert status.secure is False
    assert "not one known to keep passwords safe" in str(status.reason)


def test_store_failures_are_plain_words(use_backend):
    class Broken(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    secrets.SECURE_BACKENDS[f"{__name__}.{Broken.__qualname__}"] = secrets.SECURE_BACKENDS[
        f"{__name__}.MemoryKeyring"]
    try:
        use_backend(Broken())
        with pytest.raises(secrets.SecretStoreError) as e:
            secrets.store_password("h.example", "u", PASSWORD)
        assert str(e.value) == ("The keyring did not store the password: "
                                "Failed to unlock the collection!")
        assert PASSWORD not in str(e.value)
    finally:
        del secrets.SECURE_BACKENDS[f"{__name__}.{Broken.__qualname__}"]


@pytest.mark.parametrize("host, user, password", [("", "u", "p"), ("h", "", "p"), ("h", "u", "")])
def test_incomplete_input_is_refused(memory_keyring, host, user, password):
    with pytest.raises(secrets.SecretStoreError):
        secrets.store_password(host, user, password)
    assert memory_keyring.items == {}


@pytest.mark.parametrize("platform, name", [("win32", "Windows Credential Manager"),
                                            ("darwin", "Keychain"), ("linux", "keyring")])
def test_the_store_is_named_as_the_user_knows_it(use_backend, monkeypatch, platform, name):
    use_backend(fail.Keyring())
    monkeypatch.setattr(secrets.sys, "platform", platform)
    assert str(secrets.backend_status().platform_store_name) == name


def test_known_safe_backends_carry_their_platform_names():
    names = {k: str(v) for k, v in secrets.SECURE_BACKENDS.items() if k.startswith("keyring.")}
    assert names["keyring.backends.Windows.WinVaultKeyring"] == "Windows Credential Manager"
    assert names["keyring.backends.macOS.Keyring"] == "Keychain"
    assert names["keyring.backends.SecretService.Keyring"] == "keyring"
    for class_id in names:
        module, _, cls = class_id.rpartition(".")
        mod = pytest.importorskip(module) if "Windows" in module or "macOS" in module else \
            __import__(module, fromlist=[cls])
        assert hasattr(mod, cls), class_id


def test_msmtp_items_have_msmtps_lookup_attributes():
    assert secrets.msmtp_attributes("mail.example.test", "taro@example.test") == {
        "host": "mail.example.test", "service": "smtp", "user": "taro@example.test"}
