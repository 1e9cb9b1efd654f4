"""A private virtual X screen for the end-to-end tests: Xvfb on a display number nobody else uses, checked to
answer before anything is started on it, and openbox once it does.

The number is read from ``-displayfd`` to the end of its line: Xvfb writes it in two parts and exits when the
pipe is closed between them. Reading only the first part left a dead server on ``:0`` that openbox could not
open, which is how CI failed once while every local run passed.

Both ``harness.Screen`` and the accessibility ``a11y_session.Stack`` start their screen here, so the two
kinds of test meet the X server the same way. Every process gets a small, explicit environment (``base_env``)
instead of the caller's: nothing the machine happens to export (an X authority file, a preload library, a
session bus) reaches the server, the window manager or the app. When a screen cannot be had, the error names
what each step said: Xvfb's own log, what ``xdpyinfo`` answered and what openbox printed.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

# What a child process may inherit from the test run; everything else is set by the harness itself.
PASSED_THROUGH = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR")
FIRST_DISPLAY = 80  # far from :0 and the few low numbers desktops and other tools take
LAST_DISPLAY = 599
ATTEMPTS = 4


def base_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment every process on a test screen starts from: a few passed-through names, a private HOME."""
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.setdefault("PATH", "/usr/local/bin:/usr/bin:/bin")
    env.setdefault("LANG", "C.UTF-8")
    env["HOME"] = str(home)
    env.update(extra)
    return env


def _abstract_sockets() -> str:
    try:
        return Path("/proc/net/unix").read_text(errors="replace")
    except OSError:
        return ""


def display_looks_free(number: int, sockets: str | None = None) -> bool:
    """No lock file, no socket file and no abstract socket of a server on ``:number``."""
    sockets = _abstract_sockets() if sockets is None else sockets
    return not (
        Path(f"/tmp/.X{number}-lock").exists()
        or Path(f"/tmp/.X11-unix/X{number}").exists()
        or f"@/tmp/.X11-unix/X{number}\n" in sockets
        or f"@/tmp/.X11-unix/X{number} " in sockets
    )


def _candidates(tried: set[int]) -> list[int]:
    span = LAST_DISPLAY - FIRST_DISPLAY + 1
    start = FIRST_DISPLAY + (os.getpid() * 7) % span  # two test runs at once rarely try the same numbers
    sockets = _abstract_sockets()
    numbers = [FIRST_DISPLAY + (start - FIRST_DISPLAY + i) % span for i in range(span)]
    return [n for n in numbers if n not in tried and display_looks_free(n, sockets)]


def die_with_parent() -> None:
    """In the child: stop when the test process dies, even if it is killed before its clean-up runs."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def read_display_line(fd: int, timeout: float) -> str:
    """The display number Xvfb writes to ``-displayfd`` once it accepts connections: the whole line.

    Xvfb writes the number and the newline in two writes, and dies ("Cannot write display number") when the
    pipe is closed between them, so the reader waits for the newline (or the end of the pipe: Xvfb gave up)."""
    data = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
    return data.decode(errors="replace").strip()


class ScreenError(RuntimeError):
    pass


class VirtualScreen:
    """Xvfb (+ openbox) on a free display; ``env`` is what every process on it should be started with."""

    def __init__(self, width: int, height: int, home: Path | None = None, extra_env: dict[str, str] | None = None):
        self.size = (width, height)
        self.dir = Path(tempfile.mkdtemp(prefix="e2e-xserver-"))
        self.home = home or self.dir / "home"
        self.home.mkdir(exist_ok=True)
        self.extra_env = dict(extra_env or {})
        self.xvfb: subprocess.Popen | None = None
        self.wm: subprocess.Popen | None = None
        self.display = ""
        self.env: dict[str, str] = {}
        self.tried: set[int] = set()
        self.xvfb_log = self.dir / "xvfb.log"
        self.wm_log = self.dir / "openbox.log"

    # -- the X server ----------------------------------------------------------------------------------
    def start_server(self) -> VirtualScreen:
        said: list[str] = []
        for number in _candidates(self.tried)[:ATTEMPTS]:
            self.tried.add(number)
            problem = self._try_display(number)
            if problem is None:
                return self
            said.append(f":{number}: {problem}")
            self.stop()
        raise ScreenError("no virtual X screen could be started:\n" + "\n".join(said))

    def _try_display(self, number: int) -> str | None:
        width, height = self.size
        read_end, write_end = os.pipe()
        with open(self.xvfb_log, "wb") as log:
            self.xvfb = subprocess.Popen(
                [
                    "Xvfb",
                    f":{number}",
                    "-displayfd",
                    str(write_end),
                    "-screen",
                    "0",
                    f"{width}x{height}x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write_end,),
                env=base_env(self.home),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        os.close(write_end)
        try:
            reported = read_display_line(read_end, timeout=20)
        finally:
            os.close(read_end)
        if reported != str(number):
            return f"Xvfb did not take the display (reported {reported!r}); its log: {self._log(self.xvfb_log)}"
        self.display = f":{number}"
        self.env = base_env(self.home, DISPLAY=self.display, **self.extra_env)
        answer = _run(["xdpyinfo"], self.env)
        if answer.returncode != 0 or f"{width}x{height} pixels" not in answer.stdout:
            return (
                f"the display does not answer as the server just started (xdpyinfo exit {answer.returncode}: "
                f"{(answer.stderr or answer.stdout)[-400:].strip()}); Xvfb log: {self._log(self.xvfb_log)}"
            )
        return None

    # -- the window manager ----------------------------------------------------------------------------
    def start_window_manager(self, env: dict[str, str] | None = None, timeout: float = 15.0) -> None:
        """openbox on the screen, waited for until it has announced itself on the root window."""
        env = env or self.env
        with open(self.wm_log, "wb") as log:
            self.wm = subprocess.Popen(
                ["openbox", "--sm-disable"],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "window id" in _run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env).stdout:
                return
            if self.wm.poll() is not None:
                break
            time.sleep(0.1)
        answers = "answers" if _run(["xdpyinfo"], env).returncode == 0 else "does not answer"
        raise ScreenError(
            f"openbox did not start on the virtual screen {self.display} (exit {self.wm.poll()}): "
            f"{self._log(self.wm_log)}; xdpyinfo {answers}; Xvfb log: {self._log(self.xvfb_log)}"
        )

    def start(self) -> VirtualScreen:
        """The server and the window manager, trying another display when either fails on one."""
        said: list[str] = []
        for _ in range(ATTEMPTS):
            try:
                self.start_server()
                self.start_window_manager()
                return self
            except ScreenError as error:
                said.append(str(error))
                self.stop()
        self.close()
        raise ScreenError("\n".join(said))

    @staticmethod
    def _log(path: Path) -> str:
        try:
            text = path.read_text(errors="replace").strip()
        except OSError:
            return "(none)"
        return repr(text[-600:]) if text else "(empty)"

    def stop(self) -> None:
        for proc in (self.wm, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)
        self.wm = self.xvfb = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _run(args: list[str], env: dict | None = None, timeout: float = 10.0) -> subprocess.CompletedProcess:
    """``args``' result; one that hangs (a socket that accepts and never answers) counts as a failure."""
    try:
        return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -1, "", f"{args[0]} gave no answer within {timeout:g} s")
