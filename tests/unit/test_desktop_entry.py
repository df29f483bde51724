"""The Linux desktop entry: valid, and its actions open plans that exist."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from lbp_desktop import APP_ID, paths
from lbp_desktop.cli import build_parser
from lbp_desktop.storage.content_files import load_content

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "linux" / f"{APP_ID}.desktop"


def _entry() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(ENTRY, encoding="utf-8")
    return parser


def test_desktop_file_validate_passes() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.fail("desktop-file-validate is missing (tools/ensure_system_deps.sh test)")
    out = subprocess.run([tool, str(ENTRY)], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and out.stdout.strip() == "", out.stdout + out.stderr


def test_actions_play_bundled_plans_through_the_real_command_line() -> None:
    entry = _entry()
    main = entry["Desktop Entry"]
    assert shlex.split(main["Exec"]) == [APP_ID]
    actions = [a for a in main["Actions"].split(";") if a]
    assert actions == ["desk-reset"]
    plans = load_content(paths.content_dir()).plans
    for action in actions:
        argv = shlex.split(entry[f"Desktop Action {action}"]["Exec"])
        assert argv[0] == APP_ID
        args = build_parser().parse_args(argv[1:])
        assert args.command == "play" and args.plan_id in plans
