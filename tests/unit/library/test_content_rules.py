"""The content rules, run by `guide-app check` (guide_app/library/rules.py, check.py), over the SHIPPED content
(content/) and over broken copies that prove each rule can fail.

Shipped content: every article passes the checker (sources, reviewed date, the not-legal-advice note and the
link to finding-legal-help in the last section, reading levels, translation parity, no known wrong claim,
the one signing rule, the Spanish term list), in both languages. Broken copies: each rule reports a problem
with the file and line, for built-in content and for a community center's local pack alike.
"""

from __future__ import annotations

import re
import shutil
import statistics
from pathlib import Path

import pytest

from conftest import REPO
from guide_app.library import claim_patterns, readability, rules, term_list
from guide_app.library.check import check
from guide_app.library.loader import load_library

CONTENT = REPO / "content"

# The 25 articles of the first content brief and the 4 of issue 15 part 4; each exists in English and
# Spanish (more may be added).
ARTICLE_IDS = (
    "287g-costs",
    "287g-models",
    "arrested-or-in-jail",
    "bond",
    "changing-287g-agreements",
    "civil-rights-lawsuits",
    "court-and-check-ins",
    "documenting-profiling",
    "family-safety-plan",
    "finding-legal-help",
    "habeas-corpus",
    "ice-at-work",
    "ice-at-your-home",
    "if-you-have-papers",
    "injunctions-and-class-actions",
    "is-my-county-in-287g",
    "loved-one-detained",
    "never-sign-papers",
    "oversight-complaints",
    "profiled-during-a-stop",
    "public-records-foia",
    "racial-profiling-law",
    "removal-without-a-judge",
    "right-to-remain-silent",
    "stopped-on-the-street",
    "stopped-while-driving",
    "stopping-a-deportation",
    "what-is-287g",
    "writ-of-mandamus",
)


@pytest.fixture(scope="module")
def shipped():
    return load_library(CONTENT, [])


@pytest.fixture(scope="module")
def report(shipped):
    return check(shipped)


# -- the shipped content ---------------------------------------------------------------------------------


def test_shipped_content_passes_the_checker(report, shipped):
    assert report.ok, "\n".join(str(p) for p in report.problems)
    assert len(report.grades) == len(shipped.library.articles)


def test_the_same_articles_exist_in_both_languages(shipped):
    by_lang = {lang: {aid for (lng, aid) in shipped.library.articles if lng == lang} for lang in ("en", "es")}
    assert by_lang["en"] == by_lang["es"] >= set(ARTICLE_IDS)


def test_translations_share_reviewed_dates(shipped):
    library = shipped.library
    differ = {
        aid: (en.reviewed, library.article(aid, "es").reviewed)
        for (lang, aid), en in library.articles.items()
        if lang == "en" and library.article(aid, "es") and library.article(aid, "es").reviewed != en.reviewed
    }
    assert differ == {}


def test_reading_levels(report):
    english = {g.article.id: g.value for g in report.grades if g.article.lang == "en"}
    spanish = {g.article.id: g.value for g in report.grades if g.article.lang == "es"}
    assert set(english) == set(spanish) >= set(ARTICLE_IDS)
    assert {k: v for k, v in english.items() if v > readability.EN_MAX_GRADE} == {}
    assert statistics.median(english.values()) <= readability.EN_MAX_MEDIAN_GRADE
    assert {k: v for k, v in spanish.items() if v < readability.ES_MIN_FERNANDEZ_HUERTA} == {}
    # The limits themselves are the ones agreed in the content issues.
    assert (readability.EN_MAX_GRADE, readability.EN_MAX_MEDIAN_GRADE) == (9.0, 7.0)
    assert readability.ES_MIN_FERNANDEZ_HUERTA == 70.0


def test_the_card_leads_with_the_door_and_states_the_signing_rule(shipped):
    card = shipped.library.card
    assert "door" in card["en"]["lead"] and "window" in card["en"]["lead"]
    assert "puerta" in card["es"]["lead"] and "ventana" in card["es"]["lead"]
    assert any("judge" in line for line in card["en"]["lines"])
    assert any("sign" in line and "lawyer" in line for line in card["en"]["lines"])
    assert "Am I free to go?" in card["en"]["note"] and "registration" in card["en"]["note"]
    assert not any("registro" in line for line in [*card["es"]["lines"], card["es"]["note"], card["es"]["lead"]])


def test_the_spanish_term_list_is_loaded_and_every_rule_can_fire():
    problems = []
    terms = term_list.load_terms(CONTENT / "terms-es.yaml", problems)
    assert problems == []
    ids = {t.id for t in terms}
    assert {"search", "vehicle-registration", "sheriff", "relief", "i-205", "final-order"} <= ids
    for term in terms:
        for avoid in term.avoid:
            assert rules.term_hits(avoid.example, [term]), (term.id, avoid.example)


# -- broken copies: every rule can fail -----------------------------------------------------------------


