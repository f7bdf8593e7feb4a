"""Claims in wordings the older rules missed: WordNet words, typos, qualifiers, ages, idioms, strike lines."""

import re

import pytest
from claim_rows import scored

from extractor.components.claims import claim_vocabulary
from extractor.components.spelling import SpellingIndex
from extractor.qualifiers import QualifierRules
from extractor.vocabulary import VocabularyError, derived_verbs, load_data, target_taxonomy


@pytest.mark.parametrize(
    "text, expected",
    [
        # a strike written with "a"/"an" and no number, its verb misread as a reduced relative
        (
            "- Near Tikrit, an airstrike destroyed three ISIL bunkers.",
            [("strikes", 1, None, None), ("targets", 3, "ISIL bunkers", "destroyed")],
        ),
        (
            "- Near Baiji, an airstrike struck an ISIL tactical unit.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL tactical unit", "hit")],
        ),
        (
            "- Near Sinjar, one airstrike destroying an ISIL checkpoint.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL checkpoint", "destroyed")],
        ),
        (
            "- Near Kobani, an airstrike on ISIL fighters was reported as ineffective.",
            [("strikes", 1, None, None)],
        ),
        ("An air strike was carried out on the depot overnight.", [("strikes", 1, None, None)]),
        # a comma between the strike and its verb
        (
            "- Near Kirkuk, one strike, struck an ISIL tactical unit.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL tactical unit", "hit")],
        ),
        # damaged after the count, a line with no final period
        (
            "- Near Tal Afar, two strikes struck an ISIL unit and damaged an ISIL bulldozer",
            [
                ("strikes", 2, None, None),
                ("targets", 1, "ISIL unit", "hit"),
                ("targets", 1, "ISIL bulldozer", "damaged"),
            ],
        ),
        # typos of long claim words
        (
            "- Near Ramadi, four airstikes struck two ISIL units.",
            [("strikes", 4, None, None), ("targets", 2, "ISIL units", "hit")],
        ),
        (
            "- Near Hasakah, two strikes destoryed an ISIL bunker.",
            [("strikes", 2, None, None), ("targets", 1, "ISIL bunker", "destroyed")],
        ),
        # rockets and drones destroyed on the ground are targets, not strikes
        (
            "- Near Mosul, three strikes struck an ISIL unit and destroyed four ISIL rockets.",
            [
                ("strikes", 3, None, None),
                ("targets", 1, "ISIL unit", "hit"),
                ("targets", 4, "ISIL rockets", "destroyed"),
            ],
        ),
        (
            "Air defence units shot down 12 drones over the region.",
            [("targets", 12, "drones", "destroyed")],
        ),
        ("The army launched 40 missiles at the port.", [("strikes", 40, None, None)]),
        # lines naming a target
        (
            "- Near Kisik, two strikes suppressed an ISIL mortar position.",
            [("strikes", 2, None, None), ("targets", 1, "ISIL mortar position", "hit")],
        ),
        (
            "- Near Bashir, one strike struck an ISIL staging area.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL staging area", "hit")],
        ),
        (
            "- Near Qaim, one strike destroyed an ISIL VBIED.",
            [("strikes", 1, None, None), ("targets", 1, "ISIL VBIED", "destroyed")],
        ),
        ("The soldiers secured the area after the fighting.", []),
        # ages: the age is no count, and no part of what is counted
        ("Two 19-year-old soldiers were killed in the ambush.", [("casualties", 2, "soldiers", "killed")]),
        ("A 12-year-old girl was killed by the shelling.", [("casualties", 1, "girl", "killed")]),
        (
            "Three 20-year-old conscripts were wounded at the checkpoint.",
            [("casualties", 3, "conscripts", "wounded")],
        ),
        # idioms and nouns that are the loss they count
        ("The blast claimed the lives of 14 villagers.", [("casualties", 14, "villagers", "killed")]),
        ("The new hospital saved the lives of 14 villagers.", []),
        # the lives counted themselves, inside the same idiom
        ("The ambush took 17 lives.", [("casualties", 17, "lives", "killed")]),
        ("The ambush ended 8 lives.", [("casualties", 8, "lives", "killed")]),
        ("Medics saved 9 lives.", []),
        # what strikes or their means were sent at, the preposition hung on the verb that sent them
        ("Bombers dropped bombs on 6 bridges overnight.", [("targets", 6, "bridges", "hit")]),
        ("The frigate fired missiles at 3 radar sites.", [("targets", 3, "radar sites", "hit")]),
        ("Gunners opened fire on 5 trenches.", [("targets", 5, "trenches", "hit")]),
        ("Drones carried out strikes on 8 bunkers.", [("targets", 8, "bunkers", "hit")]),
        ("The regime reported airstrikes on 4 bakeries.", [("targets", 4, "bakeries", "hit")]),
        ("Customs officers seized rockets at 2 ports.", []),
        ("There were 23 fatalities among the crew.", [("casualties", 23, "fatalities", "killed")]),
        ("The ambush left 9 dead.", [("casualties", 9, None, "killed")]),
        # "take" without "out" claims only with the result it names
        (
            "Forty conscripts were taken prisoner near the river.",
            [("casualties", 40, "conscripts", "captured")],
        ),
        ("Eleven sailors were taken captive.", [("casualties", 11, "sailors", "captured")]),
        # prisoners set free or exchanged are counted, not captured
        ("Rebels freed 12 prisoners.", []),
        ("The two sides swapped 95 prisoners on Friday.", []),
        ("Insurgents took 19 prisoners.", [("casualties", 19, "prisoners", "captured")]),
        # the active form, whose result word the parser may read as the head of the counted noun
        ("Insurgents took 14 policemen prisoner.", [("casualties", 14, "policemen", "captured")]),
        ("The crossing took 3 hours.", []),
        # a calibre or a weight names the kind of thing counted, and counts nothing itself
        ("Gunners destroyed two 152mm howitzers.", [("targets", 2, "152mm howitzers", "destroyed")]),
        ("Paratroopers destroyed a 120-mm mortar.", [("targets", 1, "120-mm mortar", "destroyed")]),
        ("The gunmen shot dead two policemen.", [("casualties", 2, "policemen", "killed")]),
        # a counted source is no target
        (
            "One official said the raid destroyed a bridge.",
            [("strikes", 1, None, None), ("targets", 1, "bridge", "destroyed")],
        ),
        ("Two officers told reporters that the convoy was hit.", []),
        # denied and hypothetical events are no claims; alleged ones are kept
        ("The ministry denied that its jets had killed 30 civilians.", []),
        ("Officials rejected reports that the strike destroyed 5 hospitals.", []),
        ("The general said the new guns would destroy 50 tanks a day.", []),
        ("The group threatened to kill 20 hostages.", []),
        ("If the convoy had moved, the drones could have destroyed 12 trucks.", []),
        ("Rebels allegedly killed 7 soldiers near the border.", [("casualties", 7, "soldiers", "killed")]),
        ("The army reportedly destroyed 6 tanks.", [("targets", 6, "tanks", "destroyed")]),
        # the nominalization of a verb that destroys what strikes are made with
        (
            "The interception of 6 cruise missiles was confirmed.",
            [("targets", 6, "cruise missiles", "destroyed")],
        ),
        (
            "The downing of 2 attack helicopters was confirmed.",
            [("targets", 2, "attack helicopters", "destroyed")],
        ),
        # a part counted "of which": the noun the relative clause is on
        (
            "Overnight, the militia attacked the port with 30 drones, 22 of which were shot down.",
            [("strikes", 30, None, None), ("targets", 22, "drones", "destroyed")],
        ),
        (
            "Rebels launched 15 missiles, 11 of which were intercepted.",
            [("strikes", 15, None, None), ("targets", 11, "missiles", "destroyed")],
        ),
        # what befell the part is not what befell the whole
        (
            "The coalition struck 20 bridges, 12 of which were destroyed.",
            [("targets", 20, "bridges", "hit"), ("targets", 12, "bridges", "destroyed")],
        ),
        # a counted noun the parser hung loosely on its verb
        ("Marines sank 4 boats.", [("targets", 4, "boats", "destroyed")]),
        # a claim verb WordNet gives no claim sense
        ("Soldiers torched 9 huts near the market.", [("targets", 9, "huts", "destroyed")]),
        # WordNet's claim verbs
        ("Militants massacred 40 villagers in the night.", [("casualties", 40, "villagers", "killed")]),
        ("The insurgents assassinated two judges.", [("casualties", 2, "judges", "killed")]),
        ("The group beheaded three hostages.", [("casualties", 3, "hostages", "killed")]),
        ("Troops razed 11 houses used by the insurgents.", [("targets", 11, "houses", "destroyed")]),
        ("Bombers demolished four warehouses.", [("targets", 4, "warehouses", "destroyed")]),
        ("Fighter jets strafed 8 trucks on the highway.", [("targets", 8, "trucks", "hit")]),
        ("A submarine torpedoed two cargo ships.", [("targets", 2, "cargo ships", "hit")]),
        ("Gunmen abducted 12 aid workers.", [("casualties", 12, "aid workers", "captured")]),
        ("The patrol apprehended five smugglers.", [("casualties", 5, "smugglers", "captured")]),
        ("Shelling injured 17 residents.", [("casualties", 17, "residents", "wounded")]),
        # WordNet's people: counted with a verb that takes things too
        ("Artillery fire eliminated 9 guerrillas.", [("casualties", 9, "guerrillas", "killed")]),
        ("Snipers neutralized 4 paratroopers.", [("casualties", 4, "paratroopers", "killed")]),
        ("Drones destroyed 6 riflemen in the trench.", [("casualties", 6, "riflemen", "killed")]),
        # people WordNet's classes leave out, counted with a verb that takes things too
        ("Jets neutralised 30 bandits near the forest.", [("casualties", 30, "bandits", "killed")]),
        ("Commandos eliminated 7 saboteurs.", [("casualties", 7, "saboteurs", "killed")]),
        # strike nouns
        ("The air force carried out 14 raids on the valley.", [("strikes", 14, None, None)]),
        ("The army conducted 3 counterattacks near the river.", [("strikes", 3, None, None)]),
        ("Bombers flew 25 missions over the weekend.", [("sorties", 25, None, None)]),
        # a whole named by its own claim participle before the part: both are claims, the part what it was
        (
            "Of the 30 villagers killed, 12 were children.",
            [("casualties", 30, "villagers", "killed"), ("casualties", 12, "children", "killed")],
        ),
        (
            "Of the 22 wounded, 9 were policemen.",
            [("casualties", 22, None, "wounded"), ("casualties", 9, "policemen", "wounded")],
        ),
        # one of the dead named with a copula; an aircraft that hits is a strike
        (
            "Among the killed militants was a field commander.",
            [("casualties", 1, "field commander", "killed")],
        ),
        ("Among the destroyed vehicles was a tank.", [("targets", 1, "tank", "destroyed")]),
        ("Later, a Syrian MiG-23 jet hit the same village.", [("strikes", 1, None, None)]),
        ("Another strike was announced later that day.", [("strikes", 1, None, None)]),
        # a weapon named inside a compound is no strike and no count of its own
        (
            "- Near Hit, one strike destroyed an ISIL rocket propelled grenade system.",
            # the whole phrase is the one thing destroyed, though the parse reads "rocket propelled" as a verb
            [("strikes", 1, None, None), ("targets", 1, "ISIL rocket propelled grenade system", "destroyed")],
        ),
        ("- Near Deir, an airstrike struck ISIL oil pumping equipment.", [("strikes", 1, None, None)]),
        ("- Near Bashiqa, one strike denied ISIL access to terrain.", [("strikes", 1, None, None)]),
        (
            "A rocket hit a fuel depot near the town.",
            [("strikes", 1, None, None), ("targets", 1, "fuel depot", "hit")],
        ),
        # page furniture: share and comment counts run together, an article between a figure and a noun
        (
            "Share (120) 0 45 A missile strike on the airport killed three guards.",
            [("strikes", 1, None, None), ("casualties", 3, "guards", "killed")],
        ),
        # a holder joined by a hyphen to the participle before the counted noun says whose it is, not what
        (
            "Fighter jets destroyed two Daesh-held warehouses outside Hawija.",
            [("targets", 2, "Daesh-held warehouses", "destroyed")],
        ),
        (
            "Gunships destroyed 6 Shabaab-used boats off Kismayo.",
            [("targets", 6, "Shabaab-used boats", "destroyed")],
        ),
        # weapons handed over, bought or made are no strikes carried out; launched or fired they are
        ("Belarus has supplied 250 drones to the army since spring.", []),
        ("The ministry bought 120 missiles from a Turkish firm.", []),
        ("Around 60 rockets were handed over to the brigade and 40 were sold abroad.", []),
        ("The plant manufactures 30 drones a week for the air force.", []),
        ("The rebels launched 25 drones at the airbase.", [("strikes", 25, None, None)]),
        # weapons sent to a country are handed over; sent at a place or towards one they are strikes
        ("Pyongyang has sent 150 missiles to Russia since the autumn.", []),
        ("Officials said Tehran dispatched 40 drones to Sudan in May.", []),
        ("The militia sent 12 drones towards Israel on Friday.", [("strikes", 12, None, None)]),
        # a count joined by "and" to a later passive clause the parser misread: the first verb's object, and
        # the subject of the verb after ("no X" counts none of the first)
        (
            "The initial assessment is that the strike killed two al-Shabaab terrorists and no civilians"
            " were injured.",
            [("strikes", 1, None, None), ("casualties", 2, "al-Shabaab terrorists", "killed")],
        ),
        (
            "Officials said the strike killed three al-Qaeda terrorists and no civilians were injured.",
            [("strikes", 1, None, None), ("casualties", 3, "al-Qaeda terrorists", "killed")],
        ),
        (
            "The raid killed 7 insurgents and two policemen were wounded.",
            [
                ("strikes", 1, None, None),
                ("casualties", 7, "insurgents", "killed"),
                ("casualties", 2, "policemen", "wounded"),
            ],
        ),
        (
            "The attack killed 11 soldiers and four civilians were injured.",
            [("casualties", 11, "soldiers", "killed"), ("casualties", 4, "civilians", "wounded")],
        ),
        # a source set after the claim, which the parser hangs beside the counted noun, is no one counted
        (
            "Raiders burned the market and killed 12 traders, a community leader in Zalingei said.",
            [("casualties", 12, "traders", "killed")],
        ),
        (
            "Militia fighters shot dead 4 herders, a local chief told reporters.",
            [("casualties", 4, "herders", "killed")],
        ),
        # a participle after "have" that the tagger read as a modifier of the counted noun
        ("Rebels had overrun 6 army outposts by dawn.", [("targets", 6, "army outposts", "captured")]),
        ("The insurgents have overrun 4 checkpoints.", [("targets", 4, "checkpoints", "captured")]),
        # what the counted ones belong to, with a figure of its own, is no loss
        (
            "Shelling hit a home in Jabalia, killing six members of one family.",
            [("targets", 1, "home", "hit"), ("casualties", 6, "members", "killed")],
        ),
        (
            "Troops killed 9 commanders of two rebel brigades.",
            [("casualties", 9, "commanders", "killed")],
        ),
        # the agent nouns of a network's roles count people, also where the verb takes things too
        (
            "The raid led to the capture of a weapons dealer and two recruiters.",
            [
                ("strikes", 1, None, None),
                ("casualties", 1, "weapons dealer", "captured"),
                ("casualties", 2, "recruiters", "captured"),
            ],
        ),
        ("Troops seized 3 IED makers near the market.", [("casualties", 3, "IED makers", "captured")]),
        # a counted phrase the parser joined to the claim verb, not to its object: a second object of it
        (
            "The drone strike killed a senior Hamas operative and two of his aides.",
            [
                ("strikes", 1, None, None),
                ("casualties", 1, "senior Hamas operative", "killed"),
                ("casualties", 2, "his aides", "killed"),
            ],
        ),
        # an action noun of sinking or seizing over what it was done to
        (
            "Officials confirmed the sinking of two patrol boats.",
            [("targets", 2, "patrol boats", "destroyed")],
        ),
        (
            "The brigade reported the seizure of 40 rifles at the checkpoint.",
            [("targets", 40, "rifles", "captured")],
        ),
        # numbers that are no military activity
        ("Some 3,000 people crossed the border on Sunday.", []),
        ("The ministry's budget grew by 40 million dollars.", []),
    ],
)
def test_claims_in_new_wordings(extractor, text, expected):
    assert scored(extractor, text) == expected


