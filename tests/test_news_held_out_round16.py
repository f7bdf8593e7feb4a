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


LOSSES_LIST = (
    "The total combat losses of the enemy from 24.02.22 to 03.12.24 are approximately:\n\n"
    "personnel \u2012 about 750,000 (+1,570) persons,\n"
    "tanks \u2012 9,477 (+12),\n"
    "aircraft \u2012 369 (+0),\n"
    "helicopters \u2012 329 (+0),\n"
    "operational-tactical UAVs \u2012 19,716 (+57),\n"
    "cruise missiles \u2012 2,850 (+0),\n"
    "submarines \u2012 1 (+0),\n"
    "special equipment \u2012 3,689 (+2).\n"
)


def test_every_line_of_a_losses_list_keeps_its_headings_side(extractor):
    # the parser had ended a sentence inside "helicopters | - 329 (+0)", and the line left with no claim
    # ended the list the heading frames
    claims = extractor.extract(LOSSES_LIST, published="2024-12-03").claims
    assert len(claims) == 8 and [c.target_side for c in claims] == ["enemy"] * 8


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia launched an attack on Odesa with 40 drones overnight.", [("strikes", 40, "Russia")]),
        ("Russia mounted a massive attack on Kyiv with 90 drones.", [("strikes", 90, "Russia")]),
        # the bombs or shells an attack sent at something it does not count
        ("Russia attacked Kharkiv with 12 glide bombs overnight.", [("strikes", 12, "Russia")]),
        ("Russian forces struck Zaporizhzhia with five aerial bombs.", [("strikes", 5, "Russian forces")]),
        # guards: an attack's own verb; a strike that counts itself; munitions spent on targets counted
        ("Russia attacked Ukraine with 87 drones overnight.", [("strikes", 87, "Russia")]),
        ("Russian forces carried out a strike on Sumy with 12 missiles.", [("strikes", 1, "Russian forces")]),
        ("Coalition jets hit 100 targets with 200 munitions.", [("targets", 100, "Coalition jets")]),
        (
            "The jets struck back, hitting more than 100 weapons site targets with over 200 munitions.",
            [("targets", 100, "The jets")],
        ),
    ],
)
def test_the_strikes_an_attack_named_as_the_object_was_made_with(extractor, text, expected):
    claims = extractor.extract(text, published=PUBLISHED).claims
    assert [(c.kind, c.value, c.actor) for c in claims] == expected
