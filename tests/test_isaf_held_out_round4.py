"""ISAF and news wordings nobody tuned on, round 4, each row in our own words: a counted object the parser
made the subject of a participle hung on the claim verb ("killed two insurgents planting a roadside bomb"),
a fraction of a multiplier or scale word ("half a dozen"), and the attacker of a clause that says how the
loss came, opened by a conjunction other than "when" or told by a verb that sends fire ("as troops stormed
the village", "when the patrol returned fire")."""

import pytest

PUBLISHED = "2011-03-04"


def casualties(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [(c.value, c.category, c.effect, c.actor) for c in claims if c.kind == "casualties"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "An ISAF aircraft engaged and killed two insurgents planting a roadside bomb in Paktiya.",
            [(2, "insurgents", "killed", "ISAF aircraft")],
        ),
        # the parser made the participle the passive's clausal subject
        (
            "Two insurgents planting a bomb were killed by an air strike.",
            [(2, "insurgents", "killed", "air strike")],
        ),
        ("Three men carrying rifles were detained near the village.", [(3, "men", "captured", None)]),
        (
            "An air weapons team killed three insurgents emplacing an explosive device near the road.",
            [(3, "insurgents", "killed", "air weapons team")],
        ),
        (
            "The patrol detained four men carrying weapons near the village of Nawa.",
            [(4, "men", "captured", "The patrol")],
        ),
        # guard: an absolute clause after a comma is no object of the verb
        (
            "Troops killed two insurgents, three others escaping into the hills.",
            [(2, "insurgents", "killed", "Troops")],
        ),
    ],
)
def test_a_counted_object_the_parser_made_a_participles_subject(extractor, text, expected):
    assert casualties(extractor, text) == expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("Troops killed half a dozen insurgents in Kandahar province.", 6),
        ("A combined force detained half a dozen suspects during the search.", 6),
        ("About half a dozen militants were killed in the strike.", 6),
        # guards: the article and multiplier alone, and a half that takes no article
        ("Police arrested a dozen men in Kandahar.", 12),
        ("Troops killed two dozen insurgents in Kandahar province.", 24),
    ],
)
def test_a_fraction_before_a_multiplier_takes_its_share(extractor, text, value):
    assert [claim[0] for claim in casualties(extractor, text)] == [value]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Four fighters were killed as government troops stormed the village.", "government troops"),
        ("Two insurgents were killed when the patrol returned fire in Paktika province.", "the patrol"),
        ("Three civilians died after gunmen opened fire on a bus near Kidal.", "gunmen"),
        ("Five soldiers were wounded while militants attacked their outpost.", "militants"),
        # guards: a clause that tells no attack names no attacker; a device set off attacks no one
        ("Six insurgents were killed while Afghan commandos cleared the compound.", None),
        ("Two soldiers were wounded as their vehicle hit a roadside bomb.", None),
        ("Three civilians died after the army said the road was open.", None),
    ],
)
def test_the_attacker_of_a_clause_that_says_how_the_loss_came(extractor, text, expected):
    assert [claim[3] for claim in casualties(extractor, text)] == [expected]


def _sides(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [(c.value, c.category, c.target_side) for c in claims if c.kind == "casualties"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part named in the next sentence gives its side to the total, as one in the same sentence does
        (
            "The security force killed four insurgents in Kunar province. Among those killed was a Taliban"
            " sub-commander.",
            [(4, "insurgents", "Taliban"), (1, "Taliban sub-commander", "Taliban")],
        ),
        (
            "The force detained five suspects in Khost province. Among those detained was a Haqqani network"
            " facilitator.",
            [(5, "suspects", "Haqqani network"), (1, "Haqqani network facilitator", "Haqqani network")],
        ),
        # guards: civilians take no side; a total with a side of its own keeps it
        (
            "The strike killed six civilians. Among the dead was a Taliban commander's brother.",
            [(6, "civilians", None)],
        ),
        (
            "Troops killed 12 ISIS fighters. Among those killed was a Taliban commander.",
            [(12, "ISIS fighters", "ISIS"), (1, "Taliban commander", "Taliban")],
        ),
    ],
)
def test_a_total_with_no_side_takes_the_side_its_part_names(extractor, text, expected):
    assert _sides(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Coalition forces engaged insurgents in Kunar province, killing five.", [(5, "insurgents")]),
        ("An air strike against militants near the village killed four.", [(4, "militants")]),
        # guards: who acted is not who was counted; no people named, no category
        ("Militants attacked the checkpoint, killing five.", [(5, None)]),
        ("Gunmen stormed the village, killing five.", [(5, None)]),
    ],
)
def test_a_bare_figure_counts_the_people_the_attack_was_against(extractor, text, expected):
    assert [(claim[0], claim[1]) for claim in casualties(extractor, text)] == expected
