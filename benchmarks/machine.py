"""What the benchmarks ran on: printed with every table so numbers keep their context."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _first_field(path: str, key: str, sep: str = ":") -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                name, _, value = line.partition(sep)
                if name.strip() == key:
                    return value.strip().strip('"')
    except OSError:
        pass
    return None


def cpu_model() -> str:
    return _first_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown"


def cores() -> str:
    logical = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = logical
    return f"{usable} usable of {logical} logical" if usable != logical else str(logical)


def ram() -> str:
    total = _first_field("/proc/meminfo", "MemTotal")
    if total and total.split()[0].isdigit():
        return f"{int(total.split()[0]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def os_name() -> str:
    pretty = _first_field("/etc/os-release", "PRETTY_NAME", "=")
    kernel = f"{platform.system()} {platform.release()}"
    return f"{pretty} ({kernel})" if pretty else kernel


def filesystem(path: Path) -> str:
    """Type of the file system holding ``path`` (fsync cost depends on it)."""
    best, kind = "", "unknown"
    target = str(path.resolve())
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) < 3:
                    continue
                mount = parts[1]
                inside = target == mount or target.startswith(mount.rstrip("/") + "/")
                if inside and len(mount) > len(best):
                    best, kind = mount, parts[2]
    except OSError:
        pass
    return kind


def qt_versions() -> str:
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError:
        return "not installed"
    return f"{PySide6.__version__} (Qt {QtCore.qVersion()})"


def describe(data_dir: Path) -> list[tuple[str, str]]:
    return [
        ("CPU", cpu_model()),
        ("cores", cores()),
        ("RAM", ram()),
        ("OS", os_name()),
        ("Python", platform.python_version()),
        ("PySide6", qt_versions()),
        ("data file system", filesystem(data_dir)),
    ]
