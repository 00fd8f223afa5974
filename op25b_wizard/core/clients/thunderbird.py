"""Thunderbird: outgoing servers from a profile's ``prefs.js`` (and ``user.js``), changed safely.

What is read (``mail.`` prefs; ``user.js`` ``user_pref`` lines override ``prefs.js``):
``mail.smtpservers`` (server keys), ``mail.smtp.defaultserver``, per server
``mail.smtpserver.<key>.hostname|port|try_ssl|authMethod|username|type``, identities from
``mail.accountmanager.accounts`` → ``mail.account.<a>.identities`` →
``mail.identity.<id>.useremail|fullName|smtpServer`` (an empty ``smtpServer`` means the
default server).

What is written: only ``hostname`` (when it differs), ``port``, ``try_ssl``, ``authMethod`` and
``username`` of one server, each only when its own value differs; in ``prefs.js`` always, and
in ``user.js`` too where ``user.js`` sets the same pref (it would win at the next start).
Each pref written is recorded in the backup (file, name, type, before, after); undo puts back
those whose value is still the one written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

from . import profile_lock
from .base import (
    CTX,
    Account,
    AccountScan,
    ApplyResult,
    AuthMethod,
    Change,
    ClientError,
    ClientRunning,
    NoMatchingAccount,
    NothingToChange,
    Security,
    SmtpSettings,
    StaleChange,
    Unreadable,
    UnreadableSettings,
    UserJsConflict,
    no_account_msg,
    no_profile_msg,
    not_readable_msg,
    running_msg,
    stale_msg,
)
from .planning import (
    check_after,
    make_backup,
    match_account,
    newest_backup,
    normalise,
    not_editable_msg,
    not_written_msg,
    nothing_to_change_msg,
    recorded_changes,
    recorded_settings,
    roll_back,
    same_settings,
    saved_copy,
    undo_result,
    undo_values,
    unreadable_msg,
    value_type,
    writable,
)
from .prefs_js import PrefsDocument, PrefsEditError, PrefValue
from .profiles import find_profiles
from .reverting import SettingChange, SettingValue, UndoResult
from .safe_write import Backup, atomic_write

TRY_SSL: dict[str, int] = {"none": 0, "starttls": 2, "tls": 3}
AUTH_METHOD: dict[str, int] = {"none": 1, "normal": 3, "encrypted": 4, "oauth2": 10}
SERVER_FIELDS = ("hostname", "port", "try_ssl", "authMethod", "username")
PROFILE_MARKERS = ("prefs.js", "user.js", "times.json", "compatibility.ini", ".parentlock",
                   "parent.lock")
"""Files only a Thunderbird profile folder holds (``times.json`` is written when it is made)."""
# Thunderbird's built-in defaults (mailnews.js) for a server without its own value.
DEFAULT_TRY_SSL = 0
DEFAULT_AUTH_METHOD = 3


def security_of(try_ssl: int) -> Security:
    # 1 was "STARTTLS if available"; Thunderbird 128+ migrates it to 2 (always STARTTLS).
    return {3: "tls", 2: "starttls", 1: "starttls"}.get(try_ssl, "none")


def auth_of(method: int) -> AuthMethod:
    return {1: "none", 3: "normal", 4: "encrypted", 10: "oauth2"}.get(method, "other")  # type: ignore[return-value]


def default_port(security: str) -> int:
    """The port Thunderbird uses when a server has none (``SmtpClient``: 465 for SSL/TLS, else
    587)."""
    return 465 if security == "tls" else 587


def _keys(text: PrefValue | None) -> list[str]:
    if not isinstance(text, str):
        return []
    out: list[str] = []
    for k in (part.strip() for part in text.split(",")):
        if k and k not in out:
            out.append(k)
    return out


@dataclass
class _Profile:
    """One profile's preference files, parsed."""

    path: Path
    prefs_path: Path
    prefs: PrefsDocument
    user_js_path: Path
    user_js: PrefsDocument | None

    @cached_property
    def values(self) -> dict[str, PrefValue]:
        merged = self.prefs.user_values()
        if self.user_js:
            merged.update(self.user_js.user_values())
        return merged

    def value(self, name: str) -> PrefValue | None:
        v = self.values
        if name in v:
            return v[name]
        return self.user_js.default_values().get(name) if self.user_js else None

    def int_value(self, name: str) -> int | None:
        v = self.value(name)
        return v if isinstance(v, int) and not isinstance(v, bool) else None

    def str_value(self, name: str) -> str | None:
        v = self.value(name)
        return v if isinstance(v, str) else None


