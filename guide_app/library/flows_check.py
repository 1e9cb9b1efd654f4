"""Hook for situation-flow validation (the flows engine adds its checks here)."""

from __future__ import annotations

from pathlib import Path

from guide_app.library.model import Library, Problem


def check_flows(content: Path, library: Library) -> list[Problem]:
    try:
        from guide_app.library.flows import validate_folder
    except ImportError:
        return []
    return validate_folder(content / "flows", library)
