"""Markdown to plain-text blocks: the one Markdown reader of the plain-text outputs. No Qt.

``guide-app show`` (:mod:`guide_app.render.text`), the search index (through ``markdown_to_plain``), the slide
key points (:mod:`guide_app.render.slides`) and the reading-level sentences
(:mod:`guide_app.library.readability`) all read Markdown here, so they agree with each other and with the
reader window, which shows Python-Markdown's HTML.

How: Python-Markdown's own block parser builds the element tree (paragraphs, headings, lists, quotes, tables)
with the same extensions as the reader (``sane_lists``, ``tables``; raw HTML stays text). The inline markup
inside each block (links, emphasis, code, escapes, entities) is then removed by :func:`inline_text`, a
single left-to-right pass, instead of Python-Markdown's inline patterns, which take quadratic time on a
line such as ``[[[[…`` (minutes for 20,000 brackets).

Every step is linear in the length of the text, whatever the line looks like: before parsing,
:func:`prepare` caps nesting (indentation and chains of list or quote markers) so no parser recursion can
blow up, and re-indents list content by its content column (``1.`` items indent by 3, ``-`` items by 2, as
the guide's authors write them) to the 4-space steps Python-Markdown expects. Where the authors' intent and
Python-Markdown's stricter rules differ, the reading follows CommonMark: a bullet list may start right
under a paragraph, an ordered list only there if it starts at 1, and a change of list type starts a new list.
:func:`guide_app.render.html.markdown_to_html` uses the same :func:`prepare`, so the window agrees.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

MAX_DEPTH = 6  # list or quote levels kept; deeper markers are read as text
TIGHT = "\ue0ff"  # ends a heading that has text right under it (see prepare)
_TAB = 4
_MARKER = re.compile(r"([-*+]|(\d{1,9})[.)])(?:([ \t]+)|$)")
_QUOTES = re.compile(r"(?:>[ \t]?){" + str(MAX_DEPTH + 1) + ",}")
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")


@dataclass(frozen=True)
class Block:
    """One logical line of plain text.

    ``kind`` is ``paragraph``, ``heading``, ``item`` (a list item's own text), ``more`` (a further paragraph
    of a list item), ``row`` (a table row, cells in ``cells``) or ``code``. ``depth`` counts enclosing lists
    (0 outside any list). ``marker`` is ``-`` or ``N.`` for an item; ``indent`` is the width of the
    enclosing items' markers, for laying the item out as the source did. ``lead`` is the length of a bold
    lead-in at the start ("**First reason.** ..."), ``gap`` whether a blank line goes before the block.
    """

    kind: str
    text: str
    depth: int = 0
    marker: str = ""
    indent: int = 0
    lead: int = 0
    gap: bool = False
    level: int = 0  # heading level
    cells: tuple[str, ...] = ()
    quoted: bool = False


# ---------------------------------------------------------------------------------------------------------
# Before parsing: bounded nesting, list content by content column


def _split_indent(line: str) -> tuple[int, str]:
    """The width of the leading white space (tabs to 4 columns) and the rest of the line."""
    width = 0
    for n, char in enumerate(line):
        if char == " ":
            width += 1
        elif char == "\t":
            width += _TAB - width % _TAB
        else:
            return width, line[n:]
    return width, ""


def _tame(rest: str) -> str:
    """At most MAX_DEPTH leading quote markers and list markers; the others are kept as text."""
    quotes = _QUOTES.match(rest)
    if quotes:
        rest = "> " * MAX_DEPTH + "\\" + rest[quotes.end() :].lstrip()  # the rest no longer nests
    count, at = 0, 0
    while (marker := _MARKER.match(rest, at)) and marker.group(3) is not None:
        if count == MAX_DEPTH - 1:
            return rest[:at] + "\\" + rest[at:]
        count += 1
        at = marker.end()
    return rest


def prepare(markdown: str, mark_tight_headings: bool = False, paragraph_limit: int = 0) -> list[str]:
    """The lines of ``markdown`` as Python-Markdown should read them (see the module docstring).

    With ``mark_tight_headings``, a heading with text right under it (no blank line) ends with
    ``TIGHT`` so the plain text keeps them together too. With ``paragraph_limit``, no run of text between
    blank lines is longer than that many characters (see :func:`_bounded`).
    """
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # open list items: (content column, "ul" or "ol")
    blank = True
    for raw in markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        indent, rest = _split_indent(raw)
        if not rest:
            out.append("")
            blank = True
            continue
        rest = _tame(rest.rstrip())
        indent = min(indent, (MAX_DEPTH + 1) * _TAB)
        depth = sum(1 for column, _ in stack if column <= indent)
        marker = _MARKER.match(rest) if indent < (depth + 1) * _TAB + 4 else None
        if marker and rest[marker.end() :].strip():
            kind = "ol" if marker.group(2) else "ul"
            same = stack[depth][1] if depth < len(stack) else None
            if blank or kind == "ul" or same == "ol" or marker.group(2) == "1":
                if not blank and (depth == len(stack) == 0 or (same is not None and same != kind)):
                    out.append("")  # a list right under a paragraph, or another kind of list: a new list
                if depth >= MAX_DEPTH:
                    depth = MAX_DEPTH - 1
                del stack[depth:]
                spaces = len(marker.group(3) or " ")
                width = len(marker.group(1)) + (spaces if spaces <= 4 else 1)
                stack.append((indent + width, kind))
                out.append(" " * (_TAB * depth) + rest)
                blank = False
                continue
            if marker.group(2):  # "2024. ..." inside a paragraph is text: escape it so no parser lists it
                rest = rest[: len(marker.group(2))] + "\\" + rest[len(marker.group(2)) :]
        if stack:
            block_start = _ATX.match(rest) or rest.startswith(">")
            if indent >= stack[-1][0] or (not blank and not block_start):
                out.append(" " * (_TAB * len(stack)) + rest)  # the innermost item goes on (or a lazy line)
            else:
                del stack[depth:]
                if not stack and not blank:
                    out.append("")
                out.append(" " * (_TAB * depth) + rest)
        else:
            out.append(" " * indent + rest)
        blank = False
    if paragraph_limit:
        out = _bounded(out, paragraph_limit)
    if mark_tight_headings:
        for n in range(len(out) - 1):
            if out[n + 1].strip() and _ATX.match(out[n].lstrip()) and len(out[n]) - len(out[n].lstrip()) < _TAB:
                out[n] += TIGHT
    return _escape_stray_brackets("\n".join(out)).split("\n")


def _inert(text: str) -> str:
    """``text`` made unable to open a block (list, quote, heading...) when it starts a new line."""
    marker = _MARKER.match(text)
    if marker and marker.group(2):
        return text[: len(marker.group(2))] + "\\" + text[len(marker.group(2)) :]
    return "\\" + text if text[:1] in "-*+#>=`|_~<" else text


def _bounded(lines: list[str], limit: int) -> list[str]:
    """Break runs of text longer than ``limit`` characters with blank lines (a very long line at spaces).

    Python-Markdown's inline patterns rebuild a paragraph's string at every match and rescan it from every
    unmatched opener, so their cost grows with the square of a paragraph's length: real paragraphs are a
    few hundred characters, but a hostile one of 60,000 took a minute. Bounded paragraphs keep the total
    linear; only text that long is shown as several paragraphs."""
    out: list[str] = []
    run = 0
    for line in lines:
        if not line.strip():
            out.append(line)
            run = 0
            continue
        indent = line[: len(line) - len(line.lstrip())]
        pieces = [line]
        if len(line) > limit:
            pieces, rest = [], line.lstrip()
            while len(rest) > limit:
                cut = rest.rfind(" ", limit // 2, limit)
                cut = cut if cut > 0 else limit
                pieces.append(indent + rest[:cut])
                rest = _inert(rest[cut:].lstrip())
            pieces.append(indent + rest)
        for piece in pieces:
            if run and run + len(piece) > limit:
                out.append("")
                run = 0
            out.append(piece)
            run += len(piece)
    return out


_LINK_START = re.compile(
    r"!?\[[^\[\]]*\](?:\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|\[[^\[\]\n]*\])"  # [text](url "title"), [text][ref]
    r"|^ {0,3}\[[^\[\]\n]+\]:",  # [ref]: url
    re.M,
)
_BRACKET = re.compile(r"\\.|\[", re.S)


def _escape_stray_brackets(text: str) -> str:
    """Escape every "[" that starts no link, image or reference definition.

    Python-Markdown looks for the end of a link from every "[" it meets, to the end of the paragraph, so a
    line of unmatched brackets takes quadratic time; an escaped bracket costs nothing and reads the same.
    """
    if "[" not in text:
        return text
    starts = {text.index("[", m.start(), m.end()) for m in _LINK_START.finditer(text)}

    def keep_or_escape(match: re.Match[str]) -> str:
        token = match.group(0)
        if token != "[" or match.start() in starts:
            return token
        return "\\["

    return _BRACKET.sub(keep_or_escape, text)


# ---------------------------------------------------------------------------------------------------------
# Inline markup, in one pass

_ESCAPABLE = "\\`*_{}[]()#+-.!|>~<\"'"
_PRIVATE = 0xE000  # escaped characters wait in the Private Use Area while markup is removed
_ESCAPE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + r"])")
_CODE = re.compile(r"`+")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]\n]*)\](?:\(([^()\s]*)(?:\s+\"[^\"\n]*\")?\)|\[[^\[\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]*)>")
_STARS = re.compile(r"(?<=\S)\*+|\*+(?=\S)")
_UNDERSCORES = re.compile(r"(?<![^\W_])_+(?=\S)|(?<=\S)_+(?![^\W_])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPACES = re.compile(r"\s+")


def _hide(match: re.Match[str]) -> str:
    return chr(_PRIVATE + _ESCAPABLE.index(match.group(1)))


_UNHIDE = {_PRIVATE + n: char for n, char in enumerate(_ESCAPABLE)}


def _unhide(text: str) -> str:
    return text.translate(_UNHIDE)


def _code_spans(text: str) -> str:
    """Backtick code spans keep their text (markup inside them is hidden like an escape); unmatched
    backticks stay. Linear: each run of backticks is paired with the next run of the same length."""
    runs = [(m.start(), m.end()) for m in _CODE.finditer(text)]
    if not runs:
        return text
    following: dict[int, int] = {}
    next_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        if length in next_of_length:
            following[index] = next_of_length[length]
        next_of_length[length] = index
    out, at, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        close = following.get(index)
        if close is None:
            index += 1
            continue
        inner = text[end : runs[close][0]]
        if inner.strip() == "" and inner:
            index += 1
            continue
        out.append(text[at:start])
        out.append(inner.strip() if inner.strip() else inner)
        out[-1] = "".join(chr(_PRIVATE + _ESCAPABLE.index(c)) if c in "*_[]()<>" else c for c in out[-1])
        at = runs[close][1]
        index = close + 1
    out.append(text[at:])
    return "".join(out)


def inline_text(markdown: str) -> str:
    """The words of one block's inline Markdown: link and image text, no emphasis or code marks, escapes
    and entities resolved, white space made single spaces. Linear in the length of ``markdown``."""
    text = _ESCAPE.sub(_hide, markdown)
    text = _code_spans(text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _STARS.sub("", text)
    text = _UNDERSCORES.sub("", text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return _SPACES.sub(" ", _unhide(text)).strip()


# ---------------------------------------------------------------------------------------------------------
# The element tree

_local = threading.local()  # one parser per thread: the index is built on a worker thread


def _parser():
    md = getattr(_local, "md", None)
    if md is None:
        import markdown  # loaded on first use, not at start-up

        md = markdown.Markdown(extensions=["sane_lists", "tables"])
        md.preprocessors.deregister("html_block")  # raw HTML is text, as in the reader
        _local.md = md
    return md


def element_tree(markdown: str, mark_tight_headings: bool = False) -> ET.Element:
    """Python-Markdown's block tree of ``markdown`` (inline markup still in the text), after :func:`prepare`."""
    md = _parser()
    md.reset()
    lines = prepare(markdown, mark_tight_headings)
    for processor in md.preprocessors:
        lines = processor.run(lines)
    try:
        return md.parser.parseDocument(lines).getroot()
    except RecursionError:  # cannot happen after prepare(); kept as a last guard: paragraphs only
        root = ET.Element("div")
        for chunk in re.split(r"\n\s*\n", "\n".join(lines)):
            if chunk.strip():
                ET.SubElement(root, "p").text = chunk
        return root


