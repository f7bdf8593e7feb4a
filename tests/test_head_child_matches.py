"""head_child_matches: patterns that follow only heads and children, matched from their root candidates
through the document's arrays, find the very matches spaCy's DependencyMatcher finds."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from extractor.components.claims.frame_matcher import claim_frames
from extractor.components.document import head_child_matches, simple_tree_patterns

TEXTS = [
    "Two tanks were destroyed by artillery near the village, and the crews were captured by the brigade.",
    "The strikes resulted in the deaths of nine fighters. Coalition jets managed to destroy a bridge.",
    "Troops succeeded in capturing the depot; the shelling caused damage to three houses and a school.",
    "Calm day on the front. No shelling was reported overnight.",
    "The arrest of two facilitators by the security force followed the seizure of weapons by police.",
    "",
]

PASSIVE_AGENT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"DEP": "agent"}},
    {"LEFT_ID": "anchor", "REL_OP": "<", "RIGHT_ID": "verb", "RIGHT_ATTRS": {}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "actor", "RIGHT_ATTRS": {"DEP": "pobj"}},
]
# two nodes under one token, which may both be any of its children
TWO_CHILDREN = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"POS": "VERB"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "first", "RIGHT_ATTRS": {}},
    {
        "LEFT_ID": "anchor",
        "REL_OP": ">",
        "RIGHT_ID": "second",
        "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "prep"]}},
    },
]
# up through two heads, one of which a root lacks
TWO_HEADS = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LOWER": {"IN": ["by", "of"]}}},
    {"LEFT_ID": "anchor", "REL_OP": "<", "RIGHT_ID": "head", "RIGHT_ATTRS": {"TAG": {"IN": ["NN", "NNS"]}}},
    {"LEFT_ID": "head", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"LEMMA": "be"}},
]

# a head or a child on a given side: a head before the token, a child after it
SIDED = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"TAG": {"IN": ["VBN", "VBD"]}}},
    {"LEFT_ID": "anchor", "REL_OP": "<--", "RIGHT_ID": "head", "RIGHT_ATTRS": {}},
    {"LEFT_ID": "anchor", "REL_OP": ">++", "RIGHT_ID": "after", "RIGHT_ATTRS": {}},
]
SIDED_OTHER_WAY = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"POS": {"IN": ["NOUN", "ADP"]}}},
    {"LEFT_ID": "anchor", "REL_OP": "<++", "RIGHT_ID": "head", "RIGHT_ATTRS": {}},
    {"LEFT_ID": "anchor", "REL_OP": ">--", "RIGHT_ID": "before", "RIGHT_ATTRS": {}},
]


def _sorted(matches) -> list[tuple[int, tuple[int, ...]]]:
    return sorted((key, tuple(tokens)) for key, tokens in matches)


def _dependency_matcher_matches(nlp, doc, patterns) -> list[tuple[int, tuple[int, ...]]]:
    matcher = DependencyMatcher(nlp.vocab)
    for n, pattern in enumerate(patterns):
        matcher.add(f"head_child_test_{n}", [pattern])
    numbers = {nlp.vocab.strings[f"head_child_test_{n}"]: n for n in range(len(patterns))}
    return _sorted((numbers[key], tokens) for key, tokens in matcher(doc))


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    "patterns",
    [
        [PASSIVE_AGENT],
        [TWO_CHILDREN],
        [TWO_HEADS],
        [SIDED],
        [SIDED_OTHER_WAY],
        [PASSIVE_AGENT, TWO_CHILDREN, TWO_HEADS, SIDED],
    ],
)
def test_the_matches_are_the_dependency_matchers(nlp, text, patterns):
    doc = nlp(text)
    found = head_child_matches(doc, simple_tree_patterns(patterns))
    assert _sorted(found) == _dependency_matcher_matches(nlp, doc, patterns)


@pytest.mark.parametrize("text", TEXTS)
def test_the_claim_frames_match_as_the_dependency_matcher_does(nlp, text):
    patterns = [pattern for _, pattern in claim_frames()]
    compiled = simple_tree_patterns(patterns)
    assert compiled is not None  # the claim frames read only heads, children and words
    doc = nlp(text)
    assert _sorted(head_child_matches(doc, compiled)) == _dependency_matcher_matches(nlp, doc, patterns)


@pytest.mark.parametrize(
    "node",
    [
        {"LEFT_ID": "anchor", "REL_OP": ">>", "RIGHT_ID": "x", "RIGHT_ATTRS": {}},  # a descendant
        {"LEFT_ID": "anchor", "REL_OP": ".", "RIGHT_ID": "x", "RIGHT_ATTRS": {}},  # the next word
        {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"IS_TITLE": True}},
        {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"LOWER": {"NOT_IN": ["a"]}}},
    ],
)
def test_patterns_asking_for_more_are_left_to_the_dependency_matcher(node):
    assert simple_tree_patterns([[PASSIVE_AGENT[0], node]]) is None
