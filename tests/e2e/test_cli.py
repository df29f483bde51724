"""The command line as a user (or CI, or a benchmark) calls it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from lbp_desktop import __version__

pytestmark = pytest.mark.slow


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_and_help(run_cli) -> None:
    out = run_cli("--version")
    assert out.returncode == 0
    assert __version__ in out.stdout
    helped = run_cli("--help")
    assert helped.returncode == 0
    for word in ("check", "seed-demo", "--smoke-test", "--data-dir"):
        assert word in helped.stdout


def test_check_on_a_fresh_folder_is_clean(run_cli, tmp_path: Path) -> None:
    out = run_cli("check", "--data-dir", str(tmp_path / "data"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "All clear" in out.stdout


def test_seed_demo_then_check_then_refuse(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    seeded = run_cli("seed-demo", "--days", "20", "--profile", "heavy", "--data-dir", str(data))
    assert seeded.returncode == 0, seeded.stderr
    checked = run_cli("--data-dir", str(data), "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    before = {p: _digest(p) for p in data.rglob("*.json")}
    again = run_cli("seed-demo", "--days", "5", "--data-dir", str(data))
    assert again.returncode == 2
    assert "--force" in again.stderr
    assert {p: _digest(p) for p in data.rglob("*.json")} == before


def test_check_reports_a_corrupt_file_and_leaves_it_alone(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("seed-demo", "--days", "3", "--data-dir", str(data)).returncode == 0
    year_file = sorted((data / "records").glob("*.json"))[-1]
    text = year_file.read_bytes()
    year_file.write_bytes(text[: len(text) // 2])  # truncated, as after a bad disk
    before = _digest(year_file)
    out = run_cli("check", "--data-dir", str(data))
    assert out.returncode == 2
    assert year_file.name in out.stdout
    assert _digest(year_file) == before


def test_check_names_file_entry_and_field_of_a_bad_record(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("seed-demo", "--days", "3", "--data-dir", str(data)).returncode == 0
    year_file = sorted((data / "records").glob("*.json"))[-1]
    doc = json.loads(year_file.read_text())
    table = doc["pain_checkins"]
    first_key = next(iter(table))
    table[first_key]["score"] = 14
    year_file.write_text(json.dumps(doc))
    out = run_cli("check", "--data-dir", str(data))
    assert out.returncode == 2
    line = next(line for line in out.stdout.splitlines() if "score" in line)
    assert year_file.name in line
    assert table[first_key]["id"] in line


def test_bad_arguments_get_a_clear_message(run_cli) -> None:
    out = run_cli("seed-demo", "--days", "zero")
    assert out.returncode == 2
    assert "not a whole number" in out.stderr


def _random_bytes(doc: dict) -> bytes:
    return bytes(range(256)) * 4


def _wrong_types(doc: dict) -> bytes:
    table = doc["posture_breaks"]
    table[next(iter(table))]["duration_s"] = "a while"
    return json.dumps(doc).encode()


def _future_schema(doc: dict) -> bytes:
    doc["meta"]["schema"]["version"] = 99
    return json.dumps(doc).encode()


@pytest.mark.parametrize("damage", [_random_bytes, _wrong_types, _future_schema])
def test_check_exit_2_and_file_untouched_for_each_kind_of_damage(
    run_cli, tmp_path: Path, damage
) -> None:
    data = tmp_path / "data"
    assert run_cli("seed-demo", "--days", "3", "--data-dir", str(data)).returncode == 0
    year_file = sorted((data / "records").glob("*.json"))[-1]
    year_file.write_bytes(damage(json.loads(year_file.read_text())))
    before = (_digest(year_file), year_file.stat().st_mtime_ns)
    out = run_cli("check", "--data-dir", str(data))
    assert out.returncode == 2, out.stdout
    assert f"records/{year_file.name}" in out.stdout
    assert (_digest(year_file), year_file.stat().st_mtime_ns) == before
    # The app itself refuses the same file the same way, and leaves it alone too.
    smoke = run_cli("--smoke-test", "--data-dir", str(data))
    assert smoke.returncode == 2
    assert f"records/{year_file.name}" in smoke.stdout
    assert (_digest(year_file), year_file.stat().st_mtime_ns) == before


def test_a_file_where_the_data_folder_should_be(run_cli, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    checked = run_cli("check", "--data-dir", str(blocker))
    assert checked.returncode == 2
    assert "not a data folder" in checked.stdout
    seeded = run_cli("seed-demo", "--days", "2", "--data-dir", str(blocker))
    assert seeded.returncode == 2
    assert "Nothing was written" in seeded.stderr
    assert "Traceback" not in seeded.stderr
    assert blocker.read_text() == "not a folder"


PHYSIO_PLAN = """
[[plan]]
id = "from-my-physio"
name = "From my physio"
summary = "Two exercises agreed at the last visit."

[[plan.items]]
exercise = "bridge"
reps = 8

[[plan.items]]
exercise = "bird-dog"
"""


def test_import_plan_installs_a_good_file_and_check_sees_it(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "physio.toml"
    plan.write_text(PHYSIO_PLAN)
    out = run_cli("import-plan", str(plan), "--data-dir", str(data))
    assert out.returncode == 0, out.stdout + out.stderr
    installed = data / "plans" / "from-my-physio.toml"
    assert installed.read_text() == PHYSIO_PLAN
    assert run_cli("check", "--data-dir", str(data)).returncode == 0
    again = run_cli("import-plan", str(plan), "--data-dir", str(data))
    assert again.returncode == 2  # the same id again needs --replace
    assert run_cli("import-plan", str(plan), "--replace", "--data-dir", str(data)).returncode == 0


def test_import_plan_refuses_a_bad_file_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "physio.toml"
    plan.write_text(PHYSIO_PLAN.replace('exercise = "bird-dog"', 'exercise = "handstand"'))
    out = run_cli("import-plan", str(plan), "--data-dir", str(data))
    assert out.returncode == 2
    line = next(line for line in out.stdout.splitlines() if "handstand" in line)
    assert "physio.toml" in line and "from-my-physio" in line
    assert "Nothing was written" in out.stderr
    assert not (data / "plans").exists() or not any((data / "plans").iterdir())


def test_render_illustrations_writes_every_keyframe(run_cli, tmp_path: Path) -> None:
    from lbp_desktop import paths
    from lbp_desktop.storage.content_files import load_content
    from lbp_desktop.storage.pose_files import load_poses, poses_dir

    library = load_content(paths.content_dir())
    poses = load_poses(poses_dir(), library.exercises)
    expected = {
        f"{ident}-{keyframe.name}{suffix}"
        for ident, spec in poses.specs.items()
        for keyframe in spec.keyframes
        for suffix in (".png", ".svg")
    }
    out_dir = tmp_path / "pictures"
    out = run_cli("render-illustrations", str(out_dir), timeout=180)
    assert out.returncode == 0, out.stdout + out.stderr
    assert {p.name for p in out_dir.iterdir()} == expected
    assert len(poses.specs) == len(library.exercises) >= 26
    png = (out_dir / sorted(n for n in expected if n.endswith(".png"))[0]).read_bytes()
    assert png.startswith(b"\x89PNG")
