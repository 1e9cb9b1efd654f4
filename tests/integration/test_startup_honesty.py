"""Start-up on Linux says plainly what is wrong (no screen, a missing X library) and exits 1; the command line
gives the number of results asked for, and ends quietly when its reader goes away (`| head`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from guide_app.ui import display_check

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 start-up checks are for Linux")


def _env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, "PYTHONPATH": str(REPO), **extra}


def _start_window(env: dict, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "guide_app"], env=env, capture_output=True, text=True, timeout=60
    )


def _one_plain_sentence(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr  # no Qt dump, no traceback, no "Aborted (core dumped)"
    for word in words:
        assert word in lines[0]


@LINUX
def test_no_screen_is_one_sentence_and_exit_1():
    _one_plain_sentence(_start_window(_env()), "no screen", "DISPLAY")


@LINUX
def test_a_screen_that_cannot_be_reached_is_one_sentence_and_exit_1():
    number = next(n for n in range(977, 1100) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    _one_plain_sentence(_start_window(_env(DISPLAY=f":{number}")), f":{number}", "cannot be reached")


@LINUX
@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare")
def test_a_missing_x_library_is_named_with_its_package(tmp_path):
    """Hide libxcb-cursor.so.0 in a private mount namespace, as on a machine without it."""
    found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    line = next((x for x in found.splitlines() if "libxcb-cursor.so.0 " in x and "x86-64" in x), None)
    if line is None:
        pytest.skip("libxcb-cursor0 is not installed here")
    library = line.split("=>")[-1].strip()
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not allowed here")
    script = f'mount --bind /dev/null "{library}" && exec "$@"'
    proc = _start_window(_env(DISPLAY=":0"), ("unshare", "-m", "sh", "-c", script, "sh"))
    _one_plain_sentence(proc, "libxcb-cursor.so.0", "sudo apt install libxcb-cursor0")


def test_library_names_map_to_debian_packages():
    assert display_check.package_for("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert display_check.package_for("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert display_check.package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert display_check.package_for("libxcb-render-util.so.0") == "libxcb-render-util0"
    error = "libxcb-keysyms.so.1: cannot open shared object file: No such file or directory"
    assert display_check.missing_library(error) == "libxcb-keysyms.so.1"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "guide_app", *args]


def test_search_limit_gives_that_many_results():
    """An article has many sections: --limit 2 used to stop at the sections of one article."""
    for limit in (1, 2, 3):
        proc = subprocess.run(
            _cli("search", "habeas", "--lang", "en", "--limit", str(limit)),
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        numbered = [x for x in proc.stdout.splitlines() if x[:1].isdigit()]
        assert len(numbered) == limit, proc.stdout


@pytest.mark.parametrize("args", [("list",), ("list", "--json"), ("show", "habeas-corpus"), ("search", "habeas")])
def test_piping_into_head_ends_quietly(args):
    proc = subprocess.Popen(_cli(*args), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(5)
    proc.stdout.close()  # like `| head -c 5`
    err = proc.stderr.read().decode()
    proc.wait(120)
    assert "Traceback" not in err and "BrokenPipe" not in err, err
    assert proc.returncode in (0, 141)
