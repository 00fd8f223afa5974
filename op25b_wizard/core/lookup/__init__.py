"""From an e-mail address to the right outgoing server (Qt-free).

``lookup(email, config, cancel) -> LookupResult`` runs the chain: company preset, bundled
provider data, the provider's own autoconfig, the public ISP database, MX, SRV (a suggestion
only) and finally guessing with the port-test engine. See ``docs/lookup.md``.
"""

from op25b_wizard.core.lookup.address import EmailAddress, EmailAddressError, parse_email
from op25b_wizard.core.lookup.autoconfig import AutoconfigError, ClientConfig, parse_autoconfig
from op25b_wizard.core.lookup.config import (
    DEFAULT_AUTOCONFIG_URLS,
    DEFAULT_ISPDB_URL,
    LookupConfig,
)
from op25b_wizard.core.lookup.engine import lookup
from op25b_wizard.core.lookup.preset import PRESET_FILENAME, find_bundled_preset, load_preset
from op25b_wizard.core.lookup.result import SOURCES, LookupResult, OutgoingServer

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
