"""Paints the exercise figure with QPainter, still or moving.

:func:`paint_scene` draws one :class:`~lbp_desktop.domain.figure.Scene`
into a rectangle: flat, rounded limbs, the near arm and leg darker than the
far ones, a mat or floor line, props, arrows and a soft highlight on the
part the exercise works. Colours come from the palette, so light and dark
both work. The same function draws on screen, into PNGs and into SVG.

:class:`FigureView` animates an :class:`~lbp_desktop.domain.figure_poses.Animation`.
A timer runs only while the view is shown and playing; the time it draws is
whatever its time source says, and tests set it directly with ``set_time``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from lbp_desktop.domain.figure import Arrow, Box, Disc, Limb, Scene, shapes_bounds
from lbp_desktop.domain.figure_poses import Animation, Frame

Bounds = tuple[float, float, float, float]


FRAME_INTERVAL_MS = 40  # 25 frames a second is smooth enough for slow exercises
MARGIN_FRACTION = 0.06
HEAT = QColor("#e4572e")
ICE = QColor("#4aa3df")
GLOW = QColor("#f39c3d")
Role = QPalette.ColorRole


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """a blended towards b by t (0: a, 1: b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


class FigureColours:
    """The figure's colours, taken from a palette."""

    def __init__(self, palette: QPalette) -> None:
        text = palette.color(Role.WindowText)
        base = palette.color(Role.Base)
        accent = palette.color(Role.Highlight)
        dark = base.lightness() < 128
        self.background = base
        self.near = _mix(accent, text, 0.45 if not dark else 0.2)
        self.body = self.near
        self.far = _mix(self.near, base, 0.55)
        self.kneecap = _mix(self.near, base, 0.35)  # the top of a raised knee, from above
        self.arrow = _mix(accent, text, 0.15) if not dark else _mix(accent, text, 0.3)
        self.mat = _mix(accent, base, 0.78)
        self.floor = _mix(text, base, 0.7)
        self.furniture = _mix(text, base, 0.55)
        self.wall = _mix(text, base, 0.85)
        self.pillow = _mix(text, base, 0.75)
        self.glow = QColor(GLOW)


def fit_transform(bounds: Bounds, rect: QRectF, margin: float = MARGIN_FRACTION):
    """World metres -> pixels: (scale, x offset, y offset), y flipped, centred."""
    x0, y0, x1, y1 = bounds
    w, h = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    m = margin * min(rect.width(), rect.height())
    avail_w, avail_h = max(rect.width() - 2 * m, 1.0), max(rect.height() - 2 * m, 1.0)
    scale = min(avail_w / w, avail_h / h)
    ox = rect.left() + (rect.width() - w * scale) / 2 - x0 * scale
    oy = rect.top() + (rect.height() + h * scale) / 2 + y0 * scale
    return scale, ox, oy


def paint_scene(
    painter: QPainter,
    scene: Scene,
    rect: QRectF,
    palette: QPalette,
    bounds: Bounds | None = None,
    *,
    fill_background: bool = False,
) -> None:
    """Draw a scene fitted into rect (to ``bounds``, or the scene's own)."""
    colours = FigureColours(palette)
    scale, ox, oy = fit_transform(bounds or scene.bounds(), rect)

    def pt(p: tuple[float, float]) -> QPointF:
        return QPointF(ox + p[0] * scale, oy - p[1] * scale)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if fill_background:
        painter.fillRect(rect, colours.background)
    # The floor line runs right across the picture.
    floor_pen = QPen(colours.floor, max(1.5, 0.012 * scale))
    floor_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(floor_pen)
    y_floor = oy + 0.0
    if scene.floor_line:  # none when the figure is seen from above
        painter.drawLine(QPointF(rect.left() + 4, y_floor), QPointF(rect.right() - 4, y_floor))
    painter.setPen(Qt.PenStyle.NoPen)

    no_pen = QPen(Qt.PenStyle.NoPen)
    # The highlight first, as a soft halo behind the body; a faint tint over it later.
    # One path of every glowing limb, filled once: nonzero winding covers where
    # they overlap a single time, so the translucent halo keeps one shade.
    glow_path = QPainterPath()
    glow_path.setFillRule(Qt.FillRule.WindingFill)
    glow_alpha = 1.0
    for shape in scene.shapes:
        if isinstance(shape, Limb) and shape.role == "glow":
            _add_limb(glow_path, pt(shape.a), pt(shape.b), shape.ra * scale, shape.rb * scale)
            glow_alpha = shape.alpha
    for shape in scene.shapes:
        if isinstance(shape, Box) and shape.role in ("mat", "furniture", "wall", "pillow"):
            _paint_box(painter, shape, pt, scale, colours)
    if not glow_path.isEmpty():
        halo = QColor(colours.glow)
        halo.setAlphaF(0.45 + 0.45 * glow_alpha)
        painter.setBrush(halo)
        painter.drawPath(glow_path)
    # With an outline, a thin line of background round each limb and the head
    # keeps limbs lying on each other (seen side-lying) apart; the trunk has none.
    outline = QPen(colours.background, max(1.0, 0.008 * scale))
    for shape in scene.shapes:
        if scene.outline and isinstance(shape, Limb | Disc):
            painter.setPen(outline if shape.role != "body" or isinstance(shape, Disc) else no_pen)
        if isinstance(shape, Limb) and shape.role != "glow":
            painter.setBrush(colours.far if shape.role == "far" else colours.near)
            a, b, ra, rb = pt(shape.a), pt(shape.b), shape.ra * scale, shape.rb * scale
            if scene.outline:
                # Outlined: one merged shape, or the pen would draw the seams inside.
                painter.drawPath(_limb_path(a, b, ra, rb))
            else:
                # Filled only: the pieces filled at once by nonzero winding are
                # the same pixels as their union, without the cost of merging.
                painter.drawPath(_add_limb(QPainterPath(), a, b, ra, rb))
        elif isinstance(shape, Disc):
            fills = {"far": colours.far, "kneecap": colours.kneecap}
            painter.setBrush(fills.get(shape.role, colours.near))
            painter.drawEllipse(_circle(pt(shape.centre), shape.radius * scale))
        elif isinstance(shape, Box) and shape.role in ("heat", "ice"):
            _paint_box(painter, shape, pt, scale, colours)
    painter.setPen(no_pen)
    # Arrows go over the highlight so they always read.
    for shape in scene.shapes:
        if isinstance(shape, Arrow):
            _paint_arrow(painter, shape, pt, scale, colours)
    painter.restore()


def _circle(centre: QPointF, r: float) -> QRectF:
    return QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)


