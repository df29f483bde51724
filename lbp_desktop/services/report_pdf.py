"""The clinician report as a PDF, written with Qt's own PDF writer.

``domain.report_content`` decides what the report says; this module puts it
on A4 pages: QPdfWriter and QPainter, with each paragraph and table cell a
small QTextDocument measured on the writer itself. The pages are laid out
by hand rather than by one long QTextDocument, because only that way a
heading never ends a page alone, a chart is never cut, a table row is never
split and a table's header row comes back on every page it runs onto.
Every page has a header (title and period) and a footer ("Page N of M").

The file is made in memory and written atomically (temp file, fsync,
rename, mode 0600: it holds health data), like the other exports, and an
existing file is never replaced unless asked.

Entry points:

- ``write_report_pdf``: content and chart images to a file;
- ``export_report``: the whole job from a store (the command line);
- ``export_report_async``: the same for the Progress page's button, with
  the reading, the analysis and the file write in worker threads, and the
  drawing in the GUI thread in short slices (a chart, the layout, a page).

Charts are widgets drawn offscreen (``views.progress_render``), so the two
export functions import that module when they run; ``write_report_pdf``
needs none of it. Dates are worded with the app's own words
(``views.words``, plain Python), as on the Progress page.
"""

from __future__ import annotations

import asyncio
import html
import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from lbp_desktop import APP_NAME, __version__
from lbp_desktop.domain.report_content import (
    MAX_LISTED_STOPS,
    ReportContent,
    StoppedEvent,
    WeekRow,
    report_content,
)
from lbp_desktop.storage.export_files import ExportError, check_target
from lbp_desktop.views.words import day_month, short_month

if TYPE_CHECKING:
    from lbp_desktop.domain.content import ContentLibrary
    from lbp_desktop.storage.store import Store

# The charts the report shows, in order (the weekday chart adds little for a clinician).
REPORT_CHARTS = ("main", "peg", "change")
# Pixels asked of the chart renderer, and layout pixels per image pixel: at
# 2 the chart's text keeps its on-screen size relative to the chart.
CHART_PIXELS = {"main": (1600, 700), "peg": (1000, 700), "change": (1000, 700)}
CHART_SCALE = 2.0

# Page geometry, in millimetres (A4 is 210 x 297).
RESOLUTION_DPI = 600
SIDE_MM = 20.0
TOP_MM = 12.0
BOTTOM_MM = 12.0
FIRST_HEADER_MM = 21.0  # the first page's header carries the title in large type
HEADER_MM = 10.0
FOOTER_MM = 9.0
BODY_WIDTH_MM = 210.0 - 2 * SIDE_MM  # 170 mm: the main chart's width
COLUMN_GAP_MM = 6.0
KEEP_WHOLE_ROWS = 12  # tables up to this many rows are never split
MIN_ROWS_WITH_HEADER = 3

# Type sizes in points.
TITLE_PT = 15.0
HEADING_PT = 12.0
BODY_PT = 9.5
SMALL_PT = 8.0
MARGIN_PT = 7.5

INK = QColor("#000000")
MUTED = QColor("#555555")
ACCENT = QColor("#0072B2")  # Okabe-Ito blue, as in the charts
RULE = QColor("#b8b8b8")
HEADER_FILL = QColor("#e6edf3")
ZEBRA_FILL = QColor("#f5f5f5")
BOX_FILL = QColor("#f2f5f8")

PREFERRED_FAMILIES = ("DejaVu Sans",)
DASH = "\u2013"
ARROW = "\u2192"
_DONE = object()  # what next() gives once a job has no steps left

# The controller's settings for the weekly plan (kept in step by a test).


