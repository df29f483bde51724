"""The CSV export: tidy, UTF-8 a spreadsheet and pandas read, lossless for an import."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest
from export_helpers import (
    NOW,
    TRICKY_NOTE,
    doc_bytes,
    sample_records,
    seeded_history,
    stored_samples,
)
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from storage_helpers import any_record

from lbp_desktop.domain.records import (
    RECORD_KINDS,
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
    ValidationError,
)
from lbp_desktop.storage import export_csv
from lbp_desktop.storage.codec import encode, to_storable
from lbp_desktop.storage.export_csv import (
    BOM,
    COLUMNS,
    DERIVED,
    FIELD_OF_COLUMN,
    csv_bytes,
    read_csv,
)
from lbp_desktop.storage.export_files import (
    ExportError,
    ImportFileError,
    collect_records,
    export_to_file,
)
from lbp_desktop.storage.store import Store


def _rows(data: bytes) -> list[dict[str, str]]:
    # What a Python user does: the csv module with utf-8-sig.
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_a_header_then_one_row_per_record_with_its_kind() -> None:
    records = sample_records()
    data = csv_bytes(records)
    rows = _rows(data)
    assert list(rows[0]) == list(COLUMNS)
    assert [row["kind"] for row in rows] == [record.KIND for record in records]
    assert [row["id"] for row in rows] == [record.id for record in records]


def test_utf8_with_a_byte_order_mark_and_an_unquoted_first_header() -> None:
    # Excel on Windows needs the mark to read UTF-8; pandas drops it on its own
    # as long as the first header is not quoted.
    data = csv_bytes(sample_records())
    assert data.startswith(BOM.encode() + b"kind,id,date,at,")
    assert data.count(BOM.encode()) == 1
    assert b"\r\n" in data
    plain = data.decode("utf-8")
    assert plain.startswith("\ufeffkind")  # why csv users need utf-8-sig


def test_timestamps_are_iso_8601_with_their_own_offset() -> None:
    records = sample_records()
    for record, row in zip(records, _rows(csv_bytes(records)), strict=True):
        assert row["at"] == record.at.isoformat()
        parsed = datetime.fromisoformat(row["at"])
        assert parsed.utcoffset() == record.at.utcoffset()
        assert row["date"] == record.at.date().isoformat()
    new_york = next(row for row in _rows(csv_bytes(records)) if row["note"] == TRICKY_NOTE)
    assert new_york["at"] == "2026-01-05T23:30:00-05:00"
    assert new_york["date"] == "2026-01-05"  # the local date, not the UTC one


def test_text_with_commas_quotes_newlines_and_any_script_survives() -> None:
    row = next(row for row in _rows(csv_bytes(sample_records())) if row["note"])
    assert row["note"] == TRICKY_NOTE
    assert row["area"] == "leg_left"


def test_columns_shared_by_meaning_and_empty_where_a_kind_has_none() -> None:
    rows = {row["kind"] + row["outcome"]: row for row in _rows(csv_bytes(sample_records()))}
    run, taken = rows["session_runstopped_for_pain"], rows["posture_breaktaken"]
    assert run["outcome"] == "stopped_for_pain" and taken["outcome"] == "taken"
    assert taken["duration_s"] == "204.1"
    assert run["duration_s"] == "69.2"  # the sum of its steps, for people
    assert run["pain_score"] == run["peg_pain"] == run["routine_id"] == ""
    assert run["pre_pain"] == "3" and run["post_pain"] == "6"


def test_peg_score_and_derived_columns_are_for_people() -> None:
    peg = next(row for row in _rows(csv_bytes(sample_records())) if row["kind"] == "peg_answer")
    assert (peg["peg_pain"], peg["peg_enjoyment"], peg["peg_activity"]) == ("6", "4", "4")
    assert peg["peg_score"] == "4.67"


def test_steps_and_extra_are_json_kept_as_the_diary_keeps_them() -> None:
    rows = _rows(csv_bytes(sample_records()))
    run = next(row for row in rows if row["plan_id"] == "core-builder")
    assert '"tempo":"slow"' in run["steps"] and '"skipped":true' in run["steps"]
    assert run["extra"] == '{"device":{"name":"laptop","dpi":1.5}}'
    unfinished = next(row for row in rows if row["plan_id"] == "desk-reset")
    assert unfinished["steps"] == unfinished["extra"] == unfinished["ended_at"] == ""


def test_every_field_of_every_kind_has_its_column() -> None:
    for kind in RECORD_KINDS:
        fields = {f.name for f in dataclasses.fields(kind)} - {"extra"}
        mapped = set(FIELD_OF_COLUMN[kind.KIND].values()) | {"id", "at", "created_at", "updated_at"}
        assert fields == mapped, kind.KIND
        assert set(FIELD_OF_COLUMN[kind.KIND]) <= set(COLUMNS)
        assert DERIVED[kind.KIND] <= set(COLUMNS)


def test_reads_back_every_sample_exactly() -> None:
    records = sample_records()
    entries = read_csv(csv_bytes(records))
    assert [e.problem for e in entries] == [""] * len(records)
    assert [doc_bytes(e.record) for e in entries] == [doc_bytes(r) for r in records]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(record=any_record)
def test_any_storable_record_round_trips_exactly(record: Record) -> None:
    try:
        _, record = to_storable(record)
    except ValidationError:
        assume(False)
    (entry,) = read_csv(csv_bytes([record]))
    assert entry.problem == ""
    assert entry.record is not None
    assert doc_bytes(entry.record) == doc_bytes(record)
    assert entry.record == record


def test_columns_in_another_order_and_without_the_derived_ones_still_read() -> None:
    records = sample_records()
    rows = _rows(csv_bytes(records))
    order = [c for c in reversed(COLUMNS) if c not in ("date", "peg_score")]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, order, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    buffer.write("\n\n")  # blank lines a spreadsheet left at the end
    entries = read_csv(buffer.getvalue().encode())  # no byte-order mark either
    assert [doc_bytes(e.record) for e in entries] == [doc_bytes(r) for r in records]


def _with_row_changed(column: str, value: str, kind: str = "pain_checkin") -> bytes:
    rows = _rows(csv_bytes(sample_records()))
    target = next(row for row in rows if row["kind"] == kind)
    target[column] = value
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("pain_score", "14", "score"),
        ("pain_score", "7.5", "score"),
        ("at", "2026-01-05 08:00", "at"),
        ("at", "2026-01-05T08:00:00", "UTC offset"),
        ("plan_id", "core-builder", "plan_id, which a pain_checkin does not have"),
        ("extra", "[1, 2]", "extra must be a JSON object"),
        ("extra", '{"score": 3}', "extra names a real field (score)"),
        ("id", "not-a-uuid", "UUID"),
        ("kind", "mood_checkin", "not one this version"),
    ],
)
def test_a_bad_row_is_one_problem_and_the_others_still_read(
    column: str, value: str, words: str
) -> None:
    entries = read_csv(_with_row_changed(column, value))
    problems = [e for e in entries if e.problem]
    assert len(problems) == 1
    assert words in problems[0].problem
    assert problems[0].where == "line 3"  # the header is line 1, the run line 2
    assert sum(e.record is not None for e in entries) == len(sample_records()) - 1


def test_bad_steps_json_names_the_row() -> None:
    (problem,) = [e for e in read_csv(_with_row_changed("steps", "[{", "session_run")) if e.problem]
    assert "not valid JSON" in problem.problem and problem.kind == "session_run"


def test_a_row_without_created_and_updated_times_reads_without_them() -> None:
    rows = _rows(csv_bytes(sample_records()))
    target = next(row for row in rows if row["kind"] == "pain_checkin")
    target["created_at"] = target["updated_at"] = ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    entry = next(e for e in read_csv(buffer.getvalue().encode()) if e.kind == "pain_checkin")
    assert entry.record is not None
    assert entry.record.created_at is None and entry.record.updated_at is None


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"kind,id,at,mood\r\n", "does not know (mood)"),
        (b"kind,id,at\r\n", "lacks columns"),
        ("\ufeffkind,id\r\n".encode("utf-16"), "not UTF-8"),
        (b"kind,id,kind\r\n", "names a column twice"),
    ],
)
def test_a_file_that_is_not_this_apps_csv_is_refused_whole(data: bytes, words: str) -> None:
    with pytest.raises(ImportFileError, match="Nothing was imported") as caught:
        read_csv(data)
    assert words in str(caught.value)


def test_a_file_cut_short_is_refused_whole() -> None:
    data = csv_bytes(sample_records())
    cut_in_a_quoted_cell = data[: data.index(b'"tempo') + 3]
    with pytest.raises(ImportFileError, match="damaged or cut short"):
        read_csv(cut_in_a_quoted_cell)
    cut_in_a_row = data[: data.rindex(b"\r\n", 0, len(data) - 2) + 40]
    with pytest.raises(ImportFileError, match="damaged or cut short"):
        read_csv(cut_in_a_row)


# Writing through the store ----------------------------------------------------


def test_export_to_file_writes_the_whole_diary_atomically_and_privately(tmp_path: Path) -> None:
    stored = stored_samples(tmp_path / "diary")
    out = tmp_path / "diary.csv"
    with Store.open(tmp_path / "diary", read_only=True) as store:
        result = export_to_file(store, "csv", out, now=NOW)
    assert result.total == len(stored) and result.size == out.stat().st_size
    assert result.counts == {
        "pain_checkin": 3,
        "peg_answer": 1,
        "session_run": 2,
        "posture_break": 2,
    }
    assert (result.first, result.last) == (date(2026, 1, 4), date(2026, 1, 6))
    assert "Wrote 8 records" in result.summary()
    rows = _rows(out.read_bytes())
    assert sorted(row["id"] for row in rows) == sorted(r.id for r in stored)
    ats = [datetime.fromisoformat(row["at"]) for row in rows]
    assert ats == sorted(ats)  # chronological, across kinds and offsets
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    if os.name != "nt":
        assert out.stat().st_mode & 0o777 == 0o600  # health data


def test_the_date_range_is_inclusive_and_uses_each_records_local_date(tmp_path: Path) -> None:
    stored_samples(tmp_path / "diary")
    with Store.open(tmp_path / "diary", read_only=True) as store:
        chosen = collect_records(store, date(2026, 1, 5), date(2026, 1, 5))
        assert {r.at.date() for r in chosen} == {date(2026, 1, 5)}
        # 23:30 in New York is 6 January in UTC, but the record says the 5th.
        assert any(r.extra.get("mood") == 2 for r in chosen)
        assert len(chosen) == 5
        assert len(collect_records(store, date(2026, 1, 6), None)) == 2
        assert len(collect_records(store, None, date(2026, 1, 4))) == 1
        export_to_file(
            store, "csv", tmp_path / "day.csv", since=date(2026, 1, 5), until=date(2026, 1, 5)
        )
    assert len(_rows((tmp_path / "day.csv").read_bytes())) == 5


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    stored_samples(tmp_path / "diary")
    out = tmp_path / "mine.csv"
    out.write_text("precious")
    with Store.open(tmp_path / "diary", read_only=True) as store:
        with pytest.raises(ExportError, match="already exists"):
            export_to_file(store, "csv", out)
        assert out.read_text() == "precious"
        export_to_file(store, "csv", out, force=True)
    assert out.read_bytes().startswith(BOM.encode())


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"format_name": "pdf"}, "no export format 'pdf'"),
        ({"since": date(2026, 2, 1), "until": date(2026, 1, 1)}, "after the end date"),
        ({"out_name": "missing/x.csv"}, "does not exist"),
        ({"out_name": "."}, "is a folder"),
    ],
)
def test_refusals_write_nothing(tmp_path: Path, kwargs: dict, words: str) -> None:
    stored_samples(tmp_path / "diary")
    out = tmp_path / kwargs.pop("out_name", "x.csv")
    before = sorted(p.name for p in tmp_path.iterdir())
    with (
        Store.open(tmp_path / "diary", read_only=True) as store,
        pytest.raises(ExportError, match=words),
    ):
        export_to_file(store, kwargs.pop("format_name", "csv"), out, **kwargs)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_the_peg_score_is_the_mean_of_the_items() -> None:
    peg = next(r for r in sample_records() if isinstance(r, PegAnswer))
    run = next(r for r in sample_records() if isinstance(r, SessionRun) and r.steps)
    assert peg.score == pytest.approx(14 / 3)
    assert run.duration_s == pytest.approx(69.2)


# Byte for byte what the record path wrote ---------------------------------------
#
# Until the export read the stored documents, it built every row from Record
# objects with csv.writer. That writer, kept here as it was, is the reference:
# the same data must give the same bytes.


def _reference_csv(records: list[Record]) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_reference_row(record) for record in records)
    return buffer.getvalue().encode("utf-8")


def _reference_row(r: Record) -> list[str]:
    at = r.at.isoformat()
    head = [r.KIND, r.id, at[:10], at]
    tail = [_ref_extra(r), _ref_iso(r.created_at), _ref_iso(r.updated_at)]
    if isinstance(r, PainCheckIn):
        return [
            *head,
            str(r.score), r.context, r.area or "", r.note, r.run_id or "",
            "", "", "", "",
            "", "", "", "", "", "",
            "", "",
            "", *tail,
        ]  # fmt: skip
    if isinstance(r, PegAnswer):
        return [
            *head,
            "", "", "", "", "",
            str(r.pain), str(r.enjoyment), str(r.activity), _ref_short(r.score, 2),
            "", "", "", "", "", "",
            "", "",
            "", *tail,
        ]  # fmt: skip
    if isinstance(r, SessionRun):
        steps = orjson.dumps(encode(r)["steps"]).decode() if r.steps else ""
        return [
            *head,
            "", "", "", "", "",
            "", "", "", "",
            r.plan_id, r.outcome, _ref_iso(r.ended_at), _ref_whole(r.pre_pain),
            _ref_whole(r.post_pain), r.stop_reason,
            _ref_short(r.duration_s, 1), "",
            steps, *tail,
        ]  # fmt: skip
    assert isinstance(r, PostureBreak)
    number = repr(r.duration_s) if type(r.duration_s) is float else str(r.duration_s)
    return [
        *head,
        "", "", "", "", "",
        "", "", "", "",
        "", r.outcome, "", "", "", "",
        number, r.routine_id or "",
        "", *tail,
    ]  # fmt: skip


def _ref_iso(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _ref_whole(value: int | None) -> str:
    return "" if value is None else str(value)


def _ref_extra(record: Record) -> str:
    return orjson.dumps(dict(record.extra)).decode() if record.extra else ""


def _ref_short(value: float, places: int) -> str:
    rounded = round(value, places)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def _export_bytes(data_dir: Path, out: Path) -> tuple[bytes, bytes]:
    """The CSV export of a diary, and the reference's CSV of its records."""
    with Store.open(data_dir, read_only=True) as store:
        export_to_file(store, "csv", out, now=NOW)
        reference = _reference_csv(collect_records(store, None, None))
    return out.read_bytes(), reference


