"""Start on login on Linux, Windows and macOS, each with its platform injected."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lbp_desktop import APP_ID, APP_NAME
from lbp_desktop.cli import build_parser
from lbp_desktop.services.autostart import (
    LAUNCH_AGENT_LABEL,
    RUN_VALUE_NAME,
    Autostart,
    AutostartError,
    AutostartState,
    exec_line,
    login_command,
)

COMMAND = ["/opt/back care/bin/python", "-m", "lbp_desktop", "--in-tray"]
OLD_COMMAND = ["/old/install/bin/python", "-m", "lbp_desktop", "--in-tray"]


# -- an Exec reader written from the desktop entry spec, independent of the writer ----

_STRING_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def parse_exec(value: str) -> list[str]:
    """Exec value -> argv: string escapes first, then quoting, then field codes."""
    unescaped, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            unescaped.append(_STRING_ESCAPES[value[i + 1]])
            i += 2
        else:
            unescaped.append(value[i])
            i += 1
    text = "".join(unescaped)

    args: list[str] = []
    current: str | None = None
    quoted = False
    i = 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == "\\":
                assert text[i + 1] in '"`$\\', f"bad escape in quotes: {text!r}"
                current = (current or "") + text[i + 1]
                i += 1
            elif ch == '"':
                quoted = False
            else:
                current = (current or "") + ch
        elif ch == " ":
            if current is not None:
                args.append(current)
                current = None
        elif ch == '"':
            assert current is None, "a quote must open a whole argument"
            quoted, current = True, ""
        else:
            assert ch not in _RESERVED, f"reserved {ch!r} outside quotes in {text!r}"
            current = (current or "") + ch
        i += 1
    assert not quoted, "unclosed quote"
    if current is not None:
        args.append(current)
    return [_expand_field_codes(arg) for arg in args]


def _expand_field_codes(arg: str) -> str:
    out, i = [], 0
    while i < len(arg):
        if arg[i] == "%":
            assert arg[i + 1] == "%", f"a field code we never write: {arg!r}"
            out.append("%")
            i += 2
        else:
            out.append(arg[i])
            i += 1
    return "".join(out)


def entry_keys(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.fail("desktop-file-validate is missing (tools/ensure_system_deps.sh test)")
    out = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and out.stdout.strip() == "", out.stdout + out.stderr


# -- the command ------------------------------------------------------------------------


def test_a_source_install_runs_its_own_interpreter_with_the_module(tmp_path: Path) -> None:
    python = tmp_path / "venv" / "bin" / "python"
    assert login_command(executable=str(python), frozen=False, platform="linux") == [
        str(python),
        "-m",
        "lbp_desktop",
        "--in-tray",
    ]


def test_a_venv_interpreter_link_is_kept_not_resolved(tmp_path: Path) -> None:
    # Resolving the venv's python symlink would start the system Python without our packages.
    real = tmp_path / "python3.11"
    real.write_text("")
    link = tmp_path / "venv-python"
    link.symlink_to(real)
    assert login_command(executable=str(link), frozen=False, platform="linux")[0] == str(link)


def test_a_bundle_is_started_directly() -> None:
    assert login_command(executable="/Applications/Back.app/Contents/MacOS/back", frozen=True) == [
        "/Applications/Back.app/Contents/MacOS/back",
        "--in-tray",
    ]


def test_a_chosen_data_folder_is_passed_as_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = login_command(Path("diary"), executable="/usr/bin/python3", frozen=False)
    assert argv[-3:] == ["--in-tray", "--data-dir", str(tmp_path / "diary")]


def test_the_real_command_line_accepts_the_login_arguments(tmp_path: Path) -> None:
    argv = login_command(tmp_path / "diary", executable="/usr/bin/python3", frozen=False)
    assert argv[1:3] == ["-m", "lbp_desktop"]
    args = build_parser().parse_args(argv[3:])
    assert args.in_tray is True and args.command is None
    assert args.data_dir == tmp_path / "diary"


def test_windows_prefers_pythonw_so_no_console_opens(tmp_path: Path) -> None:
    (tmp_path / "python.exe").write_text("")
    (tmp_path / "pythonw.exe").write_text("")
    argv = login_command(executable=str(tmp_path / "python.exe"), frozen=False, platform="win32")
    assert argv[0] == str(tmp_path / "pythonw.exe")


def test_windows_keeps_python_exe_when_there_is_no_pythonw(tmp_path: Path) -> None:
    (tmp_path / "python.exe").write_text("")
    argv = login_command(executable=str(tmp_path / "python.exe"), frozen=False, platform="win32")
    assert argv[0] == str(tmp_path / "python.exe")


def test_other_platforms_never_swap_the_interpreter(tmp_path: Path) -> None:
    (tmp_path / "python.exe").write_text("")
    (tmp_path / "pythonw.exe").write_text("")
    argv = login_command(executable=str(tmp_path / "python.exe"), frozen=False, platform="linux")
    assert argv[0] == str(tmp_path / "python.exe")


# -- Linux ------------------------------------------------------------------------------


def linux(tmp_path: Path, command: list[str] = COMMAND) -> Autostart:
    return Autostart(command, platform="linux", config_home=tmp_path / "config", home=tmp_path)


def test_linux_round_trip(tmp_path: Path) -> None:
    autostart = linux(tmp_path)
    assert autostart.supported()
    assert not autostart.is_enabled()
    autostart.enable()
    path = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert autostart.where() == str(path)
    assert autostart.is_enabled() and autostart.state() is AutostartState.ON
    autostart.disable()
    assert not path.exists()
    assert autostart.state() is AutostartState.OFF
    autostart.disable()  # idempotent
    assert not path.exists()


def test_linux_entry_is_valid_and_says_what_it_starts(tmp_path: Path) -> None:
    autostart = linux(tmp_path)
    autostart.enable()
    path = autostart.entry_path()
    validate(path)
    keys = entry_keys(path)
    assert keys["Type"] == "Application"
    assert keys["Name"] == APP_NAME
    assert keys["Icon"] == APP_ID
    assert keys["Terminal"] == "false"
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert keys["X-GNOME-Autostart-Delay"] == "10"
    assert keys["Comment"]
    assert parse_exec(keys["Exec"]) == COMMAND


def test_linux_entry_of_an_old_install_is_off_and_enable_replaces_it(tmp_path: Path) -> None:
    linux(tmp_path, OLD_COMMAND).enable()
    autostart = linux(tmp_path)
    assert autostart.state() is AutostartState.STALE
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled()
    assert parse_exec(entry_keys(autostart.entry_path())["Exec"]) == COMMAND


@pytest.mark.parametrize("switch", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_linux_entry_switched_off_by_the_desktop_counts_as_off(tmp_path: Path, switch: str) -> None:
    autostart = linux(tmp_path)
    autostart.enable()
    path = autostart.entry_path()
    text = path.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + switch + "\n", encoding="utf-8")
    assert autostart.state() is AutostartState.OFF
    autostart.enable()
    assert autostart.is_enabled()


def test_linux_uses_xdg_config_home_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    autostart = Autostart(COMMAND, platform="linux", home=tmp_path)
    assert autostart.entry_path() == tmp_path / "xdg" / "autostart" / f"{APP_ID}.desktop"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/ignored")
    autostart = Autostart(COMMAND, platform="linux", home=tmp_path)
    assert autostart.entry_path() == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_linux_unwritable_folder_gives_a_plain_error_and_no_file(tmp_path: Path) -> None:
    # A file where the config folder should be: mkdir fails even for root.
    blocker = tmp_path / "config"
    blocker.write_text("not a folder")
    autostart = linux(tmp_path)
    with pytest.raises(AutostartError) as caught:
        autostart.enable()
    message = str(caught.value)
    assert message.startswith("Could not turn on start on login")
    assert "Errno" not in message and str(blocker / "autostart") in message
    assert blocker.read_text() == "not a folder"
    assert not autostart.is_enabled()


def test_linux_failed_write_leaves_the_old_entry_whole_and_no_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    linux(tmp_path, OLD_COMMAND).enable()
    autostart = linux(tmp_path)
    before = autostart.entry_path().read_bytes()

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(AutostartError, match="Could not turn on start on login"):
        autostart.enable()
    monkeypatch.undo()
    assert autostart.entry_path().read_bytes() == before
    assert os.listdir(autostart.entry_path().parent) == [f"{APP_ID}.desktop"]
    assert autostart.state() is AutostartState.STALE


# -- Exec quoting -----------------------------------------------------------------------

AWKWARD = [
    ["/home/Ana María/my apps/venv/bin/python", "-m", "lbp_desktop", "--in-tray"],
    ['/opt/say "hi"/python', "--data-dir", "/tmp/it's $HOME `x`"],
    ["/opt/back\\slash/python", "--data-dir", "C:\\Users\\Zoë\\back care"],
    ["/opt/python", "100%", "--data-dir", "/data/%u %f 50%%"],
    ["/opt/tab\there/python", "--data-dir", "/a;b|c&d<e>f~g*h?i#j(k)l"],
    ["/opt/python", "--data-dir", "", "  leading and trailing  "],
    ["/opt/日本/python", "--data-dir", "/données/ü"],
]


@pytest.mark.parametrize("argv", AWKWARD)
def test_exec_round_trips_awkward_paths(tmp_path: Path, argv: list[str]) -> None:
    autostart = linux(tmp_path, argv)
    autostart.enable()
    validate(autostart.entry_path())
    assert parse_exec(entry_keys(autostart.entry_path())["Exec"]) == argv
    assert autostart.is_enabled()


def test_exec_leaves_plain_arguments_unquoted() -> None:
    assert exec_line(["/usr/bin/python3", "-m", "lbp_desktop", "--in-tray"]) == (
        "/usr/bin/python3 -m lbp_desktop --in-tray"
    )
    assert exec_line(["/a b/py", "50%", 'x"y', "c\\d"]) == ('"/a b/py" 50%% "x\\\\"y" "c\\\\\\\\d"')


# Printable text plus tab, the one control character an Exec value can carry (as \t).
_PRINTABLE = st.one_of(st.characters(blacklist_categories=("Cc", "Cs")), st.just("\t"))


@given(
    program=st.text(_PRINTABLE, min_size=1).filter(lambda s: "=" not in s and "%" not in s),
    args=st.lists(st.text(_PRINTABLE), max_size=4),
)
def test_exec_round_trips_any_printable_arguments(program: str, args: list[str]) -> None:
    argv = [program, *args]
    assert parse_exec(exec_line(argv)) == argv


@pytest.mark.parametrize("program", ["/opt/a=b/python", "/opt/100%/python"])
def test_a_program_path_with_an_equals_or_percent_sign_cannot_be_written(
    tmp_path: Path, program: str
) -> None:
    # '=' is forbidden by the spec; GLib fails to load a program path holding '%'.
    autostart = linux(tmp_path, [program, "-m", "lbp_desktop"])
    with pytest.raises(AutostartError, match="contains '=' or '%'"):
        autostart.enable()
    assert not autostart.entry_path().exists()


def test_a_line_break_in_a_path_cannot_be_written(tmp_path: Path) -> None:
    autostart = linux(tmp_path, ["/opt/python", "--data-dir", "/tmp/a\nb"])
    with pytest.raises(AutostartError, match="line break"):
        autostart.enable()
    assert not autostart.entry_path().exists()


# -- Windows ----------------------------------------------------------------------------


class FakeRunKey:
    def __init__(self, fail: bool = False) -> None:
        self.values: dict[str, str] = {}
        self.fail = fail

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        if self.fail:
            raise PermissionError(5, "Access is denied")
        self.values[name] = value

    def delete(self, name: str) -> None:
        if self.fail:
            raise PermissionError(5, "Access is denied")
        self.values.pop(name, None)


WIN_COMMAND = [r"C:\Users\Zoë O'Neil\venv\Scripts\pythonw.exe", "-m", "lbp_desktop", "--in-tray"]


def test_windows_round_trip() -> None:
    key = FakeRunKey()
    autostart = Autostart(WIN_COMMAND, platform="win32", registry=key)
    assert autostart.supported()
    assert not autostart.is_enabled()
    autostart.enable()
    assert key.values == {RUN_VALUE_NAME: subprocess.list2cmdline(WIN_COMMAND)}
    assert key.values[RUN_VALUE_NAME].startswith("\"C:\\Users\\Zoë O'Neil\\venv")
    assert autostart.is_enabled()
    assert "registry Run key" in autostart.where()
    autostart.disable()
    assert key.values == {}
    autostart.disable()
    assert not autostart.is_enabled()


def test_windows_value_of_an_old_install_is_off_and_enable_replaces_it() -> None:
    key = FakeRunKey()
    key.values[RUN_VALUE_NAME] = r'"C:\old\pythonw.exe" -m lbp_desktop --in-tray'
    key.values["SomethingElse"] = "other.exe"
    autostart = Autostart(WIN_COMMAND, platform="win32", registry=key)
    assert autostart.state() is AutostartState.STALE
    autostart.enable()
    assert autostart.is_enabled()
    assert key.values["SomethingElse"] == "other.exe"  # never touch other programs' values


def test_windows_refused_registry_gives_a_plain_error() -> None:
    autostart = Autostart(WIN_COMMAND, platform="win32", registry=FakeRunKey(fail=True))
    with pytest.raises(AutostartError) as caught:
        autostart.enable()
    assert "sign-in programs" in str(caught.value) and "Errno" not in str(caught.value)
    with pytest.raises(AutostartError, match="Could not turn off start on login"):
        autostart.disable()
    assert not autostart.is_enabled()


# -- macOS ------------------------------------------------------------------------------

MAC_COMMAND = ["/Applications/Back Care Companion.app/Contents/MacOS/Back Care", "--in-tray"]


def mac(tmp_path: Path, command: list[str] = MAC_COMMAND) -> Autostart:
    return Autostart(command, platform="darwin", home=tmp_path)


def test_mac_round_trip_and_plist_content(tmp_path: Path) -> None:
    autostart = mac(tmp_path)
    assert autostart.supported()
    assert not autostart.is_enabled()
    autostart.enable()
    path = tmp_path / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    assert autostart.entry_path() == path and autostart.where() == str(path)
    with path.open("rb") as handle:
        agent = plistlib.load(handle)
    assert agent == {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": MAC_COMMAND,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    assert LAUNCH_AGENT_LABEL.count(".") >= 2
    assert autostart.is_enabled()
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()
    autostart.disable()


def test_mac_agent_of_an_old_install_is_off_and_enable_replaces_it(tmp_path: Path) -> None:
    mac(tmp_path, ["/Users/x/Downloads/Old.app/Contents/MacOS/Old", "--in-tray"]).enable()
    autostart = mac(tmp_path)
    assert autostart.state() is AutostartState.STALE
    autostart.enable()
    assert autostart.is_enabled()


def test_mac_damaged_or_disabled_agent_is_not_on(tmp_path: Path) -> None:
    autostart = mac(tmp_path)
    autostart.enable()
    path = autostart.entry_path()
    agent = plistlib.loads(path.read_bytes())
    path.write_bytes(plistlib.dumps({**agent, "Disabled": True}))
    assert autostart.state() is AutostartState.OFF
    path.write_bytes(b"<plist><dict><key>Label")
    assert autostart.state() is AutostartState.STALE
    autostart.enable()
    assert autostart.is_enabled()


def test_mac_unwritable_folder_gives_a_plain_error(tmp_path: Path) -> None:
    (tmp_path / "Library").write_text("not a folder")
    autostart = mac(tmp_path)
    with pytest.raises(AutostartError, match="Could not turn on start on login"):
        autostart.enable()
    assert not autostart.is_enabled()


# -- elsewhere --------------------------------------------------------------------------


def test_an_unknown_platform_is_unsupported_and_says_so(tmp_path: Path) -> None:
    autostart = Autostart(COMMAND, platform="emscripten", home=tmp_path)
    assert not autostart.supported()
    assert autostart.state() is AutostartState.OFF
    with pytest.raises(AutostartError, match="not available"):
        autostart.enable()
    autostart.disable()
    assert list(tmp_path.iterdir()) == []
