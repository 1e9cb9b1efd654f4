"""Privacy and kiosk actions of the main window: clear the session, quick exit, lock and unlock a kiosk.

What a reset clears and what a locked kiosk allows is decided by ``guide_app.app.policy.Policy``; this
only applies it to the widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from guide_app.app.navigation import HOME
from guide_app.app.policy import Trace


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
            self.search_box.blockSignals(True)
            self.search_box.clear()
            self.search_box.blockSignals(False)

        def clear_reader() -> None:
            self.reader.browser.clear()
            self.reader.browser.document().clear()

        def clear_history() -> None:
            self.nav.clear(HOME)
            self._update_nav()

        return {
            Trace.OTHER_WINDOWS: close_other_windows,
            Trace.PENDING_SEARCH: lambda: (self.search_timer.stop(), self.service.cancel()),
            Trace.SEARCH_TEXT: clear_search_box,
            Trace.RESULTS: self.results.clear,
            Trace.READER: clear_reader,
            Trace.FIND_TEXT: self.reader.find_bar.clear,
            Trace.FLOW_ANSWERS: self.flow_panel.clear,
            Trace.HISTORY: clear_history,
            Trace.CLIPBOARD: QApplication.clipboard().clear,
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
        self.quick_exit_button.setToolTip(
            self.tr("Clear everything on screen and start over") if locked else self.quick_exit_button.toolTip()
        )
        if locked:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            self.showFullScreen()

    def unlock_admin(self) -> None:
        if self.policy.unlock():
            self.apply_kiosk()
            self.statusBar().showMessage(self.tr("Administrator mode: quitting and settings are unlocked."), 8000)
