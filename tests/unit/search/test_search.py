"""Search over the fixture content: analyzers, ranking, snippets, did-you-mean, prefixes, everyday words,
cross-language fallback, and hostile input (hypothesis)."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from conftest import FIXTURE_CONTENT
from guide_app.guide import load_guide
from guide_app.search.analysis import stem, stemming_analyzer, words
from guide_app.search.engine import highlight_terms
from guide_app.search.query import MAX_CHARS, SYNONYM_BOOST, clean, parse, to_whoosh


def tokens(text: str, lang: str) -> list[str]:
    return [t.text for t in stemming_analyzer(lang)(text) if not t.stopped]


def ids(response) -> list[str]:
    return [r.id for r in response.results]


def has_prefix(query) -> bool:
    if query is None:
        return False
    return any(isinstance(leaf, wq.Prefix) for leaf in [query, *query.leaves()])


def article_text(article_id: str, title: str, body: str, lang: str = "en") -> str:
    note = (
        "This is general information, not legal advice. See [help](article:finding-legal-help)."
        if lang == "en"
        else "Esta información es general y no es asesoría legal. Vea [ayuda](article:finding-legal-help)."
    )
    return (
        f'---\nid: {article_id}\ntitle: "{title}"\nsummary: A short plain summary.\ntopics: [rights]\n'
        f'reviewed: 2026-11-01\nsources:\n  - title: "A source"\n    citation: "1 U.S. 1"\n---\n'
        f"{body}\n\n## Get real help\n\n{note}\n"
    )


@pytest.fixture
def make_engine(tmp_path):
    """Build an engine over the fixture content plus extra articles: ``make_engine({"en/id.md": text})``."""
    opened = []

    def make(extra: dict[str, str]):
        content = Path(shutil.copytree(FIXTURE_CONTENT, tmp_path / f"content{len(opened)}"))
        for name, text in extra.items():
            (content / name).write_text(text, encoding="utf-8")
        guide = load_guide(content, [])
        assert not guide.problems, [str(p) for p in guide.problems]
        engine = guide.open_search(cache=tmp_path / f"cache{len(opened)}")
        opened.append(engine)
        return engine

    yield make
    for engine in opened:
        engine.close()


# -- analyzers ---------------------------------------------------------------------------------------


def test_spanish_accent_folding_and_stemming():
    assert tokens("detencion", "es") == tokens("detención", "es") == tokens("Detención", "es")
    assert tokens("deportacion", "es") == tokens("deportación", "es") == tokens("deportaciones", "es")
    assert tokens("abogado", "es") == tokens("abogados", "es")
    assert tokens("hábeas", "es") == tokens("habeas", "es")
    assert tokens("deportación", "es") != tokens("detención", "es")


def test_english_stemming():
    assert tokens("detention", "en") == tokens("detentions", "en")
    assert tokens("lawyer", "en") == tokens("lawyers", "en")
    assert tokens("rights", "en") == tokens("right", "en")
    assert tokens("the right to remain silent", "en") == tokens("right remain silent", "en")  # stop words


def test_287g_is_one_word_with_or_without_parentheses():
    for lang in ("en", "es"):
        assert tokens("287(g)", lang) == tokens("287g", lang) == tokens("287G", lang) == ["287g"]
    assert words("What is 287(g)?") == ["what", "is", "287g"]
    assert stem("287(g)", "en") == stem("287g", "en") == "287g"


def test_query_side_stem_matches_index_side_analyzer():
    for lang, word in (("es", "deportaciones"), ("es", "Detención"), ("en", "lawyers"), ("en", "287(g)")):
        assert [stem(word, lang)] == tokens(word, lang)
    assert stem("the", "en") is None and stem("la", "es") is None


def test_accentless_spanish_queries_find_accented_text(fixture_engine):
    for query in ("detencion", "detención", "DETENCION"):
        assert ids(fixture_engine.search(query, "es")) == ["habeas-corpus"], query
    for query in ("deportacion", "deportación", "deportaciones"):
        assert "finding-legal-help" in ids(fixture_engine.search(query, "es")), query
    assert ids(fixture_engine.search("abogado", "es")) == ids(fixture_engine.search("abogados", "es"))
    assert len(ids(fixture_engine.search("abogados", "es"))) == 3


def test_287g_search_with_or_without_parentheses(make_engine):
    text = article_text("county-programs", "County programs", "Some counties sign a 287(g) deal.")
    engine = make_engine({"en/county-programs.md": text})
    for query in ("287(g)", "287g", "287G"):
        assert ids(engine.search(query, "en")) == ["county-programs"], query


# -- ranking and snippets ------------------------------------------------------------------------------


def test_word_in_title_beats_the_same_word_in_a_body(make_engine):
    engine = make_engine(
        {
            "en/zebra-crossings.md": article_text("zebra-crossings", "Zebra crossings", "Walk with care near roads."),
            "en/street-safety.md": article_text(
                "street-safety", "Street safety", "Walk with care near a zebra and near roads."
            ),
        }
    )
    response = engine.search("zebra", "en")
    assert ids(response)[:2] == ["zebra-crossings", "street-safety"]
    assert response.results[0].score > response.results[1].score > 0


def test_scores_are_positive_and_sorted(fixture_engine):
    for query, lang, as_you_type in (
        ("la migra", "es", False),
        ("migra ice", "es", False),
        ("cops", "en", False),
        ("habe", "en", True),
        ("judge lawyer", "en", False),
    ):
        response = fixture_engine.search(query, lang, as_you_type=as_you_type)
        scores = [r.score for r in response.results]
        assert scores, query
        assert all(s > 0 for s in scores), (query, scores)
        assert scores == sorted(scores, reverse=True), query


def test_more_matching_words_rank_higher(fixture_engine):
    response = fixture_engine.search("judge detention lawyer", "en")
    assert ids(response)[0] == "habeas-corpus"


def test_results_are_grouped_by_article(fixture_engine):
    response = fixture_engine.search("lawyer notario", "en")
    assert len(ids(response)) == len(set(ids(response)))
    assert response.results[0].id == "finding-legal-help"


def test_snippet_marks_matched_words(fixture_engine):
    result = fixture_engine.search("judge", "en").results[0]
    assert result.id == "habeas-corpus"
    assert "[judge]" in result.snippet
    es = fixture_engine.search("detencion", "es").results[0]
    assert "[detención]" in es.snippet  # the text as written is shown, accent and all
    silent = fixture_engine.search("silent", "en").results[0]
    assert "[silent]" in silent.snippet.lower()


def test_section_result_carries_heading_and_anchor(fixture_engine):
    result = fixture_engine.search("petition", "en").results[0]
    assert result.id == "habeas-corpus"
    assert result.section == "Who can file a habeas petition?"
    assert result.anchor == "who-can-file-a-habeas-petition"


def test_glossary_and_resources_are_searchable(fixture_engine):
    card = fixture_engine.search("detainer", "en").card
    assert card is not None and card.target == ("glossary", "detainer")
    card = fixture_engine.search("hearing", "en").card
    assert card is not None and card.target == ("resource", "eoir-case-status")


def test_highlight_terms_are_stems():
    assert highlight_terms("Deportaciones y abogados", "es") == [stem("deportación", "es"), stem("abogado", "es")]


# -- did you mean -----------------------------------------------------------------------------------


def test_did_you_mean_spanish(fixture_engine):
    assert fixture_engine.search("abogadoo", "es").suggestion == "abogado"
    assert fixture_engine.search("silenico", "es").suggestion == "silencio"


def test_did_you_mean_english(fixture_engine):
    assert fixture_engine.search("polise", "en").suggestion == "police"
    assert fixture_engine.search("detension", "en").suggestion == "detention"
    assert fixture_engine.search("habeas petiton", "en").suggestion == "habeas petition"


def test_no_suggestion_for_known_or_everyday_words(fixture_engine):
    for query, lang in (("cops", "en"), ("cop", "en"), ("la migra", "es"), ("migra", "es"), ("judge", "en")):
        assert fixture_engine.search(query, lang).suggestion is None, query


def test_no_suggestion_when_searching_both_languages_finds_the_word(fixture_engine):
    response = fixture_engine.search("detencion", None)
    assert "habeas-corpus" in ids(response)
    assert response.suggestion is None  # a Spanish word is not "corrected" into English


# -- search as you type -----------------------------------------------------------------------------


def test_prefix_search_as_you_type(fixture_engine):
    assert "habeas-corpus" in ids(fixture_engine.search("habe", "en", as_you_type=True))
    assert "habeas-corpus" in ids(fixture_engine.search("habe", "es", as_you_type=True))
    assert ids(fixture_engine.search("habe", "en")) == []  # without typing mode, no prefix
    assert fixture_engine.search("habe", "en", as_you_type=True).suggestion is None


def test_short_prefixes_do_not_expand():
    for text in ("h", "ha", "police h", "police st"):
        assert not has_prefix(to_whoosh(parse(text, "en", as_you_type=True))), text
    assert has_prefix(to_whoosh(parse("hab", "en", as_you_type=True)))
    assert has_prefix(to_whoosh(parse("police sto", "en", as_you_type=True)))
    assert not has_prefix(to_whoosh(parse("hab", "en", as_you_type=False)))
    assert not has_prefix(to_whoosh(parse("hab ", "en", as_you_type=True)))  # a finished word


def test_two_letter_stub_after_a_word_is_dropped():
    parsed = parse("police st", "en", as_you_type=True)
    assert parsed.terms == [stem("police", "en")]
    assert parsed.prefix == ""
    # Typed as a finished query, "st" is a word like any other.
    assert "st" in parse("police st", "en").terms


def test_single_letter_search_as_you_type_is_harmless(fixture_engine):
    response = fixture_engine.search("h", "en", as_you_type=True)
    assert response.results == ()


# -- everyday words -----------------------------------------------------------------------------------


def test_synonyms_are_applied_at_query_time(fixture_engine):
    rules = fixture_engine.library.synonyms
    parsed = parse("la migra", "es", rules)
    assert stem("ICE", "es") in parsed.extra_terms
    assert "remain-silent" in ids(fixture_engine.search("la migra", "es"))
    assert "remain-silent" in ids(fixture_engine.search("LA MIGRA", "es"))
    assert stem("police", "en") in parse("cops", "en", rules).extra_terms
    assert ids(fixture_engine.search("cops", "en")) == ["remain-silent"]
    # Without the everyday-words map nothing in the guide says "cops".
    assert to_whoosh(parse("cops", "en")) is not None
    assert parse("cops", "en").extra_terms == []
    assert parse("cops", "es", rules).extra_terms == []  # rules belong to one language


# -- the other language -------------------------------------------------------------------------------


def test_cross_language_fallback(fixture_engine):
    response = fixture_engine.search("silent", "es")
    assert response.results == ()
    assert [(r.id, r.lang) for r in response.other_lang_results] == [("remain-silent", "en")]
    assert [r["lang"] for r in response.as_json()["results"]] == ["en"]
    assert fixture_engine.search("silent", "es", fallback=False).other_lang_results == ()
    # When the language has its own results there is no fallback.
    assert fixture_engine.search("silencio", "es").other_lang_results == ()


def test_both_languages(fixture_engine):
    response = fixture_engine.search("habeas", None)
    assert response.lang is None
    assert {r.lang for r in response.results} == {"en", "es"}


# -- hostile input --------------------------------------------------------------------------------------

HOSTILE = [
    "",
    " ",
    "*",
    "?",
    '"',
    '"unbalanced AND OR ((( *',
    "AND OR NOT",
    "NOT",
    "title:habeas",
    "body:*",
    "a* b* c* d* e* f* g* h*",
    "field:value~2 ^3",
    "habeas~",
    "[a TO z]",
    "{}[]()<>",
    "\x00\x01\x02\x1b[31m",
    "\u200b\u200d\ufeff",
    "'; DROP TABLE articles; --",
    "ﬁ ß Ǆ İ ǅ",
    "x" * 10_000,
    "habeas " * 2_000,
    "a" * 3 + " " + "é" * 9_000,
    "287(g)(((((",
    "\\",
    "%s %d {0}",
]


def check_search(engine, text, lang="en", as_you_type=False, limit=10):
    start = time.perf_counter()
    response = engine.search(text, lang, limit=limit, as_you_type=as_you_type)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{elapsed:.2f} s for {text[:40]!r}"
    data = response.as_json()
    json.loads(json.dumps(data))
    assert set(data) == {"query", "lang", "corrected", "detected_lang", "out_of_scope", "results", "card"}
    assert len(response.query) <= MAX_CHARS
    assert len(response.results) <= max(1, min(limit, 100))
    return response


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("lang", ["en", "es", None, "xx"])
def test_hostile_queries(fixture_engine, text, lang):
    check_search(fixture_engine, text, lang)
    check_search(fixture_engine, text, lang, as_you_type=True)


def test_query_syntax_is_just_text(fixture_engine):
    assert clean("a\x00b\tc\n") == "a b c"
    assert ids(fixture_engine.search("habeas AND", "en")) == ids(fixture_engine.search("habeas and", "en"))
    assert ids(fixture_engine.search("title:habeas", "en")) == ids(fixture_engine.search("title habeas", "en"))


hostile_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.text(alphabet=st.sampled_from(list("\x00\x07\x1f\x7f\x85 \t\n\"'*?~^:()[]{}\\!+-&|<>/")), max_size=100),
    st.lists(
        st.sampled_from(["AND", "OR", "NOT", "*", '"', "title:", "body:", "habeas", "detención", "287(g)", "la migra"]),
        max_size=20,
    ).map(" ".join),
    st.tuples(st.text(min_size=1, max_size=12), st.integers(1, 10_000)).map(lambda t: (t[0] * t[1])[:10_000]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=hostile_text,
    lang=st.sampled_from(["en", "es", None]),
    as_you_type=st.booleans(),
    limit=st.integers(-5, 500),
)
def test_hostile_query_fuzzing(fixture_engine, text, lang, as_you_type, limit):
    check_search(fixture_engine, text, lang, as_you_type, limit)


def test_detainer_is_not_stemmed_into_detained():
    from guide_app.search.analysis import stem

    assert stem("detainer", "en") == stem("detainers", "en") == "detainer"
    assert stem("detained", "en") != stem("detainer", "en")


# -- the engine's own scoring -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "lang"),
    [("habeas corpus", "en"), ("la migra", "es"), ("judge lawyer detention", "en"), ("derecho silencio", "es")],
)
def test_cached_scores_are_whooshs_own(fixture_engine, query, lang):
    """Sections are ranked from cached postings scored by Whoosh's BM25F: the same scores as Whoosh's search."""
    parsed = parse(query, lang, fixture_engine.library.synonyms)
    index = fixture_engine._langs[lang]
    expected = {hit.docnum: hit.score for hit in index.searcher.search(to_whoosh(parsed), limit=None)}
    got: dict[int, float] = {}
    for term, weight in [(t, 1.0) for t in parsed.terms] + [(t, SYNONYM_BOOST) for t in parsed.extra_terms]:
        for d, s in zip(*index.term_scores(term), strict=True):
            got[d] = got.get(d, 0.0) + s * weight
    assert expected
    assert set(got) == set(expected)
    for d, score in expected.items():
        assert got[d] == pytest.approx(score, rel=1e-9)


def test_should_stop_cancels_at_once(fixture_engine):
    calls = []

    def stop() -> bool:
        calls.append(1)
        return True

    response = fixture_engine.search("habeas corpus lawyer", "en", should_stop=stop)
    assert response.cancelled and response.results == () and calls
    assert not fixture_engine.search("habeas corpus lawyer", "en", should_stop=lambda: False).cancelled


def test_results_carry_their_kind_and_own_id(fixture_engine):
    response = fixture_engine.search("detainer hearing", "en")
    assert all(r.kind == "article" and ":" not in r.id for r in response.results)
    assert response.card is not None and response.card.kind in ("glossary", "resource")
    assert response.as_json()["card"]["kind"] == response.card.kind


# -- highlighting in an opened article ---------------------------------------------------------------------


def test_287g_is_highlighted_in_an_opened_article():
    from guide_app.render.html import Highlight, highlight_html

    for query in ("287(g)", "287g", "what is 287 (g)"):
        marks = Highlight(tuple(highlight_terms(query, "en")), lambda word: stem(word, "en"))
        out = highlight_html("<p>Section 287(g) of the law, or 287g for short.</p>", marks)
        if query != "what is 287 (g)":
            assert ">287(g)</span>" in out and ">287g</span>" in out, out


def test_the_renderer_splits_words_as_the_index_does():
    from guide_app.render import html as render_html
    from guide_app.search.analysis import _normal_token

    for text in ("Section 287(g) and I-247A forms", "ICE's agents, U.S. citizens", "Detención — ¿qué hago?"):
        assert [_normal_token(m.group(0)) for m in render_html._WORD.finditer(text)] == words(text)


def test_cached_scores_are_bit_for_bit_whooshs_scorer(fixture_engine):
    index = fixture_engine._langs["en"]
    for name in ("title", "heading", "body"):
        for term in ("habea", "judg", "detent", "lawyer"):
            ids, scores = index.postings(name, term)
            if not ids:
                continue
            scorer = index.weighting.scorer(index.searcher, name, term)
            matcher = index.searcher.postings(name, term)
            expected = []
            while matcher.is_active():
                expected.append((matcher.id(), scorer.score(matcher)))
                matcher.next()
            assert list(zip(ids, scores, strict=True)) == expected


def test_a_resource_card_is_titled_in_the_search_language(fixture_engine):
    spanish = fixture_engine.search("estado del caso", "es").card
    assert spanish and spanish.id == "eoir-case-status"
    assert spanish.title == "Estado del caso en la corte de inmigración (EOIR)"
    assert fixture_engine.search("eoir", "es").card.title == spanish.title
    assert fixture_engine.search("case status", "en").card.title == "Immigration court case status (EOIR)"
