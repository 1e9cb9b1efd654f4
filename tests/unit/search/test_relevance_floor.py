"""The rule for ranking changes: the app's success@1, success@3 and MRR on our own query set
(benchmarks/eval_queries.yaml) over the shipped content never drop below benchmarks/relevance_floor.json,
and no in-scope question is answered as out of scope. Raise the floor when a change improves it."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import REPO
from guide_app.guide import load_guide

sys.path.insert(0, str(REPO / "benchmarks"))
import relevance  # noqa: E402

FLOOR = json.loads((REPO / "benchmarks" / "relevance_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    guide = load_guide(REPO / "content", [])
    opened = guide.open_search(cache=tmp_path_factory.mktemp("relevance-cache"))
    yield opened
    opened.close()


def test_query_set_is_large_and_varied():
    questions = relevance.load_questions()
    assert len(questions) >= 150
    assert {q.lang for q in questions} == {"en", "es"}
    assert set(relevance.KINDS) == {q.kind for q in questions}
    ids = {article_id for _, article_id in load_guide(REPO / "content", []).library.articles}
    assert all(set(q.expect) <= ids for q in questions), [q.q for q in questions if not set(q.expect) <= ids]


def test_ranking_does_not_fall_below_the_floor(engine):
    questions = relevance.load_questions()
    lists, alarms = [], []
    for question in questions:
        response = engine.search(question.q, question.lang, limit=relevance.DEPTH)
        lists.append([r.id for r in response.shown() if r.kind == "article"])
        if response.out_of_scope and question.kind != "oos":
            alarms.append(question.q)
    got = relevance.score(questions, lists)["all"]
    assert got["s1"] >= FLOOR["s1"], got
    assert got["s3"] >= FLOOR["s3"], got
    assert got["mrr"] >= FLOOR["mrr"], got
    assert len(alarms) <= FLOOR["false_alarms"], alarms
