"""One person's searching as they type: which query is the latest, stopping older ones, and answers ready to
draw. No Qt.

The window calls :meth:`SearchSession.request` for every query (on the GUI thread). That bumps the
generation and raises the stop flag of the query before it, so a search that has already started stops at
its next check instead of running to the end (Zeal does the same with an atomic flag its search loop reads).
The search thread calls :meth:`SearchSession.answer`: it runs the engine, then does all the work an answer
needs besides drawing it — the situation flows worth offering, the words to highlight in an opened result,
the result rows with their targets and snippet marks — so the GUI thread only maps a finished
:class:`Answer` onto widgets. The generation check stays as a backstop: a stale answer is never shown.
"""

from __future__ import annotations

import inspect
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from guide_app.app.navigation import Place, PlaceKind

# guide_app.search.engine and flow_match import Whoosh (about 0.2 s): they are imported on the search thread,
# at the first answer, never on the window's start path.

RESULTS_SHOWN = 10  # rows drawn per keystroke; more rarely helps a person who is still typing
_MARK = re.compile(r"\[([^\[\]]{1,80})\]")  # the engine's snippet marks: matched words in [brackets]


@dataclass(frozen=True)
class Ticket:
    """One query on its way to the search thread."""

    generation: int
    text: str
    lang: str
    stop: threading.Event = field(default_factory=threading.Event, compare=False, repr=False)
    exact: bool = False  # search the words as typed ("search instead for …"): no spelling corrections

    def should_stop(self) -> bool:
        return self.stop.is_set()


@dataclass(frozen=True)
class ResultRow:
    """One result as the results list draws it. ``spans`` are (start, end) of matched words in ``snippet``."""

    target: Place
    title: str
    section: str
    snippet: str
    spans: tuple[tuple[int, int], ...] = ()
    other_lang: bool = False  # found in the other language because this one found nothing

    @property
    def kind(self) -> PlaceKind:
        return self.target.kind

    @property
    def lang(self) -> str:
        return self.target.lang


@dataclass(frozen=True)
class FlowOffer:
    flow_id: str
    title: str


@dataclass(frozen=True)
class Answer:
    """Everything the results page shows for one query, computed on the search thread."""

    generation: int
    query: str  # the text as it was typed
    lang: str
    results: tuple[ResultRow, ...] = ()
    other_lang_results: tuple[ResultRow, ...] = ()
    suggestion: str | None = None  # the corrected query that was searched ("Showing results for …")
    flows: tuple[FlowOffer, ...] = ()
    card: ResultRow | None = None  # at most one glossary term or resource, shown apart from the articles
    detected_lang: str | None = None  # the query reads as the other language: its rows come first
    out_of_scope: bool = False  # the guide does not cover this: finding-legal-help is the first row
    index_repairs: int = 0  # times the index was found damaged and rebuilt so far (read on the search thread)

    @property
    def rows(self) -> tuple[ResultRow, ...]:
        first = self.other_lang_results + self.results if self.detected_lang else self.results + self.other_lang_results
        return first + ((self.card,) if self.card is not None else ())


