"""Read aloud as a person uses it: the button above an opened article in both languages, Ctrl+Shift+S, and the
word being read highlighted on the screen, moving on. Qt's mock speech engine stands in for a voice (it reports
each word as a real engine with word progress does); what is checked is what the screen shows."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import harness
import pytest

MOCK = {"GUIDE_APP_TTS_ENGINE": "mock"}


def _open_article(app: harness.GuideApp, query: str) -> None:
    app.type(query)
    app.wait_page("ResultsPage")
    app.key("Return")
    app.wait_page("ReaderPage")


def _changed_box(before: Path, after: Path, region: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """Width and height of the part of ``region`` that differs between two screenshots (None: nothing)."""
    x, y, w, h = region
    crop = f"{w}x{h}+{x}+{y}"
    out = subprocess.run(
        ["convert", f"{before}[{crop}]", f"{after}[{crop}]", "-compose", "difference", "-composite",
         "-threshold", "12%", "-format", "%@", "info:"],
        capture_output=True, text=True, timeout=30, check=False,
    ).stdout.strip()  # fmt: skip
    size = out.split("+", 1)[0]
    if "x" not in size:
        return None
    width, height = (int(n) for n in size.split("x"))
    return None if width == 0 or height == 0 or (width, height) == (w, h) and out.endswith("+0+0") else (width, height)


@pytest.mark.parametrize(
    ("lang", "query", "button"), [("en", "habeas corpus", "Read aloud"), ("es", "habeas corpus", "Leer en voz alta")]
)
def test_read_aloud_highlights_the_word_being_read(launch, lang, query, button):
    app = launch(lang=lang, env=MOCK)
    _open_article(app, query)
    assert button.lower() in app.read("readAloudBar").lower()  # the button is there, in the page's language
    app.key("ctrl+Home")  # the top of the article, where reading starts
    time.sleep(0.5)
    quiet = app.shot("before")
    app.key("ctrl+shift+s")
    time.sleep(0.8)
    first = app.shot("reading-1")
    time.sleep(0.6)
    second = app.shot("reading-2")
    reader = app.region("reader")  # (a notice above it, e.g. "no Spanish voice", may have moved it down)
    assert _changed_box(quiet, first, reader) is not None, "nothing on the article was highlighted"
    moved = _changed_box(first, second, reader)
    assert moved is not None, "the highlight did not move on"
    assert moved[1] < 80, f"the highlight changed {moved}: more than a word or two on neighbouring lines"
    assert ("pause" if lang == "en" else "pausa") in app.read("readAloudBar").lower()
    app.key("ctrl+shift+q")  # quick exit stops the voice with everything else
    app.wait_exit()
