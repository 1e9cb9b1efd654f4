"""Loading and searching off the GUI thread: one search thread owned by the window, and one way back.

Work is sent to the thread as a job (load the guide, open the index, answer a query, close). When a job is
done the thread hands it back with a single queued signal, and its ``success`` or ``failure`` runs on the
GUI thread — the pattern of Anki's background operations. Which query is the latest, and telling an older
one to stop, is the Qt-free ``guide_app.app.search_session.SearchSession``; the answer a job hands back is
ready to draw (flows offered, highlight terms and result rows were computed on the search thread).

The thread is a child of this service (itself a child of the window); the worker object is deleted by Qt
when the thread finishes, and ``shutdown()`` waits for the thread to end.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from guide_app.app.search_session import RESULTS_SHOWN, Answer, SearchSession

__all__ = ["RESULTS_SHOWN", "SearchService"]
log = logging.getLogger(__name__)


class _Job:
    """One piece of work for the search thread and what to do with its outcome on the GUI thread."""

    __slots__ = ("error", "failure", "result", "success", "work")

    def __init__(self, work: Callable[[], object], success=None, failure=None) -> None:
        self.work = work
        self.success = success
        self.failure = failure
        self.result: object = None
        self.error: BaseException | None = None


class _Worker(QObject):
    """Lives on the search thread; owns the guide's search engine (only ever called from that thread)."""

    done = Signal(object)  # the finished _Job: the only hand-back to the GUI thread
    progress = Signal(int, int)

    def __init__(self, load_guide) -> None:
        super().__init__()
        self.load_guide = load_guide
        self.guide = None
        self.engine = None

    @Slot(object)
    def run(self, job: _Job) -> None:
        try:
            job.result = job.work()
        except Exception as exc:  # noqa: BLE001 - reported through the job's failure, never a crash
            job.error = exc
        self.done.emit(job)

    # -- jobs (run on the search thread) -------------------------------------------------------------
    def load(self):
        if self.guide is None:
            self.guide = self.load_guide()
        return self.guide

    def open_index(self, force: bool):
        if self.engine is not None:
            self.engine.close()
            self.engine = None
        self.engine = self.guide.open_search(
            progress=lambda done, total, _msg: self.progress.emit(done, total), force=force
        )
        return self.engine

    def answer(self, session: SearchSession, ticket) -> Answer | None:
        if self.engine is None:
            return None
        return session.answer(ticket, self.engine, self.guide.flows.values(), self.guide.library.synonyms)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None


class SearchService(QObject):
    """``start()`` loads the guide and opens its index; ``request()`` searches; ``results`` carries only
    answers to the latest query."""

    loaded = Signal(object)  # Guide (library loaded, index not yet open)
    ready = Signal()
    failed = Signal(str)
    progress = Signal(int, int)
    results = Signal(object)  # Answer
    _submit = Signal(object)

    def __init__(self, load_guide, parent=None) -> None:
        super().__init__(parent)
        self.session = SearchSession(RESULTS_SHOWN)
        self.engine = None  # set when ready; a readiness flag for the GUI, used only by the search thread
        self._thread = QThread(self)
        self._thread.setObjectName("search")
        self._worker = _Worker(load_guide)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._submit.connect(self._worker.run)
        self._worker.done.connect(self._finished)  # queued: runs on the GUI thread
        self._worker.progress.connect(self.progress)
        self._thread.start()

    @property
    def generation(self) -> int:
        return self.session.generation

    def _run(self, work, success=None, failure=None) -> None:
        if self._thread.isRunning():
            self._submit.emit(_Job(work, success, failure))

    @Slot(object)
    def _finished(self, job: _Job) -> None:
        if job.error is not None:
            if job.failure is not None:
                job.failure(job.error)
            else:
                log.error("background job failed: %s", type(job.error).__name__)
        elif job.success is not None:
            job.success(job.result)

    # -- index ---------------------------------------------------------------------------------------
    def start(self, force: bool = False) -> None:
        worker = self._worker
        self._run(worker.load, lambda guide: self._on_loaded(guide, force), self._on_failed)

    def _on_loaded(self, guide, force: bool) -> None:
        self.loaded.emit(guide)
        self._run(lambda: self._worker.open_index(force), self._on_ready, self._on_failed)

    def _on_ready(self, engine) -> None:
        self.engine = engine
        self.ready.emit()

    def _on_failed(self, error: BaseException) -> None:
        log.error("could not open the search index: %s", type(error).__name__)
        log.debug("%s", "".join(traceback.format_exception(error)))
        self.failed.emit(str(error) or type(error).__name__)

    # -- searching -----------------------------------------------------------------------------------
    def request(self, text: str, lang: str, exact: bool = False) -> int:
        """Search ``text`` (``exact``: without spelling corrections); the query before it is told to stop."""
        ticket = self.session.request(text, lang, exact)
        self._run(lambda: self._worker.answer(self.session, ticket), self._on_answer, self._on_search_failed)
        return ticket.generation

    def cancel(self) -> None:
        """Stop any query still running and forget any answer on its way (e.g. the search box was cleared)."""
        self.session.cancel()

    def _on_answer(self, answer: Answer | None) -> None:
        if answer is not None and self.session.is_current(answer.generation):
            self.results.emit(answer)

    @staticmethod
    def _on_search_failed(error: BaseException) -> None:
        # The engine never raises for any input; if it ever does, typing goes on without an answer.
        log.error("search failed: %s", type(error).__name__)

    def shutdown(self) -> None:
        """Stop searching, close the index on its thread, and wait for the thread to end."""
        self.session.cancel()
        if self._thread.isRunning():
            self._run(self._worker.close)
            self._thread.quit()
            self._thread.wait()
