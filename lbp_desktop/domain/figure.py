"""An articulated 2-D figure for exercise illustrations: skeleton, forward
kinematics, interpolation, mirroring, contacts and a drawing of simple shapes.

Pure Python: no Qt. The views paint the :class:`Scene` this module builds.

World coordinates are metres with the floor line at ``y = 0`` and ``y`` up.
Every segment has a fixed length (adult proportions, about 1.8 m tall) and an
*absolute* angle in degrees: 0 points forward along +x, 90 straight up, -90
straight down. A pose is those angles plus the root: the point between the
hip joints and the pelvis angle. Forward kinematics chains the segments from
the root, so lengths never change whatever the angles.

``facing`` is +1 when the figure's front is towards +x and -1 towards -x; it
says which side of the head is the face and which side of the foot is the
sole. Mirroring (the other side of a per-side exercise) flips x, turns every
angle ``a`` into ``180 - a`` and flips ``facing``: the same keyframes, drawn
for the other side.

Limbs come in pairs, ``near`` (towards the viewer, drawn darker and on top)
and ``far``. In the ``side`` view the pair shares the hip and shoulder
joints; in the ``front`` view (a side bend, seen from the front) the hips and
shoulders sit a body's width apart.

The ``top`` view looks down on a figure lying on the floor: the picture's
``y`` runs across the floor (the mat spans ``0 <= y <= TOP_MAT_WIDTH``), the
hips and shoulders sit a body's width apart as in the front view, and no
floor line is drawn. A pose may give segments a ``depth``: how many degrees
a segment points out of the picture (towards or away from the viewer); it is
drawn ``cos(depth)`` as long, so a bent knee seen from above or a thigh
pointing at the viewer looks foreshortened. Without depths (every pose before
the top view) nothing changes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

Point = tuple[float, float]

VIEWS = ("side", "front", "top")
SIDES = ("near", "far")

# Segment: (name, parent point, child point, length m). The torso chain is
# pelvis -> lower back -> upper back -> neck -> head; limbs hang from the
# hip and shoulder points of their side.
TORSO_SEGMENTS = ("pelvis", "lower_back", "upper_back", "neck", "head")
ARM_SEGMENTS = ("upper_arm", "forearm", "hand")
LEG_SEGMENTS = ("thigh", "shin", "foot")
SEGMENTS: tuple[str, ...] = (
    *TORSO_SEGMENTS,
    *(f"{seg}_{side}" for side in SIDES for seg in ARM_SEGMENTS),
    *(f"{seg}_{side}" for side in SIDES for seg in LEG_SEGMENTS),
)

LENGTHS: Mapping[str, float] = MappingProxyType(
    {
        "pelvis": 0.10,
        "lower_back": 0.20,
        "upper_back": 0.24,
        "neck": 0.08,
        "head": 0.12,  # top of the neck to the centre of the head
        "upper_arm": 0.30,
        "forearm": 0.26,
        "hand": 0.08,
        "thigh": 0.45,
        "shin": 0.43,
        "foot": 0.15,  # ankle to toe along the sole (side view)
    }
)
HEAD_RADIUS = 0.115
FOOT_FRONT_LENGTH = 0.07  # a foot seen from the front points at the viewer: short
SHOULDER_DROP = 0.05  # shoulder joint sits this far below the base of the neck
SHOULDER_FORWARD = 0.04  # and this far in front of the spine (side view)
HIP_HALF_WIDTH = {"side": 0.0, "front": 0.09, "top": 0.09}
SHOULDER_HALF_WIDTH = {"side": 0.0, "front": 0.17, "top": 0.17}
MAX_DEPTH = 85.0  # degrees out of the picture a segment may point
TOP_MAT_WIDTH = 0.9  # seen from above, a mat spans y = 0 .. this
KNEECAP_MIN_DEPTH = 30.0  # seen from above, a thigh this steep has its knee up
KNEECAP_RADIUS = 0.04  # and a lighter disc marks the top of that knee

# Half-thickness of each segment at its (parent, child) ends: limbs taper.
_TORSO_RADII = {
    "side": {
        "pelvis": (0.12, 0.11),
        "lower_back": (0.105, 0.105),
        "upper_back": (0.11, 0.12),
        "neck": (0.045, 0.045),
    },
    "front": {
        "pelvis": (0.16, 0.14),
        "lower_back": (0.13, 0.135),
        "upper_back": (0.14, 0.16),
        "neck": (0.05, 0.05),
    },
}
_TORSO_RADII["top"] = _TORSO_RADII["front"]
LIMB_RADII: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "upper_arm": (0.05, 0.042),
        "forearm": (0.04, 0.032),
        "hand": (0.032, 0.028),
        "thigh": (0.08, 0.058),
        "shin": (0.055, 0.04),
        "foot": (0.035, 0.03),
    }
)
FOOT_SOLE = 0.035  # the sole is this far from the ankle-to-toe line
HEEL_BACK = 0.045  # the heel sticks out behind the ankle
BREATH_SWELL = 0.025  # how much the belly and chest swell on a full breath in

# Named points (joints and ends) forward kinematics reports.
POINTS: tuple[str, ...] = (
    "hip",
    "sacrum",
    "waist",
    "neck_base",
    "neck_top",
    "head",
    *(f"{p}_{side}" for side in SIDES for p in ("shoulder", "elbow", "wrist", "hand")),
    *(f"{p}_{side}" for side in SIDES for p in ("hip", "knee", "ankle", "heel", "toe")),
)

# Areas a highlight may name besides segments and points.
AREAS = ("belly", "chest")


def point_radius(name: str, view: str = "side") -> float:
    """How far the drawing reaches around a point: a point touches the floor
    when its height equals this radius."""
    torso = _TORSO_RADII[view]
    base = name.rsplit("_", 1)[0] if name.endswith(("_near", "_far")) else name
    table = {
        "hip": torso["pelvis"][0],
        "sacrum": max(torso["pelvis"][1], torso["lower_back"][0]),
        "waist": max(torso["lower_back"][1], torso["upper_back"][0]),
        "neck_base": torso["upper_back"][1],
        "neck_top": torso["neck"][1],
        "head": HEAD_RADIUS,
        "shoulder": (
            torso["upper_back"][1] - SHOULDER_FORWARD
            if view == "side"
            else LIMB_RADII["upper_arm"][0]
        ),
        "elbow": LIMB_RADII["upper_arm"][1],
        "wrist": LIMB_RADII["forearm"][1],
        "hand": LIMB_RADII["hand"][1],
        "knee": LIMB_RADII["thigh"][1],
        "ankle": LIMB_RADII["shin"][1],
        "heel": LIMB_RADII["foot"][0],
        "toe": LIMB_RADII["foot"][1],
    }
    if name == "hip" or base != "hip":
        return table[base]
    return LIMB_RADII["thigh"][0] if view == "front" else torso["pelvis"][0]


# ------------------------------------------------------------------------- poses


@dataclass(frozen=True)
class Pose:
    """Root position (the point between the hips), absolute segment angles
    in degrees, which way the figure faces, and how full the breath is (0-1)."""

    root: Point
    angles: Mapping[str, float]
    facing: int = 1
    breath: float = 0.0
    depth: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = [s for s in SEGMENTS if s not in self.angles]
        unknown = [s for s in self.angles if s not in SEGMENTS]
        if missing or unknown:
            raise ValueError(f"pose angles: missing {missing}, unknown {unknown}")
        if self.facing not in (1, -1):
            raise ValueError("facing must be 1 or -1")
        bad_depth = [s for s, d in self.depth.items() if s not in SEGMENTS or abs(d) > MAX_DEPTH]
        if bad_depth:
            raise ValueError(f"pose depth: unknown or beyond {MAX_DEPTH:g} degrees: {bad_depth}")
        object.__setattr__(self, "angles", MappingProxyType(dict(self.angles)))
        object.__setattr__(self, "depth", MappingProxyType(dict(self.depth)))

    def __hash__(self) -> int:
        return hash(
            (
                self.root,
                tuple(self.angles[s] for s in SEGMENTS),
                self.facing,
                self.breath,
                tuple(sorted(self.depth.items())),
            )
        )

    def drawn_length(self, segment: str) -> float:
        """A segment's length as drawn: shorter the more it points out of the picture."""
        base = segment.rsplit("_", 1)[0] if segment.endswith(("_near", "_far")) else segment
        return LENGTHS[base] * _depth_scale(self, segment)


