"""Search quality over the SHIPPED content (content/): the questions people ask, in everyday words, find the
right article among the first three results (everything the results list shows counts, glossary terms and
resources included). At least one English and one Spanish question per article, plus the accent, typo,
everyday-words and other-language cases from the search issue. The index is built once per module.
"""

from __future__ import annotations

import pytest

from conftest import REPO
from guide_app.guide import load_guide
from guide_app.search.analysis import stem, words
from guide_app.search.query import parse

CONTENT = REPO / "content"
TOP = 3

# (question as people type it, the articles that answer it)
ENGLISH = [
    ("what is 287g", ["what-is-287g"]),
    ("can local police deport me", ["what-is-287g"]),
    ("what can 287g officers do", ["what-is-287g"]),
    ("different kinds of 287g", ["287g-models"]),
    ("287g task force model", ["287g-models"]),
    ("warrant service officer program", ["287g-models"]),
    ("is my county in 287g", ["is-my-county-in-287g"]),
    ("does my sheriff work with ice", ["is-my-county-in-287g"]),
    ("list of counties with 287g agreements", ["is-my-county-in-287g"]),
    ("how much does 287g cost taxpayers", ["287g-costs"]),
    ("who pays for 287g", ["287g-costs"]),
    ("how do we end 287g in our county", ["changing-287g-agreements"]),
    ("can our sheriff cancel the ice agreement", ["changing-287g-agreements"]),
    ("get records from the sheriff about ice", ["public-records-foia"]),
    ("foia request for 287g documents", ["public-records-foia"]),
    ("is racial profiling illegal", ["racial-profiling-law"]),
    (
        "is it legal for police to stop me for being hispanic",
        ["racial-profiling-law", "profiled-during-a-stop", "stopped-on-the-street"],
    ),
    ("cop stopped me because im latino", ["profiled-during-a-stop"]),
    ("what to do if a cop profiles me", ["profiled-during-a-stop"]),
    ("how to report racial profiling", ["documenting-profiling"]),
    (
        "should i record the police on my phone",
        ["documenting-profiling", "profiled-during-a-stop", "stopped-on-the-street"],
    ),
    ("police stopped me walking down the street", ["stopped-on-the-street"]),
    ("can police ask where I was born", ["stopped-on-the-street", "right-to-remain-silent"]),
    ("pulled over with no license", ["stopped-while-driving"]),
    ("can cops search my car", ["stopped-while-driving"]),
    ("do I have to answer questions", ["right-to-remain-silent"]),
    ("can I lie about my status", ["right-to-remain-silent"]),
    ("do i have to carry my green card", ["right-to-remain-silent"]),
    ("ice knocking on my door", ["ice-at-your-home"]),
    ("do i have to open the door", ["ice-at-your-home"]),
    ("ice warrant vs judge warrant", ["ice-at-your-home"]),
    ("can ice come into my house without a warrant", ["ice-at-your-home"]),
    ("arrested and in jail with an ice hold", ["arrested-or-in-jail"]),
    ("how long can the jail hold me for ice", ["arrested-or-in-jail"]),
    ("what is a detainer", ["arrested-or-in-jail"]),
    ("my husband was picked up by ice", ["loved-one-detained"]),
    ("find someone in ice detention", ["loved-one-detained"]),
    ("my wife is in ice custody", ["loved-one-detained"]),
    ("they want me to sign papers", ["never-sign-papers"]),
    ("should i sign voluntary departure", ["never-sign-papers", "stopping-a-deportation"]),
    ("what happens to my kids if I get deported", ["family-safety-plan"]),
    ("who will take care of my children if ice takes me", ["family-safety-plan"]),
    ("need a lawyer but can't afford one", ["finding-legal-help"]),
    ("notario fraud", ["finding-legal-help"]),
    ("free immigration lawyer", ["finding-legal-help"]),
    ("cheap immigration lawyer", ["finding-legal-help"]),
    ("mandamus stop deportation", ["writ-of-mandamus", "stopping-a-deportation"]),
    ("my case is stuck for years", ["writ-of-mandamus"]),
    ("green card application delayed for years", ["writ-of-mandamus"]),
    ("can a judge stop my deportation", ["stopping-a-deportation"]),
    ("appeal deportation order", ["stopping-a-deportation"]),
    ("challenge detention in federal court", ["habeas-corpus"]),
    ("habeus corpus", ["habeas-corpus"]),
    ("get out of detention on bail", ["bond"]),
    ("bond hearing denied", ["bond"]),
    ("sue the sheriff", ["civil-rights-lawsuits"]),
    ("sue ice for damages", ["civil-rights-lawsuits"]),
    ("class action lawsuit against sheriff", ["injunctions-and-class-actions"]),
    ("court order to stop police from profiling", ["injunctions-and-class-actions"]),
    ("file a complaint against ice officer", ["oversight-complaints"]),
    ("report abuse by ice", ["oversight-complaints"]),
    ("ice raid at my job", ["ice-at-work"]),
    ("can ice come into my workplace", ["ice-at-work"]),
    ("i missed my immigration court date", ["court-and-check-ins"]),
    ("should i go to my ice check in", ["court-and-check-ins"]),
    ("change of address immigration court", ["court-and-check-ins"]),
    ("green card holder traveling abroad", ["if-you-have-papers"]),
    ("should i sign form i-407", ["if-you-have-papers", "never-sign-papers"]),
    ("do i have to show my papers to immigration", ["if-you-have-papers", "right-to-remain-silent"]),
    ("deported without seeing a judge", ["removal-without-a-judge"]),
    ("deported before and came back", ["removal-without-a-judge"]),
]

