"""Benchmark: reading a prefs.js full of syntax errors stays linear in their number.

Run by hand::

    .venv/bin/python -m benchmarks.bench_prefs_js [--lines 40000 80000 160000 320000]

Prints, for each count of bad lines, the parse time and the time per 1000 lines (flat when
parsing is linear; it grew with the count when each error's line number was counted from the
start of the file: 320 000 bad lines took 38 s).
"""

from __future__ import annotations

import argparse
import time

from op25b_wizard.core.clients.prefs_js import PrefsDocument

GOOD = b'user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.jp");\n'


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, nargs="+", default=[40_000, 80_000, 160_000, 320_000])
    args = ap.parse_args()
    print(f"{'bad lines':>10} {'errors':>8} {'parse (s)':>10} {'ms / 1000 lines':>16}")
    for n in args.lines:
        data = GOOD + b"user_pref(oops);\n" * n + GOOD
        t0 = time.perf_counter()
        doc = PrefsDocument(data)
        elapsed = time.perf_counter() - t0
        assert len(doc.errors) == n
        print(f"{n:>10} {len(doc.errors):>8} {elapsed:>10.2f} {1e6 * elapsed / n:>16.2f}")


if __name__ == "__main__":
    main()
