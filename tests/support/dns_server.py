"""A real DNS server on loopback for the tests (dnslib): answers from a zone written as text."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from dnslib import QTYPE, RCODE, RR, DNSRecord
from dnslib.server import BaseResolver, DNSLogger, DNSServer


class ZoneResolver(BaseResolver):
    """Answers from zone-file lines; NXDOMAIN for names it does not know at all."""

    def __init__(self, zone: str) -> None:
        self.records = RR.fromZone(zone) if zone.strip() else []
        self.queries: list[tuple[str, str]] = []

    def resolve(self, request: DNSRecord, handler) -> DNSRecord:
        reply = request.reply()
        qname = request.q.qname
        qtype = QTYPE[request.q.qtype]
        self.queries.append((str(qname).rstrip("."), qtype))
        known = False
        for rr in self.records:
            if rr.rname == qname:
                known = True
                if QTYPE[rr.rtype] == qtype:
                    reply.add_answer(rr)
        if not known:
            reply.header.rcode = RCODE.NXDOMAIN
        return reply


@contextlib.contextmanager
def local_dns(zone: str = "") -> Iterator[tuple[DNSServer, ZoneResolver]]:
    """A UDP DNS server on 127.0.0.1 (random port): ``server.server.server_address[1]``."""
    resolver = ZoneResolver(zone)
    server = DNSServer(resolver, address="127.0.0.1", port=0,
                       logger=DNSLogger(log="-request,-reply,-truncated,-error,-recv,-send,-data",
                                        prefix=False))
    server.thread = threading.Thread(target=server.server.serve_forever, args=(0.05,), daemon=True)
    server.thread.start()
    try:
        yield server, resolver
    finally:
        server.stop()
        server.server.server_close()


def port_of(server: DNSServer) -> int:
    return server.server.server_address[1]
