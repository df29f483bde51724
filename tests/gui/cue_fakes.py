"""Stand-ins for the cue player's sound, speech and notification backends.

Tests use them so no sound device, speech engine or desktop bus is needed,
and so they can see what would have been played, said and sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.services.cue_player import CuePlayer


@dataclass
class FakeSounds:
    ok: bool = True
    played: list[str] = field(default_factory=list)
    volume: int | None = None
    checks: int = 0

    def available(self) -> bool:
        self.checks += 1
        return self.ok

    def play(self, name: str) -> None:
        self.played.append(name)

    def set_volume(self, level: int) -> None:
        self.volume = level


@dataclass
class FakeSpeech:
    ok: bool = True
    busy: bool = False  # True: still saying the last words
    said: list[str] = field(default_factory=list)
    stops: int = 0
    volume: int | None = None
    checks: int = 0

    def available(self) -> bool:
        self.checks += 1
        return self.ok

    def say(self, text: str) -> None:
        self.said.append(text)

    def is_speaking(self) -> bool:
        return self.busy

    def stop(self) -> None:
        self.stops += 1
        self.busy = False

    def set_volume(self, level: int) -> None:
        self.volume = level


@dataclass
class FakeNotifications:
    sent: list[tuple[str, str]] = field(default_factory=list)
    fallback: object = None

    def notify(self, title: str, body: str) -> None:
        self.sent.append((title, body))

    def set_fallback(self, fallback: object) -> None:
        self.fallback = fallback


@dataclass
class Rig:
    cues: CuePlayer
    sounds: FakeSounds
    speech: FakeSpeech
    notes: FakeNotifications


def make_rig(
    library: ContentLibrary | None = None,
    *,
    sounds: FakeSounds | None = None,
    speech: FakeSpeech | None = None,
) -> Rig:
    sounds = sounds or FakeSounds()
    speech = speech or FakeSpeech()
    notes = FakeNotifications()
    categories = {e.id: e.category for e in library.exercises.values()} if library else None
    player = CuePlayer(sounds=sounds, speech=speech, notifications=notes, categories=categories)
    return Rig(player, sounds, speech, notes)
