"""TreeRootMatcher finds what spaCy's DependencyMatcher finds, in the same order, for patterns it reads from
the token arrays and for patterns it hands to spaCy's token Matcher."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from extractor.components.claims.frame_matcher import claim_frames
from extractor.components.speakers.matcher import attribution_frames
from extractor.tree_matcher import TreeRootMatcher, tree_roots

TEXTS = [
    "The ministry said two tanks were destroyed near the village. Nothing else happened.",
    "Officials told reporters that militants captured a checkpoint, and the army said it retook it later.",
    "According to the governor, drones struck a depot. Rebels seized the bridge. The police chief said so.",
    "Calm day on the front",
    "",
]

SAID_BY_SUBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LEMMA": {"IN": ["say", "tell"]}, "POS": "VERB"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "source", "RIGHT_ATTRS": {"DEP": "nsubj"}},
]
ANY_OBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"TAG": {"IN": ["VBD", "VBN"]}}},
    {
        "LEFT_ID": "anchor",
        "REL_OP": ">>",
        "RIGHT_ID": "object",
        "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "pobj"]}},
    },
]
# a test the arrays do not hold: the whole matcher falls back to spaCy's token Matcher
TITLED_SUBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"POS": "VERB"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"IS_TITLE": True}},
]


def _data_frames() -> list[list[dict]]:
    return [pattern for _, pattern in claim_frames()] + [pattern for _, pattern in attribution_frames()]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    "patterns",
    [[SAID_BY_SUBJECT], [SAID_BY_SUBJECT, ANY_OBJECT], [ANY_OBJECT, TITLED_SUBJECT], "data"],
    ids=["one", "two", "fallback", "data"],
)
def test_matches_and_their_order_are_spacys(nlp, text, patterns):
    patterns = _data_frames() if patterns == "data" else patterns
    doc = nlp(text)
    ours, spacys = TreeRootMatcher(nlp.vocab), DependencyMatcher(nlp.vocab)
    for matcher in (ours, spacys):
        for n, pattern in enumerate(patterns):
            matcher.add(f"pattern{n}", [pattern])
    assert ours(doc) == spacys(doc)


def test_a_pattern_added_later_is_matched(nlp):
    doc = nlp("The ministry said two tanks were destroyed.")
    matcher = TreeRootMatcher(nlp.vocab)
    matcher.add("any_object", [ANY_OBJECT])
    first = matcher(doc)
    matcher.add("said", [SAID_BY_SUBJECT])
    assert len(matcher(doc)) > len(first)


@pytest.mark.parametrize("text", TEXTS[:3])
def test_tree_roots_are_the_last_ancestors(nlp, text):
    doc = nlp(text)
    assert tree_roots(doc).tolist() == [([t, *t.ancestors])[-1].i for t in doc]
