"""What every mail client offers the wizard: its accounts, a planned change, apply and undo.

Each supported client (Thunderbird, Becky!) implements :class:`MailClient`. A change is always
planned first (:meth:`MailClient.plan` gives a :class:`Change` the user can read as before → after),
then applied with a backup that records each value changed, and can be undone: undo puts back
the values the apply changed, where they still hold what it wrote (:mod:`.reverting`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, Translate, msg

if TYPE_CHECKING:
    from .reverting import UndoResult

Security = Literal["tls", "starttls", "none"]
AuthMethod = Literal["none", "normal", "encrypted", "oauth2", "other"]

SECURITIES: tuple[str, ...] = Security.__args__  # type: ignore[attr-defined]
AUTH_METHODS: tuple[str, ...] = AuthMethod.__args__  # type: ignore[attr-defined]

CTX = "MailClients"


@dataclass(frozen=True)
class SmtpSettings:
    """One outgoing server as a mail client sees it. ``username`` None: none set (or: keep)."""

    host: str
    port: int
    security: Security
    auth: AuthMethod
    username: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "security": self.security,
                "auth": self.auth, "username": self.username}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SmtpSettings:
        return cls(str(d["host"]), int(d["port"]), d["security"], d["auth"], d.get("username"))


@dataclass
class Account:
    """One outgoing server of one client profile and the addresses that send through it."""

    client: str
    """``thunderbird``, ``becky`` or ``outlook``."""
    client_name: str
    """``Thunderbird``, ``Becky! Internet Mail`` or ``Outlook``."""
    profile: Path
    key: str
    """Thunderbird: the SMTP server key (``smtp1``); Becky!: the mailbox folder name."""
    email: str
    display_name: str | None
    smtp: SmtpSettings
    location: Path
    """The file the setting lives in."""
    identities: list[str] = field(default_factory=list)
    """Addresses sending through this server."""
    incoming_username: str | None = None
    """The user name the client receives this address's mail with, when it knows one (what
    "use the same user name as for receiving" means)."""
    managed: bool = False
    """Set up by the user's organisation (Outlook's Exchange / Microsoft 365 accounts): listed,
    never changed; ``smtp`` is empty."""

    def to_dict(self) -> dict[str, Any]:
        """The ``accounts --json`` object (a documented contract: keep the keys)."""
        out: dict[str, Any] = {
            "client": self.client, "profile": str(self.profile), "key": self.key,
            "email": self.email, "display_name": self.display_name, "host": self.smtp.host,
            "port": self.smtp.port, "security": self.smtp.security, "auth": self.smtp.auth,
            "username": self.smtp.username, "location": str(self.location),
        }
        if self.managed:
            out["managed"] = True
        return out


@dataclass(frozen=True)
class Unreadable:
    """A settings file that could not be read: its accounts are left out, the rest are listed."""

    client: str
    client_name: str
    path: Path
    """The file that could not be read (Becky!: a ``Mailbox.ini``; Thunderbird: ``prefs.js``)."""
    reason: Msg
    """The whole plain-words message, naming the file (``Cannot read …: it is a folder``)."""


@dataclass
class AccountScan:
    """What :meth:`MailClient.scan` found: the accounts it could read, and the files it could not."""

    accounts: list[Account] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


@dataclass(frozen=True)
class JoinedMsg(Msg):
    """Several messages one after another, each translated on its own (``args["items"]``)."""

    def render(self, translate: Translate | None = None) -> str:
        return "; ".join(m.render(translate) if isinstance(m, Msg) else str(m)
                         for m in self.args.get("items", ()))


def joined(messages: list[Msg]) -> JoinedMsg:
    return JoinedMsg(CTX, "", {"items": tuple(messages)})


@dataclass(frozen=True)
class NestedMsg(Msg):
    """A :class:`Msg` whose arguments may be messages themselves; they are translated first."""

    def render(self, translate: Translate | None = None) -> str:
        args = {k: v.render(translate) if isinstance(v, Msg) else v for k, v in self.args.items()}
        return Msg(self.context, self.source, args).render(translate)


def nested(context: str, source: str, **args: Any) -> NestedMsg:
    return NestedMsg(context, source, args)


@dataclass
class Change:
    """A planned change to one account: its settings before and after, and the files touched.

    ``files`` is empty when the account already has the wanted settings.
    """

    account: Account
    before: SmtpSettings
    after: SmtpSettings
    files: list[Path] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.files

    def describe(self) -> list[Msg]:
        """One line per changed setting, in the client's own words ("Port: 25 → 587")."""
        from op25b_wizard.core.clients.wording import describe_change

        return describe_change(self)


@dataclass
class ApplyResult:
    change: Change
    backup_dir: Path
    """Where the files were saved before writing (also what ``undo`` restores)."""


