"""The report's figures as PNG: the before/after bar chart and the org chart.

Drawn with matplotlib's object API (a ``Figure`` and the Agg canvas, no pyplot, no change to
the global rcParams) in the serif font of ``fonts.serif_font`` so that Vietnamese letters
render. matplotlib does not promise thread safety and the web server answers requests in
threads, so drawing holds a lock (a figure takes a few tenths of a second). Black, grey and
white only: official reports are printed in black and white.
"""

from __future__ import annotations

import io
import textwrap
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle

from tinhgon.reports.fonts import serif_font

DPI = 200
# The smallest text of a figure, in points as printed (figures are drawn at their printed
# width, 16 cm): at least 9 pt, so that a printed org chart can be read.
MIN_TEXT_PT = 9.0


def _fp(size: float, *, bold: bool = False) -> FontProperties:
    """The serif font by its file, not its family name: two installed families may share a
    name (Liberation Serif 1 and 2) and only one of them has the Vietnamese letters."""
    font = serif_font()
    return FontProperties(fname=str(font.bold if bold else font.regular), size=size)


def _png(figure: Figure) -> bytes:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


_LOCK = threading.Lock()


# -- before/after ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BarPanel:
    """One measure: its Vietnamese name, the value before and after."""

    label: str
    before: int
    after: int


def before_after_chart(
    panels: Sequence[BarPanel], before_label: str, after_label: str, *, width_in: float = 6.3
) -> bytes:
    """Small multiples, one panel a measure, each on its own scale: two bars (before, after)
    with their values written as the report writes counts ('06')."""
    with _LOCK:
        figure = Figure(figsize=(width_in, 2.8), layout="constrained")
        axes = figure.subplots(1, len(panels), squeeze=False)[0]
        for ax, panel in zip(axes, panels, strict=True):
            values = (panel.before, panel.after)
            bars = ax.bar(
                (0, 1),
                values,
                width=0.6,
                color=("#bdbdbd", "#404040"),
                edgecolor="black",
                linewidth=0.6,
            )
            top = max(values) or 1
            ax.set_ylim(0, top * 1.25)
            for bar, value in zip(bars, values, strict=True):
                ax.annotate(
                    f"{value:02d}",
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontproperties=_fp(MIN_TEXT_PT + 1, bold=True),
                )
            ax.set_xticks((0, 1), (before_label, after_label), fontproperties=_fp(MIN_TEXT_PT))
            ax.set_yticks([])
            for side in ("top", "right", "left"):
                ax.spines[side].set_visible(False)
            ax.set_title(
                "\n".join(textwrap.wrap(panel.label, 16)), fontproperties=_fp(MIN_TEXT_PT + 0.5)
            )
        return _png(figure)


# -- org chart ------------------------------------------------------------------------------


@dataclass(slots=True)
class OrgNode:
    """A unit in the org chart: its name, a line about its head, its headcount, its class."""

    name: str
    lines: tuple[str, ...] = ()
    group: str = ""
    children: list[OrgNode] = field(default_factory=list)


_BOX_EDGE = "black"
_PER_ROW = 5
_MAX_STACK = 8
_MAX_UNITS = 20  # units drawn under the agency; the rest are counted in a last box


def _wrap(text: str, width_in: float, size_pt: float) -> list[str]:
    # A serif face averages a little under half an em a character.
    per_line = max(8, int(width_in * 72 / (size_pt * 0.46)))
    return textwrap.wrap(text, per_line) or [""]


def _flatten(node: OrgNode, depth: int = 0) -> list[tuple[int, OrgNode]]:
    out: list[tuple[int, OrgNode]] = []
    for child in node.children:
        out.append((depth, child))
        out.extend(_flatten(child, depth + 1))
    return out


