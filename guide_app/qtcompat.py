"""The one place for Qt set-up that entry points (the window, the command line, tests) share.

- :func:`gui_application`: the running ``QGuiApplication``, or a new headless one (for ``guide-app export`` and
  ``guide-app card``, which draw pages with QtGui and never load widgets).
- :func:`protect_none`: the work-around below, applied once by each entry point.

Work around a PySide6 6.12.0 bug on CPython 3.11: every call of a ``void`` Qt method drops one reference
to ``None`` instead of none. After a few thousand calls (about 5,000 in this app) ``None``'s count reaches
zero and Python aborts with "Fatal Python error: none_dealloc". Python 3.12+ is not affected (``None`` is
immortal there), nor is PySide6 6.11.

:func:`protect_none` measures whether the running PySide6 has the bug and, only then, gives ``None`` a very
large reference count so it can never reach zero. ``None`` is a static object that is never freed, so this
changes nothing else. The real fix is a PySide6 without the bug (or Python 3.12+).
"""

from __future__ import annotations

import os
import sys

_done = False
_app = None  # the application gui_application made; kept alive for the rest of the process


def has_none_leak() -> bool:
    """True if calling a void Qt method loses references to None (the PySide6 6.12.0 / Python 3.11 bug)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QSize

    size = QSize()
    before = sys.getrefcount(None)
    for _ in range(64):
        size.setWidth(1)
    return sys.getrefcount(None) < before - 32


def protect_none() -> bool:
    """Apply the work-around once per process if needed; True if it was applied (now or before)."""
    global _done
    if _done:
        return True
    if not has_none_leak():
        return False
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every object
    refcount.value += 1 << 40
    _done = True
    return True


def gui_application():
    """The running Qt application, or a new ``QGuiApplication`` (offscreen on a Linux machine without a screen).

    Export code (``guide_app.export``) needs one to lay out text but never creates it: the caller does, here.
    """
    global _app
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = _app = QGuiApplication(sys.argv[:1])
    protect_none()
    return app
