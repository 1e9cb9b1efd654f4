"""Situation flows (issue 8): the validator (each problem with file:line), the shipped flows against the
shipped library (every path ends in an outcome, every outcome reachable), and the stepping session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT, REPO, SAMPLE_FLOW
from guide_app.app.flow_session import FlowSession
from guide_app.i18n import text as catalog_text
from guide_app.library import readability
from guide_app.library.flows import flow_plain_text, load_flows, validate_folder
from guide_app.library.loader import load_library
from guide_app.library.model import LANGUAGES
from guide_app.render.outcome import outcome_text

CONTENT = REPO / "content"

SHIPPED_FLOWS = {
    "police-stopped-me",
    "someone-at-my-door",
    "jail-immigration-hold",
    "loved-one-taken-by-ice",
    "treated-differently-race-accent",
    "county-287g-agreement",
    "mandamus-stop-deportation",
}

# A valid flow over the fixture library (tests/fixtures/sample-flow/sample.yaml).
SAMPLE = SAMPLE_FLOW.read_text(encoding="utf-8")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} not found {occurrence} time(s)"
    return hits[occurrence - 1]


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


@pytest.fixture(scope="module")
def fixture_library():
    return load_library(FIXTURE_CONTENT, []).library


@pytest.fixture(scope="module")
def shipped():
    result = load_library(CONTENT, [])
    flows, problems = load_flows(CONTENT / "flows")
    return result.library, flows, problems


def write_flow(tmp_path: Path, text: str, name: str = "sample.yaml") -> Path:
    folder = tmp_path / "flows"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems_for(tmp_path: Path, text: str, library, name: str = "sample.yaml") -> list[str]:
    folder = write_flow(tmp_path, text, name)
    return [str(p) for p in validate_folder(folder, library)]


def expect(problems: list[str], path: Path, line: int, fragment: str) -> None:
    wanted = f"{path}:{line}: "
    assert any(p.startswith(wanted) and fragment in p for p in problems), (
        f"no problem '{wanted}…{fragment}…' in:\n" + "\n".join(problems)
    )


# -- the validator -------------------------------------------------------------------------------------


def test_the_sample_flow_is_valid(tmp_path, fixture_library):
    assert problems_for(tmp_path, SAMPLE, fixture_library) == []


def test_the_fixture_flow_validates_against_the_fixture_library(fixture_library):
    assert validate_folder(FIXTURE_CONTENT / "flows", fixture_library) == []


def test_dead_end_answer_to_a_missing_node(tmp_path, fixture_library):
    text = replace_once(SAMPLE, "        next: free\n  second:", "        next: nowhere\n  second:")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "next: nowhere"), "dead end: node 'first' answer 2 goes to 'nowhere'")


def test_dead_end_question_without_answers(tmp_path, fixture_library):
    text = SAMPLE + '  lonely:\n    question: {en: "Why?", es: "¿Por qué?"}\n'
    text = replace_once(text, "        next: free\n  second:", "        next: lonely\n  second:")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "  lonely:"), "dead end: question 'lonely' has no answers")


def test_dead_end_answer_without_next(tmp_path, fixture_library):
    text = replace_once(
        SAMPLE,
        "      - label: {en: Not sure, es: No sé}\n        next: free\n",
        "      - label: {en: Not sure, es: No sé}\n",
    )
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "Not sure"), "dead end: node 'second' answer 3 has no 'next'")


def test_cycle_is_reported_at_the_answer_that_closes_it(tmp_path, fixture_library):
    text = replace_once(
        SAMPLE,
        "      - label: {en: No, es: No}\n        next: held\n",
        "      - label: {en: No, es: No}\n        next: first\n",
    )
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "next: first"), "cycle: node 'second' answer 2 goes back to 'first'")
    assert any("first -> second -> first" in p for p in problems)
    flows, load_problems = load_flows(tmp_path / "flows")
    assert flows == [] and load_problems  # a flow with a cycle is never handed to the UI


def test_a_question_pointing_at_itself_is_a_cycle(tmp_path, fixture_library):
    text = replace_once(
        SAMPLE,
        "      - label: {en: No, es: No}\n        next: held\n",
        "      - label: {en: No, es: No}\n        next: second\n",
    )
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "next: second", 2), "cycle: node 'second' answer 2 goes back to 'second'")


def test_missing_article_is_reported_in_each_language(tmp_path, fixture_library):
    text = replace_once(SAMPLE, "articles: [remain-silent]", "articles: [remain-silent, bond]")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    line = line_of(text, "articles: [remain-silent, bond]")
    expect(problems, path, line, "link to a missing article 'bond' in en")
    expect(problems, path, line, "link to a missing article 'bond' in es")


def test_article_missing_in_one_language_only(tmp_path):
    content = Path(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))
    (content / "es" / "remain-silent.md").unlink()
    library = load_library(content, []).library
    (content / "flows" / "sample.yaml").write_text(SAMPLE, encoding="utf-8")
    problems = [str(p) for p in validate_folder(content / "flows", library)]
    path = content / "flows" / "sample.yaml"
    expect(problems, path, line_of(SAMPLE, "articles: [remain-silent]"), "missing article 'remain-silent' in es")
    assert not any("'remain-silent' in en" in p for p in problems)


def test_missing_resource(tmp_path, fixture_library):
    text = replace_once(SAMPLE, "resources: [eoir-case-status]", "resources: [eoir-case-status, no-such-line]")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "no-such-line"), "unknown resource 'no-such-line'")


def test_an_answer_label_missing_its_spanish_text(tmp_path, fixture_library):
    text = replace_once(SAMPLE, "{en: Not sure, es: No sé}", "{en: Not sure}")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "{en: Not sure}"), "node 'second' answer 3 label has no es text")


def test_an_outcome_item_missing_its_english_text(tmp_path, fixture_library):
    text = replace_once(SAMPLE, '        - en: "Keep every paper."\n          es:', "        - es:")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, '- es: "Guarde todos'), "outcome 'held' next_steps item 1 has no en text")


def test_a_question_in_one_language_and_an_unknown_language(tmp_path, fixture_library):
    text = replace_once(
        SAMPLE,
        '{en: "Do they have a lawyer?", es: "¿Tiene abogado?"}',
        '{en: "Do they have a lawyer?", fr: "Avocat ?"}',
    )
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    line = line_of(text, "Avocat")
    expect(problems, path, line, "node 'second' question has no es text")
    expect(problems, path, line, "unknown language 'fr'")


def test_text_that_is_not_per_language(tmp_path, fixture_library):
    text = replace_once(
        SAMPLE, 'title: {en: "Know your rights", es: "Conozca sus derechos"}', 'title: "Know your rights"'
    )
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(
        problems, path, line_of(text, 'title: "Know your rights"'), "outcome 'free' title must give text per language"
    )


@pytest.mark.parametrize("count", [1, 5])
def test_questions_need_two_to_four_answers(tmp_path, fixture_library, count):
    answers = "".join(f"      - label: {{en: A{n}, es: R{n}}}\n        next: second\n" for n in range(count))
    text = replace_once(
        SAMPLE,
        "      - label: {en: Yes, es: Sí}\n        next: second\n      - label: {en: No, es: No}\n        next: free\n",
        answers,
    )
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "    answers:"), f"question 'first' needs 2 to 4 answers, not {count}")


def test_a_node_nobody_can_reach(tmp_path, fixture_library):
    text = SAMPLE + (
        "  orphan:\n    outcome:\n      title: {en: Lost, es: Perdido}\n"
        "      do_now:\n        - {en: Wait., es: Espere.}\n      articles: [remain-silent]\n"
    )
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "  orphan:"), "node 'orphan' can never be reached from 'first'")


def test_start_must_name_a_question(tmp_path, fixture_library):
    path = tmp_path / "flows" / "sample.yaml"
    text = replace_once(SAMPLE, "start: first", "start: missing")
    expect(problems_for(tmp_path, text, fixture_library), path, line_of(text, "start:"), "'start' names a node that")
    text = replace_once(SAMPLE, "start: first", "start: free")
    expect(problems_for(tmp_path, text, fixture_library), path, line_of(text, "start:"), "must be a question")


def test_duplicate_node_ids_and_unknown_fields(tmp_path, fixture_library):
    text = SAMPLE + "  free:\n    outcome: {}\n"
    text = replace_once(text, "      next_steps:", "      next_step:")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "  free:", 2), "duplicate key 'free'")
    expect(problems, path, line_of(text, "next_step:"), "unknown field 'next_step' in outcome 'held'")


def test_a_node_that_is_both_or_neither(tmp_path, fixture_library):
    text = replace_once(SAMPLE, "  free:\n    outcome:\n", "  free:\n    question: {en: Q, es: P}\n    outcome:\n")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "question: {en: Q, es: P}"), "unknown field 'question' in node 'free'")
    text = replace_once(SAMPLE, "  free:\n    outcome:\n", "  free:\n    outcomes:\n")
    problems = problems_for(tmp_path, text, fixture_library)
    expect(problems, path, line_of(text, "  free:"), "node 'free' must have 'question' and 'answers', or 'outcome'")


def test_outcomes_need_do_now_and_articles(tmp_path, fixture_library):
    text = replace_once(
        SAMPLE, '      do_now:\n        - en: "You can stay silent."\n          es: "Puede guardar silencio."\n', ""
    )
    text = replace_once(text, "      articles: [remain-silent]\n", "")
    path = tmp_path / "flows" / "sample.yaml"
    problems = problems_for(tmp_path, text, fixture_library)
    outcome_line = line_of(text, 'title: {en: "Know your rights"')
    expect(problems, path, outcome_line, "outcome 'free' do_now is missing")
    expect(problems, path, outcome_line, "outcome 'free' needs at least one article")


def test_flow_fields_id_and_dates(tmp_path, fixture_library):
    path = tmp_path / "flows" / "other.yaml"
    problems = problems_for(tmp_path, SAMPLE, fixture_library, name="other.yaml")
    expect(problems, path, 1, "id 'sample' must match the file name 'other'")
    text = replace_once(SAMPLE, "reviewed: 2026-11-01", "reviewed: 2999-01-01")
    path = tmp_path / "flows" / "sample.yaml"
    expect(problems_for(tmp_path, text, fixture_library), path, line_of(text, "reviewed:"), "is in the future")
    for bad in ("November 2026", "20261101", "2026-13-01"):
        text = replace_once(SAMPLE, "reviewed: 2026-11-01", f"reviewed: {bad}")
        expect(problems_for(tmp_path, text, fixture_library), path, line_of(text, "reviewed:"), "must be an ISO date")
    text = replace_once(SAMPLE, "topics: [detention]", "topics: [detention, weather]")
    expect(problems_for(tmp_path, text, fixture_library), path, line_of(text, "topics:"), "unknown topic 'weather'")
    text = SAMPLE.replace('summary: {en: "A short test flow.", es: "Un flujo corto de prueba."}\n', "")
    expect(problems_for(tmp_path, text, fixture_library), path, 1, "missing required field 'summary'")


def test_invalid_yaml_and_raw_html(tmp_path, fixture_library):
    path = tmp_path / "flows" / "sample.yaml"
    text = replace_once(SAMPLE, "start: first", "start: [first")
    problems = problems_for(tmp_path, text, fixture_library)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:") and "not valid YAML" in problems[0]
    text = replace_once(SAMPLE, '"Call the lawyer today."', '"Call the <b>lawyer</b> today."')
    expect(problems_for(tmp_path, text, fixture_library), path, line_of(text, "<b>"), "no raw HTML")


def test_anchors_and_aliases_are_refused_at_their_line(tmp_path, fixture_library):
    path = tmp_path / "flows" / "sample.yaml"
    text = replace_once(SAMPLE, "topics: [detention]", "topics: &t [detention]")
    expect(problems_for(tmp_path, text, fixture_library), path, line_of(text, "&t"), "anchors")


def test_a_yml_file_is_reported_not_silently_ignored(tmp_path, fixture_library):
    folder = write_flow(tmp_path, SAMPLE, "sample.yml")
    problems = [str(p) for p in validate_folder(folder, fixture_library)]
    expect(problems, folder / "sample.yml", 1, "must end in '.yaml'")


def test_a_missing_folder_has_no_problems(tmp_path, fixture_library):
    assert validate_folder(tmp_path / "nothing", fixture_library) == []
    assert load_flows(tmp_path / "nothing") == ([], [])


def test_reading_level_is_checked(tmp_path, fixture_library):
    long = (
        "Notwithstanding considerable jurisdictional uncertainty, administrative determinations regarding "
        "discretionary adjudication necessitate comprehensive documentation substantiating eligibility."
    )
    text = replace_once(SAMPLE, '"Call the lawyer today."', f'"{long}"')
    text = replace_once(text, '"Check the next hearing date."', f'"{long}"')
    text = replace_once(text, '"Keep every paper."', f'"{long}"')
    problems = problems_for(tmp_path, text, fixture_library)
    assert any("reading level (en) Flesch-Kincaid grade" in p for p in problems), problems


def test_yes_and_no_stay_text(tmp_path):
    folder = write_flow(tmp_path, SAMPLE)
    flows, problems = load_flows(folder)
    assert problems == []
    labels = [a.label for a in flows[0].node("first").answers]
    assert labels == [{"en": "Yes", "es": "Sí"}, {"en": "No", "es": "No"}]


def test_load_flows_sorts_by_order_and_leaves_out_broken_flows(tmp_path):
    folder = write_flow(tmp_path, SAMPLE)
    second = SAMPLE.replace("id: sample", "id: early").replace("order: 5", "order: 1")
    broken = SAMPLE.replace("id: sample", "id: broken").replace("next: held", "next: nowhere")
    (folder / "early.yaml").write_text(second, encoding="utf-8")
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    flows, problems = load_flows(folder)
    assert [f.id for f in flows] == ["early", "sample"]
    assert problems and all(p.path.endswith("broken.yaml") for p in problems)


def test_guide_app_check_prints_flow_problems_with_file_and_line(tmp_path, capsys):
    from guide_app.cli import main

    content = Path(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))
    text = replace_once(SAMPLE, "        next: free\n  second:", "        next: nowhere\n  second:")
    (content / "flows" / "sample.yaml").write_text(text, encoding="utf-8")
    assert main(["check", str(content)]) == 1
    out = capsys.readouterr().out
    assert f"{content / 'flows' / 'sample.yaml'}:{line_of(text, 'next: nowhere')}: dead end" in out


# -- the shipped flows -----------------------------------------------------------------------------------


def test_every_shipped_flow_loads(shipped):
    _, flows, problems = shipped
    assert problems == []
    assert {f.id for f in flows} >= SHIPPED_FLOWS


def test_shipped_flows_validate_against_the_shipped_library(shipped):
    library, _, _ = shipped
    problems = validate_folder(CONTENT / "flows", library)
    assert problems == [], "\n".join(str(p) for p in problems)


def walk(flow, lang: str = "en"):
    """Follow every path with a FlowSession; yield (answers taken, outcome reached)."""
    for path in flow.paths():
        session = FlowSession(flow, lang)
        for index in path:
            assert not session.finished
            session.answer(index)
        assert session.finished and session.outcome is not None
        yield path, session.outcome


@pytest.mark.parametrize("flow_id", sorted(SHIPPED_FLOWS))
def test_every_path_ends_in_an_outcome_and_every_outcome_is_reachable(shipped, flow_id):
    _, flows, _ = shipped
    flow = next(f for f in flows if f.id == flow_id)
    reached = set()
    walked = 0
    for path, outcome in walk(flow):
        reached.add(outcome.id)
        walked += 1
        assert len(path) <= flow.remaining_questions(flow.start)
    assert walked >= len(flow.outcomes)
    assert reached == {o.id for o in flow.outcomes}
    # Every answer of every question is used on some path (no answer leads nowhere).
    used = {(q, i) for path in flow.paths() for q, i in _trail(flow, path)}
    assert used == {(q.id, i) for q in flow.questions for i in range(len(q.answers))}


def _trail(flow, path):
    node = flow.start
    for index in path:
        yield node, index
        node = flow.node(node).answers[index].next


@pytest.mark.parametrize("flow_id", sorted(SHIPPED_FLOWS))
def test_shipped_outcomes_are_complete_in_both_languages(shipped, flow_id):
    library, flows, _ = shipped
    flow = next(f for f in flows if f.id == flow_id)
    resource_ids = {r.id for r in library.resources}
    for outcome in flow.outcomes:
        assert outcome.do_now["en"] and len(outcome.do_now["en"]) == len(outcome.do_now["es"])
        assert outcome.summary.keys() == set(LANGUAGES), f"{flow_id}/{outcome.id} has no summary"
        for article_id in outcome.articles:
            assert all(library.article(article_id, lang) for lang in LANGUAGES)
        assert set(outcome.resources) <= resource_ids
        for lang in LANGUAGES:
            text = outcome_text(flow, outcome, lang, library=library)
            assert outcome.title[lang] in text and catalog_text("legal_note", lang) in text


@pytest.mark.parametrize("flow_id", sorted(SHIPPED_FLOWS))
def test_shipped_flows_meet_the_reading_levels(shipped, flow_id):
    _, flows, _ = shipped
    flow = next(f for f in flows if f.id == flow_id)
    for lang in LANGUAGES:
        _, value, ok = readability.score(lang, flow_plain_text(flow, lang))
        assert ok, f"{flow_id} ({lang}): {value}"


def test_shipped_flows_repeat_no_known_wrong_claim(shipped):
    from guide_app.library.rules import claims_in

    _, flows, _ = shipped
    found = []
    for flow in flows:
        for lang in LANGUAGES:
            sentences = readability.plain_sentences(flow_plain_text(flow, lang))
            found += [(flow.id, lang, claim) for claim in claims_in(sentences, lang)]
    assert found == []


def test_time_sensitive_flow_facts_carry_their_date(shipped):
    """The fact sheet marks the bond-hearing rules and the ICE home-entry memo as changing: where a flow
    states them, the same text carries its date."""
    _, flows, _ = shipped
    rules = {
        "en": (("depends on how", "2026"), ("force their way in", "2025")),
        "es": (("depende de cómo", "2026"), ("entrar a la fuerza", "2025")),
    }
    checked = 0
    for flow in flows:
        for outcome in flow.outcomes:
            for lang, pairs in rules.items():
                texts = [outcome.summary.get(lang, "")]
                texts += [item for key in ("do_now", "next_steps", "warnings") for item in outcome.items(key, lang)]
                for text in texts:
                    for phrase, year in pairs:
                        if phrase in text:
                            checked += 1
                            assert year in text, f"{flow.id}/{outcome.id} ({lang}): {text}"
    assert checked >= 8


# -- the model ----------------------------------------------------------------------------------------------


def test_estimated_total_uses_the_longest_way_ahead(sample_flow):
    assert sample_flow.remaining_questions("first") == 2
    assert sample_flow.remaining_questions("second") == 1
    assert sample_flow.remaining_questions("held") == 0
    assert sorted(sample_flow.paths()) == [(0, 0), (0, 1), (0, 2), (1,)]
