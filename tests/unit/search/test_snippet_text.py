"""Result snippets read as running text: they start at a sentence (or at a word, after "…") and carry no
Markdown (list markers, bold marks), over the shipped content and on small hand-made bodies."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import REPO
from guide_app.guide import load_guide
from guide_app.search.snippets import lead_snippet, make_snippet

sys.path.insert(0, str(REPO / "benchmarks"))
import relevance  # noqa: E402

QUERIES = [
    ("police stop", "en"),
    ("detainer", "en"),
    ("complaint", "en"),
    ("remain silent", "en"),
    ("287g jail", "en"),
    ("lawyer", "en"),
    ("records request", "en"),
    ("derechos", "es"),
    ("detainer", "es"),
    ("queja", "es"),
    ("tarjeta", "es"),
    ("abogado", "es"),
]
# A list marker or a heading at the start of the snippet or of a line inside it, or after a sentence.
MARKUP = re.compile(r"(?:^|\n|[.:;!?] )(?:[-*+•] |\d{1,3}[.)] |#{1,6} )")
GOOD_START = re.compile(r"…|\[?[\"'(\u201c\u00bf\u00a1]?\[?[A-Z\u00c0-\u00de0-9]")


def snippet_problems(snippet: str) -> list[str]:
    problems = []
    if "**" in snippet or "__" in snippet:
        problems.append("bold marks")
    if MARKUP.search(snippet):
        problems.append("a list marker or heading")
    if not GOOD_START.match(snippet):
        problems.append("starts inside a sentence without '…'")
    first, _, second = snippet.replace("[", "").replace("]", "").partition(" … ")
    if second and second[:40] in first:
        problems.append("the second passage repeats the first")
    return problems


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    opened = load_guide(REPO / "content", []).open_search(cache=tmp_path_factory.mktemp("snippet-cache"))
    yield opened
    opened.close()


def test_shipped_snippets_are_running_text(engine):
    queries = QUERIES + [(q.q, q.lang) for q in relevance.load_questions()]
    bad, seen = [], 0
    for text, lang in queries:
        for result in engine.search(text, lang, limit=10).shown():
            seen += 1
            if problems := snippet_problems(result.snippet):
                bad.append((text, result.id, result.snippet[:80], problems))
    assert seen > 1000
    assert not bad, bad[:10]


def test_the_check_catches_markup_and_a_cut_sentence():
    assert snippet_problems("- ICE may move you") and snippet_problems("2. Say clearly")
    assert snippet_problems("The rules differ. - A conversation") and snippet_problems("A **bold** claim")
    assert snippet_problems("check your name") and not snippet_problems("…check your name")
    assert not snippet_problems('[Habeas] corpus is old. "Is it legal?" 2026 - 2027')
    assert snippet_problems(
        "If you miss a hearing, the judge can order you deported. … "
        "If you miss a [hearing], the judge can order you deported."
    )


BODY = (
    "A complaint can:\n"
    "- start a review or an investigation,\n"
    "- create a **record** that others can use later, and\n"
    "- lead to changes.\n"
    "\n"
    "2. Say clearly that you want a lawyer."
)


def spans(body: str, word: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), word) for m in re.finditer(word, body)]


def test_list_markers_and_bold_marks_are_dropped_and_matches_kept():
    snippet = make_snippet(BODY, spans(BODY, "record") + spans(BODY, "lawyer"))
    assert snippet == (
        "A complaint can: start a review or an investigation, create a [record] that others can use later, "
        "and lead to changes. Say clearly that you want a [lawyer]."
    )


def test_a_passage_starts_at_the_sentence_before_the_match():
    body = "First sentence here. " * 12 + "Ask a judge to decide. The word habeas means you have the body."
    snippet = make_snippet(body, spans(body, "habeas"))
    assert snippet == "First sentence here. Ask a judge to decide. The word [habeas] means you have the body."
    body = "word " * 80 + "and the habeas word " + "more " * 60
    assert make_snippet(body, spans(body, "habeas")).startswith("…word")


def test_lead_snippet_is_running_text():
    assert lead_snippet(BODY, 40) == "A complaint can: start a review or an…"
    assert lead_snippet("- one\n- two") == "one two"


def test_two_passages_never_repeat_text():
    body = "word " * 60 + "The judge decides. " + "word " * 20 + "Then the court may order it."
    snippet = make_snippet(body, spans(body, "judge") + spans(body, "court"))
    assert snippet.count("Then the") == 1 and "[judge]" in snippet and "[court]" in snippet
