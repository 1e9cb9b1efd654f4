"""The kiosk/privacy policy: one answer to every "may I?" of the window."""

from __future__ import annotations

from guide_app.app.policy import RESET_CLEARS, Policy, Trace
from guide_app.kiosk import KioskSettings

ABILITIES = ("can_print", "can_save", "can_present", "can_quit", "can_open_external", "quick_exit_closes")


def test_a_personal_computer_allows_everything():
    policy = Policy()
    assert not policy.locked
    assert all(getattr(policy, name) for name in ABILITIES)
    assert Policy(KioskSettings(enabled=False)).can_print  # a kiosk.ini that turns kiosk mode off


def test_a_locked_kiosk_allows_nothing_that_leaves_the_screen():
    policy = Policy(KioskSettings(enabled=True))
    assert policy.locked
    assert not any(getattr(policy, name) for name in ABILITIES)


def test_the_administrator_unlocks_once():
    policy = Policy(KioskSettings(enabled=True))
    assert policy.unlock() and not policy.locked and policy.can_quit
    assert not policy.unlock()  # already unlocked
    assert not Policy().unlock()  # nothing to unlock


def test_the_kiosk_settings_can_change_while_running():
    policy = Policy()
    policy.kiosk = KioskSettings(enabled=True)
    assert not policy.can_save
    policy.kiosk = None
    assert policy.can_save


def test_a_reset_clears_every_trace_in_and_out_of_kiosk_mode():
    assert Policy().reset_clears == Policy(KioskSettings(enabled=True)).reset_clears == tuple(Trace)
    for trace in (Trace.SEARCH_TEXT, Trace.HISTORY, Trace.CLIPBOARD, Trace.READER, Trace.FLOW_ANSWERS):
        assert trace in RESET_CLEARS


def test_only_the_declared_preferences_may_be_written():
    assert all(Policy.may_write(key) for key in ("zoom", "theme", "language"))
    for key in ("query", "history", "last_article", "search", ""):
        assert not Policy.may_write(key)
