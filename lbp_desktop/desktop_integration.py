"""Put the app in the Linux applications menu, for the current user only.

``install_desktop_entry`` writes, under ``$XDG_DATA_HOME`` (usually ~/.local/share):

- ``applications/lbp-desktop.desktop``: the packaged entry, with every Exec line
  pointing at this install (its Python and ``-m lbp_desktop``, or the bundled
  executable), so it can be found, pinned and started like any other app;
- ``icons/hicolor/<N>x<N>/apps/lbp-desktop.png`` and the scalable SVG;
- ``metainfo/io.github.lbp_desktop.metainfo.xml`` (what software centres show).

Then it refreshes the desktop's caches of entries and icons where the user
has them (``update-desktop-database``, ``gtk-update-icon-cache``); menus also
watch these folders, so that is a courtesy: when a tool fails, a warning says
so and the files stay.
``uninstall_desktop_entry`` removes those files and nothing else; the diary
is never touched. No Qt here.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from lbp_desktop import APP_ID, APP_NAME, paths
from lbp_desktop.services.autostart import IN_TRAY_FLAG, AutostartError, exec_line, login_command
from lbp_desktop.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

DESKTOP_FILE = f"{APP_ID}.desktop"
# AppStream wants a reverse-DNS component id; the desktop entry keeps the short
# name, which is also the app id the running app gives the window system.
METAINFO_FILE = "io.github.lbp_desktop.metainfo.xml"
ICON_FILE_STEM = APP_ID
TOOL_TIMEOUT_S = 30

_XDG = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")


class DesktopIntegrationError(OSError):
    """The menu entry could not be changed; ``str()`` is a plain sentence for the user."""


def packaging_dir() -> Path:
    """packaging/ of a checkout, or its copy in a wheel (lbp_desktop/_bundled/packaging)."""
    return paths.packaging_dir()


def data_home() -> Path:
    # The XDG spec says to ignore a relative XDG_DATA_HOME.
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def entry_path(xdg_data_home: Path | None = None) -> Path:
    """Where the user's menu entry for the app lives."""
    return (xdg_data_home or data_home()) / "applications" / DESKTOP_FILE


def app_command(
    data_dir: Path | None = None, *, executable: str | None = None, frozen: bool | None = None
) -> list[str]:
    """The command that opens this install's window (the menu entry's Exec)."""
    try:
        argv = login_command(data_dir, executable=executable, frozen=frozen, platform="linux")
    except AutostartError as error:
        raise DesktopIntegrationError(
            f"{APP_NAME} can't be added to the applications menu: it can't tell where it runs from."
        ) from error
    argv.remove(IN_TRAY_FLAG)  # from the menu, the window opens; only a login start hides
    return argv


def desktop_entry_text(template: str, command: list[str]) -> str:
    """The packaged entry with every Exec running ``command`` (plus the action's arguments).

    Exec lines in the template start with the bare program name ``lbp-desktop``.
    """
    out: list[str] = []
    for line in template.splitlines():
        stripped = line.strip()
        if stripped.startswith("Exec="):
            argv = shlex.split(stripped.removeprefix("Exec="))
            if not argv or argv[0] != APP_ID:
                raise ValueError(f"the packaged entry has an unexpected Exec line: {line!r}")
            try:
                line = f"Exec={exec_line(command + argv[1:])}"
            except AutostartError as error:
                raise DesktopIntegrationError(
                    f"{APP_NAME} can't be added to the applications menu while it sits in a "
                    "folder whose name contains '=', '%' or a line break. Moving the app to "
                    "another folder fixes it."
                ) from error
        out.append(line)
    return "\n".join(out) + "\n"


