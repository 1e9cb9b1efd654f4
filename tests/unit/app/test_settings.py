"""One schema for settings.ini and kiosk.ini: keys, types, ranges, defaults; storage injected."""

from __future__ import annotations

import pytest

from guide_app.app.settings import KIOSK, PREFERENCES, DictStorage, Settings, read_ini


def test_preferences_are_clamped_and_checked():
    storage = DictStorage()
    prefs = Settings(PREFERENCES, storage)
    assert prefs.get("zoom") == 2 and prefs.get("theme") == "light" and prefs.get("language") == ""
    assert prefs.set("zoom", 99) == 15 and prefs.get("zoom") == 15  # 26 pt: 200% of the default text size
    assert prefs.set("zoom", -99) == -4
    assert prefs.set("theme", "neon") == "light"
    assert prefs.set("language", "es") == "es"
    storage.values["zoom"] = "not a number"  # a damaged settings.ini
    assert prefs.get("zoom") == 2


def test_a_search_or_anything_else_is_never_written():
    storage = DictStorage()
    prefs = Settings(PREFERENCES, storage)
    for key in ("query", "history", "recent"):
        with pytest.raises(KeyError):
            prefs.set(key, "habeas corpus")
    assert storage.values == {}


def test_kiosk_ini_is_read_with_the_same_schema(tmp_path):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nenabled = yes ; on\nidle_timeout = 2\nlanguage = fr\nsomething = else\n")
    values = read_ini(path, KIOSK)
    assert values == {
        "enabled": True,
        "idle_timeout": 5,
        "countdown": 15,
        "language": "",
        "zoom": 2,
        "theme": "light",
        "admin_passphrase": "",
        "read_aloud": True,
    }
    path.write_text("[kiosk]\nenabled = off\n")
    assert read_ini(path, KIOSK)["enabled"] is False
    path.write_text("")
    assert read_ini(path, KIOSK) == KIOSK.defaults()


def test_a_kiosk_number_that_is_not_one_makes_the_file_unreadable(tmp_path):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nidle_timeout = soon\n")
    with pytest.raises(ValueError, match="idle_timeout"):
        read_ini(path, KIOSK)


def test_every_setting_has_a_default_inside_its_range():
    for schema in (PREFERENCES, KIOSK):
        for setting in schema.settings.values():
            assert setting.value(setting.default) == setting.default, setting.key
