"""Held-out wordings, round 7: claims worded in ways the dev texts do not use (written for this project, in
the styles of wire news, ISAF releases, CJTF strike lines and the Ukrainian ministry's summaries). Each block
is a class of wording, with guard rows the rule must leave alone."""

import pytest
from claim_rows import scored


def _claims(extractor, text, *fields, published="2016-05-02"):
    claims = extractor.extract(text, published=published).claims
    return [tuple(getattr(c, f) for f in fields) for c in claims if c.value is not None]


def _parts(extractor, text, published="2016-05-02"):
    """Each claim as (value, the value of the claim it is part of)."""
    claims = extractor.extract(text, published=published).claims
    by_id = {c.claim_id: c for c in claims}
    return [(c.value, by_id[c.part_of].value if c.part_of else None) for c in claims]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a figure picked out of a definite whole counted before is part of that whole
        (
            "Russia fired 3 missiles at Kyiv overnight; two of the missiles missed their targets.",
            [(3, None), (2, 3)],
        ),
        (
            "Militants fired 6 rockets at the base on Sunday. Four of the rockets landed in open fields.",
            [(6, None), (4, 6)],
        ),
        (
            "The coalition conducted 9 strikes near Raqqa. Two of the strikes hit oil wells.",
            [(9, None), (2, 9)],
        ),
        # the whole counted in the part's own phrase
        ("Two of the three soldiers killed in the ambush were officers.", [(2, 3), (3, None)]),
        # guards: a whole of another noun, an indefinite whole, a whole of another kind
        (
            "Troops killed 20 militants. Two of the soldiers were killed in the clash.",
            [(20, None), (2, None)],
        ),
        ("The army destroyed 10 of their armed vehicles.", [(10, None)]),
        (
            "Russia launched 40 drones overnight. Air defences shot down 35 of the drones.",
            [(40, None), (35, None)],
        ),
    ],
)
def test_a_figure_picked_out_of_a_definite_whole(extractor, text, expected):
    assert _parts(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a ministry losses list run into one line, as a web page gives it
        (
            "The total combat losses of the enemy from 24.02 to 12.05 were approximately: personnel - "
            "about 1,300 (+1,100), tanks - 780 (+12), armoured combat vehicles - 1,500 (+20), "
            "artillery systems - 1,200 (+30).",
            [
                ("casualties", 1300, "personnel", 1100, True),
                ("targets", 780, "tanks", 12, True),
                ("targets", 1500, "armoured combat vehicles", 20, True),
                ("targets", 1200, "artillery systems", 30, True),
            ],
        ),
        (
            "Total combat losses of the enemy: personnel ‒ 900 persons were liquidated; tanks ‒ 70 од; "
            "aircraft ‒ 30 од; helicopters ‒ 32 од.",
            [
                ("casualties", 900, "personnel", None, False),
                ("targets", 70, "tanks", None, False),
                ("targets", 30, "aircraft", None, False),
                ("targets", 32, "helicopters", None, False),
            ],
        ),
        # guard: pairs of a name and a figure that count no losses
        ("The results were announced: Kyiv - 3, Odesa - 2, Lviv - 1.", []),
    ],
)
def test_a_losses_list_run_into_one_line(extractor, text, expected):
    claims = extractor.extract(text, published="2022-05-12").claims
    assert [(c.kind, c.value, c.category, c.delta, c.cumulative) for c in claims] == [
        (k, v, cat, d, True) for k, v, cat, d, _ in expected
    ]
    assert [c.approximate for c in claims] == [a for *_, a in expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun joined to the counted one that names its own count after "of" is a nominal of its own
        (
            "The raid led to the deaths of five fighters and the recovery of four rifles.",
            [("strikes", 1, None, None), ("casualties", 5, "fighters", "killed")],
        ),
        (
            "The operation resulted in the arrest of 4 suspects and the seizure of 12 weapons.",
            [("casualties", 4, "suspects", "captured"), ("targets", 12, "weapons", "captured")],
        ),
        (
            "The operation led to the detention of 9 suspects and the discovery of a weapons cache.",
            [("casualties", 9, "suspects", "captured")],
        ),
        # guards: joined nouns that share the count
        (
            "Jets destroyed 12 tanks and vehicles of the enemy brigade.",
            [("targets", 12, "tanks and vehicles", "destroyed")],
        ),
        (
            "The strikes destroyed 3 warehouses and fuel depots.",
            [("targets", 3, "warehouses and fuel depots", "destroyed")],
        ),
    ],
)
def test_a_counted_phrase_ends_before_the_next_nominal(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the nouns of harming, taking and killing people, and of burning things: claims as their verbs are
        (
            "Officials confirmed the deaths of 7 soldiers and the wounding of 11 others.",
            [("casualties", 7, "soldiers", "killed"), ("casualties", 11, "soldiers", "wounded")],
        ),
        (
            "Police condemned the kidnapping of 30 students from a school in Katsina state.",
            [("casualties", 30, "students", "captured")],
        ),
        (
            "The group claimed the abduction of 4 aid workers near Gao.",
            [("casualties", 4, "aid workers", "captured")],
        ),
        (
            "Rights groups documented the burning of 40 homes in the village.",
            [("targets", 40, "homes", "destroyed")],
        ),
        (
            "The army denounced the massacre of 28 villagers in Ituri.",
            [("casualties", 28, "villagers", "killed")],
        ),
        # guards: the same nouns over what is no loss
        ("The kidnapping lasted 3 days.", []),
    ],
)
def test_the_nouns_of_harming_and_taking_people(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a denied claim of responsibility denies the claiming, not the strikes: made, by no one named
        (
            "No group has claimed responsibility for the 3 bombings in Mogadishu on Sunday.",
            [("strikes", 3, None)],
        ),
        ("No one has yet claimed responsibility for the two attacks on army posts.", [("strikes", 2, None)]),
        ("Nobody took credit for four rocket attacks on the airport.", [("strikes", 4, None)]),
        (
            "No group claimed responsibility for the bombings, which killed 12 people.",
            [("casualties", 12, "the bombings")],
        ),
        # guards: a claim made, and a denied strike
        (
            "Al-Shabaab claimed responsibility for the 3 bombings in Mogadishu.",
            [("strikes", 3, "Al-Shabaab")],
        ),
        ("The army denied carrying out 3 strikes on the town.", []),
    ],
)
def test_strikes_no_one_claims(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "actor") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part picked out by a partitive fronted on its clause: "of whom 4 were children"
        ("The strike killed 9 people, of whom 4 were children.", [(1, None), (9, None), (4, 9)]),
        ("Troops killed 20 militants, of whom three were commanders.", [(20, None), (3, 20)]),
        # guard: a part with a fate of its own
        ("Police arrested 40 people, of whom 12 were later charged.", [(40, None)]),
    ],
)
def test_a_part_named_after_a_fronted_partitive(extractor, text, expected):
    assert _parts(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # counted nouns set beside a total, in apposition or as a list that adds up to a noun of no kind
        (
            "Gunmen killed 17 people (14 soldiers and 3 police officers) in the raid.",
            [(17, None), (14, 17), (3, 17)],
        ),
        (
            "The attack killed 17 people, 14 soldiers and 3 police, officials said.",
            [(17, None), (14, 17), (3, 17)],
        ),
        (
            "Troops detained 3 suspects (two facilitators and a bomb maker) in Kandahar.",
            [(3, None), (2, 3), (1, 3)],
        ),
        # guards: a list whose first figure adds up by chance, a list that does not add up, a list of things
        # the parser sets in apposition
        (
            "Near Bayji, one strike destroyed two ISIL ammunition caches, two vehicles, a mortar system.",
            [(1, None), (2, None), (2, None), (1, None)],
        ),
        (
            "The force captured a Haqqani network leader, a Haqqani facilitator and several associates.",
            [(1, None), (1, None), (None, None)],
        ),
        (
            "The coalition destroyed 5 tanks, 3 trucks and 2 boats near Mosul.",
            [(5, None), (3, None), (2, None)],
        ),
        ("The army killed 12 people, 4 commanders and 30 fighters.", [(12, None), (4, None), (30, None)]),
    ],
)
def test_parts_set_beside_their_total(extractor, text, expected):
    assert _parts(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a tally a verb of adding brings to a new sum is a running total
        (
            "Three soldiers were killed in the blast, bringing the number of troops killed this month to 17.",
            [(3, "killed", False), (17, "killed", True)],
        ),
        (
            "The coalition killed 4 ISIL fighters, bringing the total killed in the operation to 120.",
            [(4, "killed", False), (120, "killed", True)],
        ),
        (
            "The force detained two suspects, bringing the total detained in the operation to 11.",
            [(2, "captured", False), (11, "captured", True)],
        ),
        ("The blast brought the death toll to 63.", [(63, "killed", True)]),
        # guards: a tally that rises or stands is no sum of the report's own figures
        ("The number of people killed in the attack has risen to 18.", [(18, "killed", False)]),
        ("The death toll stood at 40 on Monday.", [(40, "killed", False)]),
    ],
)
def test_a_tally_brought_to_a_new_sum(extractor, text, expected):
    assert _claims(extractor, text, "value", "effect", "cumulative") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a CJTF strike count beside its opening place, whatever its verb did: the parser reads the place as
        # the verb's subject or the strike as standing beside the place
        (
            "Near Manbij, 3 strikes cratered 2 ISIS supply routes and denied ISIS access to terrain.",
            [("strikes", 3)],
        ),
        ("Near Raqqa, 2 strikes produced inconclusive results.", [("strikes", 2)]),
        ("Near Baghdadi, 3 strikes severed 2 ISIS supply lines.", [("strikes", 3)]),
        # guards: the verbs the count had already, and a weapon named inside what was hit
        ("Near Mosul, 4 strikes had inconclusive results.", [("strikes", 4)]),
        (
            "Near Ramadi, 2 strikes obliterated an ISIS checkpoint.",
            [("strikes", 2), ("targets", 1)],
        ),
        (
            "Near Hit, one strike struck an ISIS rocket firing position.",
            [("strikes", 1), ("targets", 1)],
        ),
    ],
)
def test_a_strike_count_beside_its_opening_place(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what the fallen included is a loss of theirs, by the result word, and a part of the loss before
        (
            "Israeli strikes killed 23 people in Gaza on Monday. The 23 dead included 7 children.",
            [(23, "killed", None), (7, "killed", 23)],
        ),
        ("The wounded included 12 soldiers.", [(12, "wounded", None)]),
        ("Those killed included 5 police officers.", [(5, "killed", None)]),
        # guards: a group of no loss, losses of things
        ("The delegation included 5 soldiers.", []),
        ("Russian losses over the past day included 14 tanks.", [(14, "destroyed", None)]),
    ],
)
def test_what_the_fallen_included(extractor, text, expected):
    claims = extractor.extract(text, published="2016-05-02").claims
    by_id = {c.claim_id: c for c in claims}
    assert [(c.value, c.effect, by_id[c.part_of].value if c.part_of else None) for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range read with its first bound: the parser joins the second to it, or hangs the range's opener
        # on the verb as a preposition
        ("Clashes left between 30 and 40 dead in El Fasher on Monday.", [(30, 40, None, "killed")]),
        ("Officials put the death toll at between 12 and 20.", [(12, 20, None, "killed")]),
        ("The strikes killed between 12 and 20 people.", [(12, 20, "people", "killed")]),
        ("Troops arrested between 40 and 50 suspects.", [(40, 50, "suspects", "captured")]),
        ("The shelling wounded from 20 to 30 civilians.", [(20, 30, "civilians", "wounded")]),
        # guards: a range read already, a figure after "from" that counts where people came from
        ("Jets destroyed 10 to 15 tanks near Kupiansk.", [(10, 15, "tanks", "destroyed")]),
        ("Between 10 and 15 militants were killed in the strike.", [(10, 15, "militants", "killed")]),
        ("Gunmen killed 3 people from 2 villages.", [(3, None, "people", "killed")]),
    ],
)
def test_a_range_read_by_its_first_bound(extractor, text, expected):
    assert _claims(extractor, text, "value", "value_max", "category", "effect") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a whole named by a bare figure is none of the verb's, and no category of its part
        (
            "Air defences intercepted 90 percent of the drones, or 36 of 40, the air force said.",
            [("targets", 36, None, "destroyed")],
        ),
        # a rate or share set beside a count is no thing counted
        (
            "Ukraine said it had shot down 18 of 20 drones, a 90% success rate.",
            [("targets", 18, "drones", "destroyed")],
        ),
        # guards: a whole with its noun, a figure qualified by "as many as", a plain vague count
        ("Ukraine said it downed 36 of 40 drones overnight.", [("targets", 36, "drones", "destroyed")]),
        ("As many as 15 people were killed.", [("casualties", 15, "people", "killed")]),
    ],
)
def test_figures_that_are_no_count(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quantifier in a comparison counts nothing
        ("Twice as many civilians were killed in May as in April.", []),
        ("So many soldiers were wounded that the hospital was full.", []),
        # guards: a vague count outside a comparison, a degree word of another phrase before one
        ("Many civilians were killed in the shelling.", [("numerous", "civilians")]),
        (
            "The force captured a Taliban commander, as well as a number of suspected fighters.",
            [(None, "Taliban commander"), ("some", "suspected fighters")],
        ),
    ],
)
def test_a_quantifier_in_a_comparison(extractor, text, expected):
    claims = extractor.extract(text, published="2016-05-02").claims
    assert [(c.quantifier, c.category) for c in claims] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a subject that names no one says nothing
        ("No group has claimed responsibility for the 3 bombings in Mogadishu.", []),
        ("No group claimed responsibility for the bombings, which killed 12 people.", []),
        ("Nobody has claimed the attack, which killed 9 soldiers.", []),
        # guards: a body that claims, a body that denies
        ("Al-Shabaab claimed responsibility for the 3 bombings in Mogadishu.", ["Al-Shabaab"]),
        ("The army said no soldiers were killed in the attack on the base.", ["army"]),
    ],
)
def test_no_one_is_no_speaker(extractor, text, expected):
    assert [s.name for s in extractor.extract(text, published="2016-05-02").speakers] == expected
