"""The one Markdown reader of the plain-text outputs (guide_app.render.blocks): built on Python-Markdown's
block tree, linear on any line, and read the same way by show, the index, slides, reading levels and the
reader window."""

from __future__ import annotations

import html
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from guide_app.library import readability
from guide_app.render import slides
from guide_app.render.blocks import MAX_DEPTH, inline_text, read_blocks
from guide_app.render.html import PARAGRAPH_LIMIT, markdown_to_html
from guide_app.render.text import markdown_to_plain, plain_blocks

# Lines that made the old regex readers (or Python-Markdown's inline patterns) take seconds to minutes.
HOSTILE = {
    "60,000 spaces": " " * 60_000 + "x",
    "60,000 spaces inside a line": "a" + " " * 60_000 + "b",
    "a long run of *a": "*a " * 20_000,
    "a long run of _a": "_a " * 20_000,
    "20,000 open brackets": "[" * 20_000,
    "10,000 unfinished links": "[a](" * 10_000,
    "unclosed link texts": "[a " * 20_000,
    "image openers": "![" * 20_000,
    "backticks": "`a " * 20_000,
    "mixed backtick runs": "``a`" * 15_000,
    "deep quotes": "> " * 5_000 + "x",
    "deep bullets": "- " * 5_000 + "x",
    "deep numbers": "1. " * 5_000 + "x",
    "a staircase of indented items": "\n".join("    " * n + "- a" for n in range(400)),
    "backslashes": "\\" * 30_000,
    "every markup character": "*_`[]()<>&#!\\-+.|~" * 4_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_plain_text_reader_is_fast_on_a_hostile_line(name):
    text = HOSTILE[name]
    for read in (read_blocks, markdown_to_plain, plain_blocks, slides.parse_points, readability.plain_sentences):
        start = time.perf_counter()
        read(text)
        took = time.perf_counter() - start
        assert took < 1.0, f"{read.__name__} took {took:.2f} s on {name}"


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_reader_window_html_is_fast_on_every_hostile_line(name):
    """Python-Markdown alone took 243 s on 20,000 "[", 51 s on 10,000 "[a](" and 61 s on "``a`" x 15,000
    (measured); the shared preparation bounds nesting, escapes brackets that start no link and breaks up
    paragraphs longer than PARAGRAPH_LIMIT."""
    texts = [HOSTILE[name]]
    if name in ("mixed backtick runs", "20,000 open brackets", "every markup character"):
        texts.append("\n".join([HOSTILE[name][:200]] * 300))  # the same as a paragraph of many lines
    for text in texts:
        start = time.perf_counter()
        page = markdown_to_html(text)
        took = time.perf_counter() - start
        assert took < 2.0, f"{took:.2f} s"
        assert page.startswith("<") or not text.strip()


def test_a_real_paragraph_is_never_broken_up():
    paragraph = " ".join(["A sentence of ordinary length, about a right you have."] * 50)  # 2,750 characters
    assert len(paragraph) < PARAGRAPH_LIMIT
    assert markdown_to_html(paragraph).count("<p>") == 1


def test_the_work_grows_linearly():
    """Four times the text takes about four times as long, not sixteen (a margin for a busy machine)."""

    def cost(n: int) -> float:
        text = ("*a [b](c) `d` _e_ " * n) + "[" * n + " " * n
        start = time.perf_counter()
        read_blocks(text)
        return time.perf_counter() - start

    small = min(cost(2_000) for _ in range(3))
    large = min(cost(8_000) for _ in range(3))
    assert large < small * 8, (small, large)


def test_nesting_is_bounded_and_deeper_markers_stay_text():
    blocks = read_blocks("- " * 50 + "deep")
    assert max(b.depth for b in blocks) < MAX_DEPTH
    assert "deep" in blocks[-1].text


def test_inline_markup_is_removed_and_escapes_kept():
    assert inline_text("A **bold** and *em* [link](article:x) `code *here*` ![alt](p.png)") == (
        "A bold and em link code *here* alt"
    )
    assert inline_text(r"Not \*emphasis\* and 5 * 3 and snake_case_word &amp; &#233;") == (
        "Not *emphasis* and 5 * 3 and snake_case_word & é"
    )
    assert inline_text("<https://example.org/a> and [ref text][r]") == "https://example.org/a and ref text"


NESTED = """1. **Find the person.** Use the locator:
   - their A-number and country of birth
   - or their full name
2. Call a lawyer.
"""


def test_a_list_nested_under_a_numbered_step_is_nested_everywhere():
    """Authors indent under "1." by three spaces; Python-Markdown alone needs four and flattened such a
    list into the step's sentence in the reader window."""
    assert plain_blocks(NESTED) == [
        "1. Find the person. Use the locator:",
        "   - their A-number and country of birth",
        "   - or their full name",
        "2. Call a lawyer.",
    ]
    page = markdown_to_html(NESTED)
    assert re.search(r"<ol>\s*<li>.*?<ul>\s*<li>their A-number", page, re.S), page
    assert [p.text for p in slides.parse_points(NESTED)][1:3] == [
        "their A-number and country of birth",
        "or their full name",
    ]
    assert readability.plain_sentences(NESTED).splitlines() == [
        "Find the person. Use the locator:",
        "their A-number and country of birth.",
        "or their full name.",
        "Call a lawyer.",
    ]


def test_a_number_inside_a_bullet_is_not_a_list_anywhere():
    text = "- A bullet that ends the year\n  2024. This line is not an item."
    assert plain_blocks(text) == ["- A bullet that ends the year 2024. This line is not an item."]
    assert "<ol>" not in markdown_to_html(text) and "2024. This" in markdown_to_html(text)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_plain_text_says_every_word_the_reader_window_shows_for_the_shipped_articles():
    from guide_app.library.loader import load_library

    library = load_library(REPO / "content", []).library
    checked = 0
    for article in library.articles.values():
        for section in article.sections:
            page = markdown_to_html(section.markdown, internet_label="")
            shown = _words(html.unescape(re.sub(r"<[^>]+>", " ", page)))
            said = [
                w for block in read_blocks(section.markdown) for w in _words(" ".join(block.cells or (block.text,)))
            ]
            assert said == shown, (article.id, article.lang, section.heading)
            checked += 1
    assert checked > 100


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" #-*+_=`|[]()<>!.&;1029abcXY\\:", max_size=40))
def test_the_one_line_shortcut_reads_as_the_parser_does(line):
    """Single lines (the checker reads every line of every file) skip the parser; they must read the same."""
    from guide_app.render.blocks import _read_blocks, _walk, element_tree

    _read_blocks.cache_clear()
    assert _read_blocks(line) == tuple(_walk(element_tree(line, mark_tight_headings=True), 0, 0, False))