def _band(a: QPointF, b: QPointF, ra: float, rb: float) -> list[QPointF] | None:
    """The band joining two circles along their outer tangents, its corners
    turning clockwise on screen (y down) as ``addEllipse`` does; None when one
    circle holds the other (the capsule is just the bigger circle)."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-6:
        return None
    ux, uy = dx / d, dy / d
    nx, ny = -uy, ux
    s = (ra - rb) / d
    c = math.sqrt(max(0.0, 1 - s * s))
    v1 = (ux * s + nx * c, uy * s + ny * c)
    v2 = (ux * s - nx * c, uy * s - ny * c)
    return [
        QPointF(a.x() + ra * v2[0], a.y() + ra * v2[1]),
        QPointF(b.x() + rb * v2[0], b.y() + rb * v2[1]),
        QPointF(b.x() + rb * v1[0], b.y() + rb * v1[1]),
        QPointF(a.x() + ra * v1[0], a.y() + ra * v1[1]),
    ]


def _bigger_circle(a: QPointF, b: QPointF, ra: float, rb: float) -> QRectF:
    return _circle(a, ra) if ra >= rb else _circle(b, rb)


def _limb_path(a: QPointF, b: QPointF, ra: float, rb: float) -> QPainterPath:
    """A tapered capsule: two circles and the band that joins them, merged."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    corners = _band(a, b, ra, rb)
    if corners is None:
        path.addEllipse(_bigger_circle(a, b, ra, rb))
        return path
    band_path = QPainterPath()
    band_path.addPolygon(QPolygonF(corners))
    band_path.closeSubpath()
    ends = QPainterPath()
    # QRectF overloads: addEllipse(QPointF, rx, ry) over-releases None in
    # PySide6 6.12 after many calls ("none_dealloc" crash).
    ends.addEllipse(_circle(a, ra))
    ends.addEllipse(_circle(b, rb))
    return band_path.united(ends)


