"""Store.documents: the stored JSON documents of exactly the records records() returns."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from export_helpers import BERLIN, NOW, sample_records, stored_samples
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from storage_helpers import any_record, snapshot, utc

from lbp_desktop.demo_seed import seed_demo
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.demo_history import DEFAULT_PLANS
from lbp_desktop.domain.records import (
    RECORD_KINDS,
    PainCheckIn,
    PostureBreak,
    Record,
    ValidationError,
)
from lbp_desktop.storage import json_storage
from lbp_desktop.storage.codec import decode, to_storable
from lbp_desktop.storage.errors import UnreadableDataFile
from lbp_desktop.storage.store import Store

# Across the turn of the year, so that there are two year files (2025, 2026).
RANGES: list[tuple[date | None, date | None]] = [
    (None, None),
    (date(2026, 1, 1), None),
    (None, date(2025, 12, 31)),
    (date(2025, 12, 28), date(2026, 1, 3)),  # across the two files
    (date(2026, 2, 10), date(2026, 2, 10)),  # one day
    (date(2025, 6, 1), date(2025, 6, 30)),  # before the history: nothing
    (date(2024, 8, 1), date(2024, 8, 1)),  # only the record moved there
]


def _read(path: Path) -> dict[str, Any]:
    return orjson.loads(path.read_bytes())  # type: ignore[no-any-return]


def _assert_same(store: Store, kind: type[Record], since: date | None, until: date | None) -> int:
    """documents() and records() agree one to one, in order; returns how many."""
    docs = store.documents(kind, since=since, until=until)
    records = store.records(kind, since=since, until=until)
    assert [decode(kind, doc) for doc in docs] == records, (kind.KIND, since, until)
    assert [doc["id"] for doc in docs] == [r.id for r in records]
    for doc in docs:
        assert type(doc) is dict and orjson.loads(orjson.dumps(doc)) == doc  # plain JSON
    return len(docs)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten weeks of heavy made-up history, the samples, and one record moved to 2024."""
    data_dir = tmp_path_factory.mktemp("history") / "diary"
    seed_demo(data_dir, days=70, profile="heavy", now=NOW, tz=BERLIN, seed=5, plans=DEFAULT_PLANS)
    samples = stored_samples(data_dir)
    with Store.open(data_dir, clock=FakeClock(NOW + timedelta(minutes=5))) as store:
        pain = next(r for r in samples if isinstance(r, PainCheckIn) and r.note)
        store.update(pain.replace(at=utc(2024, 8, 1, 12), note="moved, with a note"))
    return data_dir


@pytest.mark.parametrize("read_only", [True, False])
def test_every_kind_and_range_agrees_with_records(history: Path, read_only: bool) -> None:
    counts = {}
    with Store.open(history, read_only=read_only, clock=FakeClock(NOW)) as store:
        for kind in RECORD_KINDS:
            for since, until in RANGES:
                counts[kind.KIND, since, until] = _assert_same(store, kind, since, until)
    assert counts["session_run", None, None] > 100
    assert counts["pain_checkin", date(2024, 8, 1), date(2024, 8, 1)] == 1
    assert counts["pain_checkin", date(2025, 6, 1), date(2025, 6, 30)] == 0
    assert (
        counts["posture_break", None, date(2025, 12, 31)]
        + counts["posture_break", date(2026, 1, 1), None]
        == counts["posture_break", None, None]
    )


def test_year_files_not_read_yet_are_read_as_records_would(history: Path) -> None:
    with Store.open(history, read_only=True, clock=FakeClock(NOW)) as store:
        assert "years loaded=[2026]" in repr(store)  # only the current year at open
        docs = store.documents(PainCheckIn, since=date(2024, 1, 1), until=date(2025, 12, 31))
        assert "years loaded=[2024, 2025, 2026]" in repr(store)
    with Store.open(history, read_only=True, clock=FakeClock(NOW)) as fresh:
        records = fresh.records(PainCheckIn, since=date(2024, 1, 1), until=date(2025, 12, 31))
    assert [decode(PainCheckIn, doc) for doc in docs] == records
    assert {r.at.year for r in records} == {2024, 2025}