class ThunderbirdClient:
    name = "thunderbird"
    display_name = "Thunderbird"

    def __init__(self, home: Path | None = None, env: Mapping[str, str] | None = None,
                 platform: str | None = None) -> None:
        self.home = home if home is not None else Path.home()
        self.env = env if env is not None else os.environ
        self.platform = platform or sys.platform

    # -- reading ---------------------------------------------------------------------------

    def profiles(self) -> list[Path]:
        return [e.path for e in find_profiles(self.home, self.env, self.platform)]

    def _is_profile(self, path: Path) -> bool:
        """A folder Thunderbird made (one of its own files is there) or one ``profiles.ini``
        lists (a profile never opened yet); any other folder is not a profile."""
        if not path.is_dir():
            return False
        if any((path / name).exists() for name in PROFILE_MARKERS):
            return True
        wanted = path.resolve()
        return any(p.resolve() == wanted for p in self.profiles())

    def _load(self, profile: Path) -> _Profile:
        prefs_path = profile / "prefs.js"
        user_js_path = profile / "user.js"
        try:
            prefs = PrefsDocument.read(prefs_path)
        except FileNotFoundError:
            if not self._is_profile(profile):
                raise NoMatchingAccount(no_profile_msg(self.display_name, profile)) from None
            prefs = PrefsDocument(b"")  # a profile never opened yet: no accounts
        except OSError as e:
            raise UnreadableSettings(unreadable_msg(prefs_path, e), prefs_path) from None
        try:
            user_js = PrefsDocument.read(user_js_path) if user_js_path.exists() else None
        except OSError as e:
            raise UnreadableSettings(unreadable_msg(user_js_path, e), user_js_path) from None
        return _Profile(profile, prefs_path, prefs, user_js_path, user_js)

    def _server_settings(self, p: _Profile, key: str) -> SmtpSettings:
        pre = f"mail.smtpserver.{key}."
        try_ssl = p.int_value(pre + "try_ssl")
        if try_ssl is None:
            try_ssl = p.int_value("mail.smtpserver.default.try_ssl")
        security = security_of(DEFAULT_TRY_SSL if try_ssl is None else try_ssl)
        method = p.int_value(pre + "authMethod")
        if method is None:
            method = p.int_value("mail.smtpserver.default.authMethod")
        port = p.int_value(pre + "port") or default_port(security)
        return SmtpSettings(
            host=p.str_value(pre + "hostname") or "",
            port=port,
            security=security,
            auth=auth_of(DEFAULT_AUTH_METHOD if method is None else method),
            username=p.str_value(pre + "username") or None,
        )

    def _server_keys(self, p: _Profile) -> list[str]:
        return [k for k in _keys(p.value("mail.smtpservers"))
                if (p.str_value(f"mail.smtpserver.{k}.type") or "smtp") == "smtp"]

    def _identities(self, p: _Profile) -> list[str]:
        values = p.values
        ids: list[str] = []
        accounts = _keys(values.get("mail.accountmanager.accounts"))
        if accounts:
            for a in accounts:
                for i in _keys(values.get(f"mail.account.{a}.identities")):
                    if i not in ids:
                        ids.append(i)
        else:
            for name in values:
                if name.startswith("mail.identity.") and name.endswith(".useremail"):
                    i = name[len("mail.identity."):-len(".useremail")]
                    if i not in ids:
                        ids.append(i)
        return ids

    def _incoming_users(self, p: _Profile) -> dict[str, str]:
        """Identity key → the user name of its account's incoming server."""
        users: dict[str, str] = {}
        for a in _keys(p.values.get("mail.accountmanager.accounts")):
            server = p.str_value(f"mail.account.{a}.server")
            user = p.str_value(f"mail.server.{server}.userName") if server else None
            if user:
                for i in _keys(p.values.get(f"mail.account.{a}.identities")):
                    users.setdefault(i, user)
        return users

    def _accounts(self, p: _Profile) -> list[Account]:
        keys = self._server_keys(p)
        if not keys:
            return []
        default_key = p.str_value("mail.smtp.defaultserver") or keys[0]
        incoming = self._incoming_users(p)
        senders: dict[str, list[tuple[str, str | None, str | None]]] = {k: [] for k in keys}
        for i in self._identities(p):
            email = p.str_value(f"mail.identity.{i}.useremail")
            if not email:
                continue
            key = p.str_value(f"mail.identity.{i}.smtpServer") or default_key
            if key in senders and email.lower() not in [e.lower() for e, *_ in senders[key]]:
                senders[key].append((email, p.str_value(f"mail.identity.{i}.fullName") or None,
                                     incoming.get(i)))
        user_js_names = set(p.user_js.user_values()) if p.user_js else set()
        accounts = []
        for key in keys:
            smtp = self._server_settings(p, key)
            sending = senders[key]
            if sending:
                email, display, incoming_user = sending[0]
            else:
                email = smtp.username if smtp.username and "@" in smtp.username else ""
                display = incoming_user = None
            in_user_js = any(f"mail.smtpserver.{key}.{f}" in user_js_names for f in SERVER_FIELDS)
            accounts.append(Account(
                client=self.name, client_name=self.display_name, profile=p.path, key=key,
                email=email, display_name=display, smtp=smtp,
                location=p.user_js_path if in_user_js else p.prefs_path,
                identities=[e for e, *_ in sending], incoming_username=incoming_user))
        return accounts

    def _unreadable(self, profile: Path, error: UnreadableSettings) -> Unreadable:
        return Unreadable(self.name, self.display_name, error.path or profile, error.message)

    def scan(self, profile: Path | None = None) -> AccountScan:
        if profile is not None:
            return AccountScan(self._accounts(self._load(profile)))
        found = AccountScan()
        for path in self.profiles():
            try:
                found.accounts += self._accounts(self._load(path))
            except NoMatchingAccount:
                continue  # listed in profiles.ini but never used
            except UnreadableSettings as e:
                found.unreadable.append(self._unreadable(path, e))
        return found

    def accounts(self, profile: Path | None = None) -> list[Account]:
        return self.scan(profile).accounts

    def is_running(self, profile: Path) -> bool:
        return profile_lock.is_locked(profile, self.platform)

    # -- planning --------------------------------------------------------------------------

    def plan(self, email: str, after: SmtpSettings, profile: Path | None = None, *,
             key: str | None = None) -> Change:
        after = check_after(after)
        profiles = [profile] if profile is not None else self.profiles()
        if not profiles:
            raise NoMatchingAccount(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "No {client} profile was found for this user."), client=self.display_name))
        unreadable: list[Unreadable] = []
        for path in profiles:
            try:
                p = self._load(path)
            except NoMatchingAccount:
                if profile is not None:
                    raise
                continue
            except UnreadableSettings as e:
                if profile is not None:
                    raise
                unreadable.append(self._unreadable(path, e))  # another profile may hold it
                continue
            account = match_account(self._accounts(p), email, key, self.display_name)
            if account is None:
                continue
            return self._change(p, account, after)
        if unreadable:
            raise UnreadableSettings(not_readable_msg(self.display_name, email, unreadable))
        raise NoMatchingAccount(no_account_msg(self.display_name, email, key))

    def _change(self, p: _Profile, account: Account, after: SmtpSettings) -> Change:
        before = account.smtp
        after = normalise(before, after)
        edits = self._edits(p, account.key, before, after)
        files: list[Path] = []
        if edits:
            files.append(p.prefs_path)
            if p.user_js and any(p.user_js.user_statements(n) for n in edits):
                files.append(p.user_js_path)
        return Change(account, before, after, files)

    def _edits(self, p: _Profile, key: str, before: SmtpSettings,
               after: SmtpSettings) -> dict[str, PrefValue]:
        """Prefs to write: each one whose own value is not already the wanted one."""
        pre = f"mail.smtpserver.{key}."
        edits: dict[str, PrefValue] = {}
        if after.host.lower() != before.host.lower():
            edits[pre + "hostname"] = after.host
        wanted = {"port": after.port, "try_ssl": TRY_SSL[after.security],
                  "authMethod": AUTH_METHOD[after.auth]}
        for field, value in wanted.items():
            if p.int_value(pre + field) != value:
                edits[pre + field] = value
        if after.username is not None and (p.str_value(pre + "username") or "") != after.username:
            edits[pre + "username"] = after.username
        return edits

    # -- applying --------------------------------------------------------------------------

    def apply(self, change: Change) -> ApplyResult:
        if change.is_empty:
            raise NothingToChange(nothing_to_change_msg())
        account = change.account
        profile = account.profile
        try:
            with profile_lock.hold(profile, self.platform):
                return self._apply_locked(change, profile, account.key)
        except profile_lock.ProfileLocked:
            raise ClientRunning(running_msg(self.display_name, profile)) from None

    def _apply_locked(self, change: Change, profile: Path, key: str) -> ApplyResult:
        p = self._load(profile)
        current = next((a for a in self._accounts(p) if a.key == key), None)
        if current is None or current.smtp != change.before:
            raise StaleChange(stale_msg(p.prefs_path))
        edits = self._edits(p, key, change.before, change.after)
        writes: list[tuple[Path, bytes]] = []
        try:
            writes.append((p.prefs_path, p.prefs.edit(edits)))
        except PrefsEditError:
            raise UnreadableSettings(not_editable_msg(p.prefs_path)) from None
        if p.user_js:
            in_user_js = {n: v for n, v in edits.items() if p.user_js.user_statements(n)}
            if in_user_js:
                try:
                    writes.append((p.user_js_path, p.user_js.edit(in_user_js,
                                                                  insert_missing=False)))
                except PrefsEditError:
                    raise UserJsConflict(_user_js_msg(p.user_js_path)) from None
                if not writable(p.user_js_path):
                    raise UserJsConflict(_user_js_msg(p.user_js_path))
        if not writable(p.prefs_path):
            raise UnreadableSettings(not_editable_msg(p.prefs_path))
        changes = _recorded(p, edits)
        backup = make_backup(profile, self.name, [path for path, _ in writes], change, changes)
        for path, data in writes:
            try:
                atomic_write(path, data)
            except OSError as e:
                roll_back(backup, "a file could not be written")
                if path == p.user_js_path:
                    raise UserJsConflict(_user_js_msg(path)) from None
                raise UnreadableSettings(not_written_msg(path, e)) from None
        written = next((a for a in self._accounts(self._load(profile)) if a.key == key), None)
        if written is None or not same_settings(written.smtp, change.after):
            roll_back(backup, "settings did not read back as planned")
            raise UnreadableSettings(not_editable_msg(p.prefs_path))
        with contextlib.suppress(OSError):  # written; a backup still "applying" undoes as well
            backup.mark("applied")
        return ApplyResult(change, backup.directory)

    # -- undoing ---------------------------------------------------------------------------

    def undo(self, profile: Path | None = None) -> UndoResult:
        if profile is not None and not self._is_profile(profile):
            raise NoMatchingAccount(no_profile_msg(self.display_name, profile))
        profiles = [profile] if profile is not None else self.profiles()
        backup = newest_backup(profiles, self.name, self.display_name)
        path = backup.root
        try:
            with profile_lock.hold(path, self.platform):
                return self._undo_locked(backup, path)
        except profile_lock.ProfileLocked:
            raise ClientRunning(running_msg(self.display_name, path)) from None

    def _undo_locked(self, backup: Backup, path: Path) -> UndoResult:
        key = str(backup.manifest.get("account", {}).get("key", ""))
        p = self._load(path)
        now = next((a for a in self._accounts(p) if a.key == key), None)
        changes = recorded_changes(backup)
        if changes is None:
            changes = self._changes_of_old_backup(backup, key)
        docs: dict[str, tuple[Path, PrefsDocument | None]] = {
            "prefs.js": (p.prefs_path, p.prefs), "user.js": (p.user_js_path, p.user_js)}

        def current(c: SettingChange) -> SettingValue:
            doc = docs.get(c.where, (None, None))[1]
            return doc.user_values().get(c.name) if doc is not None else None

        def edit(where: str, values: dict[str, SettingValue]) -> tuple[Path, bytes]:
            target, doc = docs[where]
            assert doc is not None  # a value to put back was read from it
            try:
                return target, doc.edit(values, insert_missing=False)
            except PrefsEditError:
                raise UnreadableSettings(not_editable_msg(target)) from None

        files, kept = undo_values(backup, changes, current, edit)
        return undo_result(backup, now, self._find(path, key), files, kept)

    def _changes_of_old_backup(self, backup: Backup, key: str) -> list[SettingChange]:
        """What an apply recorded in a backup without a list of values changed: worked out,
        as that apply did, from the saved copies and the settings before and after."""
        before, after = recorded_settings(backup)
        saved = {name: saved_copy(backup, name) for name in ("prefs.js", "user.js")}
        if saved["prefs.js"] is None:
            return []
        user_js = PrefsDocument(saved["user.js"]) if saved["user.js"] is not None else None
        old = _Profile(backup.root, backup.root / "prefs.js", PrefsDocument(saved["prefs.js"]),
                       backup.root / "user.js", user_js)
        return _recorded(old, self._edits(old, key, before, after))

    def _find(self, profile: Path, key: str) -> Account | None:
        try:
            return next((a for a in self._accounts(self._load(profile)) if a.key == key), None)
        except ClientError:
            return None


def _recorded(p: _Profile, edits: dict[str, PrefValue]) -> list[SettingChange]:
    """The values an apply writes: each pref in prefs.js, and in user.js where it sets it."""
    changes = [SettingChange("prefs.js", name, value_type(value),
                             p.prefs.user_values().get(name), value)
               for name, value in edits.items()]
    if p.user_js is not None:
        old = p.user_js.user_values()
        changes += [SettingChange("user.js", name, value_type(value), old.get(name), value)
                    for name, value in edits.items() if name in old]
    return changes


def _user_js_msg(path: Path) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "{path} also sets this outgoing server and cannot be changed (it is read-only or "
             "not in the expected format). Thunderbird would keep using its values. Edit or "
             "remove those lines in user.js, then try again. Nothing was changed."),
        path=str(path))
