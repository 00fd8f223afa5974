"""A real OP25B network: port 25 dropped or reset by iptables in a namespace of our own."""

from __future__ import annotations

import json

import pytest

from tests.support.netns import op25b_network
from tests.support.platform import CLI
from tests.support.servers import DEFAULT_USERS, TestCA

pytestmark = pytest.mark.netns
USER, PASSWORD = next(iter(DEFAULT_USERS.items()))
TIMEOUT = 3.0


def diagnose(net, ca: TestCA, *extra: str, password: str | None = PASSWORD):
    argv = [CLI, "diagnose", USER, "--host", net.hostname, "--cafile", str(ca.cafile),
            "--timeout", str(TIMEOUT), "--json", *extra]
    if password is not None:
        argv.append("--password-stdin")
    proc = net.run(argv, input=(password + "\n") if password else None)
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def assert_no_password_in_clear(records: list[dict]) -> None:
    for server in records:
        assert all(a["encrypted"] for a in server["auth"]), server
        blob = "\n".join(server["plaintext_lines"])
        assert PASSWORD not in blob
        if server["port"] == 25:
            assert server["auth"] == [], "never AUTH on the relay port"


@pytest.mark.parametrize("how, outcome", [("drop", "timeout"), ("reject", "refused")])
def test_blocked_port_25_is_op25b_and_submission_is_recommended(tmp_path, how, outcome):
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block=how) as net:
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))
        status, result = diagnose(net, ca)
        records = servers.records()

    assert status == 0
    ports = {p["port"]: p for p in result["ports"]}
    assert ports[25]["outcome"] == outcome
    assert ports[465]["outcome"] == "auth_ok" and ports[465]["security"] == "tls"
    assert ports[587]["outcome"] == "auth_ok" and ports[587]["security"] == "starttls"
    assert result["op25b"] is True
    assert "op25b" in result["verdicts"] and "submission_ok" in result["verdicts"]
    assert result["recommended"] == {"host": net.hostname, "port": 465, "security": "tls",
                                     "auth": "normal", "username": USER}
    assert result["login_verified"] is True
    # the whole run stays close to one stage timeout although port 25 is blackholed
    assert result["elapsed_s"] < TIMEOUT + 1.5
    if how == "reject":
        assert result["elapsed_s"] < TIMEOUT / 2
    # exactly one AUTH per submission port, over TLS; none on 25
    by_port: dict[int, int] = {}
    for server in records:
        by_port[server["port"]] = by_port.get(server["port"], 0) + len(server["auth"])
    assert by_port == {25: 0, 587: 1, 465: 1}
    assert_no_password_in_clear(records)


def test_open_port_25_still_recommends_submission(tmp_path):
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block=None) as net:
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))
        status, result = diagnose(net, ca)
        records = servers.records()
    assert status == 0
    assert result["op25b"] is False
    assert {p["port"]: p["outcome"] for p in result["ports"]}[25] == "ok"
    assert result["recommended"]["port"] in (465, 587)
    assert "op25b" not in result["verdicts"]
    ok = next(v for v in result["verdict_details"] if v["id"] == "submission_ok")
    assert ok["details"]["port25_works"] is True
    assert_no_password_in_clear(records)


def test_dead_ipv6_path_costs_no_extra_timeout(tmp_path):
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block="drop") as net:
        net.break_ipv6()
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))
        status, result = diagnose(net, ca)
        servers.records()
    assert status == 0
    assert "ipv6_broken" in result["verdicts"]
    assert result["op25b"] is True
    p465 = next(p for p in result["ports"] if p["port"] == 465)
    assert p465["family"] == "ipv4"
    families = {a["family"]: a["result"] for a in p465["attempts"]}
    assert families["ipv6"] == "timeout" and families["ipv4"] == "connected"
    # IPv4 was tried ~250 ms after IPv6, not after IPv6's full timeout
    v4 = next(a for a in p465["attempts"] if a["family"] == "ipv4")
    assert v4["elapsed_s"] < 1.0
    assert p465["elapsed_s"] <= TIMEOUT + 1.0
    assert result["elapsed_s"] < TIMEOUT + 1.5


def test_wrong_password_is_tried_once_per_port_and_reported(tmp_path):
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block="drop") as net:
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))
        status, result = diagnose(net, ca, password="not the password")
        records = servers.records()
    assert status == 3
    assert "auth_rejected" in result["verdicts"] and "op25b" in result["verdicts"]
    assert result["login_verified"] is False
    attempts = sum(len(s["auth"]) for s in records)
    assert attempts == 2  # one on 587, one on 465; never a cascade over mechanisms
