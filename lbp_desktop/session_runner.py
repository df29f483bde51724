"""One guided session on screen: the player, its ticker, the page and the store.

The runner turns the page's intents into player commands, draws each state
on the page, and writes the diary as the session happens: the run is added
(outcome ``in_progress``) when the session starts, updated with every
finished step and every outcome, and each pain check-in is added at once.
Killing the app mid-session loses at most the step in progress.

The ticker runs only while the session plays and is not paused.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.figure_poses import Animation
from lbp_desktop.domain.player import CHECK_IN, SUMMARY, Player, PlayerState
from lbp_desktop.domain.player_timeline import GET_READY_S
from lbp_desktop.domain.records import STEP_FEEDBACK, SessionRun
from lbp_desktop.services.ticker import Ticker
from lbp_desktop.storage.errors import StoreError
from lbp_desktop.storage.pose_files import PoseLibrary
from lbp_desktop.storage.store import Store
from lbp_desktop.views import player_page
from lbp_desktop.views.player_page import PlayerPage

if TYPE_CHECKING:
    from lbp_desktop.services.cue_player import CuePlayer

log = logging.getLogger(__name__)

# The second side is shown mirrored (the first is the pose file's own side).
MIRRORED_SIDE = "right"


class SessionRunner(QObject):
    """Plays ``plan_id`` on ``page``; emits ``finished`` with the stored run."""

    finished = Signal(object)  # SessionRun, as stored after the post-session check-in
    saved = Signal(object)  # SessionRun, after each write of the run
    save_failed = Signal(str)

    def __init__(
        self,
        plan_id: str,
        library: ContentLibrary,
        poses: PoseLibrary,
        store: Store,
        clock: Clock,
        page: PlayerPage,
        *,
        get_ready_s: float = GET_READY_S,
        resume: SessionRun | None = None,
        cues: CuePlayer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cues = cues  # sounds, speech and notifications; None plays silently
        self.library = library
        self.poses = poses
        self.store = store
        self.page = page
        # resume: an interrupted run of this plan, carried on in the same record.
        self.player = Player(
            library.plans[plan_id], library, clock, get_ready_s=get_ready_s, resume=resume
        )
        self.ticker = Ticker(
            self.player.tick, remaining=lambda state: state.remaining_s, parent=self
        )
        self.ticker.ticked.connect(self._on_state)
        # Paused with a pack on: one single-shot timer to the 20-minute cap.
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setTimerType(Qt.TimerType.CoarseTimer)
        self._wake.timeout.connect(self._refresh)
        self._stored = resume is not None
        self._outcome_written: str | None = None
        self._finished = False
        self._animation_key: tuple[str, bool] | None = None
        self._commands = {
            player_page.PAUSE: self.player.pause,
            player_page.RESUME: self.player.resume,
            player_page.TOGGLE_PAUSE: self.player.toggle_pause,
            player_page.NEXT: self.player.next,
            player_page.PREVIOUS: self.player.previous,
            player_page.ADD_10S: self.player.add_10s,
            player_page.REMOVE_10S: self.player.remove_10s,
        }
        page.start_requested.connect(self.start)
        page.pain_reported.connect(self.report_pain)
        page.command.connect(self.run_command)
        page.stop_confirmed.connect(self.stop)
        page.post_checkin.connect(self.check_in_after)
        if cues is not None:
            page.set_muted(cues.is_muted())
            page.mute_changed.connect(cues.set_muted)
        names = {e.id: e.name for e in library.exercises.values()}
        page.set_exercises([(i.exercise_id, names[i.exercise_id]) for i in self.player.plan.items])
        title = self.player.plan.name
        page.set_title(f"Carrying on: {title}" if resume is not None else title)
        if resume is not None:
            page.set_start_label("Carry on")
        page.set_animation(None)
        self._refresh()

    # ----------------------------------------------------------------- intents

    def start(self, pre_pain: int) -> None:
        if self.player.phase != CHECK_IN:
            return
        self.player.start(pre_pain)
        self._write_run(add=not self._stored)
        self._refresh()

    def run_command(self, name: str) -> None:
        action = self._commands.get(name)
        if action is None:
            raise ValueError(f"unknown player command {name!r}")
        action()
        self._refresh()

    def report_pain(self, score: int) -> None:
        self.player.report_pain(score)
        self._refresh()

    def stop(self) -> None:
        self.player.stop()
        self._refresh()

    def check_in_after(self, score: int, feedback: dict[str, str]) -> None:
        if self.player.phase != SUMMARY or self._finished:
            return
        self.player.check_in_after(score)
        self._refresh()
        run = self._with_feedback(self.player.run(), feedback)
        stored = self._save(run)
        self._finished = True
        self.finished.emit(stored if stored is not None else run)

    # ----------------------------------------------------------------- the loop

    def tick(self) -> PlayerState:
        """One tick, as the timer would do it (tests call this on a fake clock)."""
        state = self.ticker.tick()
        assert isinstance(state, PlayerState)
        return state

    def _refresh(self) -> None:
        """After a command: take the new state at once, not at the next tick."""
        self._on_state(self.player.tick())

    def _on_state(self, state: PlayerState) -> None:
        self._keep(state)
        self._pick_animation(state)
        self.page.show_state(state)
        playing = state.phase not in (CHECK_IN, SUMMARY) and not state.paused
        self.ticker.note_state(state)
        self.ticker.set_running(playing)
        if self.cues is not None:
            if state.paused:
                self.cues.stop()  # a paused session falls silent at once
            self.cues.play_state(state)
        self._set_wake_up(self.player.wake_up_in_s())

    def _set_wake_up(self, seconds: float | None) -> None:
        if seconds is None:
            self._wake.stop()
            return
        # A little after the cap, so the player sees it has passed.
        self._wake.start(int(seconds * 1000) + 50)

    def wake_up_pending(self) -> bool:
        return self._wake.isActive()

    def _keep(self, state: PlayerState) -> None:
        """Write what the player finished since the last state."""
        for checkin in state.new_checkins:
            try:
                self.store.add(checkin)
            except (OSError, StoreError) as exc:
                self._failed(exc)
        if not self._stored:
            return
        outcome_changed = state.phase == SUMMARY and self._outcome_written != state.outcome
        if state.new_steps or outcome_changed:
            self._write_run(add=False)

    def _write_run(self, *, add: bool) -> None:
        run = self.player.run()
        try:
            stored = self.store.add(run) if add else self.store.update(run)
        except (OSError, StoreError) as exc:
            self._failed(exc)
            return
        self._stored = True
        self._outcome_written = run.outcome
        self.saved.emit(stored)

    def _save(self, run: SessionRun) -> SessionRun | None:
        try:
            stored = self.store.update(run) if self._stored else self.store.add(run)
        except (OSError, StoreError) as exc:
            self._failed(exc)
            return None
        self._stored = True
        self.saved.emit(stored)
        return stored

    def _failed(self, exc: Exception) -> None:
        log.warning("could not save the session: %s", exc)
        self.save_failed.emit(f"Could not save the session: {exc}")

    @staticmethod
    def _with_feedback(run: SessionRun, feedback: dict[str, str]) -> SessionRun:
        wanted = {k: v for k, v in feedback.items() if v in STEP_FEEDBACK}
        steps = tuple(
            dataclasses.replace(step, feedback=wanted[step.exercise_id])
            if step.exercise_id in wanted
            else step
            for step in run.steps
        )
        extra = dict(run.extra)
        extra.update({"feedback": wanted} if wanted else {})
        return run.replace(steps=steps, extra=extra)  # type: ignore[return-value]

    def _pick_animation(self, state: PlayerState) -> None:
        if state.exercise_id is None:
            return
        key = (state.exercise_id, state.side == MIRRORED_SIDE)
        if key == self._animation_key:
            return
        self._animation_key = key
        spec = self.poses.specs.get(state.exercise_id)
        if spec is None:
            self.page.set_animation(None)
            return
        item = self.player.plan.items[state.item_index]
        dosage = item.dosage_for(self.library.exercises[state.exercise_id])
        self.page.set_animation(
            Animation(spec, tempo_s=dosage.tempo_s, hold_s=dosage.hold_s, mirrored=key[1])
        )