SPANISH = [
    ("que es 287g", ["what-is-287g"]),
    ("la policia local me puede deportar", ["what-is-287g"]),
    ("tipos de acuerdos 287g", ["287g-models"]),
    ("mi condado tiene 287g", ["is-my-county-in-287g"]),
    ("cuanto cuesta el 287g", ["287g-costs"]),
    ("como terminar el acuerdo 287g", ["changing-287g-agreements"]),
    ("pedir registros publicos del sheriff", ["public-records-foia"]),
    ("el perfil racial es ilegal", ["racial-profiling-law"]),
    ("me pararon por ser latino", ["profiled-during-a-stop"]),
    ("como denunciar perfil racial", ["documenting-profiling"]),
    ("la policia me paro en la calle", ["stopped-on-the-street"]),
    ("me paro la policia manejando", ["stopped-while-driving"]),
    ("pueden revisar mi carro", ["stopped-while-driving"]),
    ("tengo que contestar preguntas", ["right-to-remain-silent"]),
    ("la migra en mi casa", ["ice-at-your-home"]),
    ("me arrestaron y estoy en la carcel", ["arrested-or-in-jail"]),
    ("orden de retencion", ["arrested-or-in-jail"]),
    ("se llevaron a mi esposo", ["loved-one-detained"]),
    ("no firme papeles", ["never-sign-papers"]),
    ("plan para mis hijos si me deportan", ["family-safety-plan"]),
    ("abogado gratis", ["finding-legal-help"]),
    ("fraude de notarios", ["finding-legal-help"]),
    ("mandamus para parar la deportacion", ["writ-of-mandamus", "stopping-a-deportation"]),
    ("como parar una deportacion", ["stopping-a-deportation"]),
    ("habeas corpus", ["habeas-corpus"]),
    ("sacarlo de detencion con fianza", ["bond"]),
    ("demandar a la policia", ["civil-rights-lawsuits"]),
    ("demanda colectiva contra el sheriff", ["injunctions-and-class-actions"]),
    ("queja contra un agente de ice", ["oversight-complaints"]),
    ("me agarraron en una redada en el trabajo", ["ice-at-work"]),
    ("tengo cita en la corte de inmigracion y tengo miedo de ir", ["court-and-check-ins"]),
    ("falte a mi corte de inmigracion", ["court-and-check-ins"]),
    ("viajar con green card", ["if-you-have-papers"]),
    ("deportacion sin juez", ["removal-without-a-judge"]),
    ("me deportaron antes y regrese", ["removal-without-a-judge"]),
]


