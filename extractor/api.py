"""The library's public face: extract() for one text, Extractor for many."""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from extractor.models import DocumentRecord, PublishedSource
from extractor.pipeline import LoadedModel, build_pipeline, make_document
from extractor.records import DocumentInput, doc_to_record

# documents read together: each batch is one memory zone
BATCH_DOCUMENTS = 128
# documents the statistical components take at once. Their per-batch arrays grow with it, and past glibc's
# mmap threshold every batch maps fresh pages: at 128, a run of the benchmark corpus took six times the page
# faults and three times the system time of 64 (measured), which showed in the wall clock though not in
# the instructions counted.
PARSE_BATCH_DOCUMENTS = 64
# ...unless their text adds up to this much first, which bounds the memory a batch of long documents holds
BATCH_CHARACTERS = 1_000_000
# New strings and words a run may keep in the model's vocabulary before each batch runs in a memory zone.
# spaCy's tokenizer caches nothing inside a zone, and took four to five times as long there on the benchmark
# corpus (measured); the first batches, run outside one, teach it the corpus's common words, and the
# vocabulary grows by this much at most (a few megabytes), however long the run.
STRINGS_KEPT = 20_000
# Batches between handing freed memory back to the system. Each hand-back makes the next batch fault its
# pages in again: done after every batch, that cost about a twentieth of a run's time (measured), while
# the memory it holds back between hand-backs is bounded by a batch's peak.
BATCHES_PER_RELEASE = 16


def parse_published(value: object) -> dt.date | None:
    """A published date given as a date, a datetime or an ISO string; ValueError names what was wrong."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise ValueError(f"published date {value!r} is not a date")


class Extractor:
    """Loads the pipeline once; extract() and pipe() turn texts into validated DocumentRecords."""

    def __init__(
        self,
        model: str | None = None,
        *,
        include_text: bool = False,
        batch_size: int = BATCH_DOCUMENTS,
        batch_characters: int = BATCH_CHARACTERS,
        strings_kept: int = STRINGS_KEPT,
        kernel: str | None = None,
    ):
        self.nlp, self.model = build_pipeline(model, kernel)
        self.include_text = include_text
        self.batch_size = batch_size
        self.batch_characters = batch_characters
        self.strings_kept = strings_kept
        self.batches_per_release = BATCHES_PER_RELEASE
        self._batches_done = 0
        self._vocabulary_at_load = self._vocabulary_sizes()
        self._zoned = False

    def _vocabulary_sizes(self) -> tuple[int, int]:
        return len(self.nlp.vocab.strings), len(self.nlp.vocab)

    def _needs_zone(self) -> bool:
        """Whether the next batch runs in a memory zone: once the run has kept `strings_kept` new strings or
        words, every batch does."""
        if not self._zoned:
            grown = [
                now - then
                for now, then in zip(self._vocabulary_sizes(), self._vocabulary_at_load, strict=True)
            ]
            self._zoned = max(grown) >= self.strings_kept
        return self._zoned

    @property
    def model_info(self) -> LoadedModel:
        """The English pipeline that was loaded."""
        return self.model

    def extract(
        self, text: str, published: object = None, doc_id: str | None = None, *, title: str | None = None
    ) -> DocumentRecord:
        """The record of one text; `published` resolves relative dates."""
        document = DocumentInput(text=text, doc_id=doc_id, published=published, title=title)
        return next(self.pipe([document]))

    def pipe(self, documents: Iterable[DocumentInput | str]) -> Iterator[DocumentRecord]:
        """Records of many documents, in order, streamed through nlp.pipe; the first failure is raised."""
        for _, result in self.process(documents):
            if isinstance(result, Exception):
                raise result
            yield result

    def process(
        self, documents: Iterable[DocumentInput | str]
    ) -> Iterator[tuple[DocumentInput, DocumentRecord | Exception]]:
        """Pairs of (document, its record or the error it raised), in input order; one bad input does not
        stop the others."""
        for batch in _batched(documents, self.batch_size, self.batch_characters):
            if self._needs_zone():
                # strings made while parsing a batch are freed when its zone closes: memory stays flat
                with self.nlp.memory_zone():
                    yield from self._process_batch(batch)
            else:
                yield from self._process_batch(batch)
            self._batches_done += 1
            if self._batches_done % self.batches_per_release == 0:
                release_free_memory()

    def _process_batch(self, batch) -> Iterator[tuple[DocumentInput, DocumentRecord | Exception]]:
        prepared = [self._prepare(document) for document in batch]
        ready = [doc for _, doc in prepared if not isinstance(doc, Exception)]
        try:
            parsed = list(self.nlp.pipe(ready, batch_size=min(self.batch_size, PARSE_BATCH_DOCUMENTS)))
        except Exception:  # noqa: BLE001 - find the document that failed, keep the rest
            # the failed run may have left annotations on the docs: parse fresh copies one at a time
            parsed = []
            for document, doc in prepared:
                if isinstance(doc, Exception):
                    continue
                try:
                    parsed.append(self.nlp(self._prepare(document)[1]))
                except Exception as err:  # noqa: BLE001
                    parsed.append(err)
        results = iter(parsed)
        for document, doc in prepared:
            if not isinstance(doc, Exception):
                doc = next(results)
            if isinstance(doc, Exception):
                yield document, doc
                continue
            try:
                result = doc_to_record(doc, document, self.model, self.include_text)
            except Exception as err:  # noqa: BLE001 - reported per document, the batch goes on
                result = err
            # the spans the components left on the Doc point back at it: without this the Doc and its arrays
            # wait for Python's rare full garbage collections, and a long run's memory grows (measured)
            doc.user_data.clear()
            yield document, result

    def _prepare(self, document: DocumentInput | str):
        if isinstance(document, str):
            document = DocumentInput(text=document)
        try:
            published = parse_published(document.published)
            source = document.published_source or (PublishedSource.argument.value if published else None)
            fallback = parse_published(document.fallback_published)
            fallback_source = getattr(document, "fallback_published_source", None)
            return document, make_document(
                self.nlp, document.text, published, source, fallback, fallback_source
            )
        except Exception as err:  # noqa: BLE001
            return document, err


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None elsewhere."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Hands the memory freed by a batch back to the system. glibc keeps freed blocks in per-thread arenas,
    and the many small allocations of parsing left them fragmented: a long run's resident memory crept up
    although no Python object outlived its batch (benchmarks/throughput.py measures it)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _batched(documents: Iterable, size: int, characters: int) -> Iterator[list]:
    """Batches of at most `size` documents, closed early once they hold `characters` of text: a run of long
    documents keeps a bounded amount of parsed text in memory."""
    batch: list = []
    held = 0
    for document in documents:
        batch.append(document)
        held += len(document if isinstance(document, str) else document.text or "")
        if len(batch) >= size or held >= characters:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


@lru_cache(maxsize=2)
def _shared_extractor(model: str | None) -> Extractor:
    return Extractor(model)


def extract(
    text: str, published: object = None, doc_id: str | None = None, model: str | None = None
) -> DocumentRecord:
    """The validated record of one text. The pipeline is loaded on first use and kept."""
    return _shared_extractor(model).extract(text, published=published, doc_id=doc_id)
