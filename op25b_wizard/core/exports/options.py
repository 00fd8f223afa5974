"""How an export is written, beyond the settings themselves.

With ``SOURCE_DATE_EPOCH`` set (the reproducible-builds convention), exports are reproducible:
the time written is that one, and the Apple profile's UUIDs are derived from it instead of
being fresh, so the same settings give the same bytes.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from op25b_wizard.core.i18n import Msg, Translate

MsmtpPassword = Literal["secret-service", "passwordeval"]


@dataclass(frozen=True)
class ExportOptions:
    translate: Translate | None = None
    """Translates marked strings (the Qt layer's); None writes English."""
    lang: str = "en"
    msmtp_password: MsmtpPassword = "secret-service"
    """Where msmtp finds the password: its Secret Service item (no password line), or the
    output of :attr:`password_command` (a ``passwordeval`` line)."""
    password_command: tuple[str, ...] = ("op25b-wizard",)
    """The program that prints a stored password (``… password get --host H --user U``)."""
    thunderbird_server_key: str = "smtp1"
    """Which ``mail.smtpserver.<key>`` the user.js snippet changes."""
    generated_at: datetime | None = None
    """When the export was made (local time); now when None."""

    def tr(self, message: Msg) -> str:
        return message.render(self.translate)

    def comments(self, prefix: str, *messages: Msg) -> list[str]:
        """Each message translated, as comment lines starting with *prefix*."""
        lines: list[str] = []
        for message in messages:
            lines.extend(f"{prefix} {line}".rstrip() for line in self.tr(message).splitlines())
        return lines

    def when(self) -> datetime:
        if self.generated_at is not None:
            return self.generated_at
        epoch = source_date_epoch()
        if epoch is not None:
            return datetime.fromtimestamp(epoch).astimezone()
        return datetime.now().astimezone()

    def new_uuid(self, name: str) -> str:
        """A fresh UUID (upper case), or one derived from *name* and ``SOURCE_DATE_EPOCH``."""
        epoch = source_date_epoch()
        if epoch is None:
            return str(uuid.uuid4()).upper()
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"op25b-wizard:{name}:{epoch}")).upper()


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as a number of seconds, or None when unset or not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None
