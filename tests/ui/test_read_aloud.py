"""Read aloud with Qt's mock speech engine (it reports each word as it 'speaks'): what is said, in which order,
the highlight following word by word, stop on reset, and the voice's language."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtTextToSpeech")

from conftest import FIXTURE_CONTENT  # noqa: E402
from guide_app.render.speech import Block, speech_plan  # noqa: E402
from guide_app.ui.read_aloud import ReadAloud, document_blocks, speed_to_rate  # noqa: E402


@pytest.fixture(scope="module")
def guide():
    from guide_app.guide import load_guide

    return load_guide(FIXTURE_CONTENT, [])


@pytest.fixture
def reader_page(qtbot):
    from guide_app.ui.reader import ReaderPage

    page = ReaderPage(ReadAloud(engine_name="mock"))
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    yield page
    page.read_aloud.stop()


def show_article(page, guide, article_id, lang):
    from guide_app.render.html import article_html

    article = guide.library.translation(article_id, lang)
    page.browser.setHtml(article_html(article, guide.library))
    page.lang = lang
    return article


class Listener:
    """Records every word the engine says and the word highlighted on screen at that moment."""

    def __init__(self, read_aloud: ReadAloud) -> None:
        self.read_aloud = read_aloud
        self.spoken: list[str] = []
        self.highlighted: list[str] = []
        speech = read_aloud._engine()  # the mock engine starts at once, on this thread
        assert speech is not None
        speech.sayingWord.connect(self._on_word)

    def _on_word(self, word, _id, _start, _length) -> None:
        self.spoken.append(word)
        # the controller's own handler ran first (connected first): the highlight is already in place
        self.highlighted.append(self.read_aloud.highlighted_text())


def test_an_article_is_read_from_the_top_in_short_first(qtbot, reader_page, guide):
    article = show_article(reader_page, guide, "habeas-corpus", "en")
    listener = Listener(reader_page.read_aloud)
    reader_page.read_bar.read_button.click()
    assert reader_page.read_aloud.state == "speaking"
    qtbot.waitUntil(lambda: len(listener.spoken) >= 12, timeout=20_000)
    spoken = " ".join(listener.spoken)
    assert listener.spoken[:2] == [w.strip(":") for w in article.title.split()[:2]]
    assert "In short" in spoken
    # the highlight follows word by word: each highlighted piece of the page is the word being said
    for word, shown in zip(listener.spoken, listener.highlighted, strict=True):
        assert word.strip(".,:;") in shown, (word, shown)
    reader_page.read_bar.stop_button.click()
    assert reader_page.read_aloud.state == "idle"
    assert reader_page.browser.extraSelections() == []


def test_the_plan_for_the_shown_article_is_what_the_engine_gets(qtbot, reader_page, guide):
    show_article(reader_page, guide, "habeas-corpus", "en")
    plan = speech_plan(document_blocks(reader_page.browser.document(), "en"), "en")
    texts = [u.text for u in plan]
    assert texts[0].startswith("Habeas")
    assert texts[1].startswith("In short")
    # the "On this page" list is not read: each heading is heard once, where its section starts
    headings = [t for t in texts if t.rstrip(".").endswith("?")]
    assert "On this page" not in texts and len(headings) == len(set(headings))
    assert not any("http" in t or "§" in t or "U.S.C." in t for t in texts)


def test_reading_starts_at_the_selection(qtbot, reader_page, guide):
    show_article(reader_page, guide, "habeas-corpus", "en")
    document = reader_page.browser.document()
    found = document.find("judge")
    assert not found.isNull()
    reader_page.browser.setTextCursor(found)
    listener = Listener(reader_page.read_aloud)
    reader_page.read()
    qtbot.waitUntil(lambda: len(listener.spoken) >= 1, timeout=10_000)
    assert listener.spoken[0].lower().startswith("judge")


def test_pause_resume_and_stop(qtbot, reader_page, guide):
    show_article(reader_page, guide, "habeas-corpus", "en")
    listener = Listener(reader_page.read_aloud)
    reader_page.read()
    qtbot.waitUntil(lambda: len(listener.spoken) >= 2, timeout=10_000)
    reader_page.read_bar.pause_button.click()
    assert reader_page.read_aloud.state == "paused"
    assert reader_page.read_bar.pause_button.text() == "Resume"
    count = len(listener.spoken)
    qtbot.wait(600)
    assert len(listener.spoken) <= count + 1  # the mock may finish the word it was on
    reader_page.read_bar.pause_button.click()
    assert reader_page.read_aloud.state == "speaking"
    qtbot.waitUntil(lambda: len(listener.spoken) > count + 1, timeout=10_000)
    reader_page.read_aloud.stop()
    count = len(listener.spoken)
    qtbot.wait(600)
    assert len(listener.spoken) == count
    assert not reader_page.read_bar.stop_button.isEnabled()


def test_a_spanish_article_without_a_spanish_voice_says_so_once(qtbot, reader_page, guide):
    show_article(reader_page, guide, "habeas-corpus", "es")
    messages: list[str] = []
    reader_page.read_aloud.message.connect(messages.append)
    reader_page.read()  # the mock engine has English (and Nordic) voices only
    told = reader_page.read_bar.status.text()
    assert "Spanish" in told
    reader_page.read_aloud.stop()
    reader_page.read()
    assert [m for m in messages if m] == [told]  # once, not at every reading


def test_an_english_article_gets_an_english_voice(qtbot, reader_page, guide):
    show_article(reader_page, guide, "habeas-corpus", "en")
    reader_page.read()
    assert reader_page.read_aloud._engine().locale().language().name == "English"


def test_speed_maps_to_the_engine_rate(qtbot, reader_page):
    assert speed_to_rate(1.0) == 0.0 and speed_to_rate(1.5) == 1.0 and speed_to_rate(0.75) == -0.5
    reader_page.read_bar.speed.setCurrentIndex(0)
    assert reader_page.read_aloud.speed == 0.75
    assert reader_page.read_aloud._engine().rate() == pytest.approx(-0.5)


def test_no_engine_explains_in_one_sentence(qtbot, reader_page, guide):
    from guide_app.ui.reader import ReaderPage

    page = ReaderPage(ReadAloud(engine_name="mock"))
    qtbot.addWidget(page)
    page.read_aloud._unavailable = page.read_aloud._starter.no_engine_text()  # as when the engine reports an error
    show_article(page, guide, "habeas-corpus", "en")
    page.read()
    assert page.read_aloud.state == "idle"
    assert "speech-dispatcher" in page.read_bar.status.text()


def test_switched_off_by_the_kiosk_it_never_speaks(qtbot, guide):
    from guide_app.ui.reader import ReaderPage

    read_aloud = ReadAloud(engine_name="mock")
    read_aloud.enabled = False
    page = ReaderPage(read_aloud)
    qtbot.addWidget(page)
    show_article(page, guide, "habeas-corpus", "en")
    page.read()
    assert read_aloud.state == "idle" and read_aloud._speech is None
    assert page.read_bar.isHidden()


def test_a_flow_question_and_its_answers_are_read_then_the_outcome(qtbot, guide):
    from guide_app.ui.flow_panel import FlowPanel

    read_aloud = ReadAloud(engine_name="mock")
    panel = FlowPanel(read_aloud=read_aloud)
    qtbot.addWidget(panel)
    panel.show()
    flow = next(iter(guide.flows.values()))
    panel.start(flow, "en", guide.library)
    listener = Listener(read_aloud)
    panel.read_bar.read_button.click()
    question_words = panel.session.question_text.split()
    first_answer = panel.session.answer_labels[0].split()[0]
    qtbot.waitUntil(lambda: first_answer in listener.spoken, timeout=20_000)
    assert listener.spoken[: len(question_words)] == [w.strip("?.,") for w in question_words]
    assert listener.highlighted == listener.spoken[: len(listener.highlighted)]  # word by word on the labels
    # answering stops the reading (the question on screen changed)
    while not panel.session.finished:
        panel.choose(0)
    assert read_aloud.state == "idle"
    listener.spoken.clear()
    panel.read()
    qtbot.waitUntil(lambda: len(listener.spoken) >= 3, timeout=20_000)
    assert panel.outcome.extraSelections()
    panel.clear()
    assert read_aloud.state == "idle"


def test_plan_for_a_flow_step_is_question_help_answers():
    plan = speech_plan([Block(0, "Are you in the car?")], "en") + speech_plan([Block(0, "1.  Yes")], "en")
    assert [u.text for u in plan] == ["Are you in the car?", "1. Yes"]


def test_a_speech_service_that_does_not_answer_never_blocks_the_window(qtbot, reader_page, guide, monkeypatch):
    """A stuck speech-dispatcher hangs whoever connects: it is asked from another process, the window says so."""
    import time

    from guide_app.ui import speech_engine as module

    monkeypatch.setattr(module, "CONNECTING_ENGINES", ("mock",))
    monkeypatch.setattr(module, "PROBE_PROGRAM", "import time\ntime.sleep(60)\n")
    read_aloud = reader_page.read_aloud
    read_aloud._starter.timeout = 1.0
    show_article(reader_page, guide, "habeas-corpus", "en")
    started = time.perf_counter()
    reader_page.read()
    assert time.perf_counter() - started < 0.5
    assert "Starting" in reader_page.read_bar.status.text()
    qtbot.waitUntil(lambda: "not answering" in reader_page.read_bar.status.text(), timeout=5_000)
    assert read_aloud.state == "idle" and read_aloud._speech is None
    qtbot.waitUntil(lambda: read_aloud._starter._probe is None, timeout=5_000)  # the stuck probe was ended


def test_a_speech_service_without_voices_is_explained(qtbot, reader_page, guide, monkeypatch):
    from guide_app.ui import speech_engine as module

    monkeypatch.setattr(module, "CONNECTING_ENGINES", ("mock",))
    monkeypatch.setattr(module, "PROBE_PROGRAM", "print(0)\n")
    show_article(reader_page, guide, "habeas-corpus", "en")
    reader_page.read()
    qtbot.waitUntil(lambda: "speech-dispatcher" in reader_page.read_bar.status.text(), timeout=10_000)
    assert reader_page.read_aloud.state == "idle"


def test_a_speech_service_that_answers_reads_after_starting(qtbot, reader_page, guide, monkeypatch):
    """The real probe program, run in its own process, asks the engine (here Qt's mock) for its voices."""
    from guide_app.ui import speech_engine as module

    monkeypatch.setattr(module, "CONNECTING_ENGINES", ("mock",))
    made_on = []

    def make_here(self, name):  # Qt's mock engine cannot change threads; speechd can (checked by hand)
        made_on.append(name)
        self._made(*module.create_engine(name))

    monkeypatch.setattr(module.SpeechEngineStarter, "make_on_thread", make_here)
    show_article(reader_page, guide, "habeas-corpus", "en")
    reader_page.read()
    qtbot.waitUntil(lambda: reader_page.read_aloud.state == "speaking", timeout=20_000)
    assert made_on == ["mock"]


# --- in the window: stops on every kind of reset, kiosk switch, remembered speed -----------------------------


@pytest.fixture
def speaking_window(qtbot, monkeypatch):
    from test_ui import make_window

    monkeypatch.setenv("GUIDE_APP_TTS_ENGINE", "mock")
    window = make_window(qtbot)
    window.open_article("habeas-corpus")
    words: list[str] = []
    window.reader.read()
    window.read_aloud._speech.sayingWord.connect(lambda word, *_: words.append(word))
    qtbot.waitUntil(lambda: len(words) >= 2, timeout=10_000)
    assert window.read_aloud.state == "speaking"
    yield window, words
    window.read_aloud.stop()
    window.close()


def assert_silent(qtbot, window, words):
    from PySide6.QtTextToSpeech import QTextToSpeech

    assert window.read_aloud.state == "idle"
    assert window.read_aloud._speech.state() == QTextToSpeech.State.Ready
    count = len(words)
    qtbot.wait(500)
    assert len(words) == count  # not one more word
    assert window.reader.browser.extraSelections() == []


@pytest.mark.parametrize("reset", ["start over", "quick exit", "open another page"])
def test_speech_stops_at_once_on_reset(qtbot, speaking_window, reset):
    window, words = speaking_window
    if reset == "start over":
        window.act_clear.trigger()
    elif reset == "quick exit":
        window.quick_exit()
    else:
        window.go_home()
    assert_silent(qtbot, window, words)


def test_speech_stops_on_idle_reset_and_on_close(qtbot, speaking_window):
    from guide_app.ui.safety import IdleWatcher

    window, words = speaking_window
    watcher = IdleWatcher(0.2, 1, window)
    watcher.reset.connect(window.quick_exit)
    with qtbot.waitSignal(watcher.reset, timeout=5000):
        pass
    watcher.timer.stop()
    assert_silent(qtbot, window, words)
    window.show()  # quick exit closed it (not a kiosk); the person opens the guide again
    window.open_article("habeas-corpus")
    window.reader.read()
    qtbot.waitUntil(lambda: window.read_aloud.state == "speaking", timeout=5000)
    window.close()
    assert_silent(qtbot, window, words)


def test_the_read_aloud_key_reads_the_open_article(qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from test_ui import make_window

    monkeypatch.setenv("GUIDE_APP_TTS_ENGINE", "mock")
    window = make_window(qtbot)
    window.open_article("habeas-corpus")
    qtbot.keyClick(
        window.reader.browser, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.read_aloud.state == "speaking"
    window.read_aloud.stop()
    window.close()


def test_a_kiosk_administrator_can_switch_read_aloud_off(qtbot, monkeypatch):
    from guide_app.guide import load_guide
    from guide_app.kiosk import KioskSettings
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    monkeypatch.setenv("GUIDE_APP_TTS_ENGINE", "mock")
    kiosk = KioskSettings(enabled=True, read_aloud=False)
    window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en", kiosk=kiosk)
    qtbot.addWidget(window)
    assert window.reader.read_bar.isHidden() and window.flow_panel.read_bar.isHidden()
    window.reader.read()
    assert window.read_aloud.state == "idle" and window.read_aloud._speech is None
    window.service.shutdown()  # a locked kiosk window never closes by itself


def test_kiosk_ini_read_aloud_key(private_home):
    from guide_app import kiosk

    folder = private_home / "etc-xdg" / "rights-guide"
    folder.mkdir(parents=True)
    (folder / "kiosk.ini").write_text("[kiosk]\nread_aloud = no\n")
    assert kiosk.load().read_aloud is False
    (folder / "kiosk.ini").write_text("[kiosk]\nenabled = yes\n")
    assert kiosk.load().read_aloud is True


def test_reading_speed_is_remembered_but_not_on_a_kiosk(qtbot, monkeypatch, private_home):
    from guide_app.guide import load_guide
    from guide_app.kiosk import KioskSettings
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    def window_with(kiosk=None):
        window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en", kiosk=kiosk)
        qtbot.addWidget(window)
        return window

    first = window_with()
    first.reader.read_bar.speed.setCurrentIndex(2)  # 1.25x, as a person picks it
    assert first.flow_panel.read_bar.speed.currentIndex() == 2 and first.read_aloud.speed == 1.25
    settings = Preferences().file
    assert "read_aloud_speed=125" in Path(settings).read_text(encoding="utf-8")
    assert window_with().reader.read_bar.speed.currentText().startswith("1.25")
    locked = window_with(KioskSettings(enabled=True))
    locked.reader.read_bar.speed.setCurrentIndex(0)  # a visitor slows it down
    assert locked.read_aloud.speed == 0.75
    assert "read_aloud_speed=125" in Path(settings).read_text(encoding="utf-8")
    locked.clear_session()  # the next visitor gets the usual speed back
    assert locked.read_aloud.speed == 1.25 and locked.reader.read_bar.speed.currentText().startswith("1.25")
    locked.service.shutdown()  # a locked kiosk window never closes by itself


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_on_this_page_list_is_not_read(qtbot, reader_page, lang):
    """A shipped article has an "On this page" list: a listener hears each heading once, where it starts."""
    from conftest import REPO
    from guide_app import i18n
    from guide_app.guide import load_guide

    shipped = load_guide(REPO / "content", [])
    show_article(reader_page, shipped, "habeas-corpus", lang)
    label = i18n.text("contents", lang)
    assert label in reader_page.browser.toPlainText()
    texts = [u.text for u in speech_plan(document_blocks(reader_page.browser.document(), lang), lang)]
    assert label not in texts
    headings = [t for t in texts if t.endswith("?")]
    assert headings and len(headings) == len(set(headings))


def test_an_engine_without_word_progress_shows_the_sentence_being_read(qtbot, reader_page, guide):
    """speech-dispatcher reports no words: the sentence being read is highlighted instead, one after another."""
    show_article(reader_page, guide, "habeas-corpus", "en")
    read_aloud = reader_page.read_aloud
    speech = read_aloud._engine()
    read_aloud._word_progress = False  # as speechd's engineCapabilities() says
    speech.sayingWord.disconnect(read_aloud._on_word)
    shown: list[str] = []
    speech.aboutToSynthesize.connect(lambda _id: shown.append(read_aloud.highlighted_text()))
    reader_page.read()
    shown[0] = read_aloud.highlighted_text()  # the first sentence starts inside read(), before it returns
    qtbot.waitUntil(lambda: len(shown) >= 3, timeout=20_000)
    plan = speech_plan(document_blocks(reader_page.browser.document(), "en"), "en")
    assert [text.rstrip(".") for text in shown[:3]] == [u.text.rstrip(".") for u in plan[:3]]
