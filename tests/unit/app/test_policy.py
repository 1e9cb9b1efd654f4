"""The kiosk/privacy policy: one answer to every "may I?" of the window."""

from __future__ import annotations

from guide_app.app.passphrase import make_hash
from guide_app.app.policy import RESET_CLEARS, UNLOCK_SECONDS, Policy, Trace
from guide_app.kiosk import KioskSettings

ABILITIES = ("can_print", "can_save", "can_present", "can_quit", "can_open_external", "quick_exit_closes")
SECRET = "correct horse battery"
HASH = make_hash(SECRET)  # about 0.1 s: made once


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_personal_computer_allows_everything():
    policy = Policy()
    assert not policy.locked
    assert all(getattr(policy, name) for name in ABILITIES)
    assert Policy(KioskSettings(enabled=False)).can_print  # a kiosk.ini that turns kiosk mode off


def test_a_locked_kiosk_allows_nothing_that_leaves_the_screen():
    policy = Policy(KioskSettings(enabled=True))
    assert policy.locked
    assert not any(getattr(policy, name) for name in ABILITIES)


def test_the_administrator_unlocks_with_the_passphrase_only():
    policy = Policy(KioskSettings(enabled=True, passphrase_hash=HASH))
    assert policy.can_unlock
    assert not policy.unlock("")
    assert not policy.unlock("correct horse")  # a prefix
    assert not policy.unlock(HASH)  # the hash itself is not the passphrase
    assert policy.locked
    assert policy.unlock(SECRET) and not policy.locked and policy.can_quit
    assert not policy.unlock(SECRET)  # already unlocked
    assert not Policy().unlock(SECRET)  # nothing to unlock


def test_without_a_passphrase_the_kiosk_cannot_be_unlocked():
    for stored in ("", "correct horse battery", "scrypt$1$2$3$x$y", "md5$abc"):  # none, in clear, malformed
        policy = Policy(KioskSettings(enabled=True, passphrase_hash=stored))
        assert not policy.can_unlock
        for typed in ("", stored, SECRET):
            assert not policy.unlock(typed)
        assert policy.locked


def test_an_unlock_lasts_a_few_minutes_or_until_the_next_reset():
    clock = Clock()
    policy = Policy(KioskSettings(enabled=True, passphrase_hash=HASH), clock=clock)
    assert policy.unlock(SECRET)
    clock.now += UNLOCK_SECONDS - 1
    assert not policy.locked and 0 < policy.unlock_seconds_left <= 1
    clock.now += 1
    assert policy.locked  # time is up
    assert policy.unlock(SECRET)
    assert policy.relock()  # a reset
    assert policy.locked and not policy.relock()


def test_a_reset_never_closes_a_kiosk_even_unlocked():
    policy = Policy(KioskSettings(enabled=True, passphrase_hash=HASH))
    assert policy.unlock(SECRET)
    assert policy.can_quit  # the administrator may quit from the menu...
    assert not policy.quick_exit_closes  # ...but Start over and the idle reset only start over


def test_a_kiosk_remembers_no_preferences_and_resets_to_its_own():
    assert Policy().remembers_preferences
    kiosk = KioskSettings(enabled=True, language="es", zoom=5, theme="contrast")
    policy = Policy(kiosk)
    assert not policy.remembers_preferences
    assert policy.kiosk_defaults() == {"language": "es", "zoom": 5, "theme": "contrast"}


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
