"""The batch loop: documents through the pipeline, in-process or in worker processes, in input order."""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from extractor.api import Extractor
from extractor.kernels import limit_blas_threads
from extractor.lifetime import StopSignals, Terminated, end_processes, start_worker
from extractor.models import PublishedSource
from extractor.readers import InputError, SourceDocument
from extractor.records import DocumentInput, content_sha256
from extractor.writers import OutputProblem, RecordWriter

# documents sent to a worker at once: one nlp.pipe batch
CHUNK_DOCUMENTS = 16
CHUNK_CHARS = 400_000
# chunks in flight per worker: enough to keep every worker busy, few enough that memory stays flat
CHUNKS_PER_WORKER = 2

_DOCUMENT_INPUT_FIELDS = {f.name for f in dataclasses.fields(DocumentInput)}


class PipelineUnavailable(RuntimeError):
    """The English pipeline could not be loaded."""


class WorkerDied(RuntimeError):
    """A worker process ended abruptly (killed, out of memory): the run stops, --resume continues it."""


class RunStopped(Exception):
    """The run was stopped by Ctrl-C or SIGTERM; every record finished before was written and committed.
    `summary` counts them."""

    def __init__(self, summary: RunSummary, terminated: bool):
        super().__init__("terminated" if terminated else "interrupted")
        self.summary = summary
        self.terminated = terminated


@dataclass
class Failure:
    """A document the pipeline could not process (picklable, unlike some exceptions)."""

    kind: str
    message: str


@dataclass
class RunSummary:
    """What a run did, for the summary line and the exit code."""

    files_read: int = 0
    documents: int = 0
    claims: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (
            f"{self.files_read} files read, {self.documents} documents, {self.claims} claims, "
            f"{self.errors} errors"
            + (f", {self.skipped} skipped (already done)" if self.skipped else "")
            + f" in {self.seconds:.1f} s ({self.docs_per_second:.1f} documents/s)"
        )


def document_input(document: SourceDocument, published: dt.date | None = None) -> DocumentInput:
    """The pipeline's input for a document read from a file: the input's own date (metadata) beats
    `published` (the --published argument), which beats a web page's guessed date, then a date in the
    file name (both behind the text's own dateline)."""
    values: dict[str, object] = {
        "text": document.text,
        "doc_id": document.doc_id,
        "source": document.source,
        "title": document.title,
        "warnings": list(document.warnings),
        "author": document.author,
        "url": document.url,
    }
    if document.published is not None:
        source = document.published_source or PublishedSource.metadata.value
        values.update(published=document.published, published_source=source)
    elif published is not None:
        values.update(published=published, published_source=PublishedSource.argument.value)
    elif document.guessed_published is not None:
        # a web page's date as htmldate guesses it: the text's own dateline, found by the pipeline, beats it
        values.update(
            fallback_published=document.guessed_published,
            fallback_published_source=PublishedSource.metadata.value,
        )
    elif document.filename_date is not None:
        if "fallback_published" in _DOCUMENT_INPUT_FIELDS:
            # the text's own dateline, found by the pipeline, beats the file name
            values.update(fallback_published=document.filename_date)
        else:
            values.update(published=document.filename_date, published_source=PublishedSource.filename.value)
    return DocumentInput(**{k: v for k, v in values.items() if k in _DOCUMENT_INPUT_FIELDS})


# -- engines: DocumentInputs in, (DocumentInput, record dict | Failure) out, in order ----------------


@lru_cache(maxsize=2)
def shared_extractor(model: str | None) -> Extractor:
    """One Extractor per model in this process: the pipeline is loaded once however many runs use it."""
    return Extractor(model)


def extract_in_process(
    documents: Iterable[DocumentInput], model: str | None, include_text: bool
) -> Iterator[tuple[DocumentInput, dict | Failure]]:
    try:
        extractor = shared_extractor(model)
    except Exception as err:  # noqa: BLE001 - a model not installed, a broken component: nothing can run
        raise PipelineUnavailable(
            f"the English pipeline could not be loaded: {type(err).__name__}: {err}"
        ) from err
    extractor.include_text = include_text
    for document, result in extractor.process(documents):
        if isinstance(result, Exception):
            yield document, Failure("extraction", f"{type(result).__name__}: {result}")
        else:
            yield document, result.to_json_dict()


