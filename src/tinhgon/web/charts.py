"""Small charts drawn as SVG on the server: no script, no external asset, readable without colour."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe

SERIES = (
    ("departments", "Phòng chuyên môn và tương đương", "series-a"),
    ("leaders", "Lãnh đạo cấp phòng", "series-b"),
    ("staff", "Tổng số người làm việc", "series-c"),
)


def _line(
    points: list[tuple[dt.date, int]], width: int, height: int, pad: int
) -> tuple[str, list[tuple[float, float, int]]]:
    values = [v for _, v in points]
    top = max(values) or 1
    n = len(points)
    coords = []
    for i, (_, value) in enumerate(points):
        x = pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)
        y = height - pad - (height - 2 * pad) * (value / top)
        coords.append((round(x, 1), round(y, 1), value))
    return " ".join(f"{x},{y}" for x, y, _ in coords), coords


def series_chart(
    series: list[dict[str, Any]], *, width: int = 320, height: int = 120
) -> list[dict[str, Any]]:
    """One small chart per measure (its own scale), each an SVG with a title and a data table."""
    charts = []
    for key, label, css in SERIES:
        points = [(row["on"], int(row[key])) for row in series]
        polyline, coords = _line(points, width, height, 16)
        dots = "".join(
            f'<circle cx="{x}" cy="{y}" r="3"><title>{escape(f"{d:%d/%m/%Y}")}: {v}</title></circle>'
            for (x, y, v), (d, _) in zip(coords, points, strict=True)
        )
        first, last = points[0], points[-1]
        svg = (
            f'<svg class="chart {css}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(label)}: {first[1]} ({first[0]:%d/%m/%Y}) → {last[1]} ({last[0]:%d/%m/%Y})">'
            f'<line class="axis" x1="16" y1="{height - 16}" x2="{width - 16}" y2="{height - 16}"/>'
            f'<polyline points="{polyline}"/>{dots}'
            f'<text x="16" y="{height - 2}">{first[0]:%m/%Y}</text>'
            f'<text x="{width - 16}" y="{height - 2}" text-anchor="end">{last[0]:%m/%Y}</text>'
            "</svg>"
        )
        charts.append(
            {"label": label, "svg": mark_safe(svg), "first": first, "last": last, "points": points}
        )
    return charts


def svg(value: str) -> SafeString:
    return mark_safe(value)
