"""Delete all my data: the app's own files go, everything else in the folder stays."""

from __future__ import annotations

import ast
import os
import shutil
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_helpers import tree

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.storage import wipe
from lbp_desktop.storage.backups import list_backups, make_backup
from lbp_desktop.storage.errors import StoreLocked
from lbp_desktop.storage.layout import LOCK_FILE, RECORDS_DIR, SETTINGS_FILE, UNREADABLE_DIR
from lbp_desktop.storage.store import Store
from lbp_desktop.storage.verified import VERIFIED_FILE
from lbp_desktop.storage.wipe import WINDOW_STATE_FILE, WipeIncomplete, delete_all_data

APP_SOURCE = Path(__file__).resolve().parents[3] / "lbp_desktop" / "app.py"
links_work = pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")


def fill_with_a_diary(data_dir: Path, clock: FakeClock) -> None:
    """Every kind of file the app makes in its data dir, as it makes them."""
    with Store.open(data_dir, clock=clock) as store:
        store.add(PainCheckIn(at=clock.now(), score=4, note="after gardening"))
        store.set_setting("theme", "dark")
    make_backup(data_dir, now=clock.now(), kind="manual")
    plans = data_dir / "plans"
    plans.mkdir()
    (plans / "from-my-physio.toml").write_text("# a plan\n")
    aside = data_dir / UNREADABLE_DIR
    aside.mkdir()
    (aside / "2025.json").write_text("{not json")
    (data_dir / WINDOW_STATE_FILE).write_text("[General]\ngeometry=1\n")
    (data_dir / f"{WINDOW_STATE_FILE}.lock").write_text("4242\n")
    (data_dir / f".{SETTINGS_FILE}.k2j3h4.tmp").write_text("{")  # an interrupted write


def test_a_full_diary_is_removed_and_the_folder_is_left(data_dir: Path, clock: FakeClock) -> None:
    fill_with_a_diary(data_dir, clock)
    assert (data_dir / VERIFIED_FILE).is_file()  # the store made one: it must go too
    assert list_backups(data_dir)

    removed = delete_all_data(data_dir)

    assert data_dir.is_dir()
    assert tree(data_dir) == set()
    assert {path.name for path in removed} == {
        RECORDS_DIR,
        "plans",
        UNREADABLE_DIR,
        "backups",
        SETTINGS_FILE,
        VERIFIED_FILE,
        WINDOW_STATE_FILE,
        f"{WINDOW_STATE_FILE}.lock",
        f".{SETTINGS_FILE}.k2j3h4.tmp",
        LOCK_FILE,
    }
    assert all(path.parent == data_dir for path in removed)


def test_the_diary_goes_first(data_dir: Path, clock: FakeClock) -> None:
    # Stopped half-way, what the person asked for most is already gone.
    fill_with_a_diary(data_dir, clock)
    names = [path.name for path in delete_all_data(data_dir)]
    assert names.index(RECORDS_DIR) < names.index("backups")
    assert names[-1] == LOCK_FILE


def test_files_the_person_put_there_stay(data_dir: Path, clock: FakeClock) -> None:
    fill_with_a_diary(data_dir, clock)
    (data_dir / "my notes.txt").write_text("ask the physio about the bridge")
    (data_dir / "scans").mkdir()
    (data_dir / "scans" / "mri.pdf").write_bytes(b"%PDF-1.4")
    (data_dir / ".notes.txt.x1.tmp").write_text("not one of ours")
    (data_dir / "settings.json.bak").write_text("{}")  # a copy made by hand

    delete_all_data(data_dir)

    assert tree(data_dir) == {
        "my notes.txt",
        "scans",
        "scans/mri.pdf",
        ".notes.txt.x1.tmp",
        "settings.json.bak",
    }
    assert (data_dir / "my notes.txt").read_text() == "ask the physio about the bridge"


