"""One running app per user and data folder, over a local socket."""

from __future__ import annotations

import socket
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from lbp_desktop.services.single_instance import SingleInstance, instance_key


@pytest.fixture
def key() -> str:
    # Unique per test: tests may run side by side on one machine.
    return f"lbp-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def primary(qtbot, key: str):
    first = SingleInstance(key)
    assert first.try_become_primary()
    yield first
    first.close()


def test_second_instance_is_not_primary_and_its_message_arrives(qtbot, key, primary) -> None:
    second = SingleInstance(key)
    assert not second.try_become_primary()
    assert not second.is_primary
    with qtbot.waitSignal(primary.message_received, timeout=3000) as blocker:
        assert second.send_to_primary({"action": "activate"})
    assert blocker.args == [{"action": "activate"}]


def test_several_messages_in_a_row(qtbot, key, primary) -> None:
    received: list[dict] = []
    primary.message_received.connect(received.append)
    sender = SingleInstance(key)
    for n in range(3):
        assert sender.send_to_primary({"action": "activate", "n": n})
    qtbot.waitUntil(lambda: len(received) == 3, timeout=3000)
    assert sorted(m["n"] for m in received) == [0, 1, 2]


def test_garbage_is_ignored_and_the_server_keeps_working(qtbot, key, primary) -> None:
    rogue = QLocalSocket()
    rogue.connectToServer(key)
    assert rogue.waitForConnected(1000)
    rogue.write(b"\xff\xfe not json\n[1, 2]\n")
    rogue.waitForBytesWritten(1000)
    rogue.disconnectFromServer()
    with qtbot.waitSignal(primary.message_received, timeout=3000) as blocker:
        assert SingleInstance(key).send_to_primary({"action": "activate"})
    assert blocker.args == [{"action": "activate"}]


def test_sending_with_nobody_listening_fails_quietly(key) -> None:
    assert not SingleInstance(key).send_to_primary({"action": "activate"}, timeout_ms=200)


def test_after_the_primary_closes_the_next_one_takes_over(key) -> None:
    first = SingleInstance(key)
    assert first.try_become_primary()
    first.close()
    second = SingleInstance(key)
    assert second.try_become_primary()
    second.close()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_stale_socket_file_from_a_crash_is_recovered(key) -> None:
    # Find where Qt puts the socket, then leave a dead socket file there, as a
    # process killed with -9 would.
    probe = QLocalServer()
    assert probe.listen(key)
    path = Path(probe.fullServerName())
    probe.close()
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()
    assert path.exists()
    plain = QLocalServer()
    assert not plain.listen(key)  # this is what a naive second start would hit
    plain.close()

    instance = SingleInstance(key)
    assert instance.try_become_primary()
    instance.close()


def test_instance_key_is_short_stable_and_per_user_and_folder(tmp_path: Path) -> None:
    a = instance_key(tmp_path / "a", user="ann")
    assert a == instance_key(tmp_path / "a", user="ann")
    assert a != instance_key(tmp_path / "b", user="ann")
    assert a != instance_key(tmp_path / "a", user="bob")
    assert a.startswith("lbp-desktop-") and len(a) <= 40
    assert all(c.isalnum() or c == "-" for c in a)
