"""Plays a guided session's cues: sounds, spoken words and desktop notifications.

The session runner hands every player state to :meth:`CuePlayer.play_state`;
``lbp_desktop.domain.cues`` decides what each state should sound like, and
this object plays it. It owns no widget, so the cues go on while the window
is minimised or hidden behind others.

Nothing is loaded when it is made: QtMultimedia and QtTextToSpeech are
imported the first time a cue needs them, or by :meth:`warm_up` (call it
when a session page opens, after the first paint). When there is no sound
output or no working speech engine, :attr:`notice` says so once per kind
and the session plays on without it; :attr:`status_changed` gives the short
line for Settings.

Mute silences sounds and speech; the notification at the end of a heat or
ice interval still goes out, because it is about the user's skin.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from lbp_desktop.domain import cues
from lbp_desktop.domain.cues import Cue, CueMaker
from lbp_desktop.domain.player import PlayerState
from lbp_desktop.services.notifications import DesktopNotifier, Fallback, NotificationOutput
from lbp_desktop.services.sound_effects import QtSoundEffects, SoundOutput
from lbp_desktop.services.speech import QtSpeech, SpeechOutput

DEFAULT_VOLUME = 80  # the settings key "cue_volume" starts here

NO_SOUND = "no_sound"
NO_SPEECH = "no_speech"

NO_SOUND_NOTICE = "No sound output was found, so the session will play without sounds."
if sys.platform.startswith("linux"):
    NO_SPEECH_NOTICE = (
        "Spoken cues need a speech engine; on Linux install speech-dispatcher. "
        "The session shows every cue on screen."
    )
else:
    NO_SPEECH_NOTICE = (
        "Spoken cues need a speech engine, and none works on this computer. "
        "The session shows every cue on screen."
    )
NOTICES = {NO_SOUND: NO_SOUND_NOTICE, NO_SPEECH: NO_SPEECH_NOTICE}

TEST_SOUND = cues.START
TEST_WORDS = "This is how the spoken cues sound."


class CuePlayer(QObject):
    """Sounds, speech and notifications for one app run (make one, keep it)."""

    notice = Signal(str)  # at most once per kind and run: no sound output, no speech engine
    status_changed = Signal(str)  # a short line for Settings; "" when all is well

    def __init__(
        self,
        *,
        sounds: SoundOutput | None = None,
        speech: SpeechOutput | None = None,
        notifications: NotificationOutput | None = None,
        categories: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sounds: SoundOutput = sounds if sounds is not None else QtSoundEffects()
        self._speech: SpeechOutput = speech if speech is not None else QtSpeech()
        self._notifications: NotificationOutput = (
            notifications if notifications is not None else DesktopNotifier(parent=self)
        )
        self._maker = CueMaker(categories)
        self._muted = False
        self._voice = True
        self._volume = DEFAULT_VOLUME
        self._missing: set[str] = set()
        self._noticed: set[str] = set()
        self._status = ""
        self._sounds.set_volume(self._volume)
        self._speech.set_volume(self._volume)

    # -- the session ---------------------------------------------------------------------------

    def play_state(self, state: PlayerState) -> None:
        """Play what this state's events call for (one sound at most)."""
        cue = self._maker.cue(state)
        if cue is not None:
            self.play_cue(cue)

    def play_cue(self, cue: Cue) -> None:
        if cue.notification is not None:
            self._notifications.notify(*cue.notification)  # even when muted
        if self._muted:
            return
        if cue.sound:
            self._play_sound(cue.sound)
        if cue.speech and self._voice:
            self._say(cue.speech, minor=cue.minor)

    def stop(self) -> None:
        """Stop speaking now (the session was paused, stopped or closed)."""
        self._speech.stop()

    def warm_up(self) -> None:
        """Load the sounds and start the speech engine now, not at the first cue."""
        self._check(NO_SOUND, self._sounds.available())
        if self._voice:
            self._check(NO_SPEECH, self._speech.available())

    def set_exercise_categories(self, categories: Mapping[str, str]) -> None:
        """Exercise id -> category, so a notification can say "heat pack" or "ice pack"."""
        self._maker.set_categories(categories)

    def set_notification_fallback(self, fallback: Fallback | None) -> None:
        """Where notifications go when the desktop has no notification service."""
        self._notifications.set_fallback(fallback)

    # -- settings (none of these loads anything) -----------------------------------------------

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if muted:
            self._speech.stop()

    def is_muted(self) -> bool:
        return self._muted

    def set_volume(self, level: int) -> None:
        """0-100, for sounds and speech alike."""
        self._volume = min(max(int(level), 0), 100)
        self._sounds.set_volume(self._volume)
        self._speech.set_volume(self._volume)

    def volume(self) -> int:
        return self._volume

    def set_voice_enabled(self, enabled: bool) -> None:
        self._voice = enabled
        if not enabled:
            self._speech.stop()
            self._missing.discard(NO_SPEECH)
            self._update_status()

    def voice_enabled(self) -> bool:
        return self._voice

    def test_sound(self) -> None:
        """The Settings button: a cue sound, and a few words when the voice is on.

        Plays even when a session is muted: the user asked for it.
        """
        self._play_sound(TEST_SOUND)
        if self._voice:
            self._say(TEST_WORDS, minor=False)

    def status(self) -> str:
        return self._status

    # -- internals -----------------------------------------------------------------------------

    def _play_sound(self, name: str) -> None:
        if self._check(NO_SOUND, self._sounds.available()):
            self._sounds.play(name)

    def _say(self, text: str, *, minor: bool) -> None:
        if not self._check(NO_SPEECH, self._speech.available()):
            return
        if minor and self._speech.is_speaking():
            return  # a pacer word gives way to words still being said
        self._speech.say(text)

    def _check(self, kind: str, available: bool) -> bool:
        """Note whether ``kind`` works; tell the user once when it does not."""
        if available:
            self._missing.discard(kind)
        else:
            self._missing.add(kind)
            if kind not in self._noticed:
                self._noticed.add(kind)
                self.notice.emit(NOTICES[kind])
        self._update_status()
        return available

    def _update_status(self) -> None:
        status = " ".join(NOTICES[k] for k in (NO_SOUND, NO_SPEECH) if k in self._missing)
        if status != self._status:
            self._status = status
            self.status_changed.emit(status)
