"""The health records the user keeps, validated where they are made.

Pure Python: no Qt, no files. Every record carries a UUID and timestamps with
a UTC offset, so exports from two machines merge without duplicates. Fields
this version does not know (written by a newer version) travel in ``extra``
and are written back untouched.
"""

from __future__ import annotations

import dataclasses
import math
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar


class ValidationError(ValueError):
    """A value that must not be stored. Names the record kind and the field."""

    def __init__(self, kind: str, field_name: str, message: str) -> None:
        super().__init__(f"{kind}.{field_name}: {message}")
        self.kind = kind
        self.field = field_name
        self.message = message


def new_id() -> str:
    return str(uuid.uuid4())


PAIN_AREAS = ("lower_back", "buttock", "leg_left", "leg_right", "hip", "upper_back", "other")
PAIN_CONTEXTS = ("anytime", "before_session", "during_session", "after_session")
RUN_OUTCOMES = ("in_progress", "completed", "partial", "stopped_for_pain")
STEP_FEEDBACK = ("too_easy", "about_right", "too_hard", "it_hurt")
BREAK_OUTCOMES = ("taken", "snoozed", "skipped", "natural")
MAX_NOTE_CHARS = 2000


def _fail(kind: str, name: str, message: str) -> ValidationError:
    return ValidationError(kind, name, message)


