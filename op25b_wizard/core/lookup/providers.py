"""The provider data bundled with the app (``op25b_wizard/data/providers.json``): works offline."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg
from op25b_wizard.core.lookup.autoconfig import SOCKET_TYPES, ClientConfig, ServerTemplate

CTX = "Lookup"

NOTE_TEXTS: dict[str, str] = {
    "app_password": QT_TRANSLATE_NOOP(
        "Lookup", "{provider} takes an app password here, not your usual password: create one "
        "in your account's security settings (two-step verification must be on)."),
    "enable_access": QT_TRANSLATE_NOOP(
        "Lookup", "First turn on access for mail programs (IMAP/POP/SMTP) in {provider}'s web "
        "mail settings."),
}


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    config: ClientConfig
    mx_domains: tuple[str, ...]
    notes: tuple[str, ...]
    source: str
    checked: str
    subdomains: bool = False
    """Addresses also live on subdomains (OCN's ``taro@sirius.ocn.ne.jp``)."""

    def note_messages(self) -> list[Msg]:
        return [msg(CTX, NOTE_TEXTS[key], provider=self.name) for key in self.notes]


def _provider(entry: dict[str, Any]) -> Provider:
    servers = []
    for s in entry["outgoing"]:
        if s["socketType"].lower() not in SOCKET_TYPES:
            raise ValueError(f"{entry['id']}: unknown socketType {s['socketType']!r}")
        servers.append(ServerTemplate(
            s["hostname"], int(s["port"]), s["socketType"].lower(), s.get("username"),
            tuple(a.lower() for a in s.get("authentication", ()))))
    notes = tuple(entry.get("notes", ()))
    unknown = [n for n in notes if n not in NOTE_TEXTS]
    if unknown:
        raise ValueError(f"{entry['id']}: unknown notes {unknown}")
    domains = tuple(d.lower() for d in entry["domains"])
    config = ClientConfig(entry["id"], entry["name"], domains, tuple(servers))
    return Provider(entry["id"], entry["name"], config,
                    tuple(d.lower() for d in entry.get("mx_domains", ())), notes,
                    entry["source"], entry["checked"], bool(entry.get("subdomains", False)))


@functools.cache
def load_providers() -> tuple[Provider, ...]:
    """Every bundled provider (read once)."""
    text = resources.files("op25b_wizard").joinpath("data/providers.json").read_text("utf-8")
    return tuple(_provider(e) for e in json.loads(text)["providers"])


def find_provider(domain_ascii: str) -> Provider | None:
    """The provider of addresses at *domain_ascii*: its own domain, or a subdomain of a
    provider that hands out addresses on subdomains."""
    exact = next((p for p in load_providers() if domain_ascii in p.config.domains), None)
    if exact is not None:
        return exact
    labels = domain_ascii.split(".")
    for i in range(1, len(labels) - 1):
        suffix = ".".join(labels[i:])
        for p in load_providers():
            if p.subdomains and suffix in p.config.domains:
                return p
    return None


def find_provider_by_mx(mx_host: str) -> Provider | None:
    """The provider that runs the MX host *mx_host*, most specific domain first."""
    labels = mx_host.lower().rstrip(".").split(".")
    for i in range(1, len(labels) - 1):
        suffix = ".".join(labels[i:])
        for p in load_providers():
            if suffix in p.mx_domains or suffix in p.config.domains:
                return p
    return None