def org_chart(root: OrgNode, *, width_in: float = 6.3) -> bytes:
    """The agency on top; its units in rows below (a new row for each group, at most five a
    row); the units under each of them stacked beneath it, indented by depth."""
    size_root, size_unit, size_sub = MIN_TEXT_PT + 2, MIN_TEXT_PT + 0.5, MIN_TEXT_PT
    line_h = 1 / 72 * 1.25  # inches a point of text takes with its leading
    gap_x, gap_y, pad = 0.12, 0.28, 0.05

    children = list(root.children)
    if len(children) > _MAX_UNITS:
        rest = len(children) - (_MAX_UNITS - 1)
        children = children[: _MAX_UNITS - 1]
        children.append(OrgNode(f"… và {rest:02d} đơn vị khác", (), "more"))
    rows: list[list[OrgNode]] = []
    for child in children:
        if not rows or len(rows[-1]) >= _PER_ROW or rows[-1][0].group != child.group:
            rows.append([])
        rows[-1].append(child)
    per_row = max((len(r) for r in rows), default=1)
    box_w = (width_in - gap_x * (per_row + 1)) / per_row

    def box_lines(node: OrgNode, width: float, size: float) -> list[tuple[str, float, bool]]:
        lines = [(t, size, True) for t in _wrap(node.name, width - 2 * pad, size)]
        for extra in node.lines:
            small = max(size - 0.5, MIN_TEXT_PT)
            lines += [(t, small, False) for t in _wrap(extra, width - 2 * pad, small)]
        return lines

    def box_height(lines: list[tuple[str, float, bool]]) -> float:
        return sum(s * line_h for _, s, _ in lines) + 2 * pad

    # Lay out from the top, in inches, y growing downwards; drawn flipped at the end.
    boxes: list[tuple[float, float, float, float, list[tuple[str, float, bool]], bool]] = []
    lines_to_draw: list[tuple[tuple[float, float], tuple[float, float]]] = []
    root_w = min(width_in * 0.6, 3.6)
    root_lines = box_lines(root, root_w, size_root)
    root_h = box_height(root_lines)
    root_x = (width_in - root_w) / 2
    boxes.append((root_x, gap_y / 2, root_w, root_h, root_lines, True))
    y = gap_y / 2 + root_h + gap_y
    root_bottom = (width_in / 2, gap_y / 2 + root_h)
    bus_y_first = None
    for row in rows:
        row_w = len(row) * box_w + (len(row) - 1) * gap_x
        x0 = (width_in - row_w) / 2
        heights = [box_height(box_lines(n, box_w, size_unit)) for n in row]
        row_h = max(heights)
        bus_y = y - gap_y / 2
        if bus_y_first is None:
            bus_y_first = bus_y
            lines_to_draw.append((root_bottom, (width_in / 2, bus_y)))
        else:
            # A spine down the left margin joins later rows to the first bus.
            lines_to_draw.append(((gap_x / 2, bus_y_first), (gap_x / 2, bus_y)))
            lines_to_draw.append(((gap_x / 2, bus_y), (x0 + box_w / 2, bus_y)))
        centres = [x0 + i * (box_w + gap_x) + box_w / 2 for i in range(len(row))]
        left = min(centres[0], width_in / 2 if bus_y == bus_y_first else centres[0])
        right = max(centres[-1], width_in / 2 if bus_y == bus_y_first else centres[-1])
        if bus_y == bus_y_first and len(rows) > 1:
            left = min(left, gap_x / 2)
        lines_to_draw.append(((left, bus_y), (right, bus_y)))
        stack_bottom = y + row_h
        for i, node in enumerate(row):
            bx = x0 + i * (box_w + gap_x)
            lines = box_lines(node, box_w, size_unit)
            boxes.append((bx, y, box_w, row_h, lines, False))
            lines_to_draw.append(((centres[i], bus_y), (centres[i], y)))
            sub = _flatten(node)
            shown = sub[:_MAX_STACK]
            sy = y + row_h + gap_y / 2
            spine_x = bx + 0.08
            for depth, child in shown:
                indent = 0.16 + 0.1 * depth
                sw = box_w - indent
                sl = box_lines(child, sw, size_sub)
                sh = box_height(sl)
                boxes.append((bx + indent, sy, sw, sh, sl, False))
                lines_to_draw.append(((spine_x, y + row_h), (spine_x, sy + sh / 2)))
                lines_to_draw.append(((spine_x, sy + sh / 2), (bx + indent, sy + sh / 2)))
                sy += sh + gap_y / 3
            if len(sub) > len(shown):
                more = f"… và {len(sub) - len(shown):02d} đơn vị khác"
                boxes.append((bx + 0.16, sy, box_w - 0.16, 0.18, [(more, size_sub, False)], False))
                sy += 0.18 + gap_y / 3
            stack_bottom = max(stack_bottom, sy)
        y = stack_bottom + gap_y
    height = y - gap_y / 2

    with _LOCK:
        figure = Figure(figsize=(width_in, height))
        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, width_in)
        ax.set_ylim(height, 0)
        ax.axis("off")
        for (x1, y1), (x2, y2) in lines_to_draw:
            ax.plot((x1, x2), (y1, y2), color=_BOX_EDGE, linewidth=0.6, zorder=1)
        for bx, by, bw, bh, lines, is_root in boxes:
            ax.add_patch(
                Rectangle(
                    (bx, by),
                    bw,
                    bh,
                    facecolor="#e8e8e8" if is_root else "white",
                    edgecolor=_BOX_EDGE,
                    linewidth=1.0 if is_root else 0.6,
                    zorder=2,
                )
            )
            total = sum(s * line_h for _, s, _ in lines)
            ty = by + (bh - total) / 2
            for text, size, bold in lines:
                ty += size * line_h
                ax.text(
                    bx + bw / 2,
                    ty - size * line_h * 0.22,
                    text,
                    ha="center",
                    va="baseline",
                    fontproperties=_fp(size, bold=bold),
                    zorder=3,
                )
        return _png(figure)


