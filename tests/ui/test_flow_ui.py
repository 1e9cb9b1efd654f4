"""The "What is happening?" panel: reached from home and from search, walked by keyboard, printed."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt


@pytest.fixture
def window(qtbot):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    win = MainWindow(lambda: load_guide(None, []), Preferences(), "en")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.index_ready, timeout=60_000):
        win.start()
    yield win
    win.close()


def test_home_situation_opens_the_flow_and_keys_walk_it(qtbot, window):
    window.home.situation_buttons[1].click()  # "ICE is at my door"
    panel = window.flow_panel
    assert window.stack.currentWidget() is panel
    assert panel.session.flow.id == "someone-at-my-door"
    assert "Step 1 of about" in panel.progress_label.text()
    steps = 0
    while not panel.session.finished:
        qtbot.keyClick(panel, Qt.Key.Key_1)
        steps += 1
        assert steps < 10
    assert panel.outcome.isVisible() and panel.outcome.toPlainText()
    assert "not legal advice" in panel.outcome.toPlainText()
    qtbot.keyClick(panel, Qt.Key.Key_Backspace)
    assert not panel.session.finished
    panel.restart_button.click()
    assert panel.session.step_number == 1


def test_outcome_prints_to_a_one_page_pdf_checklist(qtbot, window, tmp_path):
    from guide_app.export.checklist import export_checklist_pdf

    window.open_flow("loved-one-taken-by-ice")
    panel = window.flow_panel
    while not panel.session.finished:
        panel.choose(0)
    out = tmp_path / "checklist.pdf"
    s = panel.session
    export_checklist_pdf(s.flow, s.outcome, s.lang, out, window.guide.library, s.answered())
    pdf = PdfReader(str(out))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    assert panel.session.outcome.title["en"].split()[0] in text
    assert "Do now" in text and "not legal advice" in text


def test_search_offers_the_flow_beside_the_articles(qtbot, window):
    with qtbot.waitSignal(window.service.results, timeout=10_000):
        qtbot.keyClicks(window.search_box, "ICE at my door")
    assert "flow:someone-at-my-door" in window.results.header.text()
    window.results.header.linkActivated.emit("flow:someone-at-my-door")
    assert window.stack.currentWidget() is window.flow_panel


def test_language_switch_keeps_the_place_and_quick_exit_forgets_answers(qtbot, window):
    window.open_flow("police-stopped-me")
    window.flow_panel.choose(2)  # "the stop is over": the next step is a question
    step = window.flow_panel.session.step_number
    window.set_language("es")
    assert window.flow_panel.session.step_number == step
    assert "Paso" in window.flow_panel.progress_label.text()
    window.kiosk = None
    window.clear_session()
    assert window.flow_panel.session is None
    assert window.flow_panel.answer_buttons == []


def test_outcome_can_be_presented_full_screen(qtbot, window):
    window.open_flow("someone-at-my-door")
    panel = window.flow_panel
    while not panel.session.finished:
        panel.choose(0)
    assert panel.present_button.isVisibleTo(panel)
    panel.present_button.click()
    shown = window._presentation
    assert shown.isVisible() and len(shown.slides) >= 2
    assert panel.session.outcome.title["en"] in shown.slides[0].title
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert not shown.isVisible()


def test_an_outcome_s_article_link_opens_the_article_and_back_returns(qtbot, window, monkeypatch):
    from PySide6.QtCore import QUrl

    window.open_flow("someone-at-my-door")
    panel = window.flow_panel
    while not panel.session.finished:
        panel.choose(0)
    html = panel.outcome.toHtml()
    assert "article:" in html
    article_id = html.split('href="article:', 1)[1].split('"', 1)[0]
    panel.outcome.anchorClicked.emit(QUrl(f"article:{article_id}"))
    assert window.stack.currentWidget() is window.reader and window.current.key == article_id
    window.go_back()
    assert window.stack.currentWidget() is panel and panel.session.finished
    cards = []
    monkeypatch.setattr(window, "print_rights_card", lambda: cards.append(1))
    panel.outcome.anchorClicked.emit(QUrl("card:"))
    assert cards == [1]
