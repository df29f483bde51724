"""Exercise content: exercises, session plans, their dosage and how long a plan takes.

Pure Python: no files, no Qt. The parse functions take plain dicts, as
``tomllib`` returns them, plus the name of the file they came from, and
validate strictly. Every problem names the file, the entry (its id, or
``exercise #2`` when the id itself is unusable) and the field, so whoever
wrote the file can fix it; the entries that are valid still load.

Field paths count from 1, the way a person reads a file: ``steps[1]`` is the
first step, ``items[2].reps`` the reps override of a plan's second item.

Duration of a dosage (see :func:`dosage_duration_s`), never typed in a file:

- one *work block* is either one rep (``hold_s`` + ``tempo_s``; either may be
  absent) or, for timed work, one ``interval_s``;
- blocks = reps x sets x sides (sides is 2 when ``per_side``; timed work
  counts as 1 rep);
- one ``rest_s`` follows every block except the last one;
- duration = blocks x block time + (blocks - 1) x rest_s.

A plan's duration is the sum over its items, each with its overrides applied.
Getting into position and moving between exercises are not counted.

Timed extras, all in seconds from the start of one interval:

- ``skin_checks_s`` (heat and ice, required): when the player asks the user
  to lift the pack and look at the skin;
- ``guidance`` (breathing and meditation, required; any timed exercise may
  have it): lines the player shows or speaks at ``at_s``;
- ``breath`` (breathing, required): the pacer's cycle, ``in_s``,
  ``hold_in_s``, ``out_s``, ``hold_out_s``;
- ``bells`` (breathing and meditation, optional): a start bell, a bell every
  ``interval_s`` and an end bell.

Skin checks may be at most ``MAX_SKIN_CHECK_GAP_S`` apart (counting from the
start and to the end). Any exercise may have ``evidence``: one short, honest
sentence or two on what the guidelines say about it.

These must fit every interval the exercise can be played with: its dosage,
its levels and a plan's override of ``interval_s``. Education cards
(``[[card]]``) are short texts for things the app cannot guide.
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any

CATEGORIES = (
    "stretch",
    "core",
    "mobility",
    "aerobic",
    "posture",
    "heat",
    "ice",
    "breathing",
    "meditation",
)
# Heat and ice must be timed and stay under the clinical cap.
HEAT_ICE_CATEGORIES = ("heat", "ice")
# Guided by timed text (required there); bells belong to the same two.
GUIDED_CATEGORIES = ("breathing", "meditation")
BREATH_CATEGORIES = ("breathing",)
POSITIONS = (
    "lying-on-back",
    "lying-on-front",
    "lying-on-side",
    "hands-and-knees",
    "kneeling",
    "sitting",
    "standing",
    "any",
)
ORIGINS = ("bundled", "user")
LEVEL_KINDS = ("regression", "progression")
DOSAGE_FIELDS = ("hold_s", "reps", "sets", "per_side", "rest_s", "tempo_s", "interval_s")

MAX_HOLD_S = 120
MAX_REPS = 50
MAX_SETS = 10
MAX_REST_S = 300
MAX_TEMPO_S = 60
# Guards against typos (6000 for 600); a body scan is rarely over 45 minutes.
MAX_INTERVAL_S = 3600
# Clinical hard cap: heat or cold at most 20 minutes at a time.
MAX_HEAT_ICE_S = 1200

# One phase of a breath; 4-7-8 breathing (8 s out) is the longest in common use.
MAX_BREATH_PHASE_S = 12
MAX_SKIN_CHECKS = 6
# Never longer than this without looking at the skin under a pack (our
# conservative reading of "check the skin during the interval").
MAX_SKIN_CHECK_GAP_S = 600
MAX_GUIDANCE_LINES = 80
# A bell more often than every half minute interrupts more than it helps.
MIN_BELL_INTERVAL_S = 30

MAX_ID_CHARS = 64
MAX_NAME_CHARS = 80
MAX_SUMMARY_CHARS = 400
MAX_ITEM_CHARS = 400
MAX_PLAN_ITEMS = 30
MAX_PARAGRAPH_CHARS = 800

# Entry and field shown for a problem that concerns a whole file.
WHOLE_FILE = "-"

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with a content file, in words its author can act on."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Dosage:
    """How much of an exercise: either counted reps or one timed interval.

    Seconds are floats; ``tempo_s`` is the time to move through one rep (on
    top of any hold); ``interval_s`` is timed work (heat, ice, breathing,
    meditation, a walk). ``rest_s`` comes between reps and between sets.
    """

    hold_s: float | None = None
    reps: int | None = None
    sets: int = 1
    per_side: bool = False
    rest_s: float = 0
    tempo_s: float | None = None
    interval_s: float | None = None

    @property
    def is_timed(self) -> bool:
        return self.interval_s is not None

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1


@dataclass(frozen=True)
class Level:
    """An easier (regression) or harder (progression) way to do an exercise."""

    kind: str
    description: str
    dosage: Dosage


@dataclass(frozen=True)
class GuidanceLine:
    """A line of guidance, shown or spoken ``at_s`` seconds into the interval."""

    at_s: float
    text: str


@dataclass(frozen=True)
class Breath:
    """One breath of a breathing pacer, in seconds."""

    in_s: float
    out_s: float
    hold_in_s: float = 0
    hold_out_s: float = 0

    @property
    def cycle_s(self) -> float:
        return self.in_s + self.hold_in_s + self.out_s + self.hold_out_s

    @property
    def per_minute(self) -> float:
        return 60 / self.cycle_s


@dataclass(frozen=True)
class Bells:
    """Meditation-timer bells: at the start, every ``interval_s``, at the end."""

    start: bool = True
    end: bool = True
    interval_s: float | None = None


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    category: str
    position: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    cautions: tuple[str, ...]
    dosage: Dosage
    sources: tuple[str, ...]
    levels: tuple[Level, ...] = ()
    skin_checks_s: tuple[float, ...] = ()
    guidance: tuple[GuidanceLine, ...] = ()
    breath: Breath | None = None
    bells: Bells | None = None
    evidence: str | None = None

    def level(self, kind: str) -> Level | None:
        return next((lvl for lvl in self.levels if lvl.kind == kind), None)

    def skin_checks_within(self, interval_s: float) -> tuple[float, ...]:
        """The skin checks that fall inside an interval of this length."""
        return tuple(t for t in self.skin_checks_s if t < interval_s)

    def guidance_within(self, interval_s: float) -> tuple[GuidanceLine, ...]:
        return tuple(line for line in self.guidance if line.at_s < interval_s)


@dataclass(frozen=True)
class EducationCard:
    """A short text about something the app cannot guide (not a session)."""

    id: str
    title: str
    body: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlanItem:
    """One exercise in a plan; ``overrides`` replace fields of its dosage."""

    exercise_id: str
    overrides: Mapping[str, float | int | bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Read-only, so a frozen item cannot be changed through its mapping.
        object.__setattr__(self, "overrides", MappingProxyType(dict(self.overrides)))

    def __hash__(self) -> int:
        return hash((self.exercise_id, tuple(sorted(self.overrides.items()))))

    def dosage_for(self, exercise: Exercise) -> Dosage:
        return dataclasses.replace(exercise.dosage, **self.overrides)


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    summary: str
    items: tuple[PlanItem, ...]
    origin: str = "bundled"
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContentLibrary:
    """All content that loaded, by id (sorted), and what did not load and why."""

    exercises: dict[str, Exercise]
    plans: dict[str, Plan]
    problems: list[ContentProblem]
    education: dict[str, EducationCard] = field(default_factory=dict)

    def item_dosage(self, item: PlanItem) -> Dosage:
        return item.dosage_for(self.exercises[item.exercise_id])


@dataclass(frozen=True)
class ContentDocument:
    """What one file held: the valid entries and the problems."""

    file: str
    exercises: tuple[Exercise, ...] = ()
    plans: tuple[Plan, ...] = ()
    problems: tuple[ContentProblem, ...] = ()
    cards: tuple[EducationCard, ...] = ()


# ------------------------------------------------------------------------ duration


def dosage_duration_s(dosage: Dosage) -> float:
    """Seconds of work and rest in one dosage (formula in the module docstring)."""
    if dosage.interval_s is not None:
        block_s, reps = dosage.interval_s, 1
    else:
        block_s = (dosage.hold_s or 0) + (dosage.tempo_s or 0)
        reps = dosage.reps or 0
    blocks = reps * dosage.sets * dosage.sides
    rests = max(blocks - 1, 0)
    return float(blocks * block_s + rests * dosage.rest_s)


def plan_duration_s(plan: Plan, library: ContentLibrary) -> float:
    """Total seconds of a plan; KeyError if it names an exercise not in the library."""
    return sum((dosage_duration_s(library.item_dosage(item)) for item in plan.items), 0.0)


# ------------------------------------------------------------------ dosage checks


# name -> (lowest, highest, whether the lowest value itself is allowed, unit)
_LIMITS: dict[str, tuple[float, float, bool, str]] = {
    "hold_s": (0, MAX_HOLD_S, False, "seconds"),
    "reps": (1, MAX_REPS, True, ""),
    "sets": (1, MAX_SETS, True, ""),
    "rest_s": (0, MAX_REST_S, True, "seconds"),
    "tempo_s": (0, MAX_TEMPO_S, False, "seconds"),
    "interval_s": (0, MAX_INTERVAL_S, False, "seconds"),
}


def dosage_value_problem(name: str, value: object) -> str | None:
    """Type and range problem of one dosage field, or None when it is fine."""
    if name == "per_side":
        return None if isinstance(value, bool) else f"must be true or false, got {_show(value)}"
    if name in ("reps", "sets"):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number, got {_show(value)}"
    elif isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return f"must be a number of seconds, got {_show(value)}"
    low, high, low_ok, unit = _LIMITS[name]
    assert isinstance(value, int | float)
    if (value < low if low_ok else value <= low) or value > high:
        unit_words = f" {unit}" if unit else ""
        if low_ok:
            return f"must be from {low:g} to {high:g}{unit_words}, got {value:g}"
        return f"must be more than {low:g} and at most {high:g}{unit_words}, got {value:g}"
    return None


def check_dosage(dosage: Dosage, category: str | None = None) -> list[tuple[str, str]]:
    """Problems of a whole dosage as (field, message); "" names the dosage itself.

    Checked in stages so one mistake gives one problem: field ranges first,
    then the shape (timed or counted), then the clinical cap of the category.
    """
    values = {name: getattr(dosage, name) for name in DOSAGE_FIELDS}
    ranges = [
        (name, problem)
        for name, value in values.items()
        if value is not None and (problem := dosage_value_problem(name, value))
    ]
    if ranges:
        return ranges
    shape = _shape_problem(dosage)
    if shape:
        return [shape]
    return _category_problems(dosage, category)


def _shape_problem(dosage: Dosage) -> tuple[str, str] | None:
    counted = [n for n in ("reps", "hold_s", "tempo_s") if getattr(dosage, n) is not None]
    if dosage.is_timed:
        if counted:
            return (
                "interval_s",
                f"cannot go with {', '.join(counted)}: a dosage is either timed "
                "(interval_s) or counted (reps with hold_s and/or tempo_s)",
            )
        return None
    if dosage.reps is None:
        if counted:
            return ("reps", f"is needed with {', '.join(counted)}")
        return ("", "needs either reps (with hold_s and/or tempo_s) or interval_s")
    if dosage.hold_s is None and dosage.tempo_s is None:
        return ("reps", "needs hold_s or tempo_s as well, so the time of a rep is known")
    return None


def _category_problems(dosage: Dosage, category: str | None) -> list[tuple[str, str]]:
    if category in GUIDED_CATEGORIES and dosage.interval_s is None:
        return [("interval_s", f"is required for {category}: its guidance runs on a timer")]
    if category not in HEAT_ICE_CATEGORIES:
        return []
    if dosage.interval_s is None:
        return [("interval_s", f"is required for {category}: it is a timed application")]
    if dosage.interval_s > MAX_HEAT_ICE_S:
        return [
            (
                "interval_s",
                f"must be at most {MAX_HEAT_ICE_S} seconds (20 minutes) for {category}, "
                f"the safe limit for one application; got {dosage.interval_s:g}",
            )
        ]
    total = dosage.interval_s * dosage.sets * dosage.sides
    if total > MAX_HEAT_ICE_S:
        return [
            (
                "sets",
                f"gives {total:g} seconds of {category} in one go (interval_s x sets x "
                f"sides); the safe limit is {MAX_HEAT_ICE_S} seconds (20 minutes)",
            )
        ]
    return []


def skin_check_gap_s(checks: Sequence[float], interval_s: float) -> float:
    """The longest time without a skin check: from the start, between checks, to the end."""
    marks = [0.0, *(t for t in checks if t < interval_s), interval_s]
    return max(b - a for a, b in itertools.pairwise(marks))


def timed_extras_problems(exercise: Exercise, dosage: Dosage) -> list[tuple[str, str]]:
    """Whether an exercise's skin checks and guidance fit a dosage, as (field, message).

    For a level's dosage or a plan's override: a shorter interval must still
    hold at least one skin check and the whole guidance.
    """
    if not (exercise.skin_checks_s or exercise.guidance):
        return []
    if dosage.interval_s is None:
        return [("interval_s", "is needed: this exercise's skin checks or guidance are timed")]
    problems = []
    if exercise.skin_checks_s:
        gap = skin_check_gap_s(exercise.skin_checks_s, dosage.interval_s)
        if gap > MAX_SKIN_CHECK_GAP_S:
            problems.append(
                (
                    "interval_s",
                    f"leaves {gap:g} seconds without a skin check (skin checks at "
                    f"{', '.join(f'{t:g}' for t in exercise.skin_checks_s)} s); "
                    f"the most allowed is {MAX_SKIN_CHECK_GAP_S} seconds",
                )
            )
    if exercise.guidance and exercise.guidance[-1].at_s >= dosage.interval_s:
        last = exercise.guidance[-1].at_s
        problems.append(
            (
                "interval_s",
                f"is too short for the guidance, whose last line is at {last:g} s; "
                f"make it longer than {last:g} seconds",
            )
        )
    return problems


# ------------------------------------------------------------------ field readers


class _Problems:
    """Collects the problems of one entry."""

    def __init__(self, file: str, entry: str) -> None:
        self.file = file
        self.entry = entry
        self.items: list[ContentProblem] = []

    def add(self, field_path: str, message: str) -> None:
        self.items.append(ContentProblem(self.file, self.entry, field_path or WHOLE_FILE, message))


def _show(value: object) -> str:
    """A value the way it looks in a TOML file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime | date | time):
        return f"a date or time ({value})"
    return repr(value)


