"""Target phrases the parser splits: a compound read as a clause, a bracketed abbreviation, "a barracks"."""

import pytest
from claim_rows import scored
from spacy.tokens import Doc

from extractor.components.claims import claim_vocabulary
from extractor.components.claims.singular import _after_abbreviation, _compound_read_as_clause


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun-noun compound with a word that can be a verb ("firing", "borne")
        (
            "- Near Sinjar, one strike struck an ISIL artillery firing position.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL artillery firing position", "hit")],
        ),
        (
            "- Near Baiji, one airstrike struck an ISIL unit and destroyed an ISIL truck.\n"
            "- Near Sinjar, one airstrike struck an ISIL mortar firing position.",
            [
                ("strikes", 1, None, None),
                ("targets", 1, "ISIL unit", "hit"),
                ("targets", 1, "ISIL truck", "destroyed"),
                ("strikes", 1, None, None),
                ("targets", 1, "ISIL mortar firing position", "hit"),
            ],
        ),
        # "X (ABBR) Y": the noun after the abbreviation heads the phrase, one thing
        (
            "- Near Tikrit, one strike struck an ISIL improvised explosive device (IED) storage site.",
            [
                ("strikes", 1, None, None),
                ("targets", 1, "ISIL improvised explosive device (IED) storage site", "hit"),
            ],
        ),
        (
            "- Near Kirkuk, one strike destroyed an ISIL improvised explosive device (IED) workshop.",
            [
                ("strikes", 1, None, None),
                ("targets", 1, "ISIL improvised explosive device (IED) workshop", "destroyed"),
            ],
        ),
        # the abbreviation alone after its words is no second thing
        (
            "- Near Ramadi, one strike destroyed an ISIL vehicle borne improvised explosive device (VBIED).",
            [
                ("strikes", 1, None, None),
                ("targets", 1, "ISIL vehicle borne improvised explosive device", "destroyed"),
            ],
        ),
        # nouns spelled alike in singular and plural, after "a"/"an"
        (
            "- Near Hit, an airstrike destroyed an ISIL barracks.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL barracks", "destroyed")],
        ),
        ("Jets hit a headquarters of the militia.", [("targets", 1, "headquarters", "hit")]),
        # a road is a target where a claim verb takes it, not a place passed along
        (
            "- Near Sinjar, one strike destroyed an ISIL supply road.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL supply road", "destroyed")],
        ),
        ("The convoy drove along the road when the mine exploded.", []),
        ("The army blocked the road to the city.", []),
        # a clause of its own under a verb of saying stays a clause
        ("The report said the strike hit as an ISIL convoy passed the bridge.", [("strikes", 1, None, None)]),
    ],
)
def test_target_phrases_the_parser_splits(extractor, text, expected):
    assert scored(extractor, text) == expected


# the coarse tag of each fine one the hand-built parses use
POS_OF_TAG = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "VBD": "VERB", "VBG": "VERB", "DT": "DET"}


def _parsed(nlp, rows):
    words, heads, deps, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    pos = [POS_OF_TAG.get(tag, "PUNCT") for tag in tags]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


# "struck an ISIL mortar firing position" as the parser may read it: "an ISIL mortar" the subject of "firing"
MISREAD = [
    ("strikes", 1, "nsubj", "NNS", "strike"),
    ("struck", 1, "ROOT", "VBD", "strike"),
    ("an", 4, "det", "DT", "an"),
    ("ISIL", 4, "compound", "NNP", "isil"),
    ("mortar", 5, "nsubj", "NN", "mortar"),
    ("firing", 1, "ccomp", "NN", "firing"),
    ("position", 5, "dobj", "NN", "position"),
]


@pytest.mark.parametrize(
    "change, subject",
    [
        ({}, "mortar"),
        # the subject carries no article of a noun phrase: a clause ("struck, ISIL mortars firing ...")
        ({2: ("the", 1, "dep", "DT", "the")}, None),
        # the outer verb is no claim verb
        ({1: ("said", 1, "ROOT", "VBD", "say")}, None),
        # the inner verb has an auxiliary: a clause of its own
        (
            {
                4: ("mortar", 5, "nsubj", "NN", "mortar"),
                2: ("an", 4, "det", "DT", "an"),
                3: ("was", 5, "aux", "VBD", "be"),
            },
            None,
        ),
    ],
)
def test_a_compound_read_as_a_clause(nlp, change, subject):
    rows = [change.get(i, row) for i, row in enumerate(MISREAD)]
    doc = _parsed(nlp, rows)
    found = _compound_read_as_clause(doc[6].head, "object", claim_vocabulary())
    assert (found.text if found is not None else None) == subject


@pytest.mark.parametrize(
    "rows, index, expected",
    [
        # "a device (IED) site": the brackets hang on the head before
        (
            [
                ("a", 1, "det", "DT", "a"),
                ("device", 1, "ROOT", "NN", "device"),
                ("(", 1, "punct", "-LRB-", "("),
                ("IED", 1, "appos", "NNP", "ied"),
                (")", 1, "punct", "-RRB-", ")"),
                ("site", 1, "appos", "NN", "site"),
            ],
            5,
            True,
        ),
        # "a device (IED)": the abbreviation itself
        (
            [
                ("a", 1, "det", "DT", "a"),
                ("device", 1, "ROOT", "NN", "device"),
                ("(", 1, "punct", "-LRB-", "("),
                ("IED", 1, "appos", "NNP", "ied"),
                (")", 1, "punct", "-RRB-", ")"),
            ],
            3,
            False,
        ),
        # "a device, a site": an appositive with no brackets
        (
            [
                ("a", 1, "det", "DT", "a"),
                ("device", 1, "ROOT", "NN", "device"),
                (",", 1, "punct", ",", ","),
                ("a", 4, "det", "DT", "a"),
                ("site", 1, "appos", "NN", "site"),
            ],
            4,
            False,
        ),
    ],
)
def test_a_noun_after_a_bracketed_abbreviation(nlp, rows, index, expected):
    assert _after_abbreviation(_parsed(nlp, rows)[index]) is expected
