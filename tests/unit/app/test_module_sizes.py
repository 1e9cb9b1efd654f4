"""The window only draws: main_window.py stays at most 400 lines, and no module of app/ or ui/ passes 500."""

from __future__ import annotations

from conftest import REPO

PACKAGE = REPO / "guide_app"


def _lines(path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_main_window_is_at_most_400_lines():
    assert _lines(PACKAGE / "ui" / "main_window.py") <= 400


def test_no_module_of_app_or_ui_passes_500_lines():
    modules = sorted([*(PACKAGE / "app").glob("*.py"), *(PACKAGE / "ui").glob("*.py")])
    assert len(modules) >= 10  # the check looks at real files
    too_long = {str(m.relative_to(REPO)): _lines(m) for m in modules if _lines(m) > 500}
    assert too_long == {}
