"""What a person sees: Quick exit at 200% text, the selected result in the dark theme, "Ayuda ahora"."""

from __future__ import annotations

from collections import Counter

import harness
import pytest


@pytest.mark.parametrize(("lang", "label"), [("en", "Quick exit"), ("es", "Salida")])
def test_quick_exit_stays_on_screen_at_200_percent_text(launch, lang, label):
    app = launch(lang=lang, zoom=15)  # 26 pt: twice the default size
    app.type("habeas corpus")
    app.wait_page("ResultsPage")
    app.key("Return")
    app.wait_page("ReaderPage")
    x, y, w, h = app.region("quickExit")
    sx, sy = app.screen.size
    assert x >= 0 and x + w <= sx and y >= 0 and y + h <= sy  # wholly on the screen, not behind "»"
    assert label.lower() in app.read("quickExit", line=True).lower()


def test_the_selected_result_is_visible_in_the_dark_theme(launch):
    app = launch(theme="dark")
    app.type("habeas")
    app.wait_page("ResultsPage")
    app.key("Down")  # the second result is the selected one
    x, y, w, h = app.region("results")
    colors = harness.column_colors(app.shot("dark-results"), x + 6, y + 4, y + h - 4)
    background, _ = Counter(colors).most_common(1)[0]
    strongest = max(colors, key=lambda c: harness.contrast(c, background))
    run = sum(1 for c in colors if c == strongest)
    assert harness.contrast(strongest, background) >= 3.0, (strongest, background)  # WCAG 1.4.11
    assert run >= 20  # a whole row, not a line


def test_get_help_now_in_spanish_from_home(launch):
    app = launch(lang="es")
    x, y, w, h = app.region("helpNow")
    app.click(x + w // 2, y + h // 2)
    app.wait_page("ReaderPage")
    text = app.read("reader")
    assert "Ayuda ahora" in text
    assert "1-800-898-7180" in text  # immigration court information line, from content/resources.yaml
