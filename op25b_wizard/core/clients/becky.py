"""Becky! Internet Mail: outgoing settings of each mailbox, from ``Mailbox.ini``.

Layout (as Thunderbird's Becky! importer reads it): the data folder (the one Becky! records in
the registry, ``HKEY_CURRENT_USER\\Software\\RimArts\\B2\\Settings`` value ``DataDir``, else
``Documents\\Becky``, formerly ``C:\\Becky!\\<user>``) holds ``Folder.lst``, one mailbox
folder name per line (the first is the default); each mailbox folder holds ``Mailbox.ini`` in
the ANSI code page with an ``[Account]`` section: ``MailAddress``, ``YourName``,
``SMTPServer``, ``SMTPPort`` (25 when absent), ``SSLSMTP`` (1 = SSL/TLS), ``SMTPAUTH``
(1 = on), ``SMTPAUTHMODE`` (1 = CRAM-MD5; 2, 4, 6 = LOGIN/PLAIN; other values = any method)
and ``UserID``.

What is written: ``SMTPServer`` (when it differs), ``SMTPPort``, ``SSLSMTP``, ``SMTPAUTH`` and
``SMTPAUTHMODE``, each only when its value differs. No Becky! key for STARTTLS or OAuth2 is
documented, and ``UserID`` also signs in to the incoming server, so those changes are refused
with a message that says to make them in Becky! itself. Each key written is recorded in the
backup (mailbox file, key, before, after); undo puts back those whose value is still the one
written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PureWindowsPath

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg

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
    SmtpSettings,
    StaleChange,
    Unreadable,
    UnreadableSettings,
    UnsupportedChange,
    no_account_msg,
    no_profile_msg,
    not_readable_msg,
    running_msg,
    stale_msg,
)
from .mailbox_ini import IniDocument, IniFormatError
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
    writable,
)
from .processes import running_process_names
from .reverting import SettingChange, SettingValue, UndoResult
from .safe_write import Backup, atomic_write, inside
from .windows_registry import SHELL_FOLDERS, RegistryReader, user_value

SECTION = "Account"
FOLDER_LIST = "Folder.lst"
MAILBOX_INI = "Mailbox.ini"
EXECUTABLE = "b2.exe"
SETTINGS_KEY = r"Software\RimArts\B2\Settings"
DATA_DIR_VALUE = "DataDir"
"""Where Becky! records its data folder (HKEY_CURRENT_USER; the path may end with "\\")."""
DEFAULT_PORT = 25
CLEARTEXT_MODES = ("2", "4", "6")
CLEARTEXT_MODE = "6"  # LOGIN or PLAIN
ENCRYPTED_MODE = "1"  # CRAM-MD5


def auth_of(smtp_auth: str | None, mode: str | None) -> AuthMethod:
    if (smtp_auth or "").strip() != "1":
        return "none"
    mode = (mode or "").strip()
    if mode == ENCRYPTED_MODE:
        return "encrypted"
    if mode in CLEARTEXT_MODES:
        return "normal"
    return "other"


def _int(text: str | None, default: int) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return default


def _is_becky(name: str) -> bool:
    base = PureWindowsPath(name.replace("/", "\\")).name
    return base.lower() == EXECUTABLE


class BeckyClient:
    name = "becky"
    display_name = "Becky! Internet Mail"

    def __init__(self, home: Path | None = None, env: Mapping[str, str] | None = None,
                 platform: str | None = None, *, data_dirs: list[Path] | None = None,
                 process_names: Callable[[], Iterable[str]] | None = None,
                 registry: RegistryReader | None = None) -> None:
        self.home = home if home is not None else Path.home()
        self.env = env if env is not None else os.environ
        self.platform = platform or sys.platform
        self.data_dirs = data_dirs
        self.process_names = process_names or running_process_names
        self.registry = registry or user_value

    # -- reading ---------------------------------------------------------------------------

    def _candidates(self) -> list[Path]:
        if self.data_dirs is not None:
            return list(self.data_dirs)
        windows = self.platform.startswith("win")
        found: list[Path] = []
        if windows:
            data_dir = self.registry(SETTINGS_KEY, DATA_DIR_VALUE)
            if data_dir:
                found.append(Path(data_dir))
        documents = [self.home / "Documents"]
        if windows:
            shell_documents = self.registry(SHELL_FOLDERS, "Personal")
            documents[:0] = [Path(shell_documents)] if shell_documents else []
            documents += [Path(self.env[v]) / "Documents"
                          for v in ("USERPROFILE", "OneDrive") if self.env.get(v)]
        found += [d / "Becky" for d in documents]
        if windows:
            old = Path("C:\\Becky!")
            if old.is_dir():
                found += sorted(d for d in old.iterdir() if d.is_dir())
        return found

    def profiles(self) -> list[Path]:
        out: list[Path] = []
        for d in self._candidates():
            if (d / FOLDER_LIST).is_file() and d not in out:
                out.append(d)
        return out

    def _mailboxes(self, data_dir: Path) -> list[tuple[str, Path]]:
        """(folder name, Mailbox.ini) for each mailbox ``Folder.lst`` lists, in its order."""
        try:
            text = (data_dir / FOLDER_LIST).read_bytes().decode("cp932", "replace")
        except FileNotFoundError:
            raise NoMatchingAccount(no_profile_msg(self.display_name, data_dir)) from None
        except OSError as e:
            raise UnreadableSettings(unreadable_msg(data_dir / FOLDER_LIST, e),
                                     data_dir / FOLDER_LIST) from None
        found: list[tuple[str, Path]] = []
        for line in text.splitlines():
            name = line.strip().rstrip("\\/")
            if not name or any(part in ("", "..") for part in name.replace("\\", "/").split("/")):
                continue
            ini = data_dir.joinpath(*name.replace("\\", "/").split("/")) / MAILBOX_INI
            if ini.is_file() and name not in [n for n, _ in found]:
                found.append((name, ini))
        return found

    def _read(self, ini: Path) -> IniDocument:
        try:
            return IniDocument.read(ini)
        except OSError as e:
            raise UnreadableSettings(unreadable_msg(ini, e), ini) from None
        except IniFormatError:
            raise UnreadableSettings(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "Cannot read {path}: it is not saved the way Becky! saves it "
                "(another program may have saved it as UTF-16)"), path=str(ini)), ini) from None

    def _account(self, data_dir: Path, folder: str, ini: Path, doc: IniDocument) -> Account:
        def get(key: str) -> str | None:
            v = doc.get(SECTION, key)
            return v.strip() if v is not None else None

        email = get("MailAddress") or ""
        smtp = SmtpSettings(
            host=get("SMTPServer") or "",
            port=_int(get("SMTPPort"), DEFAULT_PORT),
            security="tls" if get("SSLSMTP") == "1" else "none",
            auth=auth_of(get("SMTPAUTH"), get("SMTPAUTHMODE")),
            username=get("UserID") or None,
        )
        return Account(client=self.name, client_name=self.display_name, profile=data_dir,
                       key=folder, email=email, display_name=get("YourName") or None, smtp=smtp,
                       location=ini, identities=[email] if email else [],
                       incoming_username=smtp.username)  # UserID signs in both ways

    def _scan_dir(self, data_dir: Path) -> AccountScan:
        """The mailboxes of one data folder; a Mailbox.ini that cannot be read is left out."""
        found = AccountScan()
        for folder, ini in self._mailboxes(data_dir):
            try:
                doc = self._read(ini)
            except UnreadableSettings as e:
                found.unreadable.append(Unreadable(self.name, self.display_name, ini, e.message))
                continue
            found.accounts.append(self._account(data_dir, folder, ini, doc))
        return found

    def _accounts(self, data_dir: Path) -> list[Account]:
        return self._scan_dir(data_dir).accounts

    def scan(self, profile: Path | None = None) -> AccountScan:
        if profile is not None:
            return self._scan_dir(profile)
        found = AccountScan()
        for d in self.profiles():
            try:
                part = self._scan_dir(d)
            except NoMatchingAccount:
                continue  # Folder.lst went away since the folder was listed
            except UnreadableSettings as e:
                found.unreadable.append(
                    Unreadable(self.name, self.display_name, e.path or d, e.message))
                continue
            found.accounts += part.accounts
            found.unreadable += part.unreadable
        return found

    def accounts(self, profile: Path | None = None) -> list[Account]:
        return self.scan(profile).accounts

    def is_running(self, profile: Path) -> bool:
        """Becky! holds no lock on its files: any running ``B2.exe`` counts."""
        return any(_is_becky(n) for n in self.process_names())

    # -- planning --------------------------------------------------------------------------

    def plan(self, email: str, after: SmtpSettings, profile: Path | None = None, *,
             key: str | None = None) -> Change:
        after = check_after(after)
        dirs = [profile] if profile is not None else self.profiles()
        if not dirs:
            raise NoMatchingAccount(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "No {client} data folder was found for this user."),
                client=self.display_name))
        unreadable: list[Unreadable] = []
        for d in dirs:
            try:
                found = self._scan_dir(d)
            except UnreadableSettings as e:
                if profile is not None:
                    raise
                unreadable.append(Unreadable(self.name, self.display_name, e.path or d, e.message))
                continue
            unreadable += found.unreadable
            account = match_account(found.accounts, email, key, self.display_name)
            if account is None:
                continue
            after = normalise(account.smtp, after)
            edits = self._edits(self._read(account.location), account.smtp, after)
            return Change(account, account.smtp, after, [account.location] if edits else [])
        if unreadable:
            raise UnreadableSettings(not_readable_msg(self.display_name, email, unreadable))
        raise NoMatchingAccount(no_account_msg(self.display_name, email, key))

    def _edits(self, doc: IniDocument, before: SmtpSettings,
               after: SmtpSettings) -> dict[str, str]:
        if after.security == "starttls":
            raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "Becky! cannot be set to STARTTLS by this program. Use SSL/TLS (usually "
                     "port 465), or choose STARTTLS in Becky! itself.")))
        if after.auth == "oauth2":
            raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "Becky! cannot be set to OAuth2 by this program. Choose it in Becky! "
                     "itself.")))
        if (after.username or None) != before.username:
            raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
                "MailClients", "Becky! signs in to the outgoing server with the mailbox's user ID "
                     "({current}), which also receives mail. Change the user name for sending "
                     "in Becky! itself."), current=before.username or "-"))

        def raw(key: str) -> str:
            return (doc.get(SECTION, key) or "").strip()

        wanted: dict[str, str] = {
            "SMTPPort": str(after.port),
            "SSLSMTP": "1" if after.security == "tls" else "0",
            "SMTPAUTH": "0" if after.auth == "none" else "1",
        }
        if after.auth == "encrypted":
            wanted["SMTPAUTHMODE"] = ENCRYPTED_MODE
        elif after.auth == "normal" and raw("SMTPAUTHMODE") not in CLEARTEXT_MODES:
            wanted["SMTPAUTHMODE"] = CLEARTEXT_MODE
        edits = {}
        if after.host.lower() != before.host.lower():
            edits["SMTPServer"] = after.host
        for key, value in wanted.items():
            current = raw(key)
            if key == "SMTPPort":
                if _int(current, DEFAULT_PORT) != after.port or (current and current != value):
                    edits[key] = value
            elif current != value:
                edits[key] = value
        return edits

    # -- applying --------------------------------------------------------------------------

    def _check_not_running(self, data_dir: Path) -> None:
        if self.is_running(data_dir):
            raise ClientRunning(running_msg(self.display_name, data_dir))

    def apply(self, change: Change) -> ApplyResult:
        if change.is_empty:
            raise NothingToChange(nothing_to_change_msg())
        account = change.account
        self._check_not_running(account.profile)
        ini = account.location
        doc = self._read(ini)
        current = self._account(account.profile, account.key, ini, doc)
        if current.smtp != change.before:
            raise StaleChange(stale_msg(ini))
        edits = self._edits(doc, change.before, change.after)
        try:
            data = doc.edit(SECTION, edits)
        except IniFormatError:
            raise UnreadableSettings(not_editable_msg(ini)) from None
        if not writable(ini):
            raise UnreadableSettings(not_editable_msg(ini))
        where = ini.relative_to(account.profile).as_posix()
        changes = [SettingChange(where, key, "string", doc.get(SECTION, key), value)
                   for key, value in edits.items()]
        backup = make_backup(account.profile, self.name, [ini], change, changes)
        try:
            self._check_not_running(account.profile)  # once more, right before writing
        except ClientRunning:
            roll_back(backup, "Becky! was started")
            raise
        try:
            atomic_write(ini, data)
        except OSError as e:
            roll_back(backup, "the file could not be written")
            raise UnreadableSettings(not_written_msg(ini, e)) from None
        written = self._account(account.profile, account.key, ini, self._read(ini))
        if not same_settings(written.smtp, change.after):
            roll_back(backup, "settings did not read back as planned")
            raise UnreadableSettings(not_editable_msg(ini))
        with contextlib.suppress(OSError):  # written; a backup still "applying" undoes as well
            backup.mark("applied")
        return ApplyResult(change, backup.directory)

    # -- undoing ---------------------------------------------------------------------------

    def undo(self, profile: Path | None = None) -> UndoResult:
        if profile is not None and not (profile / FOLDER_LIST).is_file():
            raise NoMatchingAccount(no_profile_msg(self.display_name, profile))
        dirs = [profile] if profile is not None else self.profiles()
        backup = newest_backup(dirs, self.name, self.display_name)
        data_dir = backup.root
        key = str(backup.manifest.get("account", {}).get("key", ""))
        self._check_not_running(data_dir)
        now = self._find(data_dir, key)
        changes = recorded_changes(backup)
        if changes is None:
            changes = self._changes_of_old_backup(backup, key)
        docs: dict[str, tuple[Path, IniDocument | None]] = {}
        for where in {c.where for c in changes}:
            try:
                ini = inside(data_dir, where)
            except ValueError:
                docs[where] = (data_dir, None)  # not a place this program writes: left alone
                continue
            docs[where] = (ini, self._read(ini) if ini.exists() else None)

        def current(c: SettingChange) -> SettingValue:
            doc = docs[c.where][1]
            return doc.get(SECTION, c.name) if doc is not None else None

        def edit(where: str, values: dict[str, SettingValue]) -> tuple[Path, bytes]:
            ini, doc = docs[where]
            assert doc is not None  # a value to put back was read from it
            try:
                return ini, doc.edit(SECTION, values, insert_missing=False)
            except IniFormatError:
                raise UnreadableSettings(not_editable_msg(ini)) from None

        files, kept = undo_values(backup, changes, current, edit,  # closed, once more:
                                  before_writing=lambda: self._check_not_running(data_dir))
        return undo_result(backup, now, self._find(data_dir, key), files, kept)

    def _changes_of_old_backup(self, backup: Backup, key: str) -> list[SettingChange]:
        """What an apply recorded in a backup without a list of values changed: worked out,
        as that apply did, from the saved copy and the settings before and after."""
        before, after = recorded_settings(backup)
        changes: list[SettingChange] = []
        for entry in backup.files:
            where = str(entry.get("path", ""))
            data = saved_copy(backup, where)
            if data is None:
                continue
            try:
                doc = IniDocument(data)
                edits = self._edits(doc, before, after)
            except (IniFormatError, UnsupportedChange):
                continue
            changes += [SettingChange(where, k, "string", doc.get(SECTION, k), v)
                        for k, v in edits.items()]
        return changes

    def _find(self, data_dir: Path, key: str) -> Account | None:
        try:
            return next((a for a in self._accounts(data_dir) if a.key == key), None)
        except ClientError:
            return None
