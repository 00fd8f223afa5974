"""The undo rule: put back exactly the values ``apply`` changed, where they still hold what
``apply`` wrote; a value changed since (in the mail client, by hand) is left as it is and named.

Every client records its change as a list of :class:`SettingChange` (where, setting name,
type, value before, value written) in the backup's manifest; :func:`sort_out` decides, value
by value, what undo writes back and what it leaves. The clients only read and write values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import Change

SettingValue = str | int | bool | None
"""A setting's value; None: not set (undo then removes it)."""


@dataclass(frozen=True)
class SettingChange:
    """One value ``apply`` changed."""

    where: str
    """Where the setting lives, relative to the profile or data folder: a file (``prefs.js``,
    ``4b2e6f10.mb/Mailbox.ini``) or, for a registry client, a key."""
    name: str
    """The setting's name there (``mail.smtpserver.smtp1.port``; Becky!: a key of the
    ``[Account]`` section; a registry value's name)."""
    type: str
    """How the value is stored: ``int``, ``string``, ``bool`` (or a registry type)."""
    before: SettingValue
    after: SettingValue

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.where, "name": self.name, "type": self.type,
                "before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, d: Any) -> SettingChange:
        """Raises ValueError for an entry that is not one."""
        if not isinstance(d, dict):
            raise ValueError("a change is not an object")
        where, name, kind = d.get("where"), d.get("name"), d.get("type")
        if not (isinstance(where, str) and isinstance(name, str) and isinstance(kind, str)):
            raise ValueError("a change has no place, name or type")
        for key in ("before", "after"):
            if not (d.get(key) is None or isinstance(d.get(key), str | int | bool)):
                raise ValueError(f"a change has a {key} value of an unknown kind")
        return cls(where, name, kind, d.get("before"), d.get("after"))


@dataclass(frozen=True)
class KeptSetting:
    """A value undo left as it is, because it no longer holds what ``apply`` wrote."""

    change: SettingChange
    now: SettingValue


@dataclass
class UndoResult:
    """What :meth:`MailClient.undo` did."""

    backup_dir: Path
    """The backup that was undone."""
    change: Change | None
    """The account's settings before → after the undo (files: the files written), or None
    when the account is no longer there."""
    kept: list[KeptSetting] = field(default_factory=list)
    """Values changed since the apply, left as they are."""
    files: list[Path] = field(default_factory=list)
    """The files written."""


def same_value(a: SettingValue, b: SettingValue) -> bool:
    """Equal and of the same kind (``1`` is not ``True``, ``"1"`` is not ``1``)."""
    return type(a) is type(b) and a == b


def sort_out(changes: Iterable[SettingChange], current: Callable[[SettingChange], SettingValue],
             ) -> tuple[list[SettingChange], list[KeptSetting]]:
    """(values to put back, values to leave) for *changes*, given each one's value now.

    A value that still holds what apply wrote is put back; one that already holds the value
    from before needs nothing; any other value was changed since and is left."""
    revert: list[SettingChange] = []
    kept: list[KeptSetting] = []
    for c in changes:
        now = current(c)
        if same_value(now, c.after):
            revert.append(c)
        elif not same_value(now, c.before):
            kept.append(KeptSetting(c, now))
    return revert, kept


def by_place(changes: Iterable[SettingChange]) -> dict[str, dict[str, SettingValue]]:
    """where → {name: value before}: what undo writes, one place at a time."""
    out: dict[str, dict[str, SettingValue]] = {}
    for c in changes:
        out.setdefault(c.where, {})[c.name] = c.before
    return out


def read_changes(manifest: dict[str, Any]) -> list[SettingChange] | None:
    """The recorded changes (None: a manifest from before they were recorded). Raises
    ValueError for a list that is damaged."""
    raw = manifest.get("changes")
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise ValueError("the list of changes is damaged")
    return [SettingChange.from_dict(d) for d in raw]
