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
        # a negator before a comparative bounds the figure ("at least", "at most"), and negates no count
        ("No fewer than 23 recruits were wounded when the bomb went off.", [(23, "wounded")]),
        ("Not less than 9 herders were killed in the ambush.", [(9, "killed")]),
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


RULED_RELEASE = (
    "KABUL, Afghanistan (June 12) - Coalition forces killed two insurgents in Helmand today.\n\n"
    "{rule}\n\n"
    '"A joint patrol went into the district and detained four Taliban fighters."\n\n'
    "from 2011-04-S-101\n"
)
PASTED_UPDATE = (
    "KABUL, Afghanistan (June 12) - Coalition forces killed two insurgents in Helmand today.\n\n"
    "{rule}\n\n"
    "UPDATE: Coalition Force Detains Taliban Fighters\n"
    "KABUL, Afghanistan (June 13) - Coalition forces detained four Taliban fighters in Helmand yesterday.\n"
)


@pytest.mark.parametrize(
    "template, rule, background",
    [
        # a release pasted below a rule with no dateline of its own is background
        (RULED_RELEASE, "----", [False, True]),
        (RULED_RELEASE, "___", [False, True]),
        (RULED_RELEASE, "=====", [False, True]),
        # a report of its own below the rule, with its dateline, is news of its own date
        (PASTED_UPDATE, "----", [False, False]),
        (PASTED_UPDATE, "---", [False, False]),
    ],
)
def test_a_release_pasted_below_a_rule(extractor, template, rule, background):
    claims = extractor.extract(template.format(rule=rule), published=PUBLISHED).claims
    losses = [c for c in claims if c.kind == "casualties"]
    assert [c.background for c in losses] == background


def figures(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [c.value if c.value is not None else c.quantifier for c in claims if c.kind == "casualties"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a definite phrase over all of a group counted vaguely before takes that count
        (
            "As the force closed in, several armed militants threatened it. The armed militants, one of "
            "them a Taliban commander, were all killed.",
            ["several"],
        ),
        ("Numerous insurgents fired on the patrol. The insurgents were all killed.", ["numerous"]),
        ("A few gunmen ambushed the convoy. The soldiers fired back and killed all the gunmen.", ["a few"]),
        # not across a paragraph, nor from another noun
        ("Several gunmen ambushed the convoy.\n\nThe gunmen were all killed later.", ["plural"]),
        ("Several gunmen ambushed the convoy. The insurgents were all killed.", ["plural"]),
        ("The armed militants were all killed.", ["plural"]),
    ],
)
def test_all_of_a_group_counted_vaguely_before(extractor, text, expected):
    assert figures(extractor, text) == expected


def restated(extractor, text):
    """For each casualty claim, the position among the casualty claims of the one it restates."""
    claims = [c for c in extractor.extract(text, published=PUBLISHED).claims if c.kind == "casualties"]
    index = {c.claim_id: i for i, c in enumerate(claims)}
    return [index.get(c.restates) for c in claims]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a figure over all of those just counted restates their sum
        (
            "A militant commander and two of his guards were killed in an air strike today. The men were "
            "driving on a desert road when they were struck, killing all three.",
            [None, None, 0],
        ),
        (
            "Troops detained a Haqqani facilitator and two suspected insurgents. All three were detained "
            "after questioning.",
            [None, None, 0],
        ),
        (
            "Police arrested two bomb makers and two couriers in Khost. All four were arrested unharmed.",
            [None, None, 0],
        ),
        # another figure, or another effect, is no sum of them
        (
            "Troops detained a Haqqani facilitator and two suspected insurgents. All five were detained.",
            [None, None, None],
        ),
        (
            "The patrol killed two insurgents and wounded one. The force later killed all three.",
            [None, None, None],
        ),
    ],
)
def test_all_of_those_counted_restates_their_sum(extractor, text, expected):
    assert restated(extractor, text) == expected


@pytest.mark.parametrize(
    "text, sides",
    [
        # a group an operation told as background was after gives no side to the news before it
        (
            "Coalition forces killed two insurgents in Nad Ali today. In March 2010, the force captured a "
            "Haqqani network facilitator in the same district.",
            [None, "Haqqani network"],
        ),
        (
            "Afghan troops detained three suspects in Khost today. In 2009, a joint force killed an al-Qaeda "
            "facilitator in the same village.",
            [None, "al-Qaeda"],
        ),
        # one told as news of the same days does
        (
            "Coalition forces killed two insurgents in Nad Ali today. Yesterday the force captured a "
            "Haqqani network facilitator in the same district.",
            ["Haqqani network", "Haqqani network"],
        ),
    ],
)
def test_a_background_operation_gives_no_side_to_the_news(extractor, text, sides):
    claims = extractor.extract(text, published=PUBLISHED).claims
    assert [c.target_side for c in claims if c.kind == "casualties"] == sides


