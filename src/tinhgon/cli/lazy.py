"""Modules loaded on first use, so that ``tinhgon --help`` does not load the law, the file
readers and the terminal toolkit it does not need (the start-up aim: under 0.3 s)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def lazy_module(name: str) -> ModuleType:
    """The module, executed when one of its attributes is first read."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # as an import does: ``tinhgon.law`` is an attribute of ``tinhgon``
        setattr(sys.modules[parent], child, module)
    return module


class Later(Generic[T]):
    """An object made on first use (a rich Console): attributes are read from it."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._made: T | None = None

    def made(self) -> T:
        if self._made is None:
            self._made = self._make()
        return self._made

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)
