"""The synthetic history: deterministic, valid, realistic where it matters."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from lbp_desktop.domain.demo_history import DEFAULT_PLANS, generate_history
from lbp_desktop.domain.records import (
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
)

BERLIN = ZoneInfo("Europe/Berlin")
END = date(2026, 5, 10)  # a Sunday


@cache
def history(
    days: int, profile: str, seed: int = 7, end: date = END, tz: object = BERLIN
) -> tuple[Record, ...]:
    return tuple(
        generate_history(days=days, profile=profile, end=end, tz=tz, seed=seed)  # type: ignore[arg-type]
    )


def per_day(records: tuple[Record, ...], kind: type[Record]) -> Counter[date]:
    return Counter(r.at.date() for r in records if isinstance(r, kind))


def test_same_seed_gives_the_same_records_ids_included() -> None:
    first = list(generate_history(days=20, profile="heavy", end=END, tz=BERLIN, seed=3))
    again = list(generate_history(days=20, profile="heavy", end=END, tz=BERLIN, seed=3))
    other = list(generate_history(days=20, profile="heavy", end=END, tz=BERLIN, seed=4))
    assert first == again
    assert [r.id for r in first] == [r.id for r in again]
    assert first != other


def test_records_come_in_time_order_within_the_requested_days() -> None:
    records = history(60, "heavy")
    instants = [r.at for r in records]
    assert instants == sorted(instants)
    assert records[0].at.date() >= END - timedelta(days=59)
    assert records[-1].at.date() == END
    assert len({r.id for r in records}) == len(records)


def test_heavy_profile_counts_per_day() -> None:
    days = 91
    records = history(days, "heavy")
    all_days = [END - timedelta(days=i) for i in range(days)]
    checkins = per_day(records, PainCheckIn)
    breaks = per_day(records, PostureBreak)
    runs = per_day(records, SessionRun)
    assert all(checkins[d] == 3 for d in all_days)
    assert all(breaks[d] == 8 for d in all_days)
    assert all(runs[d] <= 3 for d in all_days)
    assert 1.8 <= sum(runs.values()) / days <= 2.5  # "two session runs a day", give or take
    pegs = per_day(records, PegAnswer)
    sundays = {d for d in all_days if d.weekday() == 6}
    assert set(pegs) == sundays
    assert all(pegs[d] == 1 for d in sundays)


def test_light_profile_is_about_a_third_of_heavy() -> None:
    days = 91
    light = history(days, "light")
    heavy = history(days, "heavy")
    all_days = [END - timedelta(days=i) for i in range(days)]
    assert all(per_day(light, PainCheckIn)[d] == 1 for d in all_days)
    assert all(per_day(light, PostureBreak)[d] == 3 for d in all_days)
    assert all(n <= 1 for n in per_day(light, SessionRun).values())
    assert len(per_day(light, PegAnswer)) <= 13
    ratio = len(light) / len(heavy)
    assert 0.25 <= ratio <= 0.45


def test_sessions_follow_the_stop_rule_and_their_steps_fit_inside_them() -> None:
    runs = [r for r in history(365, "heavy") if isinstance(r, SessionRun)]
    outcomes = Counter(r.outcome for r in runs)
    assert outcomes["completed"] > outcomes["partial"] > 0
    assert outcomes["stopped_for_pain"] > 0
    assert outcomes["in_progress"] == 0
    for run in runs:
        assert run.pre_pain is not None and run.post_pain is not None and run.ended_at
        assert run.pre_pain < 7  # at 7 the session would stop before it began
        stop = run.post_pain >= run.pre_pain + 2 or run.post_pain >= 7
        assert stop == (run.outcome == "stopped_for_pain"), run
        assert run.steps, run
        assert run.at <= run.steps[0].started_at
        assert run.steps[-1].ended_at <= run.ended_at
        for before, after in zip(run.steps, run.steps[1:], strict=False):
            assert before.ended_at <= after.started_at
        for step in run.steps:
            assert step.done_s <= step.planned_s
            assert step.skipped == (step.done_s == 0)
        if run.outcome == "stopped_for_pain":
            assert run.steps[-1].feedback == "it_hurt"
            assert run.stop_reason
        # A session can end within its first minute (stopped, or every step skipped).
        assert timedelta(0) < run.ended_at - run.at < timedelta(hours=1)


def test_linked_check_ins_match_their_runs() -> None:
    records = history(120, "heavy")
    runs = {r.id: r for r in records if isinstance(r, SessionRun)}
    linked = [r for r in records if isinstance(r, PainCheckIn) and r.run_id]
    assert linked
    for checkin in linked:
        run = runs[checkin.run_id]  # type: ignore[index]
        if checkin.context == "before_session":
            assert checkin.score == run.pre_pain
            assert run.at <= checkin.at <= run.steps[0].started_at
        else:
            assert checkin.context == "after_session"
            assert checkin.score == run.post_pain
            assert checkin.at == run.ended_at
    unlinked = [r for r in records if isinstance(r, PainCheckIn) and not r.run_id]
    assert unlinked and all(r.context == "anytime" for r in unlinked)


def test_posture_breaks_fall_in_working_hours_and_are_mostly_taken() -> None:
    breaks = [r for r in history(120, "heavy") if isinstance(r, PostureBreak)]
    assert all(9 <= b.at.hour < 18 for b in breaks)
    outcomes = Counter(b.outcome for b in breaks)
    assert outcomes["taken"] > len(breaks) / 2
    assert all(outcomes[o] > 0 for o in ("snoozed", "skipped", "natural"))
    assert all(b.duration_s == 0 for b in breaks if b.outcome in ("snoozed", "skipped"))
    assert all(b.duration_s > 0 for b in breaks if b.outcome in ("taken", "natural"))


def test_given_plans_are_the_ones_used() -> None:
    plans = {"only-plan": ["a-stretch", "b-breathing"]}
    records = list(
        generate_history(days=30, profile="heavy", end=END, tz=BERLIN, seed=1, plans=plans)
    )
    runs = [r for r in records if isinstance(r, SessionRun)]
    assert runs and {r.plan_id for r in runs} == {"only-plan"}
    assert {s.exercise_id for r in runs for s in r.steps} <= {"a-stretch", "b-breathing"}
    default_runs = [r for r in history(30, "heavy") if isinstance(r, SessionRun)]
    assert {r.plan_id for r in default_runs} <= set(DEFAULT_PLANS)


def test_pain_is_lower_in_stretches_with_more_sessions() -> None:
    # The generator makes pain follow adherence; check it on four-week windows.
    records = history(3 * 365, "heavy", seed=11)
    first = records[0].at.date()
    windows: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for r in records:
        runs, scores = windows[(r.at.date() - first).days // 28]
        if isinstance(r, SessionRun):
            runs.append(1)
        elif isinstance(r, PainCheckIn):
            scores.append(r.score)
    ranked = sorted((len(runs), statistics.mean(scores)) for runs, scores in windows.values())
    third = len(ranked) // 3
    low_adherence_pain = statistics.mean(p for _, p in ranked[:third])
    high_adherence_pain = statistics.mean(p for _, p in ranked[-third:])
    assert high_adherence_pain < low_adherence_pain - 0.3


@pytest.mark.parametrize(
    ("day", "offsets"),
    [
        # Clocks go forward at 02:00 and back at 03:00: the whole waking day
        # already carries the new offset.
        (date(2026, 3, 28), {1}),
        (date(2026, 3, 29), {2}),
        (date(2026, 10, 24), {2}),
        (date(2026, 10, 25), {1}),
    ],
)
def test_dst_days_in_berlin_carry_the_offset_in_force(day: date, offsets: set[int]) -> None:
    records = history(5, "heavy", end=day + timedelta(days=2))
    on_day = [r for r in records if r.at.date() == day]
    assert len([r for r in on_day if isinstance(r, PostureBreak)]) == 8
    steps = [s for r in records if isinstance(r, SessionRun) for s in r.steps]
    stamps = [r.at for r in records] + [t for s in steps for t in (s.started_at, s.ended_at)]
    for stamp in stamps:
        # The offset is the zone's own for that instant (no wall time in a gap).
        assert stamp.utcoffset() == stamp.astimezone(UTC).astimezone(BERLIN).utcoffset()
        assert stamp == stamp.astimezone(UTC).astimezone(BERLIN)
    assert {int(r.at.utcoffset().total_seconds() // 3600) for r in on_day} == offsets  # type: ignore[union-attr]


def test_a_fixed_offset_zone_works_too() -> None:
    tz = timezone(timedelta(hours=-5))
    records = history(10, "light", tz=tz)
    assert records and all(r.at.utcoffset() == timedelta(hours=-5) for r in records)


def test_not_after_drops_the_future_and_unfinished_runs() -> None:
    limit = datetime(2026, 5, 10, 18, 40, tzinfo=BERLIN)
    records = list(
        generate_history(days=30, profile="heavy", end=END, tz=BERLIN, seed=5, not_after=limit)
    )
    assert records and all(r.at <= limit for r in records)
    runs = {r.id: r for r in records if isinstance(r, SessionRun)}
    assert all(r.ended_at <= limit for r in runs.values())  # type: ignore[operator]
    assert all(r.run_id in runs for r in records if isinstance(r, PainCheckIn) and r.run_id)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="profile"):
        list(generate_history(days=1, profile="medium", end=END, tz=BERLIN, seed=1))
    with pytest.raises(ValueError, match="days"):
        list(generate_history(days=-1, profile="light", end=END, tz=BERLIN, seed=1))
    with pytest.raises(ValueError, match="plans"):
        list(generate_history(days=1, profile="light", end=END, tz=BERLIN, seed=1, plans={}))
    assert list(generate_history(days=0, profile="light", end=END, tz=BERLIN, seed=1)) == []
