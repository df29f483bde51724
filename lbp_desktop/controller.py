"""Composition root after the first paint: store, content, pages, wiring.

Views render and emit intents; this object turns intents into store writes
and fresh view state. It holds no health rules of its own: those live in the
domain (records validate themselves, overview computes the summaries).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from lbp_desktop import paths, proc_stats
from lbp_desktop.app import SETTING_GEOMETRY, SETTING_THEME
from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.overview import daily_pain_series, today_summary
from lbp_desktop.domain.records import PainCheckIn, PostureBreak, SessionRun, ValidationError
from lbp_desktop.services.quit_signals import QuitOnSignals
from lbp_desktop.storage import backups
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.errors import DataFileError, StoreError, StoreLocked
from lbp_desktop.storage.layout import UNREADABLE_DIR
from lbp_desktop.storage.store import Store
from lbp_desktop.views.data_error_dialog import DataErrorChoice, ask_about_unreadable_file
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.plan_view import plan_views
from lbp_desktop.views.theme import apply_theme, normalise_choice

log = logging.getLogger(__name__)

SETTING_WEEKLY_GOAL = "sessions_per_week"
DEFAULT_WEEKLY_GOAL = 5
# Long enough for any streak the Today page shows and for this week.
TODAY_LOOKBACK = timedelta(days=60)
# The Progress page's longest range (12 months) plus a little.
PROGRESS_LOOKBACK = timedelta(days=370)

EXIT_UNREADABLE = 2
EXIT_FAILED = 1


class AppController(QObject):
    """Owns the store for the life of the app and keeps the window in step."""

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        data_dir: Path,
        *,
        clock: Clock,
        smoke_test: bool = False,
    ) -> None:
        super().__init__()
        self.app = app
        self.window = window
        self.data_dir = data_dir
        self.clock = clock
        self.smoke_test = smoke_test
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
        window.show_current_page()

    def _on_page_built(self, name: str) -> None:
        window = self.window
        if name == "today":
            window.today_page.pain_log_requested.connect(self.log_pain)
            self.refresh_today()
        elif name == "session":
            if self.library is not None:
                window.session_page.set_plans(plan_views(self.library))
        elif name == "exercises":
            self._fill_gallery()
        elif name == "progress":
            page = window.progress_page
            page.first_shown.connect(self.fill_progress)
            if page.isVisible():  # shown before we were listening
                self.fill_progress()
        elif name == "settings":
            settings = window.settings_page
            settings.open_folder_requested.connect(self._open_data_folder)
            settings.backup_requested.connect(self._back_up_now)
            settings.restore_requested.connect(self._restore_backup)
            settings.theme_changed.connect(self._set_theme)
            settings.weekly_goal_changed.connect(self._set_weekly_goal)
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
            self.window.session_page.set_plans(plan_views(self.library))
        if "exercises" in self.window.built_pages():
            self._fill_gallery()
        if self.library.problems:
            self.window.show_status(
                f"{len(self.library.problems)} problem(s) in the exercise or plan files were "
                "skipped; `lbp-desktop check` lists them.",
            )

    def bundled_content_problems(self) -> list[str]:
        """Problems in the content shipped with the app (a bug), not in the user's plans."""
        user = paths.user_plans_dir(self.data_dir)
        assert self.library is not None
        return [str(p) for p in self.library.problems if not Path(p.file).is_relative_to(user)]

    def _weekly_goal(self) -> int:
        assert self.store is not None
        goal = self.store.get_setting(SETTING_WEEKLY_GOAL, DEFAULT_WEEKLY_GOAL)
        return goal if isinstance(goal, int) and 1 <= goal <= 21 else DEFAULT_WEEKLY_GOAL

    def refresh_today(self) -> None:
        if self.store is None or "today" not in self.window.built_pages():
            return
        today = self.clock.now().date()
        since = today - TODAY_LOOKBACK
        summary = today_summary(
            self.store.records(PainCheckIn, since=since),
            self.store.records(SessionRun, since=since),
            self.store.records(PostureBreak, since=today - timedelta(days=1)),
            today=today,
            weekly_goal=self._weekly_goal(),
        )
        self.window.today_page.show_summary(summary)

    def log_pain(self, score: int, area: str | None, note: str) -> None:
        assert self.store is not None
        page = self.window.today_page
        try:
            record = self.store.add(
                PainCheckIn(at=self.clock.now(), score=score, area=area, note=note)
            )
        except ValidationError as exc:
            page.show_error(f"That entry could not be saved: {exc.message}.")
            return
        except StoreError as exc:
            page.show_error(str(exc))
            return
        except OSError as exc:
            page.show_error(
                f"Your entry could not be written to disk ({exc.strerror}). Nothing in your "
                "diary was lost; please try again."
            )
            return
        page.show_saved(f"Saved: pain {score} out of 10 at {record.at:%H:%M}.")
        self.refresh_today()

    def fill_progress(self) -> None:
        assert self.store is not None
        today = self.clock.now().date()
        start = today - PROGRESS_LOOKBACK
        series = daily_pain_series(
            self.store.records(PainCheckIn, since=start),
            self.store.records(SessionRun, since=start),
            start,
            today,
        )
        self.window.progress_page.set_series(series)

    # ----- settings ------------------------------------------------------------------------

    def refresh_settings(self) -> None:
        if self.store is None or "settings" not in self.window.built_pages():
            return
        page = self.window.settings_page
        page.set_data_location(str(self.data_dir))
        page.set_backups(backups.list_backups(self.data_dir))
        page.set_theme(self.store.get_setting(SETTING_THEME, "system"))
        page.set_weekly_goal(self._weekly_goal())

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def _set_theme(self, choice: str) -> None:
        apply_theme(self.app, choice)
        self._save_setting(SETTING_THEME, normalise_choice(choice))

    def _set_weekly_goal(self, goal: int) -> None:
        self._save_setting(SETTING_WEEKLY_GOAL, int(goal))
        self.refresh_today()

    def _save_setting(self, key: str, value: object) -> None:
        assert self.store is not None
        if self.store.read_only:
            return
        try:
            self.store.set_setting(key, value)
        except (StoreError, OSError) as exc:
            self.window.settings_page.show_error(f"That setting could not be saved: {exc}")

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

    def _in_background(self, coro) -> None:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # ----- shutdown ------------------------------------------------------------------------

    def _on_closing(self) -> None:
        if self.store is not None and not self.store.read_only:
            # Losing the window size is not worth stopping a close for.
            with contextlib.suppress(StoreError, OSError):
                self.store.set_setting(SETTING_GEOMETRY, self.window.save_geometry_state())

    def quit(self) -> None:
        self.window.close()
        self.app.quit()

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
        log.info("ready")
        return True

    async def run(self) -> int:
        self.app.aboutToQuit.connect(self._closed.set)
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
            signals = QuitOnSignals(self.quit, self)
            await self._closed.wait()
            signals.uninstall()
        else:
            self.window.close()
        for task in list(self._background):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self.store is not None:
            self.store.close()
        return self.exit_code
