"""Plain, frozen data types for everything the content folder holds. No I/O, no Qt."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

LEGAL_HELP_ID = "finding-legal-help"  # the article every "not legal advice" note and out-of-scope answer points to

LANGUAGES = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

# The fixed topic list; labels live in guide_app.library.labels for display.
TOPICS = ("287g", "profiling", "rights", "detention", "remedies", "community")


@dataclass(frozen=True)
class Problem:
    """One validation problem, reported as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""
    citation: str = ""


@dataclass(frozen=True)
class Section:
    """One part of an article: the text under one ``##`` heading (index 0 is the opening text)."""

    index: int
    heading: str
    anchor: str
    markdown: str
    line: int


@dataclass(frozen=True)
class Article:
    id: str
    lang: str
    title: str
    summary: str
    topics: tuple[str, ...]
    reviewed: _dt.date
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    sections: tuple[Section, ...]
    path: str
    origin: str = "built-in"  # "built-in" or "local" (a community center's own pack)

    @property
    def body(self) -> str:
        return "\n\n".join(s.markdown for s in self.sections)

    def section_by_anchor(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: dict[str, str]
    definition: dict[str, str]
    article: str = ""
    line: int = 1


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    helps_with: dict[str, str]
    phone: str
    website: str
    topics: tuple[str, ...]
    verified: _dt.date
    origin: str = "built-in"
    # The name in other languages ({"es": "..."}); ``name`` is the English (or only) one.
    names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SynonymRule:
    """When any phrase in ``when`` appears in a query, also search for ``add``."""

    lang: str
    when: tuple[str, ...]
    add: tuple[str, ...]
    # What the words are about ("police", "arrested", …). The category "not-covered" marks questions the
    # guide does not answer (asylum, DACA, …): search then offers real legal help first.
    category: str = ""


@dataclass(frozen=True)
class Library:
    """Everything loaded from content folders. Look-ups are by (lang, id)."""

    articles: dict[tuple[str, str], Article] = field(default_factory=dict)
    glossary: tuple[GlossaryTerm, ...] = ()
    resources: tuple[Resource, ...] = ()
    synonyms: tuple[SynonymRule, ...] = ()
    card: dict[str, dict] = field(default_factory=dict)

    def article(self, article_id: str, lang: str) -> Article | None:
        return self.articles.get((lang, article_id))

    def in_language(self, lang: str) -> list[Article]:
        found = [a for (lng, _), a in self.articles.items() if lng == lang]
        return sorted(found, key=lambda a: a.title.casefold())

    def translation(self, article_id: str, lang: str) -> Article | None:
        """The article in ``lang`` if it exists, else in any other language."""
        return self.article(article_id, lang) or next(
            (self.articles[(other, article_id)] for other in LANGUAGES if (other, article_id) in self.articles),
            None,
        )

    def latest_review(self) -> _dt.date | None:
        return max((a.reviewed for a in self.articles.values()), default=None)
