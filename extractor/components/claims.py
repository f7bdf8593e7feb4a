"""The claim finder: a count, the thing counted and the verb over it, read as a claim."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.document import register_document_extensions


@dataclass
class ClaimFinding:
    """A claim as the pipeline found it; offsets are character offsets into the document text."""

    kind: str
    value: int | None
    evidence_start: int
    evidence_end: int
    sentence_start: int
    sentence_end: int
    value_max: int | None = None
    quantifier: str | None = None
    approximate: bool = False
    cumulative: bool = False
    category: str | None = None
    category_label: str | None = None
    effect: str | None = None
    delta: int | None = None
    actor: str | None = None
    speaker_id: str | None = None
    quote_id: str | None = None
    date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    date_text: str | None = None
    location: str | None = None


class ClaimFinder:
    def __init__(self, nlp: Language, name: str = "briefing_claims"):
        self.name = name
        register_document_extensions()
        if not Doc.has_extension("claims"):
            Doc.set_extension("claims", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = []
        return doc


@Language.factory("briefing_claims")
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    """The claim finder as a pipeline component."""
    return ClaimFinder(nlp, name)
