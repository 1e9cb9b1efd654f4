"""Offer a guided situation flow beside search results when the query reads like that situation. No Qt."""

from __future__ import annotations

from guide_app.search.analysis import stem, words
from guide_app.search.query import parse


def _stems(text: str, lang: str) -> set[str]:
    return {t for t in (stem(w, lang) for w in words(text)) if t}


# Flow words never change once a guide is loaded: stemming them for every answer was most of the cost
# (about 3 of 5 ms per answer). Keyed by the flow object's identity (flows hold dicts, so they do not hash);
# the flow is kept with its words so an id is never reused while cached.
_WORDS: dict[tuple[int, str], tuple[object, frozenset[str], frozenset[str]]] = {}
_WORDS_MAX = 512


def _flow_words(flow, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every word of the flow, the words of its title), stemmed, computed once per flow and language."""
    key = (id(flow), lang)
    cached = _WORDS.get(key)
    if cached is not None and cached[0] is flow:
        return cached[1], cached[2]
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
    words = frozenset(_read_flow_words(flow, lang))
    title = frozenset(_stems(flow.title.get(lang, ""), lang))
    _WORDS[key] = (flow, words, title)
    return words, title


def _read_flow_words(flow, lang: str) -> set[str]:
    """The words of the flow's title, summary and questions with their answers (not its outcomes)."""
    parts = [flow.title.get(lang, ""), flow.summary.get(lang, "")]
    for node in flow.nodes.values():
        if not node.is_outcome:
            parts.append(node.text.get(lang, ""))
            parts.extend(answer.label.get(lang, "") for answer in node.answers)
    return _stems(" ".join(parts), lang)


def matching_flows(query: str, lang: str, flows, synonyms=(), limit: int = 1) -> list:
    """Flows that share at least two of the query's words (the everyday-words map included)."""
    parsed = parse(query, lang, synonyms)
    own = set(parsed.terms)
    if not own:
        return []
    wanted = own | set(parsed.extra_terms)
    scored = []
    for flow in flows:
        have, title = _flow_words(flow, lang)
        overlap = len(wanted & have)
        title_hit = bool(own & title)
        if overlap >= 2 and title_hit or overlap >= 3:
            scored.append((overlap + title_hit, flow))
    scored.sort(key=lambda pair: -pair[0])
    return [flow for _, flow in scored[:limit]]
