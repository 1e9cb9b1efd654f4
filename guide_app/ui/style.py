"""Themes (light, dark, high contrast) and text size, loaded from resources/styles.

Every text in the window is sized from one base point size, set by the text-size keys (Ctrl+= / Ctrl+- /
Ctrl+0): the application font is the base, and the style sheets never give a fixed size — they write
``1.5rem`` for "1.5 times the base", which is turned into points here each time the base changes. Changing
the size re-applies the style sheet, so every widget is laid out again at once.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette

from guide_app import paths

BASE_POINT_SIZE = 11  # the body text size is BASE_POINT_SIZE + zoom steps (default zoom 2: 13 pt)
_REM = re.compile(r"(\d+(?:\.\d+)?)rem\b")
_state = {"theme": "light", "zoom": 2}
# Colours style sheets cannot set: links in labels (the results line) and the search box's placeholder.
# Each has at least 4.5:1 against its theme's background (tests/ui/test_contrast.py measures it).
PALETTE_COLOURS = {
    "light": {"link": "#1a4f8b", "placeholder": "#5f6368"},
    "dark": {"link": "#9cc7ff", "placeholder": "#a8abb0"},
    "contrast": {"link": "#00ffff", "placeholder": "#c0c0c0"},
}


def _read(name: str) -> str:
    try:
        return (paths.resources_dir() / "styles" / name).read_text(encoding="utf-8")
    except OSError:
        return ""


def point_size(zoom: int) -> float:
    return float(BASE_POINT_SIZE + zoom)


def scaled(qss: str, base: float) -> str:
    """``1.5rem`` -> 1.5 times ``base``, in points."""
    return _REM.sub(lambda m: f"{float(m.group(1)) * base:.1f}pt", qss)


def style_sheet(theme: str, zoom: int) -> str:
    return scaled(_read("common.qss") + "\n" + _read(f"{theme}.qss"), point_size(zoom))


def _apply(app) -> None:
    font = QFont(app.font())
    font.setPointSizeF(point_size(_state["zoom"]))
    app.setFont(font)
    app.setStyleSheet(style_sheet(_state["theme"], _state["zoom"]))  # re-polishes every widget now


def apply_theme(app, theme: str, *browsers) -> None:
    """Widget colours for the whole app, and the matching document style for each text browser."""
    _state["theme"] = theme
    colours = PALETTE_COLOURS.get(theme, PALETTE_COLOURS["light"])
    palette = app.palette()
    for role, key in ((QPalette.ColorRole.Link, "link"), (QPalette.ColorRole.PlaceholderText, "placeholder")):
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(colours[key]))
    app.setPalette(palette)
    _apply(app)
    css = _read(f"{theme}.css")
    for browser in browsers:
        browser.document().setDefaultStyleSheet(css)


def apply_font(app, zoom: int) -> None:
    """Set the base text size; every text in the window follows at once."""
    _state["zoom"] = zoom
    _apply(app)
