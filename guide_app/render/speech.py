"""What "Read aloud" says: the text a page shows, turned into utterances a speech engine reads well. No Qt here.

The reader hands over the blocks it shows (headings, paragraphs, list items with their numbers). Each block
becomes one utterance, so headings get their own pause and the word being read can be found again on screen:
every spoken character keeps the span of the shown text it came from. Things a voice would spell out letter by
letter are said in a short form (a web address becomes its site name, "8 U.S.C. § 1357(g)" becomes "8 U.S. Code
section 1357 g") or left out (court reporter citations such as "517 U.S. 806 (1996)").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Words the short forms use, per content language.
_WORDS = {
    "en": {
        "section": "section",
        "sections": "sections",
        "code": "U.S. Code",
        "cfr": "federal regulations",
        "versus": "versus",
        "for_example": "for example",
        "that_is": "that is",
        "usa": "U.S.",
    },
    "es": {
        "section": "sección",
        "sections": "secciones",
        "code": "Código de Estados Unidos",
        "cfr": "reglamento federal",
        "versus": "contra",
        "for_example": "por ejemplo",
        "that_is": "es decir",
        "usa": "Estados Unidos",
    },
}


@dataclass(frozen=True)
class Block:
    """One block of shown text: where it starts in the shown document, its text, and a spoken prefix."""

    position: int
    text: str
    prefix: str = ""  # e.g. a list item's number ("2."), drawn by the page but not part of its text
    heading: bool = False


@dataclass(frozen=True)
class Utterance:
    """What the engine is asked to say, with each spoken character's span in the shown document."""

    text: str
    starts: tuple[int, ...]  # document position where the shown text behind spoken character i starts
    ends: tuple[int, ...]  # ... and where it ends (exclusive)

    def shown_span(self, start: int, length: int) -> tuple[int, int]:
        """The document span (start, end) behind the spoken characters [start, start + length)."""
        if not self.text:
            return (0, 0)
        first = min(max(start, 0), len(self.text) - 1)
        last = min(max(start + max(length, 1) - 1, first), len(self.text) - 1)
        return self.starts[first], max(self.ends[last], self.starts[first])


Replace = Callable[[re.Match[str], dict[str, str]], str]

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']*[^\s<>()\"'.,;:!?]")
# "517 U.S. 806", "944 F.3d 1200", "598 F. Supp. 3d 1131", "140 S. Ct. 1891", optionally ", 812" and "(1996)" or
# "(9th Cir. 2019)" after it: court reporter citations say nothing to a listener.
_REPORTER = re.compile(
    r"(?:, )?\b\d{1,4} (?:U\.\s?S\.|S\.\s?Ct\.|F\.\s?(?:2d|3d|4th)|F\.\s?Supp\.(?:\s?[23]d)?|F\.\s?App'x)"
    r" \d{1,5}(?:, \d{1,5})?(?: \((?:[A-Za-z0-9.' ]{0,40} )?\d{4}\))?"
)
_USC = re.compile(r"\bU\.\s?S\.\s?C\.(?: ?§)?")
_CFR = re.compile(r"\bC\.\s?F\.\s?R\.(?: ?§)?")
_SECTIONS = re.compile(r"§§ ?")
_SECTION = re.compile(r"§ ?")
# 287(g), 1357(g)(1), 1226(a): the letters in brackets are part of the name, said without "bracket".
_SUBSECTION = re.compile(r"(?<=\d)((?:\([A-Za-z0-9]{1,4}\))+)")
_VERSUS = re.compile(r"(?<=\w) v\. (?=[A-Z])")
_EG = re.compile(r"\b(?:e\.\s?g\.|p\.\s?ej\.)", re.I)
_IE = re.compile(r"\bi\.\s?e\.", re.I)
_EEUU = re.compile(r"\bEE\.\s?UU\.")


def _domain(match: re.Match[str], _words: dict[str, str]) -> str:
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", match.group(0), flags=re.I)
    return address.split("/", 1)[0].rstrip(".,;:")


