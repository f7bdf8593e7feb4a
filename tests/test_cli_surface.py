"""What the command line shows and refuses: help text, output folders, empty gold folders, published
dates not in ISO form, a reader that stops reading, and when the missing-date warning is given."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.components.dates import NO_PUBLISHED_WARNING
from extractor.records import DocumentInput


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("command", ["extract", "evaluate", "schema", "ledger"])
def test_help_shows_no_python_types(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    for python_type in ("<bool>", "<list[", "<str>", "<int range>", "<Path", "<file>", "<dir>"):
        assert python_type not in result.output


@pytest.mark.parametrize("bracketed", ["briefing-extractor[dask]", "[default: cores]", "[default: 500000"])
def test_help_keeps_bracketed_text(bracketed):
    # the help is wrapped to the terminal, at spaces and after hyphens
    assert bracketed in " ".join(invoke("extract", "--help").output.split()).replace("- ", "-")


@pytest.mark.parametrize("option", ["--output", "--errors"])
def test_a_file_in_a_missing_folder_is_a_usage_error(tmp_path, option):
    source = tmp_path / "a.txt"
    source.write_text("Troops killed two insurgents.", encoding="utf-8")
    missing = tmp_path / "no" / "such" / "folder"
    result = invoke("extract", source, option, missing / "x.jsonl", "-q")
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert not (tmp_path / "no").exists()


def test_evaluate_without_gold_files_fails(tmp_path):
    (tmp_path / "a.txt").write_text("Troops killed two insurgents.", encoding="utf-8")
    result = invoke("evaluate", tmp_path)
    assert result.exit_code == 1
    assert "no gold files" in result.stderr


@pytest.mark.parametrize(
    "published, expected, warning",
    [
        ("2012-03-03", "2012-03-03", None),
        ("2012-03-03T09:44:00", "2012-03-03", None),
        ("March 3, 2012", "2012-03-03", "read as 2012-03-03"),
        ("3 March 2012 10:15", "2012-03-03", "read as 2012-03-03"),
        ("sometime last spring", None, "is not a date"),
        ("March 2012", None, "is not a date"),  # no day: not a publication date
    ],
)
def test_a_published_date_not_in_iso_form_never_fails_the_document(extractor, published, expected, warning):
    (result,) = [
        r
        for _, r in extractor.process(
            [DocumentInput(text="Troops killed two insurgents.", published=published)]
        )
    ]
    assert not isinstance(result, Exception)
    assert (str(result.published) if result.published else None) == expected
    assert any(warning in w for w in result.warnings) if warning else not result.warnings


@pytest.mark.parametrize(
    "text, warned",
    [
        ("Troops killed two insurgents.", False),
        ("Troops killed two insurgents on March 3, 2012.", False),
        ("Troops killed two insurgents yesterday.", True),
        ("Troops killed two insurgents on Friday.", True),
    ],
)
def test_the_missing_date_warning_only_when_a_date_needed_it(extractor, text, warned):
    record = extractor.extract(text)
    assert (NO_PUBLISHED_WARNING in record.warnings) == warned


def test_a_reader_that_stops_reading_stops_the_run_quietly(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # with --include-text the records (blank lines fill the texts) outgrow the pipe's buffer, so the run
    # writes after its reader has gone, whatever the timing
    for k in range(12):
        text = f"Police detained {k + 2} suspects on Monday.\n" + "\n" * 20_000
        (folder / f"r{k:02d}.txt").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "extractor", "extract", str(folder), "-j", "1", "-q", "--include-text"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout.readline()  # the first record, then the reader goes away, as `| head -1` does
    run.stdout.close()
    stderr = run.stderr.read().decode()
    run.stderr.close()
    assert run.wait(300) == 141
    assert "Traceback" not in stderr and "Broken pipe" not in stderr


def test_the_exit_codes_are_documented():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for code in ("| 130 |", "| 141 |", "| 143 |"):
        assert code in readme


def test_a_text_longer_than_spacys_limit_runs_with_max_chars(tmp_path):
    # blank lines parse fast: 1.2 million characters in pieces, where spaCy alone stops at 1,000,000
    text = "Troops killed two insurgents.\n" + "\n" * 1_200_000 + "Police detained three suspects.\n"
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    output = tmp_path / "run.jsonl"
    result = invoke("extract", source, "--max-chars", "2000000", "-o", output, "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    starts = [claim["evidence"]["start"] for claim in record["claims"]]
    assert starts == [text.index("killed two"), text.index("detained three")]


def test_a_record_published_in_words_is_read(tmp_path):
    records = tmp_path / "in.jsonl"
    line = {"id": "a", "text": "Troops killed two insurgents yesterday.", "published": "March 3, 2012"}
    records.write_text(json.dumps(line) + "\n", encoding="utf-8")
    output = tmp_path / "run.jsonl"
    result = invoke("extract", records, "-o", output, "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(x) for x in output.read_text(encoding="utf-8").splitlines()]
    assert record["published"] == "2012-03-03"
    assert record["claims"][0]["date"] == "2012-03-02"
    assert any("March 3, 2012" in warning for warning in record["warnings"])


def test_a_record_whose_published_value_is_no_date_is_still_extracted(tmp_path):
    records = tmp_path / "in.jsonl"
    line = {"id": "a", "text": "Troops killed two insurgents yesterday.", "published": "sometime soon"}
    records.write_text(json.dumps(line) + "\n", encoding="utf-8")
    output = tmp_path / "run.jsonl"
    result = invoke("extract", records, "-o", output, "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(x) for x in output.read_text(encoding="utf-8").splitlines()]
    assert record["published"] is None and record["claims"][0]["value"] == 2
    assert any("sometime soon" in warning for warning in record["warnings"])
