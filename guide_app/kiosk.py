"""Kiosk settings for community-center computers (no Qt): from `--kiosk` or an administrator's file.

The file is ``kiosk.ini`` in the system-wide configuration folder (see ``paths.system_config_dirs``):

    [kiosk]
    enabled = true
    idle_timeout = 180      ; seconds without input before "Still there?" (minimum 30)
    countdown = 15          ; seconds the "Still there?" countdown runs
    language = es           ; optional: interface and content language, restored at each reset
    zoom = 2                ; optional: text size steps (-4 to 12), restored at each reset
    theme = light           ; optional: light, dark or contrast, restored at each reset
    admin_passphrase = scrypt$16384$8$1$...   ; the line `guide-app kiosk-passphrase` prints
    read_aloud = false      ; optional: no "Read aloud" button (e.g. no headphones at this computer)

Without ``admin_passphrase`` the kiosk cannot be unlocked from the keyboard (only by editing this file).
Nothing a visitor changes (language, text size, colors) is written to ``settings.ini`` in kiosk mode.
"""

from __future__ import annotations

import configparser
import logging
from dataclasses import dataclass

from guide_app import paths
from guide_app.app import passphrase
from guide_app.app.settings import DEFAULT_COUNTDOWN_SECONDS, DEFAULT_IDLE_SECONDS, KIOSK, ZOOM_DEFAULT, read_ini

__all__ = ["DEFAULT_COUNTDOWN_SECONDS", "DEFAULT_IDLE_SECONDS", "KioskSettings", "load"]

ADMIN_KEYS = "Ctrl+Alt+Shift+A"  # asks for the administrator passphrase in kiosk mode
log = logging.getLogger("guide_app")


@dataclass(frozen=True)
class KioskSettings:
    enabled: bool = False
    idle_seconds: int = DEFAULT_IDLE_SECONDS
    countdown_seconds: int = DEFAULT_COUNTDOWN_SECONDS
    language: str = ""
    zoom: int = ZOOM_DEFAULT
    theme: str = "light"
    passphrase_hash: str = ""  # salted scrypt/PBKDF2 hash; empty: the kiosk cannot be unlocked
    source: str = ""  # where the settings came from, for the About box and logs
    read_aloud: bool = True  # an administrator may switch read-aloud off (no headphones at the computer)


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
                int(values["zoom"]),  # type: ignore[call-overload]
                str(values["theme"]),
                _passphrase_hash(str(values["admin_passphrase"]), path),
                str(path),
                read_aloud=bool(values["read_aloud"]),
            )
    return KioskSettings(enabled=force, source="--kiosk" if force else "")


def _passphrase_hash(value: str, path) -> str:
    """The stored hash, or "" (no unlock) for a value that is not one, e.g. a passphrase typed in clear."""
    if value and not passphrase.is_hash(value):
        log.warning("%s: admin_passphrase is not a line from `guide-app kiosk-passphrase`; unlocking is off", path)
        return ""
    return value