# Durations are computed, never typed; say so instead of "unknown field".
_COMPUTED_KEYS = ("duration", "duration_s", "total_s", "minutes")


def _check_keys(
    data: Mapping[str, Any],
    known: Sequence[str],
    required: Sequence[str],
    out: _Problems,
    prefix: str = "",
    unknown_hint: str = "is not a known field",
) -> None:
    for key in data:
        if key in _COMPUTED_KEYS:
            out.add(prefix + key, "is not a field: the app works out durations from the dosage")
        elif key not in known:
            out.add(prefix + key, _unknown_message(key, known, unknown_hint))
    for key in required:
        if key not in data:
            out.add(prefix + key, "is required")


def _unknown_message(key: str, known: Sequence[str], hint: str) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"{hint}; did you mean {close[0]!r}?"
    return f"{hint} (known: {', '.join(known)})"


def _read_text(
    data: Mapping[str, Any], key: str, out: _Problems, max_chars: int, prefix: str = ""
) -> str | None:
    if key not in data:
        return None
    return _text_value(data[key], prefix + key, out, max_chars)


def _text_value(value: object, path: str, out: _Problems, max_chars: int) -> str | None:
    if not isinstance(value, str):
        out.add(path, f"must be text, got {_show(value)}")
        return None
    text = value.strip()
    if not text:
        out.add(path, "must not be empty")
        return None
    if len(text) > max_chars:
        out.add(path, f"is longer than {max_chars} characters")
        return None
    return text


