"""The real lookup chain with its real defaults, inside network namespaces of our own: a hotel
network with no way out (offline is normal) and an OP25B network where only guessing can answer.
Nothing can leave the machine: the namespaces have no route outside."""

from __future__ import annotations

import json
import threading
import time

import pytest

from op25b_wizard.core.lookup import LookupConfig, lookup
from tests.support.netns import op25b_network
from tests.support.platform import CLI
from tests.support.servers import TestCA

pytestmark = pytest.mark.netns


def in_namespace(net, fn):
    """Run *fn* in a thread that has entered the client namespace (its threads follow it)."""
    box: dict = {}

    def target() -> None:
        with net.entered():
            try:
                box["value"] = fn()
            except BaseException as e:  # noqa: BLE001 - re-raised in the test's thread
                box["error"] = e

    t = threading.Thread(target=target)
    t.start()
    t.join(120)
    if "error" in box:
        raise box["error"]
    return box["value"]


def test_without_a_way_out_bundled_data_answers_at_once_and_the_rest_fails_fast(tmp_path):
    defaults = LookupConfig(use_bundled_preset=False)  # the real chain: live ISPDB, system DNS
    with op25b_network(tmp_path, block=None) as net:
        def both():
            t0 = time.monotonic()
            known = lookup("taro@ocn.ne.jp", defaults)
            t1 = time.monotonic()
            unknown = lookup("taro@unknown-isp.example", defaults)
            return known, t1 - t0, unknown, time.monotonic() - t1

        known, known_s, unknown, unknown_s = in_namespace(net, both)
    assert known.source == "bundled" and known.outgoing[0].host == "smtp.ocn.ne.jp"
    assert known_s < 1.0 and known.network_reached is False
    assert unknown.source == "none" and unknown.network_reached is False
    assert any("network was not reached" in n.render() for n in unknown.notes)
    assert unknown_s < 5, "an unreachable network fails at once, not after every timeout"


def test_guessing_end_to_end_behind_op25b(tmp_path):
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block="drop") as net:
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))
        t0 = time.monotonic()
        proc = net.run([CLI, "lookup", "taro@example.test", "--json", "--cafile", str(ca.cafile)])
        elapsed = time.monotonic() - t0
        records = servers.records()
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["source"] == "guess"
    assert data["outgoing"][:2] == [
        {"host": "mail.example.test", "port": 465, "security": "tls", "auth": "normal",
         "username": "taro@example.test"},
        {"host": "mail.example.test", "port": 587, "security": "starttls", "auth": "normal",
         "username": "taro@example.test"},
    ]
    assert all(s["port"] != 25 for s in data["outgoing"])  # dropped: never answered
    # the blackholed port 25 (10 s timeout) is not waited for once 465 and 587 answered
    assert elapsed < 8
    assert all(server["auth"] == [] for server in records), "guessing never signs in"