def _add_limb(path: QPainterPath, a: QPointF, b: QPointF, ra: float, rb: float) -> QPainterPath:
    """Add a tapered capsule to ``path`` as clockwise pieces: two circles and a band.

    Every piece turns the way ``addEllipse`` does, so with ``WindingFill`` the
    pieces (and several capsules in one path) fill as their union.
    """
    path.setFillRule(Qt.FillRule.WindingFill)
    corners = _band(a, b, ra, rb)
    if corners is None:
        path.addEllipse(_bigger_circle(a, b, ra, rb))
        return path
    path.addPolygon(QPolygonF(corners))
    path.closeSubpath()
    path.addEllipse(_circle(a, ra))
    path.addEllipse(_circle(b, rb))
    return path


def _paint_box(painter: QPainter, box: Box, pt, scale: float, colours: FigureColours) -> None:
    fill = {
        "mat": colours.mat,
        "furniture": colours.furniture,
        "wall": colours.wall,
        "pillow": colours.pillow,
        "heat": HEAT,
        "ice": ICE,
    }.get(box.role, colours.furniture)
    painter.save()
    centre = pt(box.centre)
    painter.translate(centre)
    painter.rotate(-box.angle)
    w, h = box.width * scale, box.height * scale
    painter.setBrush(fill)
    if box.role in ("heat", "ice"):
        painter.setPen(QPen(_mix(fill, colours.background, 0.5), max(1.0, 0.01 * scale)))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
    r = box.radius * scale
    painter.drawRoundedRect(QRectF(-w / 2, -h / 2, w, h), r, r)
    painter.restore()


def _paint_arrow(painter: QPainter, arrow: Arrow, pt, scale: float, colours: FigureColours) -> None:
    pen = QPen(colours.arrow, max(2.0, 0.022 * scale))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF([pt(p) for p in arrow.points]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.arrow)
    painter.drawPolygon(QPolygonF([pt(p) for p in arrow.head]))
    painter.setPen(Qt.PenStyle.NoPen)


