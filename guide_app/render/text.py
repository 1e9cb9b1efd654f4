"""Markdown to plain text: for the search index, the command line and reading-level checks."""

from __future__ import annotations

import re
import textwrap

from guide_app.i18n import words
from guide_app.library.model import Article

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_LIST_ITEM = re.compile(r"^\s*(\d+[.)]|[-*+])\s+")
_KEEP_TOGETHER = (("EE. UU.", "EE.\u00a0UU."),)  # never wrap between the two halves


def _inline(line: str) -> str:
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _HEADING.sub("", line)
    return line.replace("|", " ").rstrip()


def markdown_to_plain(markdown: str) -> str:
    """Strip Markdown markup, keeping words, list markers and the source's line and paragraph breaks."""
    lines = []
    for line in markdown.splitlines():
        if _TABLE_RULE.match(line):
            continue
        line = _inline(line)
        if line.lstrip().startswith(">"):
            line = line.lstrip()[1:].lstrip()
        lines.append(line)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def plain_blocks(markdown: str) -> list[str]:
    """The logical lines of ``markdown`` as plain text, "" between paragraphs.

    Each paragraph, list item, heading and table row is one line: the hard line breaks the source keeps
    inside a paragraph or a list item (its indented or lazy continuation lines) are joined. List items keep
    their marker and indentation, so they stay separate and nested.
    """
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in markdown.splitlines():
        if not raw.strip():
            close()
            if blocks and blocks[-1]:
                blocks.append("")
            continue
        if _TABLE_RULE.match(raw):
            continue
        indent = raw[: len(raw) - len(raw.lstrip())]
        stripped = raw.strip()
        if _HEADING.match(raw) or stripped.startswith("|"):
            close()
            blocks.append(indent + _inline(stripped).strip())
            continue
        if stripped.startswith(">"):
            stripped = stripped[1:].lstrip()
        if _LIST_ITEM.match(raw):
            close()
        text = _inline(stripped).strip()
        if current:
            current.append(text)
        elif text:
            current.append(indent + text)
    close()
    while blocks and not blocks[-1]:
        blocks.pop()
    return blocks


def _wrap(text: str, width: int, indent: str = "", subsequent: str = "") -> list[str]:
    for plain, joined in _KEEP_TOGETHER:
        text = text.replace(plain, joined)
    lines = textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=subsequent, break_on_hyphens=False)
    return [line.replace("\u00a0", " ") for line in lines]


def article_to_text(article: Article, width: int = 78, labels: dict[str, str] | None = None) -> str:
    """The whole article as readable plain text (``guide-app show``): paragraphs re-wrapped to ``width``."""
    lab = words(article.lang, labels)
    title = _wrap(article.title, width) or [article.title]
    out = [*title, "=" * min(max(len(line) for line in title), width), ""]
    out += _wrap(f"{lab['in_short']}: {article.summary}", width) + [""]
    for section in article.sections:
        if section.heading:
            out += [section.heading, "-" * min(len(section.heading), width)]
        for block in plain_blocks(section.markdown):
            if not block:
                out.append("")
                continue
            stripped = block.lstrip()
            indent = block[: len(block) - len(stripped)]
            bullet = _LIST_ITEM.match(stripped)
            sub = indent + " " * (len(bullet.group(0)) if bullet else 0)
            out += _wrap(stripped, width, indent, sub)
        out.append("")
    out.append(lab["sources"] + ":")
    for source in article.sources:
        where = ", ".join(x for x in (source.citation, source.url) if x)
        out += _wrap(f"- {source.title}" + (f" ({where})" if where else ""), width, subsequent="  ")
    out += ["", lab["reviewed_on"].format(date=article.reviewed.isoformat())]
    return "\n".join(out).rstrip() + "\n"
