"""Outlook (classic) for Windows: the outgoing settings of its POP and IMAP accounts, from the
registry of the current user.

Layout (from Microsoft's Account Management API reference, public admin scripts and account
readers; see docs/clients.md for the sources; verified on Wine's registry, not against a
running Outlook):

- profiles: ``HKCU\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles\\<name>`` (Outlook 2016,
  2019, 2021, Microsoft 365), ``...\\Office\\15.0\\...`` (2013) and
  ``HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Windows Messaging Subsystem\\Profiles\\<name>``
  (2007, 2010); the default profile is the value ``DefaultProfile`` of ``...\\Outlook`` (of
  ``...\\Profiles`` for 2007/2010);
- accounts: the subkeys (``00000002``, …) of ``<profile>\\9375CFF0413111d3B88A00104B2A6676``;
  a POP account has ``POP3 Server``, an IMAP account ``IMAP Server``; an Exchange or
  Microsoft 365 account has neither (its ``clsid`` is the MAPI account's) and is listed as
  managed by the organisation, never changed;
- strings (``Email``, ``Display Name``, ``SMTP Server``, ``SMTP User``, ``POP3 User``, …) are
  REG_BINARY holding UTF-16LE ending in NUL, or REG_SZ when another tool wrote them: both are
  read, and a value is written back with the type it has;
- DWORDs ``SMTP Port`` (25 when absent), ``SMTP Secure Connection`` (0 none, 1 SSL/TLS,
  2 STARTTLS, 3 automatic), ``SMTP Use Auth`` (1: "My outgoing server (SMTP) requires
  authentication");
- ``SMTP Password`` / ``POP3 Password`` / ``IMAP Password`` are never read or written (their
  names are listed, their data is not): Outlook asks for the password once;
- the new Outlook for Windows keeps its accounts with Microsoft, not here; a user who switched
  has ``UseNewOutlook`` = 1 in ``...\\Office\\16.0\\Outlook\\Preferences``.

What is written: ``SMTP Server`` (when the name differs), ``SMTP Port``, ``SMTP Secure
Connection``, ``SMTP Use Auth`` and ``SMTP User``, each only when it differs, and only while
``OUTLOOK.EXE`` is not running (Outlook rewrites its profile while it runs). Before writing,
the values of the account's key are saved in a backup folder (``manifest.json`` and a ``.reg``
file that puts them back when double-clicked); undo puts back each value apply wrote that
still holds what apply wrote, and names the others.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg, os_reason

from .base import (
    CTX,
    Account,
    AccountScan,
    ApplyResult,
    AuthMethod,
    BackupUnusable,
    Change,
    ClientError,
    ClientRunning,
    NoBackup,
    NoMatchingAccount,
    NothingToChange,
    Security,
    SmtpSettings,
    StaleChange,
    Unreadable,
    UnreadableSettings,
    UnsupportedChange,
    no_account_msg,
    not_readable_msg,
    running_msg,
    stale_msg,
)
from .planning import (
    backups_unreadable_msg,
    bad_backup_msg,
    check_after,
    make_backup,
    match_account,
    no_backup_msg,
    normalise,
    nothing_to_change_msg,
    same_settings,
    unreadable_msg,
)
from .reverting import SettingChange, SettingValue, UndoResult, sort_out
from .safe_write import UNDOABLE_STATES, Backup, atomic_write, list_backups
from .windows_registry import (
    HKCU,
    REG_BINARY,
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_SZ,
    TYPE_NAMES,
    Registry,
    RegValue,
    reg_file,
)

NAME = "outlook"
DISPLAY_NAME = "Outlook"
EXECUTABLE = "outlook.exe"

_WMS = r"Software\Microsoft\Windows NT\CurrentVersion\Windows Messaging Subsystem"


@dataclass(frozen=True)
class Layout:
    """Where one generation of Outlook keeps its profiles."""

    versions: str
    profiles: str
    """The key holding one subkey per profile (below HKCU)."""
    default_key: str
    """The key whose value ``DefaultProfile`` names the default profile."""


LAYOUTS: tuple[Layout, ...] = (
    Layout("2016, 2019, 2021, Microsoft 365", r"Software\Microsoft\Office\16.0\Outlook\Profiles",
           r"Software\Microsoft\Office\16.0\Outlook"),
    Layout("2013", r"Software\Microsoft\Office\15.0\Outlook\Profiles",
           r"Software\Microsoft\Office\15.0\Outlook"),
    Layout("2007, 2010", _WMS + r"\Profiles", _WMS + r"\Profiles"),
)
ACCOUNTS_KEY = "9375CFF0413111d3B88A00104B2A6676"
NEW_OUTLOOK_KEY = r"Software\Microsoft\Office\16.0\Outlook\Preferences"
NEW_OUTLOOK_VALUE = "UseNewOutlook"
MAPI_ACCOUNT_CLSID = "{ED475414-B0D6-11D2-8C3B-00104B2A6676}"

SERVER, PORT, SECURE, USE_AUTH, USER = (
    "SMTP Server", "SMTP Port", "SMTP Secure Connection", "SMTP Use Auth", "SMTP User")
OUTGOING_VALUES = (SERVER, PORT, SECURE, USE_AUTH, USER)
"""The only values apply writes (and undo puts back)."""
DEFAULT_PORT = 25
REG_FILE = "account.reg"
SECURITY_OF: dict[int, Security] = {0: "none", 1: "tls", 2: "starttls", 3: "starttls"}
SECURE_CODE: dict[str, int] = {"none": 0, "tls": 1, "starttls": 2}


def _is_secret(name: str) -> bool:
    return "password" in name.lower()


# -- messages ----------------------------------------------------------------------------------

def not_windows_msg() -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Outlook is a Windows program: its accounts can only be read and changed "
        "on Windows."))


def new_outlook_msg() -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "This computer uses the new Outlook for Windows, which keeps its accounts "
        "with Microsoft: they cannot be changed from outside Outlook. Enter the settings by hand "
        "from the settings sheet, which lists the new Outlook's steps."))


def managed_msg(email: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "{email} is managed by your organisation (Exchange or Microsoft 365): this "
        "program does not change it. Your IT department sets up how it sends."), email=email)


def _missing_msg(key: str, name: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "The Outlook account in {key} has no \"{name}\" value: it is not laid out "
        "the way Outlook lays out its accounts."), key=f"{HKCU}\\{key}", name=name)


def _bad_type_msg(key: str, name: str, kind: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "The Outlook account in {key} holds \"{name}\" as {type}, which is not how "
        "Outlook stores it."), key=f"{HKCU}\\{key}", name=name, type=kind)


def _bad_number_msg(key: str, name: str, value: int) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "The Outlook account in {key} holds {value} in \"{name}\", a value Outlook "
        "does not use."), key=f"{HKCU}\\{key}", name=name, value=value)


def no_profile_named_msg(name: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "No Outlook profile named {name} was found (op25b-wizard accounts lists "
        "them)."), name=name)


def _unsupported_auth_msg() -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Outlook can be set by this program only to sign in with the password "
        "(over an encrypted connection). Choose other sign-in methods in Outlook itself."))


def _write_failed_msg(key: str, reason: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "The Outlook settings in {key} could not be changed ({reason}). Nothing "
        "was changed."), key=f"{HKCU}\\{key}", reason=reason)


class NotOnWindows(ClientError):
    """Outlook's registry exists only on Windows."""


