"""From an e-mail address to the right outgoing server (Qt-free).

``lookup(email, config, cancel) -> LookupResult`` runs the chain: company preset, bundled
provider data, the provider's own autoconfig, the public ISP database, MX, SRV (a suggestion
only) and finally guessing with the port-test engine. See ``docs/lookup.md``.


Names are loaded when first used (PEP 562): a command that needs only the result types does
not load the DNS resolver or the web client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE: dict[str, str] = {
    "EmailAddress": "address", "EmailAddressError": "address", "parse_email": "address",
    "AutoconfigError": "autoconfig", "ClientConfig": "autoconfig",
    "parse_autoconfig": "autoconfig",
    "DEFAULT_AUTOCONFIG_URLS": "config", "DEFAULT_ISPDB_URL": "config", "LookupConfig": "config",
    "lookup": "engine",
    "PRESET_FILENAME": "preset", "find_bundled_preset": "preset", "load_preset": "preset",
    "SOURCES": "result", "LookupResult": "result", "OutgoingServer": "result",
}

if TYPE_CHECKING:
    from op25b_wizard.core.lookup.address import EmailAddress, EmailAddressError, parse_email
    from op25b_wizard.core.lookup.autoconfig import (
        AutoconfigError,
        ClientConfig,
        parse_autoconfig,
    )
    from op25b_wizard.core.lookup.config import (
        DEFAULT_AUTOCONFIG_URLS,
        DEFAULT_ISPDB_URL,
        LookupConfig,
    )
    from op25b_wizard.core.lookup.engine import lookup
    from op25b_wizard.core.lookup.preset import (
        PRESET_FILENAME,
        find_bundled_preset,
        load_preset,
    )
    from op25b_wizard.core.lookup.result import SOURCES, LookupResult, OutgoingServer


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_AUTOCONFIG_URLS",
    "DEFAULT_ISPDB_URL",
    "PRESET_FILENAME",
    "SOURCES",
    "AutoconfigError",
    "ClientConfig",
    "EmailAddress",
    "EmailAddressError",
    "LookupConfig",
    "LookupResult",
    "OutgoingServer",
    "find_bundled_preset",
    "load_preset",
    "lookup",
    "parse_autoconfig",
    "parse_email",
]