# ----- file checks and results ----------------------------------------------------------------


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    size: int  # bytes
    start: date
    end: date
    # Seconds per stage ("read", "charts", "pdf", "write"), for benchmarks and the log.
    timings: Mapping[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return (
            f"Wrote a {self.pages}-page report for {self.start} to {self.end} to {self.path} "
            f"(PDF, {self.size:,} bytes)."
        )


# ----- layout: units placed down the pages ------------------------------------------------------


Paint = Callable[[QPainter, float, float], None]  # painter, left x, top y (device pixels)


@dataclass
class _Unit:
    """Something that is never split across pages."""

    height: float
    paint: Paint
    gap_before: float = 0.0  # dropped at the top of a page
    keep_with_next: bool = False
    repeat_first: _Unit | None = None  # a table's header row, drawn again on a new page


def _paginate(
    units: Sequence[_Unit], body_heights: Callable[[int], float]
) -> list[list[tuple[_Unit, float]]]:
    """Units and their y offsets, page by page."""
    pages: list[list[tuple[_Unit, float]]] = [[]]
    y = 0.0
    for index, unit in enumerate(units):
        gap = unit.gap_before if pages[-1] else 0.0
        need = gap + unit.height
        follower = index
        while units[follower].keep_with_next and follower + 1 < len(units):
            follower += 1
            need += units[follower].gap_before + units[follower].height
        if pages[-1] and y + need > body_heights(len(pages) - 1):
            pages.append([])
            y, gap = 0.0, 0.0
            if unit.repeat_first is not None:
                pages[-1].append((unit.repeat_first, 0.0))
                y = unit.repeat_first.height
        y += gap
        pages[-1].append((unit, y))
        y += unit.height
    return pages


def _font_family() -> str:
    families = set(QFontDatabase.families())
    for name in PREFERRED_FAMILIES:
        if name in families:
            return name
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _short_day(day: date) -> str:
    return f"{day.day} {short_month(day)} {day.year}"


class _Layout:
    """Measures and draws on one PDF writer; all sizes in the writer's device pixels."""

    def __init__(self, writer: QPdfWriter) -> None:
        self.writer = writer
        self.family = _font_family()
        self.px_per_mm = writer.resolution() / 25.4
        self.width = self.mm(BODY_WIDTH_MM)
        palette = QPalette()
        # The app's palette may be dark; paper is white whatever the screen theme.
        palette.setColor(QPalette.ColorRole.Text, INK)
        palette.setColor(QPalette.ColorRole.WindowText, INK)
        self.context = QAbstractTextDocumentLayout.PaintContext()
        self.context.palette = palette

    def mm(self, value: float) -> float:
        return value * self.px_per_mm

    def font(self, points: float, *, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    # --- text ---

    def document(self, markup: str, width: float, points: float = BODY_PT) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        doc.setDefaultFont(self.font(points))
        doc.setDocumentMargin(0)
        doc.setHtml(markup)
        doc.setTextWidth(width)
        return doc

    def draw_document(self, painter: QPainter, doc: QTextDocument, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        doc.documentLayout().draw(painter, self.context)
        painter.restore()

    def paragraph(
        self,
        markup: str,
        *,
        points: float = BODY_PT,
        gap_mm: float = 2.0,
        boxed: bool = False,
        keep_with_next: bool = False,
    ) -> _Unit:
        pad = self.mm(3.0) if boxed else 0.0
        doc = self.document(markup, self.width - 2 * pad, points)
        height = doc.size().height() + 2 * pad

        def paint(painter: QPainter, x: float, y: float) -> None:
            if boxed:
                painter.save()
                painter.setPen(QPen(RULE, self.mm(0.25)))
                painter.setBrush(BOX_FILL)
                painter.drawRect(QRectF(x, y, self.width, height))
                painter.restore()
            self.draw_document(painter, doc, x + pad, y + pad)

        return _Unit(height, paint, gap_before=self.mm(gap_mm), keep_with_next=keep_with_next)

    def heading(self, text: str) -> _Unit:
        doc = self.document(f"<b>{_esc(text)}</b>", self.width, HEADING_PT)
        rule_gap = self.mm(1.2)
        height = doc.size().height() + rule_gap + self.mm(0.8)

        def paint(painter: QPainter, x: float, y: float) -> None:
            self.draw_document(painter, doc, x, y)
            painter.save()
            painter.setPen(QPen(ACCENT, self.mm(0.35)))
            line_y = y + doc.size().height() + rule_gap * 0.5
            painter.drawLine(QLineF(x, line_y, x + self.width, line_y))
            painter.restore()

        return _Unit(height, paint, gap_before=self.mm(6.0), keep_with_next=True)

    def subheading(self, text: str) -> _Unit:
        doc = self.document(f"<b>{_esc(text)}</b>", self.width, BODY_PT)
        return _Unit(
            doc.size().height(),
            lambda painter, x, y: self.draw_document(painter, doc, x, y),
            gap_before=self.mm(3.5),
            keep_with_next=True,
        )

    # --- tables ---

    def table(
        self,
        headers: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        fractions: Sequence[float],
        *,
        right: Sequence[bool] | None = None,
        bold_first: bool = False,
        points: float = SMALL_PT,
        gap_mm: float = 2.0,
    ) -> list[_Unit]:
        """A header row (if any) and one unit per row; the header repeats on new pages."""
        total = sum(fractions)
        widths = [self.width * f / total for f in fractions]
        right = right or [False] * len(widths)
        pad_x, pad_y = self.mm(1.5), self.mm(1.0)

        def row_unit(cells: Sequence[str], *, header: bool, shade: QColor | None) -> _Unit:
            docs = []
            for column, (text, width) in enumerate(zip(cells, widths, strict=True)):
                markup = _esc(text)
                if header or (bold_first and column == 0):
                    markup = f"<b>{markup}</b>"
                if right[column]:
                    markup = f'<div align="right">{markup}</div>'
                docs.append(self.document(markup, width - 2 * pad_x, points))
            height = max(d.size().height() for d in docs) + 2 * pad_y

            def paint(painter: QPainter, x: float, y: float) -> None:
                painter.save()
                if shade is not None:
                    painter.fillRect(QRectF(x, y, self.width, height), shade)
                painter.setPen(QPen(RULE, self.mm(0.2)))
                painter.drawLine(QLineF(x, y + height, x + self.width, y + height))
                painter.restore()
                left = x
                for doc, width in zip(docs, widths, strict=True):
                    self.draw_document(painter, doc, left + pad_x, y + pad_y)
                    left += width

            return _Unit(height, paint)

        units: list[_Unit] = []
        header_unit = None
        if headers is not None:
            header_unit = row_unit(headers, header=True, shade=HEADER_FILL)
            header_unit.keep_with_next = True
            units.append(header_unit)
        body: list[_Unit] = []
        for index, cells in enumerate(rows):
            unit = row_unit(cells, header=False, shade=ZEBRA_FILL if index % 2 else None)
            unit.repeat_first = header_unit
            body.append(unit)
        # A short table stays whole; a long one takes at least its first rows
        # along with the header and never leaves its last row alone on a page.
        if len(body) <= KEEP_WHOLE_ROWS:
            together = body[:-1]
        else:
            together = body[: MIN_ROWS_WITH_HEADER - 1] + body[-2:-1]
        for unit in together:
            unit.keep_with_next = True
        units += body
        if units:
            units[0].gap_before = self.mm(gap_mm)
        return units

    # --- pictures ---

    def pictures(self, items: Sequence[tuple[QImage, str]], *, gap_mm: float = 3.0) -> _Unit:
        """Charts side by side (one fills the width), each with its caption below."""
        gap = self.mm(COLUMN_GAP_MM)
        width = (self.width - gap * (len(items) - 1)) / len(items)
        placed = []
        for image, caption in items:
            height = width * image.height() / max(image.width(), 1)
            doc = self.document(f"<i>{_esc(caption)}</i>", width, SMALL_PT)
            placed.append((image, height, doc))
        caption_gap = self.mm(1.5)
        total = max(h + caption_gap + d.size().height() for _, h, d in placed)

        def paint(painter: QPainter, x: float, y: float) -> None:
            left = x
            for image, height, doc in placed:
                painter.drawImage(QRectF(left, y, width, height), image)
                self.draw_document(painter, doc, left, y + height + caption_gap)
                left += width + gap

        return _Unit(total, paint, gap_before=self.mm(gap_mm))


# ----- the report's sections --------------------------------------------------------------------


def _week_cells(row: WeekRow) -> list[str]:
    start = _short_day(row.monday)
    if row.days_counted < 7:
        start += f" ({row.days_counted} of 7 days)"
    if row.goal and row.percent is not None:
        # Half up, as people round.
        plan, percent = str(row.goal), f"{math.floor(row.percent + 0.5)}%"
    else:
        plan, percent = DASH, DASH
    if row.met is None:
        # A week cut by the period (or still going on) is not judged.
        met = "part week" if row.goal and row.days_counted < 7 else DASH
    else:
        met = "yes" if row.met else "no"
    pain = f"{row.pain_mean:.1f}" if row.pain_mean is not None else DASH
    return [start, str(row.sessions), plan, percent, met, pain, str(row.pain_days)]


def _stop_cells(stop: StoppedEvent) -> list[str]:
    before = DASH if stop.pre is None else str(stop.pre)
    after = DASH if stop.post is None else str(stop.post)
    return [
        _short_day(stop.day),
        stop.plan_name,
        stop.exercise or DASH,
        f"{before} {ARROW} {after}",
        stop.reason,
    ]


def _units(content: ReportContent, images: Mapping[str, QImage], lay: _Layout) -> list[_Unit]:
    """The report from top to bottom; ``_paginate`` cuts it into pages."""
    units: list[_Unit] = []
    about = " ".join(_esc(p) for p in content.about)
    units.append(
        lay.paragraph(f"<b>What this report is and is not.</b> {about}", boxed=True, gap_mm=0.0)
    )
    if not content.has_entries:
        units.append(
            lay.paragraph(
                "<b>No pain scores, PEG answers or sessions were noted in this period</b>, so "
                "there is nothing to show for it yet.",
                gap_mm=3.0,
            )
        )

    units.append(lay.heading("Key figures"))
    units += lay.table(
        None,
        [(f.label, f.value) for f in content.figures],
        (0.34, 0.66),
        bold_first=True,
        points=BODY_PT,
    )

    captions = content.chart_captions
    if "main" in images:
        units.append(lay.heading("Pain and sessions, day by day"))
        units.append(lay.pictures([(images["main"], captions.get("main", ""))]))

    units.append(lay.heading("Pain and PEG trends"))
    units.append(lay.paragraph(f"<b>Pain.</b> {_esc(content.pain.text)}"))
    units.append(lay.paragraph(f"<b>PEG.</b> {_esc(content.peg.text)}"))

    units.append(lay.heading("PEG answers, and pain before and after sessions"))
    small = [(images[n], captions.get(n, "")) for n in ("peg", "change") if n in images]
    units.append(lay.paragraph(_esc(content.session_change.text), keep_with_next=bool(small)))
    if small:
        units.append(lay.pictures(small))

    units.append(lay.heading("Weekly plan and sessions"))
    units.append(lay.paragraph(f"{_esc(content.plan.text)} {_esc(content.adherence.text)}"))
    if content.weeks:
        units.append(lay.subheading(f"The last {len(content.weeks)} weeks of the period"))
        units += lay.table(
            ("Week from", "Sessions", "Plan", "% of plan", "Plan met", "Pain (avg)", "Pain days"),
            [_week_cells(row) for row in content.weeks],
            (0.25, 0.11, 0.09, 0.12, 0.13, 0.13, 0.11),
            right=(False, True, True, True, False, True, True),
        )
    if content.plan.by_plan:
        units.append(lay.subheading("Sessions by plan"))
        units += lay.table(
            ("Plan", "Sessions done", "Stopped for pain"),
            [(p.name, str(p.sessions_done), str(p.stopped_for_pain)) for p in content.plan.by_plan],
            (0.5, 0.25, 0.25),
            right=(False, True, True),
        )

    units.append(lay.heading("Sessions stopped for pain"))
    listed = content.stopped_listed
    units.append(lay.paragraph(_esc(content.stopped_text), keep_with_next=bool(listed)))
    if listed:
        units += lay.table(
            ("Date", "Plan", "During", f"Pain before {ARROW} after", "Reason recorded"),
            [_stop_cells(stop) for stop in listed],
            (0.15, 0.17, 0.2, 0.13, 0.35),
        )
        if len(content.stopped) > MAX_LISTED_STOPS:
            earlier = len(content.stopped) - MAX_LISTED_STOPS
            units.append(lay.paragraph(f"{earlier} earlier stops are not listed.", points=SMALL_PT))

    units.append(lay.heading("Patterns in the diary"))
    units.append(
        lay.paragraph(
            "<i>As the app words them for the person who keeps the diary, on its Progress "
            "page.</i>",
            points=SMALL_PT,
            gap_mm=1.0,
            keep_with_next=True,
        )
    )
    for paragraph in content.insights:
        if paragraph.key == "caveat":
            continue
        units.append(lay.paragraph(f"<b>{_esc(paragraph.heading)}.</b> {_esc(paragraph.text)}"))
    units.append(lay.paragraph(f"<b>{_esc(content.caveat)}</b>", boxed=True, gap_mm=3.0))

    units.append(lay.heading("Sources and definitions"))
    for source in content.sources:
        units.append(lay.paragraph(_esc(source), points=SMALL_PT, gap_mm=1.2))
    return units


# ----- pages ------------------------------------------------------------------------------------


def _header_mm(page: int) -> float:
    return FIRST_HEADER_MM if page == 0 else HEADER_MM


def _body_height_mm(page: int) -> float:
    return 297.0 - TOP_MM - BOTTOM_MM - _header_mm(page) - FOOTER_MM


def _draw_header(painter: QPainter, lay: _Layout, content: ReportContent, page: int) -> None:
    x, top, width = lay.mm(SIDE_MM), lay.mm(TOP_MM), lay.width
    painter.save()
    if page == 0:
        painter.setPen(INK)
        painter.setFont(lay.font(TITLE_PT, bold=True))
        title_h = lay.mm(8.0)
        painter.drawText(QRectF(x, top, width, title_h), Qt.AlignmentFlag.AlignLeft, content.title)
        painter.setFont(lay.font(BODY_PT))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(x, top + title_h, width, lay.mm(6.0)),
            Qt.AlignmentFlag.AlignLeft,
            f"{content.period}  \u00b7  made on {day_month(content.made_on)}",
        )
        rule_y = top + lay.mm(FIRST_HEADER_MM - 5.0)
        painter.setPen(QPen(ACCENT, lay.mm(0.6)))
    else:
        painter.setPen(MUTED)
        painter.setFont(lay.font(SMALL_PT, bold=True))
        box = QRectF(x, top, width, lay.mm(5.0))
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, content.title)
        painter.setFont(lay.font(SMALL_PT))
        painter.drawText(box, Qt.AlignmentFlag.AlignRight, content.period)
        rule_y = top + lay.mm(HEADER_MM - 4.0)
        painter.setPen(QPen(RULE, lay.mm(0.3)))
    painter.drawLine(QLineF(x, rule_y, x + width, rule_y))
    painter.restore()


def _draw_footer(painter: QPainter, lay: _Layout, page: int, pages: int) -> None:
    x, width = lay.mm(SIDE_MM), lay.width
    bottom = lay.mm(297.0 - BOTTOM_MM)
    top = bottom - lay.mm(FOOTER_MM)
    painter.save()
    painter.setPen(QPen(RULE, lay.mm(0.3)))
    rule_y = top + lay.mm(3.0)
    painter.drawLine(QLineF(x, rule_y, x + width, rule_y))
    painter.setPen(MUTED)
    painter.setFont(lay.font(MARGIN_PT))
    box = QRectF(x, rule_y + lay.mm(1.2), width, lay.mm(5.0))
    painter.drawText(
        box,
        Qt.AlignmentFlag.AlignLeft,
        f"Made by {APP_NAME} from the person's own entries. Not a diagnosis.",
    )
    painter.drawText(box, Qt.AlignmentFlag.AlignRight, f"Page {page + 1} of {pages}")
    painter.restore()


class ReportPdfJob:
    """Draws the report in steps: the layout, then one page per step.

    Each step is short (tens of milliseconds), so the GUI can run one per
    turn of its event loop; ``run`` does them all at once. Needs a
    QGuiApplication; everything happens in the thread that made the job.
    """

    def __init__(self, content: ReportContent, chart_images: Mapping[str, QImage]) -> None:
        self.content = content
        self.images = dict(chart_images)
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray())
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer = QPdfWriter(self._buffer)
        self._writer.setResolution(RESOLUTION_DPI)
        self._writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Millimeter,
            )
        )
        self._writer.setTitle(f"{content.title} ({content.period})")
        self._writer.setCreator(f"{APP_NAME} {__version__}")
        self._data: bytes | None = None
        self.pages = 0

    def steps(self) -> Iterator[None]:
        """Do the work, yielding between the layout and each page."""
        lay = _Layout(self._writer)
        content = self.content
        pages = _paginate(_units(content, self.images, lay), lambda p: lay.mm(_body_height_mm(p)))
        self.pages = len(pages)
        yield
        painter = QPainter()
        if not painter.begin(self._writer):
            raise OSError("Qt could not start writing the PDF.")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for index, placed in enumerate(pages):
                if index:
                    self._writer.newPage()
                _draw_header(painter, lay, content, index)
                _draw_footer(painter, lay, index, len(pages))
                body_top = lay.mm(TOP_MM + _header_mm(index))
                for unit, y in placed:
                    unit.paint(painter, lay.mm(SIDE_MM), body_top + y)
                if index + 1 < len(pages):
                    yield
        finally:
            painter.end()
        self._buffer.close()
        self._data = bytes(self._buffer.data().data())

    def run(self) -> tuple[bytes, int]:
        for _ in self.steps():
            pass
        return self.result()

    def result(self) -> tuple[bytes, int]:
        """The PDF's bytes and its number of pages, once every step is done."""
        if self._data is None:
            raise RuntimeError("the report has not been drawn yet")
        return self._data, self.pages


