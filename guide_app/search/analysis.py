"""Text analysis per language: tokens, accent folding and stemming that agree at index and query time.

Spanish needs care: the Snowball stemmer only recognises suffixes such as "-ción" with their accent, so
"deportacion" typed without it would not meet "deportación". Both sides therefore fold accents first,
put the accent back on the few suffixes the stemmer needs, stem, and fold again.
"""

from __future__ import annotations

import re
from functools import cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang import stemmer_for_language, stopwords_for_language

from guide_app.library.sections import fold
from guide_app.search.tokens import TOKEN_PATTERN
from guide_app.search.tokens import WORD as _WORD

_ACCENTED_SUFFIX = re.compile(r"(ci|si|xi)on(es)?$")


def words(text: str) -> list[str]:
    """The words of ``text`` as the tokenizer sees them, lower-cased and without parentheses."""
    return [_normal_token(m.group(0)) for m in _WORD.finditer(text)]


def _normal_token(token: str) -> str:
    return token.lower().replace("(", "").replace(")", "").replace("’", "'")


class _NormalizeFilter(Filter):
    """Lower-case, drop parentheses ("287(g)" -> "287g") and fold accents."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(_normal_token(t.text))
            yield t


class _StemFilter(Filter):
    """Stems each token; holds only the language name so the schema stays picklable."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __eq__(self, other):
        return isinstance(other, _StemFilter) and other.lang == self.lang

    def __call__(self, tokens):
        lang = self.lang
        for t in tokens:
            if not t.stopped:
                t.text = stem_folded(t.text, lang)
            yield t


_STEM_CACHE: dict[tuple[str, str], str] = {}


# Words the stemmer would merge with different ones, kept apart (found by listing the stem collisions over
# the whole guide): "detainer" is not "detained", an "office" is not an "officer"; in Spanish a "casa" (home)
# is not a "caso" (case), a "puerta" (door) is not a "puerto" (port), a "corte" (court) is not "corta" (short).
_KEEP = {
    "en": {
        "detainer": "detainer",
        "detainers": "detainer",
        "officer": "officer",
        "officers": "officer",
        "officer's": "officer",
        "office": "office",
        "offices": "office",
        "office's": "office",
    },
    "es": {
        "casa": "casa",
        "casas": "casa",
        "caso": "caso",
        "casos": "caso",
        "puerta": "puerta",
        "puertas": "puerta",
        "puerto": "puerto",
        "puertos": "puerto",
        "corte": "corte",
        "cortes": "corte",
        "costa": "costa",
        "costas": "costa",
        "nueve": "nueve",
    },
}


def stem_folded(word: str, lang: str) -> str:
    """Stem an already folded word (see the module notes for the Spanish accent round trip)."""
    key = (lang, word)
    found = _STEM_CACHE.get(key)
    if found is None:
        if len(word) <= 2:
            found = word
        elif word in _KEEP.get(lang, {}):
            found = _KEEP[lang][word]
        else:
            source = word
            if lang == "es":
                source = _ACCENTED_SUFFIX.sub(lambda m: m.group(1) + ("ones" if m.group(2) else "ón"), word)
            found = fold(_snowball(lang)(source))
        if len(_STEM_CACHE) < 100_000:
            _STEM_CACHE[key] = found
    return found


@cache
def _snowball(lang: str):
    return stemmer_for_language(lang)


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The language's stop words, folded; computed once (it is called for every query word)."""
    return frozenset(fold(w) for w in stopwords_for_language(lang)) | _MORE_STOPWORDS.get(lang, frozenset())


# Question words Whoosh's lists leave out while keeping their neighbours ("cómo", "cuándo", "dónde" are in the
# Spanish list; "how", "what", "when" in the English one): the guide's headings are questions, so a question
# word would otherwise match every heading that asks the same kind of question ("¿Cuánto cuesta el 287(g)?"
# for "cuánto cuesta la fianza").
_MORE_STOPWORDS = {"es": frozenset({"cuanto", "cuanta", "cuantos", "cuantas"})}


def stemming_analyzer(lang: str):
    """Analyzer for the searchable fields: tokens, folding, stop words, stemming."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | _NormalizeFilter()
        | StopFilter(stoplist=stopwords(lang), minsize=1, renumber=False)
        | _StemFilter(lang)
    )


def folding_analyzer():
    """Analyzer for prefix matching: whole words, folded, not stemmed."""
    return RegexTokenizer(TOKEN_PATTERN) | _NormalizeFilter()


def word_analyzer():
    """Analyzer for the spelling vocabulary: whole words, lower-cased, accents kept."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()


def stem(word: str, lang: str) -> str | None:
    """The index term for one query word, or None when it is a stop word."""
    folded = fold(_normal_token(word))
    if folded in stopwords(lang):
        return None
    return stem_folded(folded, lang)
