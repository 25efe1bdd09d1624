"""Names a package imports from their modules on first use (PEP 562), to keep ``import eduplan`` quick.

A package lists ``{name: module}`` and gets the module-level ``__getattr__`` and ``__dir__`` that load a
name on first use and keep it, so later look-ups are plain attribute reads:

>>> namespace: dict[str, object] = {}
>>> getattr_, dir_ = attach("demo", {"Fraction": "fractions"}, namespace)
>>> getattr_("Fraction").__name__, "Fraction" in namespace, dir_()
('Fraction', True, ['Fraction'])
>>> getattr_("nothing")
Traceback (most recent call last):
...
AttributeError: module 'demo' has no attribute 'nothing'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13

    from eduplan.io.columns import ReportColumns


def attach(package: str, names: Mapping[str, str], namespace: dict[str, object]
           ) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, whose globals are ``namespace``."""

    def __getattr__(name: str) -> object:  # noqa: N807 - the module hook's own name
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value  # later look-ups skip __getattr__
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({*namespace, *names})

    return __getattr__, __dir__


def is_report_columns(value: object) -> TypeIs[ReportColumns]:
    """Whether ``value`` is `eduplan.io.columns.ReportColumns`, without importing the columnar reader: a value of
    that class exists only once its module has loaded (a seed's ``check`` never loads it).

    >>> is_report_columns(())
    False
    """
    module = sys.modules.get("eduplan.io.columns")
    return module is not None and isinstance(value, module.ReportColumns)
