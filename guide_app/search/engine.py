"""The search interface the UI and the command line use: ``SearchEngine.search(text, lang)``.

What one search does, in order:

1. **Understand the query.** Words are capped at ``MAX_WORDS`` content words. A query that reads as the
   other language (its words are known there and not here) is detected: that language's answers come
   with it, labelled. A word neither language knows is corrected *and searched* ("Showing results for
   habeas corpus — search instead for habeus corpis"), but only into a plausible word: close in spelling
   for its length, known to this language's articles, never a stop word.
2. **Rank.** Each ``(field, term)`` posting list is scored once with Whoosh's own BM25F scorer and kept
   (``array`` storage); a query adds the cached scores of its terms into one slot per section and takes
   the top sections with ``heapq``. Sections are grouped by article (its best section is shown); at most
   one glossary term or resource is offered as a card, apart from the articles.
3. **Answer first.** When nothing matches well (no title or heading hit and little of the question
   found), or the question is about something the guide does not cover (the everyday-words map's
   ``not-covered`` category), the response says so and puts the finding-legal-help article first.
4. **Snippets** come from the character offsets stored in the index, for the shown sections only.

``should_stop`` is polled between steps; when it turns true the search returns at once with a response
flagged ``cancelled``.
"""

from __future__ import annotations

import heapq
import logging
import re
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guide_app.library.model import LANGUAGES, Library
from guide_app.library.sections import fold
from guide_app.search import store
from guide_app.search.analysis import TOKEN_PATTERN, stem, stopwords, words
from guide_app.search.query import (
    FIELDS,
    MAX_PREFIX_TERMS,
    MIN_PREFIX,
    PREFIX_BOOST,
    SYNONYM_BOOST,
    ParsedQuery,
    cap_words,
    clean,
    is_finished,
    parse,
    synonym_words,
)

SNIPPET_CHARS = 180
log = logging.getLogger("guide_app")
KIND_WEIGHT = {"article": 1.0, "glossary": 0.5, "resource": 0.5}
HELP_ARTICLE = "finding-legal-help"  # what an out-of-scope question is offered first
CARD_KINDS = ("glossary", "resource")
# Everyday-words categories that mean the question IS about something the guide covers, even when it also
# names something it does not ("my work permit case is stuck for years" is a mandamus question).
IN_SCOPE_CATEGORIES = frozenset({"delay", "arrested", "stop-deportation"})
# Out of scope: the best section matches none of the question's words in its title or heading and covers
# less than this share of the question's content words.
OUT_OF_SCOPE_COVERAGE = 0.5
MAX_CACHED_POSTINGS = 4_000_000  # about 48 MB of arrays; beyond this the cache is emptied and refilled
_EMPTY = (array("i"), array("d"))
_WORD_RE = re.compile(TOKEN_PATTERN, re.IGNORECASE)


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


class Stopped(Exception):
    """``should_stop`` turned true."""


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def max_edits(word: str) -> int:
    """How far a correction may be from a word of this length: short words only by one letter."""
    n = len(word)
    if n < 4:
        return 0
    return 1 if n <= 6 else 2


