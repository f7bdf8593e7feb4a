"""The library's public face: extract() for one text, Extractor for many."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from extractor.kernels import one_blas_thread
from extractor.models import DocumentRecord, PublishedSource
from extractor.pieces import PIECE_CHARS, MergedFindings, piece_bounds
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


# a published date written otherwise than YYYY-MM-DD is read only when it names its day, month and year
PUBLISHED_DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}


def parse_published(value: object) -> dt.date | None:
    """A published date given as a date, a datetime, an ISO string, or a string dateparser reads with its
    day, month and year ("March 3, 2012"); ValueError names what was wrong."""
    published, problem = read_published(value)
    if published is None and problem is not None:
        raise ValueError(problem)
    return published


def read_published(value: object) -> tuple[dt.date | None, str | None]:
    """(the published date, a warning about it): a value not in ISO form is read by dateparser, with a
    warning saying how it was read; one that cannot be read is (None, why)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str):
        return None, f"published date {value!r} is not a date"
    try:
        return dt.date.fromisoformat(value.strip()[:10]), None
    except ValueError:
        pass
    import dateparser  # loaded only for the rare date not in ISO form: its import takes a second

    parsed = dateparser.parse(value.strip(), settings=PUBLISHED_DATEPARSER_SETTINGS)
    if parsed is None:
        return None, f"published date {value!r} is not a date (YYYY-MM-DD, or a day, month and year)"
    day = parsed.date()
    return day, f"published date {value!r} is not in the form YYYY-MM-DD; read as {day.isoformat()}"


def _known_dates(document: DocumentInput) -> tuple:
    """What the input says of a document's dates: (published, a warning about it, where it came from, the
    fallback date, where that came from)."""
    published, problem = read_published(document.published)
    source = document.published_source or (PublishedSource.argument.value if published else None)
    fallback = parse_published(document.fallback_published)
    return published, problem, source, fallback, getattr(document, "fallback_published_source", None)


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
        piece_chars: int = PIECE_CHARS,
    ):
        self.nlp, self.model = build_pipeline(model, kernel)
        # a longer text is parsed in pieces (extractor.pieces), so spaCy never sees more than this at once
        self.piece_chars = piece_chars
        self.nlp.max_length = max(self.nlp.max_length, piece_chars)
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
        """The record of one text (a str, or bytes in UTF-8); `published` resolves relative dates. TypeError
        for anything else."""
        document = DocumentInput(text=as_text(text), doc_id=doc_id, published=published, title=title)
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
        for batch in _batched(documents, self.batch_size, self.batch_characters, self.piece_chars):
            if len(batch) == 1 and _length(batch[0]) > self.piece_chars:
                yield self._process_in_pieces(batch[0])
            elif self._needs_zone():
                # strings made while parsing a batch are freed when its zone closes: memory stays flat. The
                # zone closes before the batch's records are yielded, so that a caller who stops early
                # (extract takes one) does not leave it open (see memory_zone)
                with memory_zone(self.nlp):
                    results = list(self._process_batch(batch))
                yield from results
            else:
                yield from self._process_batch(batch)
            self._batches_done += 1
            if self._batches_done % self.batches_per_release == 0:
                release_free_memory()

    def _process_batch(self, batch) -> Iterator[tuple[DocumentInput, DocumentRecord | Exception]]:
        prepared = [self._prepare(document) for document in batch]
        ready = [doc for _, doc in prepared if not isinstance(doc, Exception)]
        try:
            # the small model's matrix products are too small for BLAS threads to pay, and on a busy
            # machine OpenBLAS's threads wait for each other (see README, Performance): one thread, as the
            # kernel probe and each -j worker run, and the caller's own setting back after
            with one_blas_thread():
                parsed = list(self.nlp.pipe(ready, batch_size=min(self.batch_size, PARSE_BATCH_DOCUMENTS)))
        except Exception:  # noqa: BLE001 - find the document that failed, keep the rest
            # the failed run may have left annotations on the docs: parse fresh copies one at a time
            parsed = []
            for document, doc in prepared:
                if isinstance(doc, Exception):
                    continue
                try:
                    with one_blas_thread():
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

    def _process_in_pieces(self, document) -> tuple[DocumentInput, DocumentRecord | Exception]:
        """The record of a long text, parsed piece by piece (see extractor.pieces): the first piece's
        published date (its dateline or header) dates the pieces after it."""
        try:
            document = as_document_input(document)
            published, problem, source, fallback, fallback_source = _known_dates(document)
            merged = MergedFindings(document.text, warnings=[problem] if problem else [])
            for start, end in piece_bounds(document.text, self.piece_chars):
                piece = document.text[start:end]
                doc = make_document(self.nlp, piece, published, source, fallback, fallback_source)
                if self._needs_zone():
                    with memory_zone(self.nlp):
                        self._take_piece(doc, start, merged)
                else:
                    self._take_piece(doc, start, merged)
                if published is None and merged.published is not None:
                    published, source = merged.published, merged.published_source
            release_free_memory()
            return document, doc_to_record(merged.as_doc(), document, self.model, self.include_text)
        except Exception as err:  # noqa: BLE001 - reported per document, the batch goes on
            return document, err

    def _take_piece(self, doc, start: int, merged: MergedFindings) -> None:
        try:
            with one_blas_thread():
                parsed = self.nlp(doc)
            merged.add(parsed, start)
        finally:
            doc.user_data.clear()  # as in _process_batch: the piece's memory is freed now

    def _prepare(self, document: DocumentInput | str):
        try:
            document = as_document_input(document)
            published, problem, source, fallback, fallback_source = _known_dates(document)
            doc = make_document(self.nlp, document.text, published, source, fallback, fallback_source)
            if problem is not None:  # a published date that is not ISO is read, or left out, never fatal
                doc._.doc_warnings.append(problem)
            return document, doc
        except Exception as err:  # noqa: BLE001
            return document, err


