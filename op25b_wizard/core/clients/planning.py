"""Steps every client shares when planning a change: check the wanted settings, find the
account that sends as an address, make a backup and finish an undo, and the messages for files
and backups that cannot be changed."""

from __future__ import annotations

import contextlib
import os
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg, os_reason
from op25b_wizard.core.targets import TargetError, normalise_host

from .base import (
    AUTH_METHODS,
    CTX,
    SECURITIES,
    Account,
    AmbiguousAccount,
    BackupUnusable,
    Change,
    NoBackup,
    SmtpSettings,
    UnreadableSettings,
    UnsupportedChange,
    ambiguous_msg,
)
from .reverting import (
    KeptSetting,
    SettingChange,
    SettingValue,
    UndoResult,
    by_place,
    read_changes,
    sort_out,
)
from .safe_write import (
    BACKUP_DIR_NAME,
    Backup,
    BackupError,
    create_backup,
    latest_backup,
    replace_files,
    restore,
)


def check_after(after: SmtpSettings) -> SmtpSettings:
    """*after* with the server name as every part of the program writes it (lower case, IDNA,
    no final dot), so the client's settings, the keyring item and the exports agree.

    Refuses settings no client can be given (UnsupportedChange).
    """
    if after.auth == "other" or after.auth not in AUTH_METHODS:
        raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "This sign-in method cannot be set by this program: {auth}"), auth=after.auth))
    if after.security not in SECURITIES:
        raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "Unknown connection security: {security}"), security=after.security))
    if not 1 <= after.port <= 65535:
        raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "Port out of range (1-65535): {port}"), port=after.port))
    try:
        host = normalise_host(after.host)
    except TargetError:
        raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "Not a server name: {host}"), host=repr(after.host))) from None
    if after.username is not None and any(c in "\r\n\0" for c in after.username):
        raise UnsupportedChange(msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "Not a user name: {user}"), user=repr(after.username)))
    return replace(after, host=host)


def same_settings(a: SmtpSettings, b: SmtpSettings) -> bool:
    """Equal, counting an empty user name as none."""
    return replace(a, username=a.username or None) == replace(b, username=b.username or None)


def normalise(before: SmtpSettings, after: SmtpSettings) -> SmtpSettings:
    """Keep the current host spelling when only its case differs (any other difference, such
    as a final dot or a non-ASCII name, is written as *after* spells it); user name None = keep
    the current one, "" = clear it."""
    if after.host.lower() == before.host.lower():
        after = replace(after, host=before.host)
    if after.username is None:
        after = replace(after, username=before.username)
    return after


def canonical_address(address: str) -> str:
    """An address in one spelling for comparing: full-width folded (NFKC), lower case, the
    domain in its DNS (IDNA) form, so ``hanako@例え.jp`` matches ``hanako@xn--r8jz45g.jp``."""
    text = unicodedata.normalize("NFKC", address).strip().lower()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    with contextlib.suppress(UnicodeError):  # not a valid domain: compared as typed
        domain = domain.rstrip(".").encode("idna").decode("ascii")
    return f"{local}@{domain}"


def match_account(accounts: list[Account], email: str, key: str | None,
                  client_name: str) -> Account | None:
    """The one account sending as *email* (by identity, else by address or user name)."""
    wanted = canonical_address(email)
    if key is not None:
        accounts = [a for a in accounts if a.key == key]
    found = [a for a in accounts if wanted in (canonical_address(i) for i in a.identities)]
    if not found:
        found = [a for a in accounts if canonical_address(a.email) == wanted
                 or canonical_address(a.smtp.username or "") == wanted]
    if len(found) > 1:
        raise AmbiguousAccount(ambiguous_msg(client_name, email, [a.key for a in found]), found)
    return found[0] if found else None


def manifest_info(change: Change, changes: list[SettingChange]) -> dict[str, object]:
    """What a backup's manifest records about the change (never a password)."""
    a = change.account
    return {"account": {"key": a.key, "email": a.email, "profile": str(a.profile)},
            "before": change.before.to_dict(), "after": change.after.to_dict(),
            "changes": [c.to_dict() for c in changes]}


def value_type(value: SettingValue) -> str:
    """The ``type`` a file's value is recorded with."""
    if isinstance(value, bool):
        return "bool"
    return "int" if isinstance(value, int) else "string"


def make_backup(root: Path, client: str, files: list[Path], change: Change,
                changes: list[SettingChange]) -> Backup:
    """:func:`create_backup`, with a folder that cannot be made or written told in one line
    (BackupUnusable; nothing is left behind)."""
    try:
        return create_backup(root, client, files, manifest_info(change, changes))
    except OSError as e:
        raise BackupUnusable(backup_failed_msg(root / BACKUP_DIR_NAME, e)) from None


def newest_backup(roots: list[Path], client: str, client_name: str) -> Backup:
    """The newest backup not undone yet under *roots*. Raises NoBackup, BackupUnusable."""
    found: list[Backup] = []
    for root in roots:
        try:
            backup = latest_backup(root, client)
        except OSError as e:
            raise BackupUnusable(backups_unreadable_msg(root / BACKUP_DIR_NAME, e)) from None
        if backup is not None:
            found.append(backup)
    if not found:
        raise NoBackup(no_backup_msg(client_name))
    return max(found, key=lambda b: b.created)


def recorded_changes(backup: Backup) -> list[SettingChange] | None:
    """The values the backup's apply changed (None: an older backup that does not list them)."""
    try:
        return read_changes(backup.manifest)
    except ValueError:
        raise UnreadableSettings(bad_backup_msg(backup.directory, msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "its list of the values changed is damaged")))) from None


