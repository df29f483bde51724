"""Fill a data dir with made-up history (`lbp-desktop seed-demo`).

For demos, screenshots and benchmarks. It never mixes made-up records into a
real diary by accident: a data dir that already holds records is refused
unless the caller passes ``force`` (then the demo records are added beside the
existing ones; nothing is deleted).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from lbp_desktop.domain.demo_history import (
    DEFAULT_PLANS,
    PROFILES,
    generate_history,
    weekly_goal,
)
from lbp_desktop.domain.records import RECORD_KINDS, Record
from lbp_desktop.local_time import local_zone

if TYPE_CHECKING:
    from lbp_desktop.storage.store import Store

_KIND_WORDS = {
    "session_run": "session runs",
    "pain_checkin": "pain check-ins",
    "peg_answer": "PEG answers",
    "posture_break": "posture breaks",
}


class DataDirNotEmpty(Exception):
    """The data dir already holds records and ``force`` was not given."""

    def __init__(self, data_dir: Path, records: int) -> None:
        super().__init__(
            f"{data_dir} already holds {records} record(s). Demo history would be mixed "
            "with them. Choose an empty folder with --data-dir, or pass --force to add the "
            "demo history anyway (nothing is deleted)."
        )
        self.data_dir = data_dir
        self.records = records


@dataclass(frozen=True)
class SeedReport:
    data_dir: Path
    profile: str
    days: int
    counts: Mapping[str, int] = field(default_factory=dict)  # by record KIND
    years: tuple[int, ...] = ()
    seconds: float = 0.0
    plans_from: str = "built-in"  # "bundled" when the app's own plans were used

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        kinds = ", ".join(
            f"{self.counts.get(kind.KIND, 0)} {_KIND_WORDS.get(kind.KIND, kind.KIND)}"
            for kind in RECORD_KINDS
        )
        if not self.years:
            span = "no years"
        elif len(self.years) == 1:
            span = f"year {self.years[0]}"
        else:
            span = f"years {self.years[0]}-{self.years[-1]}"
        return (
            f"Wrote {self.total} made-up records ({kinds}) for {self.days} day(s), "
            f"{self.profile} profile, {self.plans_from} plans, {span}, into {self.data_dir} "
            f"in {self.seconds:.1f} s."
        )


def bundled_plans() -> dict[str, tuple[str, ...]] | None:
    """Plan id -> exercise ids of the app's bundled plans, or None if unavailable."""
    try:
        from lbp_desktop import paths
        from lbp_desktop.storage.content_files import load_content
    except ImportError:
        return None
    try:
        library = load_content(paths.content_dir())
    except (OSError, ValueError):
        return None
    plans: dict[str, tuple[str, ...]] = {}
    for plan_id, plan in library.plans.items():
        ids = tuple(ex for ex in (_exercise_id(item) for item in getattr(plan, "items", ())) if ex)
        if ids:
            plans[plan_id] = ids
    return plans or None


def _exercise_id(item: object) -> str | None:
    for name in ("exercise_id", "exercise"):
        value = getattr(item, name, None)
        if isinstance(value, str) and value:
            return value
    return None


def seed_demo(
    data_dir: Path,
    *,
    days: int,
    profile: str,
    force: bool = False,
    now: datetime | None = None,
    seed: int = 7,
    tz: tzinfo | None = None,
    plans: Mapping[str, Sequence[str]] | None = None,
) -> SeedReport:
    """Writes ``days`` days of synthetic history ending at ``now`` into ``data_dir``.

    Raises DataDirNotEmpty when the store already holds records, unless
    ``force``. Nothing later than ``now`` is written. ``tz`` defaults to the
    machine's zone; ``plans`` to the bundled plans (or a built-in set).
    """
    # Imported here so the generator side works (and is testable) on its own.
    from lbp_desktop.storage.store import Store

    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}; got {profile!r}")
    if now is not None and now.utcoffset() is None:
        raise ValueError("now must carry a UTC offset")
    started = time.perf_counter()
    if tz is None:
        tz = now.tzinfo if now is not None and isinstance(now.tzinfo, ZoneInfo) else local_zone(now)
    now = (now or datetime.now(tz)).astimezone(tz)
    plans_from = "given"
    if plans is None:
        plans = bundled_plans()
        plans_from = "bundled" if plans else "built-in"
        plans = plans or DEFAULT_PLANS

    with Store.open(data_dir) as store:
        existing = sum(store.count(kind) for kind in RECORD_KINDS)
        if existing and not force:
            raise DataDirNotEmpty(data_dir, existing)
        history = generate_history(
            days=days,
            profile=profile,
            end=now.date(),
            tz=tz,
            seed=seed,
            plans=plans,
            not_after=now,
        )
        counts, years = _write_by_year(store, history)
        if store.get_setting("sessions_per_week") is None:
            # The person's own plan, so adherence reads as theirs (not 2 a day
            # against the app's default of 5 a week).
            goal = weekly_goal(profile)
            start = now.date() - timedelta(days=days - 1)
            store.set_setting("sessions_per_week", goal)
            store.set_setting(
                "sessions_per_week_history", [{"from": start.isoformat(), "goal": goal}]
            )
    return SeedReport(
        data_dir=data_dir,
        profile=profile,
        days=days,
        counts=dict(counts),
        years=tuple(years),
        seconds=time.perf_counter() - started,
        plans_from=plans_from,
    )


def _write_by_year(store: Store, history: Iterable[Record]) -> tuple[Counter[str], list[int]]:
    # One add_many per calendar year: the store writes each year file once.
    counts: Counter[str] = Counter()
    years: list[int] = []
    batch: list[Record] = []
    for record in history:
        year = record.at.year
        if batch and year != batch[-1].at.year:
            store.add_many(batch)
            batch = []
        if not years or years[-1] != year:
            years.append(year)
        batch.append(record)
        counts[record.KIND] += 1
    if batch:
        store.add_many(batch)
    return counts, sorted(set(years))
