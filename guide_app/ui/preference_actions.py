"""Preference actions of the main window: text size, colors, language and reading speed.

What may be stored and in which range is declared in ``guide_app.app.settings``; a locked kiosk keeps a
visitor's choices in memory only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from guide_app.app.navigation import PlaceKind
from guide_app.library.model import LANGUAGES


class PreferenceActions:
    """Part of ``MainWindow`` (a mixin): zoom, theme, language switch, read-aloud speed."""

    def zoom(self, step: int) -> None:
        self.prefs.zoom = 2 if step == 0 else self.prefs.zoom + step
        self.apply_zoom()

    def apply_zoom(self) -> None:
        from guide_app.ui import style

        style.apply_font(QApplication.instance(), self.prefs.zoom)

    def set_theme(self, theme: str) -> None:
        from guide_app.ui import style

        self.prefs.theme = theme
        style.apply_theme(QApplication.instance(), self.prefs.theme, self.reader.browser, self.flow_panel.outcome)
        for name, act in self.theme_actions.items():
            act.setChecked(name == self.prefs.theme)
        if self.current.is_document:
            self.show_place(self.current, record=False)
        self.flow_panel.refresh()

    def toggle_language(self) -> None:
        self.set_language("es" if self.lang == "en" else "en")

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            return
        self.lang = lang
        self.prefs.language = lang
        if self.translations is not None:
            self.translations.install(lang)
        self.retranslate()
        place = self.current
        moved = place.in_language(lang)
        if moved is not None:
            self.show_place(moved, record=False)
        elif place.kind is PlaceKind.RESULTS and self.search_box.text().strip():
            self._send_query()
        elif place.kind is PlaceKind.FLOW:
            self.flow_panel.set_language(lang)

    def _remember_speed(self, speed: float) -> None:
        for bar in (self.reader.read_bar, self.flow_panel.read_bar):
            bar.set_speed(speed)  # the same voice everywhere
        if not self.policy.locked:  # a visitor's choice is not written on a kiosk
            self.prefs.read_aloud_speed = speed
