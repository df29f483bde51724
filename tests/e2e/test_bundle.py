"""The app as the PyInstaller bundle delivers it: build the one-folder bundle
from packaging/pyinstaller/lbp-desktop.spec, then run it as a user would.

The rest of the suite runs the checkout, where Python finds every module and
Qt every plugin. Here a module PyInstaller cannot see (one imported by name),
a plugin the spec leaves out that the app needs after all, or a file placed
where paths.py does not look makes a test fail. Building takes ~45 s on two
cores, so it happens once for the whole module.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lbp_desktop import APP_ID, __version__
from tests.e2e.conftest import answer_safety_questions, app_env
from tests.e2e.log_lines import LogLines
from tests.xdisplay import xvfb_display

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed: pip install -e '.[bundle]' to build the bundle",
    ),
]

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC = REPO_ROOT / "packaging" / "pyinstaller" / "lbp-desktop.spec"
BUILD_TIMEOUT_S = 900
EXE_SUFFIX = ".exe" if os.name == "nt" else ""

# Heavy parts of Qt the app never uses; any of them in the bundle means the
# spec's exclusions stopped working (QtWebEngine alone is ~280 MB). Matched
# case-insensitively against every file's path inside the bundle.
MUST_BE_ABSENT = {
    "QtWebEngine": re.compile(r"webengine", re.I),
    "QtQuick or QtQml": re.compile(r"qt6?(quick|qml)", re.I),
    "Qt3D": re.compile(r"qt6?3d", re.I),
    "Qt Designer": re.compile(r"designer", re.I),
    "QtPdf": re.compile(r"qt6?pdf", re.I),
    "FFmpeg": re.compile(r"avcodec|avformat", re.I),
    "GTK": re.compile(r"libgtk", re.I),
    "Qt translations": re.compile(r"PySide6/(Qt/)?translations/", re.I),
}


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("timeout", 120)
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def _ok(out: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert out.returncode == 0, f"{out.args}\n--- stdout\n{out.stdout}\n--- stderr\n{out.stderr}"
    return out


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The freshly built bundle folder (dist/lbp-desktop/ of a tmp build)."""
    root = tmp_path_factory.mktemp("pyinstaller")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(root / "dist"), "--workpath", str(root / "work"), str(SPEC)]
    _ok(_run(cmd, cwd=root, timeout=BUILD_TIMEOUT_S))
    folder = root / "dist" / APP_ID
    assert (folder / f"{APP_ID}{EXE_SUFFIX}").is_file(), sorted(p.name for p in folder.iterdir())
    return folder


@pytest.fixture
def run_bundle(bundle: Path, tmp_path: Path):
    """Run the bundle's executable with ARGS, in a tmp home and working folder."""
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str, timeout: float = 90, **env: str) -> subprocess.CompletedProcess[str]:
        # cwd outside the checkout: nothing may be found there by accident.
        return _run(
            [str(bundle / f"{APP_ID}{EXE_SUFFIX}"), *args],
            env={**app_env(home), **env},
            cwd=home,
            timeout=timeout,
        )

    return run


def _content_counts() -> tuple[int, int]:
    content = REPO_ROOT / "resources" / "content"
    return len(list((content / "exercises").glob("*.toml"))), len(
        list((content / "plans").glob("*.toml"))
    )


def _bundled(bundle: Path) -> Path:
    """Where paths.py finds resources/ and ui/ inside the bundle."""
    return bundle / "_internal" / "lbp_desktop" / "_bundled"


# ----- what is in the folder ----------------------------------------------------------------