def _read_text_list(
    data: Mapping[str, Any],
    key: str,
    out: _Problems,
    min_items: int = 1,
    max_items: int = 12,
    prefix: str = "",
) -> tuple[str, ...] | None:
    if key not in data:
        return None
    path, value = prefix + key, data[key]
    if not isinstance(value, list):
        out.add(path, f"must be a list of text, got {_show(value)}")
        return None
    if not min_items <= len(value) <= max_items:
        out.add(path, f"must have {_count_range(min_items, max_items)}, got {len(value)}")
        return None
    before = len(out.items)
    texts = [_text_value(v, f"{path}[{i}]", out, MAX_ITEM_CHARS) for i, v in enumerate(value, 1)]
    if len(out.items) > before:
        return None
    return tuple(t for t in texts if t is not None)


def _count_range(low: int, high: int) -> str:
    return f"{low} to {high} entries" if low != high else f"{low} entries"


def _read_choice(
    data: Mapping[str, Any], key: str, choices: Sequence[str], out: _Problems
) -> str | None:
    if key not in data:
        return None
    value = data[key]
    if value not in choices or not isinstance(value, str):
        out.add(key, f"must be one of {', '.join(choices)}; got {_show(value)}")
        return None
    return value


def _read_id(value: object, path: str, out: _Problems) -> str | None:
    if not isinstance(value, str) or not _ID_RE.fullmatch(value) or len(value) > MAX_ID_CHARS:
        out.add(
            path,
            "must be lower-case letters, digits and single hyphens, like 'knee-rolls' "
            f"(at most {MAX_ID_CHARS} characters); got {_show(value)}",
        )
        return None
    return value


