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
from guide_app.app.settings import DEFAULT_COUNTDOWN_SECONDS, DEFAULT_IDLE_SECONDS, KIOSK, read_ini

__all__ = ["DEFAULT_COUNTDOWN_SECONDS", "DEFAULT_IDLE_SECONDS", "KioskSettings", "load"]

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
            try:
                values = read_ini(path, KIOSK)  # keys, types and ranges: guide_app.app.settings.KIOSK
            except (configparser.Error, ValueError, OSError):
                return KioskSettings(enabled=True, source=f"{path} (unreadable; defaults used)")
            return KioskSettings(
                bool(force or values["enabled"]),
                int(values["idle_timeout"]),  # type: ignore[call-overload]
                int(values["countdown"]),  # type: ignore[call-overload]
                str(values["language"]),
                str(path),
            )
    return KioskSettings(enabled=force, source="--kiosk" if force else "")
