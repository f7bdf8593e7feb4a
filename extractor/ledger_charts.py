"""Charts of the claim ledger: one PNG per series, flagged points marked (needs the `plot` extra)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from extractor.ledger import FLAGS, Ledger, Point, Series
from extractor.writers import atomic_file

# short marks for the charts
FLAG_MARKS = {
    "cumulative_drop": "drop",
    "delta_mismatch": "Δ≠",
    "period_exceeds_cumulative": ">total",
    "conflicting_values": "2 values",
}


class ChartsUnavailable(RuntimeError):
    """Charts were asked for but matplotlib is not installed."""


# -- the ledger -----------------------------------------------------------------------------------------


def charts_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def write_charts(ledger: Ledger, folder: Path) -> list[Path]:
    """One PNG per series in `folder`, flagged points circled in red; the paths written. Raises
    ChartsUnavailable without matplotlib."""
    try:
        # the object-oriented API with the Agg canvas: no pyplot state, no display, safe in threads
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
        from matplotlib.figure import Figure
    except ImportError:
        raise ChartsUnavailable("charts need matplotlib: pip install 'briefing-extractor[plot]'") from None

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for series in ledger.series:
        timed = [point for point in series.points if point.time is not None]
        if not timed:
            continue
        figure = Figure(figsize=(9, 4.8), layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        _draw_series(axes, series, timed)
        # few ticks are enough: with the default minimum of five, a short series gets hourly ticks
        locator = AutoDateLocator(minticks=2, maxticks=9)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        path = folder / f"{_unique_slug(series.key.name, used)}.png"
        with atomic_file(path, "wb") as handle:
            figure.savefig(handle, format="png", dpi=100)
        written.append(path)
    return written


def _draw_series(axes: Any, series: Series, timed: list[Point]) -> None:
    _draw_totals(axes, [point for point in timed if point.cumulative])
    _draw_figures(axes, [point for point in timed if not point.cumulative])
    _draw_marks(axes, timed)
    days = [p.time for p in timed] + [p.period_start for p in timed if p.period_start and not p.cumulative]
    first, last = min(days), max(days)  # type: ignore[type-var]
    pad = max(dt.timedelta(days=1), (last - first) * 0.05)  # type: ignore[operator]
    axes.set_xlim(first - pad, last + pad)  # type: ignore[operator]
    highest = max(max(p.upper for p in timed), 1)
    axes.set_ylim(0, highest * 1.25)  # room above the points for the marks and the legend
    axes.grid(True, alpha=0.3)
    count = sum(p.flagged for p in series.points)
    axes.set_title(f"{series.key.name}\n{len(series.points)} points, {count} flagged", fontsize=10)
    axes.set_ylabel(" ".join(part for part in (series.key.kind, series.key.effect) if part))
    # below the chart, where it hides no point
    axes.figure.legend(loc="outside lower center", ncols=5, fontsize=8, frameon=False)


def _draw_totals(axes: Any, totals: list[Point]) -> None:
    """Running totals as a line, the approximate ones hollow."""
    if not totals:
        return
    axes.plot(
        [p.time for p in totals],
        [p.value for p in totals],
        marker="o",
        color="tab:blue",
        label="running total",
    )
    approximate = [p for p in totals if p.approximate]
    if approximate:
        axes.scatter(
            [p.time for p in approximate],
            [p.value for p in approximate],
            marker="o",
            facecolors="white",
            edgecolors="tab:blue",
            zorder=3,
            label="approximate",
        )


def _draw_figures(axes: Any, figures: list[Point]) -> None:
    """Figures for a day as squares; a period's figure also as a bar across its days."""
    if not figures:
        return
    for p in figures:
        if p.period_start is not None and p.period_end is not None:
            axes.plot([p.period_start, p.period_end], [p.value, p.value], color="tab:orange", linewidth=2)
    axes.scatter(
        [p.time for p in figures],
        [p.value for p in figures],
        marker="s",
        color="tab:orange",
        zorder=3,
        label="figure for a day or period",
    )


def _draw_marks(axes: Any, timed: list[Point]) -> None:
    """A cross on points several documents report; a red ring and the flags' names on flagged points."""
    merged = [p for p in timed if len(p.doc_ids) > 1]
    if merged:
        axes.scatter(
            [p.time for p in merged],
            [p.value for p in merged],
            marker="+",
            s=120,
            color="black",
            zorder=4,
            label="reported by several documents",
        )
    flagged = [p for p in timed if p.flagged]
    if not flagged:
        return
    axes.scatter(
        [p.time for p in flagged],
        [p.value for p in flagged],
        s=260,
        facecolors="none",
        edgecolors="red",
        linewidths=2,
        zorder=5,
        label="flagged",
    )
    for p in flagged:
        mark = ", ".join(FLAG_MARKS[name] for name in FLAGS if p.flags[name])
        axes.annotate(
            mark, (p.time, p.value), textcoords="offset points", xytext=(6, 10), color="red", fontsize=8
        )


def _unique_slug(name: str, used: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:100] or "series"
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate
