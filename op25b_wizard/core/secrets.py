"""The SMTP password in the OS keyring, and nowhere else.

Passwords are kept with the ``keyring`` package under :data:`SERVICE_NAME`, one item per
account keyed ``user@host``. Only a store that keeps secrets safe is used: Windows Credential
Manager, the macOS Keychain, or a Secret Service / KWallet keyring on Linux. ``keyring`` itself
may pick a plaintext file (``keyrings.alt``) when nothing better runs, or a *chain* that falls
back to such a file; this module never writes there unless the caller asks for it explicitly,
and :func:`backend_status` says in plain words why not.

msmtp does not read ``keyring``'s items: without a password line it asks the Secret Service for
an item with the attributes ``host``, ``service=smtp`` and ``user`` (checked against msmtp
1.8.23). :func:`store_msmtp_secret` stores an item in that shape, so an exported msmtp
configuration needs no password line at all.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

CTX = "Secrets"

SERVICE_NAME = "op25b-wizard SMTP"
"""The keyring service every SMTP password is stored under (item key: ``user@host``)."""

MSMTP_SCHEMA = "de.marlam.msmtp.password"
"""The libsecret schema name msmtp stores its own items with."""
MSMTP_APPLICATION = "op25b-wizard"
"""Extra attribute marking the msmtp items this program stored (so it deletes only those)."""

_KEYRING_NAME = msg(CTX, QT_TRANSLATE_NOOP("Secrets", "keyring"))
_KWALLET_NAME = msg(CTX, QT_TRANSLATE_NOOP("Secrets", "KDE Wallet"))
_WINDOWS_NAME = msg(CTX, QT_TRANSLATE_NOOP("Secrets", "Windows Credential Manager"))
_KEYCHAIN_NAME = msg(CTX, QT_TRANSLATE_NOOP("Secrets", "Keychain"))

SECURE_BACKENDS: dict[str, Msg] = {
    "keyring.backends.SecretService.Keyring": _KEYRING_NAME,
    "keyring.backends.libsecret.Keyring": _KEYRING_NAME,
    "keyring.backends.kwallet.DBusKeyring": _KWALLET_NAME,
    "keyring.backends.kwallet.DBusKeyringKWallet4": _KWALLET_NAME,
    "keyring.backends.Windows.WinVaultKeyring": _WINDOWS_NAME,
    "keyring.backends.macOS.Keyring": _KEYCHAIN_NAME,
}
"""Backends known to keep secrets safe (``module.Class`` -> the store's name for the user)."""


class SecretStoreError(Exception):
    """The password could not be stored, read or deleted; :attr:`message` says why."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render())
        self.message = message


@dataclass(frozen=True)
class BackendStatus:
    """Which store holds the password and whether it is safe."""

    name: str
    """The backend in technical terms, e.g. ``SecretService Keyring`` (for helpdesk logs)."""
    secure: bool
    reason: Msg
    """Plain words: where the password goes, or why it cannot be remembered safely."""
    platform_store_name: Msg
    """The store as the user knows it, for "Remember the password in this computer's …"."""


def account_key(host: str, user: str) -> str:
    """The keyring item name for one account: ``user@host``."""
    return f"{user}@{host}"


def _class_id(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _platform_store_name() -> Msg:
    if sys.platform == "win32":
        return _WINDOWS_NAME
    if sys.platform == "darwin":
        return _KEYCHAIN_NAME
    return _KEYRING_NAME


def _candidates(backend: KeyringBackend) -> list[KeyringBackend]:
    """The backends a chain would try, best first; the backend itself otherwise."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        return list(backend.backends)
    return [backend]


def _is_file_store(backend: object) -> bool:
    return type(backend).__module__.startswith("keyrings.alt") or hasattr(backend, "file_path")


def _describe(backend: KeyringBackend | None) -> BackendStatus:
    if backend is None:
        return BackendStatus(
            "none", False,
            msg(CTX, QT_TRANSLATE_NOOP(
                "Secrets", "No password store was found on this computer, so the password cannot be "
                "remembered. You will be asked for it when it is needed.")),
            _platform_store_name(),
        )
    name = getattr(backend, "name", type(backend).__name__)
    store = SECURE_BACKENDS.get(_class_id(backend))
    if store is not None:
        return BackendStatus(
            name, True,
            msg(CTX, QT_TRANSLATE_NOOP(
                "Secrets", "The password is kept in this computer's {store}."), store=store),
            store,
        )
    from keyring.backends import fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return _describe(None)
    if _is_file_store(backend):
        return BackendStatus(
            name, False,
            msg(CTX, QT_TRANSLATE_NOOP(
                "Secrets", "The only password store available keeps passwords in a file "
                "({path}), which is not safe, so the password is not remembered. "
                "You will be asked for it when it is needed."),
                path=str(getattr(backend, "file_path", name))),
            _platform_store_name(),
        )
    return BackendStatus(
        name, False,
        msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The password store \"{name}\" is not one known to keep passwords safe, "
            "so the password is not remembered. You will be asked for it when it is needed."),
            name=name),
        _platform_store_name(),
    )


