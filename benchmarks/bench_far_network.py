"""Benchmark: a diagnosis on a far network (a traveller abroad), against the same probes one
after another.

Every packet between the program and three real mail servers on loopback (aiosmtpd with
trustme certificates: a relay on port 25's role, STARTTLS + AUTH, implicit TLS + AUTH) goes
through a relay that holds each chunk for half the round-trip time in each direction. Run by
hand (no root needed)::

    .venv/bin/python -m benchmarks.bench_far_network [--rtt-ms 150] [--repeat 5]

Prints, in seconds and in round trips: each port probed alone, the three one after another,
the three at once (the engine), the program's own start (``op25b-wizard explain``) and the
whole ``op25b-wizard diagnose`` command, with the goal: at once at most 0.5 x one after another,
and the command within 1.3 x the slowest single route plus the program's start.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from op25b_wizard.core import support_code
from op25b_wizard.core.model import Credentials, PortSpec, ProbeOptions, ProbeRequest
from op25b_wizard.core.probe import run_probe
from tests.support.servers import DEFAULT_USERS, TestCA, smtp_server

USER, PASSWORD = next(iter(DEFAULT_USERS.items()))
CLI = str(Path(sys.executable).parent / "op25b-wizard")
HOST = "127.0.0.1"


class DelayRelay:
    """A TCP relay on loopback that delivers every chunk *delay* seconds after it arrived, in
    both directions, keeping the order (a long, fat link: latency, no loss)."""

    def __init__(self, target_port: int, delay: float) -> None:
        self.target_port = target_port
        self.delay = delay
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            server = await asyncio.start_server(self._client, HOST, 0)
            self.port = server.sockets[0].getsockname()[1]
            self._ready.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                await asyncio.sleep(max(0.0, due - self._loop.time()))
                if not data:
                    with contextlib.suppress(OSError):
                        writer.write_eof()
                    return
                writer.write(data)
                with contextlib.suppress(ConnectionError):
                    await writer.drain()

        sender = asyncio.create_task(deliver())
        try:
            while True:
                data = await reader.read(65536)
                queue.put_nowait((self._loop.time() + self.delay, data))
                if not data:
                    break
        except ConnectionError:
            queue.put_nowait((self._loop.time() + self.delay, b""))
        await sender

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(self.delay)  # the SYN's way there (the SYN-ACK's way back below)
        up_reader, up_writer = await asyncio.open_connection(HOST, self.target_port)
        await asyncio.sleep(self.delay)
        try:
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        finally:
            writer.close()
            up_writer.close()

    def __enter__(self) -> DelayRelay:
        self._thread.start()
        self._ready.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


@contextlib.contextmanager
def far_servers(ca: TestCA, delay: float) -> Iterator[list[PortSpec]]:
    """Relay, STARTTLS and implicit-TLS servers, each behind its own delaying relay."""
    with smtp_server(ca, "relay", deny_relay=True) as relay, \
            smtp_server(ca, "starttls") as starttls, smtp_server(ca, "tls") as tls, \
            DelayRelay(relay.port, delay) as r1, DelayRelay(starttls.port, delay) as r2, \
            DelayRelay(tls.port, delay) as r3:
        yield [PortSpec(r1.port, "relay"), PortSpec(r2.port, "starttls"),
               PortSpec(r3.port, "tls")]


def request(ca: TestCA, ports: list[PortSpec]) -> ProbeRequest:
    return ProbeRequest(HOST, ports, ProbeOptions(
        timeout=10.0, cafile=str(ca.cafile), credentials=Credentials(USER, PASSWORD)))


def timed_probe(ca: TestCA, ports: list[PortSpec]) -> float:
    t0 = time.perf_counter()
    report = run_probe(request(ca, ports))
    elapsed = time.perf_counter() - t0
    want = {"relay": "ok", "starttls": "auth_ok", "tls": "auth_ok"}
    got = {spec.mode: p.outcome for spec, p in zip(ports, report.ports, strict=True)}
    assert got == {spec.mode: want[spec.mode] for spec in ports}, got
    return elapsed


def timed_command(argv: list[str], stdin: str = "") -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t0
    assert proc.returncode == 0, proc.stderr
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtt-ms", type=float, default=150.0)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's deprecation notes
    rtt = args.rtt_ms / 1000
    code = support_code.encode(support_code.CodeSummary(
        {25: ("timeout", "none"), 587: ("auth_ok", "starttls"), 465: ("auth_ok", "tls")},
        True, 465, ("op25b", "submission_ok")))
    with tempfile.TemporaryDirectory() as d:
        ca = TestCA(Path(d))
        with far_servers(ca, rtt / 2) as specs:
            names = {"relay": "25 (relay)", "starttls": "587 (STARTTLS)", "tls": "465 (TLS)"}
            single: dict[str, list[float]] = {s.mode: [] for s in specs}
            together, start, command = [], [], []
            diagnose = [CLI, "diagnose", HOST, "--timeout", "10", "--cafile", str(ca.cafile),
                        "--user", USER, "--password-stdin", "--json",
                        *[f"--port={s.port}/{s.mode}" for s in specs]]
            for _ in range(args.repeat):
                for spec in specs:
                    single[spec.mode].append(timed_probe(ca, [spec]))
                together.append(timed_probe(ca, specs))
                start.append(timed_command([CLI, "explain", code]))
                command.append(timed_command(diagnose, PASSWORD + "\n"))
    med = {mode: statistics.median(v) for mode, v in single.items()}
    sequential = sum(med.values())
    slowest = max(med.values())
    conc, prog, cmd = (statistics.median(v) for v in (together, start, command))

    def row(label: str, seconds: float) -> None:
        print(f"  {label:<34} {seconds:7.3f} s {seconds / rtt:6.1f} RTT")

    print(f"Round trip {args.rtt_ms:.0f} ms, median of {args.repeat} runs:")
    for mode, seconds in med.items():
        row(f"port {names[mode]} alone", seconds)
    row("the three one after another", sequential)
    row("the three at once (engine)", conc)
    row("program start (explain)", prog)
    row("op25b-wizard diagnose (command)", cmd)
    ratio = conc / sequential
    budget = 1.3 * slowest + prog
    print(f"  at once / one after another: {ratio:.2f} (goal <= 0.50): "
          f"{'met' if ratio <= 0.5 else 'NOT met'}")
    print(f"  command {cmd:.3f} s against 1.3 x slowest route + start = {budget:.3f} s: "
          f"{'met' if cmd <= budget else 'NOT met'}")


if __name__ == "__main__":
    main()
