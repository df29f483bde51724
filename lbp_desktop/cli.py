"""Command line: the GUI by default, plus `check`, `seed-demo`, `export`, `import` and more.

Kept light on purpose: nothing from Qt is imported until the GUI is really
started, so `check` is quick and the window's first paint is not delayed by
work it does not need.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from lbp_desktop import APP_NAME, __version__

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_PROBLEMS = 2

# The PDF report is drawn with Qt, not rendered to bytes like the data formats.
PDF_FORMAT = "pdf"
PDF_PURPOSE = (
    "PDF, a report for a clinician: plan, sessions done, pain and PEG trends with charts, "
    "sessions stopped for pain, and what the diary does and does not show"
)


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
    parser.add_argument(
        "--in-tray",
        action="store_true",
        help="start in the system tray without opening the window (used when starting with "
        "the computer); without a tray the window opens after about 30 s",
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
    imp = sub.add_parser(
        "import-plan",
        help="check a plan file (say, from your physiotherapist) and add it to your plans",
        description="Checks the plan file against the plan format (docs/plan-format.md) and "
        "copies it into the plans folder of your data folder. Nothing is written when the file "
        "has a problem; each problem is printed as one line naming the file, entry and field.",
    )
    _add_data_dir(imp, top_level=False)
    imp.add_argument("file", type=Path, metavar="FILE", help="the plan file (.toml)")
    imp.add_argument(
        "--replace", action="store_true", help="replace your own plan that has the same id"
    )

    play = sub.add_parser(
        "play",
        help="open the app straight into a guided session of one plan",
        description="Starts the app (or, when it is already running, asks the running app) "
        "and opens the player for PLAN_ID, for example desk-reset. The safety questions are "
        "asked first if they have not been answered yet.",
    )
    _add_data_dir(play, top_level=False)
    play.add_argument("plan_id", metavar="PLAN_ID", help="the plan's id, e.g. desk-reset")

    _add_export_parsers(sub)

    render = sub.add_parser(
        "render-illustrations",
        help="draw every exercise's key poses as PNG and SVG files",
        description="Writes one PNG and one SVG per key pose of every exercise into OUTDIR.",
    )
    render.add_argument("outdir", type=Path, metavar="OUTDIR")
    render.add_argument("--no-svg", action="store_true", help="write PNG files only")

    install = sub.add_parser(
        "install-desktop-entry",
        help="add the app to your applications menu (Linux), so you can pin it and start it "
        "with a click",
        description="Adds a menu entry, the app's icons and its software-centre description to "
        "your own folders (~/.local/share), pointing at this install. Run it again after "
        "moving or reinstalling the app. Only for you: nothing outside your home is changed.",
    )
    _add_data_dir(install, top_level=False)
    sub.add_parser(
        "uninstall-desktop-entry",
        help="remove the app from your applications menu (Linux); your diary stays",
        description="Removes exactly the files install-desktop-entry added. Your diary, "
        "settings and start-on-login choice are not touched.",
    )
    return parser


def _add_export_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    # The registry of formats imports nothing heavy; each format's own module
    # is imported only when it is used.
    from lbp_desktop.storage.export_files import FORMATS

    export = sub.add_parser(
        "export",
        help="write your diary to a CSV file or a FHIR R4 file, or a PDF report (for a "
        "spreadsheet, a clinician or another computer)",
        description="Writes every record of your diary (or those from --from to --to, both "
        "inclusive, by the local date of each record) to PATH. Formats: "
        + "; ".join(f"{fmt.name}: {fmt.title}, {fmt.purpose}" for fmt in FORMATS.values())
        + f"; {PDF_FORMAT}: {PDF_PURPOSE}. An existing PATH is never replaced unless --force "
        "is given. Works while the app is open.",
    )
    _add_data_dir(export, top_level=False)
    export.add_argument(
        "--format", required=True, choices=(*FORMATS, PDF_FORMAT), help="file format"
    )
    export.add_argument("--out", type=Path, required=True, metavar="PATH", help="file to write")
    export.add_argument(
        "--from", dest="since", type=_iso_date, metavar="DATE", help="first day, e.g. 2026-01-31"
    )
    export.add_argument(
        "--to", dest="until", type=_iso_date, metavar="DATE", help="last day, e.g. 2026-03-31"
    )
    export.add_argument("--force", action="store_true", help="replace PATH if it exists")

    imp = sub.add_parser(
        "import",
        help="merge an export of this app (CSV or FHIR, e.g. from another computer) into "
        "your diary",
        description="Adds the records of FILE that your diary does not have, leaves the ones "
        "it has alone, and where both changed a record keeps the newer edit. Records are "
        "matched by their id, so importing the same file twice changes nothing. A damaged "
        "or unknown file is refused and nothing is written. The app must be closed.",
    )
    _add_data_dir(imp, top_level=False)
    imp.add_argument("file", type=Path, metavar="FILE", help="a CSV or FHIR export of this app")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date like 2026-01-31 (year-month-day)"
        ) from None


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
    from lbp_desktop.storage.pose_files import load_poses, poses_dir

    library = load_content(paths.content_dir(), paths.user_plans_dir(data_dir))
    poses = load_poses(poses_dir(), library.exercises)
    problems = [str(p) for p in library.problems] + [str(p) for p in poses.problems]
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
        f"All clear: {len(library.exercises)} exercises with {len(poses.specs)} illustrations, "
        f"{len(library.plans)} plans, data in {data_dir}."
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


def run_export(args: argparse.Namespace) -> int:
    from lbp_desktop.storage.errors import StoreError
    from lbp_desktop.storage.export_files import ExportError, check_range
    from lbp_desktop.storage.store import Store

    data_dir = _data_dir(args)
    out = args.out.expanduser()
    try:
        check_range(args.since, args.until)
        if not data_dir.is_dir():
            raise ExportError(f"There is no diary in {data_dir}. Nothing was written.")
        write = _pdf_writer(data_dir) if args.format == PDF_FORMAT else _file_writer(args.format)
        with Store.open(data_dir, read_only=True) as store:
            result = write(store, out, since=args.since, until=args.until, force=args.force)
    except ExportError as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except StoreError as exc:
        _err(f"{exc} Nothing was written.")
        return EXIT_PROBLEMS
    except OSError as exc:
        _err(f"Cannot write {out}: {exc.strerror or exc}. Nothing was written.")
        return EXIT_PROBLEMS
    print(result.summary())
    return EXIT_OK


def _file_writer(format_name: str):
    from lbp_desktop.storage.export_files import export_to_file

    return lambda store, out, **kw: export_to_file(store, format_name, out, **kw)


_qt_app: object | None = None


def _pdf_writer(data_dir: Path):
    # Files only: the charts are drawn offscreen, so no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from functools import partial

    from PySide6.QtWidgets import QApplication

    from lbp_desktop.services.report_pdf import export_report, library_names

    global _qt_app
    # Charts are widgets drawn offscreen: a QApplication, not only a QGuiApplication,
    # kept in a global so it outlives the export.
    _qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    return partial(export_report, names=library_names(data_dir))


_MAX_SKIPPED_LINES = 20


def run_import(args: argparse.Namespace) -> int:
    from lbp_desktop.storage.errors import StoreError, StoreLocked
    from lbp_desktop.storage.export_files import ImportFileError
    from lbp_desktop.storage.import_merge import ImportWriteError, import_file

    data_dir = _data_dir(args)
    try:
        report = import_file(args.file, data_dir)
    except ImportFileError as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except StoreLocked:
        _err(
            f"The app is open and is using your diary ({data_dir}), so nothing was imported. "
            "Close the app, then run the import again."
        )
        return EXIT_PROBLEMS
    except ImportWriteError as exc:
        print(f"Before it stopped: {exc.report.summary()}")
        _err(str(exc))
        return EXIT_PROBLEMS
    except StoreError as exc:
        _err(f"{exc} Nothing was imported.")
        return EXIT_PROBLEMS
    except OSError as exc:
        _err(f"Cannot use the data folder {data_dir}: {exc.strerror or exc}. Nothing was imported.")
        return EXIT_PROBLEMS
    print(f"Imported {report.summary()}")
    for skipped in report.skipped[:_MAX_SKIPPED_LINES]:
        print(f"  {skipped}")
    if len(report.skipped) > _MAX_SKIPPED_LINES:
        print(f"  ... and {len(report.skipped) - _MAX_SKIPPED_LINES} more skipped.")
    if report.problems:
        _err(f"{len(report.problems)} record(s) could not be imported; see above.")
        return EXIT_PROBLEMS
    return EXIT_OK


def _configure_logging(level: str) -> None:
    import logging  # only when asked for: it is ~15 ms of start-up otherwise

    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.WARNING),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def run_import_plan(args: argparse.Namespace) -> int:
    from lbp_desktop import paths
    from lbp_desktop.storage.plan_import import import_plan

    data_dir = _data_dir(args)
    try:
        result = import_plan(args.file, data_dir, paths.content_dir(), replace=args.replace)
    except OSError as exc:
        _err(f"Cannot write into {data_dir}: {exc.strerror or exc}. Nothing was written.")
        return EXIT_PROBLEMS
    if not result.ok:
        for problem in result.problems:
            print(problem)
        count = len(result.problems)
        _err(f"{args.file} was not imported: {count} problem(s). Nothing was written.")
        return EXIT_PROBLEMS
    verb = "Replaced" if result.replaced else "Added"
    print(f"{verb} the plan '{result.plan_id}': {result.installed}")
    return EXIT_OK


def run_render_illustrations(args: argparse.Namespace) -> int:
    # Files only: no window is shown, so no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from lbp_desktop import paths
    from lbp_desktop.storage.content_files import load_content
    from lbp_desktop.storage.pose_files import load_poses, poses_dir
    from lbp_desktop.views.figure_export import render_illustrations

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    library = load_content(paths.content_dir())
    poses = load_poses(poses_dir(), library.exercises)
    for problem in poses.problems:
        print(problem)
    try:
        written = render_illustrations(args.outdir, library, poses, svg=not args.no_svg)
    except OSError as exc:
        _err(f"Cannot write into {args.outdir}: {exc}")
        return EXIT_PROBLEMS
    print(f"Wrote {len(written)} file(s) into {args.outdir}.")
    return EXIT_PROBLEMS if poses.problems else EXIT_OK


def run_install_desktop_entry(args: argparse.Namespace) -> int:
    from lbp_desktop.desktop_integration import DesktopIntegrationError, install_desktop_entry

    # Only a folder the user chose goes into the entry; the default is found at start.
    given = getattr(args, "data_dir", None)
    data_dir = given.expanduser().absolute() if given is not None else None
    try:
        written = install_desktop_entry(data_dir)
    except DesktopIntegrationError as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except OSError as exc:
        _err(f"Could not add {APP_NAME} to the menu: {exc.strerror or exc} ({exc.filename}).")
        return EXIT_PROBLEMS
    print("Wrote:")
    for path in written:
        print(f"  {path}")
    print(
        f'{APP_NAME} is now in your applications menu: search for "Back Care" there. '
        "From the menu you can pin it to your dock or panel."
    )
    if data_dir is not None:
        print(f"It opens the diary in {data_dir}.")
    return EXIT_OK


def run_uninstall_desktop_entry() -> int:
    from lbp_desktop.desktop_integration import DesktopIntegrationError, uninstall_desktop_entry

    try:
        removed = uninstall_desktop_entry()
    except DesktopIntegrationError as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    if not removed:
        print(f"{APP_NAME} was not in your applications menu: nothing to remove.")
        return EXIT_OK
    print("Removed:")
    for path in removed:
        print(f"  {path}")
    print(
        f"{APP_NAME} is no longer in your applications menu. "
        "Your diary and settings were not touched."
    )
    return EXIT_OK


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
    if args.command == "import-plan":
        return run_import_plan(args)
    if args.command == "render-illustrations":
        return run_render_illustrations(args)
    if args.command == "export":
        return run_export(args)
    if args.command == "import":
        return run_import(args)
    if args.command == "install-desktop-entry":
        return run_install_desktop_entry(args)
    if args.command == "uninstall-desktop-entry":
        return run_uninstall_desktop_entry()

    from lbp_desktop.app import run_gui

    play = args.plan_id if args.command == "play" else None
    return run_gui(_data_dir(args), smoke_test=args.smoke_test, play=play, in_tray=args.in_tray)


if __name__ == "__main__":
    sys.exit(main())
