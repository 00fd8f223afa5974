"""Run blocking work off the GUI thread and hear about it through signals.

A :class:`Worker` runs one callable in its own ``QThread``. The callable gets two arguments:
``report(value)`` to send progress and a ``threading.Event`` that is set when the user cancels.
Its return value arrives as ``succeeded``, an exception as ``failed``; ``finished`` follows
either, once the thread has ended. Signals are delivered on the GUI thread (queued), so slots
may touch widgets; the callable itself must never touch a widget.

Every started worker stays referenced until its thread has ended, so no thread is destroyed
while it runs; :func:`running` lists them and :func:`shutdown` cancels and waits for them all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QThread, Signal

Report = Callable[[Any], None]
Job = Callable[[Report, threading.Event], Any]


class _Thread(QThread):
    def __init__(self, run: Callable[[], None]) -> None:
        super().__init__()
        self._target = run

    def run(self) -> None:  # the worker thread
        self._target()


class Worker(QObject):
    """One piece of background work; create, connect, :meth:`start`."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _live: ClassVar[set[Worker]] = set()

    def __init__(self, job: Job, name: str = "") -> None:
        super().__init__()  # no parent: a page going away must not delete a running worker
        self.setObjectName(name or getattr(job, "__name__", "worker"))
        self._job = job
        self.cancel_event = threading.Event()
        self._thread = _Thread(self._run)
        self._thread.setObjectName(self.objectName())
        self._thread.finished.connect(self._on_thread_finished)
        self._done = False

    def start(self) -> Worker:
        Worker._live.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop; ``finished`` still follows when it has."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def is_running(self) -> bool:
        return self in Worker._live and not self._done and not self._thread.isFinished()

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until the thread has ended (tests and shutdown only); True when it has."""
        return self._thread.wait(timeout_ms)

    def _run(self) -> None:
        try:
            value = self._job(self.progress.emit, self.cancel_event)
        except BaseException as e:  # noqa: BLE001 - handed to the GUI thread
            self.failed.emit(e)
        else:
            self.succeeded.emit(value)

    def _on_thread_finished(self) -> None:
        self._done = True
        Worker._live.discard(self)
        self.finished.emit()


def start(job: Job, *, on_result: Callable[[Any], None] | None = None,
          on_error: Callable[[BaseException], None] | None = None,
          on_progress: Callable[[Any], None] | None = None,
          on_finished: Callable[[], None] | None = None, name: str = "") -> Worker:
    """Create, connect and start a :class:`Worker` in one call."""
    w = Worker(job, name)
    if on_progress:
        w.progress.connect(on_progress)
    if on_result:
        w.succeeded.connect(on_result)
    if on_error:
        w.failed.connect(on_error)
    if on_finished:
        w.finished.connect(on_finished)
    return w.start()


def running() -> list[Worker]:
    """Workers whose thread has not ended yet."""
    return [w for w in Worker._live if w.is_running()]


def shutdown(timeout_ms: int = 15000) -> bool:
    """Cancel every running worker and wait for its thread; True when all have ended."""
    live = running()
    for w in live:
        w.cancel()
    ok = all(w.wait(timeout_ms) for w in live)
    return ok
