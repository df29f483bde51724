"""Pose files: the keyframes, timing, arrows, highlight and props of one
exercise's illustration, validated strictly, and the animation they make.

Pure Python: the parse function takes the dict ``tomllib`` returns and the
file's name; problems are :class:`~lbp_desktop.domain.content.ContentProblem`
(file, entry, field, message), the same as for exercise files.

A pose file (``resources/poses/<exercise-id>.toml``)::

    exercise = "bridge"          # must match the file name
    view = "side"                # "front" (a side bend), "top" (from above); default "side"
    facing = 1                   # 1: the figure faces right; -1: left
    anchor = "heel_near"         # optional: the point that stays put while moving
    highlight = ["pelvis"]       # segments, points, "belly" or "chest"
    pulse = false                # true: the highlight swells with the breath
    outline = false              # true: a thin outline round each part (limbs
                                 # lying on each other, as seen side-lying)

    [[prop]]                     # mat, chair, wall, pillow, heat-pack, ice-pack
    kind = "mat"
    x = -1.1
    width = 2.2

    [[keyframe]]                 # the first one gives every angle;
    name = "down"                # later ones only what changes from the one before
    root = [0.0, 0.12]           # the point between the hips, metres
    breath = 0.0                 # 0 breathed out .. 1 breathed in
    contacts = ["head", "heel_near", "toe_near"]   # points that touch the floor
    angles = { pelvis = 180, lower_back = 180, ... }
    depth = { thigh_near = 50 }  # optional: degrees a segment points out of the
                                 # picture (drawn shorter); later keyframes inherit

    [[step]]                     # in order, looping; the last returns to the first keyframe
    to = "up"
    move = 0.5                   # fraction of the exercise's tempo (or move_s seconds)
    hold = 1.0                   # fraction of its hold (or hold_s seconds)

    [[arrow]]                    # from a point's place in one keyframe to another
    point = "hip"
    from = "down"
    to = "up"
    offset = [0.0, 0.1]          # metres, shifts the whole arrow
    bend = 0.0                   # sideways bulge as a fraction of its length

Timing: a step's movement takes ``move x tempo_s`` and its hold ``hold x
hold_s`` of the exercise's dosage, so the figure moves at the exercise's
tempo and holds where it holds. Seconds (``move_s``, ``hold_s``) are for
what the dosage does not time, such as a breath.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lbp_desktop.domain.content import WHOLE_FILE, ContentProblem
from lbp_desktop.domain.figure import (
    AREAS,
    MAX_DEPTH,
    POINTS,
    PROP_KINDS,
    SEGMENTS,
    VIEWS,
    ArrowSpec,
    Decor,
    Pose,
    Prop,
    Scene,
    build_scene,
    contacts,
    ease_in_out,
    forward_kinematics,
    interpolate,
    mirror_pose,
    mirror_prop,
    point_radius,
)

# A rep's movement when the dosage gives no tempo (a held stretch).
DEFAULT_TEMPO_S = 4.0
# Shortest movement drawn, so a zero tempo never makes the figure jump.
MIN_MOVE_S = 0.3
MAX_KEYFRAMES = 8
MAX_STEPS = 16
MAX_ARROWS = 4
CONTACT_TOLERANCE = 0.02

_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOP_FIELDS = (
    "exercise",
    "view",
    "facing",
    "anchor",
    "highlight",
    "pulse",
    "outline",
    "prop",
    "keyframe",
    "step",
    "arrow",
)
_TOP_REQUIRED = ("exercise", "keyframe", "step")
_KEYFRAME_FIELDS = ("name", "root", "breath", "contacts", "angles", "depth")
_STEP_FIELDS = ("to", "move", "move_s", "hold", "hold_s")
_ARROW_FIELDS = ("point", "from", "to", "offset", "bend")
_PROP_FIELDS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind -> (required fields, optional fields), besides "kind"
    "mat": (("x", "width"), ()),
    "chair": (("x",), ("side",)),
    "wall": (("x",), ("side",)),
    "pillow": (("x",), ("width", "height")),
    "heat-pack": (("at",), ("surface",)),
    "ice-pack": (("at",), ("surface",)),
}


# ------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Keyframe:
    name: str
    pose: Pose
    contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """Move to keyframe ``to``, then hold there (fractions of the dosage's
    tempo and hold, or seconds)."""

    to: str
    move: float = 0.0
    move_s: float | None = None
    hold: float = 0.0
    hold_s: float | None = None

    def move_time(self, tempo_s: float | None) -> float:
        if self.move_s is not None:
            return self.move_s
        return self.move * (tempo_s if tempo_s else DEFAULT_TEMPO_S)

    def hold_time(self, hold_s: float | None) -> float:
        if self.hold_s is not None:
            return self.hold_s
        return self.hold * (hold_s or 0.0)


@dataclass(frozen=True)
class ArrowRef:
    point: str
    start: str  # keyframe names
    end: str
    offset: tuple[float, float] = (0.0, 0.0)
    bend: float = 0.0


@dataclass(frozen=True)
class PoseSpec:
    """One exercise's illustration."""

    exercise: str
    keyframes: tuple[Keyframe, ...]
    steps: tuple[Step, ...]
    view: str = "side"
    anchor: str | None = None
    highlight: tuple[str, ...] = ()
    pulse: bool = False
    outline: bool = False
    props: tuple[Prop, ...] = ()
    arrows: tuple[ArrowRef, ...] = ()

    def keyframe(self, name: str) -> Keyframe:
        for kf in self.keyframes:
            if kf.name == name:
                return kf
        raise KeyError(name)

    def mirrored(self) -> PoseSpec:
        """The same illustration for the other side."""
        return replace(
            self,
            keyframes=tuple(replace(kf, pose=mirror_pose(kf.pose)) for kf in self.keyframes),
            props=tuple(mirror_prop(p) for p in self.props),
            arrows=tuple(replace(a, offset=(-a.offset[0], a.offset[1]), bend=-a.bend)
                         for a in self.arrows),
        )  # fmt: skip