@pytest.mark.parametrize(
    "typo, word",
    [
        ("airstike", "airstrike"),
        ("airstrke", "airstrike"),
        ("airsrtike", "airstrike"),
        ("aiirstrike", "airstrike"),
        ("destory", "destroy"),
        ("destroyd", "destroy"),
        ("eliminte", "eliminate"),
        ("annihlate", "annihilate"),
        ("bombardmnet", "bombardment"),
        ("demolsh", "demolish"),
        ("surrnder", "surrender"),
    ],
)
def test_a_typo_of_a_long_claim_word_is_read_as_it(typo, word):
    assert SpellingIndex.from_data().correct(typo) == word


@pytest.mark.parametrize(
    ("sentence", "typo", "word"),
    [
        # a short claim word is read from a typo exactly one edit from it, ending and all
        ("Air stikes hit the market on Monday.", "stikes", "strike"),
        ("Jets carried out two strkes on the depot.", "strkes", "strike"),
        ("Rebels atacked the checkpoint at night.", "atacked", "attack"),
        ("Soldiers detaind two suspects in the village.", "detaind", "detain"),
    ],
)
def test_a_typo_of_a_short_claim_word_is_read_as_it(nlp, sentence, typo, word):
    assert {t.text: t.lemma_ for t in nlp(sentence)}[typo] == word


