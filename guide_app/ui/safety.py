"""Shared-computer safety: quick exit keys, kiosk idle reset, crash dialog, and keeping Qt from writing.

Qt itself writes to disk in a few places: QFileDialog remembers folders and history in
``QtProject.conf`` (the user-scope QSettings path), and native file dialogs add files to "recent" lists.
``contain_qt_settings`` points Qt's default settings path at a private temporary folder that is deleted
at exit, and the app only ever uses Qt's own (non-native) file dialogs.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import sys
import time
import traceback

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from guide_app import paths

log = logging.getLogger("guide_app")
DOUBLE_ESC_MS = 500  # two presses of Esc this close together: quick exit


QT_FOLDER_PREFIX = "rights-guide-qt-"


def contain_qt_settings() -> str:
    """Send Qt's own settings (file-dialog history and the like) to a temp folder removed at exit; first
    remove the ones earlier runs left when they were killed before their clean-up."""
    paths.sweep_run_folders(QT_FOLDER_PREFIX)
    folder = str(paths.run_folder(QT_FOLDER_PREFIX))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, folder)
    atexit.register(shutil.rmtree, folder, True)
    return folder


def setup_logging() -> None:
    """Technical log in the cache folder: errors only, never what a person typed or opened."""
    folder = paths.cache_dir() / "logs"
    try:
        paths.ensure_private_dir(folder)
        handler: logging.Handler = logging.FileHandler(folder / "errors.log", encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.ERROR)
    log.propagate = False


def technical_summary(exc_type, exc, tb) -> str:
    """Where it failed (files, lines, functions) and the exception type — never its message, which could
    contain a search or an article."""
    frames = traceback.extract_tb(tb)
    lines = [f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    return f"{exc_type.__name__}\n" + "\n".join(lines)


class CrashGuard(QObject):
    """Unhandled exceptions: a plain dialog, a technical log line, and the window keeps working."""

    crashed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._showing = False
        self.count = 0

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        self.count += 1
        log.error("unhandled exception: %s", technical_summary(exc_type, exc, tb))
        self.crashed.emit()
        if self._showing:
            return
        self._showing = True
        try:
            parent = QApplication.activeWindow() or next(
                (w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None
            )
            box = QMessageBox(parent)
            self._box = box  # keep a reference: a dialog without a parent would be deleted at once
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Something went wrong"))
            box.setText(self.tr("Something went wrong — your session was not saved."))
            box.setInformativeText(self.tr("You can keep using the guide. If this happens again, restart it."))
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.open()
            box.finished.connect(lambda _=0: setattr(self, "_showing", False))
        except Exception:  # noqa: BLE001 - the crash handler must never crash
            self._showing = False


class QuickExitKeys(QObject):
    """Esc and Enter that reach the main window unused.

    Installed on the main window itself (never on the application): an event filter on the application sees a
    real key press once for the QWindow and again for the focused widget (and again for each parent it is
    passed up to), so it would count one press of Esc as two. On the window, a key press arrives once, and only
    when nothing inside used it: an open menu, dialog, find bar or slide show takes its own Esc first.

    * one Esc: ``escape`` (close the innermost page-level thing, or clear the search) — never quits;
    * a second Esc within ``DOUBLE_ESC_MS``: ``triggered`` (quick exit);
    * Enter or Return on a focused button that did not use it: the button is pressed, as Space would.
    """

    triggered = Signal()
    escape = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._last = -1.0

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or event.isAutoRepeat():
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            now = time.monotonic()
            if self._last >= 0 and now - self._last <= DOUBLE_ESC_MS / 1000:
                self._last = -1.0
                self.triggered.emit()
            else:
                self._last = now
                self.escape.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            button = QApplication.focusWidget()
            if isinstance(button, QAbstractButton) and button.isEnabled() and button.isVisible():
                button.animateClick()
                return True
        return False


class StillThereDialog(QDialog):
    """The kiosk's visible countdown before the session is cleared."""

    def __init__(self, seconds: int, parent=None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.seconds = self.left = seconds
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, seconds)
        self.stay = QPushButton()
        self.stay.setDefault(True)
        self.stay.clicked.connect(self.accept)
        for w in (self.label, self.bar, self.stay):
            layout.addWidget(w)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.setWindowTitle(self.tr("Still there?"))
        self.stay.setText(self.tr("I am still here"))
        self.stay.setAccessibleName(self.tr("I am still here"))
        self.bar.setAccessibleName(self.tr("Time left"))
        self._update()

    def start(self) -> None:
        self.left = self.seconds
        self._update()
        self.timer.start()
        self.open()

    def _tick(self) -> None:
        self.left -= 1
        self._update()
        if self.left <= 0:
            self.timer.stop()
            self.reject()

    def _update(self) -> None:
        self.bar.setValue(self.left)
        # Two strings, not one "%n second(s)": English has no .qm, so its plural forms would never be chosen
        if self.left == 1:
            text = self.tr("Still there? To protect your privacy, this screen will be cleared in 1 second.")
        else:
            text = self.tr("Still there? To protect your privacy, this screen will be cleared in %1 seconds.")
        self.label.setText(text.replace("%1", str(self.left)))

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)


class IdleWatcher(QObject):
    """Kiosk: after ``idle_seconds`` without input, ask "Still there?"; if nobody answers, reset."""

    reset = Signal()

    def __init__(self, idle_seconds: int, countdown_seconds: int, parent_window) -> None:
        super().__init__(parent_window)
        self.window = parent_window
        self.countdown_seconds = countdown_seconds
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(idle_seconds * 1000))
        self.timer.timeout.connect(self._ask)
        self.dialog: StillThereDialog | None = None
        self.timer.start()

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if (
            event.type()
            in (
                QEvent.Type.KeyPress,
                QEvent.Type.MouseButtonPress,
                QEvent.Type.MouseMove,
                QEvent.Type.Wheel,
                QEvent.Type.TouchBegin,
            )
            and self.dialog is None
        ):
            self.timer.start()
        return False

    def _ask(self) -> None:
        self.dialog = StillThereDialog(self.countdown_seconds, self.window)
        self.dialog.finished.connect(self._answered)
        self.dialog.start()

    def _answered(self, result: int) -> None:
        self.dialog.deleteLater()
        self.dialog = None
        if result != QDialog.DialogCode.Accepted:
            self.reset.emit()
        self.timer.start()
