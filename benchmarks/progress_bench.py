"""The Progress page on 10 years of heavy use: first open, range switches, insights.

On the benchmark's data dir (``benchmarks/dataset.py``: ``seed-demo`` with
the heavy profile over 3650 days, cached under build/bench-data), with a
weekly plan of 14 sessions from the first day:

1. *First open* (goal <= 1.0 s), each run in a fresh process: the main
   window is up on the Today page with the diary's records already read from
   the store (what the app does at start); then the Progress button is
   pressed and the clock runs until the page has painted: building the page,
   ``first_shown``, ``ProgressData.from_records`` (numpy's first import is
   here), ``set_data``, pyqtgraph's import, the charts' construction, the
   analysis of the default range (3 months) and the first paint. Twice: with
   the last 370 days of records (what the controller loads today) and with
   all ten years. Reading the records from the store is timed apart.
2. *Range switch* (goal <= 100 ms), in this process on a shown 1040x720
   window with all ten years: from a click on a range button until the window
   has painted. "First time" is right after ``set_data`` (the range is
   analysed then and there); "again" is once the page has prepared every
   range while idle. "Redraw" is Reset view from a two-month zoom on All back
   to the full ten years, painted.
3. *Insights panel* (goal <= 100 ms): the insights computed for all ten years
   (Spearman and its 2000-resample bootstrap) plus their words and the
   panel's paint.

``python benchmarks/progress_bench.py`` prints a table and, on its last line,
the results as JSON after ``progress_bench=`` (for ``benchmarks/run.py``).
Medians and maxima over ``--runs`` (default 5). Nothing here fails a build.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the checkout importable
    sys.path.insert(0, str(ROOT))

from benchmarks import dataset, machine  # noqa: E402

CACHE_ROOT = ROOT / "build" / "bench-data"
PREFIX = "progress_bench="
CHILD_PREFIX = "first_open="
WINDOW_SIZE = (1040, 720)
WEEKLY_GOAL = 14  # the heavy profile plans three sessions a day and does about two
CONTROLLER_DAYS = 370  # PROGRESS_LOOKBACK in the controller today
CHILD_TIMEOUT_S = 120.0


@dataclass
class Row:
    metric: str
    median: float
    worst: float
    goal: float | None = None

    def cells(self) -> list[str]:
        verdict = ""
        if self.goal is not None:
            verdict = "pass" if self.median <= self.goal else "**FAIL**"
        goal = f"<= {self.goal:.0f}" if self.goal is not None else ""
        return [self.metric, f"{self.median:.1f}", f"{self.worst:.1f}", goal, verdict]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    return env


# ----- reading the diary ---------------------------------------------------------------


def read_records(data_dir: Path, since: date | None) -> tuple[list, list, list, list, float]:
    """Check-ins, runs, PEG answers and breaks from the store, and the seconds it took."""
    from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, SessionRun
    from lbp_desktop.storage.store import Store

    start = time.perf_counter()
    store = Store.open(data_dir, read_only=True)
    kinds = (PainCheckIn, SessionRun, PegAnswer, PostureBreak)
    try:
        groups = [store.records(kind, since=since) for kind in kinds]
    finally:
        store.close()
    return groups[0], groups[1], groups[2], groups[3], time.perf_counter() - start


def goal_history(checkins: Sequence, runs: Sequence) -> list[tuple[date, int]]:
    first = min(r.at.date() for r in [*checkins[:1], *runs[:1]])
    return [(first, WEEKLY_GOAL)]


def paint_counter() -> Any:
    """An event filter that counts the paints of the widgets it is installed on."""
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        paints = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    return PaintCounter()


def until_painted(app: Any, counter: Any, before: int) -> None:
    """Turns of the event loop until the watched widget has painted again."""
    for _ in range(20):
        app.processEvents()
        if counter.paints > before:
            return
    raise RuntimeError("the chart did not paint")


# ----- 1. first open, in a fresh process -----------------------------------------------


def child_first_open(data_dir: Path, days: int | None) -> dict[str, Any]:
    """Runs in the child: the window on Today, then the Progress page's first open."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from lbp_desktop.views.main_window import MainWindow
    from lbp_desktop.views.theme import apply_theme

    apply_theme(app, "system")
    today = date.today()
    since = today - timedelta(days=days) if days is not None else None
    checkins, runs, pegs, breaks, read_s = read_records(data_dir, since)
    goals = goal_history(checkins, runs)
    loaded_before = [m for m in ("numpy", "pyqtgraph") if m in sys.modules]
    window = MainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    window.go_to("today")
    for _ in range(3):
        app.processEvents()

    marks: dict[str, float] = {}
    counter = paint_counter()

    def fill() -> None:
        # What the controller's first_shown handler does with records it has.
        marks["shown"] = time.perf_counter()
        from lbp_desktop.domain.analytics import ProgressData

        data = ProgressData.from_records(checkins, runs, pegs, breaks)
        marks["data"] = time.perf_counter()
        window.progress_page.set_data(data, goals, today)
        chart = window.progress_page.chart
        assert chart is not None
        chart.view.viewport().installEventFilter(counter)
        marks["drawn"] = time.perf_counter()

    start = time.perf_counter()
    page = window.progress_page  # built here, as a click on the button would
    page.first_shown.connect(fill)
    window.go_to("progress")
    until_painted(app, counter, 0)
    end = time.perf_counter()
    assert page.has_chart(), "the chart was not drawn"
    return {
        "total_ms": (end - start) * 1000,
        "page_ms": (marks["shown"] - start) * 1000,
        "data_ms": (marks["data"] - marks["shown"]) * 1000,
        "draw_ms": (marks["drawn"] - marks["data"]) * 1000,
        "paint_ms": (end - marks["drawn"]) * 1000,
        "read_store_ms": read_s * 1000,
        "records": float(len(checkins) + len(runs) + len(pegs)),
        "loaded_before": loaded_before,
    }


