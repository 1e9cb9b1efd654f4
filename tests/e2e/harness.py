"""End-to-end harness: the real `guide-app` process on a virtual X screen, driven by real key presses.

What it gives a test (see tests/e2e/conftest.py for the fixtures):

* ``Screen`` — an Xvfb server on a free display (``xserver.py``) with the openbox window manager, so a new
  window gets keyboard focus the way it does on a desktop. One per test session (1366x768), more on demand.
* ``GuideApp`` — one running ``guide-app`` with a private HOME and XDG folders. Input goes through the X server
  (xdotool, XTEST), exactly like a keyboard: ``key("ctrl+equal")``, ``type("habeas")``. What is on screen comes
  back through the X server too: ``shot()`` (ImageMagick ``import``), ``words()`` / ``text()`` / ``wait_text()``
  (tesseract OCR of the shot) and ``title()`` / ``window_geometry()`` (X window properties). Nothing reads the
  app's memory: a check passes only if a person looking at the screen would see the same thing.

Import it as ``import harness`` (tests/e2e is on the path through its conftest); never ``from conftest import``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import xserver

TOOLS = ("Xvfb", "openbox", "xdotool", "xprop", "xdpyinfo", "import", "convert", "tesseract")
WINDOW_TITLE = "Rights Guide|Guía de derechos"  # xdotool --name takes a regular expression
DEFAULT_SIZE = (1366, 768)  # a common community-center laptop
START_TIMEOUT = 30.0


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _run(args: list[str], env: dict | None = None, timeout: float = 15.0) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, check=False)


class Screen:
    """A virtual X screen with a window manager (``xserver.VirtualScreen``: a free display, a small private
    environment, checked to answer before openbox starts)."""

    def __init__(self, width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1]) -> None:
        self.size = (width, height)
        self._x = xserver.VirtualScreen(width, height).start()
        self.display = self._x.display
        self.env = self._x.env

    def close(self) -> None:
        self._x.close()

    def shot(self, path: Path) -> Path:
        """The whole screen as a PNG."""
        result = _run(["import", "-window", "root", str(path)], self.env, timeout=20)
        if result.returncode != 0:
            raise RuntimeError(f"import failed: {result.stderr.strip()}")
        return path


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    @property
    def center(self) -> tuple[int, int]:
        return self.left + self.width // 2, self.top + self.height // 2


def ocr_words(png: Path, region: tuple[int, int, int, int] | None = None, scale: int = 2, psm: int = 11) -> list[Word]:
    """Words tesseract reads on the picture (optionally a region x, y, w, h), in screen coordinates.

    The picture is enlarged ``scale`` times in grey first: screen text is small for OCR."""
    prepared = png.with_name(png.stem + f"-ocr{os.getpid()}.png")
    crop = ["-crop", "{2}x{3}+{0}+{1}".format(*region), "+repage"] if region else []
    _run(["convert", str(png), *crop, "-colorspace", "Gray", "-resize", f"{scale * 100}%", str(prepared)], timeout=30)
    # one thread: on a busy machine tesseract's own threads make it several times slower
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    result = _run(["tesseract", str(prepared), "-", "--psm", str(psm), "tsv"], env, timeout=60)
    prepared.unlink(missing_ok=True)
    ox, oy = (region[0], region[1]) if region else (0, 0)
    words = []
    for line in result.stdout.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 12 or not cols[11].strip():
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(
            Word(
                cols[11].strip(),
                ox + left // scale,
                oy + top // scale,
                width // scale,
                height // scale,
                float(cols[10]),
            )
        )
    return words


def as_text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


class AppExited(AssertionError):
    pass


class GuideApp:
    """One real `guide-app` process on ``screen``, with its own private HOME."""

    def __init__(self, screen: Screen, home: Path, workdir: Path, args: tuple[str, ...] = (), env=None) -> None:
        self.screen = screen
        self.home = home
        self.workdir = workdir
        self.args = args
        self.shots = 0
        self.log_path = workdir / "guide-app.log"
        self.env = {
            **screen.env,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_CONFIG_DIRS": str(home / "etc-xdg"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "0",
            "PYTHONUNBUFFERED": "1",
            "GUIDE_APP_DEBUG_STATE": str(workdir / "state.json"),
            **(env or {}),
        }
        for name in ("GUIDE_APP_LOCAL_CONTENT", "GUIDE_APP_CONTENT", "QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS"):
            if name not in (env or {}):
                self.env.pop(name, None)
        (home / "run").mkdir(parents=True, exist_ok=True)
        (home / "run").chmod(0o700)
        self.proc: subprocess.Popen | None = None
        self.window = ""

    # -- life ---------------------------------------------------------------------------------------
    @staticmethod
    def command() -> list[str]:
        """The installed console script beside this Python when there is one, else ``python -m guide_app``."""
        script = Path(sys.executable).with_name("guide-app")
        return [str(script)] if script.exists() else [sys.executable, "-m", "guide_app"]

    def start(self, timeout: float = START_TIMEOUT) -> GuideApp:
        self._log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [*self.command(), *self.args],
            env=self.env,
            cwd=self.workdir,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.window = self.wait_window(timeout)
        self.wait_active(timeout)
        return self

    def wait_active(self, timeout: float = 10.0) -> None:
        """Wait until the window manager has given the window the keyboard focus (as a person would see it)."""
        deadline = time.monotonic() + timeout
        active = ""
        while time.monotonic() < deadline:
            self.assert_running()
            active = _run(["xdotool", "getactivewindow"], self.screen.env).stdout.strip()
            if active == self.window:
                time.sleep(0.3)  # the first paint
                return
            if active and active in self._main_windows():  # Qt made the window again under a new id
                self.window = active
                continue
            time.sleep(0.1)
        owner = _run(["xdotool", "getwindowpid", active], self.screen.env).stdout.strip() if active else ""
        raise AssertionError(
            f"the guide-app window never became the active window: active {active or 'none'} (pid {owner or '?'}),"
            f" ours {self.window}, our visible windows {self._main_windows()}, app pid {self.proc.pid}"
        )

    def _main_windows(self) -> list[str]:
        """The ids of this app's visible windows titled like the main window."""
        return _run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid), "--name", WINDOW_TITLE],
            self.screen.env,
        ).stdout.split()

    def wait_window(self, timeout: float = START_TIMEOUT) -> str:
        """The id of the app's visible main window, once it is mapped."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.assert_running()
            found = self._main_windows()
            if found:
                return found[-1]
            time.sleep(0.1)
        raise AssertionError(f"no guide-app window within {timeout:.0f} s; log:\n{self.log()}")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def assert_running(self) -> None:
        if not self.running:
            code = None if self.proc is None else self.proc.returncode
            raise AppExited(f"guide-app is no longer running (exit code {code}); log:\n{self.log()}")

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """The exit code, or None if it still runs after ``timeout`` seconds."""
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            if self.wait_exit(5) is None:
                self.proc.kill()
                self.proc.wait(5)
        if getattr(self, "_log", None):
            self._log.close()

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            return ""

    # -- input: real key presses through the X server --------------------------------------------------
    def _xdotool(self, *args: str) -> None:
        result = _run(["xdotool", *args], self.screen.env)
        if result.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)}: {result.stderr.strip()}")

    def key(self, *keys: str, delay_ms: int = 60, pause: float = 0.3) -> None:
        """Press keys (X keysym names, e.g. ``Escape``, ``ctrl+equal``, ``Down``) one after the other.

        They go to whichever window has the keyboard focus, as from a keyboard."""
        self.assert_running()
        self._xdotool("key", "--delay", str(delay_ms), *keys)
        time.sleep(pause)

    def type(self, text: str, pause: float = 0.3) -> None:
        self.assert_running()
        self._xdotool("type", "--delay", "40", text)
        time.sleep(pause)

    def click(self, x: int, y: int) -> None:
        self._xdotool("mousemove", str(x), str(y), "click", "1")
        time.sleep(0.3)

    # -- output: what is on screen ---------------------------------------------------------------------
    def shot(self, name: str = "") -> Path:
        self.shots += 1
        path = self.workdir / f"{self.shots:02d}-{name or 'screen'}.png"
        return self.screen.shot(path)

    def words(self, region: tuple[int, int, int, int] | None = None, name: str = "ocr") -> list[Word]:
        return ocr_words(self.shot(name), region)

    def text(self, region: tuple[int, int, int, int] | None = None) -> str:
        return as_text(self.words(region))

    def wait_text(
        self, pattern: str, timeout: float = 15.0, region: tuple[int, int, int, int] | None = None, present=True
    ) -> str:
        """Read the screen until ``pattern`` (a case-insensitive regular expression) is there (or gone)."""
        deadline = time.monotonic() + timeout
        text = ""
        while True:
            self.assert_running()
            text = self.text(region)
            if bool(re.search(pattern, text, re.IGNORECASE)) == present:
                return text
            if time.monotonic() > deadline:
                state = "never appeared" if present else "never went away"
                raise AssertionError(f"{pattern!r} {state} on screen within {timeout:.0f} s; read: {text!r}")
            time.sleep(0.3)

    def state(self, timeout: float = 5.0) -> dict:
        """Where the app's parts are and which has the keyboard focus (see guide_app/ui/debug_state.py).

        Use it to know *where* to look; check *what* is there on the screen itself (``read``/``words``)."""
        path = self.workdir / "state.json"
        path.unlink(missing_ok=True)
        self.assert_running()
        self.proc.send_signal(signal.SIGUSR1)
        deadline = time.monotonic() + timeout
        while not path.exists():
            if time.monotonic() > deadline:
                raise AssertionError("the app did not write its debug state")
            time.sleep(0.05)
        return json.loads(path.read_text(encoding="utf-8"))

    def wait_page(self, name: str, timeout: float = 15.0) -> dict:
        """Wait until the page ``name`` (its class: HomePage, ResultsPage, ReaderPage, FlowPanel…) is shown."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            if state["page"] == name:
                time.sleep(0.2)  # let it paint
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"the {name} page was not shown within {timeout:.0f} s (shown: {state['page']})")
            time.sleep(0.2)

    def region(self, name: str) -> tuple[int, int, int, int]:
        """The on-screen rectangle of a named part: searchBox, quickExit, mainToolbar, home, results, reader…"""
        rect = self.state()["widgets"].get(name)
        if rect is None:
            raise AssertionError(f"{name} is not visible")
        return tuple(rect)

    def read(self, name: str, line: bool = False) -> str:
        """The text OCR reads inside the named part (``line=True`` for one line of text, like the search box).
        Its border (a focus ring, a frame) is cut off first: a box drawn round a line of text stops tesseract
        from seeing the text."""
        x, y, w, h = self.region(name)
        inside = (x + 3, y + 3, w - 6, h - 6)
        return as_text(ocr_words(self.shot(name), inside, scale=3 if line else 2, psm=7 if line else 11))

    def search_text(self) -> str:
        """What the search box shows, read off the screen."""
        x, y, w, h = self.region("searchBox")
        return as_text(ocr_words(self.shot("search"), (x + 2, y + 2, w - 4, h - 4), scale=3, psm=7))

    def title(self) -> str:
        return _run(["xdotool", "getwindowname", self.window], self.screen.env).stdout.strip()

    def window_geometry(self) -> tuple[int, int, int, int]:
        """x, y, width, height of the main window on the screen."""
        out = _run(["xdotool", "getwindowgeometry", "--shell", self.window], self.screen.env).stdout
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def visible_windows(self) -> list[str]:
        out = _run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid), "--name", "."], self.screen.env)
        return out.stdout.split()


