"""The full-screen slides window (guide_app.ui.presentation), driven with keys as a presenter would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt

from conftest import FIXTURE_CONTENT, REPO


@pytest.fixture(scope="module")
def library():
    from guide_app.guide import load_guide

    return load_guide(FIXTURE_CONTENT, []).library


@pytest.fixture
def deck(library):
    from guide_app.render.slides import article_slides

    return article_slides(library.article("habeas-corpus", "en"))


@pytest.fixture
def show(qtbot, deck):
    from guide_app.ui.presentation import PresentationWindow

    window = PresentationWindow(deck)
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    return window


def test_opens_full_screen_on_the_first_slide(show, deck):
    assert show.isFullScreen()
    assert show.index == 0 and show.slide.kind == "title"
    assert show.accessibleName() == f"{deck[0].title} (1 / {len(deck)})"
    assert deck[0].subtitle in show.accessibleDescription()


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown])
def test_next_keys(qtbot, show, key):
    with qtbot.waitSignal(show.slide_changed) as changed:
        qtbot.keyClick(show, key)
    assert changed.args == [1] and show.index == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp])
def test_back_keys(qtbot, show, key):
    show.go_to(2)
    qtbot.keyClick(show, key)
    assert show.index == 1


def test_home_end_and_the_ends_of_the_deck(qtbot, show, deck):
    qtbot.keyClick(show, Qt.Key.Key_End)
    assert show.index == len(deck) - 1
    qtbot.keyClick(show, Qt.Key.Key_Right)
    assert show.index == len(deck) - 1  # stays on the last slide
    qtbot.keyClick(show, Qt.Key.Key_Home)
    assert show.index == 0
    qtbot.keyClick(show, Qt.Key.Key_Left)
    assert show.index == 0


def test_b_blacks_the_screen_and_back(qtbot, show):
    qtbot.keyClick(show, Qt.Key.Key_B)
    assert show.black
    image = show.grab().toImage()
    assert {image.pixelColor(x, y).name() for x in (0, image.width() // 2) for y in (0, image.height() // 2)} == {
        "#000000"
    }
    qtbot.keyClick(show, Qt.Key.Key_B)
    assert not show.black
    qtbot.keyClick(show, Qt.Key.Key_B)
    qtbot.keyClick(show, Qt.Key.Key_Right)  # moving on shows the next slide again
    assert not show.black and show.index == 1


def test_escape_leaves(qtbot, show):
    with qtbot.waitSignal(show.closed):
        qtbot.keyClick(show, Qt.Key.Key_Escape)
    assert not show.isVisible()


def test_real_decks_never_overflow_and_type_scales_with_the_screen(qapp):
    from guide_app.export.slide_paint import layout_slide
    from guide_app.guide import load_guide
    from guide_app.render.slides import article_slides

    library = load_guide(REPO / "content", []).library
    family = qapp.font().family()
    for lang in ("en", "es"):
        deck = article_slides(library.article("habeas-corpus", lang))
        for width, height in ((1920, 1080), (1024, 768), (1280, 800), (3840, 2160)):
            for slide in deck:
                layout = layout_slide(slide, QSize(width, height), family)
                assert layout.fits, (lang, width, slide.title)
                assert layout.text_bottom <= layout.footer_y
                assert layout.type_scale >= 0.8, (lang, width, slide.title)  # the budget keeps type large
                for block in layout.blocks:
                    assert block.x >= 0 and block.x + block.doc.size().width() <= width + 1
    title = article_slides(library.article("habeas-corpus", "en"))[1]
    small, large = (layout_slide(title, QSize(w, h), family) for w, h in ((1280, 720), (1920, 1080)))
    assert large.body_px == pytest.approx(small.body_px * 1.5, rel=0.02)
    assert large.body_px >= 40  # large type on a 1080p projector


def test_a_slide_too_full_for_its_screen_shrinks_until_it_fits(qapp):
    from guide_app.export.slide_paint import layout_slide
    from guide_app.render.slides import Slide

    crowded = Slide("A heading " * 8, tuple("A point that says a great many things in one go. " * 5 for _ in range(5)))
    layout = layout_slide(crowded, QSize(1024, 768), qapp.font().family())
    assert layout.type_scale < 1 and layout.fits and layout.text_bottom <= layout.body.bottom()


def test_projector_is_the_screen_without_the_main_window():
    from guide_app.ui.presentation import choose_screen

    class Window:
        def __init__(self, screen):
            self._screen = screen

        def screen(self):
            return self._screen

    laptop, projector, third = "laptop", "projector", "third"
    assert choose_screen(None, [laptop], laptop) == laptop
    assert choose_screen(Window(laptop), [laptop, projector], laptop) == projector
    assert choose_screen(Window(projector), [laptop, projector], laptop) == laptop  # the main window moved
    assert choose_screen(Window(laptop), [laptop, projector, third], laptop) == projector


def test_main_window_presents_the_open_article(qtbot):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences
    from guide_app.ui.presentation import PresentationWindow, present_when_loaded

    class App:
        quitted = False

        def quit(self):
            self.quitted = True

        def exit(self, code):
            raise AssertionError(f"exit({code})")

    app = App()
    window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en")
    qtbot.addWidget(window)
    window.show()
    present_when_loaded(app, window, "remain-silent")  # guide-app --present remain-silent
    with qtbot.waitSignal(window.index_ready, timeout=30_000):
        window.start()
    shown = window._presentation
    assert isinstance(shown, PresentationWindow) and shown.isVisible()
    assert shown.slide.title == window.guide.library.article("remain-silent", "en").title
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert app.quitted

    assert not window.act_present.isEnabled() and not window.act_print.isEnabled()
    window.open_article("habeas-corpus")
    assert window.act_present.isEnabled() and window.act_print.isEnabled() and window.act_save_pdf.isEnabled()
    window.act_present.trigger()
    assert window._presentation is not shown and window._presentation.isVisible()
    window._presentation.close()
    window.go_home()
    assert not window.act_present.isEnabled()
    window.close()


def test_presenter_view_follows_and_drives_the_slides(qtbot, deck):
    from guide_app.ui.presentation import PresentationWindow

    show = PresentationWindow(deck)
    qtbot.addWidget(show)
    show.present(presenter=True)
    view = show.presenter
    assert view is not None and view.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # keys on the laptop move the projector's slides
    assert show.index == 1
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert show.black
    image = view.grab().toImage()
    assert not image.isNull()
    with qtbot.waitSignal(show.closed):
        view.close()  # closing the presenter view ends the presentation
    assert not show.isVisible() and show.presenter is None
