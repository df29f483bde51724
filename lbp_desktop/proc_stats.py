"""Process facts the smoke test and benchmarks report: age and resident memory.

Plain standard library, so reading them costs nothing at start-up.
"""

from __future__ import annotations

import os
import sys
import time

# Fallback origin when the OS cannot tell when the process started: the
# moment this module was first imported (early, from the entry point).
_IMPORTED_AT = time.monotonic()


def process_age_ms() -> float:
    """Milliseconds since the process was created (Linux: from /proc, 10 ms grain)."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/stat", "rb") as fh:
                # The command name may hold spaces; fields resume after ')'.
                fields = fh.read().rsplit(b")", 1)[1].split()
            start_ticks = int(fields[19])
            ticks = os.sysconf("SC_CLK_TCK")
            boot_s = time.clock_gettime(time.CLOCK_BOOTTIME)
            return max(0.0, (boot_s - start_ticks / ticks) * 1000.0)
        except (OSError, ValueError, IndexError):
            pass
    return (time.monotonic() - _IMPORTED_AT) * 1000.0


def rss_mb() -> float:
    """Resident memory now, in MiB (peak resident size where 'now' is not known)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows: no resource module; report nothing rather than guess
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024.0 * 1024.0) if sys.platform == "darwin" else peak / 1024.0
