"""Still pictures of the exercise figure: PNG (QImage) and SVG (QSvgGenerator),
drawn by the same :func:`~lbp_desktop.views.figure_view.paint_scene` as the
app, so an exported picture is what the app shows.

``render_illustrations(outdir, library, poses)`` writes every keyframe of
every exercise as ``<exercise-id>-<keyframe>.png`` and ``.svg``; the
command ``lbp-desktop render-illustrations OUTDIR`` calls it. A
QGuiApplication (or QApplication) must exist, as for any painting.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.figure_poses import Animation, Frame, PoseSpec
from lbp_desktop.storage.pose_files import PoseLibrary
from lbp_desktop.views.figure_view import Bounds, frames_bounds, paint_scene

DEFAULT_SIZE = QSize(640, 440)


def default_palette(scheme: str = "light") -> QPalette:
    from lbp_desktop.views.theme import fallback_palette

    return fallback_palette(scheme)


def render_frame_image(
    frame: Frame,
    size: QSize = DEFAULT_SIZE,
    palette: QPalette | None = None,
    bounds: Bounds | None = None,
) -> QImage:
    """One frame as an image, on the palette's base colour."""
    palette = palette or default_palette()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(palette.color(QPalette.ColorRole.Base)))
    painter = QPainter(image)
    paint_scene(painter, frame.scene(), QRectF(0, 0, size.width(), size.height()), palette, bounds)
    painter.end()
    return image


def write_frame_svg(
    frame: Frame,
    path: Path,
    size: QSize = DEFAULT_SIZE,
    palette: QPalette | None = None,
    bounds: Bounds | None = None,
    title: str = "",
) -> Path:
    palette = palette or default_palette()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription("Exercise illustration drawn by lbp-desktop")
    painter = QPainter(generator)
    rect = QRectF(0, 0, size.width(), size.height())
    paint_scene(painter, frame.scene(), rect, palette, bounds, fill_background=True)
    painter.end()
    return path


def animation_for(spec: PoseSpec, library: ContentLibrary | None = None) -> Animation:
    """The spec timed by its exercise's dosage when the library has it."""
    exercise = library.exercises.get(spec.exercise) if library is not None else None
    if exercise is None:
        return Animation(spec)
    return Animation(spec, tempo_s=exercise.dosage.tempo_s, hold_s=exercise.dosage.hold_s)


def render_illustrations(
    outdir: Path,
    library: ContentLibrary | None,
    poses: PoseLibrary,
    *,
    size: QSize = DEFAULT_SIZE,
    palette: QPalette | None = None,
    svg: bool = True,
) -> list[Path]:
    """Every keyframe of every exercise with a pose, as PNG (and SVG).

    With a library, only its exercises are drawn; without one, every pose.
    Returns the files written, in order.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for ident, spec in poses.specs.items():
        if library is not None and ident not in library.exercises:
            continue
        animation = animation_for(spec, library)
        bounds = frames_bounds(animation.all_frames())
        exercise = library.exercises.get(ident) if library is not None else None
        name = exercise.name if exercise is not None else ident
        for kf in spec.keyframes:
            frame = animation.keyframe_frame(kf.name)
            png = outdir / f"{ident}-{kf.name}.png"
            if not render_frame_image(frame, size, palette, bounds).save(str(png)):
                raise OSError(f"could not write {png}")
            written.append(png)
            if svg:
                svg_path = outdir / f"{ident}-{kf.name}.svg"
                write_frame_svg(frame, svg_path, size, palette, bounds, f"{name}: {kf.name}")
                written.append(svg_path)
    return written
