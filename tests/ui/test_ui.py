"""The desktop window, driven as a person would (offscreen, pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QMessageBox, QTextBrowser

from conftest import FIXTURE_CONTENT, assert_smoke_test_passes


def make_window(qtbot, lang="en"):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), lang)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.index_ready, timeout=30_000):
        window.start()
    return window


@pytest.fixture
def window(qtbot):
    win = make_window(qtbot)
    yield win
    win.close()


def type_query(qtbot, window, text):
    window.search_box.clear()
    with qtbot.waitSignal(window.service.results, timeout=10_000):
        qtbot.keyClicks(window.search_box, text)


def test_typing_shows_results_without_blocking(qtbot, window):
    type_query(qtbot, window, "habeas")
    assert window.stack.currentWidget() is window.results
    assert window.results.shown_count >= 1
    assert "Habeas" in window.results.item_text(0)


def test_stale_results_are_dropped(qtbot, window):
    from guide_app.app.search_session import Answer

    type_query(qtbot, window, "habeas")
    shown = window.results.item_text(0)
    stale = window.service.generation - 1
    fake = Answer(stale, "old", "en")
    window.service._on_answer(fake)  # an answer for an older keystroke arrives late
    assert window.results.item_text(0) == shown


def test_a_query_overtaken_by_a_newer_one_is_never_shown(qtbot, window):
    answers = []
    window.service.results.connect(answers.append)
    window.service.request("silent", "en")  # both go to the search thread before either is answered
    window.service.request("habeas", "en")
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    qtbot.wait(200)  # time for a late answer to "silent" to arrive, if one were sent
    assert [a.query for a in answers] == ["habeas"]
    assert "Habeas" in window.results.item_text(0)


def test_a_misspelled_word_is_corrected_and_searched_with_a_way_back(qtbot):
    window = make_window(qtbot, "es")
    type_query(qtbot, window, "abogadoo")
    header = window.results.header.text()
    assert "<b>abogado</b>" in header and "exact:abogadoo" in header  # "Search instead for abogadoo"
    assert window.results.shown_count >= 1  # the corrected word was searched
    with qtbot.waitSignal(window.service.results, timeout=10_000):
        window.results.header.linkActivated.emit("exact:abogadoo")
    assert "exact:" not in window.results.header.text()  # the words as typed: nothing corrected
    assert window.search_box.text() == "abogadoo"
    window.close()


def test_a_query_in_the_other_language_offers_a_switch(qtbot):
    window = make_window(qtbot, "es")
    type_query(qtbot, window, "silent")
    assert "lang:en" in window.results.header.text()
    assert window.results.shown_count >= 1
    window.results.header.linkActivated.emit("lang:en")
    assert window.lang == "en"
    window.close()


def test_no_results_is_friendly(qtbot, window):
    type_query(qtbot, window, "zzqqxx")
    header = window.results.header.text()
    assert "No results" in header and "browse:all" in header and "topic:0" in header


def test_opening_a_result_shows_the_top_and_offers_its_section(qtbot, window, monkeypatch):
    """The answer first ("In short"); the matched section is one link away, not where the page lands."""
    type_query(qtbot, window, "who can file")
    window.open_current_result()
    browser = window.reader.browser
    assert window.stack.currentWidget() is window.reader
    assert browser.verticalScrollBar().value() == 0
    assert "Jump to where it matches: Who can file a habeas petition?" in browser.toPlainText()
    assert window.current.query == "who can file"
    assert "#ffe680" in browser.toHtml()  # the searched words are highlighted
    anchors = []
    monkeypatch.setattr(browser, "scrollToAnchor", anchors.append)
    window.follow_link("#who-can-file-a-habeas-petition")
    assert anchors == ["who-can-file-a-habeas-petition"]


def test_page_down_reads_on_from_what_is_on_screen(qtbot):
    from guide_app.ui.reader import ArticleBrowser

    browser = ArticleBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 300)
    browser.show()
    paragraphs = "".join(f"<p>Paragraph {n} of a long article.</p>" for n in range(120))
    browser.setHtml(f'{paragraphs}<h2><a name="middle"></a>Middle</h2>{paragraphs}')
    browser.show_anchor("middle")  # a link to a section goes there
    start = browser.verticalScrollBar().value()
    assert start > 0
    qtbot.keyClick(browser, Qt.Key.Key_PageDown)
    assert browser.verticalScrollBar().value() > start  # it used to jump back up to the text cursor


def test_reading_width_is_capped_on_wide_windows(qtbot, window):
    window.resize(1900, 900)
    window.open_article("habeas-corpus")
    browser = window.reader.browser
    qtbot.waitUntil(lambda: browser.viewport().width() < 1400)
    assert browser.viewport().width() <= browser.fontMetrics().averageCharWidth() * 80


def test_internal_links_navigate_and_history_goes_back(qtbot, window):
    window.open_article("habeas-corpus")
    window.follow_link("article:remain-silent")
    assert window.current.key == "remain-silent"
    assert "right to remain silent" in window.reader.browser.toPlainText().lower()
    window.go_back()
    assert window.current.key == "habeas-corpus"
    window.go_forward()
    assert window.current.key == "remain-silent"


def test_external_links_ask_first(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr("guide_app.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Cancel)
    window.follow_link("https://www.law.cornell.edu/uscode/text/28/2241")
    assert opened == []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Open)
    window.follow_link("https://www.law.cornell.edu/uscode/text/28/2241")
    assert len(opened) == 1


def test_language_switch_swaps_ui_and_article(qtbot, window):
    window.open_article("habeas-corpus")
    assert "Habeas corpus: asking a judge" in window.reader.browser.toPlainText()
    window.set_language("es")
    assert "Hábeas corpus: pedir a un juez" in window.reader.browser.toPlainText()
    assert window.language_button.text() == "English"
    assert window.prefs.language == "es"


def test_zoom_is_remembered_across_restart(qtbot):
    from guide_app.ui.preferences import Preferences

    first = make_window(qtbot)
    before = first.prefs.zoom
    first.zoom(1)
    first.zoom(1)
    first.close()
    assert Preferences().zoom == before + 2
    second = make_window(qtbot)
    assert second.prefs.zoom == before + 2
    second.close()


def test_keyboard_only_path(qtbot, window):
    window.search_box.setFocus()
    type_query(qtbot, window, "silent")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Up)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.reader
    window.act_back.trigger()
    assert window.stack.currentWidget() is window.results
    window.act_search.trigger()
    assert window.search_box.hasFocus() or window.focusWidget() is window.search_box
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == ""


def test_topics_and_situations_lead_to_articles(qtbot, window):
    window.home.topic_buttons[3].click()  # detention and remedies
    assert window.stack.currentWidget() is window.results
    assert any("Habeas" in window.results.item_text(i) for i in range(window.results.shown_count))
    window.go_home()
    window.home.help_link.click()
    assert window.current.key == "finding-legal-help"


def test_every_interactive_widget_has_an_accessible_name(qtbot, window):
    window.open_article("habeas-corpus")
    missing = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView, QTextBrowser):
        for widget in window.findChildren(kind):
            if not widget.isVisibleTo(window) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            name = widget.accessibleName() or (widget.text() if hasattr(widget, "text") else "")
            if not str(name).strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not missing, missing


def test_smoke_test_command_passes():
    assert_smoke_test_passes()


def test_results_are_model_rows_and_an_empty_answer_leaves_none(qtbot, window):
    from PySide6.QtWidgets import QLabel, QListWidget

    from guide_app.ui.results import ResultDelegate

    type_query(qtbot, window, "habeas corpus")
    many = window.results.shown_count
    assert many >= 1
    view = window.results.list
    assert not isinstance(view, QListWidget) and isinstance(view.itemDelegate(), ResultDelegate)
    assert view.model().rowCount() == many
    assert view.findChildren(QLabel) == []  # rows are painted by the delegate, not widgets
    type_query(qtbot, window, "zzqqxx")
    assert window.results.shown_count == 0 and view.model().rowCount() == 0
    assert all(window.results.item_text(i) == "" for i in range(many))  # nothing of the last answer is left


def test_back_and_forward_start_disabled(qtbot, window):
    assert not window.act_back.isEnabled() and not window.act_forward.isEnabled()
    window.open_article("habeas-corpus")
    assert window.act_back.isEnabled() and not window.act_forward.isEnabled()
    window.go_back()
    assert window.stack.currentWidget() is window.home and window.act_forward.isEnabled()


def test_result_rows_grow_with_the_text_size(qtbot, window):
    type_query(qtbot, window, "habeas corpus")
    view, first = window.results.list, window.results.model.index(0)
    before = view.visualRect(first).height()
    window.zoom(4)
    qtbot.waitUntil(lambda: view.visualRect(first).height() > before, timeout=3000)
    window.zoom(0)


def test_result_rows_grow_with_the_text_size_under_a_theme(qtbot, window):
    """The real app always has a theme style sheet (``* { font-size }``) before the first zoom."""
    window.set_theme("light")
    type_query(qtbot, window, "habeas corpus")
    view, first = window.results.list, window.results.model.index(0)
    before, font_before = view.visualRect(first).height(), view.font().pointSizeF()
    try:
        window.zoom(4)
        assert view.font().pointSizeF() > font_before
        assert view.visualRect(first).height() > before  # at once: no restart, no delayed relayout
    finally:
        window.zoom(0)
