"""Benchmark: a diagnosis with port 25 blackholed, against the same probes one after another.

Run by hand as root (it builds network namespaces)::

    .venv/bin/python -m benchmarks.bench_probe [--timeouts 1 2 4] [--repeat 3]

Prints, for each stage timeout T: the concurrent run's wall time, its ratio to T, the sequential
run's wall time and the ratio sequential / concurrent.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from op25b_wizard.core.model import Credentials, PortSpec, ProbeOptions, ProbeRequest
from op25b_wizard.core.probe import run_probe
from tests.support.netns import SERVER_V4, op25b_network
from tests.support.servers import DEFAULT_USERS, TestCA

USER, PASSWORD = next(iter(DEFAULT_USERS.items()))
PORTS = [PortSpec(25, "relay"), PortSpec(587, "starttls"), PortSpec(465, "tls")]


def request(ca: TestCA, ports: list[PortSpec], timeout: float) -> ProbeRequest:
    return ProbeRequest(SERVER_V4, ports, ProbeOptions(
        timeout=timeout, cafile=str(ca.cafile), credentials=Credentials(USER, PASSWORD)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeouts", type=float, nargs="+", default=[1.0, 2.0, 4.0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        ca = TestCA(tmp)
        with op25b_network(tmp, block="drop") as net:
            net.start_servers(ca.write_server_pem(tmp / "server.pem"))
            print(f"{'T (s)':>6} {'concurrent (s)':>15} {'/T':>6} {'sequential (s)':>15} {'seq/conc':>9}")
            with net.entered():
                for t in args.timeouts:
                    conc, seq = [], []
                    for _ in range(args.repeat):
                        t0 = time.perf_counter()
                        report = run_probe(request(ca, PORTS, t))
                        conc.append(time.perf_counter() - t0)
                        assert [p.outcome for p in report.ports] == ["timeout", "auth_ok", "auth_ok"], \
                            [p.outcome for p in report.ports]
                        t0 = time.perf_counter()
                        for spec in PORTS:
                            run_probe(request(ca, [spec], t))
                        seq.append(time.perf_counter() - t0)
                    c, s = statistics.median(conc), statistics.median(seq)
                    print(f"{t:6.1f} {c:15.3f} {c / t:6.2f} {s:15.3f} {s / c:9.2f}")


if __name__ == "__main__":
    main()