def test_bundle_holds_content_forms_and_sounds_where_paths_py_looks(bundle: Path) -> None:
    bundled = _bundled(bundle)
    for kind in ("exercises", "plans"):
        in_checkout = {p.name for p in (REPO_ROOT / "resources/content" / kind).glob("*.toml")}
        assert in_checkout, kind
        assert {p.name for p in (bundled / "resources/content" / kind).glob("*.toml")} == (
            in_checkout
        ), kind
    sounds = {p.name for p in (REPO_ROOT / "resources/sounds").glob("*.wav")}
    assert sounds
    assert {p.name for p in (bundled / "resources/sounds").glob("*.wav")} == sounds
    assert (bundled / "ui" / "theme.qss").is_file()
    # The window icon and the menu entry's files, as in the wheel.
    icons = REPO_ROOT / "packaging/icons/hicolor"
    in_checkout = {p.relative_to(icons) for p in icons.glob("*/apps/*.png")}
    assert in_checkout
    in_bundle = bundled / "packaging/icons/hicolor"
    assert {p.relative_to(in_bundle) for p in in_bundle.glob("*/apps/*.png")} == in_checkout
    assert (bundled / "packaging/linux" / f"{APP_ID}.desktop").is_file()


def test_bundle_leaves_out_webengine_and_other_unused_qt(bundle: Path) -> None:
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    for what, pattern in MUST_BE_ABSENT.items():
        found = [f for f in files if pattern.search(f)]
        assert not found, f"{what} is in the bundle: {found[:5]}"
    if sys.platform.startswith("linux"):  # the system's C++ runtime is used (see the spec)
        assert not [f for f in files if "libstdc++" in f or "libgcc_s" in f]
    # ...while the parts the app does use are there.
    plugins = {Path(f).name for f in files if "/plugins/" in f}
    wanted = ("qoffscreen", "qsvg", "texttospeech")
    if sys.platform.startswith("linux"):
        wanted += ("qxcb", "qwayland", "xdg-shell")
    for part in wanted:
        assert any(part in name for name in plugins) or any(f"/{part}/" in f for f in files), part


# ----- running it ---------------------------------------------------------------------------


def test_bundle_smoke_test_opens_the_window_and_loads_content(run_bundle, tmp_path: Path) -> None:
    out = _ok(run_bundle("--smoke-test", "--data-dir", str(tmp_path / "data")))
    values = dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    assert float(values["first_paint_ms"]) > 0
    exercises, plans = _content_counts()
    assert f"content: {exercises} exercises, {plans} plans" in out.stdout, out.stdout


def test_bundle_version_and_check(run_bundle, tmp_path: Path) -> None:
    assert _ok(run_bundle("--version")).stdout.strip() == f"{APP_ID} {__version__}"
    exercises, plans = _content_counts()
    out = _ok(run_bundle("check", "--data-dir", str(tmp_path / "data")))
    assert f"All clear: {exercises} exercises with {exercises} illustrations, {plans} plans" in (
        out.stdout
    ), out.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="menu entries are for Linux desktops")
def test_bundle_adds_itself_to_the_applications_menu(
    bundle: Path, run_bundle, tmp_path: Path
) -> None:
    data_home = tmp_path / "share"
    _ok(run_bundle("install-desktop-entry", XDG_DATA_HOME=str(data_home)))
    entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_lines = [line for line in entry.splitlines() if line.startswith("Exec=")]
    assert exec_lines
    # The bundled executable itself, not a Python: that is what a user can start.
    assert all(line.startswith(f"Exec={bundle / APP_ID}") for line in exec_lines), exec_lines
    assert list((data_home / "icons/hicolor").glob(f"*/apps/{APP_ID}.png"))


def test_bundle_exports_every_format(run_bundle, tmp_path: Path) -> None:
    """The formats are imported by name, and the PDF's charts need pyqtgraph and
    numpy: the parts most likely to be missing from a bundle."""
    data = tmp_path / "data"
    _ok(run_bundle("seed-demo", "--days", "30", "--data-dir", str(data)))
    starts = {"csv": b"", "fhir": b"{", "pdf": b"%PDF-"}
    for fmt, start in starts.items():
        out = tmp_path / f"diary.{fmt}"
        _ok(run_bundle("export", "--format", fmt, "--out", str(out), "--data-dir", str(data)))
        assert out.read_bytes().startswith(start), fmt
        assert out.stat().st_size > 1000, fmt
    assert b"Bundle" in (tmp_path / "diary.fhir").read_bytes()[:200]


def _assert_ended_cleanly(code: int, app: LogLines) -> None:
    log = "\n".join(app.seen)
    assert code == 0, log