@contextlib.contextmanager
def memory_zone(nlp) -> Iterator[None]:
    """`nlp.memory_zone()`, always closed as if its block had ended normally: spaCy before 3.8.13 skips its
    clean-up when the block ends by an exception (or a generator closed inside it), and the strings of
    words the vocabulary keeps for good are then lost (AssertionError in Vocab.get at the next such word).
    The exception is raised again once the zone is closed."""
    failure: BaseException | None = None
    with nlp.memory_zone():
        try:
            yield
        except BaseException as err:  # noqa: BLE001 - raised again below, after the zone's clean-up
            failure = err
    if failure is not None:
        raise failure


def as_text(text: object) -> str:
    """A document's text as a str: bytes are read as UTF-8; anything else is a TypeError that says what was
    given."""
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray):
        try:
            return bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise TypeError(
                f"the text was given as bytes that are not UTF-8 ({err.reason} at byte {err.start}); "
                "decode them with their encoding and pass a str"
            ) from None
    raise TypeError(f"the text must be a str (or UTF-8 bytes), not {type(text).__name__}")


def as_document_input(document: object) -> DocumentInput:
    """A DocumentInput, a str or UTF-8 bytes as a DocumentInput with a str text; TypeError otherwise."""
    if isinstance(document, DocumentInput):
        if isinstance(document.text, str):
            return document
        return dataclasses.replace(document, text=as_text(document.text))
    if isinstance(document, str | bytes | bytearray):
        return DocumentInput(text=as_text(document))
    raise TypeError(
        f"a document must be a str, UTF-8 bytes or a DocumentInput, not {type(document).__name__}"
    )


def _length(document: object) -> int:
    """The characters a document brings to a batch; 0 for one that is not a document (it fails alone)."""
    text = document.text if isinstance(document, DocumentInput) else document
    return len(text) if isinstance(text, str | bytes | bytearray) else 0


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


def _batched(documents: Iterable, size: int, characters: int, alone_above: int) -> Iterator[list]:
    """Batches of at most `size` documents, closed early once they hold `characters` of text: a run of long
    documents keeps a bounded amount of parsed text in memory. A document longer than `alone_above` is a
    batch of its own (it is parsed in pieces)."""
    batch: list = []
    held = 0
    for document in documents:
        if _length(document) > alone_above:
            if batch:
                yield batch
                batch, held = [], 0
            yield [document]
            continue
        batch.append(document)
        held += _length(document)
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
    """The validated record of one text (a str, or bytes in UTF-8). The pipeline is loaded on first use and
    kept."""
    as_text(text)  # a TypeError before the pipeline is loaded
    return _shared_extractor(model).extract(text, published=published, doc_id=doc_id)