def recorded_settings(backup: Backup) -> tuple[SmtpSettings, SmtpSettings]:
    """The account's settings before and after the backup's apply, as its manifest records
    them (an older backup's undo works its changes out from them). Raises
    UnreadableSettings when they are missing or damaged."""
    try:
        return (SmtpSettings.from_dict(backup.manifest["before"]),
                SmtpSettings.from_dict(backup.manifest["after"]))
    except (KeyError, TypeError, ValueError):
        raise UnreadableSettings(bad_backup_msg(backup.directory, msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "its record of the settings before and after is damaged")))) from None


def saved_copy(backup: Backup, name: str) -> bytes | None:
    """The saved bytes of the file *name* (relative to the backup's root), None: not saved."""
    entry = next((f for f in backup.files if f.get("path") == name), None)
    try:
        return None if entry is None else backup.saved_bytes(entry)
    except OSError as e:
        raise UnreadableSettings(bad_backup_msg(backup.directory, os_reason(e))) from None
    except BackupError:
        raise UnreadableSettings(bad_backup_msg(backup.directory, msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "a file saved in it is damaged or not where it should be")))) from None


def undo_values(backup: Backup, changes: list[SettingChange],
                current: Callable[[SettingChange], SettingValue],
                edit: Callable[[str, dict[str, SettingValue]], tuple[Path, bytes]],
                *, before_writing: Callable[[], None] | None = None,
                ) -> tuple[list[Path], list[KeptSetting]]:
    """Carry out the undo rule (:func:`~.reverting.sort_out`) for one client: *current* reads
    a value as it is now; *edit* gives, for a place and its values to put back, the file and
    its new bytes (UnreadableSettings when it cannot). Every file is edited and checked
    writable before any is written; *before_writing* runs last (the client checked closed once
    more); then the files are written (the replaced ones saved in the backup first) and the
    backup is marked undone. Returns (files written, values left as they are). Raises
    BackupUnusable when the backup folder cannot be written, with nothing changed."""
    revert, kept = sort_out(changes, current)
    writes: list[tuple[Path, bytes]] = []
    for where, values in by_place(revert).items():
        target, data = edit(where, values)
        if not writable(target):
            raise UnreadableSettings(not_editable_msg(target))
        writes.append((target, data))
    if before_writing is not None:
        before_writing()
    try:
        backup.mark("undoing")
        replace_files(backup, writes)
    except OSError as e:
        raise BackupUnusable(undo_failed_msg(backup.directory, e)) from None
    with contextlib.suppress(OSError):  # written: a backup still "undoing" is harmless
        backup.mark("undone", kept=[{**k.change.to_dict(), "now": k.now} for k in kept])
    return [target for target, _ in writes], kept


def undo_result(backup: Backup, now: Account | None, restored: Account | None,
                files: list[Path], kept: list[KeptSetting]) -> UndoResult:
    """What an undo did: the account's settings before → after it (when the account is there
    before and after), the files written and the values left."""
    change = (Change(restored, now.smtp, restored.smtp, files)
              if now is not None and restored is not None else None)
    return UndoResult(backup.directory, change, kept, files)


def roll_back(backup: Backup, reason: str) -> None:
    """Put back what an apply that failed half-way may have written (best effort)."""
    with contextlib.suppress(OSError, BackupError):
        restore(backup)
    with contextlib.suppress(OSError):
        backup.mark("undone", note=reason)


def writable(path: Path) -> bool:
    target = Path(os.path.realpath(path))
    return os.access(target, os.W_OK) and os.access(target.parent, os.W_OK)


def unreadable_msg(path: Path, error: OSError) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP("MailClients", "Cannot read {path}: {reason}"),
               path=str(path), reason=os_reason(error))


def not_editable_msg(path: Path) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "{path} cannot be changed safely (it is read-only or not in the expected format). "
             "Nothing was changed."), path=str(path))


def not_written_msg(path: Path, error: OSError) -> Msg:
    """A file that could not be replaced (another program has it open, the disk is full...)."""
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Cannot write {path}: {reason}. Nothing was changed."),
        path=str(path), reason=os_reason(error))


def nothing_to_change_msg() -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP("MailClients", "Already set up this way: nothing to change."))


def no_backup_msg(client_name: str) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "There is no change by this program to undo in {client}."), client=client_name)


def _other_user_msg(path: Path) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "{path} belongs to another user (an administrator may have run this "
        "program) and cannot be changed by you. Nothing was changed."), path=str(path))


def backup_failed_msg(folder: Path, error: OSError) -> Msg:
    if os.path.lexists(folder) and not folder.is_dir():
        return msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "Cannot save a backup in {path}: a file or a broken link has that "
            "name. Move it away, then try again. Nothing was changed."), path=str(folder))
    if isinstance(error, PermissionError):
        return _other_user_msg(folder)
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Cannot save a backup in {path}: {reason}. Nothing was changed."),
        path=str(folder), reason=os_reason(error))


def backups_unreadable_msg(folder: Path, error: OSError) -> Msg:
    if isinstance(error, PermissionError):
        return _other_user_msg(folder)
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Cannot read the backups in {path}: {reason}. Nothing was changed."),
        path=str(folder), reason=os_reason(error))


def undo_failed_msg(directory: Path, error: OSError) -> Msg:
    if isinstance(error, PermissionError):
        return _other_user_msg(directory)
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Cannot undo the change saved in {path}: {reason}. Nothing was "
        "changed."), path=str(directory), reason=os_reason(error))


def bad_backup_msg(directory: Path, reason: Msg | str) -> Msg:
    """*reason* in words the catalogue translates (:func:`os_reason`, or a message)."""
    return msg(CTX, QT_TRANSLATE_NOOP("MailClients", "The backup in {path} cannot be used: {reason}"),
               path=str(directory), reason=reason)
