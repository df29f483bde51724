"""The cue player: a real plan played into fake backends, then the real backends
as far as this machine allows (no sound server here; Qt's 'mock' speech
engine; a private D-Bus session bus with a stand-in notification service)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import pytest
from cue_fakes import FakeNotifications, FakeSounds, FakeSpeech, make_rig
from PySide6.QtWidgets import QLabel, QMainWindow

from lbp_desktop import APP_ID, APP_NAME
from lbp_desktop.domain import cues as C
from lbp_desktop.domain import player as P
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.content import ContentLibrary, Dosage, Exercise, Plan, PlanItem
from lbp_desktop.domain.player import Event, Player, PlayerState
from lbp_desktop.services import cue_player as CP
from lbp_desktop.services.cue_player import CuePlayer
from lbp_desktop.services.notifications import DesktopNotifier
from lbp_desktop.services.sound_effects import QtSoundEffects
from lbp_desktop.services.speech import QtSpeech
from tests.dbus_session import private_session_bus

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# What QtMultimedia and QtTextToSpeech print on a machine without a sound
# server or speech-dispatcher (this one): expected, so not test failures.
NO_AUDIO_MESSAGES = (
    r"^PulseAudioService: pa_context_connect\(\) failed$",
    r"^Couldn't (load|resolve) (pipewire-0\.3|va|va-x11|va-drm|va\(in plugin\)) ",
    r'^Error loading text-to-speech plug-in "speechd"$',
)
quiet_audio = pytest.mark.qt_log_ignore(*NO_AUDIO_MESSAGES)


def play_plan(
    library: ContentLibrary, plan_id: str, cues: CuePlayer, *, until_s: float | None = None
) -> Player:
    """Play a bundled plan on a fake clock, one tick a second, into ``cues``."""
    clock = FakeClock(START)
    player = Player(library.plans[plan_id], library, clock)
    player.start(2)
    cues.play_state(player.tick())
    end = player.planned_s + 2 if until_s is None else until_s
    t = 0
    while t < end:
        clock.advance(1)
        t += 1
        cues.play_state(player.tick())
    return player


def state_with(*events: Event, **fields: object) -> PlayerState:
    """A state carrying ``events`` (the rest as a running hold would be)."""
    hold = Exercise(
        "hold", "Hold", "stretch", "any", ("Lie down.",), ("Easy.",), (), (), Dosage(20, 2), ()
    )
    plan = Plan("p", "P", "", (PlanItem("hold"),))
    player = Player(plan, ContentLibrary({"hold": hold}, {"p": plan}, []), FakeClock(START))
    player.start(1)
    return replace(player.tick(), events=events, **fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------- a real plan, fake outputs


def test_a_heat_plan_is_heard_and_its_end_notified(qtbot, library: ContentLibrary) -> None:
    rig = make_rig(library)
    play_plan(library, "heat-and-relax", rig.cues)
    said, played = rig.speech.said, rig.sounds.played
    assert said[0].startswith("First up: Heat pack.")
    assert said[1].startswith("Heat pack, ")
    assert any(s.startswith("Skin check:") for s in said)
    assert any(s.startswith("Time is up. Take the heat pack off") for s in said)
    assert "Breathe in." in said and "Breathe out." in said
    assert said[-1].endswith("Session complete. Well done.")
    # One notification, at the end of the heat, and about the heat pack.
    assert [title for title, _ in rig.notes.sent] == ["Time to take the heat pack off"]
    assert set(played) <= set(C.SOUNDS)
    assert played[0] == C.LAST3  # 3-2-1 into the heat interval
    assert played[-1] == C.BELL  # slow breathing ends on its bell
    assert played.count(C.DONE) >= 1


def test_reps_are_counted_and_sides_called(qtbot, library: ContentLibrary) -> None:
    rig = make_rig(library)
    play_plan(library, "gentle-start", rig.cues, until_s=80)
    said = rig.speech.said
    assert said[:4] == [
        "First up: Knee rolls. Lie on your back on the floor or a firm bed. "
        "A small flat cushion under your head is fine.",
        "Left side. One.",
        "Hold.",
        "Slowly release.",
    ]
    assert "Two." in said and "Three." in said
    assert "Switch sides. Now your right side." in said
    assert "Right side. One." in said
    assert rig.sounds.played[:3] == [C.LAST3, C.START, C.LAST3]


def test_a_late_tick_plays_the_most_important_sound_only(qtbot) -> None:
    rig = make_rig()
    state = state_with(
        Event(P.DONE, "Hold done", P.WORK),
        Event(P.PHASE_STARTED, "Hold: 2 of 2", P.WORK),
        Event(P.LAST_3, "Last 3 seconds", P.WORK),
        rep=2,
        reps=2,
    )
    rig.cues.play_state(state)
    assert rig.sounds.played == [C.START]
    assert rig.speech.said == ["Two."]


def test_mute_silences_sounds_and_words_but_not_the_pack_reminder(
    qtbot, library: ContentLibrary
) -> None:
    rig = make_rig(library)
    rig.speech.busy = True
    rig.cues.set_muted(True)
    assert rig.cues.is_muted()
    assert rig.speech.stops == 1  # words being said stop at once
    play_plan(library, "ice-interval", rig.cues)
    assert rig.sounds.played == [] and rig.speech.said == []
    assert [title for title, _ in rig.notes.sent] == ["Time to take the ice pack off"]
    rig.cues.set_muted(False)
    rig.cues.play_cue(C.Cue(sound=C.DONE, speech="Rest."))
    assert rig.sounds.played == [C.DONE] and rig.speech.said == ["Rest."]


def test_volume_reaches_both_outputs_and_stays_in_range(qtbot) -> None:
    rig = make_rig()
    assert rig.cues.volume() == CP.DEFAULT_VOLUME == 80
    assert rig.sounds.volume == rig.speech.volume == 80
    rig.cues.set_volume(35)
    assert rig.sounds.volume == rig.speech.volume == rig.cues.volume() == 35
    rig.cues.set_volume(150)
    assert rig.cues.volume() == 100
    rig.cues.set_volume(-4)
    assert rig.cues.volume() == 0


def test_voice_off_keeps_the_sounds(qtbot, library: ContentLibrary) -> None:
    rig = make_rig(library)
    rig.cues.set_voice_enabled(False)
    assert not rig.cues.voice_enabled()
    play_plan(library, "desk-reset", rig.cues)
    assert rig.speech.said == []
    assert rig.speech.checks == 0  # the engine is not even started
    assert C.START in rig.sounds.played and C.SESSION_DONE in rig.sounds.played


def test_settings_load_nothing(qtbot) -> None:
    rig = make_rig()
    rig.cues.set_volume(40)
    rig.cues.set_muted(True)
    rig.cues.set_muted(False)
    rig.cues.set_voice_enabled(True)
    rig.cues.set_notification_fallback(print)
    assert rig.sounds.checks == rig.speech.checks == 0
    assert rig.notes.fallback is print


def test_a_breath_word_gives_way_to_words_still_being_said(qtbot) -> None:
    rig = make_rig()
    rig.speech.busy = True
    rig.cues.play_cue(C.Cue(speech="Breathe out.", minor=True))
    assert rig.speech.said == []
    rig.cues.play_cue(C.Cue(speech="10 seconds left."))  # anything else interrupts
    assert rig.speech.said == ["10 seconds left."]
    rig.speech.busy = False
    rig.cues.play_cue(C.Cue(speech="Breathe in.", minor=True))
    assert rig.speech.said[-1] == "Breathe in."


def test_no_sound_device_and_no_speech_engine_are_each_told_once(
    qtbot, library: ContentLibrary
) -> None:
    rig = make_rig(library, sounds=FakeSounds(ok=False), speech=FakeSpeech(ok=False))
    notices: list[str] = []
    statuses: list[str] = []
    rig.cues.notice.connect(notices.append)
    rig.cues.status_changed.connect(statuses.append)
    play_plan(library, "gentle-start", rig.cues, until_s=60)
    rig.cues.test_sound()
    rig.cues.warm_up()
    assert sorted(notices) == sorted([CP.NO_SOUND_NOTICE, CP.NO_SPEECH_NOTICE])
    assert "No sound output was found" in CP.NO_SOUND_NOTICE
    assert "speech engine" in CP.NO_SPEECH_NOTICE
    assert rig.cues.status() == f"{CP.NO_SOUND_NOTICE} {CP.NO_SPEECH_NOTICE}"
    # Turning the voice off takes the speech part out of the status line.
    rig.cues.set_voice_enabled(False)
    assert rig.cues.status() == CP.NO_SOUND_NOTICE
    # A headset plugged in: the status clears, and no notice repeats.
    rig.sounds.ok = True
    rig.cues.test_sound()
    assert rig.cues.status() == ""
    assert statuses[-1] == ""
    assert len(notices) == 2


def test_the_test_sound_plays_even_when_a_session_is_muted(qtbot) -> None:
    rig = make_rig()
    rig.cues.set_muted(True)
    rig.cues.test_sound()
    assert rig.sounds.played == [CP.TEST_SOUND]
    assert rig.speech.said == [CP.TEST_WORDS]
    rig.cues.set_voice_enabled(False)
    rig.cues.test_sound()
    assert rig.speech.said == [CP.TEST_WORDS]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_cues_go_on_while_the_window_is_minimised(qtbot, library: ContentLibrary) -> None:
    window = QMainWindow()
    window.setCentralWidget(QLabel("Session"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    rig = make_rig(library)
    assert rig.cues.parent() is None  # no widget behind it to hide or minimise
    play_plan(library, "ice-interval", rig.cues)
    assert window.isMinimized()
    assert rig.sounds.played and rig.speech.said
    assert [title for title, _ in rig.notes.sent] == ["Time to take the ice pack off"]


def test_stop_cuts_off_speech(qtbot) -> None:
    rig = make_rig()
    rig.speech.busy = True
    rig.cues.stop()
    assert rig.speech.stops == 1 and not rig.speech.busy


# ------------------------------------------------------------------------- real backends


def test_making_a_cue_player_loads_no_multimedia_or_speech() -> None:
    """Sounds and speech load after the first paint, not when the app starts."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from lbp_desktop.services.cue_player import CuePlayer\n"
        "cues = CuePlayer()\n"
        "cues.set_volume(50); cues.set_voice_enabled(True); cues.set_muted(False)\n"
        "print(sorted(m for m in sys.modules if m.startswith("
        "('PySide6.QtMultimedia', 'PySide6.QtTextToSpeech', 'PySide6.QtDBus'))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "[]"


