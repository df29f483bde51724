"""Every exercise's illustration: present, valid, on the floor where it should be."""

from __future__ import annotations

import math

import pytest

from lbp_desktop.domain.figure import (
    SEGMENTS,
    forward_kinematics,
    joint_angles,
    segment_lengths,
    shape_points,
)
from lbp_desktop.domain.figure_poses import Animation, PoseSpec, contact_problems
from lbp_desktop.storage.pose_files import PoseLibrary, load_poses, poses_dir

# The fixed list of issue 3: every one of them has an illustration.
EXERCISE_IDS = (
    "knee-to-chest-single", "knee-to-chest-double", "knee-rolls", "cat-cow", "bottom-to-heels",
    "piriformis-stretch", "hamstring-stretch", "hip-flexor-stretch", "prone-press-up",
    "standing-back-extension", "side-bend", "pelvic-tilt", "bridge", "bird-dog", "dead-bug",
    "curl-up", "side-plank-bent-knee", "clamshell", "abdominal-bracing", "chin-tuck",
    "shoulder-blade-squeeze", "sit-to-stand", "walk-around", "heat-pack", "ice-pack",
    "box-breathing", "slow-breathing", "body-scan", "progressive-muscle-relaxation",
)  # fmt: skip


@pytest.fixture(scope="module")
def poses() -> PoseLibrary:
    return load_poses(poses_dir(), EXERCISE_IDS)


def test_every_exercise_has_a_valid_illustration(poses: PoseLibrary) -> None:
    assert [str(p) for p in poses.problems] == []
    assert sorted(poses.specs) == sorted(EXERCISE_IDS)
    for spec in poses.specs.values():
        assert len(spec.keyframes) >= 2, spec.exercise


def _all(poses: PoseLibrary) -> list[tuple[str, PoseSpec]]:
    return [(i, s) for i, s in poses.specs.items()] + [
        (f"{i} (mirrored)", s.mirrored()) for i, s in poses.specs.items()
    ]


def test_expected_floor_contacts_hold_and_nothing_goes_through_the_floor(
    poses: PoseLibrary,
) -> None:
    problems = [str(p) for ident, spec in _all(poses) for p in contact_problems(spec, ident)]
    assert problems == []


def test_limb_lengths_are_the_same_in_every_keyframe_and_frame(poses: PoseLibrary) -> None:
    for ident, spec in _all(poses):
        animation = Animation(spec, tempo_s=4, hold_s=2)
        frames = animation.all_frames(samples=12)
        # Real lengths: a segment drawn shorter because it points out of the
        # picture (its depth) is still as long as ever.
        first_pose = frames[0].pose
        first = segment_lengths(
            forward_kinematics(first_pose, spec.view), spec.view, first_pose.depth
        )
        for frame in frames:
            pts = forward_kinematics(frame.pose, spec.view)
            lengths = segment_lengths(pts, spec.view, frame.pose.depth)
            assert lengths == pytest.approx(first, abs=1e-9), ident


def test_mirrored_keyframes_flip_x(poses: PoseLibrary) -> None:
    for spec in poses.specs.values():
        for kf, mirrored in zip(spec.keyframes, spec.mirrored().keyframes, strict=True):
            pts = forward_kinematics(kf.pose, spec.view)
            flipped = forward_kinematics(mirrored.pose, spec.view)
            for name, (x, y) in pts.items():
                assert flipped[name] == pytest.approx((-x, y), abs=1e-9)


def test_no_knee_or_elbow_bends_the_wrong_way(poses: PoseLibrary) -> None:
    for spec in poses.specs.values():
        if spec.view != "side":
            continue
        for kf in spec.keyframes:
            for joint, value in joint_angles(kf.pose).items():
                if joint.startswith(("knee", "elbow")):
                    assert -8 <= value <= 178, (spec.exercise, kf.name, joint, value)


def test_keyframe_scenes_are_finite(poses: PoseLibrary) -> None:
    for ident, spec in _all(poses):
        animation = Animation(spec)
        for kf in spec.keyframes:
            for shape in animation.keyframe_frame(kf.name).scene().shapes:
                for (x, y), r in shape_points(shape):
                    assert math.isfinite(x) and math.isfinite(y) and math.isfinite(r), ident


def test_timing_follows_the_dosage(poses: PoseLibrary) -> None:
    bridge = poses.specs["bridge"]
    # A rep of a bridge is its tempo plus its hold, as the dosage counts it.
    assert Animation(bridge, tempo_s=4, hold_s=5).duration == pytest.approx(9)
    assert Animation(bridge, tempo_s=2, hold_s=10).duration == pytest.approx(12)
    anim = Animation(bridge, tempo_s=4, hold_s=5)
    assert anim.frame_at(0).keyframe == "up" and anim.frame_at(0).moving
    assert anim.frame_at(2.0).pose == bridge.keyframe("up").pose  # holding at the top
    assert anim.frame_at(9.0).pose == anim.frame_at(0.0).pose  # loops
    box = poses.specs["box-breathing"]
    assert Animation(box, tempo_s=None, hold_s=None).duration == pytest.approx(16)


def test_interpolated_frames_end_on_the_keyframes(poses: PoseLibrary) -> None:
    spec = poses.specs["cat-cow"]
    anim = Animation(spec, tempo_s=10)
    moving = [p for p in anim.phases if p.moving]
    for phase in moving:
        end = anim.frame_at(phase.end - 1e-9).pose
        target = spec.keyframe(phase.target).pose
        for s in SEGMENTS:
            assert math.cos(math.radians(end.angles[s] - target.angles[s])) == pytest.approx(1)
