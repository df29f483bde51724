"""The cue sounds through QSoundEffect, loaded once, the first time they are needed.

QtMultimedia is imported here only inside :meth:`QtSoundEffects.available`,
never when the app starts: the first paint must not wait for it. Without an
audio output (no PulseAudio or PipeWire server, no sound card) nothing is
loaded and :meth:`available` says False; the cue player then tells the user
once and the session plays on silently. When an output appears later (a
headset is plugged in), the sounds load then.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lbp_desktop import paths
from lbp_desktop.domain.cues import SOUNDS

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

log = logging.getLogger(__name__)


class SoundOutput(Protocol):
    """What the cue player needs of a sound backend (tests pass a fake)."""

    def available(self) -> bool:
        """True when sounds can be heard; the first call may load them."""
        ...

    def play(self, name: str) -> None: ...

    def set_volume(self, level: int) -> None:
        """0-100, as a volume slider means it (perceived loudness)."""
        ...


def sounds_dir() -> Path:
    return paths.resources_dir() / "sounds"


class QtSoundEffects:
    """One QSoundEffect per bundled WAV, on the default audio output."""

    def __init__(self, directory: Path | None = None, names: tuple[str, ...] = SOUNDS) -> None:
        self._dir = directory or sounds_dir()
        self._names = names
        self._effects: dict[str, QSoundEffect] = {}
        self._devices: QMediaDevices | None = None
        self._has_output = False
        self._level = 100

    def available(self) -> bool:
        if self._devices is None:
            self._start()
        return self._has_output

    def play(self, name: str) -> None:
        if not self.available():
            return
        effect = self._effects.get(name)
        if effect is None:
            log.warning("no such cue sound: %s", name)
            return
        # Restart rather than overlap: a cue replayed at once means "now" again.
        effect.stop()
        effect.play()

    def set_volume(self, level: int) -> None:
        self._level = min(max(level, 0), 100)
        if self._effects:  # QtMultimedia is loaded once there are effects
            gain = _linear(self._level)
            for effect in self._effects.values():
                effect.setVolume(gain)

    def loaded(self) -> dict[str, str]:
        """Each sound's load status by name (for tests and diagnostics)."""
        return {name: effect.status().name for name, effect in self._effects.items()}

    # -- internals ---------------------------------------------------------------------------

    def _start(self) -> None:
        from PySide6.QtCore import QLoggingCategory

        # Qt Multimedia lists every optional library it could not find (pipewire,
        # VA-API) and its FFmpeg version: noise to a user starting the app from a
        # terminal. A user's own QT_LOGGING_RULES still wins over this.
        QLoggingCategory.setFilterRules(
            "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
        )
        from PySide6.QtMultimedia import QMediaDevices

        self._devices = QMediaDevices()
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._outputs_changed()

    def _outputs_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        self._has_output = bool(QMediaDevices.audioOutputs())
        if not self._has_output:
            return
        device = QMediaDevices.defaultAudioOutput()
        if not self._effects:
            self._load()
        for effect in self._effects.values():
            effect.setAudioDevice(device)

    def _load(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect

        gain = _linear(self._level)
        for name in self._names:
            path = self._dir / f"{name}.wav"
            if not path.is_file():
                log.warning("cue sound missing: %s", path)
                continue
            effect = QSoundEffect()
            effect.statusChanged.connect(lambda n=name: self._status_changed(n))
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(gain)
            self._effects[name] = effect

    def _status_changed(self, name: str) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effects.get(name)
        if effect is not None and effect.status() == QSoundEffect.Status.Error:
            # A file the output cannot play: the other cues still work.
            log.warning("cue sound %s could not be loaded for this sound output", name)


def _linear(level: int) -> float:
    """A slider's 0-100 (how loud it sounds) as the linear gain QSoundEffect takes."""
    from PySide6.QtMultimedia import QtAudio

    scale = QtAudio.VolumeScale
    return QtAudio.convertVolume(level / 100, scale.LogarithmicVolumeScale, scale.LinearVolumeScale)