class _BadAccount(Exception):
    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


# -- reading values ------------------------------------------------------------------------------

def text_of(value: RegValue) -> str | None:
    """A string value as Outlook stores it (REG_BINARY UTF-16LE up to the NUL, or REG_SZ);
    None for any other type or for bytes that are not UTF-16LE."""
    if value.type in (REG_SZ, REG_EXPAND_SZ) and isinstance(value.data, str):
        return value.data.split("\0", 1)[0]
    if value.type == REG_BINARY and isinstance(value.data, bytes) and len(value.data) % 2 == 0:
        try:
            return value.data.decode("utf-16-le").split("\0", 1)[0]
        except UnicodeDecodeError:
            return None
    return None


def text_value(text: str, like: RegValue | None) -> RegValue:
    """*text* stored the way *like* is stored (REG_BINARY UTF-16LE with a NUL by default)."""
    if like is not None and like.type in (REG_SZ, REG_EXPAND_SZ):
        return RegValue(like.type, text)
    return RegValue(REG_BINARY, (text + "\0").encode("utf-16-le"))


def setting_value(value: RegValue | None) -> SettingValue:
    """A registry value as a backup's manifest records it (REG_BINARY as hex; None: absent)."""
    if value is None:
        return None
    data = value.to_json()["data"]
    return data if isinstance(data, str | int) else str(data)