def marked_snippet(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The engine's ``"a [word] b"`` as plain text and the spans of the marked words."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    last = 0
    for match in _MARK.finditer(snippet):
        before = snippet[last : match.start()]
        plain.append(before)
        length += len(before)
        word = match.group(1)
        spans.append((length, length + len(word)))
        plain.append(word)
        length += len(word)
        last = match.end()
    plain.append(snippet[last:])
    return "".join(plain), tuple(spans)


def _takes_should_stop(search: Callable) -> bool:
    try:
        parameters = inspect.signature(search).parameters
    except (TypeError, ValueError):
        return False
    return "should_stop" in parameters or any(p.kind is p.VAR_KEYWORD for p in parameters.values())


class SearchSession:
    """The latest query and its stop flag, shared by the GUI thread (requests) and the search thread."""

    def __init__(self, limit: int = RESULTS_SHOWN) -> None:
        self.limit = limit
        self._lock = threading.Lock()
        self._generation = 0
        self._latest: Ticket | None = None

    # -- GUI thread --------------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        with self._lock:
            return self._generation

    def request(self, text: str, lang: str, exact: bool = False) -> Ticket:
        """A new query: it becomes the latest and the one before it is told to stop."""
        with self._lock:
            self._latest = Ticket(self._supersede(), text, lang, exact=exact)
            return self._latest

    def cancel(self) -> None:
        """Forget any query still running or on its way (the box was cleared, the session reset)."""
        with self._lock:
            self._supersede()
            self._latest = None

    def _supersede(self) -> int:
        """Under the lock: tell the latest query to stop and start a new generation (returned)."""
        self._generation += 1
        if self._latest is not None:
            self._latest.stop.set()
        return self._generation

    def is_current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    # -- search thread -----------------------------------------------------------------------------
    def answer(self, ticket: Ticket, engine, flows=(), synonyms=()) -> Answer | None:
        """Run ``ticket`` and build its :class:`Answer`, or None if it became stale on the way (then no
        further work is done for it). ``flows`` are the guide's situation flows, offered when they match."""
        if ticket.should_stop():
            return None
        from guide_app.search import engine as search_engine
        from guide_app.search import flow_match

        kwargs: dict[str, object] = {"limit": self.limit, "as_you_type": True}
        if _takes_should_stop(engine.search):
            kwargs["should_stop"] = ticket.should_stop
        if ticket.exact:
            kwargs["correct"] = False
        response = engine.search(ticket.text, ticket.lang, **kwargs)
        if response is None or ticket.should_stop():
            return None
        offers = tuple(
            FlowOffer(flow.id, flow.title.get(ticket.lang, flow.id))
            for flow in flow_match.matching_flows(ticket.text, ticket.lang, flows, synonyms)
        )
        if ticket.should_stop():
            return None
        terms: dict[str, tuple[str, ...]] = {}

        def rows(results, other_lang: bool) -> tuple[ResultRow, ...]:
            out = []
            for result in results:
                if result.lang not in terms:
                    terms[result.lang] = tuple(search_engine.highlight_terms(ticket.text, result.lang))
                out.append(_row(result, ticket.text, terms[result.lang], other_lang))
            return tuple(out)

        card = getattr(response, "card", None)
        return Answer(
            ticket.generation,
            ticket.text,
            ticket.lang,
            rows(response.results, False),
            rows(response.other_lang_results, True),
            response.suggestion,
            offers,
            card=rows([card], card.lang != ticket.lang)[0] if card is not None else None,
            detected_lang=getattr(response, "detected_lang", None),
            out_of_scope=bool(getattr(response, "out_of_scope", False)),
            index_repairs=int(getattr(engine, "repairs", 0) or 0),
        )


def _row(result, query: str, terms: tuple[str, ...], other_lang: bool) -> ResultRow:
    kind = PlaceKind(getattr(result, "kind", "article") or "article")
    key = getattr(result, "target_id", None) or result.id.split(":", 1)[-1]
    snippet, spans = marked_snippet(result.snippet)
    spans = tuple(getattr(result, "snippet_spans", None) or spans)
    target = Place(kind, key, result.lang, result.anchor, query, terms=terms)
    return ResultRow(target, result.title, result.section, snippet, spans, other_lang)


def highlight_for(place: Place):
    """How the reader marks the searched words in a document opened from the results (None: no marks).

    The terms were computed with the answer on the search thread; this only pairs them with the stemmer
    of the document's language, which the renderer calls for each word of the page."""
    if not place.terms:
        return None
    from guide_app.render.html import Highlight
    from guide_app.search.analysis import stem

    lang = place.lang or "en"
    return Highlight(place.terms, lambda word: stem(word, lang))
