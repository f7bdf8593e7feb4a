"""ISAF release wordings nobody tuned on, round 3 (issue 19), each row in our own words: the target of an
operation named by a participle after the force that went after it ("Forces searching for a Taliban
operative detained ..."), group names whose parts linking particles join with hyphens ("Lashkar-e-Taiba"),
and a group tied by a verb of affiliation to who acted, which the parser made a clause of its own."""

import pytest

PUBLISHED = "2011-10-03"


def sides(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [(c.value, c.actor, c.target_side) for c in claims if c.kind == "casualties"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parser makes the participle the verb's clausal subject, with the force its own subject
        (
            "Forces searching for a Taliban operative detained two suspects in Kunar province.",
            [(2, "Forces", "Taliban")],
        ),
        (
            "Coalition troops looking for a Haqqani financier arrested three men in Paktiya province.",
            [(3, "Coalition troops", "Haqqani")],
        ),
        (
            "Coalition forces, searching for a Taliban weapons dealer, detained two men in Zabul province.",
            [(2, "Coalition forces", "Taliban")],
        ),
        (
            "Soldiers targeting a Taliban bomb maker detained four men in Helmand province.",
            [(4, "Soldiers", "Taliban")],
        ),
        # guards: a group in the subject acts; a participle's object that names no group gives no side
        ("Taliban fighters searching the village killed 2 civilians.", [(2, "Taliban fighters", None)]),
        ("Gunmen looking for a police officer killed 4 of his relatives.", [(4, "Gunmen", None)]),
    ],
)
def test_the_target_of_a_participle_after_the_force(extractor, text, expected):
    assert sides(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Forces searching for a Lashkar-e-Taiba operative detained two suspects in Kunar province.",
            [(2, "Forces", "Lashkar-e-Taiba")],
        ),
        (
            "A patrol hunting a Jaish-e-Mohammed recruiter detained three suspects in Nangarhar province.",
            [(3, "patrol", "Jaish-e-Mohammed")],
        ),
        (
            "The force killed a Lashkar-e-Jhangvi bomb maker and two of his guards.",
            [(1, "The force", "Lashkar-e-Jhangvi"), (2, "The force", "Lashkar-e-Jhangvi")],
        ),
        # a place so joined keeps its tokens, and its place
        (
            "Troops killed a Tehrik-i-Taliban commander and two fighters near Mazar-i-Sharif.",
            [(1, "Troops", "Tehrik-i-Taliban"), (2, "Troops", "Tehrik-i-Taliban")],
        ),
    ],
)
def test_a_group_name_joined_by_linking_particles_is_one_word(extractor, text, expected):
    assert sides(extractor, text) == expected


def test_a_place_joined_by_linking_particles_keeps_its_place(extractor):
    text = "Troops killed a Tehrik-i-Taliban commander and two fighters near Mazar-i-Sharif."
    claims = extractor.extract(text, published=PUBLISHED).claims
    assert [c.location for c in claims] == ["Mazar-i-Sharif", "Mazar-i-Sharif"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parser made the verb of affiliation the root: the group qualifies who acted
        ("Fighters linked to the Haqqani network ambushed a convoy, killing 2 soldiers.", None),
        ("Gunmen tied to the Taliban stormed a school, killing 3 teachers.", None),
        # guards: a group tied to who was detained is their side
        ("Troops detained two men linked to the Haqqani network in Khost.", "Haqqani network"),
        ("Police said the two men arrested were linked to the Taliban.", "Taliban"),
        ("Two men with ties to the Taliban were detained in Khost.", "Taliban"),
    ],
)
def test_a_group_tied_to_who_acted_is_no_side(extractor, text, expected):
    assert [side for _, _, side in sides(extractor, text)] == [expected]


