"""Records and small tools shared by the export and import tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import orjson

from lbp_desktop.demo_seed import seed_demo
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.demo_history import DEFAULT_PLANS
from lbp_desktop.domain.records import (
    RECORD_KINDS,
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
    StepRecord,
)
from lbp_desktop.storage.codec import encode
from lbp_desktop.storage.store import Store

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = timezone(timedelta(hours=-5))
CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=CET)
TRICKY_NOTE = 'Rücken, "stechend"; links\nzweite Zeile, 痛み ☃ =1+1'


def sample_records() -> list[Record]:
    """One of each kind and shape: notes, extras, steps with extras, empty and unset values."""
    start = datetime(2026, 1, 5, 8, 0, 30, 123456, tzinfo=CET)
    step = StepRecord(
        exercise_id="bridge",
        started_at=start + timedelta(seconds=20),
        ended_at=start + timedelta(seconds=95),
        planned_s=70.0,
        done_s=69.2,
        side="left",
        reps=8,
        feedback="about_right",
        extra={"tempo": "slow", "hold_s": [3, 3.5]},
    )
    skipped = StepRecord(
        exercise_id="bird-dog",
        started_at=start + timedelta(seconds=100),
        ended_at=start + timedelta(seconds=100),
        planned_s=48,
        done_s=0,
        skipped=True,
    )
    run = SessionRun(
        at=start,
        plan_id="core-builder",
        outcome="stopped_for_pain",
        ended_at=start + timedelta(minutes=3),
        pre_pain=3,
        post_pain=6,
        stop_reason="Pain went up by 3 points",
        steps=(step, skipped),
        extra={"device": {"name": "laptop", "dpi": 1.5}},
    )
    return [
        run,
        PainCheckIn(
            at=start - timedelta(minutes=1), score=3, context="before_session", run_id=run.id
        ),
        PainCheckIn(
            at=datetime(2026, 1, 5, 23, 30, tzinfo=NEW_YORK),  # 6 January in UTC
            score=7,
            area="leg_left",
            note=TRICKY_NOTE,
            extra={"mood": 2, "flag": True, "ratio": 1.0},
        ),
        PainCheckIn(at=datetime(2026, 1, 6, 7, 15, tzinfo=BERLIN), score=0),
        PegAnswer(
            at=datetime(2026, 1, 4, 19, 3, 48, tzinfo=BERLIN), pain=6, enjoyment=4, activity=4
        ),
        SessionRun(at=datetime(2026, 1, 6, 18, 0, tzinfo=CET), plan_id="desk-reset"),
        PostureBreak(at=datetime(2026, 1, 5, 11, 0, tzinfo=CET), outcome="taken", duration_s=204.1),
        PostureBreak(
            at=datetime(2026, 1, 5, 15, 0, tzinfo=CET),
            outcome="snoozed",
            duration_s=0,
            routine_id="guided-body-scan",
        ),
    ]


def stored_samples(data_dir: Path, clock: FakeClock | None = None) -> list[Record]:
    """The samples as the store keeps them (created_at/updated_at set)."""
    with Store.open(data_dir, clock=clock or FakeClock(NOW)) as store:
        return [store.add(record) for record in sample_records()]


def seeded_history(data_dir: Path, days: int = 21) -> None:
    """Made-up history as `seed-demo --profile heavy` writes it, plus the samples."""
    seed_demo(data_dir, days=days, profile="heavy", now=NOW, tz=BERLIN, seed=3, plans=DEFAULT_PLANS)
    stored_samples(data_dir)


def doc_bytes(record: Record) -> bytes:
    """The record exactly as the diary would store it: offsets, 1 vs 1.0, extras, steps."""
    return orjson.dumps(encode(record), option=orjson.OPT_SORT_KEYS)


def diary(data_dir: Path) -> dict[tuple[str, str], bytes]:
    """Every record of a diary, as (kind, id) -> exact document."""
    with Store.open(data_dir, read_only=True) as store:
        return {
            (kind.KIND, record.id): doc_bytes(record)
            for kind in RECORD_KINDS
            for record in store.records(kind)
        }
