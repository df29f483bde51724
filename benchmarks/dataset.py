"""The benchmark's data dir: 10 years of heavy history, seeded once and cached.

The cache key hashes the generator's source, the bundled content it takes its
plans from, the seeding parameters and today's date, so a change to how
history is made reseeds, and a rerun of `make bench` the same day does not.
The date is in the key because the history ends today: the current year file,
which the store opens at start, is as full as a real diary's is today.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from lbp_desktop import demo_seed, paths
from lbp_desktop.domain import demo_history, records

DAYS = 3650
PROFILE = "heavy"
SEED = 7
_META = "seed-report.json"


@dataclass(frozen=True)
class Dataset:
    data_dir: Path
    seconds: float  # how long seeding took (when it was done)
    records: int
    seeded_at: str
    cached: bool


def cache_key(today: date) -> str:
    digest = hashlib.sha256(f"{DAYS}:{PROFILE}:{SEED}:{today.isoformat()}".encode())
    sources = [Path(m.__file__ or "") for m in (demo_history, demo_seed, records)]
    sources += sorted(paths.content_dir().rglob("*.toml"))
    for source in sources:
        digest.update(source.as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _opens(data_dir: Path) -> bool:
    """The cached data still opens with today's store (its format may have moved on)."""
    from lbp_desktop.storage.errors import StoreError
    from lbp_desktop.storage.store import Store

    try:
        Store.open(data_dir, read_only=True).close()
    except (StoreError, OSError):
        return False
    return True


def prepare(cache_root: Path, *, reseed: bool = False) -> Dataset:
    key = cache_key(date.today())
    home = cache_root / key
    meta_path = home / _META
    if not reseed and meta_path.is_file() and _opens(home / "data"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return Dataset(home / "data", meta["seconds"], meta["records"], meta["seeded_at"], True)

    cache_root.mkdir(parents=True, exist_ok=True)
    # Seed beside the cache and move it in at the end: an interrupted run
    # leaves no half-seeded cache behind.
    scratch = Path(tempfile.mkdtemp(prefix="seeding-", dir=cache_root))
    try:
        report = demo_seed.seed_demo(scratch / "data", days=DAYS, profile=PROFILE, seed=SEED)
        meta = {
            "seconds": report.seconds,
            "records": report.total,
            "seeded_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "summary": report.summary(),
        }
        (scratch / _META).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        for old in cache_root.iterdir():
            # Other keys are stale generator versions; one cache is enough.
            if old.is_dir() and old != scratch and not old.name.startswith("work-"):
                shutil.rmtree(old, ignore_errors=True)
        scratch.rename(home)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return Dataset(home / "data", meta["seconds"], meta["records"], meta["seeded_at"], False)