@pytest.fixture
def broken_copy(tmp_path) -> Path:
    return Path(shutil.copytree(CONTENT, tmp_path / "content"))


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_for(report, path: Path) -> list[str]:
    return [f"{p.line}: {p.message}" for p in report.problems if p.path == str(path)]


def test_broken_copy_without_the_note_is_reported(broken_copy):
    en = broken_copy / "en" / "bond.md"
    es = broken_copy / "es" / "bond.md"
    replace_once(en, "This is general information, not legal advice.", "This is general information.")
    replace_once(es, "Esta información es general y no es asesoría legal.", "Esta información es general.")
    report = check(load_library(broken_copy, []))
    assert any("not legal advice" in m for m in problems_for(report, en))
    assert any("no es asesoría legal" in m for m in problems_for(report, es))


def test_broken_copy_with_empty_sources_is_reported(broken_copy):
    path = broken_copy / "en" / "habeas-corpus.md"
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    front = re.sub(r"sources:\n(?:  .*\n?)+", "sources: []\n", front + "\n").rstrip("\n")
    path.write_text(f"{front}\n---\n{body}", encoding="utf-8")
    report = check(load_library(broken_copy, []))
    assert any("sources" in m for m in problems_for(report, path)), problems_for(report, path)


def test_broken_copy_with_a_broken_link_is_reported(broken_copy):
    path = broken_copy / "es" / "writ-of-mandamus.md"
    replace_once(path, "(article:finding-legal-help)", "(article:finding-legal-hlep)")
    messages = problems_for(check(load_library(broken_copy, [])), path)
    assert any("finding-legal-hlep" in m for m in messages), messages
    assert any("finding-legal-help" in m for m in messages), messages  # the note lost its link too


def test_broken_copy_without_a_translation_is_reported(broken_copy):
    (broken_copy / "es" / "bond.md").unlink()
    report = check(load_library(broken_copy, []))
    assert any("no es translation" in p.message for p in report.problems)


def test_broken_copy_with_a_translation_that_drifted_is_reported(broken_copy):
    path = broken_copy / "es" / "bond.md"
    replace_once(path, "topics: [detention, remedies]", "topics: [detention]")
    messages = problems_for(check(load_library(broken_copy, [])), path)
    assert any("topics" in m for m in messages), messages


def test_broken_copy_whose_last_section_is_not_get_real_help_is_reported(broken_copy):
    path = broken_copy / "en" / "bond.md"
    replace_once(path, "## Get real help", "## More")
    messages = problems_for(check(load_library(broken_copy, [])), path)
    assert any("last section must be '## Get real help'" in m for m in messages), messages


def test_broken_copy_with_a_wrong_claim_is_reported_at_its_line(broken_copy):
    path = broken_copy / "en" / "writ-of-mandamus.md"
    replace_once(path, "## Get real help\n", "A mandamus petition can stop your deportation.\n\n## Get real help\n")
    line = path.read_text(encoding="utf-8").splitlines().index("A mandamus petition can stop your deportation.") + 1
    messages = problems_for(check(load_library(broken_copy, [])), path)
    assert f"{line}: repeats a known wrong claim (mandamus-stops-deportation): " in " ".join(messages), messages


def test_broken_copy_with_the_weak_signing_rule_is_reported_everywhere(broken_copy):
    article = broken_copy / "es" / "bond.md"
    replace_once(article, "## Dónde buscar ayuda\n", "No firme papeles que no entienda.\n\n## Dónde buscar ayuda\n")
    flow = broken_copy / "flows" / "someone-at-my-door.yaml"
    text = flow.read_text(encoding="utf-8")
    flow.write_text(text.replace("before you talk to a lawyer.", "you do not understand.", 1), encoding="utf-8")
    glossary = broken_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace('definition: "', "definition: \"Never sign papers you don't understand. ", 1))
    card = broken_copy / "card.yaml"
    replace_once(
        card, '"I will not sign immigration papers without a lawyer."', '"I will not sign what I do not understand."'
    )
    report = check(load_library(broken_copy, []))
    for path in (article, flow, glossary, card):
        assert any("weak signing rule" in m for m in problems_for(report, path)), (path, problems_for(report, path))


def test_broken_copy_with_a_ruled_out_spanish_term_is_reported(broken_copy):
    path = broken_copy / "es" / "stopped-while-driving.md"
    replace_once(path, "## Dónde buscar ayuda\n", "Muestre el registro del vehículo.\n\n## Dónde buscar ayuda\n")
    line = path.read_text(encoding="utf-8").splitlines().index("Muestre el registro del vehículo.") + 1
    messages = problems_for(check(load_library(broken_copy, [])), path)
    assert any(m.startswith(f"{line}: Spanish term 'vehicle-registration'") for m in messages), messages