def test_a_moved_record_is_given_once_from_its_new_year(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        added = store.add(PainCheckIn(at=utc(2025, 6, 1), score=4))
        moved = store.update(added.replace(at=utc(2024, 3, 1), score=5))
        (doc,) = store.documents(PainCheckIn)
        assert decode(PainCheckIn, doc) == moved
        assert store.documents(PainCheckIn, since=date(2025, 1, 1)) == []
        for since, until in RANGES:
            _assert_same(store, PainCheckIn, since, until)


def test_a_stale_copy_left_by_a_crash_is_not_given(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        added = store.add(PainCheckIn(at=utc(2025, 6, 1), score=4))
    old_doc = _read(data_dir / "records/2025.json")["pain_checkins"][added.id]
    clock.advance(60)
    with Store.open(data_dir, clock=clock) as store:
        moved = store.update(added.replace(at=clock.now(), score=7))
    # What a crash between the two writes of a move leaves: both copies on disk.
    raw = _read(data_dir / "records/2025.json")
    raw["pain_checkins"][added.id] = old_doc
    (data_dir / "records/2025.json").write_bytes(orjson.dumps(raw))
    # Read-only: the stale copy stays on disk, hidden.
    with Store.open(data_dir, clock=clock, read_only=True) as store:
        assert [decode(PainCheckIn, d) for d in store.documents(PainCheckIn)] == [moved]
        assert store.documents(PainCheckIn, since=date(2025, 1, 1), until=date(2025, 12, 31)) == []
    assert added.id in _read(data_dir / "records/2025.json")["pain_checkins"]


def test_a_stale_copy_in_an_earlier_year_is_not_given_either(
    data_dir: Path, clock: FakeClock
) -> None:
    # Moved forward from 2023 to 2024, and neither is the current year: the
    # stale copy is in the year read first.
    with Store.open(data_dir, clock=clock) as store:
        added = store.add(PainCheckIn(at=utc(2023, 6, 1), score=4))
    old_doc = _read(data_dir / "records/2023.json")["pain_checkins"][added.id]
    clock.advance(60)
    with Store.open(data_dir, clock=clock) as store:
        moved = store.update(added.replace(at=utc(2024, 6, 1), score=7))
    raw = _read(data_dir / "records/2023.json")
    raw["pain_checkins"][added.id] = old_doc
    (data_dir / "records/2023.json").write_bytes(orjson.dumps(raw))
    with Store.open(data_dir, clock=clock, read_only=True) as store:
        assert [decode(PainCheckIn, d) for d in store.documents(PainCheckIn)] == [moved]
        assert store.count(PainCheckIn) == 1
    # records() too, when both years are first read by the same call.
    with Store.open(data_dir, clock=clock, read_only=True) as store:
        assert store.records(PainCheckIn) == [moved]


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_a_year_file_that_fails_validation_gives_nothing(
    history: Path, tmp_path: Path, kind: type[Record]
) -> None:
    data_dir = tmp_path / "diary"
    shutil.copytree(history, data_dir)
    path = data_dir / "records/2025.json"
    raw = _read(path)
    key = next(iter(raw["pain_checkins"]))
    raw["pain_checkins"][key]["score"] = 14
    path.write_bytes(orjson.dumps(raw))  # new bytes: validated in full when read
    before = snapshot(data_dir)
    with Store.open(data_dir, read_only=True, clock=FakeClock(NOW)) as store:
        # The whole file is refused, whichever kind is asked for, every time.
        for _ in range(2):
            with pytest.raises(UnreadableDataFile) as caught:
                store.documents(kind)
            assert caught.value.path == path
            with pytest.raises(UnreadableDataFile):
                store.records(kind)
        # Years that are not asked for are not read.
        _assert_same(store, kind, date(2026, 1, 1), None)
        _assert_same(store, kind, date(2024, 1, 1), date(2024, 12, 31))
    assert snapshot(data_dir) == before


def test_a_file_reloaded_after_a_failed_write_is_validated_again(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(data_dir, clock=clock) as store:
        added = store.add(PainCheckIn(at=utc(2025, 6, 1), score=4))
    with Store.open(data_dir, clock=clock) as store:
        assert [d["score"] for d in store.documents(PainCheckIn)] == [4]  # 2025 read, trusted
        # Another program (a sync tool, say) puts other bytes in place...
        path = data_dir / "records/2025.json"
        raw = _read(path)
        raw["pain_checkins"][added.id]["score"] = "very bad"
        path.write_bytes(orjson.dumps(raw))
        # ...and a write to that year fails, so the store reloads it from disk.
        monkeypatch.setattr(json_storage, "atomic_write_bytes", _disk_full)
        with pytest.raises(OSError, match="No space"):
            store.add(PainCheckIn(at=utc(2025, 7, 1), score=1))
        monkeypatch.undo()
        with pytest.raises(UnreadableDataFile) as caught:
            store.documents(PainCheckIn)
        assert caught.value.field == "score"
        # A valid change is checked the same way, and then given.
        raw["pain_checkins"][added.id]["score"] = 6
        path.write_bytes(orjson.dumps(raw))
        monkeypatch.setattr(json_storage, "atomic_write_bytes", _disk_full)
        with pytest.raises(OSError, match="No space"):
            store.add(PainCheckIn(at=utc(2025, 7, 1), score=1))
        monkeypatch.undo()
        assert [d["score"] for d in store.documents(PainCheckIn)] == [6]


def test_changing_a_document_changes_nothing_in_the_store(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        store.add_many(sample_records())
        before = {kind: store.documents(kind) for kind in RECORD_KINDS}
        records = {kind: store.records(kind) for kind in RECORD_KINDS}
        for kind in RECORD_KINDS:
            for doc in store.documents(kind):
                _scribble(doc)
        assert {kind: store.documents(kind) for kind in RECORD_KINDS} == before
        # The next write puts the store's memory for 2026 on disk.
        store.add(PostureBreak(at=clock.now(), outcome="natural"))
    with Store.open(data_dir, clock=clock, read_only=True) as again:
        for kind in RECORD_KINDS:
            kept = again.records(kind, until=date(2026, 1, 31))
            assert kept == records[kind]
            assert [decode(kind, doc) for doc in before[kind]] == kept


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(any_record, min_size=1, max_size=6))
def test_any_records_come_back_as_their_documents(records: list[Record]) -> None:
    try:
        stored = [to_storable(record)[1] for record in records]
    except ValidationError:
        assume(False)
    assume(len({(type(r), r.id) for r in stored}) == len(stored))
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "diary", clock=FakeClock(NOW)) as store,
    ):
        store.add_many(stored)
        for kind in RECORD_KINDS:
            _assert_same(store, kind, None, None)
            for doc in store.documents(kind):
                _scribble(doc)
            _assert_same(store, kind, None, None)


def _scribble(value: Any) -> None:
    """Change every container inside a document, as a careless caller might."""
    if isinstance(value, dict):
        for key in list(value):
            _scribble(value[key])
            if key != "steps":
                value[key] = "scribbled"
        value["new"] = 1
    elif isinstance(value, list):
        for item in value:
            _scribble(item)
        value.append("scribbled")


def _disk_full(path: Path, data: bytes) -> None:
    raise OSError(28, "No space left on device")