@dataclass(frozen=True)
class Frame:
    """The figure at one moment: its pose and what is drawn with it."""

    pose: Pose
    decor: Decor
    keyframe: str  # the keyframe moved to (or held) at this moment
    moving: bool

    def scene(self) -> Scene:
        return build_scene(self.pose, self.decor)


# --------------------------------------------------------------------- animation


@dataclass(frozen=True)
class _Phase:
    start: float
    end: float
    source: str
    target: str
    moving: bool


class Animation:
    """A pose spec timed by a dosage: ``frame_at(t)`` for any t (seconds),
    looping. Never reads a clock: the caller says what time it is."""

    def __init__(
        self,
        spec: PoseSpec,
        *,
        tempo_s: float | None = None,
        hold_s: float | None = None,
        mirrored: bool = False,
    ) -> None:
        self.spec = spec.mirrored() if mirrored else spec
        self.mirrored = mirrored
        self.tempo_s = tempo_s
        self.hold_s = hold_s
        phases: list[_Phase] = []
        t = 0.0
        current = self.spec.keyframes[0].name
        for step in self.spec.steps:
            move = step.move_time(tempo_s)
            if step.to != current:
                move = max(move, MIN_MOVE_S)
            if move > 0:
                phases.append(_Phase(t, t + move, current, step.to, True))
                t += move
            hold = step.hold_time(hold_s)
            if hold > 0:
                phases.append(_Phase(t, t + hold, step.to, step.to, False))
                t += hold
            current = step.to
        if t <= 0:  # a single still keyframe
            phases.append(_Phase(0.0, 1.0, current, current, False))
            t = 1.0
        self.phases = tuple(phases)
        self.duration = t

    def _phase(self, t: float) -> tuple[_Phase, float]:
        t = math.fmod(t, self.duration)
        if t < 0:
            t += self.duration
        for phase in self.phases:
            if t < phase.end:
                return phase, t
        return self.phases[-1], self.phases[-1].end

    def frame_at(self, t: float) -> Frame:
        phase, local = self._phase(t)
        spec = self.spec
        a = spec.keyframe(phase.source)
        b = spec.keyframe(phase.target)
        if phase.moving:
            u = ease_in_out((local - phase.start) / (phase.end - phase.start))
            pose = interpolate(a.pose, b.pose, u, anchor=spec.anchor, view=spec.view)
        else:
            pose = b.pose
        # The arrow of the movement under way, or of the one just made.
        source = phase.source
        if not phase.moving:
            source = self._came_from(phase)
        return Frame(pose, self._decor(pose, source, phase.target), phase.target, phase.moving)

    def _came_from(self, phase: _Phase) -> str:
        index = self.phases.index(phase)
        for previous in reversed(self.phases[:index] or self.phases):
            if previous.moving:
                return previous.source
        return phase.source

    def keyframe_frame(self, name: str) -> Frame:
        """A still of one keyframe, with the arrows of the movement into it."""
        kf = self.spec.keyframe(name)
        sources = [p.source for p in self.phases if p.moving and p.target == name]
        source = sources[0] if sources else name
        return Frame(kf.pose, self._decor(kf.pose, source, name), name, False)

    def _decor(self, pose: Pose, source: str, target: str) -> Decor:
        spec = self.spec
        arrows = tuple(
            _arrow_spec(spec, ref)
            for ref in spec.arrows
            if (ref.start, ref.end) == (source, target)
        )
        strength = 0.35 + 0.65 * pose.breath if spec.pulse else 1.0
        return Decor(spec.view, spec.props, spec.highlight, strength, arrows, spec.outline)

    def all_frames(self, samples: int = 24) -> list[Frame]:
        """Keyframes and evenly spaced moments of one cycle (for fitting a view)."""
        frames = [self.keyframe_frame(kf.name) for kf in self.spec.keyframes]
        frames += [self.frame_at(self.duration * i / samples) for i in range(samples)]
        return frames


