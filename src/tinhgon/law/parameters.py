"""Legal parameters as data: one YAML file per parameter, values keyed by the date they take effect.

The files live in ``tinhgon/law/parameters/`` (their format is ``parameter.schema.json`` beside
them, and docs/rules.md lists them). Every dated value carries its citation, its confidence
(high / medium / low, as in shared/legal/RULES.md) and whether it was checked against the
official text. An officer corrects a number, a date or a citation by editing the file; no code
changes.

A value of ``null`` from a date means "no rule encoded from this date": the engine reports a
coverage gap instead of applying the previous number. A value (or one band of a table) of low
confidence is kept for the record but never applied.

Four kinds of value exist:

``limits``
    a table of bands: ``{from, to, limit}`` with optional ``province_class`` and
    ``confidence``; ``limit: at_most`` or ``at_least`` says which way the limit binds. When
    several active bands cover a count, the tightest one applies.
``age``
    ``{years, months}``: an age, for instance a retirement age.
``duration``
    ``{years, months}``: a length of time, for instance a transition period.
``numbers``
    named numbers ``{name: number}``: an amount of money, the coefficients of a formula, a
    target (the planning layer reads them; no rule of the engine does).

``ends: true`` on a ``null`` value says the rule itself ended on that date (its successor has
no such rule): the engine reports that it no longer applies, not a coverage gap.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tinhgon.law.errors import ParameterError, ParameterProblem
from tinhgon.law.parameter_reader import parse_parameter
from tinhgon.law.values import (
    PROVINCE_CLASSES,
    Age,
    Band,
    DatedValue,
    Limits,
    Parameter,
    ParameterSet,
    Value,
)

__all__ = [
    "PROVINCE_CLASSES",
    "Age",
    "Band",
    "DatedValue",
    "Limits",
    "Parameter",
    "ParameterSet",
    "Value",
    "load_parameters",
    "parameter_files",
    "parse_parameter",
]

# -- loading ---------------------------------------------------------------------------------


def parameter_files(directory: Traversable | Path | None = None) -> list[Traversable | Path]:
    """The parameter files of a directory, the package's own by default."""
    folder = directory if directory is not None else _package_dir()
    return sorted(
        (f for f in folder.iterdir() if f.name.endswith(".yaml")),
        key=lambda f: f.name,
    )


def _package_dir() -> Traversable:
    return resources.files("tinhgon.law").joinpath("parameters")


def load_parameters(directory: Traversable | Path | None = None) -> ParameterSet:
    """Read every parameter file of a directory; raise ParameterError listing every problem."""
    if directory is None:
        return _default_parameters()
    return _load_all(directory)


@cache
def _default_parameters() -> ParameterSet:
    return _load_all(_package_dir())


def _load_all(directory: Traversable | Path) -> ParameterSet:
    problems: list[ParameterProblem] = []
    parameters: dict[str, Parameter] = {}
    for file in parameter_files(directory):
        try:
            parameter = parse_parameter(file.read_text(encoding="utf-8"), name=file.name)
        except ParameterError as error:
            problems.extend(error.problems)
            continue
        parameters[parameter.id] = parameter
    if problems:
        raise ParameterError(problems)
    return ParameterSet(parameters)
