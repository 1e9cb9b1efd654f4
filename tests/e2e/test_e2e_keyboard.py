"""A person at the keyboard: typing at launch, Esc, quick exit, text size — real key presses, read off the screen."""

from __future__ import annotations

import re
import time

import harness


def _content(app: harness.GuideApp) -> tuple[int, int, int, int]:
    """The page under the toolbar."""
    x, y, w, h = app.window_geometry()
    return (x, y + 95, w, h - 95)


def _open_first_result(app: harness.GuideApp, query: str) -> None:
    app.type(query)
    app.wait_page("ResultsPage")
    app.key("Return")
    app.wait_page("ReaderPage")


def test_typing_at_launch_goes_to_the_search_box(guide):
    guide.type("habeas")
    assert "habeas" in guide.search_text().lower()
    guide.wait_text(r"\bresults?\b", timeout=20)  # and the search ran


def test_search_open_and_back(guide):
    _open_first_result(guide, "habeas corpus")
    top = guide.read("reader")
    assert "In short" in top  # the article opens at its top: the answer first
    assert "Jump to where it matches" in top  # and offers the matched section
    guide.key("Next")  # Page Down reads on, down the article
    below = guide.read("reader")
    assert "In short" not in below and below != top
    guide.key("alt+Left")
    guide.wait_page("ResultsPage")
    assert re.search(r"\b\d+ results?", guide.read("resultsHeader"))


def test_one_esc_clears_the_search_and_never_quits(guide):
    guide.type("habeas")
    assert "habeas" in guide.search_text().lower()
    guide.key("Escape")
    time.sleep(1.0)  # longer than the quick-exit double press
    guide.assert_running()
    shown = guide.search_text()
    assert "habeas" not in shown.lower()
    assert "Type your question" in shown  # the empty box shows its placeholder again


def test_one_esc_in_an_article_never_quits(guide):
    _open_first_result(guide, "habeas corpus")
    guide.key("Escape")
    time.sleep(1.0)
    guide.assert_running()
    assert "habeas corpus" in guide.read("reader").lower()  # the article is still on screen


def test_one_esc_in_kiosk_keeps_the_visitor_s_page(launch):
    app = launch(kiosk=True)
    _open_first_result(app, "habeas corpus")
    app.key("Escape")
    time.sleep(1.0)
    app.assert_running()
    assert "habeas corpus" in app.read("reader").lower()  # not wiped back to the start screen


def test_esc_twice_quickly_is_quick_exit(guide):
    guide.key("Escape", "Escape", delay_ms=150, pause=0)
    assert guide.wait_exit(10) == 0


def test_ctrl_shift_q_is_quick_exit(guide):
    guide.type("habeas")
    assert "habeas" in guide.search_text().lower()
    guide.key("ctrl+shift+q", pause=0)
    assert guide.wait_exit(10) == 0


def test_quick_exit_in_kiosk_starts_over(launch):
    app = launch(kiosk=True)
    app.type("habeas corpus")
    app.wait_text(r"\bresults?\b", timeout=20)
    app.key("ctrl+shift+q")
    text = app.wait_text(r"Know your rights", timeout=10)
    assert "habeas" not in text.lower()
    app.assert_running()


def test_text_size_keys_change_the_screen_at_once(guide):
    region = _content(guide)
    before = harness.median_height(guide.words(region, "before"))
    assert before > 0
    guide.key("ctrl+equal", "ctrl+equal", "ctrl+equal", "ctrl+equal")
    bigger = harness.median_height(guide.words(region, "bigger"))
    assert bigger >= before * 1.25, (before, bigger)
    guide.key("ctrl+0")
    normal = harness.median_height(guide.words(region, "normal"))
    assert abs(normal - before) <= 1, (before, normal)


def test_text_size_keys_grow_the_result_rows_at_once(guide):
    guide.type("habeas corpus")
    guide.wait_page("ResultsPage")
    time.sleep(0.5)
    before = harness.median_height(guide.words(guide.region("results"), "results-before"))
    assert before > 0
    guide.key("ctrl+equal", "ctrl+equal", "ctrl+equal", "ctrl+equal")
    bigger = harness.median_height(guide.words(guide.region("results"), "results-bigger"))
    guide.key("ctrl+0")
    assert bigger >= before * 1.25, (before, bigger)