# A small movement (a pelvic tilt) would give an arrow that reads as a dot:
# such arrows are drawn at least this long, centred on the movement.
MIN_ARROW_M = 0.12


def _arrow_spec(spec: PoseSpec, ref: ArrowRef) -> ArrowSpec:
    p = forward_kinematics(spec.keyframe(ref.start).pose, spec.view)[ref.point]
    q = forward_kinematics(spec.keyframe(ref.end).pose, spec.view)[ref.point]
    dx, dy = ref.offset
    start, end = (p[0] + dx, p[1] + dy), (q[0] + dx, q[1] + dy)
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    if 0 < length < MIN_ARROW_M:
        grow = (MIN_ARROW_M / length - 1) / 2
        vx, vy = end[0] - start[0], end[1] - start[1]
        start = (start[0] - vx * grow, start[1] - vy * grow)
        end = (end[0] + vx * grow, end[1] + vy * grow)
    return ArrowSpec(start, end, ref.bend)


def contact_problems(spec: PoseSpec, file: str = "") -> list[ContentProblem]:
    """Expected floor contacts that do not touch, and parts through the floor."""
    problems = []
    for kf in spec.keyframes:
        pts = forward_kinematics(kf.pose, spec.view)
        touching = contacts(kf.pose, spec.view, CONTACT_TOLERANCE)
        for name in kf.contacts:
            if name not in touching:
                gap = pts[name][1] - point_radius(name, spec.view)
                problems.append(
                    ContentProblem(
                        file, kf.name, "contacts", f"{name} is {gap:+.3f} m from the floor"
                    )
                )
        for name, (_, y) in pts.items():
            gap = y - point_radius(name, spec.view)
            if gap < -CONTACT_TOLERANCE:
                problems.append(
                    ContentProblem(
                        file, kf.name, "angles", f"{name} is {-gap:.3f} m under the floor"
                    )
                )
    return problems


# ----------------------------------------------------------------------- parsing


class _Out:
    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[ContentProblem] = []

    def add(self, entry: str, field: str, message: str) -> None:
        self.items.append(ContentProblem(self.file, entry, field or WHOLE_FILE, message))


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _check_keys(
    data: Mapping[str, Any],
    known: Sequence[str],
    required: Sequence[str],
    out: _Out,
    entry: str,
) -> None:
    for key in data:
        if key not in known:
            out.add(entry, key, f"is not a known field (known: {', '.join(known)})")
    for key in required:
        if key not in data:
            out.add(entry, key, "is required")


