"""The date finder: date and period expressions, resolved to ISO dates against the published date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.components.document import register_document_extensions


@dataclass
class DateValue:
    """What a date expression resolves to: a day, or a period, or nothing (kept as words)."""

    text: str
    date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None


class DateFinder:
    """Leaves date expressions on `doc._.dates` (spans with `span._.date_value`)."""

    def __init__(self, nlp: Language, name: str = "briefing_dates"):
        self.name = name
        register_document_extensions()
        if not Doc.has_extension("dates"):
            Doc.set_extension("dates", default=None)
        if not Span.has_extension("date_value"):
            Span.set_extension("date_value", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []
        return doc


@Language.factory("briefing_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    """The date finder as a pipeline component."""
    return DateFinder(nlp, name)
