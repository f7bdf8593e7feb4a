"""The folder of hostile inputs (tests/hostile) through the command line, end to end: hidden and tool
folders, an earlier output, Windows-1252 and damaged UTF-8, front matter, CSV records, a huge number, a
saved web page with its resource folder and a sidebar of other news."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import DocumentRecord

HOSTILE = Path(__file__).parent / "hostile"
DOCUMENTS = {
    "plain",
    "windows-1252",
    "stray-byte",
    "huge-number",
    "posts/raid",
    "posts/patrol",
    "wire-1",
    "wire-2",
    "saved/losses",
}


def extract(*args: object):
    return CliRunner().invoke(app, ["extract", "--workers", "1", *[str(a) for a in args]])


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    shutil.copytree(HOSTILE, folder)
    (folder / ".git").mkdir()
    (folder / ".git" / "description").write_text("Unnamed repository; 3 tanks.\n")
    return folder


@pytest.fixture
def run(hostile: Path, tmp_path: Path) -> dict[str, dict]:
    result = extract(hostile, "--include-text", "-q", "-o", tmp_path / "run.jsonl")
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "run.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["doc_id"]: r for r in (DocumentRecord.model_validate_json(x).to_json_dict() for x in lines)}


def test_only_the_documents_are_read(run):
    assert set(run) == DOCUMENTS


@pytest.mark.parametrize(
    ("doc_id", "words", "warning"),
    [
        ("windows-1252", "The naïve recruits’ convoy", "decoded as cp1252"),
        ("stray-byte", "spokesman said \ufffd in a brief", "replaced by U+FFFD"),
        ("plain", "Border guards detained 4 smugglers", "no published date"),
    ],
)
def test_encodings(run, doc_id, words, warning):
    record = run[doc_id]
    assert words in record["text"]
    assert any(warning in w for w in record["warnings"])
    assert len([w for w in record["warnings"] if "UTF-8" in w]) == (doc_id != "plain")


def test_front_matter_is_metadata(run):
    raid = run["posts/raid"]
    assert (raid["title"], raid["published"], raid["published_source"]) == (
        "Night raid on the depot",
        "2023-03-02",
        "metadata",
    )
    assert raid["text"].startswith("Artillery crews destroyed 7 fuel depots")
    assert [(c["value"], c["evidence"]["text"] in raid["text"]) for c in raid["claims"]] == [(7, True)]
    assert run["posts/patrol"]["title"] == "Patrol report"


def test_a_saved_page_is_dated_by_its_header_not_its_sidebar(run):
    page = run["saved/losses"]
    assert (page["published"], page["published_source"]) == ("2023-03-03", "header")
    totals = [
        (c["value"], c["period_start"], c["period_end"]) for c in page["claims"] if c["kind"] != "other"
    ]
    assert [value for value, *_ in totals] == [61800, 2127, 1512, 302, 289]
    assert {(start, end) for _, start, end in totals} == {("2023-02-24", "2023-03-03")}


def test_csv_records(run, hostile):
    wire = run["wire-1"]
    assert (wire["source"], wire["published"], wire["title"]) == (
        f"{hostile}/feeds/wire.csv#2",
        "2023-03-04",
        "Overnight strikes",
    )
    assert [c["value"] for c in wire["claims"]] == [9]


def test_a_second_run_into_the_folder_skips_the_first_output(hostile, tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        result = extract(hostile, "--include-text", "-o", hostile / name)
        assert result.exit_code == 0, result.output
        lines = (hostile / name).read_text(encoding="utf-8").splitlines()
        assert {json.loads(line)["doc_id"] for line in lines} == DOCUMENTS
    assert "skipped 2 earlier output(s)" in result.output and "a.jsonl" in result.output


def test_parquet_refuses_the_huge_number_and_keeps_the_rest(hostile, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    result = extract(hostile, "-q", "-o", tmp_path / "run.parquet")
    assert result.exit_code == 1
    assert "huge-number.txt" in result.output and "64-bit" in result.output
    assert "Traceback" not in result.output
    doc_ids = set(pq.read_table(tmp_path / "run.parquet").column("doc_id").to_pylist())
    assert doc_ids == DOCUMENTS - {"huge-number"}


def test_json_array_output(hostile, tmp_path):
    result = extract(hostile, "-q", "-o", tmp_path / "run.json")
    assert result.exit_code == 0, result.output
    records = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    assert {r["doc_id"] for r in records} == DOCUMENTS


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--glob", "*.rst"], "no file matched --glob '*.rst'"),
        (["--glob", "**/*.txt", "--exclude", "*.txt"], "after --exclude '*.txt'"),
    ],
)
def test_nothing_matched_is_an_error(hostile, tmp_path, args, message):
    result = extract(hostile, *args, "-o", tmp_path / "none.jsonl")
    assert result.exit_code == 1 and message in result.output


@pytest.mark.parametrize(
    ("glob", "expected"),
    [
        ("**/*.txt", {"plain", "windows-1252", "stray-byte", "huge-number"}),
        ("posts/*", {"posts/raid", "posts/patrol"}),
        ("!**/*.txt", DOCUMENTS - {"plain", "windows-1252", "stray-byte", "huge-number"}),
    ],
)
def test_globs(hostile, tmp_path, glob, expected):
    result = extract(hostile, "-q", "--glob", glob, "-o", tmp_path / "run.jsonl")
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "run.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["doc_id"] for line in lines} == expected


def test_resume_under_other_path_spellings_writes_nothing_twice(hostile, tmp_path):
    output = tmp_path / "run.jsonl"
    assert extract(hostile / "posts", "-q", "-o", output).exit_code == 0
    result = extract(hostile / "posts" / "raid.md", f"{hostile}/./posts/", "-o", output, "--resume")
    assert result.exit_code == 0, result.output
    lines = output.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["doc_id"] for line in lines) == ["patrol", "raid"]
    assert "2 skipped" in result.output
