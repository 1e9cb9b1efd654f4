"""Starting Qt's text-to-speech engine without ever making the window wait.

speech-dispatcher (Linux) is a separate service: connecting takes seconds, and a stuck one never answers —
the caller then hangs inside Qt without letting other Python threads run. So for such engines the service is
first asked from another process; only when it answers is the engine made, on a helper thread, and handed to
the window's thread. Engines inside the system (Windows, macOS, Qt's mock) are made at once.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QLocale, QLoggingCategory, QObject, QProcess, QTimer, Signal

CONNECTING_ENGINES = ("speechd",)  # engines that talk to a separate service
START_SECONDS = 30.0  # speech-dispatcher answers in 2-10 s the first time (more on a busy computer), twice

# Run in a separate process: does the speech service answer, and with how many voices?
PROBE_PROGRAM = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "app = QCoreApplication(sys.argv[:1])\n"
    "from PySide6.QtTextToSpeech import QTextToSpeech\n"
    "speech = QTextToSpeech(sys.argv[1])\n"
    "print(len(speech.availableLocales()) if speech.state() != QTextToSpeech.State.Error else 0)\n"
)


def create_engine(name: str) -> tuple[object | None, list[QLocale]]:
    """Make the engine and ask its voices (both may wait on a speech service)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    try:
        speech = QTextToSpeech(name)
        locales = list(speech.availableLocales()) if speech.state() != QTextToSpeech.State.Error else []
    except Exception:  # noqa: BLE001 - any failure here only means "no voice"
        return None, []
    return speech, locales


class _Handover(QObject):
    made = Signal(object, object)  # (engine or None, its locales), delivered on the window's thread


class SpeechEngineStarter(QObject):
    """``start()`` returns at once; later ``ready(engine, locales)`` or ``unavailable(reason, may_retry)``."""

    ready = Signal(object, object)
    unavailable = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.starting = False
        self.timeout = START_SECONDS
        self._probe: QProcess | None = None

    def no_engine_text(self) -> str:
        if sys.platform.startswith("linux"):
            return self.tr(
                "Read aloud needs a speech service: install speech-dispatcher and espeak-ng "
                "(sudo apt install speech-dispatcher espeak-ng), then open the guide again."
            )
        return self.tr("Read aloud needs a text-to-speech voice: turn on the speech voices in the system settings.")

    def start(self, requested: str = "") -> None:
        # Qt's multimedia loader warns on computers without PipeWire while the speech plugin loads; that is not
        # an error for speech (speech-dispatcher does not need PipeWire). Set here, on first use, not at start-up.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            message = self.tr(
                "Read aloud is not installed: reinstall the guide with its full set of packages (PySide6-Addons)."
            )
            self.unavailable.emit(message, False)
            return
        engines = QTextToSpeech.availableEngines()
        real = [engine for engine in engines if engine != "mock"]  # Qt's test engine speaks to no one
        name = requested if requested in engines else (real or [""])[0]
        if not name:
            self.unavailable.emit(self.no_engine_text(), False)
            return
        if name not in CONNECTING_ENGINES:
            self._made(*create_engine(name))
            return
        self.starting = True
        QTimer.singleShot(int(self.timeout * 1000), self._timed_out)
        if getattr(sys, "frozen", False):  # a bundle has no Python to run the probe with
            self.make_on_thread(name)
            return
        probe = QProcess(self)
        probe.finished.connect(lambda *_: self._on_probe(probe, name))
        probe.errorOccurred.connect(lambda *_: self._on_probe(probe, name))
        self._probe = probe
        probe.start(sys.executable, ["-c", PROBE_PROGRAM, name])

    def _on_probe(self, probe: QProcess, name: str) -> None:
        if self._probe is not probe:
            return
        self._probe = None
        output = bytes(probe.readAllStandardOutput().data()).decode("ascii", "replace").strip()
        probe.deleteLater()
        if not self.starting:
            return  # timed out already
        if probe.exitStatus() == QProcess.ExitStatus.NormalExit and output.isdigit() and int(output) > 0:
            self.make_on_thread(name)
        else:
            self._made(None, [])

    def make_on_thread(self, name: str) -> None:
        handover = _Handover(self)
        handover.made.connect(self._made)
        window_thread = self.thread()

        def make() -> None:
            speech, locales = create_engine(name)
            if speech is not None:
                speech.moveToThread(window_thread)  # pushed from its own thread, as Qt requires
            handover.made.emit(speech, locales)

        threading.Thread(target=make, name="speech-start", daemon=True).start()

    def _made(self, speech, locales) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.starting = False
        if speech is None or speech.state() == QTextToSpeech.State.Error or not locales:
            if speech is not None:
                speech.deleteLater()
            self.unavailable.emit(self.no_engine_text(), False)
            return
        self.ready.emit(speech, locales)  # even after a time-out: the service answered late

    def _timed_out(self) -> None:
        if not self.starting:
            return
        self.starting = False
        if self._probe is not None:
            self._probe.kill()
        message = self.tr(
            "The speech service on this computer is not answering. Restart the computer, or reinstall "
            "speech-dispatcher and espeak-ng."
        )
        self.unavailable.emit(message, True)


def prefer_plain_american_voice(speech) -> None:
    """espeak-ng's first U.S. voice is "English (Caribbean)": take "English (America)" (or "Spanish (Latin
    America)") without a "+variant" when the engine offers one. Other systems' default voice is kept."""
    if "America" in speech.voice().name() and "+" not in speech.voice().name():
        return
    plain = [v for v in speech.availableVoices() if "+" not in v.name() and "America" in v.name()]
    plain.sort(key=lambda v: ("," in v.name(), len(v.name())))
    if plain:
        speech.setVoice(plain[0])
