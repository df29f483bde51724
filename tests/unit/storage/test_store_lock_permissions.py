"""One writer at a time; read-only really writes nothing; private files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from storage_helpers import snapshot, tree

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.storage.backups import make_backup
from lbp_desktop.storage.errors import ReadOnlyStore, StoreLocked
from lbp_desktop.storage.store import Store

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_data_dir_is_0700_and_files_0600(data_dir: Path, clock: FakeClock) -> None:
    old_umask = os.umask(0o022)
    try:
        with Store.open(data_dir, clock=clock) as store:
            store.add(PainCheckIn(at=clock.now(), score=3))
            store.set_setting("theme", "dark")
        make_backup(data_dir, now=clock.now())
    finally:
        os.umask(old_umask)
    for path in [data_dir, *data_dir.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, path


def test_second_writer_in_process_is_refused(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock):
        with pytest.raises(StoreLocked) as caught:
            Store.open(data_dir, clock=clock)
        assert "already open" in str(caught.value)
    with Store.open(data_dir, clock=clock):  # released on close
        pass


def test_second_writer_in_another_process_is_refused(data_dir: Path, clock: FakeClock) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from lbp_desktop.storage.store import Store\n"
        "from lbp_desktop.storage.errors import StoreLocked\n"
        "try:\n"
        "    Store.open(Path(sys.argv[1])).close()\n"
        "except StoreLocked:\n"
        "    print('locked')\n"
        "else:\n"
        "    print('opened')\n"
    )
    root = Path(__file__).resolve().parents[3]

    def other() -> str:
        result = subprocess.run(
            [sys.executable, "-c", code, str(data_dir)],
            capture_output=True, text=True, check=True, cwd=root, timeout=60,
        )  # fmt: skip
        return result.stdout.strip()

    with Store.open(data_dir, clock=clock):
        assert other() == "locked"
    assert other() == "opened"


def test_read_only_store_reads_and_refuses_writes(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        added = store.add(PainCheckIn(at=clock.now(), score=3))
        store.set_setting("theme", "dark")
    before = snapshot(data_dir)
    with Store.open(data_dir, clock=clock) as writer:  # noqa: SIM117 - a writer is running
        with Store.open(data_dir, clock=clock, read_only=True) as reader:
            assert reader.read_only and not writer.read_only
            assert reader.get(PainCheckIn, added.id) == added
            assert reader.get_setting("theme") == "dark"
            attempts = [
                lambda: reader.add(PainCheckIn(at=clock.now(), score=1)),
                lambda: reader.add_many([PainCheckIn(at=clock.now(), score=1)]),
                lambda: reader.update(added.replace(score=5)),
                lambda: reader.delete(PainCheckIn, added.id),
                lambda: reader.set_setting("theme", "light"),
            ]
            for attempt in attempts:
                with pytest.raises(ReadOnlyStore) as caught:
                    attempt()
                assert "read-only" in str(caught.value)
    assert snapshot(data_dir) == before


def test_read_only_store_creates_nothing(tmp_path: Path, clock: FakeClock) -> None:
    missing = tmp_path / "nowhere"
    with Store.open(missing, clock=clock, read_only=True) as store:
        assert store.records(PainCheckIn) == []
        assert store.get_setting("theme", "system") == "system"
        assert store.years() == []
    assert not missing.exists()


def test_read_only_store_writes_no_file_at_all(data_dir: Path, clock: FakeClock) -> None:
    with Store.open(data_dir, clock=clock) as store:
        store.add(PainCheckIn(at=clock.now(), score=3))
    for name in ("lbp-desktop.lock", ".verified.json"):
        (data_dir / name).unlink()
    names, before = tree(data_dir), snapshot(data_dir)
    with Store.open(data_dir, clock=clock, read_only=True) as store:
        store.records(PainCheckIn)
        store.count(PainCheckIn)
    assert tree(data_dir) == names and snapshot(data_dir) == before