_worker_extractor: Extractor | None = None
_worker_error: str | None = None


def _start_worker(model: str | None, include_text: bool) -> None:
    global _worker_extractor, _worker_error
    limit_blas_threads()
    try:
        _worker_extractor = Extractor(model, include_text=include_text)
    except Exception as err:  # noqa: BLE001 - reported by the first chunk, in the parent
        _worker_error = f"the English pipeline could not be loaded: {type(err).__name__}: {err}"


def _extract_chunk(documents: list[DocumentInput]) -> list[dict | Failure]:
    if _worker_extractor is None:
        raise PipelineUnavailable(_worker_error or "the worker has no pipeline")
    results: list[dict | Failure] = []
    for _, result in _worker_extractor.process(documents):
        if isinstance(result, Exception):
            results.append(Failure("extraction", f"{type(result).__name__}: {result}"))
        else:
            results.append(result.to_json_dict())
    return results


def chunk_documents(documents: Iterable[DocumentInput]) -> Iterator[list[DocumentInput]]:
    """Documents in chunks of at most CHUNK_DOCUMENTS documents or CHUNK_CHARS characters."""
    chunk: list[DocumentInput] = []
    chars = 0
    for document in documents:
        chunk.append(document)
        chars += len(document.text)
        if len(chunk) >= CHUNK_DOCUMENTS or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def extract_in_workers(
    documents: Iterable[DocumentInput], model: str | None, include_text: bool, workers: int
) -> Iterator[tuple[DocumentInput, dict | Failure]]:
    """Chunks of documents to `workers` processes, each loading the pipeline once; results in input order,
    with at most CHUNKS_PER_WORKER chunks per worker in flight."""
    chunks = chunk_documents(documents)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if second is None:  # one chunk: starting processes would cost more than it saves
        yield from extract_in_process(first, model, include_text)
        return
    pending: collections.deque[tuple[list[DocumentInput], Future]] = collections.deque()
    context = multiprocessing.get_context("spawn")  # no fork of a process that has threads
    pool = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(), f"{__name__}:_start_worker", model, include_text),
    )
    try:
        for chunk in _chain([first, second], chunks):
            pending.append((chunk, pool.submit(_extract_chunk, chunk)))
            while len(pending) >= workers * CHUNKS_PER_WORKER:
                yield from _collect(pending.popleft())
        while pending:
            yield from _collect(pending.popleft())
    except BaseException:
        # interrupted or failed: do not wait for chunks whose results nobody will write
        pool.shutdown(wait=False, cancel_futures=True)
        # shutdown(wait=False) lets running chunks finish; their workers are ended now instead (the pool's
        # process table is private, hence getattr: without it the workers end on their own, later)
        end_processes(list((getattr(pool, "_processes", None) or {}).values()))
        raise
    pool.shutdown(wait=True)


def _chain(head: list, tail: Iterator) -> Iterator:
    yield from head
    yield from tail


def _collect(item: tuple[list[DocumentInput], Future]) -> Iterator[tuple[DocumentInput, dict | Failure]]:
    chunk, future = item
    try:
        results = future.result()
    except PipelineUnavailable:
        raise
    except BrokenProcessPool as err:
        raise WorkerDied(f"a worker process died ({err}); run again with --resume") from None
    except Exception as err:  # noqa: BLE001 - a chunk that failed as a whole: each document reported
        results = [Failure("extraction", f"{type(err).__name__}: {err}")] * len(chunk)
    yield from zip(chunk, results, strict=True)


# -- progress and reports on stderr ----------------------------------------------------------------


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s", style="progress.data.speed")


