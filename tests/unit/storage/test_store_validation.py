"""Only valid domain records get in; a refused write changes nothing on disk."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from storage_helpers import snapshot

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, Record, ValidationError
from lbp_desktop.storage.store import Store


def forced(record: PainCheckIn, **changes: Any) -> PainCheckIn:
    """A record made invalid behind the domain's back (frozen is not a lock)."""
    for name, value in changes.items():
        object.__setattr__(record, name, value)
    return record


@pytest.fixture
def filled(store: Store, clock: FakeClock) -> Store:
    store.add(PainCheckIn(at=clock.now(), score=3))
    store.set_setting("theme", "dark")
    return store


@pytest.mark.parametrize("score", [11, -1, 3.5, True, "4", None])
def test_bad_score_is_refused_and_nothing_written(
    filled: Store, data_dir: Path, clock: FakeClock, score: object
) -> None:
    with pytest.raises(ValidationError):
        PainCheckIn(at=clock.now(), score=score)  # type: ignore[arg-type]
    before = snapshot(data_dir)
    with pytest.raises(ValidationError) as caught:
        filled.add(forced(PainCheckIn(at=clock.now(), score=1), score=score))
    assert caught.value.field == "score"
    existing = filled.records(PainCheckIn)[0]
    with pytest.raises(ValidationError):
        filled.update(forced(existing.replace(), score=score))
    with pytest.raises(ValidationError):
        filled.add_many(
            [PainCheckIn(at=clock.now(), score=2), forced(existing.replace(), score=score)]
        )
    assert snapshot(data_dir) == before
    assert filled.count(PainCheckIn) == 1


def test_naive_timestamp_is_refused_and_nothing_written(
    filled: Store, data_dir: Path, clock: FakeClock
) -> None:
    naive = datetime(2026, 3, 10, 9, 0)
    with pytest.raises(ValidationError):
        PainCheckIn(at=naive, score=3)
    before = snapshot(data_dir)
    with pytest.raises(ValidationError) as caught:
        filled.add(forced(PainCheckIn(at=clock.now(), score=1), at=naive))
    assert caught.value.field == "at"
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    "thing",
    [
        {"at": "2026-03-10T09:00:00+01:00", "score": 3},
        "pain 3",
        None,
        Record(at=datetime.fromisoformat("2026-03-10T09:00:00+01:00")),
    ],
)
def test_only_domain_records_are_accepted(filled: Store, data_dir: Path, thing: object) -> None:
    before = snapshot(data_dir)
    with pytest.raises(TypeError, match="PainCheckIn"):
        filled.add(thing)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        filled.update(thing)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        filled.add_many([thing])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        filled.records(dict)  # type: ignore[type-var]
    assert snapshot(data_dir) == before


def test_unstorable_extra_is_refused(filled: Store, data_dir: Path, clock: FakeClock) -> None:
    before = snapshot(data_dir)
    with pytest.raises(ValidationError):
        filled.add(PainCheckIn(at=clock.now(), score=2, extra={"when": clock.now()}))
    assert snapshot(data_dir) == before