def _own_text(element: ET.Element, skip: tuple[str, ...] = ("ul", "ol")) -> str:
    """The Markdown source of an element, without its nested lists (and their tails)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in skip:
            parts.append(_own_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


_BOLD_LEAD = re.compile(r"\s*(\*\*|__)(?=\S)")


def _lead(source: str) -> int:
    """The plain length of a bold lead-in ("**First reason.** more text"), 0 if there is none."""
    start = _BOLD_LEAD.match(source)
    if not start:
        return 0
    end = source.find(start.group(1), start.end())
    if end <= start.end():
        return 0
    return len(inline_text(source[start.end() : end]))


def _walk(parent: ET.Element, depth: int, indent: int, quoted: bool) -> Iterator[Block]:
    first = True
    previous = ""
    for element in parent:
        tag = element.tag
        gap = not first and not (previous in ("ul", "ol") and tag in ("ul", "ol")) and previous != "tight"
        if tag in ("p", "pre"):
            source = "".join(element.itertext()) if tag == "pre" else _own_text(element)
            text = inline_text(source) if tag == "p" else _SPACES.sub(" ", source).strip()
            if text:
                kind = "paragraph" if tag == "p" else "code"
                yield Block(kind, text, depth, gap=gap, lead=_lead(source), quoted=quoted)
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            source = _own_text(element)
            text = inline_text(source.replace(TIGHT, ""))
            if text:
                yield Block("heading", text, depth, gap=gap, level=int(tag[1]), quoted=quoted)
            if TIGHT in source:
                tag = "tight"
        elif tag in ("ul", "ol"):
            start = int(element.get("start", "1")) if tag == "ol" else 0
            loose = any(child.tag == "p" for item in element for child in item)
            for number, item in enumerate(element, start):
                marker = f"{number}." if tag == "ol" else "-"
                item_gap = gap if number == start else loose
                yield from _item(item, marker, depth, indent, item_gap, quoted)
        elif tag == "blockquote":
            for n, block in enumerate(_walk(element, depth, indent, True)):
                yield dataclasses.replace(block, gap=gap) if n == 0 else block
        elif tag == "table":
            for row in element.iter("tr"):
                cells = tuple(inline_text(_own_text(cell)) for cell in row)
                if any(cells):
                    yield Block("row", " ".join(c for c in cells if c), depth, gap=gap, cells=cells, quoted=quoted)
                    gap = False
        elif tag == "hr":
            continue
        else:  # anything else Python-Markdown may produce: its text as a paragraph
            text = inline_text("".join(element.itertext()))
            if text:
                yield Block("paragraph", text, depth, gap=gap, quoted=quoted)
        first = False
        previous = tag


def _item(item: ET.Element, marker: str, depth: int, indent: int, gap: bool, quoted: bool) -> Iterator[Block]:
    """A list item: its own text (the first paragraph in a loose list), more paragraphs, nested lists."""
    children = list(item)
    own = _own_text(item, skip=tuple(child.tag for child in children))
    rest = children
    if not own.strip() and children and children[0].tag == "p":
        own, rest = _own_text(children[0]), children[1:]
    yield Block("item", inline_text(own), depth, marker, indent, _lead(own), gap, quoted=quoted)
    inner = indent + len(marker) + 1
    holder = ET.Element("div")
    holder.extend(rest)
    for block in _walk(holder, depth + 1, inner, quoted):
        if block.kind == "paragraph":
            block = Block("more", block.text, block.depth, "", inner, block.lead, True, quoted=quoted)
        yield block


_PLAIN_LINE = re.compile(r"[ ]{0,3}[^\s#>*+\-_=`|\[0-9<]")  # a line that can only be a paragraph's text


def read_blocks(markdown: str) -> list[Block]:
    """The blocks of ``markdown``, in reading order (see :class:`Block`)."""
    return list(_read_blocks(markdown))


_ONE_ITEM = re.compile(r"[ ]{0,3}(?:([-*+])|(\d{1,9})\.)[ ]+(?![-*+][ \t]|\d{1,9}[.)][ \t]|[ \t])(.+)")
_ONE_HEADING = re.compile(r"(#{1,6})(.*?)#*")  # as Python-Markdown reads it: at the margin, space optional


@functools.lru_cache(maxsize=8192)
def _read_blocks(markdown: str) -> tuple[Block, ...]:
    if "\n" not in markdown and not any(c in markdown for c in "|\t\\"):
        line = _tame(markdown.rstrip())  # one line: a paragraph, an item or a heading, read without a parser
        if _PLAIN_LINE.match(line):
            text = inline_text(_escape_stray_brackets(line.strip()))
            return (Block("paragraph", text, lead=_lead(line)),) if text else ()
        item = _ONE_ITEM.fullmatch(line)
        if item and not re.fullmatch(r"(?:[-*_][ ]*){3,}", line.strip()) and not item.group(3).startswith("#"):
            marker = "-" if item.group(1) else f"{int(item.group(2))}."
            rest = _escape_stray_brackets(item.group(3))
            return (Block("item", inline_text(rest), 0, marker, 0, _lead(rest)),)
        heading = _ONE_HEADING.fullmatch(line)
        if heading:
            text = inline_text(_escape_stray_brackets(heading.group(2).strip()))
            return (Block("heading", text, level=len(heading.group(1))),) if text else ()
    return tuple(_walk(element_tree(markdown, mark_tight_headings=True), 0, 0, False))


__all__ = ["Block", "MAX_DEPTH", "TIGHT", "element_tree", "inline_text", "prepare", "read_blocks"]
