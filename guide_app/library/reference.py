"""Load the reference data files: glossary, resources list, everyday-words map and rights card."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from guide_app.library import files
from guide_app.library.frontmatter import compose_and_load
from guide_app.library.model import (
    LANGUAGES,
    TOPICS,
    GlossaryTerm,
    Problem,
    Resource,
    SynonymRule,
)


def _load_yaml(path: Path, problems: list[Problem]):
    """Return ``(data, node)`` or ``(None, None)`` after recording why the file could not be read."""
    try:
        text = files.read_text(path, path.parent, files.MAX_DATA_BYTES)
        return compose_and_load(text)
    except files.ContentFileError as exc:
        problems.append(Problem(str(path), 1, str(exc)))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "syntax error"
        problems.append(Problem(str(path), (mark.line + 1) if mark else 1, f"not valid YAML: {problem}"))
    return None, None


def _item_lines(node) -> list[int]:
    if isinstance(node, yaml.SequenceNode):
        return [child.start_mark.line + 1 for child in node.value]
    return []


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # only YYYY-MM-DD: newer Pythons' fromisoformat accepts more


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not ISO_DATE.fullmatch(str(value)):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def load_glossary(path: Path, problems: list[Problem]) -> tuple[GlossaryTerm, ...]:
    data, node = _load_yaml(path, problems)
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(Problem(str(path), 1, "the glossary must be a list of terms"))
        return ()
    lines, terms, seen = _item_lines(node), [], set()
    for item, line in zip(data, lines, strict=True):
        if not isinstance(item, dict) or not item.get("id"):
            problems.append(Problem(str(path), line, "each glossary entry needs an 'id'"))
            continue
        term_id = str(item["id"])
        if term_id in seen:
            problems.append(Problem(str(path), line, f"duplicate glossary id '{term_id}'"))
        seen.add(term_id)
        term, definition = {}, {}
        for lang in LANGUAGES:
            entry = item.get(lang)
            if not isinstance(entry, dict) or not entry.get("term") or not entry.get("definition"):
                problems.append(Problem(str(path), line, f"glossary '{term_id}' needs {lang}: term and definition"))
                continue
            term[lang], definition[lang] = str(entry["term"]), " ".join(str(entry["definition"]).split())
        terms.append(GlossaryTerm(term_id, term, definition, str(item.get("article") or ""), line))
    return tuple(terms)


def load_resources(
    path: Path, problems: list[Problem], origin: str = "built-in", taken: set[str] | None = None
) -> tuple[Resource, ...]:
    """Read a resources list. An id already in ``taken`` (loaded earlier, e.g. built in) is reported at its
    line and the entry left out: a local pack cannot put its own text under a built-in id."""
    data, node = _load_yaml(path, problems)
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(Problem(str(path), 1, "the resources file must be a list"))
        return ()
    out, seen, taken = [], set(), taken or set()
    for item, line in zip(data, _item_lines(node), strict=True):
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            problems.append(Problem(str(path), line, "each resource needs an 'id' and a 'name'"))
            continue
        rid = str(item["id"])
        if rid in taken:
            problems.append(Problem(str(path), line, f"resource id '{rid}' is already used by another resource"))
            continue
        if rid in seen:
            problems.append(Problem(str(path), line, f"duplicate resource id '{rid}'"))
            continue
        seen.add(rid)
        helps: dict = item["helps_with"] if isinstance(item.get("helps_with"), dict) else {}
        if not any(helps.get(lang) for lang in LANGUAGES):
            problems.append(Problem(str(path), line, f"resource '{rid}' needs 'helps_with' text (en and/or es)"))
        if origin == "built-in":
            for lang in LANGUAGES:
                if not helps.get(lang):
                    problems.append(Problem(str(path), line, f"resource '{rid}' needs helps_with.{lang}"))
        if not item.get("phone") and not item.get("website"):
            problems.append(Problem(str(path), line, f"resource '{rid}' needs a 'phone' or a 'website'"))
        verified = _date(item.get("verified"))
        if verified is None:
            problems.append(Problem(str(path), line, f"resource '{rid}' needs 'verified' as an ISO date"))
        names = item.get("names") if item.get("names") is not None else {}
        if not isinstance(names, dict) or any(k not in LANGUAGES or not str(v or "").strip() for k, v in names.items()):
            problems.append(Problem(str(path), line, f"resource '{rid}' needs 'names' as a map of language to name"))
            names = {}
        elif origin == "built-in" and not names.get("es"):
            problems.append(Problem(str(path), line, f"resource '{rid}' needs names.es (its name in Spanish)"))
        topics = item.get("topics") or []
        for topic in topics if isinstance(topics, list) else []:
            if str(topic) not in TOPICS:
                problems.append(Problem(str(path), line, f"resource '{rid}' has unknown topic '{topic}'"))
        out.append(
            Resource(
                id=rid,
                name=str(item["name"]),
                helps_with={k: " ".join(str(v).split()) for k, v in helps.items() if v},
                phone=str(item.get("phone") or ""),
                website=str(item.get("website") or ""),
                topics=tuple(str(t) for t in topics if str(t) in TOPICS) if isinstance(topics, list) else (),
                verified=verified or dt.date.min,
                origin=origin,
                names={str(k): " ".join(str(v).split()) for k, v in names.items()},
            )
        )
    return tuple(out)


def load_synonyms(path: Path, problems: list[Problem]) -> tuple[SynonymRule, ...]:
    data, _ = _load_yaml(path, problems)
    if data is None:
        return ()
    if not isinstance(data, dict):
        problems.append(Problem(str(path), 1, "the synonyms file must have 'en:' and 'es:' lists"))
        return ()
    rules = []
    for lang, entries in data.items():
        if lang not in LANGUAGES or not isinstance(entries, list):
            problems.append(Problem(str(path), 1, f"unknown language section '{lang}' (use en, es)"))
            continue
        for n, entry in enumerate(entries, 1):
            when = entry.get("when") if isinstance(entry, dict) else None
            add = entry.get("add") if isinstance(entry, dict) else None
            if not isinstance(when, list) or not isinstance(add, list) or not when or not add:
                problems.append(Problem(str(path), 1, f"{lang} entry {n} needs 'when' and 'add' lists"))
                continue
            category = str(entry.get("category") or "")
            rules.append(SynonymRule(lang, tuple(str(w) for w in when), tuple(str(a) for a in add), category))
    return tuple(rules)


def load_card(path: Path, problems: list[Problem]) -> dict[str, dict]:
    data, _ = _load_yaml(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(str(path), 1, "the card file must map languages to card text"))
        return {}
    card = {}
    for lang, entry in data.items():
        if not isinstance(entry, dict) or not entry.get("title") or not isinstance(entry.get("lines"), list):
            problems.append(Problem(str(path), 1, f"card '{lang}' needs a 'title' and a list of 'lines'"))
            continue
        card[str(lang)] = {
            "title": str(entry["title"]),
            "lines": [str(line) for line in entry["lines"]],
            "note": str(entry.get("note") or ""),
            "lead": str(entry.get("lead") or ""),  # printed first, in bold: what the holder does first
        }
    if "en" in card:
        for lang, entry in card.items():
            if len(entry["lines"]) != len(card["en"]["lines"]):
                problems.append(Problem(str(path), 1, f"card '{lang}' must have as many lines as 'en'"))
    return card
