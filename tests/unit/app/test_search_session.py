"""The search session: the latest query wins, older ones are told to stop, answers arrive ready to draw."""

from __future__ import annotations

import threading

from guide_app.app.navigation import PlaceKind
from guide_app.app.search_session import SearchSession, highlight_for, marked_snippet
from guide_app.search.engine import Response


class BlockingEngine:
    """Takes ``should_stop`` like the real engine will, and only returns once it is told to stop."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.stopped = threading.Event()

    def search(self, text, lang, limit=10, as_you_type=False, should_stop=None):
        self.started.set()
        while not should_stop():
            threading.Event().wait(0.001)
        self.stopped.set()
        return Response(text, lang, ())


class OldEngine:
    """No ``should_stop`` parameter: the session checks between the stages instead."""

    def __init__(self, session: SearchSession) -> None:
        self.session = session
        self.calls = []

    def search(self, text, lang, limit=10, as_you_type=False):
        self.calls.append((text, limit, as_you_type))
        self.session.request("newer", lang)  # a keystroke arrives while this one runs
        return Response(text, lang, ())


def test_a_newer_query_stops_the_one_that_is_running():
    session = SearchSession()
    engine = BlockingEngine()
    first = session.request("ice at my", "en")
    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("answer", session.answer(first, engine)))
    worker.start()
    assert engine.started.wait(5)
    second = session.request("ice at my door", "en")
    worker.join(5)
    assert not worker.is_alive() and engine.stopped.is_set()
    assert out["answer"] is None  # nothing is built for a stopped query
    assert not session.is_current(first.generation) and session.is_current(second.generation)
    assert not second.should_stop()


def test_cancel_stops_the_latest_and_makes_every_answer_stale():
    session = SearchSession()
    ticket = session.request("habeas", "en")
    session.cancel()
    assert ticket.should_stop() and not session.is_current(ticket.generation)
    assert session.answer(ticket, BlockingEngine()) is None  # a stopped ticket never reaches the engine


def test_an_engine_without_should_stop_is_checked_between_stages(monkeypatch):
    from guide_app.search import flow_match

    session = SearchSession(limit=7)
    engine = OldEngine(session)
    monkeypatch.setattr(flow_match, "matching_flows", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    ticket = session.request("habeas", "en")
    assert session.answer(ticket, engine) is None  # stale after the search: no flow matching, no rows
    assert engine.calls == [("habeas", 7, True)]


def test_snippet_marks_become_spans():
    text, spans = marked_snippet("Ask a [judge] for [habeas] corpus [")
    assert text == "Ask a judge for habeas corpus ["
    assert [text[a:b] for a, b in spans] == ["judge", "habeas"]
    assert marked_snippet("") == ("", ())


def test_an_answer_is_ready_to_draw(fixture_guide, fixture_engine):
    session = SearchSession()
    ticket = session.request("who can file habeas", "en")
    answer = session.answer(ticket, fixture_engine, fixture_guide.flows.values(), fixture_guide.library.synonyms)
    assert answer is not None and answer.generation == ticket.generation and answer.query == "who can file habeas"
    first = answer.results[0]
    assert first.kind is PlaceKind.ARTICLE and first.target.key == "habeas-corpus"
    assert first.target.anchor == "who-can-file-a-habeas-petition"
    assert first.target.query == "who can file habeas" and "habea" in " ".join(first.target.terms)
    assert "[" not in first.snippet and first.spans
    assert all(first.snippet[a:b].lower().startswith(("who", "can", "file", "habea")) for a, b in first.spans)
    highlight = highlight_for(first.target)
    assert highlight is not None and highlight.stem("Habeas") in highlight.terms


def test_a_situation_flow_is_offered_with_its_title(fixture_guide, fixture_engine):
    session = SearchSession()
    ticket = session.request("ICE took my husband, detained", "en")
    answer = session.answer(ticket, fixture_engine, fixture_guide.flows.values(), fixture_guide.library.synonyms)
    assert [offer.flow_id for offer in answer.flows] == ["loved-one-taken-by-ice"]
    assert answer.flows[0].title == fixture_guide.flows["loved-one-taken-by-ice"].title["en"]


def test_glossary_results_open_the_glossary_term(fixture_guide, fixture_engine):
    session = SearchSession()
    answer = session.answer(session.request("detainer", "en"), fixture_engine, (), fixture_guide.library.synonyms)
    kinds = {row.kind for row in answer.rows}
    glossary = [row for row in answer.rows if row.kind is PlaceKind.GLOSSARY]
    assert PlaceKind.GLOSSARY in kinds, kinds
    assert ":" not in glossary[0].target.key


def test_the_real_engine_is_given_the_stop_flag_and_polls_it(fixture_guide, fixture_engine, monkeypatch):
    polled = []
    real = type(fixture_engine).search

    def search(self, text, lang, **kwargs):
        should_stop = kwargs.pop("should_stop")
        return real(self, text, lang, should_stop=lambda: polled.append(1) or should_stop(), **kwargs)

    monkeypatch.setattr(type(fixture_engine), "search", search)
    session = SearchSession()
    answer = session.answer(session.request("habeas", "en"), fixture_engine, (), fixture_guide.library.synonyms)
    assert answer is not None and answer.results and polled


def test_the_real_engine_stops_when_told(fixture_guide, fixture_engine):
    session = SearchSession()
    ticket = session.request("habeas corpus judge", "en")
    calls = []

    class Stopping:
        def search(self, text, lang, **kwargs):
            def should_stop():
                calls.append(1)
                return len(calls) > 1  # a newer keystroke arrives right after the search began

            return fixture_engine.search(text, lang, **{**kwargs, "should_stop": should_stop})

    direct = Stopping().search("habeas corpus judge", "en", limit=10, as_you_type=True)
    assert direct.cancelled and len(calls) == 2  # the engine returned at its second check
    assert session.answer(ticket, fixture_engine) is not None  # and without a stop it answers in full


def test_an_answer_tells_how_often_the_index_was_repaired():
    class Repaired:
        repairs = 2

        def search(self, text, lang, limit=10, as_you_type=False):
            return Response(text, lang, ())

    session = SearchSession()
    assert session.answer(session.request("bond", "en"), Repaired()).index_repairs == 2
