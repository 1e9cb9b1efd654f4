"""Every setting the guide reads, declared once: key, type, range or choices, default. No Qt.

Two files use this schema:

* ``settings.ini`` — the person's preferences (:data:`PREFERENCES`): zoom, theme, language. Nothing
  else may be written there: no search, no article, no history.
* ``kiosk.ini`` — an administrator's kiosk settings (:data:`KIOSK`), section ``[kiosk]``, read only.

The storage is injected (:class:`Storage`): the window passes a ``QSettings`` adapter, tests a dict, and
``kiosk.ini`` is read with :func:`read_ini`.
"""

from __future__ import annotations

import configparser
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from guide_app.library.model import LANGUAGES

TRUE_WORDS = ("1", "true", "yes", "on")
THEMES = ("light", "dark", "contrast")


@dataclass(frozen=True)
class Setting:
    """One key: ``kind`` is int, str or bool; ints are clamped to ``minimum``/``maximum``; a str outside
    ``choices`` (when given) falls back to the default."""

    key: str
    kind: type
    default: object
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    doc: str = ""

    def value(self, raw: object, strict: bool = False) -> object:
        """``raw`` (text from a file, or a value) as this setting's type, within its range or choices.

        A value of the wrong type gives the default, or with ``strict`` raises ``ValueError``."""
        if raw is None:
            return self.default
        if self.kind is bool:
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in TRUE_WORDS
        if self.kind is int:
            try:
                number = int(str(raw).strip()) if not isinstance(raw, int) else int(raw)
            except (TypeError, ValueError):
                if strict:
                    raise ValueError(f"{self.key}: {raw!r} is not a whole number") from None
                return self.default
            if self.minimum is not None:
                number = max(self.minimum, number)
            if self.maximum is not None:
                number = min(self.maximum, number)
            return number
        text = str(raw).strip()
        if self.choices and text not in self.choices:
            return self.default
        return text


class Schema:
    def __init__(self, file: str, settings: Iterable[Setting], section: str = "") -> None:
        self.file = file
        self.section = section
        self.settings = {s.key: s for s in settings}

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.settings)

    def __getitem__(self, key: str) -> Setting:
        return self.settings[key]

    def defaults(self) -> dict[str, object]:
        return {key: s.default for key, s in self.settings.items()}

    def read(self, values: Mapping[str, object], strict: bool = False) -> dict[str, object]:
        """Every key of the schema from ``values`` (unknown keys ignored, missing ones defaulted)."""
        return {key: s.value(values.get(key), strict) for key, s in self.settings.items()}


ZOOM_MIN, ZOOM_MAX, ZOOM_DEFAULT = -4, 15, 2  # 7 pt to 26 pt: 200% of the default 13 pt (ui/style.py)

PREFERENCES = Schema(
    "settings.ini",
    (
        Setting("zoom", int, ZOOM_DEFAULT, ZOOM_MIN, ZOOM_MAX, doc="text size steps above or below normal"),
        Setting("theme", str, "light", choices=THEMES, doc="colors"),
        Setting("language", str, "", choices=("", *LANGUAGES), doc="interface and content language"),
        Setting("read_aloud_speed", int, 100, 75, 150, doc="read-aloud speed, percent of normal"),
    ),
)

DEFAULT_IDLE_SECONDS = 180
DEFAULT_COUNTDOWN_SECONDS = 15

KIOSK = Schema(
    "kiosk.ini",
    (
        # A kiosk.ini that exists switches kiosk mode on unless it says otherwise.
        Setting("enabled", bool, True, doc="kiosk mode on"),
        Setting("idle_timeout", int, DEFAULT_IDLE_SECONDS, minimum=5, doc="idle seconds before 'Still there?'"),
        Setting("countdown", int, DEFAULT_COUNTDOWN_SECONDS, minimum=3, doc="seconds the countdown runs"),
        Setting("language", str, "", choices=("", *LANGUAGES), doc="interface and content language after each reset"),
        Setting("zoom", int, ZOOM_DEFAULT, ZOOM_MIN, ZOOM_MAX, doc="text size steps after each reset"),
        Setting("theme", str, "light", choices=THEMES, doc="colors after each reset"),
        Setting("admin_passphrase", str, "", doc="salted hash from `guide-app kiosk-passphrase`; none: no unlock"),
        Setting("read_aloud", bool, True, doc="offer Read aloud (turn off where there are no headphones)"),
    ),
    section="kiosk",
)


class Storage(Protocol):
    """Where preferences live (QSettings in the app, a dict in tests)."""

    def get(self, key: str) -> object | None: ...

    def set(self, key: str, value: object) -> None: ...


class DictStorage:
    """In-memory storage (tests, or a run that must not write anything)."""

    def __init__(self, values: dict[str, object] | None = None) -> None:
        self.values = dict(values or {})

    def get(self, key: str) -> object | None:
        return self.values.get(key)

    def set(self, key: str, value: object) -> None:
        self.values[key] = value


class Settings:
    """Typed access to the settings of ``schema`` in ``storage``; writing a key outside the schema is refused."""

    def __init__(self, schema: Schema, storage: Storage) -> None:
        self.schema = schema
        self.storage = storage

    def get(self, key: str) -> object:
        return self.schema[key].value(self.storage.get(key))

    def set(self, key: str, value: object) -> object:
        if key not in self.schema.settings:
            raise KeyError(f"{key!r} is not a setting of {self.schema.file}; nothing else is ever written")
        stored = self.schema[key].value(value)
        self.storage.set(key, stored)
        return stored


def read_ini(path: Path, schema: Schema) -> dict[str, object]:
    """The schema's keys from an INI file's section (``;`` and ``#`` comments allowed after values).

    Raises ``configparser.Error``, ``OSError`` or ``ValueError`` (a number that is not one) so the caller
    can say the file is unreadable."""
    parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
    with open(path, encoding="utf-8") as handle:
        parser.read_file(handle)
    section = dict(parser[schema.section]) if parser.has_section(schema.section) else {}
    return schema.read(section, strict=True)
