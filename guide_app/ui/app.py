"""Start the desktop app: show the window first, then load the guide and its index off the UI thread."""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()


def run(args) -> int:
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if args.smoke_test and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check on a server with no screen
    from guide_app.ui import display_check

    message = display_check.problem()  # no screen, or a missing X library: say so plainly (Qt would abort)
    if message:
        print(message, file=sys.stderr)
        return 1
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from guide_app.qtcompat import protect_none

    protect_none()  # only acts on the PySide6 build that leaks references to None (see pyproject.toml)

    from guide_app import APP_NAME, kiosk
    from guide_app.ui import safety, style
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences
    from guide_app.ui.translations import Translations

    safety.contain_qt_settings()  # before QApplication: Qt's own settings never reach the disk
    # Qt's own file and print dialogs everywhere: a desktop's native ones add files to "recent files".
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("rights-guide")
    app.setDesktopFileName("rights-guide")
    safety.setup_logging()
    crash_guard = safety.CrashGuard(app)
    crash_guard.install()
    kiosk_settings = kiosk.load(force=bool(getattr(args, "kiosk", False)))
    if kiosk_settings.enabled:  # a visitor's choices are never written, and each reset returns to these
        prefs = Preferences.in_memory(
            {"language": kiosk_settings.language, "zoom": kiosk_settings.zoom, "theme": kiosk_settings.theme}
        )
    else:
        prefs = Preferences()
    lang = args.lang or kiosk_settings.language or prefs.language or "en"
    translations = Translations(app)
    translations.install(lang)
    style.apply_font(app, prefs.zoom)

    content = getattr(args, "content", None)

    def loader():  # runs on the loading thread, after the window has painted
        from pathlib import Path

        from guide_app.guide import load_guide

        return load_guide(Path(content) if content else None)

    window = MainWindow(loader, prefs, lang, translations, kiosk_settings)
    window.crash_guard = crash_guard
    from guide_app.ui import debug_state, termination

    termination.quit_cleanly_on_signals(app, window)  # a logout or kill clears the session and cleans up

    debug_state.install(window)  # only when GUIDE_APP_DEBUG_STATE is set (end-to-end tests)
    if kiosk_settings.enabled:
        idle = safety.IdleWatcher(kiosk_settings.idle_seconds, kiosk_settings.countdown_seconds, window)
        idle.reset.connect(window.quick_exit)
        app.installEventFilter(idle)
        window.idle_watcher = idle
    style.apply_theme(app, prefs.theme, window.reader.browser, window.flow_panel.outcome)
    window.theme_actions[prefs.theme].setChecked(True)
    if os.environ.get("GUIDE_APP_TIMING"):
        _report_first_paint(window)
    if kiosk_settings.enabled:
        window.apply_kiosk()
    else:
        _show_sized(window)
    window.focus_search()  # typing at once goes into the search box
    _start_after_first_paint(window)
    if getattr(args, "present", None) and not args.smoke_test:
        from guide_app.ui.presentation import present_when_loaded  # slides for a workshop; quit when they close

        present_when_loaded(app, window, args.present, args.lang)
    if args.smoke_test:
        return _smoke_test(app, window)
    code = app.exec()
    window.service.shutdown()  # also when kiosk mode kept the window from closing
    return code


def _show_sized(window) -> None:
    """Maximized on small screens (a 1366×768 laptop), a comfortable window on large ones."""
    screen = window.screen().availableGeometry() if window.screen() else None
    if screen is not None and (screen.width() < 1500 or screen.height() < 900):
        window.showMaximized()
    else:
        window.show()


def _start_after_first_paint(window) -> None:
    """Load the guide and its index once the window has painted: the loading thread shares Python's lock
    with the UI thread, so starting it earlier delays the first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    state = {"started": False}

    def start() -> None:
        if not state["started"]:
            state["started"] = True
            window.removeEventFilter(watcher)
            window.start()

    class _Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint and not state["started"]:
                QTimer.singleShot(0, start)
            return False

    watcher = _Painted(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(250, start)  # in case no paint event arrives (e.g. a minimized window)


def _report_first_paint(window) -> None:
    from PySide6.QtCore import QEvent, QObject

    class _FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint-ms: {(time.perf_counter() - START) * 1000:.0f}", file=sys.stderr, flush=True)
                obj.removeEventFilter(self)
            return False

    window._first_paint_filter = _FirstPaint(window)
    window.installEventFilter(window._first_paint_filter)


def _smoke_test(app, window) -> int:
    """Wait for the index, run one search, open the first result; exit 0, or 1 with a message."""
    from PySide6.QtCore import QTimer

    state = {"code": 1, "step": "waiting for the search index"}

    def fail(message: str) -> None:
        print(f"smoke test failed: {message}", file=sys.stderr)
        state["code"] = 1
        app.exit(1)

    def on_ready() -> None:
        state["step"] = "searching"
        window.service.results.connect(on_results)
        window.search_box.setText("habeas corpus")
        window.search_timer.stop()  # the text was set, not typed: no need to wait for more keystrokes
        window._send_query()

    def on_results(response) -> None:
        if not response.results:
            fail("the search returned no results")
            return
        state["step"] = "opening an article"
        window.open_current_result()
        text = window.reader.browser.toPlainText()
        if window.stack.currentWidget() is not window.reader or len(text) < 200:
            fail("the article did not open")
            return
        print(f"smoke test OK: {len(response.results)} results, opened '{response.results[0].title}'")
        state["code"] = 0
        app.exit(0)

    window.index_ready.connect(on_ready)
    window.service.failed.connect(lambda message: fail(f"search index: {message}"))
    QTimer.singleShot(60_000, lambda: fail(f"timed out while {state['step']}"))
    code = app.exec()
    window.close()
    window.service.shutdown()  # kiosk mode ignores close; the search thread must still stop
    return code if code else state["code"]
