"""Name resolution has a deadline and can be cancelled, even while the resolver itself hangs.

The system resolver (``getaddrinfo``) cannot be interrupted; a stuck one (a dead DNS server,
a captive portal) must still not hold the probe beyond its stage timeout or a cancel.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from op25b_wizard.core.diagnosis import diagnose
from op25b_wizard.core.model import PortSpec
from tests.conftest import ENGINE_PASSWORD
from tests.support.platform import TIMING_SLACK
from tests.support.servers import free_port

STUCK_S = 30.0
"""How long the fake resolver would hang if nothing released it."""


class StuckResolver:
    """``socket.getaddrinfo`` that hangs until released, then answers as the real one."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.finished = threading.Event()
        self.calls = 0
        self._real = socket.getaddrinfo

    def __call__(self, host, *args, **kwargs):
        self.calls += 1
        try:
            self.release.wait(STUCK_S)
            return self._real("localhost", *args, **kwargs)
        finally:
            self.finished.set()


@pytest.fixture
def stuck_resolver(monkeypatch) -> Iterator[StuckResolver]:
    fake = StuckResolver()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    errors: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", errors.append)
    yield fake
    fake.release.set()
    assert fake.finished.wait(5), "the resolver call ended once released"
    # the late answer arrives after the probe's loop has closed: dropped quietly
    threading.Event().wait(0.1)
    assert errors == [], [e.exc_value for e in errors]


def test_a_hanging_resolver_times_out_with_the_stage_timeout(stuck_resolver,
                                                              probe_ports) -> None:
    run = probe_ports([PortSpec(free_port(), "starttls"), PortSpec(free_port(), "tls")],
                      host="mail.example.test", timeout=1.0, password=ENGINE_PASSWORD)
    assert stuck_resolver.calls == 1
    assert run.wall_s < 1.0 + 1.0 + TIMING_SLACK, \
        "returns at the DNS timeout, not when the resolver does"
    assert run.report.cancelled is False
    assert run.report.dns_error == "DNS lookup timed out"
    assert [(p.outcome, p.stage) for p in run.report.ports] == [("dns_error", "dns")] * 2
    assert run.events[-1].kind == "done"
    d = diagnose(run.report)
    assert d.verdict_ids == ["unreachable"]
    assert d.verdicts[0].details["reason"] == "dns"


def test_a_cancel_during_a_hanging_lookup_returns_promptly(stuck_resolver, probe_ports) -> None:
    stop = threading.Event()
    timer = threading.Timer(0.3, stop.set)
    timer.start()
    try:
        run = probe_ports([PortSpec(free_port(), "starttls")], host="mail.example.test",
                          timeout=20.0, cancel=stop)
    finally:
        timer.cancel()
    assert run.wall_s < 0.3 + 1.0 + TIMING_SLACK, \
        "promptly after the cancel, not after the 20 s timeout"
    assert run.report.cancelled is True
    assert diagnose(run.report).verdict_ids == ["cancelled"]


def test_the_lookup_still_answers_normally(probe_ports) -> None:
    """The resolver runs in a thread of its own; its answer comes back as before."""
    port = free_port()
    run = probe_ports([PortSpec(port, "starttls")], host="localhost")
    assert run.report.dns_error is None
    assert "127.0.0.1" in run.report.addresses.get("ipv4", [])
    assert run.report.ports[0].outcome == "refused"


def test_a_name_that_does_not_exist_is_still_a_dns_error(probe_ports) -> None:
    run = probe_ports([PortSpec(free_port(), "starttls")], host="no-such-host.invalid")
    assert run.report.dns_error and run.report.dns_error != "DNS lookup timed out"
    assert run.report.ports[0].outcome == "dns_error"
