"""Split a content file into YAML front matter and Markdown, keeping line numbers for messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_SafeLoader):
    """``yaml.SafeLoader`` (libyaml's C parser when installed: ~5× faster), except that an impossible date
    such as ``2026-13-01`` stays text.

    SafeLoader raises a plain ``ValueError`` for it (not a ``YAMLError``), which would stop the whole load;
    as text, the checker reports it on its own line like any other bad date.
    """


def _timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


MAX_DEPTH = 32  # content needs 4 or 5 levels; a deeper file is refused before it is built


def _refuse(event, problem: str):
    return yaml.MarkedYAMLError(problem=problem, problem_mark=event.start_mark)


def check_plain(text: str) -> None:
    """Refuse YAML that could grow when loaded or nest without bound, before anything is built from it.

    Anchors and aliases (``&name`` / ``*name``) are what a "billion laughs" file is made of: a few lines
    that expand to gigabytes. Content never needs them, so any anchor or alias is an error at its line.
    Raises a ``yaml.MarkedYAMLError`` (with the line) like any other YAML mistake.
    """
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(event, "aliases ('*name') are not allowed in content files")
        if getattr(event, "anchor", None) is not None:
            raise _refuse(event, "anchors ('&name') are not allowed in content files")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(event, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def compose_and_load(text: str):
    """Parse YAML and return ``(data, node)``: the values, and the node tree with line marks.

    The text is first checked by :func:`check_plain` (no anchors or aliases, bounded nesting).
    """
    check_plain(text)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Document:
    data: dict
    key_lines: dict[str, int]  # front-matter key -> 1-based line in the file
    body: str
    body_line: int  # 1-based line where the body starts


def parse(text: str) -> Document:
    """Parse ``---``-fenced YAML front matter followed by a Markdown body."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "the file must start with a '---' line and YAML front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise FrontMatterError(1, "the front matter has no closing '---' line")
    yaml_text = "".join(lines[1:end])
    try:
        data, node = compose_and_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + 2) if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(line, f"the front matter is not valid YAML: {problem}") from None
    if not isinstance(data, dict) or node is None or not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(2, "the front matter must be a set of 'key: value' lines")
    key_lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    return Document(data=data, key_lines=key_lines, body="".join(lines[end + 1 :]), body_line=end + 2)