def _config_file() -> Path:
    """keyring's own settings file (``keyringrc.cfg``), read when no environment variable is set."""
    from keyring.util import platform_

    return Path(platform_.config_root()) / "keyringrc.cfg"


def _configured_name(path: Path) -> str | None:
    """The store ``default-keyring`` names in *path*, if the file can be read at all."""
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
        return parser.get("backend", "default-keyring").strip() or None
    except (configparser.Error, OSError, UnicodeError):
        return None


def _detail(error: Exception) -> str:
    """keyring's own words for *error* (first line), kept for the helpdesk."""
    lines = str(error).strip().splitlines()
    return lines[0].rstrip(".") if lines else type(error).__name__


def _problem(error: Exception) -> Msg | str:
    """Why keyring could not load a store, in plain words (its own text kept for the helpdesk)."""
    detail = _detail(error)
    if isinstance(error, ImportError | AttributeError):
        return msg(CTX, QT_TRANSLATE_NOOP("Secrets", "it is not installed ({detail})"), detail=detail)
    if isinstance(error, RuntimeError):
        return msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "it does not work on this computer ({detail})"), detail=detail)
    if isinstance(error, TypeError):
        return msg(CTX, QT_TRANSLATE_NOOP("Secrets", "it is not a password store ({detail})"),
                   detail=detail)
    return detail


def _load_failed(error: Exception) -> BackendStatus:
    """No secure store, because keyring could not load or choose one: say which and why."""
    env_name = os.environ.get("PYTHON_KEYRING_BACKEND")
    config = _config_file()
    if env_name is not None:
        name = env_name.strip()
        reason = msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The password store named in the environment variable "
            "PYTHON_KEYRING_BACKEND ({name}) cannot be used: {problem}. So the password cannot "
            "be remembered. You will be asked for it when it is needed."),
            name=name or "-", problem=_problem(error))
    elif isinstance(error, configparser.Error | UnicodeError):
        name = "keyringrc.cfg"
        reason = msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The password store settings file {path} cannot be read ({detail}). So "
            "the password cannot be remembered. You will be asked for it when it is needed."),
            path=str(config), detail=_detail(error))
    elif (configured := _configured_name(config)) is not None:
        name = configured
        reason = msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The password store chosen in {path} ({name}) cannot be used: {problem}. "
            "So the password cannot be remembered. You will be asked for it when it is needed."),
            path=str(config), name=name, problem=_problem(error))
    else:
        name = "none"
        reason = msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The password store could not be started: {problem}. So the password "
            "cannot be remembered. You will be asked for it when it is needed."),
            problem=_problem(error))
    return BackendStatus(f"{name} (not loaded)", False, reason, _platform_store_name())


def _select() -> tuple[KeyringBackend | None, BackendStatus]:
    """The first safe backend keyring offers (never a chain, which may fall back to a file).

    A store keyring cannot load (a ``keyringrc.cfg`` or ``PYTHON_KEYRING_BACKEND`` naming one
    that is missing or cannot run here) counts as no store at all, with the reason why.
    """
    try:
        candidates = _candidates(keyring.get_keyring())
    except Exception as e:  # keyring raises whatever loading the named backend raised
        return None, _load_failed(e)
    for backend in candidates:
        status = _describe(backend)
        if status.secure:
            return backend, status
    first = candidates[0] if candidates else None
    return first, _describe(first)


def backend_status() -> BackendStatus:
    """Where :func:`store_password` would keep a password, and whether that is safe."""
    return _select()[1]


def _failed(action: Msg, error: Exception) -> SecretStoreError:
    detail = str(error) or type(error).__name__
    return SecretStoreError(msg(CTX, QT_TRANSLATE_NOOP(
        "Secrets", "{action}: {detail}"), action=action, detail=detail))


def _check_account(host: str, user: str) -> None:
    if not host or not user:
        raise SecretStoreError(msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "A server name and a user name are both needed to find the password.")))


