"""Searching off the UI thread, as Zeal and Kiwix do: a worker thread and a generation counter.

Every keystroke bumps the generation. The worker skips requests that are already stale when it gets to
them, and the window ignores answers whose generation is not the latest, so a slow query can never
overwrite the results of a newer one.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)
# Results drawn per keystroke: each is a rich-text row built on the UI thread (about 1 ms each), so ten keep
# an answer well inside one frame; more than ten rarely helps a person who is still typing.
RESULTS_SHOWN = 10


class _Worker(QObject):
    loaded = Signal(object)  # Guide (library loaded, index not yet open)
    ready = Signal(object)  # SearchEngine
    failed = Signal(str)
    progress = Signal(int, int)
    answered = Signal(int, object)  # generation, Response

    def __init__(self, load_guide) -> None:
        super().__init__()
        self.load_guide = load_guide
        self.guide = None
        self.engine = None
        self.latest = 0  # written by the UI thread; an int assignment is atomic under the GIL

    @Slot(bool)
    def open_index(self, force: bool) -> None:
        try:
            if self.guide is None:
                self.guide = self.load_guide()
                self.loaded.emit(self.guide)
            if self.engine is not None:
                self.engine.close()
            self.engine = self.guide.open_search(
                progress=lambda done, total, _msg: self.progress.emit(done, total), force=force
            )
        except Exception as exc:  # noqa: BLE001 - shown to the person as a plain message
            log.error("could not open the search index: %s", type(exc).__name__)
            log.debug("%s", traceback.format_exc())
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.ready.emit(self.engine)

    @Slot(int, str, str)
    def search(self, generation: int, text: str, lang: str) -> None:
        if generation < self.latest or self.engine is None:
            return  # a newer keystroke is already queued
        try:
            response = self.engine.search(text, lang, limit=RESULTS_SHOWN, as_you_type=True)
        except Exception:  # noqa: BLE001 - the engine never raises for input, but never crash typing
            log.exception("search failed")
            return
        self.answered.emit(generation, response)

    @Slot()
    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None


class SearchService(QObject):
    """Owns the worker thread. ``request()`` from the UI; ``results`` carries only fresh answers."""

    loaded = Signal(object)  # Guide
    ready = Signal()
    failed = Signal(str)
    progress = Signal(int, int)
    results = Signal(object)  # Response
    _open = Signal(bool)
    _search = Signal(int, str, str)
    _close = Signal()

    def __init__(self, load_guide, parent=None) -> None:
        super().__init__(parent)
        self.generation = 0
        self.engine = None
        self._thread = QThread()
        self._thread.setObjectName("search")
        self._worker = _Worker(load_guide)
        self._worker.moveToThread(self._thread)
        self._open.connect(self._worker.open_index)
        self._search.connect(self._worker.search)
        self._close.connect(self._worker.close)
        self._worker.loaded.connect(self.loaded)
        self._worker.ready.connect(self._on_ready)
        self._worker.failed.connect(self.failed)
        self._worker.progress.connect(self.progress)
        self._worker.answered.connect(self._on_answer)
        self._thread.start()

    def start(self, force: bool = False) -> None:
        self._open.emit(force)

    def request(self, text: str, lang: str) -> int:
        self.generation += 1
        self._worker.latest = self.generation
        self._search.emit(self.generation, text, lang)
        return self.generation

    def cancel(self) -> None:
        """Forget any answer still on its way (e.g. the search box was cleared)."""
        self.generation += 1
        self._worker.latest = self.generation

    def _on_ready(self, engine) -> None:
        self.engine = engine
        self.ready.emit()

    def _on_answer(self, generation: int, response) -> None:
        if generation == self.generation:
            self.results.emit(response)

    def shutdown(self) -> None:
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait(5000)