def _depth_scale(pose: Pose, segment: str) -> float:
    d = pose.depth.get(segment, 0.0)
    return math.cos(math.radians(d)) if d else 1.0


def _dir(degrees: float) -> Point:
    rad = math.radians(degrees)
    return math.cos(rad), math.sin(rad)


def _add(p: Point, v: Point, k: float = 1.0) -> Point:
    return p[0] + k * v[0], p[1] + k * v[1]


def forward_kinematics(pose: Pose, view: str = "side") -> dict[str, Point]:
    """Every named point of the figure (see :data:`POINTS`) in world metres."""
    a = pose.angles
    length = pose.drawn_length
    pts: dict[str, Point] = {"hip": pose.root}
    pts["sacrum"] = _add(pose.root, _dir(a["pelvis"]), length("pelvis"))
    pts["waist"] = _add(pts["sacrum"], _dir(a["lower_back"]), length("lower_back"))
    pts["neck_base"] = _add(pts["waist"], _dir(a["upper_back"]), length("upper_back"))
    pts["neck_top"] = _add(pts["neck_base"], _dir(a["neck"]), length("neck"))
    pts["head"] = _add(pts["neck_top"], _dir(a["head"]), length("head"))
    # The shoulder joint sits a little below the base of the neck and in front of the spine.
    shoulder = _add(pts["neck_base"], _dir(a["upper_back"]), -SHOULDER_DROP)
    if view == "side":
        shoulder = _add(shoulder, _dir(a["upper_back"] - 90 * pose.facing), SHOULDER_FORWARD)
    across_chest = _dir(a["upper_back"] + 90 * pose.facing)
    across_hips = _dir(a["pelvis"] + 90 * pose.facing)
    for sign, side in ((1, "near"), (-1, "far")):
        # In the front view the near arm and leg are the figure's right ones,
        # seen on the viewer's left.
        sh = _add(shoulder, across_chest, sign * SHOULDER_HALF_WIDTH[view])
        pts[f"shoulder_{side}"] = sh
        pts[f"elbow_{side}"] = _add(sh, _dir(a[f"upper_arm_{side}"]), length(f"upper_arm_{side}"))
        pts[f"wrist_{side}"] = _add(
            pts[f"elbow_{side}"], _dir(a[f"forearm_{side}"]), length(f"forearm_{side}")
        )
        pts[f"hand_{side}"] = _add(
            pts[f"wrist_{side}"], _dir(a[f"hand_{side}"]), length(f"hand_{side}")
        )
        hp = _add(pose.root, across_hips, sign * HIP_HALF_WIDTH[view])
        pts[f"hip_{side}"] = hp
        pts[f"knee_{side}"] = _add(hp, _dir(a[f"thigh_{side}"]), length(f"thigh_{side}"))
        ankle = _add(pts[f"knee_{side}"], _dir(a[f"shin_{side}"]), length(f"shin_{side}"))
        pts[f"ankle_{side}"] = ankle
        along = _dir(a[f"foot_{side}"])
        foot_scale = _depth_scale(pose, f"foot_{side}")
        if view == "top":  # seen from above: the foot from the ankle to the toes
            pts[f"heel_{side}"] = ankle
            pts[f"toe_{side}"] = _add(ankle, along, LENGTHS["foot"] * foot_scale)
            continue
        if view == "side":
            sole = _dir(a[f"foot_{side}"] - 90 * pose.facing)
        else:  # seen from the front, a sole is always on the floor side of the foot
            sole = _dir(a[f"foot_{side}"] - math.copysign(90, _dir(a[f"foot_{side}"])[0]))
        foot_len = (LENGTHS["foot"] if view == "side" else FOOT_FRONT_LENGTH) * foot_scale
        base = _add(ankle, sole, FOOT_SOLE)
        heel_back = (-HEEL_BACK if view == "side" else 0.0) * foot_scale
        pts[f"heel_{side}"] = _add(base, along, heel_back)
        pts[f"toe_{side}"] = _add(base, along, foot_len)
    return pts