class Reporter:
    """Errors on stderr (and in the --errors file), the progress bar and the summary."""

    def __init__(
        self, *, quiet: bool = False, errors_file: IO[str] | None = None, console: Console | None = None
    ):
        self.console = console or Console(stderr=True, highlight=False)
        self.quiet = quiet
        self.errors_file = errors_file
        self.progress: Progress | None = None
        self._task = None

    def start(self, total: int | None) -> None:
        if self.quiet or not self.console.is_terminal:
            return
        self.progress = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.progress.start()
        self._task = self.progress.add_task("extract", total=total)

    def advance(self, extra_total: int = 0) -> None:
        if self.progress is not None and self._task is not None:
            if extra_total:
                task = self.progress.tasks[0]
                if task.total is not None:
                    self.progress.update(self._task, total=task.total + extra_total)
            self.progress.advance(self._task)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def error(self, source: str, kind: str, message: str) -> None:
        self.console.print(f"error: {source}: {message}", markup=False, highlight=False, soft_wrap=True)
        if self.errors_file is not None:
            self.errors_file.write(json.dumps({"path": source, "kind": kind, "message": message}) + "\n")
            self.errors_file.flush()

    def note(self, message: str) -> None:
        if not self.quiet:
            self.console.print(message, markup=False, highlight=False, soft_wrap=True)

    def notice(self, message: str) -> None:
        """A message that --quiet does not silence (a run that stopped early says what it left)."""
        self.console.print(message, markup=False, highlight=False, soft_wrap=True)


def run(
    items: Iterable[SourceDocument | InputError],
    writer: RecordWriter,
    reporter: Reporter,
    *,
    published: dt.date | None = None,
    model: str | None = None,
    include_text: bool = False,
    workers: int = 1,
    resume: bool = False,
    dask_address: str | None = None,
) -> RunSummary:
    """Extracts every document of `items` into `writer`; failures go to `reporter`. The writer is closed
    (committed) at the end, or aborted when the run is interrupted."""
    summary = RunSummary()
    started = time.perf_counter()
    last_file: list[str | None] = [None]

    def advance(source: str) -> None:
        file = source.rsplit("#", 1)[0] if "#" in source else None
        reporter.advance(extra_total=int(file is not None and file == last_file[0]))
        last_file[0] = file

    def inputs() -> Iterator[DocumentInput]:
        for item in items:
            if isinstance(item, InputError):
                summary.errors += 1
                reporter.error(item.source, item.kind, item.message)
                advance(item.source)
                continue
            document = document_input(item, published)
            if resume and writer.is_done(document.doc_id or "", content_sha256(document.text), item.source):
                summary.skipped += 1
                advance(item.source)
                continue
            yield document

    results = _extractions(inputs(), model, include_text, workers, dask_address)
    stops = StopSignals()
    try:
        with stops:
            for document, result in results:
                with stops.deferred():  # a stop waits until the record is written whole
                    _write_result(document, result, writer, reporter, summary, advance)
    except KeyboardInterrupt as stop:
        # what is finished is kept: committed atomically, so that a CSV or Parquet file is complete too
        with contextlib.suppress(KeyboardInterrupt):  # a second stop waits for the close, then is moot
            with stops, stops.deferred():
                writer.close()
        raise RunStopped(summary, terminated=isinstance(stop, Terminated)) from None
    except BaseException:
        writer.abort()
        raise
    finally:
        reporter.stop()
        summary.seconds = time.perf_counter() - started
    writer.close()
    return summary


def _extractions(
    inputs: Iterator[DocumentInput],
    model: str | None,
    include_text: bool,
    workers: int,
    dask_address: str | None,
):
    """Each document with its record or failure, from a Dask cluster, worker processes or this process."""
    if dask_address:
        from extractor.distributed import extract_with_dask

        return extract_with_dask(inputs, dask_address, model=model, include_text=include_text)
    if workers > 1:
        return extract_in_workers(inputs, model, include_text, workers)
    return extract_in_process(inputs, model, include_text)


def _write_result(
    document: DocumentInput,
    result: dict | Failure,
    writer: RecordWriter,
    reporter: Reporter,
    summary: RunSummary,
    advance: Callable[[str], None],
) -> None:
    """One document's record into the writer, or its failure to the reporter; counted in `summary`."""
    source = document.source or document.doc_id or "?"
    advance(source)
    if isinstance(result, Failure):
        summary.errors += 1
        reporter.error(source, result.kind, result.message)
        return
    try:
        writer.write(result)
    except OutputProblem as problem:
        summary.errors += 1
        reporter.error(source, problem.kind, problem.message)
        return
    summary.documents += 1
    summary.claims += len(result.get("claims", []))


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def count_files(paths: Iterable[str], reader) -> int:
    """How many input files the paths hold, for the progress bar's total (records add to it as read)."""
    total = 0
    for arg in paths:
        path = Path(arg)
        if arg == "-" or not path.is_dir():
            total += 1
        else:
            total += sum(1 for item in reader.walk(path, arg) if not isinstance(item, InputError))
    return total