def _entry_name(data: object, kind: str, index: int) -> str:
    # Name an entry by its id when the id is usable, else by its place in the file.
    if isinstance(data, Mapping):
        ident = data.get("id")
        if isinstance(ident, str) and _ID_RE.fullmatch(ident) and len(ident) <= MAX_ID_CHARS:
            return ident
    return f"{kind} #{index}"


def _read_dosage(value: object, path: str, category: str | None, out: _Problems) -> Dosage | None:
    if not isinstance(value, Mapping):
        out.add(path, f"must be a table of dosage fields, got {_show(value)}")
        return None
    before = len(out.items)
    _check_keys(value, DOSAGE_FIELDS, (), out, f"{path}.", "is not a dosage field")
    for name in DOSAGE_FIELDS:
        if name in value and (problem := dosage_value_problem(name, value[name])):
            out.add(f"{path}.{name}", problem)
    if len(out.items) > before:
        return None
    dosage = Dosage(**dict(value))
    for name, problem in check_dosage(dosage, category):
        out.add(f"{path}.{name}" if name else path, problem)
    return None if len(out.items) > before else dosage


def _read_levels(value: object, category: str | None, out: _Problems) -> tuple[Level, ...] | None:
    if not isinstance(value, Mapping):
        out.add("levels", f"must be a table with regression and/or progression, got {_show(value)}")
        return None
    if not value:
        out.add("levels", "is empty: add regression and/or progression, or leave it out")
        return None
    before = len(out.items)
    _check_keys(value, LEVEL_KINDS, (), out, "levels.", "is not a level")
    levels = []
    for kind in LEVEL_KINDS:
        if kind in value:
            level = _read_level(value[kind], kind, category, out)
            if level is not None:
                levels.append(level)
    return None if len(out.items) > before else tuple(levels)


def _read_level(value: object, kind: str, category: str | None, out: _Problems) -> Level | None:
    path = f"levels.{kind}"
    if not isinstance(value, Mapping):
        out.add(path, f"must be a table with description and dosage, got {_show(value)}")
        return None
    before = len(out.items)
    _check_keys(value, ("description", "dosage"), ("description", "dosage"), out, f"{path}.")
    description = _read_text(value, "description", out, MAX_SUMMARY_CHARS, f"{path}.")
    dosage = None
    if "dosage" in value:
        dosage = _read_dosage(value["dosage"], f"{path}.dosage", category, out)
    if len(out.items) > before or description is None or dosage is None:
        return None
    return Level(kind, description, dosage)


