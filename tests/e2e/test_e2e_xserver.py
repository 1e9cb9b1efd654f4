"""The test screen itself: a display another X server holds is never taken, and the screen that starts is the
one the tests then talk to (CI once met a display whose socket answered for another server)."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time

import xserver


def test_a_display_held_by_another_server_is_skipped(monkeypatch):
    monkeypatch.setattr(xserver, "FIRST_DISPLAY", 590)
    monkeypatch.setattr(xserver, "LAST_DISPLAY", 599)
    held = [n for n in range(590, 600) if xserver.display_looks_free(n)]
    sockets = []
    try:
        for n in held[:-1]:  # every free number but one: only an abstract socket, as a server in another
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)  # mount namespace would leave it
            s.bind(f"\0/tmp/.X11-unix/X{n}")
            s.listen()
            sockets.append(s)
        assert all(not xserver.display_looks_free(n) for n in held[:-1])
        screen = xserver.VirtualScreen(640, 480)
        try:
            screen.start_server()
            assert screen.display == f":{held[-1]}"
            info = subprocess.run(["xdpyinfo"], env=screen.env, capture_output=True, text=True, check=True).stdout
            assert "640x480 pixels" in info
        finally:
            screen.close()
    finally:
        for s in sockets:
            s.close()


def test_the_screen_environment_carries_nothing_of_the_machine(monkeypatch):
    monkeypatch.setenv("XAUTHORITY", "/nonexistent/.Xauthority")
    monkeypatch.setenv("LD_PRELOAD", "libnothing.so")
    env = xserver.base_env(xserver.Path("/tmp/home"), DISPLAY=":99")
    assert "XAUTHORITY" not in env and "LD_PRELOAD" not in env
    assert env["HOME"] == "/tmp/home" and env["DISPLAY"] == ":99" and env["PATH"]


def test_the_display_number_is_read_to_the_end_of_its_line():
    """Xvfb writes the number and the newline separately; closing the pipe between them killed the server."""
    read_end, write_end = os.pipe()
    wrote: list[str] = []

    def xvfb_like() -> None:
        os.write(write_end, b"97")
        time.sleep(0.3)
        try:
            os.write(write_end, b"\n")
            wrote.append("newline")
        except BrokenPipeError:
            wrote.append("broken pipe")
        os.close(write_end)

    writer = threading.Thread(target=xvfb_like)
    writer.start()
    try:
        assert xserver.read_display_line(read_end, timeout=5) == "97"
    finally:
        os.close(read_end)
        writer.join()
    assert wrote == ["newline"]


def test_screens_started_back_to_back_all_answer():
    """CI's order: one screen stopped, the next started at once (the same number is often free again)."""
    for _ in range(6):
        screen = xserver.VirtualScreen(320, 240)
        try:
            screen.start_server()
            assert screen.xvfb.poll() is None
            info = subprocess.run(["xdpyinfo"], env=screen.env, capture_output=True, text=True, timeout=10)
            assert info.returncode == 0 and "320x240 pixels" in info.stdout, info.stderr
        finally:
            screen.close()