def segment_ends(view: str = "side") -> dict[str, tuple[str, str]]:
    """Segment name -> the two named points it joins (for lengths and highlights)."""
    ends = {
        "pelvis": ("hip", "sacrum"),
        "lower_back": ("sacrum", "waist"),
        "upper_back": ("waist", "neck_base"),
        "neck": ("neck_base", "neck_top"),
        "head": ("neck_top", "head"),
    }
    for side in SIDES:
        ends[f"upper_arm_{side}"] = (f"shoulder_{side}", f"elbow_{side}")
        ends[f"forearm_{side}"] = (f"elbow_{side}", f"wrist_{side}")
        ends[f"hand_{side}"] = (f"wrist_{side}", f"hand_{side}")
        ends[f"thigh_{side}"] = (f"hip_{side}", f"knee_{side}")
        ends[f"shin_{side}"] = (f"knee_{side}", f"ankle_{side}")
        ends[f"foot_{side}"] = (f"heel_{side}", f"toe_{side}")
    return ends


def segment_lengths(
    points: Mapping[str, Point], view: str = "side", depth: Mapping[str, float] | None = None
) -> dict[str, float]:
    """Drawn lengths; with a pose's ``depth``, the real (unforeshortened) lengths."""
    out = {name: math.dist(points[a], points[b]) for name, (a, b) in segment_ends(view).items()}
    for name, d in (depth or {}).items():
        if d:
            out[name] /= math.cos(math.radians(d))
    return out


