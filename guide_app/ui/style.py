"""Themes (light, dark, high contrast) and text size, loaded from resources/styles."""

from __future__ import annotations

from PySide6.QtGui import QFont

from guide_app import paths

BASE_POINT_SIZE = 11


def _read(name: str) -> str:
    try:
        return (paths.resources_dir() / "styles" / name).read_text(encoding="utf-8")
    except OSError:
        return ""


def apply_theme(app, theme: str, *browsers) -> None:
    """Widget colours for the whole app, and the matching document style for each text browser."""
    app.setStyleSheet(_read("common.qss") + "\n" + _read(f"{theme}.qss"))
    css = _read(f"{theme}.css")
    for browser in browsers:
        browser.document().setDefaultStyleSheet(css)


def apply_font(app, zoom: int) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE + zoom)
    app.setFont(font)
