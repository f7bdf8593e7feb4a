"""News wordings nobody tuned on, session 16, each row in our own words: a closing report the parser joined
to the reported clause as a second verb, whose speaker is the phrase set off by a comma before it, not the
first verb's subject."""

import pytest

PUBLISHED = "2024-11-05"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Pakistani security forces killed 11 militants in a raid on a hideout in the northwestern"
            " district of Bannu, the military's media wing said on Tuesday. Two soldiers were also killed in"
            " the exchange of fire.",
            "military's media wing",
        ),
        # guards: the report parsed as a clause of time, and a second verb with no comma before it
        (
            "Government troops killed 20 bandits during a two-day operation in the forests of Zamfara state,"
            " the army's spokesman said on Sunday. Three soldiers were wounded in the fighting.",
            "army's spokesman",
        ),
        ("Troops killed 11 militants in Bannu and said the raid was over.", "Troops"),
    ],
)
def test_a_closing_report_joined_as_a_second_verb_is_said_by_the_phrase_before_it(extractor, text, expected):
    claims = extractor.extract(text, published=PUBLISHED).claims
    assert claims[0].speaker == expected