@pytest.fixture(scope="module")
def guide():
    return load_guide(CONTENT, [])


@pytest.fixture(scope="module")
def engine(guide, tmp_path_factory):
    opened = guide.open_search(cache=tmp_path_factory.mktemp("quality-cache"))
    yield opened
    opened.close()


def ids(response) -> list[str]:
    return [r.id for r in response.results]


def assert_in_top(engine, query: str, lang: str, expected: list[str], top: int = TOP) -> None:
    found = ids(engine.search(query, lang))
    assert set(found[:top]) & set(expected), f"{query!r} ({lang}): expected one of {expected} in {found[: top + 3]}"


def test_every_article_has_a_question_in_each_language(guide):
    article_ids = {aid for (_, aid) in guide.library.articles}
    for questions in (ENGLISH, SPANISH):
        covered = {aid for _, expected in questions for aid in expected}
        assert article_ids <= covered, sorted(article_ids - covered)


@pytest.mark.parametrize(("query", "expected"), ENGLISH, ids=[q for q, _ in ENGLISH])
def test_english_questions_find_the_right_article(engine, query, expected):
    assert_in_top(engine, query, "en", expected)


@pytest.mark.parametrize(("query", "expected"), SPANISH, ids=[q for q, _ in SPANISH])
def test_spanish_questions_find_the_right_article(engine, query, expected):
    assert_in_top(engine, query, "es", expected)


# -- the issue's own examples ------------------------------------------------------------------------------


def test_la_migra_en_mi_casa_puts_the_home_article_first(engine):
    for query in ("la migra en mi casa", "La Migra en mi casa", "migra tocando la puerta de mi casa"):
        assert ids(engine.search(query, "es"))[0] == "ice-at-your-home", query


def test_deportacion_without_the_accent_finds_results(engine):
    plain, accented = engine.search("deportacion", "es"), engine.search("deportación", "es")
    assert ids(plain) and ids(plain) == ids(accented)
    assert "stopping-a-deportation" in ids(plain)[:TOP]
    assert plain.suggestion is None


@pytest.mark.parametrize(("typo", "fixed"), [("abogadoo", "abogado"), ("silenico", "silencio")])
def test_spanish_typos_get_a_suggestion(engine, typo, fixed):
    response = engine.search(typo, "es")
    assert response.suggestion == fixed
    assert ids(engine.search(response.suggestion, "es"))  # and the suggestion itself finds articles


def test_english_typos_get_a_suggestion(engine):
    assert engine.search("polise", "en").suggestion == "police"


# -- everyday words ------------------------------------------------------------------------------------------


def extra(guide, text: str, lang: str) -> list[str]:
    return parse(text, lang, guide.library.synonyms).extra_terms


def test_la_migra_means_ice(guide, engine):
    assert stem("ICE", "es") in extra(guide, "la migra", "es")
    assert stem("ICE", "en") in extra(guide, "la migra", "en")  # English speakers say it too
    assert "ice-at-your-home" in ids(engine.search("la migra at my door", "en"))[:TOP]


def test_cops_means_police(guide, engine):
    assert stem("police", "en") in extra(guide, "cops", "en")
    assert stem("police", "en") not in parse("cops", "en").extra_terms  # the map is what makes it work
    found = ids(engine.search("cops", "en"))[:TOP]
    assert {"stopped-on-the-street", "stopped-while-driving"} & set(found), found


def test_papeles_means_documentos(guide, engine):
    assert stem("documentos", "es") in extra(guide, "papeles", "es")
    assert "right-to-remain-silent" in ids(engine.search("tengo que llevar mis papeles", "es"))
    assert_in_top(engine, "tengo que llevar mis papeles", "es", ["right-to-remain-silent", "never-sign-papers"])


