"""The GUI thread only draws answers: searching, flow matching and highlight terms run on the search thread."""

from __future__ import annotations

import threading

from test_ui import make_window, type_query


def test_the_gui_thread_does_no_search_post_processing(qtbot, monkeypatch):
    from guide_app.app import search_session
    from guide_app.search import engine as search_engine
    from guide_app.search import flow_match

    calls: list[tuple[str, bool]] = []

    def spy(name, real):
        def wrapper(*args, **kwargs):
            calls.append((name, threading.current_thread() is threading.main_thread()))
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(flow_match, "matching_flows", spy("flows", flow_match.matching_flows))
    monkeypatch.setattr(search_engine, "highlight_terms", spy("terms", search_engine.highlight_terms))
    monkeypatch.setattr(search_engine.SearchEngine, "search", spy("search", search_engine.SearchEngine.search))
    monkeypatch.setattr(search_session, "marked_snippet", spy("snippets", search_session.marked_snippet))
    window = make_window(qtbot)
    drawn = []
    window.service.results.connect(lambda answer: drawn.append(answer))

    type_query(qtbot, window, "who can file")
    window.open_current_result()  # the highlight in the article uses the terms the search thread made
    assert window.stack.currentWidget() is window.reader
    assert "#ffe680" in window.reader.browser.toHtml()
    type_query(qtbot, window, "ICE took my husband, detained")
    assert "flow:loved-one-taken-by-ice" in window.results.header.text()

    assert {name for name, _ in calls} == {"flows", "terms", "search", "snippets"}
    assert [name for name, on_gui_thread in calls if on_gui_thread] == []
    assert all(isinstance(answer, search_session.Answer) for answer in drawn)
    window.close()


def test_the_search_thread_belongs_to_the_window_and_ends_with_it(qtbot):
    from PySide6.QtCore import QThread

    window = make_window(qtbot)
    thread = window.service.findChild(QThread)
    assert thread is not None and thread.parent() is window.service and window.service.parent() is window
    assert thread.isRunning()
    window.close()
    assert thread.isFinished()
