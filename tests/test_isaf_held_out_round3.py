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
