"""Issue 17: layers call downward only. Every import in guide_app (module level or inside a function, read from
the source, so a lazy import counts too) is checked against what its layer may use:
ui -> app, export, i18n, core; app -> search, library, i18n, render; export -> render, library, i18n;
the core (library, search, render) and i18n never import app, export or ui; cli.py never imports ui."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "guide_app"
# layer -> the guide_app packages it must never import
FORBIDDEN = {
    "library": {"app", "export", "ui", "cli"},
    "search": {"app", "export", "ui", "cli"},
    "render": {"app", "export", "ui", "cli"},
    "i18n": {"app", "export", "ui", "cli"},
    "app": {"export", "ui", "cli"},
    "export": {"app", "ui", "cli"},
    "cli": {"ui"},
}


def imported_packages(path: Path, root: Path = PACKAGE) -> set[tuple[str, int]]:
    """(first part below guide_app, line) for every ``guide_app.X`` import in ``path``, relative ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = path.relative_to(root.parent).with_suffix("").parts  # ("guide_app", "ui", "pages")
    found = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - node.level])
                module = ".".join([*base, *(node.module.split(".") if node.module else [])])
                names = [module] if node.module else [f"{module}.{alias.name}" for alias in node.names]
            elif node.module:
                names = [node.module]
                if node.module == "guide_app":
                    names = [f"guide_app.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "guide_app" and len(parts) > 1:
                found.add((parts[1], node.lineno))
    return found


def layer_of(path: Path, root: Path = PACKAGE) -> str:
    first = path.relative_to(root).parts[0]
    return first.removesuffix(".py")


def violations(root: Path = PACKAGE) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        banned = FORBIDDEN.get(layer_of(path, root), set())
        for package, line in sorted(imported_packages(path, root)):
            if package in banned:
                out.append(f"{path.relative_to(root.parent).as_posix()}:{line} imports guide_app.{package}")
    return out


def test_layers_call_downward_only():
    checked = [p for p in PACKAGE.rglob("*.py") if layer_of(p) in FORBIDDEN]
    assert len(checked) >= 40  # the walk sees the layers
    assert violations() == []


def test_an_upward_import_is_caught(tmp_path):
    """Control: a core module importing ui (in a function) and an app module importing export (relative) are
    both reported; a downward import is not."""
    pkg = tmp_path / "guide_app"
    for folder in ("library", "app", "ui"):
        (pkg / folder).mkdir(parents=True)
    (pkg / "library" / "bad.py").write_text("def f():\n    from guide_app.ui import pages\n", encoding="utf-8")
    (pkg / "app" / "bad.py").write_text("from ..export import card\n", encoding="utf-8")
    (pkg / "ui" / "ok.py").write_text("from guide_app.app import navigation\nfrom guide_app import library\n")
    assert violations(pkg) == [
        "guide_app/app/bad.py:1 imports guide_app.export",
        "guide_app/library/bad.py:2 imports guide_app.ui",
    ]
