"""Which guided situation is offered beside the results of a query."""

from __future__ import annotations

import dataclasses

import pytest

from guide_app.search.flow_match import matching_flows


@pytest.fixture(scope="module")
def shipped():
    from guide_app.guide import load_guide

    return load_guide(None, [])


def _ids(guide, query, lang="en"):
    return [f.id for f in matching_flows(query, lang, guide.flows.values(), guide.library.synonyms)]


def test_a_situation_in_everyday_words_is_offered(shipped):
    assert _ids(shipped, "ICE at my door") == ["someone-at-my-door"]
    assert _ids(shipped, "police stopped me in my car") == ["police-stopped-me"]


def test_unrelated_or_empty_queries_offer_nothing(shipped):
    assert _ids(shipped, "zzqqxx") == []
    assert _ids(shipped, "") == []
    assert _ids(shipped, "weather forecast for tomorrow") == []


def test_the_words_of_a_changed_flow_are_read_again(shipped):
    flow = shipped.flows["someone-at-my-door"]
    assert matching_flows("ICE at my door", "en", [flow])  # its words are now cached
    renamed = dataclasses.replace(
        flow,
        title={**flow.title, "en": "Zebra crossing"},
        summary={**flow.summary, "en": "Zebra"},
        nodes={k: n for k, n in flow.nodes.items() if n.is_outcome},
    )
    assert matching_flows("ICE at my door", "en", [renamed]) == []
    assert matching_flows("ICE at my door", "en", [flow]) == [flow]