def test_the_samples_are_written_as_the_record_path_wrote_them() -> None:
    records = sample_records()
    assert csv_bytes(records) == _reference_csv(records)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(any_record, min_size=1, max_size=5))
def test_any_records_are_written_as_the_record_path_wrote_them(records: list[Record]) -> None:
    # Any text in notes, plan and routine ids, extras and exercise ids:
    # commas, quotes, CR, LF, any script; offsets of any quarter hour.
    try:
        stored = [to_storable(record)[1] for record in records]
    except ValidationError:
        assume(False)
    assert csv_bytes(stored) == _reference_csv(stored)


def test_an_export_of_history_is_what_the_record_path_wrote(tmp_path: Path) -> None:
    seeded_history(tmp_path / "diary")
    written, reference = _export_bytes(tmp_path / "diary", tmp_path / "diary.csv")
    assert written == reference
    assert len(_rows(written)) > 200


def test_documents_spelled_otherwise_are_written_as_their_records(tmp_path: Path) -> None:
    # A year file edited by hand: times spelled as the codec does not write
    # them, fields with a default left out, keys in another order, an id in
    # capitals. (A session's steps may not be left out: the codec refuses
    # that.) The store validates it in full, so it is read; the CSV must
    # still hold what the codec writes for each record.
    stored = stored_samples(tmp_path / "diary")
    run = next(r for r in stored if isinstance(r, SessionRun) and r.steps)
    pain = next(r for r in stored if isinstance(r, PainCheckIn) and r.note)
    path = tmp_path / "diary/records/2025.json"
    run_doc = encode(run)
    step_doc = {
        "done_s": 30, "ended_at": "2025-05-01T10:01:00Z", "planned_s": 30.0,
        "started_at": "2025-05-01 10:00:30+02:00", "exercise_id": 'say "ah", then\nbreathe',
        "tempo": [1, {"x": None}],
    }  # fmt: skip
    docs = {
        "pain_checkins": [
            {"id": "A0A0A0A0-0000-4000-8000-000000000001", "at": "2025-05-01T08:00:00Z",
             "score": 3, "created_at": "2025-05-01T08:00:00.000000+02:00",
             "updated_at": "2025-05-01T08:00:00-00:00"},
            {"mood": {"a": [1, 2]}, "id": "a0a0a0a0-0000-4000-8000-000000000002",
             "at": "2025-05-01T09:00+01:00:00", "score": 0, "note": pain.note, "area": "hip",
             "run_id": "{A0A0A0A0-0000-4000-8000-000000000003}", "context": "anytime",
             "created_at": "2025-05-01T09:00:00+01:00", "updated_at": "2025-05-02T09:00:00Z"},
            {"id": "a0a0a0a0-0000-4000-8000-000000000008", "at": "2025-05-04 09:00:00+02:00",
             "score": 5, "context": "anytime", "area": None, "note": "", "run_id": None,
             "created_at": "2025-05-04T09:00:00.000000+02:00",
             "updated_at": "2025-05-04T07:00:00-00:00"},
        ],
        "session_runs": [
            {"id": "a0a0a0a0-0000-4000-8000-000000000003", "at": "2025-05-01T10:00:00+02:00",
             "plan_id": "a, b", "steps": [step_doc], "stop_reason": 'stopped "early"',
             "created_at": "2025-05-01T10:00:00+02:00", "updated_at": "2025-05-01T10:00:00Z"},
            {"id": "a0a0a0a0-0000-4000-8000-000000000004", "at": "2025-05-02T10:00:00+02:00",
             "plan_id": run.plan_id, "outcome": "completed", "pre_pain": 0, "post_pain": 0,
             "steps": [], "ended_at": "2025-05-02T10:30:00.500000+02:00",
             "created_at": "2025-05-02T10:00:00+02:00", "updated_at": "2025-05-02T10:00:00+02:00"},
            # Every field there, the steps spelled otherwise, one thing each.
            {**run_doc, "id": "a0a0a0a0-0000-4000-8000-000000000009", "at": "2025-05-05 10:00:00Z",
             "ended_at": "2025-05-05T10:30:00.000000Z", "steps": [step_doc]},
            {**run_doc, "id": "a0a0a0a0-0000-4000-8000-000000000010",
             "at": "2025-05-06T10:00:00+02:00",
             "steps": [{**run_doc["steps"][0], "started_at": "2025-05-06T10:00:01Z"}]},
            {**run_doc, "id": "a0a0a0a0-0000-4000-8000-000000000011",
             "at": "2025-05-07T10:00:00+02:00",
             "steps": [dict(reversed(run_doc["steps"][0].items()))]},
        ],
        "peg_answers": [
            {"activity": 1, "enjoyment": 2, "pain": 10,
             "id": "a0a0a0a0-0000-4000-8000-000000000005", "at": "2025-05-03T20:00:00+02:00",
             "created_at": "2025-05-03T20:00:00+02:00",
             "updated_at": "2025-05-03T20:00:00+02:00"},
        ],
        "posture_breaks": [
            {"id": "a0a0a0a0-0000-4000-8000-000000000006", "at": "2025-05-03T11:00:00+02:00",
             "outcome": "taken", "created_at": "2025-05-03T11:00:00+02:00",
             "updated_at": "2025-05-03T11:00:00+02:00"},
            {"id": "a0a0a0a0-0000-4000-8000-000000000007", "at": "2025-05-03T12:00:00+02:00",
             "outcome": "natural", "duration_s": 90, "routine_id": "r,1",
             "created_at": "2025-05-03T12:00:00+02:00", "updated_at": "2025-05-03T12:00:00+02:00"},
        ],
    }  # fmt: skip
    raw = {"meta": {"schema": {"version": 1}}}
    for table, found in docs.items():
        raw[table] = {doc["id"].lower(): doc for doc in found}
    path.write_bytes(orjson.dumps(raw))
    written, reference = _export_bytes(tmp_path / "diary", tmp_path / "diary.csv")
    assert written == reference
    rows = _rows(written)
    assert len(rows) == len(stored) + 11
    first = next(row for row in rows if row["id"].endswith("0001"))
    assert (first["id"], first["at"], first["created_at"], first["updated_at"]) == (
        "a0a0a0a0-0000-4000-8000-000000000001",
        "2025-05-01T08:00:00+00:00",
        "2025-05-01T08:00:00+02:00",
        "2025-05-01T08:00:00+00:00",
    )
    entries = read_csv(written)
    assert [e.problem for e in entries] == [""] * len(rows)