@pytest.mark.parametrize(
    ("sentence", "word", "not_read_as"),
    [
        # English words one edit from a short claim word, and their regular forms, are no typos
        ("Explosions rocked the town overnight.", "rocked", "rocket"),
        ("Heavy fights broke out near the airport.", "fights", "flight"),
        ("The minister retained the post.", "retained", "detain"),
        ("He strides across the yard.", "strides", "strike"),
    ],
)
def test_an_english_word_near_a_short_claim_word_is_no_typo(nlp, sentence, word, not_read_as):
    assert {t.text: t.lemma_ for t in nlp(sentence)}[word] != not_read_as


@pytest.mark.parametrize(
    "word",
    [
        "rapture",
        "laughter",
        "missing",
        "emission",
        "selling",
        "conduit",
        "strike",
        "truck",
        "mission",
        "destroy",
    ],
)
def test_an_english_word_or_a_short_one_is_no_typo(word):
    assert SpellingIndex.from_data().correct(word) is None


@pytest.mark.parametrize(
    "word, label",
    [
        ("panzer", "tank"),
        ("howitzer", "artillery"),
        ("bazooka", "rocket_launcher"),
        ("ack-ack gun", "air_defense"),
        ("warplane", "aircraft"),
        ("chopper", "helicopter"),
        ("pilotless aircraft", "uav"),
        ("guided missile", "missile"),
        ("pickup truck", "vehicle"),
        ("gunboat", "ship"),
        ("foxhole", "fighting_position"),
        ("redoubt", "fighting_position"),
        ("barrack", "base"),
        ("oil refinery", "infrastructure"),
        ("paratrooper", "personnel"),
        ("militiaman", "personnel"),
        ("ringleader", "leader"),
        ("toddler", "civilian"),
        ("governor", "official"),
        ("vbied", "explosive_device"),
        ("staging area", "staging_area"),
        ("command post", "command_post"),
    ],
)
def test_the_taxonomy_knows_wordnet_words(word, label):
    assert target_taxonomy().label_for(word.split()) == label


