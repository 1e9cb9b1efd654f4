"""Read a running app's accessibility tree and events over AT-SPI, for the accessibility tests.

This file runs under the SYSTEM Python (``/usr/bin/python3``): pyatspi comes from Debian's
``python3-pyatspi`` and cannot be installed into the project's virtual environment. It imports nothing
from the project and nothing outside the standard library, pyatspi and gi.

Protocol: one JSON object per line on stdin (a command), one JSON object per line on stdout (its answer).
Every answer has ``ok``; failures carry ``error``. Commands:

``{"cmd": "wait_app", "pid": N, "timeout": S}``   wait until the process shows a frame on the bus
``{"cmd": "tree"}``                               every showing node: role, name, states, interfaces, ...
``{"cmd": "focused", "timeout": S, "role": R, "name": N}``
                                                  the focused node (waiting until it matches role/name)
``{"cmd": "events", "clear": true}``              the events recorded so far (and forget them)
``{"cmd": "wait_event", "type": T, "contains": X, "timeout": S}``
                                                  wait for an event of type T whose text contains X
``{"cmd": "find", "role": R, "name": N}``         the first showing node with that role (and name)
``{"cmd": "headings"}``/``{"cmd": "links", "role": R, "name": N}``
                                                  structure exposed by a text node (Hypertext, attributes)
``{"cmd": "quit"}``
"""

from __future__ import annotations

import json
import sys
import time

try:
    import pyatspi
    from gi.repository import GLib
except ImportError as error:  # reported to the test, which skips with this reason
    print(json.dumps({"ok": False, "error": f"pyatspi unavailable: {error}"}), flush=True)
    sys.exit(3)

EVENT_TYPES = (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
)
STATE_NAMES = {
    "showing": pyatspi.STATE_SHOWING,
    "visible": pyatspi.STATE_VISIBLE,
    "focusable": pyatspi.STATE_FOCUSABLE,
    "focused": pyatspi.STATE_FOCUSED,
    "enabled": pyatspi.STATE_ENABLED,
    "selected": pyatspi.STATE_SELECTED,
    "checked": pyatspi.STATE_CHECKED,
}


