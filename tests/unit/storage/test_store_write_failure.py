"""When the disk refuses a write, the store's memory still matches the disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, PostureBreak
from lbp_desktop.storage import json_storage
from lbp_desktop.storage.store import Store


def disk_full(path: Path, data: bytes) -> None:
    raise OSError(28, "No space left on device")


def same_as_disk(store: Store, data_dir: Path, clock: FakeClock) -> None:
    fresh = Store.open(data_dir, clock=clock, read_only=True)
    with fresh:
        for kind in (PainCheckIn, PostureBreak):
            assert store.records(kind) == fresh.records(kind)
            assert store.count(kind) == fresh.count(kind)
        assert store.get_setting("theme") == fresh.get_setting("theme")
        assert store.years() == fresh.years()


def test_every_failed_write_leaves_memory_as_disk(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(data_dir, clock=clock) as store:
        kept = store.add(PainCheckIn(at=clock.now(), score=4))
        store.add(PostureBreak(at=clock.now().replace(year=2024), outcome="taken"))
        store.set_setting("theme", "dark")
        monkeypatch.setattr(json_storage, "atomic_write_bytes", disk_full)

        attempts = [
            lambda: store.add(PainCheckIn(at=clock.now(), score=7)),
            lambda: store.add(PainCheckIn(at=clock.now().replace(year=2019), score=7)),
            lambda: store.add_many([PainCheckIn(at=clock.now(), score=1)] * 1),
            lambda: store.update(kept.replace(score=9)),
            lambda: store.update(kept.replace(at=kept.at.replace(year=2024))),
            lambda: store.delete(PainCheckIn, kept.id),
            lambda: store.set_setting("theme", "light"),
            lambda: store.set_setting("new", 1),
        ]
        for attempt in attempts:
            with pytest.raises(OSError, match="No space"):
                attempt()
            same_as_disk(store, data_dir, clock)
        assert store.get(PainCheckIn, kept.id) == kept

        monkeypatch.undo()  # the disk has room again: the store carries on
        again = store.add(PainCheckIn(at=clock.now(), score=2))
        assert store.update(kept.replace(score=5)).score == 5
        same_as_disk(store, data_dir, clock)
        assert {r.id for r in store.records(PainCheckIn, since=date(2026, 1, 1))} == {
            kept.id,
            again.id,
        }
