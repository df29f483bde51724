"""The domain is pure Python: no Qt, no async Qt loop, no charts."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import lbp_desktop.domain

FORBIDDEN = ("PySide6", "shiboken6", "qasync", "pyqtgraph")
DOMAIN_DIR = Path(lbp_desktop.domain.__file__).parent


def _imported_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_domain_sources_import_no_qt() -> None:
    offenders = {
        path.name: sorted(n for n in _imported_names(path.read_text()) if n.startswith(FORBIDDEN))
        for path in DOMAIN_DIR.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_every_domain_module_loads_no_qt() -> None:
    # A fresh interpreter, so modules other tests imported do not hide the truth.
    modules = [f"lbp_desktop.domain.{m.name}" for m in pkgutil.iter_modules([str(DOMAIN_DIR)])]
    assert modules, "no domain modules found"
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_the_check_proves_something() -> None:
    # Guard against a vacuous test: the detector must see a Qt import when there is one.
    assert _imported_names("from PySide6.QtCore import QTimer") == {"PySide6.QtCore"}
