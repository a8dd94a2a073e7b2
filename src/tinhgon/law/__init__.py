"""The law as code: dated, cited rules that check any structure or plan on any date.

Parameters are data (``parameters/*.yaml``, one file per legal parameter, each dated value with
its citation, confidence and verification); rules are small declarative objects, one module
per legal instrument; ``check`` runs them on a state at a date and returns a ``Report`` of
findings and coverage. Nothing here knows of files other than its own parameters, of the
network or of a framework; time is always an argument.
"""

from tinhgon.law.engine import Coverage, CoverageLine, Env, Report, Rule
from tinhgon.law.errors import ParameterError, ParameterProblem
from tinhgon.law.findings import Citation, Confidence, Finding, Severity, TraceItem
from tinhgon.law.parameters import (
    Age,
    Band,
    DatedValue,
    Limits,
    Parameter,
    ParameterSet,
    load_parameters,
    parse_parameter,
)
from tinhgon.law.province import Member, check_province
from tinhgon.law.retirement import Retirement, age_on, retirement_of
from tinhgon.law.rules import (
    RULES,
    applicable_rules,
    check,
    check_project,
    planned_units,
    rule_by_id,
)

__all__ = [
    "RULES",
    "Age",
    "Band",
    "Citation",
    "Confidence",
    "Coverage",
    "CoverageLine",
    "DatedValue",
    "Env",
    "Finding",
    "Limits",
    "Member",
    "Parameter",
    "ParameterError",
    "ParameterProblem",
    "ParameterSet",
    "Report",
    "Retirement",
    "Rule",
    "Severity",
    "TraceItem",
    "age_on",
    "applicable_rules",
    "check",
    "check_project",
    "check_province",
    "load_parameters",
    "parse_parameter",
    "planned_units",
    "retirement_of",
    "rule_by_id",
]
