"""Counts read as a person would write them, in English too (which loads no .qm to pick plural forms)."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from conftest import FIXTURE_CONTENT


@pytest.fixture
def translations(qapp):
    from guide_app.ui.translations import Translations

    locale = QLocale()
    installed = Translations(QCoreApplication.instance())
    yield installed
    installed.install("en")
    QLocale.setDefault(locale)


@pytest.mark.parametrize(
    ("lang", "seconds", "expected"),
    [
        ("en", 1, "cleared in 1 second."),
        ("en", 15, "cleared in 15 seconds."),
        ("es", 1, "se borrará en 1 segundo."),
        ("es", 15, "se borrará en 15 segundos."),
    ],
)
def test_kiosk_countdown_counts_seconds(qtbot, translations, lang, seconds, expected):
    from guide_app.ui.safety import StillThereDialog

    translations.install(lang)
    dialog = StillThereDialog(seconds)
    qtbot.addWidget(dialog)
    assert dialog.label.text().endswith(expected)
    assert "(s)" not in dialog.label.text()


@pytest.mark.parametrize(("files", "expected"), [(1, "1 content file was left out"), (3, "3 content files were")])
def test_left_out_content_files_are_counted(qtbot, translations, files, expected):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    translations.install("en")
    window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en")
    qtbot.addWidget(window)
    guide = load_guide(FIXTURE_CONTENT, [])
    problems = [SimpleNamespace(path=f"en/broken-{n}.md") for n in range(files)] * 2  # two problems per file
    window._on_loaded(replace(guide, problems=tuple(problems)))  # as when the guide finished loading
    assert window.statusBar().currentMessage().startswith(expected)
    window.close()
