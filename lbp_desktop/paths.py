"""Where things live: the user's data dir, and resources/ and ui/ whether the
app runs from a source checkout or from an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

from lbp_desktop import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled_or_checkout(name: str) -> Path:
    # In a wheel, hatchling force-includes the top-level folders under
    # lbp_desktop/_bundled/; in a checkout they sit beside the package.
    bundled = _PACKAGE_DIR / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    return _bundled_or_checkout("resources")


def ui_dir() -> Path:
    return _bundled_or_checkout("ui")


def packaging_dir() -> Path:
    return _bundled_or_checkout("packaging")


def app_icon_files() -> list[Path]:
    """The app icon as PNGs, smallest first (for QIcon.addFile)."""
    hicolor = packaging_dir() / "icons" / "hicolor"
    return sorted(
        hicolor.glob("*/apps/lbp-desktop.png"), key=lambda p: int(p.parts[-3].split("x")[0])
    )


def content_dir() -> Path:
    return resources_dir() / "content"


def default_data_dir() -> Path:
    """The platform's per-user data dir (e.g. ~/.local/share/lbp-desktop).

    LBP_DESKTOP_DATA_DIR overrides it, so tests and demos never touch the
    user's real diary.
    """
    override = os.environ.get("LBP_DESKTOP_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, appauthor=False, roaming=False))


def user_plans_dir(data_dir: Path) -> Path:
    """Plans the user (or their physiotherapist) added."""
    return data_dir / "plans"


def documents_dir() -> Path:
    """Where a saved export is first offered: the user's Documents folder (or home)."""
    from platformdirs import user_documents_dir

    found = Path(user_documents_dir())
    return found if found.is_dir() else Path.home()
