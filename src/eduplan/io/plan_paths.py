r"""Where each item of a plan file's raw data is: ids, JSON paths and enclosing task and target.

The plan loader (`eduplan.io.plans`) walks the parsed data once when loading starts, so that a diagnostic at
any JSON path gets its file position and its task and target ids by dictionary look-ups.

>>> from eduplan.io.source import parse_text
>>> data, marks = parse_text("id: p\ngoals:\n  - id: g\n    targets:\n      - {id: t1, value: 90%}\n", "yaml")
>>> paths = PlanPaths(data, marks)
>>> paths.items, paths.first["t1"]
([('goal', 'g', '$.goals[0]'), ('target', 't1', '$.goals[0].targets[0]')], '$.goals[0].targets[0]')
>>> paths.ids("$.goals[0].targets[0].value")
{'task_id': None, 'target_id': 't1'}
"""

from __future__ import annotations

from typing import Any

from eduplan.diagnostics import Location
from eduplan.io.source import Marks

__all__ = ["PlanPaths"]

_ID_KINDS = {"sections": "section", "tasks": "task", "goals": "goal", "targets": "target"}


class PlanPaths:
    """Where each item of the raw data is, found in one walk when loading starts.

    Every section, task, goal, target and indicator with its id, JSON path and raw mapping, and for each
    item the task and target ids that enclose it, so that a diagnostic at any path gets its ids by a few
    dictionary look-ups instead of a new walk of the data.
    """

    def __init__(self, data: dict[str, Any], marks: Marks) -> None:
        self.marks = marks
        self.items: list[tuple[str, str, str]] = []  # (kind, id, path)
        self.nodes: dict[str, dict[str, Any]] = {}
        self.enclosing: dict[str, dict[str, str | None]] = {"$": {"task_id": None, "target_id": None}}
        self._walk(data, "$", None, self.enclosing["$"])
        indicators = data.get("indicators")
        if isinstance(indicators, list):
            for i, item in enumerate(indicators):
                if isinstance(item, dict) and "id" in item:
                    self.items.append(("indicator", str(item["id"]), f"$.indicators[{i}]"))
                    self.nodes[f"$.indicators[{i}]"] = item
        self.first: dict[str, str] = {}
        for kind, item_id, path in self.items:
            self.first.setdefault(f"{kind}:{item_id}", path)
            if kind != "indicator":
                self.first.setdefault(item_id, path)

    def _walk(self, node: Any, path: str, kind: str | None, ids: dict[str, str | None]) -> None:
        if not isinstance(node, dict):
            return
        if kind is not None and isinstance(node.get("id"), str | int):
            self.items.append((kind, str(node["id"]), path))
            if kind in ("task", "target"):
                ids = {**ids, f"{kind}_id": str(node["id"])}
        if kind is not None:
            self.nodes[path], self.enclosing[path] = node, ids
        for key, value in node.items():
            if key in _ID_KINDS and isinstance(value, list):
                for i, item in enumerate(value):
                    self._walk(item, f"{path}.{key}[{i}]", _ID_KINDS[key], ids)

    def ids(self, path: str) -> dict[str, str | None]:
        """The task and target ids that enclose ``path``."""
        while path not in self.enclosing:
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else "$"
        return self.enclosing[path]

    def location(self, path: str) -> Location:
        """The location of ``path``: file, line and column, the path, and the enclosing task and target."""
        return self.marks.location(path, **self.ids(path))