def first_open_runs(data_dir: Path, days: int | None, runs: int) -> list[dict[str, Any]]:
    results = []
    for _ in range(runs + 1):  # the first one warms the OS file cache and is dropped
        cmd = [sys.executable, __file__, "--child-first-open", str(data_dir)]
        if days is not None:
            cmd += ["--days", str(days)]
        out = subprocess.run(
            cmd, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=CHILD_TIMEOUT_S
        )
        line = next((x for x in out.stdout.splitlines() if x.startswith(CHILD_PREFIX)), None)
        if out.returncode != 0 or line is None:
            tail = " | ".join(out.stderr.strip().splitlines()[-5:])
            raise RuntimeError(f"first-open child failed (exit {out.returncode}): {tail}")
        results.append(json.loads(line[len(CHILD_PREFIX) :]))
    return results[1:]


def import_ms(module: str, runs: int) -> list[float]:
    """A module's import alone, cold, in fresh processes (numpy first for pyqtgraph's)."""
    code = (
        "import time, sys\n"
        "import numpy\n"
        f"start = time.perf_counter(); import {module}\n"
        "print((time.perf_counter() - start) * 1000)\n"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], env=_env(), capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


# ----- 2. and 3., in this process --------------------------------------------------------


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def in_process(data_dir: Path, runs: int) -> dict[str, list[float]]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from lbp_desktop.domain.analytics import ProgressData
    from lbp_desktop.domain.insights import weekly_insights
    from lbp_desktop.views.main_window import MainWindow
    from lbp_desktop.views.theme import apply_theme

    apply_theme(app, "system")
    checkins, session_runs, pegs, breaks, _ = read_records(data_dir, None)
    goals = goal_history(checkins, session_runs)
    data = ProgressData.from_records(checkins, session_runs, pegs, breaks)
    today = date.today()
    window = MainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    window.go_to("progress")
    page = window.progress_page
    page.set_data(data, goals, today)
    for _ in range(3):
        app.processEvents()

    counter = paint_counter()
    chart = page.chart
    assert chart is not None
    chart.view.viewport().installEventFilter(counter)

    def settle() -> None:
        # The event loop as the app runs it, until the chart has painted.
        until_painted(app, counter, counter.paints)

    def switch(name: str) -> None:
        page.range_button(name).click()
        settle()

    results: dict[str, list[float]] = {"switch_first_ms": [], "redraw_all_ms": []}
    for _ in range(runs):
        page.set_range("3m")
        page.set_data(data, goals, today)  # forgets every analysis: "all" is new again
        results["switch_first_ms"] += timed(lambda: switch("all"), 1)

    page.set_range("3m")
    deadline = time.monotonic() + 30
    while page.analysed_ranges() != ("2w", "3m", "1y", "all") and time.monotonic() < deadline:
        app.processEvents()
    again: list[float] = []
    back: list[float] = []
    for _ in range(runs):
        again += timed(lambda: switch("all"), 1)
        back += timed(lambda: switch("3m"), 1)
    results["switch_again_ms"] = again
    results["switch_back_ms"] = back
    switch("all")  # the rest is about the ten years

    def reset_view() -> None:
        chart.reset_view()
        settle()

    last = chart.full_range()[1]
    for _ in range(runs):
        chart.plot.vb.setXRange(last - 60 * 86_400, last, padding=0)  # two months, in days
        settle()
        results["redraw_all_ms"] += timed(reset_view, 1)

    analytics = page.current_analytics()
    assert analytics is not None and page.current_range() == "all"

    def insights_panel() -> None:
        fresh = weekly_insights(analytics.weekly_pain, analytics.adherence.weeks)
        assert fresh == analytics.insights
        page.show_insights(analytics)
        page.ui.insightsLabel.repaint()

    results["insights_ms"] = timed(insights_panel, runs)
    results["insights_compute_ms"] = timed(
        lambda: weekly_insights(analytics.weekly_pain, analytics.adherence.weeks), runs
    )
    results["analyse_all_ms"] = timed(
        lambda: data.analyse(goals, analytics.start, analytics.end, today), runs
    )
    window.close()
    return results


