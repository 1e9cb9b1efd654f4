"""Start-up against the floor: ``guide-app --smoke-test`` beside a bare PySide6 window, in pairs.

    python benchmarks/startup_floor.py [--pairs 9]

The floor program (``--floor``) imports PySide6, shows a 1000x700 QMainWindow, prints ``first-paint-ms``
at its first paint (counted from its own first line, as the app counts from ``guide_app.ui.app``) and
quits. The app runs its smoke test (start, wait for the index, search, open an article, exit) with
``GUIDE_APP_TIMING=1``. A and B alternate, each with a private HOME and a shared warm cache; the report
gives medians of the whole-process wall time and first paint, and the median of the pair-by-pair ratios.
The machine is shared: only the ratios are comparable between runs.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIRST_PAINT = re.compile(r"first-paint-ms:\s*([0-9.]+)")


def floor() -> int:
    start = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 700)

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint-ms: {(time.perf_counter() - start) * 1000:.1f}", file=sys.stderr, flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    painted = Painted()
    window.installEventFilter(painted)
    window.show()
    return app.exec()


def timed(cmd: list[str], env: dict) -> tuple[float, float | None]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - start
    found = FIRST_PAINT.search(proc.stderr)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[-1]} failed: {proc.stderr[-500:]}")
    return wall, float(found.group(1)) if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=9)
    parser.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        return floor()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "GUIDE_APP_TIMING": "1",
        }
        app = [sys.executable, "-m", "guide_app", "--smoke-test"]
        base = [sys.executable, str(Path(__file__).resolve()), "--floor"]
        timed(app, env)  # warm-up: builds the index into the shared cache
        timed(base, env)
        pairs = []
        for _ in range(args.pairs):
            pairs.append((timed(app, env), timed(base, env)))
    app_wall = [a[0] for a, _ in pairs]
    floor_wall = [b[0] for _, b in pairs]
    app_paint = [a[1] for a, _ in pairs if a[1] is not None]
    floor_paint = [b[1] for _, b in pairs if b[1] is not None]
    ratios = [a[0] / b[0] for a, b in pairs]
    print(f"pairs: {len(pairs)}; load average {os.getloadavg()[0]:.1f}")
    print(f"whole process, wall median: app {statistics.median(app_wall):.3f} s (min {min(app_wall):.3f}), ", end="")
    print(f"floor {statistics.median(floor_wall):.3f} s (min {min(floor_wall):.3f}); paired ratio median ", end="")
    print(f"{statistics.median(ratios):.2f}x")
    if app_paint and floor_paint:
        paint = statistics.median(app_paint), statistics.median(floor_paint)
        print(f"first paint median: app {paint[0]:.0f} ms, floor {paint[1]:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
