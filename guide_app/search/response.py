"""What a search answers: :class:`Result` (one article section, glossary term or resource) and
:class:`Response` (everything the results page shows for one query). Made by
:class:`guide_app.search.engine.SearchEngine`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Result:
    """One answer: an article section, a glossary term or a resource."""

    kind: str  # "article", "glossary" or "resource"
    id: str  # the article's, term's or resource's own id (no "glossary:" prefix)
    lang: str
    title: str
    section: str
    summary: str
    snippet: str  # plain text, matched words in [brackets]
    score: float
    anchor: str = ""

    @property
    def target(self) -> tuple[str, str]:
        return (self.kind, self.id)

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "lang": self.lang,
            "title": self.title,
            "section": self.section,
            "summary": self.summary,
            "snippet": self.snippet,
            "score": self.score,
        }


@dataclass(frozen=True)
class Response:
    """What the results page shows for one query."""

    query: str  # what was typed (cleaned)
    lang: str | None
    results: tuple[Result, ...]  # articles, best first (out of scope: the legal-help article first)
    card: Result | None = None  # at most one glossary term or resource, shown apart from the articles
    corrected: str | None = None  # the query as searched when words were corrected; ``query`` is the original
    detected_lang: str | None = None  # the query reads as this other language
    other_lang_results: tuple[Result, ...] = ()  # that language's answers (or a fallback), labelled
    out_of_scope: bool = False  # the guide does not cover this: say so, offer legal help and the help place
    cancelled: bool = False  # ``should_stop`` turned true: this answer is empty or partial
    searched: tuple[str, ...] = field(default=())  # languages searched

    @property
    def suggestion(self) -> str | None:
        """Older name of ``corrected``."""
        return self.corrected

    def shown(self) -> list[Result]:
        """The articles in the order the window lists them (the other language's first when detected)."""
        if self.detected_lang:
            return list(self.other_lang_results) + list(self.results)
        return list(self.results) + list(self.other_lang_results)

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "lang": self.lang,
            "corrected": self.corrected,
            "detected_lang": self.detected_lang,
            "out_of_scope": self.out_of_scope,
            "results": [r.as_json() for r in self.shown()],
            "card": self.card.as_json() if self.card else None,
        }