# ----- the table -------------------------------------------------------------------------


def _summary(values: Sequence[float]) -> tuple[float, float]:
    return statistics.median(values), max(values)


def measure(runs: int, *, reseed: bool = False) -> dict[str, Any]:
    ds = dataset.prepare(CACHE_ROOT, reseed=reseed)
    year = first_open_runs(ds.data_dir, CONTROLLER_DAYS, runs)
    ten = first_open_runs(ds.data_dir, None, runs)
    return {
        "data_dir": str(ds.data_dir),
        "records_in_store": ds.records,
        "first_open_370d": year,
        "first_open_all": ten,
        "import_pyqtgraph_ms": import_ms("pyqtgraph", runs),
        "in_process": in_process(ds.data_dir, runs),
        "machine": dict(machine.describe(ds.data_dir)),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "nproc": os.cpu_count(),
    }


def rows(result: dict[str, Any]) -> list[Row]:
    out: list[Row] = []
    for key, label in (("first_open_370d", "370 days"), ("first_open_all", "10 years")):
        runs = result[key]
        records = int(runs[0]["records"])
        total = [r["total_ms"] for r in runs]
        out.append(
            Row(f"first open of Progress, {label} ({records} records), ms", *_summary(total), 1000)
        )
        for part, words in (
            ("page_ms", "page built and shown"),
            ("data_ms", "records to ProgressData, numpy's import included"),
            ("draw_ms", "set_data: pyqtgraph import, charts, analysis"),
            ("paint_ms", "first paint"),
            ("read_store_ms", "reading those records from the store (before)"),
        ):
            out.append(Row(f"  {words}, ms", *_summary([r[part] for r in runs])))
    out.append(
        Row("  pyqtgraph import alone (numpy loaded), ms", *_summary(result["import_pyqtgraph_ms"]))
    )
    proc = result["in_process"]
    out.append(
        Row("switch to All (10 years), first time, ms", *_summary(proc["switch_first_ms"]), 100)
    )
    out.append(
        Row(
            "switch to All again (prepared while idle), ms", *_summary(proc["switch_again_ms"]), 100
        )
    )
    out.append(Row("switch from All to 3 months, ms", *_summary(proc["switch_back_ms"]), 100))
    out.append(
        Row("redraw the full 10 years (Reset view), ms", *_summary(proc["redraw_all_ms"]), 100)
    )
    out.append(
        Row(
            "insights panel, 10 years (compute + words + paint), ms",
            *_summary(proc["insights_ms"]),
            100,
        )
    )
    out.append(
        Row(
            "  insights computed alone (bootstrap 2000), ms", *_summary(proc["insights_compute_ms"])
        )
    )
    out.append(Row("  ProgressData.analyse, All, ms", *_summary(proc["analyse_all_ms"])))
    return out


def table(result: dict[str, Any]) -> str:
    lines = ["| metric | median | max | goal | result |", "| --- | ---: | ---: | ---: | --- |"]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows(result)]
    load = result["load_average"]
    lines.append("")
    lines += [f"- {name}: {value}" for name, value in result["machine"].items()]
    lines.append(f"- nproc: {result['nproc']}")
    if load:
        lines.append(f"- load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (5)")
    parser.add_argument("--reseed", action="store_true", help="seed the data dir again")
    parser.add_argument("--child-first-open", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--days", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child_first_open is not None:
        print(CHILD_PREFIX + json.dumps(child_first_open(args.child_first_open, args.days)))
        return 0
    result = measure(args.runs, reseed=args.reseed)
    print(table(result))
    print(PREFIX + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
