"""The command line end to end: extract (inputs, outputs, bad input, resume), schema, evaluate.

Most tests run the CLI in this process with --workers 1, so the pipeline is loaded once for all of them;
one test runs `python -m extractor` with two worker processes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.models import DocumentRecord, json_schema

GOOD = "Coalition warplanes destroyed 12 tanks near Raqqa on Monday, the ministry said.\n"
SECOND = (
    "Over the past week, Russian aircraft carried out 394 sorties in Syria, Major General Ivan Petrov said.\n"
)


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def extract(*args: str, input: str | bytes | None = None):
    return invoke("extract", "--workers", "1", "--quiet", *args, input=input)


def records(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        DocumentRecord.model_validate(json.loads(line))  # every line is a whole, valid record
    return [json.loads(line) for line in lines]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root / "a.txt", GOOD)
    write(root / "sub" / "2015-10-16-petrov.md", SECOND)
    write(root / "sub" / "meta-given.txt", GOOD)
    write(root / "sub" / "meta-given.meta.json", json.dumps({"doc_id": "given", "published": "2015-10-14"}))
    return root


def test_extract_a_folder_to_jsonl(corpus, tmp_path):
    out = tmp_path / "run.jsonl"
    result = extract(corpus, "-o", out)
    assert result.exit_code == 0, result.stderr
    found = records(out)
    assert [(r["doc_id"], r["source"], r["published"], r["published_source"]) for r in found] == [
        ("a", str(corpus / "a.txt"), None, None),
        ("sub/2015-10-16-petrov", str(corpus / "sub" / "2015-10-16-petrov.md"), "2015-10-16", "filename"),
        ("given", str(corpus / "sub" / "meta-given.txt"), "2015-10-14", "metadata"),
    ]
    assert all("text" not in r for r in found)


def test_published_argument_and_named_files(corpus, tmp_path):
    out = tmp_path / "run.jsonl"
    result = extract(
        corpus / "a.txt", corpus / "sub" / "meta-given.txt", "--published", "2015-10-20", "-o", out
    )
    assert result.exit_code == 0, result.stderr
    assert [(r["doc_id"], r["published"], r["published_source"]) for r in records(out)] == [
        ("a", "2015-10-20", "argument"),
        ("given", "2015-10-14", "metadata"),  # the document's own metadata beats the run-wide date
    ]


def test_stdout_summary_and_include_text(corpus):
    result = invoke("extract", "--workers", "1", "--include-text", corpus / "a.txt")
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == GOOD
    assert "1 files read, 1 documents" in result.stderr and "documents/s" in result.stderr


def test_dash_as_output_is_standard_output(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = extract(corpus / "a.txt", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(corpus / "a.txt")]
    assert not (tmp_path / "-").exists()


def test_stdin(tmp_path):
    result = extract("-", input=GOOD)
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["doc_id"], record["source"]) == ("stdin", "-")


def test_out_dir_mirrors_the_tree(corpus, tmp_path):
    out = tmp_path / "json"
    result = extract(corpus, "--out-dir", out)
    assert result.exit_code == 0, result.stderr
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert files == ["a.json", "given.json", "sub/2015-10-16-petrov.json"]
    DocumentRecord.model_validate(json.loads((out / "a.json").read_text()))


def test_csv_one_row_per_claim(corpus, tmp_path):
    out = tmp_path / "claims.csv"
    assert extract(corpus, "-o", out).exit_code == 0  # the format follows the suffix
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert "speaker_name" in reader.fieldnames and "evidence_text" in reader.fieldnames
    assert "warnings" not in reader.fieldnames
    jsonl = tmp_path / "run.jsonl"
    extract(corpus, "-o", jsonl)
    claims = [(r["doc_id"], c["claim_id"]) for r in records(jsonl) for c in r["claims"]]
    assert [(row["doc_id"], row["claim_id"]) for row in rows] == claims


def test_resume_skips_done_documents_and_redoes_a_partial_line(corpus, tmp_path):
    out = tmp_path / "run.jsonl"
    assert extract(corpus, "-o", out).exit_code == 0
    complete = out.read_bytes()
    lines = complete.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:-1]) + lines[-1][:25])  # the run was killed mid-line
    result = invoke("extract", "--workers", "1", corpus, "-o", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "dropped a partial last line" in result.stderr
    assert "1 documents" in result.stderr and "2 skipped" in result.stderr
    assert out.read_bytes() == complete


def test_resume_needs_a_file(corpus):
    assert extract(corpus, "--resume").exit_code == 2


def _bad_empty(root):
    write(root / "empty.txt", b"")
    return [], "empty.txt", "empty", 0


def _bad_blank(root):
    write(root / "blank.txt", " \n\t  \n")
    return [], "blank.txt", "whitespace", 0


def _bad_image(root):
    write(root / "scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return [], "scan.txt", "PNG image", 0


def _bad_zip(root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside.txt", GOOD)
    return [write(root.parent / "bundle.zip", buffer.getvalue())], "bundle.zip", "zip archive", 0


def _bad_utf8(root):
    # a stray byte in UTF-8 is replaced with a warning (tests/test_readers.py); after a UTF-16 mark it fails
    write(root / "bad.txt", "\ufeff“Quoted” text ".encode("utf-16-le") + b"\x00\xd8 and more")
    return [], "bad.txt", "byte order mark", 0


def _bad_huge(root):
    write(root / "huge.txt", GOOD * 40)
    return [], "huge.txt", "--max-chars", 0


def _bad_json(root):
    write(root / "broken.json", '{"text": "Coalition warplanes')
    return [], "broken.json", "not valid JSON", 0


def _bad_jsonl_line(root):
    lines = [
        json.dumps({"id": "r1", "text": GOOD}),
        '{"id": "r2", "text": ',
        json.dumps({"id": "r3", "text": SECOND}),
    ]
    write(root / "feed.jsonl", "\n".join(lines) + "\n")
    return [], "feed.jsonl#2", "not valid JSON", 2


def _bad_no_text(root):
    write(root / "record.json", json.dumps({"id": "x", "body": GOOD}))
    return [], "record.json", "no 'text' field", 0


def _bad_broken_symlink(root):
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    return [], "gone.txt", "broken symbolic link", 0


def _bad_directory(root):
    (root / "x.txt").mkdir()
    write(root / "x.txt" / "inner.txt", GOOD)
    return [], "x.txt", "is a directory", 0


BAD_INPUTS = {
    "empty": _bad_empty,
    "whitespace": _bad_blank,
    "image": _bad_image,
    "zip": _bad_zip,
    "invalid-utf8": _bad_utf8,
    "huge": _bad_huge,
    "invalid-json": _bad_json,
    "jsonl-bad-line": _bad_jsonl_line,
    "no-text-field": _bad_no_text,
    "broken-symlink": _bad_broken_symlink,
    "directory-named-x.txt": _bad_directory,
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_reported_and_the_rest_processed(tmp_path, case):
    root = tmp_path / "in"
    write(root / "good.txt", GOOD)
    named, bad_name, words, extra_documents = BAD_INPUTS[case](root)
    out, errors = tmp_path / "run.jsonl", tmp_path / "errors.jsonl"
    result = extract(root, *named, "-o", out, "--errors", errors, "--max-chars", 1000)
    assert result.exit_code == 1
    (message,) = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert bad_name in message and words in message
    assert "good" in [r["doc_id"] for r in records(out)]
    assert len(records(out)) == 1 + extra_documents
    (error,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert error["path"].endswith(bad_name) and error["kind"] and error["message"]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    root = tmp_path / "in"
    write(root / "good.txt", GOOD)
    locked = write(root / "locked.txt", GOOD)
    if os.geteuid() == 0:  # root reads whatever the mode: simulate the refusal
        from extractor import readers

        def refuse(path, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return open(path, *args, **kwargs)

        monkeypatch.setattr(readers, "open", refuse, raising=False)
    else:
        locked.chmod(0)
    out = tmp_path / "run.jsonl"
    try:
        result = extract(root, "-o", out)
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1
    assert "locked.txt: permission denied" in result.stderr
    assert [r["doc_id"] for r in records(out)] == ["good"]


def test_duplicate_doc_id_is_an_error_for_the_second(tmp_path):
    first = write(tmp_path / "one" / "brief.txt", GOOD)
    second = write(tmp_path / "two" / "brief.txt", SECOND)
    out = tmp_path / "run.jsonl"
    result = extract(first, second, "-o", out)
    assert result.exit_code == 1
    assert f"{second}: doc_id 'brief' is already used by {first}" in result.stderr
    assert len(records(out)) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--published", "16/10/2015"],
        ["-o", "x.jsonl", "--out-dir", "d"],
        ["--format", "parquet"],
        ["--format", "csv", "--out-dir", "d"],
        ["--encoding", "no-such-codec"],
        ["--workers", "0"],
        ["--format", "xml"],
    ],
)
def test_bad_usage_exits_2(corpus, tmp_path, args):
    result = invoke("extract", corpus, *args)
    assert result.exit_code == 2


def test_no_arguments_is_usage():
    assert invoke("extract").exit_code == 2


def test_schema_prints_and_writes(tmp_path):
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()
    result = invoke("schema", "--write", tmp_path / "schemas")
    assert result.exit_code == 0
    assert json.loads((tmp_path / "schemas" / "document.schema.json").read_text()) == json_schema()


def test_evaluate_a_gold_folder(tmp_path):
    gold = {
        "doc_id": "brief",
        "published": "2015-10-16",
        "speakers": [],
        "claims": [
            {"kind": "targets", "value": 12, "approximate": False, "category": "tanks", "effect": "destroyed",
             "delta": None, "actor": "Coalition warplanes", "speaker": None, "date": "2015-10-12",
             "period_start": None, "period_end": None, "location": "Raqqa", "evidence": "destroyed 12 tanks"}
        ],
    }  # fmt: skip
    write(tmp_path / "brief.txt", GOOD)
    write(tmp_path / "brief.gold.json", json.dumps(gold))
    write(tmp_path / "brief.meta.json", json.dumps({"doc_id": "brief", "published": "2015-10-16"}))
    result = invoke("evaluate", tmp_path, "--json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), dict)
    table = invoke("evaluate", tmp_path)
    assert table.exit_code == 0 and table.stdout.strip()


def test_progress_bar_on_a_terminal(corpus):
    from rich.console import Console

    from extractor.readers import InputReader
    from extractor.runner import Reporter, run
    from extractor.writers import JsonlWriter

    screen = io.StringIO()
    reporter = Reporter(console=Console(file=screen, force_terminal=True, width=100))
    reporter.start(total=3)
    summary = run(InputReader().read([str(corpus)]), JsonlWriter(None), reporter)
    assert summary.documents == 3
    assert "3/3" in screen.getvalue() and "docs/s" in screen.getvalue()


def test_worker_processes_keep_input_order(tmp_path):
    """Two worker processes (a fresh interpreter) give the same lines as one, in the same order."""
    root = tmp_path / "many"
    for number in range(1, 41):
        write(
            root / f"{number:03d}.txt",
            f"Coalition warplanes destroyed {number} tanks near Raqqa, the ministry said.",
        )
    write(root / "bad.txt", b"")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert extract(root, "-o", one).exit_code == 1
    command = [sys.executable, "-m", "extractor", "extract", str(root), "-o", str(two), "--workers", "2"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "bad.txt: empty document" in done.stderr
    assert "40 documents" in done.stderr
    assert two.read_bytes() == one.read_bytes()


def test_outputs_inside_an_input_folder_are_not_read(corpus):
    out = corpus / "run.jsonl"
    for _ in range(2):
        result = extract(corpus, "-o", out, "--errors", corpus / "errors.jsonl")
        assert result.exit_code == 0, result.stderr
    assert len(records(out)) == 3
    result = extract(corpus, "--out-dir", corpus / "json", "--exclude", "*.jsonl")
    assert result.exit_code == 0, result.stderr
    assert extract(corpus, "--out-dir", corpus / "json", "--exclude", "*.jsonl").exit_code == 0


def test_file_name_date_is_a_fallback_behind_the_dateline(tmp_path):
    folder = tmp_path / "dated"
    write(
        folder / "report-2016-03-09.txt", "Jets destroyed 4 tanks near Hama yesterday, the ministry said.\n"
    )
    write(
        folder / "wire-2016-03-01.txt",
        "MOSCOW, March 5, 2016 - Jets destroyed 6 trucks near Homs yesterday, the ministry said.\n",
    )
    out = tmp_path / "run.jsonl"
    assert extract(str(folder), "-o", str(out), "--workers", "1").exit_code == 0
    by_id = {r["doc_id"]: r for r in records(out)}
    named = by_id["report-2016-03-09"]
    assert (named["published"], named["published_source"]) == ("2016-03-09", "filename")
    assert named["claims"][0]["date"] == "2016-03-08"
    wire = by_id["wire-2016-03-01"]
    assert (wire["published"], wire["published_source"]) == ("2016-03-05", "dateline")
    assert wire["claims"][0]["date"] == "2016-03-04"


def test_ledger_command_flags_a_dropped_total(tmp_path):
    folder = tmp_path / "daily"
    for day, tanks in (("01", 120), ("02", 117), ("03", 125)):
        write(
            folder / f"losses-2023-05-{day}.txt",
            f"Losses of the enemy as of {day}.05\n\n"
            "The total combat losses of the enemy were approximately:\n"
            f"tanks - {tanks} units,\nhelicopters - 40 units,\nartillery systems - 60 units.\n",
        )
    run = tmp_path / "run.jsonl"
    assert extract(str(folder), "-o", str(run), "--workers", "1").exit_code == 0
    table = tmp_path / "ledger.csv"
    result = invoke("ledger", str(run), "-o", str(table))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    tank_rows = [r for r in rows if r["category_label"] == "tank"]
    assert [int(r["value"]) for r in tank_rows] == [120, 117, 125]
    assert [r["cumulative_drop"] for r in tank_rows] == ["False", "True", "False"]
