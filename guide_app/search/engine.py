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

The parts: query.py (cleaning, parsing, everyday words), spelling.py (edit distances), lang_index.py (one
language's index and its cached scores), snippets.py, and response.py (:class:`Result`, :class:`Response`).
"""

from __future__ import annotations

import heapq
import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path

from guide_app.library.model import LANGUAGES, Library
from guide_app.library.sections import fold
from guide_app.search import store
from guide_app.search.analysis import TOKEN_PATTERN, stem, stopwords, words
from guide_app.search.lang_index import HELP_ARTICLE, LangIndex
from guide_app.search.query import (
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
from guide_app.search.response import Response, Result
from guide_app.search.snippets import lead_snippet, make_snippet
from guide_app.search.spelling import edit_distance, max_edits

log = logging.getLogger("guide_app")
KIND_WEIGHT = {"article": 1.0, "glossary": 0.5, "resource": 0.5}
CARD_KINDS = ("glossary", "resource")
# Everyday-words categories that mean the question IS about something the guide covers, even when it also
# names something it does not ("my work permit case is stuck for years" is a mandamus question).
IN_SCOPE_CATEGORIES = frozenset({"delay", "arrested", "stop-deportation"})
# Out of scope: the best section matches none of the question's words in its title or heading and covers
# less than this share of the question's content words.
OUT_OF_SCOPE_COVERAGE = 0.5
# A leading section whose title or heading has two of the person's words side by side (stop words between
# them skipped) gets this much per pair, for up to two pairs (about a tenth of a good match); chosen on half A
# of benchmarks/eval_queries.yaml among 1-10 (above 3 it hurt benchmarks/queries.yaml).
PHRASE_BONUS = 2.0
PHRASE_CANDIDATES = 40
_WORD_RE = re.compile(TOKEN_PATTERN, re.IGNORECASE)


class Stopped(Exception):
    """``should_stop`` turned true."""


class SearchEngine:
    """Holds the open indexes (one per language); safe to call from one worker thread at a time."""

    def __init__(self, indexes: dict, library: Library, folder: Path | None = None, reopen=None) -> None:
        self.indexes = indexes
        self.library = library
        self.folder = folder
        # Builds a fresh index when a search raises (damage the checksums could not see): () -> (folder, indexes)
        self._reopen = reopen or (lambda: (None, store.build_in_memory(library)))
        self.repairs = 0  # how many times a failing index was rebuilt (the window can say so)
        self._langs = {lang: LangIndex(ix, lang) for lang, ix in indexes.items()}
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
            self._langs = {lang: LangIndex(ix, lang) for lang, ix in self.indexes.items()}
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
        self._phrase_bonus(parsed, index, total)
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

    @staticmethod
    def _phrase_bonus(parsed: ParsedQuery, index: LangIndex, total: list[float]) -> None:
        """Add ``PHRASE_BONUS`` for each pair of the person's words (up to two pairs) that a leading section's
        title or heading has side by side ("warrant service officer", "motion to reopen")."""
        terms = [t for t in (stem(w, index.lang) for w in parsed.words) if t]
        pairs = {(a, b) for a, b in zip(terms, terms[1:], strict=False) if a != b}
        if not pairs:
            return
        for d in heapq.nlargest(PHRASE_CANDIDATES, range(index.count), key=total.__getitem__):
            if total[d] <= 0:
                break
            shared = len(pairs & index.heading_pairs(d))
            if shared:
                total[d] += PHRASE_BONUS * min(shared, 2)

    def _out_of_scope(self, parsed: ParsedQuery, index: LangIndex, top: list[int]) -> bool:
        if parsed.not_covered:
            return not parsed.names(IN_SCOPE_CATEGORIES)
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

    def _result(self, index: LangIndex, lang: str, key, score: float, d: int, snippet: str | None) -> Result:
        fields = index.stored(d)
        body = fields.get("body", "")
        if not snippet:
            snippet = lead_snippet(body)
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
    def _snippets(self, parsed: ParsedQuery, index: LangIndex, docnums: list[int]) -> dict[int, str]:
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
