"""Spearman rank correlation and its bootstrap interval, with numpy only.

Pure Python plus numpy (scipy is not a dependency of the app).

Spearman's rho is Pearson's correlation of the ranks, ties getting the mean
of the ranks they span (1, 2.5, 2.5, 4). It is undefined (``None`` here)
when either side has no variation, or with fewer than two pairs.

The bootstrap draws pairs with replacement from a seeded generator, so the
same data always gives the same interval, and takes the percentile interval
of the resampled rhos. Resamples in which one side came out constant have
no rho; they are left out and the number used is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

DEFAULT_RESAMPLES = 2000
DEFAULT_SEED = 5  # any fixed number: the point is that it never changes between runs
DEFAULT_CONFIDENCE = 0.95


def _as_values(values: npt.ArrayLike, name: str) -> FloatArray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers only")
    return array


def average_ranks(values: npt.ArrayLike) -> FloatArray:
    """Ranks from 1, ties sharing the mean of the ranks they span."""
    array = _as_values(values, "values")
    _, inverse, counts = np.unique(array, return_inverse=True, return_counts=True)
    below = np.cumsum(counts) - counts
    return (below + (counts + 1) / 2.0)[inverse.reshape(-1)]


def _pearson(a: FloatArray, b: FloatArray) -> float | None:
    da = a - a.mean()
    db = b - b.mean()
    spread = float(np.sqrt((da * da).sum() * (db * db).sum()))
    if spread == 0.0:
        return None
    return float(np.clip((da * db).sum() / spread, -1.0, 1.0))


def spearman(x: npt.ArrayLike, y: npt.ArrayLike) -> float | None:
    """Spearman's rho of paired samples; ``None`` when it is undefined."""
    xs = _as_values(x, "x")
    ys = _as_values(y, "y")
    if xs.shape != ys.shape:
        raise ValueError("x and y must have the same length")
    if xs.size < 2:
        return None
    return _pearson(average_ranks(xs), average_ranks(ys))


def _running_total(rows: npt.NDArray[np.int_]) -> npt.NDArray[np.int_]:
    """``np.cumsum(rows, axis=0)``, a row at a time: adding whole contiguous
    rows is about three times faster than numpy's strided walk down axis 0."""
    out = np.empty_like(rows)
    if rows.shape[0]:
        out[0] = rows[0]
    for i in range(1, rows.shape[0]):
        np.add(out[i - 1], rows[i], out=out[i])
    return out


def _rank_offsets(values: FloatArray, weights: npt.NDArray[np.int_]) -> npt.NDArray[np.int_]:
    """Twice each point's tie-averaged rank, minus n + 1, in every resample.

    ``weights[j, b]`` is how often point j was drawn in resample b (points
    in rows, so the gathers below take whole contiguous rows). A value's
    rank in a resample depends only on how many drawn values lie below it
    and how many equal it, so nothing is sorted per resample: one running
    total over the points in value order, read at the end of each tie
    group. Doubling keeps the ranks whole numbers (2.5 becomes 5), so the
    sums that follow are exact.
    """
    n = values.size
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    new_group = ordered[1:] != ordered[:-1]
    group_ends = np.flatnonzero(np.r_[new_group, True])
    group_of_point = np.empty(n, dtype=np.int64)
    group_of_point[order] = np.r_[0, np.cumsum(new_group)]

    running = _running_total(np.take(weights, order, axis=0))
    # rank = below + (in group + 1) / 2, so 2 * rank = through + below + 1,
    # "through" counting the drawn values up to the group's end and "below"
    # those before it (the previous group's "through"). Built in place: fresh
    # multi-megabyte temporaries cost more in page faults than the sums.
    offsets = np.take(running, group_ends, axis=0)
    offsets[1:] += offsets[:-1].copy()
    offsets -= n
    return np.take(offsets, group_of_point, axis=0)


def resampled_spearman(x: npt.ArrayLike, y: npt.ArrayLike, picks: npt.ArrayLike) -> FloatArray:
    """Spearman's rho of each resample; NaN where one side came out constant.

    ``picks[b]`` holds the indices of the pairs drawn for resample b.
    """
    xs = _as_values(x, "x")
    ys = _as_values(y, "y")
    if xs.shape != ys.shape:
        raise ValueError("x and y must have the same length")
    drawn = np.array(picks, dtype=np.int64)  # a copy: it is reused in place below
    if drawn.ndim != 2 or drawn.shape[1] != xs.size:
        raise ValueError("picks must hold one row of len(x) indices per resample")
    if drawn.size and (drawn.min() < 0 or drawn.max() >= xs.size):
        raise ValueError("picks must index the pairs")
    return _resampled(xs, ys, drawn)


def _resampled(xs: FloatArray, ys: FloatArray, drawn: npt.NDArray[np.int64]) -> FloatArray:
    resamples, n = drawn.shape
    # Every sum below stays within n**3 (n draws, offsets of at most n on
    # each side), so 32-bit whole numbers are exact up to n = 1290 pairs.
    whole = np.int32 if n**3 < 2**31 else np.int64
    # Draw counts per (pair, resample) in one bincount: index pair * R + resample.
    drawn *= resamples
    drawn += np.arange(resamples, dtype=np.int64)[:, None]
    weights = np.bincount(drawn.reshape(-1), minlength=n * resamples)
    weights = weights.reshape(n, resamples).astype(whole)

    dx = _rank_offsets(xs, weights)
    dy = _rank_offsets(ys, weights)
    wdx = weights * dx
    covariance = np.einsum("ij,ij->j", wdx, dy).astype(np.float64)
    spread = np.einsum("ij,ij->j", wdx, dx).astype(np.float64)
    np.multiply(weights, dy, out=wdx)
    spread *= np.einsum("ij,ij->j", wdx, dy)
    rhos = np.full(resamples, np.nan)
    defined = spread > 0.0
    rhos[defined] = np.clip(covariance[defined] / np.sqrt(spread[defined]), -1.0, 1.0)
    return rhos


@dataclass(frozen=True)
class BootstrapInterval:
    low: float | None
    high: float | None
    resamples: int  # resamples with a defined rho behind the interval
    confidence: float


def bootstrap_spearman(
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    confidence: float = DEFAULT_CONFIDENCE,
) -> BootstrapInterval:
    """Percentile bootstrap interval of Spearman's rho, pairs drawn with replacement."""
    xs = _as_values(x, "x")
    ys = _as_values(y, "y")
    if xs.shape != ys.shape:
        raise ValueError("x and y must have the same length")
    if resamples < 1:
        raise ValueError("resamples must be 1 or more")
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must lie between 0 and 1")
    n = xs.size
    if n < 2:
        return BootstrapInterval(None, None, 0, confidence)

    rng = np.random.default_rng(seed)
    rhos = _resampled(xs, ys, rng.integers(0, n, size=(resamples, n), dtype=np.int64))
    rhos = rhos[np.isfinite(rhos)]
    if rhos.size == 0:
        return BootstrapInterval(None, None, 0, confidence)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(rhos, [tail, 1.0 - tail])
    return BootstrapInterval(float(low), float(high), int(rhos.size), confidence)
