"""The speaker finder's vocabulary, kept in extractor.speaker_vocabulary so that other components (the claim
finder reads its report nouns) load it without importing the speaker finder."""

from extractor.speaker_vocabulary import (
    SpeakerVocabulary,
    _rank_start,
    phrase_word_list,
    phrase_words,
    speaker_vocabulary,
)

__all__ = ["SpeakerVocabulary", "_rank_start", "phrase_word_list", "phrase_words", "speaker_vocabulary"]
