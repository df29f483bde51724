"""JsonFileStorage under TinyDB: cached, written through, rolled back on failure."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from lbp_desktop.storage import json_storage
from lbp_desktop.storage.errors import ReadOnlyStore, UnreadableDataFile
from lbp_desktop.storage.json_storage import JsonFileStorage


def open_db(path: Path, **kwargs: object) -> TinyDB:
    return TinyDB(path, storage=JsonFileStorage, **kwargs)


def test_reads_once_and_writes_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real(self))
    db.table("t").insert({"a": 1})
    db.table("t").insert({"a": 2})
    assert reads == []  # memory serves every read
    assert orjson.loads(path.read_bytes()) == {"t": {"1": {"a": 1}, "2": {"a": 2}}}


def test_missing_file_starts_from_initial_and_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = open_db(path, initial={"meta": {"v": {"n": 1}}})
    assert db.tables() == {"meta"}
    assert not path.exists()
    db.table("t").insert({"a": 1})
    assert set(orjson.loads(path.read_bytes())) == {"meta", "t"}


@pytest.mark.parametrize("content", [b"", b"{", b"[1, 2]", b"\x00\xff\xfe", b'{"t": '])
def test_unparsable_file_raises_and_is_never_written(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(UnreadableDataFile) as caught:
        open_db(path)
    assert caught.value.path == path
    assert "left exactly as it was" in str(caught.value)
    assert path.read_bytes() == content


def test_failed_write_restores_memory_from_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    table = db.table("t")
    table.insert({"a": 1})

    def full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_storage, "atomic_write_bytes", full)
    with pytest.raises(OSError):
        table.insert({"a": 2})
    with pytest.raises(OSError):
        table.update({"a": 99})  # TinyDB changes the documents in place first
    with pytest.raises(OSError):
        table.truncate()
    assert table.all() == [{"a": 1}]
    assert db.storage.read() == orjson.loads(path.read_bytes())


def test_batch_writes_once_and_rolls_back_on_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    db = open_db(path)
    storage = db.storage
    assert isinstance(storage, JsonFileStorage)
    writes: list[bytes] = []
    real = json_storage.atomic_write_bytes
    monkeypatch.setattr(
        json_storage, "atomic_write_bytes", lambda p, d: writes.append(d) or real(p, d)
    )
    with storage.batch():
        db.table("a").insert({"x": 1})
        db.table("b").insert({"y": 2})
    assert len(writes) == 1
    with pytest.raises(ValueError), storage.batch():
        db.table("a").insert({"x": 3})
        raise ValueError("caller changed its mind")
    assert len(writes) == 1
    assert db.table("a").all() == [{"x": 1}]


def test_read_only_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(b'{"t": {"1": {"a": 1}}}')
    db = open_db(path, read_only=True)
    assert db.table("t").all() == [{"a": 1}]
    with pytest.raises(ReadOnlyStore):
        db.table("t").insert({"a": 2})
    assert db.table("t").all() == [{"a": 1}]
    assert path.read_bytes() == b'{"t": {"1": {"a": 1}}}'
