"""The screen-reader side of the end-to-end tests: a private D-Bus session, the AT-SPI bus and registry,
a virtual X screen with a window manager, the real ``guide-app`` with accessibility on, and
``atspi_probe.py`` (run by the system Python, which has pyatspi) reading its tree and events.

Nothing here touches the machine's own session: every bus, socket and folder is private and removed at
the end, and every process started here is stopped by its own id.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xserver import VirtualScreen, die_with_parent

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
PROBE = Path(__file__).with_name("atspi_probe.py")
REPO = Path(__file__).resolve().parents[2]


def missing_reason() -> str | None:
    """Why the accessibility stack cannot run here (a clear skip reason), or None when it can."""
    needed = {
        "Xvfb": "xvfb",
        "openbox": "openbox",
        "xdotool": "xdotool",
        "xdpyinfo": "x11-utils",
        "xprop": "x11-utils",
        "dbus-daemon": "dbus (dbus-x11)",
    }
    missing = [pkg for tool, pkg in needed.items() if shutil.which(tool) is None]
    missing += [f"at-spi2-core ({p})" for p in (BUS_LAUNCHER, REGISTRY) if not os.access(p, os.X_OK)]
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing.append(f"{SYSTEM_PYTHON}")
    elif subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        missing.append("python3-pyatspi")
    if missing:
        return "accessibility stack not installed: " + ", ".join(missing) + " (.ci/run installs them)"
    return None


class ProbeError(AssertionError):
    pass


class Stack:
    """Xvfb + D-Bus session + AT-SPI bus/registry + openbox, all private to one test module."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="a11y-stack-"))
        self.procs: list[subprocess.Popen] = []
        self.env: dict[str, str] = {}
        self.x: VirtualScreen | None = None

    def _spawn(self, args, **kw) -> subprocess.Popen:
        proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=die_with_parent, **kw
        )
        self.procs.append(proc)
        return proc

    def start(self) -> Stack:
        runtime = self.dir / "run"
        home = self.dir / "home"
        runtime.mkdir(mode=0o700)
        home.mkdir()
        self.x = VirtualScreen(
            1366,
            768,
            home=home,
            extra_env={
                "XDG_RUNTIME_DIR": str(runtime),
                "XDG_CACHE_HOME": str(home / ".cache"),
                "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_DATA_HOME": str(home / ".local/share"),
                "NO_AT_BRIDGE": "0",
            },
        )
        self.x.start_server()
        env = dict(self.x.env)
        dbus = self._spawn(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        env["DBUS_SESSION_BUS_ADDRESS"] = dbus.stdout.readline().strip()
        self.env = env
        quiet = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self._spawn([BUS_LAUNCHER, "--launch-immediately"], **quiet)
        self.x.start_window_manager(env)
        self._spawn([REGISTRY], **quiet)
        return self

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)  # its own group: the bus launcher's daemon too
                except ProcessLookupError:
                    pass
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if self.x is not None:
            self.x.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def set_preferences(self, **values: str) -> None:
        folder = Path(self.env["XDG_CONFIG_HOME"]) / "rights-guide"
        folder.mkdir(parents=True, exist_ok=True)
        lines = ["[General]"] + [f"{k}={v}" for k, v in values.items()]
        (folder / "settings.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def launch(self, *args: str) -> App:
        return App(self, args)


class App:
    """The real guide-app on the stack's screen, with a probe reading its accessibility tree."""

    def __init__(self, stack: Stack, args) -> None:
        self.stack = stack
        env = {
            **stack.env,
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QPA_PLATFORM": "xcb",
        }
        self.log = stack.dir / "app.log"
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "guide_app", *args],
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                preexec_fn=die_with_parent,
            )
        self.probe = subprocess.Popen(
            [SYSTEM_PYTHON, str(PROBE)],
            env=stack.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            preexec_fn=die_with_parent,
        )
        hello = json.loads(self.probe.stdout.readline() or '{"ok": false, "error": "probe did not start"}')
        if not hello.get("ok"):
            raise ProbeError(hello.get("error"))
        self.ask("wait_app", pid=self.proc.pid, timeout=30)

    # -- probe ---------------------------------------------------------------------------------
    def ask(self, cmd: str, check: bool = True, **args) -> dict:
        self.probe.stdin.write(json.dumps({"cmd": cmd, **args}) + "\n")
        self.probe.stdin.flush()
        line = self.probe.stdout.readline()
        if not line:
            raise ProbeError(f"the AT-SPI probe stopped during {cmd}; app log:\n{self.log.read_text(errors='replace')}")
        answer = json.loads(line)
        if check and not answer.get("ok"):
            raise ProbeError(f"{cmd} {args}: {json.dumps(answer)[:3000]}")
        return answer

    def tree(self) -> list[dict]:
        return self.ask("tree")["nodes"]

    def focused(self, role: str | None = None, name: str | None = None, timeout: float = 5) -> dict:
        return self.ask("focused", role=role, name=name, timeout=timeout)["node"]

    def events(self, clear: bool = True, settle: float = 0.2) -> list[dict]:
        return self.ask("events", clear=clear, settle=settle)["events"]

    def announcements(self, settle: float = 0.2, clear: bool = True) -> list[str]:
        return [e["data"] for e in self.events(clear, settle) if e["type"] == "object:announcement"]

    def wait_announcement(self, contains: str, timeout: float = 10) -> str:
        return self.ask("wait_event", type="object:announcement", contains=contains, timeout=timeout)["event"]["data"]

    def wait_for(self, role: str, name: str | None = None, timeout: float = 10) -> dict:
        end = time.monotonic() + timeout
        while True:
            answer = self.ask("find", check=False, role=role, name=name)
            if answer.get("ok"):
                return answer["node"]
            if time.monotonic() > end:
                raise ProbeError(f"no showing {role} {name!r} within {timeout} s")
            time.sleep(0.1)

    # -- keyboard --------------------------------------------------------------------------------
    def key(self, *keys: str, delay_ms: int = 80) -> None:
        subprocess.run(["xdotool", "key", "--delay", str(delay_ms), *keys], env=self.stack.env, check=True)

    def type(self, text: str, delay_ms: int = 90) -> None:
        subprocess.run(["xdotool", "type", "--delay", str(delay_ms), text], env=self.stack.env, check=True)

    def close(self) -> None:
        if self.probe.poll() is None:
            try:
                self.ask("quit", check=False)
            except (ProbeError, BrokenPipeError, ValueError):
                pass
            try:
                self.probe.wait(timeout=3)
            except subprocess.TimeoutExpired:
                self.probe.kill()
                self.probe.wait()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def actionable(nodes: list[dict]) -> list[dict]:
    """Showing, enabled, focusable controls (what a keyboard or screen-reader user can land on)."""
    return [
        n
        for n in nodes
        if n["states"]["showing"] and n["states"]["enabled"] and n["states"]["focusable"] and n["role"] != "menu item"
    ]


def summary(nodes: list[dict]) -> tuple[int, int, list[str]]:
    """(controls, named, the unnamed ones as 'role @path')."""
    controls = actionable(nodes)
    unnamed = [f"{n['role']} @{n['path']}" for n in controls if not n["name"].strip()]
    return len(controls), len(controls) - len(unnamed), unnamed
