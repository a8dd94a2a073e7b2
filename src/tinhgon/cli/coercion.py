"""Parameters of the plainest types (text, a path, a flag, a choice) coerced without pydantic.

typer 0.29 coerces every parameter through a pydantic ``TypeAdapter``: importing pydantic and
building the adapters costs about 0.1 s of the start-up of every command that takes a
parameter (the aim: ``tinhgon validate`` of the example under 0.3 s). For the parameters our
commands declare most — ``str``, ``pathlib.Path`` without a ``path_type``, a ``bool`` flag and an
``Enum`` or ``Literal`` choice — typer's own functions do the whole work (the pydantic adapter only wraps
them), so they are called directly here with the values click hands over. Any other
annotation, or a parameter with a custom parser, keeps typer's own coercion, pydantic and all.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from typer import core
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_choice, coerce_cli_path, lenient_issubclass
from typer._typing import is_literal_type, literal_values

if TYPE_CHECKING:
    from typer._click import Context


@dataclass(frozen=True)
class _Text(RuntimeParam):
    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        if isinstance(value, str):
            return value
        # bytes and anything else: the way typer does it (through pydantic)
        return _typer_param(self)._coerce_value(value, param=param, ctx=ctx)


@dataclass(frozen=True)
class _Flag(RuntimeParam):
    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        if isinstance(value, bool):
            return value
        # a text given for a boolean ("yes", "0"…): typer's own rules, through pydantic
        return _typer_param(self)._coerce_value(value, param=param, ctx=ctx)


@dataclass(frozen=True)
class _Path(RuntimeParam):
    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        if isinstance(value, str):
            # typer's pydantic adapter makes the same Path of a text (Path(value))
            value = self.annotation(value)
        return coerce_cli_path(
            value, self.parameter_info, path_type=self.annotation, param=param, ctx=ctx
        )


@dataclass(frozen=True)
class _Choice(RuntimeParam):
    choices: tuple[Any, ...]

    def _coerce_value(self, value: Any, param: Any, ctx: Context) -> Any:
        try:
            return coerce_cli_choice(
                value,
                choices=self.choices,
                case_sensitive=self.parameter_info.case_sensitive,
                ctx=ctx,
            )
        except ValueError as error:  # worded as typer's pydantic adapter words it
            raise BadParameter(f"Value error, {error}", ctx=ctx, param=param) from error


def _typer_param(light: RuntimeParam) -> RuntimeParam:
    return build_runtime_param(
        TypeDescriptor(
            annotation=light.annotation, parameter_info=light.parameter_info, file_annotation=None
        )
    )


def light_param(descriptor: TypeDescriptor) -> RuntimeParam | None:
    """A pydantic-free coercion for this parameter, or None to keep typer's."""
    annotation, info = descriptor.annotation, descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    if getattr(info, "click_type", None) is not None:
        return None
    if annotation is str:
        return _Text(parameter_info=info, annotation=annotation)
    if annotation is bool:
        return _Flag(parameter_info=info, annotation=annotation)
    if annotation is Path and info.path_type is None:
        return _Path(parameter_info=info, annotation=annotation)
    if isinstance(annotation, type) and lenient_issubclass(annotation, enum.Enum):
        return _Choice(
            parameter_info=info,
            annotation=annotation,
            choices=tuple(cast("type[enum.Enum]", annotation)),
        )
    if is_literal_type(annotation):
        return _Choice(
            parameter_info=info, annotation=annotation, choices=tuple(literal_values(annotation))
        )
    return None


def _get_runtime_param(self: Any) -> RuntimeParam:
    if self._runtime_param is None:
        light = light_param(self.type_descriptor)
        self._runtime_param = light if light is not None else _typer_get(self)
    return self._runtime_param  # type: ignore[no-any-return]


_typer_get = core._TyperParameter.get_runtime_param


def install() -> None:
    """Make typer's parameters use the light coercion where it applies (idempotent)."""
    core._TyperParameter.get_runtime_param = _get_runtime_param  # type: ignore[method-assign]
