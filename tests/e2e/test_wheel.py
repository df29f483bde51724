"""The app as `pip install` delivers it: build a wheel, install it, run it.

Everything else in the suite runs against the editable checkout, where
resources/ and ui/ sit beside the package. Here the wheel is built from the
checkout, installed into a fresh venv and run from there, so a file missing
from the wheel (or a path that only resolves in a checkout) fails a test.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from tests.e2e.conftest import app_env

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = "Scripts" if os.name == "nt" else "bin"


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("timeout", 120)
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def _ok(out: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert out.returncode == 0, f"{out.args}\n--- stdout\n{out.stdout}\n--- stderr\n{out.stderr}"
    return out


def _current_site_dirs() -> list[Path]:
    paths = sysconfig.get_paths()
    return list(dict.fromkeys(Path(paths[key]).resolve() for key in ("purelib", "platlib")))


def _editable_hooks(site_dirs: list[Path]) -> list[str]:
    """The .pth files (and their lines) by which the dev venv imports the checkout."""
    hooks = []
    for site_dir in site_dirs:
        for pth in sorted(site_dir.glob("*.pth")):
            for line in pth.read_text(encoding="utf-8", errors="replace").splitlines():
                line = line.strip()
                # setuptools' finder hooks name the package; path hooks name its parent.
                names_it = "lbp_desktop" in line or "lbp_desktop" in pth.name
                holds_it = bool(line) and not line.startswith(("#", "import"))
                holds_it = holds_it and (Path(line) / "lbp_desktop").is_dir()
                if names_it or holds_it or str(REPO_ROOT) in line:
                    hooks.append(f"{pth}: {line}")
    return hooks


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("wheelhouse")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check"]
    # Without build isolation pip uses the build backend of this venv, which is
    # quicker and works offline, but the dev venv does not necessarily have
    # hatchling; then pip fetches it into an isolated build env (a few seconds).
    if importlib.util.find_spec("hatchling") is not None:
        cmd.append("--no-build-isolation")
    _ok(_run([*cmd, "-w", str(out_dir), str(REPO_ROOT)]))
    wheels = list(out_dir.glob("lbp_desktop-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A venv without system site packages, holding the wheel and nothing else.

    Isolation: the wheel goes in with --no-deps, and the runtime dependencies
    (PySide6, numpy, ...) come from this dev venv through a .pth file that
    names its site-packages. A plain path line in a .pth only appends that
    folder to sys.path: `site` does not read the .pth files *inside* it, so the
    editable install's own .pth (which puts the checkout on sys.path) never
    runs there. And the new venv's site-packages comes first on sys.path, so
    its lbp_desktop would win anyway. The `probe` fixture checks both, since
    the tests prove nothing if the checkout gets imported instead of the wheel.
    """
    root = tmp_path_factory.mktemp("venv")
    venv_dir = root / "venv"
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", str(venv_dir)]))
    python = venv_dir / BIN / ("python.exe" if os.name == "nt" else "python")
    # This venv's pip installs into the new one (`--python`), so the new venv
    # needs no pip of its own; --no-index: nothing comes from the network.
    _ok(
        _run(
            [
                sys.executable,
                "-m",
                "pip",
                "--python",
                str(python),
                "--disable-pip-version-check",
                "install",
                "--no-deps",
                "--no-index",
                str(wheel),
            ]
        )
    )
    site = _ok(
        _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    )
    site_packages = Path(site.stdout.strip()).resolve()
    (site_packages / "_lbp_test_runtime_deps.pth").write_text(
        "".join(f"{d}\n" for d in _current_site_dirs()), encoding="utf-8"
    )
    home = root / "home"
    home.mkdir()
    work = root / "work"  # the cwd: never the checkout, as `python -m` puts cwd on sys.path
    work.mkdir()
    return {
        "dir": venv_dir,
        "python": python,
        "site_packages": site_packages,
        "home": home,
        "work": work,
    }


def _venv_run(venv: dict[str, Path], *args: str, timeout: float = 60):
    env = app_env(venv["home"])
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"):
        env.pop(name, None)
    env["VIRTUAL_ENV"] = str(venv["dir"])
    env["PATH"] = os.pathsep.join([str(venv["dir"] / BIN), env.get("PATH", "")])
    return _run(list(args), env=env, cwd=venv["work"], timeout=timeout)


def _inside(path: str | Path, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder)


