"""Result snippets: the passages of a section around its matched words, each match in [brackets]."""

from __future__ import annotations

SNIPPET_CHARS = 180


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