@pytest.mark.usefixtures("berlin_local_time")
def test_a_migrated_diary_is_written_as_its_records(v0_data_dir: Path, tmp_path: Path) -> None:
    # Read-only, the prototype's files are migrated in memory and never written.
    written, reference = _export_bytes(v0_data_dir, tmp_path / "v0.csv")
    assert written == reference
    assert len(_rows(written)) > 3


@given(
    moment=st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        # Offsets in whole minutes, as clocks keep them (ISO text cannot
        # carry a microsecond offset back: fromisoformat drops it).
        timezones=st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
            lambda minutes: timezone(timedelta(minutes=minutes))
        ),
    ),
    spelling=st.sampled_from(["iso", "Z", "space", "zero micro", "minus zero", "offset seconds"]),
)
def test_any_stored_time_is_written_as_the_codec_writes_it(moment: datetime, spelling: str) -> None:
    canonical = moment.isoformat()
    text = canonical
    offset = moment.utcoffset()
    if spelling == "Z" and offset == timedelta(0):
        text = canonical[: -len("+00:00")] + "Z"
    elif spelling == "space":
        text = canonical[:10] + " " + canonical[11:]
    elif spelling == "zero micro" and moment.microsecond == 0:
        text = canonical[:19] + ".000000" + canonical[19:]
    elif spelling == "minus zero" and canonical.endswith("+00:00"):
        text = canonical[: -len("+00:00")] + "-00:00"
    elif spelling == "offset seconds" and len(canonical) in (25, 32):
        text = canonical + ":00"
    assert datetime.fromisoformat(text) == moment
    assert export_csv._time(text) == canonical