@links_work
def test_links_go_and_what_they_point_to_stays(tmp_path: Path, data_dir: Path) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "plans").mkdir(parents=True)
    (outside / "plans" / "shared.toml").write_text("# shared with the clinic")
    (outside / "old-settings.json").write_text('{"settings": {}}')
    (outside / "2024.json").write_text("{}")
    data_dir.mkdir()
    (data_dir / "plans").symlink_to(outside / "plans", target_is_directory=True)
    (data_dir / SETTINGS_FILE).symlink_to(outside / "old-settings.json")
    (data_dir / RECORDS_DIR).mkdir()
    (data_dir / RECORDS_DIR / "2024.json").symlink_to(outside / "2024.json")
    (data_dir / LOCK_FILE).symlink_to(outside / "lock-target")

    removed = delete_all_data(data_dir)

    assert tree(data_dir) == set()
    assert {path.name for path in removed} == {"plans", SETTINGS_FILE, RECORDS_DIR, LOCK_FILE}
    assert (outside / "plans" / "shared.toml").read_text() == "# shared with the clinic"
    assert (outside / "old-settings.json").read_text() == '{"settings": {}}'
    assert (outside / "2024.json").read_text() == "{}"
    assert not (outside / "lock-target").exists()  # never opened, so never created


def test_an_open_store_is_refused_and_nothing_is_touched(data_dir: Path, clock: FakeClock) -> None:
    fill_with_a_diary(data_dir, clock)
    with Store.open(data_dir, clock=clock):
        before = tree(data_dir)  # opening tidies away the interrupted write
        with pytest.raises(StoreLocked):
            delete_all_data(data_dir)
        assert tree(data_dir) == before
    assert (data_dir / RECORDS_DIR / "2026.json").is_file()


def test_a_fresh_store_opens_empty_afterwards(data_dir: Path, clock: FakeClock) -> None:
    fill_with_a_diary(data_dir, clock)
    delete_all_data(data_dir)
    with Store.open(data_dir, clock=clock) as store:
        assert store.count(PainCheckIn) == 0
        assert store.get_setting("theme") is None
        assert store.years() == []
    assert list_backups(data_dir) == []


def test_no_folder_or_an_empty_one_is_nothing_to_do(tmp_path: Path) -> None:
    assert delete_all_data(tmp_path / "never-made") == []
    assert not (tmp_path / "never-made").exists()  # not created just to be emptied
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [path.name for path in delete_all_data(empty)] == [LOCK_FILE]
    assert tree(empty) == set()


def test_what_could_not_go_is_named_and_the_rest_goes(
    data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_with_a_diary(data_dir, clock)
    real_rmtree = shutil.rmtree

    def stubborn_backups(path, *args, **kwargs):
        if Path(path).name == "backups":
            raise PermissionError(13, "Permission denied", str(path))
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(wipe.shutil, "rmtree", stubborn_backups)
    with pytest.raises(WipeIncomplete) as caught:
        delete_all_data(data_dir)

    error = caught.value
    assert [(item.path.name, item.reason) for item in error.left] == [
        ("backups", "Permission denied")
    ]
    assert "could not be deleted: backups" in str(error)
    assert RECORDS_DIR in {path.name for path in error.removed}
    assert {path.split("/")[0] for path in tree(data_dir)} == {"backups"}


def test_the_window_state_file_is_the_one_the_app_writes() -> None:
    # app.py is Qt code, so the name is repeated in wipe.py; they must agree.
    assignments = {
        target.id: node.value.value
        for node in ast.walk(ast.parse(APP_SOURCE.read_text()))
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert assignments["WINDOW_STATE_FILE"] == WINDOW_STATE_FILE


OURS = {*wipe.OWN_DIRS, *wipe.OWN_FILES, LOCK_FILE}
stranger_names = st.text(alphabet=string.ascii_letters + string.digits + "._- ", min_size=1).filter(
    lambda name: name not in OURS and name not in {".", ".."} and name.strip() == name
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.sets(stranger_names, min_size=1, max_size=5))
def test_any_file_with_another_name_stays(tmp_path: Path, names: set[str]) -> None:
    data_dir = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example: tmp_path is shared
    (data_dir / SETTINGS_FILE).write_text("{}")
    for name in names:
        (data_dir / name).write_text(name)
    delete_all_data(data_dir)
    kept = {path.name for path in data_dir.iterdir()}
    # Only a leftover of one of our own interrupted writes may go.
    assert kept == {name for name in names if not wipe._temp_of_ours(name)}
    assert all((data_dir / name).read_text() == name for name in kept)
