"""Remembered preferences: zoom, theme, language and reading speed only — never searches or articles viewed.

Stored with QSettings in INI format (never the Windows registry) in the app's config folder, or beside
the app in portable mode. The keys, types and ranges are declared once in ``guide_app.app.settings``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from guide_app import paths
from guide_app.app.settings import PREFERENCES, THEMES, ZOOM_DEFAULT, ZOOM_MAX, ZOOM_MIN, DictStorage, Settings

__all__ = ["ALLOWED_KEYS", "THEMES", "ZOOM_DEFAULT", "ZOOM_MAX", "ZOOM_MIN", "Preferences"]
ALLOWED_KEYS = PREFERENCES.keys


class _QSettingsStorage:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def get(self, key: str) -> object | None:
        return self.settings.value(key, None)

    def set(self, key: str, value: object) -> None:
        self.settings.setValue(key, value)
        self.settings.sync()


class Preferences:
    def __init__(self, path=None) -> None:
        folder = paths.ensure_private_dir(paths.config_dir())
        self._settings: QSettings | None = QSettings(str(path or folder / "settings.ini"), QSettings.Format.IniFormat)
        self._values = Settings(PREFERENCES, _QSettingsStorage(self._settings))  # refuses any other key

    @classmethod
    def in_memory(cls, values: dict[str, object]) -> Preferences:
        """Preferences that are never read from or written to disk: a kiosk starts from its own defaults
        and nothing a visitor changes reaches ``settings.ini``."""
        prefs = cls.__new__(cls)
        prefs._settings = None
        prefs._values = Settings(PREFERENCES, DictStorage(PREFERENCES.read(values)))
        return prefs

    @property
    def file(self) -> str:
        return self._settings.fileName() if self._settings is not None else ""

    @property
    def zoom(self) -> int:
        return int(self._values.get("zoom"))  # type: ignore[call-overload]

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._values.set("zoom", value)

    @property
    def theme(self) -> str:
        return str(self._values.get("theme"))

    @theme.setter
    def theme(self, value: str) -> None:
        self._values.set("theme", value)

    @property
    def read_aloud_speed(self) -> float:
        """Read-aloud speed as a factor of normal (0.75 .. 1.5)."""
        return int(self._values.get("read_aloud_speed")) / 100  # type: ignore[call-overload]

    @read_aloud_speed.setter
    def read_aloud_speed(self, value: float) -> None:
        self._values.set("read_aloud_speed", round(value * 100))

    @property
    def language(self) -> str:
        return str(self._values.get("language"))

    @language.setter
    def language(self, value: str) -> None:
        self._values.set("language", value if value in PREFERENCES["language"].choices[1:] else "en")
