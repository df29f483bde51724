"""The articulated figure: kinematics, interpolation, mirroring, contacts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lbp_desktop.domain.figure import (
    LENGTHS,
    POINTS,
    SEGMENTS,
    Decor,
    Pose,
    build_scene,
    contacts,
    ease_in_out,
    forward_kinematics,
    interpolate,
    lerp_angle,
    mirror_pose,
    segment_lengths,
    shape_points,
)

STANDING = {
    **dict.fromkeys(("pelvis", "lower_back", "upper_back", "neck", "head"), 90.0),
    **{f"{s}_{side}": -90.0 for side in ("near", "far") for s in ("upper_arm", "forearm", "hand")},
    **{f"{s}_{side}": -90.0 for side in ("near", "far") for s in ("thigh", "shin")},
    "foot_near": 0.0,
    "foot_far": 0.0,
}
angles = st.floats(-180, 180, allow_nan=False)
poses = st.builds(
    lambda values, x, y, facing: Pose((x, y), dict(zip(SEGMENTS, values, strict=True)), facing),
    st.lists(angles, min_size=len(SEGMENTS), max_size=len(SEGMENTS)),
    st.floats(-2, 2),
    st.floats(0, 2),
    st.sampled_from([1, -1]),
)


def test_standing_figure_stands_on_the_floor_about_1_8_m_tall() -> None:
    pose = Pose((0.0, 0.95), STANDING)
    pts = forward_kinematics(pose)
    assert set(pts) == set(POINTS)
    assert {"heel_near", "toe_near", "heel_far", "toe_far"} <= contacts(pose)
    top = pts["head"][1] + 0.115
    assert 1.7 < top < 1.9
    assert pts["toe_near"][0] > pts["heel_near"][0]  # facing +x: toes in front


@given(poses, st.sampled_from(["side", "front"]))
def test_segment_lengths_never_change(pose: Pose, view: str) -> None:
    lengths = segment_lengths(forward_kinematics(pose, view), view)
    for name, length in lengths.items():
        base = name.rsplit("_", 1)[0] if name.endswith(("_near", "_far")) else name
        if base in LENGTHS and base != "foot":
            assert length == pytest.approx(LENGTHS[base], abs=1e-9)
    reference = segment_lengths(forward_kinematics(Pose((0, 1), STANDING), view), view)
    assert lengths == pytest.approx(reference, abs=1e-9)


@given(poses)
def test_mirroring_flips_x_and_keeps_lengths(pose: Pose) -> None:
    pts = forward_kinematics(pose)
    mirrored = forward_kinematics(mirror_pose(pose))
    for name, (x, y) in pts.items():
        assert mirrored[name] == pytest.approx((-x, y), abs=1e-9)
    twice = mirror_pose(mirror_pose(pose))
    for s in SEGMENTS:
        assert math.cos(math.radians(twice.angles[s] - pose.angles[s])) == pytest.approx(1.0)


@given(poses, poses)
def test_interpolation_ends_are_the_keyframes(a: Pose, b: Pose) -> None:
    b = Pose(b.root, b.angles, a.facing)
    start, end = interpolate(a, b, 0.0), interpolate(a, b, 1.0)
    for s in SEGMENTS:
        assert math.cos(math.radians(start.angles[s] - a.angles[s])) == pytest.approx(1.0)
        assert math.cos(math.radians(end.angles[s] - b.angles[s])) == pytest.approx(1.0)
    assert start.root == pytest.approx(a.root) and end.root == pytest.approx(b.root)


def test_angles_turn_the_short_way_round() -> None:
    assert lerp_angle(170, -170, 0.5) == pytest.approx(180)
    assert lerp_angle(-170, 170, 0.25) == pytest.approx(-175)
    assert ease_in_out(0) == 0 and ease_in_out(1) == 1 and ease_in_out(0.5) == pytest.approx(0.5)


def test_an_anchor_stays_put_while_moving() -> None:
    a = Pose((0.0, 0.95), STANDING)
    b = Pose((0.3, 0.9), {**STANDING, "thigh_near": -60, "shin_near": -100})
    heels = [
        forward_kinematics(interpolate(a, b, u, anchor="heel_far"))["heel_far"]
        for u in (0, 0.3, 0.7, 1)
    ]
    start, end = heels[0], heels[-1]
    for u, heel in zip((0, 0.3, 0.7, 1), heels, strict=True):
        expected = (start[0] + (end[0] - start[0]) * u, start[1] + (end[1] - start[1]) * u)
        assert heel == pytest.approx(expected, abs=1e-9)


@given(poses)
def test_scene_has_no_nan_and_bounds_hold_every_shape(pose: Pose) -> None:
    scene = build_scene(pose, Decor(highlight=("lower_back", "knee_near", "belly")))
    x0, y0, x1, y1 = scene.bounds()
    for shape in scene.shapes:
        for (x, y), r in shape_points(shape):
            assert math.isfinite(x) and math.isfinite(y)
            assert x0 <= x - r + 1e-9 and x + r <= x1 + 1e-9
            assert y0 <= y - r + 1e-9 and y + r <= y1 + 1e-9


def test_pose_rejects_missing_or_unknown_segments() -> None:
    with pytest.raises(ValueError):
        Pose((0, 0), {"pelvis": 90})
    with pytest.raises(ValueError):
        Pose((0, 0), {**STANDING, "tail": 0})