def store_password(host: str, user: str, password: str, *, allow_insecure: bool = False) -> None:
    """Keep *password* for *user* at *host* in the OS keyring.

    Raises :class:`SecretStoreError` when no safe store exists (unless *allow_insecure*, the
    user's explicit choice) or the store refuses.
    """
    _check_account(host, user)
    if not password:
        raise SecretStoreError(msg(CTX, QT_TRANSLATE_NOOP("Secrets", "The password is empty.")))
    backend, status = _select()
    if backend is None or not (status.secure or allow_insecure):
        raise SecretStoreError(status.reason)
    try:
        backend.set_password(SERVICE_NAME, account_key(host, user), password)
    except Exception as e:  # keyring, D-Bus and OS errors alike
        raise _failed(msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The {store} did not store the password"), store=status.platform_store_name), e) from e


def get_password(host: str, user: str) -> str | None:
    """The stored password for *user* at *host*, or None when there is none."""
    _check_account(host, user)
    backend, status = _select()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE_NAME, account_key(host, user))
    except keyring.errors.NoKeyringError:
        return None
    except Exception as e:
        raise _failed(msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The {store} did not give the password"), store=status.platform_store_name), e) from e


def delete_password(host: str, user: str) -> bool:
    """Forget the password for *user* at *host*; False when none was stored."""
    _check_account(host, user)
    backend, status = _select()
    if backend is None:
        return False
    try:
        if backend.get_password(SERVICE_NAME, account_key(host, user)) is None:
            return False
        backend.delete_password(SERVICE_NAME, account_key(host, user))
    except (keyring.errors.NoKeyringError, keyring.errors.PasswordDeleteError):
        return False
    except Exception as e:
        raise _failed(msg(CTX, QT_TRANSLATE_NOOP(
            "Secrets", "The {store} did not delete the password"), store=status.platform_store_name), e) from e
    return True


# --- msmtp's own Secret Service items -----------------------------------------------------


def msmtp_attributes(host: str, user: str) -> dict[str, str]:
    """The attributes msmtp looks a password up by (``secret-tool store host H service smtp
    user U`` stores the same)."""
    return {"host": host, "service": "smtp", "user": user}


@contextlib.contextmanager
def _secret_service() -> Iterator[Any]:
    """The default Secret Service collection, unlocked; SecretStoreError when unavailable."""
    unavailable = msg(CTX, QT_TRANSLATE_NOOP(
        "Secrets", "msmtp can only find a password in a Secret Service keyring (GNOME Keyring or "
        "KDE Wallet on Linux), and none is running."))
    try:
        import secretstorage
    except ImportError as e:
        raise SecretStoreError(unavailable) from e
    try:
        connection = secretstorage.dbus_init()
    except Exception as e:
        raise SecretStoreError(unavailable) from e
    try:
        if not secretstorage.check_service_availability(connection):
            raise SecretStoreError(unavailable)
        try:
            collection = secretstorage.get_default_collection(connection)
            if collection.is_locked():
                collection.unlock()
        except Exception as e:
            raise _failed(msg(CTX, QT_TRANSLATE_NOOP("Secrets", "The keyring could not be opened")), e) from e
        if collection.is_locked():
            raise SecretStoreError(msg(CTX, QT_TRANSLATE_NOOP(
                "Secrets", "The keyring is locked; unlock it and try again.")))
        yield collection
    finally:
        connection.close()


def msmtp_secret_supported() -> bool:
    """Whether a Secret Service is running that msmtp could read a password from."""
    try:
        with _secret_service():
            return True
    except SecretStoreError:
        return False


def store_msmtp_secret(host: str, user: str, password: str) -> None:
    """Store *password* where msmtp looks for it: a Secret Service item with msmtp's attributes.

    Items already there for the same host and user (whoever stored them) are replaced, so
    msmtp never finds an old password first. *host* must be written exactly as in the msmtp
    configuration's ``host`` line.
    """
    _check_account(host, user)
    if not password:
        raise SecretStoreError(msg(CTX, QT_TRANSLATE_NOOP("Secrets", "The password is empty.")))
    lookup = msmtp_attributes(host, user)
    with _secret_service() as collection:
        try:
            for item in list(collection.search_items(lookup)):
                item.delete()
            collection.create_item(
                f"msmtp: SMTP password for {user} at {host} (op25b-wizard)",
                {**lookup, "xdg:schema": MSMTP_SCHEMA, "application": MSMTP_APPLICATION},
                password.encode("utf-8"),
                replace=True,
            )
        except Exception as e:
            raise _failed(msg(CTX, QT_TRANSLATE_NOOP(
                "Secrets", "The keyring did not store the password for msmtp")), e) from e


def has_msmtp_secret(host: str, user: str) -> bool:
    """Whether msmtp would find a password for *user* at *host* (stored by anyone)."""
    try:
        with _secret_service() as collection:
            return any(True for _ in collection.search_items(msmtp_attributes(host, user)))
    except SecretStoreError:
        return False


def delete_msmtp_secret(host: str, user: str) -> bool:
    """Delete the msmtp items this program stored for *user* at *host*; never the user's own."""
    _check_account(host, user)
    ours = {**msmtp_attributes(host, user), "application": MSMTP_APPLICATION}
    try:
        with _secret_service() as collection:
            items = list(collection.search_items(ours))
            for item in items:
                item.delete()
            return bool(items)
    except SecretStoreError:
        return False
