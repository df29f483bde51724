"""Record ids: canonical UUIDs pass as they are, others are normalised or refused."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from lbp_desktop.domain.records import PainCheckIn, ValidationError, check_uuid

AT = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_the_canonical_form_is_kept_and_others_are_normalised() -> None:
    ident = str(uuid.uuid4())
    assert check_uuid("pain_checkin", ident) == ident
    assert check_uuid("pain_checkin", ident.upper()) == ident
    assert check_uuid("pain_checkin", "{" + ident + "}") == ident
    assert check_uuid("pain_checkin", ident.replace("-", "")) == ident
    assert PainCheckIn(at=AT, score=3, id=ident.upper()).id == ident


BAD = ["", "not-a-uuid", "12345678-1234-1234-1234-12345678901g", 42, None]


@pytest.mark.parametrize("bad", BAD)
def test_anything_else_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="must be a UUID"):
        check_uuid("pain_checkin", bad)