def _hand_over(bundle: Path, data: Path, env: dict[str, str], app: LogLines) -> None:
    """A second launch on the same data folder, as a double-click would do.

    Its request is answered by the first app's running event loop, so once it
    is logged the app is fully up: a SIGTERM sent earlier, while the app is
    still starting, ends it without its clean quit (reported separately).
    """
    second = _run([str(bundle / APP_ID), "--data-dir", str(data)], env=env, timeout=60)
    assert second.returncode == 0, second.stderr
    app.wait_for("brought to the front by a second launch")


@pytest.mark.skipif(sys.platform != "linux", reason="trayer and Xvfb are Linux tools")
def test_bundle_starts_in_a_real_tray(bundle: Path, tmp_path: Path) -> None:
    """Under X (xcb), not offscreen: the platform plugin, the tray and the idle watch."""
    if not shutil.which("trayer"):
        pytest.skip("needs trayer (Debian package: trayer)")
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    answer_safety_questions(data)
    with xvfb_display() as display:
        env = app_env(home)
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LBP_DESKTOP_LOG="INFO")
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        app = LogLines(
            subprocess.Popen(
                [str(bundle / APP_ID), "--in-tray", "--data-dir", str(data)],
                env=env,
                cwd=home,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        try:
            app.wait_for("tray icon shown")
            # ctypes finds libXss (bundled or the system's) from inside the bundle.
            assert "X11 screen saver" in app.wait_for("idle: ")
            _hand_over(bundle, data, env, app)  # QtNetwork's local socket works too
        finally:
            code = app.stop()
            trayer.terminate()
            trayer.wait(10)
    _assert_ended_cleanly(code, app)


@contextmanager
def _private_pulse_server(folder: Path) -> Iterator[str]:
    """A PulseAudio server with one silent output, for this test alone."""
    folder.mkdir(mode=0o700)
    socket = folder / "native"
    env = dict(os.environ, HOME=str(folder), XDG_RUNTIME_DIR=str(folder))
    cmd = ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no"]
    cmd += ["-L", "module-null-sink sink_name=silent"]
    cmd += ["-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1"]
    log = folder / "pulseaudio.log"  # a file, not a pipe nobody reads while the test runs
    with log.open("wb") as log_file:
        server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=log_file)
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"pulseaudio did not start: {log.read_text(errors='replace')[-500:]}")
            time.sleep(0.1)
        yield f"unix:{socket}"
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _playing_streams(server: str) -> list[str]:
    out = _run(["pactl", "list", "short", "sink-inputs"], env=dict(os.environ, PULSE_SERVER=server))
    return [line for line in out.stdout.splitlines() if line.strip()]


@pytest.mark.skipif(sys.platform != "linux", reason="uses a private PulseAudio server")
def test_bundle_plays_the_cue_sounds_without_a_media_backend(bundle: Path, tmp_path: Path) -> None:
    """The spec leaves out Qt's FFmpeg media backend (~36 MB): QSoundEffect
    plays our WAV files without it. A session's first cue must reach the output."""
    if not (shutil.which("pulseaudio") and shutil.which("pactl")):
        pytest.skip("needs pulseaudio and pactl (Debian packages: pulseaudio, pulseaudio-utils)")
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    answer_safety_questions(data)
    with _private_pulse_server(tmp_path / "pulse") as server:
        assert _playing_streams(server) == []
        env = app_env(home)
        env.update(PULSE_SERVER=server, LBP_DESKTOP_LOG="INFO")
        app = LogLines(
            subprocess.Popen(
                [str(bundle / APP_ID), "play", "desk-reset", "--data-dir", str(data)],
                env=env,
                cwd=home,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        try:
            app.wait_for("session opened")
            deadline = time.monotonic() + 20
            while not _playing_streams(server):
                assert time.monotonic() < deadline, f"no sound reached the output: {app.seen}"
                time.sleep(0.2)
            _hand_over(bundle, data, env, app)
        finally:
            code = app.stop()
    _assert_ended_cleanly(code, app)
    assert not [line for line in app.seen if "cue sound" in line], app.seen