@quiet_audio
def test_real_sounds_load_or_say_there_is_no_output(qtbot) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    sounds = QtSoundEffects()
    rig_cues = CuePlayer(sounds=sounds, speech=FakeSpeech(), notifications=FakeNotifications())
    notices: list[str] = []
    rig_cues.notice.connect(notices.append)
    rig_cues.warm_up()
    if not QMediaDevices.audioOutputs():  # this machine: no sound server
        assert notices == [CP.NO_SOUND_NOTICE]
        assert not sounds.available()
        rig_cues.play_cue(C.Cue(sound=C.BELL))  # plays on silently
        assert notices == [CP.NO_SOUND_NOTICE]
        return
    qtbot.waitUntil(lambda: set(sounds.loaded().values()) == {"Ready"}, timeout=5000)
    assert set(sounds.loaded()) == set(C.SOUNDS)
    assert notices == []
    rig_cues.set_volume(30)
    rig_cues.play_cue(C.Cue(sound=C.START))


@quiet_audio
def test_the_default_speech_engine_is_used_only_when_it_works(qtbot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    speech = QtSpeech()
    rig_cues = CuePlayer(sounds=FakeSounds(), speech=speech, notifications=FakeNotifications())
    notices: list[str] = []
    rig_cues.notice.connect(notices.append)
    rig_cues.warm_up()
    assert speech.engine != "mock"  # Qt's test engine is never chosen on its own
    working = [
        e for e in QTextToSpeech.availableEngines()
        if e != "mock" and QTextToSpeech(e).state() != QTextToSpeech.State.Error
    ]  # fmt: skip
    if working:
        assert speech.available() and notices == []
    else:  # this machine: 'speechd' is listed, speech-dispatcher is not installed
        assert not speech.available()
        assert notices == [CP.NO_SPEECH_NOTICE]


@quiet_audio
def test_the_mock_engine_speaks_and_a_new_cue_cuts_in(qtbot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    speech = QtSpeech("mock")
    rig_cues = CuePlayer(sounds=FakeSounds(), speech=speech, notifications=FakeNotifications())
    assert speech.available() and speech.engine == "mock"
    tts = speech._tts
    assert tts is not None
    words: list[str] = []
    tts.sayingWord.connect(lambda word, *_: words.append(word))
    rig_cues.set_volume(40)
    assert tts.volume() == pytest.approx(0.4)
    long_line = "Rest the wrapped pack on your lower back and settle into a comfortable position."
    rig_cues.play_cue(C.Cue(speech=long_line))
    qtbot.waitUntil(lambda: len(words) >= 2, timeout=3000)
    assert speech.is_speaking()
    rig_cues.play_cue(C.Cue(speech="Breathe in.", minor=True))  # gives way
    rig_cues.play_cue(C.Cue(speech="Switch sides."))  # cuts in
    qtbot.waitUntil(lambda: tts.state() == QTextToSpeech.State.Ready, timeout=3000)
    assert words[-2:] == ["Switch", "sides"]
    assert "comfortable" not in words and "Breathe" not in words
    rig_cues.set_muted(True)  # mute also stops words mid-sentence
    rig_cues.set_muted(False)
    rig_cues.play_cue(C.Cue(speech=long_line))
    qtbot.waitUntil(speech.is_speaking, timeout=3000)
    rig_cues.set_voice_enabled(False)
    assert not speech.is_speaking()


# ------------------------------------------------------------------ desktop notifications

FAKE_SERVICE = r"""
import json, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusVirtualObject

app = QCoreApplication(sys.argv)


def plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "currentSignature"):  # a QDBusArgument: its D-Bus type
        return {"type": value.currentSignature()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return repr(value)


class Service(QDBusVirtualObject):
    def introspect(self, path):
        return ""

    def handleMessage(self, message, connection):
        if message.member() != "Notify":
            return False
        record = {"signature": message.signature(), "arguments": plain(message.arguments())}
        print(json.dumps(record), flush=True)
        connection.send(message.createReply([7]))
        return True


bus = QDBusConnection.connectToBus(sys.argv[1], "stand-in")
service = Service()
ok = bus.registerVirtualObject("/org/freedesktop/Notifications", service)
ok = ok and bus.registerService("org.freedesktop.Notifications")
print("ready" if ok else "failed", flush=True)
sys.exit(app.exec())
"""


class Lines:
    """A helper process's output, line by line, with a timeout on each line."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self._queue: queue.Queue[str] = queue.Queue()
        assert proc.stdout is not None
        threading.Thread(target=self._pump, args=(proc.stdout,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.strip())

    def next(self, timeout: float = 10.0) -> str:
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("no answer from the helper process") from None


@contextmanager
def helper(args: list[str], **popen: object) -> Iterator[Lines]:
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, **popen
    ) as proc:  # type: ignore[call-overload]
        try:
            yield Lines(proc)
        finally:
            proc.terminate()


@pytest.fixture
def session_bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private session bus (no service activation: nothing real starts on it)."""
    with private_session_bus(tmp_path_factory.mktemp("bus")) as address:
        yield address


@pytest.fixture
def notification_service(session_bus: str, tmp_path: Path) -> Iterator[Lines]:
    script = tmp_path / "service.py"
    script.write_text(FAKE_SERVICE)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with helper([sys.executable, str(script), session_bus], env=env) as out:
        assert out.next(timeout=30) == "ready"
        yield out


@pytest.fixture
def bus_monitor(session_bus: str) -> Iterator[Lines]:
    """dbus-monitor's text view of every Notify call: it shows each value's D-Bus type."""
    monitor = shutil.which("dbus-monitor")
    if monitor is None:
        pytest.skip("needs dbus-monitor")
    rule = "type='method_call',interface='org.freedesktop.Notifications'"
    with helper([monitor, "--address", session_bus, rule]) as out:
        # It says who it is (NameAcquired) once it listens.
        while "NameAcquired" not in out.next():
            pass
        yield out


def test_notify_reaches_the_desktop_service_with_the_right_types(
    qtbot,
    session_bus: str,
    notification_service: Lines,
    bus_monitor: Lines,
) -> None:
    fallback: list[tuple[str, str]] = []
    notifier = DesktopNotifier(
        bus_address=session_bus, use_dbus=True, fallback=lambda t, b: fallback.append((t, b))
    )
    title, body = C.interval_over("heat")
    with qtbot.waitSignal(notifier.sent, timeout=10000) as sent:
        notifier.notify(title, body)
    assert sent.args == [True]
    call = json.loads(notification_service.next())
    # replaces_id is a uint32 ("u"): the services refuse an int32 there.
    assert call["signature"] == "susssasa{sv}i"
    app_name, replaces, icon, summary, text, actions, hints, timeout = call["arguments"]
    assert (app_name, replaces, icon) == (APP_NAME, 0, APP_ID)
    assert (summary, text) == (title, body)
    assert actions == [] and timeout == -1
    assert hints == {"type": "a{sv}"}
    assert fallback == []
    # The same call as dbus-monitor saw it, every value with its type.
    lines: list[str] = []
    while not lines or lines[-1] != "int32 -1":
        line = bus_monitor.next()
        if lines or "member=Notify" in line:
            lines.append(line)
    values = " ".join(lines[1:])
    assert values.startswith(f'string "{APP_NAME}" uint32 0 string "{APP_ID}"')
    assert 'string "desktop-entry" variant string "lbp-desktop"' in " ".join(values.split())
    assert 'string "urgency" variant byte 2' in " ".join(values.split())


def test_without_a_notification_service_the_fallback_shows_it(qtbot, session_bus: str) -> None:
    fallback: list[tuple[str, str]] = []
    notifier = DesktopNotifier(bus_address=session_bus, use_dbus=True)
    notifier.set_fallback(lambda t, b: fallback.append((t, b)))
    with qtbot.waitSignal(notifier.sent, timeout=10000) as sent:
        notifier.notify("Time to take the ice pack off", "Look at your skin.")
    assert sent.args == [False]
    assert fallback == [("Time to take the ice pack off", "Look at your skin.")]


def test_without_a_bus_the_fallback_shows_it_or_nothing_happens(qtbot) -> None:
    fallback: list[tuple[str, str]] = []
    notifier = DesktopNotifier(use_dbus=False, fallback=lambda t, b: fallback.append((t, b)))
    with qtbot.waitSignal(notifier.sent) as sent:
        notifier.notify("Title", "Body")
    assert sent.args == [False] and fallback == [("Title", "Body")]
    notifier.set_fallback(None)
    with qtbot.waitSignal(notifier.sent):
        notifier.notify("Title", "Body")  # nowhere to show it: quietly nothing
    assert fallback == [("Title", "Body")]


def test_a_bus_address_that_leads_nowhere_falls_back(qtbot, tmp_path: Path) -> None:
    fallback: list[str] = []
    notifier = DesktopNotifier(
        bus_address=f"unix:path={tmp_path / 'no-bus'}",
        use_dbus=True,
        fallback=lambda t, _b: fallback.append(t),
    )
    with qtbot.waitSignal(notifier.sent, timeout=10000) as sent:
        notifier.notify("Title", "Body")
    assert sent.args == [False] and fallback == ["Title"]


def test_the_cue_player_notifies_through_the_desktop_service(
    qtbot, library: ContentLibrary, session_bus: str, notification_service: Lines
) -> None:
    notifier = DesktopNotifier(bus_address=session_bus, use_dbus=True)
    cues = CuePlayer(sounds=FakeSounds(), speech=FakeSpeech(), notifications=notifier)
    cues.set_exercise_categories({e.id: e.category for e in library.exercises.values()})
    cues.set_muted(True)
    with qtbot.waitSignal(notifier.sent, timeout=10000):
        play_plan(library, "heat-and-relax", cues)
    call = json.loads(notification_service.next())
    assert call["arguments"][3] == "Time to take the heat pack off"
