"""The verified-files cache: skip re-validating our own bytes, never anything else."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, SessionRun
from lbp_desktop.storage import store as store_module
from lbp_desktop.storage.errors import UnreadableDataFile
from lbp_desktop.storage.store import Store
from lbp_desktop.storage.verified import VERIFIED_FILE, digest


@pytest.fixture
def full_decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = store_module.decode_year

    def spy(raw: dict, file_name: str, **kwargs: object) -> object:
        seen.append(file_name)
        return real(raw, file_name, **kwargs)

    monkeypatch.setattr(store_module, "decode_year", spy)
    return seen


@pytest.fixture
def diary(data_dir: Path, clock: FakeClock) -> Path:
    with Store.open(data_dir, clock=clock) as store:
        for day in range(30):
            store.add(PainCheckIn(at=clock.now() - timedelta(days=day), score=day % 11))
    return data_dir


def test_files_this_store_wrote_are_not_validated_again(
    diary: Path, clock: FakeClock, full_decodes: list[str]
) -> None:
    digests = orjson.loads((diary / VERIFIED_FILE).read_bytes())["files"]
    assert digests["records/2026.json"] == digest((diary / "records/2026.json").read_bytes())
    with Store.open(diary, clock=clock) as store:
        assert full_decodes == []
        recent = store.records(PainCheckIn, since=date(2026, 3, 1))
        assert len(recent) == 10  # decoded (and validated) on demand
        assert store.count(PainCheckIn) == 30


def test_a_file_changed_outside_is_validated_then_remembered(
    diary: Path, clock: FakeClock, full_decodes: list[str]
) -> None:
    path = diary / "records/2026.json"
    raw = orjson.loads(path.read_bytes())
    raw["note_from_sync_tool"] = {}
    path.write_bytes(orjson.dumps(raw))
    with Store.open(diary, clock=clock):
        assert full_decodes == ["records/2026.json"]
    with Store.open(diary, clock=clock):
        assert full_decodes == ["records/2026.json"]  # not a second time


@pytest.mark.parametrize(
    "content", [b"garbage", b"[]", b'{"tag": "lbp-desktop 0.0.1 schema 1", "files": {}}']
)
def test_a_lost_or_foreign_cache_only_costs_a_full_check(
    diary: Path, clock: FakeClock, full_decodes: list[str], content: bytes
) -> None:
    (diary / VERIFIED_FILE).write_bytes(content)
    with Store.open(diary, clock=clock) as store:
        assert full_decodes == ["records/2026.json"]
        assert store.count(PainCheckIn) == 30


def test_a_damaged_record_in_a_verified_file_is_still_refused(
    diary: Path, clock: FakeClock
) -> None:
    # Only possible if someone forges the cache; the lazy decode still validates.
    path = diary / "records/2026.json"
    raw = orjson.loads(path.read_bytes())
    first = next(iter(raw["pain_checkins"]))
    raw["pain_checkins"][first]["score"] = 42
    blob = orjson.dumps(raw)
    path.write_bytes(blob)
    cache = orjson.loads((diary / VERIFIED_FILE).read_bytes())
    cache["files"]["records/2026.json"] = digest(blob)
    (diary / VERIFIED_FILE).write_bytes(orjson.dumps(cache))
    with Store.open(diary, clock=clock) as store:
        with pytest.raises(UnreadableDataFile) as caught:
            store.records(PainCheckIn)
        assert caught.value.entry == f"pain_checkins/{first}"
        assert store.records(SessionRun) == []
    assert path.read_bytes() == blob


def test_a_killed_writer_leaves_an_outdated_cache_that_is_harmless(
    diary: Path, clock: FakeClock, full_decodes: list[str]
) -> None:
    store = Store.open(diary, clock=clock)
    store.add(PainCheckIn(at=clock.now(), score=1))
    store._writer_lock.release()  # type: ignore[union-attr]  # as if the process died
    with Store.open(diary, clock=clock) as again:
        assert full_decodes == ["records/2026.json"]
        assert again.count(PainCheckIn) == 31
