"""atomic_write_bytes: all or nothing, private, and patient with Windows."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lbp_desktop.storage import atomic
from lbp_desktop.storage.atomic import atomic_write_bytes, is_temp_file


def test_writes_new_file_and_replaces_old(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(tmp_path) == ["a.json"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        atomic_write_bytes(tmp_path / "a.json", b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o600


def test_replaces_with_a_new_inode(tmp_path: Path) -> None:
    # Backups hard-link old copies; that is only safe if writes never edit in place.
    target = tmp_path / "a.json"
    atomic_write_bytes(target, b"one")
    linked = tmp_path / "link"
    os.link(target, linked)
    atomic_write_bytes(target, b"two")
    assert linked.read_bytes() == b"one"


def test_failed_write_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    atomic_write_bytes(target, b"old")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.json"]


def test_windows_sharing_error_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    calls = []

    def busy_twice(src: str, dst: Path) -> None:
        calls.append(src)
        if len(calls) <= 2:
            error = PermissionError(13, "sharing violation")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        real_replace(src, dst)

    pauses: list[float] = []
    monkeypatch.setattr(atomic, "_WINDOWS", True)
    monkeypatch.setattr(atomic, "_sleep", pauses.append)
    monkeypatch.setattr(atomic.os, "replace", busy_twice)
    atomic_write_bytes(tmp_path / "a.json", b"data")
    assert (tmp_path / "a.json").read_bytes() == b"data"
    assert len(calls) == 3 and len(pauses) == 2


def test_real_permission_error_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(src: str, dst: Path) -> None:
        raise PermissionError(13, "Permission denied")

    pauses: list[float] = []
    monkeypatch.setattr(atomic, "_sleep", pauses.append)
    monkeypatch.setattr(atomic.os, "replace", denied)
    with pytest.raises(PermissionError):
        atomic_write_bytes(tmp_path / "a.json", b"data")
    assert pauses == []
    assert os.listdir(tmp_path) == []


def test_temp_file_names_are_recognised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: Path) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", spy)
    atomic_write_bytes(tmp_path / "2026.json", b"{}")
    assert is_temp_file(seen[0])
    assert not is_temp_file("2026.json")
