"""Turn whatever a person typed into a safe, bounded Whoosh query.

No query syntax is interpreted: quotes, ``AND``/``OR``/``NOT``, ``*``, ``field:`` and control characters
are just text. At most ``MAX_CHARS`` characters and ``MAX_WORDS`` words are used. The everyday-words map
adds related terms. The last word, while it is still being typed, also matches as a prefix of title and
heading words, but only from three letters on (short prefixes over the body cost seconds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as wq

from guide_app.library.model import SynonymRule
from guide_app.library.sections import fold
from guide_app.search.analysis import stem, words

MAX_CHARS = 200
MAX_WORDS = 8
MIN_PREFIX = 3
MAX_PREFIX_TERMS = 24
FIELDS = (("title", 3.0), ("heading", 2.0), ("body", 1.0))
SYNONYM_BOOST = 0.6
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass
class ParsedQuery:
    text: str  # the cleaned text that was searched
    words: list[str]  # the person's own words (lower-case)
    terms: list[str]  # their stems (stop words dropped)
    extra_terms: list[str] = field(default_factory=list)  # added by the everyday-words map
    prefix: str = ""  # the unfinished last word, folded, when prefix matching applies

    @property
    def empty(self) -> bool:
        return not self.terms and not self.extra_terms and not self.prefix


def clean(text: str) -> str:
    text = _CONTROL.sub(" ", str(text)[: MAX_CHARS * 4])
    return " ".join(text.split())[:MAX_CHARS]


def parse(text: str, lang: str, synonyms: tuple[SynonymRule, ...] = (), as_you_type: bool = False) -> ParsedQuery:
    cleaned = clean(text)
    tokens = words(cleaned)[:MAX_WORDS]
    prefix = ""
    # The last word is unfinished unless a space or punctuation follows it (``clean`` drops the space).
    finished = str(text)[-1:].isspace() or cleaned.endswith(('"', "?", ".", "!"))
    typing_last = as_you_type and tokens and not finished
    terms = []
    for i, token in enumerate(tokens):
        term = stem(token, lang)
        is_last = i == len(tokens) - 1
        if typing_last and is_last and len(token) < MIN_PREFIX and len(tokens) > 1:
            continue  # "police st" — ignore the 2-letter stub rather than match everything
        if term and term not in terms:
            terms.append(term)
        if typing_last and is_last and len(token) >= MIN_PREFIX:
            prefix = fold(token)
    extra: list[str] = []
    for rule, _ in synonym_matches(tokens, lang, synonyms):
        for phrase in rule.add:
            for word in words(phrase):
                term = stem(word, lang)
                if term and term not in terms and term not in extra:
                    extra.append(term)
    return ParsedQuery(cleaned, tokens, terms, extra, prefix)


def synonym_matches(tokens: list[str], lang: str, rules: tuple[SynonymRule, ...]):
    """Yield ``(rule, matched phrase words)`` for each everyday-words rule found in ``tokens``."""
    joined = " " + " ".join(fold(t) for t in tokens) + " "
    for rule in rules:
        if rule.lang != lang:
            continue
        for phrase in rule.when:
            phrase_words = [fold(w) for w in words(phrase)]
            if phrase_words and f" {' '.join(phrase_words)} " in joined:
                yield rule, phrase_words
                break


def to_whoosh(parsed: ParsedQuery) -> wq.Query | None:
    """One flat Or of every word in every field (title and heading boosted), synonyms weighted lower.

    A plain Or scores a section by the sum of its matching parts, so sections matching more of the
    person's words rank higher; one flat Or is also faster in Whoosh than nested groups. (Whoosh's
    coordination ``scale`` would multiply by (n-1)/n matching terms: 0 when only one term matches.)
    """
    parts: list[wq.Query] = [wq.Term(name, term, boost=boost) for term in parsed.terms for name, boost in FIELDS]
    parts += [
        wq.Term(name, term, boost=boost * SYNONYM_BOOST)
        for term in parsed.extra_terms
        if len(term) > 1  # "I-200" adds "i": a one-letter term matches nearly everything
        for name, boost in FIELDS
    ]
    if parsed.prefix:
        parts.append(wq.Prefix("prefix", parsed.prefix, boost=1.5))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.Or(parts)
