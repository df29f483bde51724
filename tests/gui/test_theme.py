"""Light, dark and system themes, and the stylesheet that keeps to the palette."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPalette

from lbp_desktop.views.theme import (
    apply_theme,
    effective_scheme,
    load_stylesheet,
    normalise_choice,
    palette_is_dark,
)


@pytest.fixture
def restore_system(qapp):
    yield
    apply_theme(qapp, "system")


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_explicit_choice_wins(qapp, restore_system, choice: str) -> None:
    apply_theme(qapp, choice)
    assert effective_scheme(qapp) == choice
    assert effective_scheme(qapp) == choice
    assert palette_is_dark(qapp.palette()) == (choice == "dark")


def test_system_goes_back_to_the_platform_palette(qapp, restore_system) -> None:
    platform_window = QPalette().color(QPalette.ColorRole.Window)
    apply_theme(qapp, "dark")
    apply_theme(qapp, "system")
    assert qapp.palette().color(QPalette.ColorRole.Window) == platform_window


def test_stylesheet_is_applied(qapp, restore_system) -> None:
    apply_theme(qapp, "system")
    assert qapp.styleSheet() == load_stylesheet()
    assert "font-size" in qapp.styleSheet()


def test_stylesheet_takes_colours_from_the_palette() -> None:
    # Hard-coded colours would break one of the two schemes; the two allowed
    # ones are the saved/error edges, which read on both and come with words.
    colours = set(re.findall(r"#[0-9A-Fa-f]{3,8}\b", load_stylesheet()))
    assert colours <= {"#009E73", "#D55E00"}


@pytest.mark.parametrize(
    ("value", "choice"),
    [("dark", "dark"), (" Light ", "light"), ("", "system"), (None, "system"), (3, "system")],
)
def test_normalise_choice(value: object, choice: str) -> None:
    assert normalise_choice(value) == choice
