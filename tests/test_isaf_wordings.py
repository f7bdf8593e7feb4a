"""ISAF release wordings seen once or twice in the dev releases, written as classes: negated quantifiers,
groups named by the participle of a claim verb."""

import pytest

PUBLISHED = "2011-06-13"


def losses(extractor, text):
    """(value or quantifier, effect) of each casualty or target claim."""
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [
        (c.value if c.value is not None else c.quantifier, c.effect)
        for c in claims
        if c.kind in ("casualties", "targets")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negated quantifier over the counted noun, or over the first noun of its coordination
        ("No women or children were injured during the operation.", []),
        ("Neither civilians nor Afghan soldiers were hurt in the raid.", []),
        ("No civilians and no Afghan soldiers were harmed in the clearing operation.", []),
        ("Not a single civilian was wounded in the operation.", []),
        ("The strike killed two militants, and not one civilian was hurt.", [(2, "killed")]),
        ("The force killed three insurgents; no civilians were injured.", [(3, "killed")]),
        ("The patrol detained two suspected insurgents and no bystanders were harmed.", [(2, "captured")]),
        # the figures themselves stay claims
        ("Two women and three children were injured during the operation.", [(2, "wounded"), (3, "wounded")]),
        ("A child was wounded in the crossfire.", [(1, "wounded")]),
    ],
)
def test_a_negated_quantifier_counts_nothing(extractor, text, expected):
    assert losses(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an inverted copula over the participle of any claim verb names what happened to them
        ("Among those arrested were three facilitators.", [(3, "captured")]),
        ("Among the men apprehended were two Haqqani facilitators.", [(2, "captured")]),
        ("Among those detained were four suspected insurgents.", [(4, "captured")]),
        ("Among those killed were two Taliban fighters.", [(2, "killed")]),
        ("Among the items seized were five rifles.", [(5, "captured")]),
        # a participle that claims nothing leaves the figure without an effect
        ("Among those questioned were three local elders.", []),
    ],
)
def test_a_group_named_by_a_claim_verbs_participle(extractor, text, expected):
    assert losses(extractor, text) == expected
