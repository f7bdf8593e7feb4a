"""A vague count the writer puts in quotation marks, as wire copy does with an army's own word ("its jets
killed \\"scores\\" of insurgents"): the quotes stood between the quantifier and its "of", so the count was
lost and "scores" itself became a claim's category. Rows in our own words."""

import pytest

PUBLISHED = "2024-11-05"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'The air force said its jets had killed "scores" of Boko Haram insurgents in the forest.',
            [("dozens", "Boko Haram insurgents", "killed")],
        ),
        (
            "The army said it killed 'dozens' of militants near the border.",
            [("dozens", "militants", "killed")],
        ),
        (
            "Police detained \u201ca number of\u201d suspects after the attack.",
            [("some", "suspects", "captured")],
        ),
        ('Troops captured "several" fighters in the raid.', [("several", "fighters", "captured")]),
        # guards: the same counts with no quotes, and a quoted word that counts nothing
        ("The army said it killed dozens of militants.", [("dozens", "militants", "killed")]),
        (
            'The army called the raid a "success" and said it killed 4 militants.',
            [(None, "militants", "killed")],
        ),
    ],
)
def test_a_quoted_vague_count_still_counts(extractor, text, expected):
    claims = extractor.extract(text, published=PUBLISHED).claims
    assert [(c.quantifier, c.category, c.effect) for c in claims if c.kind == "casualties"] == expected