@pytest.mark.parametrize(("query", "lang"), [("ice hold", "en"), ("hold de ice", "es")])
def test_hold_means_detainer(guide, engine, query, lang):
    assert stem("detainer", lang) in extra(guide, query, lang)
    found = ids(engine.search(query, lang))
    assert "arrested-or-in-jail" in found[:TOP], found  # articles first: plain answers before definitions
    card = engine.search(query, lang).card  # one definition, shown apart from the articles
    assert card is not None and card.target == ("glossary", "detainer"), card


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("do i have to carry my green card", "en", "right-to-remain-silent"),
        ("tengo que llevar la mica", "es", "right-to-remain-silent"),
        ("green card", "es", "right-to-remain-silent"),
    ],
)
def test_green_card(guide, engine, query, lang, expected):
    assert stem("residencia", "es") in extra(guide, "mica", "es")
    assert_in_top(engine, query, lang, [expected])


@pytest.mark.parametrize("query", ["me paró la policía", "me paro la policia", "ME PARÓ LA POLICÍA"])
def test_me_paro(guide, engine, query):
    parsed = parse(query, "es", guide.library.synonyms)
    assert stem("parada", "es") in parsed.terms + parsed.extra_terms
    assert stem("detención", "es") in parsed.extra_terms
    found = ids(engine.search(query, "es"))[:TOP]
    assert {"stopped-on-the-street", "stopped-while-driving", "profiled-during-a-stop"} & set(found), found


def test_every_synonym_addition_is_a_word_the_guide_uses(guide, engine):
    """An everyday word that maps to words no article uses cannot help anyone find anything."""
    unknown = []
    for rule in guide.library.synonyms:
        reader = engine._langs[rule.lang].reader
        for phrase in rule.add:
            terms = [t for t in (stem(word, rule.lang) for word in words(phrase)) if t]
            if not all(any(reader.doc_frequency(name, t) for name in ("title", "heading", "body")) for t in terms):
                unknown.append((rule.lang, phrase))
    assert unknown == []


# -- the other language --------------------------------------------------------------------------------------


def test_a_spanish_search_that_only_matches_english_is_offered_in_english(engine):
    response = engine.search("knocking on my door", "es")
    assert response.results == ()
    assert response.other_lang_results and all(r.lang == "en" for r in response.other_lang_results)
    assert response.other_lang_results[0].id == "ice-at-your-home"
    assert {r["lang"] for r in response.as_json()["results"]} == {"en"}
    assert response.suggestion is None  # English words are not "corrected" into Spanish ones


def test_an_english_search_in_spanish_words_is_offered_in_spanish(engine):
    response = engine.search("abogado", "en")
    assert response.results == ()
    assert [r.lang for r in response.other_lang_results][:1] == ["es"]
    assert response.other_lang_results[0].id == "finding-legal-help"


def test_no_fallback_when_the_language_has_its_own_results(engine):
    response = engine.search("la migra", "es")
    assert response.results and response.other_lang_results == ()


# -- search as you type ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "lang", "expected"),
    [
        ("ice at my do", "en", "ice-at-your-home"),
        ("habeas cor", "en", "habeas-corpus"),
        ("derecho a guardar sil", "es", "right-to-remain-silent"),
        ("la migra en mi ca", "es", "ice-at-your-home"),
    ],
)
def test_search_as_you_type_finds_the_article_early(engine, typed, lang, expected):
    found = ids(engine.search(typed, lang, as_you_type=True))[:TOP]
    assert expected in found, found


# -- query understanding (issue 16) ---------------------------------------------------------------------------


def test_a_long_question_keeps_its_key_words(engine):
    """The word cap counts content words: stop words in a long question do not push the key words out."""
    question = "what do i do if they are at the door of my house and i am not sure if i have to let ice in"
    parsed = parse(question, "en", engine.library.synonyms)
    assert stem("ice", "en") in parsed.terms
    assert "ice-at-your-home" in ids(engine.search(question, "en"))[:TOP]