def _read_pair(value: object, entry: str, field: str, out: _Out) -> tuple[float, float] | None:
    if isinstance(value, list) and len(value) == 2 and all(_number(v) is not None for v in value):
        return (float(value[0]), float(value[1]))
    out.add(entry, field, f"must be two finite numbers [x, y] in metres, got {_show(value)}")
    return None


def _read_num(
    data: Mapping[str, Any],
    key: str,
    entry: str,
    out: _Out,
    low: float,
    high: float,
) -> float | None:
    if key not in data:
        return None
    value = _number(data[key])
    if value is None:
        out.add(entry, key, f"must be a finite number, got {_show(data[key])}")
        return None
    if not low <= value <= high:
        out.add(entry, key, f"must be from {low:g} to {high:g}, got {value:g}")
        return None
    return value


def _read_names(
    value: object, allowed: Sequence[str], entry: str, field: str, out: _Out
) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        out.add(entry, field, f"must be a list of names, got {_show(value)}")
        return None
    bad = [v for v in value if v not in allowed]
    if bad:
        out.add(entry, field, f"unknown {', '.join(map(repr, bad))} (known: {', '.join(allowed)})")
        return None
    return tuple(value)


def _read_choice(value: object, allowed: Sequence[Any], entry: str, field: str, out: _Out) -> Any:
    if isinstance(value, bool) or value not in allowed:
        shown = ", ".join(map(str, allowed))
        out.add(entry, field, f"must be one of {shown}; got {_show(value)}")
        return None
    return value


def _tables(
    doc: Mapping[str, Any], key: str, out: _Out, low: int, high: int
) -> list[Mapping[str, Any]] | None:
    if key not in doc:
        return [] if low == 0 else None
    value = doc[key]
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        out.add(WHOLE_FILE, key, f"must be an array of tables: write [[{key}]]")
        return None
    if not low <= len(value) <= high:
        out.add(WHOLE_FILE, key, f"must have {low} to {high} entries, got {len(value)}")
        return None
    return value


def parse_pose_document(
    doc: Mapping[str, Any], file: str, expected_id: str | None = None
) -> tuple[PoseSpec | None, list[ContentProblem]]:
    """A pose file's table: the spec, or None and every problem found."""
    out = _Out(file)
    top = WHOLE_FILE
    _check_keys(doc, _TOP_FIELDS, _TOP_REQUIRED, out, top)
    exercise = doc.get("exercise")
    if "exercise" in doc and (not isinstance(exercise, str) or not _NAME_RE.fullmatch(exercise)):
        out.add(top, "exercise", f"must be an exercise id like 'cat-cow', got {_show(exercise)}")
        exercise = None
    elif expected_id is not None and exercise is not None and exercise != expected_id:
        out.add(top, "exercise", f"is {exercise!r} but the file is named for {expected_id!r}")
    view = _read_choice(doc.get("view", "side"), VIEWS, top, "view", out)
    facing = _read_choice(doc.get("facing", 1), (1, -1), top, "facing", out)
    anchor = None
    if "anchor" in doc:
        anchor = _read_choice(doc["anchor"], POINTS, top, "anchor", out)
    highlight: tuple[str, ...] | None = ()
    if "highlight" in doc:
        allowed = (*SEGMENTS, *POINTS, *AREAS)
        highlight = _read_names(doc["highlight"], allowed, top, "highlight", out)
    pulse = doc.get("pulse", False)
    if not isinstance(pulse, bool):
        out.add(top, "pulse", f"must be true or false, got {_show(pulse)}")
    outline = doc.get("outline", False)
    if not isinstance(outline, bool):
        out.add(top, "outline", f"must be true or false, got {_show(outline)}")

    props = _read_props(doc, out)
    keyframes = _read_keyframes(doc, out, facing if facing in (1, -1) else 1)
    names = [kf.name for kf in keyframes or ()]
    steps = _read_steps(doc, names, out)
    arrows = _read_arrows(doc, names, out)
    if out.items:
        return None, out.items
    assert keyframes and steps is not None and arrows is not None and props is not None
    assert isinstance(exercise, str) and highlight is not None
    spec = PoseSpec(
        exercise=exercise,
        keyframes=tuple(keyframes),
        steps=tuple(steps),
        view=view,
        anchor=anchor,
        highlight=highlight,
        pulse=pulse,
        outline=outline,
        props=tuple(props),
        arrows=tuple(arrows),
    )
    return spec, []


