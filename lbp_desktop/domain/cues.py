"""What a guided session sounds like: the player's events turned into cues.

Someone lying on a mat with their eyes closed follows the session by ear: a
short sound says what just happened, a few spoken words say what to do now.
The end of a heat or ice interval also raises a desktop notification, because
a pack left on too long can harm the skin and the window may be minimised.

Everything here is a pure function of the player's events and state;
``lbp_desktop.services.cue_player`` plays the result. The sound names are the
files in ``resources/sounds/`` (made by ``tools/make_sounds.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lbp_desktop.domain import player as P
from lbp_desktop.domain.content import HEAT_ICE_CATEGORIES
from lbp_desktop.domain.player import Event, PlayerState

# Sound names: one WAV each in resources/sounds/.
START = "start"
HALFWAY = "halfway"
LAST3 = "last3"
SWITCH_SIDE = "switch_side"
DONE = "done"
SESSION_DONE = "session_done"
BELL = "bell"
SOUNDS = (START, HALFWAY, LAST3, SWITCH_SIDE, DONE, SESSION_DONE, BELL)

# When one state brings several sounds (a part ends as the next begins, or a
# late tick), only the most important plays: a burst helps nobody. The bell
# comes first because a meditation promises it ("when the bell sounds...").
SOUND_PRIORITY = (BELL, SESSION_DONE, SWITCH_SIDE, START, DONE, LAST3, HALFWAY)

# Calm practices keep their own rhythm (bells, guidance, the breath): no
# countdown ticks, no "halfway", no "10 seconds left" in them.
CALM_PHASES = (P.BREATHING, P.MEDITATION)
# "Hold" and "Slowly release" are said only when a rep is long enough for
# them; on short reps they would crowd the count.
SPOKEN_HOLD_MIN_S = 8.0

# Reps are counted out loud in words: "Two", not "2" (engines differ on digits).
NUMBER_WORDS = (
    "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen",
    "Eighteen", "Nineteen", "Twenty",
)  # fmt: skip

BREATH_WORDS = {"in": "Breathe in.", "hold": "Hold.", "out": "Breathe out."}


@dataclass(frozen=True)
class Cue:
    """What to play for one event (or for one state, once merged)."""

    sound: str | None = None
    speech: str | None = None
    notification: tuple[str, str] | None = None  # (title, body)
    # A minor spoken cue (a breath-pacer word) gives way to words still being
    # spoken instead of cutting them off; every other cue interrupts.
    minor: bool = False


def cue_for(
    event: Event,
    state: PlayerState,
    *,
    pack: str | None = None,
    later: Sequence[Event] = (),
) -> Cue | None:
    """The cue for one event of ``state``, or None when it should stay quiet.

    ``pack`` is "heat" or "ice" when the caller knows which pack the last
    interval used (see :class:`CueMaker`); ``later`` are the events of the
    same state that came after this one.
    """
    kind = event.kind
    if kind == P.PHASE_STARTED:
        return _phase_started(event, state)
    if kind == P.HALFWAY:
        if event.phase in CALM_PHASES:
            return None
        return Cue(sound=HALFWAY, speech="Halfway.")
    if kind == P.LAST_3:
        return None if event.phase in CALM_PHASES else Cue(sound=LAST3)
    if kind == P.TEN_LEFT:
        return None if event.phase in CALM_PHASES else Cue(speech="10 seconds left.")
    if kind == P.SWITCH_SIDE_EVENT:
        side = f" Now your {state.side} side." if state.side else ""
        return Cue(sound=SWITCH_SIDE, speech=f"Switch sides.{side}")
    if kind in (P.HOLD_EVENT, P.RELEASE_EVENT):
        if state.total_s < SPOKEN_HOLD_MIN_S:
            return None
        return Cue(speech="Hold." if kind == P.HOLD_EVENT else "Slowly release.")
    if kind == P.DONE:
        if event.phase == P.INTERVAL:
            return Cue(
                sound=DONE,
                speech=f"Time is up. Take the {_pack_words(pack)} off, and look at your skin.",
                notification=interval_over(pack),
            )
        return Cue(sound=DONE)
    if kind == P.SKIN_CHECK:
        return Cue(sound=HALFWAY, speech=event.text)
    if kind == P.GUIDANCE:
        return Cue(speech=event.text) if event.text else None
    if kind == P.BREATH:
        words = BREATH_WORDS.get(event.text)
        return Cue(speech=words, minor=True) if words else None
    if kind == P.BELL:
        return Cue(sound=BELL)
    if kind == P.INTERVAL_CAPPED:
        # Capped as it ended (the pack stayed on through a pause past the
        # cap): that is the end of the interval too.
        ended = any(e.kind in (P.PHASE_STARTED, P.SESSION_DONE) for e in later)
        if ended:
            return Cue(sound=DONE, speech=event.text, notification=interval_over(pack))
        return Cue(speech=event.text)
    if kind == P.SLEPT:
        return Cue(speech=event.text)
    if kind == P.ENDED_DURING_SLEEP:
        title, _ = interval_over(pack or _pack_in(event.text))
        return Cue(sound=DONE, speech=event.text, notification=(title, event.text))
    if kind == P.STOPPED_FOR_PAIN:
        return Cue(speech=event.text)
    if kind == P.SESSION_DONE:
        stopped_early = state.outcome == "partial" and bool(state.stop_reason)
        return Cue(sound=None if stopped_early else SESSION_DONE, speech=event.text or None)
    # PAIN_AFTER comes while the user types their score: the screen says it.
    return None


def interval_over(pack: str | None) -> tuple[str, str]:
    """The notification at the end of a heat or ice interval: (title, body)."""
    title = f"Time to take the {_pack_words(pack)} off"
    body = (
        "Lift it off and look at your skin. If it is very red, white, blotchy, "
        "blistered or numb, leave heat and ice off until it has settled."
    )
    return title, body


def merge(cues: Iterable[Cue]) -> Cue | None:
    """One cue for everything a state brings: the most important sound, the
    words in order (each said once), the first notification."""
    cues = list(cues)
    if not cues:
        return None
    sounds = {c.sound for c in cues if c.sound}
    sound = next((s for s in SOUND_PRIORITY if s in sounds), None)
    words: list[str] = []
    for cue in cues:
        if cue.speech and cue.speech not in words:
            words.append(cue.speech)
    notification = next((c.notification for c in cues if c.notification), None)
    minor = all(c.minor for c in cues if c.speech)
    return Cue(sound, " ".join(words) or None, notification, minor and bool(words))


class CueMaker:
    """Turns each state into at most one cue.

    It remembers, across states, which pack (heat or ice) the session is on,
    because the interval's end is reported once the next part has begun.
    ``categories`` maps exercise ids to their category; without it the
    notification says "pack" instead of "heat pack" or "ice pack".
    """

    def __init__(self, categories: Mapping[str, str] | None = None) -> None:
        self._categories = dict(categories or {})
        self._pack: str | None = None

    def set_categories(self, categories: Mapping[str, str]) -> None:
        self._categories = dict(categories)

    def cue(self, state: PlayerState) -> Cue | None:
        if state.exercise_id is not None:
            category = self._categories.get(state.exercise_id)
            if category in HEAT_ICE_CATEGORIES:
                self._pack = category
        events = state.events
        cues = []
        for i, event in enumerate(events):
            found = cue_for(event, state, pack=self._pack, later=events[i + 1 :])
            if found is not None:
                cues.append(found)
        return merge(cues)


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def duration_words(seconds: float) -> str:
    """ "30 seconds", "1 minute", "15 minutes", "90 seconds": how a person says it."""
    whole = round(seconds)
    if whole >= 60 and whole % 60 == 0:
        minutes = whole // 60
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    if whole < 120:
        return "1 second" if whole == 1 else f"{whole} seconds"
    return f"about {round(whole / 60)} minutes"


def _phase_started(event: Event, state: PlayerState) -> Cue | None:
    phase = event.phase
    name = state.exercise_name or ""
    if phase == P.GET_READY:
        lead = "First up" if state.item_index == 0 else "Next"
        # The first step says how to get into position: with eyes closed,
        # that is what the person needs to hear.
        prefix = f"Get into position for {name}. "
        step = state.cue[len(prefix) :] if state.cue.startswith(prefix) else ""
        return Cue(speech=f"{lead}: {name}. {step}".strip())
    if phase == P.REST:
        return Cue(speech="Rest.")
    if phase == P.SET_BREAK:
        if state.set_no is not None and state.sets is not None:
            return Cue(speech=f"Rest. Next: set {state.set_no} of {state.sets}.")
        return Cue(speech="Rest.")
    if phase == P.SWITCH_SIDE:
        return None  # the switch-side event that comes with it says it
    if phase == P.MEDITATION:
        return Cue(sound=START)  # its bell and first guidance line follow
    if phase in (P.WORK, P.INTERVAL, P.BREATHING):
        return Cue(sound=START, speech=_begin_words(state))
    return None


def _begin_words(state: PlayerState) -> str:
    side = f"{state.side.capitalize()} side. " if state.side else ""
    if state.rep is not None and state.reps is not None:
        first = state.rep == 1
        count = number_word(state.rep) + "." if state.reps > 1 else "Begin."
        return f"{side if first else ''}{count}"
    length = duration_words(state.total_s)
    if state.phase == P.WORK:
        return f"{side}Begin: {length}."
    return f"{side}{state.exercise_name}, {length}."


def _pack_words(pack: str | None) -> str:
    return f"{pack} pack" if pack in HEAT_ICE_CATEGORIES else "pack"


def _pack_in(text: str) -> str | None:
    """ "heat" or "ice" as the player's sleep message names it."""
    for word in HEAT_ICE_CATEGORIES:
        if f" {word} interval" in text:
            return word
    return None
