"""Onboarding answers: validation, safe loading, what is stored, and the first plan."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.onboarding import (
    DEFAULT_SESSIONS_PER_WEEK,
    SETTING_EQUIPMENT,
    SETTING_ONBOARDING,
    SETTING_PREFERRED_TIME,
    SETTING_REMINDERS,
    SETTING_SAFETY_SCREEN,
    STEP_GOALS,
    STEP_PACKS,
    STEP_SAFETY,
    STEP_WELCOME,
    STEPS,
    OnboardingAnswers,
    answers_from_settings,
    first_plan,
    follow_ups,
    needs_onboarding,
    pack_allowed,
    plan_categories,
    read_record,
    stored_changes,
)
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.domain.safety import GENTLE_PLAN_ID, RED_FLAG_QUESTIONS, screen_red_flags
from lbp_desktop.paths import content_dir
from lbp_desktop.storage import weekly_plan
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.store import Store

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
ALL_NO = {q.id: False for q in RED_FLAG_QUESTIONS}
FLAG_IDS = [q.id for q in RED_FLAG_QUESTIONS]


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return load_content(content_dir())


def walked(**fields: object) -> OnboardingAnswers:
    """Answers as after walking every step."""
    return OnboardingAnswers(**{"steps_done": STEPS, **fields})  # type: ignore[arg-type]


# ------------------------------------------------------------------ the answers


def test_defaults_are_the_apps_own() -> None:
    answers = OnboardingAnswers()
    assert answers.sessions_per_week == weekly_plan.DEFAULT_WEEKLY_GOAL == DEFAULT_SESSIONS_PER_WEEK
    assert answers.reminders == ReminderSettings()
    assert answers.preferred_time is None
    assert (answers.heat_pack, answers.cold_pack) == (None, None)
    assert answers.start_on_login is False and answers.start_now is False
    assert dict(answers.safety) == {} and answers.steps_done == ()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sessions_per_week", -1),
        ("sessions_per_week", 22),
        ("sessions_per_week", True),
        ("sessions_per_week", 5.0),
        ("preferred_time", "09:00"),
        ("preferred_time", time(9, 0, tzinfo=UTC)),
        ("reminders", {"interval_min": 30}),
        ("start_on_login", 1),
        ("start_now", None),
        ("heat_pack", "yes"),
        ("cold_pack", 0),
        ("safety", {"no-such-question": True}),
        ("safety", {"bowel": "no"}),
        ("safety", [("bowel", False)]),
        ("chosen_plan", ""),
        ("chosen_plan", 3),
        ("steps_done", ("welcome", "tea-break")),
        ("steps_done", "welcome"),
        ("steps_done", 3),
    ],
)
def test_bad_values_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValueError):
        OnboardingAnswers(**{field: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("goal", [0, 1, 5, 21])
def test_zero_to_twenty_one_sessions_are_allowed(goal: int) -> None:
    assert OnboardingAnswers(sessions_per_week=goal).sessions_per_week == goal


def test_values_are_normalised() -> None:
    answers = OnboardingAnswers(
        preferred_time=time(9, 15, 42),
        safety={"upper-back": False, "saddle-numbness": True},
        steps_done=("plan", "welcome", "plan"),
    )
    assert answers.preferred_time == time(9, 15)
    assert list(answers.safety) == ["saddle-numbness", "upper-back"]  # question order
    assert answers.steps_done == ("welcome", "plan")  # dialog order, once each
    with pytest.raises(TypeError):
        answers.safety["bowel"] = True  # type: ignore[index]


def test_with_step_done_adds_a_step() -> None:
    answers = OnboardingAnswers().with_step_done(STEP_GOALS).with_step_done(STEP_WELCOME)
    assert answers.steps_done == (STEP_WELCOME, STEP_GOALS)


def test_screening_uses_the_players_rule() -> None:
    assert OnboardingAnswers(safety=ALL_NO).sessions_blocked() is False
    assert OnboardingAnswers(safety={**ALL_NO, "fever": True}).screening().urgency == "soon"
    # Unanswered questions block: silence is not a safe "no".
    assert OnboardingAnswers(safety={"bowel": False}).sessions_blocked() is True
    # ...but only a Yes is a red flag: open questions are asked again by the player.
    assert OnboardingAnswers(safety={"bowel": False}).has_red_flag() is False
    assert OnboardingAnswers(safety={"bowel": True}).has_red_flag() is True


times = st.builds(time, st.integers(0, 23), st.integers(0, 59))
valid_answers = st.builds(
    OnboardingAnswers,
    sessions_per_week=st.integers(0, 21),
    preferred_time=st.none() | times,
    reminders=st.builds(
        ReminderSettings,
        interval_min=st.integers(5, 240),
        quiet_start=st.none(),
        quiet_end=st.none(),
    )
    | st.builds(ReminderSettings, interval_min=st.integers(5, 240)),
    start_on_login=st.booleans(),
    heat_pack=st.none() | st.booleans(),
    cold_pack=st.none() | st.booleans(),
    safety=st.dictionaries(st.sampled_from(FLAG_IDS), st.booleans()),
    chosen_plan=st.none() | st.sampled_from(["gentle-start", "my-physio-plan"]),
    start_now=st.booleans(),
    steps_done=st.lists(st.sampled_from(STEPS), unique=True).map(tuple),
)


@given(valid_answers)
def test_json_round_trip(answers: OnboardingAnswers) -> None:
    assert OnboardingAnswers.from_json(answers.to_json()) == answers


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 30) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)


@given(st.dictionaries(st.sampled_from(list(OnboardingAnswers().to_json())), json_values))
def test_from_json_never_raises(data: dict[str, object]) -> None:
    assert isinstance(OnboardingAnswers.from_json(data), OnboardingAnswers)


def test_a_bad_field_keeps_its_default_and_costs_no_other() -> None:
    good = walked(sessions_per_week=3, heat_pack=True, preferred_time=time(19, 0)).to_json()
    damaged = {**good, "sessions_per_week": "three", "cold_pack": "maybe", "steps_done": "all"}
    loaded = OnboardingAnswers.from_json(damaged)
    assert loaded.sessions_per_week == DEFAULT_SESSIONS_PER_WEEK
    assert loaded.cold_pack is None and loaded.steps_done == ()
    assert loaded.heat_pack is True and loaded.preferred_time == time(19, 0)
    assert OnboardingAnswers.from_json(["not", "a", "dict"]) == OnboardingAnswers()


# ------------------------------------------------------------------ showing it


def test_needs_onboarding_until_finished_or_skipped() -> None:
    assert needs_onboarding(None) is True
    assert needs_onboarding({"version": 1, "finished_at": None, "skipped_at": None}) is True
    assert needs_onboarding({"finished_at": NOW.isoformat()}) is False
    assert needs_onboarding({"skipped_at": NOW.isoformat()}) is False
    # A damaged record is not an ended one: better to offer it again than never.
    assert needs_onboarding({"finished_at": "yesterday-ish"}) is True
    assert needs_onboarding("finished") is True


def test_a_diary_from_before_onboarding_is_not_walked_through_again() -> None:
    assert needs_onboarding(None, used_before=True) is False


@given(json_values)
def test_read_record_never_raises(stored: object) -> None:
    record = read_record(stored)
    assert set(record.steps_done) <= set(STEPS)


# ------------------------------------------------------------------ what is stored


def test_finishing_stores_every_step_in_the_shapes_the_app_reads() -> None:
    answers = walked(
        sessions_per_week=3,
        preferred_time=time(19, 0),
        reminders=ReminderSettings(interval_min=45, quiet_start=None, quiet_end=None),
        start_on_login=True,
        heat_pack=True,
        cold_pack=False,
        safety=ALL_NO,
        chosen_plan=GENTLE_PLAN_ID,
        start_now=True,
    )
    changes = stored_changes(answers, NOW)
    assert changes == {
        SETTING_SAFETY_SCREEN: {
            "answers": ALL_NO,
            "blocks": False,
            "answered_at": NOW.isoformat(),
        },
        SETTING_PREFERRED_TIME: "19:00",
        SETTING_REMINDERS: answers.reminders.to_json(),
        SETTING_EQUIPMENT: {"heat_pack": True, "cold_pack": False},
        SETTING_ONBOARDING: {
            "version": 1,
            "finished_at": NOW.isoformat(),
            "skipped_at": None,
            "steps_done": list(STEPS),
            "first_plan": GENTLE_PLAN_ID,
        },
    }
    assert follow_ups(answers) == dataclasses.replace(
        follow_ups(answers),
        weekly_goal=3,
        start_on_login=True,
        reminders=answers.reminders,
        start_plan=GENTLE_PLAN_ID,
    )


def test_skipping_at_the_safety_step_stores_only_what_was_answered() -> None:
    answers = OnboardingAnswers(
        steps_done=(STEP_WELCOME, STEP_SAFETY),
        safety={"saddle-numbness": False, "bladder": True},
        sessions_per_week=7,  # on a page not reached: never stored
    )
    changes = stored_changes(answers, NOW, outcome="skipped")
    assert set(changes) == {SETTING_SAFETY_SCREEN, SETTING_ONBOARDING}
    screen = changes[SETTING_SAFETY_SCREEN]
    assert screen == {
        "answers": {"saddle-numbness": False, "bladder": True},
        "blocks": screen_red_flags({"saddle-numbness": False, "bladder": True}).blocks_sessions,
        "answered_at": NOW.isoformat(),
    }
    assert screen["blocks"] is True
    record = changes[SETTING_ONBOARDING]
    assert record["skipped_at"] == NOW.isoformat() and record["finished_at"] is None
    assert record["steps_done"] == [STEP_WELCOME, STEP_SAFETY]
    assert not needs_onboarding(record)
    assert follow_ups(answers) == follow_ups(OnboardingAnswers())  # nothing else to do
    assert follow_ups(answers).weekly_goal is None


def test_half_answered_questions_still_block_so_the_player_asks_again() -> None:
    answers = OnboardingAnswers(steps_done=(STEP_SAFETY,), safety={"bowel": False})
    assert stored_changes(answers, NOW)[SETTING_SAFETY_SCREEN]["blocks"] is True


def test_no_safety_answers_store_no_screen() -> None:
    answers = OnboardingAnswers(steps_done=(STEP_WELCOME, STEP_SAFETY))
    assert SETTING_SAFETY_SCREEN not in stored_changes(answers, NOW, outcome="skipped")


def test_a_step_changed_from_settings_keeps_the_first_runs_dates() -> None:
    first = stored_changes(OnboardingAnswers(steps_done=(STEP_WELCOME,)), NOW, outcome="skipped")
    later = NOW + timedelta(days=3)
    answers = OnboardingAnswers(steps_done=(STEP_PACKS,), heat_pack=True)
    changes = stored_changes(answers, later, outcome="step", previous=first[SETTING_ONBOARDING])
    assert changes[SETTING_EQUIPMENT] == {"heat_pack": True, "cold_pack": None}
    record = changes[SETTING_ONBOARDING]
    assert record["skipped_at"] == NOW.isoformat() and record["finished_at"] is None
    assert record["steps_done"] == [STEP_WELCOME, STEP_PACKS]


def test_a_step_changed_before_any_onboarding_writes_no_record() -> None:
    answers = OnboardingAnswers(steps_done=(STEP_GOALS,), preferred_time=time(9, 0))
    changes = stored_changes(answers, NOW, outcome="step")
    assert changes == {SETTING_PREFERRED_TIME: "09:00"}
    assert follow_ups(answers).weekly_goal == DEFAULT_SESSIONS_PER_WEEK


def test_finishing_after_a_skip_keeps_when_it_was_skipped() -> None:
    first = stored_changes(OnboardingAnswers(steps_done=(STEP_WELCOME,)), NOW, outcome="skipped")
    later = NOW + timedelta(hours=1)
    record = stored_changes(walked(), later, previous=first[SETTING_ONBOARDING])[SETTING_ONBOARDING]
    assert record["skipped_at"] == NOW.isoformat()
    assert record["finished_at"] == later.isoformat()


def test_an_unknown_outcome_is_refused() -> None:
    with pytest.raises(ValueError):
        stored_changes(walked(), NOW, outcome="abandoned")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "started"),
    [
        ({"start_now": True, "chosen_plan": "gentle-start", "safety": ALL_NO}, "gentle-start"),
        ({"start_now": False, "chosen_plan": "gentle-start", "safety": ALL_NO}, None),
        ({"start_now": True, "chosen_plan": None, "safety": ALL_NO}, None),
        # A red flag pauses guided sessions, whatever was pressed.
        ({"start_now": True, "chosen_plan": "gentle-start", "safety": {"fever": True}}, None),
        # Unanswered questions: the player's gate asks them before it starts.
        ({"start_now": True, "chosen_plan": "gentle-start", "safety": {}}, "gentle-start"),
    ],
)
def test_start_plan_follows_start_now_and_the_red_flags(
    fields: dict[str, object], started: str | None
) -> None:
    assert follow_ups(walked(**fields)).start_plan == started


def test_goal_zero_means_no_weekly_plan() -> None:
    assert follow_ups(walked(sessions_per_week=0)).weekly_goal == 0


# ------------------------------------------------------------------ reading the settings


def test_answers_from_settings_read_what_stored_changes_wrote() -> None:
    answers = walked(
        sessions_per_week=4,
        preferred_time=time(14, 0),
        reminders=ReminderSettings(interval_min=60),
        start_on_login=True,
        heat_pack=False,
        cold_pack=True,
        safety={**ALL_NO, "trauma": True},
        chosen_plan="morning-mobility",
    )
    stored = stored_changes(answers, NOW)
    loaded = answers_from_settings(stored, sessions_per_week=4, start_on_login=True)
    assert loaded == dataclasses.replace(answers, steps_done=(), start_now=False)


def test_answers_from_damaged_settings_fall_back_to_defaults() -> None:
    loaded = answers_from_settings(
        {
            SETTING_PREFERRED_TIME: "teatime",
            SETTING_EQUIPMENT: ["heat"],
            SETTING_SAFETY_SCREEN: {"answers": {"bowel": "no", "ghost": True, "fever": False}},
            SETTING_REMINDERS: {"interval_min": 2},
            SETTING_ONBOARDING: 7,
        },
        sessions_per_week=99,
        start_on_login="yes",  # type: ignore[arg-type]
    )
    assert loaded == OnboardingAnswers(safety={"fever": False})


def test_stored_answers_round_trip_through_a_real_store(tmp_path: Path) -> None:
    """What the controller will do: write the changes, then read them back."""
    clock = FakeClock(NOW)
    answers = walked(sessions_per_week=0, heat_pack=True, safety=ALL_NO, preferred_time=None)
    with Store.open(tmp_path / "diary", clock=clock) as store:
        for key, value in stored_changes(answers, clock.now()).items():
            store.set_setting(key, value)
        goal = follow_ups(answers).weekly_goal
        assert goal is not None
        weekly_plan.set_weekly_goal(store, goal, clock.now().date())
    with Store.open(tmp_path / "diary", read_only=True) as store:
        keys = (
            SETTING_ONBOARDING,
            SETTING_PREFERRED_TIME,
            SETTING_EQUIPMENT,
            SETTING_REMINDERS,
            SETTING_SAFETY_SCREEN,
        )
        settings = {key: store.get_setting(key) for key in keys}
        assert not needs_onboarding(settings[SETTING_ONBOARDING])
        # The player's gate: a stored screen whose "blocks" is False lets sessions start.
        assert settings[SETTING_SAFETY_SCREEN]["blocks"] is False
        # 0 is stored as "no weekly plan" in the goal history analytics reads.
        assert weekly_plan.goal_history(store)[-1] == (NOW.date(), 0)
        loaded = answers_from_settings(settings, sessions_per_week=0)
    assert loaded == dataclasses.replace(answers, steps_done=())


# ------------------------------------------------------------------ the first plan


def test_gentle_start_comes_first_for_a_new_person(library: ContentLibrary) -> None:
    suggestion = first_plan(library, OnboardingAnswers())
    assert suggestion is not None
    assert suggestion.plan_id == GENTLE_PLAN_ID
    assert "Easy movements" in suggestion.reason
    assert suggestion.also == ""  # no pack, no pack plans mentioned


pack_answers = st.builds(
    OnboardingAnswers,
    heat_pack=st.none() | st.booleans(),
    cold_pack=st.none() | st.booleans(),
)


@given(pack_answers, st.sets(st.sampled_from(["gentle-start", "desk-reset", "core-builder"])))
def test_never_a_heat_or_ice_plan_without_that_pack(
    library: ContentLibrary, answers: OnboardingAnswers, removed: set[str]
) -> None:
    plans = {k: v for k, v in library.plans.items() if k not in removed}
    smaller = dataclasses.replace(library, plans=plans)
    suggestion = first_plan(smaller, answers)
    assert suggestion is not None
    kinds = plan_categories(smaller.plans[suggestion.plan_id], smaller)
    assert pack_allowed(kinds, answers)
    if "heat" in kinds:
        assert answers.heat_pack is True
    if "ice" in kinds:
        assert answers.cold_pack is True


def test_a_plan_from_the_physio_comes_first(library: ContentLibrary) -> None:
    own = dataclasses.replace(library.plans["core-builder"], id="from-my-physio", origin="user")
    mine = dataclasses.replace(library, plans={**library.plans, own.id: own})
    suggestion = first_plan(mine, OnboardingAnswers())
    assert suggestion is not None and suggestion.plan_id == "from-my-physio"
    assert "physiotherapist" in suggestion.reason


def test_an_own_plan_with_heat_needs_a_heat_pack(library: ContentLibrary) -> None:
    own = dataclasses.replace(library.plans["heat-and-relax"], id="my-heat", origin="user")
    mine = dataclasses.replace(library, plans={**library.plans, own.id: own})
    without = first_plan(mine, OnboardingAnswers(heat_pack=None))
    with_pack = first_plan(mine, OnboardingAnswers(heat_pack=True))
    assert without is not None and without.plan_id == GENTLE_PLAN_ID
    assert with_pack is not None and with_pack.plan_id == "my-heat"


def test_without_gentle_start_the_shortest_movement_plan(library: ContentLibrary) -> None:
    plans = {k: v for k, v in library.plans.items() if k != GENTLE_PLAN_ID}
    suggestion = first_plan(dataclasses.replace(library, plans=plans), OnboardingAnswers())
    assert suggestion is not None
    # Desk reset and Up and about are the short ones (about 3 minutes); the body
    # scan and breathing plans are not movement, so are not a first plan.
    assert suggestion.plan_id in {"desk-reset", "up-and-about"}
    assert suggestion.reason.startswith("A short plan")


def test_pack_plans_are_mentioned_only_to_those_with_a_pack(library: ContentLibrary) -> None:
    heat = first_plan(library, OnboardingAnswers(heat_pack=True))
    both = first_plan(library, OnboardingAnswers(heat_pack=True, cold_pack=True))
    assert heat is not None and both is not None
    assert "Heat and relax" in heat.also and "Ice interval" not in heat.also
    assert "Heat and relax" in both.also and "Ice interval" in both.also


def test_only_pack_plans_and_no_pack_means_no_plan(library: ContentLibrary) -> None:
    plans = {k: v for k, v in library.plans.items() if k in ("heat-and-relax", "ice-interval")}
    assert first_plan(dataclasses.replace(library, plans=plans), OnboardingAnswers()) is None
    assert first_plan(dataclasses.replace(library, plans={}), OnboardingAnswers()) is None
