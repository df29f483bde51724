"""Record <-> document: lossless, strict on the way in, keeps what it does not know."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import orjson
import pytest
from hypothesis import given
from storage_helpers import any_record, utc

from lbp_desktop.domain.records import (
    PainCheckIn,
    PostureBreak,
    Record,
    SessionRun,
    StepRecord,
    ValidationError,
)
from lbp_desktop.storage.codec import decode, encode, to_storable


@given(any_record)
def test_every_kind_round_trips_through_json(record: Record) -> None:
    doc = orjson.loads(orjson.dumps(encode(record)))
    assert decode(type(record), doc) == record
    # Offsets survive exactly, not just the instant.
    assert decode(type(record), doc).at.utcoffset() == record.at.utcoffset()


@given(any_record)
def test_to_storable_gives_what_reads_back(record: Record) -> None:
    doc, stored = to_storable(record)
    assert stored == record
    assert decode(type(record), orjson.loads(orjson.dumps(doc))) == stored


def test_document_layout() -> None:
    at = datetime(2026, 7, 1, 8, 30, tzinfo=timezone(timedelta(hours=2)))
    record = PainCheckIn(
        at=at, id="7f0c7a34-1f8e-4d27-9a63-3f1f0cbc1f55", score=4, created_at=at, updated_at=at
    )
    assert encode(record) == {
        "id": "7f0c7a34-1f8e-4d27-9a63-3f1f0cbc1f55",
        "at": "2026-07-01T08:30:00+02:00",
        "score": 4,
        "context": "anytime",
        "area": None,
        "note": "",
        "run_id": None,
        "created_at": "2026-07-01T08:30:00+02:00",
        "updated_at": "2026-07-01T08:30:00+02:00",
    }


def test_unknown_fields_go_to_extra_and_come_back() -> None:
    doc = encode(PostureBreak(at=utc(2026, 1, 1), outcome="taken", created_at=utc(2026, 1, 1),
                              updated_at=utc(2026, 1, 1)))  # fmt: skip
    doc["screen"] = {"name": "external", "inches": 27}
    record = decode(PostureBreak, doc)
    assert record.extra == {"screen": {"name": "external", "inches": 27}}
    assert encode(record) == doc


def test_unknown_step_fields_are_kept() -> None:
    t = utc(2026, 1, 1, 9)
    step = StepRecord(exercise_id="bird-dog", started_at=t, ended_at=t, planned_s=30,
                      done_s=30, extra={"cue_volume": 0.5})  # fmt: skip
    run = SessionRun(at=t, plan_id="p", steps=(step,), created_at=t, updated_at=t)
    doc = orjson.loads(orjson.dumps(encode(run)))
    assert doc["steps"][0]["cue_volume"] == 0.5
    assert decode(SessionRun, doc).steps[0].extra == {"cue_volume": 0.5}


def stored_doc(**changes: Any) -> dict[str, Any]:
    t = utc(2026, 1, 1)
    doc = encode(PainCheckIn(at=t, score=3, created_at=t, updated_at=t))
    doc.update(changes)
    return doc


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"score": 11}, "score"),
        ({"score": -1}, "score"),
        ({"score": 3.5}, "score"),
        ({"score": True}, "score"),
        ({"score": "4"}, "score"),
        ({"at": "2026-01-01T09:00:00"}, "at"),
        ({"at": "yesterday"}, "at"),
        ({"at": 1767225600}, "at"),
        ({"created_at": None}, "created_at"),
        ({"id": "not-a-uuid"}, "id"),
        ({"context": "whenever"}, "context"),
    ],
)
def test_bad_values_are_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        decode(PainCheckIn, stored_doc(**changes))
    assert caught.value.field == field


@pytest.mark.parametrize("missing", ["id", "at", "score", "created_at", "updated_at"])
def test_missing_required_field_is_refused(missing: str) -> None:
    doc = stored_doc()
    del doc[missing]
    with pytest.raises(ValidationError) as caught:
        decode(PainCheckIn, doc)
    assert (caught.value.field, caught.value.message) == (missing, "is missing")


def test_bad_step_names_its_position() -> None:
    t = utc(2026, 1, 1, 9)
    step = StepRecord(exercise_id="x", started_at=t, ended_at=t, planned_s=1, done_s=1)
    doc = encode(SessionRun(at=t, plan_id="p", steps=(step, step), created_at=t, updated_at=t))
    doc["steps"][1]["done_s"] = -5
    with pytest.raises(ValidationError) as caught:
        decode(SessionRun, doc)
    assert caught.value.field == "steps[1].done_s"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"score": 5}, "extra"),  # would shadow a real field
        ({"big": 2**70}, "big"),
        ({"when": datetime(2026, 1, 1)}, "when"),
        ({"tags": ("a", "b")}, "tags"),
        ({"ratio": float("nan")}, "ratio"),
        ({"nested": {1: "x"}}, "nested"),
    ],
)
def test_unstorable_extra_is_refused(extra: dict[str, Any], field: str) -> None:
    record = PainCheckIn(at=utc(2026, 1, 1), score=3, extra=extra)
    with pytest.raises(ValidationError) as caught:
        to_storable(record)
    assert caught.value.field == field


def test_text_json_cannot_hold_is_refused_naming_the_field() -> None:
    record = PainCheckIn(at=utc(2026, 1, 1), score=3, note="broken \ud800 surrogate")
    with pytest.raises(ValidationError) as caught:
        to_storable(record)
    assert caught.value.field == "note"
