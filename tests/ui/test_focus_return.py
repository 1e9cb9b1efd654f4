"""Back at the start screen, the cursor is in the search box: after Home, a reset, and leaving a flow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from conftest import FIXTURE_CONTENT

FLOW = "loved-one-taken-by-ice"  # the fixture content's one flow


@pytest.fixture
def window(qtbot):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    win = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en")
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    with qtbot.waitSignal(win.index_ready, timeout=30_000):
        win.start()
    yield win
    win.kiosk = None  # a kiosk ignores close(): the window must close and stop its search thread
    win.close()


def open_article_and_read(qtbot, window):
    """Somewhere else first, with the focus away from the search box (in the article)."""
    window.open_article("habeas-corpus")
    assert window.stack.currentWidget() is window.reader
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader.browser, timeout=2000)


def open_flow(qtbot, window):
    window.open_flow(FLOW)
    assert window.stack.currentWidget() is window.flow_panel
    window.flow_panel.answer_buttons[0].setFocus()  # a person at the first question
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.flow_panel.answer_buttons[0], timeout=2000)


def assert_ready_to_type(qtbot, window):
    assert window.stack.currentWidget() is window.home
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box, timeout=2000)


def test_home_puts_the_cursor_in_the_search_box(qtbot, window):
    open_article_and_read(qtbot, window)
    window.act_home.trigger()
    assert_ready_to_type(qtbot, window)


def test_a_cleared_session_puts_the_cursor_in_the_search_box(qtbot, window):
    open_article_and_read(qtbot, window)
    window.act_clear.trigger()
    assert_ready_to_type(qtbot, window)


def test_kiosk_start_over_puts_the_cursor_in_the_search_box(qtbot, window):
    from guide_app.kiosk import KioskSettings

    window.kiosk = KioskSettings(enabled=True, idle_seconds=60, countdown_seconds=5)
    window.retranslate()  # the kiosk's label on the button (apply_kiosk would also go full screen)
    open_flow(qtbot, window)
    assert window.quick_exit_button.text() == "Start over"
    window.quick_exit_button.click()
    assert window.isVisible()  # a kiosk is not closed, only cleared for the next person
    assert_ready_to_type(qtbot, window)


def test_esc_out_of_a_flow_puts_the_cursor_in_the_search_box(qtbot, window):
    open_flow(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert_ready_to_type(qtbot, window)


def test_back_out_of_a_flow_puts_the_cursor_in_the_search_box(qtbot, window):
    open_flow(qtbot, window)
    window.act_back.trigger()  # the flow was opened from the start screen: Back returns there
    assert_ready_to_type(qtbot, window)
