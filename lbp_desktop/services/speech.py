"""Spoken cues through QTextToSpeech, started the first time a cue is spoken.

QtTextToSpeech is imported only inside :meth:`QtSpeech.available`. The engine
is QTextToSpeech's default for the platform; when it does not work (on Linux
the "speechd" engine is listed even when speech-dispatcher is not installed,
and it ends in the Error state), the other installed engines are tried, but
never Qt's "mock" test engine. With none working, :meth:`available` says
False and the session shows its cues on screen only.

A new cue interrupts the words still being spoken: a cue queued behind
others would be heard after the moment it is about.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

# Qt's test engine: it "speaks" in silence. Only chosen when asked for by name.
MOCK_ENGINE = "mock"


class SpeechOutput(Protocol):
    """What the cue player needs of a speech backend (tests pass a fake)."""

    def available(self) -> bool:
        """True when an engine works; the first call starts it."""
        ...

    def say(self, text: str) -> None:
        """Speak now, cutting off whatever is being said."""
        ...

    def is_speaking(self) -> bool: ...

    def stop(self) -> None: ...

    def set_volume(self, level: int) -> None:
        """0-100."""
        ...


class QtSpeech:
    """QTextToSpeech with the platform's engine (or ``engine`` by name)."""

    def __init__(self, engine: str | None = None) -> None:
        self._engine_name = engine
        self._tts: QTextToSpeech | None = None
        self._started = False
        self._level = 100

    @property
    def engine(self) -> str:
        """The engine in use ("" when none works or none has been started)."""
        return self._tts.engine() if self._tts is not None else ""

    def available(self) -> bool:
        if not self._started:
            self._start()
        return self._tts is not None and not self._failed(self._tts)

    def say(self, text: str) -> None:
        if not text or not self.available():
            return
        tts = self._tts
        assert tts is not None
        if self.is_speaking():
            from PySide6.QtTextToSpeech import QTextToSpeech

            tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        tts.say(text)

    def is_speaking(self) -> bool:
        if self._tts is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        busy = (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        return self._tts.state() in busy

    def stop(self) -> None:
        if self._tts is not None and self.is_speaking():
            from PySide6.QtTextToSpeech import QTextToSpeech

            self._tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    def set_volume(self, level: int) -> None:
        self._level = min(max(level, 0), 100)
        if self._tts is not None:
            self._tts.setVolume(self._level / 100)

    # -- internals ---------------------------------------------------------------------------

    def _start(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._started = True
        if self._engine_name is not None:
            candidates: list[str | None] = [self._engine_name]
        else:
            others = [e for e in QTextToSpeech.availableEngines() if e != MOCK_ENGINE]
            candidates = [None, *others]
        tried: set[str] = set()
        for name in candidates:
            tts = QTextToSpeech() if name is None else QTextToSpeech(name)
            engine = tts.engine()
            if engine in tried:
                tts.deleteLater()
                continue
            tried.add(engine)
            if self._failed(tts):
                log.info("speech engine %r does not work: %s", engine, tts.errorString())
                tts.deleteLater()
                continue
            self._use(tts)
            return
        log.info("no working speech engine (tried %s)", ", ".join(sorted(tried)) or "none")

    def _use(self, tts: QTextToSpeech) -> None:
        from PySide6.QtCore import QLocale

        self._tts = tts
        tts.setVolume(self._level / 100)
        # The words are English: prefer an English voice when the system's
        # own language is another one and the engine has English.
        if tts.locale().language() != QLocale.Language.English:
            english = [
                loc for loc in tts.availableLocales() if loc.language() == QLocale.Language.English
            ]
            if english:
                tts.setLocale(english[0])

    @staticmethod
    def _failed(tts: QTextToSpeech) -> bool:
        from PySide6.QtTextToSpeech import QTextToSpeech

        return tts.state() == QTextToSpeech.State.Error
