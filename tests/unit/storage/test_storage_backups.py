"""Backups: daily at most once, rotated, cheap over years, restorable."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import orjson
import pytest
from storage_helpers import CET

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.storage.backups import (
    Backup,
    ensure_daily_backup,
    latest_good_backup,
    list_backups,
    make_backup,
    restore_file,
)
from lbp_desktop.storage.store import Store

START = datetime(2026, 3, 2, 20, 0, tzinfo=CET)  # a Monday evening


@pytest.fixture
def diary(data_dir: Path) -> Path:
    clock = FakeClock(START)
    with Store.open(data_dir, clock=clock) as store:
        for year in range(2017, 2027):
            store.add(PainCheckIn(at=START.replace(year=year), score=year % 11))
        store.set_setting("theme", "dark")
    return data_dir


def add_checkin(data_dir: Path, now: datetime) -> None:
    with Store.open(data_dir, clock=FakeClock(now)) as store:
        store.add(PainCheckIn(at=now, score=3))


def test_nothing_to_back_up_yet(data_dir: Path) -> None:
    assert ensure_daily_backup(data_dir, now=START) is None
    assert not data_dir.exists()


def test_backup_copies_every_data_file(diary: Path) -> None:
    backup = make_backup(diary, now=START)
    assert (backup.kind, backup.made_at) == ("manual", START)
    names = {p.relative_to(backup.path).as_posix() for p in backup.path.rglob("*.json")}
    assert names == {"settings.json"} | {f"records/{y}.json" for y in range(2017, 2027)}
    for name in names:
        assert (backup.path / name).read_bytes() == (diary / name).read_bytes()
    assert list_backups(diary) == [backup]


def test_daily_backup_at_most_once_a_day(diary: Path) -> None:
    first = ensure_daily_backup(diary, now=START)
    assert first is not None
    assert ensure_daily_backup(diary, now=START + timedelta(hours=3)) is None  # 23:00 same day
    assert ensure_daily_backup(diary, now=START + timedelta(hours=5)) is not None  # next day
    assert len(list_backups(diary)) == 2


def test_first_backup_of_an_iso_week_is_weekly(diary: Path) -> None:
    kinds = []
    for day in range(9):  # Monday 2 March .. Tuesday 10 March
        backup = ensure_daily_backup(diary, now=START + timedelta(days=day))
        assert backup is not None
        kinds.append(backup.kind)
    assert kinds == ["weekly"] + ["daily"] * 6 + ["weekly", "daily"]


def test_rotation_keeps_seven_daily_and_eight_weekly(diary: Path) -> None:
    manual = make_backup(diary, now=START - timedelta(days=1))
    for day in range(120):
        ensure_daily_backup(diary, now=START + timedelta(days=day))
    backups = list_backups(diary)
    regular = [b for b in backups if b.kind in ("daily", "weekly")]
    last = START + timedelta(days=119)
    newest_seven = [last - timedelta(days=d) for d in range(7)]
    assert [b.made_at for b in regular[:7]] == newest_seven
    weekly = [b for b in regular if b.kind == "weekly"]
    assert len(weekly) == 8
    assert all(b.made_at.weekday() == 0 for b in weekly)  # Mondays: first of each week
    assert len(regular) == len({b.path for b in regular[:7]} | {b.path for b in weekly})
    assert manual in backups  # manual backups are never rotated away
    assert not [p for p in (diary / "backups").iterdir() if p.name.startswith(".")]


def test_unchanged_files_are_hard_linked_changed_ones_copied(diary: Path) -> None:
    first = ensure_daily_backup(diary, now=START)
    add_checkin(diary, START + timedelta(days=1))  # changes records/2026.json only
    second = ensure_daily_backup(diary, now=START + timedelta(days=1))
    assert first is not None and second is not None

    def inode(backup: Backup, name: str) -> int:
        return (backup.path / name).stat().st_ino

    for year in range(2017, 2026):
        name = f"records/{year}.json"
        assert inode(first, name) == inode(second, name), name
        assert inode(second, name) != (diary / name).stat().st_ino  # never the live file
    assert inode(first, "settings.json") == inode(second, "settings.json")
    assert inode(first, "records/2026.json") != inode(second, "records/2026.json")
    assert (second.path / "records/2026.json").read_bytes() == (
        diary / "records/2026.json"
    ).read_bytes()
    assert (first.path / "records/2026.json").read_bytes() != (
        second.path / "records/2026.json"
    ).read_bytes()


def test_copy_is_used_where_hard_links_fail(diary: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = ensure_daily_backup(diary, now=START)

    def no_links(src: object, dst: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    second = ensure_daily_backup(diary, now=START + timedelta(days=1))
    assert first is not None and second is not None
    name = "records/2019.json"
    assert (second.path / name).read_bytes() == (first.path / name).read_bytes()
    assert (second.path / name).stat().st_ino != (first.path / name).stat().st_ino


def break_file(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:40])


def test_latest_good_backup_skips_a_damaged_copy(diary: Path) -> None:
    good = ensure_daily_backup(diary, now=START)
    add_checkin(diary, START + timedelta(days=1))
    newer = ensure_daily_backup(diary, now=START + timedelta(days=1))
    assert good is not None and newer is not None
    assert latest_good_backup(diary, "records/2026.json") == newer
    break_file(newer.path / "records/2026.json")
    assert latest_good_backup(diary, "records/2026.json") == good
    assert latest_good_backup(diary, "settings.json") == newer
    assert latest_good_backup(diary, "records/1999.json") is None


def test_latest_good_backup_validates_records_not_just_json(diary: Path) -> None:
    good = make_backup(diary, now=START)
    newer = make_backup(diary, now=START + timedelta(hours=1))
    path = newer.path / "records/2026.json"
    raw = orjson.loads(path.read_bytes())
    for doc in raw["pain_checkins"].values():
        doc["score"] = 99
    os.unlink(path)  # a hard link: replace, do not edit in place
    path.write_bytes(orjson.dumps(raw))
    assert latest_good_backup(diary, "records/2026.json") == good


def test_restore_keeps_the_unreadable_original_byte_for_byte(diary: Path) -> None:
    good = ensure_daily_backup(diary, now=START)
    assert good is not None
    live = diary / "records/2026.json"
    break_file(live)
    broken = live.read_bytes()
    broken_mtime = live.stat().st_mtime_ns

    kept = restore_file(diary, good, "records/2026.json", now=START + timedelta(days=1))
    assert kept.parent == diary / "unreadable"
    assert kept.name == "2026.json.20260303T200000+0100"
    assert kept.read_bytes() == broken and kept.stat().st_mtime_ns == broken_mtime
    assert live.read_bytes() == (good.path / "records/2026.json").read_bytes()
    assert live.stat().st_ino != (good.path / "records/2026.json").stat().st_ino
    with Store.open(diary, clock=FakeClock(START)) as store:
        assert len(store.records(PainCheckIn)) == 10

    # Restoring again keeps both unreadable versions.
    break_file(live)
    again = restore_file(diary, good, "records/2026.json", now=START + timedelta(days=1))
    assert again != kept and again.exists() and kept.exists()


def test_restore_of_a_missing_file(diary: Path) -> None:
    good = make_backup(diary, now=START)
    (diary / "settings.json").unlink()
    assert restore_file(diary, good, "settings.json") == diary / "settings.json"
    assert (diary / "settings.json").read_bytes() == (good.path / "settings.json").read_bytes()


def test_half_made_backup_is_not_listed(diary: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lbp_desktop.storage import backups

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "atomic_write_bytes", crash)
    with pytest.raises(OSError):
        make_backup(diary, now=START)
    assert list_backups(diary) == []
    assert list((diary / "backups").iterdir()) == []


def test_backup_needs_an_aware_time_and_a_known_kind(diary: Path) -> None:
    with pytest.raises(ValueError):
        make_backup(diary, now=datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        make_backup(diary, now=START, kind="hourly")
