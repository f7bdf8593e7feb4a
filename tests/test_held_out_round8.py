"""Held-out wordings, round 8: claims worded in ways the dev texts do not use (written for this project, in
the styles of wire news, ISAF releases, CJTF strike lines and the Ukrainian ministry's summaries). Each block
is a class of wording, with guard rows the rule must leave alone."""

import pytest
from claim_rows import scored


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb that only guesses at the effect ("shot") joined to one that says it: the one that says it
        (
            "Police shot and arrested three robbers in Kano on Friday.",
            [("casualties", 3, "robbers", "captured")],
        ),
        (
            "Police shot and wounded two protesters in Nairobi.",
            [("casualties", 2, "protesters", "wounded")],
        ),
        (
            "Soldiers shot and injured four civilians at a checkpoint.",
            [("casualties", 4, "civilians", "wounded")],
        ),
        # an object hung on a verb of no loss joined after a claim verb with no object of its own
        (
            "The army arrested and later released 12 suspects.",
            [("casualties", 12, "suspects", "captured")],
        ),
        (
            "Troops captured and disarmed 15 fighters near Goma.",
            [("casualties", 15, "fighters", "captured")],
        ),
        (
            "Police arrested and shot two kidnappers in Kaduna.",
            [("casualties", 2, "kidnappers", "captured")],
        ),
        # effects that follow one another on the same people: what befell them last
        (
            "Gunmen abducted and killed three aid workers in Ituri.",
            [("casualties", 3, "aid workers", "killed")],
        ),
        (
            "Militants kidnapped and beheaded two farmers in Cabo Delgado.",
            [("casualties", 2, "farmers", "killed")],
        ),
        # guards: effects that exclude each other, a verb whose particle or result word says the effect, a
        # verb joined to one with an object of its own, and a verb that is no claim
        ("Government troops killed and captured 30 rebels.", [("casualties", 30, "rebels", None)]),
        ("Troops killed or wounded 14 militants.", [("casualties", 14, "militants", None)]),
        ("Soldiers shot and killed four gunmen.", [("casualties", 4, "gunmen", "killed")]),
        ("Troops shot dead 5 militants near Konduga.", [("casualties", 5, "militants", "killed")]),
        (
            "Troops wounded and arrested two suspects in Bauchi.",
            [("casualties", 2, "suspects", "captured"), ("casualties", 2, "suspects", "wounded")],
        ),
        (
            "Police stormed the house and released 12 hostages.",
            [],
        ),
        (
            "The jets took off and attacked 5 targets.",
            [("targets", 5, "targets", "hit")],
        ),
    ],
)
def test_two_verbs_over_one_object(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # people named by their crime or their trespass are people, whatever the verb takes besides
        ("Police shot dead two robbers in Kano.", [("casualties", 2, "robbers", "killed")]),
        (
            "Troops neutralised 5 cattle rustlers near Gusau.",
            [("casualties", 5, "cattle rustlers", "killed")],
        ),
        (
            "The army eliminated 3 infiltrators along the border.",
            [("casualties", 3, "infiltrators", "killed")],
        ),
        ("Rangers shot dead four poachers in Garamba park.", [("casualties", 4, "poachers", "killed")]),
        ("Soldiers neutralised 7 assailants near Djibo.", [("casualties", 7, "assailants", "killed")]),
        # the party words that name people, in the ministries' wording
        (
            "Over the past day Ukrainian forces destroyed 1,040 occupiers and 8 tanks.",
            [("casualties", 1040, "occupiers", "killed"), ("targets", 8, "tanks", "destroyed")],
        ),
        (
            "Up to 100 nationalists were eliminated near Avdiivka.",
            [("casualties", 100, "nationalists", "killed")],
        ),
        # guards: things the same verbs take
        ("Troops neutralised 5 launchers near Gao.", [("targets", 5, "launchers", "destroyed")]),
        ("Jets eliminated 3 fuel tankers.", [("targets", 3, "fuel tankers", "destroyed")]),
    ],
)
def test_people_named_by_their_crime_or_party(extractor, text, expected):
    assert scored(extractor, text) == expected


