"""The bundled cue sounds: exactly what tools/make_sounds.py makes, and gentle."""

from __future__ import annotations

import array
import importlib.util
import sys
import wave
from pathlib import Path
from types import ModuleType

import pytest

from lbp_desktop import paths
from lbp_desktop.domain.cues import SOUNDS

ROOT = Path(__file__).resolve().parents[2]
SOUNDS_DIR = paths.resources_dir() / "sounds"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "tools/make_sounds.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_sounds", module)
    spec.loader.exec_module(module)
    return module


def _samples(path: Path) -> tuple[wave._wave_params, array.array]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        data = array.array("h", wav.readframes(params.nframes))
    if sys.byteorder == "big":
        data.byteswap()
    return params, data


def test_every_cue_sound_is_made_by_the_script_and_committed() -> None:
    tool = _tool()
    assert set(tool.NAMES) == set(SOUNDS)
    assert {p.stem for p in SOUNDS_DIR.glob("*.wav")} == set(SOUNDS)


def test_regenerating_gives_byte_identical_files(tmp_path: Path) -> None:
    written = _tool().write_all(tmp_path)
    assert len(written) == len(SOUNDS)
    for path in written:
        committed = SOUNDS_DIR / path.name
        assert path.read_bytes() == committed.read_bytes(), (
            f"{path.name} differs from the committed file: run python tools/make_sounds.py"
        )


@pytest.mark.parametrize("name", SOUNDS)
def test_each_sound_is_short_mono_16_bit_and_never_clips(name: str) -> None:
    path = SOUNDS_DIR / f"{name}.wav"
    params, data = _samples(path)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 22050)
    seconds = params.nframes / params.framerate
    assert 0.3 <= seconds <= (5.0 if name == "bell" else 2.5)
    assert path.stat().st_size < 250_000
    peak = max(abs(v) for v in data)
    # Soft: well below full scale, and never at the rails (no clipping).
    assert 0.3 * 32767 < peak <= 0.6 * 32767
    # No click at either end: the clip starts and ends in silence.
    assert data[0] == 0 and abs(data[-1]) <= 1


def test_the_last_three_seconds_tick_on_each_second() -> None:
    params, data = _samples(SOUNDS_DIR / "last3.wav")
    rate = params.framerate

    def loudest(start_s: float, end_s: float) -> int:
        return max(abs(v) for v in data[int(start_s * rate) : int(end_s * rate)])

    length_s = params.nframes / rate
    peak = loudest(0, length_s)
    for second in (0, 1, 2):
        assert loudest(second, second + 0.05) > 0.8 * peak  # a tick...
    for second in (0, 1):
        assert loudest(second + 0.3, second + 0.95) < 0.01 * peak  # ...then quiet
    assert length_s < 2.5  # the last tick is the end


def test_the_bell_rings_on_and_fades_out() -> None:
    params, data = _samples(SOUNDS_DIR / "bell.wav")
    rate = params.framerate

    def loudest(start_s: float, end_s: float) -> int:
        return max(abs(v) for v in data[int(start_s * rate) : int(end_s * rate)])

    # Still clearly ringing after two seconds (a bell, not a beep), then
    # dying away smoothly.
    assert loudest(2.0, 2.5) > 0.15 * loudest(0, 0.5)
    assert loudest(0, 1) > loudest(2, 3) > loudest(4, 4.5) > loudest(4.9, 5.0)
