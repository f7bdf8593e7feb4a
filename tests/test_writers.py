"""Writers: rows per claim, JSONL with resume, JSON per document, CSV and Parquet written atomically."""

from __future__ import annotations

import csv
import json

import pytest

from extractor.writers import (
    CsvWriter,
    JsonDirWriter,
    JsonlWriter,
    OutputProblem,
    ParquetWriter,
    claim_rows,
    doc_id_path,
    parquet_available,
    row_columns,
)

SHA = "a" * 64


def _record(doc_id: str = "sub/report-12", sha: str = SHA, claims: int = 1) -> dict:
    claim = {
        "claim_id": "c0123456789",
        "kind": "targets",
        "value": 12,
        "value_max": None,
        "quantifier": None,
        "approximate": False,
        "cumulative": False,
        "category": "tanks",
        "category_label": "tank",
        "effect": "destroyed",
        "delta": None,
        "actor": "Coalition warplanes",
        "speaker": "Ivan Petrov",
        "speaker_id": "s1",
        "quote_id": None,
        "date": "2015-10-12",
        "period_start": None,
        "period_end": None,
        "date_text": "on Monday",
        "location": "Raqqa",
        "evidence": {"text": "destroyed 12 tanks", "start": 20, "end": 38, "sentence": "Coalition ..."},
    }
    return {
        "schema_version": "1",
        "doc_id": doc_id,
        "source": "corpus/sub/report-12.txt",
        "content_sha256": sha,
        "title": None,
        "published": "2015-10-16",
        "published_source": "argument",
        "extractor_version": "0.1.0",
        "model": {"name": "en_core_web_sm", "version": "3.8.0"},
        "speakers": [
            {
                "id": "s1",
                "kind": "person",
                "name": "Ivan Petrov",
                "title": "Major General",
                "role": "spokesman",
                "organization": "Defence Ministry",
                "mentions": [],
            }
        ],
        "quotes": [],
        "claims": [dict(claim, claim_id=f"c{n:010d}") for n in range(claims)],
        "warnings": ["something"],
    }


def test_row_columns_follow_the_contract():
    names = [name for name, _ in row_columns()]
    for expected in (
        "doc_id",
        "model_name",
        "model_version",
        "evidence_text",
        "evidence_start",
        "speaker_name",
    ):
        assert expected in names
    for absent in ("speakers", "quotes", "warnings", "claims", "speaker", "evidence", "text"):
        assert absent not in names
    assert names.index("speaker_name") < names.index("speaker_organization")
    assert "text" in [name for name, _ in row_columns(include_text=True)]


def test_claim_rows_flatten_and_name_the_speaker():
    (row,) = claim_rows(_record())
    assert row["doc_id"] == "sub/report-12"
    assert (row["model_name"], row["evidence_start"], row["evidence_text"]) == (
        "en_core_web_sm",
        20,
        "destroyed 12 tanks",
    )
    assert (row["speaker_name"], row["speaker_title"], row["speaker_role"], row["speaker_organization"]) == (
        "Ivan Petrov",
        "Major General",
        "spokesman",
        "Defence Ministry",
    )
    assert set(row) <= {name for name, _ in row_columns()}
    (empty,) = claim_rows(_record(claims=0))  # a document without claims keeps one row
    assert empty["doc_id"] == "sub/report-12" and "kind" not in empty


def test_jsonl_writes_whole_lines_and_resume_drops_a_partial_last_line(tmp_path):
    path = tmp_path / "run.jsonl"
    writer = JsonlWriter(path)
    writer.write(_record("a"))
    writer.write(_record("b"))
    writer.close()
    with open(path, "ab") as handle:
        handle.write(b'{"doc_id": "c", "content_')  # a run killed mid-line
    writer = JsonlWriter(path, resume=True)
    assert writer.dropped_partial_line and writer.resumed == 2
    assert writer.is_done("a", SHA) and not writer.is_done("c", SHA)
    writer.write(_record("c"))
    writer.close()
    assert [json.loads(line)["doc_id"] for line in path.read_text().splitlines()] == ["a", "b", "c"]


def test_jsonl_resume_redoes_a_changed_document_and_keeps_one_line(tmp_path):
    path = tmp_path / "run.jsonl"
    writer = JsonlWriter(path)
    writer.write(_record("a"))
    writer.write(_record("b"))
    writer.close()
    writer = JsonlWriter(path, resume=True)
    assert not writer.is_done("a", "b" * 64)
    writer.write(_record("a", sha="b" * 64))
    writer.close()
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(r["doc_id"], r["content_sha256"][0]) for r in lines] == [("b", "a"), ("a", "b")]


def test_jsonl_without_resume_starts_afresh(tmp_path):
    path = tmp_path / "run.jsonl"
    path.write_text("old\n")
    JsonlWriter(path).close()
    assert path.read_text() == ""


def test_jsonl_resume_refuses_a_file_damaged_in_the_middle(tmp_path):
    path = tmp_path / "run.jsonl"
    path.write_text("garbage\n" + json.dumps(_record("a")) + "\n")
    with pytest.raises(OutputProblem):
        JsonlWriter(path, resume=True)


def test_json_dir_mirrors_doc_ids_and_resumes(tmp_path):
    writer = JsonDirWriter(tmp_path / "out")
    writer.write(_record("sub/report-12"))
    written = tmp_path / "out" / "sub" / "report-12.json"
    assert json.loads(written.read_text())["doc_id"] == "sub/report-12"
    assert [p.name for p in written.parent.iterdir()] == ["report-12.json"]  # no temporary file left
    again = JsonDirWriter(tmp_path / "out", resume=True)
    assert again.is_done("sub/report-12", SHA) and not again.is_done("sub/report-12", "b" * 64)


@pytest.mark.parametrize("doc_id", ["../escape", "/abs", "a//b", "a/./b", "a\\b"])
def test_unsafe_doc_ids_do_not_leave_the_folder(tmp_path, doc_id):
    with pytest.raises(OutputProblem):
        doc_id_path(tmp_path, doc_id)


def _csv_rows(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_is_renamed_into_place_at_close_and_abort_keeps_the_old_file(tmp_path):
    path = tmp_path / "claims.csv"
    writer = CsvWriter(path)
    writer.write(_record("a", claims=2))
    assert not path.exists()
    writer.close()
    rows = _csv_rows(path)
    assert [(r["doc_id"], r["value"], r["speaker_name"]) for r in rows] == [("a", "12", "Ivan Petrov")] * 2
    writer = CsvWriter(path)
    writer.write(_record("b"))
    writer.abort()
    assert [r["doc_id"] for r in _csv_rows(path)] == ["a", "a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv"]


@pytest.mark.skipif(not parquet_available(), reason="pyarrow is not installed")
def test_parquet_rows_are_typed(tmp_path):
    import datetime as dt

    import pyarrow.parquet as pq

    path = tmp_path / "claims.parquet"
    writer = ParquetWriter(path)
    writer.write(_record("a", claims=3))
    writer.close()
    table = pq.read_table(path)
    assert table.num_rows == 3
    first = table.to_pylist()[0]
    assert (first["value"], first["approximate"], first["date"]) == (12, False, dt.date(2015, 10, 12))
    assert first["published"] == dt.date(2015, 10, 16)
