"""Idle in the tray: wake-ups, CPU and memory of the app next to a peer.

Starts a private Xvfb with `trayer` as the tray host, then the app with
``--in-tray`` on a copy of the benchmark's data and, at the same time, a
break-reminder app from Debian (Workrave) when it is installed. After both
have settled, it watches them for a while without touching anything:

- wake-ups per second: voluntary plus involuntary context switches of all the
  process's threads (each wake from sleep ends in one), from /proc, thread by
  thread (a thread that ends during the watch is not counted);
- CPU seconds per 10 minutes: user plus system time, from /proc;
- resident memory at the end (VmRSS).

Run on its own: ``python benchmarks/tray_bench.py --seconds 600``; `make
bench` runs a shorter watch. Linux only (it reads /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "tray_bench="
SETTLE_S = 20.0
PEERS = (("Workrave", ("workrave",), "workrave"),)


@dataclass
class Watch:
    name: str
    seconds: float
    wakeups_per_s: float
    cpu_s_per_10min: float
    rss_mb: float
    threads: int


def _tasks(pid: int) -> list[Path]:
    try:
        return list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []


def _switches(pid: int) -> dict[str, int]:
    """Context switches so far, per thread id."""
    counts: dict[str, int] = {}
    for task in _tasks(pid):
        total = 0
        try:
            for line in (task / "status").read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    total += int(line.split()[1])
        except OSError:
            continue  # a thread ended meanwhile
        counts[task.name] = total
    return counts


def _woken(before: dict[str, int], after: dict[str, int]) -> int:
    # Per thread: one that ended during the watch takes its count with it
    # (a small undercount), and one that started counts from zero.
    return sum(count - before.get(tid, 0) for tid, count in after.items())


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def watch(pids: dict[str, int], seconds: float) -> list[Watch]:
    start = {name: (_switches(pid), _cpu_s(pid)) for name, pid in pids.items()}
    t0 = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - t0
    results = []
    for name, pid in pids.items():
        switches = _woken(start[name][0], _switches(pid))
        cpu = _cpu_s(pid) - start[name][1]
        results.append(
            Watch(
                name,
                round(elapsed, 1),
                round(switches / elapsed, 2),
                round(cpu / elapsed * 600, 3),
                round(_rss_mb(pid), 1),
                len(_tasks(pid)),
            )
        )
    return results


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x860x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as fh:
        number = fh.readline().strip()
    if not number:
        proc.kill()
        raise RuntimeError("Xvfb did not start")
    return proc, f":{number}"


def _find_by_name(comm: str, after: float) -> int | None:
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() == comm and entry.stat().st_mtime >= after - 1:
                return int(entry.name)
        except OSError:
            continue
    return None


def wait_for_line(proc: subprocess.Popen, needle: str, timeout_s: float) -> list[str]:
    """Read the child's stderr until a line holds ``needle``."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout_s
    assert proc.stderr is not None
    fd = proc.stderr.fileno()
    os.set_blocking(fd, False)
    buffer = ""
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 65536).decode("utf-8", "replace")
        except BlockingIOError:
            chunk = ""
        if chunk:
            buffer += chunk
            *lines, buffer = buffer.split("\n")
            seen += lines
            if any(needle in line for line in lines):
                return seen
        elif proc.poll() is not None:
            break
        time.sleep(0.1)
    raise RuntimeError(f"no {needle!r} from the app: " + " | ".join(seen[-5:]))


def run(data_dir: Path, seconds: float, with_peers: bool = True) -> list[Watch]:
    if not shutil.which("Xvfb") or not shutil.which("trayer"):
        raise RuntimeError("needs Xvfb and trayer (apt-get install xvfb trayer)")
    started: list[subprocess.Popen] = []
    xvfb, display = start_xvfb()
    started.append(xvfb)
    work = Path(tempfile.mkdtemp(prefix="tray-bench-"))
    try:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(work))
        env["XDG_CONFIG_HOME"] = str(work / "config")
        env["XDG_RUNTIME_DIR"] = str(work / "run")
        (work / "run").mkdir(mode=0o700)
        started.append(
            subprocess.Popen(
                ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(1.0)
        app_data = work / "data"
        shutil.copytree(data_dir, app_data)
        app_env = dict(env, LBP_DESKTOP_LOG="INFO")
        app_env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
        app = subprocess.Popen(
            [sys.executable, "-m", "lbp_desktop", "--data-dir", str(app_data), "--in-tray"],
            env=app_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        started.append(app)
        wait_for_line(app, "tray icon shown", 60)
        pids = {"lbp-desktop (this app)": app.pid}
        if with_peers:
            for name, command, comm in PEERS:
                if not shutil.which(command[0]):
                    continue
                t0 = time.time()
                peer = subprocess.Popen(
                    ["dbus-run-session", "--", *command]
                    if shutil.which("dbus-run-session")
                    else list(command),
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                started.append(peer)
                time.sleep(3.0)
                pid = _find_by_name(comm, t0)
                if pid is not None:
                    pids[f"{name} (Debian peer)"] = pid
        time.sleep(SETTLE_S)
        if app.poll() is not None:
            raise RuntimeError(f"the app ended early (exit {app.returncode})")
        return watch(pids, seconds)
    finally:
        for proc in reversed(started):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(work, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, help="default: the benchmark's cached data")
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args(argv)
    data_dir = args.data_dir
    if data_dir is None:
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from benchmarks import dataset

        data_dir = dataset.prepare(ROOT / "build" / "bench-data").data_dir
    results = run(data_dir, args.seconds, with_peers=not args.no_peers)
    for result in results:
        print(
            f"{result.name}: {result.wakeups_per_s:.2f} wake-ups/s, "
            f"{result.cpu_s_per_10min:.3f} s CPU per 10 min, {result.rss_mb:.1f} MB, "
            f"{result.threads} threads, over {result.seconds:.0f} s",
            file=sys.stderr,
        )
    print(PREFIX + json.dumps([asdict(r) for r in results]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
