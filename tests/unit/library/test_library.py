"""Content loading and validation: every kind of problem is reported as file:line, and one broken file
never stops the others from loading. Also section splitting and reading levels (with sockets disabled)."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT, REPO
from guide_app.library import readability
from guide_app.library.check import check
from guide_app.library.loader import load_library
from guide_app.library.sections import split_sections

TODAY = dt.date(2026, 11, 22)
ARTICLE_COUNT = 6  # 3 articles x (en, es) in tests/fixtures/content


@pytest.fixture
def content(tmp_path) -> Path:
    """A private, writable copy of the fixture content."""
    return Path(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def load(folder: Path, local: list[Path] | None = None):
    return load_library(folder, local or [], today=TODAY)


def problems_in(result, path: Path) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in result.problems if p.path == str(path)]


def assert_problem(result, path: Path, line: int, *words: str) -> None:
    """A problem for ``path`` at ``line`` whose message has every one of ``words``; printed as file:line."""
    found = problems_in(result, path)
    matching = [(n, m) for n, m in found if n == line and all(w in m for w in words)]
    assert matching, f"expected {path}:{line} with {words}, got {found}"
    printed = [str(p) for p in result.problems if p.path == str(path) and p.line == line]
    assert any(s.startswith(f"{path}:{line}: ") for s in printed)


def assert_others_load(result, broken: tuple[str, str] | None = None) -> None:
    """Every fixture article except ``broken`` (lang, id) is still in the library."""
    expected = {
        (lang, aid) for lang in ("en", "es") for aid in ("finding-legal-help", "habeas-corpus", "remain-silent")
    }
    if broken:
        expected.discard(broken)
    assert expected <= set(result.library.articles)
    assert result.library.glossary and result.library.resources and result.library.synonyms and result.library.card


# -- the fixture itself ------------------------------------------------------------------------------


def test_fixture_content_loads_cleanly():
    result = load(FIXTURE_CONTENT)
    assert result.problems == ()
    assert len(result.library.articles) == ARTICLE_COUNT
    article = result.library.article("habeas-corpus", "en")
    assert article.title.startswith("Habeas corpus")
    assert article.topics == ("detention", "remedies")
    assert article.reviewed == dt.date(2026, 11, 1)
    assert article.related == ("remain-silent",)
    assert article.sources[0].url.startswith("https://")
    assert [s.heading for s in article.sections] == [
        "",
        "Who can file a habeas petition?",
        "How long does it take?",
        "Get real help",
    ]
    assert article.sections[1].line == 15  # sections keep their line in the file


def test_check_report_on_fixture_is_ok():
    report = check(load(FIXTURE_CONTENT))
    assert report.ok, [str(p) for p in report.problems]
    assert len(report.grades) == ARTICLE_COUNT


# -- each kind of problem, with its file and line --------------------------------------------------


def test_bad_yaml_reports_the_line_of_the_error(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "reviewed: 2026-11-01", "reviewed: 2026-11-01: oops")  # line 7
    result = load(content)
    assert_problem(result, path, 7, "not valid YAML")
    assert result.library.article("habeas-corpus", "en") is None
    assert_others_load(result, broken=("en", "habeas-corpus"))


def test_bad_yaml_in_an_unclosed_list_points_into_the_front_matter(content):
    path = content / "es" / "remain-silent.md"
    edit(path, "topics: [rights]", "topics: [rights\nreviewed2: x: y")  # list opened on line 5
    result = load(content)
    lines = [n for n, m in problems_in(result, path) if "not valid YAML" in m]
    assert lines and 5 <= lines[0] <= 7, problems_in(result, path)
    assert_others_load(result, broken=("es", "remain-silent"))


def test_no_front_matter_is_reported_on_line_1(content):
    path = content / "en" / "remain-silent.md"
    path.write_text("Just text, no front matter.\n", encoding="utf-8")
    result = load(content)
    assert_problem(result, path, 1, "---")
    assert_others_load(result, broken=("en", "remain-silent"))


def test_bad_yaml_in_a_data_file_is_reported_with_its_line(content):
    path = content / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "- id: broken\n  en: {term: x}: oops\n", encoding="utf-8")  # line 6
    result = load(content)
    assert_problem(result, path, 6, "not valid YAML")
    assert len(result.library.articles) == ARTICLE_COUNT  # articles are unaffected


def test_glossary_link_to_a_missing_article_points_at_the_term(content):
    path = content / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    extra = '- id: bond\n  en: {term: "Bond", definition: "Money."}\n  es: {term: "Fianza", definition: "Dinero."}\n'
    path.write_text(text + extra + "  article: no-such-article\n", encoding="utf-8")  # the term starts on line 5
    result = load(content)
    assert_problem(result, path, 5, "glossary 'bond' links to missing 'no-such-article'")


def test_missing_required_field(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "summary: >-\n  Habeas corpus is a court case that asks a judge if holding a person is legal.\n", "")
    result = load(content)
    assert_problem(result, path, 2, "missing required field 'summary'")
    assert_others_load(result)


def test_empty_required_field_is_reported_on_its_own_line(content):
    path = content / "en" / "remain-silent.md"
    edit(path, 'title: "The right to remain silent"', "title:")  # line 3
    result = load(content)
    assert_problem(result, path, 3, "missing required field 'title'")
    assert_others_load(result, broken=("en", "remain-silent"))


def test_unknown_topic(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "topics: [detention, remedies]", "topics: [detention, immigration]")  # line 6
    result = load(content)
    assert_problem(result, path, 6, "unknown topic 'immigration'")
    assert_others_load(result)


def test_unknown_field(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "related: [remain-silent]", "related: [remain-silent]\nauthor: someone")  # line 12
    result = load(content)
    assert_problem(result, path, 12, "unknown field 'author'")


def test_id_must_match_the_file_name(content):
    path = content / "en" / "remain-silent.md"
    edit(path, "id: remain-silent", "id: Remain_Silent")
    result = load(content)
    assert_problem(result, path, 2, "lower-case")
    assert_problem(result, path, 2, "must match the file name")


def test_duplicate_id_in_one_language(content):
    copy = content / "en" / "zz-remain-silent.md"  # sorts after remain-silent.md, so it is the duplicate
    shutil.copy(content / "en" / "remain-silent.md", copy)
    result = load(content)
    assert_problem(result, copy, 2, "duplicate id 'remain-silent' in en")
    assert result.library.article("remain-silent", "en").path == str(content / "en" / "remain-silent.md")
    # The same id in another language is a translation, not a duplicate.
    assert not [p for p in result.problems if "duplicate" in p.message and "/es/" in p.path]
    assert_others_load(result)


def test_duplicate_id_between_builtin_and_local_pack(content, tmp_path):
    pack = tmp_path / "pack"
    (pack / "en").mkdir(parents=True)
    shutil.copy(content / "en" / "remain-silent.md", pack / "en" / "remain-silent.md")
    result = load(content, [pack])
    assert_problem(result, pack / "en" / "remain-silent.md", 2, "duplicate id 'remain-silent'")
    kept = result.library.article("remain-silent", "en")
    assert kept.origin == "built-in"


def test_link_to_a_missing_article_in_the_body(content):
    path = content / "en" / "remain-silent.md"
    edit(path, "Police officers may still ask.", "Police officers may still ask. Read [bond](article:bond#top).")
    result = load(content)
    assert_problem(result, path, 15, "missing article 'bond'")
    assert_others_load(result)


def test_link_to_a_missing_article_in_related(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "related: [remain-silent]", "related: [remain-silent, no-such-article]")  # line 11
    result = load(content)
    assert_problem(result, path, 11, "missing article 'no-such-article'")
    assert not [p for p in result.problems if "'remain-silent'" in p.message]


def test_links_must_exist_in_the_same_language(content):
    (content / "es" / "remain-silent.md").unlink()
    path = content / "es" / "habeas-corpus.md"
    edit(path, "related: [remain-silent]\n", "")
    result = load(content)
    # es/habeas-corpus has no link to remain-silent; en/habeas-corpus relates to the English one, still present.
    assert not [p for p in result.problems if "missing article" in p.message]
    edit(path, "Un abogado debe ayudar.", "Un abogado debe ayudar. Vea [silencio](article:remain-silent).")
    result = load(content)
    assert_problem(result, path, 15, "missing article 'remain-silent' in es")


@pytest.mark.parametrize("value", ["11/01/2026", "November 1, 2026", "2026-13-01", '"2026-W44-7"', '"20261101"'])
def test_reviewed_must_be_an_iso_date(content, value):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "reviewed: 2026-11-01", f"reviewed: {value}")  # line 7
    result = load(content)
    assert_problem(result, path, 7, "ISO date")
    assert_others_load(result)


@pytest.mark.parametrize("value", ["2026-13-01", '"20261101"', "someday"])
def test_resource_verified_must_be_an_iso_date(content, value):
    path = content / "resources.yaml"
    edit(path, "verified: 2026-11-01", f"verified: {value}")
    result = load(content)
    assert_problem(result, path, 1, "'verified' as an ISO date")
    assert len(result.library.articles) == ARTICLE_COUNT


def test_reviewed_date_in_the_future(content):
    path = content / "es" / "habeas-corpus.md"
    edit(path, "reviewed: 2026-11-01", "reviewed: 2026-11-23")  # one day after TODAY, line 6
    result = load(content)
    assert_problem(result, path, 6, "in the future")
    assert_others_load(result)
    # The same date is fine once that day has come.
    assert not load_library(content, [], today=dt.date(2026, 11, 23)).problems


def test_empty_sources(content):
    path = content / "en" / "habeas-corpus.md"
    edit(
        path,
        'sources:\n  - title: "28 U.S.C. § 2241"\n    url: https://www.law.cornell.edu/uscode/text/28/2241\n',
        "sources: []\n",
    )
    result = load(content)
    assert_problem(result, path, 8, "missing required field 'sources'")
    assert_others_load(result)


def test_source_without_url_or_citation(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "    url: https://www.law.cornell.edu/uscode/text/28/2241\n", "")
    result = load(content)
    assert_problem(result, path, 8, "needs a 'url' or a 'citation'")


def test_missing_not_legal_advice_note_english(content):
    path = content / "en" / "remain-silent.md"
    edit(path, "This is general information, not legal advice.", "This is general information.")
    result = load(content)
    assert_problem(result, path, 11, "not legal advice")  # reported where the body starts
    assert_others_load(result)


def test_missing_not_legal_advice_note_spanish(content):
    path = content / "es" / "remain-silent.md"
    edit(path, "Esta información es general y no es asesoría legal.", "Esta información es general.")
    result = load(content)
    assert_problem(result, path, 11, "no es asesoría legal")


def test_note_must_link_to_finding_legal_help(content):
    path = content / "en" / "remain-silent.md"
    edit(path, "See [finding help](article:finding-legal-help).", "Ask a lawyer.")
    result = load(content)
    assert_problem(result, path, 11, "article:finding-legal-help")
    # The legal-help article itself needs the note but not a link to itself.
    assert not problems_in(result, content / "en" / "finding-legal-help.md")


def test_raw_html_is_rejected(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "It can take weeks.", "It can take <b>weeks</b>.")  # line 21
    result = load(content)
    assert_problem(result, path, 21, "raw HTML")
    assert_others_load(result)


def test_level_one_heading_is_rejected(content):
    path = content / "en" / "habeas-corpus.md"
    edit(path, "## How long does it take?", "# How long does it take?")  # line 19
    result = load(content)
    assert_problem(result, path, 19, "'##'")


def test_several_broken_files_are_all_reported_and_the_rest_load(content):
    edit(content / "en" / "habeas-corpus.md", "reviewed: 2026-11-01", "reviewed: 2026-11-01: oops")
    edit(content / "es" / "habeas-corpus.md", "topics: [detention, remedies]", "topics: [nope]")
    result = load(content)
    assert problems_in(result, content / "en" / "habeas-corpus.md")
    assert problems_in(result, content / "es" / "habeas-corpus.md")
    assert_others_load(result, broken=("en", "habeas-corpus"))
    # A file with problems that can still be read is kept, so the guide stays usable.
    assert result.library.article("habeas-corpus", "es") is not None


# -- sections ------------------------------------------------------------------------------------

BODY = """Opening text before any heading.