def frames_bounds(frames: list[Frame]) -> Bounds:
    """One box that holds every frame, so the figure keeps its size as it moves."""
    boxes = [shapes_bounds(f.scene().shapes) for f in frames]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class FigureView(QWidget):
    """An animated exercise figure.

    ``set_animation`` gives what to play; ``set_playing`` whether to move.
    The timer runs only while the view is visible and playing; a hidden view
    costs nothing. While the figure holds a pose the picture does not change,
    so instead of a frame every 40 ms the timer wakes once, when the hold
    ends. Stopped (paused or hidden), the figure stays at the moment it was
    stopped and goes on from there. ``set_time(seconds)`` shows any moment
    (tests use it, and so does a player that owns the clock).
    """

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._animation: Animation | None = None
        self._bounds: Bounds = (0.0, 0.0, 1.0, 1.0)
        self._time = 0.0
        self._started_at: float | None = None  # clock value at t = 0 while running
        self._playing = True
        self._timer: QTimer | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)
        self.setAccessibleName("Exercise illustration")

    # ----------------------------------------------------------------- content

    def set_animation(self, animation: Animation | None) -> None:
        self._animation = animation
        if animation is not None:
            self._bounds = frames_bounds(animation.all_frames())
        self._time = 0.0
        if self._started_at is not None:
            self._started_at = self._clock()
        self._sync_timer()
        self._schedule()  # a hold of the old animation says nothing about the new one
        self.update()

    def animation(self) -> Animation | None:
        return self._animation

    def frame_at(self, t: float) -> Frame | None:
        return None if self._animation is None else self._animation.frame_at(t)

    def current_frame(self) -> Frame | None:
        return self.frame_at(self._time)

    def current_time(self) -> float:
        return self._time

    def set_time(self, seconds: float) -> None:
        """Show the moment ``seconds`` into the animation (and go on from there)."""
        self._time = float(seconds)
        if self._started_at is not None:
            self._started_at = self._clock() - self._time
            self._schedule()
        self.update()

    def hold_left(self, t: float) -> float | None:
        """Seconds until the figure moves again if it holds still at ``t``; None while moving."""
        animation = self._animation
        if animation is None:
            return None
        local = math.fmod(t, animation.duration)
        if local < 0:
            local += animation.duration
        for phase in animation.phases:
            if local < phase.end:
                return None if phase.moving else phase.end - local
        return None

    # ----------------------------------------------------------------- playing

    def set_playing(self, playing: bool) -> None:
        self._playing = bool(playing)
        self._sync_timer()

    def is_playing(self) -> bool:
        return self._playing

    def is_animating(self) -> bool:
        """True while a timer is running (visible, playing and something to move)."""
        return self._timer is not None and self._timer.isActive()

    def timer_interval_ms(self) -> int | None:
        """When the running timer fires next (a frame, or the end of a hold); None if stopped."""
        return self._timer.interval() if self.is_animating() and self._timer else None

    def _should_run(self) -> bool:
        return (
            self._playing
            and self.isVisible()
            and self._animation is not None
            and any(p.moving for p in self._animation.phases)
        )

    def _sync_timer(self) -> None:
        if self._should_run():
            if self._timer is None:
                self._timer = QTimer(self)
                self._timer.timeout.connect(self._tick)
            if not self._timer.isActive():
                self._started_at = self._clock() - self._time
                self._schedule()
        elif self._timer is not None:
            if self._started_at is not None:
                # Freeze at this moment (the last frame may be up to a hold old).
                self._time = self._clock() - self._started_at
                self.update()
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
            self._started_at = None

    def _schedule(self) -> None:
        """Start the timer for the next change of the picture: a frame, or a hold's end."""
        timer = self._timer
        if timer is None or self._started_at is None:
            return
        hold = self.hold_left(self._clock() - self._started_at)
        if hold is None or hold * 1000 < FRAME_INTERVAL_MS:
            # Frames: coarse is fine, and lets the system batch wake-ups.
            kind, interval = Qt.TimerType.CoarseTimer, FRAME_INTERVAL_MS
        else:
            # A coarse timer may fire 5% late: on a 5 s hold that is a visible stall.
            kind, interval = Qt.TimerType.PreciseTimer, math.ceil(hold * 1000)
        if timer.isActive() and timer.timerType() == kind and timer.interval() == interval:
            return  # the frame cadence goes on undisturbed
        timer.stop()
        timer.setTimerType(kind)
        timer.setInterval(interval)
        timer.start()

    def _tick(self) -> None:
        if self._started_at is None:
            return
        self._time = self._clock() - self._started_at
        self.update()
        self._schedule()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._sync_timer()

    # ---------------------------------------------------------------- painting

    def sizeHint(self) -> QSize:
        return QSize(320, 220)

    def paintEvent(self, event) -> None:
        frame = self.current_frame()
        if frame is None:
            return
        painter = QPainter(self)
        paint_scene(painter, frame.scene(), QRectF(self.rect()), self.palette(), self._bounds)
        painter.end()
