"""Classes of wording that were counted wrongly or missed (issue 20): each row a wording of the class."""

import pytest
from claim_rows import scored

from extractor.qualifiers import QualifierRules
from extractor.vocabulary import VocabularyError

STRIKE = ("strikes", 1, None, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        # future and intended events are no claims yet
        ("Taking the bridge will eliminate a key supply route commander.", []),
        ("The navy will launch 30 missiles at the port next week.", []),
        ("Commanders said the brigade shall destroy 10 bunkers before dawn.", []),
        ("The brigade destroyed 10 bunkers and will press on.", [("targets", 10, "bunkers", "destroyed")]),
        # attempted, failed and foiled events did not happen as claimed
        ("The ministry said it answered an attempted drone strike on one of the depots.", []),
        ("Guards stopped a failed raid on the air base.", []),
        ("Police spoke of a foiled attack on two checkpoints.", []),
        ("An air strike on the checkpoint killed 4 guards.", [STRIKE, ("casualties", 4, "guards", "killed")]),
        # a definite ordinal places a thing counted before in a series; an indefinite one adds one more
        ("It was the second U.S. air strike in three months against the group.", []),
        ("This was the third raid on the town since May.", []),
        ("A second air strike hit the market an hour later.", [STRIKE]),
        ("The coalition carried out a third strike on the bridge.", [STRIKE]),
        # doubted and denied events are no claims
        ("Officials doubted that the jets had destroyed 14 bunkers.", []),
        ("The rebels denied that they had captured 40 soldiers.", []),
        # "the strike" after a strike was named, even uncounted, is that strike
        ("Air strikes and mortar fire hit the old city overnight. The bombardment had eased by dawn.", []),
        (
            "Jets kept up air strikes on the valley. The strike killed 6 fighters.",
            [("casualties", 6, "fighters", "killed")],
        ),
        # "the strike" first named after a verb of striking is the strike itself
        (
            "Jets struck a hidden bunker. The strike took place after dark.",
            [("targets", 1, "hidden bunker", "hit"), STRIKE],
        ),
        (
            "Jets bombed the valley on Monday. The strike killed 6 fighters.",
            [STRIKE, ("casualties", 6, "fighters", "killed")],
        ),
        # a text stripped of its commas: the result word of "left N wounded" parsed as a verb of its own
        (
            "The rebels killed 9 soldiers and left two others wounded local media reported.",
            [("casualties", 9, "soldiers", "killed"), ("casualties", 2, "soldiers", "wounded")],
        ),
        ("The rebels left two soldiers wounded near the bridge.", [("casualties", 2, "soldiers", "wounded")]),
        (
            "The shelling left four houses damaged local officials said.",
            [STRIKE, ("targets", 4, "houses", "damaged")],
        ),
        ("The convoy left three trucks behind.", []),
        # a strike noun over "operation" counts strikes; "organize" makes them
        (
            "The brigades organized 11 airstrike operations against the militants.",
            [("strikes", 11, None, None)],
        ),
        ("The battalion carried out 5 raid operations in the valley.", [("strikes", 5, None, None)]),
        ("The army organized 3 press tours for reporters.", []),
        # a unit counted as one when named with whose it is; people who surrender are captured
        (
            "Officials said a platoon from the 74th Brigade had surrendered.",
            [("casualties", 1, "platoon", "captured")],
        ),
        ("A battalion from the northern group was wiped out.", [("targets", 1, "battalion", "destroyed")]),
        ("The company from the capital announced new contracts.", []),
        (
            "Twelve militants surrendered to the army on Friday.",
            [("casualties", 12, "militants", "captured")],
        ),
        ("A militant surrendered to the police at dawn.", [("casualties", 1, "militant", "captured")]),
        ("A soldier died in the attack on the checkpoint.", [("casualties", 1, "soldier", "killed")]),
        # the strike a counted target hangs on is a strike of its own; a strike named with its maker is one
        (
            "Four sailors were killed during a U.S. strike against two boats.",
            [("casualties", 4, "sailors", "killed"), STRIKE, ("targets", 2, "boats", "hit")],
        ),
        ("A drone strike on 3 trucks was reported on Monday.", [STRIKE, ("targets", 3, "trucks", "hit")]),
        ("The fire broke out shortly after another strike by regime forces.", [STRIKE]),
        ("Residents fled after an air strike by government jets on the market.", [STRIKE]),
        ("The report described the strike by coalition jets as a mistake.", []),
        ("The town was quiet after a strike of dock workers.", []),
        # the role a thing had is no thing of its own
        (
            "A school used as a command post was destroyed by the jets.",
            [("targets", 1, "school", "destroyed")],
        ),
        (
            "The jets destroyed a bunker as well as a fuel truck.",
            [("targets", 1, "bunker", "destroyed"), ("targets", 1, "fuel truck", "destroyed")],
        ),
        # ellipsis: a figure with no noun, right before a claim participle
        (
            "Six crew members were killed, with four killed on the first boat and two killed on the other.",
            [
                ("casualties", 6, "crew members", "killed"),
                ("casualties", 4, "crew members", "killed"),
                ("casualties", 2, "crew members", "killed"),
            ],
        ),
        ("The brigade numbered 400 trained in the north.", []),
        # the phrase's article hung on the compound before the noun counts the noun
        (
            "Marines found and destroyed a grenade launcher near the wall.",
            [("targets", 1, "grenade launcher", "destroyed")],
        ),
        # ellipsis: "another" alone is one more of the person just counted, whatever befell them
        (
            "A gunman was killed and another was detained after the patrol was fired upon.",
            [("casualties", 1, "gunman", "killed"), ("casualties", 1, "gunman", "captured")],
        ),
        (
            "One guard died and another was hurt when the mortar round landed.",
            [("casualties", 1, "guard", "killed"), ("casualties", 1, "guard", "wounded")],
        ),
        (
            "The assault team shot one insurgent dead and captured another.",
            [("casualties", 1, "insurgent", "killed"), ("casualties", 1, "insurgent", "captured")],
        ),
        # "in addition to" after the verb adds a count of its own; before it, it names what was told already
        (
            "One of their tanks was destroyed in addition to two armoured vehicles.",
            [("targets", 1, "their tanks", "destroyed"), ("targets", 2, "armoured vehicles", "destroyed")],
        ),
        (
            "The jets destroyed three tanks in addition to a command post.",
            [("targets", 3, "tanks", "destroyed"), ("targets", 1, "command post", "destroyed")],
        ),
        (
            "In addition to the infrastructure, a power plant was damaged.",
            [("targets", 1, "power plant", "damaged")],
        ),
        # harm inflicted or caused, and whom it was done to after "on" or "to"
        (
            "The shelling claimed the lives of 12 farmers and inflicted harm on another 40 villagers.",
            [STRIKE, ("casualties", 12, "farmers", "killed"), ("casualties", 40, "villagers", "wounded")],
        ),
        ("The mortar rounds caused injuries to 9 children.", [("casualties", 9, "children", "wounded")]),
        (
            "Gas shells fell on the suburb causing cases of suffocation to 25 people.",
            [("casualties", 25, "people", "wounded")],
        ),
        ("Heavy damage was inflicted on 4 enemy tanks.", [("targets", 4, "enemy tanks", "damaged")]),
        ("The volunteers sent letters to 30 families.", []),
        # commas stripped: a speaker's name after a bare figure is no counted noun
        (
            "It rained. Rockets killed two people and injured five Idlib Mayor Omar Haddad told reporters.",
            [("casualties", 2, "people", "killed"), ("casualties", 5, "people", "wounded")],
        ),
        (
            "The governor spoke on Friday. Rockets killed two people and hurt five Colonel Omar Haddad said.",
            [("casualties", 2, "people", "killed"), ("casualties", 5, "people", "wounded")],
        ),
        (
            "The governor spoke on Friday. Two officials said the jets destroyed 3 tanks.",
            [("targets", 3, "tanks", "destroyed")],
        ),
        ("The charity did no harm to 30 families.", []),
    ],
)
def test_claims_of_a_wording_class(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "rule",
    [
        {"literal": "attempted", "category": "ATTEMPTED", "scope": "inside", "direction": "forward"},
        {"literal": "ORDINAL", "category": "SERIES", "scope": "counted", "direction": "sideways"},
        {"literal": "ORDINAL", "category": "UNKNOWN", "scope": "counted", "direction": "forward"},
    ],
)
def test_a_malformed_counted_rule_fails_loudly(rule):
    data = {"actions": {"ATTEMPTED": "drop", "SERIES": "drop"}, "definite_words": ["the"], "rules": [rule]}
    with pytest.raises(VocabularyError):
        QualifierRules.from_data(data)


