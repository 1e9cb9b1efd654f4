"""What a shared (kiosk) computer allows, and what the guide forgets. No Qt.

One object answers every "may I?" the window used to ask through scattered ``in_kiosk`` checks: printing,
saving files, presenting, quitting, opening a web link. It also names every trace of a visit that a reset
(quick exit, "Start over", the idle timeout) clears, and which settings may ever be written to disk.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from guide_app.app import settings


class KioskConfig(Protocol):
    enabled: bool


class Trace(str, Enum):
    """Something a visit leaves on screen or in memory; a reset clears every one of them."""

    OTHER_WINDOWS = "dialogs, print previews and slides"  # first: closed before the rest is cleared
    SEARCH_TEXT = "search text"
    PENDING_SEARCH = "pending search"  # a query typed but not answered yet
    RESULTS = "results"
    READER = "open article"
    FIND_TEXT = "find-in-article text"
    FLOW_ANSWERS = "answers to a situation's questions"
    HISTORY = "back/forward history"
    CLIPBOARD = "clipboard"


RESET_CLEARS: tuple[Trace, ...] = tuple(Trace)


class Policy:
    """Kiosk mode is on when kiosk settings say so; an administrator can unlock it for this run."""

    def __init__(self, kiosk: KioskConfig | None = None) -> None:
        self.kiosk = kiosk
        self.admin_unlocked = False

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

    def unlock(self) -> bool:
        """The administrator keys were pressed: True when this unlocked a locked kiosk."""
        if not self.locked:
            return False
        self.admin_unlocked = True
        return True

    # -- privacy ---------------------------------------------------------------------------------------
    @property
    def reset_clears(self) -> tuple[Trace, ...]:
        """Every trace of the visit; the same list in kiosk mode and out of it."""
        return RESET_CLEARS

    @property
    def quick_exit_closes(self) -> bool:
        """Quick exit clears everything, then closes the app, or in a locked kiosk shows a fresh home screen."""
        return not self.locked

    @staticmethod
    def may_write(key: str) -> bool:
        """Only the declared preferences (zoom, theme, language) are ever written; never a search or a page."""
        return key in settings.PREFERENCES.keys
