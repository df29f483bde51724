"""Start on login: this install starts hidden in the tray when the user signs in.

One entry per platform, each named after the app so we only ever touch our own:
- Linux and other XDG desktops: a desktop entry in ``$XDG_CONFIG_HOME/autostart``;
- Windows: a value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``;
- macOS: a LaunchAgent plist in ``~/Library/LaunchAgents``.

An entry counts as on only when it starts *this* command: one left by an old
install or a moved folder would start something else (or nothing), so the
toggle shows it as off and turning it on replaces it.

No Qt here: the Settings page asks, the files and the registry answer.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Protocol
from xml.parsers.expat import ExpatError

from lbp_desktop import APP_ID, APP_NAME
from lbp_desktop.storage.atomic import atomic_write_bytes

IN_TRAY_FLAG = "--in-tray"
# launchd wants a reverse-DNS label; the plist file is named after it.
LAUNCH_AGENT_LABEL = f"io.github.{APP_ID}"
RUN_KEY_PATH = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME = APP_ID
# GNOME (and others reading this key) wait this many seconds before starting
# us: the panel and its tray host start late, and a tray icon shown before
# they are up is lost or falls back to a window.
AUTOSTART_DELAY_S = 10

_XDG = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")
# Characters that force an Exec argument into double quotes (desktop entry spec, "The Exec key").
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes these four still need a backslash.
_EXEC_QUOTED_ESCAPES = frozenset('"`$\\')


class AutostartError(OSError):
    """Start on login could not be changed; ``str()`` is a plain sentence for the user."""


class AutostartState(Enum):
    OFF = "off"
    ON = "on"
    # Our entry exists but starts another command: an old install or a moved folder.
    STALE = "stale"


class RunKey(Protocol):
    """The few registry calls start on login needs (values of the HKCU Run key)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None:
        """Remove the value; no error when it is not there."""


class WindowsRunKey:
    """The real HKCU Run key. winreg is imported per call: it exists only on Windows."""

    def get(self, name: str) -> str | None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY_PATH) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return value if isinstance(value, str) else None

    def set(self, name: str, value: str) -> None:
        import winreg

        with winreg.CreateKeyEx(
            winreg.HKEY_CURRENT_USER, RUN_KEY_PATH, 0, winreg.KEY_SET_VALUE
        ) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, RUN_KEY_PATH, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


def login_command(
    data_dir: Path | None = None,
    *,
    executable: str | None = None,
    frozen: bool | None = None,
    platform: str = sys.platform,
) -> list[str]:
    """The command that starts this install hidden in the tray.

    ``data_dir`` only when the user runs with a non-default folder (the caller
    knows); it is made absolute because a login session starts in another
    working directory. ``executable`` and ``frozen`` default to this process.
    """
    program = executable if executable is not None else sys.executable
    if not program:
        raise AutostartError(
            "Start on login can't be set up: the app can't tell where it runs from."
        )
    # Absolute but not resolved: a venv's python is a symlink, and resolving it
    # would start the system interpreter without our packages.
    program = os.path.abspath(program)
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if is_frozen:
        argv = [program]  # a PyInstaller bundle: the executable is the app
    else:
        if platform == "win32":
            program = _without_console(program)
        argv = [program, "-m", "lbp_desktop"]
    argv.append(IN_TRAY_FLAG)
    if data_dir is not None:
        argv += ["--data-dir", os.path.abspath(Path(data_dir).expanduser())]
    return argv


def _without_console(program: str) -> str:
    # python.exe opens a console window at every sign-in; pythonw.exe beside it does not.
    path = Path(program)
    if path.name.lower() == "python.exe":
        windowless = path.with_name("pythonw.exe")
        if windowless.is_file():
            return str(windowless)
    return program


