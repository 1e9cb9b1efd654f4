"""Offer a guided situation flow beside search results when the query reads like that situation. No Qt.

Called on the search thread for every answer (guide_app/app/search_session.py), so each flow's stems are
worked out once per language and kept; a query then costs one parse and a few set intersections.
"""

from __future__ import annotations

from guide_app.search.analysis import stem, words
from guide_app.search.query import parse

# id(flow), lang -> (flow, stems of its words, stems of its title). Holding the flow keeps its id unique.
_STEMS: dict[tuple[int, str], tuple[object, frozenset[str], frozenset[str]]] = {}


def _stems(text: str, lang: str) -> set[str]:
    return {t for t in (stem(w, lang) for w in words(text)) if t}


def _flow_words(flow, lang: str) -> set[str]:
    """The words of the flow's title, summary and questions with their answers (not its outcomes)."""
    parts = [flow.title.get(lang, ""), flow.summary.get(lang, "")]
    for node in flow.nodes.values():
        if not node.is_outcome:
            parts.append(node.text.get(lang, ""))
            parts.extend(answer.label.get(lang, "") for answer in node.answers)
    return _stems(" ".join(parts), lang)


def flow_stems(flow, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stems of the flow's words, stems of its title), computed once per flow and language."""
    key = (id(flow), lang)
    found = _STEMS.get(key)
    if found is None or found[0] is not flow:
        if len(_STEMS) > 512:
            _STEMS.clear()
        found = (flow, frozenset(_flow_words(flow, lang)), frozenset(_stems(flow.title.get(lang, ""), lang)))
        _STEMS[key] = found
    return found[1], found[2]


def matching_flows(query: str, lang: str, flows, synonyms=(), limit: int = 1) -> list:
    """Flows that share at least two of the query's words (the everyday-words map included)."""
    parsed = parse(query, lang, synonyms)
    own = set(parsed.terms)
    if not own:
        return []
    wanted = own | set(parsed.extra_terms)
    scored = []
    for flow in flows:
        have, title = flow_stems(flow, lang)
        overlap = len(wanted & have)
        title_hit = bool(own & title)
        if overlap >= 2 and title_hit or overlap >= 3:
            scored.append((overlap + title_hit, flow))
    scored.sort(key=lambda pair: -pair[0])
    return [flow for _, flow in scored[:limit]]
