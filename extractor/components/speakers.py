"""The speaker finder: people and bodies who speak, their titles and posts, quotes and attribution."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.document import register_document_extensions


@dataclass
class SpeakerInfo:
    id: str
    kind: str  # "person" or "organization"
    name: str
    title: str | None = None
    role: str | None = None
    organization: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character offsets


@dataclass
class QuoteInfo:
    id: str
    start: int  # character offsets of the quoted words
    end: int
    speaker_id: str | None = None


class SpeakerFinder:
    """Leaves `doc._.speakers`, `doc._.quotes` and `doc._.sentence_speakers` (sentence start token -> id)."""

    def __init__(self, nlp: Language, name: str = "briefing_speakers"):
        self.name = name
        register_document_extensions()
        for extension in ("speakers", "quotes", "sentence_speakers"):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.speakers = []
        doc._.quotes = []
        doc._.sentence_speakers = {}
        return doc


@Language.factory("briefing_speakers")
def make_speaker_finder(nlp: Language, name: str) -> SpeakerFinder:
    """The speaker finder as a pipeline component."""
    return SpeakerFinder(nlp, name)
