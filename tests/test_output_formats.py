"""Outputs of the input issues: a JSON array for `-o run.json`, a row for a document without claims,
integers past Parquet's range, and resume that knows a file under another doc_id."""

from __future__ import annotations

import csv
import json

import pytest

from extractor.writers import (
    CsvWriter,
    JsonArrayWriter,
    JsonDirWriter,
    JsonlWriter,
    OutputProblem,
    ParquetWriter,
    parquet_available,
    source_key,
)

SHA = "c" * 64


def _record(doc_id: str, *, source: str | None = None, values: tuple[int, ...] = (7,)) -> dict:
    claims = [
        {
            "claim_id": f"c{n}",
            "kind": "targets",
            "value": value,
            "category": "fuel depots",
            "effect": "destroyed",
            "speaker": None,
            "evidence": {"text": f"destroyed {value} fuel depots", "start": 0, "end": 10, "sentence": "..."},
        }
        for n, value in enumerate(values)
    ]
    return {
        "schema_version": "1",
        "doc_id": doc_id,
        "source": source,
        "content_sha256": SHA,
        "published": None,
        "extractor_version": "0.1.0",
        "model": {"name": "en_core_web_sm", "version": "3.8.0"},
        "speakers": [],
        "quotes": [],
        "claims": claims,
        "warnings": [],
    }


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_array_output_is_one_valid_array(tmp_path, count):
    path = tmp_path / "run.json"
    writer = JsonArrayWriter(path)
    for n in range(count):
        writer.write(_record(f"d{n}"))
    assert not path.exists()  # renamed into place at close
    writer.close()
    assert [r["doc_id"] for r in json.loads(path.read_text())] == [f"d{n}" for n in range(count)]


def test_an_interrupted_json_array_keeps_what_was_written(tmp_path):
    path = tmp_path / "run.json"
    writer = JsonArrayWriter(path)
    writer.write(_record("d0"))
    writer.abort()
    assert [r["doc_id"] for r in json.loads(path.read_text())] == ["d0"]


def test_a_document_without_claims_keeps_a_csv_row(tmp_path):
    path = tmp_path / "rows.csv"
    writer = CsvWriter(path)
    writer.write(_record("quiet", values=()))
    writer.write(_record("busy", values=(7, 9)))
    writer.close()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [(r["doc_id"], r["value"], r["kind"]) for r in csv.DictReader(handle)]
    assert rows == [("quiet", "", ""), ("busy", "7", "targets"), ("busy", "9", "targets")]


@pytest.mark.skipif(not parquet_available(), reason="pyarrow is not installed")
def test_parquet_keeps_documents_without_claims_and_refuses_huge_integers(tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "rows.parquet"
    writer = ParquetWriter(path)
    writer.write(_record("quiet", values=()))
    with pytest.raises(OutputProblem) as caught:
        writer.write(_record("huge", values=(3, 10**20)))
    assert caught.value.kind == "value_too_large" and "100000000000000000000" in caught.value.message
    writer.write(_record("busy", values=(2**63 - 1,)))
    writer.close()
    rows = pq.read_table(path).select(["doc_id", "value"]).to_pylist()
    assert rows == [{"doc_id": "quiet", "value": None}, {"doc_id": "busy", "value": 2**63 - 1}]


def test_source_key_is_the_file_however_spelled(tmp_path, monkeypatch):
    (tmp_path / "dup" / "a").mkdir(parents=True)
    (tmp_path / "dup" / "a" / "x.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    real = str((tmp_path / "dup" / "a" / "x.txt").resolve())
    assert source_key("dup/a/x.txt") == source_key("./dup//a/../a/x.txt") == real
    assert source_key(str(tmp_path / "dup" / "a" / "x.txt")) == real
    assert source_key("dup/a/x.txt#3") == real + "#3"
    assert source_key("-") is None and source_key(None) is None and source_key("gone.txt") is None


@pytest.mark.parametrize("kind", ["jsonl", "dir"])
def test_resume_knows_a_file_read_under_another_doc_id(tmp_path, monkeypatch, kind):
    (tmp_path / "dup" / "a").mkdir(parents=True)
    (tmp_path / "dup" / "a" / "x.txt").write_text("x")
    monkeypatch.chdir(tmp_path)

    def open_writer(resume: bool):
        return (
            JsonlWriter(tmp_path / "run.jsonl", resume=resume)
            if kind == "jsonl"
            else (JsonDirWriter(tmp_path / "out", resume=resume))
        )

    writer = open_writer(False)
    writer.write(_record("a/x", source="dup/a/x.txt"))  # extract dup
    writer.close()
    again = open_writer(True)  # extract dup/a --resume: the doc_id is now x
    assert again.is_done("x", SHA, "./dup/a/x.txt")
    assert not again.is_done("x", "d" * 64, "dup/a/x.txt")  # the text changed: redone
    assert not again.is_done("y", SHA, None)
    again.close()
