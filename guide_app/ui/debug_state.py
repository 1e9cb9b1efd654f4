"""Debug only: where the main window's parts are on screen, written to a file on SIGUSR1.

Off unless ``GUIDE_APP_DEBUG_STATE`` names a file (the end-to-end tests set it). The tests read the screen
itself (screenshots, OCR) to check what a person sees; this file only tells them *where* to look (the search
box's rectangle, for example) and which widget has the keyboard focus. It holds no text a person typed or read.
"""

from __future__ import annotations

import json
import os
import signal

NAMES = (
    "searchBox", "quickExit", "mainToolbar", "home", "resultsHeader", "results", "reader", "flowPanel", "helpPlace",
    "findField", "readAloudBar", "helpNow",
)  # fmt: skip


def install(window) -> None:
    path = os.environ.get("GUIDE_APP_DEBUG_STATE")
    if not path or not hasattr(signal, "SIGUSR1"):
        return
    from PySide6.QtCore import QTimer

    def write(*_args) -> None:
        try:
            with open(path + ".tmp", "w", encoding="utf-8") as out:
                json.dump(state(window), out)
            os.replace(path + ".tmp", path)
        except OSError:
            pass

    signal.signal(signal.SIGUSR1, write)
    timer = QTimer(window)  # Python runs signal handlers only when it gets control back from Qt
    timer.timeout.connect(lambda: None)
    timer.start(100)
    window._debug_state_timer = timer


def _rect(widget) -> list[int]:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def state(window) -> dict:
    from PySide6.QtWidgets import QApplication, QWidget

    focus = QApplication.focusWidget()
    widgets = {}
    for widget in [window, *window.findChildren(QWidget)]:
        name = widget.objectName()
        if name in NAMES and widget.isVisible():
            widgets[name] = _rect(widget)
    stack = getattr(window, "stack", None)
    page = stack.currentWidget() if stack is not None else None
    return {
        "focus": (focus.objectName() or type(focus).__name__) if focus is not None else None,
        "focus_class": type(focus).__name__ if focus is not None else None,
        "page": type(page).__name__ if page is not None else None,
        "point_size": QApplication.font().pointSizeF(),
        "widgets": widgets,
    }
