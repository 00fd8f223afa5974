"""The background-work helper: results, progress and errors arrive on the GUI thread, cancel
reaches the job, and no thread outlives its work."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from op25b_wizard.gui import workers


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    seen: list[tuple[str, object, bool]] = []
    gui = QThread.currentThread()

    def job(report, cancel):
        assert QThread.currentThread() is not gui
        for i in range(3):
            report(i)
        return "done"

    w = workers.Worker(job)
    w.progress.connect(lambda v: seen.append(("progress", v, QThread.currentThread() is gui)))
    w.succeeded.connect(lambda v: seen.append(("result", v, QThread.currentThread() is gui)))
    with qtbot.waitSignal(w.finished, timeout=5000):
        w.start()
    assert seen == [("progress", 0, True), ("progress", 1, True), ("progress", 2, True),
                    ("result", "done", True)]
    assert not w.is_running() and w not in workers.running()


def test_an_exception_arrives_as_failed(qtbot):
    errors: list[BaseException] = []

    def job(report, cancel):
        raise ValueError("broken")

    w = workers.Worker(job)
    w.failed.connect(errors.append)
    with qtbot.waitSignal(w.finished, timeout=5000):
        w.start()
    assert [str(e) for e in errors] == ["broken"]


def test_cancel_reaches_the_job_and_shutdown_waits(qtbot):
    started = threading.Event()

    def job(report, cancel):
        started.set()
        if not cancel.wait(30):
            raise AssertionError("cancel never arrived")
        return "stopped"

    w = workers.start(job)
    assert started.wait(5)
    assert w.is_running() and w in workers.running()
    assert workers.shutdown(5000)
    assert w.cancelled and not w.is_running()
    qtbot.waitUntil(lambda: w not in workers.Worker._live, timeout=2000)


@pytest.mark.parametrize("n", [8])
def test_many_workers_all_end(qtbot, n):
    results: list[int] = []
    ws = [workers.start(lambda _r, _c, i=i: i * i, on_result=results.append) for i in range(n)]
    qtbot.waitUntil(lambda: len(results) == n, timeout=5000)
    assert sorted(results) == [i * i for i in range(n)]
    qtbot.waitUntil(lambda: not any(w.is_running() for w in ws), timeout=5000)
    assert workers.running() == []


def test_emitting_a_signal_keeps_reference_counts(qtbot):
    """PySide6 6.12.0 drops a reference to True on every Signal.emit(): a long session (every
    progress event, every completeChanged) ends in "Fatal Python error: bool_dealloc"."""
    import sys

    w = workers.Worker(lambda _r, _c: None)
    w.progress.connect(lambda _v: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        w.progress.emit(None)
    assert (sys.getrefcount(True), sys.getrefcount(None)) == before


def test_a_page_is_busy_only_while_its_busy_work_runs(qtbot):
    """Background work that does not block Next (a keyring check) must not keep the page busy
    after the work that does (a sign-in test) has ended."""
    from op25b_wizard.core.wizard_state import WizardState
    from op25b_wizard.gui.page_base import WizardContext, WizardPageBase
    from op25b_wizard.gui.services import Services

    page = WizardPageBase(WizardContext(WizardState(), Services()))
    qtbot.addWidget(page)
    release = threading.Event()
    done: list[str] = []
    page.run(lambda _r, _c: release.wait(10), lambda _v: done.append("slow"), busy=False)
    page.run(lambda _r, _c: "quick", done.append)
    assert page.busy and not page.isComplete()
    qtbot.waitUntil(lambda: done == ["quick"], timeout=5000)
    qtbot.waitUntil(lambda: not page.busy, timeout=5000)
    assert page.isComplete()
    release.set()
    qtbot.waitUntil(lambda: done == ["quick", "slow"], timeout=5000)
    qtbot.waitUntil(lambda: workers.running() == [], timeout=5000)
