"""The speaker finder: people and bodies who speak, their titles and posts, quotes and attribution."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.page import register_page_extensions
from extractor.components.speakers.matcher import build_frame_matcher
from extractor.components.speakers.scope import QuoteInfo, SpeakerInfo, find_speakers
from extractor.components.speakers.vocabulary import SpeakerVocabulary, speaker_vocabulary
from extractor.factories import evaluated_annotations

__all__ = [
    "QuoteInfo",
    "SpeakerFinder",
    "SpeakerInfo",
    "SpeakerVocabulary",
    "find_speakers",
    "make_speaker_finder",
    "speaker_vocabulary",
]


class SpeakerFinder:
    """Leaves `doc._.speakers`, `doc._.quotes`, `doc._.sentence_speakers` (sentence start token -> id) and
    `doc._.clause_speakers` (token -> id or None, for the tokens of sentences that name their own source)."""

    def __init__(self, nlp: Language, name: str = "briefing_speakers"):
        self.name = name
        self.vocab = speaker_vocabulary()
        build_frame_matcher(nlp.vocab)
        register_page_extensions()
        for extension in ("speakers", "quotes", "sentence_speakers", "clause_speakers"):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        found = find_speakers(doc, self.vocab)
        doc._.speakers, doc._.quotes, doc._.sentence_speakers, doc._.clause_speakers = found
        return doc


@evaluated_annotations
@Language.factory("briefing_speakers")
def make_speaker_finder(nlp: Language, name: str) -> SpeakerFinder:
    """The speaker finder as a pipeline component."""
    return SpeakerFinder(nlp, name)