def people(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [(c.kind, c.value if c.value is not None else c.quantifier, c.effect, c.category) for c in claims]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a figure that picks some of "them" counts the people named before it
        (
            "An air weapons team engaged a group of insurgents planting a bomb, killing three of them.",
            [("casualties", 3, "killed", "insurgents")],
        ),
        (
            "The patrol spotted several fighters near the road and killed two of them.",
            [("casualties", 2, "killed", "fighters")],
        ),
        (
            "The force engaged a group of Taliban fighters, wounding four of them.",
            [("casualties", 4, "wounded", "Taliban fighters")],
        ),
        (
            "The team surrounded the gunmen in a compound, detaining many of them.",
            [("casualties", "numerous", "captured", "gunmen")],
        ),
        # the people, not the things counted before them
        (
            "The patrol destroyed two trucks and then engaged a group of insurgents, killing three of them.",
            [("targets", 2, "destroyed", "trucks"), ("casualties", 3, "killed", "insurgents")],
        ),
        # guards: things picked from things; a group counted before keeps its own category
        (
            "Rebels attacked two villages, burning 12 of them.",
            [("targets", 2, "hit", "villages"), ("targets", 12, "destroyed", "villages")],
        ),
        (
            "Troops killed 5 insurgents and captured two of them.",
            [("casualties", 5, "killed", "insurgents"), ("casualties", 2, "captured", "insurgents")],
        ),
    ],
)
def test_a_figure_picked_from_them_counts_the_people_named_before(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the group a loss picks some of is the whole it was taken from, no loss of its own
        (
            "Coalition aircraft carried out a precision strike against a group of insurgents in Sangin "
            "district, killing five of them.",
            [("strikes", 1, None, None), ("casualties", 5, "killed", "insurgents")],
        ),
        (
            "Coalition jets struck a group of Taliban fighters, killing several of them.",
            [("casualties", "several", "killed", "Taliban fighters")],
        ),
        # guards: a group lost whole stays a loss, beside others counted apart or a member named
        (
            "The force killed a group of insurgents and captured two others.",
            [("casualties", "a group", "killed", "insurgents"), ("casualties", 2, "captured", "insurgents")],
        ),
        (
            "The armed militants, one of them a Taliban commander, were all killed.",
            [("casualties", "plural", "killed", "armed militants")],
        ),
    ],
)
def test_the_group_a_loss_is_picked_from_is_no_loss_of_its_own(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # effects that befall the same people at once: a claim of each
        (
            "Two insurgents were wounded and later taken into custody.",
            [("casualties", 2, "wounded", "insurgents"), ("casualties", 2, "captured", "insurgents")],
        ),
        (
            "Three gunmen were wounded and detained by the patrol.",
            [("casualties", 3, "wounded", "gunmen"), ("casualties", 3, "captured", "gunmen")],
        ),
        (
            "Soldiers wounded and captured two militants near the pass.",
            [("casualties", 2, "captured", "militants"), ("casualties", 2, "wounded", "militants")],
        ),
        (
            "Two fighters were killed and three were wounded and captured.",
            [
                ("casualties", 2, "killed", "fighters"),
                ("casualties", 3, "wounded", "fighters"),
                ("casualties", 3, "captured", "fighters"),
            ],
        ),
        # a relative clause set off right after the counted word, wherever the parser hung it
        (
            "The patrol returned fire, killing one insurgent and wounding another, who was later detained.",
            [
                ("casualties", 1, "killed", "insurgent"),
                ("casualties", 1, "wounded", "insurgent"),
                ("casualties", 1, "captured", "insurgent"),
            ],
        ),
        # guards: effects that exclude each other give none; a verb with its own object counts its own
        ("The strikes killed and wounded dozens of people.", [("casualties", "dozens", None, "people")]),
        ("The jets killed or captured 40 militants.", [("casualties", 40, None, "militants")]),
        (
            "Police wounded a suspect, who later died in hospital.",
            [("casualties", 1, "wounded", "suspect")],
        ),
        (
            "Troops captured 3 insurgents and wounded two others.",
            [("casualties", 3, "captured", "insurgents"), ("casualties", 2, "wounded", "insurgents")],
        ),
    ],
)
def test_effects_that_befall_the_same_ones_at_once(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb of killing people only still carries out an operation or a raid
        ("Troops executed 3 operations in Helmand province.", []),
        ("The army executed 2 raids near the border.", [("strikes", 2, None, None)]),
        # guard: its people are still killed
        ("Insurgents executed 4 prisoners in Helmand province.", [("casualties", 4, "killed", "prisoners")]),
    ],
)
def test_an_operation_carried_out_is_no_one_killed(extractor, text, expected):
    assert people(extractor, text) == expected
