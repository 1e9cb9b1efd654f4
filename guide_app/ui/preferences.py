"""Remembered preferences: zoom, theme and language only — never searches or articles viewed.

Stored with QSettings in INI format (never the Windows registry) in the app's config folder, or beside
the app in portable mode.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from guide_app import paths
from guide_app.library.model import LANGUAGES

THEMES = ("light", "dark", "contrast")
ZOOM_MIN, ZOOM_MAX, ZOOM_DEFAULT = -4, 12, 2
ALLOWED_KEYS = ("zoom", "theme", "language")


class Preferences:
    def __init__(self, path=None) -> None:
        folder = paths.ensure_private_dir(paths.config_dir())
        self._settings = QSettings(str(path or folder / "settings.ini"), QSettings.Format.IniFormat)

    @property
    def file(self) -> str:
        return self._settings.fileName()

    def _get(self, key: str, default):
        return self._settings.value(key, default)

    def _set(self, key: str, value) -> None:
        assert key in ALLOWED_KEYS, key  # nothing else may ever be written
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def zoom(self) -> int:
        try:
            value = int(self._get("zoom", ZOOM_DEFAULT))
        except (TypeError, ValueError):
            value = ZOOM_DEFAULT
        return max(ZOOM_MIN, min(ZOOM_MAX, value))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._set("zoom", max(ZOOM_MIN, min(ZOOM_MAX, int(value))))

    @property
    def theme(self) -> str:
        value = str(self._get("theme", "light"))
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("theme", value if value in THEMES else "light")

    @property
    def language(self) -> str:
        value = str(self._get("language", ""))
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", value if value in LANGUAGES else "en")
