"""dependency_matches: a DependencyMatcher run over only the parse trees its patterns' roots may match finds
what a run over the whole Doc finds, wherever the long and short texts put the roots."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from extractor.components.claims.frame_matcher import claim_frames, frame_matcher
from extractor.components.document import dependency_matches, pattern_roots
from extractor.components.speakers.matcher import attribution_frames, build_frame_matcher, find_frames

TEXTS = [
    "The ministry said two tanks were destroyed by artillery near the village. Nothing else happened.",
    "Calm day on the front. Troops held their positions. No shelling was reported overnight.",
    "Officials told reporters that militants captured a checkpoint, and the army said it retook it later.",
    "According to the governor, drones struck a depot. Rebels seized the bridge. The police chief said so.",
    "",
]

SAID_BY_SUBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LEMMA": {"IN": ["say", "tell"]}, "POS": "VERB"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "source", "RIGHT_ATTRS": {"DEP": "nsubj"}},
]
ANY_SUBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"POS": "VERB"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj"}},
]


def _sorted(matches) -> list[tuple[int, tuple[int, ...]]]:
    return sorted((key, tuple(tokens)) for key, tokens in matches)


# 1.0: always over the trees copied out, however much of the Doc they are; 0.0: over the whole Doc
@pytest.mark.parametrize("share", [1.0, 0.0])
@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("patterns", [[SAID_BY_SUBJECT], [SAID_BY_SUBJECT, ANY_SUBJECT]])
def test_matches_over_the_trees_are_those_over_the_whole_doc(nlp, text, patterns, share):
    doc = nlp(text)
    matcher = DependencyMatcher(nlp.vocab)
    for n, pattern in enumerate(patterns):
        matcher.add(f"pattern{n}", [pattern])
    found = dependency_matches(matcher, doc, pattern_roots(patterns), whole_doc_share=share)
    assert _sorted(found) == _sorted(matcher(doc))


@pytest.mark.parametrize(
    ("patterns", "keyed"), [([SAID_BY_SUBJECT], True), ([SAID_BY_SUBJECT, ANY_SUBJECT], True)]
)
def test_roots_are_keyed_on_words_labels_and_parts_of_speech(patterns, keyed):
    assert (pattern_roots(patterns) is not None) is keyed


def test_a_root_with_no_word_or_label_means_no_filter():
    pattern = [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"IS_TITLE": True}}]
    assert pattern_roots([SAID_BY_SUBJECT, pattern]) is None


@pytest.mark.parametrize("text", TEXTS)
def test_the_frames_of_the_data_match_as_over_the_whole_doc(nlp, text):
    doc = nlp(text)
    build_frame_matcher(nlp.vocab)
    claims = frame_matcher(nlp.vocab)
    roots = pattern_roots([pattern for _, pattern in claim_frames()])
    assert _sorted(dependency_matches(claims, doc, roots, whole_doc_share=1.0)) == _sorted(claims(doc))
    speakers = DependencyMatcher(nlp.vocab)
    for frame, pattern in attribution_frames():
        speakers.add(frame.name, [pattern])
    roots = pattern_roots([pattern for _, pattern in attribution_frames()])
    assert _sorted(dependency_matches(speakers, doc, roots, whole_doc_share=1.0)) == _sorted(speakers(doc))


def test_a_reporting_verb_is_found_in_the_second_tree(nlp):
    doc = nlp("Heavy fighting went on. The spokesman said the town was taken.")
    build_frame_matcher(nlp.vocab)
    anchors = {doc[i].lower_ for i in find_frames(doc)}
    assert "said" in anchors
