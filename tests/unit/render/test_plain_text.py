"""Plain text from Markdown: `guide-app show` re-wraps paragraphs (the source's hard line breaks are joined,
list items stay separate), and the reading-level sentences treat a list item's continuation lines as part of
that item."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from guide_app.library import readability
from guide_app.library.loader import load_library
from guide_app.library.model import Article, Section, Source
from guide_app.render.text import article_to_text, plain_blocks

CONTENT = REPO / "content"

SAMPLE = """A first paragraph that the writer
broke by hand in the middle
of a sentence.

1. **Step one** is long and its text
   goes on here. See [the bond page](article:bond).
2. Step two.
   - a nested item that
     continues
   - another nested item
- A lazy item
that continues without indenting.

### A small heading
Text right under the heading.

> A quote that
> spans two lines.
"""


def test_plain_blocks_join_paragraph_lines_and_keep_list_items_separate():
    assert plain_blocks(SAMPLE) == [
        "A first paragraph that the writer broke by hand in the middle of a sentence.",
        "",
        "1. Step one is long and its text goes on here. See the bond page.",
        "2. Step two.",
        "   - a nested item that continues",
        "   - another nested item",
        "- A lazy item that continues without indenting.",
        "",
        "A small heading",
        "Text right under the heading.",
        "",
        "A quote that spans two lines.",
    ]


def test_plain_blocks_of_nothing():
    assert plain_blocks("") == []
    assert plain_blocks("\n\n   \n") == []


def article(markdown: str, lang: str = "en", summary: str = "Short.") -> Article:
    return Article(
        id="sample",
        lang=lang,
        title="Sample",
        summary=summary,
        topics=("rights",),
        reviewed=dt.date(2026, 11, 22),
        sources=(Source("A source", citation="1 U.S. 1"),),
        related=(),
        sections=(Section(0, "", "", markdown, 1),),
        path="sample.md",
    )


def test_show_rewraps_paragraphs_to_the_width():
    text = article_to_text(article(SAMPLE), width=40)
    lines = text.splitlines()
    assert all(len(line) <= 40 for line in lines), [line for line in lines if len(line) > 40]
    body = "\n".join(lines)
    assert "A first paragraph that the writer broke\nby hand in the middle of a sentence." in body
    assert "1. Step one is long and its text goes on\n   here. See the bond page." in body  # hanging indent
    assert "   - a nested item that continues" in body
    assert "2. Step two.\n" in body


def test_show_never_splits_ee_uu():
    long = "Así ha funcionado para las personas arrestadas dentro de EE. UU. desde hace muchos años."
    for width in range(30, 90):
        text = article_to_text(article(long, lang="es"), width=width)
        assert "EE.\n" not in text and "EE. UU." in text, width


@pytest.mark.parametrize("lang", ["en", "es"])
def test_shipped_articles_read_as_whole_paragraphs(lang):
    library = load_library(CONTENT, []).library
    for item in library.in_language(lang):
        lines = article_to_text(item).splitlines()
        too_long = [line for line in lines if len(line) > 78 and " " in line.strip()]
        assert too_long == [], (item.id, too_long)
        # A wrapped paragraph fills its lines: a line that ends mid-sentence is never much shorter than
        # the width (the old renderer left lines of 10-30 characters where the source had broken them).
        for line, following in zip(lines, lines[1:], strict=False):
            if set(line.strip()) <= {"-", "="} or set(following.strip()) <= {"-", "="}:
                continue  # a heading's underline
            continues = following.strip() and not following.lstrip().startswith(("-", "1", "2", "3", "4", "5", "6"))
            if continues and line.strip() and not line.rstrip().endswith((".", ":", "?", "!", ")", '"', "”")):
                assert len(line) + len(following.split()[0]) >= 60, (item.id, line, following)


def test_plain_sentences_join_list_item_continuations():
    text = readability.plain_sentences("- one item that\n  goes on\n- two\n\nA paragraph\nin two lines")
    assert text.splitlines() == ["one item that goes on.", "two.", "A paragraph in two lines."]