def render_report_pdf(
    content: ReportContent, chart_images: Mapping[str, QImage]
) -> tuple[bytes, int]:
    """The report as PDF bytes, and its number of pages. Needs a QGuiApplication."""
    return ReportPdfJob(content, chart_images).run()


def write_report_pdf(
    path: Path,
    content: ReportContent,
    chart_images: Mapping[str, QImage],
    *,
    force: bool = False,
) -> int:
    """Write the report to ``path`` atomically; returns the number of pages.

    ``chart_images``: any of "main", "peg" and "change" (see ``REPORT_CHARTS``),
    drawn at the body's width (main) or side by side. Raises ExportError when
    ``path`` exists (unless ``force``), is a folder or has no folder;
    OSError when writing fails (no partial file is left).
    """
    from lbp_desktop.storage.atomic import atomic_write_bytes

    path = Path(path)
    check_target(path, force=force)
    data, pages = render_report_pdf(content, chart_images)
    atomic_write_bytes(path, data)
    return pages


# ----- from a store -----------------------------------------------------------------------------


def _stored_goal_history(store: Store) -> list[tuple[date, int]]:
    """The weekly plan over time, read as the app reads it."""
    from lbp_desktop.storage.weekly_plan import goal_history

    return goal_history(store)


@dataclass(frozen=True)
class LibraryNames:
    """Names for the ids in the records: plan id -> name, exercise id -> name."""

    plans: Mapping[str, str] = field(default_factory=dict)
    exercises: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_library(cls, library: ContentLibrary) -> LibraryNames:
        return cls(
            plans={plan_id: plan.name for plan_id, plan in library.plans.items()},
            exercises={ex_id: ex.name for ex_id, ex in library.exercises.items()},
        )