def check_aware(kind: str, name: str, value: object) -> datetime:
    if not isinstance(value, datetime):
        raise _fail(kind, name, f"must be a date and time, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise _fail(kind, name, "must carry a UTC offset (for example +01:00)")
    return value


def check_score(kind: str, name: str, value: object) -> int:
    # bool is an int subclass; True must not pass as a pain score of 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(kind, name, f"must be a whole number from 0 to 10, got {value!r}")
    if not 0 <= value <= 10:
        raise _fail(kind, name, f"must be from 0 to 10, got {value}")
    return value


def check_optional_score(kind: str, name: str, value: object) -> int | None:
    return None if value is None else check_score(kind, name, value)


def check_choice(kind: str, name: str, value: object, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise _fail(kind, name, f"must be one of {', '.join(choices)}; got {value!r}")
    return value  # type: ignore[return-value]


def check_text(kind: str, name: str, value: object, max_chars: int = MAX_NOTE_CHARS) -> str:
    if not isinstance(value, str):
        raise _fail(kind, name, f"must be text, got {type(value).__name__}")
    if len(value) > max_chars:
        raise _fail(kind, name, f"is longer than {max_chars} characters")
    return value


def check_identifier(kind: str, name: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(kind, name, "must be a non-empty name")
    if len(value) > 200:
        raise _fail(kind, name, "is longer than 200 characters")
    return value


def check_seconds(kind: str, name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(kind, name, f"must be a number of seconds, got {value!r}")
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise _fail(kind, name, f"must be zero or more seconds, got {value!r}")
    return value


# The canonical form (lower-case hex with hyphens) is what the store writes:
# matching it is ~10x cheaper than parsing, which counts over 10 years of
# records. Anything else is parsed, and so normalised or refused.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def check_uuid(kind: str, value: object) -> str:
    if isinstance(value, str) and _CANONICAL_UUID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, AttributeError, TypeError):
        raise _fail(kind, "id", f"must be a UUID, got {value!r}") from None


@dataclass(frozen=True, kw_only=True)
class Record:
    """Common envelope of every stored record.

    ``at`` is when the thing happened (it decides the year partition);
    ``created_at``/``updated_at`` are set by the store when written.
    """

    KIND: ClassVar[str] = "record"

    at: datetime
    id: str = field(default_factory=new_id)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", check_uuid(self.KIND, self.id))
        check_aware(self.KIND, "at", self.at)
        for name in ("created_at", "updated_at"):
            value = getattr(self, name)
            if value is not None:
                check_aware(self.KIND, name, value)
        if not isinstance(self.extra, Mapping):
            raise _fail(self.KIND, "extra", "must be a mapping")
        self.validate()

    def validate(self) -> None:
        """Subclasses check their own fields here."""

    def replace(self, **changes: Any) -> Record:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, kw_only=True)
class PainCheckIn(Record):
    """One pain rating on the 0-10 numeric scale (0 no pain, 10 worst imaginable)."""

    KIND: ClassVar[str] = "pain_checkin"

    score: int
    context: str = "anytime"
    area: str | None = None
    note: str = ""
    run_id: str | None = None

    def validate(self) -> None:
        check_score(self.KIND, "score", self.score)
        check_choice(self.KIND, "context", self.context, PAIN_CONTEXTS)
        if self.area is not None:
            check_choice(self.KIND, "area", self.area, PAIN_AREAS)
        check_text(self.KIND, "note", self.note)
        if self.run_id is not None:
            check_uuid(self.KIND, self.run_id)


@dataclass(frozen=True, kw_only=True)
class PegAnswer(Record):
    """The three PEG items (Krebs 2009), each 0-10; the score is their mean."""

    KIND: ClassVar[str] = "peg_answer"

    pain: int
    enjoyment: int
    activity: int

    def validate(self) -> None:
        for name in ("pain", "enjoyment", "activity"):
            check_score(self.KIND, name, getattr(self, name))

    @property
    def score(self) -> float:
        return (self.pain + self.enjoyment + self.activity) / 3


@dataclass(frozen=True, kw_only=True)
class StepRecord:
    """One finished step of a session run. Kept inside its run."""

    exercise_id: str
    started_at: datetime
    ended_at: datetime
    planned_s: float
    done_s: float
    side: str | None = None
    reps: int | None = None
    feedback: str | None = None
    skipped: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        kind = "step"
        check_identifier(kind, "exercise_id", self.exercise_id)
        check_aware(kind, "started_at", self.started_at)
        check_aware(kind, "ended_at", self.ended_at)
        if self.ended_at < self.started_at:
            raise _fail(kind, "ended_at", "is before started_at")
        check_seconds(kind, "planned_s", self.planned_s)
        check_seconds(kind, "done_s", self.done_s)
        if self.side is not None:
            check_choice(kind, "side", self.side, ("left", "right"))
        if self.reps is not None and (
            isinstance(self.reps, bool) or not isinstance(self.reps, int) or self.reps < 0
        ):
            raise _fail(kind, "reps", f"must be a whole number of zero or more, got {self.reps!r}")
        if self.feedback is not None:
            check_choice(kind, "feedback", self.feedback, STEP_FEEDBACK)
        if not isinstance(self.skipped, bool):
            raise _fail(kind, "skipped", "must be true or false")


@dataclass(frozen=True, kw_only=True)
class SessionRun(Record):
    """One guided session: which plan, how it went, and its finished steps.

    ``at`` is when the session started.
    """

    KIND: ClassVar[str] = "session_run"

    plan_id: str
    outcome: str = "in_progress"
    ended_at: datetime | None = None
    pre_pain: int | None = None
    post_pain: int | None = None
    stop_reason: str = ""
    steps: tuple[StepRecord, ...] = ()

    def validate(self) -> None:
        check_identifier(self.KIND, "plan_id", self.plan_id)
        check_choice(self.KIND, "outcome", self.outcome, RUN_OUTCOMES)
        if self.ended_at is not None:
            check_aware(self.KIND, "ended_at", self.ended_at)
            if self.ended_at < self.at:
                raise _fail(self.KIND, "ended_at", "is before the session started")
        check_optional_score(self.KIND, "pre_pain", self.pre_pain)
        check_optional_score(self.KIND, "post_pain", self.post_pain)
        check_text(self.KIND, "stop_reason", self.stop_reason, 500)
        if not isinstance(self.steps, tuple) or not all(
            isinstance(s, StepRecord) for s in self.steps
        ):
            raise _fail(self.KIND, "steps", "must be a sequence of step records")

    @property
    def duration_s(self) -> float:
        return sum(step.done_s for step in self.steps)


@dataclass(frozen=True, kw_only=True)
class PostureBreak(Record):
    """What happened when a posture break came due."""

    KIND: ClassVar[str] = "posture_break"

    outcome: str
    duration_s: float = 0.0
    routine_id: str | None = None

    def validate(self) -> None:
        check_choice(self.KIND, "outcome", self.outcome, BREAK_OUTCOMES)
        check_seconds(self.KIND, "duration_s", self.duration_s)
        if self.routine_id is not None:
            check_identifier(self.KIND, "routine_id", self.routine_id)


RECORD_KINDS: tuple[type[Record], ...] = (SessionRun, PainCheckIn, PegAnswer, PostureBreak)
