"""Help is one step away: "Get help now" from home, from the results and from every flow outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt

from guide_app.app.navigation import PlaceKind
from test_ui import make_window, type_query


def test_get_help_now_from_home_results_and_a_flow_outcome(qtbot):
    window = make_window(qtbot, "es")
    try:
        qtbot.mouseClick(window.home.help_now, Qt.MouseButton.LeftButton)
        assert window.current.kind is PlaceKind.HELP
        text = window.reader.browser.toPlainText()
        assert "Ayuda ahora" in text and "1-800-898-7180" in text
        window.go_home()
        type_query(qtbot, window, "habeas")
        assert 'href="helpnow:"' in window.results.header.text()
        window.results._on_header_link("helpnow:")
        assert window.current.kind is PlaceKind.HELP
        window.follow_link("help:")  # the link at the end of every flow outcome
        assert window.current.kind is PlaceKind.HELP
    finally:
        window.close()


def test_result_counts_read_naturally(qtbot):
    window = make_window(qtbot)
    try:
        type_query(qtbot, window, "habeas")
        header = window.results.header.text()
        assert "result(s)" not in header
        assert "1 result" in header or " results" in header
    finally:
        window.close()


def test_spanish_help_place_shows_spanish_resource_names(qtbot):
    window = make_window(qtbot, "es")
    try:
        qtbot.mouseClick(window.home.help_now, Qt.MouseButton.LeftButton)
        text = window.reader.browser.toPlainText()
        assert "Estado del caso en la corte de inmigración (EOIR)" in text
        assert "Immigration court case status" not in text
    finally:
        window.close()
