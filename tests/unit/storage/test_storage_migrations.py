"""Schema version 0 (the prototype) -> 1, on hand-written fixtures of every old version."""

from __future__ import annotations

import copy
import hashlib
import uuid
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import orjson
import pytest
from storage_helpers import FIXTURES, snapshot, tree

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, SessionRun
from lbp_desktop.storage import migrations
from lbp_desktop.storage.backups import list_backups
from lbp_desktop.storage.check import check_data_dir
from lbp_desktop.storage.schema import CURRENT_SCHEMA
from lbp_desktop.storage.store import Store

BERLIN = ZoneInfo("Europe/Berlin")
V0 = FIXTURES / "schema_v0"


def load(path: Path) -> dict[str, Any]:
    return orjson.loads(path.read_bytes())


def fixture_digests() -> dict[str, str]:
    return {
        p.relative_to(V0).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(V0.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True, scope="module")
def fixtures_stay_untouched() -> Any:
    before = fixture_digests()
    yield
    assert fixture_digests() == before


def test_v0_records_are_renamed_keyed_and_given_offsets() -> None:
    out = migrations.records_v0_to_v1(load(V0 / "records/2025.json"), zone=BERLIN)
    assert set(out) == {
        "pain_checkins",
        "session_runs",
        "peg_answers",
        "posture_breaks",
        "experiments",
    }
    checkins = sorted(out["pain_checkins"].values(), key=lambda d: d["at"])
    # Winter time in January, summer time in July: the offset of that moment.
    assert [d["at"] for d in checkins] == [
        "2025-01-15T08:30:00+01:00",
        "2025-01-15T19:05:00+01:00",
        "2025-07-01T07:45:00+02:00",
    ]
    first = checkins[0]
    assert first["area"] == "lower_back" and "where" not in first and "when" not in first
    assert first["created_at"] == first["updated_at"] == first["at"]
    assert first["mood"] == "tired"  # unknown fields survive
    for table in ("pain_checkins", "session_runs", "peg_answers", "posture_breaks"):
        for key, doc in out[table].items():
            assert key == doc["id"] == str(uuid.UUID(key))
    runs = {d["plan_id"]: d for d in out["session_runs"].values()}
    gentle = runs["gentle-start"]
    assert gentle["at"] == "2025-01-15T18:00:00+01:00"
    assert gentle["ended_at"] == "2025-01-15T18:14:30+01:00"
    assert gentle["outcome"] == "completed" and runs["core-basics"]["outcome"] == "stopped_for_pain"
    assert (gentle["pre_pain"], gentle["post_pain"], gentle["device"]) == (5, 3, "laptop")
    step = gentle["steps"][1]
    assert step["exercise_id"] == "knee-to-chest" and step["cue_volume"] == 0.8
    assert step["started_at"] == "2025-01-15T18:02:15+01:00" and step["done_s"] == 60
    breaks = sorted(out["posture_breaks"].values(), key=lambda d: d["at"])
    assert breaks[0]["duration_s"] == 90 and breaks[0]["screen"] == "external"
    assert out["experiments"] == {"1": {"name": "standing desk", "from": "2025-03-01"}}


def test_migration_is_deterministic() -> None:
    raw = load(V0 / "records/2025.json")
    first = migrations.records_v0_to_v1(copy.deepcopy(raw), zone=BERLIN)
    second = migrations.records_v0_to_v1(copy.deepcopy(raw), zone=BERLIN)
    assert first == second  # same ids on every machine that migrates the same file


def test_offsets_and_unparsable_values_are_left_for_validation() -> None:
    raw = {"checkins": {"1": {"when": "2025-01-15T08:30:00-05:00", "score": 3},
                        "2": {"when": "soon", "score": 3}}}  # fmt: skip
    out = migrations.records_v0_to_v1(raw, zone=BERLIN)
    assert sorted(d["at"] for d in out["pain_checkins"].values()) == [
        "2025-01-15T08:30:00-05:00",
        "soon",
    ]


def test_prototype_id_is_kept_not_dropped() -> None:
    raw = {"checkins": {"1": {"id": 17, "when": "2025-01-15T08:30:00", "score": 3}}}
    (doc,) = migrations.records_v0_to_v1(raw, zone=BERLIN)["pain_checkins"].values()
    assert doc["prototype_id"] == 17 and uuid.UUID(doc["id"])


def test_v0_settings_become_one_document_per_key() -> None:
    out = migrations.migrate(load(V0 / "settings.json"), 0, CURRENT_SCHEMA, "settings")
    assert out["meta"] == {"schema": {"version": 1}}
    assert out["settings"]["reminder_minutes"] == {"value": 45}
    assert out["settings"]["favourite_plans"] == {"value": ["gentle-start", "desk-reset"]}
    assert out["window"] == {"1": {"width": 1024, "height": 700}}
    assert "_default" not in out


def test_missing_step_is_an_error() -> None:
    with pytest.raises(migrations.MigrationError):
        migrations.migrate({}, 0, 1, "plans")


@pytest.mark.usefixtures("berlin_local_time")
def test_store_migrates_v0_backs_up_first_and_keeps_it_readable(
    v0_data_dir: Path, clock: FakeClock
) -> None:
    clock = FakeClock(clock.now().replace(year=2025))
    originals = {
        name: (v0_data_dir / name).read_bytes() for name in ("settings.json", "records/2025.json")
    }
    with Store.open(v0_data_dir, clock=clock) as store:
        assert store.get_setting("reminder_minutes") == 45
        checkins = store.records(PainCheckIn)
        assert [str(c.at.utcoffset()) for c in checkins if c.at.year == 2025] == [
            "1:00:00", "1:00:00", "2:00:00",
        ]  # fmt: skip
        assert checkins[-1].note == "better in summer"
        assert checkins[1].extra == {"mood": "tired"}
        (run, stopped) = store.records(SessionRun)
        assert run.steps[1].extra == {"cue_volume": 0.8} and stopped.outcome == "stopped_for_pain"
        assert store.records(PegAnswer)[0].score == 4
        assert store.count(PostureBreak) == 3  # 2024 too, migrated when it was read

    # Each file was backed up, as it was, before it was rewritten.
    backups = [b for b in list_backups(v0_data_dir) if b.kind == "pre-migration"]
    backed_up = {
        name: (b.path / name).read_bytes()
        for b in backups
        for name in ("settings.json", "records/2025.json", "records/2024.json")
        if (b.path / name).exists()
    }
    assert backed_up["settings.json"] == originals["settings.json"]
    assert backed_up["records/2025.json"] == originals["records/2025.json"]
    assert set(backed_up) == {"settings.json", "records/2025.json", "records/2024.json"}

    for name in ("settings.json", "records/2025.json", "records/2024.json"):
        assert load(v0_data_dir / name)["meta"] == {"schema": {"version": 1}}
    assert load(v0_data_dir / "records/2025.json")["experiments"]
    assert load(v0_data_dir / "settings.json")["window"]
    assert check_data_dir(v0_data_dir) == []

    # Once migrated, opening again neither migrates nor backs up.
    count = len(list_backups(v0_data_dir))
    with Store.open(v0_data_dir, clock=clock) as store:
        assert store.count(PainCheckIn) == 4
    assert len(list_backups(v0_data_dir)) == count


@pytest.mark.usefixtures("berlin_local_time")
def test_read_only_store_migrates_in_memory_only(v0_data_dir: Path) -> None:
    clock = FakeClock(FakeClock().now().replace(year=2025))
    names, before = tree(v0_data_dir), snapshot(v0_data_dir)
    with Store.open(v0_data_dir, clock=clock, read_only=True) as store:
        assert [r.at.date() for r in store.records(PainCheckIn, until=date(2025, 1, 31))] == [
            date(2024, 12, 31), date(2025, 1, 15), date(2025, 1, 15),
        ]  # fmt: skip
    assert tree(v0_data_dir) == names and snapshot(v0_data_dir) == before


def test_check_validates_old_files_after_migrating_them_in_memory(v0_data_dir: Path) -> None:
    assert check_data_dir(v0_data_dir) == []
    raw = load(v0_data_dir / "records/2025.json")
    raw["checkins"]["2"]["score"] = 14
    (v0_data_dir / "records/2025.json").write_bytes(orjson.dumps(raw))
    (problem,) = check_data_dir(v0_data_dir)
    assert (problem.file, problem.field) == ("records/2025.json", "score")
