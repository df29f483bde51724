"""The FHIR R4 export (a Bundle of Observations), and reading it back for an import.

A Bundle of type ``collection``; one Observation per record, whose ``id``
is the record's UUID (also its ``identifier`` as ``urn:uuid:...``, and the
entry's ``fullUrl``), so exports from two machines merge by id.

Codes, LOINC only where the code is certain:

- a pain check-in: LOINC 72514-3, "Pain severity - 0-10 verbal numeric
  rating [Score] - Reported"; the value is the score in ``{score}``.
- a PEG answer: the PEG panel, LOINC 91148-7, with ``hasMember`` links to
  one Observation per item (75893-8 average pain in the past week,
  91145-3 interference with enjoyment of life, 91146-1 interference with
  general activity) and one for the mean (91147-9 "Mean score [PEG]", with
  ``derivedFrom`` the items). Panel and members is how surveys are sent
  in FHIR; the member ids are derived from the record's UUID, so they too
  are the same in every export.
- a session run and a posture break: no LOINC code fits, so the app's own
  code system (:data:`CODE_SYSTEM`) names them and their parts (plan,
  outcome, pain before and after, minutes done).

Every Observation of a record also carries the app's own code for its
kind, and the record exactly as the diary keeps it (the codec's JSON, in
the :data:`RECORD_EXTENSION` extension): steps, notes, fields of newer
versions and the created/updated times come back from there on import,
not from the FHIR elements, which round some values for people.

The patient stays anonymous: there is no Patient resource and no
``subject`` (it is optional in R4). Every Observation in the file is about
the one person who exported it; a receiving system attaches the file to
its own record of that person.

The app has no web address yet, so its code system and extension live
under the reserved ``.invalid`` domain (RFC 2606), which can never belong
to anyone else. If that changes, keep reading these URIs on import.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import orjson

from lbp_desktop.domain.records import (
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
)
from lbp_desktop.storage.codec import encode
from lbp_desktop.storage.export_files import Entry, ExportInput, ImportFileError, entry_from_doc

APP_BASE = "http://lbp-desktop.invalid/fhir"
CODE_SYSTEM = f"{APP_BASE}/CodeSystem/lbp-desktop"
RECORD_EXTENSION = f"{APP_BASE}/StructureDefinition/diary-record"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
URI_IDENTIFIER = "urn:ietf:rfc:3986"  # the identifier system for a urn:uuid value

PAIN_LOINC = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
PEG_PANEL_LOINC = (
    "91148-7",
    "Pain intensity, Enjoyment of life, General activity (PEG) 3 item pain scale",
)
# Record field -> LOINC code and display of the PEG item.
PEG_ITEM_LOINC = {
    "pain": ("75893-8", "What number best describes your pain on average in the past week?"),
    "enjoyment": (
        "91145-3",
        "What number best describes how, during the past week, pain has interfered with your "
        "enjoyment of life?",
    ),
    "activity": (
        "91146-1",
        "What number best describes how, during the past week, pain has interfered with your "
        "general activity?",
    ),
}
PEG_MEAN_LOINC = ("91147-9", "Mean score [PEG]")

# The app's code for each kind of record (and back, for an import).
KIND_CODES: dict[str, tuple[str, str]] = {
    PainCheckIn.KIND: ("pain-checkin", "Pain rating in the pain diary (0 to 10)"),
    PegAnswer.KIND: ("peg-answer", "Weekly PEG answer (pain, enjoyment of life, activity)"),
    SessionRun.KIND: ("session-run", "Guided back-care exercise session"),
    PostureBreak.KIND: ("posture-break", "Posture break"),
}
KIND_OF_CODE = {code: kind for kind, (code, _) in KIND_CODES.items()}
KIND_CLASS: dict[str, type[Record]] = {
    kind.KIND: kind for kind in (PainCheckIn, PegAnswer, SessionRun, PostureBreak)
}

_WORDS = {
    # pain areas
    "lower_back": "lower back",
    "buttock": "buttock",
    "leg_left": "left leg",
    "leg_right": "right leg",
    "hip": "hip",
    "upper_back": "upper back",
    "other": "other",
    # when a pain rating was given
    "anytime": "Pain rating (0 to 10)",
    "before_session": "Pain rating before a session (0 to 10)",
    "during_session": "Pain rating during a session (0 to 10)",
    "after_session": "Pain rating after a session (0 to 10)",
    # how a session or a posture break went
    "in_progress": "not finished",
    "completed": "completed",
    "partial": "partly done",
    "stopped_for_pain": "stopped because of pain",
    "taken": "taken",
    "snoozed": "snoozed",
    "skipped": "skipped",
    "natural": "a break taken without a reminder",
}


# Writing -----------------------------------------------------------------


def render_fhir(export: ExportInput) -> bytes:
    return bundle_bytes(export.records, export.now)


def bundle_bytes(records: list[Record] | tuple[Record, ...], now: datetime) -> bytes:
    bundle_id = str(uuid.uuid4())
    bundle = {
        "resourceType": "Bundle",
        "id": bundle_id,
        "meta": {"lastUpdated": now.isoformat()},
        "identifier": {"system": URI_IDENTIFIER, "value": f"urn:uuid:{bundle_id}"},
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for record in records
            for resource in observations_of(record)
        ],
    }
    # Compact: ten years are ~50,000 Observations, and indenting doubles the size.
    return orjson.dumps(bundle, option=orjson.OPT_APPEND_NEWLINE)


def observations_of(record: Record) -> Iterator[dict[str, Any]]:
    """The Observation of a record first, then the members it refers to (PEG items)."""
    if isinstance(record, PainCheckIn):
        yield _pain(record)
    elif isinstance(record, PegAnswer):
        yield from _peg(record)
    elif isinstance(record, SessionRun):
        yield _session(record)
    elif isinstance(record, PostureBreak):
        yield _posture_break(record)
    else:
        raise TypeError(f"cannot export {type(record).__name__} as FHIR")


def _base(
    record: Record, observation_id: str, category: str, *, carries_record: bool = False
) -> dict[str, Any]:
    resource: dict[str, Any] = {"resourceType": "Observation", "id": observation_id}
    if record.updated_at is not None:
        resource["meta"] = {"lastUpdated": record.updated_at.isoformat()}
    if carries_record:
        doc = orjson.dumps(encode(record)).decode()
        resource["extension"] = [{"url": RECORD_EXTENSION, "valueString": doc}]
    resource["identifier"] = [{"system": URI_IDENTIFIER, "value": f"urn:uuid:{observation_id}"}]
    resource["status"] = "final"
    resource["category"] = [
        {"coding": [{"system": CATEGORY, "code": category, "display": category.capitalize()}]}
    ]
    return resource


def _record_resource(record: Record, category: str) -> dict[str, Any]:
    return _base(record, record.id, category, carries_record=True)


def _code(*codings: dict[str, str], text: str) -> dict[str, Any]:
    return {"coding": list(codings), "text": text}


def _loinc(code_and_display: tuple[str, str]) -> dict[str, str]:
    code, display = code_and_display
    return {"system": LOINC, "code": code, "display": display}


def _app(code: str, display: str) -> dict[str, str]:
    return {"system": CODE_SYSTEM, "code": code, "display": display}


def _kind_coding(record: Record) -> dict[str, str]:
    return _app(*KIND_CODES[record.KIND])


def _score(value: float) -> dict[str, Any]:
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}


def _minutes(seconds: float) -> dict[str, Any]:
    return {"value": round(seconds / 60, 1), "unit": "min", "system": UCUM, "code": "min"}


def _component(code: str, display: str, **value: Any) -> dict[str, Any]:
    return {"code": _code(_app(code, display), text=display), **value}


def _concept(value: str) -> dict[str, Any]:
    return {"coding": [_app(value, _WORDS.get(value, value))], "text": _WORDS.get(value, value)}


def _pain(record: PainCheckIn) -> dict[str, Any]:
    resource = _record_resource(record, "survey")
    resource["code"] = _code(
        _loinc(PAIN_LOINC), _kind_coding(record), text=_WORDS.get(record.context, "Pain rating")
    )
    resource["effectiveDateTime"] = record.at.isoformat()
    resource["valueQuantity"] = _score(record.score)
    if record.note:
        resource["note"] = [{"text": record.note}]
    if record.area is not None:
        resource["bodySite"] = _concept(record.area)
    return resource


def peg_member_ids(record: PegAnswer) -> dict[str, str]:
    """Ids of the item and mean Observations of a PEG answer: the same in every export."""
    base = uuid.UUID(record.id)
    names = (*PEG_ITEM_LOINC, "mean")
    return {name: str(uuid.uuid5(base, f"peg-{name}")) for name in names}


def _peg(record: PegAnswer) -> Iterator[dict[str, Any]]:
    ids = peg_member_ids(record)
    panel = _record_resource(record, "survey")
    panel["code"] = _code(_loinc(PEG_PANEL_LOINC), _kind_coding(record), text="PEG")
    panel["effectiveDateTime"] = record.at.isoformat()
    panel["hasMember"] = [{"reference": f"urn:uuid:{ids[name]}"} for name in ids]
    yield panel
    for name, loinc in PEG_ITEM_LOINC.items():
        member = _base(record, ids[name], "survey")
        member["code"] = _code(_loinc(loinc), text=loinc[1])
        member["effectiveDateTime"] = record.at.isoformat()
        member["valueQuantity"] = _score(getattr(record, name))
        yield member
    mean = _base(record, ids["mean"], "survey")
    mean["code"] = _code(_loinc(PEG_MEAN_LOINC), text="PEG score (mean of the three items)")
    mean["effectiveDateTime"] = record.at.isoformat()
    mean["valueQuantity"] = _score(round(record.score, 2))
    mean["derivedFrom"] = [{"reference": f"urn:uuid:{ids[name]}"} for name in PEG_ITEM_LOINC]
    yield mean


def _session(record: SessionRun) -> dict[str, Any]:
    resource = _record_resource(record, "activity")
    if record.outcome == "in_progress":
        resource["status"] = "preliminary"
    resource["code"] = _code(_kind_coding(record), text=f"Guided session: {record.plan_id}")
    resource["effectiveDateTime"] = record.at.isoformat()
    resource["valueQuantity"] = _minutes(record.duration_s)
    parts = [
        _component("session-plan", "Session plan", valueString=record.plan_id),
        _component("session-outcome", "How the session went", **_outcome(record.outcome)),
        _component(
            "steps-done",
            "Exercise steps done",
            valueInteger=sum(1 for step in record.steps if not step.skipped),
        ),
    ]
    if record.ended_at is not None:
        parts.append(
            _component("session-ended", "Session ended", valueDateTime=record.ended_at.isoformat())
        )
    if record.pre_pain is not None:
        parts.append(
            _component(
                "pre-session-pain",
                "Pain before the session (0 to 10)",
                valueQuantity=_score(record.pre_pain),
            )
        )
    if record.post_pain is not None:
        parts.append(
            _component(
                "post-session-pain",
                "Pain after the session (0 to 10)",
                valueQuantity=_score(record.post_pain),
            )
        )
    if record.stop_reason.strip():
        parts.append(
            _component("stop-reason", "Why the session stopped", valueString=record.stop_reason)
        )
    resource["component"] = parts
    return resource


def _posture_break(record: PostureBreak) -> dict[str, Any]:
    resource = _record_resource(record, "activity")
    resource["code"] = _code(_kind_coding(record), text="Posture break")
    resource["effectiveDateTime"] = record.at.isoformat()
    resource["valueQuantity"] = _minutes(record.duration_s)
    parts = [_component("break-outcome", "How the break went", **_outcome(record.outcome))]
    if record.routine_id is not None:
        parts.append(_component("break-routine", "Routine", valueString=record.routine_id))
    resource["component"] = parts
    return resource


def _outcome(value: str) -> dict[str, Any]:
    return {"valueCodeableConcept": _concept(value)}


# Reading -----------------------------------------------------------------


def looks_like_json(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").startswith("{")


def read_fhir(data: bytes) -> list[Entry]:
    """Entries of a Bundle this app wrote; ImportFileError when the file as a whole is unusable."""
    try:
        bundle = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as error:
        raise ImportFileError(
            f"The file is not valid JSON ({error}): it looks damaged or cut short. "
            "Nothing was imported."
        ) from None
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise ImportFileError(
            "The file is JSON but not a FHIR Bundle, so it is not an export of this app. "
            "Nothing was imported."
        )
    raw_entries = bundle.get("entry", [])
    if not isinstance(raw_entries, list) or not all(isinstance(e, dict) for e in raw_entries):
        raise ImportFileError(
            "The Bundle's entries are not a list of entries: the file looks damaged. "
            "Nothing was imported."
        )
    resources = [entry.get("resource") for entry in raw_entries]
    ours = [_record_doc(resource) is not None for resource in resources]
    if raw_entries and not any(ours):
        raise ImportFileError(
            "This FHIR Bundle was not made by this app: none of its entries holds a diary "
            "record of it. Nothing was imported."
        )
    # A PEG answer's item and mean Observations are parts of it, not records.
    members = {
        member.get("reference")
        for resource, is_ours in zip(resources, ours, strict=True)
        if is_ours
        for member in _list(resource, "hasMember")
        if isinstance(member, dict)
    }
    entries = []
    for index, (raw, resource) in enumerate(zip(raw_entries, resources, strict=True), start=1):
        if raw.get("fullUrl") in members:
            continue
        entries.append(_entry(f"entry {index}", resource))
    return entries


def _list(element: Any, name: str) -> list[Any]:
    """``element[name]`` if it is a list; a damaged or hand-made file may hold anything."""
    value = element.get(name) if isinstance(element, dict) else None
    return value if isinstance(value, list) else []


def _record_doc(resource: Any) -> str | None:
    for extension in _list(resource, "extension"):
        if isinstance(extension, dict) and extension.get("url") == RECORD_EXTENSION:
            value = extension.get("valueString")
            return value if isinstance(value, str) else None
    return None


def _entry(where: str, resource: Any) -> Entry:
    if not isinstance(resource, dict):
        return Entry(where, problem="has no resource")
    resource_id = str(resource.get("id", ""))
    if resource.get("resourceType") != "Observation":
        kind = resource.get("resourceType", "resource without a type")
        return Entry(where, record_id=resource_id, problem=f"is a {kind}, not an Observation")
    text = _record_doc(resource)
    if text is None:
        return Entry(where, record_id=resource_id, problem="holds no diary record of this app")
    kinds = [
        KIND_OF_CODE[c["code"]]
        for c in _list(resource.get("code"), "coding")
        if isinstance(c, dict) and c.get("system") == CODE_SYSTEM and c.get("code") in KIND_OF_CODE
    ]
    if len(kinds) != 1:
        return Entry(
            where, record_id=resource_id, problem="does not say which kind of record it is"
        )
    kind = KIND_CLASS[kinds[0]]
    try:
        doc = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        return Entry(
            where, kind.KIND, resource_id, problem=f"its diary record is damaged ({error})"
        )
    if not isinstance(doc, dict):
        return Entry(where, kind.KIND, resource_id, problem="its diary record is not a JSON object")
    if doc.get("id") != resource_id:
        return Entry(
            where, kind.KIND, resource_id, problem="its id and its diary record's id differ"
        )
    return entry_from_doc(where, kind, doc)
