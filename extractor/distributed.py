"""Extraction on a Dask cluster: a dask.bag of texts or records in, a bag of JSON-ready records out, and the
in-order engine behind `briefing-extractor extract --dask ADDRESS`. Each worker process loads the pipeline
once; records travel back as plain dicts, so writing stays where the caller is.

Needs the optional extra: pip install 'briefing-extractor[dask]'.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from extractor.api import Extractor
from extractor.records import DocumentInput
from extractor.runner import (
    CHUNKS_PER_WORKER,
    Failure,
    PipelineUnavailable,
    WorkerDied,
    chunk_documents,
)

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client

OnError = Literal["raise", "skip", "include"]

# record fields that may name a document's id besides "doc_id"
_ID_FIELDS = ("doc_id", "id")


class DaskUnavailable(ImportError):
    """dask[distributed] is not installed."""

    def __init__(self) -> None:
        super().__init__("running on Dask needs dask[distributed]: pip install 'briefing-extractor[dask]'")


class SchedulerUnreachable(RuntimeError):
    """No Dask scheduler answered at the address given."""


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise DaskUnavailable() from None
    return distributed


def as_document_input(item: DocumentInput | str | Mapping[str, Any]) -> DocumentInput:
    """A DocumentInput from a text, a record (text, id or doc_id, published, title, source, warnings) or a
    DocumentInput; ValueError for a record without a text."""
    if isinstance(item, DocumentInput):
        return item
    if isinstance(item, str):
        return DocumentInput(text=item)
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError(f"record has no text field: {sorted(item)!r}")
        doc_id = next((item[key] for key in _ID_FIELDS if item.get(key) not in (None, "")), None)
        return DocumentInput(
            text=text,
            doc_id=None if doc_id is None else str(doc_id),
            source=item.get("source"),
            published=item.get("published"),
            published_source=item.get("published_source"),
            title=item.get("title"),
            warnings=list(item.get("warnings") or ()),
        )
    raise TypeError(
        f"cannot extract from a {type(item).__name__}: give a text, a record dict or a DocumentInput"
    )


# -- on the workers ----------------------------------------------------------------------------------

# One Extractor per (model, include_text) in each worker process, loaded by the first task that needs it.
# The lock makes a worker with several threads correct (its threads take turns on the one pipeline); run
# workers with --nthreads 1 and as many processes as cores to use them all.
_extractors: dict[tuple[str | None, bool], Extractor] = {}
_extractors_lock = threading.Lock()


def worker_extractor(model: str | None = None, include_text: bool = False) -> Extractor:
    """This process's Extractor for `model`, loaded on first use; PipelineUnavailable if it cannot be."""
    key = (model, include_text)
    with _extractors_lock:
        if key not in _extractors:
            try:
                _extractors[key] = Extractor(model, include_text=include_text)
            except Exception as err:  # noqa: BLE001 - a model not installed on this worker, a broken component
                raise PipelineUnavailable(
                    f"the English pipeline could not be loaded on a Dask worker: {type(err).__name__}: {err}"
                ) from None
        return _extractors[key]


def extract_chunk(
    items: Iterable[DocumentInput | str | Mapping[str, Any]],
    model: str | None = None,
    include_text: bool = False,
) -> list[dict | Failure]:
    """Record dicts (or a Failure for each document that failed), in order, with this process's pipeline."""
    documents: list[DocumentInput | Failure] = []
    for item in items:
        try:
            documents.append(as_document_input(item))
        except (TypeError, ValueError) as err:
            documents.append(Failure("input", str(err)))
    extractor = worker_extractor(model, include_text)
    with _extractors_lock:
        outcomes = iter(list(extractor.process(d for d in documents if isinstance(d, DocumentInput))))
    results: list[dict | Failure] = []
    for document in documents:
        if isinstance(document, Failure):
            results.append(document)
            continue
        _, outcome = next(outcomes)
        if isinstance(outcome, Exception):
            results.append(Failure("extraction", f"{type(outcome).__name__}: {outcome}"))
        else:
            results.append(outcome.to_json_dict())
    return results


def _extract_partition(
    partition: Iterable, model: str | None, include_text: bool, on_error: OnError
) -> list[dict]:
    items = list(partition)
    records = []
    for item, result in zip(items, extract_chunk(items, model, include_text), strict=True):
        if not isinstance(result, Failure):
            records.append(result)
        elif on_error == "raise":
            raise ValueError(f"{_describe(item)}: {result.message}")
        elif on_error == "include":
            records.append({**_identity(item), "error": {"kind": result.kind, "message": result.message}})
    return records


