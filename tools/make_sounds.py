"""Make the session's cue sounds: resources/sounds/*.wav.

    python tools/make_sounds.py            # write resources/sounds/
    python tools/make_sounds.py OUTDIR     # write them somewhere else

Every sound is computed here from sine waves with the standard library only,
so the files are reproducible byte for byte (a test regenerates them and
compares). 16-bit mono at 22.05 kHz: plenty for soft tones and small enough
to ship. The tones start with a soft attack and die away on their own, and
each clip is normalised well below full scale; the app's volume does the
rest. Someone lying on a mat with their eyes closed should find them calm,
never startling.

Sounds and what they mean (the mapping lives in lbp_desktop/domain/cues.py):

    start         two notes rising: an exercise part begins
    halfway       one soft note: half of a long hold or interval is done
    last3         three soft ticks one second apart, for 3, 2, 1
    switch_side   three notes, up and back: turn to the other side
    done          two notes falling: an exercise part is finished
    session_done  a rising chime: the whole session is finished
    bell          a meditation bell with a long natural ring
"""

from __future__ import annotations

import argparse
import array
import math
import sys
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOUNDS_DIR = ROOT / "resources" / "sounds"

RATE = 22050
FULL_SCALE = 32767
# How long the end of a clip fades to silence, unless a sound says otherwise
# (no click when it stops).
TAIL_FADE_S = 0.08

# Equal-tempered pitches (Hz) of the notes used below.
A4 = 440.0
C5 = 523.25
D5 = 587.33
E5 = 659.26
G4 = 392.0
G5 = 783.99
C6 = 1046.5


@dataclass(frozen=True)
class Partial:
    """One sine in a tone: frequency ratio to the note, level, and how fast it dies."""

    ratio: float
    level: float
    decay_s: float  # time for this partial to fall to 1/e


# A soft mallet on wood (a marimba's bar): a strong fundamental, a little
# brightness that fades fast. Struck notes of the cues use this.
MALLET = (Partial(1.0, 1.0, 0.35), Partial(2.0, 0.12, 0.12), Partial(4.0, 0.05, 0.05))
# A short tick, soft and woody; brief enough that three stay distinct.
TICK = (Partial(1.0, 1.0, 0.035), Partial(2.7, 0.25, 0.015))
# A small meditation bell (a struck bowl). Its partials are not harmonic,
# which is what makes a bell sound like a bell. Two close fundamentals beat
# slowly against each other (about 1.2 Hz), the shimmer of a real bowl.
BELL = (
    Partial(1.0, 1.0, 2.4),
    Partial(1.003, 0.3, 2.2),
    Partial(2.76, 0.40, 1.1),
    Partial(5.40, 0.16, 0.55),
    Partial(8.93, 0.06, 0.25),
)


@dataclass(frozen=True)
class Note:
    at_s: float
    freq: float
    partials: tuple[Partial, ...] = MALLET
    level: float = 1.0
    attack_s: float = 0.012


@dataclass(frozen=True)
class Sound:
    name: str
    length_s: float
    notes: tuple[Note, ...]
    peak: float  # loudest sample, as a fraction of full scale
    fade_s: float = TAIL_FADE_S


def _note_samples(note: Note, length: int) -> list[float]:
    """One note from its start to the end of the clip: attack, then free decay."""
    attack = max(int(note.attack_s * RATE), 1)
    out = [0.0] * length
    for partial in note.partials:
        omega = 2.0 * math.pi * note.freq * partial.ratio / RATE
        if omega >= math.pi:  # above the Nyquist limit: it would alias
            continue
        decay = math.exp(-1.0 / (partial.decay_s * RATE))
        amp = note.level * partial.level
        for i in range(length):
            out[i] += amp * math.sin(omega * i)
            amp *= decay
    for i in range(min(attack, length)):
        # Raised-cosine attack: starts at zero with zero slope, so no click.
        out[i] *= 0.5 - 0.5 * math.cos(math.pi * i / attack)
    return out


def render(sound: Sound) -> list[int]:
    """The clip as 16-bit sample values, peak-normalised to ``sound.peak``."""
    length = round(sound.length_s * RATE)
    mix = [0.0] * length
    for note in sound.notes:
        start = round(note.at_s * RATE)
        for i, value in enumerate(_note_samples(note, length - start)):
            mix[start + i] += value
    fade = int(sound.fade_s * RATE)
    for i in range(fade):
        # Raised cosine again: the ring ends smoothly, not with a corner.
        mix[length - 1 - i] *= 0.5 - 0.5 * math.cos(math.pi * i / fade)
    loudest = max(abs(v) for v in mix)
    scale = sound.peak * FULL_SCALE / loudest
    return [round(v * scale) for v in mix]


def _sounds() -> tuple[Sound, ...]:
    return (
        Sound("start", 0.9, (Note(0.0, A4), Note(0.16, E5)), peak=0.5),
        Sound("halfway", 0.9, (Note(0.0, D5, level=0.9),), peak=0.45),
        Sound(
            "last3",
            2.25,
            tuple(Note(float(k), 1568.0, TICK, attack_s=0.003) for k in range(3)),
            peak=0.4,
        ),
        Sound("switch_side", 1.1, (Note(0.0, E5), Note(0.16, C5), Note(0.32, E5)), peak=0.5),
        Sound("done", 1.0, (Note(0.0, E5), Note(0.2, A4)), peak=0.5),
        Sound(
            "session_done",
            2.2,
            (
                Note(0.0, C5),
                Note(0.15, E5),
                Note(0.30, G5),
                Note(0.45, C6, partials=_long(MALLET, 2.0)),
            ),
            peak=0.5,
        ),
        Sound("bell", 5.0, (Note(0.0, G4, BELL, attack_s=0.004),), peak=0.55, fade_s=1.5),
    )


def _long(partials: tuple[Partial, ...], factor: float) -> tuple[Partial, ...]:
    """The same timbre ringing ``factor`` times longer (a held last note)."""
    return tuple(Partial(p.ratio, p.level, p.decay_s * factor) for p in partials)


SOUNDS: tuple[Sound, ...] = _sounds()
NAMES: tuple[str, ...] = tuple(s.name for s in SOUNDS)


def write_wav(path: Path, samples: list[int]) -> None:
    data = array.array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()  # WAV is little-endian
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())


def write_all(out_dir: Path, log: Callable[[str], None] | None = None) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for sound in SOUNDS:
        path = out_dir / f"{sound.name}.wav"
        write_wav(path, render(sound))
        written.append(path)
        if log is not None:
            log(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", type=Path, default=SOUNDS_DIR)
    args = parser.parse_args(argv)
    write_all(args.out_dir, log=print)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
