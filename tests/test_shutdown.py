"""Stopping a run: SIGTERM stops as Ctrl-C does, a stopped run keeps what it finished, and no worker
process or resource tracker outlives its parent, however the parent ended."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.lifetime import StopSignals, Terminated
from extractor.readers import SourceDocument
from extractor.runner import Reporter, RunStopped, run
from extractor.writers import CsvWriter, parquet_available

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process table in /proc"
)

STORY = (
    "JALALABAD, Afghanistan (May {day}, 2011) - A security force detained {count} suspected militants in "
    "Nangarhar province yesterday, a spokesman said.\n"
)
WAIT_SECONDS = 180  # a loaded machine may take long to start two pipelines; nothing is timed


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def descendants(root: int) -> set[int]:
    """Every living process below `root`."""
    parents = {int(p.name): _parent_of(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit()}
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.5)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for k in range(40):  # more than one chunk, so that worker processes start
        (root / f"report{k:02d}.txt").write_text(STORY.format(day=k % 28 + 1, count=k + 2), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "stop, exit_code",
    [(signal.SIGTERM, 143), (signal.SIGKILL, -signal.SIGKILL)],
    ids=["term", "kill"],
)
def test_no_process_outlives_a_stopped_parent(folder, tmp_path, stop, exit_code):
    output = tmp_path / "run.jsonl"
    command = [sys.executable, "-m", "extractor", "extract", str(folder), "-j", "2", "-q", "-o", str(output)]
    messages = tmp_path / "stderr.txt"
    with open(messages, "w", encoding="utf-8") as stderr:
        parent = subprocess.Popen(command, stderr=stderr)
    try:
        # two workers and the resource tracker
        wait_for(lambda: len(descendants(parent.pid)) >= 3 or parent.poll() is not None, "the workers")
        children = descendants(parent.pid)
        assert len(children) >= 3, messages.read_text(encoding="utf-8")
        os.kill(parent.pid, stop)
        parent.wait(WAIT_SECONDS)
    finally:
        if parent.poll() is None:
            parent.kill()
    assert parent.returncode == exit_code
    wait_for(lambda: not any(alive(pid) for pid in children), "the workers to end")
    if stop == signal.SIGTERM:
        assert "terminated after" in messages.read_text(encoding="utf-8")
        for line in output.read_text(encoding="utf-8").splitlines():
            assert json.loads(line)["claims"]


@pytest.mark.parametrize("signum, raised", [(signal.SIGINT, KeyboardInterrupt), (signal.SIGTERM, Terminated)])
def test_a_stop_waits_for_the_record_being_written(signum, raised):
    written = []
    with pytest.raises(raised), StopSignals() as stops:
        with stops.deferred():
            os.kill(os.getpid(), signum)
            written.append("whole record")  # still runs: the stop waits for the block
        written.append("next record")  # never runs
    assert written == ["whole record"]


class InterruptedCsv(CsvWriter):
    """A CSV writer during whose second record Ctrl-C is pressed (and again while it closes)."""

    written = 0
    again_on_close = False

    def write(self, record: dict) -> None:
        super().write(record)
        if self.written == 1:
            os.kill(os.getpid(), signal.SIGINT)
        self.written += 1

    def close(self) -> None:
        if self.again_on_close:
            os.kill(os.getpid(), signal.SIGINT)
        super().close()


@pytest.mark.parametrize("again_on_close", [False, True], ids=["once", "twice"])
def test_ctrl_c_keeps_the_finished_documents_of_a_csv_run(tmp_path, again_on_close):
    output = tmp_path / "run.csv"
    writer = InterruptedCsv(output)
    writer.again_on_close = again_on_close
    documents = [
        SourceDocument(text=STORY.format(day=k + 1, count=k + 2), doc_id=f"d{k}", source=f"d{k}.txt")
        for k in range(4)
    ]
    with pytest.raises(RunStopped) as stopped:
        run(documents, writer, Reporter(quiet=True), workers=1)
    assert not stopped.value.terminated
    assert stopped.value.summary.documents == 2
    with open(output, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted({row["doc_id"] for row in rows}) == ["d0", "d1"]


@pytest.mark.parametrize(
    "args, says, not_says",
    [
        (["-o", "{tmp}/run.csv"], "CSV output cannot be resumed", "--resume to do the rest"),
        pytest.param(
            ["-o", "{tmp}/run.parquet"],
            "PARQUET output cannot be resumed",
            "--resume to do the rest",
            marks=pytest.mark.skipif(not parquet_available(), reason="the parquet extra (pyarrow) is absent"),
        ),
        (["-o", "{tmp}/run.jsonl"], "run again with --resume", "cannot be resumed"),
        ([], "written whole to standard output", "--resume"),
    ],
)
def test_a_stopped_run_says_how_to_go_on(tmp_path, monkeypatch, args, says, not_says):
    from typer.testing import CliRunner

    from extractor import runner
    from extractor.cli import app

    def stopped_run(items, writer, *args, **kwargs):
        writer.close()  # as run() does when stopped
        raise RunStopped(runner.RunSummary(documents=3), terminated=True)

    monkeypatch.setattr(runner, "run", stopped_run)
    (tmp_path / "a.txt").write_text("Troops killed two insurgents.", encoding="utf-8")
    command = ["extract", str(tmp_path / "a.txt"), *[a.format(tmp=tmp_path) for a in args], "-q"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 143
    assert "terminated after 3 documents" in result.stderr
    assert says in result.stderr and not_says not in result.stderr
