"""Settings of one lookup. The defaults are the real chain; tests point the parts at local servers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from op25b_wizard.core.lookup.autoconfig import MAX_BYTES
from op25b_wizard.core.model import PortSpec

DEFAULT_ISPDB_URL = "https://live.thunderbird.net/autoconfig/v1.1/"
"""Thunderbird's public ISP database; the domain is appended."""

DEFAULT_AUTOCONFIG_URLS: tuple[str, ...] = (
    "https://autoconfig.{domain}/mail/config-v1.1.xml",
    "https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
    "http://autoconfig.{domain}/mail/config-v1.1.xml",
    "http://{domain}/.well-known/autoconfig/mail/config-v1.1.xml",
)
"""The provider's own autoconfig, best first; ``{domain}`` is the ASCII (IDNA) domain. An
answer over plain http is marked unauthenticated and needs the user's confirmation."""

DEFAULT_GUESS_HOSTS: tuple[str, ...] = ("smtp.{domain}", "mail.{domain}", "{domain}")
DEFAULT_GUESS_PORTS: tuple[PortSpec, ...] = (PortSpec(465, "tls"), PortSpec(587, "starttls"),
                                             PortSpec(25, "relay"))


@dataclass
class LookupConfig:
    offline: bool = False
    """Only the company preset and the bundled provider data; nothing touches the network."""
    preset: Path | None = None
    """A company preset named explicitly (``--preset FILE``); an unreadable or invalid one is
    an error (:class:`~op25b_wizard.core.lookup.autoconfig.AutoconfigError`)."""
    use_bundled_preset: bool = True
    """Also look for ``op25b-preset.xml`` beside the executable (a broken one becomes a note)."""
    bundled_preset_dir: Path | None = None
    """Where to look for that file instead of the executable's folder."""
    use_bundled_providers: bool = True
    autoconfig_urls: tuple[str, ...] = DEFAULT_AUTOCONFIG_URLS
    ispdb_url: str | None = DEFAULT_ISPDB_URL
    """Base URL of the ISP database (the domain is appended); None skips it."""
    use_mx: bool = True
    use_srv: bool = True
    """RFC 6186 SRV records: only ever a suggestion the user must confirm."""
    guess: bool = True
    guess_hosts: tuple[str, ...] = DEFAULT_GUESS_HOSTS
    guess_ports: tuple[PortSpec, ...] = DEFAULT_GUESS_PORTS
    cafile: str | None = None
    """Extra trusted CA certificates (PEM) for https fetches and the guessing probes."""
    use_system_trust: bool = True
    nameservers: tuple[str, ...] | None = None
    """DNS servers to ask instead of the system's (IP addresses)."""
    dns_port: int = 53
    http_timeout: float = 10.0
    dns_timeout: float = 5.0
    probe_timeout: float = 10.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 3
