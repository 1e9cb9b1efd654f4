"""Load content folders into a :class:`Library`, collecting problems instead of stopping at the first."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from guide_app.library import files
from guide_app.library.articles import read_article
from guide_app.library.model import LANGUAGES, Article, GlossaryTerm, Library, Problem, Resource, SynonymRule
from guide_app.library.reference import (
    load_card,
    load_glossary,
    load_resources,
    load_synonyms,
)

DATA_FILES = ("glossary.yaml", "resources.yaml", "synonyms.yaml", "card.yaml")


@dataclass(frozen=True)
class LoadResult:
    library: Library
    problems: tuple[Problem, ...]


def content_files(folders: list[Path]) -> list[Path]:
    """Every file that affects the loaded library, in a stable order (used for the index fingerprint)."""
    files: list[Path] = []
    for folder in folders:
        for lang in LANGUAGES:
            files.extend(sorted((folder / lang).glob("*.md")))
        files.extend(folder / name for name in DATA_FILES if (folder / name).is_file())
        flows = folder / "flows"
        if flows.is_dir():
            files.extend(sorted(flows.glob("*.yaml")))
    return files


def fingerprint(folders: list[Path]) -> str:
    """A digest of the content files' names and bytes: it changes whenever any content changes."""
    digest = hashlib.sha256()
    for path in content_files(folders):
        digest.update(str(path).encode("utf-8", "surrogatepass"))
        try:
            digest.update(files.read_bytes(path, None, max(files.MAX_ARTICLE_BYTES, files.MAX_DATA_BYTES)))
        except files.ContentFileError as exc:
            digest.update(f"<unreadable: {exc}>".encode())
    return digest.hexdigest()[:20]


def load_library(builtin: Path, local: list[Path] | None = None, today: dt.date | None = None) -> LoadResult:
    """Load the built-in content folder plus any local packs (a center's own articles and resources).

    A local pack may add articles and resources; it cannot replace a built-in article (its id is reported
    as a duplicate and the built-in one is kept).
    """
    problems: list[Problem] = []
    articles: dict[tuple[str, str], Article] = {}
    links: list[tuple[Article, str, int]] = []
    resources: list[Resource] = []
    for folder, origin in [(builtin, "built-in")] + [(Path(p), "local") for p in (local or [])]:
        if not folder.is_dir():
            problems.append(Problem(str(folder), 1, "content folder not found"))
            continue
        for lang in LANGUAGES:
            for path in sorted((folder / lang).glob("*.md")):
                try:
                    article, found, article_links = read_article(path, lang, today, origin, folder)
                except Exception as exc:  # noqa: BLE001 - one file can only remove itself, never the guide
                    problems.append(Problem(str(path), 1, f"cannot read the file ({type(exc).__name__})"))
                    continue
                problems.extend(found)
                if article is None:
                    continue
                key = (lang, article.id)
                if key in articles:
                    problems.append(
                        Problem(str(path), 2, f"duplicate id '{article.id}' in {lang}: also in {articles[key].path}")
                    )
                    continue
                articles[key] = article
                links.extend((article, target, line) for target, line in article_links)
        path = folder / "resources.yaml"
        if path.exists() or path.is_symlink():
            taken = {r.id for r in resources}
            try:
                resources.extend(load_resources(path, problems, origin, taken))
            except Exception as exc:  # noqa: BLE001 - one file can only remove itself, never the guide
                problems.append(Problem(str(path), 1, f"cannot read the file ({type(exc).__name__})"))

    for article, target, line in links:
        if (article.lang, target) not in articles:
            problems.append(Problem(article.path, line, f"link to a missing article '{target}' in {article.lang}"))

    glossary: tuple[GlossaryTerm, ...] = ()
    synonyms: tuple[SynonymRule, ...] = ()
    card: dict = {}
    if (builtin / "glossary.yaml").is_file():
        glossary = load_glossary(builtin / "glossary.yaml", problems)
        for term in glossary:
            if term.article and not any((lang, term.article) in articles for lang in LANGUAGES):
                problems.append(
                    Problem(
                        str(builtin / "glossary.yaml"),
                        term.line,
                        f"glossary '{term.id}' links to missing '{term.article}'",
                    )
                )
    if (builtin / "synonyms.yaml").is_file():
        synonyms = load_synonyms(builtin / "synonyms.yaml", problems)
    if (builtin / "card.yaml").is_file():
        card = load_card(builtin / "card.yaml", problems)

    library = Library(articles, glossary, tuple(resources), synonyms, card)
    return LoadResult(library, tuple(problems))
