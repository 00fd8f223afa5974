"""A real OP25B network for the tests: two network namespaces joined by a veth pair.

``client`` is the hotel network: iptables there DROPs (or REJECTs with a TCP reset) outgoing
TCP to port 25. ``server`` runs real SMTP servers on 25, 587 and 465 (``run_servers``). Inside
the client namespace ``mail.example.test`` resolves (through ``/etc/netns/<ns>/hosts``, which
``ip netns exec`` mounts over ``/etc/hosts``) to the server's IPv4 and IPv6 addresses.
The addresses are documentation ranges and exist only inside these namespaces.

Needs root, ``ip`` and ``iptables``; CI runs as root, so there these tests must run.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.platform import NO_NETNS

ROOT = Path(__file__).resolve().parents[2]
HOSTNAME = "mail.example.test"
SERVER_V4 = "192.0.2.25"
CLIENT_V4 = "192.0.2.1"
SERVER_V6 = "2001:db8::25"
CLIENT_V6 = "2001:db8::1"
CLONE_NEWNET = 0x40000000


def netns_available() -> str | None:
    """None when namespaces can be built here, else the reason they cannot."""
    if sys.platform == "win32":
        return f"not on Windows: {NO_NETNS}"
    if os.geteuid() != 0:
        return "needs root"
    for tool in ("ip", "iptables", "ip6tables"):
        if not shutil.which(tool):
            return f"needs {tool}"
    return None


def require_netns() -> None:
    """Skip on a developer machine without root; fail in CI, where these must run."""
    reason = netns_available()
    if reason:
        if os.environ.get("CI") and sys.platform != "win32":
            pytest.fail(f"network namespace tests must run in CI: {reason}")
        pytest.skip(reason)


def _sh(*argv: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(argv, check=check, capture_output=True, text=True)


@dataclass
class ServerProcess:
    proc: subprocess.Popen
    record_path: Path

    def records(self) -> dict:
        """Stop the servers and return what they saw (auth attempts, plaintext, messages)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if not self.record_path.exists():
            return {}
        return json.loads(self.record_path.read_text())


@dataclass
class Op25bNetwork:
    client: str
    server: str
    workdir: Path
    hostname: str = HOSTNAME
    server_v4: str = SERVER_V4
    server_v6: str = SERVER_V6
    _servers: list[ServerProcess] = field(default_factory=list)

    def client_exec(self, argv: Sequence[str]) -> list[str]:
        return ["ip", "netns", "exec", self.client, *argv]

    def run(self, argv: Sequence[str], *, input: str | None = None, timeout: float = 60,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run a command on the client (hotel) side."""
        return subprocess.run(self.client_exec(argv), input=input, capture_output=True, text=True,
                              timeout=timeout, env=env)

    def block_port(self, port: int = 25, how: str = "drop") -> None:
        target = ["DROP"] if how == "drop" else ["REJECT", "--reject-with", "tcp-reset"]
        for tool in ("iptables", "ip6tables"):
            _sh("ip", "netns", "exec", self.client, tool, "-A", "OUTPUT", "-p", "tcp",
                "--dport", str(port), "-j", *target)

    def break_ipv6(self) -> None:
        """Drop every IPv6 packet the client sends (a dead IPv6 path)."""
        _sh("ip", "netns", "exec", self.client, "ip6tables", "-A", "OUTPUT", "-p", "tcp", "-j", "DROP")

    def start_servers(self, server_pem: Path, *, config: dict | None = None,
                      module: str = "tests.support.run_servers") -> ServerProcess:
        """Start the SMTP servers (25 relay, 587 STARTTLS+AUTH, 465 TLS+AUTH) in the server ns;
        another *module* runs other servers the same way (``tests.support.run_portal``)."""
        record = self.workdir / f"records-{len(self._servers)}.json"
        argv = ["ip", "netns", "exec", self.server, sys.executable, "-m", module,
                "--pem", str(server_pem), "--records", str(record),
                "--bind", self.server_v4, "--bind", self.server_v6,
                "--config", json.dumps(config or {})]
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        line = proc.stdout.readline() if proc.stdout else ""
        if "READY" not in line:
            proc.kill()
            err = proc.stderr.read() if proc.stderr else ""
            raise RuntimeError(f"test servers did not start: {line} {err}")
        sp = ServerProcess(proc, record)
        self._servers.append(sp)
        return sp

    @contextlib.contextmanager
    def entered(self) -> Iterator[None]:
        """Move the calling thread (and threads it starts) into the client namespace."""
        libc = ctypes.CDLL(None, use_errno=True)
        with open(f"/proc/self/task/{threading.get_native_id()}/ns/net") as home, \
                open(f"/run/netns/{self.client}") as target:
            if libc.setns(target.fileno(), CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns into the client namespace failed")
            try:
                yield
            finally:
                libc.setns(home.fileno(), CLONE_NEWNET)

    def close(self) -> None:
        for sp in self._servers:
            with contextlib.suppress(Exception):
                sp.records()
        for ns in (self.client, self.server):
            _sh("ip", "netns", "del", ns, check=False)
            shutil.rmtree(f"/etc/netns/{ns}", ignore_errors=True)


@contextlib.contextmanager
def op25b_network(tmp: Path, block: str | None = "drop") -> Iterator[Op25bNetwork]:
    """Build the two namespaces; *block* is ``drop``, ``reject`` or None (port 25 open)."""
    require_netns()
    tag = secrets.token_hex(3)
    net = Op25bNetwork(f"op25b-c-{tag}", f"op25b-s-{tag}", tmp)
    try:
        for ns in (net.client, net.server):
            _sh("ip", "netns", "add", ns)
            _sh("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up")
        veth_c, veth_s = f"vc{tag}", f"vs{tag}"
        _sh("ip", "link", "add", veth_c, "netns", net.client, "type", "veth",
            "peer", "name", veth_s, "netns", net.server)
        for ns, dev, v4, v6 in ((net.client, veth_c, CLIENT_V4, CLIENT_V6),
                                (net.server, veth_s, SERVER_V4, SERVER_V6)):
            _sh("ip", "netns", "exec", ns, "ip", "addr", "add", f"{v4}/24", "dev", dev)
            _sh("ip", "netns", "exec", ns, "ip", "-6", "addr", "add", f"{v6}/64", "dev", dev, "nodad")
            _sh("ip", "netns", "exec", ns, "ip", "link", "set", dev, "up")
        hosts = Path(f"/etc/netns/{net.client}")
        hosts.mkdir(parents=True, exist_ok=True)
        (hosts / "hosts").write_text(
            f"127.0.0.1 localhost\n::1 localhost\n{SERVER_V6} {HOSTNAME}\n{SERVER_V4} {HOSTNAME}\n")
        if block:
            net.block_port(25, block)
        yield net
    finally:
        net.close()
