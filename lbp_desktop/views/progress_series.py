"""A ``DailySeries`` (the controller's older summary) as ``ProgressData``.

``ProgressPage.set_series`` uses this so the app keeps its Progress page
while the controller still sends daily means; ``set_data`` with the real
records replaces it. A series holds one mean per day and a count of
sessions, so each day with pain becomes one entry of that mean, and each
session a completed run with no pain scores.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from lbp_desktop.domain.analytics import ProgressData, RunArrays
from lbp_desktop.domain.calendar_days import day_number, read_only
from lbp_desktop.domain.overview import DailySeries


def data_from_series(series: DailySeries) -> ProgressData:
    numbers = np.array([day_number(d) for d in series.days], dtype=np.int64)
    means = np.array(
        [np.nan if p is None else p for p in series.pain_mean], dtype=np.float64
    ).reshape(-1)
    has = np.isfinite(means)
    run_days = np.repeat(numbers, np.array(series.sessions, dtype=np.int64).reshape(-1))
    count = run_days.size
    runs = RunArrays(
        days=read_only(run_days),
        done=read_only(np.ones(count, dtype=bool)),
        pre=read_only(np.full(count, -1, dtype=np.int64)),
        post=read_only(np.full(count, -1, dtype=np.int64)),
        in_progress=read_only(np.zeros(count, dtype=bool)),
        stopped=read_only(np.zeros(count, dtype=bool)),
        clock=read_only(np.zeros(count, dtype=np.int64)),
    )
    return ProgressData(read_only(numbers[has]), read_only(means[has]), runs, ())


def series_between(series: DailySeries, start: date, end: date) -> DailySeries:
    keep = [i for i, day in enumerate(series.days) if start <= day <= end]
    return replace(
        series,
        days=tuple(series.days[i] for i in keep),
        pain_mean=tuple(series.pain_mean[i] for i in keep),
        sessions=tuple(series.sessions[i] for i in keep),
    )