def library_names(data_dir: Path) -> LibraryNames:
    """The names of the bundled plans and exercises and of the user's own plans."""
    from lbp_desktop import paths
    from lbp_desktop.storage.content_files import load_content

    return LibraryNames.from_library(
        load_content(paths.content_dir(), paths.user_plans_dir(data_dir))
    )


def read_report_content(
    store: Store,
    *,
    names: LibraryNames,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
    goal_history: Sequence[tuple[date, int]] | None = None,
) -> ReportContent:
    """Reads the records of the period and builds the report's content.

    No Qt: safe in a worker thread (the store has its own lock). Without
    ``since`` the period starts on the first record's day; without
    ``until`` it ends today (a later ``until`` is cut to today). Without
    ``goal_history`` the weekly plan is read from the settings. Raises
    ExportError for a period that runs backwards or starts after today.
    """
    from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, SessionRun

    today = today or date.today()
    if since is not None and until is not None and since > until:
        raise ExportError(f"The start date {since} is after the end date {until}.")
    if since is not None and since > today:
        raise ExportError(f"The start date {since} is after today; there is nothing to report.")
    end = min(until or today, today)
    # The six days before the start feed the first 7-day averages.
    lead = None if since is None else since - timedelta(days=6)
    checkins = store.records(PainCheckIn, since=lead, until=end)
    runs = store.records(SessionRun, since=since, until=end)
    pegs = store.records(PegAnswer, since=since, until=end)
    breaks = store.records(PostureBreak, since=since, until=end)
    if since is not None:
        start = since
    else:
        firsts = [group[0].at.date() for group in (checkins, runs, pegs) if group]
        start = min(firsts) if firsts else end - timedelta(days=13)
        start = min(start, end)
    goals = list(goal_history) if goal_history is not None else _stored_goal_history(store)
    return report_content(
        checkins,
        runs,
        pegs,
        breaks=breaks,
        goal_history=goals,
        plan_names=names.plans,
        exercise_names=names.exercises,
        start=start,
        end=end,
        today=today,
        day_words=day_month,
    )


