"""The engine on a real network of its own (namespaces): port 25 and the password, address
families that are missing or dead."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.netns import op25b_network
from tests.support.servers import DEFAULT_USERS, TestCA

pytestmark = pytest.mark.netns
USER, PASSWORD = next(iter(DEFAULT_USERS.items()))
CLI = str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "op25b-wizard")
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