def _wrap(degrees: float) -> float:
    """An angle in (-180, 180]."""
    d = math.fmod(degrees, 360.0)
    if d <= -180:
        d += 360
    elif d > 180:
        d -= 360
    return d


def joint_angles(pose: Pose) -> dict[str, float]:
    """Flexion of the knees and elbows in degrees (0 straight, positive bent
    the way the joint bends), and of the hips (positive: thigh forward)."""
    a, f = pose.angles, pose.facing
    out: dict[str, float] = {}
    for side in SIDES:
        out[f"knee_{side}"] = _wrap((a[f"thigh_{side}"] - a[f"shin_{side}"]) * f)
        out[f"elbow_{side}"] = _wrap((a[f"forearm_{side}"] - a[f"upper_arm_{side}"]) * f)
        # Hip: angle from the line of the pelvis, continued down, to the thigh.
        out[f"hip_{side}"] = _wrap((a[f"thigh_{side}"] - (a["pelvis"] + 180)) * f)
    return out


# ----------------------------------------------------------- mirror, interpolation


def mirror_point(p: Point) -> Point:
    return -p[0], p[1]


def mirror_pose(pose: Pose) -> Pose:
    """The same pose for the other side: flipped left to right about x = 0."""
    return Pose(
        root=mirror_point(pose.root),
        angles={name: _wrap(180.0 - value) for name, value in pose.angles.items()},
        facing=-pose.facing,
        breath=pose.breath,
        depth=pose.depth,
    )