@pytest.mark.parametrize(
    "text, compounds",
    [
        # two lower-case words joined by a hyphen, standing alone
        ("a Taliban sub-commander was killed", ["sub-commander"]),
        ("five rocket-propelled grenades", ["rocket-propelled"]),
        ("two vehicle-borne bomb makers and a so-called emir", ["vehicle-borne", "so-called"]),
        # a name, a figure, an age, a three-part name, or a dash between words stay split
        ("an al-Qaeda courier", []),
        ("a Taliban-affiliated facilitator", []),
        ("twenty-five insurgents", []),
        ("a 19-year-old man", []),
        ("in sar-e-pul", []),
        ("the raid - a long one - ended", []),
        # at the very start or end of a text; a lone hyphen
        ("cross-border fire ended in a stand-off", ["cross-border", "stand-off"]),
        ("-", []),
    ],
)
def test_which_hyphenated_words_are_one_compound(text, compounds):
    import spacy

    from extractor.components.compounds import compound_spans, number_words

    doc = spacy.blank("en")(text)
    assert [s.text for s in compound_spans(doc, number_words())] == compounds


def categories(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [(c.value, c.effect, c.category) for c in claims if c.kind in ("casualties", "targets", "strikes")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the compound is the counted noun, whole, and the words before it stay in the phrase
        (
            "Coalition forces killed a Taliban sub-commander in Helmand.",
            [(1, "killed", "Taliban sub-commander")],
        ),
        (
            "The patrol detained two Haqqani vehicle-borne bomb facilitators in Khost.",
            [(2, "captured", "Haqqani vehicle-borne bomb facilitators")],
        ),
        # a compound modifier counts no strikes of its first word
        ("The patrol found five rocket-propelled grenades in the compound.", []),
        # a figure written with a hyphen is still one figure
        ("The troops killed twenty-five insurgents in the valley.", [(25, "killed", "insurgents")]),
    ],
)
def test_a_hyphenated_compound_is_read_as_one_word(extractor, text, expected):
    assert categories(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a determiner with a number's meaning counts the plural noun it stands on
        ("Both insurgents were killed in the strike.", [(2, "killed")]),
        ("The patrol detained both suspects near the bazaar.", [(2, "captured")]),
        ("Both militants were wounded and taken to a clinic.", [(2, "wounded")]),
        # but counts nothing that is no loss
        ("Both sides agreed to talk.", []),
        ("Insurgents in both villages were detained.", [("plural", "captured")]),
        # a figure that stands for what it counts takes the negation on it
        ("No one was hurt in the operation.", []),
        ("No one was injured, and two insurgents were detained.", [(2, "captured")]),
        ("One was killed and two were wounded.", [(1, "killed"), (2, "wounded")]),
    ],
)
def test_a_quantifier_word_with_a_number_meaning(extractor, text, expected):
    assert losses(extractor, text) == expected


def linked(extractor, text):
    """(value or quantifier, position of the total it is part of, position of the claim it restates)."""
    claims = [c for c in extractor.extract(text, published=PUBLISHED).claims if c.kind == "casualties"]
    index = {c.claim_id: i for i, c in enumerate(claims)}
    return [
        (c.value if c.value is not None else c.quantifier, index.get(c.part_of), index.get(c.restates))
        for c in claims
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a partitive over a pronoun picks some of the group just counted: a part of its total
        (
            "The force detained three men, two of whom are suspected Taliban fighters.",
            [(3, None, None), ("plural", 0, None)],
        ),
        (
            "The patrol killed four insurgents, two of them Taliban commanders.",
            [(4, None, None), (2, 0, None)],
        ),
        # the group with no partitive over it is no part
        (
            "The force detained three men and two suspected Taliban fighters.",
            [(3, None, None), (2, None, None)],
        ),
    ],
)
def test_a_partitive_over_a_group_just_counted_is_part_of_it(extractor, text, expected):
    assert linked(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two generic names of the armed party, the same figure and effect: the same people again
        (
            "Troops detained two militants in Khost today. Two insurgents were detained after a search.",
            [(2, None, None), (2, None, 0)],
        ),
        # others than the same ones, said in both places, are still the same people
        (
            "Two Haqqani facilitators and two other militants were captured in Khost today. The force "
            "captured the facilitators during a search. Two other insurgents were also captured.",
            [(2, None, None), (2, None, None), (2, None, 1)],
        ),
        # others said only the second time are others
        (
            "Troops detained two militants in Khost today. Two other insurgents were detained.",
            [(2, None, None), (2, None, None)],
        ),
        (
            "The patrol killed two insurgents in Khost. Two more militants were killed later.",
            [(2, None, None)] * 2,
        ),
        # a person is no generic party
        (
            "Troops detained two militants in Khost today. Two civilians were detained after a search.",
            [(2, None, None), (2, None, None)],
        ),
    ],
)
def test_a_generic_name_of_the_party_restates_the_same_figure(extractor, text, expected):
    assert linked(extractor, text) == expected


