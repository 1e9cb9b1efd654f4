"""Split an article body into sections on ``##`` headings and give each a stable anchor."""

from __future__ import annotations

import re
import unicodedata

from guide_app.library.model import Section

_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def fold(text: str) -> str:
    """Lower-case ``text`` and drop accents: "Detención" -> "detencion"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug or "section"


def split_sections(body: str, first_line: int = 1) -> tuple[Section, ...]:
    """Return the opening text (index 0, heading "") and one section per ``##`` heading."""
    sections: list[Section] = []
    heading, start = "", first_line
    chunk: list[str] = []
    used: set[str] = set()
    in_fence = False

    def close() -> None:
        text = "".join(chunk).strip("\n")
        if heading or text.strip():
            anchor = slugify(heading) if heading else "top"
            base, n = anchor, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            sections.append(Section(len(sections), heading, anchor, text, start))

    for offset, line in enumerate(body.splitlines(keepends=True)):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _H2.match(line)
        if match:
            close()
            heading, start, chunk = match.group(1).strip(), first_line + offset, []
        else:
            chunk.append(line)
    close()
    return tuple(sections)
