"""MX and SRV records through dnspython, with a resolver the tests can point at a local server."""

from __future__ import annotations

from dataclasses import dataclass

import dns.exception
import dns.resolver


@dataclass(frozen=True)
class SrvTarget:
    host: str
    port: int
    priority: int
    weight: int


@dataclass
class DnsAnswer:
    """Records found (empty when none), and whether a DNS server answered at all."""

    records: list
    reached: bool


def make_resolver(nameservers: tuple[str, ...] | None = None, port: int = 53,
                  timeout: float = 5.0) -> dns.resolver.Resolver:
    """The system's resolver, or one asking *nameservers* on *port*; *timeout* per query."""
    if nameservers:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = list(nameservers)
        resolver.port = port
    else:
        try:
            resolver = dns.resolver.Resolver()
        except (dns.resolver.NoResolverConfiguration, OSError):
            resolver = dns.resolver.Resolver(configure=False)
            resolver.nameservers = []
    resolver.lifetime = timeout
    resolver.timeout = min(timeout, 2.0)
    return resolver


def _query(resolver: dns.resolver.Resolver, name: str, rdtype: str) -> tuple[list, bool]:
    if not resolver.nameservers:
        return [], False
    try:
        answer = resolver.resolve(name, rdtype, search=False)
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer, dns.resolver.YXDOMAIN):
        return [], True
    except (dns.exception.Timeout, dns.resolver.NoNameservers, dns.exception.DNSException,
            OSError):
        return [], False
    return list(answer), True


def mx_hosts(domain_ascii: str, resolver: dns.resolver.Resolver) -> DnsAnswer:
    """MX host names of *domain_ascii*, most preferred first (a null MX gives none)."""
    records, reached = _query(resolver, domain_ascii, "MX")
    records.sort(key=lambda r: r.preference)
    hosts = []
    for r in records:
        host = r.exchange.to_text(omit_final_dot=True).lower()
        if host and host != "." and host not in hosts:
            hosts.append(host)
    return DnsAnswer(hosts, reached)


def srv_targets(name: str, resolver: dns.resolver.Resolver) -> DnsAnswer:
    """SRV targets for *name* by priority (then weight); a "." target means "no service"."""
    records, reached = _query(resolver, name, "SRV")
    targets = [SrvTarget(r.target.to_text(omit_final_dot=True).lower(), r.port, r.priority,
                         r.weight) for r in records]
    targets = [t for t in targets if t.host and t.host != "." and t.port]
    targets.sort(key=lambda t: (t.priority, -t.weight))
    return DnsAnswer(targets, reached)
