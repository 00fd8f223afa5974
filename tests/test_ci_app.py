"""``bash .ci/app`` on a machine without a display says what it does and never hangs: the
wizard window goes to a virtual screen for a limited time, or the script explains why it
cannot be shown; commands run as they are."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.support.platform import not_on_windows

pytestmark = not_on_windows(".ci/app is the Linux developer script (bash, xvfb-run, the "
                            "Linux virtualenv)")
ROOT = Path(__file__).resolve().parents[1]


def run_app(*args: str, timeout: float = 240, **env: str) -> tuple[subprocess.CompletedProcess, float]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    start = time.monotonic()
    proc = subprocess.run(["bash", str(ROOT / ".ci" / "app"), *args], capture_output=True,
                          text=True, timeout=timeout, env={**base, **env},
                          stdin=subprocess.DEVNULL)
    return proc, time.monotonic() - start


def test_without_a_display_and_without_xvfb_run_it_explains_and_stops(tmp_path):
    proc, _ = run_app("--lang", "en", OP25B_XVFB_RUN=str(tmp_path / "no-xvfb-run"),
                      HOME=str(tmp_path))
    assert proc.returncode == 1
    assert "no display, and xvfb-run is not installed" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_without_a_display_the_window_is_closed_after_the_time_it_names(tmp_path):
    proc, took = run_app("--lang", "en", OP25B_APP_TIMEOUT="4", HOME=str(tmp_path))
    assert "invisible virtual screen" in proc.stderr and "closed after 4 s" in proc.stderr
    assert proc.returncode == 124
    assert took < 200


def test_a_command_needs_no_display(tmp_path):
    proc, _ = run_app("--version", OP25B_XVFB_RUN=str(tmp_path / "no-xvfb-run"))
    assert proc.returncode == 0 and proc.stdout.startswith("op25b-wizard ")
    assert "xvfb-run" not in proc.stderr