# ------------------------------------------------------------------ timed extras


def _seconds(
    value: object, path: str, out: _Problems, low: float, high: float, low_ok: bool
) -> float | None:
    """A number of seconds in range, or None after adding a problem."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        out.add(path, f"must be a number of seconds, got {_show(value)}")
        return None
    if (value < low if low_ok else value <= low) or value > high:
        lowest = "from" if low_ok else "more than"
        between = f"{low:g} to {high:g}" if low_ok else f"{low:g} and at most {high:g}"
        out.add(path, f"must be {lowest} {between} seconds, got {value:g}")
        return None
    return value


def _inside(interval_s: float | None) -> float:
    # Unknown interval (a dosage problem already reported): check only the type.
    return math.inf if interval_s is None else interval_s


def _belongs(
    data: Mapping[str, Any], key: str, category: str | None, allowed: Sequence[str], out: _Problems
) -> bool:
    """Whether ``key`` may and must be read for this category (a problem if not)."""
    if category is None:
        return key in data  # category already reported; still check the field itself
    if key in data and category not in allowed:
        out.add(key, f"is only for {' and '.join(allowed)} exercises, not {category}")
        return False
    return key in data


def _read_skin_checks(
    data: Mapping[str, Any], category: str | None, interval_s: float | None, out: _Problems
) -> tuple[float, ...]:
    key = "skin_checks_s"
    if category in HEAT_ICE_CATEGORIES and key not in data:
        out.add(key, f"is required for {category}: seconds into the interval to check the skin")
        return ()
    if not _belongs(data, key, category, HEAT_ICE_CATEGORIES, out):
        return ()
    value = data[key]
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_SKIN_CHECKS:
        out.add(key, f"must be a list of 1 to {MAX_SKIN_CHECKS} numbers of seconds")
        return ()
    checks: list[float] = []
    for index, item in enumerate(value, 1):
        path = f"{key}[{index}]"
        seconds = _seconds(item, path, out, 0, _inside(interval_s), False)
        if seconds is None:
            continue
        if seconds == interval_s:
            out.add(path, "is the end of the interval: a skin check must come before it")
        elif checks and seconds <= checks[-1]:
            out.add(path, f"must come after the check before it ({checks[-1]:g} s)")
        else:
            checks.append(seconds)
    if len(checks) == len(value) and interval_s is not None:
        gap = skin_check_gap_s(checks, interval_s)
        if gap > MAX_SKIN_CHECK_GAP_S:
            out.add(
                key,
                f"leaves {gap:g} seconds without a skin check; "
                f"the most allowed is {MAX_SKIN_CHECK_GAP_S} seconds",
            )
    return tuple(checks)


def _read_guidance(
    data: Mapping[str, Any], category: str | None, interval_s: float | None, out: _Problems
) -> tuple[GuidanceLine, ...]:
    key = "guidance"
    if category in GUIDED_CATEGORIES and key not in data:
        out.add(key, f"is required for {category}: timed lines, [[exercise.guidance]]")
        return ()
    if key not in data:
        return ()
    value = data[key]
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_GUIDANCE_LINES:
        out.add(key, f"must be 1 to {MAX_GUIDANCE_LINES} [[exercise.guidance]] tables")
        return ()
    if interval_s is None and "dosage" in data and category not in GUIDED_CATEGORIES:
        # A counted exercise (a valid dosage without interval_s) has no timeline.
        dosage = data["dosage"]
        if isinstance(dosage, Mapping) and "interval_s" not in dosage:
            out.add(key, "needs a timed dosage (interval_s): the lines are timed")
            return ()
    lines: list[GuidanceLine] = []
    for index, item in enumerate(value, 1):
        path = f"{key}[{index}]"
        if not isinstance(item, Mapping):
            out.add(path, f"must be a table with at_s and text, got {_show(item)}")
            continue
        before = len(out.items)
        _check_keys(item, ("at_s", "text"), ("at_s", "text"), out, f"{path}.")
        at_s = None
        if "at_s" in item:
            at_s = _seconds(item["at_s"], f"{path}.at_s", out, 0, _inside(interval_s), True)
        text = _read_text(item, "text", out, MAX_ITEM_CHARS, f"{path}.")
        if len(out.items) > before or at_s is None or text is None:
            continue
        if at_s == interval_s:
            out.add(f"{path}.at_s", "is the end of the interval: a line must come before it")
        elif lines and at_s <= lines[-1].at_s:
            out.add(f"{path}.at_s", f"must come after the line before it ({lines[-1].at_s:g} s)")
        else:
            lines.append(GuidanceLine(at_s, text))
    return tuple(lines)


_BREATH_REQUIRED = ("in_s", "out_s")
_BREATH_FIELDS = ("in_s", "hold_in_s", "out_s", "hold_out_s")


def _read_breath(data: Mapping[str, Any], category: str | None, out: _Problems) -> Breath | None:
    key = "breath"
    if category in BREATH_CATEGORIES and key not in data:
        out.add(key, "is required for breathing: { in_s, hold_in_s, out_s, hold_out_s }")
        return None
    if not _belongs(data, key, category, BREATH_CATEGORIES, out):
        return None
    value = data[key]
    if not isinstance(value, Mapping):
        out.add(key, f"must be a table like {{ in_s = 4, out_s = 4 }}, got {_show(value)}")
        return None
    before = len(out.items)
    _check_keys(value, _BREATH_FIELDS, _BREATH_REQUIRED, out, f"{key}.", "is not a breath phase")
    phases: dict[str, float] = {}
    for name in _BREATH_FIELDS:
        if name in value:
            holds = name.startswith("hold")
            seconds = _seconds(value[name], f"{key}.{name}", out, 0, MAX_BREATH_PHASE_S, holds)
            if seconds is not None:
                phases[name] = seconds
    if len(out.items) > before:
        return None
    return Breath(**phases)


def _read_bells(
    data: Mapping[str, Any], category: str | None, interval_s: float | None, out: _Problems
) -> Bells | None:
    key = "bells"
    if not _belongs(data, key, category, GUIDED_CATEGORIES, out):
        return None
    value = data[key]
    if not isinstance(value, Mapping):
        out.add(key, f"must be a table like {{ start = true, end = true }}, got {_show(value)}")
        return None
    before = len(out.items)
    _check_keys(value, ("start", "interval_s", "end"), (), out, f"{key}.", "is not a bell")
    for name in ("start", "end"):
        if name in value and not isinstance(value[name], bool):
            out.add(f"{key}.{name}", f"must be true or false, got {_show(value[name])}")
    every = None
    if "interval_s" in value:
        every = _seconds(
            value["interval_s"], f"{key}.interval_s", out, MIN_BELL_INTERVAL_S, MAX_INTERVAL_S, True
        )
        if every is not None and interval_s is not None and every >= interval_s:
            out.add(f"{key}.interval_s", f"must be shorter than the interval ({interval_s:g} s)")
    if len(out.items) > before:
        return None
    return Bells(value.get("start", True), value.get("end", True), every)


# ------------------------------------------------------------------------ entries

_EXERCISE_REQUIRED = (
    "id",
    "name",
    "category",
    "position",
    "steps",
    "cues",
    "mistakes",
    "cautions",
    "dosage",
    "sources",
)
_EXERCISE_FIELDS = (
    *_EXERCISE_REQUIRED,
    "levels",
    "evidence",
    "skin_checks_s",
    "guidance",
    "breath",
    "bells",
)
_PLAN_REQUIRED = ("id", "name", "summary", "items")
_PLAN_FIELDS = (*_PLAN_REQUIRED, "sources")
_ITEM_FIELDS = ("exercise", *DOSAGE_FIELDS)


def parse_exercise(
    data: object, file: str, index: int = 1
) -> tuple[Exercise | None, list[ContentProblem]]:
    """One ``[[exercise]]`` table: the exercise, or None and its problems."""
    out = _Problems(file, _entry_name(data, "exercise", index))
    if not isinstance(data, Mapping):
        out.add("", f"must be a table of fields, got {_show(data)}")
        return None, out.items
    _check_keys(data, _EXERCISE_FIELDS, _EXERCISE_REQUIRED, out)
    ident = _read_id(data["id"], "id", out) if "id" in data else None
    name = _read_text(data, "name", out, MAX_NAME_CHARS)
    category = _read_choice(data, "category", CATEGORIES, out)
    position = _read_choice(data, "position", POSITIONS, out)
    steps = _read_text_list(data, "steps", out, 1, 12)
    cues = _read_text_list(data, "cues", out, 2, 4)
    mistakes = _read_text_list(data, "mistakes", out, 1, 8)
    cautions = _read_text_list(data, "cautions", out, 1, 8)
    sources = _read_text_list(data, "sources", out, 1, 8)
    # Without a valid category the clinical caps cannot be judged; the
    # category problem is already reported, so skip them rather than guess.
    dosage = _read_dosage(data["dosage"], "dosage", category, out) if "dosage" in data else None
    levels = _read_levels(data["levels"], category, out) if "levels" in data else ()
    interval_s = dosage.interval_s if dosage else None
    skin_checks = _read_skin_checks(data, category, interval_s, out)
    guidance = _read_guidance(data, category, interval_s, out)
    breath = _read_breath(data, category, out)
    bells = _read_bells(data, category, interval_s, out)
    evidence = _read_text(data, "evidence", out, MAX_SUMMARY_CHARS)
    if out.items:
        return None, out.items
    assert ident and name and category and position and dosage  # all checked above
    assert steps and cues and mistakes and cautions and sources and levels is not None
    exercise = Exercise(
        id=ident,
        name=name,
        category=category,
        position=position,
        steps=steps,
        cues=cues,
        mistakes=mistakes,
        cautions=cautions,
        dosage=dosage,
        sources=sources,
        levels=levels,
        skin_checks_s=skin_checks,
        guidance=guidance,
        breath=breath,
        bells=bells,
        evidence=evidence,
    )
    # Every level must still fit the timed extras (a shorter interval, say).
    for level in levels:
        for name, problem in timed_extras_problems(exercise, level.dosage):
            out.add(f"levels.{level.kind}.dosage.{name}", problem)
    if out.items:
        return None, out.items
    return exercise, []


def parse_plan(
    data: object, file: str, index: int = 1, origin: str = "bundled"
) -> tuple[Plan | None, list[ContentProblem]]:
    """One ``[[plan]]`` table. Whether its exercises exist is checked later,
    by :func:`assemble_library`, once every file has been read."""
    if origin not in ORIGINS:
        raise ValueError(f"origin must be one of {ORIGINS}, got {origin!r}")
    out = _Problems(file, _entry_name(data, "plan", index))
    if not isinstance(data, Mapping):
        out.add("", f"must be a table of fields, got {_show(data)}")
        return None, out.items
    _check_keys(data, _PLAN_FIELDS, _PLAN_REQUIRED, out)
    ident = _read_id(data["id"], "id", out) if "id" in data else None
    name = _read_text(data, "name", out, MAX_NAME_CHARS)
    summary = _read_text(data, "summary", out, MAX_SUMMARY_CHARS)
    sources = _read_text_list(data, "sources", out, 1, 8) if "sources" in data else ()
    items = _read_items(data["items"], out) if "items" in data else None
    if out.items:
        return None, out.items
    assert ident and name and summary and items and sources is not None
    return Plan(ident, name, summary, items, origin, sources), []


def _read_items(value: object, out: _Problems) -> tuple[PlanItem, ...] | None:
    if not isinstance(value, list):
        out.add("items", f"must be a list of [[plan.items]] tables, got {_show(value)}")
        return None
    if not 1 <= len(value) <= MAX_PLAN_ITEMS:
        out.add("items", f"must have {_count_range(1, MAX_PLAN_ITEMS)}, got {len(value)}")
        return None
    items = [_read_item(item, f"items[{i}]", out) for i, item in enumerate(value, 1)]
    if any(item is None for item in items):
        return None
    return tuple(item for item in items if item is not None)


def _read_item(value: object, path: str, out: _Problems) -> PlanItem | None:
    if not isinstance(value, Mapping):
        out.add(path, f"must be a table with an exercise id, got {_show(value)}")
        return None
    before = len(out.items)
    _check_keys(value, _ITEM_FIELDS, ("exercise",), out, f"{path}.", "is not a dosage field")
    exercise_id = (
        _read_id(value["exercise"], f"{path}.exercise", out) if "exercise" in value else None
    )
    overrides = {k: v for k, v in value.items() if k in DOSAGE_FIELDS}
    for name, override in overrides.items():
        if problem := dosage_value_problem(name, override):
            out.add(f"{path}.{name}", problem)
    if len(out.items) > before or exercise_id is None:
        return None
    return PlanItem(exercise_id, overrides)


_CARD_FIELDS = ("id", "title", "body", "sources")


def parse_card(
    data: object, file: str, index: int = 1
) -> tuple[EducationCard | None, list[ContentProblem]]:
    """One ``[[card]]`` table: an education card, or None and its problems."""
    out = _Problems(file, _entry_name(data, "card", index))
    if not isinstance(data, Mapping):
        out.add("", f"must be a table of fields, got {_show(data)}")
        return None, out.items
    _check_keys(data, _CARD_FIELDS, _CARD_FIELDS, out)
    ident = _read_id(data["id"], "id", out) if "id" in data else None
    title = _read_text(data, "title", out, MAX_NAME_CHARS)
    body = _read_paragraphs(data, out)
    sources = _read_text_list(data, "sources", out, 1, 8)
    if out.items:
        return None, out.items
    assert ident and title and body and sources
    return EducationCard(ident, title, body, sources), []


def _read_paragraphs(data: Mapping[str, Any], out: _Problems) -> tuple[str, ...] | None:
    if "body" not in data:
        return None
    value = data["body"]
    if not isinstance(value, list) or not 1 <= len(value) <= 8:
        out.add("body", "must be a list of 1 to 8 paragraphs of text")
        return None
    before = len(out.items)
    texts = [_text_value(v, f"body[{i}]", out, MAX_PARAGRAPH_CHARS) for i, v in enumerate(value, 1)]
    if len(out.items) > before:
        return None
    return tuple(t for t in texts if t is not None)


DOCUMENT_KINDS = ("exercise", "plan", "card")


def parse_document(
    doc: Mapping[str, Any], file: str, *, kind: str, origin: str = "bundled"
) -> ContentDocument:
    """A whole file's table. ``kind`` ("exercise", "plan" or "card") is the
    only top-level key the file may have: an array of tables, ``[[exercise]]``,
    ``[[plan]]`` or ``[[card]]``."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"kind must be one of {DOCUMENT_KINDS}, got {kind!r}")
    out = _Problems(file, WHOLE_FILE)
    where = "user plan files" if origin == "user" else "this file"
    for key in doc:
        if key != kind:
            out.add(key, f"is not allowed here: {where} may hold only [[{kind}]] entries")
    if kind not in doc:
        out.add(kind, f"no [[{kind}]] entries in this file")
        return ContentDocument(file, problems=tuple(out.items))
    entries = doc[kind]
    if not isinstance(entries, list):
        out.add(kind, f"must be an array of tables: write [[{kind}]], not [{kind}]")
        return ContentDocument(file, problems=tuple(out.items))
    problems = list(out.items)
    parsed: list[Any] = []
    for index, entry in enumerate(entries, 1):
        obj: object
        if kind == "exercise":
            obj, entry_problems = parse_exercise(entry, file, index)
        elif kind == "card":
            obj, entry_problems = parse_card(entry, file, index)
        else:
            obj, entry_problems = parse_plan(entry, file, index, origin)
        problems.extend(entry_problems)
        if obj is not None:
            parsed.append(obj)
    if kind == "exercise":
        return ContentDocument(file, exercises=tuple(parsed), problems=tuple(problems))
    if kind == "card":
        return ContentDocument(file, cards=tuple(parsed), problems=tuple(problems))
    return ContentDocument(file, plans=tuple(parsed), problems=tuple(problems))


