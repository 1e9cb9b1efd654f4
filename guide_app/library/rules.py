"""Content rules that every article, flow, glossary entry, card and resource must follow, built-in or from a
community center's own pack. `guide-app check` runs them (see :func:`guide_app.library.check.check`).

- **Known wrong claims** (fact sheet, section 6; patterns in :mod:`guide_app.library.claim_patterns`): the
  articles deny these claims all the time ("Can a writ of mandamus stop a deportation? No."), so questions
  are skipped and a pattern does not fire when a negation word stands just before it. A sentence that quotes
  a myth in order to call it wrong ("These ideas are wrong: ...") is not a claim either.
- **One signing rule** (:data:`guide_app.library.claim_patterns.SIGNING_RULE`): do not sign anything from an
  immigration officer before talking to a lawyer; the weak "do not sign what you do not understand" is flagged.
- **The article shape**: the last section is "Get real help" / "Dónde buscar ayuda" with the
  not-legal-advice note and a link to finding-legal-help.
- **Spanish terms** (:mod:`guide_app.library.term_list`): one word for one thing; forms the term list rules out.
"""

from __future__ import annotations

import re
from pathlib import Path

from guide_app.library import readability
from guide_app.library.articles import LEGAL_HELP_ID, LEGAL_NOTE
from guide_app.library.claim_patterns import NEGATIONS, SIGNING_RULE, WEAK_SIGNING, WRONG_CLAIMS
from guide_app.library.model import Article, Problem
from guide_app.library.sections import fold
from guide_app.library.term_list import Term

COMPILED = [(key, lang, re.compile(pattern)) for key, lang, pattern, _, _ in WRONG_CLAIMS]
# A sentence that quotes a myth in order to call it wrong is not a claim.
MYTH_WORDS = re.compile(r"\b(?:wrong|myths?|not true|is false|estan mal|no es cierto|es falso|mitos?)\b")
_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "’": "'", "‘": "'"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def folded_plain(text: str) -> str:
    """Markdown ``text`` as plain text, folded (lower case, no accents) and with plain quote marks."""
    return fold(readability.plain_sentences(text)).translate(_QUOTES)


def sentences(text: str) -> list[str]:
    """Plain, folded sentences of Markdown ``text`` (headings and list items count as sentences)."""
    plain = folded_plain(text)
    return [s.strip() for line in plain.splitlines() for s in _SENTENCE_END.split(line) if s.strip()]


def negated_before(sentence: str, start: int, lang: str) -> bool:
    """True when one of the five words before ``start`` is a negation ("no lo pueden deportar", "we found no
    court case where mandamus stopped ...")."""
    before = re.findall(r"[\w']+", sentence[:start])[-5:]
    return any(re.fullmatch(NEGATIONS[lang], word) for word in before)


def claims_in(text: str, lang: str) -> list[tuple[str, str]]:
    """(claim key, sentence) for every affirmative wrong claim in ``text``; questions are not claims."""
    found = []
    for sentence in sentences(text):
        if sentence.endswith("?") or sentence.startswith("¿") or MYTH_WORDS.search(sentence):
            continue
        for key, pattern_lang, pattern in COMPILED:
            if pattern_lang != lang:
                continue
            match = pattern.search(sentence)
            if match and not negated_before(sentence, match.start(), lang):
                found.append((key, sentence))
    return found


# -- one signing rule ---------------------------------------------------------------------------------------

_WEAK_SIGNING = [(lang, re.compile(pattern)) for lang, pattern, _, _ in WEAK_SIGNING]


def weak_signing_in(text: str, lang: str) -> list[str]:
    """Sentences of ``text`` that state the weak "do not sign what you do not understand" rule."""
    found = []
    for sentence in sentences(text):
        if any(pattern_lang == lang and pattern.search(sentence) for pattern_lang, pattern in _WEAK_SIGNING):
            found.append(sentence)
    return found


# -- the article shape ----------------------------------------------------------------------------------------

LAST_HEADING = {"en": "Get real help", "es": "Dónde buscar ayuda"}


def shape_problems(article: Article) -> list[Problem]:
    """The last section answers "where do I get real help?": its heading, the note and the link."""
    problems: list[Problem] = []
    last = article.sections[-1] if article.sections else None
    expected = LAST_HEADING.get(article.lang)
    if last is None or expected is None:
        return problems
    if last.heading != expected:
        problems.append(Problem(article.path, last.line, f"the last section must be '## {expected}'"))
    elif LEGAL_NOTE[article.lang] not in last.markdown:
        problems.append(
            Problem(article.path, last.line, f"'## {expected}' must hold the note '{LEGAL_NOTE[article.lang]}'")
        )
    elif article.id != LEGAL_HELP_ID and f"(article:{LEGAL_HELP_ID})" not in last.markdown:
        problems.append(Problem(article.path, last.line, f"'## {expected}' must link to article:{LEGAL_HELP_ID}"))
    return problems


# -- Spanish terms ---------------------------------------------------------------------------------------------


def term_hits(text: str, terms: list[Term]) -> list[tuple[Term, str]]:
    """(term, matched words) for every form the term list rules out, in Spanish ``text``."""
    found = []
    folded = folded_plain(text)
    for term in terms:
        for avoid in term.avoid:
            for match in avoid.pattern.finditer(folded):
                found.append((term, match.group(0)))
    return found


# -- one entry point -------------------------------------------------------------------------------------------


def _line_of(lines: list[str], words: str, default: int) -> int:
    """The 1-based line of ``lines`` (folded) where ``words`` (folded plain text) starts, else ``default``."""
    for size in (40, 24, 14):
        needle = " ".join(words.split())[:size].strip(" .")
        if len(needle) < 6:
            continue
        for number, line in enumerate(lines, 1):
            if needle in " ".join(line.split()):
                return number
    return default


def file_lines(path: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [fold(readability.plain_sentences(line) or line).translate(_QUOTES) for line in text.splitlines()]


def text_problems(path: str, line: int, lang: str, text: str, terms: list[Term], lines: list[str] | None = None):
    """Every rule over one piece of text (Markdown or plain) in ``lang``; ``line`` is where it starts."""
    lines = lines if lines is not None else []
    problems = []
    for key, sentence in claims_in(text, lang):
        at = _line_of(lines, sentence, line)
        problems.append(Problem(path, at, f'repeats a known wrong claim ({key}): "{sentence[:80]}"'))
    for sentence in weak_signing_in(text, lang):
        at = _line_of(lines, sentence, line)
        problems.append(
            Problem(path, at, f'weak signing rule "{sentence[:60]}"; the guide\'s rule: {SIGNING_RULE[lang]}')
        )
    if lang == "es":
        for term, words in term_hits(text, terms):
            at = _line_of(lines, words, line)
            problems.append(Problem(path, at, f"Spanish term '{term.id}': avoid \"{words}\"; use {term.use}"))
    return problems


def article_rule_problems(article: Article, terms: list[Term]) -> list[Problem]:
    text = f"{article.title}\n\n{article.summary}\n\n{article.body}"
    problems = shape_problems(article)
    problems += text_problems(article.path, 1, article.lang, text, terms, file_lines(article.path))
    return problems
