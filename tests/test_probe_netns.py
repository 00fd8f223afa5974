"""The engine on a real network of its own (namespaces): port 25 and the password, address
families that are missing or dead."""

from __future__ import annotations

import json

import pytest

from tests.support.netns import op25b_network
from tests.support.platform import CLI
from tests.support.servers import DEFAULT_USERS, TestCA

pytestmark = pytest.mark.netns
USER, PASSWORD = next(iter(DEFAULT_USERS.items()))
TIMEOUT = 3.0


def diagnose(net, ca: TestCA, *extra: str, password: str | None = PASSWORD,
             timeout: float = TIMEOUT) -> tuple[int, dict]:
    argv = [CLI, "diagnose", USER, "--host", net.hostname, "--cafile", str(ca.cafile),
            "--timeout", str(timeout), "--json", *extra]
    if password is not None:
        argv.append("--password-stdin")
    proc = net.run(argv, input=(password + "\n") if password else None)
    assert proc.stdout, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def auth_by_port(records: list[dict]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for server in records:
        out.setdefault(server["port"], []).extend(server["auth"])
    return out


def test_no_password_on_port_25_even_when_asked_to_test_it_as_a_submission_port(tmp_path):
    """``--port 25/starttls``: port 25 is spoken to with STARTTLS, but the password is never
    offered there, although the server on 25 offers AUTH after TLS."""
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block=None) as net:
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"),
                                    config={"ports": {"25": "starttls", "465": "tls"}})
        status, result = diagnose(net, ca, "--port", "25/starttls", "--port", "465",
                                  "--transcript")
        records = servers.records()

    auth = auth_by_port(records)
    assert auth[25] == [], "the server on 25 saw no AUTH"
    assert [(a["encrypted"], a["accepted"]) for a in auth[465]] == [(True, True)]
    for server in records:
        if server["port"] == 25:
            assert not any(line.upper().startswith("AUTH") for line in server["plaintext_lines"])
    ports = {p["port"]: p for p in result["ports"]}
    p25 = ports[25]
    assert (p25["mode"], p25["security"], p25["outcome"]) == ("starttls", "starttls", "ok")
    assert p25["auth"] is None
    assert "PLAIN" in p25["capabilities"]["auth"], "AUTH was on offer: the rule did the refusing"
    assert not any(" 25 -> AUTH" in line for line in result["transcript"])
    assert ports[465]["outcome"] == "auth_ok"
    assert status == 0 and result["recommended"]["port"] == 465


def ipv4_only(net) -> None:
    """The client loses IPv6 altogether (an IPv4-only network): no IPv6 address, no route;
    the server's name still resolves to its IPv6 address too."""
    net.run(["sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1"])
    assert "inet6" not in net.run(["ip", "-6", "addr"]).stdout


def test_on_an_ipv4_only_network_port_25_reports_what_ipv4_saw(tmp_path):
    """IPv6 has no route (refused at once by this computer); IPv4's SYN to 25 is dropped.
    Port 25 timed out on the network: that, not IPv6's 'no route', is its outcome."""
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block="drop") as net:
        ipv4_only(net)
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))
        status, result = diagnose(net, ca, timeout=1.0)
        servers.records()
    ports = {p["port"]: p for p in result["ports"]}
    p25 = ports[25]
    assert {a["family"]: a["result"] for a in p25["attempts"]} == {"ipv6": "unreachable",
                                                                   "ipv4": "timeout"}
    assert (p25["outcome"], p25["stage"]) == ("timeout", "connect")
    assert result["op25b"] is True
    op25b = next(v for v in result["verdict_details"] if v["id"] == "op25b")
    assert op25b["details"] == {"port": 25, "how": "timeout"}
    for port in (587, 465):
        assert ports[port]["outcome"] == "auth_ok" and ports[port]["family"] == "ipv4"
    assert status == 0


def test_a_dead_ipv6_path_is_not_waited_for_once_every_port_is_done(tmp_path):
    """IPv6 drops every packet, port 25 is open: each port is done over IPv4 well within a
    second; its IPv6 attempt is then stopped as not needed instead of running to the 5 s
    timeout, for each row and for the run."""
    ca = TestCA(tmp_path)
    with op25b_network(tmp_path, block=None) as net:
        net.break_ipv6()
        servers = net.start_servers(ca.write_server_pem(tmp_path / "server.pem"))
        status, result = diagnose(net, ca, timeout=5.0)
        servers.records()
    assert status == 0
    assert result["elapsed_s"] < 2.0, "not the 5 s IPv6 timeout"
    for p in result["ports"]:
        assert p["outcome"] in ("ok", "auth_ok") and p["family"] == "ipv4", p
        assert p["elapsed_s"] < 1.5, p
        assert {a["family"]: a["result"] for a in p["attempts"]} == {"ipv6": "not_needed",
                                                                     "ipv4": "connected"}
    assert "ipv6_broken" not in result["verdicts"]
