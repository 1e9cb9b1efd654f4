"""Markdown to plain text: for the search index, the command line and reading-level checks."""

from __future__ import annotations

import re
import textwrap

from guide_app.library.model import Article

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def markdown_to_plain(markdown: str) -> str:
    """Strip Markdown markup, keeping words, list markers and paragraph breaks."""
    lines = []
    for line in markdown.splitlines():
        if _TABLE_RULE.match(line):
            continue
        line = _LINK.sub(r"\1", line)
        line = _EMPHASIS.sub(r"\2", line)
        line = _HEADING.sub("", line)
        line = line.replace("|", " ").rstrip()
        if line.lstrip().startswith(">"):
            line = line.lstrip()[1:].lstrip()
        lines.append(line)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def article_to_text(article: Article, width: int = 78, labels: dict[str, str] | None = None) -> str:
    """The whole article as readable plain text (``guide-app show``)."""
    labels = labels or {}
    out = [article.title, "=" * min(len(article.title), width), ""]
    out += textwrap.wrap(f"{labels.get('in_short', 'In short')}: {article.summary}", width) + [""]
    for section in article.sections:
        if section.heading:
            out += [section.heading, "-" * min(len(section.heading), width)]
        for para in markdown_to_plain(section.markdown).split("\n"):
            stripped = para.strip()
            if not stripped:
                out.append("")
                continue
            indent = " " * (len(para) - len(para.lstrip()))
            bullet = re.match(r"^(\d+[.)]|[-*+])\s+", stripped)
            sub = indent + " " * (len(bullet.group(0)) if bullet else 0)
            out += textwrap.wrap(stripped, width, initial_indent=indent, subsequent_indent=sub)
        out.append("")
    out.append(labels.get("sources", "Sources") + ":")
    for source in article.sources:
        where = ", ".join(x for x in (source.citation, source.url) if x)
        out += textwrap.wrap(f"- {source.title}" + (f" ({where})" if where else ""), width, subsequent_indent="  ")
    out += ["", f"{labels.get('reviewed', 'Reviewed on')} {article.reviewed.isoformat()}"]
    return "\n".join(out).rstrip() + "\n"
