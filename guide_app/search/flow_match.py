"""Offer a guided situation flow beside search results when the query reads like that situation. No Qt."""

from __future__ import annotations

from guide_app.search.analysis import stem, words
from guide_app.search.query import parse


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


def matching_flows(query: str, lang: str, flows, synonyms=(), limit: int = 1) -> list:
    """Flows that share at least two of the query's words (the everyday-words map included)."""
    parsed = parse(query, lang, synonyms)
    own = set(parsed.terms)
    if not own:
        return []
    wanted = own | set(parsed.extra_terms)
    scored = []
    for flow in flows:
        have = _flow_words(flow, lang)
        overlap = len(wanted & have)
        title_hit = bool(own & _stems(flow.title.get(lang, ""), lang))
        if overlap >= 2 and title_hit or overlap >= 3:
            scored.append((overlap + title_hit, flow))
    scored.sort(key=lambda pair: -pair[0])
    return [flow for _, flow in scored[:limit]]
