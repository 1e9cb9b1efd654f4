"""Result snippets: the passages of a section around its matched words, each match in [brackets].

The stored body is the plain text of a section, one line per paragraph or list item, list items with their
marker ("- ", "2. "). A snippet is read as running text, so the markers are dropped and the lines joined
(:func:`running_text`) before passages are cut; a passage starts at a sentence when one begins shortly
before the first match, otherwise at a word with a leading "…".
"""

from __future__ import annotations

import re

SNIPPET_CHARS = 180

# Markup a line of the stored body may still start with: a list marker or a heading's hashes.
_LINE_MARK = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)]|#{1,6})[ \t]+")
_MARKUP = re.compile(r"\*\*|__")
# Where a sentence can begin: after . ? ! : (and a closing quote or bracket) and a space, or a line start.
_SENTENCE = re.compile(r"(?:(?<=[.?!:])|(?<=[.?!:][\"')\u201d]))\s+(?=[\"'(\u201c\u00bf\u00a1]?[A-Z\u00c0-\u00de0-9])")
_CAPITAL = re.compile(r"[\"'(\u201c\u00bf\u00a1]?[A-Z\u00c0-\u00de0-9]")


def running_text(body: str) -> tuple[str, list[int], list[int]]:
    """``body`` as one run of text without list markers, bold marks or line breaks; for each of its
    characters (plus the end) the offset it came from in ``body``, so match spans can be carried over; and
    where each of its lines (paragraph or list item) begins."""
    out: list[str] = []
    origin: list[int] = []
    starts: list[int] = []
    at = 0
    for line in body.splitlines(keepends=True):
        mark = _LINE_MARK.match(line)
        skip = mark.end() if mark else len(line) - len(line.lstrip())
        text_end = len(line.rstrip())
        if text_end > skip:
            if out:
                out.append(" ")
                origin.append(at - 1)
            starts.append(len(out))
        i = skip
        while i < text_end:
            bold = _MARKUP.match(line, i)
            if bold:
                i = bold.end()
                continue
            out.append(line[i])
            origin.append(at + i)
            i += 1
        at += len(line)
    origin.append(len(body))
    return "".join(out), origin, starts


def lead_snippet(body: str, width: int = SNIPPET_CHARS) -> str:
    """The start of ``body`` as running text, cut at a word, for a result with no matched words to show."""
    text, _, _ = running_text(body)
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + "…"


def _carry(spans: list[tuple[int, int, str]], origin: list[int]) -> list[tuple[int, int, str]]:
    """The spans (offsets in the body) as offsets in its running text; a span on dropped markup is left out."""
    where = {pos: i for i, pos in enumerate(origin[:-1])}
    out = []
    for s, e, t in spans:
        if s in where and (e - 1) in where:
            out.append((where[s], where[e - 1] + 1, t))
    return out


def make_snippet(body: str, spans: list[tuple[int, int, str]], width: int = SNIPPET_CHARS) -> str:
    """Up to two passages of ``body`` around the matched words, each match in [brackets].

    The first passage is the ``width`` characters holding the most different matched terms; a second,
    shorter one is added when a term it lacks matches elsewhere.
    """
    spans = sorted({(s, e, t) for s, e, t in spans if 0 <= s < e <= len(body)})
    body, origin, lines = running_text(body)
    spans = _carry(spans, origin)
    if not spans:
        return ""
    # A line (paragraph or list item) that starts with a small letter continues a sentence ("You can: - ask").
    sentences = sorted({*(b for b in lines if _CAPITAL.match(body, b)), *(m.end() for m in _SENTENCE.finditer(body))})

    def window(start_at: int, size: int) -> tuple[int, int]:
        start = max(0, start_at - size // 3)
        begun = [b for b in sentences if b <= start_at and start_at - b <= size // 2]
        if start > 0 and begun:
            later = [b for b in begun if b >= start]
            start = later[0] if later else begun[-1]
        elif start > 0:
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
        if passages[1][0] <= passages[0][1]:  # moved back to its sentence, the second passage meets the first
            passages = [(passages[0][0], max(passages[0][1], passages[1][1]))]
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
    lead = "…" if passages[0][0] > 0 and passages[0][0] not in sentences else ""
    tail = "…" if passages[-1][1] < len(body) else ""
    return lead + " … ".join(out) + tail