def test_an_entity_label_rule_keeps_its_capitals():
    data = {
        "actions": {"SERIES": "drop"},
        "definite_words": ["the"],
        "rules": [
            {"literal": "ORDINAL", "category": "SERIES", "scope": "counted", "direction": "forward"},
            {"literal": "Attempted", "category": "SERIES", "scope": "counted", "direction": "forward"},
        ],
    }
    assert set(QualifierRules.from_data(data).counting) == {"ORDINAL", "attempted"}


@pytest.mark.parametrize(
    "text, role",
    [
        (
            "Two groups of fighters who came from the south as a reinforcement were destroyed.",
            "reinforcement",
        ),
        ("A school used as a command post was destroyed by the jets.", "command post"),
        ("The jets destroyed a barn that served as a depot for the rebels.", "depot"),
    ],
)
def test_the_role_a_thing_had_is_not_counted(extractor, text, role):
    claims = extractor.extract(text, published="2016-05-02").claims
    assert not [c for c in claims if role in (c.category or "")]


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Artillery fire claimed the lives of 14 villagers.", "Artillery fire"),
        ("The Russian strikes took the lives of 9 fighters near the river.", "The Russian strikes"),
        ("The long war cost the lives of 300 conscripts.", "The long war"),
    ],
)
def test_who_claimed_the_lives_is_the_actor(extractor, text, actor):
    claims = extractor.extract(text, published="2016-05-02").claims
    assert [(c.kind, c.actor) for c in claims if c.kind == "casualties"] == [("casualties", actor)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # what one strike was aimed at is hit; many strikes "on a base" name where they fell
        (
            "A drone strike on a depot killed two guards.",
            [STRIKE, ("targets", 1, "depot", "hit"), ("casualties", 2, "guards", "killed")],
        ),
        (
            "The navy carried out a strike against a smuggling boat.",
            [STRIKE, ("targets", 1, "smuggling boat", "hit")],
        ),
        ("Jets carried out air strikes on an air base in the east.", []),
        ("The strike on a depot killed two guards.", [STRIKE, ("casualties", 2, "guards", "killed")]),
        ("Insurgents launched an attack against a police patrol.", []),
        # a strike a video or photo shows is one strike made; the picture is no actor
        (
            "The navy struck on Monday. Footage of the raid shows a strike on a fuel truck.",
            [STRIKE, ("targets", 1, "fuel truck", "hit")],
        ),
        ("The navy struck on Monday. The photo shows a drone over the harbour.", []),
        # a relative clause that swallows the sentence's passive verb: the sentence's nouns are its subject
        (
            "A Taliban checkpoint and two squads of fighters who came over the ridge as a relief force were"
            " destroyed.",
            [("targets", 1, "Taliban checkpoint", "destroyed"), ("targets", 2, "squads", "destroyed")],
        ),
        (
            "Four mortar teams who crossed the river as a rearguard were wiped out.",
            [("targets", 4, "mortar teams", "destroyed")],
        ),
        # a sentence with no verb of its own: the participle is its verb, its object set after the place
        (
            "Fighting went on. Near the town an infantry company destroyed after a long battle on the eastern"
            " bank a fortified bunker of the militants.",
            [("targets", 1, "fortified bunker", "destroyed")],
        ),
        ("Fighting went on. Near the town an infantry company destroyed after a long battle.", []),
        (
            "Fighting went on. In the north a weapons courier captured by the police.",
            [("casualties", 1, "weapons courier", "captured")],
        ),
        # one named among the people counted in the sentence before shares what happened to them
        (
            "Five people were killed in the shelling. Among them is a volunteer nurse.",
            [("casualties", 5, "people", "killed"), ("casualties", 1, "volunteer nurse", "killed")],
        ),
        (
            "Guards detained four smugglers. Among those was a customs officer.",
            [("casualties", 4, "smugglers", "captured"), ("casualties", 1, "customs officer", "captured")],
        ),
        ("Four families fled the town. Among them is a teacher.", []),
        ("Twelve soldiers were wounded. Among those is a jeep.", [("casualties", 12, "soldiers", "wounded")]),
        # people held at a protest are arrested by the police, not captured in fighting
        ("Police detained more than 900 taking part in rallies against the war.", []),
        ("Riot police arrested 45 protesters outside parliament.", []),
        ("Officers arrested 12 demonstrators at a sit-in near the ministry.", []),
        (
            "Afghan police detained 3 insurgents near the market in March.",
            [("casualties", 3, "insurgents", "captured")],
        ),
        ("Troops killed 14 protesters in the square.", [("casualties", 14, "protesters", "killed")]),
        # a page's title or label run into the text, its common words capitalized, counts nothing
        ("Share this. 41 Related News Drone Attack on Naval Port (12) Comments", []),
        ("Read more. 7 Topic Artillery Strikes Near Kherson Front (3) Tags war", []),
        ("Twelve Soldiers were killed near the border.", [("casualties", 12, "Soldiers", "killed")]),
        ("Five Fighters were captured at the checkpoint.", [("casualties", 5, "Fighters", "captured")]),
    ],
)
def test_one_strike_targets_swallowed_verbs_civil_arrests_and_titles(extractor, text, expected):
    assert scored(extractor, text) == expected
