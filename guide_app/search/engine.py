"""The search interface the UI and the command line use: ``SearchEngine.search(text, lang)``.

Results are grouped by article (its best section is shown), carry a snippet with the matched words
marked ``[`` ``]``, and come with a "did you mean" suggestion when a word is unknown or little is found.
When one language finds nothing useful, the other language's matches are offered, labeled as such.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh import highlight

from guide_app.library.model import LANGUAGES, Library
from guide_app.library.sections import fold
from guide_app.search import store
from guide_app.search.analysis import stem, words
from guide_app.search.query import ParsedQuery, clean, parse, synonym_matches, to_whoosh

SNIPPET_CHARS = 180
log = logging.getLogger("guide_app")
KIND_WEIGHT = {"article": 1.0, "glossary": 0.5, "resource": 0.5}


@dataclass(frozen=True)
class Result:
    id: str  # article id, or "glossary:ID" / "resource:ID"
    lang: str
    title: str
    section: str
    summary: str
    snippet: str  # plain text, matched words in [brackets]
    score: float
    anchor: str = ""
    kind: str = "article"

    def as_json(self) -> dict:
        data = asdict(self)
        return {k: data[k] for k in ("id", "lang", "title", "section", "summary", "snippet", "score")}


@dataclass(frozen=True)
class Response:
    query: str
    lang: str | None
    suggestion: str | None
    results: tuple[Result, ...]
    other_lang_results: tuple[Result, ...] = field(default=())

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "lang": self.lang,
            "suggestion": self.suggestion,
            "results": [r.as_json() for r in self.results + self.other_lang_results],
        }


class _BracketFormatter(highlight.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return f"[{highlight.get_text(text, token, replace)}]"


class SearchEngine:
    """Holds open Whoosh searchers (one per language); safe to call from one worker thread at a time."""

    def __init__(self, indexes: dict, library: Library, folder: Path | None = None, reopen=None) -> None:
        self.indexes = indexes
        self.library = library
        self.folder = folder
        # Builds a fresh index when a search raises (damage the checksums could not see): () -> (folder, indexes)
        self._reopen = reopen or (lambda: (None, store.build_in_memory(library)))
        self.repairs = 0  # how many times a failing index was rebuilt (the window can say so)
        self._searchers = {lang: ix.searcher() for lang, ix in indexes.items()}
        self._lock = threading.Lock()
        self._highlighter = highlight.Highlighter(
            # Uses the character offsets stored in the index instead of re-reading the text around hits.
            fragmenter=highlight.PinpointFragmenter(maxchars=SNIPPET_CHARS, surround=60, autotrim=True),
            formatter=_BracketFormatter(),
        )

    @classmethod
    def open(cls, cache: Path, library: Library, fingerprint: str, progress=None, force=False) -> SearchEngine:
        folder, indexes = store.open_or_build(cache, library, fingerprint, progress, force)
        return cls(indexes, library, folder, lambda: store.open_or_build(cache, library, fingerprint, None, True))

    def close(self) -> None:
        for searcher in self._searchers.values():
            searcher.close()
        for ix in self.indexes.values():
            ix.close()

    # -- searching ---------------------------------------------------------------------------------
    def search(self, text: str, *args, **kwargs) -> Response:
        """Search ``text``; never raises. When the index itself fails (a damaged segment), it is rebuilt and
        the search asked again; only the exception's type is logged, never its message (it may quote the
        query)."""
        try:
            return self._search(text, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - input never raises; this is a broken index
            log.warning("search failed (%s); rebuilding the search index", type(exc).__name__)
        try:
            self._repair()
            return self._search(text, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            log.error("search failed again after a rebuild (%s)", type(exc).__name__)
        lang = kwargs.get("lang", args[0] if args else "en")
        return Response(clean(text), lang if lang in LANGUAGES else None, None, ())

    def _repair(self) -> None:
        with self._lock:
            store.discard(self.folder)  # other processes rebuild too
            self.close()
            self.folder, self.indexes = self._reopen()
            self._searchers = {lang: ix.searcher() for lang, ix in self.indexes.items()}
            self.repairs += 1

    def _search(
        self, text: str, lang: str | None = "en", limit: int = 10, as_you_type: bool = False, fallback: bool = True
    ) -> Response:
        cleaned = clean(text)
        langs = [lang] if lang in LANGUAGES else list(LANGUAGES)
        limit = max(1, min(int(limit), 100))
        with self._lock:
            results: list[Result] = []
            parsed_by_lang = {}
            for lng in langs:
                parsed = parse(text, lng, self.library.synonyms, as_you_type)  # raw: a trailing space counts
                parsed_by_lang[lng] = parsed
                results.extend(self._run(parsed, lng, limit))
            results.sort(key=lambda r: -r.score)
            results = results[:limit]
            other: list[Result] = []
            searched = list(langs)
            if fallback and lang in LANGUAGES and not results and cleaned:
                other_lang = next(x for x in LANGUAGES if x != lang)
                other = self._run(parse(text, other_lang, self.library.synonyms, as_you_type), other_lang, limit)
                if other:
                    searched.append(other_lang)  # words the other language knows are not "corrected"
            # Offered whenever a word is unknown, even if other words found something ("deportasion").
            suggestion = self._suggest(parsed_by_lang[langs[0]], langs[0], searched) if cleaned else None
        return Response(cleaned, lang if lang in LANGUAGES else None, suggestion, tuple(results), tuple(other))

    def _run(self, parsed: ParsedQuery, lang: str, limit: int) -> list[Result]:
        query = to_whoosh(parsed)
        if query is None:
            return []
        searcher = self._searchers[lang]
        # Ranking pass without recording matched terms: recording them turns off Whoosh's top-N shortcuts
        # (measured on 4,000 sections: p95 109 ms with terms, 41 ms without).
        hits = searcher.search(query, limit=limit * 4)
        # Plain answers first: a glossary line or a phone number is offered, but below the articles.
        best: dict[str, tuple[float, object]] = {}
        for hit in hits:
            fields = hit.fields()
            kind = fields.get("kind", "article")
            key = fields["article_id"] if kind == "article" else f"{kind}:{fields['article_id']}"
            score = float(hit.score) * KIND_WEIGHT.get(kind, 1.0)
            if key not in best or score > best[key][0]:
                best[key] = (score, hit)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])[:limit]
        # Second pass over just the shown sections, with matched terms, for the highlighted snippets.
        shown = {hit.docnum for _, (_, hit) in ranked}
        marked = {h.docnum: h for h in searcher.search(query, limit=len(shown) or 1, filter=shown, terms=True)}
        results = []
        for key, (score, hit) in ranked:
            hit = marked.get(hit.docnum, hit)
            fields = hit.fields()
            results.append(
                Result(
                    id=key,
                    lang=lang,
                    title=fields.get("title", ""),
                    section=fields.get("heading", ""),
                    summary=fields.get("summary", ""),
                    snippet=self._snippet(hit, fields),
                    score=round(score, 4),
                    anchor=fields.get("anchor", ""),
                    kind=fields.get("kind", "article"),
                )
            )
        return results

    def _snippet(self, hit, fields: dict) -> str:
        body = fields.get("body", "")
        try:
            text = self._highlighter.highlight_hit(hit, "body", text=body, top=2)
        except Exception:  # noqa: BLE001 - a snippet is a nicety; never fail a search over it
            text = ""
        if not text:
            text = body[:SNIPPET_CHARS].rsplit(" ", 1)[0] + ("…" if len(body) > SNIPPET_CHARS else "")
        return " ".join(text.split())

    # -- did you mean ------------------------------------------------------------------------------
    def _known(self, word: str, lang: str) -> bool:
        term = stem(word, lang)
        if term is None:
            return True
        reader = self._searchers[lang].reader()
        return any(reader.doc_frequency(name, term) for name in ("title", "heading", "body"))

    def _suggest(self, parsed: ParsedQuery, lang: str, searched: list[str] | None = None) -> str | None:
        """Spelling fixes from ``lang``'s words; a word known in any ``searched`` language is left alone."""
        tokens = words(parsed.text)
        if not tokens:
            return None
        searched = searched or [lang]
        searcher = self._searchers[lang]
        reader = searcher.reader()
        covered = {
            w for lng in searched for _, found in synonym_matches(tokens, lng, self.library.synonyms) for w in found
        }
        changed, out = False, []
        for i, token in enumerate(tokens):
            typing = parsed.prefix and i == len(tokens) - 1
            if typing and any(True for _ in reader.expand_prefix("prefix", parsed.prefix)):
                out.append(token)
                continue
            if (
                len(token) < 3
                or token.isdigit()
                or fold(token) in covered
                or any(self._known(token, lng) for lng in searched)
            ):
                out.append(token)
                continue
            try:
                options = searcher.suggest("spell", token, limit=3, maxdist=2, prefix=1)
            except Exception:  # noqa: BLE001
                options = []
            options = [o for o in options if o != token]
            if options:
                out.append(options[0])
                changed = True
            else:
                out.append(token)
        return " ".join(out) if changed else None


def highlight_terms(text: str, lang: str) -> list[str]:
    """Stems of the words in ``text``: what the reader highlights in an opened article."""
    return [t for t in (stem(w, lang) for w in words(clean(text))) if t]