def _identity(item: object) -> dict:
    if isinstance(item, DocumentInput):
        return {"doc_id": item.doc_id, "source": item.source}
    if isinstance(item, Mapping):
        return {
            "doc_id": next((item[k] for k in _ID_FIELDS if item.get(k) is not None), None),
            "source": item.get("source"),
        }
    return {"doc_id": None, "source": None}


def _describe(item: object) -> str:
    identity = _identity(item)
    return str(identity["source"] or identity["doc_id"] or "document")


# -- the library function on bags --------------------------------------------------------------------


def extract_bag(
    bag: dask.bag.Bag,
    *,
    model: str | None = None,
    include_text: bool = False,
    on_error: OnError = "raise",
) -> dask.bag.Bag:
    """A bag of record dicts (`DocumentRecord.to_json_dict()`), one per input and in the bag's order, from a
    bag of texts, record dicts (text, id/doc_id, published, title, source) or DocumentInputs. Each worker
    process loads the pipeline once. A document that fails raises (on_error="raise"), is left out ("skip"),
    or becomes {"doc_id", "source", "error": {"kind", "message"}} ("include")."""
    if on_error not in ("raise", "skip", "include"):
        raise ValueError(f"on_error must be 'raise', 'skip' or 'include', not {on_error!r}")
    return bag.map_partitions(_extract_partition, model, include_text, on_error)


# -- the in-order engine for the CLI -----------------------------------------------------------------


def extract_with_dask(
    inputs: Iterable[DocumentInput],
    scheduler_address: str | None = None,
    *,
    model: str | None = None,
    include_text: bool = False,
    client: Client | None = None,
    chunks_in_flight: int | None = None,
    connect_timeout: float = 30.0,
) -> Iterator[tuple[DocumentInput, dict | Failure]]:
    """Pairs of (document, its record dict or a Failure), in input order, extracted on the Dask cluster at
    `scheduler_address` (or through `client`): the same contract as the engines in extractor.runner, so the
    CLI's writers take the results unchanged. Chunks of documents go to the workers as tasks, at most
    `chunks_in_flight` at once (default: two per worker thread) so that memory stays flat. Raises
    PipelineUnavailable when a worker cannot load the pipeline, WorkerDied when workers keep dying on a
    chunk, SchedulerUnreachable when no scheduler answers within `connect_timeout` seconds, DaskUnavailable
    when dask[distributed] is not installed."""
    distributed = _import_distributed()
    own_client = client is None
    if own_client:
        if not scheduler_address:
            raise ValueError("give the scheduler's address (tcp://host:8786) or a Client")
        try:
            client = distributed.Client(scheduler_address, set_as_default=False, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as err:
            raise SchedulerUnreachable(
                f"no Dask scheduler answered at {scheduler_address}: {type(err).__name__}: {err}"
            ) from None
    pending: collections.deque = collections.deque()
    try:
        if chunks_in_flight is None:
            threads = sum(client.nthreads().values()) or 1
            chunks_in_flight = max(2, CHUNKS_PER_WORKER * threads)
        for chunk in chunk_documents(inputs):
            future = client.submit(extract_chunk, chunk, model, include_text, pure=False)
            pending.append((chunk, future))
            while len(pending) >= chunks_in_flight:
                yield from _collect(pending.popleft(), distributed)
        while pending:
            yield from _collect(pending.popleft(), distributed)
    finally:
        # stopped early (interrupted, the consumer went away): do not leave chunks running for nobody
        if pending:
            client.cancel([future for _, future in pending])
        if own_client:
            client.close()


def _collect(
    item: tuple[list[DocumentInput], Any], distributed
) -> Iterator[tuple[DocumentInput, dict | Failure]]:
    chunk, future = item
    try:
        results = future.result()
    except PipelineUnavailable:
        raise
    except distributed.KilledWorker as err:
        raise WorkerDied(f"Dask workers died running a chunk ({err}); run again with --resume") from None
    except Exception as err:  # noqa: BLE001 - a chunk that failed as a whole: each document reported
        results = [Failure("extraction", f"{type(err).__name__}: {err}")] * len(chunk)
    yield from zip(chunk, results, strict=True)
