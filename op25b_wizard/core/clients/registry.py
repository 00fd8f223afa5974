"""The mail clients the wizard can change (Apple Mail and the new Outlook for Windows get the
exports and the settings sheet's directions instead: ``core.exports.sheet_html.CLIENT_STEPS``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from op25b_wizard.core.i18n import Msg

from .base import MailClient
from .becky import BeckyClient
from .outlook import OutlookClient
from .thunderbird import ThunderbirdClient

CLIENT_NAMES: tuple[str, ...] = ("thunderbird", "becky", "outlook")


def all_clients(home: Path | None = None, env: Mapping[str, str] | None = None,
                platform: str | None = None) -> list[MailClient]:
    """One object per supported client, looking for data under *home* (default: the user's)."""
    return [ThunderbirdClient(home=home, env=env, platform=platform),
            BeckyClient(home=home, env=env, platform=platform),
            OutlookClient(home=home, env=env, platform=platform)]


def client_by_name(name: str, home: Path | None = None, env: Mapping[str, str] | None = None,
                   platform: str | None = None) -> MailClient:
    """``thunderbird``, ``becky`` or ``outlook``; KeyError for any other name."""
    for client in all_clients(home, env, platform):
        if client.name == name:
            return client
    raise KeyError(name)


def unavailable_reason(client: MailClient) -> Msg | None:
    """Why *client* cannot be read or changed on this computer (Outlook off Windows), or None."""
    check = getattr(client, "unavailable", None)
    return check() if check is not None else None
