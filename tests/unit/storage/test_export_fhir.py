"""The FHIR R4 export: a valid Bundle of Observations, LOINC where certain, patient anonymous."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from export_helpers import NOW, doc_bytes, sample_records, seeded_history, stored_samples
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from hypothesis import HealthCheck, assume, given, settings
from storage_helpers import any_record

from lbp_desktop.domain.records import PegAnswer, Record, ValidationError
from lbp_desktop.storage.codec import to_storable
from lbp_desktop.storage.export_fhir import (
    CODE_SYSTEM,
    LOINC,
    RECORD_EXTENSION,
    bundle_bytes,
    peg_member_ids,
    read_fhir,
)
from lbp_desktop.storage.export_files import ImportFileError, export_to_file
from lbp_desktop.storage.store import Store

# fhir.resources 8 has no R4 (4.0.1) models; R4B (4.3.0) changed nothing in
# Bundle or Observation that this export uses, so its models check R4 here.


def _bundle(records: list[Record] | None = None) -> dict[str, Any]:
    return orjson.loads(bundle_bytes(records or sample_records(), NOW))


def _observations(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["resource"]["id"]: entry["resource"] for entry in bundle["entry"]}


def _codes(resource: dict[str, Any], system: str) -> list[str]:
    return [c["code"] for c in resource["code"]["coding"] if c["system"] == system]


def test_the_bundle_is_valid_fhir() -> None:
    data = bundle_bytes(sample_records(), NOW)
    bundle = Bundle.model_validate_json(data)
    assert bundle.type == "collection"
    assert bundle.timestamp == NOW
    for entry in bundle.entry:
        assert entry.resource.get_resource_type() == "Observation"
        Observation.model_validate(entry.resource.model_dump())


def test_a_seeded_diary_exports_valid_fhir(tmp_path: Path) -> None:
    seeded_history(tmp_path / "diary", days=10)
    with Store.open(tmp_path / "diary", read_only=True) as store:
        result = export_to_file(store, "fhir", tmp_path / "diary.json", now=NOW)
    bundle = Bundle.model_validate_json((tmp_path / "diary.json").read_bytes())
    pegs = result.counts["peg_answer"]
    assert len(bundle.entry) == result.total + 4 * pegs  # items and mean of each PEG


def test_every_observation_is_final_and_known_statuses_only() -> None:
    resources = _observations(_bundle()).values()
    statuses = {r["status"] for r in resources}
    assert statuses == {"final", "preliminary"}  # preliminary: the unfinished session
    categories = {r["category"][0]["coding"][0]["code"] for r in resources}
    assert categories == {"survey", "activity"}


def test_the_patient_stays_anonymous() -> None:
    text = bundle_bytes(sample_records(), NOW).decode()
    assert '"subject"' not in text
    assert '"Patient' not in text
    assert all(r["resourceType"] == "Observation" for r in _observations(_bundle()).values())


def test_ids_are_the_record_uuids_and_every_reference_resolves() -> None:
    records = sample_records()
    bundle = _bundle(records)
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    resources = _observations(bundle)
    for record in records:
        resource = resources[record.id]
        assert resource["identifier"] == [
            {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{record.id}"}
        ]
        assert f"urn:uuid:{record.id}" in full_urls
    for resource in resources.values():
        for link in resource.get("hasMember", []) + resource.get("derivedFrom", []):
            assert link["reference"] in full_urls


def test_effective_times_keep_their_offset() -> None:
    records = sample_records()
    resources = _observations(_bundle(records))
    for record in records:
        effective = resources[record.id]["effectiveDateTime"]
        assert effective == record.at.isoformat()
        assert datetime.fromisoformat(effective).utcoffset() == record.at.utcoffset()


def test_a_pain_rating_is_loinc_72514_3_with_its_score() -> None:
    record = next(r for r in sample_records() if getattr(r, "note", ""))
    resource = _observations(_bundle([record]))[record.id]
    assert _codes(resource, LOINC) == ["72514-3"]
    loinc = resource["code"]["coding"][0]
    assert loinc["display"] == "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
    assert _codes(resource, CODE_SYSTEM) == ["pain-checkin"]
    assert resource["valueQuantity"] == {
        "value": 7,
        "unit": "{score}",
        "system": "http://unitsofmeasure.org",
        "code": "{score}",
    }
    assert resource["note"] == [{"text": record.note}]
    assert resource["bodySite"]["text"] == "left leg"
    assert "meta" not in resource  # never stored, so never updated


def test_a_peg_answer_is_the_loinc_panel_with_its_items_and_mean() -> None:
    peg = next(r for r in sample_records() if isinstance(r, PegAnswer))
    resources = _observations(_bundle([peg]))
    panel = resources[peg.id]
    assert _codes(panel, LOINC) == ["91148-7"]
    assert _codes(panel, CODE_SYSTEM) == ["peg-answer"]
    assert "valueQuantity" not in panel
    members = {
        _codes(resources[ref["reference"].removeprefix("urn:uuid:")], LOINC)[0]: resources[
            ref["reference"].removeprefix("urn:uuid:")
        ]
        for ref in panel["hasMember"]
    }
    values = {code: m["valueQuantity"]["value"] for code, m in members.items()}
    assert values == {"75893-8": 6, "91145-3": 4, "91146-1": 4, "91147-9": 4.67}
    assert all(m["effectiveDateTime"] == panel["effectiveDateTime"] for m in members.values())
    assert len(members["91147-9"]["derivedFrom"]) == 3
    # Derived from the record's UUID: the same in every export, so merges match them.
    assert set(peg_member_ids(peg).values()) == set(resources) - {peg.id}


def test_sessions_and_posture_breaks_use_the_apps_own_codes() -> None:
    records = sample_records()
    resources = _observations(_bundle(records))
    run = resources[records[0].id]
    assert _codes(run, LOINC) == []
    assert _codes(run, CODE_SYSTEM) == ["session-run"]
    parts = {c["code"]["coding"][0]["code"]: c for c in run["component"]}
    assert parts["session-plan"]["valueString"] == "core-builder"
    assert parts["session-outcome"]["valueCodeableConcept"]["coding"][0]["code"] == (
        "stopped_for_pain"
    )
    assert parts["pre-session-pain"]["valueQuantity"]["value"] == 3
    assert parts["post-session-pain"]["valueQuantity"]["value"] == 6
    assert parts["steps-done"]["valueInteger"] == 1  # one of two was skipped
    assert run["valueQuantity"] == {
        "value": 1.2,
        "unit": "min",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    breaks = [r for r in resources.values() if _codes(r, CODE_SYSTEM) == ["posture-break"]]
    assert len(breaks) == 2


def test_the_record_itself_travels_in_an_extension() -> None:
    records = sample_records()
    resources = _observations(_bundle(records))
    for record in records:
        (extension,) = resources[record.id]["extension"]
        assert extension["url"] == RECORD_EXTENSION
        assert orjson.loads(extension["valueString"])["id"] == record.id


def test_reading_back_gives_the_same_records() -> None:
    records = sample_records()
    entries = read_fhir(bundle_bytes(records, NOW))
    assert [e.problem for e in entries] == [""] * len(records)
    assert [doc_bytes(e.record) for e in entries] == [doc_bytes(r) for r in records]


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(record=any_record)
def test_any_storable_record_round_trips_and_validates(record: Record) -> None:
    try:
        _, record = to_storable(record)
    except ValidationError:
        assume(False)
    data = bundle_bytes([record], NOW)
    Bundle.model_validate_json(data)
    (entry,) = read_fhir(data)
    assert entry.record is not None
    assert doc_bytes(entry.record) == doc_bytes(record)


def test_a_stored_diary_round_trips_with_its_timestamps(tmp_path: Path) -> None:
    stored = stored_samples(tmp_path / "diary")
    entries = read_fhir(bundle_bytes(stored, NOW))
    assert {doc_bytes(e.record) for e in entries} == {doc_bytes(r) for r in stored}
    resources = _observations(_bundle(stored))
    assert all(resources[r.id]["meta"]["lastUpdated"] == r.updated_at.isoformat() for r in stored)


def _damaged(bundle: dict[str, Any], change: str) -> bytes:
    entry = bundle["entry"][0]["resource"]
    if change == "no-extension":
        del entry["extension"]
    elif change == "other-id":
        entry["id"] = "0b0e2b2a-3f59-4c55-9b8f-7c8f3b3f0e4a"
    elif change == "no-kind":
        entry["code"]["coding"] = [c for c in entry["code"]["coding"] if c["system"] == LOINC]
    elif change == "bad-record":
        entry["extension"][0]["valueString"] = '{"id": 1'
    elif change == "patient":
        bundle["entry"][0]["resource"] = {"resourceType": "Patient", "id": "p1"}
    return orjson.dumps(bundle)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("no-extension", "holds no diary record"),
        ("other-id", "id and its diary record's id differ"),
        ("no-kind", "which kind of record"),
        ("bad-record", "damaged"),
        ("patient", "is a Patient, not an Observation"),
    ],
)
def test_one_bad_entry_is_one_problem(change: str, words: str) -> None:
    records = sample_records()
    entries = read_fhir(_damaged(_bundle(records), change))
    problems = [e for e in entries if e.problem]
    assert len(problems) == 1 and words in problems[0].problem
    assert problems[0].where == "entry 1"
    assert sum(e.record is not None for e in entries) == len(records) - 1


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'{"resourceType": "Bundle", "entry": [', "not valid JSON"),
        (b'{"resourceType": "Patient"}', "not a FHIR Bundle"),
        (b"[1, 2]", "not a FHIR Bundle"),
        (b'{"resourceType": "Bundle", "entry": {}}', "not a list"),
        (
            b'{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": '
            b'{"resourceType": "Observation", "id": "x", "status": "final"}}]}',
            "not made by this app",
        ),
    ],
)
def test_a_file_that_is_not_this_apps_fhir_is_refused_whole(data: bytes, words: str) -> None:
    with pytest.raises(ImportFileError, match="Nothing was imported") as caught:
        read_fhir(data)
    assert words in str(caught.value)


def test_a_bundle_cut_short_is_refused() -> None:
    data = bundle_bytes(sample_records(), NOW)
    with pytest.raises(ImportFileError, match="damaged or cut short"):
        read_fhir(data[: len(data) // 2])
