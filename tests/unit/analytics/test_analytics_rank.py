"""Spearman's rho with ties, and its seeded bootstrap interval."""

from __future__ import annotations

import math

import numpy as np
import pytest
from analytics_helpers import reference_spearman

from lbp_desktop.domain.rank_correlation import (
    average_ranks,
    bootstrap_spearman,
    resampled_spearman,
    spearman,
)


def test_ties_share_the_mean_of_their_ranks() -> None:
    assert average_ranks([10, 20, 20, 30]).tolist() == [1.0, 2.5, 2.5, 4.0]
    # 1 takes rank 1; the three 3s share ranks 2, 3 and 4.
    assert average_ranks([3, 1, 3, 3]).tolist() == [3.0, 1.0, 3.0, 3.0]
    assert average_ranks([]).tolist() == []


def test_spearman_without_ties_matches_the_textbook_formula() -> None:
    x = [35, 23, 47, 17, 10, 43, 9, 6, 28]
    y = [30, 33, 45, 23, 8, 49, 12, 4, 31]
    # Ranks x: 7 5 9 4 3 8 2 1 6; y: 5 7 8 4 2 9 3 1 6; sum of d^2 = 12.
    # rho = 1 - 6 * 12 / (9 * (81 - 1)) = 0.9
    assert spearman(x, y) == pytest.approx(0.9)


def test_spearman_with_ties_is_pearson_on_averaged_ranks() -> None:
    # Ranks x: 1, 2.5, 2.5, 4; y: 1, 3, 2, 4; both centred on 2.5.
    # cov = 2.25 + 0 + 0 + 2.25 = 4.5; var x = 4.5; var y = 5.
    # rho = 4.5 / sqrt(4.5 * 5) = sqrt(0.9)
    assert spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(math.sqrt(0.9))
    assert spearman([1, 1, 2, 2], [2, 2, 1, 1]) == pytest.approx(-1.0)


def test_spearman_is_undefined_without_variation_or_pairs() -> None:
    assert spearman([2, 2, 2], [1, 2, 3]) is None
    assert spearman([1, 2, 3], [4, 4, 4]) is None
    assert spearman([1], [1]) is None
    assert spearman([], []) is None


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="same length"):
        spearman([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="finite"):
        spearman([1, math.nan], [1, 2])
    with pytest.raises(ValueError, match="picks"):
        resampled_spearman([1, 2], [1, 2], [[0, 2]])


def test_resampled_rhos_equal_a_plain_loop_over_the_same_draws() -> None:
    rng = np.random.default_rng(11)
    x = rng.integers(0, 5, 15).astype(float)  # many ties
    y = np.round(rng.normal(size=15), 1)
    picks = rng.integers(0, 15, size=(200, 15))
    picks[0] = 3  # one resample of a single pair drawn 15 times: no rho
    fast = resampled_spearman(x, y, picks)
    slow = [reference_spearman(list(x[p]), list(y[p])) for p in picks]
    assert fast.tolist() == pytest.approx(slow, nan_ok=True, abs=1e-12)
    assert math.isnan(fast[0])


def test_resampled_rhos_stay_exact_beyond_the_32_bit_range() -> None:
    # 1300 pairs: the sums need 64-bit whole numbers.
    rng = np.random.default_rng(2)
    x = rng.integers(0, 40, 1300).astype(float)
    y = x + rng.normal(size=1300) * 10
    picks = rng.integers(0, 1300, size=(3, 1300))
    fast = resampled_spearman(x, y, picks)
    expected = [spearman(x[p], y[p]) for p in picks]
    assert fast.tolist() == pytest.approx(expected, abs=1e-12)


def test_the_bootstrap_is_reproducible_for_a_seed() -> None:
    rng = np.random.default_rng(4)
    x = rng.integers(0, 8, 30).astype(float)
    y = -0.5 * x + rng.normal(size=30)
    first = bootstrap_spearman(x, y, seed=7)
    assert bootstrap_spearman(x, y, seed=7) == first
    assert bootstrap_spearman(x, y, seed=8) != first
    assert first.resamples == 2000
    assert first.confidence == 0.95


def test_the_interval_holds_the_estimate_for_a_clear_monotone_series() -> None:
    x = np.arange(20, dtype=float)
    y = x.copy()
    y[[3, 4]] = y[[4, 3]]  # two small swaps keep it clearly increasing
    y[[12, 13]] = y[[13, 12]]
    rho = spearman(x, y)
    assert rho is not None and rho > 0.98
    interval = bootstrap_spearman(x, y)
    assert interval.low is not None and interval.high is not None
    assert interval.low <= rho <= interval.high
    assert interval.low > 0.9
    # A perfectly monotone series: every defined resample gives exactly 1.
    exact = bootstrap_spearman(x, 3 * x + 1)
    assert (exact.low, exact.high) == (1.0, 1.0)


def test_the_bootstrap_needs_two_pairs_and_variation() -> None:
    assert bootstrap_spearman([1.0], [2.0]).low is None
    flat = bootstrap_spearman([1, 1, 1], [1, 2, 3])
    assert (flat.low, flat.high, flat.resamples) == (None, None, 0)
    with pytest.raises(ValueError, match="resamples"):
        bootstrap_spearman([1, 2], [1, 2], resamples=0)
    with pytest.raises(ValueError, match="confidence"):
        bootstrap_spearman([1, 2], [1, 2], confidence=1.0)
