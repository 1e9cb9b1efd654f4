"""Contrast in all three themes, measured from pictures of the real widgets (offscreen), WCAG 2.x formula.

* Focus: every control that takes the keyboard focus is pictured without and with the focus; the pixels
  that change must exist (a visible indicator) and their new colour must reach 3:1 against the colour they
  replaced (the control's surroundings).
* Text: the search box's placeholder, the line above the results (its text and its links), result rows
  (selected or not) and the big home buttons must reach 4.5:1 against their own background; the selected
  result row must stand out from the others at 3:1.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from conftest import FIXTURE_CONTENT

THEMES = ("light", "dark", "contrast")


def luminance(rgb: int) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: int, b: int) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink(image: QImage, min_pixels: int = 6) -> tuple[int, int]:
    """(background, text colour): the most common colour, and the frequent colour farthest from it."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(image.pixel(x, y) & 0xFFFFFF for y in range(image.height()) for x in range(image.width()))
    background = counts.most_common(1)[0][0]
    frequent = [c for c, n in counts.items() if n >= min_pixels and c != background]
    assert frequent, "nothing drawn on the background"
    return background, max(frequent, key=lambda c: contrast(c, background))


def picture(widget: QWidget, margin: int = 5, rect: QRect | None = None) -> QImage:
    window = widget.window()
    if rect is None:
        rect = QRect(widget.mapTo(window, QPoint(-margin, -margin)), widget.size() + QSize(2 * margin, 2 * margin))
    return window.grab(rect).toImage()


def focus_ring(widget: QWidget, away: QWidget, margin: int = 5, band: int = 3) -> tuple[int, float]:
    """(changed pixels, contrast of the focus indicator against the control's surroundings).

    The indicator's colour is the commonest new colour in the control's outer ``band`` pixels (where a
    border or ring is drawn); the surroundings are the commonest colour just outside the control."""
    app = QApplication.instance()
    away.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(-margin, -margin)), widget.size() + QSize(2 * margin, 2 * margin))
    before = picture(widget, rect=rect).convertToFormat(QImage.Format.Format_RGB32)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    assert widget.hasFocus(), f"{widget.objectName() or widget} did not take the focus"
    after = picture(widget, rect=rect).convertToFormat(QImage.Format.Format_RGB32)
    w, h = rect.width(), rect.height()
    changed, ring, around = 0, Counter(), Counter()
    for y in range(h):
        for x in range(w):
            b, a = before.pixel(x, y) & 0xFFFFFF, after.pixel(x, y) & 0xFFFFFF
            edge = min(x, y, w - 1 - x, h - 1 - y)  # distance from the picture's edge
            if edge < margin:
                around[b] += 1
            elif a != b:
                changed += 1
                if edge < margin + band:
                    ring[a] += 1
    if not ring:
        return changed, 1.0
    return changed, contrast(ring.most_common(1)[0][0], around.most_common(1)[0][0])


@pytest.fixture(scope="module")
def window(qapp):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    win = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en")
    win.resize(1280, 760)
    win.show()
    win.activateWindow()
    ready = []
    win.index_ready.connect(lambda: ready.append(True))
    win.start()
    deadline = 600
    while not ready and deadline:
        qapp.processEvents()
        QApplication.instance().thread().msleep(50)
        deadline -= 1
    assert ready, "the search index did not open"
    yield win
    win.close()
    from guide_app.ui import style

    style.apply_theme(qapp, "light")


def _set_theme(window, theme: str) -> None:
    from guide_app.ui import style

    style.apply_theme(QApplication.instance(), theme, window.reader.browser, window.flow_panel.outcome)
    QApplication.instance().processEvents()


def _search(window, text: str) -> None:
    app = QApplication.instance()
    got = []
    window.service.results.connect(got.append)
    window.search_box.setText(text)
    window.search_timer.stop()
    window._send_query()
    for _ in range(400):
        if got:
            break
        app.processEvents()
        app.thread().msleep(25)
    window.service.results.disconnect(got.append)
    assert got, f"no answer for {text!r}"
    app.processEvents()


