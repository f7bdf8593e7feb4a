"""Document-level Doc extensions that the caller sets before the pipeline runs and components read."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache

import numpy
from spacy.attrs import IDX, IS_ALPHA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extractor.components.serialization import register_msgpack_types

# name -> default; list defaults are given as getters-free None and filled per document
DOCUMENT_EXTENSIONS = {
    "published": None,  # datetime.date the text was published, when known
    "published_source": None,  # how it was found: argument, metadata, dateline, header, filename
    "fallback_published": None,  # a date from outside the text (the file name) used when the text has none
    "fallback_published_source": None,  # where that date came from, when not the file name
    "source_text": None,  # the decoded text before whitespace normalization, for evidence offsets
    "doc_warnings": None,  # plain-language warnings the components raise about this document
    "report_sections": None,  # the reports a text holds, each under its own dateline (the date finder's)
}


TEXT_KEY = "briefing_extractor.text"
LOWER_KEY = "briefing_extractor.lower_words"
LEADING_KEY = "briefing_extractor.leading_space"
BOUNDS_KEY = "briefing_extractor.sentence_bounds"
ENTITIES_KEY = "briefing_extractor.entities"
SPANS_KEY = "briefing_extractor.sentence_spans"
ENTITY_STARTS_KEY = "briefing_extractor.entity_starts"


def register_document_extensions() -> None:
    """Registers the shared document extensions once; safe to call from every component."""
    register_msgpack_types()
    for name, default in DOCUMENT_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_warning(doc: Doc, message: str) -> None:
    """Adds a plain-language warning to the document, once."""
    if doc._.doc_warnings is None:
        doc._.doc_warnings = []
    if message not in doc._.doc_warnings:
        doc._.doc_warnings.append(message)


def document_text(doc: Doc) -> str:
    """doc.text, built once per document: spaCy joins every token again on each access, which made long
    documents quadratic. Tokens never change text after tokenization, so the copy stays right."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Gives document_text the text a Doc was made from, when the caller has it."""
    doc.user_data[TEXT_KEY] = text


def at_top(doc: Doc, char: int) -> bool:
    """Whether only white space comes before character `char` of the document."""
    leading = doc.user_data.get(LEADING_KEY)
    if leading is None:
        text = document_text(doc)
        leading = doc.user_data[LEADING_KEY] = len(text) - len(text.lstrip())
    return char <= leading


def sentence_of(token: Token) -> Span:
    """The sentence holding a token; cheaper than Token.sent (see sentence_bounds)."""
    start, end = sentence_bounds(token.doc, token.i)
    return Span(token.doc, start, end)


def lower_words(doc: Doc) -> list[str]:
    """The lower-case form of every token, built once per document: the word-list lookups of several
    components compare runs of tokens, and a Token object made for each comparison was their main cost."""
    words = doc.user_data.get(LOWER_KEY)
    if words is None:
        strings = doc.vocab.strings
        words = doc.user_data[LOWER_KEY] = [strings[h] for h in doc.to_array(LOWER).tolist()]
    return words


@lru_cache(maxsize=16)
def word_hashes(words: frozenset[str]) -> frozenset[int]:
    """The string-store ids of a word list, to compare with a document's arrays: the hash of each word, or its
    fixed number where spaCy reserves one (labels such as "PERSON", "poss", "NOUN", and words such as
    "number")."""
    return frozenset(get_string_id(w) for w in words)


def members(values: numpy.ndarray, hashes: frozenset[int]) -> numpy.ndarray:
    """Which of a document's array values are in `hashes`, as booleans: one binary search of the sorted
    hashes for all values at once (numpy.isin sorts both sides on every call, and a set lookup per value
    runs in Python)."""
    ordered = _sorted_hashes(hashes)
    if not len(ordered):
        return numpy.zeros(len(values), dtype=bool)
    # a value above every hash is sent to the last one, which it cannot equal
    found = numpy.minimum(numpy.searchsorted(ordered, values), len(ordered) - 1)
    return ordered[found] == values


