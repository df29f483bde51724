"""Strategies and small tools shared by the storage tests."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from lbp_desktop.domain.records import (
    BREAK_OUTCOMES,
    PAIN_AREAS,
    PAIN_CONTEXTS,
    RUN_OUTCOMES,
    STEP_FEEDBACK,
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
    StepRecord,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "data"
CET = timezone(timedelta(hours=1))

# Fixed offsets from -12:00 to +14:00 in quarter hours (as real zones use).
offsets = st.integers(min_value=-48, max_value=56).map(
    lambda quarters: timezone(timedelta(minutes=15 * quarters))
)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=offsets
)
scores = st.integers(min_value=0, max_value=10)
notes = st.text(max_size=80)
seconds = st.floats(min_value=0, max_value=10_000, allow_nan=False) | st.integers(0, 10_000)
identifiers = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def extras(known: set[str]) -> st.SearchStrategy[dict[str, Any]]:
    keys = st.text(min_size=1, max_size=12).filter(lambda k: k not in known)
    return st.dictionaries(keys, json_values, max_size=3)


RECORD_FIELDS = {"id", "at", "created_at", "updated_at", "extra"}
_PAIN_FIELDS = RECORD_FIELDS | {"score", "context", "area", "note", "run_id"}
_STEP_FIELDS = {
    "exercise_id", "started_at", "ended_at", "planned_s", "done_s", "side", "reps",
    "feedback", "skipped", "extra",
}  # fmt: skip
_RUN_FIELDS = RECORD_FIELDS | {
    "plan_id", "outcome", "ended_at", "pre_pain", "post_pain", "stop_reason", "steps",
}  # fmt: skip


@st.composite
def steps(draw: st.DrawFn) -> StepRecord:
    start = draw(moments)
    return StepRecord(
        exercise_id=draw(identifiers),
        started_at=start,
        ended_at=start + timedelta(seconds=draw(st.integers(0, 600))),
        planned_s=draw(seconds),
        done_s=draw(seconds),
        side=draw(st.none() | st.sampled_from(["left", "right"])),
        reps=draw(st.none() | st.integers(0, 50)),
        feedback=draw(st.none() | st.sampled_from(STEP_FEEDBACK)),
        skipped=draw(st.booleans()),
        extra=draw(extras(_STEP_FIELDS)),
    )


pain_checkins = st.builds(
    PainCheckIn,
    at=moments,
    created_at=moments,
    updated_at=moments,
    score=scores,
    context=st.sampled_from(PAIN_CONTEXTS),
    area=st.none() | st.sampled_from(PAIN_AREAS),
    note=notes,
    run_id=st.none() | st.uuids().map(str),
    extra=extras(_PAIN_FIELDS),
)
peg_answers = st.builds(
    PegAnswer,
    at=moments,
    created_at=moments,
    updated_at=moments,
    pain=scores,
    enjoyment=scores,
    activity=scores,
    extra=extras(RECORD_FIELDS | {"pain", "enjoyment", "activity"}),
)
posture_breaks = st.builds(
    PostureBreak,
    at=moments,
    created_at=moments,
    updated_at=moments,
    outcome=st.sampled_from(BREAK_OUTCOMES),
    duration_s=seconds,
    routine_id=st.none() | identifiers,
    extra=extras(RECORD_FIELDS | {"outcome", "duration_s", "routine_id"}),
)


@st.composite
def session_runs(draw: st.DrawFn) -> SessionRun:
    at = draw(moments)
    return SessionRun(
        at=at,
        created_at=draw(moments),
        updated_at=draw(moments),
        plan_id=draw(identifiers),
        outcome=draw(st.sampled_from(RUN_OUTCOMES)),
        ended_at=draw(st.none() | st.just(at + timedelta(minutes=draw(st.integers(0, 90))))),
        pre_pain=draw(st.none() | scores),
        post_pain=draw(st.none() | scores),
        stop_reason=draw(st.text(max_size=40)),
        steps=tuple(draw(st.lists(steps(), max_size=4))),
        extra=draw(extras(_RUN_FIELDS)),
    )


any_record: st.SearchStrategy[Record] = st.one_of(
    pain_checkins, peg_answers, posture_breaks, session_runs()
)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """sha256 and mtime_ns of every file under ``folder`` (relative names).

    Leaves out the lock file, whose holder writes its pid into it.
    """
    found = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if path == folder / "lbp-desktop.lock":
                continue
            found[path.relative_to(folder).as_posix()] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return found


def tree(folder: Path) -> set[str]:
    """Every file and folder under ``folder``, relative."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)