def people(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [
        (c.value if c.value is not None else c.quantifier, c.effect, c.category)
        for c in claims
        if c.kind in ("casualties", "targets")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "another" alone is one more of the people just counted, whatever their number
        (
            "The patrol shot two gunmen dead and arrested another.",
            [(2, "killed", "gunmen"), (1, "captured", "gunman")],
        ),
        (
            "Troops killed several armed fighters near the bazaar and wounded another.",
            [("several", "killed", "armed fighters"), (1, "wounded", "armed fighter")],
        ),
        # in the sentence after them too
        (
            "One suspect was wounded by the patrol. Another was arrested.",
            [(1, "wounded", "suspect"), (1, "captured", "suspect")],
        ),
        # "another" over a noun of its own is that noun; with no person before it, nothing
        (
            "Police arrested a courier and another facilitator.",
            [(1, "captured", "courier"), (1, "captured", "facilitator")],
        ),
        ("Another was detained.", []),
    ],
)
def test_another_is_one_more_of_the_people_just_counted(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person of someone's joined to a counted one is one more person
        (
            "Soldiers killed a Haqqani commander and his driver on the road to Gardez.",
            [(1, "killed", "Haqqani commander"), (1, "killed", "driver")],
        ),
        (
            "An IED cell leader and his deputy were arrested in Kandahar city.",
            [(1, "captured", "IED cell leader"), (1, "captured", "deputy")],
        ),
        # joined to a figure, it is no part of the figure's phrase
        (
            "Troops shot dead three gunmen and their commander near Tagab.",
            [(3, "killed", "gunmen"), (1, "killed", "commander")],
        ),
        # or the object of a verb of its own, like a definite person
        (
            "Troops killed a Taliban commander and detained his brother.",
            [(1, "killed", "Taliban commander"), (1, "captured", "brother")],
        ),
        ("Police detained the facilitator's driver.", [(1, "captured", "driver")]),
        # a thing of someone's is no person
        ("The force detained a facilitator and seized his rifle.", [(1, "captured", "facilitator")]),
    ],
)
def test_a_possessed_person_joined_to_a_counted_one(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # ranks of an armed group below its leaders count people, captured or killed
        ("The patrol captured a Haqqani subcommander in Sabari.", [(1, "captured", "Haqqani subcommander")]),
        ("Troops seized a senior Taliban sub-commander.", [(1, "captured", "senior Taliban sub-commander")]),
        ("A bodyguard was killed in the crossfire.", [(1, "killed", "bodyguard")]),
    ],
)
def test_the_ranks_of_an_armed_group_are_people(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an ordinal standing alone is one more of the people just counted
        (
            "Soldiers shot dead two gunmen and captured a third near the checkpoint.",
            [(2, "killed", "gunmen"), (1, "captured", "gunman")],
        ),
        (
            "Four fighters were arrested and a fifth was wounded.",
            [(4, "captured", "fighters"), (1, "wounded", "fighter")],
        ),
        # as a modifier it counts nothing of its own
        ("A second patrol detained three suspects.", [(3, "captured", "suspects")]),
        # "a pair of" counts two
        ("The patrol detained a pair of Taliban couriers.", [(2, "captured", "Taliban couriers")]),
        # a person of a group whose name the model leaves untagged and splits at "of"
        (
            "Police arrested an Islamic Movement of Uzbekistan courier near Kunduz.",
            [(1, "captured", "Islamic Movement of Uzbekistan courier")],
        ),
    ],
)
def test_ordinals_pairs_and_split_group_names(extractor, text, expected):
    assert people(extractor, text) == expected


