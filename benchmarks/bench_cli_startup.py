"""Benchmark: how soon the command line answers: ``op25b-wizard --version`` and a ``diagnose``
of a closed loopback port (refused at once, so the time is the start-up around one probe).

    .venv/bin/python -m benchmarks.bench_cli_startup [--repeat 21] [--before OTHER_PYTHON]

Each run is a fresh interpreter (``python -m op25b_wizard``) in English; the median wall time
is printed. ``--before`` names the Python of another checkout (e.g. one before the English
command line stopped importing Qt) to print both side by side; runs of the two alternate so
that disk caches favour neither.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time

CASES: dict[str, list[str]] = {
    "--version": ["--version"],
    "diagnose (closed port)": ["diagnose", "127.0.0.1", "--port", "{port}/starttls",
                               "--timeout", "2", "--json"],
}


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def once(python: str, argv: list[str]) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = "en_US.UTF-8"
    start = time.perf_counter()
    # run from / so that each Python imports its own checkout, not the current folder
    subprocess.run([python, "-m", "op25b_wizard", *argv], env=env, capture_output=True,
                   check=False, timeout=60, cwd="/")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=21)
    ap.add_argument("--before", metavar="PYTHON", help="the Python of a checkout to compare with")
    args = ap.parse_args()
    port = closed_port()
    pythons = {"this checkout": sys.executable}
    if args.before:
        pythons = {"before": args.before, **pythons}
    for name, template in CASES.items():
        argv = [a.replace("{port}", str(port)) for a in template]
        times: dict[str, list[float]] = {k: [] for k in pythons}
        for py in pythons.values():
            once(py, argv)  # warm the disk cache
        for _ in range(args.repeat):
            for k, py in pythons.items():
                times[k].append(once(py, argv))
        figures = ", ".join(f"{k}: median {statistics.median(t) * 1000:.0f} ms "
                            f"(min {min(t) * 1000:.0f})" for k, t in times.items())
        print(f"{name:24} {figures}")


if __name__ == "__main__":
    main()
