"""The D-Bus idle backends against stand-in desktop services on a PRIVATE bus.

The stand-ins answer with the real types: GNOME's Mutter idle monitor a
uint64 and ``org.freedesktop.ScreenSaver`` a uint32, both milliseconds (as
GNOME and KDE do). The real session bus is never touched: every call below
names the private bus or an environment without one.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pytest

from lbp_desktop.services.idle import find_idle_source, idle_status_text
from lbp_desktop.services.idle.dbus import MUTTER, SCREENSAVER
from tests.dbus_session import private_session_bus

pytestmark = pytest.mark.slow

STAND_IN = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusVirtualObject

address, values_path, services = sys.argv[1], Path(sys.argv[2]), sys.argv[3].split(",")
app = QCoreApplication(sys.argv)


def value(key):
    return json.loads(values_path.read_text())[key]


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class Mutter(QObject):
    @Slot(result="qulonglong")  # D-Bus 't', as Mutter's GetIdletime
    def GetIdletime(self):
        return value("mutter_ms")


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(result="uint")  # D-Bus 'u', as KDE's GetSessionIdleTime
    def GetSessionIdleTime(self):
        return value("screensaver_ms")


class NotSupported(QDBusVirtualObject):
    # What Plasma on Wayland answers.
    def introspect(self, path):
        return ""

    def handleMessage(self, message, connection):
        connection.send(message.createErrorReply(
            "org.freedesktop.DBus.Error.NotSupported",
            "GetSessionIdleTime is not supported on this platform"))
        return True


bus = QDBusConnection.connectToBus(address, "stand-in")
export = QDBusConnection.RegisterOption.ExportAllSlots
objects = {
    "mutter": ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", Mutter()),
    "screensaver": ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", ScreenSaver()),
    "screensaver-old-path": ("org.freedesktop.ScreenSaver", "/ScreenSaver", ScreenSaver()),
    "screensaver-not-supported": (
        "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", NotSupported()),
}
ok = True
for name in filter(None, services):
    service, path, obj = objects[name]
    if isinstance(obj, QDBusVirtualObject):
        ok = bus.registerVirtualObject(path, obj) and ok
    else:
        ok = bus.registerObject(path, obj, export) and ok
    ok = bus.registerService(service) and ok
print("ready" if ok else "failed", flush=True)
sys.exit(app.exec())
"""


def _first_line(stream: IO[str], timeout: float) -> str:
    ready, _, _ = select.select([stream], [], [], timeout)
    assert ready, "no answer from the helper process"
    return stream.readline().strip()


@contextmanager
def _process(args: list[str], **popen: object) -> Iterator[subprocess.Popen[str]]:
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, **popen
    ) as proc:  # type: ignore[call-overload]
        try:
            yield proc
        finally:
            proc.terminate()


@pytest.fixture
def bus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private session bus; nothing real runs on it."""
    with private_session_bus(tmp_path_factory.mktemp("bus")) as address:
        yield address


class Desktop:
    """Stand-in desktop services on the private bus, with idle values we set."""

    def __init__(self, bus: str, folder: Path) -> None:
        self.bus = bus
        self._script = folder / "stand_in.py"
        self._script.write_text(STAND_IN)
        self._values = folder / "values.json"
        self.set(mutter_ms=0, screensaver_ms=0)

    def set(self, **values: int) -> None:
        current = json.loads(self._values.read_text()) if self._values.exists() else {}
        self._values.write_text(json.dumps(current | values))

    @contextmanager
    def running(self, *services: str) -> Iterator[subprocess.Popen[str]]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        args = [sys.executable, str(self._script), self.bus, str(self._values), ",".join(services)]
        with _process(args, env=env) as proc:
            assert proc.stdout is not None
            assert _first_line(proc.stdout, 30) == "ready"
            yield proc


@pytest.fixture
def desktop(bus: str, tmp_path: Path) -> Desktop:
    return Desktop(bus, tmp_path)


def test_gnome_idle_monitor_comes_first_and_answers_in_milliseconds(qapp, desktop: Desktop) -> None:
    desktop.set(mutter_ms=90_500, screensaver_ms=4_000)
    with desktop.running("mutter", "screensaver"):
        source = find_idle_source("wayland", bus_address=desktop.bus)
        assert source is not None and source.name == MUTTER.name
        assert source.seconds_idle() == pytest.approx(90.5)
        desktop.set(mutter_ms=1_200)  # the user came back
        assert source.seconds_idle() == pytest.approx(1.2)
        assert MUTTER.name in idle_status_text(source)
    # GNOME Shell restarting: no answer for a moment, not an exception.
    assert source.seconds_idle() is None
    desktop.set(mutter_ms=2_000)
    with desktop.running("mutter"):
        assert source.seconds_idle() == pytest.approx(2.0)
    source.close()
    assert source.seconds_idle() is None


def test_the_screen_saver_service_when_there_is_no_mutter(qapp, desktop: Desktop) -> None:
    desktop.set(screensaver_ms=7_000)  # KDE Plasma on X11
    with desktop.running("screensaver"):
        source = find_idle_source("wayland", bus_address=desktop.bus)
        assert source is not None and source.name == SCREENSAVER.name
        assert source.seconds_idle() == pytest.approx(7.0)
        desktop.set(screensaver_ms=3_999_999_000)  # beyond int32: a true uint32 comes through
        assert source.seconds_idle() == pytest.approx(3_999_999.0)
        source.close()


def test_the_older_screen_saver_path_is_found(qapp, desktop: Desktop) -> None:
    desktop.set(screensaver_ms=61_000)
    with desktop.running("screensaver-old-path"):
        source = find_idle_source("wayland", bus_address=desktop.bus)
        assert source is not None and source.seconds_idle() == pytest.approx(61.0)
        source.close()


@pytest.mark.parametrize(
    ("services", "values"),
    [
        pytest.param((), {}, id="no-desktop-service"),
        pytest.param(("screensaver-not-supported",), {}, id="plasma-on-wayland"),
        pytest.param(("screensaver",), {"screensaver_ms": 0}, id="stub-always-zero"),
        pytest.param(("mutter",), {"mutter_ms": 2**64 - 1}, id="nonsense-value"),
    ],
)
def test_services_that_cannot_tell_are_not_counted(
    qapp, desktop: Desktop, services: tuple[str, ...], values: dict[str, int]
) -> None:
    desktop.set(**values)
    with desktop.running(*services):
        source = find_idle_source("wayland", bus_address=desktop.bus)
    assert source is None
    assert "not noticed" in idle_status_text(source)


def test_the_bus_comes_from_the_environment_given(qapp, desktop: Desktop, tmp_path: Path) -> None:
    desktop.set(mutter_ms=5_000)
    with desktop.running("mutter"):
        env = {"WAYLAND_DISPLAY": "wayland-0", "DBUS_SESSION_BUS_ADDRESS": desktop.bus}
        source = find_idle_source("wayland", env=env)
        assert source is not None and source.seconds_idle() == pytest.approx(5.0)
        source.close()
        # No bus named anywhere (and no XDG_RUNTIME_DIR/bus): nothing, quietly.
        assert find_idle_source("wayland", env={"XDG_RUNTIME_DIR": str(tmp_path)}) is None
        assert find_idle_source("wayland", env={}, bus_address="unix:path=/nonexistent") is None


def test_offscreen_needs_no_bus_at_all(qapp) -> None:
    # The test session runs offscreen: the default platform name says so.
    assert find_idle_source() is None
