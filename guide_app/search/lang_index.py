"""One language's open Whoosh index, read for the engine: each ``(field, term)`` posting list scored once
with Whoosh's own BM25F scorer and kept in ``array`` storage, stored fields, known words, spelling
suggestions and the character spans snippets are cut from."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Any

from guide_app.library.model import LEGAL_HELP_ID
from guide_app.search.analysis import stem, words
from guide_app.search.query import FIELDS, MAX_PREFIX_TERMS
from guide_app.search.spelling import max_edits

HELP_ARTICLE = LEGAL_HELP_ID  # what an out-of-scope question is offered first
MAX_CACHED_POSTINGS = 4_000_000  # about 48 MB of arrays; beyond this the cache is emptied and refilled
_EMPTY = (array("i"), array("d"))


class LangIndex:
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
        self._pairs: dict[int, set[tuple[str, str]]] = {}
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

    def heading_pairs(self, docnum: int) -> set[tuple[str, str]]:
        """Each pair of neighbouring index terms in the section's title and in its heading (stop words
        skipped), worked out once per section."""
        found = self._pairs.get(docnum)
        if found is None:
            fields = self.stored(docnum)
            found = set()
            for text in (fields.get("title", ""), fields.get("heading", "")):
                terms = [t for t in (stem(w, self.lang) for w in words(text)) if t]
                found.update(zip(terms, terms[1:], strict=False))
            if len(self._pairs) < 50_000:
                self._pairs[docnum] = found
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