def ease_in_out(u: float) -> float:
    """Smooth start and stop (a sine ease): 0 -> 0, 1 -> 1, slope 0 at both ends."""
    u = min(max(u, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * u)


def lerp_angle(a: float, b: float, u: float) -> float:
    """From a to b the short way round."""
    return _wrap(a + _wrap(b - a) * u)


def interpolate(
    a: Pose, b: Pose, u: float, *, anchor: str | None = None, view: str = "side"
) -> Pose:
    """The pose a fraction ``u`` (0-1, not eased here) of the way from a to b.

    Angles turn the short way round. Without an anchor the root moves in a
    straight line; with one (a point such as ``heel_near``) that point moves
    in a straight line instead, so a foot planted in both keyframes stays
    planted throughout.
    """
    if a.facing != b.facing:
        raise ValueError("cannot interpolate between poses facing different ways")
    u = min(max(u, 0.0), 1.0)
    angles = {s: lerp_angle(a.angles[s], b.angles[s], u) for s in SEGMENTS}
    root = _lerp_point(a.root, b.root, u)
    depth = {
        s: a.depth.get(s, 0.0) + (b.depth.get(s, 0.0) - a.depth.get(s, 0.0)) * u
        for s in SEGMENTS
        if s in a.depth or s in b.depth
    }
    pose = Pose(root, angles, a.facing, a.breath + (b.breath - a.breath) * u, depth)
    if anchor is None:
        return pose
    want = _lerp_point(forward_kinematics(a, view)[anchor], forward_kinematics(b, view)[anchor], u)
    have = forward_kinematics(pose, view)[anchor]
    shifted = (root[0] + want[0] - have[0], root[1] + want[1] - have[1])
    return replace(pose, root=shifted)


def _lerp_point(p: Point, q: Point, u: float) -> Point:
    return p[0] + (q[0] - p[0]) * u, p[1] + (q[1] - p[1]) * u


# ----------------------------------------------------------------------- contacts


def contacts(pose: Pose, view: str = "side", tolerance: float = 0.02) -> set[str]:
    """Named points whose drawing touches the floor line (y = 0) within tolerance."""
    pts = forward_kinematics(pose, view)
    return {name for name, (_, y) in pts.items() if abs(y - point_radius(name, view)) <= tolerance}


def lowest_surface(pose: Pose, view: str = "side") -> float:
    """Height of the lowest part of the drawing (below 0 means through the floor)."""
    pts = forward_kinematics(pose, view)
    return min(y - point_radius(name, view) for name, (_, y) in pts.items())


# -------------------------------------------------------------------------- props

PROP_KINDS = ("mat", "chair", "wall", "pillow", "heat-pack", "ice-pack")
SEAT_HEIGHT = 0.42
SEAT_DEPTH = 0.42
CHAIR_BACK_HEIGHT = 0.45
WALL_HEIGHT = 2.0
MAT_THICKNESS = 0.025


@dataclass(frozen=True)
class Prop:
    """A thing in the picture.

    - ``mat``: from ``x`` to ``x + width`` on the floor (its top is y = 0);
    - ``chair``: seat centred on ``x``, the sitter faces ``side`` (+1: +x);
    - ``wall``: its face at ``x``, the wall itself on ``side`` of it;
    - ``pillow``: centred on ``x``, ``width`` wide, ``height`` high, on the floor;
    - ``heat-pack`` / ``ice-pack``: laid along segment ``at``, on its
      ``surface`` ("back" or "front") side.
    """

    kind: str
    x: float = 0.0
    width: float = 0.0
    height: float = 0.0
    side: int = 1
    at: str = ""
    surface: str = "back"


def mirror_prop(prop: Prop) -> Prop:
    if prop.kind == "mat":
        return replace(prop, x=-(prop.x + prop.width))
    if prop.kind in ("heat-pack", "ice-pack"):
        return prop  # attached to the body, which is mirrored already
    return replace(prop, x=-prop.x, side=-prop.side)


# -------------------------------------------------------------------------- scene


@dataclass(frozen=True)
class Limb:
    """A tapered capsule from a (radius ra) to b (radius rb)."""

    a: Point
    b: Point
    ra: float
    rb: float
    role: str  # "near", "far", "body", "glow"
    alpha: float = 1.0  # a highlight's strength, 0-1


@dataclass(frozen=True)
class Disc:
    centre: Point
    radius: float
    role: str


@dataclass(frozen=True)
class Box:
    """A rectangle with rounded corners; ``angle`` turns it about its centre."""

    centre: Point
    width: float
    height: float
    radius: float
    role: str  # "mat", "furniture", "wall", "pillow", "heat", "ice", "floor"
    angle: float = 0.0


@dataclass(frozen=True)
class Arrow:
    """A movement arrow: a polyline (curved if bent) and its head triangle."""

    points: tuple[Point, ...]
    head: tuple[Point, Point, Point]


Shape = Limb | Disc | Box | Arrow


@dataclass(frozen=True)
class Scene:
    """What to paint, back to front, in world metres."""

    shapes: tuple[Shape, ...]
    floor: tuple[float, float]  # x range of the floor line at y = 0
    floor_line: bool = True  # False seen from above (the top view)
    outline: bool = False  # a thin gap around each part, so stacked limbs stay apart

    def bounds(self) -> tuple[float, float, float, float]:
        return shapes_bounds(self.shapes)


def shape_points(shape: Shape) -> list[tuple[Point, float]]:
    """Points with the radius the shape reaches around them."""
    if isinstance(shape, Limb):
        return [(shape.a, shape.ra), (shape.b, shape.rb)]
    if isinstance(shape, Disc):
        return [(shape.centre, shape.radius)]
    if isinstance(shape, Box):
        return [(c, 0.0) for c in box_corners(shape)]
    return [(p, 0.02) for p in (*shape.points, *shape.head)]


def box_corners(box: Box) -> list[Point]:
    c, s = math.cos(math.radians(box.angle)), math.sin(math.radians(box.angle))
    hw, hh = box.width / 2, box.height / 2
    return [
        (box.centre[0] + dx * c - dy * s, box.centre[1] + dx * s + dy * c)
        for dx, dy in ((-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh))
    ]


def shapes_bounds(shapes: Iterable[Shape]) -> tuple[float, float, float, float]:
    """(x min, y min, x max, y max) of everything drawn."""
    xs0, ys0, xs1, ys1 = [], [], [], []
    for shape in shapes:
        for (x, y), r in shape_points(shape):
            xs0.append(x - r)
            xs1.append(x + r)
            ys0.append(y - r)
            ys1.append(y + r)
    if not xs0:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs0), min(ys0), max(xs1), max(ys1))


