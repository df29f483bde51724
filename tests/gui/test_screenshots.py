"""Render every page with realistic data, light and dark, into build/screenshots/.

Look at the pictures after a visual change: a patient in pain should get
each page at a glance.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from gui_sample_data import TODAY, TZ, History
from shots import not_blank, save_shot

from lbp_desktop.domain.analytics import ProgressData
from lbp_desktop.domain.overview import today_summary
from lbp_desktop.views.data_error_dialog import DataErrorDialog
from lbp_desktop.views.main_window import PAGE_NAMES, MainWindow
from lbp_desktop.views.plan_view import PlanView
from lbp_desktop.views.settings_page import KIND_WORDS
from lbp_desktop.views.theme import apply_theme


class _Backup:
    def __init__(self, made_at: datetime, kind: str) -> None:
        self.made_at = made_at
        self.kind = kind
        self.path = Path(f"/home/ann/.local/share/lbp-desktop/backups/{made_at:%Y-%m-%d}-{kind}")


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp):
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "system")


def test_every_page(
    qtbot, scheme: str, window: MainWindow, history: History, plans: list[PlanView]
) -> None:
    checkins, runs, breaks = history
    window.today_page.show_summary(
        today_summary(checkins, runs, breaks, today=TODAY, weekly_goal=4)
    )
    window.today_page.score_button(4).click()
    window.today_page.area_button("lower_back").click()
    window.session_page.set_plans(plans)
    window.session_page.set_suggestion(
        "gentle-start",
        "Suggested: Gentle start, because your pain went up in your last session. "
        "If it keeps getting worse, ask your GP or a physiotherapist.",
    )
    window.session_page.progression_notice.show_changes(
        "run-1",
        [
            "Bird-dog: now 6 each side, holding 8 s (was 5 each side, holding 7 s), "
            "because you found it too easy twice."
        ],
    )
    window.settings_page.set_data_location("/home/ann/.local/share/lbp-desktop")
    assert set(KIND_WORDS) >= {"daily", "weekly", "manual"}
    window.settings_page.set_backups(
        [
            _Backup(datetime(2026, 3, 11, 14, 5, tzinfo=TZ), "manual"),
            _Backup(datetime(2026, 3, 11, 8, 0, tzinfo=TZ), "daily"),
            _Backup(datetime(2026, 3, 10, 8, 0, tzinfo=TZ), "daily"),
            _Backup(datetime(2026, 3, 9, 8, 0, tzinfo=TZ), "weekly"),
        ]
    )
    window.settings_page.set_weekly_goal(4)
    window.go_to("progress")
    window.progress_page.set_data(ProgressData.from_records(checkins, runs, []), [], TODAY)
    for name in PAGE_NAMES:
        window.go_to(name)
        qtbot.waitUntil(lambda n=name: window.current_page_name() == n)
        assert not_blank(save_shot(window, f"{name}-{scheme}"))


def test_feedback_and_empty_states(qtbot, scheme: str, window: MainWindow) -> None:
    window.today_page.ui.saveButton.click()  # nothing chosen: the inline complaint
    assert not_blank(save_shot(window, f"today-not-saved-{scheme}"))
    window.today_page.score_button(3).click()
    window.today_page.show_saved("Saved: pain 3 out of 10 at 14:05.")
    assert not_blank(save_shot(window, f"today-saved-{scheme}"))
    window.go_to("progress")
    window.progress_page.set_data(ProgressData.from_records([], [], []), [], TODAY)
    assert not_blank(save_shot(window, f"progress-empty-{scheme}"))
    window.session_page.set_plans([])
    window.go_to("session")
    assert not_blank(save_shot(window, f"session-empty-{scheme}"))


def test_data_error_dialog(qtbot, scheme: str) -> None:
    dialog = DataErrorDialog(
        "Your diary for 2026 (records/2026.json) could not be read: it is not complete.",
        date(2026, 3, 10),
        data_dir="/home/ann/.local/share/lbp-desktop",
        file_name="records/2026.json",
        detail="unexpected end of data at byte 81920",
    )
    qtbot.addWidget(dialog)
    dialog.resize(dialog.sizeHint())
    assert not_blank(save_shot(dialog, f"data-error-dialog-{scheme}"))


def test_resume_banner(qtbot, scheme: str, window: MainWindow, history: History) -> None:
    from lbp_desktop.views.notice_banner import BannerChoice, NoticeBanner

    checkins, runs, breaks = history
    window.today_page.show_summary(
        today_summary(checkins, runs, breaks, today=TODAY, weekly_goal=4)
    )
    chosen: list[str] = []
    banner = NoticeBanner(
        "Carry on where you left off?",
        "Your session \u201cCore builder\u201d stopped unexpectedly at 08:12, with 3 parts done.",
        [
            BannerChoice("&Carry on", "Carry on", lambda: chosen.append("carry"), primary=True),
            BannerChoice("&Not now", "Not now", lambda: chosen.append("not now")),
        ],
    )
    window.show_banner(banner)
    assert window.banners() == [banner]
    assert not_blank(save_shot(window, f"resume-banner-{scheme}"))
    banner.button("Not now").click()
    assert chosen == ["not now"] and window.banners() == []


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_today_page_states(
    qtbot, scheme: str, window: MainWindow, history: History, plans: list[PlanView]
) -> None:
    """Entries to correct, the weekly check-in, the next session; default and minimum sizes."""
    from lbp_desktop.domain.records import PegAnswer

    checkins, runs, breaks = history
    page = window.today_page
    page.set_clock(lambda: datetime(2026, 3, 11, 14, 5, tzinfo=TZ))
    gentle = next(plan for plan in plans if plan.id == "gentle-start")
    page.set_suggestion(
        gentle.id,
        gentle.name,
        gentle.minutes,
        "The plan you completed most recently. 1 more session to reach this week's goal.",
    )
    window.resize(1040, 720)
    window.go_to("today")

    page.show_summary(today_summary(checkins, runs, breaks, today=TODAY, weekly_goal=4))
    assert not_blank(save_shot(window, f"today-default-{scheme}"))
    page.ui.scrollArea.ensureWidgetVisible(page.ui.nextCard)
    assert not_blank(save_shot(window, f"today-entries-next-{scheme}"))
    assert not_blank(save_shot(page.ui.scrollContents, f"today-whole-page-{scheme}"))

    row = page.entry_list.rows()[1]
    row.delete_button.click()
    assert not_blank(save_shot(page.ui.historyCard, f"today-delete-confirm-{scheme}"))
    row.keep()

    dialog = page.open_edit(page.entry_list.rows()[0].record_id)
    qtbot.waitExposed(dialog)
    dialog.note_edit.setText("after lunch")
    dialog.when_edit.setDateTime(dialog.when_edit.dateTime().addSecs(3 * 3600))
    dialog.save_button.click()  # 16:40 is still to come: the inline complaint
    assert not_blank(save_shot(dialog, f"today-edit-dialog-{scheme}"))
    dialog.reject()

    page.show_summary(today_summary(checkins, runs, breaks, today=TODAY, weekly_goal=4, pegs=[]))
    page.ui.scrollArea.ensureWidgetVisible(page.peg_card)
    assert not_blank(save_shot(window, f"today-peg-{scheme}"))
    page.peg_card.scales["pain"].buttons[6].click()
    page.peg_card.save_button.click()  # two answers missing
    assert not_blank(save_shot(page.peg_card, f"today-peg-missing-{scheme}"))
    page.show_peg_saved(
        PegAnswer(at=datetime(2026, 3, 11, 14, 5, tzinfo=TZ), pain=6, enjoyment=5, activity=5)
    )
    assert not_blank(save_shot(page.peg_card, f"today-peg-saved-{scheme}"))
    page.peg_card.dismiss()
    page.show_summary(today_summary(checkins, runs, breaks, today=TODAY, weekly_goal=4, pegs=[]))

    window.resize(720, 520)
    qtbot.waitUntil(page.is_narrow)
    page.ui.scrollArea.ensureVisible(0, 0)
    assert not_blank(save_shot(window, f"today-minimum-{scheme}"))
    assert not_blank(save_shot(page.ui.scrollContents, f"today-minimum-whole-page-{scheme}"))
