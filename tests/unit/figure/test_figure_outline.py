"""The outline option (limbs lying on limbs, as seen side-lying) and the
kneecap that marks a raised knee seen from above."""

from __future__ import annotations

from pathlib import Path

from lbp_desktop.domain.figure import (
    KNEECAP_RADIUS,
    SEGMENTS,
    Decor,
    Disc,
    Limb,
    Pose,
    build_scene,
    forward_kinematics,
)
from lbp_desktop.storage.pose_files import read_pose_file

LYING = {s: 180.0 for s in SEGMENTS} | {
    "thigh_near": 0.0, "shin_near": 0.0, "foot_near": 0.0,
    "thigh_far": 0.0, "shin_far": 0.0, "foot_far": 0.0,
}  # fmt: skip


def _roles(scene) -> set[str]:
    return {s.role for s in scene.shapes if isinstance(s, Limb | Disc)}


def test_outline_is_off_by_default_and_changes_no_shape_in_side_or_front() -> None:
    pose = Pose((0, 0.45), LYING)
    for view in ("side", "front"):
        plain = build_scene(pose, Decor(view=view))
        outlined = build_scene(pose, Decor(view=view, outline=True))
        assert not plain.outline and outlined.outline
        assert outlined.shapes == plain.shapes


def test_outline_draws_far_limbs_dark_from_above() -> None:
    pose = Pose((0, 0.45), LYING)
    assert "far" in _roles(build_scene(pose, Decor(view="top")))
    assert "far" not in _roles(build_scene(pose, Decor(view="top", outline=True)))


def test_a_raised_knee_seen_from_above_gets_a_kneecap() -> None:
    flat = Pose((0, 0.45), LYING)
    bent = Pose((0, 0.45), LYING, depth={"thigh_near": 50.0, "shin_near": 60.0})
    assert "kneecap" not in _roles(build_scene(flat, Decor(view="top")))
    caps = [s for s in build_scene(bent, Decor(view="top")).shapes
            if isinstance(s, Disc) and s.role == "kneecap"]  # fmt: skip
    assert len(caps) == 1
    assert caps[0].centre == forward_kinematics(bent, "top")["knee_near"]
    assert caps[0].radius == KNEECAP_RADIUS
    # Only from above: the side and front views never get one.
    for view in ("side", "front"):
        assert "kneecap" not in _roles(build_scene(bent, Decor(view=view)))


def _file(outline: str) -> str:
    angles = ", ".join(f"{s} = 0" for s in SEGMENTS)
    return f"""
exercise = "demo"
{outline}

[[keyframe]]
name = "a"
root = [0.0, 0.5]
angles = {{ {angles} }}

[[keyframe]]
name = "b"
root = [0.0, 0.6]

[[step]]
to = "b"
move = 0.5

[[step]]
to = "a"
move = 0.5
"""


def test_pose_files_read_outline(tmp_path: Path) -> None:
    path = tmp_path / "demo.toml"
    path.write_text(_file(""), encoding="utf-8")
    spec, problems = read_pose_file(path)
    assert problems == [] and spec is not None and not spec.outline
    path.write_text(_file("outline = true"), encoding="utf-8")
    spec, problems = read_pose_file(path)
    assert problems == [] and spec is not None and spec.outline
    path.write_text(_file('outline = "yes"'), encoding="utf-8")
    spec, problems = read_pose_file(path)
    assert spec is None
    assert any(p.field == "outline" and "true or false" in p.message for p in problems)


def test_a_small_movement_still_gets_a_readable_arrow() -> None:
    import math

    from lbp_desktop.domain.figure_poses import MIN_ARROW_M, Animation
    from lbp_desktop.storage.pose_files import load_poses, poses_dir

    spec = load_poses(poses_dir()).specs["pelvic-tilt"]  # the pelvis moves about 4 cm
    [arrow] = Animation(spec, tempo_s=4, hold_s=5).keyframe_frame("tilt").decor.arrows
    (x0, y0), (x1, y1) = arrow.start, arrow.end
    assert math.hypot(x1 - x0, y1 - y0) >= MIN_ARROW_M - 1e-9
    assert y1 < y0  # still pointing the way the waist moves: down into the floor