def test_a_term_rule_that_misses_its_own_example_is_reported(tmp_path):
    path = tmp_path / "terms-es.yaml"
    path.write_text(
        '- id: sheriff\n  use: "el sheriff"\n  avoid:\n'
        '    - pattern: "\\\\balguacil\\\\b"\n      example: "el sheriff"\n',
        encoding="utf-8",
    )
    problems = []
    assert term_list.load_terms(path, problems)[0].avoid == ()
    assert [p.message for p in problems] == ["term 'sheriff': pattern '\\\\balguacil\\\\b' misses its example"]


def test_a_local_pack_gets_the_same_rules(tmp_path):
    pack = tmp_path / "center"
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "our-clinic.md").write_text(
        "---\nid: our-clinic\ntitle: Our clinic\nsummary: Free help on Tuesdays.\ntopics: [community]\n"
        "reviewed: 2026-11-01\nsources:\n  - title: Our clinic\n    url: https://example.org\n---\n"
        "Come on Tuesdays. Do not sign papers you do not understand. A mandamus can stop your deportation.\n\n"
        "## Get real help\n\nThis is general information, not legal advice. "
        "[How to find help](article:finding-legal-help).\n",
        encoding="utf-8",
    )
    report = check(load_library(CONTENT, [pack]))
    messages = problems_for(report, pack / "en" / "our-clinic.md")
    assert any("weak signing rule" in m for m in messages), messages
    assert any("mandamus-stops-deportation" in m for m in messages), messages


# -- the rule patterns themselves (fact sheet, section 6; the signing rule) ---------------------------------


def test_every_claim_pattern_has_examples_in_both_languages():
    keys = {}
    for key, lang, *_ in claim_patterns.WRONG_CLAIMS:
        keys.setdefault(key, set()).add(lang)
    assert all(langs == {"en", "es"} for langs in keys.values()), keys
    assert len(keys) >= 18  # section 6 lists 20 claims; 3 and 4 share one pattern, 2 stands alone


@pytest.mark.parametrize(
    ("key", "lang", "wrong", "denial"),
    [(key, lang, wrong, denial) for key, lang, _, wrong, denial in claim_patterns.WRONG_CLAIMS],
    ids=[f"{key}-{lang}" for key, lang, *_ in claim_patterns.WRONG_CLAIMS],
)
def test_claim_pattern_catches_the_wrong_sentence_and_not_the_denial(key, lang, wrong, denial):
    assert key in [k for k, _ in rules.claims_in(wrong, lang)], f"{key} should flag: {wrong}"
    assert rules.claims_in(denial, lang) == [], f"nothing should flag the denial: {denial}"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Can a writ of mandamus stop a deportation? No. There are two main reasons."),
        ("en", "## Is it true that 287(g) costs nothing, or that it ruins counties?"),
        ("en", "Everyone detained gets a bond hearing? Not anymore."),
        ("es", "¿Puede un mandamus frenar una deportación? No."),
        ("es", "## ¿Es verdad que el 287(g) no cuesta nada, o que arruina a los condados?"),
        ("es", "Un mandamus (writ of mandamus) no puede obligar a ICE ni a un alguacil a terminar un acuerdo."),
        ("en", "Mandamus can only push an agency to make a decision. It is not a way to stop a deportation."),
    ],
)
def test_questions_and_denials_are_not_claims(lang, text):
    assert rules.claims_in(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "quoted", "claimed"),
    [
        (
            "en",
            'Both of these common claims are wrong: "287(g) officers can be sued like any local officer."',
            "287(g) officers can be sued like any local officer.",
        ),
        (
            "es",
            'Estas ideas están mal: "a los agentes 287(g) se les demanda igual que a cualquier policía".',
            "A los agentes 287(g) se les demanda igual que a cualquier policía.",
        ),
    ],
)
def test_a_myth_quoted_to_call_it_wrong_is_not_a_claim_but_the_bare_claim_is(lang, quoted, claimed):
    assert rules.claims_in(quoted, lang) == []
    assert [k for k, _ in rules.claims_in(claimed, lang)] == ["287g-suits"]


@pytest.mark.parametrize(
    ("lang", "weak", "rule"), [(lang, weak, rule) for lang, _, weak, rule in claim_patterns.WEAK_SIGNING]
)
def test_weak_signing_pattern_catches_the_weak_rule_and_not_the_guides_rule(lang, weak, rule):
    assert rules.weak_signing_in(weak, lang) == [weak.lower()]
    assert rules.weak_signing_in(rule, lang) == []
    assert rules.weak_signing_in(claim_patterns.SIGNING_RULE[lang], lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Read why you should never sign papers you don't understand."),
        ("en", "Tell the person not to sign any paper they do not understand."),
        ("es", "Dígale que no firme ningún papel que no entienda."),
        ("es", "Lea por qué nunca debe firmar papeles que no entiende."),
    ],
)
def test_weak_signing_variants_are_caught(lang, text):
    assert rules.weak_signing_in(text, lang) != []
