"""Notebook display without an import circle: the model asks this registry for HTML, render fills it.

`Plan`, `Task` and `Evaluation` have a ``_repr_html_`` for Jupyter, but the model must not import the
rendering layer (render imports the model). So the model calls `html`, and `eduplan.render.html`
registers its renderers here when it is imported. If nothing is registered yet, the renderer module is
loaded by name on first display, so a notebook that only did ``import eduplan`` still shows HTML.

>>> class Note:
...     pass
>>> register(Note, lambda note: "<b>note</b>")
>>> html(Note())
'<b>note</b>'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

RENDERER_MODULE = "eduplan.render.html"
"""The module that registers the HTML renderers (imported by name on first display)."""

_RENDERERS: dict[type, Callable[[Any], str]] = {}


def register(cls: type, renderer: Callable[[Any], str]) -> None:
    """Show instances of ``cls`` in notebooks with ``renderer``."""
    _RENDERERS[cls] = renderer


def html(value: object) -> str | None:
    """The notebook HTML of ``value``, or ``None`` (the notebook then shows its plain repr)."""
    renderer = _RENDERERS.get(type(value))
    if renderer is None:
        importlib.import_module(RENDERER_MODULE)
        renderer = _RENDERERS.get(type(value))
    return None if renderer is None else renderer(value)


__all__ = ["RENDERER_MODULE", "html", "register"]