@lru_cache(maxsize=64)
def _sorted_hashes(hashes: frozenset[int]) -> numpy.ndarray:
    return numpy.array(sorted(hashes), dtype=numpy.uint64)


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, read from the document's arrays."""
    return doc.to_array(IDX).tolist()


def alphabetic(doc: Doc) -> list[bool]:
    """Whether each token is all letters, read from the document's arrays."""
    return [bool(flag) for flag in doc.to_array(IS_ALPHA).tolist()]


def sentence_spans(doc: Doc) -> list[Span]:
    """doc.sents as a list, built once per document: each pass over doc.sents walks every token again, and
    several components (the claim finder once per report section) ask for them. The Spans kept in
    user_data tie the Doc to itself in a cycle, which Extractor breaks by clearing user_data once the
    record is made, as it does for the components' other spans."""
    spans = doc.user_data.get(SPANS_KEY)
    if spans is None or not all(isinstance(span, Span) for span in spans[:1]):  # none yet, or sent as none
        table = _sentence_table(doc)
        spans = doc.user_data[SPANS_KEY] = tuple(Span(doc, a, b) for a, b in zip(*table, strict=True))
    return list(spans)


def _sentence_table(doc: Doc) -> tuple[list[int], list[int]]:
    bounds = doc.user_data.get(BOUNDS_KEY)
    if bounds is None:
        if doc.has_annotation("SENT_START"):
            spans = list(doc.sents)
            bounds = ([s.start for s in spans], [s.end for s in spans])
        else:
            bounds = ([0], [len(doc)])
        doc.user_data[BOUNDS_KEY] = bounds
    return bounds


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token i, the whole document when it has no sentences; cheaper
    than Token.sent, which walks the tokens each time."""
    starts, ends = _sentence_table(doc)
    k = bisect.bisect_right(starts, i) - 1
    return starts[k], ends[k]


def entities_in(
    doc: Doc, start: int = 0, end: int | None = None, labels: frozenset[str] | None = None
) -> list[Span]:
    """The named entities within tokens start..end, of `labels` only when given; doc.ents, which walks every
    token on each access, is read once per document (kept as plain numbers, as sentence_spans says why)."""
    found = doc.user_data.get(ENTITIES_KEY)
    if found is None:
        found = doc.user_data[ENTITIES_KEY] = [(e.start, e.end, e.label) for e in doc.ents]
        doc.user_data[ENTITY_STARTS_KEY] = [e[0] for e in found]
    end = len(doc) if end is None else end
    wanted = word_hashes(labels) if labels is not None else None
    # entities are sorted and never overlap: those within start..end are found by bisection, so that asking
    # for the entities of each sentence costs what the sentence holds, not what the document holds
    starts = doc.user_data[ENTITY_STARTS_KEY]
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    return [
        Span(doc, a, b, label=label)
        for a, b, label in found[first:last]
        if b <= end and (wanted is None or label in wanted)
    ]


def listed_spans(doc: Doc, name: str):
    """The spans of the list extension `name` (serialization.set_span_list_extension keeps them in the span
    group "briefing_<name>"), as that group: read one at a time, where the extension copies every span
    into a new list on each read; () when there are none."""
    group = f"briefing_{name}"
    return doc.spans[group] if group in doc.spans else ()


def listed_spans_from_end(doc: Doc, name: str) -> Iterator[Span]:
    """The spans of the list extension `name`, last first, each made only when the caller gets to it."""
    spans = listed_spans(doc, name)
    for k in range(len(spans) - 1, -1, -1):
        yield spans[k]


def listed_spans_within(doc: Doc, name: str, start: int, end: int) -> list[Span]:
    """The spans of the list extension `name` that start within tokens start..end, in the list's order, found
    by bisection over their starts (sorted once per document): asked for each sentence, a scan of the
    whole list made the cost grow with the square of the document."""
    spans = listed_spans(doc, name)
    key = f"briefing_extractor.listed_starts {name}"
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(spans):
        ordered = sorted((span.start, k) for k, span in enumerate(spans))
        cached = doc.user_data[key] = (len(spans), [s for s, _ in ordered], [k for _, k in ordered])
    _, starts, positions = cached
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    return [spans[k] for k in sorted(positions[first:last])]
