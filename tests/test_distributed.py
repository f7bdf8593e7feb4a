"""Extraction on a Dask LocalCluster gives the single-process output, record for record and in order."""

import logging

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import dask.bag  # noqa: E402

import extractor.distributed as on_dask  # noqa: E402
import extractor.runner as runner  # noqa: E402
from extractor.records import DocumentInput  # noqa: E402
from extractor.runner import Failure, extract_in_process  # noqa: E402

TEXTS = [
    "KYIV (March 3, 2023) - Air defence shot down 14 of 16 drones launched overnight, the air force said.",
    "Coalition forces killed two insurgents and detained several suspected militants in Andar district "
    "yesterday, Colonel Maria Kovalenko said.",
    "No civilians were harmed during the operation.",
    "The ministry said about 300 soldiers had been wounded since Jan. 12, and that five tanks were destroyed "
    "near the river on Friday.",
    "Tanks -- 1,204 (+3)\nArtillery systems -- 2,310 (+12)",
]
RECORDS = [
    {"id": f"brief-{i}", "text": text, "published": f"2023-03-0{i + 1}", "title": f"Briefing {i}"}
    for i, text in enumerate(TEXTS)
]


def _inputs() -> list[DocumentInput]:
    return [
        DocumentInput(text=r["text"], doc_id=r["id"], published=r["published"], title=r["title"])
        for r in RECORDS
    ]


def _single_process(inputs: list[DocumentInput]) -> list:
    return [result for _, result in extract_in_process(inputs, None, False)]


@pytest.fixture(scope="module")
def cluster():
    """One in-process worker with one thread: starts in a moment, loads the pipeline once."""
    with distributed.LocalCluster(
        n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
    ) as local:
        with distributed.Client(local, set_as_default=False) as client:
            yield local, client


def test_bag_of_texts_gives_the_single_process_records(cluster):
    _, client = cluster
    expected = _single_process([DocumentInput(text=t) for t in TEXTS])
    bag = on_dask.extract_bag(dask.bag.from_sequence(TEXTS, npartitions=2))
    assert client.compute(bag).result() == expected


def test_bag_of_records_gives_the_single_process_records(cluster):
    _, client = cluster
    expected = _single_process(_inputs())
    bag = on_dask.extract_bag(dask.bag.from_sequence(RECORDS, npartitions=3))
    got = client.compute(bag).result()
    assert [r["doc_id"] for r in got] == [r["id"] for r in RECORDS]
    assert got == expected


def test_bag_of_document_inputs(cluster):
    _, client = cluster
    bag = on_dask.extract_bag(dask.bag.from_sequence(_inputs(), npartitions=2))
    assert client.compute(bag).result() == _single_process(_inputs())


@pytest.mark.parametrize(
    ("on_error", "expected"),
    [
        ("skip", ["good"]),
        ("include", ["good", "bad"]),
    ],
)
def test_bag_failures_skipped_or_included(cluster, on_error, expected):
    _, client = cluster
    # a published date not in ISO form is read, not fatal: an unknown published_source fails the record
    bad = {"id": "bad", "text": TEXTS[1], "published": "2012-03-03", "published_source": "guesswork"}
    records = [{"id": "good", "text": TEXTS[0]}, bad]
    got = client.compute(on_dask.extract_bag(dask.bag.from_sequence(records), on_error=on_error)).result()
    assert [r["doc_id"] for r in got] == expected
    if on_error == "include":
        assert got[1]["error"]["kind"] == "extraction"
        assert "guesswork" in got[1]["error"]["message"]


def test_bag_failure_raises_by_default(cluster):
    _, client = cluster
    bag = on_dask.extract_bag(dask.bag.from_sequence([{"id": "no-text", "title": "empty"}]))
    with pytest.raises(ValueError, match="no text"):
        client.compute(bag).result()


def test_engine_in_input_order_with_failures_kept_in_place(cluster, monkeypatch):
    local, _ = cluster
    monkeypatch.setattr(runner, "CHUNK_DOCUMENTS", 2)  # several chunks in flight, collected in order
    inputs = _inputs()
    bad = DocumentInput(text=TEXTS[2], doc_id="bad", published="2012-03-03", published_source="guesswork")
    inputs.insert(2, bad)
    expected = list(extract_in_process(inputs, None, False))
    got = list(on_dask.extract_with_dask(inputs, local.scheduler_address, chunks_in_flight=2))
    assert [d.doc_id for d, _ in got] == [d.doc_id for d in inputs]
    assert got == expected
    assert isinstance(got[2][1], Failure)


def test_engine_with_no_inputs(cluster):
    local, _ = cluster
    assert list(on_dask.extract_with_dask([], local.scheduler_address)) == []


def test_engine_needs_an_address_or_a_client():
    with pytest.raises(ValueError, match="address"):
        list(on_dask.extract_with_dask([DocumentInput(text="x")], None))


def test_engine_reports_an_unreachable_scheduler():
    with pytest.raises(on_dask.SchedulerUnreachable, match="127.0.0.1:9"):
        list(on_dask.extract_with_dask([DocumentInput(text="x")], "tcp://127.0.0.1:9", connect_timeout=1))


def test_as_document_input_rejects_what_it_cannot_read():
    with pytest.raises(ValueError, match="no text"):
        on_dask.as_document_input({"id": "1"})
    with pytest.raises(TypeError):
        on_dask.as_document_input(42)
    document = on_dask.as_document_input({"doc_id": 7, "text": "t", "published": "2023-03-01"})
    assert (document.doc_id, document.published) == ("7", "2023-03-01")


def test_two_worker_processes_give_the_single_process_output(monkeypatch):
    """Workers in their own processes: inputs and records cross process boundaries, each worker loads the
    pipeline itself."""
    monkeypatch.setattr(runner, "CHUNK_DOCUMENTS", 2)
    inputs = _inputs()
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0", silence_logs=logging.ERROR
    ) as local:
        got = list(on_dask.extract_with_dask(inputs, local.scheduler_address))
        with distributed.Client(local, set_as_default=False) as client:
            bag = on_dask.extract_bag(dask.bag.from_sequence(RECORDS, npartitions=2))
            records = client.compute(bag).result()
    expected = list(extract_in_process(inputs, None, False))
    assert got == expected
    assert records == [result for _, result in expected]


def test_cli_dask_option_writes_the_single_process_output(cluster, tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    local, _ = cluster
    folder = tmp_path / "in"
    folder.mkdir()
    for record in RECORDS:
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    on_cluster, local_run = tmp_path / "dask.jsonl", tmp_path / "local.jsonl"
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "extract",
            str(folder),
            "-o",
            str(on_cluster),
            "--quiet",
            "--dask",
            local.scheduler_address,
            "--published",
            "2023-03-04",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app,
        [
            "extract",
            str(folder),
            "-o",
            str(local_run),
            "--quiet",
            "--workers",
            "1",
            "--published",
            "2023-03-04",
        ],
    )
    assert result.exit_code == 0, result.output
    assert on_cluster.read_text(encoding="utf-8") == local_run.read_text(encoding="utf-8")
    assert len(on_cluster.read_text(encoding="utf-8").splitlines()) == len(RECORDS)


def test_cli_dask_and_workers_together_is_bad_usage(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    (tmp_path / "a.txt").write_text("Jets destroyed 4 tanks.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(tmp_path / "a.txt"), "--dask", "tcp://127.0.0.1:1", "--workers", "2"]
    )
    assert result.exit_code == 2