def find_word(words: list[Word], pattern: str) -> Word | None:
    """The first word matching ``pattern`` (case-insensitive regular expression)."""
    return next((w for w in words if re.search(pattern, w.text, re.IGNORECASE)), None)


def median_height(words: list[Word]) -> float:
    """Median height of the confidently read words with at least three letters: the size of the body text."""
    heights = sorted(w.height for w in words if w.conf > 60 and len(w.text) >= 3 and w.text.isalpha())
    return float(heights[len(heights) // 2]) if heights else 0.0


def prebuild_index(home: Path, env: dict) -> None:
    """Build the search index into ``home``'s cache once, so each launch only opens it."""
    full = {
        **env,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CONFIG_DIRS": str(home / "etc-xdg"),
    }
    result = _run([*GuideApp.command(), "index"], full, timeout=180)
    if result.returncode != 0:
        raise RuntimeError(f"guide-app index failed: {result.stdout}{result.stderr}")


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def column_colors(png: Path, x: int, top: int, bottom: int) -> list[tuple[int, int, int]]:
    """The colours of the screen pixels at column ``x`` from ``top`` to ``bottom`` (QImage; no widgets)."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    out = []
    for y in range(top, bottom):
        c = image.pixelColor(x, y)
        out.append((c.red(), c.green(), c.blue()))
    return out
