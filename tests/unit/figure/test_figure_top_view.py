"""The top view and segment depth (foreshortening) added for lying exercises."""

from __future__ import annotations

import math

import pytest

from lbp_desktop.domain.figure import (
    LENGTHS,
    SEGMENTS,
    Decor,
    Pose,
    build_scene,
    forward_kinematics,
    interpolate,
    mirror_pose,
    segment_lengths,
)

LYING = {s: 180.0 for s in SEGMENTS} | {
    "thigh_near": 0.0, "shin_near": 0.0, "foot_near": 0.0,
    "thigh_far": 0.0, "shin_far": 0.0, "foot_far": 0.0,
}  # fmt: skip


def test_no_depth_changes_nothing() -> None:
    pose = Pose((0, 0.45), LYING)
    for view in ("side", "front"):
        bare = forward_kinematics(Pose((0, 0.45), LYING, depth={}), view)
        assert forward_kinematics(pose, view) == bare


def test_depth_foreshortens_and_real_lengths_stay() -> None:
    pose = Pose((0, 0.45), LYING, depth={"thigh_near": 60.0})
    pts = forward_kinematics(pose, "top")
    drawn = math.dist(pts["hip_near"], pts["knee_near"])
    assert drawn == pytest.approx(LENGTHS["thigh"] * 0.5)
    real = segment_lengths(pts, "top", pose.depth)
    assert real["thigh_near"] == pytest.approx(LENGTHS["thigh"])


def test_depth_is_bounded_mirrored_and_interpolated() -> None:
    with pytest.raises(ValueError):
        Pose((0, 0.45), LYING, depth={"thigh_near": 90.0})
    a = Pose((0, 0.45), LYING, depth={"shin_far": 40.0})
    assert mirror_pose(a).depth == a.depth
    mid = interpolate(a, Pose((0, 0.45), LYING), 0.5)
    assert mid.depth["shin_far"] == pytest.approx(20.0)


def test_top_view_has_no_floor_line_and_a_wide_mat() -> None:
    from lbp_desktop.domain.figure import Prop

    pose = Pose((0, 0.45), LYING)
    scene = build_scene(pose, Decor(view="top", props=(Prop("mat", x=-1.0, width=2.0),)))
    assert not scene.floor_line
    assert build_scene(pose, Decor(view="front")).floor_line
    pts = forward_kinematics(pose, "top")
    assert pts["hip_near"][1] < pts["hip_far"][1]  # hips side by side on the floor