def render_report_chart(content: ReportContent, name: str) -> QImage:
    """One of ``REPORT_CHARTS`` as an image, drawn offscreen (needs a QApplication)."""
    from lbp_desktop.views.chart_style import ChartStyle
    from lbp_desktop.views.progress_render import render_chart

    width, height = CHART_PIXELS[name]
    return render_chart(
        name, content.analytics, width, height, style=ChartStyle.for_print(), scale=CHART_SCALE
    )


def export_report(
    store: Store,
    out: Path,
    *,
    names: LibraryNames,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
    goal_history: Sequence[tuple[date, int]] | None = None,
    force: bool = False,
) -> ReportResult:
    """The whole report in one call, in this thread (the command line). Needs a QApplication.

    Raises ExportError (nothing written) for a bad period or target, and
    OSError when writing fails (no partial file is left).
    """
    from lbp_desktop.storage.atomic import atomic_write_bytes

    out = Path(out)
    check_target(out, force=force)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    content = read_report_content(
        store, names=names, since=since, until=until, today=today, goal_history=goal_history
    )
    timings["read"] = time.perf_counter() - started
    started = time.perf_counter()
    images = {name: render_report_chart(content, name) for name in REPORT_CHARTS}
    timings["charts"] = time.perf_counter() - started
    started = time.perf_counter()
    data, pages = render_report_pdf(content, images)
    timings["pdf"] = time.perf_counter() - started
    started = time.perf_counter()
    check_target(out, force=force)
    atomic_write_bytes(out, data)
    timings["write"] = time.perf_counter() - started
    return ReportResult(out, pages, len(data), content.start, content.end, timings)


