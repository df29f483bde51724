"""Damaged files: refused in plain words, reported precisely, never touched."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from storage_helpers import snapshot

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, SessionRun, StepRecord
from lbp_desktop.storage.check import Problem, check_data_dir
from lbp_desktop.storage.errors import DataFileError, FutureSchemaVersion, UnreadableDataFile
from lbp_desktop.storage.store import Store

CHECKIN_ID = "4d9f7f8e-5c1e-4f45-9d43-2b8f3c1a0e11"
RUN_ID = "9a3c1b7e-0d2f-4c8a-b6e5-7f1d2c3b4a59"
OTHER_ID = "0b0b0b0b-0000-4000-8000-000000000000"


@pytest.fixture
def diary(data_dir: Path, clock: FakeClock) -> Path:
    t = clock.now()
    with Store.open(data_dir, clock=clock) as store:
        store.add(PainCheckIn(id=CHECKIN_ID, at=t, score=4, note="morning"))
        step = StepRecord(
            exercise_id="cat-camel", started_at=t, ended_at=t, planned_s=60, done_s=60
        )
        store.add(SessionRun(id=RUN_ID, at=t, plan_id="gentle-start", steps=(step,)))
        store.set_setting("theme", "dark")
    return data_dir


def edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    raw = orjson.loads(path.read_bytes())
    change(raw)
    path.write_bytes(orjson.dumps(raw))


def truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:57])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(300))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def not_an_object(path: Path) -> None:
    path.write_bytes(b"[1, 2, 3]")


def score_is_text(path: Path) -> None:
    edit(path, lambda raw: raw["pain_checkins"][CHECKIN_ID].update(score="4"))


def score_out_of_range(path: Path) -> None:
    edit(path, lambda raw: raw["pain_checkins"][CHECKIN_ID].update(score=11))


def missing_score(path: Path) -> None:
    edit(path, lambda raw: raw["pain_checkins"][CHECKIN_ID].pop("score"))


def naive_time(path: Path) -> None:
    edit(path, lambda raw: raw["pain_checkins"][CHECKIN_ID].update(at="2026-03-10T09:00:00"))


def table_is_a_list(path: Path) -> None:
    edit(path, lambda raw: raw.update(pain_checkins=[1, 2]))


def bad_step(path: Path) -> None:
    edit(path, lambda raw: raw["session_runs"][RUN_ID]["steps"][0].update(done_s=-1))


def key_is_not_the_id(path: Path) -> None:
    def change(raw: dict[str, Any]) -> None:
        table = raw["pain_checkins"]
        table[OTHER_ID] = table.pop(CHECKIN_ID)

    edit(path, change)


def future_version(path: Path) -> None:
    edit(path, lambda raw: raw["meta"]["schema"].update(version=7))


def bad_version(path: Path) -> None:
    edit(path, lambda raw: raw["meta"]["schema"].update(version="one"))


CASES = [
    # (damage, exception, entry, field)
    (truncated, UnreadableDataFile, "(file)", "(format)"),
    (random_bytes, UnreadableDataFile, "(file)", "(format)"),
    (empty, UnreadableDataFile, "(file)", "(format)"),
    (not_an_object, UnreadableDataFile, "(file)", "(format)"),
    (score_is_text, UnreadableDataFile, f"pain_checkins/{CHECKIN_ID}", "score"),
    (score_out_of_range, UnreadableDataFile, f"pain_checkins/{CHECKIN_ID}", "score"),
    (missing_score, UnreadableDataFile, f"pain_checkins/{CHECKIN_ID}", "score"),
    (naive_time, UnreadableDataFile, f"pain_checkins/{CHECKIN_ID}", "at"),
    (table_is_a_list, UnreadableDataFile, "pain_checkins", "(table)"),
    (bad_step, UnreadableDataFile, f"session_runs/{RUN_ID}", "steps[0].done_s"),
    (key_is_not_the_id, UnreadableDataFile, f"pain_checkins/{OTHER_ID}", "id"),
    (future_version, FutureSchemaVersion, "meta", "version"),
    (bad_version, UnreadableDataFile, "meta", "version"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("damage", "error", "entry", "field"), CASES, ids=lambda c: getattr(c, "__name__", "")
)
def test_damaged_year_file_is_refused_reported_and_left_alone(
    diary: Path,
    clock: FakeClock,
    damage: Callable[[Path], None],
    error: type[DataFileError],
    entry: str,
    field: str,
) -> None:
    path = diary / "records/2026.json"
    damage(path)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = snapshot(diary)

    with pytest.raises(error) as caught:
        Store.open(diary, clock=clock)
    failure = caught.value
    assert failure.path == path
    assert (failure.entry, failure.field) == (entry, field)
    message = str(failure)
    assert "records/2026.json" in message and "2026" in message
    if isinstance(failure, FutureSchemaVersion):
        assert (failure.found, failure.supported) == (7, 1)
        assert "newer version" in message and "has not been changed" in message
    else:
        assert message == (
            "Your pain diary for 2026 (records/2026.json) could not be read. "
            "It has been left exactly as it was."
        )
    assert "Traceback" not in message and "{" not in message

    problems = check_data_dir(diary)
    assert [(p.file, p.entry, p.field) for p in problems] == [("records/2026.json", entry, field)]
    assert str(problems[0]).startswith(f"records/2026.json: {entry}: {field}: ")

    # Neither opening nor checking changed a byte, a time or a file name; the
    # lock was released so the user can open again after restoring a backup.
    assert snapshot(diary) == before
    with pytest.raises(error):
        Store.open(diary, clock=clock)


def test_read_only_open_refuses_a_damaged_file_too(diary: Path, clock: FakeClock) -> None:
    score_out_of_range(diary / "records/2026.json")
    before = snapshot(diary)
    with pytest.raises(UnreadableDataFile):
        Store.open(diary, clock=clock, read_only=True)
    assert snapshot(diary) == before


@pytest.mark.parametrize("damage", [truncated, random_bytes, bad_version])
def test_damaged_settings_are_refused_in_plain_words(
    diary: Path, clock: FakeClock, damage: Callable[[Path], None]
) -> None:
    path = diary / "settings.json"
    damage(path)
    before = snapshot(diary)
    with pytest.raises(UnreadableDataFile) as caught:
        Store.open(diary, clock=clock)
    assert str(caught.value) == (
        "Your settings (settings.json) could not be read. It has been left exactly as it was."
    )
    assert [p.file for p in check_data_dir(diary)] == ["settings.json"]
    assert snapshot(diary) == before


def test_setting_without_value_is_reported(diary: Path) -> None:
    edit(diary / "settings.json", lambda raw: raw["settings"].update(theme={"valeu": "dark"}))
    assert check_data_dir(diary) == [
        Problem("settings.json", "settings/theme", "value", "is missing")
    ]


def test_check_lists_every_problem_of_every_file(diary: Path, clock: FakeClock) -> None:
    with Store.open(diary, clock=clock) as store:
        other = store.add(PainCheckIn(at=clock.now(), score=2))
        store.add(PainCheckIn(at=clock.now().replace(year=2021), score=2))

    def two_bad(raw: dict[str, Any]) -> None:
        raw["pain_checkins"][CHECKIN_ID]["score"] = 12
        raw["pain_checkins"][other.id]["context"] = "whenever"

    edit(diary / "records/2026.json", two_bad)
    truncated(diary / "records/2021.json")
    found = {(p.file, p.entry, p.field) for p in check_data_dir(diary)}
    assert found == {
        ("records/2021.json", "(file)", "(format)"),
        ("records/2026.json", f"pain_checkins/{CHECKIN_ID}", "score"),
        ("records/2026.json", f"pain_checkins/{other.id}", "context"),
    }


def test_check_of_a_healthy_dir_is_empty(diary: Path) -> None:
    assert check_data_dir(diary) == []


def test_check_never_opens_for_writing(diary: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    score_out_of_range(diary / "records/2026.json")
    real_open, real_os_open = builtins.open, os.open
    modes: list[str] = []

    def spy_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        modes.append(mode)
        return real_open(file, mode, *args, **kwargs)

    def spy_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        assert flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) == 0
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    before = snapshot(diary)
    assert check_data_dir(diary)
    assert modes and all(set(mode) <= {"r", "b"} for mode in modes)
    assert snapshot(diary) == before
