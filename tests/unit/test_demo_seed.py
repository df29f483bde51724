"""seed_demo against the real store: writes by year, refuses a diary, --force adds."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from lbp_desktop.demo_seed import DataDirNotEmpty, SeedReport, seed_demo
from lbp_desktop.domain.demo_history import DEFAULT_PLANS, generate_history
from lbp_desktop.domain.records import RECORD_KINDS, PainCheckIn, SessionRun

store_module = pytest.importorskip("lbp_desktop.storage.store")
Store = store_module.Store

BERLIN = ZoneInfo("Europe/Berlin")
# Early January: two weeks of history span two year files.
NOW = datetime(2026, 1, 8, 12, 30, tzinfo=BERLIN)


def seed(data_dir: Path, **kwargs: object) -> SeedReport:
    options: dict[str, object] = {"days": 14, "profile": "heavy", "now": NOW, "plans": None}
    options.update(kwargs)
    return seed_demo(data_dir, **options)  # type: ignore[arg-type]


def test_seed_writes_every_record_into_its_year(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    report = seed(data_dir, plans=DEFAULT_PLANS)
    assert report.years == (2025, 2026)
    assert report.total > 14 * 11
    assert report.plans_from == "given"
    with Store.open(data_dir, read_only=True) as store:
        assert sorted(store.years()) == [2025, 2026]
        for kind in RECORD_KINDS:
            assert store.count(kind) == report.counts.get(kind.KIND, 0)
        runs = store.records(SessionRun)
        checkins = store.records(PainCheckIn)
        # The made-up person's plan: three sessions a day planned.
        assert store.get_setting("sessions_per_week") == 21
        history = store.get_setting("sessions_per_week_history")
        assert history == [{"from": (NOW.date() - timedelta(days=13)).isoformat(), "goal": 21}]
    assert all(r.at <= NOW for r in [*runs, *checkins])
    expected = [
        r
        for r in generate_history(
            days=14,
            profile="heavy",
            end=NOW.date(),
            tz=BERLIN,
            seed=7,
            plans=DEFAULT_PLANS,
            not_after=NOW,
        )
        if isinstance(r, SessionRun)
    ]
    # What comes back is what was generated (the store adds its timestamps).
    assert [r.id for r in runs] == [r.id for r in expected]
    assert [r.steps for r in runs] == [r.steps for r in expected]
    assert [(r.at, r.pre_pain, r.post_pain) for r in runs] == [
        (r.at, r.pre_pain, r.post_pain) for r in expected
    ]
    assert "2025-2026" in report.summary()


def test_seed_refuses_a_data_dir_with_records(tmp_path: Path) -> None:
    data_dir = tmp_path / "diary"
    with Store.open(data_dir) as store:
        store.add(PainCheckIn(at=NOW - timedelta(days=1), score=4))
    with pytest.raises(DataDirNotEmpty, match="--force") as caught:
        seed(data_dir, days=3)
    assert caught.value.records == 1
    with Store.open(data_dir, read_only=True) as store:
        assert store.count(PainCheckIn) == 1  # nothing was written


def test_force_adds_beside_existing_records(tmp_path: Path) -> None:
    data_dir = tmp_path / "diary"
    first = seed(data_dir, days=3, profile="light")
    with pytest.raises(DataDirNotEmpty):
        seed(data_dir, days=3, profile="light")
    second = seed(data_dir, days=3, profile="light", force=True, seed=8)
    with Store.open(data_dir, read_only=True) as store:
        total = sum(store.count(kind) for kind in RECORD_KINDS)
    assert total == first.total + second.total


def test_a_year_of_light_history_round_trips(tmp_path: Path) -> None:
    report = seed(tmp_path / "year", days=365, profile="light")
    assert report.years == (2025, 2026)
    with Store.open(tmp_path / "year", read_only=True) as store:
        checkins = store.records(PainCheckIn, since=date(2025, 3, 1), until=date(2025, 3, 31))
    assert len(checkins) == 31
    assert {c.at.utcoffset() for c in checkins} == {timedelta(hours=1), timedelta(hours=2)}


def test_unknown_profile_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="profile"):
        seed(tmp_path / "nothing", profile="medium")
    assert not (tmp_path / "nothing").exists()