@dataclass(frozen=True)
class ArrowSpec:
    """An arrow from ``start`` to ``end`` (world points), bulging sideways by
    ``bend`` times its length (0: straight; negative bends the other way)."""

    start: Point
    end: Point
    bend: float = 0.0


@dataclass(frozen=True)
class Decor:
    """What goes with a pose besides the body: view, props, highlight, arrows."""

    view: str = "side"
    props: tuple[Prop, ...] = ()
    highlight: tuple[str, ...] = ()
    highlight_strength: float = 1.0  # 0-1, breathing exercises pulse it
    arrows: tuple[ArrowSpec, ...] = field(default_factory=tuple)
    outline: bool = False  # draw each part with a thin outline (limbs lying on limbs)


def build_scene(pose: Pose, decor: Decor = Decor()) -> Scene:
    """The shapes to paint for a pose, back to front."""
    view = decor.view
    pts = forward_kinematics(pose, view)
    ends = segment_ends(view)
    radii = _TORSO_RADII[view]
    swell = BREATH_SWELL * min(max(pose.breath, 0.0), 1.0)
    shapes: list[Shape] = []
    floor_x = [pts["hip"][0] - 1.0, pts["hip"][0] + 1.0]

    for prop in decor.props:
        if view == "top" and prop.kind == "mat":
            shapes.append(_top_mat(prop))
        elif prop.kind not in ("heat-pack", "ice-pack"):
            shapes.extend(_prop_shapes(prop))
        if prop.kind == "mat":
            floor_x = [min(floor_x[0], prop.x - 0.2), max(floor_x[1], prop.x + prop.width + 0.2)]

    def limb(seg: str, role: str, ra: float, rb: float) -> Limb:
        a, b = ends[seg]
        return Limb(pts[a], pts[b], ra, rb, role)

    def limbs_of(side: str, role: str) -> list[Shape]:
        out: list[Shape] = []
        for seg in (*LEG_SEGMENTS, *ARM_SEGMENTS):
            ra, rb = LIMB_RADII[seg]
            out.append(limb(f"{seg}_{side}", role, ra, rb))
        return out

    far_role = "far" if view == "side" else "near"
    if view == "top":
        # Seen from above both legs and arms lie beside the body, not behind
        # it; with an outline they are as dark as the near ones.
        far_role = "near" if decor.outline else "far"
    far = limbs_of("far", far_role)
    near = limbs_of("near", "near")
    if view == "top":  # a knee pointing up at the viewer gets a lighter kneecap
        for side, part in (("far", far), ("near", near)):
            if abs(pose.depth.get(f"thigh_{side}", 0.0)) >= KNEECAP_MIN_DEPTH:
                part.insert(3, Disc(pts[f"knee_{side}"], KNEECAP_RADIUS, "kneecap"))
    # Far arm and leg behind the body; near ones in front of it.
    body: list[Shape] = []
    for seg in ("neck", "pelvis", "lower_back", "upper_back"):
        ra, rb = radii[seg]
        if seg == "lower_back":
            ra, rb = ra + swell, rb + swell
        elif seg == "upper_back":
            ra, rb = ra + swell * 0.6, rb + swell * 0.3
        body.append(limb(seg, "body", ra, rb))
    body.append(Disc(pts["head"], HEAD_RADIUS, "body"))
    if view == "side":
        face = _dir(pose.angles["head"] - 90 * pose.facing)
        body.append(Disc(_add(pts["head"], face, HEAD_RADIUS * 0.92), 0.028, "body"))

    glow = _highlight(decor.highlight, pts, ends, view, swell)
    strength = min(max(decor.highlight_strength, 0.0), 1.0)
    glow = [replace(g, alpha=strength) for g in glow]
    shapes.extend(far)  # far leg, then arm
    shapes.extend(body)
    shapes.extend(near)
    shapes.extend(glow)
    for prop in decor.props:
        if prop.kind in ("heat-pack", "ice-pack"):
            shapes.append(_pack_shape(prop, pts, ends, pose, view))
    shapes.extend(_arrow_shape(a) for a in decor.arrows)
    return Scene(tuple(shapes), (floor_x[0], floor_x[1]), view != "top", decor.outline)


