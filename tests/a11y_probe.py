"""Walk the app's accessibility tree over AT-SPI, as Orca would (system python3 + pyatspi).

``python3 tests/a11y_probe.py APP_COMMAND...`` starts the app (tests/a11y_app.py), waits for
it to say "ready", then prints JSON: how many controls it saw, and each focusable control
that has no name or no role. Run inside ``dbus-run-session`` under Xvfb (tests/test_a11y.py).
It imports nothing from the app: python3-pyatspi does not load into the project's venv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi  # type: ignore[import-not-found]

# Containers and decoration: Qt marks some focusable (a tab widget is a focusable
# "filler"); a reader announces what they hold, not them.
UNNAMED_OK = {"filler", "panel", "scroll pane", "viewport", "separator"}


def find_app(name: str, deadline: float):  # type: ignore[no-untyped-def]
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.3)
    raise SystemExit(f"the app never appeared on the accessibility bus as {name!r}")


def walk(node, path: str, seen: list[dict], limit: int = 20000) -> None:  # type: ignore[no-untyped-def]
    if node is None or len(seen) >= limit:
        return
    try:
        role = node.getRoleName()
        name = node.name or ""
        states = node.getState()
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        count = node.childCount
    except Exception:  # a node that vanished while we looked
        return
    seen.append({"role": role, "name": name, "focusable": focusable, "path": path})
    for i in range(min(count, 2000)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, f"{path}/{role}[{i}]", seen)


def unannounced(node: dict) -> bool:
    """A reader would say nothing useful: no role, or no name where one is needed."""
    if node["role"] in ("unknown", "invalid"):
        return True
    return not node["name"] and node["role"] not in UNNAMED_OK


def main(command: list[str]) -> int:
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
    env.pop("QT_QPA_PLATFORM", None)
    app_process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert app_process.stdout is not None
        line = app_process.stdout.readline()
        if line.strip() != "ready":
            raise SystemExit(f"the app did not start: {line!r}")
        app = find_app("atr-a11y-check", time.time() + 30)
        seen: list[dict] = []
        walk(app, "app", seen)
        problems = [n for n in seen if n["focusable"] and unannounced(n)]
        print(json.dumps({"seen": len(seen), "problems": problems}))
    finally:
        app_process.terminate()
        app_process.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
