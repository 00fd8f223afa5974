"""Benchmark: the longest event-loop stall while the wizard's port test runs with a blackholed
port 25. Goal: under 50 ms.

    .venv/bin/python -m benchmarks.bench_gui_stall [--repeat 5] [--timeout 3]

The real wizard (offscreen) runs its port test against real SMTP servers on loopback: port 25
is a port whose SYNs are dropped (``tests.support.servers.blackhole``), 587 and 465 answer.
A 2 ms timer on the GUI thread records when it fires; the largest gap between two firings,
less the interval, is the stall. The page is repainted on every progress event, so painting
counts too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from op25b_wizard.core.model import PortSpec  # noqa: E402
from op25b_wizard.core.wizard_state import PageId, Preset  # noqa: E402
from op25b_wizard.gui import workers  # noqa: E402
from op25b_wizard.gui.app import create_wizard, ensure_app  # noqa: E402
from op25b_wizard.gui.services import Services  # noqa: E402
from tests.support.servers import TestCA, blackhole, smtp_server  # noqa: E402

INTERVAL_MS = 2


def wait(condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the wizard did not get there")
        QCoreApplication.processEvents()
        time.sleep(0.001)


def one_run(ca: TestCA, ports: list[PortSpec], timeout: float, home: Path) -> tuple[float, float]:
    """(longest stall in s, wall time of the test in s)."""
    preset = Preset(host="127.0.0.1", ports=ports, cafile=str(ca.cafile), timeout=timeout,
                    email="taro@example.test")
    wizard = create_wizard(lang="ja", preset=preset,
                           services=Services(home=home, env={"HOME": str(home)}))
    wizard.show()
    wizard.next()
    wait(lambda: wizard.currentId() == int(PageId.ACCOUNT) and wizard.page_of(PageId.ACCOUNT).accounts is not None)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    t0 = time.perf_counter()
    wizard.next()  # the port test starts by itself
    assert wizard.currentId() == int(PageId.PORT_TEST)
    wait(lambda: wizard.state.report is not None)
    wall = time.perf_counter() - t0
    timer.stop()
    wizard.done(0)
    wizard.deleteLater()
    QCoreApplication.processEvents()
    assert not workers.running()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    return max(gaps) - INTERVAL_MS / 1000, wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=3.0, help="stage timeout of the test (s)")
    args = ap.parse_args()
    ensure_app()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        ca = TestCA(tmp)
        with blackhole() as dead, smtp_server(ca, "starttls") as sub, smtp_server(ca, "tls") as tls:
            ports = [PortSpec(dead, "relay"), PortSpec(sub.port, "starttls"), PortSpec(tls.port, "tls")]
            stalls, walls = [], []
            for _ in range(args.repeat):
                stall, wall = one_run(ca, ports, args.timeout, tmp)
                stalls.append(stall)
                walls.append(wall)
    print(f"port test with port 25 blackholed, stage timeout {args.timeout:.0f} s, {args.repeat} runs:")
    print(f"  test took          median {statistics.median(walls):.2f} s")
    print(f"  longest stall      max {max(stalls) * 1000:.1f} ms, median {statistics.median(stalls) * 1000:.1f} ms"
          " (goal: under 50 ms)")


if __name__ == "__main__":
    main()
