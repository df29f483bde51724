"""`import`: exports merge by record UUID, twice changes nothing, the newer edit wins."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from export_helpers import (
    NOW,
    diary,
    doc_bytes,
    sample_records,
    seeded_history,
    stored_samples,
)
from storage_helpers import snapshot

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn, PostureBreak
from lbp_desktop.storage.errors import StoreLocked
from lbp_desktop.storage.export_csv import COLUMNS, csv_bytes
from lbp_desktop.storage.export_fhir import bundle_bytes
from lbp_desktop.storage.export_files import ImportFileError, export_to_file
from lbp_desktop.storage.import_merge import import_file, read_export
from lbp_desktop.storage.lock import LOCKED_MESSAGE
from lbp_desktop.storage.store import Store

FORMATS = ("csv", "fhir")


def _export(
    data_dir: Path, out: Path, fmt: str, since: date | None = None, until: date | None = None
) -> Path:
    with Store.open(data_dir, read_only=True) as store:
        export_to_file(store, fmt, out, since=since, until=until, now=NOW)
    return out


def _clock(days: float = 0) -> FakeClock:
    return FakeClock(NOW + timedelta(days=days))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_history_comes_back_field_by_field_in_an_empty_diary(tmp_path: Path, fmt: str) -> None:
    seeded_history(tmp_path / "laptop")
    exported = _export(tmp_path / "laptop", tmp_path / f"diary.{fmt}", fmt)
    report = import_file(exported, tmp_path / "desktop", clock=_clock(1))
    original = diary(tmp_path / "laptop")
    assert report.added == len(original) > 200
    assert (report.unchanged, report.updated, report.skipped) == (0, 0, [])
    assert report.format == fmt.upper()
    # Every field, steps and extras included, and the created/updated times too.
    assert diary(tmp_path / "desktop") == original


@pytest.mark.parametrize("fmt", FORMATS)
def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path, fmt: str) -> None:
    stored_samples(tmp_path / "laptop")
    exported = _export(tmp_path / "laptop", tmp_path / f"diary.{fmt}", fmt)
    import_file(exported, tmp_path / "desktop", clock=_clock(1))
    before = snapshot(tmp_path / "desktop")
    again = import_file(exported, tmp_path / "desktop", clock=_clock(2))
    assert (again.added, again.updated, again.skipped) == (0, 0, [])
    assert again.unchanged == len(sample_records())
    assert snapshot(tmp_path / "desktop") == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_conflict_keeps_the_newer_edit_either_way(tmp_path: Path, fmt: str) -> None:
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    stored = stored_samples(laptop)
    import_file(_export(laptop, tmp_path / f"v1.{fmt}", fmt), desktop, clock=_clock(1))
    pain = next(r for r in stored if isinstance(r, PainCheckIn) and r.score == 0)
    # Edited on the desktop a day later...
    with Store.open(desktop, clock=_clock(2)) as store:
        edited = store.update(pain.replace(score=4, note="after gardening"))
    # ...so the laptop's older export does not undo it,
    old = import_file(tmp_path / f"v1.{fmt}", desktop, clock=_clock(3))
    assert (old.added, old.updated, old.unchanged) == (0, 0, len(stored) - 1)
    (kept,) = old.skipped
    assert not kept.problem and "newer edit" in kept.reason and kept.record_id == pain.id
    with Store.open(desktop, read_only=True) as store:
        assert store.get(PainCheckIn, pain.id) == edited
    # ...and the desktop's export brings the edit to the laptop.
    newer = import_file(_export(desktop, tmp_path / f"v2.{fmt}", fmt), laptop, clock=_clock(4))
    assert (newer.added, newer.updated, newer.unchanged, newer.skipped) == (
        0,
        1,
        len(stored) - 1,
        [],
    )
    with Store.open(laptop, read_only=True) as store:
        merged = store.get(PainCheckIn, pain.id)
    assert merged is not None
    assert (merged.score, merged.note, merged.created_at) == (4, "after gardening", pain.created_at)
    assert merged.updated_at == edited.updated_at  # the time of the edit, not of the import
    # Back again: the same content now, so nothing changes on the desktop.
    back = import_file(_export(laptop, tmp_path / f"v3.{fmt}", fmt), desktop, clock=_clock(5))
    assert (back.added, back.updated, back.skipped) == (0, 0, [])


def test_a_tie_keeps_the_diarys_copy(tmp_path: Path) -> None:
    stored = stored_samples(tmp_path / "diary")
    pain = next(r for r in stored if isinstance(r, PainCheckIn))
    same_times = pain.replace(score=9)  # other content, same created/updated times
    (tmp_path / "tie.csv").write_bytes(csv_bytes([same_times]))
    report = import_file(tmp_path / "tie.csv", tmp_path / "diary", clock=_clock(1))
    (kept,) = report.skipped
    assert not kept.problem and "as new" in kept.reason
    assert report.problems == []
    with Store.open(tmp_path / "diary", read_only=True) as store:
        assert store.get(PainCheckIn, pain.id) == pain


def _without_times(data: bytes) -> bytes:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    for row in rows:
        row["created_at"] = row["updated_at"] = ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def test_records_without_times_are_added_but_never_overwrite(tmp_path: Path) -> None:
    stored = stored_samples(tmp_path / "diary")
    typed = PainCheckIn(at=NOW, score=2, note="typed into a spreadsheet")
    changed = stored[1].replace(created_at=None, updated_at=None, note="changed by hand")
    (tmp_path / "hand.csv").write_bytes(_without_times(csv_bytes([typed, changed])))
    clock = _clock(1)
    report = import_file(tmp_path / "hand.csv", tmp_path / "diary", clock=clock)
    assert (report.added, report.updated) == (1, 0)
    assert "newer edit" in report.kept[0].reason
    with Store.open(tmp_path / "diary", read_only=True) as store:
        added = store.get(PainCheckIn, typed.id)
        assert store.get(PainCheckIn, stored[1].id) == stored[1]
    assert added is not None
    assert added.created_at == added.updated_at == clock.now()  # stamped by the store


def test_a_bad_row_is_skipped_with_its_reason_and_the_rest_imported(tmp_path: Path) -> None:
    records = sample_records()
    data = csv_bytes(records).replace(b",7,anytime,leg_left,", b",14,anytime,leg_left,")
    (tmp_path / "one-bad.csv").write_bytes(data)
    report = import_file(tmp_path / "one-bad.csv", tmp_path / "diary", clock=_clock())
    (problem,) = report.problems
    assert problem.where == "line 4" and "score" in problem.reason
    assert str(problem).startswith(f"line 4: pain_checkin {records[2].id}: ")
    assert report.added == len(records) - 1
    assert (records[2].KIND, records[2].id) not in diary(tmp_path / "diary")


def test_a_record_twice_in_the_file_is_not_imported_at_all(tmp_path: Path) -> None:
    records = sample_records()
    twin = records[-1].replace(outcome="skipped")
    (tmp_path / "twice.csv").write_bytes(csv_bytes([*records, twin]))
    report = import_file(tmp_path / "twice.csv", tmp_path / "diary", clock=_clock())
    assert len(report.problems) == 2
    assert all("more than once" in p.reason for p in report.problems)
    assert report.added == len(records) - 1
    with Store.open(tmp_path / "diary", read_only=True) as store:
        assert store.get(PostureBreak, twin.id) is None


def test_only_the_chosen_dates_travel(tmp_path: Path) -> None:
    stored_samples(tmp_path / "laptop")
    day = date(2026, 1, 5)
    exported = _export(tmp_path / "laptop", tmp_path / "day.csv", "csv", since=day, until=day)
    report = import_file(exported, tmp_path / "desktop", clock=_clock())
    assert report.added == 5
    with Store.open(tmp_path / "desktop", read_only=True) as store:
        ats = [r.at.date() for r in store.records(PainCheckIn)]
    assert ats == [day, day]


def _damage(good: bytes, how: str) -> bytes:
    if how == "cut":
        return good[: len(good) * 2 // 3]
    if how == "random":
        return bytes(range(256)) * 8
    if how == "empty":
        return b""
    if how == "text":
        return b"Dear physio,\nplease find my diary attached.\n"
    if how == "json-list":
        return b"[]"
    if how == "utf16":
        return good.decode("utf-8-sig").encode("utf-16")
    raise AssertionError(how)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("how", ["cut", "random", "empty", "text", "json-list", "utf16"])
def test_a_damaged_or_unknown_file_is_refused_and_nothing_is_written(
    tmp_path: Path, fmt: str, how: str
) -> None:
    stored_samples(tmp_path / "diary")
    records = sample_records()
    good = csv_bytes(records) if fmt == "csv" else bundle_bytes(records, NOW)
    damaged = tmp_path / f"damaged.{fmt}"
    damaged.write_bytes(_damage(good, how))
    before = snapshot(tmp_path / "diary")
    with pytest.raises(ImportFileError, match="Nothing was imported"):
        import_file(damaged, tmp_path / "diary", clock=_clock())
    assert snapshot(tmp_path / "diary") == before
    # Not even an empty data folder is made for a file that cannot be used.
    with pytest.raises(ImportFileError):
        import_file(damaged, tmp_path / "new-diary", clock=_clock())
    assert not (tmp_path / "new-diary").exists()


def test_a_missing_file_or_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="There is no file"):
        read_export(tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_export(tmp_path)


def test_while_the_app_is_open_nothing_is_written(tmp_path: Path) -> None:
    stored_samples(tmp_path / "laptop")
    exported = _export(tmp_path / "laptop", tmp_path / "diary.csv", "csv")
    with Store.open(tmp_path / "desktop", clock=_clock()):  # the running app
        before = snapshot(tmp_path / "desktop")
        with pytest.raises(StoreLocked) as caught:
            import_file(exported, tmp_path / "desktop", clock=_clock())
        assert str(caught.value) == LOCKED_MESSAGE
        assert snapshot(tmp_path / "desktop") == before


def test_the_same_content_means_every_value_and_type(tmp_path: Path) -> None:
    # 1, 1.0 and true are one value to Python's ==, but three to the diary.
    stored = stored_samples(tmp_path / "diary")
    pain = next(r for r in stored if r.extra.get("flag") is True)
    as_number = pain.replace(extra={**pain.extra, "flag": 1}, updated_at=NOW + timedelta(days=1))
    assert as_number == pain.replace(updated_at=as_number.updated_at)
    (tmp_path / "types.csv").write_bytes(csv_bytes([as_number]))
    report = import_file(tmp_path / "types.csv", tmp_path / "diary", clock=_clock(2))
    assert report.updated == 1
    with Store.open(tmp_path / "diary", read_only=True) as store:
        merged = store.get(PainCheckIn, pain.id)
    assert merged is not None and doc_bytes(merged) != doc_bytes(pain)
    assert merged.extra["flag"] == 1 and merged.extra["flag"] is not True


def test_the_summary_says_what_happened(tmp_path: Path) -> None:
    stored_samples(tmp_path / "laptop")
    exported = _export(tmp_path / "laptop", tmp_path / "diary.csv", "csv")
    first = import_file(exported, tmp_path / "desktop", clock=_clock())
    assert "8 added, 0 unchanged, 0 updated, 0 skipped." in first.summary()
    assert "3 pain check-ins, 1 PEG answers, 2 session runs, 2 posture breaks" in first.summary()
    assert "0 added, 8 unchanged" in import_file(exported, tmp_path / "desktop").summary()