def install_desktop_entry(
    data_dir: Path | None,
    *,
    xdg_data_home: Path | None = None,
    platform: str = sys.platform,
    executable: str | None = None,
    frozen: bool | None = None,
) -> list[Path]:
    """Add the app to this user's applications menu; returns the files written.

    ``data_dir`` only when the user runs with a non-default folder: the entry
    then opens that diary. Running it again rewrites the same files (after a
    move or a new install, the entry points at the new place).
    """
    _require_xdg(platform)
    home = xdg_data_home or data_home()
    sources = _packaged_files()
    template = sources[DESKTOP_FILE].read_text(encoding="utf-8")
    command = app_command(data_dir, executable=executable, frozen=frozen)
    entry = desktop_entry_text(template, command)

    written: list[Path] = []
    # Icons and metainfo first: when the menu notices the entry, its icon is there.
    for relative, source in sources.items():
        if relative != DESKTOP_FILE:
            written.append(_write(home / relative, source.read_bytes()))
    written.append(_write(entry_path(home), entry.encode("utf-8")))
    _refresh(home)
    return written


def uninstall_desktop_entry(
    *, xdg_data_home: Path | None = None, platform: str = sys.platform
) -> list[Path]:
    """Remove what ``install_desktop_entry`` wrote; returns the files removed.

    Nothing else: the diary, settings and start-on-login entry stay as they are.
    """
    _require_xdg(platform)
    home = xdg_data_home or data_home()
    ours = [entry_path(home), home / "metainfo" / METAINFO_FILE]
    hicolor = home / "icons" / "hicolor"
    # Every size we ever installed, even ones a newer version no longer ships.
    ours += sorted(hicolor.glob(f"*/apps/{ICON_FILE_STEM}.png"))
    ours += sorted(hicolor.glob(f"*/apps/{ICON_FILE_STEM}.svg"))
    removed: list[Path] = []
    for path in ours:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopIntegrationError(
                f"Could not remove {path}: {error.strerror or error}."
            ) from error
        removed.append(path)
    if removed:
        _refresh(home)
    return removed


# -- helpers ----------------------------------------------------------------------------


def _require_xdg(platform: str) -> None:
    if not platform.startswith(_XDG):
        raise DesktopIntegrationError(
            "Adding the app to the applications menu this way works on Linux only."
        )


def _packaged_files() -> dict[str, Path]:
    """Target path (relative to the data home) -> packaged source file."""
    root = packaging_dir()
    files = {
        DESKTOP_FILE: root / "linux" / DESKTOP_FILE,
        f"metainfo/{METAINFO_FILE}": root / "linux" / METAINFO_FILE,
        f"icons/hicolor/scalable/apps/{ICON_FILE_STEM}.svg": root / "icons" / f"{APP_ID}.svg",
    }
    icons = root / "icons" / "hicolor"
    pngs = icons.glob(f"*/apps/{ICON_FILE_STEM}.png")
    for png in sorted(pngs, key=lambda p: (len(p.parts[-3]), p.parts[-3])):  # 16x16 first
        files[f"icons/hicolor/{png.relative_to(icons).as_posix()}"] = png
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing or not any(key.endswith(".png") for key in files):
        raise DesktopIntegrationError(
            f"The files for the applications menu are missing from this install "
            f"({root}). Reinstalling the app should fix it."
        )
    return files


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    # A menu entry and pictures, not health data: readable like any other entry.
    path.chmod(0o644)
    return path


def _refresh(home: Path) -> None:
    """Bring the desktop's caches up to date; a failure is reported, never fatal.

    Only caches that exist are refreshed: one we created would go stale when
    another app later installs files without updating it, and hide them.
    """
    applications = home / "applications"
    if (applications / "mimeinfo.cache").is_file():
        _run_tool(["update-desktop-database", "-q", str(applications)])
    hicolor = home / "icons" / "hicolor"
    if (hicolor / "icon-theme.cache").is_file():
        _run_tool(["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)])


def _run_tool(argv: list[str]) -> bool:
    program = shutil.which(argv[0])
    if program is None:
        return False  # not installed: the desktop picks the change up on its own
    try:
        result = subprocess.run(
            [program, *argv[1:]],
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning(
            "%s did not run (%s); the menu may show the change only after you log in again.",
            argv[0],
            error,
        )
        return False
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        log.warning(
            "%s failed (%s); the menu may show the change only after you log in again.",
            argv[0],
            detail[-1] if detail else f"exit status {result.returncode}",
        )
        return False
    return True