def reg_value(kind: str, value: SettingValue) -> RegValue | None:
    """The registry value a manifest entry records (ValueError for one that is not)."""
    if value is None:
        return None
    codes = {name: code for code, name in TYPE_NAMES.items()}
    if kind not in codes:
        raise ValueError(f"a change of an unknown registry type ({kind})")
    return RegValue.from_json({"type": codes[kind], "data": value})


def setting_text(kind: str, value: SettingValue) -> str:
    """A recorded value as Outlook shows it (a REG_BINARY string decoded)."""
    try:
        reg = reg_value(kind, value)
    except ValueError:
        reg = None
    text = text_of(reg) if reg is not None and reg.type != REG_DWORD else None
    return text if text is not None else str(value)


@dataclass
class AccountKey:
    """One account subkey and the values read from it (never a password)."""

    key: str
    values: dict[str, RegValue]

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.values.get(name)
        if value is None:
            if required:
                raise _BadAccount(_missing_msg(self.key, name))
            return None
        out = text_of(value)
        if out is None:
            raise _BadAccount(_bad_type_msg(self.key, name, value.type_name))
        return out

    def number(self, name: str, default: int) -> int:
        value = self.values.get(name)
        if value is None:
            return default
        if value.type != REG_DWORD or not isinstance(value.data, int):
            raise _BadAccount(_bad_type_msg(self.key, name, value.type_name))
        return value.data


@dataclass(frozen=True)
class Profile:
    layout: Layout
    name: str

    @property
    def key(self) -> str:
        return f"{self.layout.profiles}\\{self.name}"

    @property
    def path(self) -> Path:
        return Path(f"{HKCU}\\{self.key}")