def _sides(extractor, text, published="2024-05-02"):
    claims = extractor.extract(text, published=published).claims
    return [(c.value, c.actor, c.target_side) for c in claims if c.value is not None]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the losses of both sides counted in one phrase: neither names whose the other's were
        (
            "The clashes killed 12 soldiers and 20 militants, the army said.",
            [(12, "The clashes", None), (20, "The clashes", None)],
        ),
        (
            "Two policemen and five al-Shabaab fighters died in the gunfight.",
            [(2, None, None), (5, None, "al-Shabaab")],
        ),
        # a group that inflicted the loss counted is not the side that suffered it
        (
            "Somali troops killed 30 al-Shabaab militants, while the group said it killed 20 soldiers.",
            [(30, "Somali troops", "al-Shabaab"), (20, "al-Shabaab", None)],
        ),
        # a verb of losing joined to the deed of its subject: that subject lost them, and inflicted nothing
        (
            "Troops killed 14 Boko Haram fighters but lost 3 soldiers.",
            [(14, "Troops", "Boko Haram"), (3, None, "Troops")],
        ),
        (
            "The army repelled the attack and lost 4 soldiers.",
            [(4, None, "army")],
        ),
        # guards: a joined noun with no count of its own, and a group named elsewhere in the sentence
        (
            "Jets destroyed 12 tanks and vehicles of the enemy brigade.",
            [(12, "Jets", "enemy")],
        ),
        (
            "Troops killed two insurgents while pursuing a Taliban commander.",
            [(2, "Troops", "Taliban")],
        ),
    ],
)
def test_both_sides_in_one_sentence(extractor, text, expected):
    assert _sides(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # ground taken or retaken is no thing hit and no person taken: no claim
        ("Government forces captured two towns and 5 villages from the rebels.", []),
        ("The army seized 3 hills overlooking the town.", []),
        ("Rebels took 4 settlements in North Kivu.", []),
        # guards: ground hit, and posts, bases and people taken
        ("Artillery shelled 3 villages near Kupiansk.", [("targets", 3, "villages", "hit")]),
        (
            "Rebels overran 2 army bases and seized 4 checkpoints.",
            [("targets", 2, "army bases", "captured"), ("targets", 4, "checkpoints", "captured")],
        ),
        ("Troops captured 12 fighters in the village.", [("casualties", 12, "fighters", "captured")]),
    ],
)
def test_ground_taken(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # weapons found, held or stored are no strikes
        ("Troops found a weapons cache containing 12 rockets and 40 mortar rounds.", []),
        ("The patrol recovered 12 rockets and 3 launchers near Kandahar.", []),
        # guards: weapons fired, and weapons destroyed
        ("Militants fired 12 rockets at the base.", [("strikes", 12, None, None)]),
        ("Troops destroyed a cache of 12 rockets.", [("targets", 12, "rockets", "destroyed")]),
    ],
)
def test_weapons_found_or_held(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # counted phrases set after a colon beside a noun of losses: what the losses were
        (
            "Enemy losses over the past day: 1,040 personnel, eight tanks and one warship.",
            [
                ("casualties", 1040, "personnel", "killed"),
                ("targets", 8, "tanks", "destroyed"),
                ("targets", 1, "warship", "destroyed"),
            ],
        ),
        (
            "Russian losses in the Bakhmut direction: 320 troops and 4 howitzers.",
            [("casualties", 320, "troops", "killed"), ("targets", 4, "howitzers", "destroyed")],
        ),
        # guards: the same losses told with a verb, and a table's pairs of a name and a figure
        (
            "Russian losses over the past day were 1,040 personnel and eight tanks.",
            [("casualties", 1040, "personnel", "killed"), ("targets", 8, "tanks", "destroyed")],
        ),
        ("Losses of the enemy for the day: personnel 1,040, tanks 8, artillery systems 27.", []),
    ],
)
def test_losses_set_after_a_colon(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a call to do it, closing a report, is no deed
        ("Strike the occupier! Let us win together!", []),
        ("Destroy the invaders!", []),
        ("Data are being updated.\nStrike the occupier! Let's win together!", []),
        # guards: a deed told in an exclamation, and a list line in the base form with no exclamation
        ("Troops killed 12 militants!", [("casualties", 12, "militants", "killed")]),
        ("Hit 12 targets.", [("targets", 12, "targets", "hit")]),
    ],
)
def test_a_call_to_arms(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one of a named make or model, under "a": one thing, not a place or a body named as struck
        ("Ukrainian forces destroyed a BMP near Bakhmut.", [("targets", 1, "BMP", "destroyed")]),
        ("Air defences shot down a Su-25 over Donetsk.", [("targets", 1, "Su-25", "destroyed")]),
        (
            "The brigade destroyed a BTR-82A and two tanks.",
            [("targets", 2, "tanks", "destroyed"), ("targets", 1, "BTR-82A", "destroyed")],
        ),
        # guards: a place and a body named as struck, with no article
        ("Russian missiles hit Kharkiv overnight.", []),
        ("Jets struck Hamas in Rafah.", []),
    ],
)
def test_one_of_a_named_make(extractor, text, expected):
    assert scored(extractor, text) == expected