async def export_report_async(
    store: Store,
    out: Path,
    *,
    names: LibraryNames,
    since: date | None = None,
    until: date | None = None,
    today: date | None = None,
    goal_history: Sequence[tuple[date, int]] | None = None,
    force: bool = False,
) -> ReportResult:
    """``export_report`` for the Progress page: the window keeps responding meanwhile.

    Reading the records, the analysis and writing the file run in worker
    threads. Charts are widgets, so they are drawn in the GUI thread, one
    per turn of the event loop, and so are the pages (layout, then a page
    per turn). ``ReportResult.timings["gui_max"]`` is the longest of those
    GUI-thread slices. Raises what ``export_report`` raises.
    """
    from lbp_desktop.storage.atomic import atomic_write_bytes

    out = Path(out)
    check_target(out, force=force)
    timings: dict[str, float] = {"charts": 0.0, "pdf": 0.0, "gui_max": 0.0}

    def gui_slice(stage: str, began: float) -> None:
        spent = time.perf_counter() - began
        timings[stage] += spent
        timings["gui_max"] = max(timings["gui_max"], spent)

    started = time.perf_counter()
    content = await asyncio.to_thread(
        read_report_content,
        store,
        names=names,
        since=since,
        until=until,
        today=today,
        goal_history=goal_history,
    )
    timings["read"] = time.perf_counter() - started
    images: dict[str, QImage] = {}
    for name in REPORT_CHARTS:
        await asyncio.sleep(0)  # the window repaints and takes input between slices
        started = time.perf_counter()
        images[name] = render_report_chart(content, name)
        gui_slice("charts", started)
    job = ReportPdfJob(content, images)
    steps = job.steps()
    finished = False
    while not finished:
        await asyncio.sleep(0)
        started = time.perf_counter()
        finished = next(steps, _DONE) is _DONE
        gui_slice("pdf", started)
    data, pages = job.result()
    started = time.perf_counter()
    check_target(out, force=force)
    await asyncio.to_thread(atomic_write_bytes, out, data)
    timings["write"] = time.perf_counter() - started
    return ReportResult(out, pages, len(data), content.start, content.end, timings)