def _top_mat(prop: Prop) -> Box:
    """A mat seen from above: a long rectangle under the lying figure."""
    return Box((prop.x + prop.width / 2, TOP_MAT_WIDTH / 2), prop.width, TOP_MAT_WIDTH, 0.04, "mat")


def _highlight(
    names: Sequence[str],
    pts: Mapping[str, Point],
    ends: Mapping[str, tuple[str, str]],
    view: str,
    swell: float,
) -> list[Limb]:
    out: list[Limb] = []
    torso = _TORSO_RADII[view]
    for name in names:
        if name in ends:
            a, b = ends[name]
            base = name.rsplit("_", 1)[0] if name.endswith(SIDES) else name
            ra, rb = torso[base] if base in torso else LIMB_RADII.get(base, (0.05, 0.05))
            if name == "head":
                ra = rb = HEAD_RADIUS
            out.append(Limb(pts[a], pts[b], ra + 0.03, rb + 0.03, "glow"))
        elif name in pts:
            r = point_radius(name, view) + 0.04
            out.append(Limb(pts[name], pts[name], r, r, "glow"))
        elif name in AREAS:
            a, b = ("sacrum", "waist") if name == "belly" else ("waist", "neck_base")
            r = torso["lower_back"][0] + 0.03 + swell
            out.append(Limb(pts[a], pts[b], r, r, "glow"))
    return out


