"""UI responsiveness: the longest event-loop stall while a query is typed key by key into the real search box.

Run by ``run.py`` in a child process (offscreen Qt, private HOME/XDG folders); prints one JSON object on
its last stdout line. A 1 ms ``PreciseTimer`` heartbeat records the gap between its ticks; a key is sent
every ``--key-ms`` milliseconds with ``QTest.keyClick`` (through the window's own event filter and
``textChanged`` handling), and measuring goes on for ``--settle-ms`` after the last key so the final
search's results are painted too. The stall is the longest gap between heartbeats.

Exit status 3 with ``{"available": false, ...}`` means the UI is not there (yet). If the window's
construction changes, only ``make_window`` needs updating.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

QUERIES = {"en": "ice came to my house", "es": "policia en mi puerta"}  # 20 characters each


def make_window(lang: str):
    """Build the real main window the way the app does, and start opening the index."""
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow

    try:  # prefer the app's own factory when there is one
        from guide_app.ui import app as app_module

        factory = getattr(app_module, "create_window", None) or getattr(app_module, "make_window", None)
    except ImportError:
        factory = None
    if factory is not None:
        window = factory(lang=lang)
    else:
        from guide_app.ui.preferences import Preferences

        window = MainWindow(load_guide, Preferences(), lang=lang)
    if not hasattr(window, "search_box"):
        raise AttributeError("MainWindow has no search_box")
    return window


def _fail(reason: str) -> int:
    print(json.dumps({"available": False, "reason": reason}))
    return 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=sorted(QUERIES))
    parser.add_argument("--key-ms", type=int, default=80, help="time between keys (a quick typist: 60-120)")
    parser.add_argument("--settle-ms", type=int, default=1500)
    parser.add_argument("--query", default=None)
    parser.add_argument(
        "--switch-interval", type=float, help="sys.setswitchinterval (s) for an experiment; Python's default is 0.005"
    )
    args = parser.parse_args(argv)
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    try:
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        return _fail(f"Qt not importable: {exc}")

    app = QApplication.instance() or QApplication(["guide-bench"])
    try:
        window = make_window(args.lang)
    except Exception as exc:  # noqa: BLE001 - any failure here means "UI not available yet"
        return _fail(f"{type(exc).__name__}: {exc}")
    window.show()

    def wait(ms: int, until=None) -> None:
        """Run the real event loop (not a busy loop: the search worker needs the GIL) for up to ``ms``."""
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        if until is not None:
            until.connect(loop.quit)
        loop.exec()

    if hasattr(window, "start"):
        window.start()
    if getattr(window, "engine", None) is None:
        wait(120_000, getattr(window, "index_ready", None))
    if getattr(window, "engine", None) is None:
        return _fail("the search index did not become ready within 120 s")
    wait(300)  # let the first paint and any queued work finish

    # Where does the UI thread's time go? Time the results page's rendering of each answer (a wrapper on
    # the instance; the app's code is not changed).
    render_ms: list[float] = []
    page = getattr(window, "results", None)
    if page is not None and hasattr(page, "show_response"):
        original = page.show_response

        def timed_show(*a, **kw):
            start = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                render_ms.append((time.perf_counter() - start) * 1000.0)

        page.show_response = timed_show

    text = args.query or QUERIES[args.lang]
    box = window.search_box
    box.setFocus()
    gaps: list[tuple[float, int]] = []  # (gap ms, keys typed so far)
    state = {"last": time.perf_counter(), "typed": 0}

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(((now - state["last"]) * 1000.0, state["typed"]))
        state["last"] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(beat)

    def type_next() -> None:
        if state["typed"] < len(text):
            QTest.keyClick(box, text[state["typed"]])
            state["typed"] += 1
            QTimer.singleShot(args.key_ms, type_next)
        else:
            QTimer.singleShot(args.settle_ms, lambda: state["quit"]())

    # Idle baseline first (timer jitter with nothing happening), then the typing.
    state["last"] = time.perf_counter()
    heartbeat.start()
    wait(500)
    idle = [g for g, _ in gaps]
    gaps.clear()
    state["last"] = time.perf_counter()
    finished = QEventLoop()
    QTimer.singleShot(0, type_next)
    state["quit"] = finished.quit
    finished.exec()
    heartbeat.stop()

    typing = sorted(gaps, key=lambda g: -g[0])
    values = sorted(g for g, _ in gaps)
    out = {
        "available": True,
        "lang": args.lang,
        "query": text,
        "chars": len(text),
        "key_ms": args.key_ms,
        "beats": len(values),
        "max_stall_ms": round(typing[0][0], 2) if typing else None,
        "max_stall_after_key": typing[0][1] if typing else None,
        "p99_gap_ms": round(values[int(0.99 * (len(values) - 1))], 2) if values else None,
        "worst_gaps": [{"ms": round(g, 2), "after_key": k} for g, k in typing[:5]],
        "idle_max_gap_ms": round(max(idle), 2) if idle else None,
        "answers_rendered": len(render_ms),
        "render_ms_max": round(max(render_ms), 2) if render_ms else None,
        "render_ms": [round(x, 1) for x in render_ms],
        "results_page_shown": getattr(window, "stack", None) is not None
        and window.stack.currentWidget() is getattr(window, "results", None),
    }
    window.close()
    app.processEvents()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
