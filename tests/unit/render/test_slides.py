"""Workshop slides from articles (guide_app.render.slides): no Qt here."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest

from conftest import FIXTURE_CONTENT, REPO
from guide_app.library.model import Article, Section, Source
from guide_app.render import slides as sl
from guide_app.render.html import _markdown


def reference_words(markdown: str) -> list[str]:
    """The words of a Markdown fragment as the reader shows them (Python-Markdown, tags removed)."""
    md = _markdown()
    md.reset()
    return sl.words(html.unescape(re.sub(r"<[^>]+>", " ", md.convert(markdown))))


def make_article(sections: list[tuple[str, str]], lang: str = "en", title: str = "A test article") -> Article:
    return Article(
        id="test-article",
        lang=lang,
        title=title,
        summary="A short   summary\nof the article.",
        topics=("rights",),
        reviewed=dt.date(2026, 5, 4),
        sources=(Source("A statute", "https://example.org/law"), Source("A case", citation="1 U.S. 1 (2020)")),
        related=(),
        sections=tuple(
            Section(n, heading, heading.lower().replace(" ", "-"), body, 1)
            for n, (heading, body) in enumerate(sections)
        ),
        path="test.md",
    )


LONG_PARAGRAPH = " ".join(
    f"Sentence number {n} explains one more detail about the right to remain silent and why it matters."
    for n in range(1, 31)
)
LONG_SECTION = "\n\n".join(
    [
        "Common reasons include:",
        "- **First reason.** " + LONG_PARAGRAPH,
        "- **Second reason.** A short item.",
        "- Third item, with a [link](article:other) and *emphasis*.",
        "- A bullet that ends the year\n  2024. This line starts with a number but is not an item.",
        "Closing paragraph " + " ".join(["word"] * 120),
    ]
)


@pytest.fixture(scope="module")
def fixture_library():
    from guide_app.guide import load_guide

    return load_guide(FIXTURE_CONTENT, []).library


def test_title_slide_has_the_title_and_in_short_summary(fixture_library):
    article = fixture_library.article("habeas-corpus", "en")
    deck = sl.article_slides(article)
    first = deck[0]
    assert first.kind == "title"
    assert first.title == article.title
    assert first.subtitle_label == "In short"
    assert first.subtitle == " ".join(article.summary.split())
    assert first.counter == f"1 / {len(deck)}"
    assert first.footer == "Rights Guide · Reviewed 2026-11-01"
    assert [s.number for s in deck] == list(range(1, len(deck) + 1))
    assert {s.total for s in deck} == {len(deck)}
    assert {s.footer for s in deck} == {first.footer}


def test_sections_become_key_point_slides_with_their_headings(fixture_library):
    article = fixture_library.article("habeas-corpus", "en")
    deck = sl.article_slides(article)
    content = [s for s in deck if s.kind == "content"]
    headings = [s.heading for s in content]
    assert headings[0] == article.title  # the opening text has no heading of its own
    for section in article.sections[1:]:
        assert section.heading in headings
    who = next(s for s in content if s.heading == "Who can file a habeas petition?")
    assert who.points == ("The person who is detained, or someone acting for them, can file. A lawyer should help.",)
    assert deck[-2].kind == "sources" and "28 U.S.C. § 2241" in deck[-2].points
    assert deck[-1].kind == "end" and "not legal advice" in deck[-1].points[0]


def test_spanish_deck_uses_spanish_labels(fixture_library):
    deck = sl.article_slides(fixture_library.article("habeas-corpus", "es"))
    assert deck[0].subtitle_label == "En resumen"
    assert deck[0].footer == "Guía de derechos · Revisado el 2026-11-01"
    assert deck[-2].title == "Fuentes"


def test_long_sections_split_within_the_budget_and_keep_every_word():
    budget = sl.Budget()
    article = make_article([("", "Opening words."), ("Why it matters", LONG_SECTION)])
    deck = sl.article_slides(article, budget=budget)
    parts = [s for s in deck if s.heading == "Why it matters"]
    assert len(parts) >= 3
    assert parts[0].title == "Why it matters" and not parts[0].continued
    for n, slide in enumerate(parts[1:], 2):
        assert slide.title == "Why it matters (continued)" and slide.continued
        assert (slide.part, slide.parts) == (n, len(parts))
    for slide in parts:
        room = budget.room(slide.heading, "(continued)" if slide.continued else "")
        assert 0 < sl.estimated_lines(slide, budget) <= room, slide
        assert len(slide.points) <= budget.points
    kept = [w for s in parts for p in s.points for w in sl.words(p)]
    assert kept == reference_words(LONG_SECTION)


def test_cut_points_continue_without_a_bullet_and_keep_their_bold_lead_in():
    deck = sl.points_slides("Heading", sl.parse_points("- **First reason.** " + LONG_PARAGRAPH))
    assert len(deck) >= 2
    assert deck[0].bulleted(0) and deck[0].points[0][: deck[0].lead(0)] == "First reason."
    assert not deck[1].bulleted(0) and deck[1].lead(0) == 0  # the rest of the same point


def test_key_points_from_markdown():
    points = sl.parse_points(LONG_SECTION)
    texts = [p.text for p in points]
    assert texts[0] == "Common reasons include:" and not points[0].bullet  # a lead-in line, not a bullet
    assert texts[2] == "Second reason. A short item." and points[2].lead == len("Second reason.")
    assert texts[3] == "Third item, with a link and emphasis."
    assert texts[4].endswith("ends the year 2024. This line starts with a number but is not an item.")
    assert sl.key_points("| A | B |\n|---|---|\n| one | two |") == ["A — B", "one — two"]
    assert sl.key_points("### Sub heading\nText under it.") == ["Sub heading", "Text under it."]


def test_a_single_endless_sentence_is_cut_between_words():
    text = " ".join(f"w{n}" for n in range(600))
    budget = sl.Budget()
    pieces = sl.split_point(text, budget)
    assert len(pieces) > 1
    assert all(budget.lines_of(p) <= budget.lines for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_every_word_of_the_shipped_articles_reaches_the_slides():
    from guide_app.guide import load_guide

    library = load_guide(REPO / "content", []).library
    assert library.articles
    budget = sl.Budget()
    for article in library.articles.values():
        deck = sl.article_slides(article)
        label = sl.deck_labels(article.lang)["continued"]
        for section in article.sections:
            kept = [
                w
                for s in deck
                if s.anchor == section.anchor and s.kind == "content"
                for p in s.points
                for w in sl.words(re.sub(r"^\d+\. ", "", p))  # a step's number is drawn by <ol> in the reader
            ]
            assert kept == reference_words(section.markdown), (article.lang, article.id, section.heading)
        for slide in deck:
            if slide.kind == "content":
                assert sl.estimated_lines(slide, budget) <= budget.room(slide.heading, label if slide.continued else "")


def test_outcome_slides_are_generic():
    deck = sl.outcome_slides(
        "If the police stop you",
        "Stay calm.",
        [("What to do now", ["Keep your hands visible.", "Say you choose to remain silent."]), ("Empty", [])],
        reviewed=dt.date(2026, 1, 2),
    )
    assert [s.kind for s in deck] == ["outcome", "content", "end"]
    assert deck[0].subtitle == "Stay calm."
    assert deck[1].title == "What to do now" and len(deck[1].points) == 2
    assert deck[1].footer == "Rights Guide · Reviewed 2026-01-02"


def test_flow_outcome_slides_use_the_outcome_lists():
    outcome = SimpleNamespace(
        title={"es": "Si la policía lo detiene"},
        summary={"es": "Mantenga la calma."},
        items=lambda key, lang: {"do_now": ("Muestre las manos.",), "warnings": ("No corra.",)}.get(key, ()),
    )
    flow = SimpleNamespace(reviewed=dt.date(2026, 3, 1))
    deck = sl.flow_outcome_slides(flow, outcome, "es")
    assert [s.title for s in deck] == [
        "Si la policía lo detiene",
        "Qué hacer ahora",
        "Tenga cuidado",
        "Esto no es asesoría legal",
    ]


def test_slides_module_does_not_import_qt():
    code = "import sys, guide_app.render.slides as s; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_numbered_steps_keep_their_numbers():
    deck = sl.article_slides(make_article([("What to do", "1. Stay calm.\n2. Ask who is there.\n3. Do not open.")]))
    points = [p for slide in deck if slide.kind == "content" for p in slide.points]
    assert points[:3] == ["1. Stay calm.", "2. Ask who is there.", "3. Do not open."]
    content = next(slide for slide in deck if slide.kind == "content")
    assert content.bullets[:3] == (False, False, False)  # the number replaces the bullet


def test_a_heading_never_ends_a_slide():
    long = " ".join(["This sentence fills the slide with words."] * 6)
    parts = [f"{long}\n\n### Sub-heading {n}\n\n- {long}\n- {long}" for n in range(4)]
    deck = sl.article_slides(make_article([("Section", "\n\n".join(parts))]))
    for slide in deck:
        if slide.kind == "content" and slide.points:
            assert not slide.points[-1].startswith("Sub-heading"), slide.points


def test_no_shipped_slide_ends_on_a_sub_heading_or_a_lead_in():
    """A sub-heading or a line that introduces a list ("It has real risks:") opens the slide with the lines it
    introduces, even when the next slide is already full."""
    from guide_app.guide import load_guide

    library = load_guide(REPO / "content", []).library
    stranded = []
    for article in library.articles.values():
        headings = {p.text for s in article.sections for p in sl.parse_points(s.markdown) if p.heading}
        for slide in sl.article_slides(article):
            if slide.kind != "content" or not slide.points:
                continue
            last = slide.points[-1]
            if (len(slide.points) > 1 and last in headings) or (last.endswith(":") and not slide.bulleted(-1)):
                stranded.append(f"{article.lang}/{article.id} slide {slide.number}: {last}")
    assert stranded == []


def test_a_long_paragraph_that_introduces_a_list_keeps_its_last_sentence_with_the_list():
    intro = " ".join(["This sentence is part of a long paragraph before a list."] * 5) + " It has risks:"
    items = "\n".join(f"- Risk number {n} is explained in a sentence of a fair length here." for n in range(6))
    deck = sl.article_slides(make_article([("Section", f"{intro}\n\n{items}")]))
    content = [s for s in deck if s.kind == "content"]
    for slide in content:
        assert not slide.points[-1].endswith(":"), slide.points
    with_intro = next(s for s in content if "It has risks:" in s.points)
    index = with_intro.points.index("It has risks:")
    assert index + 1 < len(with_intro.points) and with_intro.points[index + 1].startswith("Risk number 0")
