"""The Store: records by year, lazy years, updates, deletes, settings."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_helpers import any_record, snapshot, utc

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import (
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
    StepRecord,
)
from lbp_desktop.storage.errors import UnreadableDataFile
from lbp_desktop.storage.store import Store

CEST = timezone(timedelta(hours=2))


def read_json(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


@settings(max_examples=40, deadline=None)
@given(records=st.lists(any_record, max_size=6))
def test_every_kind_round_trips_through_the_store(records: list[Record]) -> None:
    clock = FakeClock(utc(2026, 3, 10, 9))
    with tempfile.TemporaryDirectory() as folder:
        stored = []
        with Store.open(Path(folder), clock=clock) as store:
            for record in records:
                stored.append(store.add(record))
        with Store.open(Path(folder), clock=clock, read_only=True) as store:
            for record, kept in zip(records, stored, strict=True):
                again = store.get(type(record), record.id)
                assert again == kept == record  # the strategy sets both timestamps
                assert again.extra == record.extra


def test_add_stamps_times_and_returns_what_is_stored(store: Store, clock: FakeClock) -> None:
    added = store.add(PainCheckIn(at=clock.now(), score=4))
    assert added.created_at == added.updated_at == clock.now()
    assert store.get(PainCheckIn, added.id) == added
    assert store.records(PainCheckIn) == [added]


def test_add_keeps_timestamps_given_by_an_import(store: Store, clock: FakeClock) -> None:
    then = clock.now() - timedelta(days=3)
    added = store.add(PainCheckIn(at=then, score=2, created_at=then, updated_at=then))
    assert added.created_at == added.updated_at == then


def test_add_refuses_a_known_id(store: Store, clock: FakeClock) -> None:
    record = store.add(PainCheckIn(at=clock.now(), score=4))
    with pytest.raises(ValueError, match="already stored"):
        store.add(record)


def test_records_are_partitioned_by_the_year_of_at_in_its_own_offset(
    store: Store, data_dir: Path
) -> None:
    # 23:30 on New Year's Eve in +02:00 (21:30 UTC): the 2025 file.
    late = store.add(PainCheckIn(at=datetime(2025, 12, 31, 23, 30, tzinfo=CEST), score=3))
    # 00:30 on 1 January in +02:00 is still 2025 in UTC, but the file is 2026's.
    early = store.add(PainCheckIn(at=datetime(2026, 1, 1, 0, 30, tzinfo=CEST), score=5))
    assert set(read_json(data_dir / "records/2025.json")["pain_checkins"]) == {late.id}
    assert set(read_json(data_dir / "records/2026.json")["pain_checkins"]) == {early.id}
    assert store.years() == [2025, 2026]


def test_each_document_holds_id_fields_and_timestamps(store: Store, data_dir: Path) -> None:
    at = datetime(2026, 7, 1, 8, 30, tzinfo=CEST)
    record = store.add(PainCheckIn(at=at, score=4, note="after gardening"))
    doc = read_json(data_dir / "records/2026.json")["pain_checkins"][record.id]
    assert doc["id"] == record.id
    assert doc["at"] == "2026-07-01T08:30:00+02:00"
    assert doc["score"] == 4 and doc["note"] == "after gardening"
    assert doc["created_at"] == doc["updated_at"] == "2026-03-10T09:00:00+01:00"
    assert read_json(data_dir / "records/2026.json")["meta"] == {"schema": {"version": 1}}


def test_records_filters_by_local_date_and_sorts(store: Store) -> None:
    days = [date(2025, 12, 30), date(2026, 1, 2), date(2026, 1, 1), date(2026, 2, 1)]
    for day in days:
        store.add(PainCheckIn(at=datetime(day.year, day.month, day.day, 23, tzinfo=CEST), score=1))
    found = store.records(PainCheckIn, since=date(2025, 12, 31), until=date(2026, 1, 31))
    assert [r.at.date() for r in found] == [date(2026, 1, 1), date(2026, 1, 2)]
    assert [r.at.date() for r in store.records(PainCheckIn)] == sorted(days)
    assert store.records(PegAnswer) == []


def test_sorted_by_instant_across_year_files(store: Store) -> None:
    # 00:30 +05:00 on 1 Jan 2026 is earlier than 23:00 UTC on 31 Dec 2025.
    a = store.add(PainCheckIn(at=datetime(2025, 12, 31, 23, tzinfo=UTC), score=1))
    b = store.add(
        PainCheckIn(at=datetime(2026, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=5))), score=2)
    )
    assert store.records(PainCheckIn) == [b, a]


def test_closed_years_are_not_read_at_open(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        store.add(PainCheckIn(at=utc(2019, 5, 5), score=6))
        store.add(PainCheckIn(at=clock.now(), score=2))
    (data_dir / "records/2019.json").write_bytes(b"this is not json")
    with Store.open(data_dir, clock=clock) as store:  # 2019 is not parsed
        assert store.years() == [2019, 2026]
        assert len(store.records(PainCheckIn, since=date(2026, 1, 1))) == 1
        # Only when something asks for 2019 does its damage show.
        with pytest.raises(UnreadableDataFile, match="2019"):
            store.records(PainCheckIn)
    assert (data_dir / "records/2019.json").read_bytes() == b"this is not json"


def test_closed_years_load_on_demand(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        old = store.add(PostureBreak(at=utc(2020, 2, 2), outcome="taken"))
        store.add(PostureBreak(at=utc(2024, 2, 2), outcome="skipped"))
    with Store.open(data_dir, clock=clock) as store:
        assert store.get(PostureBreak, old.id) == old
    with Store.open(data_dir, clock=clock) as store:
        assert store.count(PostureBreak) == 2
    with Store.open(data_dir, clock=clock) as store:
        assert [r.id for r in store.records(PostureBreak, until=date(2021, 1, 1))] == [old.id]
    with Store.open(data_dir, clock=clock) as store:
        assert store.delete(PostureBreak, old.id)
        assert store.count(PostureBreak) == 1


def test_update_keeps_created_at_and_sets_updated_at(store: Store, clock: FakeClock) -> None:
    added = store.add(PainCheckIn(at=clock.now(), score=4))
    clock.advance(3600)
    updated = store.update(added.replace(score=6, note="worse after lifting"))
    assert updated.created_at == added.created_at
    assert updated.updated_at == clock.now()
    assert store.get(PainCheckIn, added.id) == updated
    assert store.records(PainCheckIn) == [updated]


def test_update_can_keep_the_times_an_import_brings(store: Store, clock: FakeClock) -> None:
    added = store.add(PainCheckIn(at=clock.now(), score=4))
    edited_elsewhere = clock.now() + timedelta(minutes=5)
    clock.advance(3600)
    kept = store.update(added.replace(score=5, updated_at=edited_elsewhere), keep_times=True)
    assert kept.updated_at == edited_elsewhere and kept.created_at == added.created_at
    # Without a time of its own, the record is stamped as any update.
    stamped = store.update(added.replace(score=6, updated_at=None), keep_times=True)
    assert stamped.updated_at == clock.now()


def test_update_of_unknown_id_raises_key_error(store: Store, clock: FakeClock) -> None:
    with pytest.raises(KeyError):
        store.update(PainCheckIn(at=clock.now(), score=1))


def test_update_moves_a_record_across_years(data_dir: Path, store: Store, clock: FakeClock) -> None:
    added = store.add(PainCheckIn(at=clock.now(), score=4))
    moved = store.update(added.replace(at=utc(2024, 8, 1, 12)))
    assert added.id not in read_json(data_dir / "records/2026.json")["pain_checkins"]
    assert added.id in read_json(data_dir / "records/2024.json")["pain_checkins"]
    assert store.records(PainCheckIn) == [moved]
    store.close()
    with Store.open(data_dir, clock=clock) as again:
        assert again.get(PainCheckIn, added.id) == moved
        assert again.count(PainCheckIn) == 1


def test_copy_left_in_two_years_by_a_crash_resolves_to_the_newer(
    data_dir: Path, clock: FakeClock
) -> None:
    with Store.open(data_dir, clock=clock) as store:
        added = store.add(PainCheckIn(at=utc(2025, 6, 1), score=4))
    # What a crash between the two writes of a move leaves: the new copy in
    # 2026 and the old one still in 2025.
    old_doc = read_json(data_dir / "records/2025.json")["pain_checkins"][added.id]
    clock.advance(60)
    with Store.open(data_dir, clock=clock) as store:
        moved = store.update(added.replace(at=clock.now(), score=7))
    raw = read_json(data_dir / "records/2025.json")
    raw["pain_checkins"][added.id] = old_doc
    (data_dir / "records/2025.json").write_bytes(orjson.dumps(raw))
    with Store.open(data_dir, clock=clock) as store:
        assert store.records(PainCheckIn) == [moved]
        assert store.count(PainCheckIn) == 1
    assert added.id not in read_json(data_dir / "records/2025.json")["pain_checkins"]


def test_delete(store: Store, clock: FakeClock) -> None:
    added = store.add(PegAnswer(at=clock.now(), pain=3, enjoyment=4, activity=5))
    assert store.delete(PegAnswer, added.id) is True
    assert store.delete(PegAnswer, added.id) is False
    assert store.delete(PegAnswer, "not-an-id") is False
    assert store.get(PegAnswer, added.id) is None
    assert store.count(PegAnswer) == 0


def test_add_many_writes_each_year_once(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lbp_desktop.storage import json_storage

    writes: list[Path] = []
    real = json_storage.atomic_write_bytes
    monkeypatch.setattr(
        json_storage, "atomic_write_bytes", lambda p, d: writes.append(p) or real(p, d)
    )
    t = utc(2026, 3, 1, 9)
    records: list[Record] = [
        PainCheckIn(at=t, score=3),
        PostureBreak(at=t, outcome="taken"),
        PegAnswer(at=utc(2025, 3, 1), pain=1, enjoyment=2, activity=3),
        SessionRun(at=utc(2025, 4, 1), plan_id="p", steps=(
            StepRecord(exercise_id="e", started_at=t, ended_at=t, planned_s=1, done_s=1),
        )),
    ]  # fmt: skip
    assert store.add_many(records) == 4
    assert sorted(p.name for p in writes) == ["2025.json", "2026.json"]
    assert store.count(SessionRun) == 1 and store.count(PainCheckIn) == 1


def test_add_many_validates_everything_before_writing(store: Store, data_dir: Path) -> None:
    good = PainCheckIn(at=utc(2026, 3, 1), score=3)
    with pytest.raises(ValueError, match="twice"):
        store.add_many([good, good])
    with pytest.raises(TypeError):
        store.add_many([good, {"score": 3}])  # type: ignore[list-item]
    assert not (data_dir / "records").exists()
    stored = store.add(PainCheckIn(at=utc(2025, 3, 1), score=3))
    before = snapshot(data_dir)
    with pytest.raises(ValueError, match="already stored"):
        store.add_many([good, stored])
    assert snapshot(data_dir) == before
    assert store.count(PainCheckIn) == 1


def test_unknown_tables_and_fields_are_written_back(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        added = store.add(PainCheckIn(at=clock.now(), score=4))
        store.set_setting("theme", "dark")
    for name in ("records/2026.json", "settings.json"):
        raw = read_json(data_dir / name)
        raw["from_the_future"] = {"1": {"anything": [1, 2]}}
        raw["meta"]["written_by"] = "2.0"
        if name == "records/2026.json":
            raw["pain_checkins"][added.id]["weather"] = "rain"
        (data_dir / name).write_bytes(orjson.dumps(raw))
    with Store.open(data_dir, clock=clock) as store:
        assert store.get(PainCheckIn, added.id).extra == {"weather": "rain"}
        store.add(PainCheckIn(at=clock.now(), score=2))
        store.update(store.get(PainCheckIn, added.id).replace(score=5))
        store.set_setting("theme", "light")
    for name in ("records/2026.json", "settings.json"):
        raw = read_json(data_dir / name)
        assert raw["from_the_future"] == {"1": {"anything": [1, 2]}}
        assert raw["meta"]["written_by"] == "2.0"
    doc = read_json(data_dir / "records/2026.json")["pain_checkins"][added.id]
    assert doc["weather"] == "rain" and doc["score"] == 5


def test_settings(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        assert store.get_setting("reminder_minutes", 45) == 45
        store.set_setting("reminder_minutes", 30)
        store.set_setting("quiet_hours", {"from": "22:00", "until": "07:00"})
        store.get_setting("quiet_hours")["from"] = "changed"  # a copy
    with Store.open(data_dir, clock=clock, read_only=True) as store:
        assert store.get_setting("reminder_minutes") == 30
        assert store.get_setting("quiet_hours") == {"from": "22:00", "until": "07:00"}
    assert read_json(data_dir / "settings.json")["settings"]["reminder_minutes"] == {"value": 30}


@pytest.mark.parametrize("value", [{1, 2}, (1, 2), datetime(2026, 1, 1), float("inf"), 2**80])
def test_settings_must_be_plain_json(store: Store, value: object) -> None:
    with pytest.raises(ValueError):
        store.set_setting("x", value)
    assert store.get_setting("x") is None


def test_closed_store_refuses_use(data_dir: Path, clock: FakeClock) -> None:
    store = Store.open(data_dir, clock=clock)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(RuntimeError):
        store.records(PainCheckIn)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=any_record)
def test_year_file_names_follow_at(record: Record) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder), clock=FakeClock()) as store:
            store.add(record)
        assert (Path(folder) / f"records/{record.at.year:04d}.json").is_file()


def test_worker_thread_reads_closed_years_while_writes_go_on(
    data_dir: Path, clock: FakeClock
) -> None:
    import threading

    with Store.open(data_dir, clock=clock) as store:
        store.add_many(
            PostureBreak(at=utc(year, month, 1, 10), outcome="taken")
            for year in range(2015, 2026)
            for month in range(1, 13)
        )
    with Store.open(data_dir, clock=clock) as store:
        counts: list[int] = []
        worker = threading.Thread(target=lambda: counts.append(len(store.records(PostureBreak))))
        worker.start()
        added = [store.add(PainCheckIn(at=clock.now(), score=i % 11)) for i in range(20)]
        worker.join()
        assert counts == [132]
        assert store.records(PainCheckIn) == sorted(added, key=lambda r: r.at)
        assert store.count(PostureBreak) == 132