def file_problem(file: str, message: str) -> ContentProblem:
    """A problem with a whole file (unreadable, not UTF-8, not TOML)."""
    return ContentProblem(file, WHOLE_FILE, WHOLE_FILE, message)


# ------------------------------------------------------------------------ library


def assemble_library(documents: Iterable[ContentDocument]) -> ContentLibrary:
    """Join parsed files into one library, in the order given.

    The first entry with an id wins; later ones are problems. A user plan may
    not reuse a bundled plan's id. A plan is dropped (as a problem) if it
    names an exercise that did not load or its overrides break the dosage.
    """
    docs = list(documents)
    problems = [p for doc in docs for p in doc.problems]
    exercises: dict[str, Exercise] = {}
    ex_files: dict[str, str] = {}
    for doc in docs:
        for exercise in doc.exercises:
            if exercise.id in exercises:
                problems.append(_duplicate(doc.file, exercise.id, "exercise", ex_files))
                continue
            exercises[exercise.id] = exercise
            ex_files[exercise.id] = doc.file
    plans: dict[str, Plan] = {}
    plan_files: dict[str, str] = {}
    for doc in docs:
        for plan in doc.plans:
            if plan.id in plans:
                problems.append(_duplicate_plan(doc.file, plan, plans[plan.id], plan_files))
                continue
            plan_problems = plan_reference_problems(plan, exercises, doc.file)
            if plan_problems:
                problems.extend(plan_problems)
                continue
            plans[plan.id] = plan
            plan_files[plan.id] = doc.file
    cards: dict[str, EducationCard] = {}
    card_files: dict[str, str] = {}
    for doc in docs:
        for card in doc.cards:
            if card.id in cards:
                problems.append(_duplicate(doc.file, card.id, "card", card_files))
                continue
            cards[card.id] = card
            card_files[card.id] = doc.file
    return ContentLibrary(
        exercises=dict(sorted(exercises.items())),
        plans=dict(sorted(plans.items())),
        problems=problems,
        education=dict(sorted(cards.items())),
    )


