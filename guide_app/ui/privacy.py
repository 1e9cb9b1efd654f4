"""Privacy and kiosk actions of the main window: clear the session, quick exit, lock and unlock a kiosk.

What a reset clears and what a locked kiosk allows is decided by ``guide_app.app.policy.Policy``; this
only applies it to the widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from guide_app.app.navigation import HOME
from guide_app.app.policy import UNLOCK_SECONDS, Trace
from guide_app.ui.session_reset import clear_field, clear_selections, forget_edits


class PrivacyActions:
    """Part of ``MainWindow`` (a mixin): forgetting a visit, and the kiosk lock."""

    def clear_session(self) -> None:
        """Forget every trace of the visit on screen and in memory, as listed by ``Policy.reset_clears``."""
        clearers = self._trace_clearers()
        for trace in self.policy.reset_clears:
            clearers[trace]()
        self.stack.setCurrentWidget(self.home)
        self.search_box.setFocus()

    def _trace_clearers(self) -> dict[Trace, Callable[[], object]]:
        """How each trace a visit leaves is cleared (a test checks that every ``Trace`` is here)."""

        def close_other_windows() -> None:
            for widget in QApplication.topLevelWidgets():
                if widget is not self and widget.isVisible():
                    widget.close()  # dialogs, print previews, presentations

        def clear_search_box() -> None:
            clear_field(self.search_box)  # not clear(): that is an undoable edit Ctrl+Z would bring back

        def clear_reader() -> None:
            self.reader.browser.clear()
            self.reader.browser.document().clear()

        def clear_history() -> None:
            self.nav.clear(HOME)
            self._update_nav()

        return {
            Trace.SPEECH: self._stop_speech,
            Trace.OTHER_WINDOWS: close_other_windows,
            Trace.PENDING_SEARCH: lambda: (self.search_timer.stop(), self.service.cancel()),
            Trace.SEARCH_TEXT: clear_search_box,
            Trace.RESULTS: self.results.clear,
            Trace.READER: clear_reader,
            Trace.FIND_TEXT: self.reader.find_bar.clear,
            Trace.FLOW_ANSWERS: self.flow_panel.clear,
            Trace.HISTORY: clear_history,
            Trace.CLIPBOARD: clear_selections,  # the clipboard, X11 PRIMARY (middle click) and the find buffer
            Trace.UNDO: lambda: forget_edits(self),  # after every field is emptied
            Trace.ADMIN_UNLOCK: self.relock,
            Trace.VISITOR_SETTINGS: self._restore_kiosk_defaults,
        }

    def quick_exit(self) -> None:
        """Clear every trace now; close the app, or in kiosk mode go back to a neutral home screen."""
        self.clear_session()
        if self.policy.quick_exit_closes:
            self.close()

    def apply_kiosk(self) -> None:
        """Lock the window for a shared computer: full screen, no quitting or file dialogs."""
        locked = self.policy.locked
        self.act_quit.setEnabled(self.policy.can_quit)
        self.menu_file.menuAction().setVisible(not locked)
        self.flow_panel.allow_files = self.policy.can_save
        self.retranslate()  # "Start over" or "Quick exit" on the button
        if locked:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            self.showFullScreen()

    def unlock_admin(self) -> None:
        """Ask for the administrator passphrase (kiosk.ini holds its hash); without one there is no unlock."""
        if not self.policy.locked:
            return
        if not self.policy.can_unlock:
            message = self.tr("This kiosk has no administrator passphrase; it cannot be unlocked.")
            self.statusBar().showMessage(message, 8000)
            return
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        typed, ok = QInputDialog.getText(
            self, self.tr("Administrator"), self.tr("Administrator passphrase:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        if not self.policy.unlock(typed):
            self.statusBar().showMessage(self.tr("That passphrase is not right."), 8000)
            return
        self.relock_timer.start(UNLOCK_SECONDS * 1000)
        self.apply_kiosk()
        self.statusBar().showMessage(
            self.tr("Administrator mode for 5 minutes or until Start over: quitting and settings are unlocked."), 8000
        )

    def relock(self) -> None:
        """End an administrator unlock (time is up, or a reset)."""
        self.relock_timer.stop()
        if self.policy.relock():
            self.apply_kiosk()

    def _restore_kiosk_defaults(self) -> None:
        """The next visitor starts with the kiosk's language, text size and colors, not the last visitor's.
        (Out of kiosk mode the person's own preferences stay as they are.)"""
        if not self.policy.kiosk_enabled:
            return
        defaults = self.policy.kiosk_defaults()
        if defaults["language"] and defaults["language"] != self.lang:
            self.set_language(str(defaults["language"]))
        elif not defaults["language"] and self.lang != self.start_lang:
            self.set_language(self.start_lang)
        if self.prefs.zoom != defaults["zoom"]:
            self.prefs.zoom = int(defaults["zoom"])  # type: ignore[call-overload]
            self.apply_zoom()
        if self.prefs.theme != defaults["theme"] and defaults["theme"] in self.theme_actions:
            self.set_theme(str(defaults["theme"]))
