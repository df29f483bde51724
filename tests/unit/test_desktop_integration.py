"""install-desktop-entry: the app in the user's applications menu, valid, and gone again."""

from __future__ import annotations

import configparser
import logging
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lbp_desktop import APP_ID, APP_NAME, __version__, desktop_integration
from lbp_desktop.cli import main
from lbp_desktop.desktop_integration import (
    DESKTOP_FILE,
    METAINFO_FILE,
    DesktopIntegrationError,
    app_command,
    desktop_entry_text,
    entry_path,
    install_desktop_entry,
    uninstall_desktop_entry,
)

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    return data_home


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _entry(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser


def _exec_argv(value: str) -> list[str]:
    # Undo the string-value layer (a doubled backslash), then the quoting.
    return shlex.split(value.replace("\\\\", "\\"))


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install {package} (tools/ensure_system_deps.sh test)")
    return found


def test_install_writes_entry_icons_and_metainfo_and_nothing_else(home: Path) -> None:
    written = install_desktop_entry(None)
    expected = {
        home / "applications" / DESKTOP_FILE,
        home / "metainfo" / METAINFO_FILE,
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(
            home / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
            for n in HICOLOR_SIZES
        ),
    }
    assert set(written) == expected and len(written) == len(expected)
    assert _files(home) == expected
    assert written[-1] == entry_path(home), "the entry last, once its icon is there"
    for size in (16, 512):
        rel = Path("hicolor") / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert (home / "icons" / rel).read_bytes() == (PACKAGING / "icons" / rel).read_bytes()
    metainfo = (home / "metainfo" / METAINFO_FILE).read_bytes()
    assert metainfo == (PACKAGING / "linux" / METAINFO_FILE).read_bytes()
    assert {(p.stat().st_mode & 0o777) for p in written} == {0o644}


def test_exec_starts_this_install_and_the_action_plays_its_plan(home: Path) -> None:
    install_desktop_entry(None)
    entry = _entry(entry_path(home))
    main_group = entry["Desktop Entry"]
    this_python = os.path.abspath(sys.executable)
    assert _exec_argv(main_group["Exec"]) == [this_python, "-m", "lbp_desktop"]
    action = entry["Desktop Action desk-reset"]
    assert _exec_argv(action["Exec"]) == [this_python, "-m", "lbp_desktop", "play", "desk-reset"]
    # Everything else as packaged, plus the window class that matches the app on X11.
    packaged = _entry(PACKAGING / "linux" / DESKTOP_FILE)["Desktop Entry"]
    for key in ("Name", "Icon", "Categories", "Keywords", "Actions", "Terminal"):
        assert main_group[key] == packaged[key]
    assert main_group["StartupWMClass"] == APP_NAME
    # And it really runs: the Exec line with --version answers from this install.
    argv = [*_exec_argv(main_group["Exec"]), "--version"]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == f"lbp-desktop {__version__}"


def test_installed_entry_passes_desktop_file_validate(home: Path) -> None:
    install_desktop_entry(Path("/home/ann/My Back Diary"))
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    out = subprocess.run([tool, str(entry_path(home))], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "", out.stdout + out.stderr


def test_metainfo_passes_appstreamcli_validate(home: Path) -> None:
    install_desktop_entry(None)
    tool = _tool("appstreamcli", "appstream")
    path = home / "metainfo" / METAINFO_FILE
    out = subprocess.run(
        [tool, "validate", "--no-net", "--pedantic", str(path)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "W:" not in out.stdout and "E:" not in out.stdout, out.stdout


def test_metainfo_names_the_entry_the_command_and_this_version() -> None:
    root = ET.parse(PACKAGING / "linux" / METAINFO_FILE).getroot()
    component_id = root.findtext("id")
    assert f"{component_id}.metainfo.xml" == METAINFO_FILE
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE
    assert (PACKAGING / "linux" / DESKTOP_FILE).is_file()
    assert root.findtext("provides/binary") == "lbp-desktop"  # the gui-script in pyproject
    assert root.find("releases/release").get("version") == __version__
    text = " ".join(root.find("description").itertext())
    assert "not a doctor" in text and "does not replace" in text


def test_a_chosen_data_folder_goes_into_every_exec(home: Path, tmp_path: Path) -> None:
    diary = tmp_path / "my back diary"
    install_desktop_entry(diary)
    entry = _entry(entry_path(home))
    for group in ("Desktop Entry", "Desktop Action desk-reset"):
        argv = _exec_argv(entry[group]["Exec"])
        assert argv[3:5] == ["--data-dir", str(diary)], argv


def test_a_bundled_app_starts_its_own_executable() -> None:
    assert app_command(executable="/opt/Back Care/lbp-desktop", frozen=True) == [
        "/opt/Back Care/lbp-desktop"
    ]
    template = (PACKAGING / "linux" / DESKTOP_FILE).read_text(encoding="utf-8")
    text = desktop_entry_text(template, ["/opt/Back Care/lbp-desktop"])
    assert 'Exec="/opt/Back Care/lbp-desktop"\n' in text
    assert 'Exec="/opt/Back Care/lbp-desktop" play desk-reset\n' in text
    # The running app names itself APP_NAME, which Qt gives X11 as the window
    # class: with this key the dock shows one icon, not a pinned and a running one.
    assert text.count("StartupWMClass=") == 1
    assert f"StartupWMClass={APP_NAME}\n" in text


def test_a_folder_name_the_entry_cannot_hold_is_refused_plainly() -> None:
    template = (PACKAGING / "linux" / DESKTOP_FILE).read_text(encoding="utf-8")
    with pytest.raises(DesktopIntegrationError, match="Moving the app to another folder"):
        desktop_entry_text(template, ["/opt/a=b/python", "-m", "lbp_desktop"])


def test_install_twice_gives_the_same_files(home: Path) -> None:
    first = install_desktop_entry(None)
    contents = {p: p.read_bytes() for p in first}
    second = install_desktop_entry(None)
    assert second == first
    assert {p: p.read_bytes() for p in second} == contents
    assert _files(home) == set(first)


def test_uninstall_removes_exactly_what_install_wrote(home: Path) -> None:
    # Files of other apps and of the user sit in the same folders and must stay.
    others = [
        home / "applications" / "firefox.desktop",
        home / "icons" / "hicolor" / "48x48" / "apps" / "firefox.png",
        home / "metainfo" / "org.example.Other.metainfo.xml",
        home / APP_ID / "diary.json",
    ]
    for path in others:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("not ours")
    written = install_desktop_entry(None)
    removed = uninstall_desktop_entry()
    assert set(removed) == set(written)
    assert _files(home) == set(others)
    assert uninstall_desktop_entry() == []


def test_uninstall_also_removes_sizes_an_older_version_installed(home: Path) -> None:
    install_desktop_entry(None)
    old = home / "icons" / "hicolor" / "96x96" / "apps" / f"{APP_ID}.png"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"an icon size we no longer ship")
    assert old in uninstall_desktop_entry()
    assert _files(home) == set()


def test_other_systems_are_refused_and_nothing_is_written(home: Path) -> None:
    for platform in ("win32", "darwin"):
        with pytest.raises(DesktopIntegrationError, match="works on Linux only"):
            install_desktop_entry(None, platform=platform)
        with pytest.raises(DesktopIntegrationError, match="works on Linux only"):
            uninstall_desktop_entry(platform=platform)
    assert not home.exists()


def test_missing_packaged_files_are_reported_plainly(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(desktop_integration, "packaging_dir", lambda: tmp_path / "nothing")
    with pytest.raises(DesktopIntegrationError, match="Reinstalling the app should fix it"):
        install_desktop_entry(None)
    assert not home.exists()


def test_existing_caches_are_refreshed_and_none_are_created(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(desktop_integration, "_run_tool", lambda argv: calls.append(argv) or True)
    install_desktop_entry(None)
    assert calls == []
    (home / "applications" / "mimeinfo.cache").write_text("[MIME Cache]\n")
    (home / "icons" / "hicolor" / "icon-theme.cache").write_bytes(b"cache")
    install_desktop_entry(None)
    assert [argv[0] for argv in calls] == ["update-desktop-database", "gtk-update-icon-cache"]
    assert calls[0][-1] == str(home / "applications")
    assert calls[1][-1] == str(home / "icons" / "hicolor")
    calls.clear()
    uninstall_desktop_entry()
    assert [argv[0] for argv in calls] == ["update-desktop-database", "gtk-update-icon-cache"]


def test_a_failing_cache_tool_is_reported_and_the_install_stands(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "update-desktop-database"
    fake.write_text("#!/bin/sh\necho 'cannot write the cache' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "mimeinfo.cache").write_text("[MIME Cache]\n")
    with caplog.at_level(logging.WARNING, logger="lbp_desktop.desktop_integration"):
        written = install_desktop_entry(None)
    assert entry_path(home) in written and entry_path(home).is_file()
    assert "update-desktop-database failed (cannot write the cache)" in caplog.text
    assert "log in again" in caplog.text


def test_cli_installs_and_uninstalls_with_plain_words(home: Path, capsys) -> None:
    assert main(["install-desktop-entry"]) == 0
    out = capsys.readouterr().out
    assert str(entry_path(home)) in out
    assert f"{APP_NAME} is now in your applications menu" in out
    assert main(["uninstall-desktop-entry"]) == 0
    out = capsys.readouterr().out
    assert f"{APP_NAME} is no longer in your applications menu" in out
    assert "Your diary and settings were not touched" in out
    assert main(["uninstall-desktop-entry"]) == 0
    assert "nothing to remove" in capsys.readouterr().out
    assert _files(home) == set()


def test_cli_passes_a_chosen_data_folder_into_the_entry(home: Path, tmp_path: Path, capsys) -> None:
    diary = tmp_path / "diary"
    assert main(["install-desktop-entry", "--data-dir", str(diary)]) == 0
    assert f"It opens the diary in {diary}" in capsys.readouterr().out
    argv = _exec_argv(_entry(entry_path(home))["Desktop Entry"]["Exec"])
    assert argv[-2:] == ["--data-dir", str(diary)]


def test_cli_refusal_is_one_plain_line(home: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    real = desktop_integration.install_desktop_entry
    monkeypatch.setattr(
        desktop_integration,
        "install_desktop_entry",
        lambda data_dir: real(data_dir, platform="win32"),
    )
    assert main(["install-desktop-entry"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "Adding the app to the applications menu this way works on Linux only.\n"
