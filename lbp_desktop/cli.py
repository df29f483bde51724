"""Command line: the GUI by default, plus `check` and `seed-demo`.

Kept light on purpose: nothing from Qt is imported until the GUI is really
started, so `check` is quick and the window's first paint is not delayed by
work it does not need.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from lbp_desktop import APP_NAME, __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_PROBLEMS = 2


def _add_data_dir(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        # A sub-command's own --data-dir must not reset one given before it.
        default=None if top_level else argparse.SUPPRESS,
        metavar="PATH",
        help="folder holding your diary (default: your per-user app data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lbp-desktop",
        description=f"{APP_NAME}: guided back-care sessions, a pain diary and posture breaks.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_data_dir(parser, top_level=True)
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start the app, open the main window, load content and data, report start-up "
        "time and memory, then quit (exit 0 when all went well)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="check the exercise content and your data files; exit 0 when clean, 2 when not",
        description="Checks the bundled content, your own plan files and every data file. "
        "Each problem is printed as one line naming the file, the entry and the field. "
        "Nothing is changed.",
    )
    _add_data_dir(check, top_level=False)

    seed = sub.add_parser(
        "seed-demo",
        help="fill a data folder with realistic made-up history (demos, screenshots, benchmarks)",
        description="Writes synthetic history into the data folder. Refuses a folder that "
        "already holds records unless --force is given.",
    )
    _add_data_dir(seed, top_level=False)
    seed.add_argument("--days", type=_positive_int, required=True, help="how many days of history")
    seed.add_argument("--profile", choices=("light", "heavy"), default="light")
    seed.add_argument("--force", action="store_true", help="add to a folder that holds records")
    seed.add_argument("--seed", type=int, default=7, help="random seed (same seed, same history)")
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _data_dir(args: argparse.Namespace) -> Path:
    from lbp_desktop.paths import default_data_dir

    given = getattr(args, "data_dir", None)
    return (given or default_data_dir()).expanduser().absolute()


def _err(message: str) -> None:
    # A gui-script on Windows may have no stderr at all.
    if sys.stderr is not None:
        print(message, file=sys.stderr)


def run_check(data_dir: Path) -> int:
    from lbp_desktop import paths
    from lbp_desktop.storage.check import check_data_dir
    from lbp_desktop.storage.content_files import load_content

    library = load_content(paths.content_dir(), paths.user_plans_dir(data_dir))
    problems = [str(p) for p in library.problems]
    if data_dir.exists() and not data_dir.is_dir():
        problems.append(f"{data_dir}: -: -: is a file, not a data folder")
    elif data_dir.exists():
        problems += [str(p) for p in check_data_dir(data_dir)]
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem(s) found. Nothing was changed.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(
        f"All clear: {len(library.exercises)} exercises, {len(library.plans)} plans, "
        f"data in {data_dir}."
    )
    return EXIT_OK


def run_seed_demo(args: argparse.Namespace) -> int:
    from lbp_desktop.demo_seed import DataDirNotEmpty, seed_demo
    from lbp_desktop.storage.errors import StoreError

    data_dir = _data_dir(args)
    try:
        report = seed_demo(
            data_dir, days=args.days, profile=args.profile, force=args.force, seed=args.seed
        )
    except DataDirNotEmpty as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except StoreError as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except OSError as exc:
        _err(f"Cannot write to {data_dir}: {exc.strerror or exc}. Nothing was written.")
        return EXIT_PROBLEMS
    print(report.summary())
    return EXIT_OK


def _configure_logging(level: str) -> None:
    import logging  # only when asked for: it is ~15 ms of start-up otherwise

    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.WARNING),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Quiet by default (Python still prints warnings and errors to stderr);
    # LBP_DESKTOP_LOG=INFO shows what the app is doing.
    level = os.environ.get("LBP_DESKTOP_LOG")
    if level and sys.stderr is not None:
        _configure_logging(level)
    if args.command == "check":
        return run_check(_data_dir(args))
    if args.command == "seed-demo":
        return run_seed_demo(args)

    from lbp_desktop.app import run_gui

    return run_gui(_data_dir(args), smoke_test=args.smoke_test)


if __name__ == "__main__":
    sys.exit(main())
