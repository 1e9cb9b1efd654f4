"""Start-up: whole-process time, first paint and peak memory of ``guide-app --smoke-test``.

Every run gets a private HOME and config folder. Warm runs share one cache folder (the index is built by
an untimed warm-up run first); cold runs each get a fresh, empty ``XDG_CACHE_HOME`` so the index must be
built. The app prints ``first-paint-ms: N`` on stderr when ``GUIDE_APP_TIMING=1``; without that line
first paint is reported as n/a. Peak memory is the child's own ``ru_maxrss`` from ``os.wait4``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FIRST_PAINT = re.compile(r"first-paint-ms:\s*([0-9.]+)")
TIMEOUT_S = 120


@dataclass
class Run:
    seconds: float
    returncode: int
    peak_rss_mb: float
    first_paint_ms: float | None
    stderr_tail: str = ""


@dataclass
class StartupResult:
    available: bool
    reason: str = ""
    command: list[str] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    cold: list[Run] = field(default_factory=list)


def app_command() -> list[str]:
    script = Path(sys.executable).with_name("guide-app")
    if script.exists():
        return [str(script), "--smoke-test"]
    found = shutil.which("guide-app")
    return [found, "--smoke-test"] if found else [sys.executable, "-m", "guide_app", "--smoke-test"]


def _env(home: Path, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["HOME"] = str(home)
    env["XDG_CACHE_HOME"] = str(cache)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["GUIDE_APP_TIMING"] = "1"
    env.pop("GUIDE_APP_LOCAL_CONTENT", None)
    return env


def run_once(command: list[str], env: dict[str, str]) -> Run:
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        deadline = start + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    match = FIRST_PAINT.search(text)
    rss_kb = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    tail = "\n".join(text.strip().splitlines()[-6:])
    return Run(seconds, proc.returncode, rss_kb / 1024, float(match.group(1)) if match else None, tail)


def measure(warm_runs: int, cold_runs: int, progress=print) -> StartupResult:
    command = app_command()
    work = Path(tempfile.mkdtemp(prefix="guide-bench-start-"))
    try:
        home, warm_cache = work / "home", work / "warm-cache"
        home.mkdir(mode=0o700)
        first = run_once(command, _env(home, warm_cache))  # warm-up; also builds the warm index
        if first.returncode != 0:
            reason = f"`{' '.join(Path(c).name for c in command)}` exited {first.returncode}"
            if first.stderr_tail:
                reason += ": " + first.stderr_tail.splitlines()[-1][:200]
            return StartupResult(False, reason, command)
        result = StartupResult(True, "", command)
        for i in range(warm_runs):
            progress(f"  start-up warm {i + 1}/{warm_runs}")
            result.warm.append(run_once(command, _env(home, warm_cache)))
        for i in range(cold_runs):
            progress(f"  start-up cold {i + 1}/{cold_runs}")
            cold = work / f"cold-cache-{i}"
            result.cold.append(run_once(command, _env(home, cold)))
            shutil.rmtree(cold, ignore_errors=True)
        failed = [r for r in result.warm + result.cold if r.returncode != 0]
        if failed:
            result.reason = f"{len(failed)} run(s) failed, e.g. exit {failed[0].returncode}: {failed[0].stderr_tail}"
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)
