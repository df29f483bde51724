"""First-run onboarding: the answers, what to store for them, and a first plan.

Pure Python: no Qt, no store, no clock. The dialog (views/onboarding.py)
collects an ``OnboardingAnswers``; ``stored_changes`` turns it into settings
to write and ``follow_ups`` into the few calls that are more than a write
(the weekly plan keeps its history, start on login touches the desktop).

Only the steps the person went through are stored: someone who skips at
step 2 keeps every default for the rest, exactly as if they had never
opened the onboarding, and can set each step up later in Settings.
The red-flag answers are stored in the shape the player's gate reads
(``{"answers", "blocks", "answered_at"}``), with "blocks" decided by the
same rule (``screen_red_flags``): an unanswered question blocks, so the
gate asks again before the first guided session.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from types import MappingProxyType
from typing import Any, Literal

from lbp_desktop.domain.content import HEAT_ICE_CATEGORIES, ContentLibrary, Plan, plan_duration_s
from lbp_desktop.domain.goal_history import MAX_GOAL
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.domain.safety import (
    GENTLE_PLAN_ID,
    RED_FLAG_QUESTIONS,
    ScreeningResult,
    screen_red_flags,
)

# ------------------------------------------------------------------ steps

STEP_WELCOME = "welcome"
STEP_SAFETY = "safety"
STEP_GOALS = "goals"
STEP_REMINDERS = "reminders"
STEP_PACKS = "packs"
STEP_PLAN = "plan"
STEPS = (STEP_WELCOME, STEP_SAFETY, STEP_GOALS, STEP_REMINDERS, STEP_PACKS, STEP_PLAN)

# ------------------------------------------------------------------ settings keys

ONBOARDING_VERSION = 1
SETTING_ONBOARDING = "onboarding"
SETTING_PREFERRED_TIME = "preferred_session_time"
SETTING_EQUIPMENT = "equipment"
# Owned elsewhere (companion and controller); named here so this module needs
# neither. A unit test checks they still match.
SETTING_REMINDERS = "reminders"
SETTING_SAFETY_SCREEN = "safety_screen"

# ------------------------------------------------------------------ the weekly plan

# The app's default weekly plan (storage.weekly_plan.DEFAULT_WEEKLY_GOAL; a test
# keeps them equal): most days, short sessions. Little and often is the patient
# advice (NHS inform: a few repetitions, several times a day), and short plans
# are the ones people keep up (CLINICAL-NOTES, adherence).
DEFAULT_SESSIONS_PER_WEEK = 5
MAX_SESSIONS_PER_WEEK = MAX_GOAL
NO_WEEKLY_PLAN = 0  # analytics reads 0 as "no weekly plan"

Outcome = Literal["finished", "skipped", "step"]
_KNOWN_FLAGS = frozenset(q.id for q in RED_FLAG_QUESTIONS)
_FLAG_ORDER = {q.id: index for index, q in enumerate(RED_FLAG_QUESTIONS)}


# ------------------------------------------------------------------ the answers


def _check_bool(name: str, value: object, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False{' or None' if optional else ''}")


def _ordered_steps(steps: Iterable[str]) -> tuple[str, ...]:
    """Known step names once each, in the order the dialog shows them."""
    wanted = set(steps)
    unknown = sorted(wanted - set(STEPS))
    if unknown:
        raise ValueError(f"unknown onboarding steps: {', '.join(unknown)}")
    return tuple(step for step in STEPS if step in wanted)


@dataclass(frozen=True)
class OnboardingAnswers:
    """Everything the onboarding asks, with the app's defaults.

    ``steps_done``: the steps the person went through and left (Next, Save, or
    Skip from that step: what they saw on it is what they chose). Only those
    are stored. ``start_now``: "Start it now" was pressed on the plan step.
    """

    sessions_per_week: int = DEFAULT_SESSIONS_PER_WEEK
    preferred_time: time | None = None
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    start_on_login: bool = False
    heat_pack: bool | None = None  # None: not sure, or not answered
    cold_pack: bool | None = None
    safety: Mapping[str, bool] = field(default_factory=dict)  # red-flag id -> yes
    chosen_plan: str | None = None
    start_now: bool = False
    steps_done: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        goal = self.sessions_per_week
        if isinstance(goal, bool) or not isinstance(goal, int):
            raise ValueError(f"sessions_per_week must be a whole number, got {goal!r}")
        if not NO_WEEKLY_PLAN <= goal <= MAX_SESSIONS_PER_WEEK:
            raise ValueError(
                f"sessions_per_week must be from {NO_WEEKLY_PLAN} to {MAX_SESSIONS_PER_WEEK}, "
                f"got {goal}"
            )
        when = self.preferred_time
        if when is not None and (not isinstance(when, time) or when.tzinfo is not None):
            raise ValueError(f"preferred_time must be a local time of day, got {when!r}")
        if not isinstance(self.reminders, ReminderSettings):
            raise ValueError("reminders must be a ReminderSettings")
        _check_bool("start_on_login", self.start_on_login)
        _check_bool("start_now", self.start_now)
        _check_bool("heat_pack", self.heat_pack, optional=True)
        _check_bool("cold_pack", self.cold_pack, optional=True)
        if not isinstance(self.safety, Mapping):
            raise ValueError("safety must map red-flag question ids to True or False")
        unknown = sorted(str(key) for key in self.safety if key not in _KNOWN_FLAGS)
        if unknown:
            raise ValueError(f"unknown red-flag question ids: {', '.join(unknown)}")
        for key, value in self.safety.items():
            _check_bool(f"safety[{key!r}]", value)
        plan = self.chosen_plan
        if plan is not None and (not isinstance(plan, str) or not plan):
            raise ValueError(f"chosen_plan must be a plan id or None, got {plan!r}")
        if isinstance(self.steps_done, str) or not isinstance(self.steps_done, Iterable):
            raise ValueError("steps_done must be a sequence of step names")
        # Normalised copies: a read-only mapping, and the steps in dialog order.
        ordered = dict(sorted(self.safety.items(), key=lambda kv: _FLAG_ORDER[kv[0]]))
        object.__setattr__(self, "safety", MappingProxyType(ordered))
        object.__setattr__(self, "steps_done", _ordered_steps(self.steps_done))
        if when is not None:
            object.__setattr__(self, "preferred_time", when.replace(second=0, microsecond=0))

    def screening(self) -> ScreeningResult:
        """What the red-flag answers mean (the player's rule, not a copy of it)."""
        return screen_red_flags(self.safety)

    def sessions_blocked(self) -> bool:
        """Guided sessions may not start as things stand (a Yes, or a question open)."""
        return self.screening().blocks_sessions

    def has_red_flag(self) -> bool:
        """A Yes to any question: sessions stay paused until the answers change.
        (Open questions only mean the player's gate asks them before it starts.)"""
        return bool(self.screening().flagged)

    def with_step_done(self, step: str) -> OnboardingAnswers:
        return replace(self, steps_done=(*self.steps_done, step))

    def to_json(self) -> dict[str, Any]:
        return {
            "sessions_per_week": self.sessions_per_week,
            "preferred_time": _time_text(self.preferred_time),
            "reminders": self.reminders.to_json(),
            "start_on_login": self.start_on_login,
            "heat_pack": self.heat_pack,
            "cold_pack": self.cold_pack,
            "safety": dict(self.safety),
            "chosen_plan": self.chosen_plan,
            "start_now": self.start_now,
            "steps_done": list(self.steps_done),
        }

    @classmethod
    def from_json(cls, data: object) -> OnboardingAnswers:
        """Never raises: each field that does not parse keeps its default."""
        if not isinstance(data, dict):
            return cls()
        parsed: dict[str, Any] = {}
        goal = data.get("sessions_per_week")
        if _whole(goal) and NO_WEEKLY_PLAN <= goal <= MAX_SESSIONS_PER_WEEK:
            parsed["sessions_per_week"] = goal
        when = parse_time_text(data.get("preferred_time"))
        if when is not None:
            parsed["preferred_time"] = when
        if "reminders" in data:
            parsed["reminders"] = ReminderSettings.from_json(data["reminders"])
        for name in ("start_on_login", "start_now"):
            if isinstance(data.get(name), bool):
                parsed[name] = data[name]
        for name in ("heat_pack", "cold_pack"):
            if isinstance(data.get(name), bool):
                parsed[name] = data[name]
        parsed["safety"] = _read_safety(data.get("safety"))
        plan = data.get("chosen_plan")
        if isinstance(plan, str) and plan:
            parsed["chosen_plan"] = plan
        parsed["steps_done"] = _read_steps(data.get("steps_done"))
        try:
            return cls(**parsed)
        except ValueError:  # pragma: no cover - every field was checked above
            return cls()


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _time_text(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def parse_time_text(value: object) -> time | None:
    """'HH:MM' as stored; None for anything else (never raises)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        return None
    return None if parsed.tzinfo is not None else parsed.replace(second=0, microsecond=0)


def _read_safety(value: object) -> dict[str, bool]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if k in _KNOWN_FLAGS and isinstance(v, bool)}


def _read_steps(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(step for step in STEPS if step in value)


# ------------------------------------------------------------------ the record


@dataclass(frozen=True)
class OnboardingRecord:
    """What is stored under SETTING_ONBOARDING: when it ended, and how far it got."""

    finished_at: datetime | None = None
    skipped_at: datetime | None = None
    steps_done: tuple[str, ...] = ()
    first_plan: str | None = None

    def ended(self) -> bool:
        return self.finished_at is not None or self.skipped_at is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": ONBOARDING_VERSION,
            "finished_at": None if self.finished_at is None else self.finished_at.isoformat(),
            "skipped_at": None if self.skipped_at is None else self.skipped_at.isoformat(),
            "steps_done": list(self.steps_done),
            "first_plan": self.first_plan,
        }


def _read_moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def read_record(stored: object) -> OnboardingRecord:
    """The stored record; never raises (a damaged field reads as not set)."""
    if not isinstance(stored, dict):
        return OnboardingRecord()
    plan = stored.get("first_plan")
    return OnboardingRecord(
        finished_at=_read_moment(stored.get("finished_at")),
        skipped_at=_read_moment(stored.get("skipped_at")),
        steps_done=_read_steps(stored.get("steps_done")),
        first_plan=plan if isinstance(plan, str) and plan else None,
    )


def needs_onboarding(stored: object, *, used_before: bool = False) -> bool:
    """Show the onboarding at start? Only until it was finished or skipped once.

    ``stored``: the value under SETTING_ONBOARDING (None when absent).
    ``used_before``: the diary already holds the person's own records (an
    install from before onboarding existed); they are not walked through
    the welcome again, and every step stays in Settings.
    """
    if read_record(stored).ended():
        return False
    return not used_before


# ------------------------------------------------------------------ reading the settings


def answers_from_settings(
    settings: Mapping[str, object],
    *,
    sessions_per_week: int = DEFAULT_SESSIONS_PER_WEEK,
    start_on_login: bool = False,
) -> OnboardingAnswers:
    """The answers as the app stands now, to fill the dialog (first run or Settings).

    ``settings``: stored values by key (absent keys may be left out). The
    weekly plan and start on login are read by their owners (storage and the
    desktop), so they come in as arguments. Never raises.
    """
    equipment = settings.get(SETTING_EQUIPMENT)
    equipment = equipment if isinstance(equipment, dict) else {}
    screen = settings.get(SETTING_SAFETY_SCREEN)
    record = read_record(settings.get(SETTING_ONBOARDING))
    goal = sessions_per_week
    if not _whole(goal) or not NO_WEEKLY_PLAN <= goal <= MAX_SESSIONS_PER_WEEK:
        goal = DEFAULT_SESSIONS_PER_WEEK
    return OnboardingAnswers(
        sessions_per_week=goal,
        preferred_time=parse_time_text(settings.get(SETTING_PREFERRED_TIME)),
        reminders=ReminderSettings.from_json(settings.get(SETTING_REMINDERS)),
        start_on_login=start_on_login is True,
        heat_pack=_optional_bool(equipment.get("heat_pack")),
        cold_pack=_optional_bool(equipment.get("cold_pack")),
        safety=_read_safety(screen.get("answers") if isinstance(screen, dict) else None),
        chosen_plan=record.first_plan,
    )


def _optional_bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


# ------------------------------------------------------------------ what to store


def stored_changes(
    answers: OnboardingAnswers,
    now: datetime,
    *,
    outcome: Outcome = "finished",
    previous: object = None,
) -> dict[str, object]:
    """Settings to write (key -> JSON value) for the steps in ``answers.steps_done``.

    ``outcome``: "finished" (the last step was left), "skipped" (Skip the
    rest) or "step" (one step changed from Settings). ``previous``: the
    value stored under SETTING_ONBOARDING before, so a revisit keeps the
    first run's dates. The weekly plan and start on login are not here:
    see ``follow_ups``.
    """
    done = set(answers.steps_done)
    changes: dict[str, object] = {}
    if STEP_SAFETY in done and answers.safety:
        changes[SETTING_SAFETY_SCREEN] = {
            "answers": dict(answers.safety),
            "blocks": answers.screening().blocks_sessions,
            "answered_at": now.isoformat(),
        }
    if STEP_GOALS in done:
        changes[SETTING_PREFERRED_TIME] = _time_text(answers.preferred_time)
    if STEP_REMINDERS in done:
        changes[SETTING_REMINDERS] = answers.reminders.to_json()
    if STEP_PACKS in done:
        changes[SETTING_EQUIPMENT] = equipment_json(answers)

    before = read_record(previous)
    steps = _ordered_steps({*before.steps_done, *done})
    plan_id = answers.chosen_plan if STEP_PLAN in done else before.first_plan
    if outcome == "finished":
        record = OnboardingRecord(now, before.skipped_at, steps, plan_id)
    elif outcome == "skipped":
        record = OnboardingRecord(before.finished_at, now, steps, plan_id)
    elif outcome == "step":
        if not before.ended():
            # Changed from Settings before any onboarding record: the
            # onboarding itself is not over, so no record is written.
            return changes
        record = replace(before, steps_done=steps, first_plan=plan_id)
    else:
        raise ValueError(f"outcome must be finished, skipped or step, got {outcome!r}")
    changes[SETTING_ONBOARDING] = record.to_json()
    return changes


def equipment_json(answers: OnboardingAnswers) -> dict[str, bool | None]:
    return {"heat_pack": answers.heat_pack, "cold_pack": answers.cold_pack}


@dataclass(frozen=True)
class FollowUps:
    """Calls beyond plain writes; None means leave that alone."""

    # storage.weekly_plan.set_weekly_goal(store, weekly_goal, today): keeps the history.
    weekly_goal: int | None
    # companion.set_autostart(start_on_login): writes or removes the desktop entry.
    start_on_login: bool | None
    # companion.apply_settings(reminders): the running reminders pick them up now.
    reminders: ReminderSettings | None
    # Start this plan's guided session once everything is stored (through the
    # usual path: the player's gate still asks any safety question left open).
    start_plan: str | None


def follow_ups(answers: OnboardingAnswers) -> FollowUps:
    done = set(answers.steps_done)
    start = (
        answers.chosen_plan
        if STEP_PLAN in done
        and answers.start_now
        and answers.chosen_plan
        and not answers.has_red_flag()
        else None
    )
    return FollowUps(
        weekly_goal=answers.sessions_per_week if STEP_GOALS in done else None,
        start_on_login=answers.start_on_login if STEP_REMINDERS in done else None,
        reminders=answers.reminders if STEP_REMINDERS in done else None,
        start_plan=start,
    )


# ------------------------------------------------------------------ the first plan

# Plans made only of these are not exercise (a body scan, a breathing pacer).
_NOT_MOVEMENT = frozenset({*HEAT_ICE_CATEGORIES, "breathing", "meditation"})


@dataclass(frozen=True)
class FirstPlan:
    plan_id: str
    reason: str  # why this one, in one or two plain sentences
    also: str = ""  # the pack plans the person can use too, when they have a pack


def plan_categories(plan: Plan, library: ContentLibrary) -> frozenset[str]:
    return frozenset(
        library.exercises[item.exercise_id].category
        for item in plan.items
        if item.exercise_id in library.exercises
    )


def pack_allowed(categories: frozenset[str], answers: OnboardingAnswers) -> bool:
    """A heat step needs a heat pack, an ice step a cold pack ("not sure" is not one)."""
    if "heat" in categories and answers.heat_pack is not True:
        return False
    return "ice" not in categories or answers.cold_pack is True


_OWN_REASON = (
    "This is a plan you added to the app, for example one from your physiotherapist. "
    "A plan made for you comes first."
)
_GENTLE_REASON = (
    "Easy movements to begin with. When it starts to feel easy, say so after a session "
    "and the app will add a little more."
)
_SHORT_REASON = "A short plan to begin with. Go only as far as feels comfortable."


def first_plan(library: ContentLibrary, answers: OnboardingAnswers) -> FirstPlan | None:
    """The plan to start with. First match wins:

    1. a plan of the person's own (say, from their physiotherapist), the shortest;
    2. Gentle start;
    3. the shortest plan with movement in it, else the shortest plan at all.

    A plan with a heat step is never suggested without a heat pack, nor an
    ice step without a cold pack. None when no plan fits.
    """
    usable: list[tuple[float, str, Plan, frozenset[str]]] = []
    for plan in library.plans.values():
        kinds = plan_categories(plan, library)
        if not pack_allowed(kinds, answers):
            continue
        try:
            seconds = plan_duration_s(plan, library)
        except KeyError:
            continue  # names an exercise that did not load: not one to start with
        usable.append((seconds, plan.name.lower(), plan, kinds))
    if not usable:
        return None
    usable.sort(key=lambda entry: entry[:2])
    own = [entry for entry in usable if entry[2].origin == "user"]
    gentle = [entry for entry in usable if entry[2].id == GENTLE_PLAN_ID]
    moving = [entry for entry in usable if entry[3] - _NOT_MOVEMENT]
    if own:
        chosen, reason = own[0][2], _OWN_REASON
    elif gentle:
        chosen, reason = gentle[0][2], _GENTLE_REASON
    else:
        chosen, reason = (moving or usable)[0][2], _SHORT_REASON
    return FirstPlan(chosen.id, reason, _pack_plans_words(usable, chosen.id))


def _pack_plans_words(usable: list[tuple[float, str, Plan, frozenset[str]]], chosen_id: str) -> str:
    names = sorted(
        f"\u201c{plan.name}\u201d"
        for _s, _n, plan, kinds in usable
        if kinds & set(HEAT_ICE_CATEGORIES) and plan.id != chosen_id
    )
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"For days when a pack helps, there is also {listed}."
