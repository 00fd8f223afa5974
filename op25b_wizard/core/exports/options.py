"""How an export is written, beyond the settings themselves."""

from __future__ import annotations

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
        return self.generated_at or datetime.now().astimezone()