class OutlookClient:
    name = NAME
    display_name = DISPLAY_NAME

    def __init__(self, home: Path | None = None, env: Mapping[str, str] | None = None,
                 platform: str | None = None, *, registry: Registry | None = None,
                 process_names: Callable[[], Iterable[str]] | None = None,
                 backup_root: Path | None = None) -> None:
        self.env = env if env is not None else os.environ
        self.platform = platform or sys.platform
        if registry is None and self.platform == "win32" and sys.platform == "win32":
            from .windows_registry import WinRegistry

            registry = WinRegistry()
        self.registry = registry
        if process_names is None:
            from .windows_processes import running_exe_names

            process_names = running_exe_names
        self.process_names = process_names
        self._backup_root = backup_root

    # -- where things are --------------------------------------------------------------------

    @property
    def backup_root(self) -> Path:
        """``%LOCALAPPDATA%\\op25b-wizard\\Outlook`` (the registry has no folder to keep
        backups beside)."""
        if self._backup_root is not None:
            return self._backup_root
        base = self.env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "op25b-wizard" / "Outlook"

    def unavailable(self) -> Msg | None:
        """Why Outlook cannot be read or changed here (off Windows), or None."""
        return not_windows_msg() if self.registry is None else None

    def _reg(self) -> Registry:
        if self.registry is None:
            raise NotOnWindows(not_windows_msg())
        return self.registry

    def uses_new_outlook(self) -> bool:
        if self.registry is None:
            return False
        value = self.registry.get(NEW_OUTLOOK_KEY, NEW_OUTLOOK_VALUE)
        return value is not None and value.type == REG_DWORD and value.data == 1

    def _profiles(self) -> list[Profile]:
        if self.registry is None:
            return []
        found: list[Profile] = []
        for layout in LAYOUTS:
            names = self.registry.subkeys(layout.profiles)
            default = self.registry.get(layout.default_key, "DefaultProfile")
            default_name = text_of(default) if default is not None else None
            names.sort(key=lambda n: (n != default_name, n.lower()))
            found += [Profile(layout, n) for n in names]
        return found

    def profiles(self) -> list[Path]:
        return [p.path for p in self._profiles()]

    def profile_named(self, text: str) -> Path:
        """The profile a user names on the command line: its name (the newest Outlook's first)
        or its full registry path."""
        self._reg()
        wanted = text.strip().rstrip("\\")
        for p in self._profiles():
            if wanted.lower() in (p.name.lower(), str(p.path).lower()):
                return p.path
        raise NoMatchingAccount(no_profile_named_msg(text))

    def _profile_at(self, path: Path) -> Profile:
        for p in self._profiles():
            if str(p.path).lower() == str(path).lower():
                return p
        raise NoMatchingAccount(no_profile_named_msg(str(path)))

    # -- reading -------------------------------------------------------------------------------

    def _account_key(self, key: str) -> AccountKey:
        reg = self._reg()
        try:
            names = reg.value_names(key)
        except FileNotFoundError:
            raise _BadAccount(_missing_msg(key, "SMTP Server")) from None
        values: dict[str, RegValue] = {}
        for n in names:
            if _is_secret(n):
                continue  # a stored password: never read
            v = reg.get(key, n)
            if v is not None:
                values[n] = v
        return AccountKey(key, values)

    def _account(self, profile: Profile, sub: str) -> tuple[Account, AccountKey] | None:
        """The account in one subkey (None: not a mail account: an address book, a data
        file). Raises _BadAccount for a key that is not laid out as Outlook lays it out."""
        key = f"{profile.key}\\{ACCOUNTS_KEY}\\{sub}"
        a = self._account_key(key)
        incoming = next((kind for kind in ("POP3", "IMAP") if f"{kind} Server" in a.values), None)
        email = a.text("Email") or ""
        display = a.text("Display Name") or None
        if incoming is None:
            clsid = a.text("clsid") or ""
            account_name = a.text("Account Name") or ""
            if not email and "@" in account_name:
                email = account_name
            if clsid.upper() != MAPI_ACCOUNT_CLSID and not email:
                return None
            account = Account(NAME, DISPLAY_NAME, profile.path, sub, email, display,
                              SmtpSettings("", 0, "none", "none", None), Path(f"{HKCU}\\{key}"),
                              identities=[email] if email else [], managed=True)
            return account, a
        if not email:
            raise _BadAccount(_missing_msg(key, "Email"))
        host = a.text(SERVER, required=True) or ""
        port = a.number(PORT, DEFAULT_PORT)
        code = a.number(SECURE, 0)
        if code not in SECURITY_OF:
            raise _BadAccount(_bad_number_msg(key, SECURE, code))
        use_auth = a.number(USE_AUTH, 0)
        incoming_user = a.text(f"{incoming} User") or None
        auth: AuthMethod = "normal" if use_auth else "none"
        username = (a.text(USER) or incoming_user) if use_auth else (a.text(USER) or None)
        smtp = SmtpSettings(host, port, SECURITY_OF[code], auth, username or None)
        account = Account(NAME, DISPLAY_NAME, profile.path, sub, email, display, smtp,
                          Path(f"{HKCU}\\{key}"), identities=[email],
                          incoming_username=incoming_user)
        return account, a

    def _scan_profile(self, profile: Profile) -> AccountScan:
        found = AccountScan()
        for sub in self._reg().subkeys(f"{profile.key}\\{ACCOUNTS_KEY}"):
            try:
                read = self._account(profile, sub)
            except _BadAccount as e:
                found.unreadable.append(Unreadable(
                    NAME, DISPLAY_NAME, Path(f"{HKCU}\\{profile.key}\\{ACCOUNTS_KEY}\\{sub}"),
                    e.message))
                continue
            except OSError as e:
                where = Path(f"{HKCU}\\{profile.key}\\{ACCOUNTS_KEY}\\{sub}")
                found.unreadable.append(Unreadable(NAME, DISPLAY_NAME, where,
                                                   unreadable_msg(where, e)))
                continue
            if read is not None:
                found.accounts.append(read[0])
        return found

    def scan(self, profile: Path | None = None) -> AccountScan:
        if self.registry is None:
            if profile is not None:
                raise NotOnWindows(not_windows_msg())
            return AccountScan()
        if self.uses_new_outlook():
            return AccountScan(unreadable=[Unreadable(
                NAME, DISPLAY_NAME, Path(f"{HKCU}\\{NEW_OUTLOOK_KEY}"), new_outlook_msg())])
        profiles = [self._profile_at(profile)] if profile is not None else self._profiles()
        found = AccountScan()
        for p in profiles:
            part = self._scan_profile(p)
            found.accounts += part.accounts
            found.unreadable += part.unreadable
        return found

    def accounts(self, profile: Path | None = None) -> list[Account]:
        return self.scan(profile).accounts

    def is_running(self, profile: Path | None = None) -> bool:
        """Outlook holds no lock on its registry keys: any running ``OUTLOOK.EXE`` counts."""
        return any(n.replace("/", "\\").rsplit("\\", 1)[-1].lower() == EXECUTABLE
                   for n in self.process_names())

    # -- planning ------------------------------------------------------------------------------

    def _check_usable(self) -> None:
        self._reg()
        if self.uses_new_outlook():
            raise UnsupportedChange(new_outlook_msg())

    def plan(self, email: str, after: SmtpSettings, profile: Path | None = None, *,
             key: str | None = None) -> Change:
        self._check_usable()
        after = check_after(after)
        if after.auth not in ("none", "normal"):
            raise UnsupportedChange(_unsupported_auth_msg())
        profiles = [self._profile_at(profile)] if profile is not None else self._profiles()
        if not profiles:
            raise NoMatchingAccount(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "No Outlook (classic) profile was found for this user.")))
        problems: list[Unreadable] = []
        for p in profiles:
            scan = self._scan_profile(p)
            problems += scan.unreadable
            account = match_account(scan.accounts, email, key, self.display_name)
            if account is None:
                continue
            if account.managed:
                raise UnsupportedChange(managed_msg(account.email))
            after = normalise(account.smtp, after)
            try:
                read = self._account(p, account.key)
            except _BadAccount as e:  # changed since the scan a moment ago
                raise UnreadableSettings(e.message) from None
            if read is None:
                raise NoMatchingAccount(no_account_msg(self.display_name, email, key))
            edits = self._edits(read[1], account.smtp, after)
            return Change(account, account.smtp, after, [account.location] if edits else [])
        named = [u for u in problems if key is not None and u.path.name == key]
        if named:  # the account asked for is there, but cannot be read
            raise UnreadableSettings(named[0].reason)
        if problems and key is None:
            raise UnreadableSettings(not_readable_msg(self.display_name, email, problems))
        raise NoMatchingAccount(no_account_msg(self.display_name, email, key))

    def _edits(self, a: AccountKey, before: SmtpSettings, after: SmtpSettings,
               ) -> dict[str, RegValue]:
        """The values to write (name → value in the type the key already uses)."""
        like = a.values.get(SERVER)
        edits: dict[str, RegValue] = {}
        if after.host.lower() != before.host.lower():
            edits[SERVER] = text_value(after.host, like)
        if a.number(PORT, DEFAULT_PORT) != after.port:
            edits[PORT] = RegValue(REG_DWORD, after.port)
        if a.number(SECURE, 0) != SECURE_CODE[after.security]:
            edits[SECURE] = RegValue(REG_DWORD, SECURE_CODE[after.security])
        if a.number(USE_AUTH, 0) != (0 if after.auth == "none" else 1):
            edits[USE_AUTH] = RegValue(REG_DWORD, 0 if after.auth == "none" else 1)
        if after.auth != "none" and (after.username or None) != before.username:
            edits[USER] = text_value(after.username or "", a.values.get(USER) or like)
        return edits

    # -- applying ------------------------------------------------------------------------------

    def _check_not_running(self, profile: Path) -> None:
        if self.is_running(profile):
            raise ClientRunning(running_msg(self.display_name, profile))

    def apply(self, change: Change) -> ApplyResult:
        if change.is_empty:
            raise NothingToChange(nothing_to_change_msg())
        self._check_usable()
        account = change.account
        if account.managed:
            raise UnsupportedChange(managed_msg(account.email))
        profile = self._profile_at(account.profile)
        self._check_not_running(profile.path)
        try:
            read = self._account(profile, account.key)
        except _BadAccount as e:
            raise UnreadableSettings(e.message) from None
        key = f"{profile.key}\\{ACCOUNTS_KEY}\\{account.key}"
        if read is None or read[0].smtp != change.before:
            raise StaleChange(stale_msg(Path(f"{HKCU}\\{key}")))
        values = read[1]
        edits = self._edits(values, change.before, change.after)
        backup = self._back_up(change, key, values, edits)
        try:
            self._check_not_running(profile.path)  # once more, right before writing
        except ClientRunning:
            backup.mark("undone", note="Outlook was started")
            raise
        reg = self._reg()
        try:
            for name, value in edits.items():
                reg.set(key, name, value)
            written = self._account(profile, account.key)
        except (OSError, _BadAccount) as e:
            self._put_back(key, {n: values.values.get(n) for n in edits})
            backup.mark("undone", note="the values could not be written")
            raise UnreadableSettings(_write_failed_msg(key, str(e))) from None
        if written is None or not same_settings(written[0].smtp, change.after):
            self._put_back(key, {n: values.values.get(n) for n in edits})
            backup.mark("undone", note="settings did not read back as planned")
            raise UnreadableSettings(_write_failed_msg(key, "read back differently"))
        backup.mark("applied")
        return ApplyResult(change, backup.directory)

    def _back_up(self, change: Change, key: str, values: AccountKey,
                 edits: dict[str, RegValue]) -> Backup:
        """A backup folder: the manifest (each value apply writes, before and after) and a
        ``.reg`` file that sets the account's key back as it is now."""
        changes = [SettingChange(key, n, TYPE_NAMES.get(v.type, str(v.type)),
                                 setting_value(values.values.get(n)), setting_value(v))
                   for n, v in edits.items()]
        backup = make_backup(self.backup_root, NAME, [], change, changes)
        saved: dict[str, RegValue | None] = dict(values.values)
        saved.update({n: None for n in edits if n not in values.values})
        try:
            atomic_write(backup.directory / REG_FILE, reg_file(key, saved), mode=0o600)
            backup.mark("applying", registry_key=f"{HKCU}\\{key}", reg_file=REG_FILE)
        except OSError as e:
            import shutil

            shutil.rmtree(backup.directory, ignore_errors=True)
            raise BackupUnusable(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "The backup could not be saved in {path} ({reason}). Nothing was "
                "changed."), path=str(backup.directory), reason=os_reason(e))) from None
        return backup

    def _put_back(self, key: str, values: Mapping[str, RegValue | None]) -> None:
        reg = self._reg()
        for name, value in values.items():
            try:
                if value is None:
                    reg.delete(key, name)
                else:
                    reg.set(key, name, value)
            except OSError:
                continue

    # -- undoing -------------------------------------------------------------------------------

    def undo(self, profile: Path | None = None) -> UndoResult:
        self._reg()
        if profile is not None:
            profile = self._profile_at(profile).path
        try:
            backups = [b for b in list_backups(self.backup_root, NAME)
                       if b.state in UNDOABLE_STATES
                       and (profile is None
                            or str(b.manifest.get("account", {}).get("profile", "")).lower()
                            == str(profile).lower())]
        except OSError as e:
            raise BackupUnusable(backups_unreadable_msg(self.backup_root, e)) from None
        if not backups:
            raise NoBackup(no_backup_msg(self.display_name))
        backup = backups[0]
        account_info = backup.manifest.get("account", {})
        where = Path(str(account_info.get("profile", "")))
        self._check_not_running(where)
        try:
            changes = self._saved_changes(backup)
        except ValueError as e:
            raise UnreadableSettings(bad_backup_msg(backup.directory, str(e))) from None
        reg = self._reg()
        before_account = self._find(where, str(account_info.get("key", "")))
        revert, kept = sort_out(changes, lambda c: setting_value(reg.get(c.where, c.name)))
        try:
            backup.mark("undoing")
            for c in revert:
                old = reg_value(c.type, c.before)
                if old is None:
                    reg.delete(c.where, c.name)
                else:
                    reg.set(c.where, c.name, old)
        except OSError as e:  # the backup stays undoable: undo can be run again
            raise UnreadableSettings(_write_failed_msg(changes[0].where, str(e))) from None
        backup.mark("undone", kept=[{**k.change.to_dict(), "now": k.now} for k in kept])
        after_account = self._find(where, str(account_info.get("key", "")))
        files = [after_account.location] if revert and after_account is not None else []
        change = None
        if before_account is not None and after_account is not None:
            change = Change(after_account, before_account.smtp, after_account.smtp, files)
        return UndoResult(backup.directory, change, kept, files)

    def _saved_changes(self, backup: Backup) -> list[SettingChange]:
        """The values the apply wrote; only outgoing values of an Outlook account key are
        accepted from a manifest (ValueError for anything else)."""
        from .reverting import read_changes

        changes = read_changes(backup.manifest) or []
        if not changes:
            raise ValueError("the list of changes is missing")
        for c in changes:
            if c.name not in OUTGOING_VALUES:
                raise ValueError("a change names a value apply does not write")
            parts = c.where.split("\\")
            if (len(parts) < 3 or parts[-2] != ACCOUNTS_KEY
                    or not any(c.where.startswith(layout.profiles + "\\") for layout in LAYOUTS)):
                raise ValueError("a change names a key that is not an Outlook account")
            reg_value(c.type, c.before)
            reg_value(c.type, c.after)
        return changes

    def _find(self, profile: Path, key: str) -> Account | None:
        try:
            p = self._profile_at(profile)
            read = self._account(p, key)
        except (ClientError, _BadAccount, OSError):
            return None
        return read[0] if read else None

