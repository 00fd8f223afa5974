"""Mail clients: find their accounts, plan a change as before → after, apply it, undo it.

Thunderbird, Becky! Internet Mail and Outlook (classic, on Windows) are changed in place (with
a backup); the new Outlook for Windows and Apple Mail get the exports and the settings sheet,
whose directions cover them (:data:`op25b_wizard.core.exports.sheet_html.CLIENT_STEPS`).
"""

from .base import (
    Account,
    AccountScan,
    AmbiguousAccount,
    ApplyResult,
    AuthMethod,
    BackupUnusable,
    Change,
    ClientError,
    ClientRunning,
    MailClient,
    NoBackup,
    NoMatchingAccount,
    NothingToChange,
    Security,
    SmtpSettings,
    StaleChange,
    Unreadable,
    UnreadableSettings,
    UnsupportedChange,
    UserJsConflict,
)
from .registry import CLIENT_NAMES, all_clients, client_by_name
from .reverting import KeptSetting, SettingChange, UndoResult

__all__ = [
    "CLIENT_NAMES", "Account", "AccountScan", "AmbiguousAccount",
    "ApplyResult", "AuthMethod", "BackupUnusable", "Change", "ClientError", "ClientRunning", "MailClient",
    "NoBackup", "NoMatchingAccount", "NothingToChange", "Security", "SmtpSettings",
    "StaleChange", "Unreadable", "UnreadableSettings", "UnsupportedChange", "UserJsConflict",
    "KeptSetting", "SettingChange", "UndoResult", "all_clients", "client_by_name",
]