@pytest.fixture(scope="module")
def probe(venv: dict[str, Path]) -> dict:
    """Where the new venv imports lbp_desktop from; fails loudly if it is the checkout."""
    code = (
        "import json, sys, lbp_desktop\n"
        "print(json.dumps({'file': lbp_desktop.__file__, 'path': sys.path}))\n"
    )
    found = json.loads(_ok(_venv_run(venv, str(venv["python"]), "-c", code)).stdout)
    hooks = _editable_hooks(_current_site_dirs())
    assert _inside(found["file"], venv["site_packages"]), (
        f"lbp_desktop was imported from {found['file']}, not from the installed wheel in "
        f"{venv['site_packages']}. Editable hooks in the dev venv: {hooks}. "
        f"sys.path: {found['path']}"
    )
    leaked = [p for p in found["path"] if p and Path(p).resolve() == REPO_ROOT]
    assert not leaked, f"the checkout is on the new venv's sys.path: {found['path']}"
    return found


def _names(wheel: Path) -> list[PurePosixPath]:
    with zipfile.ZipFile(wheel) as zf:
        return [PurePosixPath(n) for n in zf.namelist()]


def test_wheel_holds_the_package_resources_and_ui(wheel: Path) -> None:
    names = set(_names(wheel))
    bundled = PurePosixPath("lbp_desktop/_bundled")
    for kind in ("exercises", "plans"):
        in_checkout = {p.name for p in (REPO_ROOT / "resources/content" / kind).glob("*.toml")}
        assert in_checkout, kind
        in_wheel = {n.name for n in names if n.parent == bundled / "resources/content" / kind}
        assert in_wheel == in_checkout, kind
    in_checkout = {p.name for p in (REPO_ROOT / "ui").glob("*.ui")} | {"theme.qss"}
    in_wheel = {n.name for n in names if n.parent == bundled / "ui"}
    assert in_checkout <= in_wheel
    assert PurePosixPath("lbp_desktop/views/forms/ui_main_window.py") in names
    assert PurePosixPath("lbp_desktop/__main__.py") in names


def test_wheel_leaves_out_tests_and_benchmarks(wheel: Path) -> None:
    for name in _names(wheel):
        assert not {"tests", "benchmarks", "tools", "__pycache__"} & set(name.parts), name
        assert name.suffix != ".pyc", name


def test_wheel_declares_both_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        entry_points = next(n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt"))
        text = zf.read(entry_points).decode()
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            current = line.strip("[]")
            sections[current] = {}
        elif "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            sections[current][key] = value
    assert sections["gui_scripts"]["lbp-desktop"] == "lbp_desktop.cli:main"
    assert sections["console_scripts"]["lbp-desktop-cli"] == "lbp_desktop.cli:main"


def test_installed_app_finds_its_files_inside_the_venv(venv, probe) -> None:
    code = "from lbp_desktop import paths; print(paths.resources_dir()); print(paths.ui_dir())"
    out = _ok(_venv_run(venv, str(venv["python"]), "-c", code))
    resources, ui = out.stdout.splitlines()
    assert _inside(resources, venv["site_packages"]), resources
    assert _inside(ui, venv["site_packages"]), ui
    assert (Path(ui) / "theme.qss").is_file()
    assert (Path(ui) / "main_window.ui").is_file()
    assert (Path(resources) / "content/exercises").is_dir()


def test_installed_scripts_run(venv, probe) -> None:
    scripts = venv["dir"] / BIN
    assert any(p.name.startswith("lbp-desktop") and "cli" not in p.name for p in scripts.iterdir())
    cli = next(p for p in scripts.iterdir() if p.name.startswith("lbp-desktop-cli"))
    out = _ok(_venv_run(venv, str(cli), "--version"))
    assert "lbp-desktop" in out.stdout


def test_installed_check_lists_the_bundled_content(venv, probe, tmp_path: Path) -> None:
    exercises = len(list((REPO_ROOT / "resources/content/exercises").glob("*.toml")))
    plans = len(list((REPO_ROOT / "resources/content/plans").glob("*.toml")))
    out = _venv_run(
        venv, str(venv["python"]), "-m", "lbp_desktop", "check", "--data-dir", str(tmp_path / "d")
    )
    _ok(out)
    assert f"All clear: {exercises} exercises with {exercises} illustrations, {plans} plans" in (
        out.stdout
    ), out.stdout


def test_installed_smoke_test(venv, probe, tmp_path: Path) -> None:
    out = _venv_run(
        venv,
        str(venv["python"]),
        "-m",
        "lbp_desktop",
        "--smoke-test",
        "--data-dir",
        str(tmp_path / "d"),
        timeout=90,
    )
    _ok(out)
    assert "first_paint_ms=" in out.stdout
    assert "content: " in out.stdout and " exercises" in out.stdout, out.stdout