def strikes(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [c.value if c.value is not None else c.quantifier for c in claims if c.kind == "strikes"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the strikes a force engaged with are strikes made, one with an indefinite article
        ("After checking the area for civilians, the patrol engaged with a precision air strike.", [1]),
        ("The joint force engaged the gunmen with several precision airstrikes.", ["several"]),
        ("Troops engaged two fighting positions with a guided air strike.", [1]),
        # a strike that a loss followed was made
        ("A Haqqani courier was killed following an air strike in Zurmat district.", [1]),
        ("Two bomb makers were detained following a precision strike near Gardez.", [1]),
        # what it engaged with that is no strike is none
        ("The patrol engaged the gunmen with rifle fire and killed one.", []),
        ("The troops engaged village elders with a series of meetings.", []),
    ],
)
def test_the_strikes_a_force_engaged_with(extractor, text, expected):
    assert strikes(extractor, text) == expected


def sides(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [c.target_side for c in claims if c.kind == "casualties"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence just after the claim that tells of the one it counted names whom he belongs to
        (
            "Troops detained a weapons courier in Chak district. The courier moved rifles for the Taliban.",
            ["Taliban"],
        ),
        (
            "Police arrested a bomb maker near Gardez yesterday. He built devices for Haqqani network cells.",
            ["Haqqani network"],
        ),
        # over a generic party word of the counted phrase
        (
            "The patrol killed an insurgent commander in Marawara. The commander led al-Qaida fighters.",
            ["al-Qaida"],
        ),
        # not from a sentence about someone else, nor from the subject that acts
        ("Troops detained a courier in Chak. A Taliban leader fled the area.", [None]),
        ("Troops detained a courier in Chak. The Taliban attacked a checkpoint later.", [None]),
    ],
)
def test_a_description_of_the_one_counted_names_his_side(extractor, text, expected):
    assert sides(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person named before a figure it is joined to is counted on its own
        (
            "Police arrested a Haqqani courier and three of his helpers in Khost.",
            [(3, "captured", "his helpers"), (1, "captured", "Haqqani courier")],
        ),
        (
            "The patrol detained the targeted facilitator and two suspected insurgents.",
            [(2, "captured", "suspected insurgents"), (1, "captured", "targeted facilitator")],
        ),
        # after the figure, as before
        (
            "Troops killed four fighters and a Taliban subcommander.",
            [(4, "killed", "fighters"), (1, "killed", "Taliban subcommander")],
        ),
        # a plural with no figure of its own is people with no count, as alone ("killed insurgents")
        (
            "Troops detained insurgents and three couriers.",
            [(3, "captured", "couriers"), ("plural", "captured", "insurgents")],
        ),
        # a thing with no article of its own is no count of its own
        ("Jets destroyed the tanks and 12 trucks.", [(12, "destroyed", "trucks")]),
    ],
)
def test_a_person_joined_to_a_figure_counts_on_its_own(extractor, text, expected):
    assert sorted(people(extractor, text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a subject hung on a verb of no loss to people shares the claim verb joined to it
        ("Three gunmen were engaged and killed near the outpost.", [(3, "killed", "gunmen")]),
        ("The armed man was engaged and detained.", [(1, "captured", "armed man")]),
        ("Two fighters fired on the convoy and were killed.", [(2, "killed", "fighters")]),
        # a joined verb with a subject or object of its own claims its own
        (
            "Gunmen attacked a police post and killed two officers.",
            [(1, "hit", "police post"), (2, "killed", "officers")],
        ),
        ("Three gunmen were spotted and engaged by helicopters.", []),
    ],
)
def test_a_claim_verb_joined_to_a_verb_of_no_loss(extractor, text, expected):
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an addition word beside nouns joined to the counted one counts it beside them, not beside an
        # earlier figure: the generic noun still restates that figure
        (
            "Troops arrested a Taliban courier and several of his helpers near Gardez. After questioning, "
            "the courier and several other men were taken into custody.",
            [None, None, 1],
        ),
        # alone, it counts others
        (
            "Troops arrested several suspects near Gardez. Later, several additional men were arrested.",
            [None, None],
        ),
    ],
)
def test_an_addition_beside_joined_nouns_still_restates(extractor, text, expected):
    assert restated(extractor, text) == expected
