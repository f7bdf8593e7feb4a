"""Held-out wordings, round 6: claims worded in ways the dev texts do not use (written for this project, in
the styles of wire news, ISAF releases, CJTF strike lines and the Ukrainian ministry's summaries). Each block
is a class of wording, with guard rows the rule must leave alone."""

import pytest
from claim_rows import scored


def _claims(extractor, text, *fields, published="2016-05-02"):
    claims = extractor.extract(text, published=published).claims
    return [tuple(getattr(c, f) for f in fields) for c in claims if c.value is not None]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a loss told from the side that suffered it: no effect of its own, the killed and wounded together
        (
            "The unit suffered 40 casualties in the fighting near Bakhmut.",
            [("casualties", 40, "casualties", None)],
        ),
        (
            "The regiment sustained 25 casualties during the assault.",
            [("casualties", 25, "casualties", None)],
        ),
        (
            "Government forces incurred 60 casualties in the offensive.",
            [("casualties", 60, "casualties", None)],
        ),
        (
            "The roadside bomb caused 14 casualties among the patrol.",
            [("casualties", 14, "casualties", None)],
        ),
        ("There were 40 casualties in the attack on the market.", [("casualties", 40, "casualties", None)]),
        # the loss as what a result verb's preposition names, not an event it came in
        (
            "The blast resulted in 12 deaths and 30 injuries.",
            [("casualties", 12, "deaths", "killed"), ("casualties", 30, "injuries", "wounded")],
        ),
        ("The clashes led to 9 deaths among the soldiers.", [("casualties", 9, "deaths", "killed")]),
        # guards: casualties counted by no figure, a result verb over no loss
        ("The exact number of casualties is unknown.", []),
        ("The talks resulted in 3 agreements on prisoner exchanges.", []),
        ("Nine soldiers died in 3 raids on the border.", [("casualties", 9, "soldiers", "killed")]),
    ],
)
def test_a_loss_of_no_one_effect_and_a_result_named_after_its_verb(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The unit suffered 40 casualties in the fighting near Bakhmut.", [(None, "unit")]),
        ("The battalion sustained 25 casualties, an officer said.", [(None, "battalion")]),
        ("The army inflicted 300 casualties on the enemy.", [("The army", "enemy")]),
        ("The car bomb caused 40 casualties among civilians.", [("The car bomb", None)]),
        ("The attack resulted in 12 deaths.", [("The attack", None)]),
    ],
)
def test_who_suffered_a_loss_is_its_side_and_who_caused_it_its_actor(extractor, text, expected):
    assert _claims(extractor, text, "actor", "target_side") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the means of strikes sent, one by one: each is a strike made, by the sender
        ("Russian aircraft dropped 50 guided bombs on the region.", [("strikes", 50, "Russian aircraft")]),
        ("More than 1,200 bombs were dropped on the city in October.", [("strikes", 1200, None)]),
        ("Militants lobbed 3 mortar shells at the base on Sunday.", [("strikes", 3, "Militants")]),
        ("The enemy fired 60 artillery rounds at our positions.", [("strikes", 60, "The enemy")]),
        ("Insurgents fired four mortars into the compound.", [("strikes", 4, "Insurgents")]),
        # guards: the same weapons seized or made safe are no strikes
        ("Troops seized 40 bombs in the raid.", [("targets", 40, "Troops")]),
        ("Engineers defused 3 bombs near the bridge.", []),
        ("The factory produced 300 shells a month.", []),
    ],
)
def test_the_means_of_strikes_sent_are_strikes(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "actor") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a destroying act worded as a verb with the words that complete it
        (
            "Militants set fire to 3 tankers on the highway near Gao.",
            [("targets", 3, "tankers", "destroyed")],
        ),
        ("Attackers set ablaze 20 shops in the market.", [("targets", 20, "shops", "destroyed")]),
        ("The mob set 14 vehicles on fire near the stadium.", [("targets", 14, "vehicles", "destroyed")]),
        ("Rioters set alight two police stations.", [("targets", 2, "police stations", "destroyed")]),
        (
            "Insurgents set fire to a police station in Kunar.",
            [("targets", 1, "police station", "destroyed")],
        ),
        (
            "The fighters put 30 homes to the torch before withdrawing.",
            [("targets", 30, "homes", "destroyed")],
        ),
        (
            "Russian shelling reduced 4 apartment blocks to rubble.",
            [("targets", 4, "apartment blocks", "destroyed")],
        ),
        ("Gunmen gunned down 9 farmers on Saturday.", [("casualties", 9, "farmers", "killed")]),
        ("Soldiers mowed down 30 protesters in the square.", [("casualties", 30, "protesters", "killed")]),
        (
            "Israeli strikes leveled 3 residential buildings in Rafah.",
            [("targets", 3, "residential buildings", "destroyed")],
        ),
        ("Bulldozers flattened 12 homes in the camp.", [("targets", 12, "homes", "destroyed")]),
        # guards: the verb in its other senses, a phrase's noun that is another noun's
        ("The unit set up 3 checkpoints near the fire station.", []),
        ("The battalion set 2 records in training.", []),
        ("The general leveled charges against 3 officers.", []),
        ("The rebels reduced their demands to 2 conditions.", []),
        ("Police gunned 2 engines and fled.", []),
    ],
)
def test_a_destroying_act_worded_as_a_phrase(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a part picked out of a counted noun by a pronoun and named after it: what it counts is the name
        (
            "The car bomb killed 30 people, 12 of them children.",
            [("casualties", 30, "people", "killed"), ("casualties", 12, "children", "killed")],
        ),
        (
            "Troops detained 9 suspects, two of them foreigners.",
            [("casualties", 9, "suspects", "captured"), ("casualties", 2, "foreigners", "captured")],
        ),
        (
            "The attack killed 14 soldiers, three of whom were officers.",
            [("casualties", 14, "soldiers", "killed"), ("casualties", 3, "officers", "killed")],
        ),
        (
            "Gunmen abducted 20 passengers, six of whom were foreigners.",
            [("casualties", 20, "passengers", "captured"), ("casualties", 6, "foreigners", "captured")],
        ),
        (
            "The coalition destroyed 12 vehicles, four of which were tanks.",
            [("targets", 12, "vehicles", "destroyed"), ("targets", 4, "tanks", "destroyed")],
        ),
        # guards: a part with a fate of its own, a whole that is no loss
        (
            "Police arrested 15 people, four of whom were later released.",
            [("casualties", 15, "people", "captured")],
        ),
        ("The army deployed 40 soldiers, ten of whom were officers.", []),
        ("Troops detained the men, one of whom is a Taliban leader.", []),
        (
            "The army destroyed 10 of their armed vehicles.",
            [("targets", 10, "their armed vehicles", "destroyed")],
        ),
    ],
)
def test_a_part_named_after_a_pronoun(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The attack killed 14 soldiers, three of whom were officers.",
        "Troops detained 9 suspects, two of them foreigners.",
    ],
)
def test_a_part_named_after_a_pronoun_is_part_of_its_whole(extractor, text):
    whole, part = extractor.extract(text, published="2016-05-02").claims
    assert (whole.part_of, part.part_of) == (None, whole.claim_id)


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes claimed through a noun of responsibility: made by who claims them
        (
            "The group claimed responsibility for 3 attacks on army posts in Borno.",
            [("strikes", 3, "The group")],
        ),
        (
            "Islamic State claimed responsibility for two suicide bombings in Kabul.",
            [("strikes", 2, "Islamic State")],
        ),
        (
            "The Pakistani Taliban took responsibility for four attacks on checkpoints.",
            [("strikes", 4, "The Pakistani Taliban")],
        ),
        ("The militia claimed credit for 6 rocket attacks on the airport.", [("strikes", 6, "The militia")]),
        (
            "Ansaru claimed responsibility for a raid that killed 14 soldiers.",
            [("strikes", 1, "Ansaru"), ("casualties", 14, "Ansaru")],
        ),
        # guards: a responsibility over no strikes, a loss claimed keeps its own reading; claimed by nobody,
        # the strikes stand, made by no one named (held-out wordings round 7: the claiming is denied)
        ("No group has claimed responsibility for the 3 bombings.", [("strikes", 3, None)]),
        ("The minister took responsibility for 40 staff.", []),
        ("The group claimed responsibility for the deaths of 12 soldiers.", [("casualties", 12, None)]),
    ],
)
def test_strikes_claimed_through_a_noun_of_responsibility(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "actor") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the units a strike count is broken down into (CJTF-OIR, 2017 on) are no strikes of their own
        (
            "- Near Abu Kamal, four strikes consisting of 14 engagements destroyed two ISIS vehicles.",
            [("strikes", 4, None, None), ("targets", 2, "ISIS vehicles", "destroyed")],
        ),
        (
            "Coalition forces conducted 12 strikes comprising 30 engagements in Iraq.",
            [("strikes", 12, None, None)],
        ),
        (
            "Coalition military forces conducted 7 strikes, which consisted of 21 engagements, against ISIS.",
            [("strikes", 7, None, None)],
        ),
        # guard: engagements counted on their own are strikes made
        ("Coalition forces conducted 14 engagements against ISIS near Hajin.", [("strikes", 14, None, None)]),
    ],
)
def test_the_units_a_strike_count_is_made_of(extractor, text, expected):
    assert scored(extractor, text) == expected


