"""The committed forms are exactly what pyside6-uic makes from ui/*.ui today."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _compile_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compile_forms", ROOT / "tools/compile_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("compile_forms", module)
    spec.loader.exec_module(module)
    return module


def test_every_ui_file_has_a_generated_form() -> None:
    tool = _compile_forms()
    names = {form.source.stem for form in tool.forms()}
    assert {"main_window", "today_page", "session_page", "progress_page", "settings_page"} <= names
    assert tool.orphaned_targets() == []


def test_committed_forms_match_uic_output() -> None:
    tool = _compile_forms()
    stale = [str(form.target.relative_to(ROOT)) for form in tool.stale_forms()]
    assert stale == [], f"stale forms {stale}: run python tools/compile_forms.py"


def test_check_mode_exit_code(capsys) -> None:
    tool = _compile_forms()
    assert tool.main(["--check"]) == 0
    assert capsys.readouterr().out == ""
