"""Benchmark: cold start of ``op25b-wizard`` (no command) to its first page painted, against a
bare PySide6 QWizard with one page. Goal: within 2x.

    .venv/bin/python -m benchmarks.bench_gui_startup [--repeat 15]

Each run is a fresh interpreter on the offscreen platform; the time is from starting the
process to the first paint event of a wizard page, as the parent measures it. The two kinds
alternate so that disk caches favour neither.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WATCH = """
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWizardPage
import os, sys

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWizardPage):
            sys.stdout.write("PAINTED\\n"); sys.stdout.flush()
            os._exit(0)
        return False
"""

BARE = _WATCH + """
from PySide6.QtWidgets import QWizard
app = QApplication([sys.argv[0]])
watch = Watch(); app.installEventFilter(watch)
wizard = QWizard(); page = QWizardPage(); page.setTitle("Hello"); wizard.addPage(page)
wizard.show()
app.exec()
"""

OURS = _WATCH + """
from op25b_wizard.cli import main
app = QApplication([sys.argv[0]])
watch = Watch(); app.installEventFilter(watch)
main(["--lang", sys.argv[1]])
"""


def one_run(code: str, *args: str, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - t0
    proc.wait(30)
    if line.strip() != "PAINTED":
        raise RuntimeError(f"no first paint: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--lang", default="ja", choices=("ja", "en"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home}
        for code in (BARE, OURS):  # warm the disk cache once
            one_run(code, args.lang, env=env)
        bare: list[float] = []
        ours: list[float] = []
        for _ in range(args.repeat):
            bare.append(one_run(BARE, env=env))
            ours.append(one_run(OURS, args.lang, env=env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare QWizard, one page:   median {b * 1000:6.0f} ms  (min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"op25b-wizard, first page: median {o * 1000:6.0f} ms  (min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f})")
    print(f"ratio: {o / b:.2f}x (goal: within 2x)")


if __name__ == "__main__":
    main()
