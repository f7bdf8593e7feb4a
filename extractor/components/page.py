"""The page structure the layout component leaves on a Doc, and the look-ups the other components read it by.

A helper module, not a component: it holds the records (sections, datelines, list lines, quotations) and the
Doc extensions they are kept in, so that a component reads the layout's findings without importing it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.components.document import register_document_extensions

# quotation marks, which the layout pairs and the speaker finder reads attribution around
DOUBLE_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
SINGLE_QUOTES = "'\u2018\u2019"
# a line that ends with one of these closes its paragraph; otherwise a hard-wrapped line may run on
TERMINAL = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")", ";")

# name -> what the layout component (extractor.components.layout) leaves there; `published`,
# `published_source` and `report_sections` are document extensions it fills (extractor.components.document)
PAGE_EXTENSIONS = {
    "published_mark": None,  # PublishedDate: where the text states its own date, when it does
    "paragraphs": None,  # [(start, end)] character spans of the paragraphs, in text order
    # {start token of each sentence: its paragraph's number}, a line break opening a paragraph (the scope
    # the claim finder carries dates and places in)
    "sentence_paragraphs": None,
    "quote_spans": None,  # [QuoteSpan]: the direct quotations, each in its paragraph
    "furniture": None,  # {start token of each sentence that stands in page furniture}
    "loss_lines": None,  # [LossLine]: the items of a running-losses list
    "list_leads": None,  # {sentence index of a list item: sentence index of the lead it hangs under}
}


def register_page_extensions() -> None:
    """Registers the page-structure extensions once; safe to call from every component."""
    register_document_extensions()
    for name, default in PAGE_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


@dataclass(frozen=True)
class PublishedDate:
    """A publication date stated in the text: the day, how it was found, and where (character offsets)."""

    date: dt.date
    source: str
    start: int
    end: int


@dataclass(frozen=True)
class ReportSection:
    """A stretch of a document that is one report under its own dateline: a file can hold a release and
    an update appended to it ("---- UPDATE ... KABUL, Afghanistan (Aug. 9) - ..."). Relative dates in a
    section are read against the section's date. Offsets are characters; `dateline` is where the
    section's own dateline stands, when it has one."""

    start: int
    end: int
    published: dt.date | None
    dateline: tuple[int, int] | None = None


@dataclass
class LossLine:
    """One item of a running-losses list ("tanks - 1,393 (+10)"), by token ranges."""

    line_start: int  # token range of the whole line
    line_end: int
    start: int  # token range of the item
    end: int
    label_start: int
    label_end: int
    value: int
    delta: int | None
    approximate: bool


@dataclass
class QuoteSpan:
    """A quotation: the quoted words (start, end) and its marks (outer_start, outer_end)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    speaker: int | None = None  # index into the speaker registry (the speaker finder's, on its own copy)


def section_of(sections: Sequence[ReportSection], char: int) -> ReportSection | None:
    """The section that character `char` falls in."""
    index = bisect.bisect_right([s.start for s in sections], char) - 1
    return sections[index] if index >= 0 else None


def in_dateline(doc: Doc, char: int) -> bool:
    """Whether character `char` stands in a dateline ("KABUL, Afghanistan (Nov. 14, 2010) -"), which says
    where and when a report was filed."""
    return any(
        s.dateline is not None and s.dateline[0] <= char < s.dateline[1] for s in doc._.report_sections or ()
    )


def published_at(doc: Doc, char: int) -> dt.date | None:
    """The date that character `char` of `doc` was published on: its report section's, else the
    document's."""
    section = section_of(doc._.report_sections or (), char)
    return section.published if section is not None else doc._.published


def list_lead(doc: Doc, index: int) -> int | None:
    """The index of the sentence the list item at sentence `index` hangs under, when it is one."""
    return (doc._.list_leads or {}).get(index)
