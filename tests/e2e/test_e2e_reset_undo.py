"""Nothing of the last visitor comes back: Ctrl+Z and a middle click after every kind of reset, with real key
presses on a virtual X screen, read back off the screen (OCR) and from the X server (xclip for PRIMARY)."""

from __future__ import annotations

import shutil
import subprocess
import time

import harness
import pytest

SECRET = "zebra"  # a word OCR reads reliably; "habeas zebra" also finds results, so a restored query shows them
QUERY = f"habeas {SECRET}"
FIND = "custodian"
FIND_CORE = FIND[1:-1]  # OCR may miss a letter touching the field's edge or the cursor
KIOSK_INI = "[kiosk]\nenabled = yes\nidle_timeout = {idle}\ncountdown = 3\n"


def _launch(launch, how: str) -> harness.GuideApp:
    if how == "clear my session":
        return launch()
    return launch(kiosk_ini=KIOSK_INI.format(idle=5 if how == "idle reset" else 3600))


def _reset(app: harness.GuideApp, how: str) -> None:
    if how == "start over":
        app.key("ctrl+shift+q")  # in kiosk mode quick exit starts over (the "Start over" button)
    elif how == "clear my session":
        app.key("alt+f")
        app.key("c")  # File > &Clear my session
    elif how == "idle reset":
        time.sleep(5 + 3 + 1)  # idle_timeout, then the countdown nobody answers
    app.wait_page("HomePage", timeout=15)
    time.sleep(0.5)


def _primary(app: harness.GuideApp) -> str:
    result = subprocess.run(
        ["xclip", "-o", "-selection", "primary"], env=app.screen.env, capture_output=True, text=True, timeout=10
    )
    return result.stdout if result.returncode == 0 else ""


def _click_search_box(app: harness.GuideApp, *click: str) -> None:
    x, y, _w, h = app.region("searchBox")
    app._xdotool("mousemove", str(x + 40), str(y + h // 2))  # on the text (the right end has a clear button)
    app._xdotool("click", *click)
    time.sleep(0.5)


def _leave_traces(app: harness.GuideApp) -> None:
    """Search, select the query with the mouse (X11 PRIMARY), open the first result and find a word in it."""
    app.type(QUERY)
    app.wait_page("ResultsPage")
    assert SECRET in app.search_text().lower()  # OCR reads it: a check below that it is gone can fail
    _click_search_box(app, "--repeat", "3", "--delay", "90", "1")  # triple click selects the whole query
    assert SECRET in _primary(app).lower()  # so a middle click would paste it
    app.key("Return")
    app.wait_page("ReaderPage")
    app.key("ctrl+f")
    app.type(FIND)
    assert FIND_CORE in app.read("findField", line=True).lower()


@pytest.mark.skipif(shutil.which("xclip") is None, reason="needs xclip")
@pytest.mark.parametrize("how", ["start over", "clear my session", "idle reset"])
def test_nothing_comes_back_after_a_reset(launch, how):
    app = _launch(launch, how)
    _leave_traces(app)
    _reset(app, how)
    app.assert_running()
    assert SECRET not in _primary(app).lower()  # PRIMARY is empty...
    _click_search_box(app, "2")  # ...so the next visitor's middle click pastes nothing
    assert app.state()["focus"] == "searchBox"
    app.key("ctrl+z", "ctrl+z", "ctrl+shift+z", "ctrl+y")  # and there is nothing to undo or redo
    time.sleep(1.0)  # a restored query would be searched and its results shown by now
    assert app.state()["page"] == "HomePage"
    assert SECRET not in app.search_text().lower()
    # The find bar: open any article again, Ctrl+F, Ctrl+Z.
    app.type("silent")
    app.wait_page("ResultsPage")
    app.key("Return")
    app.wait_page("ReaderPage")
    app.key("ctrl+f")
    app.key("ctrl+z", "ctrl+z")
    assert FIND_CORE not in app.read("findField", line=True).lower()
