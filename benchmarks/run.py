"""`make bench`: start-up, memory and storage numbers on 10 years of heavy use, and the player.

Prints a Markdown table (and writes it to build/bench-results.md) with the
machine it ran on. These are measurements, not tests: nothing here fails a
build. See benchmarks/README.md for what each row measures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the checkout importable
    sys.path.insert(0, str(ROOT))

from benchmarks import dataset, machine  # noqa: E402

CACHE_ROOT = ROOT / "build" / "bench-data"
RESULTS = ROOT / "build" / "bench-results.md"
CHILD_TIMEOUT_S = 60.0
# Run as a script in its own process (it imports Qt; this script need not).
PLAYER_BENCH = ROOT / "benchmarks" / "player_bench.py"
PLAYER_PREFIX = "player_bench="  # player_bench.PREFIX: its result line starts so
PROGRESS_BENCH = ROOT / "benchmarks" / "progress_bench.py"
TRAY_BENCH = ROOT / "benchmarks" / "tray_bench.py"


@dataclass
class Row:
    metric: str
    median: str
    p95: str = ""
    goal: str = ""
    result: str = "info"


def p95(values: Sequence[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def verdict(value: float, limit: float) -> str:
    return "pass" if value <= limit else "**FAIL**"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    env.pop("LBP_DESKTOP_LOG", None)
    return env


# ----- start-up and memory (the real entry point, in a child process) -----------


@dataclass
class SmokeRun:
    wall_ms: float  # parent's view: just before Popen until the first_paint_ms= line
    own_ms: float  # the child's own estimate (from process creation)
    rss_mb: float | None


def smoke_once(data_dir: Path) -> SmokeRun:
    cmd = [sys.executable, "-m", "lbp_desktop", "--smoke-test", "--data-dir", str(data_dir)]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=err, text=True
        )
        wall = own = None
        rss = None
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("first_paint_ms=") and wall is None:
                    wall = (time.perf_counter() - start) * 1000.0
                    own = float(line.split("=", 1)[1])
                elif line.startswith("rss_mb="):
                    rss = float(line.split("=", 1)[1])
                if wall is not None and rss is not None:
                    break
            proc.wait(timeout=CHILD_TIMEOUT_S)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if wall is None or own is None:
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().splitlines()[-5:]
            raise RuntimeError(
                f"the smoke test printed no first_paint_ms= line (exit {proc.returncode}): "
                + " | ".join(tail)
            )
    return SmokeRun(wall, own, rss)


def startup_rows(data_dir: Path, runs: int, notes: list[str]) -> list[Row]:
    if importlib.util.find_spec("lbp_desktop.cli") is None:
        notes.append("Start-up and memory skipped: lbp_desktop/cli.py does not exist yet.")
        return []
    try:
        smoke_once(data_dir)  # warm-up, not counted: loads Qt's libraries into the OS cache
        results = [smoke_once(data_dir) for _ in range(runs)]
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        notes.append(f"Start-up and memory skipped: {exc}")
        return []
    wall = [r.wall_ms for r in results]
    own = [r.own_ms for r in results]
    rows = [
        Row(
            f"start to first paint, ms ({runs} runs)",
            f"{statistics.median(wall):.0f}",
            f"{p95(wall):.0f}",
            "median <= 300",
            verdict(statistics.median(wall), 300),
        ),
        Row(
            "  the same, the app's own estimate, ms",
            f"{statistics.median(own):.0f}",
            f"{p95(own):.0f}",
        ),
    ]
    rss = [r.rss_mb for r in results if r.rss_mb is not None]
    if rss:
        rows.append(
            Row(
                "resident memory after start, MB",
                f"{statistics.median(rss):.1f}",
                f"{max(rss):.1f} (max)",
                "median <= 90",
                verdict(statistics.median(rss), 90),
            )
        )
    else:
        notes.append("Memory: the smoke test printed no rss_mb= line.")
    return rows


# ----- the store ------------------------------------------------------------------

_OPEN_CHILD = """
import sys, time
from pathlib import Path
from lbp_desktop.storage.store import Store
start = time.perf_counter()
Store.open(Path(sys.argv[1])).close()
print((time.perf_counter() - start) * 1000.0)
"""


def _open_times(data_dir: Path, runs: int, *, forget: Sequence[str] = ()) -> list[float]:
    times = []
    for _ in range(runs):
        for name in forget:
            (data_dir / name).unlink(missing_ok=True)
        out = subprocess.run(
            [sys.executable, "-c", _OPEN_CHILD, str(data_dir)],
            cwd=ROOT,
            env=child_env(),
            capture_output=True,
            text=True,
            check=True,
            timeout=CHILD_TIMEOUT_S,
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


def store_open_rows(data_dir: Path, runs: int, notes: list[str]) -> list[Row]:
    # A fresh process per run: nothing parsed stays in memory between runs
    # (the OS file cache does stay warm, as it usually is at a real start).
    times = _open_times(data_dir, runs)
    current = data_dir / "records" / f"{date.today().year}.json"
    size = current.stat().st_size if current.exists() else 0
    notes.append(
        f"The store opens the current year's file: records/{current.name}, {size / 1e6:.1f} MB "
        "today (it is fullest in December)."
    )
    median = statistics.median(times)
    rows = [
        Row(
            f"open + close the store, ms ({runs} fresh processes)",
            f"{median:.1f}",
            f"{p95(times):.1f}",
            "median <= 150",
            verdict(median, 150),
        )
    ]
    # The store may remember digests of files it has already validated; without
    # them (first start after an upgrade, or files written by another program)
    # every record of the current year is validated again.
    memo = [p.name for p in data_dir.glob(".verified*")]
    if memo:
        cold = _open_times(data_dir, runs, forget=memo)
        rows.append(
            Row(
                f"  the same, without {', '.join(memo)} (files not yet validated), ms",
                f"{statistics.median(cold):.1f}",
                f"{p95(cold):.1f}",
            )
        )
    return rows


def fullest_year(data_dir: Path) -> tuple[int, int]:
    files = [(p.stat().st_size, int(p.stem)) for p in (data_dir / "records").glob("*.json")]
    if not files:
        raise RuntimeError(f"no year files in {data_dir / 'records'}")
    size, year = max(files)
    return year, size


def checkin_write_row(data_dir: Path, writes: int, notes: list[str]) -> Row:
    from lbp_desktop.domain.records import PainCheckIn
    from lbp_desktop.local_time import local_zone
    from lbp_desktop.storage.store import Store

    year, size = fullest_year(data_dir)
    tz = local_zone()
    # Late in the year, in the fullest year file: the worst case a diary reaches
    # every December.
    base = datetime(year, 12, 30, 9, 0, tzinfo=tz)
    times = []
    with Store.open(data_dir) as store:
        # Load that year before timing: the first touch of a closed year parses it.
        store.records(PainCheckIn, since=date(year, 12, 1), until=date(year, 12, 31))
        for i in range(writes):
            record = PainCheckIn(at=base + timedelta(minutes=i), score=i % 11, area="lower_back")
            start = time.perf_counter()
            store.add(record)
            times.append((time.perf_counter() - start) * 1000.0)
    notes.append(
        f"Check-in writes went into records/{year}.json ({size / 1e6:.1f} MB before the writes), "
        "the fullest year file, on a copy of the data dir."
    )
    return Row(
        f"one pain check-in write, ms ({writes} writes; p50 | p95)",
        f"{statistics.median(times):.1f}",
        f"{p95(times):.1f}",
        "p95 <= 25",
        verdict(p95(times), 25),
    )


# ----- the session player on the real clock (player_bench.py, in a child process) ---


def run_player_bench(seconds: float, pause_s: float) -> dict:
    """``benchmarks/player_bench.py`` in a fresh process; its JSON result."""
    cmd = [
        sys.executable,
        str(PLAYER_BENCH),
        "--seconds",
        f"{seconds:g}",
        "--pause-seconds",
        f"{pause_s:g}",
    ]
    out = subprocess.run(
        cmd,
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=2 * seconds + pause_s + CHILD_TIMEOUT_S,
    )
    for line in out.stdout.splitlines():
        if line.startswith(PLAYER_PREFIX):
            return json.loads(line[len(PLAYER_PREFIX) :])
    tail = out.stderr.strip().splitlines()[-5:]
    raise RuntimeError(
        f"player_bench printed no result (exit {out.returncode}): " + " | ".join(tail)
    )


def _sources(counts: dict[str, int], seconds: float) -> str:
    parts = [f"{name} {n / seconds:.1f}/s" for name, n in sorted(counts.items()) if seconds > 0]
    return ", ".join(parts) or "none"


def player_rows_from(result: dict, notes: list[str]) -> list[Row]:
    """Table rows (and notes) from one player_bench result."""
    seconds = result["seconds"]
    rows = []
    error = result["end_error_ms"]
    if error is None or not result["reached_summary"]:
        rows.append(
            Row(f"session end error, ms ({seconds:g} s session)", "never", "", "<= 10", "**FAIL**")
        )
    else:
        rows.append(
            Row(
                f"session end error, ms ({seconds:g} s session, real clock)",
                f"{error:.1f}",
                "",
                "<= 10",
                verdict(abs(error), 10),
            )
        )
    cpu = result["play_cpu_percent"]
    rows.append(
        Row(
            "CPU while playing, % of one core",
            f"{cpu:.2f}",
            "",
            "< 5",
            "pass" if cpu < 5 else "**FAIL**",
        )
    )
    wall = result["play_wall_s"]
    rows.append(
        Row("  timer events while playing, per s", f"{result['play_timer_events_per_s']:.1f}")
    )
    if result["play_wakeups_per_s"] is not None:
        rows.append(
            Row("  thread wake-ups while playing, per s", f"{result['play_wakeups_per_s']:.0f}")
        )
    paused = result["paused_timer_events"]
    rows.append(
        Row(
            f"timer events while paused ({result['pause_wall_s']:.0f} s)",
            str(paused),
            "",
            "= 0",
            "pass" if paused == 0 else "**FAIL**",
        )
    )
    rows.append(Row("  CPU while paused, % of one core", f"{result['pause_cpu_percent']:.2f}"))
    if result["paused_wakeups_per_s"] is not None:
        rows.append(
            Row("  thread wake-ups while paused, per s", f"{result['paused_wakeups_per_s']:.1f}")
        )
    again = result["ticker_running_after_resume"] and result["figure_animating_after_resume"]
    rows.append(
        Row(
            "ticker and figure run again after resume",
            "yes" if again else "no",
            "",
            "yes",
            "pass" if again else "**FAIL**",
        )
    )
    notes.append(
        f"Player: {result['plan']} on a shown 1100x760 PlayerPage; "
        f"Start took {result['start_call_ms']:.0f} ms (first store write, first draw of the "
        f"playing view). Timer events while playing: "
        f"{_sources(result['play_timer_events_by_source'], wall)}. "
        f"Paused: {_sources(result['paused_timer_events_by_source'], result['pause_wall_s'])}."
    )
    before, after = result["load_before"], result["load_after"]
    notes.append(
        f"Load average (1, 5, 15 min) around the player benchmark: "
        f"{before[0]:.2f} {before[1]:.2f} {before[2]:.2f} before, "
        f"{after[0]:.2f} {after[1]:.2f} {after[2]:.2f} after, on "
        f"{os.cpu_count()} logical cores."
    )
    return rows


def player_rows(seconds: float, pause_s: float, notes: list[str]) -> list[Row]:
    try:
        result = run_player_bench(seconds, pause_s)
    except (RuntimeError, subprocess.TimeoutExpired, OSError, ValueError) as exc:
        notes.append(f"Player skipped: {exc}")
        return []
    return player_rows_from(result, notes)


# ----- table --------------------------------------------------------------------


def csv_export_row(data_dir: Path, runs: int, notes: list[str]) -> Row:
    from benchmarks.export_bench import bench_csv_export

    result = bench_csv_export(data_dir, runs)
    load = " ".join(f"{x:.2f}" for x in result["load_before"] or ())
    cpu = result["cpu_median_s"]
    cpu_words = f"CPU median {cpu:.2f} s; " if cpu is not None else ""
    notes.append(
        f"CSV export: {result['rows']} rows, {result['bytes'] / 1e6:.1f} MB, the whole "
        f"`lbp-desktop export --format csv` command in a fresh process; {cpu_words}"
        f"load average before {load}."
    )
    return Row(
        f"CSV export of everything, s ({runs} runs)",
        f"{result['median_s']:.2f}",
        f"{result['p95_s']:.2f}",
        "median <= 2",
        verdict(result["median_s"], 2.0),
    )


def progress_rows(runs: int, notes: list[str]) -> list[Row]:
    """The Progress page (benchmarks/progress_bench.py, in its own process: it imports Qt)."""
    from benchmarks import progress_bench

    cmd = [sys.executable, str(PROGRESS_BENCH), "--runs", str(runs)]
    out = subprocess.run(
        cmd, env=child_env(), capture_output=True, text=True, timeout=CHILD_TIMEOUT_S * 20
    )
    line = next(
        (x for x in reversed(out.stdout.splitlines()) if x.startswith(progress_bench.PREFIX)), None
    )
    if out.returncode != 0 or line is None:
        notes.append(f"Progress benchmark failed: {out.stderr.strip()[-300:]}")
        return [Row("Progress page", "", "", "", "**FAIL** (did not run)")]
    result = json.loads(line[len(progress_bench.PREFIX) :])
    load = result.get("load_average") or ()
    notes.append(
        f"Progress: medians of {runs} runs; the p95 column holds the worst run. The page at "
        f"1040x720; first opens in fresh processes. Load average after: "
        + " ".join(f"{x:.2f}" for x in load)
    )
    rows = []
    for row in progress_bench.rows(result):
        metric, median, worst, goal, verdict = row.cells()
        rows.append(Row(metric, median, worst, goal, verdict or "info"))
    return rows


def tray_rows(data_dir: Path, seconds: float, notes: list[str]) -> list[Row]:
    """Idle in the tray next to a Debian peer (benchmarks/tray_bench.py, own process)."""
    from benchmarks import tray_bench

    cmd = [
        sys.executable,
        str(TRAY_BENCH),
        "--data-dir",
        str(data_dir),
        "--seconds",
        f"{seconds:g}",
    ]
    env = child_env()
    env.pop("QT_QPA_PLATFORM", None)  # it runs the app under its own Xvfb
    out = subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=seconds + 4 * CHILD_TIMEOUT_S
    )
    line = next(
        (x for x in reversed(out.stdout.splitlines()) if x.startswith(tray_bench.PREFIX)), None
    )
    if out.returncode != 0 or line is None:
        notes.append(f"Tray benchmark did not run: {out.stderr.strip()[-300:]}")
        return [Row("idle in the tray", "", "", "", "**FAIL** (did not run)")]
    results = json.loads(line[len(tray_bench.PREFIX) :])
    ours = results[0]
    peers = results[1:]
    notes.append(
        f"Tray: the app started with --in-tray on the 10-year data under Xvfb with trayer, "
        f"watched for {ours['seconds']:.0f} s after settling, untouched"
        + (
            "; at the same time: " + ", ".join(_peer_words(p) for p in peers)
            if peers
            else "; no break-reminder peer installed (apt-get install workrave)"
        )
        + "."
    )
    return [
        Row(
            "idle in tray: wake-ups per second",
            f"{ours['wakeups_per_s']:.2f}",
            "",
            "<= 1",
            verdict(ours["wakeups_per_s"], 1.0),
        ),
        Row(
            "idle in tray: CPU s per 10 min",
            f"{ours['cpu_s_per_10min']:.3f}",
            "",
            "< 0.5",
            verdict(ours["cpu_s_per_10min"], 0.5),
        ),
        Row(
            "idle in tray: resident memory, MB",
            f"{ours['rss_mb']:.1f}",
            "",
            "<= 100",
            verdict(ours["rss_mb"], 100.0),
        ),
    ]


def _peer_words(peer: dict) -> str:
    return (
        f"{peer['name']} {peer['wakeups_per_s']:.1f} wake-ups/s, "
        f"{peer['cpu_s_per_10min']:.2f} s CPU per 10 min, {peer['rss_mb']:.1f} MB"
    )


def table(rows: Sequence[Row]) -> str:
    lines = ["| metric | median | p95 | goal | result |", "| --- | ---: | ---: | --- | --- |"]
    lines += [f"| {r.metric} | {r.median} | {r.p95} | {r.goal} | {r.result} |" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reseed", action="store_true", help="seed the data again")
    parser.add_argument("--paint-runs", type=int, default=7)
    parser.add_argument("--open-runs", type=int, default=15)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument(
        "--player-seconds", type=float, default=60.0, help="player session length; 0 skips it"
    )
    parser.add_argument("--pause-seconds", type=float, default=10.0)
    parser.add_argument("--export-runs", type=int, default=5, help="CSV exports; 0 skips them")
    parser.add_argument(
        "--progress-runs", type=int, default=5, help="Progress page runs; 0 skips them"
    )
    parser.add_argument(
        "--tray-seconds", type=float, default=120.0, help="idle-in-tray watch; 0 skips it"
    )
    args = parser.parse_args(argv)

    print(f"Preparing {dataset.DAYS} days of {dataset.PROFILE} history...", file=sys.stderr)
    data = dataset.prepare(CACHE_ROOT, reseed=args.reseed)
    notes: list[str] = []
    rows: list[Row] = []
    seeded = "cached, seeded " + data.seeded_at if data.cached else "seeded in this run"
    rows.append(
        Row(
            f"seed 10 years heavy ({data.records} records), s",
            f"{data.seconds:.1f}",
            "",
            "",
            f"info ({seeded})",
        )
    )
    work = Path(tempfile.mkdtemp(prefix="work-", dir=CACHE_ROOT))
    try:
        # The app writes a little on exit (window size): keep the cache pristine.
        app_dir = work / "app"
        shutil.copytree(data.data_dir, app_dir)
        print("Start-up and memory...", file=sys.stderr)
        rows += startup_rows(app_dir, args.paint_runs, notes)
        print("Opening the store...", file=sys.stderr)
        rows += store_open_rows(app_dir, args.open_runs, notes)
        print("Writing check-ins...", file=sys.stderr)
        write_dir = work / "write"
        shutil.copytree(data.data_dir, write_dir)
        rows.append(checkin_write_row(write_dir, args.writes, notes))
        if args.export_runs > 0:
            print("Exporting to CSV...", file=sys.stderr)
            rows.append(csv_export_row(data.data_dir, args.export_runs, notes))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.progress_runs > 0:
        print("Opening Progress...", file=sys.stderr)
        rows += progress_rows(args.progress_runs, notes)
    if args.tray_seconds > 0:
        print(f"Idling in the tray for {args.tray_seconds:g} s...", file=sys.stderr)
        rows += tray_rows(data.data_dir, args.tray_seconds, notes)
    if args.player_seconds > 0:
        print(f"Playing a {args.player_seconds:g} s session...", file=sys.stderr)
        rows += player_rows(args.player_seconds, args.pause_seconds, notes)

    out = ["## Benchmarks", "", table(rows), ""]
    out += [f"- {note}" for note in notes]
    out += ["", "Machine:", ""]
    out += [f"- {name}: {value}" for name, value in machine.describe(CACHE_ROOT)]
    text = "\n".join(out).rstrip() + "\n"
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