## What is this?

First part.

### A smaller heading

Stays inside the first section.

## What is this?

Same heading again.

```
## not a heading inside a code fence
```

~~~markdown
## nor inside a tilde fence
~~~

## Last step ##

The end.
"""


def test_sections_split_on_level_two_headings():
    sections = split_sections(BODY, first_line=10)
    assert [s.heading for s in sections] == ["", "What is this?", "What is this?", "Last step"]
    assert [s.index for s in sections] == [0, 1, 2, 3]
    assert sections[0].markdown == "Opening text before any heading."
    assert "### A smaller heading" in sections[1].markdown
    assert "Stays inside the first section." in sections[1].markdown
    assert "## not a heading inside a code fence" in sections[2].markdown
    assert "## nor inside a tilde fence" in sections[2].markdown
    assert sections[3].markdown.strip() == "The end."
    assert [s.line for s in sections] == [10, 12, 20, 32]


def test_section_anchors_are_unique():
    sections = split_sections(BODY)
    anchors = [s.anchor for s in sections]
    assert anchors == ["top", "what-is-this", "what-is-this-2", "last-step"]
    assert len(set(anchors)) == len(anchors)
    more = split_sections("Intro.\n\n## Top\n\nA\n\n## Top\n\nB\n\n## ¿Qué pasa?\n\nC\n")
    assert [s.anchor for s in more] == ["top", "top-2", "top-3", "que-pasa"]


def test_body_without_opening_text_starts_at_the_first_heading():
    sections = split_sections("## Only heading\n\nText.\n")
    assert [(s.index, s.heading, s.anchor) for s in sections] == [(0, "Only heading", "only-heading")]


def test_empty_body_is_a_problem(content):
    path = content / "en" / "remain-silent.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("---\n", 4) + 4], encoding="utf-8")
    result = load(content)
    assert any("no text" in m for _, m in problems_in(result, path))


# -- reading levels --------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_reading_level_works_with_sockets_disabled():
    with pytest.raises(Exception, match="(?i)socket"):  # pytest-socket is active: no network at all
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    easy = "You can stay silent. You do not have to answer. Ask for a lawyer."
    hard = (
        "Notwithstanding the aforementioned jurisdictional considerations, administrative adjudication "
        "necessitates comprehensive documentation substantiating eligibility determinations."
    )
    assert readability.english_grade(easy) < readability.english_grade(hard)
    assert readability.english_grade(easy) <= readability.EN_MAX_GRADE
    formula, value, ok = readability.score("es", "Usted puede guardar silencio. Pida un abogado. No firme nada.")
    assert formula == "Fernández-Huerta" and ok and value >= readability.ES_MIN_FERNANDEZ_HUERTA
    assert readability.score("en", hard)[2] is False


def test_plain_sentences_ends_headings_and_list_items():
    text = readability.plain_sentences("## A heading\n\n- one item\n- two [link](article:x)\n\nA paragraph")
    assert text.splitlines() == ["A heading.", "one item.", "two link.", "A paragraph."]


def test_too_hard_article_fails_the_check(content):
    path = content / "en" / "remain-silent.md"
    hard = (
        "Notwithstanding jurisdictional considerations, administrative adjudication necessitates "
        "comprehensive documentation substantiating eligibility determinations, "
        "particularly regarding constitutional protections against self-incrimination."
    )
    edit(path, "You do not have to answer questions about where you were born.", hard)
    report = check(load(content))
    assert not report.ok
    assert any(p.path == str(path) and "reading level" in p.message for p in report.problems)


@pytest.mark.parametrize(
    "names, message",
    [
        ("", "needs names.es"),  # a built-in resource without its Spanish name
        ('  names: {fr: "Statut"}\n', "'names' as a map of language to name"),
        ('  names: {es: ""}\n', "'names' as a map of language to name"),
        ('  names: "Estado del caso"\n', "'names' as a map of language to name"),
    ],
)
def test_resource_spanish_name_is_checked(content, names, message):
    path = content / "resources.yaml"
    edit(path, '  names: {es: "Estado del caso en la corte de inmigración (EOIR)"}\n', names)
    result = load(content)
    assert_problem(result, path, 1, message)
    assert len(result.library.articles) == ARTICLE_COUNT


def test_every_shipped_resource_has_a_spanish_name():
    result = load_library(REPO / "content", [])
    assert not result.problems
    for resource in result.library.resources:
        spanish = resource.names.get("es", "")
        assert spanish and spanish != resource.name, resource.id
