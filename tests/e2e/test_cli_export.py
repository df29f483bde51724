"""`export` and `import` as a user runs them: the real entry point in a subprocess."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from lbp_desktop.storage.store import Store

pytestmark = pytest.mark.slow


def _digests(folder: Path) -> dict[Path, str]:
    return {
        p: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "lbp-desktop.lock"
    }


def _export(run_cli, data_dir: Path, fmt: str, out: Path) -> None:
    done = run_cli("export", "--format", fmt, "--out", str(out), "--data-dir", str(data_dir))
    assert done.returncode == 0, done.stderr


@pytest.fixture
def laptop(run_cli, tmp_path: Path) -> Path:
    data = tmp_path / "laptop"
    seeded = run_cli("seed-demo", "--days", "14", "--profile", "heavy", "--data-dir", str(data))
    assert seeded.returncode == 0, seeded.stderr
    return data


def test_help_lists_both_commands_and_the_formats(run_cli) -> None:
    helped = run_cli("--help")
    assert "export" in helped.stdout and "import" in helped.stdout
    export_help = run_cli("export", "--help")
    assert export_help.returncode == 0
    assert "{csv,fhir,pdf}" in export_help.stdout


@pytest.mark.parametrize("fmt", ["csv", "fhir"])
def test_export_then_import_elsewhere_then_again(
    run_cli, laptop: Path, tmp_path: Path, fmt
) -> None:
    out = tmp_path / f"diary.{fmt}"
    exported = run_cli("export", "--format", fmt, "--out", str(out), "--data-dir", str(laptop))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("Wrote ") and str(out) in exported.stdout
    desktop = tmp_path / "desktop"
    first = run_cli("import", str(out), "--data-dir", str(desktop))
    assert first.returncode == 0, first.stderr
    assert " 0 unchanged, 0 updated, 0 skipped." in first.stdout
    again = run_cli("--data-dir", str(desktop), "import", str(out))
    assert again.returncode == 0, again.stderr
    assert "0 added" in again.stdout and "0 updated, 0 skipped." in again.stdout
    checked = run_cli("check", "--data-dir", str(desktop))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_csv_opens_as_a_table_with_a_date_range(run_cli, laptop: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.csv"
    whole = tmp_path / "all.csv"
    _export(run_cli, laptop, "csv", whole)
    rows = list(csv.DictReader(io.StringIO(whole.read_text("utf-8-sig"), newline="")))
    days = sorted({row["date"] for row in rows})
    since, until = days[2], days[8]
    done = run_cli(
        "export", "--format", "csv", "--out", str(out), "--data-dir", str(laptop),
        "--from", since, "--to", until,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    chosen = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert {row["date"] for row in chosen} == {d for d in days if since <= d <= until}
    assert len(chosen) == sum(since <= row["date"] <= until for row in rows)


def test_an_existing_file_needs_force(run_cli, laptop: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine.csv"
    out.write_text("my own notes")
    args = ("export", "--format", "csv", "--out", str(out), "--data-dir", str(laptop))
    refused = run_cli(*args)
    assert refused.returncode == 2
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_text() == "my own notes"
    forced = run_cli(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbfkind,")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--format", "xlsx"), "invalid choice"),
        (("--format", "pdf", "--from", "2026-03-01", "--to", "2026-02-01"), "after the end date"),
        (("--format", "csv", "--from", "2026-02-30"), "not a date"),
        (("--format", "csv", "--from", "2026-03-01", "--to", "2026-02-01"), "after the end date"),
    ],
)
def test_bad_export_arguments_get_a_clear_message(
    run_cli, laptop: Path, tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    out = tmp_path / "x.out"
    done = run_cli("export", *args, "--out", str(out), "--data-dir", str(laptop))
    assert done.returncode == 2
    assert words in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_a_damaged_file_is_refused_and_the_diary_left_alone(
    run_cli, laptop: Path, tmp_path: Path
) -> None:
    out = tmp_path / "diary.json"
    _export(run_cli, laptop, "fhir", out)
    out.write_bytes(out.read_bytes()[:5000])  # cut short, as by a full disk
    before = _digests(laptop)
    done = run_cli("import", str(out), "--data-dir", str(laptop))
    assert done.returncode == 2
    assert "Nothing was imported" in done.stderr and "Traceback" not in done.stderr
    assert _digests(laptop) == before


def test_import_while_the_app_is_open_writes_nothing(run_cli, laptop: Path, tmp_path: Path) -> None:
    out = tmp_path / "diary.csv"
    _export(run_cli, laptop, "csv", out)
    desktop = tmp_path / "desktop"
    with Store.open(desktop):  # stands in for the running app: it holds the writer lock
        before = _digests(desktop)
        done = run_cli("import", str(out), "--data-dir", str(desktop))
        assert _digests(desktop) == before
    assert done.returncode == 2
    assert "The app is open" in done.stderr and "nothing was imported" in done.stderr


def test_export_works_while_the_app_is_open(run_cli, laptop: Path, tmp_path: Path) -> None:
    out = tmp_path / "diary.csv"
    with Store.open(laptop):
        done = run_cli("export", "--format", "csv", "--out", str(out), "--data-dir", str(laptop))
    assert done.returncode == 0, done.stderr


def test_a_bad_row_is_listed_and_the_exit_code_says_so(
    run_cli, laptop: Path, tmp_path: Path
) -> None:
    out = tmp_path / "diary.csv"
    _export(run_cli, laptop, "csv", out)
    lines = out.read_text("utf-8-sig").splitlines()
    pain = next(i for i, line in enumerate(lines) if line.startswith("pain_checkin,"))
    cells = next(csv.reader([lines[pain]]))
    cells[4] = "11"  # pain_score
    lines[pain] = ",".join(cells)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_cli("import", str(out), "--data-dir", str(tmp_path / "desktop"))
    assert done.returncode == 2
    assert f"line {pain + 1}: pain_checkin {cells[1]}: " in done.stdout
    assert "1 skipped." in done.stdout and "could not be imported" in done.stderr


def test_pdf_report_for_a_range_then_refused_over_an_existing_file(
    run_cli, laptop: Path, tmp_path: Path, qapp
) -> None:
    from PySide6.QtPdf import QPdfDocument

    out = tmp_path / "report.pdf"
    since = date.today() - timedelta(days=6)
    args = ("export", "--format", "pdf", "--out", str(out), "--data-dir", str(laptop))
    done = run_cli(*args, "--from", since.isoformat())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote a ") and "-page report for" in done.stdout
    assert f"{since} to {date.today()}" in done.stdout and str(out) in done.stdout
    assert done.stderr == ""  # no Qt warnings on the way
    doc = QPdfDocument()
    assert doc.load(str(out)) == QPdfDocument.Error.None_
    assert f"Wrote a {doc.pageCount()}-page report" in done.stdout
    first = " ".join(doc.getAllText(0).text().split())
    assert "Back pain diary: a report for your clinician" in first
    assert f"{since.day} " in first and "Sessions done" in first
    doc.close()

    before = out.read_bytes()
    refused = run_cli(*args)
    assert refused.returncode == 2
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_bytes() == before
    forced = run_cli(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    missing = run_cli(
        "export", "--format", "pdf", "--out", str(tmp_path / "x.pdf"),
        "--data-dir", str(tmp_path / "nobody"),
    )  # fmt: skip
    assert missing.returncode == 2 and "There is no diary" in missing.stderr