_RULES: tuple[tuple[re.Pattern[str], Replace], ...] = (
    (_URL, _domain),
    (_REPORTER, lambda m, w: ""),
    (_USC, lambda m, w: w["code"] + (" " + w["section"] if "§" in m.group(0) else "")),
    (_CFR, lambda m, w: w["cfr"] + (" " + w["section"] if "§" in m.group(0) else "")),
    (_SECTIONS, lambda m, w: w["sections"] + " "),
    (_SECTION, lambda m, w: w["section"] + " "),
    (_SUBSECTION, lambda m, w: " " + " ".join(re.findall(r"\(([A-Za-z0-9]+)\)", m.group(1)))),
    (_VERSUS, lambda m, w: " " + w["versus"] + " "),
    (_EG, lambda m, w: w["for_example"]),
    (_IE, lambda m, w: w["that_is"]),
    (_EEUU, lambda m, w: w["usa"]),
)
_COMBINED = re.compile("|".join(f"(?P<r{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(_RULES)))
_SPACES = re.compile(r"[ \t\n\u00a0\u2028\u2029\ufffc]+")


def speak_block(block: Block, lang: str) -> Utterance:
    """One block as an utterance; spoken characters map back to spans of the shown block."""
    words = _WORDS.get(lang, _WORDS["en"])
    text = block.text
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(piece: str, start: int, end: int) -> None:
        out.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))

    base = block.position
    if block.prefix:
        emit(block.prefix + " ", base, base)
    done = 0
    for match in _COMBINED.finditer(text):  # one pass, one regex: linear in the block's length
        for i in range(done, match.start()):
            emit(text[i], base + i, base + i + 1)
        rule = int(str(match.lastgroup)[1:])
        pattern, replace = _RULES[rule]
        inner = pattern.match(text, match.start())  # the rule's own groups, lookbehinds seen in context
        replacement = replace(inner if inner is not None else match, words)
        emit(replacement, base + match.start(), base + match.end())
        done = match.end()
    for i in range(done, len(text)):
        emit(text[i], base + i, base + i + 1)
    if block.heading and out and not "".join(out).rstrip().endswith((".", "?", "!", ":")):
        emit(".", base + len(text), base + len(text))  # a heading is a sentence of its own: the voice pauses
    return _squeeze("".join(out), starts, ends)


def _squeeze(text: str, starts: list[int], ends: list[int]) -> Utterance:
    """Runs of spaces (left by dropped citations) become one; the ends are trimmed; the map follows."""
    kept_text: list[str] = []
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    position = 0
    for match in _SPACES.finditer(text):
        for i in range(position, match.start()):
            kept_text.append(text[i])
            kept_starts.append(starts[i])
            kept_ends.append(ends[i])
        kept_text.append(" ")
        kept_starts.append(starts[match.start()])
        kept_ends.append(ends[match.start()])
        position = match.end()
    for i in range(position, len(text)):
        kept_text.append(text[i])
        kept_starts.append(starts[i])
        kept_ends.append(ends[i])
    while kept_text and kept_text[0] == " ":
        del kept_text[0], kept_starts[0], kept_ends[0]
    while kept_text and kept_text[-1] == " ":
        del kept_text[-1], kept_starts[-1], kept_ends[-1]
    return Utterance("".join(kept_text), tuple(kept_starts), tuple(kept_ends))


def speech_plan(blocks: Iterable[Block], lang: str, start: int = 0) -> list[Utterance]:
    """The utterances for ``blocks`` in order, from document position ``start`` on (e.g. a selection's start).

    A block that ``start`` falls inside is read from the beginning of the word there. Empty blocks are skipped.
    """
    plan: list[Utterance] = []
    for block in blocks:
        end = block.position + len(block.text)
        if end <= start and block.text:
            continue
        if block.position < start < end:
            cut = start - block.position
            while cut > 0 and not block.text[cut - 1].isspace():
                cut -= 1
            block = Block(block.position + cut, block.text[cut:], "", block.heading)
        for utterance in sentences(speak_block(block, lang)):
            if utterance.text.strip(" .") and any(ch.isalnum() for ch in utterance.text):
                plan.append(utterance)
    return plan


# A sentence ends at . ! ? (or … ) followed by a space and a capital, an opening mark or a digit...
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)]?( +)(?=[A-ZÁÉÍÓÚÑ¿¡\"“«(0-9])")
# ...unless the word before is an abbreviation: U.S., e.g., Dr., Sra., No.
_ABBREVIATION = re.compile(r"(?:^|\s)(?:(?:[A-Za-z]\.){1,3}|EE\.|UU\.|Dr|Dra|Sr|Sra|Mr|Mrs|Ms|St|No|Núm|vs|etc)\.?$")


_LIST_NUMBER = re.compile(r"^\s*\w{1,3}[.)]$")  # "1." or "b)" before a list item's text


def sentences(utterance: Utterance) -> list[Utterance]:
    """One utterance per sentence, so the part being read can be shown even by engines that do not report
    each word (speech-dispatcher), and Pause/Stop act at once."""
    pieces = []
    start = 0
    text = utterance.text
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start(1)]
        if _LIST_NUMBER.match(before) or _ABBREVIATION.search(before[-12:]):
            continue
        pieces.append((start, match.start(1)))
        start = match.end(1)
    pieces.append((start, len(text)))
    return [Utterance(text[a:b], utterance.starts[a:b], utterance.ends[a:b]) for a, b in pieces if text[a:b].strip()]
