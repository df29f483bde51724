"""A believable synthetic diary, for demos, screenshots and benchmarks.

Pure Python (stdlib ``random`` only): no Qt, no files, no reading of the clock.
A small hidden model of one person drives what gets recorded:

- an underlying pain level that drifts down while recent adherence is high and
  back up when it lapses, plus day-to-day noise and occasional flare-ups that
  last a few days;
- adherence that depends on the weekday and on motivation spells (weeks of
  high, normal or low motivation), and that drops during flares;
- sessions that follow the pain stop rule: a run ends as ``stopped_for_pain``
  exactly when pain reached the pre-session score + 2 or 7.

Because pain follows adherence by construction, the history always shows
lower pain in stretches with more sessions; analytics and chart tests can rely
on that. The same seed gives the same records, ids included.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TypeVar

from lbp_desktop.domain.records import (
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
    StepRecord,
)

PROFILES = ("light", "heavy")

# Used when the bundled content cannot be loaded: plausible plans only.
DEFAULT_PLANS: Mapping[str, tuple[str, ...]] = {
    "core-basics": ("dead-bug", "bird-dog", "side-plank-knees", "glute-bridge", "belly-breathing"),
    "desk-reset": ("chin-tuck", "seated-extension", "standing-back-bend", "hip-flexor-stretch"),
    "gentle-start": (
        "belly-breathing",
        "pelvic-tilt",
        "knee-to-chest",
        "cat-cow",
        "glute-bridge",
        "child-pose",
    ),
}

# The stop rule of the session player (see DESIGN.md, safety rules).
STOP_RISE = 2
STOP_LEVEL = 7


@dataclass(frozen=True)
class _Profile:
    run_slots: tuple[tuple[float, float], ...]  # per daily session slot: mean hour, spread (h)
    slot_chance: float  # chance that a slot is meant to happen at all that day
    checkins: int  # pain check-ins a day (exact)
    breaks: int  # posture-break events a day (exact)
    break_window: tuple[float, float]  # working hours in which breaks come due
    peg_chance: float  # chance of answering the weekly PEG prompt


_PROFILES: dict[str, _Profile] = {
    # Three planned sessions a day, of which about two are done: the volume
    # of "two session runs a day" with adherence that still varies.
    "heavy": _Profile(
        run_slots=((7.25, 0.5), (12.75, 0.5), (18.5, 0.75)),
        slot_chance=1.0,
        checkins=3,
        breaks=8,
        break_window=(9.0, 17.5),
        peg_chance=1.0,
    ),
    # Roughly a third of the heavy profile's records.
    "light": _Profile(
        run_slots=((18.0, 1.25),),
        slot_chance=0.75,
        checkins=1,
        breaks=3,
        break_window=(9.5, 16.5),
        peg_chance=0.4,
    ),
}


def weekly_goal(profile: str) -> int:
    """Sessions a week the made-up person plans: their daily slots, as a plan."""
    shape = _PROFILES[profile]
    return min(21, round(len(shape.run_slots) * shape.slot_chance * 7))


# Motivation spells: chance to do a planned session, spell length in days,
# and where the next spell goes.
_MOOD_DO = {"high": 0.95, "normal": 0.85, "low": 0.45}
_MOOD_DAYS = {"high": (10, 40), "normal": (7, 30), "low": (5, 21)}
_MOOD_NEXT = {
    "high": (("normal", 0.7), ("low", 0.3)),
    "normal": (("high", 0.5), ("low", 0.5)),
    "low": (("normal", 0.7), ("high", 0.3)),
}
_WEEKDAY_DO = (1.0, 0.97, 0.95, 0.95, 0.88, 0.75, 0.8)  # Monday first

# Pain settles towards FLOOR + SPAN * (1 - recent adherence).
_PAIN_FLOOR = 2.0
_PAIN_SPAN = 5.0
_PAIN_RATE = 0.12  # share of the gap to the target closed per day
_ADHERENCE_ALPHA = 0.12  # weight of today in the running adherence (about a 2-week memory)

_AREAS = (
    ("lower_back", 0.7),
    ("buttock", 0.08),
    ("hip", 0.07),
    ("leg_left", 0.05),
    ("leg_right", 0.05),
    (None, 0.05),
)
_NOTES = (
    "stiff after sitting all morning",
    "slept badly",
    "long drive today",
    "better after a walk",
    "did some gardening",
    "carried shopping",
    "felt loose after the session",
)
_FLARE_NOTES = ("flare-up", "bent down and it caught", "bad day, resting")
_PARTIAL_REASONS = ("ran out of time", "interrupted", "")


_T = TypeVar("_T")


def _pick(rng: random.Random, weighted: Sequence[tuple[_T, float]]) -> _T:
    values = [v for v, _ in weighted]
    weights = [w for _, w in weighted]
    return rng.choices(values, weights)[0]


def _score(value: float) -> int:
    return min(10, max(0, round(value)))


@dataclass(frozen=True)
class _Exercise:
    sided: bool
    reps: int | None
    planned_s: float  # per side


def _exercise_shape(seed: int, exercise_id: str) -> _Exercise:
    # Seeded by id so one exercise looks the same in every plan and run, and
    # adding a plan does not reshuffle the others.
    rng = random.Random(f"{seed}:{exercise_id}")
    if any(word in exercise_id for word in ("breath", "meditat", "relax")):
        return _Exercise(sided=False, reps=None, planned_s=float(rng.randrange(120, 301, 30)))
    sided = rng.random() < 0.35
    if rng.random() < 0.4:
        reps = rng.randint(6, 12)
        return _Exercise(sided=sided, reps=reps, planned_s=float(reps * rng.randint(3, 6)))
    return _Exercise(sided=sided, reps=None, planned_s=float(rng.randrange(20, 121, 10)))


class _Person:
    """The hidden state of the simulated user, advanced one day at a time."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.level = 5.0  # people start a program when it hurts
        self.adherence = 0.6
        self.mood = "normal"
        self.mood_days = rng.randint(*_MOOD_DAYS["normal"])
        self.flare_days = 0
        self.flare_length = 0
        self.flare_size = 0.0
        self.week_felt: list[float] = []

    def start_day(self) -> float:
        """Moves spells and flares on; returns today's felt pain level."""
        rng = self.rng
        self.mood_days -= 1
        if self.mood_days <= 0:
            self.mood = _pick(rng, _MOOD_NEXT[self.mood])
            self.mood_days = rng.randint(*_MOOD_DAYS[self.mood])
        if self.flare_days > 0:
            self.flare_days -= 1
        elif rng.random() < 0.004 + 0.015 * (1.0 - self.adherence):
            self.flare_length = self.flare_days = rng.randint(2, 6)
            self.flare_size = rng.uniform(1.5, 3.0)
        felt = self.level + self.flare() + rng.gauss(0.0, 0.4)
        self.week_felt = [*self.week_felt[-6:], felt]
        return felt

    def flare(self) -> float:
        if self.flare_days <= 0:
            return 0.0
        # Worst at the start, easing off towards the end.
        return self.flare_size * (0.6 + 0.4 * self.flare_days / self.flare_length)

    def in_flare(self) -> bool:
        return self.flare_days > 0

    def end_day(self, planned: int, done: int) -> None:
        if planned:
            today = done / planned
            self.adherence += _ADHERENCE_ALPHA * (today - self.adherence)
        target = _PAIN_FLOOR + _PAIN_SPAN * (1.0 - self.adherence)
        self.level += _PAIN_RATE * (target - self.level) + self.rng.gauss(0.0, 0.2)
        self.level = min(8.5, max(0.5, self.level))