@pytest.mark.parametrize(
    "lemma, thing, person",
    [
        ("massacre", None, "killed"),
        ("assassinate", None, "killed"),
        ("behead", None, "killed"),
        ("obliterate", "destroyed", "killed"),
        ("decimate", "destroyed", "killed"),
        ("strafe", "hit", None),
        ("torpedo", "hit", None),
        ("suppress", "hit", None),
        ("abduct", None, "captured"),
        ("injure", None, "wounded"),
    ],
)
def test_claim_verbs_come_from_wordnet(lemma, thing, person):
    assert derived_verbs()[lemma] == (thing, person)
    sense = claim_vocabulary().verbs[lemma]
    assert (sense.thing, sense.person) == (thing, person)


@pytest.mark.parametrize(
    "word, person",
    [
        ("guerrilla", True),
        ("reservist", True),
        ("villager", True),
        ("cleric", True),
        ("tank", False),
        ("bunker", False),
    ],
)
def test_person_nouns_come_from_wordnet(word, person):
    assert (word in claim_vocabulary().person_nouns) is person


@pytest.mark.parametrize(
    "data",
    [
        {"rules": []},
        {"actions": {"DENIED": "drop"}},
        {"actions": {"DENIED": "erase"}, "rules": []},
        {
            "actions": {"DENIED": "drop"},
            "rules": [{"literal": "deny", "category": "DENIED", "scope": "near", "direction": "forward"}],
        },
        {
            "actions": {"DENIED": "drop"},
            "rules": [{"literal": "deny", "category": "DOUBT", "scope": "governs", "direction": "forward"}],
        },
        {
            "actions": {"DENIED": "drop"},
            "rules": [{"literal": "deny", "category": "DENIED", "scope": "governs", "direction": "up"}],
        },
    ],
)
def test_malformed_qualifier_rules_fail_loudly(data):
    with pytest.raises(VocabularyError):
        QualifierRules.from_data(data)


@pytest.mark.parametrize("section", ["categories", "verbs", "other_verbs"])
def test_every_derived_word_names_the_synset_it_came_from(section):
    synset = re.compile(r"^[\w'.-]+\.[nv]\.\d\d$")
    classes = load_data("wordnet_terms")[section]
    assert classes
    for entry in classes.values():
        assert entry["words"]
        assert all(synset.match(source) for source in entry["words"].values())


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bomber with a model number is an aircraft, not a person; a suicide bomber stays a person
        ("Two Tu-95 bombers were shot down over the sea.", [("targets", 2, "Tu-95 bombers", "destroyed")]),
        ("Police arrested 3 bombers in the market.", [("casualties", 3, "bombers", "captured")]),
    ],
)
def test_an_aircraft_that_is_also_a_person_noun(extractor, text, expected):
    assert scored(extractor, text) == expected
