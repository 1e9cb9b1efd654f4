"""The guide as the UI and the command line see it: the loaded library plus its search engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guide_app import paths
from guide_app.library.flows import load_flows
from guide_app.library.loader import fingerprint, load_library
from guide_app.library.model import Library, Problem


@dataclass
class Guide:
    library: Library
    problems: tuple[Problem, ...]
    folders: list[Path]
    flows: dict = field(default_factory=dict)  # flow id -> Flow (complete, validated flows only)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.folders)

    def open_search(self, progress=None, force: bool = False, cache: Path | None = None):
        from guide_app.search.engine import (
            SearchEngine,  # Whoosh loads only when search is needed
        )

        return SearchEngine.open(cache or paths.cache_dir(), self.library, self.fingerprint, progress, force)


def load_guide(content: Path | None = None, local: list[Path] | None = None) -> Guide:
    builtin = content or paths.content_dir()
    packs = paths.local_pack_dirs() if local is None else local
    result = load_library(builtin, packs)
    flows, flow_problems = load_flows(builtin / "flows") if (builtin / "flows").is_dir() else ([], [])
    return Guide(result.library, result.problems + tuple(flow_problems), [builtin, *packs], {f.id: f for f in flows})