class _Generator:
    def __init__(
        self,
        *,
        profile: _Profile,
        tz: tzinfo,
        seed: int,
        plans: Mapping[str, Sequence[str]],
    ) -> None:
        self.profile = profile
        self.tz = tz
        self.rng = random.Random(seed)
        self.person = _Person(self.rng)
        # Sorted: a content library's dict order must not change the history.
        self.plans = {pid: tuple(plans[pid]) for pid in sorted(plans) if plans[pid]}
        if not self.plans:
            raise ValueError("plans must hold at least one plan with exercises")
        self.shapes = {ex: _exercise_shape(seed, ex) for ids in self.plans.values() for ex in ids}
        plan_ids = list(self.plans)
        # Each slot keeps its plan for some weeks, then the person changes it.
        self.slot_plans = [plan_ids[i % len(plan_ids)] for i in range(len(profile.run_slots))]
        self.slot_plan_days = [self.rng.randint(21, 60) for _ in profile.run_slots]
        self.break_routine = min(plan_ids, key=lambda p: (len(self.plans[p]), p))

    # -- helpers -----------------------------------------------------------

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def local(self, day: date, hour: float) -> datetime:
        """A wall-clock time on ``day`` as an aware datetime in ``tz``.

        Round-tripping through UTC moves a time that falls in a DST gap to a
        time that exists, and gives it the offset in force then.
        """
        seconds = round(min(max(hour, 0.0), 23.99) * 3600)
        naive = datetime(day.year, day.month, day.day) + timedelta(seconds=seconds)
        return naive.replace(tzinfo=self.tz).astimezone(UTC).astimezone(self.tz)

    def later(self, at: datetime, seconds: float) -> datetime:
        # Elapsed-time arithmetic: aware + timedelta on one tzinfo would be
        # wall-clock arithmetic and could land in a DST gap.
        return (at.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(self.tz)

    def area(self) -> str | None:
        return _pick(self.rng, _AREAS)

    def note(self) -> str:
        rng = self.rng
        if self.person.in_flare() and rng.random() < 0.3:
            return rng.choice(_FLARE_NOTES)
        return rng.choice(_NOTES) if rng.random() < 0.06 else ""

    # -- one day -----------------------------------------------------------

    def day(self, day: date) -> list[Record]:
        rng, person, profile = self.rng, self.person, self.profile
        felt = person.start_day()
        weekend = day.weekday() >= 5
        records: list[Record] = []
        runs: list[SessionRun | None] = []
        planned = 0
        for slot, (hour, spread) in enumerate(profile.run_slots):
            self.maybe_switch_plan(slot)
            if rng.random() >= profile.slot_chance:
                runs.append(None)
                continue
            planned += 1
            pre = _score(felt + rng.gauss(0.0, 0.5))
            chance = _MOOD_DO[person.mood] * _WEEKDAY_DO[day.weekday()]
            if person.in_flare():
                chance *= 0.6
            # At 7 or more the stop rule would end the session at once: people rest.
            if pre >= STOP_LEVEL or rng.random() >= chance:
                runs.append(None)
                continue
            start_hour = hour + (1.0 if weekend and slot == 0 else 0.0) + rng.gauss(0.0, spread)
            runs.append(self.run(self.local(day, start_hour), self.slot_plans[slot], pre))
        records.extend(run for run in runs if run is not None)
        records.extend(self.checkins(day, felt, runs))
        records.extend(self.breaks(day))
        if day.weekday() == 6 and rng.random() < profile.peg_chance:
            records.append(self.peg(day))
        person.end_day(planned, sum(run is not None for run in runs))
        records.sort(key=lambda r: r.at)
        return records

    def maybe_switch_plan(self, slot: int) -> None:
        self.slot_plan_days[slot] -= 1
        if self.slot_plan_days[slot] > 0:
            return
        self.slot_plan_days[slot] = self.rng.randint(21, 60)
        self.slot_plans[slot] = self.rng.choice(list(self.plans))

    def run(self, at: datetime, plan_id: str, pre: int) -> SessionRun:
        rng = self.rng
        run_id = self.new_id()
        queue = [
            (ex, side)
            for ex in self.plans[plan_id]
            for side in (("left", "right") if self.shapes[ex].sided else (None,))
        ]
        roll = rng.random()
        hurt_chance = 0.03 + (0.02 if pre >= 5 else 0.0)
        partial_chance = {"high": 0.03, "normal": 0.06, "low": 0.15}[self.person.mood]
        stop_reason = ""
        if roll < hurt_chance:
            outcome = "stopped_for_pain"
            last = rng.randrange(len(queue))
            post = min(10, pre + rng.choice((STOP_RISE, STOP_RISE, STOP_RISE + 1)))
            stop_reason = f"pain rose from {pre} to {post}"
        elif roll < hurt_chance + partial_chance and len(queue) > 1:
            outcome = "partial"
            last = rng.randrange(len(queue) - 1)
            post = pre + _pick(rng, ((-1, 0.3), (0, 0.5), (1, 0.2)))
            stop_reason = rng.choice(_PARTIAL_REASONS)
        else:
            outcome = "completed"
            last = len(queue) - 1
            post = pre + _pick(rng, ((-2, 0.1), (-1, 0.35), (0, 0.4), (1, 0.15)))
        if outcome != "stopped_for_pain":
            # Below the stop rule, or the run would have been stopped.
            post = max(0, min(post, pre + STOP_RISE - 1, STOP_LEVEL - 1))

        steps: list[StepRecord] = []
        cursor = self.later(at, rng.uniform(8.0, 25.0))  # check-in and get-ready
        for index, (ex, side) in enumerate(queue[: last + 1]):
            hurt = outcome == "stopped_for_pain" and index == last
            step, cursor = self.step(ex, side, cursor, pre, hurt=hurt)
            steps.append(step)
        ended = self.later(cursor, rng.uniform(5.0, 20.0))  # summary
        return SessionRun(
            id=run_id,
            at=at,
            plan_id=plan_id,
            outcome=outcome,
            ended_at=ended,
            pre_pain=pre,
            post_pain=post,
            stop_reason=stop_reason,
            steps=tuple(steps),
        )

    def step(
        self, ex: str, side: str | None, start: datetime, pre: int, *, hurt: bool
    ) -> tuple[StepRecord, datetime]:
        rng = self.rng
        shape = self.shapes[ex]
        planned = shape.planned_s
        reps = shape.reps
        skipped = not hurt and rng.random() < 0.03
        if skipped:
            done, wall, reps = 0.0, rng.uniform(1.0, 5.0), None
        elif hurt:
            done = round(planned * rng.uniform(0.2, 0.8), 1)
            wall = done
            reps = None if reps is None else max(0, round(reps * done / planned))
        else:
            done = round(planned * rng.uniform(0.97, 1.0), 1)
            pause = rng.uniform(10.0, 90.0) if rng.random() < 0.05 else 0.0
            wall = done + pause
        feedback: str | None = None
        if hurt:
            feedback = "it_hurt"
        elif not skipped and rng.random() < 0.35:
            easy = 0.35 if pre <= 2 else 0.15
            feedback = _pick(
                rng,
                (("about_right", 0.6), ("too_easy", easy), ("too_hard", 0.15), ("it_hurt", 0.02)),
            )
        ended = self.later(start, wall)
        step = StepRecord(
            exercise_id=ex,
            started_at=start,
            ended_at=ended,
            planned_s=planned,
            done_s=done,
            side=side,
            reps=reps,
            feedback=feedback,
            skipped=skipped,
        )
        rest = rng.uniform(8.0, 30.0)  # rest / switch side before the next step
        return step, self.later(ended, rest)

    def checkins(
        self, day: date, felt: float, runs: Sequence[SessionRun | None]
    ) -> list[PainCheckIn]:
        rng = self.rng
        count = self.profile.checkins
        first = runs[0] if runs else None
        last = runs[-1] if runs else None
        out: list[PainCheckIn] = []

        def linked(run: SessionRun, before: bool) -> PainCheckIn:
            # run() always fills ended_at, pre_pain and post_pain.
            at = self.later(run.at, rng.uniform(1.0, 6.0)) if before else run.ended_at
            score = run.pre_pain if before else run.post_pain
            assert at is not None and score is not None
            return PainCheckIn(
                id=self.new_id(),
                at=at,
                score=score,
                context="before_session" if before else "after_session",
                area=self.area(),
                note=self.note(),
                run_id=run.id,
            )

        def anytime(hour: float, spread: float) -> PainCheckIn:
            return PainCheckIn(
                id=self.new_id(),
                at=self.local(day, hour + rng.uniform(-spread, spread)),
                score=_score(felt + rng.gauss(0.0, 0.6)),
                area=self.area(),
                note=self.note(),
            )

        if count == 1:
            if first is not None:
                out.append(linked(first, before=rng.random() < 0.5))
            else:
                out.append(anytime(20.5, 1.5))
            return out
        # Morning, midday and evening; the outer two ride on the day's sessions.
        out.append(linked(first, before=True) if first is not None else anytime(8.25, 0.75))
        for i in range(count - 2):
            out.append(anytime(11.0 + 5.0 * (i + 1) / (count - 1), 0.75))
        if last is not None and last is not first:
            out.append(linked(last, before=False))
        else:
            out.append(anytime(21.0, 1.0))
        return out

    def breaks(self, day: date) -> list[PostureBreak]:
        rng = self.rng
        n = self.profile.breaks
        begin, end = self.profile.break_window
        gap = (end - begin) / n
        weights = {
            "high": (("taken", 0.75), ("snoozed", 0.1), ("skipped", 0.05), ("natural", 0.1)),
            "normal": (("taken", 0.65), ("snoozed", 0.15), ("skipped", 0.1), ("natural", 0.1)),
            "low": (("taken", 0.45), ("snoozed", 0.2), ("skipped", 0.25), ("natural", 0.1)),
        }[self.person.mood]
        out: list[PostureBreak] = []
        for i in range(n):
            hour = begin + gap * (i + 0.5) + rng.uniform(-0.25, 0.25) * gap
            outcome = _pick(rng, weights)
            duration = 0.0
            routine: str | None = None
            if outcome == "taken":
                duration = round(rng.uniform(60.0, 240.0), 1)
                routine = self.break_routine if rng.random() < 0.7 else None
            elif outcome == "natural":
                duration = round(rng.uniform(120.0, 900.0), 1)
            out.append(
                PostureBreak(
                    id=self.new_id(),
                    at=self.local(day, hour),
                    outcome=outcome,
                    duration_s=duration,
                    routine_id=routine,
                )
            )
        return out

    def peg(self, day: date) -> PegAnswer:
        rng = self.rng
        week = self.person.week_felt
        pain = sum(week) / len(week)
        return PegAnswer(
            id=self.new_id(),
            at=self.local(day, 19.5 + rng.uniform(-0.75, 0.75)),
            pain=_score(pain + rng.gauss(0.0, 0.5)),
            enjoyment=_score(0.9 * pain + rng.gauss(0.0, 1.0)),
            activity=_score(0.8 * pain + rng.gauss(0.0, 1.0)),
        )


def generate_history(
    *,
    days: int,
    profile: str,
    end: date,
    tz: tzinfo,
    seed: int,
    plans: Mapping[str, Sequence[str]] | None = None,
    not_after: datetime | None = None,
) -> Iterator[Record]:
    """Yields the records of ``days`` days ending with ``end``, in time order.

    ``profile``: "heavy" is about two session runs (three planned), three pain
    check-ins and eight posture breaks a day plus the weekly PEG; "light" is about a third
    of that. ``plans`` maps plan ids to their exercise ids. ``not_after``
    drops what would lie in the future of that moment (a run still going on
    then is dropped with its linked check-ins). Use a zoneinfo ``tz`` so DST
    changes show in the offsets.
    """
    if profile not in _PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}; got {profile!r}")
    if days < 0:
        raise ValueError(f"days must be zero or more, got {days}")
    if not_after is not None and not_after.utcoffset() is None:
        raise ValueError("not_after must carry a UTC offset")
    gen = _Generator(
        profile=_PROFILES[profile],
        tz=tz,
        seed=seed,
        plans=DEFAULT_PLANS if plans is None else plans,
    )
    first = end - timedelta(days=days - 1)
    for offset in range(days):
        records = gen.day(first + timedelta(days=offset))
        if not_after is not None:
            records = _not_after(records, not_after)
        yield from records


def _not_after(records: list[Record], limit: datetime) -> list[Record]:
    unfinished = {
        r.id
        for r in records
        if isinstance(r, SessionRun) and r.ended_at is not None and r.ended_at > limit
    }
    return [
        r
        for r in records
        if r.at <= limit
        and r.id not in unfinished
        and not (isinstance(r, PainCheckIn) and r.run_id in unfinished)
    ]