def _read_props(doc: Mapping[str, Any], out: _Out) -> list[Prop] | None:
    tables = _tables(doc, "prop", out, 0, 6)
    if tables is None:
        return None
    props = []
    for i, table in enumerate(tables, 1):
        entry = f"prop #{i}"
        before = len(out.items)
        kind = _read_choice(table.get("kind"), PROP_KINDS, entry, "kind", out)
        if kind is None:
            continue
        required, optional = _PROP_FIELDS[kind]
        _check_keys(table, ("kind", *required, *optional), ("kind", *required), out, entry)
        fields: dict[str, Any] = {"kind": kind}
        for key in ("x", "width", "height"):
            if key in table:
                low = -5.0 if key == "x" else 0.01
                fields[key] = _read_num(table, key, entry, out, low, 5.0)
        if "side" in table:
            fields["side"] = _read_choice(table["side"], (1, -1), entry, "side", out)
        if "at" in table:
            fields["at"] = _read_choice(table["at"], SEGMENTS, entry, "at", out)
        if "surface" in table:
            fields["surface"] = _read_choice(table["surface"], ("back", "front"), entry,
                                             "surface", out)  # fmt: skip
        if len(out.items) == before:
            props.append(Prop(**fields))
    return props


def _read_keyframes(doc: Mapping[str, Any], out: _Out, facing: int) -> list[Keyframe] | None:
    tables = _tables(doc, "keyframe", out, 1, MAX_KEYFRAMES)
    if tables is None:
        if "keyframe" not in doc:
            return None
        return None
    keyframes: list[Keyframe] = []
    previous: dict[str, float] | None = None
    previous_depth: dict[str, float] = {}
    seen: set[str] = set()
    for i, table in enumerate(tables, 1):
        raw_name = table.get("name")
        ok_name = isinstance(raw_name, str) and _NAME_RE.fullmatch(raw_name)
        entry = raw_name if ok_name else f"keyframe #{i}"
        before = len(out.items)
        # Only the first keyframe must give angles; later ones inherit what they leave out.
        required = ("name", "root", "angles") if i == 1 else ("name", "root")
        _check_keys(table, _KEYFRAME_FIELDS, required, out, entry)
        if "name" in table and not ok_name:
            out.add(entry, "name", f"must be a short name like 'up', got {_show(raw_name)}")
        elif ok_name and raw_name in seen:
            out.add(entry, "name", "another keyframe already has this name")
        root = _read_pair(table["root"], entry, "root", out) if "root" in table else None
        breath = _read_num(table, "breath", entry, out, 0.0, 1.0)
        touching: tuple[str, ...] | None = ()
        if "contacts" in table:
            touching = _read_names(table["contacts"], POINTS, entry, "contacts", out)
        angles = previous
        if "angles" in table:
            angles = _read_angles(table["angles"], entry, out, previous)
        depth: dict[str, float] | None = previous_depth
        if "depth" in table:
            depth = _read_depth(table["depth"], entry, out, previous_depth)
        if (
            len(out.items) > before
            or root is None
            or angles is None
            or touching is None
            or depth is None
        ):
            continue
        assert isinstance(raw_name, str)
        seen.add(raw_name)
        previous = angles
        previous_depth = depth
        pose = Pose(root, angles, facing, breath if breath is not None else 0.0, depth)
        keyframes.append(Keyframe(raw_name, pose, touching))
    return keyframes if len(keyframes) == len(tables) else None


def _read_angles(
    value: object, entry: str, out: _Out, previous: Mapping[str, float] | None
) -> dict[str, float] | None:
    if not isinstance(value, Mapping):
        out.add(
            entry, "angles", f"must be a table of segment angles in degrees, got {_show(value)}"
        )
        return None
    before = len(out.items)
    angles = dict(previous or {})
    for key, raw in value.items():
        if key not in SEGMENTS:
            out.add(entry, f"angles.{key}", f"is not a segment (known: {', '.join(SEGMENTS)})")
            continue
        number = _number(raw)
        if number is None or not -360 <= number <= 360:
            out.add(entry, f"angles.{key}", f"must be degrees from -360 to 360, got {_show(raw)}")
            continue
        angles[key] = number
    if previous is None:
        missing = [s for s in SEGMENTS if s not in angles]
        if missing:
            out.add(
                entry,
                "angles",
                f"the first keyframe must give every segment; missing {', '.join(missing)}",
            )
    return None if len(out.items) > before else angles


