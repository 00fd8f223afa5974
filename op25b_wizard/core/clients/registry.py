"""The mail clients the wizard can change, and the ones it only hands a step sheet to."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .base import MailClient
from .becky import BeckyClient
from .thunderbird import ThunderbirdClient

CLIENT_NAMES: tuple[str, ...] = ("thunderbird", "becky")

MANUAL_CLIENTS: tuple[tuple[str, str], ...] = (
    ("outlook", "Microsoft Outlook"),
    ("apple_mail", "Apple Mail"),
)
"""Clients that cannot be changed safely from outside: the wizard gives them the exports and
a step sheet instead."""


def all_clients(home: Path | None = None, env: Mapping[str, str] | None = None,
                platform: str | None = None) -> list[MailClient]:
    """One object per supported client, looking for data under *home* (default: the user's)."""
    return [ThunderbirdClient(home=home, env=env, platform=platform),
            BeckyClient(home=home, env=env, platform=platform)]


def client_by_name(name: str, home: Path | None = None, env: Mapping[str, str] | None = None,
                   platform: str | None = None) -> MailClient:
    """``thunderbird`` or ``becky``; KeyError for any other name."""
    for client in all_clients(home, env, platform):
        if client.name == name:
            return client
    raise KeyError(name)
