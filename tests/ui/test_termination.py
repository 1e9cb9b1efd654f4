"""A logout, a shutdown or ``kill``: the real app clears the session and removes the private folder Qt's own
settings go to; a folder a killed run could not remove is swept by the next start."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT
from guide_app import paths
from guide_app.ui import safety


def _leftovers(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.iterdir() if p.name.startswith(safety.QT_FOLDER_PREFIX))


class RunningApp:
    """The real window (offscreen) in a sandbox; ``wait_painted`` returns once its event loop runs."""

    def __init__(self, sandbox: Path) -> None:
        home, self.tmp = sandbox / "home", sandbox / "tmp"
        home.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(exist_ok=True)
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "TMPDIR": str(self.tmp),
            "QT_QPA_PLATFORM": "offscreen",
            "GUIDE_APP_TIMING": "1",  # prints first-paint-ms once the event loop has painted the window
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "guide_app", "--content", str(FIXTURE_CONTENT)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_painted(self, timeout: float = 60) -> None:
        said = b""
        deadline = time.monotonic() + timeout
        while b"first-paint-ms" not in said:
            left = deadline - time.monotonic()
            assert left > 0 and self.proc.poll() is None, said.decode(errors="replace")
            if select.select([self.proc.stderr], [], [], left)[0]:
                said += os.read(self.proc.stderr.fileno(), 4096)
        time.sleep(0.3)  # a few more turns of the loop: the loading thread has started

    def end(self, sig: int, timeout: float = 30) -> int:
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        finally:
            self.proc.stderr.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_logout_or_kill_ends_cleanly_and_leaves_no_folder(tmp_path, sig):
    app = RunningApp(tmp_path)
    app.wait_painted()
    assert len(_leftovers(app.tmp)) == 1  # the private folder exists while the app runs
    assert app.end(sig) == 0  # a clean exit, not death by signal (-15 / -1)
    assert _leftovers(app.tmp) == []


def test_a_folder_a_killed_run_left_is_swept_at_the_next_start(tmp_path):
    first = RunningApp(tmp_path)
    first.wait_painted()
    assert first.end(signal.SIGKILL) == -signal.SIGKILL  # nothing runs after SIGKILL: its folder stays
    left = _leftovers(first.tmp)
    assert len(left) == 1 and left[0].startswith(f"{safety.QT_FOLDER_PREFIX}{first.proc.pid}-")
    second = RunningApp(tmp_path)
    second.wait_painted()
    now = _leftovers(second.tmp)
    assert left[0] not in now and len(now) == 1  # only the running app's own folder
    assert second.end(signal.SIGTERM) == 0
    assert _leftovers(second.tmp) == []


def test_the_sweep_removes_only_this_users_folders_of_ended_runs(tmp_path):
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    prefix = safety.QT_FOLDER_PREFIX
    mine = tmp_path / f"{prefix}{os.getpid()}-running"
    dead = tmp_path / f"{prefix}{ended.pid}-ended"
    old_unnamed = tmp_path / f"{prefix}abc123"
    new_unnamed = tmp_path / f"{prefix}def456"
    for folder in (mine, dead, old_unnamed, new_unnamed):
        folder.mkdir()
        (folder / "QtProject.conf").write_text("[FileDialog]\nlastVisited=/home/visitor/Desktop\n")
    two_hours_ago = time.time() - 7200
    os.utime(old_unnamed, (two_hours_ago, two_hours_ago))
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / f"{prefix}1-link").symlink_to(target)  # a link is never followed or removed
    (tmp_path / f"{prefix}2-file").write_text("not a folder")

    removed = paths.sweep_run_folders(prefix, str(tmp_path))

    assert sorted(Path(p).name for p in removed) == sorted([dead.name, old_unnamed.name])
    assert mine.is_dir() and new_unnamed.is_dir() and target.is_dir()
    assert (tmp_path / f"{prefix}1-link").is_symlink() and (tmp_path / f"{prefix}2-file").is_file()
    assert paths.sweep_run_folders(prefix, str(tmp_path / "missing")) == []


def test_no_sweep_where_there_are_no_user_ids(tmp_path, monkeypatch):
    """On Windows ``os.kill(pid, 0)`` would send a signal, and the temp folder is the user's own anyway."""
    folder = tmp_path / f"{safety.QT_FOLDER_PREFIX}1-ended"
    folder.mkdir()
    monkeypatch.delattr(os, "getuid")
    assert paths.sweep_run_folders(safety.QT_FOLDER_PREFIX, str(tmp_path)) == []
    assert folder.is_dir()