def _duplicate(file: str, ident: str, kind: str, first_files: Mapping[str, str]) -> ContentProblem:
    return ContentProblem(
        file, ident, "id", f"another {kind} already uses this id (in {first_files[ident]})"
    )


def _duplicate_plan(
    file: str, plan: Plan, first: Plan, first_files: Mapping[str, str]
) -> ContentProblem:
    if plan.origin == "user" and first.origin == "bundled":
        return ContentProblem(
            file,
            plan.id,
            "id",
            "a bundled plan already uses this id; give your plan an id of its own",
        )
    return _duplicate(file, plan.id, "plan", first_files)


def plan_reference_problems(
    plan: Plan, exercises: Mapping[str, Exercise], file: str
) -> list[ContentProblem]:
    """What is wrong with a plan given the exercises that loaded: missing
    exercises, and overrides that break a dosage, its caps or its timed extras."""
    out = _Problems(file, plan.id)
    for index, item in enumerate(plan.items, 1):
        path = f"items[{index}]"
        exercise = exercises.get(item.exercise_id)
        if exercise is None:
            out.add(
                f"{path}.exercise",
                f"names exercise {item.exercise_id!r}, but no exercise with that id loaded",
            )
            continue
        if not item.overrides:
            continue
        # Overrides must leave a dosage that is still whole and within the caps,
        # and still hold the exercise's skin checks and guidance.
        dosage = item.dosage_for(exercise)
        problems = check_dosage(dosage, exercise.category) or timed_extras_problems(
            exercise, dosage
        )
        for name, problem in problems:
            out.add(f"{path}.{name}" if name else path, problem)
    return out.items
