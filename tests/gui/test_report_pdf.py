"""The clinician report as a PDF: read back with QtPdf, pages, file safety, the async path.

The demo report is also saved under build/screenshots/ (report.pdf and one
PNG per page): look at the pages after changing the report.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from lbp_desktop.demo_seed import bundled_plans, seed_demo
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.demo_history import generate_history
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, SessionRun, StepRecord
from lbp_desktop.domain.report_content import (
    TITLE,
    ReportContent,
    StoppedEvent,
    WeekRow,
    report_content,
)
from lbp_desktop.domain.safety import should_stop
from lbp_desktop.services import report_pdf
from lbp_desktop.services.report_pdf import (
    REPORT_CHARTS,
    LibraryNames,
    _paginate,
    _stop_cells,
    _Unit,
    _week_cells,
    export_report,
    export_report_async,
    render_report_chart,
    write_report_pdf,
)
from lbp_desktop.storage import weekly_plan
from lbp_desktop.storage.export_files import ExportError
from lbp_desktop.storage.store import Store
from lbp_desktop.views.words import day_month

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
CET = timezone(timedelta(hours=1))
MONDAY = date(2026, 1, 5)
LAST = MONDAY + timedelta(days=41)
STOP_DAY = MONDAY + timedelta(days=15)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CET)


def hand_made_content() -> ReportContent:
    """Six weeks of pain easing from 6 to 3, sessions most days, one stop for pain."""
    checkins, runs, pegs = [], [], []
    for offset in range(42):
        day = MONDAY + timedelta(days=offset)
        checkins.append(PainCheckIn(at=at(day, 9), score=6 - offset // 14))
        if offset % 2 == 0:
            runs.append(
                SessionRun(at=at(day, 10), plan_id="gentle-start", outcome="completed", pre_pain=5)
            )
        if day.weekday() == 6:
            score = 6 - offset // 14
            pegs.append(PegAnswer(at=at(day, 19), pain=score, enjoyment=score, activity=score))
    step = StepRecord(
        exercise_id="bird-dog",
        started_at=at(STOP_DAY, 18),
        ended_at=at(STOP_DAY, 18) + timedelta(seconds=40),
        planned_s=60.0,
        done_s=40.0,
    )
    runs.append(
        SessionRun(
            at=at(STOP_DAY, 18),
            plan_id="core-builder",
            outcome="stopped_for_pain",
            pre_pain=3,
            post_pain=4,
            stop_reason=should_stop(3, 5).reason,
            steps=(step,),
        )
    )
    return report_content(
        checkins,
        runs,
        pegs,
        goal_history=[(MONDAY, 3)],
        plan_names={"gentle-start": "Gentle start", "core-builder": "Core builder"},
        exercise_names={"bird-dog": "Bird dog"},
        start=MONDAY,
        end=LAST,
        today=LAST,
        day_words=day_month,
    )


def charts(content: ReportContent) -> dict[str, QImage]:
    return {name: render_report_chart(content, name) for name in REPORT_CHARTS}


def read_pdf(path: Path) -> list[str]:
    """The text of every page, as QtPdf extracts it."""
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    assert doc.status() == QPdfDocument.Status.Ready
    pages = [doc.getAllText(page).text() for page in range(doc.pageCount())]
    doc.close()
    return pages


def flat(text: str) -> str:
    """Line breaks and runs of spaces as single spaces, so wrapped sentences match."""
    return " ".join(text.split())


@pytest.fixture
def content(qapp: QApplication) -> ReportContent:
    return hand_made_content()


def test_the_report_reads_back_with_its_title_period_caveat_and_stop(
    content: ReportContent, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    pages = write_report_pdf(out, content, charts(content))
    texts = read_pdf(out)
    assert len(texts) == pages >= 2
    first = flat(texts[0])
    assert TITLE in first
    assert "5 January 2026 to 15 February 2026" in first
    assert "What this report is and is not." in first and "not a diagnosis" in first
    for number, text in enumerate(texts, start=1):
        # The header and footer on every page.
        assert TITLE in text
        assert f"Page {number} of {pages}" in text
    everything = flat(" ".join(texts))
    assert "This shows association, not proof of cause" in everything
    assert "20 Jan 2026 Core builder Bird dog 3 \u2192 4 Your pain went from 3 to 5" in everything
    assert "1 session stopped for pain" in everything
    assert "Ostelo 2008" in everything and "Krebs et al., J Gen Intern Med 2009" in everything
    assert "Key figures" in everything and "Weeks meeting the plan" in everything


def test_the_pdf_is_a4_and_carries_a_title(content: ReportContent, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    write_report_pdf(out, content, {})
    doc = QPdfDocument()
    doc.load(str(out))
    size = doc.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4 in points
    assert TITLE in doc.metaData(QPdfDocument.MetaDataField.Title)
    doc.close()


def test_an_existing_file_is_kept_unless_forced(content: ReportContent, tmp_path: Path) -> None:
    out = tmp_path / "mine.pdf"
    out.write_text("my own notes")
    with pytest.raises(ExportError, match="already exists"):
        write_report_pdf(out, content, {})
    assert out.read_text() == "my own notes"
    with pytest.raises(ExportError, match="is a folder"):
        write_report_pdf(tmp_path, content, {})
    with pytest.raises(ExportError, match="does not exist"):
        write_report_pdf(tmp_path / "nowhere" / "r.pdf", content, {})
    pages = write_report_pdf(out, content, {}, force=True)
    assert out.read_bytes().startswith(b"%PDF-") and pages >= 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.pdf"]  # no temp file left
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600  # health data


def test_text_is_black_on_white_even_in_a_dark_theme(
    content: ReportContent, tmp_path: Path, qapp: QApplication
) -> None:
    saved = qapp.palette()
    dark = QPalette(saved)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        dark.setColor(role, QColor("#ffffff"))
    qapp.setPalette(dark)
    try:
        out = tmp_path / "report.pdf"
        write_report_pdf(out, content, {})
    finally:
        qapp.setPalette(saved)
    doc = QPdfDocument()
    doc.load(str(out))
    image = doc.render(0, QSize(595, 842)).convertToFormat(QImage.Format.Format_RGB32)
    doc.close()
    # The "what this is" box starts just under the first page's header (33 mm down).
    mm = 595 / 210
    dark_pixels = sum(
        QColor(image.pixel(x, y)).lightness() < 100
        for x in range(round(25 * mm), round(185 * mm), 2)
        for y in range(round(36 * mm), round(52 * mm), 2)
    )
    assert dark_pixels > 50


# ----- pages ------------------------------------------------------------------------------------


def unit(height: float, *, keep: bool = False, gap: float = 0.0) -> _Unit:
    return _Unit(height, lambda painter, x, y: None, gap_before=gap, keep_with_next=keep)


def test_a_heading_never_ends_a_page_and_gaps_vanish_at_the_top() -> None:
    body, heading, text = unit(80), unit(5, keep=True, gap=4), unit(20, gap=2)
    pages = _paginate([body, heading, text], lambda page: 100.0)
    assert [[u for u, _ in page] for page in pages] == [[body], [heading, text]]
    assert [y for _, y in pages[1]] == [0.0, 7.0]


def test_a_table_header_comes_back_on_the_next_page() -> None:
    header = unit(6, keep=True)
    rows = [unit(10) for _ in range(12)]
    for row in rows:
        row.repeat_first = header
    pages = _paginate([header, *rows], lambda page: 60.0 if page == 0 else 100.0)
    assert [u for u, _ in pages[0]] == [header, *rows[:5]]
    assert [u for u, _ in pages[1]] == [header, *rows[5:]]
    assert [y for _, y in pages[1]][:3] == [0.0, 6.0, 16.0]


def test_a_long_table_keeps_its_first_and_last_rows_in_company(
    content: ReportContent, tmp_path: Path
) -> None:
    writer_units = report_pdf._Layout(report_pdf.QPdfWriter(str(tmp_path / "x.pdf")))
    units = writer_units.table(("A", "B"), [(str(i), "x") for i in range(30)], (1, 1))
    header, rows = units[0], units[1:]
    assert header.keep_with_next
    assert [r.keep_with_next for r in rows[:2]] == [True, True] and not rows[2].keep_with_next
    assert rows[-2].keep_with_next and not rows[-1].keep_with_next
    short = writer_units.table(None, [("1", "2")] * 5, (1, 1))
    assert [r.keep_with_next for r in short] == [True, True, True, True, False]


def test_table_rows_read_plainly() -> None:
    cut = WeekRow(date(2026, 3, 9), 3, 1, 8, 12.5, None, None, 0)
    assert _week_cells(cut) == [
        "9 Mar 2026 (3 of 7 days)",
        "1",
        "8",
        "13%",
        "part week",
        "\u2013",
        "0",
    ]
    no_plan = WeekRow(date(2026, 3, 2), 7, 4, 0, None, None, 3.25, 5)
    assert _week_cells(no_plan) == ["2 Mar 2026", "4", "\u2013", "\u2013", "\u2013", "3.2", "5"]
    stop = StoppedEvent(date(2026, 3, 4), "my-plan", "my-plan", "", 3, None, "no reason recorded")
    assert _stop_cells(stop) == [
        "4 Mar 2026", "my-plan", "\u2013", "3 \u2192 \u2013", "no reason recorded"
    ]  # fmt: skip


# ----- from a store -----------------------------------------------------------------------------


@pytest.fixture
def diary(tmp_path: Path) -> Iterator[Path]:
    data_dir = tmp_path / "diary"
    now = datetime(2026, 3, 11, 21, 0, tzinfo=CET)
    seed_demo(data_dir, days=70, profile="light", now=now, tz=CET, seed=3)
    yield data_dir


def test_export_from_a_store_with_a_date_range(
    diary: Path, tmp_path: Path, qapp: QApplication, library: ContentLibrary
) -> None:
    out = tmp_path / "range.pdf"
    with Store.open(diary, read_only=True) as store:
        result = export_report(
            store,
            out,
            names=LibraryNames.from_library(library),
            since=date(2026, 2, 1),
            until=date(2026, 2, 28),
            today=date(2026, 3, 11),
        )
    assert (result.start, result.end) == (date(2026, 2, 1), date(2026, 2, 28))
    texts = read_pdf(out)
    assert result.pages == len(texts) and result.size == out.stat().st_size
    assert "1 February 2026 to 28 February 2026" in flat(texts[0])
    assert str(out) in result.summary() and f"{result.pages}-page" in result.summary()
    assert set(result.timings) == {"read", "charts", "pdf", "write"}


def test_the_async_export_keeps_the_event_loop_turning(
    diary: Path, tmp_path: Path, qapp: QApplication, library: ContentLibrary
) -> None:
    import qasync

    out = tmp_path / "async.pdf"
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = qasync.QEventLoop(qapp)
    try:
        with Store.open(diary, read_only=True) as store:
            timer.start()
            result = loop.run_until_complete(
                export_report_async(
                    store, out, names=LibraryNames.from_library(library), today=date(2026, 3, 11)
                )
            )
    finally:
        timer.stop()
        loop.close()
    assert result.pages == len(read_pdf(out))
    assert ticks, "the event loop never ran while the report was made"
    assert set(result.timings) == {"read", "charts", "pdf", "write", "gui_max"}
    assert result.timings["gui_max"] <= result.timings["charts"] + result.timings["pdf"]
    with pytest.raises(ExportError, match="already exists"):
        loop = qasync.QEventLoop(qapp)
        try:
            with Store.open(diary, read_only=True) as store:
                loop.run_until_complete(
                    export_report_async(store, out, names=LibraryNames(), today=date(2026, 3, 11))
                )
        finally:
            loop.close()


def test_the_weekly_plan_is_read_as_the_app_keeps_it(diary: Path) -> None:
    with Store.open(diary) as store:
        store.set_setting(weekly_plan.SETTING_WEEKLY_GOAL, 4)
        store.set_setting(
            weekly_plan.SETTING_GOAL_HISTORY,
            [{"from": "2026-01-01", "goal": 2}, {"from": "2026-03-02", "goal": 4}],
        )
    with Store.open(diary, read_only=True) as store:
        content = report_pdf.read_report_content(
            store, names=LibraryNames(), since=date(2026, 2, 2), today=date(2026, 3, 11)
        )
    assert content.plan.current_goal == 4
    assert content.plan.changes == ((date(2026, 3, 2), 4),)


# ----- the demo report, for people to look at ---------------------------------------------------


def test_demo_report_pages_saved_for_review(qapp: QApplication, library: ContentLibrary) -> None:
    """90 heavy days of the demo diary, as build/screenshots/report.pdf and report-page-N.png."""
    today = date(2026, 3, 11)
    records = list(
        generate_history(days=90, profile="heavy", end=today, tz=CET, seed=7, plans=bundled_plans())
    )
    names = LibraryNames.from_library(library)
    content = report_content(
        [r for r in records if isinstance(r, PainCheckIn)],
        [r for r in records if isinstance(r, SessionRun)],
        [r for r in records if isinstance(r, PegAnswer)],
        goal_history=[(today - timedelta(days=400), 10)],
        plan_names=names.plans,
        exercise_names=names.exercises,
        start=today - timedelta(days=89),
        end=today,
        today=today,
        day_words=day_month,
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    out = SHOTS / "report.pdf"
    pages = write_report_pdf(out, content, charts(content), force=True)
    assert 2 <= pages <= 5
    for old in SHOTS.glob("report-page-*.png"):
        old.unlink()
    doc = QPdfDocument()
    assert doc.load(str(out)) == QPdfDocument.Error.None_
    for page in range(doc.pageCount()):
        size = doc.pagePointSize(page)
        image = doc.render(page, QSize(round(size.width() * 2), round(size.height() * 2)))
        assert not image.isNull()
        assert image.save(str(SHOTS / f"report-page-{page + 1}.png"))
    doc.close()
    assert pages == len(list(SHOTS.glob("report-page-*.png")))
    # Plan and exercise names, not ids, in the stops table.
    assert all(stop.plan_name != stop.plan_id for stop in content.stopped)