def _controls(window):
    """(name, widget, a widget to take the focus from) for every kind of focusable control, per screen."""
    home, flow = window.home, window.flow_panel
    bar = window.toolbar
    yield (
        "home",
        [
            ("situation button", home.situation_buttons[0], home.topic_buttons[0]),
            ("topic button", home.topic_buttons[0], home.situation_buttons[0]),
            ("help link", home.help_link, home.topic_buttons[0]),
            ("search box", window.search_box, home.topic_buttons[0]),
            ("language button", window.language_button, window.search_box),
            ("quick exit", window.quick_exit_button, window.search_box),
            ("toolbar Home", bar.widgetForAction(window.act_home), window.search_box),
        ],
    )
    _search(window, "habeas")
    yield (
        "results",
        [
            ("results list", window.results.list, window.search_box),
            ("results line", window.results.header, window.search_box),
        ],
    )
    window.open_current_result()
    yield (
        "reader",
        [
            ("article", window.reader.browser, window.search_box),
            ("sections list", window.reader.sections, window.search_box),
        ],
    )
    for flow_id in window.guide.flows:  # a flow with a second question, so that Back is enabled
        window.open_flow(flow_id)
        flow.restart()
        flow.choose(0)
        if flow.answer_buttons:
            break
    QApplication.instance().processEvents()
    yield (
        "flow",
        [
            ("answer", flow.answer_buttons[0], flow.restart_button),
            ("flow back", flow.back_button, flow.answer_buttons[0]),
            ("start over", flow.restart_button, flow.answer_buttons[0]),
        ],
    )


@pytest.mark.parametrize("theme", THEMES)
def test_every_focusable_control_shows_a_focus_ring_of_3_to_1(window, theme):
    _set_theme(window, theme)
    window.go_home()
    failures, table = [], []
    for screen, controls in _controls(window):
        for name, widget, away in controls:
            assert widget.isVisible(), f"{screen}: {name} is not on screen"
            count, ratio = focus_ring(widget, away)
            table.append(f"{theme:8} {screen:8} {name:18} {count:5} px changed, {ratio:5.2f}:1")
            if count < widget.width() or ratio < 3.0:
                failures.append(table[-1])
    print("\n" + "\n".join(table))
    assert not failures, "focus not visible enough:\n" + "\n".join(failures)


@pytest.mark.parametrize("theme", THEMES)
def test_text_reaches_4_5_to_1(window, theme):
    _set_theme(window, theme)
    window.go_home()
    window.search_box.clear()
    QApplication.instance().processEvents()
    window.home.topic_buttons[0].setFocus()
    QApplication.instance().processEvents()
    box = picture(window.search_box, margin=-6)
    items = {
        "placeholder": ink(box.copy(0, 0, box.width() * 2 // 3, box.height())),  # not the clear button
        "situation button": ink(picture(window.home.situation_buttons[0], margin=-6)),
        "topic button": ink(picture(window.home.topic_buttons[0], margin=-6)),
        "help link": ink(picture(window.home.help_link, margin=-3)),
    }
    _search(window, "zzqqxx")  # no results: the line above the results is text and links
    header = window.results.header
    background, text = ink(picture(header, margin=-2))
    items["results line"] = (background, text)
    link = header.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Link).rgb() & 0xFFFFFF
    items["results line link"] = (background, link)
    _search(window, "court")  # two results in the test guide: one selected, one not
    view = window.results.list
    assert view.model().rowCount() >= 2
    viewport = view.viewport()
    shot = viewport.grab()
    first, second = (view.visualRect(view.model().index(n, 0)) for n in (0, 1))
    selected = ink(shot.copy(first.adjusted(4, 8, -4, -8)).toImage())
    other = ink(shot.copy(second.adjusted(4, 8, -4, -8)).toImage())
    items["result row"] = other
    items["selected result row"] = selected
    row_change = contrast(selected[0], other[0])
    table, failures = [], []
    for name, (bg, fg) in items.items():
        ratio = contrast(fg, bg)
        table.append(f"{theme:8} {name:18} {QColor(fg).name()} on {QColor(bg).name()}: {ratio:5.2f}:1")
        if ratio < 4.5:
            failures.append(table[-1])
    table.append(f"{theme:8} selected row vs other rows: {row_change:5.2f}:1")
    if row_change < 3.0:
        failures.append(table[-1] + " (the selection must stand out at 3:1)")
    print("\n" + "\n".join(table))
    assert not failures, "contrast too low:\n" + "\n".join(failures)