@pytest.mark.parametrize(("typed", "fixed", "expected"), [("habeus corpis", "habeas corpus", "habeas-corpus")])
def test_a_misspelled_question_is_corrected_and_searched(engine, typed, fixed, expected):
    response = engine.search(typed, "en")
    assert response.corrected == fixed
    assert response.results and response.results[0].id == expected
    assert engine.search(typed, "en", correct=False).corrected is None


@pytest.mark.parametrize(
    ("typed", "lang"), [("xqzv", "en"), ("daca", "en"), ("chota", "es"), ("migra", "en"), ("abril", "es")]
)
def test_no_implausible_corrections(engine, typed, lang):
    assert engine.search(typed, lang).corrected is None


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("how do i apply for daca", "en"),
        ("como pedir asilo politico", "es"),
        # a family word inside a not-covered phrase is a family petition, not a detention
        ("como pedir a mi esposa para la residencia", "es"),
        ("petition for my wife green card", "en"),
    ],
)
def test_questions_the_guide_does_not_cover_get_legal_help_first(engine, query, lang):
    response = engine.search(query, lang)
    assert response.out_of_scope
    assert response.results[0].id == "finding-legal-help"


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("my work permit case is stuck for years", "en"),
        ("la migra en mi casa", "es"),
        ("detuvieron a mi esposa", "es"),
        ("ice took my wife", "en"),
    ],
)
def test_covered_questions_are_not_out_of_scope(engine, query, lang):
    assert not engine.search(query, lang).out_of_scope


def test_english_words_in_a_spanish_question_take_the_spanish_rules(guide, engine):
    """An English "lawyer" is put into Spanish ("abogado"), and what Spanish says about "abogado" applies."""
    added = extra(guide, "necesito un lawyer", "es")
    assert stem("abogado", "es") in added
    assert stem("acreditado", "es") in added  # from the Spanish rule for "abogado", not the mixed-words one
    assert stem("acreditado", "es") not in extra(guide, "necesito un", "es")
    assert ids(engine.search("necesito un lawyer", "es"))[0] == "finding-legal-help"


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("cuanto cuesta la fianza", "es", "bond"),  # "cuánto" is a question word, like "cómo"
        ("cuánto le cuesta al condado el 287g", "es", "287g-costs"),
        ("how much does 287g cost our county", "en", "287g-costs"),
        ("how much is bond", "en", "bond"),
    ],
)
def test_cost_questions_go_to_their_own_subject(engine, query, lang, expected):
    assert ids(engine.search(query, lang))[0] == expected


def test_casa_is_not_caso():
    assert stem("casa", "es") != stem("caso", "es")
    assert stem("casas", "es") == stem("casa", "es") and stem("casos", "es") == stem("caso", "es")


def test_a_spanish_question_in_the_english_window_is_detected(engine):
    response = engine.search("la migra esta en mi puerta", "en")
    assert response.detected_lang == "es"
    assert response.shown()[0].lang == "es" and response.shown()[0].id == "ice-at-your-home"


def test_at_most_one_card_and_it_is_apart(engine):
    response = engine.search("expedited removal", "en")
    assert all(r.kind == "article" for r in response.results)
    assert response.card is None or response.card.kind in ("glossary", "resource")


def test_words_side_by_side_in_a_heading_count_as_a_phrase(engine):
    """ "warrant" alone leans to the home article; "warrant service officer" is the 287(g) model's name."""
    index = engine._langs["en"]
    docs = [d for d in range(index.count) if index.stored(d).get("article_id") == "287g-models"]
    pairs = set().union(*(index.heading_pairs(d) for d in docs))
    assert (stem("warrant", "en"), stem("service", "en")) in pairs
    assert ids(engine.search("warrant service officer what is that", "en"))[0] == "287g-models"
