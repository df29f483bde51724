"""`lbp-desktop export --format csv` on a data dir, timed as a user runs it.

Each run is the real entry point (``python -m lbp_desktop export ...``) in a
fresh process, timed from just before it starts until it exits: interpreter
start, imports, opening the store read-only, reading every year, building
the CSV and the atomic write of the file. One warm-up run (not counted)
puts the year files and the interpreter's modules in the OS file cache, as
they usually are on a machine in use.

The data dir is copied to a temporary folder first, so a cached benchmark
data set is never touched, whatever the export does.

Alone: ``.venv/bin/python benchmarks/export_bench.py --runs 5`` prints the
result as JSON (the 10 years of heavy history from dataset.py, seeded if
the cache has none for today); ``--profile FILE`` writes a cProfile of one
more run, for ``python -m pstats FILE``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the checkout importable
    sys.path.insert(0, str(ROOT))

CACHE_ROOT = ROOT / "build" / "bench-data"
CHILD_TIMEOUT_S = 120.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    env.pop("LBP_DESKTOP_LOG", None)
    return env


def _p95(values: Sequence[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _load() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):  # not on Windows
        return []


def _command(data_dir: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "lbp_desktop", "export", "--format", "csv",
        "--out", str(out), "--data-dir", str(data_dir),
    ]  # fmt: skip


def _children_cpu() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _export_once(
    data_dir: Path, out: Path, prefix: Sequence[str] = ()
) -> tuple[float, float | None]:
    """Wall and CPU seconds one export took in a fresh process; RuntimeError if it failed.

    The CPU time (user + system, of the child) says how much work it was
    even when other programs compete for the cores and stretch the wall time.
    """
    out.unlink(missing_ok=True)
    command = _command(data_dir, out)
    command[1:1] = prefix
    cpu_before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=CHILD_TIMEOUT_S
    )
    seconds = time.perf_counter() - start
    cpu_after = _children_cpu()
    if done.returncode != 0 or not out.is_file():
        tail = " | ".join(done.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"export failed (exit {done.returncode}): {tail}")
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return seconds, cpu


def _row_count(out: Path) -> int:
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1  # less the header


def bench_csv_export(data_dir: Path, runs: int, *, profile: Path | None = None) -> dict[str, Any]:
    """Median and p95 (seconds) of ``runs`` CSV exports of a copy of ``data_dir``, and its rows.

    Also returned: every run's wall time, the median CPU time of the child
    (None where the OS does not tell), the load average (1, 5, 15 min)
    before and after, the logical core count and the size of the file.
    """
    if runs < 1:
        raise ValueError("runs must be at least 1")
    work = Path(tempfile.mkdtemp(prefix="export-bench-"))
    try:
        copy = work / "data"
        shutil.copytree(data_dir, copy)
        out = work / "diary.csv"
        load_before = _load()
        _export_once(copy, out)  # warm-up, not counted
        measured = [_export_once(copy, out) for _ in range(runs)]
        load_after = _load()
        rows = _row_count(out)
        size = out.stat().st_size
        if profile is not None:
            _export_once(copy, out, ["-m", "cProfile", "-o", str(profile)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    times = [wall for wall, _ in measured]
    cpu = [used for _, used in measured if used is not None]
    return {
        "median_s": statistics.median(times),
        "p95_s": _p95(times),
        "rows": rows,
        "runs": runs,
        "times_s": times,
        "cpu_median_s": statistics.median(cpu) if cpu else None,
        "bytes": size,
        "load_before": load_before,
        "load_after": load_after,
        "cpus": os.cpu_count(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="default: the benchmark's 10 years")
    parser.add_argument("--profile", type=Path, metavar="FILE", help="cProfile one more run")
    args = parser.parse_args(argv)
    data_dir = args.data_dir
    if data_dir is None:
        from benchmarks import dataset

        data_dir = dataset.prepare(CACHE_ROOT).data_dir
    result = bench_csv_export(data_dir, args.runs, profile=args.profile)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
