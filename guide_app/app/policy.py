"""What a shared (kiosk) computer allows, and what the guide forgets. No Qt.

One object answers every "may I?" the window used to ask through scattered ``in_kiosk`` checks: printing,
saving files, presenting, quitting, opening a web link. It also names every trace of a visit that a reset
(quick exit, "Start over", the idle timeout) clears, and which settings may ever be written to disk.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum
from typing import Protocol

from guide_app.app import passphrase, settings

UNLOCK_SECONDS = 5 * 60  # an administrator unlock lasts this long, or until the next reset


class KioskConfig(Protocol):
    enabled: bool


class Trace(str, Enum):
    """Something a visit leaves on screen or in memory; a reset clears every one of them."""

    SPEECH = "text being read aloud, and a kiosk visitor's reading speed"  # first: the voice stops at once
    OTHER_WINDOWS = "dialogs, print previews and slides"  # closed before the rest is cleared
    SEARCH_TEXT = "search text"
    PENDING_SEARCH = "pending search"  # a query typed but not answered yet
    RESULTS = "results"
    READER = "open article"
    FIND_TEXT = "find-in-article text"
    FLOW_ANSWERS = "answers to a situation's questions"
    HISTORY = "back/forward history"
    CLIPBOARD = "clipboard and selected text"  # the X11 PRIMARY selection too (a middle click pastes it)
    UNDO = "undo history of text fields"  # after the fields are emptied: Ctrl+Z must bring nothing back
    ADMIN_UNLOCK = "an administrator unlock"  # a kiosk locks again at each reset
    VISITOR_SETTINGS = "language, text size and colors a kiosk visitor chose"  # back to kiosk.ini's


RESET_CLEARS: tuple[Trace, ...] = tuple(Trace)


class Policy:
    """Kiosk mode is on when kiosk settings say so. An administrator who knows the passphrase (kept in
    ``kiosk.ini`` only as a salted, slow hash) can unlock it for a few minutes or until the next reset."""

    def __init__(self, kiosk: KioskConfig | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.kiosk = kiosk
        self._clock = clock
        self._unlocked_until: float | None = None

    @property
    def admin_unlocked(self) -> bool:
        return self._unlocked_until is not None and self._clock() < self._unlocked_until

    @property
    def kiosk_enabled(self) -> bool:
        return bool(self.kiosk is not None and self.kiosk.enabled)

    @property
    def locked(self) -> bool:
        """A community-center computer in kiosk mode, not unlocked by an administrator."""
        return self.kiosk_enabled and not self.admin_unlocked

    # -- what a person may do ------------------------------------------------------------------------
    @property
    def can_print(self) -> bool:
        return not self.locked

    @property
    def can_save(self) -> bool:
        """Write a file (PDF, checklist) through a file dialog."""
        return not self.locked

    @property
    def can_present(self) -> bool:
        return not self.locked

    @property
    def can_quit(self) -> bool:
        """Closing the window quits; in a locked kiosk it only starts over."""
        return not self.locked

    @property
    def can_open_external(self) -> bool:
        """A web or mail link leaves the guide; a locked kiosk keeps visitors inside it."""
        return not self.locked

    @property
    def can_read_aloud(self) -> bool:
        """Read aloud is offered unless a kiosk administrator switched it off (kiosk.ini ``read_aloud``)."""
        return not (self.kiosk_enabled and not getattr(self.kiosk, "read_aloud", True))

    @property
    def can_unlock(self) -> bool:
        """Only a kiosk whose ``kiosk.ini`` holds a passphrase hash can be unlocked from the keyboard."""
        return self.kiosk_enabled and passphrase.is_hash(str(getattr(self.kiosk, "passphrase_hash", "") or ""))

    def unlock(self, typed: str) -> bool:
        """True when ``typed`` is the administrator's passphrase and this unlocked a locked kiosk."""
        if not self.locked or not self.can_unlock:
            return False
        if not passphrase.verify(typed, str(getattr(self.kiosk, "passphrase_hash", ""))):
            return False
        self._unlocked_until = self._clock() + UNLOCK_SECONDS
        return True

    def relock(self) -> bool:
        """Lock again (a reset, or the unlock ran out); True when it was unlocked until now."""
        was = self._unlocked_until is not None
        self._unlocked_until = None
        return was

    @property
    def unlock_seconds_left(self) -> float:
        return max(0.0, self._unlocked_until - self._clock()) if self._unlocked_until is not None else 0.0

    # -- privacy ---------------------------------------------------------------------------------------
    @property
    def reset_clears(self) -> tuple[Trace, ...]:
        """Every trace of the visit; the same list in kiosk mode and out of it."""
        return RESET_CLEARS

    @property
    def quick_exit_closes(self) -> bool:
        """Quick exit clears everything, then closes the app; a kiosk (even unlocked) shows a fresh home
        screen instead, so "Start over" or the idle reset can never leave the kiosk."""
        return not self.kiosk_enabled

    @property
    def remembers_preferences(self) -> bool:
        """Text size, theme and language go to ``settings.ini``; never on a kiosk, where a visitor's
        choices last only until the next reset."""
        return not self.kiosk_enabled

    def kiosk_defaults(self) -> dict[str, object]:
        """What a kiosk reset returns to: the language, text size and theme set in ``kiosk.ini``."""
        kiosk = self.kiosk
        return {
            "language": str(getattr(kiosk, "language", "") or ""),
            "zoom": int(getattr(kiosk, "zoom", settings.ZOOM_DEFAULT)),
            "theme": str(getattr(kiosk, "theme", "light") or "light"),
        }

    @staticmethod
    def may_write(key: str) -> bool:
        """Only the declared preferences (zoom, theme, language, reading speed) are ever written; never a
        search or a page."""
        return key in settings.PREFERENCES.keys