class Probe:
    def __init__(self) -> None:
        self.pid = None
        self.app = None
        self.events: list[dict] = []
        self.context = GLib.MainContext.default()
        for kind in EVENT_TYPES:
            pyatspi.Registry.registerEventListener(self._on_event, kind)

    # -- events ----------------------------------------------------------------------------------
    def _on_event(self, event) -> None:
        try:
            source = event.source
            pid = source.get_process_id() if source is not None else None
        except Exception:  # the object may already be gone
            return
        if self.pid is not None and pid != self.pid:
            return  # another app on the same bus
        try:
            role, name = source.getRoleName(), source.name or ""
        except Exception:
            role, name = "", ""
        data = event.any_data
        self.events.append(
            {
                "type": str(event.type),
                "role": role,
                "name": name,
                "data": data if isinstance(data, (str, int, float, bool)) or data is None else str(data),
                "detail1": event.detail1,
                "t": time.monotonic(),
            }
        )

    def pump(self, seconds: float) -> None:
        """Let events arrive for ``seconds``."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if not self.context.iteration(False):
                time.sleep(0.01)

    # -- tree ----------------------------------------------------------------------------------
    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == self.pid:
                    return app
            except Exception:
                continue
        return None

    def wait_app(self, pid: int, timeout: float) -> dict:
        self.pid = pid
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            app = self._find_app()
            if app is not None:
                for child in app:
                    if child is not None and child.getRoleName() == "frame" and self._states(child)["showing"]:
                        self.app = app
                        return {"ok": True, "name": app.name, "frame": child.name}
            self.pump(0.1)
        return {"ok": False, "error": f"no showing frame for pid {pid} within {timeout} s"}

    @staticmethod
    def _states(acc) -> dict:
        state = acc.getState()
        return {key: state.contains(value) for key, value in STATE_NAMES.items()}

    def describe(self, acc, depth: int = 0, path: str = "") -> dict:
        node = {
            "role": acc.getRoleName(),
            "name": acc.name or "",
            "description": acc.description or "",
            "depth": depth,
            "path": path,
            "children": acc.childCount,
            "states": self._states(acc),
            "interfaces": sorted(acc.get_interfaces()),
        }
        try:
            node["attributes"] = dict(a.split(":", 1) for a in acc.getAttributes() if ":" in a)
        except Exception:
            node["attributes"] = {}
        try:
            relations = []
            for rel in acc.getRelationSet():
                targets = [rel.getTarget(i) for i in range(rel.getNTargets())]
                relations.append(
                    {
                        "type": str(rel.getRelationType()),
                        "targets": [t.name or "" for t in targets if t is not None],
                    }
                )
            node["relations"] = relations
        except Exception:
            node["relations"] = []
        if "Text" in node["interfaces"]:
            try:
                text = acc.queryText()
                node["text"] = text.getText(0, min(text.characterCount, 2000))
                node["characters"] = text.characterCount
            except Exception:
                pass
        try:
            box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            node["box"] = [box.x, box.y, box.width, box.height]
        except Exception:
            pass
        return node

    def walk(self, acc=None, depth: int = 0, path: str = ""):
        """Showing nodes, depth first (the frame's hidden pages are skipped with their children)."""
        acc = acc if acc is not None else self.app
        if acc is None:
            return
        try:
            node = self.describe(acc, depth, path)
        except Exception:
            return
        if depth > 1 and not node["states"]["showing"]:
            return
        node["_acc"] = acc
        yield node
        for n in range(acc.childCount):
            try:
                child = acc.getChildAtIndex(n)
            except Exception:
                continue
            if child is not None:
                yield from self.walk(child, depth + 1, f"{path}/{n}")

    def tree(self) -> dict:
        return {"ok": True, "nodes": [_public(n) for n in self.walk()]}

    def _match(self, node: dict, role: str | None, name: str | None) -> bool:
        return (role is None or node["role"] == role) and (name is None or node["name"] == name)

    def find_node(self, role: str | None, name: str | None):
        return next((n for n in self.walk() if self._match(n, role, name)), None)

    def focused(self, role: str | None, name: str | None, timeout: float) -> dict:
        end = time.monotonic() + timeout
        last = None
        while True:
            last = next((n for n in self.walk() if n["states"]["focused"]), None)
            if last is not None and self._match(last, role, name):
                return {"ok": True, "node": _public(last)}
            if time.monotonic() >= end:
                return {"ok": False, "error": "focus did not match", "node": _public(last) if last else None}
            self.pump(0.1)

    def wait_event(self, kind: str, contains: str, timeout: float) -> dict:
        end = time.monotonic() + timeout
        while True:
            for event in self.events:
                text = f"{event['data']} {event['name']}"
                if event["type"].startswith(kind) and contains.lower() in text.lower():
                    return {"ok": True, "event": event}
            if time.monotonic() >= end:
                return {"ok": False, "error": f"no {kind} containing {contains!r}", "events": self.events}
            self.pump(0.05)

    def links(self, role: str | None, name: str | None) -> dict:
        node = self.find_node(role, name)
        if node is None:
            return {"ok": False, "error": f"no {role} {name!r}"}
        acc = node["_acc"]
        try:
            hyper = acc.queryHypertext()
        except NotImplementedError:
            return {"ok": True, "hypertext": False, "links": []}
        links = []
        for n in range(hyper.getNLinks()):
            link = hyper.getLink(n)
            links.append({"start": link.startIndex, "end": link.endIndex, "uri": link.getURI(0)})
        return {"ok": True, "hypertext": True, "links": links}


def _public(node: dict) -> dict:
    return {k: v for k, v in node.items() if not k.startswith("_")}


def main() -> int:
    probe = Probe()
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            command = json.loads(line)
            cmd = command.get("cmd")
            timeout = float(command.get("timeout", 5))
            role, name = command.get("role"), command.get("name")
            if cmd == "quit":
                print(json.dumps({"ok": True}), flush=True)
                return 0
            if cmd == "wait_app":
                answer = probe.wait_app(int(command["pid"]), timeout)
            elif cmd == "tree":
                probe.pump(0.05)
                answer = probe.tree()
            elif cmd == "focused":
                answer = probe.focused(role, name, timeout)
            elif cmd == "events":
                probe.pump(float(command.get("settle", 0.2)))
                answer = {"ok": True, "events": list(probe.events)}
                if command.get("clear"):
                    probe.events.clear()
            elif cmd == "wait_event":
                answer = probe.wait_event(command["type"], command.get("contains", ""), timeout)
            elif cmd == "find":
                node = probe.find_node(role, name)
                answer = {"ok": node is not None, "node": _public(node) if node else None}
            elif cmd == "links":
                answer = probe.links(role, name)
            else:
                answer = {"ok": False, "error": f"unknown command {cmd!r}"}
        except Exception as error:  # answer, never die: the test reports it
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
