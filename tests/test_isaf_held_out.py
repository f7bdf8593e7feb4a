"""ISAF release wordings nobody tuned on, round 2 (issue 19): classes found in releases written for the
purpose, each row in our own words: names joined with an ezafe ("Hezb-e Islami"), vague counts over a
possessed group ("a handful of his fighters"), "taken into custody" over one person, and a strike the
parser hung on the object of the verb it killed with."""

import pytest

PUBLISHED = "2011-10-03"


def people(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [
        (c.value if c.value is not None else c.quantifier, c.effect, c.category)
        for c in claims
        if c.kind == "casualties"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part of a name the parser hung on the noun after it modifies that noun: no person of its own
        (
            "The patrol detained a Hezb-e Islami Gulbuddin commander and two of his guards in Tagab.",
            [(1, "captured", "Hezb-e Islami Gulbuddin commander"), (2, "captured", "his guards")],
        ),
        (
            "Coalition troops killed a senior Lashkar-e-Taiba trainer near Barg-e Matal.",
            [(1, "killed", "senior Lashkar-e-Taiba trainer")],
        ),
        # a name that is the object itself is still a person
        ("Soldiers killed Qari Nasrullah in Andar.", [(1, "killed", None)]),
    ],
)
def test_a_name_joined_with_an_ezafe_is_one_modifier(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a vague count over a possessed or definite group counts the group, as "several of his" does
        (
            "Police detained a Taliban courier and a handful of his helpers near Gardez.",
            [(1, "captured", "Taliban courier"), ("a handful", "captured", "his helpers")],
        ),
        ("The patrol killed a number of the gunmen at the ford.", [("some", "killed", "gunmen")]),
        ("A couple of their drivers were detained.", [("a couple", "captured", "their drivers")]),
        # over a bare plural, as before
        ("Troops detained a handful of smugglers.", [("a handful", "captured", "smugglers")]),
    ],
)
def test_a_vague_count_over_a_possessed_group(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one person taken into custody, the phrase before or after the object, or in the passive
        ("Border police took into custody a courier near Zaranj.", [(1, "captured", "courier")]),
        ("The patrol took a bomb maker into custody at the bazaar.", [(1, "captured", "bomb maker")]),
        ("A Haqqani financier was taken into custody in Gardez.", [(1, "captured", "Haqqani financier")]),
        # no result phrase, no capture
        ("The patrol took a wounded farmer to the clinic.", []),
    ],
)
def test_one_person_taken_into_custody(extractor, text, expected):
    assert people(extractor, text) == expected


def strikes(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [(c.value, c.actor) for c in claims if c.kind == "strikes"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a strike the parser hung on the object of the verb: still the event the loss came in
        (
            "Afghan and coalition forces killed a Taliban leader in a precision strike in Kunduz.",
            [(1, "Afghan and coalition forces")],
        ),
        (
            "Coalition troops killed a Haqqani commander in a precision strike in Khost.",
            [(1, "Coalition troops")],
        ),
        # hung on the verb, as before
        ("Afghan troops killed a bomb maker during an air strike near Gereshk.", [(1, "Afghan troops")]),
        # a place or a day hung on the object is no strike
        ("Coalition forces killed a Haqqani courier in a compound in Zurmat.", []),
    ],
)
def test_a_strike_hung_on_the_object(extractor, text, expected):
    assert strikes(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the agent nouns a network's people are named by count people, with a verb or none
        (
            "Among those arrested were a Taliban tax collector and two bomb makers.",
            [(1, "captured", "Taliban tax collector"), (2, "captured", "bomb makers")],
        ),
        (
            "Police detained a Haqqani recruiter and his accomplice in Khost.",
            [(1, "captured", "Haqqani recruiter"), (1, "captured", "accomplice")],
        ),
        (
            "The patrol killed three gunmen and a Taliban weapons supplier.",
            [(3, "killed", "gunmen"), (1, "killed", "Taliban weapons supplier")],
        ),
    ],
)
def test_the_agent_nouns_of_a_network_are_people(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a day right after a bare figure says when, and is nothing counted
        (
            "The patrol killed two gunmen and detained one Tuesday near the ford.",
            [(2, "killed", "gunmen"), (1, "captured", "gunmen")],
        ),
        (
            "Troops shot three fighters and detained one yesterday in Garmser.",
            [(3, "killed", "fighters"), (1, "captured", "fighters")],
        ),
        # a day that modifies the counted noun is still part of the phrase
        ("Gunmen killed 3 Friday worshippers.", [(3, "killed", "Friday worshippers")]),
    ],
)
def test_a_day_after_a_bare_figure(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "another" taken into custody: one more of those counted, with the result phrase's effect
        (
            "Three gunmen were killed and another taken into custody near Khost.",
            [(3, "killed", "gunmen"), (1, "captured", "gunman")],
        ),
        (
            "The patrol shot two couriers and took another into custody.",
            [(2, "killed", "couriers"), (1, "captured", "courier")],
        ),
    ],
)
def test_another_taken_into_custody(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a figure the parser joined to the verb beside its object, or to a pronoun object, shares the verb
        (
            "An air strike hit the Haqqani courier's car, killing him and one of his drivers.",
            [(1, "killed", "his drivers")],
        ),
        ("The patrol returned fire, killing him and two other gunmen.", [(2, "killed", "other gunmen")]),
        ("Police detained him and a bomb maker at the checkpoint.", [(1, "captured", "bomb maker")]),
    ],
)
def test_a_figure_joined_beside_a_pronoun_object(extractor, text, expected):
    assert people(extractor, text) == expected


def backgrounds(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [c.background for c in claims if c.kind == "casualties"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an operation told after the lead with a day of its own days before the lead's is background
        (
            "Troops detained three suspects in Dand district on Sunday. On Sept. 14, the same patrol killed "
            "a Taliban courier near the village.",
            [False, True],
        ),
        (
            "Police killed two gunmen in Khost yesterday. The police had arrested their leader on Sept. 27.",
            [False, True],
        ),
        # a day or two apart, an update's operations are each news
        (
            "Troops detained a courier in Zabul on Sept. 30. On Oct. 1, the patrol killed two gunmen there.",
            [False, False],
        ),
        (
            "Police arrested two smugglers in Farah on Sunday. On Saturday, police detained a courier.",
            [False, False],
        ),
    ],
)
def test_an_earlier_operation_told_after_the_news(extractor, text, expected):
    assert backgrounds(extractor, text) == expected


def effects(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [(c.value, c.effect, c.category) for c in claims if c.kind == "targets"]


def test_a_list_item_hung_on_the_first_of_two_verbs(extractor):
    # the list's last item the parser hung on the first verb is the second verb's, as its other items are
    text = (
        "- Near Tabqa, six strikes struck four separate ISIL tactical units and destroyed an ISIL supply "
        "cache, an ISIL staging area, and two ISIL weapons caches and suppressed three separate ISIL "
        "fighting positions."
    )
    assert (2, "destroyed", "ISIL weapons caches") in effects(extractor, text)


def test_a_district_joined_to_the_province_of_a_district_of_province_chain(extractor):
    # "X district of Y province" names the province Y: a later district alone joins Y, not X's whole chain
    text = (
        "Afghan troops detained two suspects in the Garmser district of Helmand province on Sunday.\n\n"
        "In a separate operation in Nad-e Ali district, a patrol killed an insurgent."
    )
    claims = extractor.extract(text, published=PUBLISHED).claims
    assert [c.location for c in claims] == [
        "Garmser district of Helmand province",
        "Nad-e Ali district, Helmand province",
    ]
