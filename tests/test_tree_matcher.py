"""TreeMatcher finds what spaCy's DependencyMatcher finds, for each root token in the same order, for patterns
it matches through heads and children in the arrays and for patterns it hands to spaCy's matcher whole."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher

from extractor.components.claims.frame_matcher import claim_frames
from extractor.components.speakers.matcher import attribution_frames, build_frame_matcher, find_frames
from extractor.tree_matcher import TreeMatcher, simple_tree_patterns

TEXTS = [
    "Two tanks were destroyed by artillery near the village, and the crews were captured by the brigade.",
    "The strikes resulted in the deaths of nine fighters. Coalition jets managed to destroy a bridge.",
    "Troops succeeded in capturing the depot; the shelling caused damage to three houses and a school.",
    "Calm day on the front. No shelling was reported overnight.",
    "The arrest of two facilitators by the security force followed the seizure of weapons by police.",
    "Officials told reporters that militants captured a checkpoint, and the army said it retook it later.",
    "According to the governor, drones struck a depot. Rebels seized the bridge. The police chief said so.",
    "",
]

SAID_BY_SUBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LEMMA": {"IN": ["say", "tell"]}, "POS": "VERB"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "source", "RIGHT_ATTRS": {"DEP": "nsubj"}},
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
# a head or a child on a given side: a head before the token, a child after it, and the other way round
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
# a descendant: no head-and-child pattern, so the whole set goes to spaCy's matcher
ANY_OBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"TAG": {"IN": ["VBD", "VBN"]}}},
    {
        "LEFT_ID": "anchor",
        "REL_OP": ">>",
        "RIGHT_ID": "object",
        "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "pobj"]}},
    },
]
# a test the arrays do not hold
TITLED_SUBJECT = [
    {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"POS": "VERB"}},
    {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"IS_TITLE": True}},
]

PATTERN_SETS = {
    "said": [SAID_BY_SUBJECT],
    "passive agent": [PASSIVE_AGENT],
    "two children": [TWO_CHILDREN],
    "two heads": [TWO_HEADS],
    "sided": [SIDED],
    "sided other way": [SIDED_OTHER_WAY],
    "together": [PASSIVE_AGENT, TWO_CHILDREN, TWO_HEADS, SIDED, SAID_BY_SUBJECT],
    "descendant": [SAID_BY_SUBJECT, ANY_OBJECT],
    "other test": [ANY_OBJECT, TITLED_SUBJECT],
    "claim frames": "claims",
    "attribution frames": "attribution",
}


def _patterns(name: str) -> list[list[dict]]:
    patterns = PATTERN_SETS[name]
    if patterns == "claims":
        return [pattern for _, pattern in claim_frames()]
    if patterns == "attribution":
        return [pattern for _, pattern in attribution_frames()]
    return patterns


def _by_root(matches) -> dict[int, list[tuple[int, tuple[int, ...]]]]:
    """The matches of each root token, in their order: the order every caller reads them in."""
    found: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
    for number, tokens in matches:
        found.setdefault(tokens[0], []).append((number, tuple(tokens)))
    return found


def _spacys(nlp, doc, patterns) -> list[tuple[int, list[int]]]:
    matcher = DependencyMatcher(nlp.vocab)
    for n, pattern in enumerate(patterns):
        matcher.add(f"tree_matcher_test {n}", [pattern])
    numbers = {nlp.vocab.strings[f"tree_matcher_test {n}"]: n for n in range(len(patterns))}
    return [(numbers[key], tokens) for key, tokens in matcher(doc)]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name", list(PATTERN_SETS))
def test_matches_and_their_order_per_root_are_spacys(nlp, text, name):
    patterns = _patterns(name)
    doc = nlp(text)
    found = TreeMatcher(nlp.vocab, f"test {name}", patterns)(doc)
    assert _by_root(found) == _by_root(_spacys(nlp, doc, patterns))


@pytest.mark.parametrize(
    ("name", "through_arrays"),
    [
        ("together", True),
        ("claim frames", True),
        ("attribution frames", True),
        ("descendant", False),
        ("other test", False),
    ],
)
def test_which_pattern_sets_are_matched_through_the_arrays(name, through_arrays):
    assert (simple_tree_patterns(_patterns(name)) is not None) is through_arrays


@pytest.mark.parametrize(
    "node",
    [
        {"LEFT_ID": "anchor", "REL_OP": ">>", "RIGHT_ID": "x", "RIGHT_ATTRS": {}},  # a descendant
        {"LEFT_ID": "anchor", "REL_OP": ".", "RIGHT_ID": "x", "RIGHT_ATTRS": {}},  # the next word
        {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"IS_TITLE": True}},
        {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"LOWER": {"NOT_IN": ["a"]}}},
    ],
)
def test_patterns_asking_for_more_are_left_to_spacys_matcher(node):
    assert simple_tree_patterns([[PASSIVE_AGENT[0], node]]) is None


def test_a_reporting_verb_is_found_in_the_second_tree(nlp):
    doc = nlp("Heavy fighting went on. The spokesman said the town was taken.")
    build_frame_matcher(nlp.vocab)
    anchors = {doc[i].lower_ for i in find_frames(doc)}
    assert "said" in anchors