def test_a_line_of_strikes_made_of_engagements_heads_no_later_line(extractor):
    text = (
        "Syria\n- Near Abu Kamal, four strikes consisting of 14 engagements destroyed two ISIS vehicles.\n"
        "- Near Dayr Az Zawr, three strikes consisting of five engagements destroyed an ISIS headquarters.\n"
    )
    claims = extractor.extract(text, published="2018-05-02").claims
    assert [(c.kind, c.value, c.part_of) for c in claims] == [
        ("strikes", 4, None),
        ("targets", 2, None),
        ("strikes", 3, None),
        ("targets", 1, None),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a list of verbs, each with its object, whose second verb the parser hung on the first object as a
        # reduced relative: each keeps its own effect and the subject of the first
        (
            "Coalition forces killed 12 militants, captured 4 and destroyed 2 vehicles.",
            [
                ("casualties", 12, "killed", "Coalition forces"),
                ("casualties", 4, "captured", "Coalition forces"),
                ("targets", 2, "destroyed", "Coalition forces"),
            ],
        ),
        (
            "The army said it had killed 12 militants, captured 4 and destroyed 2 vehicles.",
            [
                ("casualties", 12, "killed", "The army"),
                ("casualties", 4, "captured", "The army"),
                ("targets", 2, "destroyed", "The army"),
            ],
        ),
        # guards: a participle with no object of its own, or none after a comma, is the noun's
        ("Police arrested 3 men, charged with smuggling rifles.", [("casualties", 3, "captured", "Police")]),
        ("Troops freed 12 hostages held by the gang.", []),
        (
            "A man captured by the militia was killed on Monday.",
            [("casualties", 1, "captured", "the militia")],
        ),
    ],
)
def test_a_verb_after_a_comma_read_as_a_reduced_relative(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "effect", "actor") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a toll of the dead that a verb sets at a figure: the figure counts people killed
        ("The death toll from the strike rose to 45.", [("casualties", 45, None, "killed")]),
        ("The blast brought the death toll to 63, police said.", [("casualties", 63, None, "killed")]),
        ("The death toll in the attack stands at 30.", [("casualties", 30, None, "killed")]),
        ("Officials put the death toll at 30.", [("casualties", 30, None, "killed")]),
        # guards: a toll of something else, a road, the recovery of weapons beside the deaths of people
        ("The toll on the economy rose to 40 percent.", []),
        ("Toll roads reached 12 in the province.", []),
        (
            "The ambush resulted in the deaths of five enemy fighters and the recovery of four rifles.",
            [("casualties", 5, "enemy fighters", "killed")],
        ),
    ],
)
def test_a_death_toll_set_at_a_figure(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the whole of weapons brought down, counted as launched: who brought them down did not launch them
        (
            "Air defences downed 18 of 20 drones launched overnight.",
            [("targets", 18, "Air defences"), ("strikes", 20, None)],
        ),
        (
            "Air defence units shot down 31 of 35 missiles fired at Kyiv.",
            [("targets", 31, "Air defence units"), ("strikes", 35, None)],
        ),
        # guards: a launcher named by its agent, a launch told of its subject
        (
            "Air defences downed 18 of 20 drones launched by Russia overnight.",
            [("targets", 18, "Air defences"), ("strikes", 20, "Russia")],
        ),
        ("Russia launched 40 drones overnight.", [("strikes", 40, "Russia")]),
    ],
)
def test_the_launched_whole_of_weapons_brought_down(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "actor") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # people or vessels taken by force
        ("The rebels kidnapped 12 aid workers near Goma.", [("casualties", 12, "aid workers", "captured")]),
        (
            "Gunmen kidnapped five engineers from a construction site.",
            [("casualties", 5, "engineers", "captured")],
        ),
        (
            "Pirates hijacked two merchant vessels off Somalia.",
            [("targets", 2, "merchant vessels", "captured")],
        ),
        (
            "The operation netted 7 detainees and 2 weapons caches.",
            [("casualties", 7, "detainees", "captured"), ("targets", 2, "weapons caches", "captured")],
        ),
        # guards: a verb of grabbing or gaining in its other senses
        ("The sale netted the company 3 million dollars.", []),
        ("The team snatched 2 late goals to win the match.", []),
    ],
)
def test_people_and_vessels_taken_by_force(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # losses the subject of "be", "include" or a verb of amounting, with what they were as its object
        (
            "Russian losses over the past day were 1,120 troops and 14 tanks.",
            [("casualties", 1120, "troops", "killed"), ("targets", 14, "tanks", "destroyed")],
        ),
        (
            "Russian losses over the past day included 1,120 troops, 14 tanks and 25 artillery systems.",
            [
                ("casualties", 1120, "troops", "killed"),
                ("targets", 14, "tanks", "destroyed"),
                ("targets", 25, "artillery systems", "destroyed"),
            ],
        ),
        (
            "Enemy losses in the past 24 hours totalled 1,120 personnel and 14 tanks.",
            [("casualties", 1120, "personnel", "killed"), ("targets", 14, "tanks", "destroyed")],
        ),
        ("The death toll was 45, the ministry said.", [("casualties", 45, None, "killed")]),
        # guards: a subject that is no loss, losses with no figure
        ("The convoy included 14 tanks and 30 trucks.", []),
        ("Their losses were heavy, the officer said.", []),
    ],
)
def test_losses_said_to_be_what_their_object_counts(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes picked out of a counted whole as the subject of what they did are strikes made
        (
            "Each of the three strikes destroyed a bunker.",
            [("strikes", 3, None, None), ("targets", 1, "bunker", "destroyed")],
        ),
        # guard: weapons picked out of a whole and brought down are targets
        ("Each of the 12 drones was intercepted.", [("targets", 12, "drones", "destroyed")]),
        ("Air defences shot down two of the five missiles.", [("targets", 2, "missiles", "destroyed")]),
    ],
)
def test_strikes_picked_out_of_a_whole_as_a_subject(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a tally of those a claim verb befell, set at a figure
        ("The number of people killed in the attack has risen to 18.", [("casualties", 18, None, "killed")]),
        ("The number of soldiers wounded stood at 40.", [("casualties", 40, None, "wounded")]),
        # guard: a tally of no loss
        ("The number of refugees rose to 4,000.", []),
    ],
)
def test_a_tally_of_the_fallen_set_at_a_figure(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the subject of a verb of saying or thinking in the passive did what its active infinitive says
        ("The explosion is believed to have killed 8 soldiers.", [("casualties", 8, "The explosion")]),
        (
            "Russian forces are said to have destroyed 12 tanks near Bakhmut.",
            [("targets", 12, "Russian forces")],
        ),
        ("The group is thought to have killed 12 villagers.", [("casualties", 12, "The group")]),
        # guards: a passive infinitive says what befell its subject; a clause after "it is believed"
        ("40 soldiers are believed to have been killed.", [("casualties", 40, None)]),
        ("It is believed that the militia killed 8 soldiers.", [("casualties", 8, "the militia")]),
        ("The militia is expected to attack 3 towns.", []),
        ("The army is expected to destroy 3 bridges.", []),
    ],
)
def test_the_subject_raised_over_a_passive_verb_of_saying(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "actor") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an English word two edits from a long claim word is no typo of it ("expected" is no "executed")
        ("The army is expected to destroy 3 bridges.", []),
        ("Officials expected 40 soldiers to arrive.", []),
        # guards: typos one edit from a long claim word are still read as it
        ("Troops destoryed 3 bunkers.", [("targets", 3, "bunkers", "destroyed")]),
        (
            "Four airstikes destroyed 2 tanks.",
            [("strikes", 4, None, None), ("targets", 2, "tanks", "destroyed")],
        ),
    ],
)
def test_an_english_word_two_edits_from_a_claim_word_is_no_typo(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # strikes a force called in were made for it (the small model reads the particle as a preposition)
        (
            "The security force called in an air strike, killing two insurgents.",
            [("strikes", 1, "The security force"), ("casualties", 2, "The security force")],
        ),
        ("The force called in 3 airstrikes on the compound.", [("strikes", 3, "The force")]),
        # guards: others called in, a strike only asked for
        ("The police called in 20 officers from Kabul.", []),
        ("The ministry called in the ambassador over the attack.", []),
        ("Unions called for a general strike on Monday.", []),
    ],
)
def test_strikes_called_in(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "actor") == expected