class _LangIndex:
    """One language's open index with its scored-postings cache. Used under the engine's lock."""

    def __init__(self, ix, lang: str) -> None:
        self.ix = ix
        self.lang = lang
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.atomic = self.searcher.is_atomic()
        self.count = self.reader.doc_count_all()
        self.weighting = self.searcher.weighting
        self._postings: dict[tuple[str, str], tuple[array, array]] = {}
        self._combined: dict[str, tuple[array, array]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._norm_cache: dict[tuple, list[float]] = {}
        self._stored: dict[int, dict] = {}
        self._known: dict[str, bool] = {}
        self._spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._cached = 0
        self._corrector: Any = None  # a Whoosh corrector, made on first use
        self._help_doc: int | None | bool = False

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()

    # -- cached scores -----------------------------------------------------------------------------
    def _field_lengths(self, name: str) -> list[int]:
        lengths = self._lengths.get(name)
        if lengths is None:
            dfl = self.reader.doc_field_length
            lengths = [dfl(d, name, 1) for d in range(self.count)]
            self._lengths[name] = lengths
        return lengths

    def postings(self, name: str, term: str) -> tuple[array, array]:
        """Sorted doc numbers holding ``term`` in field ``name`` and each one's BM25F score (Whoosh's)."""
        key = (name, term)
        found = self._postings.get(key)
        if found is not None:
            return found
        found = _EMPTY if not self.reader.doc_frequency(name, term) else self._fill(name, term)
        if self._cached > MAX_CACHED_POSTINGS:
            self._postings.clear()
            self._combined.clear()
            self._spans.clear()
            self._cached = 0
        self._postings[key] = found
        self._cached += len(found[0])
        return found

    def _norms(self, name: str, scorer) -> list[float]:
        """Per section, BM25's length part ``K1 * ((1 - B) + B * fl / avgfl)`` for field ``name``, computed
        once per field (the same expression, in the same order, as whoosh.scoring.bm25)."""
        key = (name, scorer.K1, scorer.B, scorer.avgfl)
        norms = self._norm_cache.get(key)
        if norms is None:
            k1, b, avgfl = scorer.K1, scorer.B, scorer.avgfl
            # (a section without this field has no length; it never holds one of the field's terms either)
            norms = [k1 * ((1 - b) + b * (fl or 1) / avgfl) for fl in self._field_lengths(name)]
            self._norm_cache[key] = norms
        return norms

    def _fill(self, name: str, term: str) -> tuple[array, array]:
        scorer = self.weighting.scorer(self.searcher, name, term)
        matcher = self.searcher.postings(name, term)
        ids, scores = array("i"), array("d")
        bm25f = type(scorer).__name__ == "BM25FScorer" and all(hasattr(scorer, a) for a in ("idf", "avgfl", "B", "K1"))
        if self.atomic and bm25f and hasattr(matcher, "_read_ids"):
            # A block at a time from the codec's id and weight arrays (whoosh3 leaf matcher), with
            # whoosh.scoring.bm25 written out: idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))),
            # the length part precomputed per section. Same numbers as scorer.score(matcher), bit for bit.
            norms = self._norms(name, scorer)
            idf, k1p = scorer.idf, scorer.K1 + 1
            while matcher.is_active():
                if matcher._ids is None:
                    matcher._read_ids()
                if matcher._weights is None:
                    matcher._read_weights()
                block = matcher._ids
                ids.extend(block)
                scores.extend(
                    [idf * ((w * k1p) / (w + norms[d])) for d, w in zip(block, matcher._weights, strict=True)]
                )
                matcher._next_block()
        else:
            while matcher.is_active():
                ids.append(matcher.id())
                scores.append(scorer.score(matcher))
                matcher.next()
        return ids, scores

    def term_scores(self, term: str) -> tuple[array, array]:
        """The term's score in every section: title, heading and body scores with their boosts, summed."""
        found = self._combined.get(term)
        if found is not None:
            return found
        total: dict[int, float] = {}
        get = total.get
        for name, boost in FIELDS:
            ids, scores = self.postings(name, term)
            for d, s in zip(ids, scores, strict=True):
                total[d] = get(d, 0.0) + s * boost
        order = sorted(total)
        found = (array("i", order), array("d", (total[d] for d in order)))
        self._combined[term] = found
        return found

    def has(self, name: str, term: str, docnum: int) -> bool:
        ids = self.postings(name, term)[0]
        i = bisect_left(ids, docnum)
        return i < len(ids) and ids[i] == docnum

    def prefix_docs(self, prefix: str) -> set[int]:
        docs: set[int] = set()
        for n, term in enumerate(self.reader.expand_prefix("prefix", prefix)):
            if n >= MAX_PREFIX_TERMS:
                break
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            docs.update(self.postings("prefix", text)[0])
        return docs

    # -- documents and words -----------------------------------------------------------------------
    def stored(self, docnum: int) -> dict:
        found = self._stored.get(docnum)
        if found is None:
            found = self.reader.stored_fields(docnum)
            if len(self._stored) < 50_000:
                self._stored[docnum] = found
        return found

    def help_doc(self) -> int | None:
        if self._help_doc is False:
            self._help_doc = self.searcher.document_number(key=f"article:{HELP_ARTICLE}#0")
        return self._help_doc  # type: ignore[return-value]

    def knows_term(self, term: str) -> bool:
        found = self._known.get(term)
        if found is None:
            found = any(self.reader.doc_frequency(name, term) for name, _ in FIELDS)
            if len(self._known) < 100_000:
                self._known[term] = found
        return found

    def spelling(self, word: str) -> list[str]:
        if self._corrector is None:
            self._corrector = self.reader.corrector("spell")
        try:
            return list(self._corrector.suggest(word, limit=8, maxdist=max_edits(word), prefix=1))
        except Exception:  # noqa: BLE001 - no correction is better than a failed search
            return []

    def spell_frequency(self, word: str) -> int:
        return self.reader.doc_frequency("spell", word)

    def char_spans(self, term: str, docnums: list[int]) -> dict[int, list[tuple[int, int]]]:
        """Character spans of ``term`` in the stored body of each of ``docnums`` (from the index; kept, as
        the same sections come back keystroke after keystroke)."""
        out: dict[int, list[tuple[int, int]]] = {}
        ids = self.postings("body", term)[0]
        missing = []
        for d in sorted(docnums):
            i = bisect_left(ids, d)
            if i == len(ids) or ids[i] != d:
                continue  # the term is not in this section's body
            found = self._spans.get((term, d))
            if found is None:
                missing.append(d)
            else:
                out[d] = found
        if missing:
            if len(self._spans) > 50_000:
                self._spans.clear()
            matcher = self.searcher.postings("body", term)
            for d in missing:
                if not matcher.is_active():
                    break
                matcher.skip_to(d)
                if matcher.is_active() and matcher.id() == d:
                    try:
                        found = [(start, end) for _, start, end in matcher.value_as("characters")]
                    except Exception:  # noqa: BLE001 - a snippet is a nicety
                        continue
                    self._spans[(term, d)] = out[d] = found
        return out


class SearchEngine:
    """Holds the open indexes (one per language); safe to call from one worker thread at a time."""

    def __init__(self, indexes: dict, library: Library, folder: Path | None = None, reopen=None) -> None:
        self.indexes = indexes
        self.library = library
        self.folder = folder
        # Builds a fresh index when a search raises (damage the checksums could not see): () -> (folder, indexes)
        self._reopen = reopen or (lambda: (None, store.build_in_memory(library)))
        self.repairs = 0  # how many times a failing index was rebuilt (the window can say so)
        self._langs = {lang: _LangIndex(ix, lang) for lang, ix in indexes.items()}
        self._lock = threading.Lock()
        # Words of each language (other-language words mixed in, the "spanglish" rules, do not count).
        self._words = {lang: synonym_words(library.synonyms, lang, skip=("spanglish",)) for lang in LANGUAGES}

    @classmethod
    def open(cls, cache: Path, library: Library, fingerprint: str, progress=None, force=False) -> SearchEngine:
        folder, indexes = store.open_or_build(cache, library, fingerprint, progress, force)
        return cls(indexes, library, folder, lambda: store.open_or_build(cache, library, fingerprint, None, True))

    def close(self) -> None:
        for index in self._langs.values():
            index.close()

    # -- searching ---------------------------------------------------------------------------------
    def search(
        self,
        text: str,
        lang: str | None = "en",
        limit: int = 10,
        as_you_type: bool = False,
        fallback: bool = True,
        correct: bool = True,
        should_stop: Callable[[], bool] | None = None,
    ) -> Response:
        """Search ``text``; never raises for any input. ``lang=None`` searches both languages.

        ``correct=False`` searches the words exactly as typed ("search instead for …").
        """
        cleaned = clean(text)
        limit = max(1, min(int(limit), 100))
        own = lang if lang in LANGUAGES else None
        stop = should_stop or (lambda: False)
        if not cleaned:
            return Response(cleaned, own, ())
        args = (text, cleaned, own, limit, as_you_type, fallback, correct, stop)
        try:
            return self._locked(*args)
        except Stopped:
            return Response(cleaned, own, (), cancelled=True)
        except Exception as exc:  # noqa: BLE001 - input never raises; this is a broken index
            # Only the exception's type is logged, never its message (it may quote the query).
            log.warning("search failed (%s); rebuilding the search index", type(exc).__name__)
        try:
            self._repair()
            return self._locked(*args)
        except Stopped:
            return Response(cleaned, own, (), cancelled=True)
        except Exception as exc:  # noqa: BLE001
            log.error("search failed again after a rebuild (%s)", type(exc).__name__)
        return Response(cleaned, own, ())

    def _locked(self, *args) -> Response:
        with self._lock:
            return self._search(*args)

    def _repair(self) -> None:
        with self._lock:
            store.discard(self.folder)  # other processes rebuild too
            self.close()
            self.folder, self.indexes = self._reopen()
            self._langs = {lang: _LangIndex(ix, lang) for lang, ix in self.indexes.items()}
            self.repairs += 1

    def _search(self, text, cleaned, own, limit, as_you_type, fallback, correct, stop) -> Response:
        if own is None:
            results: list[Result] = []
            cards: list[Result] = []
            for lng in LANGUAGES:
                parsed = parse(text, lng, self.library.synonyms, as_you_type)
                found, card, _ = self._run(parsed, lng, limit, stop)
                results.extend(found)
                cards.extend([card] if card else [])
            results.sort(key=lambda r: -r.score)
            card = max(cards, key=lambda r: r.score) if cards else None
            return Response(cleaned, None, tuple(results[:limit]), card, searched=tuple(LANGUAGES))
        other = next(x for x in LANGUAGES if x != own)
        tokens = words(cleaned)
        judged = tokens
        if as_you_type and tokens and not is_finished(text) and self._starts_a_word(tokens[-1], own):
            judged = tokens[:-1]  # "habe" is the start of "habeas", not Spanish "haber"
        detected = other if fallback and self._reads_as(judged, other, own) else None
        main = detected or own
        fixes = self._corrections(tokens, main, text, as_you_type) if correct else {}
        corrected = _apply(cleaned, fixes) if fixes else None
        parsed = parse(text, main, self.library.synonyms, as_you_type, fixes)
        found, card, out_of_scope = self._run(parsed, main, limit, stop, judge=True)
        searched = [main]
        if detected:
            # Its results are the answer, labelled; the window's own language would only match stray words.
            return Response(
                cleaned,
                own,
                (),
                card=card,
                corrected=corrected,
                detected_lang=detected,
                other_lang_results=tuple(found),
                out_of_scope=out_of_scope,
                searched=(main,),
            )
        other_results: list[Result] = []
        if fallback and not found:
            stop_check(stop)
            other_results, other_card, _ = self._run(
                parse(text, other, self.library.synonyms, as_you_type), other, limit, stop
            )
            card = card or other_card
            searched.append(other)
        return Response(
            cleaned,
            own,
            tuple(found),
            card=card,
            corrected=corrected,
            other_lang_results=tuple(other_results),
            out_of_scope=out_of_scope,
            searched=tuple(searched),
        )

    # -- language ----------------------------------------------------------------------------------
    def knows(self, word: str, lang: str) -> bool:
        """The guide's ``lang`` side knows ``word``: a stop word, an everyday word or an indexed term."""
        folded = fold(word)
        if folded in stopwords(lang) or folded in self._words.get(lang, ()):
            return True
        term = stem(word, lang)
        return term is None or self._langs[lang].knows_term(term)

    def _starts_a_word(self, token: str, lang: str) -> bool:
        """Some title or heading word of ``lang`` starts with ``token`` (it may be a word being typed)."""
        reader = self._langs[lang].reader
        return len(token) < MIN_PREFIX or any(True for _ in reader.expand_prefix("prefix", fold(token)))

    def _reads_as(self, tokens: list[str], other: str, own: str) -> bool:
        """True when more of the words belong only to ``other`` than only to ``own`` (clearly)."""
        own_only = other_only = 0
        for token in tokens[:24]:
            if token.isdigit() or len(token) < 2:
                continue
            in_own, in_other = self.knows(token, own), self.knows(token, other)
            own_only += in_own and not in_other
            other_only += in_other and not in_own
        return other_only >= 1 and other_only >= 2 * own_only + 1

    # -- spelling ----------------------------------------------------------------------------------
    def _corrections(self, tokens: list[str], lang: str, text: str, as_you_type: bool) -> dict[str, str]:
        """Typed word -> correction, for words neither language knows, when a plausible one exists."""
        tokens = cap_words(tokens, lang)
        typing_last = as_you_type and tokens and not is_finished(text)
        fixes: dict[str, str] = {}
        for i, token in enumerate(tokens):
            if token in fixes or max_edits(token) == 0 or any(c.isdigit() for c in token):
                continue
            if typing_last and i == len(tokens) - 1 and self._starts_a_word(token, lang):
                continue
            if any(self.knows(token, lng) for lng in LANGUAGES):
                continue
            best = self._best_correction(token, lang)
            if best:
                fixes[token] = best
        return fixes

    def _best_correction(self, token: str, lang: str) -> str | None:
        index = self._langs[lang]
        limit = max_edits(token)
        folded = fold(token)
        options = []
        for option in index.spelling(token):
            plain = fold(option)
            if plain == folded or len(plain) < 3 or not plain.isalpha():
                continue
            if any(plain in stopwords(lng) for lng in LANGUAGES):
                continue  # never "correct" into a stop word
            distance = edit_distance(folded, plain, limit)
            if distance > limit:
                continue
            term = stem(option, lang)
            if not term or not index.knows_term(term):
                continue  # only words this language's articles use (not a quoted foreign word)
            frequency = index.spell_frequency(option)
            options.append((distance, -frequency, option))
        return min(options)[2] if options else None

    # -- ranking -----------------------------------------------------------------------------------
    def _run(self, parsed: ParsedQuery, lang: str, limit: int, stop, judge: bool = False):
        """``(articles, card, out_of_scope)`` for one language."""
        index = self._langs[lang]
        if parsed.empty:
            return [], None, False
        total = [0.0] * index.count
        for term in parsed.terms:
            stop_check(stop)
            for d, s in zip(*index.term_scores(term), strict=True):
                total[d] += s
        for term in parsed.extra_terms:
            stop_check(stop)
            for d, s in zip(*index.term_scores(term), strict=True):
                total[d] += s * SYNONYM_BOOST
        if parsed.prefix:
            stop_check(stop)
            for d in index.prefix_docs(parsed.prefix):
                total[d] += PREFIX_BOOST
        stop_check(stop)
        best: dict[tuple[str, str], tuple[float, int]] = {}
        want = limit * 4
        while True:  # one article has many sections: look further until ``limit`` articles are found
            top = heapq.nlargest(want, range(index.count), key=total.__getitem__)
            for d in top:
                if total[d] <= 0:
                    break
                fields = index.stored(d)
                kind = fields.get("kind", "article")
                key = (kind, fields.get("article_id", ""))
                score = total[d] * KIND_WEIGHT.get(kind, 1.0)
                if key not in best or score > best[key][0]:
                    best[key] = (score, d)
            found = sum(1 for kind, _ in best if kind == "article")
            if found >= limit or want >= index.count or not top or total[top[-1]] <= 0:
                break
            want *= 4
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        articles = [(key, sd) for key, sd in ranked if key[0] == "article"][:limit]
        cards = [(key, sd) for key, sd in ranked if key[0] in CARD_KINDS]
        card = cards[0] if cards else None
        judged = [d for _, (_, d) in articles[:3]] + ([card[1][1]] if card else [])
        out_of_scope = judge and self._out_of_scope(parsed, index, judged)
        shown = articles + ([card] if card else [])
        if out_of_scope:
            help_doc = index.help_doc()
            if help_doc is not None:
                rest = [x for x in articles if x[0][1] != HELP_ARTICLE][: limit - 1]
                first = max([score for _, (score, _) in articles] or [1.0])
                shown = [(("article", HELP_ARTICLE), (first, help_doc)), *rest] + ([card] if card else [])
        stop_check(stop)
        snippets = self._snippets(parsed, index, [d for _, (_, d) in shown])
        made = [self._result(index, lang, key, score, d, snippets.get(d)) for key, (score, d) in shown]
        if card:
            return made[:-1], made[-1], out_of_scope
        return made, None, out_of_scope

    def _out_of_scope(self, parsed: ParsedQuery, index: _LangIndex, top: list[int]) -> bool:
        if parsed.not_covered:
            return not IN_SCOPE_CATEGORIES & set(parsed.categories)
        if parsed.prefix and len(parsed.prefix) < 4:
            return False  # still typing the first letters of a word
        if not any(len(t) >= 3 for t in parsed.terms):
            return False  # nothing to judge by ("h", "25")
        if not top:
            return False  # nothing at all matched: a plain "no results" with the topics to browse
        terms = parsed.terms + parsed.extra_terms
        for d in top:
            if any(index.has(name, t, d) for t in terms for name in ("title", "heading")):
                return False
        top_doc = top[0]
        synonym_found = any(index.has("body", t, top_doc) for t in parsed.extra_terms)
        found = total = 0
        for word in parsed.words:
            term = stem(word, index.lang)
            if not term:
                continue
            total += 1
            if index.has("body", term, top_doc) or (synonym_found and fold(word) in parsed.covered):
                found += 1
        return total > 0 and found / total < OUT_OF_SCOPE_COVERAGE

    def _result(self, index: _LangIndex, lang: str, key, score: float, d: int, snippet: str | None) -> Result:
        fields = index.stored(d)
        body = fields.get("body", "")
        if not snippet:
            snippet = body[:SNIPPET_CHARS].rsplit(" ", 1)[0] + ("…" if len(body) > SNIPPET_CHARS else "")
        return Result(
            kind=key[0],
            id=key[1],
            lang=lang,
            title=fields.get("title", ""),
            section=fields.get("heading", ""),
            summary=fields.get("summary", ""),
            snippet=" ".join(snippet.split()),
            score=round(score, 4),
            anchor=fields.get("anchor", "") or "",
        )

    # -- snippets ----------------------------------------------------------------------------------
    def _snippets(self, parsed: ParsedQuery, index: _LangIndex, docnums: list[int]) -> dict[int, str]:
        spans: dict[int, list[tuple[int, int, str]]] = {d: [] for d in docnums}
        for term in parsed.terms + parsed.extra_terms:
            for d, found in index.char_spans(term, docnums).items():
                spans[d].extend((start, end, term) for start, end in found)
        out = {}
        for d, marks in spans.items():
            if marks:
                out[d] = make_snippet(index.stored(d).get("body", ""), marks)
        return out


def stop_check(stop) -> None:
    if stop():
        raise Stopped


def make_snippet(body: str, spans: list[tuple[int, int, str]], width: int = SNIPPET_CHARS) -> str:
    """Up to two passages of ``body`` around the matched words, each match in [brackets].

    The first passage is the ``width`` characters holding the most different matched terms; a second,
    shorter one is added when a term it lacks matches elsewhere.
    """
    spans = sorted({(s, e, t) for s, e, t in spans if 0 <= s < e <= len(body)})
    if not spans:
        return ""

    def window(start_at: int, size: int) -> tuple[int, int]:
        start = max(0, start_at - size // 3)
        if start > 0:
            space = body.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and start - space < 20 else start
        end = min(len(body), start + size)
        if end < len(body):
            space = body.rfind(" ", start, end)
            end = space if space > start + size // 2 else end
        return start, end

    best, best_key = spans[0][0], (-1, 0)
    for s, _, _ in spans:
        inside = [t for a, b, t in spans if s <= a and b <= s + width * 2 // 3]
        key = (len(set(inside)), len(inside))
        if key > best_key:
            best, best_key = s, key
    passages = [window(best, width)]
    terms_in = {t for a, b, t in spans if passages[0][0] <= a and b <= passages[0][1]}
    rest = [(a, b, t) for a, b, t in spans if t not in terms_in and (b <= passages[0][0] or a >= passages[0][1])]
    if rest:
        passages.append(window(rest[0][0], width // 2))
        passages.sort()
    out = []
    for start, end in passages:
        pieces, at = [], start
        for a, b, _ in spans:
            if a >= start and b <= end and a >= at:
                pieces.append(body[at:a])
                pieces.append(f"[{body[a:b]}]")
                at = b
        pieces.append(body[at:end])
        out.append("".join(pieces).strip())
    lead = "…" if passages[0][0] > 0 else ""
    tail = "…" if passages[-1][1] < len(body) else ""
    return lead + " … ".join(out) + tail


def _apply(cleaned: str, fixes: dict[str, str]) -> str:
    """``cleaned`` with each corrected word replaced (other characters kept as typed)."""

    def swap(match: re.Match) -> str:
        word = match.group(0)
        key = word.lower().replace("(", "").replace(")", "").replace("’", "'")
        return fixes.get(key, word)

    return _WORD_RE.sub(swap, cleaned)


def highlight_terms(text: str, lang: str) -> list[str]:
    """Stems of the words in ``text``: what the reader highlights in an opened article."""
    return [t for t in (stem(w, lang) for w in words(clean(text))) if t]
