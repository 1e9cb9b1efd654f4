"""Turn whatever a person typed into a safe, bounded query.

No query syntax is interpreted: quotes, ``AND``/``OR``/``NOT``, ``*``, ``field:`` and control characters
are just text. At most ``MAX_CHARS`` characters and ``MAX_WORDS`` *content* words are used (stop words do
not count, so a long question keeps its key words). The everyday-words map adds related terms. The last
word, while it is still being typed, also matches as a prefix of title and heading words, but only from
three letters on (short prefixes over the body cost seconds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from guide_app.library.model import SynonymRule
from guide_app.library.sections import fold
from guide_app.search.analysis import stem, stopwords, words

MAX_CHARS = 200
MAX_WORDS = 8  # content words; stop words around them are kept for phrase matching but not counted
MIN_PREFIX = 3
MAX_PREFIX_TERMS = 24
# Each boost is applied once: here, at query time (the schema has no field boosts). Title 2, heading and body
# 1: chosen on benchmarks/queries.yaml among 3/2/1, 4/2/1, 3/1.5/1, 2/1.5/1 and 2/1/1, and confirmed on the
# held-out benchmarks/eval_queries.yaml (see benchmarks/README.md).
FIELDS = (("title", 2.0), ("heading", 1.0), ("body", 1.0))
# Everyday-words terms count 0.8 of the person's own words: among 0.4-1.5, 0.8 was best on half A of
# benchmarks/eval_queries.yaml together with benchmarks/queries.yaml, and did not hurt half B (it was 0.6).
SYNONYM_BOOST = 0.8
PREFIX_BOOST = 1.5
NOT_COVERED = "not-covered"  # the synonyms category of questions the guide does not answer
MIXED_LANGUAGE = "spanglish"  # the category of rules for the other language's words mixed into a question
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass
class ParsedQuery:
    text: str  # the cleaned text that was searched
    words: list[str]  # the person's own words (lower-case), capped
    terms: list[str]  # their stems (stop words dropped)
    extra_terms: list[str] = field(default_factory=list)  # added by the everyday-words map
    prefix: str = ""  # the unfinished last word, folded, when prefix matching applies
    categories: tuple[str, ...] = ()  # categories of the everyday-words rules that matched
    covered: frozenset[str] = frozenset()  # folded words that an everyday-words rule matched
    # folded words of the in-scope rules' phrases that lie outside every not-covered phrase matched
    in_scope_words: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.terms and not self.extra_terms and not self.prefix

    @property
    def not_covered(self) -> bool:
        return NOT_COVERED in self.categories

    def names(self, categories: frozenset[str]) -> bool:
        """Some rule of one of ``categories`` matched words of its own, not just part of a not-covered
        phrase ("mi esposa" inside "pedir a mi esposa" is a family petition, not a detention)."""
        return any(self.in_scope_words.get(category) for category in categories)


def clean(text: str) -> str:
    text = _CONTROL.sub(" ", str(text)[: MAX_CHARS * 4])
    return " ".join(text.split())[:MAX_CHARS]


def cap_words(tokens: list[str], lang: str) -> list[str]:
    """The tokens up to and including the ``MAX_WORDS``-th content word (stop words are not counted)."""
    stops = stopwords(lang)
    count = 0
    for i, token in enumerate(tokens):
        if fold(token) not in stops:
            count += 1
            if count == MAX_WORDS:
                return tokens[: i + 1]
    return tokens[: MAX_WORDS * 6]


def is_finished(text: str) -> bool:
    """The last word is unfinished unless a space or punctuation follows it (``clean`` drops the space)."""
    raw = str(text)
    return raw[-1:].isspace() or clean(raw).endswith(('"', "?", ".", "!"))


def parse(
    text: str,
    lang: str,
    synonyms: tuple[SynonymRule, ...] = (),
    as_you_type: bool = False,
    replace: dict[str, str] | None = None,
) -> ParsedQuery:
    """``replace`` maps a typed word to the word searched instead (spelling corrections)."""
    cleaned = clean(text)
    tokens = cap_words(words(cleaned), lang)
    typing_last = as_you_type and bool(tokens) and not is_finished(text)
    if replace:  # (an unfinished last word is only corrected when no word starts with it)
        tokens = [replace.get(t, t) for t in tokens]
    prefix = ""
    terms: list[str] = []
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
    categories: list[str] = []
    covered: set[str] = set()
    hits = list(_synonym_hits(tokens, lang, synonyms))
    # Words of another language mixed in ("lawyer" in Spanish) are first put into this language; the rules
    # this language has for those words then apply as if they had been typed ("abogado" -> legal help).
    mixed = [w for rule, _, _ in hits if rule.category == MIXED_LANGUAGE for phrase in rule.add for w in words(phrase)]
    if mixed:
        seen = {id(rule) for rule, _, _ in hits}
        for rule, found, add_terms in _synonym_hits(mixed, lang, synonyms):
            if id(rule) not in seen and rule.category not in (MIXED_LANGUAGE, NOT_COVERED):
                seen.add(id(rule))
                hits.append((rule, found, add_terms))
    outside: set[str] = set()  # words matched by a not-covered phrase
    for rule, found, _ in hits:
        if rule.category == NOT_COVERED:
            outside.update(found)
    in_scope_words: dict[str, set[str]] = {}
    for rule, found, add_terms in hits:
        if rule.category != NOT_COVERED:
            in_scope_words.setdefault(rule.category, set()).update(set(found) - outside)
        covered.update(found)
        if rule.category and rule.category not in categories:
            categories.append(rule.category)
        for term in add_terms:
            if term not in terms and term not in extra:
                extra.append(term)
    return ParsedQuery(
        cleaned,
        tokens,
        terms,
        extra,
        prefix,
        tuple(categories),
        frozenset(covered),
        {category: frozenset(found) for category, found in in_scope_words.items()},
    )


# Everyday-words rules with their phrases split, folded and their added words stemmed, once per rule set.
_COMPILED: dict[int, tuple[tuple, dict]] = {}


def _compiled(rules: tuple[SynonymRule, ...], lang: str) -> list:
    entry = _COMPILED.get(id(rules))
    if entry is None or entry[0] is not rules:
        entry = (rules, {})
        if len(_COMPILED) > 16:
            _COMPILED.clear()
        _COMPILED[id(rules)] = entry  # holding ``rules`` keeps its id from being reused
    by_lang = entry[1]
    if lang not in by_lang:
        out = []
        for rule in rules:
            if rule.lang != lang:
                continue
            phrases = []
            for phrase in rule.when:
                phrase_words = [fold(w) for w in words(phrase)]
                if phrase_words:
                    phrases.append((f" {' '.join(phrase_words)} ", phrase_words))
            add_terms = []
            for phrase in rule.add:
                for word in words(phrase):
                    term = stem(word, lang)
                    # "I-200" adds "i": a one-letter term matches nearly everything
                    if term and len(term) > 1 and term not in add_terms:
                        add_terms.append(term)
            out.append((rule, phrases, add_terms))
        by_lang[lang] = out
    return by_lang[lang]


def _synonym_hits(tokens: list[str], lang: str, rules: tuple[SynonymRule, ...]):
    if not rules or not tokens:
        return
    joined = " " + " ".join(fold(t) for t in tokens) + " "
    for rule, phrases, add_terms in _compiled(rules, lang):
        for needle, phrase_words in phrases:
            if needle in joined:
                yield rule, phrase_words, add_terms
                break


def synonym_matches(tokens: list[str], lang: str, rules: tuple[SynonymRule, ...]):
    """Yield ``(rule, matched phrase words)`` for each everyday-words rule found in ``tokens``."""
    for rule, found, _ in _synonym_hits(tokens, lang, rules):
        yield rule, found


def synonym_words(rules: tuple[SynonymRule, ...], lang: str, skip: tuple[str, ...] = ()) -> frozenset[str]:
    """Every folded word of the ``when`` phrases of ``lang``'s rules (but those of the ``skip``
    categories): words the guide understands in that language."""
    return frozenset(
        w
        for rule, phrases, _ in _compiled(rules, lang)
        if rule.category not in skip
        for _, found in phrases
        for w in found
    )


def leaves(parsed: ParsedQuery) -> list[tuple[str, str, float]]:
    """``(field, term, boost)`` for every word in every field; everyday-words terms weighted lower.

    A section's score is the sum of its matching leaves, so sections matching more of the person's
    words rank higher.
    """
    out = [(name, term, boost) for term in parsed.terms for name, boost in FIELDS]
    out += [(name, term, boost * SYNONYM_BOOST) for term in parsed.extra_terms for name, boost in FIELDS]
    return out


def to_whoosh(parsed: ParsedQuery):
    """The same query as one flat Whoosh ``Or`` (the engine scores it from cached postings instead; this
    form is the reference the tests compare those scores against)."""
    from whoosh import query as wq

    parts: list = [wq.Term(name, term, boost=boost) for name, term, boost in leaves(parsed)]
    if parsed.prefix:
        parts.append(wq.Prefix("prefix", parsed.prefix, boost=PREFIX_BOOST))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.Or(parts)
