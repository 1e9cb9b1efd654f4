"""Kiosk settings for community-center computers (no Qt): from `--kiosk` or an administrator's file.

The file is ``kiosk.ini`` in the system-wide configuration folder (see ``paths.system_config_dirs``):

    [kiosk]
    enabled = true
    idle_timeout = 180      ; seconds without input before "Still there?" (minimum 30)
    countdown = 15          ; seconds the "Still there?" countdown runs
    language = es           ; optional: fixed interface and content language
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass

from guide_app import paths
from guide_app.library.model import LANGUAGES

DEFAULT_IDLE_SECONDS = 180
DEFAULT_COUNTDOWN_SECONDS = 15
ADMIN_KEYS = "Ctrl+Alt+Shift+A"  # unlocks quitting and settings in kiosk mode


@dataclass(frozen=True)
class KioskSettings:
    enabled: bool = False
    idle_seconds: int = DEFAULT_IDLE_SECONDS
    countdown_seconds: int = DEFAULT_COUNTDOWN_SECONDS
    language: str = ""
    source: str = ""  # where the settings came from, for the About box and logs


def load(force: bool = False) -> KioskSettings:
    """Read the first kiosk.ini found; ``force`` (the --kiosk flag) switches kiosk mode on regardless."""
    for folder in paths.system_config_dirs():
        path = folder / "kiosk.ini"
        if path.is_file():
            parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
            try:
                parser.read(path, encoding="utf-8")
                section = parser["kiosk"] if parser.has_section("kiosk") else {}
                enabled = force or str(section.get("enabled", "true")).strip().lower() in ("1", "true", "yes", "on")
                idle = max(5, int(section.get("idle_timeout", DEFAULT_IDLE_SECONDS)))
                countdown = max(3, int(section.get("countdown", DEFAULT_COUNTDOWN_SECONDS)))
                language = str(section.get("language", "")).strip()
            except (configparser.Error, ValueError, OSError):
                return KioskSettings(enabled=True, source=f"{path} (unreadable; defaults used)")
            return KioskSettings(enabled, idle, countdown, language if language in LANGUAGES else "", str(path))
    return KioskSettings(enabled=force, source="--kiosk" if force else "")