def _pack_shape(
    prop: Prop, pts: Mapping[str, Point], ends: Mapping[str, tuple[str, str]], pose: Pose, view: str
) -> Box:
    a, b = ends[prop.at]
    pa, pb = pts[a], pts[b]
    angle = math.degrees(math.atan2(pb[1] - pa[1], pb[0] - pa[0]))
    base = prop.at.rsplit("_", 1)[0] if prop.at.endswith(SIDES) else prop.at
    torso = _TORSO_RADII[view]
    thickness = max(torso[base]) if base in torso else max(LIMB_RADII.get(base, (0.06, 0.06)))
    sign = 1 if prop.surface == "back" else -1
    normal = _dir(angle + 90 * pose.facing * sign)
    mid = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
    centre = _add(mid, normal, thickness + 0.03)
    role = "heat" if prop.kind == "heat-pack" else "ice"
    return Box(centre, max(math.dist(pa, pb), 0.18), 0.06, 0.025, role, angle)


def _prop_shapes(prop: Prop) -> list[Shape]:
    if prop.kind == "mat":
        return [
            Box(
                (prop.x + prop.width / 2, -MAT_THICKNESS / 2),
                prop.width,
                MAT_THICKNESS,
                MAT_THICKNESS / 2,
                "mat",
            )
        ]
    if prop.kind == "pillow":
        h = prop.height or 0.08
        w = prop.width or 0.4
        return [Box((prop.x, h / 2), w, h, h / 2, "pillow")]
    if prop.kind == "wall":
        t = 0.08
        return [Box((prop.x + prop.side * t / 2, WALL_HEIGHT / 2), t, WALL_HEIGHT, 0.0, "wall")]
    # Chair: seat, front leg, back leg and backrest. The sitter faces `side`.
    s, x = prop.side, prop.x
    back_x = x - s * SEAT_DEPTH / 2
    front_x = x + s * SEAT_DEPTH / 2
    seat_t = 0.05
    leg_t = 0.035
    return [
        Box((front_x - s * leg_t, (SEAT_HEIGHT - seat_t) / 2), leg_t, SEAT_HEIGHT - seat_t, 0.01,
            "furniture"),
        Box((back_x + s * leg_t / 2, (SEAT_HEIGHT + CHAIR_BACK_HEIGHT) / 2), leg_t,
            SEAT_HEIGHT + CHAIR_BACK_HEIGHT, 0.015, "furniture"),
        Box((x, SEAT_HEIGHT - seat_t / 2), SEAT_DEPTH, seat_t, 0.02, "furniture"),
    ]  # fmt: skip


def _arrow_shape(spec: ArrowSpec, samples: int = 16) -> Arrow:
    (x0, y0), (x1, y1) = spec.start, spec.end
    length = math.hypot(x1 - x0, y1 - y0) or 1e-9
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    cx, cy = (x0 + x1) / 2 + nx * spec.bend * length, (y0 + y1) / 2 + ny * spec.bend * length
    pts: list[Point] = []
    for i in range(samples + 1):
        u = i / samples
        pts.append(
            (
                (1 - u) ** 2 * x0 + 2 * (1 - u) * u * cx + u * u * x1,
                (1 - u) ** 2 * y0 + 2 * (1 - u) * u * cy + u * u * y1,
            )
        )
    tip = pts[-1]
    # Direction at the tip is from the control point to the end.
    dx, dy = x1 - cx, y1 - cy
    d = math.hypot(dx, dy) or 1e-9
    dx, dy = dx / d, dy / d
    size = min(0.07, 0.45 * length)
    back = (tip[0] - dx * size, tip[1] - dy * size)
    left = (back[0] - dy * size * 0.6, back[1] + dx * size * 0.6)
    right = (back[0] + dy * size * 0.6, back[1] - dx * size * 0.6)
    # The line stops inside the head so its round cap does not poke out.
    line = (*pts[:-1], back)
    return Arrow(tuple(line), (tip, left, right))
