"""Issue 17: the window only draws (main_window.py stays at most 400 lines) and no module anywhere in guide_app
passes 500 lines (every package, found by walking the folder, so a new one is covered without editing this)."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "guide_app"
LIMIT = 500


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def too_long(root: Path, limit: int = LIMIT) -> dict[str, int]:
    """Every ``*.py`` below ``root`` (any depth) with more than ``limit`` lines, as {path: lines}."""
    return {m.relative_to(root).as_posix(): n for m in sorted(root.rglob("*.py")) if (n := _lines(m)) > limit}


def test_main_window_is_at_most_400_lines():
    assert _lines(PACKAGE / "ui" / "main_window.py") <= 400


def test_no_module_of_guide_app_passes_500_lines():
    modules = list(PACKAGE.rglob("*.py"))
    packages = {m.parent.name for m in modules}
    assert {"app", "export", "i18n", "library", "render", "search", "ui"} <= packages  # the walk sees them all
    assert len(modules) >= 60
    assert too_long(PACKAGE) == {}


def test_the_size_check_sees_a_long_module_at_any_depth(tmp_path):
    """Control: a 501-line module in a sub-package is reported, a 500-line one is not."""
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "sub" / "long.py").write_text("x = 1\n" * 501, encoding="utf-8")
    (tmp_path / "pkg" / "ok.py").write_text("x = 1\n" * 500, encoding="utf-8")
    assert too_long(tmp_path) == {"pkg/sub/long.py": 501}
