"""What the window tells screen readers, and the names it gives its controls (offscreen, pytest-qt).

The same announcements reach AT-SPI as ``object:announcement`` events: tests/e2e/test_a11y_screens.py checks
them on the real app. Here every message is caught from ``announce.announcements``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from conftest import FIXTURE_CONTENT


@pytest.fixture
def said(qtbot):
    from guide_app.ui.announce import announcements

    heard: list[str] = []
    announcements.said.connect(heard.append)
    yield heard
    announcements.said.disconnect(heard.append)


@pytest.fixture
def window(qtbot):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    win = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.index_ready, timeout=30_000):
        win.start()
    yield win
    win.close()


def test_only_the_last_of_a_burst_is_announced(qtbot, said):
    from guide_app.ui.announce import Settled

    owner = QWidget()
    qtbot.addWidget(owner)
    settled = Settled(owner, delay_ms=50)
    for text in ("1 result.", "4 results.", "7 results."):
        settled.later(text)
    assert said == []
    qtbot.waitUntil(lambda: said == ["7 results."], timeout=2000)
    settled.later("gone")
    settled.cancel()
    qtbot.wait(120)
    assert said == ["7 results."]


def test_typing_a_search_is_announced_once_after_it_settles(qtbot, window, said):
    qtbot.keyClicks(window.search_box, "habeas")
    qtbot.waitUntil(lambda: any("result" in s for s in said), timeout=10_000)
    qtbot.wait(1200)  # longer than the settle delay: nothing more may come
    results = [s for s in said if "result" in s]
    assert len(results) == 1, said
    assert results[0].startswith(window.results.spoken.split(".")[0]) and "First:" in results[0]
    assert "<" not in results[0]  # no markup read aloud


def test_no_results_and_suggestion_are_spoken(qtbot, window, said):
    qtbot.keyClicks(window.search_box, "zzqqxx")
    qtbot.waitUntil(lambda: any("No results" in s for s in said), timeout=10_000)
    spoken = next(s for s in said if "No results" in s)
    assert "Browse all articles" in spoken and "→" not in spoken


def test_opening_an_article_says_its_title_then_in_short(qtbot, window, said):
    article = window.guide.library.in_language("en")[0]
    window.open_article(article.id)
    assert said[-1] == f"{article.title}. In short: {' '.join(article.summary.split())}"
    sections = window.reader.sections
    assert sections.count() >= 2 and sections.isVisibleTo(window)
    assert sections.itemData(1, Qt.ItemDataRole.AccessibleTextRole).startswith("Heading level")


def test_moving_by_heading_moves_the_caret_and_says_where(qtbot, window, said):
    article = window.guide.library.in_language("en")[0]
    window.open_article(article.id)
    reader = window.reader
    reader.browser.setFocus()
    reader.next_heading(1)
    first = said[-1]
    assert first.startswith("Heading level") and "of" in first
    position = reader.browser.textCursor().position()
    reader.next_heading(1)
    assert said[-1] != first and reader.browser.textCursor().position() > position
    reader.next_heading(-1)
    assert said[-1] == first


def test_each_flow_question_and_the_outcome_are_spoken(qtbot, window, said):
    flow_id = next(iter(window.guide.flows))
    window.open_flow(flow_id)
    panel = window.flow_panel
    assert said[-1].startswith("Step 1") and panel.session.question_text in said[-1]
    assert panel.answer_buttons[0].accessibleDescription() == panel.session.question_text
    steps = 0
    while not panel.session.finished:
        panel.choose(0)
        steps += 1
        assert steps < 10
    title = panel.session.outcome.title["en"]
    assert said[-1] == f"What to do: {title}"


def _visible_words(button: QAbstractButton) -> str:
    text = button.text().replace("&", "").strip()
    text = text.split(".  ", 1)[-1] if text[:1].isdigit() else text  # "1.  Yes" -> "Yes"
    return text.rstrip(" →…").strip()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_button_name_contains_the_words_shown(qtbot, qapp, lang):
    """WCAG 2.5.3: a speech-input user says what they see; the accessible name must contain it."""
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences
    from guide_app.ui.translations import Translations

    translations = Translations(qapp)
    translations.install(lang)
    win = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), lang, translations)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.index_ready, timeout=30_000):
        win.start()
    try:
        checked = 0
        for screen in (win.home, win.toolbar, win.flow_panel):
            if screen is win.flow_panel:
                win.open_flow(next(iter(win.guide.flows)))
            for button in screen.findChildren(QAbstractButton):
                words = _visible_words(button)
                if not button.isVisibleTo(win) or not words:
                    continue
                name = button.accessibleName() or button.text()
                assert words.lower() in name.lower(), f"{lang}: shows {words!r}, named {name!r}"
                checked += 1
        assert checked >= 15
    finally:
        win.close()
        translations.install("en")


def test_each_new_slide_is_announced(qtbot, said):
    from guide_app.guide import load_guide
    from guide_app.render.slides import article_slides
    from guide_app.ui.presentation import PresentationWindow

    deck = article_slides(load_guide(FIXTURE_CONTENT, []).library.article("habeas-corpus", "en"))
    show = PresentationWindow(deck)
    qtbot.addWidget(show)
    show.go_to(1)
    show.go_to(1)  # no change, nothing new to say
    slide = deck[1]
    assert said == [f"{slide.title} ({slide.counter})" if slide.counter else slide.title]


def test_a_flow_follows_a_language_switch_made_elsewhere(qtbot, qapp):
    """Review finding: a flow started in English stayed in English under Spanish menus."""
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences
    from guide_app.ui.translations import Translations

    translations = Translations(qapp)
    win = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en", translations)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.index_ready, timeout=30_000):
        win.start()
    try:
        flow = next(iter(win.guide.flows.values()))
        win.open_flow(flow.id)
        assert win.flow_panel.title.text() == flow.title["en"]
        win.go_home()
        win.set_language("es")
        win.open_flow(flow.id)
        assert win.flow_panel.session.lang == "es"
        assert win.flow_panel.title.text() == flow.title["es"]
    finally:
        win.close()
        translations.install("en")