class ClientError(Exception):
    """A plain-words reason why a client could not be read or changed; ``str(e)`` is English."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


class ClientRunning(ClientError):
    """The mail client has this profile open; it would overwrite the change on exit."""


class NoMatchingAccount(ClientError):
    """No account sends as the given address (or no profile was found)."""


class AmbiguousAccount(ClientError):
    """Several outgoing servers send as the given address; name one with ``key``
    (:attr:`candidates` are the accounts to choose from)."""

    def __init__(self, message: Msg, candidates: list[Account] | None = None) -> None:
        super().__init__(message)
        self.candidates = list(candidates or [])


class UserJsConflict(ClientError):
    """Thunderbird's ``user.js`` sets the setting and could not be changed there."""


class NoBackup(ClientError):
    """Nothing to undo: no backup made by this program is left in the profile."""


class BackupUnusable(ClientError):
    """The backup folder cannot be made, read or written (disk full, another user's folder,
    a file in its place); nothing was changed."""


class UnsupportedChange(ClientError):
    """The client cannot store the wanted setting (e.g. STARTTLS in Becky!)."""


class StaleChange(ClientError):
    """The settings changed on disk between planning and applying; plan again."""


class UnreadableSettings(ClientError):
    """A settings file is missing, unreadable or could not be edited safely (:attr:`path`, when
    known, is that file)."""

    def __init__(self, message: Msg, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class NothingToChange(ClientError):
    """``apply`` was given a change with no files: the account already has those settings."""


@runtime_checkable
class MailClient(Protocol):
    name: str
    display_name: str

    def profiles(self) -> list[Path]:
        """Profiles (Thunderbird) or data folders (Becky!) found for this user, default first."""
        ...

    def scan(self, profile: Path | None = None) -> AccountScan:
        """The accounts of every profile (or of *profile*), and the settings files that could
        not be read, which are left out. With *profile* given, its own main file being
        unreadable raises UnreadableSettings; a missing profile raises NoMatchingAccount."""
        ...

    def accounts(self, profile: Path | None = None) -> list[Account]:
        """``scan(profile).accounts``."""
        ...

    def is_running(self, profile: Path) -> bool: ...

    def plan(self, email: str, after: SmtpSettings, profile: Path | None = None, *,
             key: str | None = None) -> Change:
        """The change that gives *email*'s outgoing server the settings *after*.

        ``after.username`` None keeps the current user name. Raises NoMatchingAccount,
        AmbiguousAccount (name the server with *key*) or UnsupportedChange.
        """
        ...

    def apply(self, change: Change) -> ApplyResult:
        """Back up, then write atomically. Raises ClientRunning (re-checked right before
        writing), StaleChange, UserJsConflict."""
        ...

    def undo(self, profile: Path | None = None) -> UndoResult:
        """Undo the newest apply not yet undone: each value it changed that still holds what
        it wrote gets its value from before back; a value changed since is left and listed in
        ``kept``; everything else in the files stays as it is now.

        ``change`` of the result: before = settings now, after = settings restored (None when
        the account is no longer there). Raises NoBackup, ClientRunning, BackupUnusable,
        UnreadableSettings, NoMatchingAccount (*profile* is not a profile of this client).
        """
        ...


# Messages shared by the clients.
def running_msg(client_name: str, profile: Path) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "{client} is running. Close {client} completely, then try again "
             "(it would overwrite the change when it exits). Profile: {profile}"),
        client=client_name, profile=str(profile))


def no_account_msg(client_name: str, email: str, key: str | None = None) -> Msg:
    if key is not None:
        return msg(CTX, QT_TRANSLATE_NOOP(
            "MailClients", "No {client} outgoing server {key} sends as {email} (op25b-wizard "
            "accounts lists the keys)."), client=client_name, email=email, key=key)
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "No {client} account sends as {email}."), client=client_name, email=email)


def no_profile_msg(client_name: str, profile: Path) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "No {client} settings found in {profile}."), client=client_name, profile=str(profile))


def not_readable_msg(client_name: str, email: str, unreadable: list[Unreadable]) -> Msg:
    """No account sends as *email* in the settings that could be read; it may be in the rest."""
    return nested(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "No {client} account that could be read sends as {email}. It may be in "
        "settings that could not be read: {reasons}"),
        client=client_name, email=email, reasons=joined([u.reason for u in unreadable]))


def ambiguous_msg(client_name: str, email: str, keys: list[str]) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "Several {client} outgoing servers send as {email}: {keys}. Name one of them."),
        client=client_name, email=email, keys=", ".join(keys))


def stale_msg(path: Path) -> Msg:
    return msg(CTX, QT_TRANSLATE_NOOP(
        "MailClients", "The settings in {path} changed since they were read. Look at them again "
             "before changing them."), path=str(path))
