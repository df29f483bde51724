"""Composition root after the first paint: store, content, pages, wiring.

Views render and emit intents; this object turns intents into store writes
and fresh view state. It holds no health rules of its own: those live in the
domain (records validate themselves, overview computes the summaries).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
import logging
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from lbp_desktop import paths, proc_stats
from lbp_desktop.app import STATE_GEOMETRY, STATE_THEME, open_window_state
from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.onboarding import (
    SETTING_EQUIPMENT,
    SETTING_PREFERRED_TIME,
    parse_time_text,
)
from lbp_desktop.domain.overview import today_summary
from lbp_desktop.domain.progression import (
    ProgressionState,
    adjusted_library,
    any_moved,
    apply_feedback,
    level_forms,
    undo_last,
)
from lbp_desktop.domain.records import (
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    SessionRun,
    ValidationError,
)
from lbp_desktop.services.quit_signals import QuitOnSignals
from lbp_desktop.storage import backups, weekly_plan
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.errors import DataFileError, StoreError, StoreLocked
from lbp_desktop.storage.layout import UNREADABLE_DIR
from lbp_desktop.storage.store import Store
from lbp_desktop.views.data_error_dialog import DataErrorChoice, ask_about_unreadable_file
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.plan_view import plan_views
from lbp_desktop.views.theme import apply_theme, normalise_choice

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from lbp_desktop.companion import TrayCompanion
    from lbp_desktop.domain.analytics import ProgressData
    from lbp_desktop.domain.break_routines import BreakRoutine
    from lbp_desktop.domain.onboarding import OnboardingAnswers
    from lbp_desktop.domain.plan_suggestion import PlanSuggestion
    from lbp_desktop.services.cue_player import CuePlayer

log = logging.getLogger(__name__)

SETTING_PEG_SKIPPED_WEEK = "peg_skipped_week"
SETTING_SAFETY_SCREEN = "safety_screen"
SETTING_HEAT_ICE_CHECK = "heat_ice_check"
SETTING_PROGRESSION = "progression"
SETTING_CUE_VOLUME = "cue_volume"
SETTING_SPOKEN_CUES = "spoken_cues"
DEFAULT_CUE_VOLUME = 80
# Long enough for any streak the Today page shows and for this week.
TODAY_LOOKBACK = timedelta(days=60)
PEG_LOOKBACK = timedelta(days=8)  # the PEG is due a week after the last answer
# The Progress page's longest range (12 months) plus a little.
PROGRESS_LOOKBACK = timedelta(days=370)
# Progress page exports: file extension and what the file is, in words.
EXPORT_FILES = {
    "pdf": ("pdf", "report for your physiotherapist"),
    "csv": ("csv", "spreadsheet (CSV)"),
    "fhir": ("json", "FHIR health record"),
}
# Runs left "in progress" by a crash are looked for this far back.
INTERRUPTED_LOOKBACK = timedelta(days=31)

# What _write returns when a store write failed (its message already shown).
_FAILED = object()
T = TypeVar("T")

EXIT_UNREADABLE = 2
EXIT_FAILED = 1


class AppController(QObject):
    """Owns the store for the life of the app and keeps the window in step."""

    ready = Signal()  # started: store open, pages wired

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        data_dir: Path,
        *,
        clock: Clock,
        smoke_test: bool = False,
        window_state: QSettings | None = None,
        play_on_start: str | None = None,
        cues: CuePlayer | None = None,
        in_tray: bool = False,
    ) -> None:
        super().__init__()
        self.app = app
        self.window = window
        self.data_dir = data_dir
        self.clock = clock
        self.smoke_test = smoke_test
        self.play_on_start = play_on_start  # `lbp-desktop play PLAN_ID`
        self.in_tray = in_tray  # started at login: the window stays hidden
        self.quitting = False  # Quit was chosen: closing the window really closes it
        self.companion: TrayCompanion | None = None
        self._cues = cues  # made on first use; tests pass one with fake backends
        self._cues_wired = False
        self._cue_notices: list[str] = []
        self._all_years_shown = False  # Progress read every year (on "All")
        self.window_state = window_state or open_window_state(data_dir)
        self.store: Store | None = None
        self.library: ContentLibrary | None = None
        self.exit_code = 0
        self._closed = asyncio.Event()
        self._background: set[asyncio.Task[None]] = set()

    # ----- the store -------------------------------------------------------------------------

    def open_store(self) -> bool:
        """Open the diary; on an unreadable file ask the user. False means quit."""
        read_only = False
        while True:
            try:
                self.store = Store.open(self.data_dir, read_only=read_only, clock=self.clock)
            except StoreLocked:
                # Another program (say, a seed-demo run) writes: look, never touch.
                read_only = True
                continue
            except DataFileError as exc:
                log.warning("unreadable data file: %s (%s)", exc.path, exc.detail)
                if self.smoke_test or not self._resolve_unreadable(exc):
                    self._report(f"error: {exc}")
                    self.exit_code = EXIT_UNREADABLE
                    return False
                continue
            except OSError as exc:
                self._cannot_use_folder(exc)
                self.exit_code = EXIT_UNREADABLE
                return False
            if read_only:
                self.window.show_status(
                    "Another program is writing to your diary right now, so nothing can be "
                    "changed here. Close it and start the app again to make changes.",
                    0,
                )
            return True

    def _cannot_use_folder(self, exc: OSError) -> None:
        reason = exc.strerror or str(exc)
        message = (
            f"The app cannot use its data folder ({self.data_dir}): {reason}. "
            "Nothing in it was changed."
        )
        log.warning("%s", message)
        self._report(f"error: {message}")
        if not self.smoke_test:
            QMessageBox.critical(
                self.window,
                "The data folder cannot be used",
                f"{message}\n\nSomeone helping you can check the folder's permissions, "
                "or start the app with --data-dir to use another folder.",
            )

    def _resolve_unreadable(self, exc: DataFileError) -> bool:
        """True when a backup was restored and opening is worth another try."""
        file_name = exc.path.relative_to(self.data_dir).as_posix()
        good = backups.latest_good_backup(self.data_dir, file_name)
        choice = ask_about_unreadable_file(
            str(exc),
            good.made_at if good else None,
            data_dir=str(self.data_dir),
            file_name=file_name,
            detail=exc.detail,
            parent=self.window,
        )
        if choice is DataErrorChoice.RESTORE and good is not None:
            backups.restore_file(self.data_dir, good, file_name)
            return True
        if choice is DataErrorChoice.OPEN_FOLDER:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
        return False

    # ----- pages ---------------------------------------------------------------------------

    def wire_pages(self) -> None:
        """Connect each page when it is built; pages nobody opens are never built."""
        window = self.window
        window.closing.connect(self._on_closing)
        window.page_built.connect(self._on_page_built)
        for name in window.built_pages():  # opened before the store was ready
            self._on_page_built(name)
        if window.isVisible() or not self.in_tray:
            from lbp_desktop.views.app_icon import ensure_app_icon

            ensure_app_icon()  # after the first paint: decoding it costs ~10 ms
            window.show_current_page()
        else:
            window.show_current_page_when_shown()  # no page costs memory until it is seen

    def _on_page_built(self, name: str) -> None:
        window = self.window
        if name == "today":
            today_page = window.today_page
            today_page.set_clock(self.clock.now)
            today_page.pain_log_requested.connect(self.log_pain)
            today_page.pain_edit_requested.connect(self.edit_pain)
            today_page.pain_delete_requested.connect(self.delete_pain)
            today_page.peg_submitted.connect(self.save_peg)
            today_page.peg_skipped.connect(self.skip_peg)
            today_page.start_plan_requested.connect(self.start_session)
            self.refresh_today()
        elif name == "session":
            window.session_page.start_requested.connect(self.start_session)
            window.session_page.progression_notice.undo_requested.connect(self.undo_progression)
            if self.library is not None:
                window.session_page.set_plans(plan_views(self.playable_library()))
                self.refresh_suggestion()
        elif name == "exercises":
            self._fill_gallery()
        elif name == "progress":
            page = window.progress_page
            page.first_shown.connect(self.fill_progress)
            page.range_changed.connect(self._progress_range_changed)
            page.export_requested.connect(self.export_from_progress)
            if page.isVisible():  # shown before we were listening
                self.fill_progress()
        elif name == "settings":
            settings = window.settings_page
            settings.open_folder_requested.connect(self._open_data_folder)
            settings.backup_requested.connect(self._back_up_now)
            settings.restore_requested.connect(self._restore_backup)
            settings.theme_changed.connect(self._set_theme)
            settings.weekly_goal_changed.connect(self._set_weekly_goal)
            settings.safety_review_requested.connect(self.review_safety_answers)
            settings.volume_changed.connect(self._set_cue_volume)
            settings.voice_changed.connect(self._set_spoken_cues)
            settings.test_sound_requested.connect(lambda: self.cue_player().test_sound())
            settings.reminder_settings_changed.connect(self._set_reminder_settings)
            settings.autostart_toggled.connect(self._set_autostart)
            settings.export_requested.connect(self.export_whole_diary)
            settings.preferred_time_changed.connect(self._set_preferred_time)
            settings.equipment_changed.connect(self._set_equipment)
            settings.delete_all_requested.connect(self.delete_all_data)
            settings.onboarding_requested.connect(lambda: self.show_onboarding(force=True))
            self.refresh_settings()

    def _fill_gallery(self) -> None:
        from lbp_desktop.storage.pose_files import load_poses, poses_dir
        from lbp_desktop.views.gallery_page import gallery_items

        if self.library is None:
            return
        poses = load_poses(poses_dir(), self.library.exercises)
        page = self.window.exercises_page
        page.set_exercises(gallery_items(self.library, poses))
        page.set_education(list(self.library.education.values()))

    def load_content(self) -> None:
        self.library = load_content(paths.content_dir(), paths.user_plans_dir(self.data_dir))
        if "session" in self.window.built_pages():
            self.window.session_page.set_plans(plan_views(self.playable_library()))
            self.refresh_suggestion()
        if "exercises" in self.window.built_pages():
            self._fill_gallery()
        if self.library.problems:
            self.window.show_status(
                f"{len(self.library.problems)} problem(s) in the exercise or plan files were "
                "skipped; `lbp-desktop check` lists them.",
            )

    # ----- progression ---------------------------------------------------------------------

    def progression(self) -> ProgressionState:
        """The user's dose steps; a store without them (or with garbage) starts fresh."""
        if self.store is None:
            return ProgressionState.from_json(None)
        return ProgressionState.from_json(self.store.get_setting(SETTING_PROGRESSION))

    def playable_library(self) -> ContentLibrary:
        """The content with every plan at the doses the user's ratings led to."""
        assert self.library is not None
        return adjusted_library(self.library, self.progression())

    def _refresh_plans(self) -> None:
        if self.library is not None and "session" in self.window.built_pages():
            self.window.session_page.set_plans(plan_views(self.playable_library()))

    def _progress_from_ratings(self, run: SessionRun) -> None:
        """After a session: the ratings move doses; the Session page says how."""
        if self.library is None or self.store is None or self.store.read_only:
            return
        feedback = run.extra.get("feedback") if isinstance(run.extra, dict) else None
        if not isinstance(feedback, dict) or not feedback:
            return
        state, changes = apply_feedback(
            self.progression(),
            feedback,
            self.library,
            run_id=run.id,
            at=run.ended_at or self.clock.now(),
            plan_id=run.plan_id,
        )
        self._save_setting(SETTING_PROGRESSION, state.to_json())
        if not changes:
            return
        self._refresh_plans()
        notice = self.window.session_page.progression_notice
        notice.show_changes(run.id, [c.text for c in changes], can_undo=any_moved(changes))

    def undo_progression(self, run_id: str) -> None:
        if self.store is None or self.store.read_only:
            return
        self._save_setting(SETTING_PROGRESSION, undo_last(self.progression(), run_id).to_json())
        self._refresh_plans()
        self.window.session_page.progression_notice.show_undone(
            "Your doses are back to what they were before that session."
        )

    def bundled_content_problems(self) -> list[str]:
        """Problems in the content shipped with the app (a bug), not in the user's plans."""
        user = paths.user_plans_dir(self.data_dir)
        assert self.library is not None
        return [str(p) for p in self.library.problems if not Path(p.file).is_relative_to(user)]

    def weekly_goal(self) -> int:
        assert self.store is not None
        return weekly_plan.weekly_goal(self.store)

    def refresh_today(self) -> None:
        if self.store is None or "today" not in self.window.built_pages():
            return
        today = self.clock.now().date()
        since = today - TODAY_LOOKBACK
        runs = self.store.records(SessionRun, since=since)
        summary = today_summary(
            self.store.records(PainCheckIn, since=since),
            runs,
            self.store.records(PostureBreak, since=today - timedelta(days=1)),
            today=today,
            weekly_goal=self.weekly_goal(),
            pegs=self.store.records(PegAnswer, since=today - PEG_LOOKBACK),
            peg_skipped_week=self.store.get_setting(SETTING_PEG_SKIPPED_WEEK),
        )
        page = self.window.today_page
        page.show_summary(summary)
        found = self._suggestion(runs, today)
        view = None
        if found is not None and self.library is not None:
            views = {v.id: v for v in plan_views(self.playable_library())}
            view = views.get(found.plan_id)
        if found is None or view is None:
            page.set_suggestion(None)
        else:
            page.set_suggestion(found.plan_id, view.name, view.minutes, found.reason)

    def _suggestion(self, runs: list[SessionRun], today: date) -> PlanSuggestion | None:
        from lbp_desktop.domain.plan_suggestion import suggest_plan

        if self.library is None:
            return None
        return suggest_plan(runs, self.library.plans, today=today, weekly_goal=self.weekly_goal())

    def refresh_suggestion(self) -> None:
        """The Session page marks the plan to do next (the gentle one after pain)."""
        from lbp_desktop.domain.plan_suggestion import AFTER_PAIN, FIRST_TIME

        if self.store is None or self.library is None:
            return
        if "session" not in self.window.built_pages():
            return
        today = self.clock.now().date()
        found = self._suggestion(
            self.store.records(SessionRun, since=today - TODAY_LOOKBACK), today
        )
        page = self.window.session_page
        # The plan list speaks up only when there is a reason to steer: a first
        # plan, or an easier one after pain. Doing the last plan again is the
        # Today page's quiet suggestion.
        if found is not None and found.why in (FIRST_TIME, AFTER_PAIN):
            page.set_suggestion(found.plan_id, found.text)
        else:
            page.set_suggestion(None)

    def edit_pain(
        self, record_id: str, score: int, area: str | None, note: str, at: datetime | None
    ) -> None:
        from lbp_desktop.domain.overview import in_the_future

        assert self.store is not None
        page = self.window.today_page
        record = self.store.get(PainCheckIn, record_id)
        if record is None:
            page.show_entry_error("That entry is no longer in your diary.")
            self.refresh_today()
            return
        if at is not None and in_the_future(at, self.clock.now()):
            page.show_entry_error("The time of an entry cannot be in the future.")
            return
        changes: dict[str, object] = {"score": score, "area": area, "note": note}
        if at is not None:
            changes["at"] = at
        store = self.store
        fixed = self._write(lambda: store.update(record.replace(**changes)), page.show_entry_error)
        if fixed is not _FAILED:
            self.refresh_today()
            page.show_entry_saved("Entry corrected.")

    def delete_pain(self, record_id: str) -> None:
        assert self.store is not None
        page = self.window.today_page
        store = self.store
        if (
            self._write(lambda: store.delete(PainCheckIn, record_id), page.show_entry_error)
            is not _FAILED
        ):
            self.refresh_today()
            page.show_entry_saved("Entry deleted.")

    def save_peg(self, pain: int, enjoyment: int, activity: int) -> None:
        assert self.store is not None
        page = self.window.today_page
        store = self.store
        answer = PegAnswer(at=self.clock.now(), pain=pain, enjoyment=enjoyment, activity=activity)
        stored = self._write(lambda: store.add(answer), page.show_peg_error)
        if stored is not _FAILED:
            self.refresh_today()
            page.show_peg_saved(stored)

    def skip_peg(self) -> None:
        from lbp_desktop.domain.peg_schedule import iso_week_key

        self._save_setting(SETTING_PEG_SKIPPED_WEEK, iso_week_key(self.clock.now().date()))
        self.refresh_today()

    def _write(self, action: Callable[[], T], show_error: Callable[[str], None]) -> T | object:
        """Run a store write and return its result; on failure say why in plain
        words (the form keeps what the user entered) and return ``_FAILED``."""
        try:
            return action()
        except ValidationError as exc:
            show_error(f"That could not be saved: {exc.message}.")
        except StoreError as exc:
            show_error(str(exc))
        except OSError as exc:
            show_error(
                f"It could not be written to disk ({exc.strerror}). Nothing in your diary "
                "was lost; please try again."
            )
        return _FAILED

    def log_pain(self, score: int, area: str | None, note: str) -> None:
        assert self.store is not None
        store, page = self.store, self.window.today_page
        entry = PainCheckIn(at=self.clock.now(), score=score, area=area, note=note)
        record = self._write(lambda: store.add(entry), page.show_error)
        if record is _FAILED:
            return
        assert isinstance(record, PainCheckIn)
        page.show_saved(f"Saved: pain {score} out of 10 at {record.at:%H:%M}.")
        self.refresh_today()

    def fill_progress(self) -> None:
        """The last 12 months at once (the current year is already in memory).

        Older years are read only when the user asks for All: ten years of
        records cost ~1 s to read and tens of MB to keep, which an app that
        sits in the tray all day should not pay for a chart nobody opened.
        """
        assert self.store is not None
        today = self.clock.now().date()
        self._show_progress(self._progress_data(since=today - PROGRESS_LOOKBACK), today)
        page = self.window.progress_page
        if page.current_range() == "all":
            self._progress_range_changed("all")

    def _has_older_years(self, today: date) -> bool:
        assert self.store is not None
        return any(year < (today - PROGRESS_LOOKBACK).year for year in self.store.years())

    def _progress_range_changed(self, name: str) -> None:
        if self.store is None or name != "all" or self._all_years_shown:
            return
        today = self.clock.now().date()
        if not self._has_older_years(today):
            return
        self._all_years_shown = True
        self.window.progress_page.set_busy("Reading your earlier years…")
        self._soon(self._progress_in_background(today))

    def _progress_data(self, since: date | None) -> ProgressData:
        from lbp_desktop.domain.analytics import ProgressData

        assert self.store is not None
        return ProgressData.from_records(
            self.store.records(PainCheckIn, since=since),
            self.store.records(SessionRun, since=since),
            self.store.records(PegAnswer, since=since),
            self.store.records(PostureBreak, since=since),
        )

    def _all_progress_data(self) -> ProgressData:
        """Every year, read with the garbage collector held off: its full passes
        over a growing heap of records would stall the window (0.1-0.3 s each)."""
        gc.disable()
        try:
            return self._progress_data(since=None)
        finally:
            gc.enable()
            # The records stay for the life of the app: no later pass need walk them.
            gc.freeze()

    def _show_progress(self, data: ProgressData, today: date) -> None:
        self.window.progress_page.set_data(data, self.goal_history(), today)

    async def _progress_in_background(self, today: date) -> None:
        # The store is thread-safe (one lock); the window stays responsive.
        page = self.window.progress_page
        try:
            data = await asyncio.to_thread(self._all_progress_data)
        except (StoreError, OSError) as exc:
            self._all_years_shown = False
            page.show_message(f"Your earlier years could not be read: {exc}", error=True)
            return
        if self.store is not None:
            self._show_progress(data, today)
            page.show_message("")

    def _ask_export_path(self, format_name: str, stem: str) -> Path | None:
        """The file the user picks for an export (None: they cancelled)."""
        from PySide6.QtWidgets import QFileDialog

        ext, kind = EXPORT_FILES[format_name]
        suggested = paths.documents_dir() / f"{stem}.{ext}"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, f"Save the {kind} as", str(suggested), f"{kind} (*.{ext})"
        )
        if not chosen:
            return None
        out = Path(chosen)
        return out if out.suffix.lower() == f".{ext}" else out.with_name(out.name + f".{ext}")

    def export_from_progress(self, format_name: str) -> None:
        """Progress page: export the period shown, to a file the user picks."""
        if self.store is None or self.library is None or format_name not in EXPORT_FILES:
            return
        page = self.window.progress_page
        since, until = page.current_bounds()
        out = self._ask_export_path(format_name, f"back-care-{since:%Y-%m-%d}-to-{until:%Y-%m-%d}")
        if out is None:
            return
        page.set_busy(f"Writing the {EXPORT_FILES[format_name][1]}…")

        def show(text: str, error: bool) -> None:
            page.show_message(text, error=error)

        self._soon(self._export(format_name, out, since, until, show))

    def export_whole_diary(self, format_name: str) -> None:
        """Settings page: export everything, to a file the user picks."""
        if self.store is None or self.library is None or format_name not in EXPORT_FILES:
            return
        page = self.window.settings_page
        today = self.clock.now().date()
        out = self._ask_export_path(format_name, f"back-care-diary-{today:%Y-%m-%d}")
        if out is None:
            return
        page.set_export_busy(f"Writing the {EXPORT_FILES[format_name][1]}…")

        def show(text: str, error: bool) -> None:
            (page.show_error if error else page.show_saved)(text)

        self._soon(self._export(format_name, out, None, None, show))

    async def _export(
        self,
        format_name: str,
        out: Path,
        since: date | None,
        until: date | None,
        show: Callable[[str, bool], None],
    ) -> None:
        """Write the export in the background; ``show(text, error)`` says how it went."""
        from lbp_desktop.storage.export_files import ExportError

        assert self.store is not None and self.library is not None
        try:
            if format_name == "pdf":
                from lbp_desktop.services.report_pdf import LibraryNames, export_report_async

                result = await export_report_async(
                    self.store,
                    out,
                    names=LibraryNames.from_library(self.library),
                    since=since,
                    until=until,
                    today=self.clock.now().date(),
                    goal_history=self.goal_history(),
                    force=True,  # the save dialog already asked about replacing it
                )
            else:
                from lbp_desktop.storage.export_files import export_to_file

                result = await asyncio.to_thread(
                    export_to_file, self.store, format_name, out, since=since, until=until,
                    force=True,
                )  # fmt: skip
        except (ExportError, StoreError) as exc:
            show(f"Not saved: {exc}", True)
            return
        except OSError as exc:
            show(f"Not saved: {out} could not be written ({exc.strerror}).", True)
            return
        log.info("exported %s: %s", format_name, result)
        show(f"Saved to {out}.", False)

    # ----- guided sessions -----------------------------------------------------------------

    def play_plan(self, plan_id: str) -> None:
        """`lbp-desktop play PLAN_ID`: straight into that plan (or say why not)."""
        if self.library is None:
            return
        if plan_id not in self.library.plans:
            self.window.go_to("session")
            self.window.show_status(
                f'There is no plan called "{plan_id}". Pick one from the list.', 0
            )
            return
        if self.window.session_view() is None:
            self.window.session_page.select_plan(plan_id)
        self.start_session(plan_id)

    def handle_message(self, message: dict) -> None:
        """A request from a second launch (already brought to the front)."""
        if message.get("action") == "play" and isinstance(message.get("plan"), str):
            self.play_plan(message["plan"])

    def start_session(self, plan_id: str, resume: SessionRun | None = None) -> None:
        """Open the player for a plan, once the safety questions allow it.

        ``resume``: an interrupted run of this plan to carry on.
        """
        if self.store is None or self.library is None or plan_id not in self.library.plans:
            return
        if self.window.session_view() is not None:
            self.window.go_to("session")  # one session at a time: show the one running
            return
        if self.store.read_only:
            self.window.show_status(
                "Sessions cannot be saved while another program writes to your diary.", 0
            )
            return
        if not self._safety_cleared():
            return
        library = self._library_without_refused_packs(plan_id)
        if library is None:
            return
        # Where the user's dose reached a level, say how that level is done.
        forms = level_forms(self.library, self.progression(), plan_id)
        if forms:
            library = dataclasses.replace(library, exercises={**library.exercises, **forms})
        from lbp_desktop.session_runner import SessionRunner
        from lbp_desktop.storage.pose_files import load_poses, poses_dir
        from lbp_desktop.views.player_page import PlayerPage

        page = PlayerPage()
        poses = load_poses(poses_dir(), self.library.exercises)
        cues = self.cue_player()
        cues.warm_up()  # sounds and speech load now, not before the first paint
        try:
            runner = SessionRunner(
                plan_id,
                library,
                poses,
                self.store,
                self.clock,
                page,
                resume=resume,
                cues=cues,
                parent=page,
            )
        except ValueError as exc:  # the interrupted run no longer fits the plan
            log.warning("cannot carry on run: %s", exc)
            page.deleteLater()
            if resume is not None:
                self._close_interrupted(resume)
            self.window.show_status(
                "That session cannot be carried on: the plan has changed since. "
                "It is kept in your diary as it was.",
                0,
            )
            return
        runner.finished.connect(self._session_finished)
        runner.save_failed.connect(lambda message: self.window.show_status(message, 0))
        page.cancel_requested.connect(lambda: self._close_session_view(cues))
        page.full_screen_changed.connect(self._set_full_screen)
        self.window.show_session_view(page)
        log.info("session opened: %s%s", plan_id, " (carried on)" if resume else "")

    def offer_to_resume(self) -> None:
        """An interrupted session from today is offered; older ones are closed."""
        from lbp_desktop.domain.run_resume import pick_offer

        if self.store is None or self.library is None or self.store.read_only:
            return
        now = self.clock.now()
        runs = self.store.records(SessionRun, since=now.date() - INTERRUPTED_LOOKBACK)
        offer, to_close = pick_offer(runs, now, self.library.plans)
        for run in to_close:
            self._close_interrupted(run)
        if offer is None:
            return
        from lbp_desktop.views.notice_banner import BannerChoice, NoticeBanner

        run = offer.run
        plan = self.library.plans[run.plan_id]
        done = sum(1 for step in run.steps if not step.skipped)
        parts = f", with {done} part{'s' if done != 1 else ''} done" if done else ""
        heat_ice = self._heat_ice_kinds(run.plan_id)
        pack = (
            " If a heat or cold pack is still on, take it off first and look at your skin."
            if heat_ice
            else ""
        )
        banner = NoticeBanner(
            "Carry on where you left off?",
            f"Your session \u201c{plan.name}\u201d stopped unexpectedly at "
            f"{offer.last_activity.astimezone(now.tzinfo):%H:%M}{parts}.{pack}",
            [
                BannerChoice(
                    "&Carry on",
                    "Carry on the interrupted session",
                    lambda: self.start_session(run.plan_id, resume=run),
                    primary=True,
                ),
                BannerChoice(
                    "&Not now",
                    "Do not carry on the interrupted session",
                    lambda: self._close_interrupted(run),
                ),
            ],
        )
        banner.setObjectName("resumeBanner")
        self.window.show_banner(banner)

    def _close_interrupted(self, run: SessionRun) -> None:
        from lbp_desktop.domain.run_resume import closed_as_interrupted

        assert self.store is not None
        try:
            self.store.update(closed_as_interrupted(run))
        except (StoreError, OSError) as exc:
            log.warning("could not close interrupted run %s: %s", run.id, exc)
            return
        self.refresh_today()

    def _close_session_view(self, cues: CuePlayer) -> None:
        cues.stop()
        self.window.show_session_view(None)

    def _session_finished(self, run: object) -> None:
        if self._cues is not None:
            self._cues.stop()
        self._set_full_screen(False)
        self.window.show_session_view(None)
        if isinstance(run, SessionRun):
            self._progress_from_ratings(run)
        self.window.show_status("Your session is saved. Well done for looking after your back.")
        self.refresh_today()
        self.refresh_suggestion()
        if "progress" in self.window.built_pages():
            self.fill_progress()

    def _set_full_screen(self, on: bool) -> None:
        if on:
            self.window.showFullScreen()
        elif self.window.isFullScreen():
            self.window.showNormal()

    def _heat_ice_kinds(self, plan_id: str) -> list[str]:
        assert self.library is not None
        kinds = []
        for item in self.library.plans[plan_id].items:
            category = self.library.exercises[item.exercise_id].category
            if category in ("heat", "ice") and category not in kinds:
                kinds.append(category)
        return kinds

    def review_safety_answers(self) -> None:
        """Settings: look at the red-flag answers again and change them if need be."""
        self._ask_safety_questions()
        self.refresh_settings()

    def _safety_status_text(self) -> str:
        assert self.store is not None
        stored = self.store.get_setting(SETTING_SAFETY_SCREEN)
        if not isinstance(stored, dict):
            return (
                "You will be asked a few questions about warning signs before your first "
                "guided session."
            )
        if stored.get("blocks"):
            return (
                "Guided sessions are paused: one of your answers was a warning sign. Please "
                "follow the advice you were given. If an answer was a slip, review it here."
            )
        return "You answered the safety questions; none showed a warning sign."

    def _safety_cleared(self) -> bool:
        """The first-run disclaimer and red-flag screen; any yes pauses guided sessions."""
        assert self.store is not None
        stored = self.store.get_setting(SETTING_SAFETY_SCREEN)
        if isinstance(stored, dict) and stored.get("blocks") is False:
            return True
        return self._ask_safety_questions()

    def _ask_safety_questions(self) -> bool:
        """Show the disclaimer and red-flag questions; store the answers. True if clear."""
        from lbp_desktop.views.safety_dialogs import run_safety_screen

        assert self.store is not None
        stored = self.store.get_setting(SETTING_SAFETY_SCREEN)
        previous = stored.get("answers") if isinstance(stored, dict) else None
        outcome = run_safety_screen(previous, self.window)
        if outcome is None:
            return False
        answers, screening = outcome
        self._save_setting(
            SETTING_SAFETY_SCREEN,
            {
                "answers": answers,
                "blocks": screening.blocks_sessions,
                "answered_at": self.clock.now().isoformat(),
            },
        )
        return not screening.blocks_sessions

    def _library_without_refused_packs(self, plan_id: str) -> ContentLibrary | None:
        """The library to play from: heat or ice steps the checks ruled out are left out.

        None means do not start (the user closed a check, or nothing is left).
        """
        assert self.library is not None
        base = self.playable_library()
        refused = []
        for kind in self._heat_ice_kinds(plan_id):
            allowed = self._heat_ice_allowed(kind)
            if allowed is None:
                return None
            if not allowed:
                refused.append(kind)
        if not refused:
            return base
        plan = base.plans[plan_id]
        items = tuple(
            item for item in plan.items if base.exercises[item.exercise_id].category not in refused
        )
        if not items:
            self.window.show_status(
                f"{plan.name} is only a {' and '.join(refused)} step, which is not advised for "
                "you. Another plan may suit you better.",
                0,
            )
            return None
        plans = {**base.plans, plan_id: dataclasses.replace(plan, items=items)}
        return dataclasses.replace(base, plans=plans)

    def _heat_ice_allowed(self, kind: str) -> bool | None:
        """Asked once per kind; None when the user closed the check without answering."""
        from lbp_desktop.views.safety_dialogs import run_heat_ice_check

        assert self.store is not None
        key = f"{SETTING_HEAT_ICE_CHECK}_{kind}"
        stored = self.store.get_setting(key)
        if isinstance(stored, dict) and isinstance(stored.get("allowed"), bool):
            return stored["allowed"]
        outcome = run_heat_ice_check(kind, self.window)
        if outcome is None:
            return None
        answers, check = outcome
        self._save_setting(
            key,
            {
                "answers": answers,
                "allowed": check.allowed,
                "answered_at": self.clock.now().isoformat(),
            },
        )
        return check.allowed

    # ----- sound and voice -----------------------------------------------------------------

    def cue_player(self) -> CuePlayer:
        """One cue player for the life of the app (it says "no sound" only once)."""
        if self._cues is None:
            from lbp_desktop.services.cue_player import CuePlayer

            self._cues = CuePlayer(parent=self)
        cues = self._cues
        if not self._cues_wired:
            self._cues_wired = True
            if self.library is not None:
                cues.set_exercise_categories(
                    {e.id: e.category for e in self.library.exercises.values()}
                )
            cues.set_volume(self._cue_volume())
            cues.set_voice_enabled(self._spoken_cues())
            cues.notice.connect(self._show_cue_notice)
            cues.status_changed.connect(self._show_sound_status)
            tray = self.companion.tray if self.companion is not None else None
            if tray is not None:
                # No desktop notification service: "take the pack off" comes from the tray.
                cues.set_notification_fallback(tray.show_message)
        return cues

    def _show_cue_notice(self, message: str) -> None:
        # "No sound output" and "no speech engine" may both come: keep both in view.
        self._cue_notices.append(message)
        if len(self._cue_notices) > 1:
            message = (
                "No sound output or speech engine was found: cues are shown on screen only "
                "(on Linux, spoken cues need speech-dispatcher)."
            )
        self.window.show_status(message, 0)

    def _show_sound_status(self, text: str) -> None:
        if "settings" in self.window.built_pages():
            self.window.settings_page.set_sound_status(text)

    def _cue_volume(self) -> int:
        if self.store is None:
            return DEFAULT_CUE_VOLUME
        level = self.store.get_setting(SETTING_CUE_VOLUME, DEFAULT_CUE_VOLUME)
        ok = isinstance(level, int) and not isinstance(level, bool) and 0 <= level <= 100
        return level if ok else DEFAULT_CUE_VOLUME

    def _spoken_cues(self) -> bool:
        if self.store is None:
            return True
        spoken = self.store.get_setting(SETTING_SPOKEN_CUES, True)
        return spoken if isinstance(spoken, bool) else True

    def _set_cue_volume(self, level: int) -> None:
        self._save_setting(SETTING_CUE_VOLUME, int(level))
        self.cue_player().set_volume(int(level))

    def _set_spoken_cues(self, spoken: bool) -> None:
        self._save_setting(SETTING_SPOKEN_CUES, bool(spoken))
        self.cue_player().set_voice_enabled(bool(spoken))

    # ----- settings ------------------------------------------------------------------------

    def refresh_settings(self) -> None:
        if self.store is None or "settings" not in self.window.built_pages():
            return
        page = self.window.settings_page
        page.set_data_location(str(self.data_dir))
        page.set_backups(backups.list_backups(self.data_dir))
        page.set_theme(normalise_choice(self.window_state.value(STATE_THEME, "system")))
        page.set_weekly_goal(self.weekly_goal())
        page.set_safety_status(self._safety_status_text())
        page.set_volume(self._cue_volume())
        page.set_voice_enabled(self._spoken_cues())
        if self._cues is not None:
            page.set_sound_status(self._cues.status())
        page.set_preferred_time(parse_time_text(self.store.get_setting(SETTING_PREFERRED_TIME)))
        equipment = self.store.get_setting(SETTING_EQUIPMENT)
        page.set_equipment(equipment if isinstance(equipment, dict) else {})
        self._refresh_reminder_settings()

    def _set_preferred_time(self, value: object) -> None:
        from datetime import time

        text = value.strftime("%H:%M") if isinstance(value, time) else None
        self._save_setting(SETTING_PREFERRED_TIME, text)
        if self.companion is not None:
            self.companion.arm_nudge()

    def _set_equipment(self, equipment: object) -> None:
        if isinstance(equipment, dict):
            self._save_setting(SETTING_EQUIPMENT, {k: bool(v) for k, v in equipment.items()})

    def delete_all_data(self) -> None:
        """Settings page, after its own confirmation: the diary, settings and
        backups go; the app carries on with an empty folder."""
        from lbp_desktop.domain.reminder_settings import ReminderSettings
        from lbp_desktop.storage import wipe

        page = self.window.settings_page
        if self.store is None or self.store.read_only:
            page.show_error("Nothing was deleted: another window of the app is writing the diary.")
            return
        self.store.close()
        self.store = None
        # QSettings keeps window.ini in memory and would write it straight back.
        self.window_state.clear()
        self.window_state.sync()
        message = "All your data was deleted. The app starts afresh."
        error = False
        try:
            wipe.delete_all_data(self.data_dir)
        except StoreLocked:
            message, error = "Nothing was deleted: the diary is open in another window.", True
        except (StoreError, OSError) as exc:  # what was left is named in the message
            message, error = str(exc), True
        # Whatever happened, the app goes on with the folder as it is now.
        if not self.open_store():
            self.quit()
            return
        self.load_content()
        log.info("all data deleted" if not error else "delete all data failed: %s", message)
        apply_theme(self.app, "system")
        if self.companion is not None:
            self.companion.apply_settings(ReminderSettings())
            self.companion.resume()
        self._refresh_plans()
        self.refresh_today()
        self.refresh_suggestion()
        if "progress" in self.window.built_pages():
            self.fill_progress()
        self.refresh_settings()
        (page.show_error if error else page.show_saved)(message)

    def _refresh_reminder_settings(self) -> None:
        if self.companion is None or "settings" not in self.window.built_pages():
            return
        page = self.window.settings_page
        page.set_reminder_settings(self.companion.reminders.reminders.settings)
        page.set_idle_status(self.companion.idle_status())
        autostart = self.companion.autostart()
        supported = autostart.supported()
        page.set_autostart(
            autostart.is_enabled(),
            supported=supported,
            where=autostart.where()
            if supported
            else "Starting with the computer is not available on this system.",
        )

    def _set_reminder_settings(self, settings: object) -> None:
        from lbp_desktop.domain.reminder_settings import ReminderSettings

        if self.companion is not None and isinstance(settings, ReminderSettings):
            self.companion.apply_settings(settings)

    def _set_autostart(self, enabled: bool) -> None:
        if self.companion is None:
            return
        message = self.companion.set_autostart(bool(enabled))
        if message:
            self.window.settings_page.show_reminder_error(message)
        self._refresh_reminder_settings()

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def _set_theme(self, choice: str) -> None:
        apply_theme(self.app, choice)
        self._save_window_state(STATE_THEME, normalise_choice(choice))

    def _set_weekly_goal(self, goal: int) -> None:
        assert self.store is not None
        if self.store.read_only:
            return
        try:
            weekly_plan.set_weekly_goal(self.store, int(goal), self.clock.now().date())
        except (StoreError, OSError) as exc:
            self.window.settings_page.show_error(f"That setting could not be saved: {exc}")
            return
        self.refresh_today()

    def goal_history(self) -> list[tuple[date, int]]:
        """The weekly plan over time, for adherence (see domain.goal_history)."""
        assert self.store is not None
        return weekly_plan.goal_history(self.store)

    def _save_window_state(self, key: str, value: str) -> None:
        if self.store is None or self.store.read_only:
            return  # a read-only window leaves the writer's files alone
        self.window_state.setValue(key, value)
        self.window_state.sync()

    def _save_setting(self, key: str, value: object) -> None:
        """A setting from the Settings page: a failure is said there."""
        self.save_setting(key, value, show_error=self.window.settings_page.show_error)

    def _back_up_now(self) -> None:
        try:
            backup = backups.make_backup(self.data_dir, now=self.clock.now(), kind="manual")
        except OSError as exc:
            self.window.settings_page.show_error(f"The backup could not be made: {exc.strerror}.")
            return
        self.window.settings_page.show_saved(f"Backup made: {backup.path.name}")
        self.refresh_settings()

    def _restore_backup(self, backup_path: str) -> None:
        chosen = next(
            (b for b in backups.list_backups(self.data_dir) if str(b.path) == backup_path), None
        )
        if chosen is None or self.store is None or self.store.read_only:
            return
        answer = QMessageBox.question(
            self.window,
            "Go back to this backup?",
            f"Your diary will go back to how it was on {chosen.made_at:%d %B %Y at %H:%M}.\n\n"
            f"Nothing is deleted: your current files are kept in the '{UNREADABLE_DIR}' "
            "folder inside your data folder.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.store.close()
        try:
            for file in sorted(chosen.path.rglob("*.json")):
                name = file.relative_to(chosen.path).as_posix()
                backups.restore_file(self.data_dir, chosen, name)
        finally:
            self.open_store()
        self.window.settings_page.show_saved(
            f"Your diary is back to {chosen.made_at:%d %B %Y at %H:%M}."
        )
        self.refresh_today()
        self.refresh_settings()

    async def _daily_backup(self) -> None:
        try:
            made = await asyncio.to_thread(
                backups.ensure_daily_backup, self.data_dir, now=self.clock.now()
            )
        except OSError as exc:
            self.window.show_status(f"Today's automatic backup failed: {exc.strerror}.")
            return
        if made is not None:
            self.refresh_settings()

    def _soon(self, coro) -> None:
        """In the background when the app's loop runs; at once otherwise (tests, scripts)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            asyncio.run(coro)
            return
        self._in_background(coro)

    def _in_background(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # ----- the first run ---------------------------------------------------------------------

    def _onboarding_defaults(self) -> OnboardingAnswers:
        from lbp_desktop.domain import onboarding as ob

        assert self.store is not None
        keys = (
            ob.SETTING_ONBOARDING,
            ob.SETTING_PREFERRED_TIME,
            ob.SETTING_EQUIPMENT,
            ob.SETTING_REMINDERS,
            ob.SETTING_SAFETY_SCREEN,
        )
        settings = {key: self.store.get_setting(key) for key in keys}
        login = self.companion.autostart().is_enabled() if self.companion is not None else False
        return ob.answers_from_settings(
            settings, sessions_per_week=self.weekly_goal(), start_on_login=login
        )

    def show_onboarding(self, *, force: bool = False) -> QWidget | None:
        """The welcome, the first time (or when asked again from Settings)."""
        from lbp_desktop.domain import onboarding as ob
        from lbp_desktop.views.onboarding import OnboardingDialog

        if self.store is None or self.store.read_only or self.library is None:
            return None
        stored = self.store.get_setting(ob.SETTING_ONBOARDING)
        if not force and not ob.needs_onboarding(stored, used_before=bool(self.store.years())):
            return None
        autostart = self.companion.autostart() if self.companion is not None else None
        dialog = OnboardingDialog(
            self.library,
            self._onboarding_defaults(),
            autostart_supported=autostart is not None and autostart.supported(),
            parent=self.window,
        )
        dialog.completed.connect(lambda answers: self._apply_onboarding(answers, "finished"))
        dialog.skipped.connect(lambda answers: self._apply_onboarding(answers, "skipped"))
        dialog.open()
        return dialog

    def _apply_onboarding(self, answers: OnboardingAnswers, outcome: str) -> None:
        from lbp_desktop.domain import onboarding as ob

        assert self.store is not None
        previous = self.store.get_setting(ob.SETTING_ONBOARDING)
        changes = ob.stored_changes(
            answers,
            self.clock.now(),
            outcome=outcome,
            previous=previous,  # type: ignore[arg-type]
        )
        for key, value in changes.items():
            self.save_setting(key, value)
        todo = ob.follow_ups(answers)
        if todo.weekly_goal is not None:
            self._set_weekly_goal(todo.weekly_goal)
        if todo.reminders is not None and self.companion is not None:
            self.companion.apply_settings(todo.reminders)
        if self.companion is not None:
            self.companion.arm_nudge()  # the preferred time may be new
        if todo.start_on_login is not None and self.companion is not None:
            message = self.companion.set_autostart(todo.start_on_login)
            if message:
                self.window.show_status(message, 0)
        self.refresh_today()
        self.refresh_suggestion()
        self.refresh_settings()
        if todo.start_plan:
            self.play_plan(todo.start_plan)  # the safety answers just given still apply

    # ----- the tray companion and posture breaks ----------------------------------------

    def start_companion(self, **options: object) -> TrayCompanion:
        """Tray icon and break reminders; ``options`` go to TrayCompanion (tests)."""
        from lbp_desktop.companion import TrayCompanion

        options.setdefault("in_tray", self.in_tray)
        self.companion = TrayCompanion(self, **options)  # type: ignore[arg-type]
        self.companion.start()
        self._refresh_reminder_settings()
        return self.companion

    def existing_cue_player(self) -> CuePlayer | None:
        return self._cues

    def tray_plans(self) -> tuple[list[tuple[str, str]], str | None]:
        """The plans for the tray's Start menu, and the one suggested next."""
        if self.library is None or self.store is None:
            return [], None
        plans = [
            (view.id, f"{view.name} ({max(1, round(view.minutes))} min)")
            for view in plan_views(self.playable_library())
        ]
        today = self.clock.now().date()
        found = self._suggestion(
            self.store.records(SessionRun, since=today - TODAY_LOOKBACK), today
        )
        return plans, None if found is None else found.plan_id

    def break_routines(self) -> list[BreakRoutine]:
        from lbp_desktop.domain.break_routines import break_routines
        from lbp_desktop.storage.pose_files import load_poses, poses_dir

        if self.library is None:
            return []
        poses = load_poses(poses_dir(), self.library.exercises)
        return break_routines(self.playable_library(), poses.specs)

    def store_break(self, record: PostureBreak) -> None:
        """One posture-break outcome; the Today page counts them."""
        if self.store is None or self.store.read_only:
            return
        stored = self._write(
            lambda: self.store.add(record),  # type: ignore[union-attr]
            lambda message: self.window.show_status(message, 0),
        )
        if stored is _FAILED:
            return
        self.refresh_today()
        window = self.window
        if window.isVisible() and window.current_page_name() == "progress":
            self.fill_progress()

    def save_setting(
        self, key: str, value: object, *, show_error: Callable[[str], None] | None = None
    ) -> bool:
        """Store a setting; a failure is said by ``show_error`` (else the status bar)."""
        if self.store is None or self.store.read_only:
            return False
        try:
            self.store.set_setting(key, value)
        except (StoreError, OSError) as exc:
            message = f"That setting could not be saved: {exc}"
            if show_error is not None:
                show_error(message)
            else:
                self.window.show_status(message, 0)
            return False
        return True

    # ----- shutdown ------------------------------------------------------------------------

    def _on_closing(self) -> None:
        self._save_window_state(STATE_GEOMETRY, self.window.save_geometry_state())

    def quit(self) -> None:
        self.quitting = True
        if self.companion is not None:
            self.companion.stop()  # no break or nudge may come while the store closes
        self.window.close()
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no asyncio loop (tests, scripts): Qt's own loop ends
            self.app.quit()
            return
        # run() ends, and the loop stops once it has: quitting Qt's loop here could
        # stop it before run() noticed ("Event loop stopped before Future completed").
        self._closed.set()

    def _report(self, line: str) -> None:
        # Whoever reads a smoke test may stop reading early; that is not a failure.
        if sys.stdout is not None:
            with contextlib.suppress(BrokenPipeError):
                print(line, flush=True)

    # ----- the life of the app ---------------------------------------------------------------

    def start(self) -> bool:
        """Everything after the first paint. False means the app should end."""
        if not self.open_store():
            return False
        self.load_content()
        self.wire_pages()
        if self.smoke_test:
            problems = self.bundled_content_problems()
            for line in problems:
                self._report(f"error: {line}")
            assert self.library is not None
            self._report(f"rss_mb={proc_stats.rss_mb():.1f}")
            self._report(
                f"content: {len(self.library.exercises)} exercises, "
                f"{len(self.library.plans)} plans; records years: {self.store.years()}"  # type: ignore[union-attr]
            )
            self.exit_code = EXIT_FAILED if problems else 0
            return False
        self.offer_to_resume()
        log.info("ready")
        self.ready.emit()
        if self.play_on_start is not None:
            self.play_plan(self.play_on_start)
        return True

    async def run(self) -> int:
        self.app.aboutToQuit.connect(self._closed.set)
        # From the start: a SIGTERM while the store opens still ends the app cleanly.
        signals = QuitOnSignals(self.quit, self)
        try:
            keep_going = self.start()
        except Exception:
            if not self.smoke_test:
                raise
            log.exception("start-up failed")
            self.exit_code = EXIT_FAILED
            keep_going = False
        if keep_going:
            if self.store is not None and not self.store.read_only:
                self._in_background(self._daily_backup())
            self.start_companion()
            if not self.in_tray and not self.quitting:
                self.show_onboarding()
            await self._closed.wait()
        else:
            self.window.close()
        signals.uninstall()
        for task in list(self._background):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self.store is not None:
            self.store.close()
        return self.exit_code