# -- headcount forecast ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Series:
    """One group's count on 31 December of each year."""

    label: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TargetMark:
    """A target: the most a group may count in a year."""

    label: str
    year: int
    allowed: int


def forecast_chart(
    years: Sequence[int],
    series: Sequence[Series],
    targets: Sequence[TargetMark],
    projected_from: int | None,
    *,
    width_in: float = 6.3,
) -> bytes:
    """Lines of the count year by year (solid, dashed), the projected years shaded, each target
    as a short bar with its value: black and grey only, text at least 9 pt."""
    with _LOCK:
        return _png(forecast_figure(years, series, targets, projected_from, width_in=width_in))


def forecast_figure(
    years: Sequence[int],
    series: Sequence[Series],
    targets: Sequence[TargetMark],
    projected_from: int | None,
    *,
    width_in: float = 6.3,
) -> Figure:
    """The forecast chart as a matplotlib figure (``forecast_chart`` draws it under the lock)."""
    styles = (("black", "-", "o"), ("#606060", "--", "s"), ("#909090", ":", "^"))
    figure = Figure(figsize=(width_in, 3.2), layout="constrained")
    ax = figure.add_subplot()
    if projected_from is not None and projected_from <= years[-1]:
        ax.axvspan(projected_from - 0.5, years[-1] + 0.5, color="#eeeeee", zorder=0)
        ax.text(
            projected_from - 0.4,
            1.0,
            "Dự báo",
            transform=ax.get_xaxis_transform(),
            va="top",
            ha="left",
            fontproperties=_fp(MIN_TEXT_PT),
        )
    top = 1
    for line, (colour, dash, marker) in zip(series, styles, strict=False):
        ax.plot(
            years,
            line.values,
            color=colour,
            linestyle=dash,
            marker=marker,
            markersize=3.5,
            linewidth=1.2,
            label=line.label,
            zorder=3,
        )
        top = max(top, *line.values)
        ax.annotate(
            f"{line.values[-1]:02d}",
            (years[-1], line.values[-1]),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontproperties=_fp(MIN_TEXT_PT),
        )
    for mark in targets:
        ax.plot(
            (mark.year - 0.35, mark.year + 0.35),
            (mark.allowed, mark.allowed),
            color="black",
            linewidth=2.2,
            zorder=4,
        )
        ax.annotate(
            f"{mark.label}: {mark.allowed:02d}",
            (mark.year, mark.allowed),
            xytext=(0, -11),
            textcoords="offset points",
            ha="center",
            va="top",
            fontproperties=_fp(MIN_TEXT_PT),
        )
        top = max(top, mark.allowed)
    ax.set_ylim(0, top * 1.2)
    ax.set_xlim(years[0] - 0.5, years[-1] + 0.9)
    ax.set_xticks(list(years), [str(y) for y in years], fontproperties=_fp(MIN_TEXT_PT))
    ax.tick_params(axis="y", labelsize=MIN_TEXT_PT)  # digits only: any face will do
    ax.set_ylabel("Người", fontproperties=_fp(MIN_TEXT_PT))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(prop=_fp(MIN_TEXT_PT), frameon=False, loc="lower left")
    return figure
