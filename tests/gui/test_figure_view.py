"""The figure view paints offscreen, animates only while shown, and exports."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QApplication, QWidget

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.figure_poses import Animation
from lbp_desktop.storage.pose_files import PoseLibrary
from lbp_desktop.views.figure_export import (
    default_palette,
    render_frame_image,
    render_illustrations,
)
from lbp_desktop.views.figure_view import (
    FRAME_INTERVAL_MS,
    FigureView,
    _add_limb,
    _limb_path,
    fit_transform,
    frames_bounds,
    paint_scene,
)

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "figures"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _ink_box(image: QImage, background: QColor) -> tuple[int, int, int, int] | None:
    """Bounding box of the pixels that differ from the background."""
    bg = background.rgb()
    xs, ys = [], []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) != bg:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def test_every_keyframe_is_drawn_inside_the_canvas(qapp, poses: PoseLibrary) -> None:
    palette = default_palette("light")
    size = QSize(240, 160)
    for spec in poses.specs.values():
        for mirrored in (False, True):
            anim = Animation(spec, tempo_s=4, hold_s=2, mirrored=mirrored)
            bounds = frames_bounds(anim.all_frames(samples=6))
            scale, ox, oy = fit_transform(bounds, QRectF(0, 0, size.width(), size.height()))
            x0, y0, x1, y1 = bounds
            assert ox + x0 * scale >= 0 and ox + x1 * scale <= size.width()
            assert oy - y1 * scale >= 0 and oy - y0 * scale <= size.height()
            for kf in spec.keyframes:
                image = render_frame_image(anim.keyframe_frame(kf.name), size, palette, bounds)
                box = _ink_box(image, palette.color(palette.ColorRole.Base))
                assert box is not None, spec.exercise
                # Ink keeps clear of the edges (the floor line runs to 4 px of them).
                assert box[1] >= 2 and box[3] <= size.height() - 3, (spec.exercise, kf.name)


def test_a_limbs_pieces_fill_as_their_union_at_every_angle(qapp) -> None:
    """Limbs are filled as a band and two circles in one winding path (merging
    them costs more than the rest of the frame): no holes where they overlap."""
    size = QSize(160, 160)

    def draw(path) -> np.ndarray:
        image = QImage(size, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        painter.drawPath(path)
        painter.end()
        rows = np.frombuffer(image.constBits(), np.uint8).reshape(size.height(), -1)
        return rows[:, : size.width()].astype(int)

    centre = QPointF(80, 80)
    for degrees in range(0, 360, 15):
        angle = math.radians(degrees)
        end = QPointF(80 + 50 * math.cos(angle), 80 + 50 * math.sin(angle))
        for ra, rb in ((18.0, 9.0), (9.0, 18.0), (12.0, 12.0)):
            merged = draw(_limb_path(centre, end, ra, rb))
            pieces = draw(_add_limb(QPainterPath(), centre, end, ra, rb))
            # Edges may differ by a shade of antialiasing; a hole would be white in black.
            assert np.abs(merged - pieces).max() <= 128, (degrees, ra, rb)
            assert (merged < 128).sum() > 1000  # something was drawn


def test_view_paints_offscreen_light_and_dark(qtbot, poses: PoseLibrary) -> None:
    from lbp_desktop.views.theme import fallback_palette

    view = FigureView()
    qtbot.addWidget(view)
    view.resize(360, 240)
    view.set_animation(Animation(poses.specs["cat-cow"], tempo_s=10))
    view.set_time(2.5)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        view.setPalette(fallback_palette(scheme))
        image = view.grab().toImage()
        assert _ink_box(image, fallback_palette(scheme).color(view.palette().ColorRole.Base))
        assert image.save(str(SHOTS / f"view-cat-cow-{scheme}.png"))


def test_timer_runs_only_while_visible_and_playing(qtbot, poses: PoseLibrary) -> None:
    clock = FakeClock()
    holder = QWidget()
    qtbot.addWidget(holder)
    view = FigureView(holder, clock=clock)
    view.set_animation(Animation(poses.specs["bridge"], tempo_s=4, hold_s=5))
    assert not view.is_animating()  # not shown yet
    holder.show()
    qtbot.waitExposed(holder)
    assert view.is_animating()
    clock.now += 3.0
    view._tick()
    assert view.current_time() == pytest.approx(3.0)
    view.hide()
    assert not view.is_animating()
    view.show()
    assert view.is_animating()
    view.set_playing(False)
    assert not view.is_animating()
    view.set_playing(True)
    view.set_animation(None)
    assert not view.is_animating()


def test_a_held_pose_wakes_once_when_the_hold_ends_not_every_frame(
    qtbot, poses: PoseLibrary
) -> None:
    clock = FakeClock()
    holder = QWidget()
    qtbot.addWidget(holder)
    view = FigureView(holder, clock=clock)
    spec = poses.specs["bridge"]
    view.set_animation(Animation(spec, tempo_s=4, hold_s=5))  # up in 2 s, hold 2-7 s, down
    holder.show()
    qtbot.waitExposed(holder)
    assert view.timer_interval_ms() == FRAME_INTERVAL_MS  # moving: frames
    clock.now += 2.5
    view._tick()
    assert view.hold_left(view.current_time()) == pytest.approx(4.5)
    assert view.timer_interval_ms() == 4500  # holding: one wake-up, at the hold's end
    frame = view.current_frame()
    assert frame is not None and frame.pose == spec.keyframe("up").pose
    clock.now += 4.5
    view._tick()
    assert view.hold_left(view.current_time()) is None
    assert view.timer_interval_ms() == FRAME_INTERVAL_MS  # moving down again
    # A new moment set from outside (the player's) is timed from there.
    view.set_time(3.0)
    assert view.timer_interval_ms() == 4000
    view.set_playing(False)
    assert view.timer_interval_ms() is None


def test_a_stopped_figure_freezes_where_it_is_and_goes_on_from_there(
    qtbot, poses: PoseLibrary
) -> None:
    clock = FakeClock()
    holder = QWidget()
    qtbot.addWidget(holder)
    view = FigureView(holder, clock=clock)
    view.set_animation(Animation(poses.specs["bridge"], tempo_s=4, hold_s=5))
    holder.show()
    qtbot.waitExposed(holder)
    clock.now += 2.5
    view._tick()  # into the hold: no frame until it ends
    clock.now += 1.5
    view.set_playing(False)  # paused 1.5 s later: frozen at that moment, not the last frame
    assert not view.is_animating()
    assert view.current_time() == pytest.approx(4.0)
    clock.now += 60
    QApplication.processEvents()
    assert view.current_time() == pytest.approx(4.0)
    view.set_playing(True)
    assert view.is_animating()
    assert view.current_time() == pytest.approx(4.0)  # no jump on resume
    assert view.timer_interval_ms() == 3000  # the rest of the hold
    clock.now += 3.5
    view._tick()
    assert view.current_time() == pytest.approx(7.5)


def test_set_time_shows_that_moment(qtbot, poses: PoseLibrary) -> None:
    view = FigureView()
    qtbot.addWidget(view)
    spec = poses.specs["bridge"]
    view.set_animation(Animation(spec, tempo_s=4, hold_s=5))
    view.set_time(3.0)  # holding at the top
    frame = view.current_frame()
    assert frame is not None and frame.pose == spec.keyframe("up").pose
    assert view.frame_at(0.0).pose == view.frame_at(9.0).pose


def test_mirrored_side_is_drawn_flipped(qapp, poses: PoseLibrary) -> None:
    spec = poses.specs["bird-dog"]
    left = Animation(spec).keyframe_frame("reach")
    right = Animation(spec, mirrored=True).keyframe_frame("reach")
    lb, rb = left.scene().bounds(), right.scene().bounds()
    assert rb[0] == pytest.approx(-lb[2]) and rb[2] == pytest.approx(-lb[0])


def test_render_illustrations_writes_png_and_svg_for_every_keyframe(
    qapp, tmp_path: Path, library: ContentLibrary, poses: PoseLibrary
) -> None:
    written = render_illustrations(tmp_path, None, poses)
    expected = sum(len(s.keyframes) for s in poses.specs.values()) * 2
    assert len(written) == expected
    svg = next(p for p in written if p.suffix == ".svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<path" in svg
    png = QImage(str(next(p for p in written if p.suffix == ".png")))
    assert not png.isNull() and png.width() == 640
    # With the library, exactly its exercises that have a pose are drawn.
    some = render_illustrations(tmp_path / "lib", library, poses, svg=False)
    drawn = {p.stem.rsplit("-", 1)[0] for p in some}
    wanted = set(library.exercises) & set(poses.specs)
    assert all(any(name.startswith(i) for name in drawn) for i in wanted)
    assert all(any(name.startswith(i) for i in wanted) for name in drawn)


def test_save_every_exercise_for_a_look(qapp, poses: PoseLibrary) -> None:
    """One sheet per exercise (keyframes side by side, both sides), under
    build/screenshots/figures/. Look at them after changing a pose."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    palette = default_palette("light")
    w, h = 300, 200
    for ident, spec in poses.specs.items():
        frames = []
        for mirrored in (False, True):
            anim = Animation(spec, tempo_s=4, hold_s=2, mirrored=mirrored)
            bounds = frames_bounds(anim.all_frames(samples=6))
            frames += [(anim.keyframe_frame(k.name), bounds) for k in spec.keyframes]
        sheet = QImage(w * len(frames), h, QImage.Format.Format_ARGB32)
        sheet.fill(palette.color(palette.ColorRole.Base))
        painter = QPainter(sheet)
        for i, (frame, bounds) in enumerate(frames):
            paint_scene(painter, frame.scene(), QRectF(i * w, 0, w, h), palette, bounds)
            painter.drawText(i * w + 6, 14, frame.keyframe)
        painter.end()
        assert sheet.save(str(SHOTS / f"{ident}.png"))