class Autostart:
    def __init__(
        self,
        command: list[str],
        *,
        platform: str = sys.platform,
        config_home: Path | None = None,
        home: Path | None = None,
        registry: RunKey | None = None,
    ) -> None:
        self.command = list(command)
        self.platform = platform
        self._home = home if home is not None else Path.home()
        self._config_home = config_home if config_home is not None else _xdg_config_home(self._home)
        self._registry = registry

    # -- what the Settings page asks ------------------------------------------------

    def supported(self) -> bool:
        return self._kind() != "none"

    def is_enabled(self) -> bool:
        return self.state() is AutostartState.ON

    def state(self) -> AutostartState:
        kind = self._kind()
        if kind == "xdg":
            return self._xdg_state()
        if kind == "windows":
            return self._windows_state()
        if kind == "mac":
            return self._mac_state()
        return AutostartState.OFF

    def where(self) -> str:
        kind = self._kind()
        if kind == "windows":
            return "Windows: your sign-in programs (registry Run key)"
        if kind in ("xdg", "mac"):
            return str(self.entry_path())
        return "Not available on this system"

    def entry_path(self) -> Path:
        """The file that holds our entry (Linux and macOS)."""
        if self._kind() == "mac":
            return self._home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        return self._config_home / "autostart" / f"{APP_ID}.desktop"

    # -- changes --------------------------------------------------------------------

    def enable(self) -> None:
        kind = self._kind()
        if kind == "none":
            raise AutostartError("Start on login is not available on this system.")
        if kind == "windows":
            try:
                self._run_key().set(RUN_VALUE_NAME, subprocess.list2cmdline(self.command))
            except OSError as error:
                raise AutostartError(
                    "Could not turn on start on login: Windows did not let the app add "
                    "itself to your sign-in programs."
                ) from error
            return
        data = desktop_entry(self.command) if kind == "xdg" else launch_agent(self.command)
        path = self.entry_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
        except OSError as error:
            raise AutostartError(
                f"Could not turn on start on login: this folder can't be changed: {path.parent}"
            ) from error

    def disable(self) -> None:
        kind = self._kind()
        try:
            if kind == "windows":
                self._run_key().delete(RUN_VALUE_NAME)
            elif kind in ("xdg", "mac"):
                with contextlib.suppress(FileNotFoundError):
                    self.entry_path().unlink()
        except OSError as error:
            raise AutostartError(
                f"Could not turn off start on login: {self.where()} can't be changed."
            ) from error

    # -- per platform ---------------------------------------------------------------

    def _kind(self) -> str:
        if self.platform == "win32":
            return "windows"
        if self.platform == "darwin":
            return "mac"
        if self.platform.startswith(_XDG):
            return "xdg"
        return "none"

    def _run_key(self) -> RunKey:
        if self._registry is None:
            self._registry = WindowsRunKey()
        return self._registry

    def _windows_state(self) -> AutostartState:
        try:
            value = self._run_key().get(RUN_VALUE_NAME)
        except OSError:
            return AutostartState.OFF
        if value is None:
            return AutostartState.OFF
        if value == subprocess.list2cmdline(self.command):
            return AutostartState.ON
        return AutostartState.STALE

    def _xdg_state(self) -> AutostartState:
        try:
            text = self.entry_path().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return AutostartState.OFF
        keys = _desktop_entry_keys(text)
        # The desktop's own startup settings switch an entry off with these keys.
        if keys.get("Hidden") == "true" or keys.get("X-GNOME-Autostart-enabled") == "false":
            return AutostartState.OFF
        try:
            wanted = exec_line(self.command)
        except AutostartError:
            return AutostartState.STALE
        return AutostartState.ON if keys.get("Exec") == wanted else AutostartState.STALE

    def _mac_state(self) -> AutostartState:
        try:
            with self.entry_path().open("rb") as handle:
                agent = plistlib.load(handle)
        except FileNotFoundError:
            return AutostartState.OFF
        except (OSError, ValueError, ExpatError):
            return AutostartState.STALE  # there, but unreadable: enable rewrites it
        if not isinstance(agent, dict) or agent.get("Disabled") is True:
            return AutostartState.OFF
        if agent.get("ProgramArguments") == self.command and agent.get("RunAtLoad") is True:
            return AutostartState.ON
        return AutostartState.STALE


def _xdg_config_home(home: Path) -> Path:
    # The XDG spec says to ignore a relative XDG_CONFIG_HOME.
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(configured) if os.path.isabs(configured) else home / ".config"


def _desktop_entry_keys(text: str) -> dict[str, str]:
    """Raw key=value pairs of the [Desktop Entry] group (values not unescaped)."""
    keys: dict[str, str] = {}
    group = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line:
            key, value = line.split("=", 1)
            keys.setdefault(key.strip(), value.strip())
    return keys


# -- file formats ---------------------------------------------------------------------


def exec_line(argv: list[str]) -> str:
    """``argv`` as the value of a desktop entry's Exec key, escaped as the spec says.

    Two layers: each argument is quoted when it holds a reserved character
    (a backslash before " ` $ and \\ inside the quotes), ``%`` is doubled so it
    is not read as a field code, and then the string-value escaping doubles
    every backslash (and writes a tab as ``\\t``), because readers undo that
    layer first.
    """
    if not argv:
        raise AutostartError("Start on login can't be set up: there is no command to start.")
    if "=" in argv[0] or "%" in argv[0]:
        # The spec forbids '=' in the program, quoted or not; GLib looks the
        # program up before it turns %% back into %, so GNOME would not load it.
        raise AutostartError(
            "Start on login can't be set up while the app sits in a folder whose name "
            "contains '=' or '%'. Moving the app to another folder fixes it."
        )
    line = " ".join(_exec_argument(arg) for arg in argv).replace("\\", "\\\\")
    return line.replace("\t", "\\t")  # a raw tab is a control character in the file


def _exec_argument(arg: str) -> str:
    if any((ord(ch) < 0x20 and ch != "\t") or ch == "\x7f" for ch in arg):
        # A line break or other control character cannot be written in a desktop entry.
        raise AutostartError(
            "Start on login can't be set up: a folder name holds a line break or other "
            "invisible character."
        )
    arg = arg.replace("%", "%%")
    if arg and not _EXEC_RESERVED.intersection(arg):
        return arg
    inner = "".join("\\" + ch if ch in _EXEC_QUOTED_ESCAPES else ch for ch in arg)
    return f'"{inner}"'


def desktop_entry(command: list[str]) -> bytes:
    """The autostart desktop entry that runs ``command``."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "Comment=Starts quietly in the tray to remind you of posture breaks",
        f"Exec={exec_line(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        f"X-GNOME-Autostart-Delay={AUTOSTART_DELAY_S}",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def launch_agent(command: list[str]) -> bytes:
    """The LaunchAgent plist that runs ``command`` at login."""
    agent = {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        # Interactive: launchd must not throttle an app the user sees and clicks.
        "ProcessType": "Interactive",
        # Only in a graphical login session, not over ssh.
        "LimitLoadToSessionType": "Aqua",
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML)
