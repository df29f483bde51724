"""The ticker: single-shot ticks aligned to the countdown's deadlines."""

from __future__ import annotations

import pytest

from lbp_desktop.services.ticker import Ticker, aligned_delay_ms


@pytest.mark.parametrize(
    ("remaining", "expected"),
    [
        (4.97, 70),  # 70 ms to 4.9 s left
        (5.0, 100),  # on a boundary: the next one
        (0.3, 100),  # float noise (0.3 % 0.1 is 0.0999...) still reads as a boundary
        (0.0005, 1),  # never early: half a millisecond is waited for
        (0.0, 100),
        (-1.0, 100),
        (12.345, 45),
    ],
)
def test_aligned_delay(remaining: float, expected: int) -> None:
    assert aligned_delay_ms(remaining) == expected


def test_ticks_are_armed_to_the_next_deadline(qtbot) -> None:
    left = [10.04]
    ticker = Ticker(lambda: {"left": left[0]}, remaining=lambda state: state["left"])
    ticker.note_state({"left": left[0]})
    ticker.start()
    assert ticker.is_running()
    assert ticker._timer is not None and ticker._timer.isSingleShot()
    assert ticker._timer.interval() == 40
    left[0] = 10.0
    ticker.tick()  # as the timer would
    assert ticker._timer.interval() == 100 and ticker.is_running()
    ticker.note_state({"left": 7.25})  # a command moved the deadline
    assert ticker._timer.interval() == 50
    ticker.stop()
    assert not ticker.is_running()
    ticker.tick()  # a tick while stopped does not start the timer
    assert not ticker.is_running()


def test_without_remaining_it_ticks_at_its_interval(qtbot) -> None:
    ticker = Ticker(lambda: None, interval_ms=250)
    ticker.start()
    assert ticker._timer is not None and ticker._timer.interval() == 250
    ticker.tick()
    assert ticker._timer.interval() == 250
    ticker.stop()
