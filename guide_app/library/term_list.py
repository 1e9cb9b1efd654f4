"""The Spanish term list (``content/terms-es.yaml``): one word for one thing, and the forms it rules out.
Read here; the check that runs it over a text is :func:`guide_app.library.rules.term_hits`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide_app.library.model import Problem
from guide_app.library.sections import fold


@dataclass(frozen=True)
class Avoid:
    pattern: re.Pattern
    example: str


@dataclass(frozen=True)
class Term:
    id: str
    use: str
    avoid: tuple[Avoid, ...]
    line: int


def load_terms(path: Path, problems: list[Problem]) -> list[Term]:
    """Read a term list (``content/terms-es.yaml``). Every ``avoid`` pattern must match its own example, so a
    rule that can never fire is reported instead of passing silently."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(shown, mark.line + 1 if mark else 1, f"cannot read the term list: {exc}"))
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(shown, 1, "the term list must be a list of terms"))
        return []
    lines = [item.start_mark.line + 1 for item in node.value] if node is not None else []
    terms = []
    for index, entry in enumerate(data):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("use"):
            problems.append(Problem(shown, line, "each term needs an 'id' and a 'use'"))
            continue
        avoids = []
        for item in entry.get("avoid") or []:
            if not isinstance(item, dict) or not item.get("pattern") or not item.get("example"):
                problems.append(
                    Problem(shown, line, f"term '{entry['id']}': each 'avoid' needs 'pattern' and 'example'")
                )
                continue
            try:
                pattern = re.compile(str(item["pattern"]))
            except re.error as exc:
                problems.append(Problem(shown, line, f"term '{entry['id']}': bad pattern {item['pattern']!r}: {exc}"))
                continue
            if not pattern.search(fold(str(item["example"]))):
                problems.append(
                    Problem(shown, line, f"term '{entry['id']}': pattern {item['pattern']!r} misses its example")
                )
                continue
            avoids.append(Avoid(pattern, str(item["example"])))
        terms.append(Term(str(entry["id"]), str(entry["use"]), tuple(avoids), line))
    return terms