def _read_depth(
    value: object, entry: str, out: _Out, previous: Mapping[str, float]
) -> dict[str, float] | None:
    if not isinstance(value, Mapping):
        out.add(entry, "depth", f"must be a table of segment depths in degrees, got {_show(value)}")
        return None
    before = len(out.items)
    depth = dict(previous)
    for key, raw in value.items():
        if key not in SEGMENTS:
            out.add(entry, f"depth.{key}", f"is not a segment (known: {', '.join(SEGMENTS)})")
            continue
        number = _number(raw)
        if number is None or not -MAX_DEPTH <= number <= MAX_DEPTH:
            out.add(
                entry,
                f"depth.{key}",
                f"must be degrees from {-MAX_DEPTH:g} to {MAX_DEPTH:g}, got {_show(raw)}",
            )
            continue
        depth[key] = number
    return None if len(out.items) > before else depth


def _read_steps(doc: Mapping[str, Any], names: Sequence[str], out: _Out) -> list[Step] | None:
    tables = _tables(doc, "step", out, 1, MAX_STEPS)
    if tables is None:
        return None
    steps = []
    for i, table in enumerate(tables, 1):
        entry = f"step #{i}"
        before = len(out.items)
        _check_keys(table, _STEP_FIELDS, ("to",), out, entry)
        to = table.get("to")
        if "to" in table and (not isinstance(to, str) or (names and to not in names)):
            out.add(entry, "to", f"must name a keyframe ({', '.join(names)}), got {_show(to)}")
        move = _read_num(table, "move", entry, out, 0.0, 4.0)
        move_s = _read_num(table, "move_s", entry, out, 0.0, 60.0)
        hold = _read_num(table, "hold", entry, out, 0.0, 4.0)
        hold_s = _read_num(table, "hold_s", entry, out, 0.0, 120.0)
        for a, b in (("move", "move_s"), ("hold", "hold_s")):
            if a in table and b in table:
                out.add(entry, b, f"give either {a} (a fraction of the dosage) or {b}, not both")
        if len(out.items) == before and isinstance(to, str):
            steps.append(Step(to, move or 0.0, move_s, hold or 0.0, hold_s))
    if len(steps) != len(tables):
        return None
    if names and steps and steps[-1].to != names[0]:
        out.add(
            f"step #{len(steps)}",
            "to",
            f"the last step must return to the first keyframe ({names[0]!r}) so the loop is smooth",
        )
        return None
    return steps


def _read_arrows(doc: Mapping[str, Any], names: Sequence[str], out: _Out) -> list[ArrowRef] | None:
    tables = _tables(doc, "arrow", out, 0, MAX_ARROWS)
    if tables is None:
        return None
    arrows = []
    for i, table in enumerate(tables, 1):
        entry = f"arrow #{i}"
        before = len(out.items)
        _check_keys(table, _ARROW_FIELDS, ("point", "from", "to"), out, entry)
        point = (
            _read_choice(table["point"], POINTS, entry, "point", out) if "point" in table else None
        )
        ends = []
        for key in ("from", "to"):
            value = table.get(key)
            if key in table and (not isinstance(value, str) or (names and value not in names)):
                out.add(
                    entry, key, f"must name a keyframe ({', '.join(names)}), got {_show(value)}"
                )
            ends.append(value)
        offset = (0.0, 0.0)
        if "offset" in table:
            offset = _read_pair(table["offset"], entry, "offset", out) or offset
        bend = _read_num(table, "bend", entry, out, -1.0, 1.0)
        if len(out.items) == before and point is not None:
            arrows.append(ArrowRef(point, ends[0], ends[1], offset, bend or 0.0))
    return arrows if len(arrows) == len(tables) else None
