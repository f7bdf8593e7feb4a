"""The claim finder on short briefing-style sentences: one row, one expected reading."""

import datetime as dt

import pytest

CLAIM_FIELDS = ("kind", "value", "category", "effect")


def claims_of(extractor, text, published="2016-03-09"):
    return extractor.extract(text, published=published).claims


def scored(claims):
    return [(c.kind, c.value, c.category, c.effect) for c in claims if c.value is not None]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Since Monday, the jets have flown 212 sorties and destroyed 31 bunkers, 8 fuel depots and 5 "
            "bridges, the ministry said.",
            [
                ("sorties", 212, None, None),
                ("targets", 31, "bunkers", "destroyed"),
                ("targets", 8, "fuel depots", "destroyed"),
                ("targets", 5, "bridges", "destroyed"),
            ],
        ),
        (
            "Navy helicopters sank three patrol boats and damaged two cargo vessels.",
            [("targets", 3, "patrol boats", "destroyed"), ("targets", 2, "cargo vessels", "damaged")],
        ),
        (
            "Government troops killed 14 rebels and wounded 20 others in the clashes.",
            [("casualties", 14, "rebels", "killed"), ("casualties", 20, "rebels", "wounded")],
        ),
        (
            "Eleven gunmen were detained by the border police.",
            [("casualties", 11, "gunmen", "captured")],
        ),
        (
            "The unit carried out 17 airstrikes against the group.",
            [("strikes", 17, None, None)],
        ),
        (
            "Artillery fire destroyed an ammunition depot.",
            [("targets", 1, "ammunition depot", "destroyed")],
        ),
        (
            "A radar station and a supply bridge were destroyed by the drones.",
            [("targets", 1, "radar station", "destroyed"), ("targets", 1, "supply bridge", "destroyed")],
        ),
        (
            "The statement reported the destruction of 12 tanks.",
            [("targets", 12, "tanks", "destroyed")],
        ),
        (
            # the model parses "Movement" as the object and the leader under "of"
            "Coalition forces arrested a senior Islamic Movement of Uzbekistan leader in Kunduz province.",
            [("casualties", 1, "senior Islamic Movement of Uzbekistan leader", "captured")],
        ),
        (
            "Around 300 refugees cross the border each day.",
            [],
        ),
        (
            "The budget grew to 400 million dollars in 2015.",
            [],
        ),
        (
            "The brigade did not destroy 40 vehicles, the spokesman said.",
            [],
        ),
    ],
)
def test_claims_in_sentences(extractor, text, expected):
    assert scored(claims_of(extractor, text)) == expected


def test_list_claims_share_actor_and_verb(extractor):
    text = (
        "Russian bombers destroyed 46 command posts, 6 workshops and 22 warehouses and fuel depots, "
        "along with 272 militant positions near Palmyra."
    )
    claims = claims_of(extractor, text)
    assert [c.value for c in claims] == [46, 6, 22, 272]
    assert {c.actor for c in claims} == {"Russian bombers"}
    assert claims[2].category == "warehouses and fuel depots"
    assert claims[3].category == "militant positions"
    assert [c.category_label for c in claims] == [
        "command_post",
        "manufacturing_facility",
        "fuel_depot",
        "fighting_position",
    ]
    assert claims[0].location == "Palmyra"


def test_pronoun_actor_refers_back(extractor):
    text = (
        "Coalition aircraft struck the city overnight. Later they destroyed 9 armoured vehicles near Mosul."
    )
    claims = claims_of(extractor, text)
    assert [(c.value, c.actor, c.location) for c in claims] == [(9, "Coalition aircraft", "Mosul")]


def test_pronoun_actor_is_who_says_or_believes_it(extractor):
    text = "Earlier, jets bombed a bridge. Turkey believes it killed 12 militants near Afrin on Monday."
    claims = claims_of(extractor, text)
    # "they" would take the jets of the sentence before; "it" here is the one who believes it
    assert [(c.value, c.actor) for c in claims if c.kind == "casualties"] == [(12, "Turkey")]


def test_passive_agent_is_the_actor(extractor):
    claims = claims_of(
        extractor, "Four mortar positions were destroyed by Turkish artillery in northern Aleppo."
    )
    assert [(c.value, c.actor, c.effect) for c in claims] == [(4, "Turkish artillery", "destroyed")]
    assert "Aleppo" in claims[0].location


def test_vague_and_bare_plural_casualties(extractor):
    claims = claims_of(
        extractor, "The patrol killed several insurgents and detained suspects in Andar district."
    )
    assert [(c.kind, c.value, c.quantifier, c.effect) for c in claims] == [
        ("casualties", None, "several", "killed"),
        ("casualties", None, "plural", "captured"),
    ]


def test_repeated_sentence_gives_its_claims_once(extractor):
    sentence = "Jets destroyed 15 trucks near Idlib."
    claims = claims_of(extractor, f"{sentence}\n\nTeaser Headline Here\n{sentence}\n")
    assert [c.value for c in claims] == [15]


def test_sentence_repeated_without_its_full_stop_gives_its_claims_once(extractor):
    sentence = "Armenia said two helicopters were shot down and three tanks were hit by artillery"
    claims = claims_of(extractor, f"{sentence}.\n\nThe ministry gave no details.\n\n{sentence}\n")
    assert [c.value for c in claims] == [2, 3]


def test_headline_and_caption_are_furniture(extractor):
    text = (
        "Warplanes Destroy 50 Tanks in Three Days\n"
        "\u00a9 Photo agency / Jets over the desert destroyed 3 camps\n"
        "The air force destroyed 7 tanks on Tuesday, the ministry said.\n"
    )
    assert [c.value for c in claims_of(extractor, text)] == [7]


def test_teaser_headline_run_into_a_sentence_is_furniture(extractor):
    text = (
        "The jets hit 14 depots, the spokesman said. Reuters Photo Over 30 Rebels Killed in Army Raids "
        "Near Idlib The army also destroyed 6 tanks near Hama."
    )
    assert [c.value for c in claims_of(extractor, text)] == [14, 6]


def test_loss_list_lines(extractor):
    text = (
        "The total combat losses of the enemy from 24.02 to 12.04 were approximately:\n"
        "personnel \u2012 about 19600 persons,\n"
        "tanks \u2012 732 (+4) units,\n"
        "APV \u2013 1946 (+12),\n"
        "helicopters \u2014 140.\n"
    )
    claims = claims_of(extractor, text, published="2022-04-12")
    rows = [(c.kind, c.value, c.category, c.effect, c.delta, c.approximate, c.cumulative) for c in claims]
    assert rows == [
        ("casualties", 19600, "personnel", "killed", None, True, True),
        ("targets", 732, "tanks", "destroyed", 4, True, True),
        ("targets", 1946, "APV", "destroyed", 12, True, True),
        ("targets", 140, "helicopters", "destroyed", None, True, True),
    ]
    assert [c.category_label for c in claims] == ["personnel", "tank", "armored_vehicle", "helicopter"]


def test_a_list_heading_covers_a_first_line_with_no_space_after_its_dash(extractor):
    text = (
        "The total combat losses of the enemy from 24.02 to 03.07 were approximately:\n"
        "personnel \u2012about 36000 (+200) persons were liquidated,\n"
        "tanks \u2012 1590 (+5),\n"
        "aircraft \u2013 217 (+0),\n"
    )
    claims = claims_of(extractor, text, published="2022-07-03")
    assert [(c.value, c.category, c.delta, c.approximate) for c in claims] == [
        (36000, "personnel", 200, True),
        (1590, "tanks", 5, True),
        (217, "aircraft", 0, True),
    ]


def test_a_count_beside_a_nationality_is_read_through_it_and_has_no_actor(extractor):
    text = "The governor said a Yemeni and three children were among the dead after the raid on the market."
    claims = [c for c in claims_of(extractor, text) if c.value is not None]
    assert [(c.value, c.category, c.effect, c.actor) for c in claims] == [(3, "children", "killed", None)]


def test_evidence_offsets_point_into_the_text(extractor):
    text = "Coalition\u00a0warplanes destroyed 12\u00a0tanks near Raqqa."
    record = extractor.extract(text, published="2016-03-09")
    claim = record.claims[0]
    assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
    assert "12\u00a0tanks" in claim.evidence.text


def test_claim_ids_are_stable(extractor):
    text = "Jets destroyed 15 trucks near Idlib and 4 tanks near Hama."
    first = [c.claim_id for c in claims_of(extractor, text)]
    second = [c.claim_id for c in claims_of(extractor, text)]
    assert first == second and len(set(first)) == 2


def test_unpunctuated_list_shares_the_verb(extractor):
    text = "He said four bunkers six trucks and two depots were also destroyed."
    assert scored(claims_of(extractor, text)) == [
        ("targets", 4, "bunkers", "destroyed"),
        ("targets", 6, "trucks", "destroyed"),
        ("targets", 2, "depots", "destroyed"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The raid force went to arrest a Taliban commander in the village.",
        "Someone is deliberately destroying the bridges in the region.",
        "Russian Jets Destroy 40 Tanks Near Kharkiv\nThe ministry gave no figures on Monday.",
    ],
)
def test_no_claim_is_made_of_intentions_or_headlines(extractor, text):
    assert scored(claims_of(extractor, text)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Several insurgents opened fire on the patrol and were killed.",
            [("casualties", None, "several", "killed")],
        ),
        ("Two men were taken into custody by Afghan police.", [("casualties", 2, None, "captured")]),
        (
            "The force engaged the gunmen, killing several of them.",
            [("casualties", None, "several", "killed")],
        ),
        (
            "The blast left at least one person dead and 27 injured.",
            [("casualties", 1, None, "killed"), ("casualties", 27, None, "wounded")],
        ),
        # a verb of hitting joined by "and" to its result is one act with the result's effect
        ("Navy helicopters engaged and sank three fast boats.", [("targets", 3, None, "destroyed")]),
        ("The gunship struck and disabled 2 trucks.", [("targets", 2, None, "damaged")]),
        # "or" still leaves no one effect
        ("The jets hit or destroyed 6 depots.", [("targets", 6, None, None)]),
    ],
)
def test_effects_stated_around_the_verb(extractor, text, expected):
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value, c.quantifier, c.effect) for c in claims] == expected


def test_a_definite_restatement_is_not_counted_again(extractor):
    text = (
        "The patrol detained two suspected insurgents in Nadir Shah Kot district. "
        "After questioning at the scene, the force detained the two individuals."
    )
    claims = claims_of(extractor, text)
    # kept as a claim of its own, naming the claim it restates, so that a sum leaves it out
    assert [(c.value, c.category, c.restates) for c in claims] == [
        (2, "suspected insurgents", None),
        (2, "individuals", claims[0].claim_id),
    ]


def test_one_article_makes_a_whole_coordination_a_restatement(extractor):
    text = (
        "The force captured three Taliban facilitators and detained several suspected insurgents in Khost. "
        "The facilitators and suspected insurgents were detained after questioning at the scene."
    )
    assert [(c.value, c.quantifier, c.category) for c in claims_of(extractor, text)] == [
        (3, None, "Taliban facilitators"),
        (None, "several", "suspected insurgents"),
    ]


def test_an_indefinite_article_over_singular_nouns_counts_each(extractor):
    text = "The ombudsman said a woman and child had been killed in the shelling of the town."
    assert [(c.value, c.category, c.effect) for c in claims_of(extractor, text)] == [
        (1, "woman", "killed"),
        (1, "child", "killed"),
    ]


def test_an_indefinite_article_does_not_cover_a_plural_beside_it(extractor):
    text = "A security force detained a Taliban facilitator and other militants in Nangarhar province."
    assert [(c.value, c.quantifier, c.category) for c in claims_of(extractor, text)] == [
        (1, None, "Taliban facilitator"),
        (None, "plural", "other militants"),
    ]


@pytest.mark.parametrize(
    "text, actor",
    [
        (
            "Twelve militants were killed during an operation by Turkish forces near Jarabulus.",
            "Turkish forces",
        ),
        (
            "More than 40 fighters were killed in a series of Russian air strikes.",
            "series of Russian air strikes",
        ),
        ("The sorties destroyed 14 depots, the ministry said.", None),
    ],
)
def test_actor_of_a_passive_or_a_means(extractor, text, actor):
    assert [c.actor for c in claims_of(extractor, text)] == [actor]


def test_which_stands_for_the_strike(extractor):
    text = (
        "Officials confirmed the results of an earlier strike near Albu Kamal which destroyed a command post."
    )
    claims = claims_of(extractor, text)
    assert [(c.value, c.category, c.actor) for c in claims] == [(1, "command post", "earlier strike")]


def test_since_phrase_opens_a_period(extractor):
    text = "Since the start of the operation on September 30 the air force has destroyed 2,000 oil tankers."
    claims = claims_of(extractor, text, published="2016-02-01")
    assert [(c.value, c.date, str(c.period_start), str(c.period_end)) for c in claims] == [
        (2000, None, "2015-09-30", "2016-02-01")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A gunman fired on the patrol from a rooftop near Musa Qala. He was engaged and killed.",
            [("casualties", 1, None, "gunman", "killed")],
        ),
        (
            "During the raid Abdul Karim opened fire on the soldiers, who returned fire, killing him.",
            [("casualties", 1, None, "Abdul Karim", "killed")],
        ),
        # the pronoun names a person already counted: no second claim
        (
            "The patrol captured a Taliban commander near Gereshk. He was detained without a shot fired.",
            [("casualties", 1, None, "Taliban commander", "captured")],
        ),
        (
            "Officials confirmed the death of Haqqani commander Mawlawi Sadiq in a raid on Tuesday.",
            [("casualties", 1, None, "Haqqani commander", "killed")],
        ),
        (
            "The force killed two heavily armed fighters and detained several heavily armed men.",
            [
                ("casualties", 2, None, "heavily armed fighters", "killed"),
                ("casualties", None, "several", "heavily armed men", "captured"),
            ],
        ),
        (
            "The operation led to the death of one district commander and the detainment of several others.",
            [
                ("casualties", 1, None, "district commander", "killed"),
                # "several others" are more of what was named before it
                ("casualties", None, "several", "district commander", "captured"),
            ],
        ),
        # a part of a group: the part is the claim, the group is not counted again
        (
            "Near Kandahar, soldiers arrested a Haqqani weapons supplier.",
            [("casualties", 1, None, "Haqqani weapons supplier", "captured")],
        ),
        (
            "They also detained another Taliban commander.",
            [("casualties", 1, None, "Taliban commander", "captured")],
        ),
        (
            "The blast killed dozens of tourists.",
            [("casualties", None, "dozens", "tourists", "killed")],
        ),
        # an unlabelled name hit by a verb that also takes places is no person
        ("Rockets hit Martuni and Askeran overnight.", []),
        (
            "Police detained three of the seven suspects.",
            [("casualties", 3, None, "suspects", "captured")],
        ),
        # one member beside the group: the group is the claim
        (
            "Sadiq is one of more than 40 rebel fighters killed since March.",
            [("casualties", 40, None, "rebel fighters", "killed")],
        ),
        (
            "Several gunmen attacked the post. The gunmen, one of them a local commander, were all killed.",
            [("casualties", None, "several", "gunmen", "killed")],
        ),
    ],
)
def test_people_named_without_a_figure(extractor, text, expected):
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value, c.quantifier, c.category, c.effect) for c in claims] == expected


@pytest.mark.parametrize(
    "text, location",
    [
        # a place without a name: a site, or an area word after "near" or with a nationality
        ("The army killed some 40 fighters near the Iraqi border.", "Iraqi border"),
        (
            "Four soldiers were killed in air strikes on an air base in the south of the country.",
            "air base in the south of the country",
        ),
        # the part of a place first, then the larger place the sentence names
        (
            "Jets destroyed six depots in Syria on the western bank of the Tigris.",
            "western bank of the Tigris, Syria",
        ),
        (
            "In Helmand last night, a patrol searched a compound in the Nad Ali district. "
            "The patrol detained two suspected insurgents.",
            "Nad Ali district, Helmand",
        ),
        # named as a province, the larger place keeps its phrase, once
        (
            "Troops detained the deputy leader for Takhar province in Farkhar district on Monday.",
            "Farkhar district, Takhar province",
        ),
        (
            "A patrol detained the shadow governor for Helmand province in Nawa district.",
            "Nawa district, Helmand province",
        ),
        # a place inside a clause about something else is not where the claim happened
        (
            "Police detained three men who planned attacks on the district center during a raid in Logar "
            "province.",
            "Logar province",
        ),
        # a chain of larger places, and transliterated names with their marks
        (
            "Commandos killed four insurgents in Kalan Dara village, Qal\u2019a-ye Now district, "
            "Baghlan province.",
            "Kalan Dara village, Qal\u2019a-ye Now district, Baghlan province",
        ),
        (
            "A Taliban leader in Pul-e \u2018Alam district, Logar province, was arrested by the force.",
            "Pul-e \u2018Alam district, Logar province",
        ),
    ],
)
def test_the_most_specific_place(extractor, text, location):
    claims = [c for c in claims_of(extractor, text) if c.kind != "strikes"]
    assert [c.location for c in claims] == [location] * len(claims) and claims


def test_an_ordinal_member_of_a_counted_group_is_not_counted_again(extractor):
    text = (
        "Troops detained two Taliban facilitators near Kandahar. The second Taliban facilitator was detained "
        "after questioning at the scene."
    )
    claims = claims_of(extractor, text)
    assert [(c.value, c.category) for c in claims] == [(2, "Taliban facilitators")]


def test_a_reported_passive_the_parse_hung_on_the_verb_of_saying(nlp):
    """The misparse of "X announced a leader ... was killed", built by hand: "leader" as the object of
    "announced", and "was killed" joined to "announced" with no subject of its own."""
    from spacy.tokens import Doc

    from extractor.components.claims import claim_vocabulary, governing_verb

    words = ["Command", "announced", "a", "leader", ",", "was", "killed", "."]
    heads = [1, 1, 3, 1, 1, 6, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "auxpass", "conj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", ",", "VBD", "VBN", "."]
    lemmas = ["command", "announce", "a", "leader", ",", "be", "kill", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
    verb, relation = governing_verb(doc[3], claim_vocabulary())
    assert (verb.text, relation) == ("killed", "passive")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "It follows operations against the group's leaders and a senior commander captured by Kurdish "
            "forces in May.",
            [("casualties", 1, "senior commander", "captured")],
        ),
        # the militants killed were counted before: no new claim
        (
            "Troops killed 40 militants near Deir ez-Zor. Most of the militants killed in the offensive were "
            "foreigners.",
            [("casualties", 40, "militants", "killed")],
        ),
        # a headline at the top of a page, "X says N killed", is furniture
        (
            "Ministry says 62 soldiers killed in strikes\nMore than 60 soldiers were killed on Saturday.",
            [("casualties", 60, "soldiers", "killed")],
        ),
    ],
)
def test_reduced_passive_relatives(extractor, text, expected):
    assert scored(claims_of(extractor, text)) == expected


def test_where_a_speaker_is_from_is_not_where_it_happened(extractor):
    text = (
        "Soldiers searched Monari village in Paktika province. "
        '"The village is a haven for insurgents," said Capt. Aaron Smith, a company commander, from Fargo, '
        "N.D. Soldiers killed one insurgent and wounded two others."
    )
    claims = claims_of(extractor, text)
    assert claims and all(c.location and "Fargo" not in c.location for c in claims)


def test_a_name_the_model_left_unlabelled_is_still_a_name():
    import spacy
    from spacy.tokens import Doc

    from extractor.components.claims import _looks_like_a_name

    words = ["Haji", "Mama", ",", "a", "facilitator", ",", "NATO"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "PROPN"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    # no entity labels at all: the title-cased proper noun still reads as a name, the acronym does not
    assert [_looks_like_a_name(t) for t in doc] == [True, True, False, False, False, False, False]
    doc.ents = [doc.char_span(0, 9, label="PERSON")]
    assert _looks_like_a_name(doc[1])


@pytest.mark.parametrize(
    "text, actor",
    [
        (
            "A combined Afghan and coalition patrol detained two suspected insurgents in Ghazni province.",
            "combined Afghan and coalition patrol",
        ),
        (
            "Three insurgents were killed by a joint Afghan and coalition team near Gardez.",
            "joint Afghan and coalition team",
        ),
        (
            "HERAT, Afghanistan (May 4) - An Afghan and coalition patrol detained two suspected insurgents.",
            "Afghan and coalition patrol",
        ),
        (
            "In Andar district, Ghazni province, Afghan and coalition forces detained two insurgents.",
            "Afghan and coalition forces",
        ),
        ("MOSCOW (Interfax) Russian bombers destroyed 12 depots near Palmyra.", "Russian bombers"),
    ],
)
def test_actor_is_the_whole_body_not_a_dateline_or_a_place(extractor, text, actor):
    (claim,) = claims_of(extractor, text)
    assert claim.actor == actor


@pytest.mark.parametrize(
    "text, actor",
    [
        # a place the parser also made the subject gives way to the force beside it
        (
            "In Nawa district, Helmand province, a combined Afghan and coalition patrol detained three "
            "suspected insurgents.",
            "combined Afghan and coalition patrol",
        ),
        # a participle's subject is the subject of the verb it hangs on, whatever that verb means
        ("After coming under attack, the patrol returned fire, killing two insurgents.", "the patrol"),
        # who ran the operation, with the whole of the coordination
        (
            "Three insurgents were killed during a raid by a combined Afghan and coalition security force "
            "in Khost.",
            "combined Afghan and coalition security force",
        ),
        # who acted, not the action
        ("The swift response by Afghan commandos eliminated four gunmen.", "Afghan commandos"),
        ("The patrol returned fire killing three gunmen.", "The patrol"),
        # an object misread as the participle's subject, and a day run into the subject
        (
            "On May 5 Syrian troops struck rebel emplacements and arms dumps initially killing 20 fighters.",
            "Syrian troops",
        ),
        ("The Afghan unit returned fire killing two attackers.", "The Afghan unit"),
        # whose raid it was
        ("Two gunmen were killed in a raid by Afghan commandos near Gardez.", "Afghan commandos"),
    ],
)
def test_actor_through_misparsed_subjects(extractor, text, actor):
    casualties = [c for c in claims_of(extractor, text) if c.kind == "casualties"]
    assert [c.actor for c in casualties] == [actor]


@pytest.mark.parametrize("line_break", ["\n", "\u2028"])
def test_a_line_wrapped_after_a_preposition_goes_on_in_the_next(extractor, line_break):
    text = (
        f"Forces Detain Suspects in East{line_break}"
        f"A joint force detained three suspected insurgents in{line_break}Paktika province yesterday while "
        f"searching for a{line_break}bomb maker."
    )
    record = extractor.extract(text, published="2011-05-04")
    claims = [c for c in record.claims if c.value == 3]
    assert [(c.location, c.date) for c in claims] == [("Paktika province", dt.date(2011, 5, 3))]
    # the headline above still stands apart
    assert claims[0].evidence.sentence.startswith("A joint force")


@pytest.mark.parametrize(
    "text, actor, location",
    [
        # the parser joined the force to the place before it as one list
        (
            "In Kandahar City, Afghan and coalition forces detained two suspected insurgents yesterday.",
            "Afghan and coalition forces",
            "Kandahar City",
        ),
        # the dateline says where the report was filed
        (
            "KABUL, Afghanistan (Nov. 14, 2010) - A coalition force captured three bomb makers linked to "
            "attacks throughout Khost province Saturday.",
            "coalition force",
            "Khost province",
        ),
        ("Jets struck 12 targets near Raqqa, Syria, on Monday.", "Jets", "Raqqa, Syria"),
        # a force named after "on" is whom the attacks were on, not a place
        (
            "Insurgents carried out two attacks on Afghan National Security Forces in the area.",
            "Insurgents",
            None,
        ),
    ],
)
def test_places_beside_forces_and_datelines(extractor, text, actor, location):
    assert [(c.actor, c.location) for c in claims_of(extractor, text)] == [(actor, location)]


def test_among_the_targets_destroyed_were(extractor):
    claims = claims_of(extractor, "Among the targets destroyed were 12 command posts and 27 strongholds.")
    assert [(c.kind, c.value, c.category, c.effect) for c in claims] == [
        ("targets", 12, "command posts", "destroyed"),
        ("targets", 27, "strongholds", "destroyed"),
    ]
    claims = claims_of(extractor, "Among the targets hit were 9 tanks.")
    assert [(c.kind, c.value, c.effect) for c in claims] == [("targets", 9, "hit")]


def test_it_after_a_body_that_says_so_is_that_body(extractor):
    text = "The U.S.-led coalition said it carried out 11 strikes near Mosul, destroying two vehicles."
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value, c.actor) for c in claims] == [
        ("strikes", 11, "The U.S.-led coalition"),
        ("targets", 2, "The U.S.-led coalition"),
    ]


def test_drones_launched_are_strikes_and_those_shot_down_targets(extractor):
    claims = claims_of(extractor, "Air defence units shot down 23 of the 31 drones launched by Russia.")
    assert [(c.kind, c.value, c.effect, c.actor) for c in claims] == [
        ("targets", 23, "destroyed", "Air defence units"),
        ("strikes", 31, None, "Russia"),
    ]
    # who launched them is not who shot them down
    claims = claims_of(
        extractor, "Russia launched 31 drones at Ukraine overnight, of which 23 were shot down."
    )
    assert [(c.kind, c.value, c.actor) for c in claims] == [("strikes", 31, "Russia"), ("targets", 23, None)]
    # nor, when the text does not name who launched them, is it who shot them down
    claims = claims_of(extractor, "Ukrainian gunners shot down 27 of the 33 drones launched overnight.")
    assert [(c.kind, c.value, c.actor) for c in claims] == [
        ("targets", 27, "Ukrainian gunners"),
        ("strikes", 33, None),
    ]


@pytest.mark.parametrize(
    "text, category",
    [
        ("The enemy attacked the city with 27 attack drones, of which 19 were downed.", "attack drones"),
        ("Overnight Russia fired 11 cruise missiles, of which 9 were intercepted.", "cruise missiles"),
    ],
)
def test_the_part_after_of_which_counts_the_noun_the_clause_is_on(extractor, text, category):
    claims = claims_of(extractor, text)
    assert [(c.kind, c.category) for c in claims if c.kind == "targets"] == [("targets", category)]


def test_the_part_shot_down_of_a_whole_the_parser_hung_on_the_noun_is_the_claim(extractor):
    # "14 of 19 drones" read as two modifiers of "drones": the part is what was shot down, the whole no count
    for text in (
        "Gunners shot down 14 of 19 drones over the city.",
        "Gunners shot down 14 of the 19 drones.",
    ):
        claims = claims_of(extractor, text)
        assert [(c.kind, c.value, c.category, c.effect) for c in claims] == [
            ("targets", 14, "drones", "destroyed")
        ], text


def test_the_group_counted_members_belonged_to_is_no_claim(extractor):
    claims = claims_of(extractor, "A drone strike killed 4 fighters of a local militia near the dam.")
    assert [(c.kind, c.value) for c in claims if c.kind == "casualties"] == [("casualties", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike killed a deputy commander of Jamaat Nusrat al-Islam near the dam.",
        "Troops captured a senior member of Ansar Dine in the raid.",
    ],
)
def test_a_name_whose_a_counted_person_was_is_no_claim(extractor, text):
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value) for c in claims if c.kind == "casualties"] == [("casualties", 1)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Air defences downed three HIMARS multiple launch rocket system shells overnight.",
            [(3, None, "HIMARS multiple launch rocket system shells")],
        ),
        ("Gunners hit 5 multiple rocket launchers near the river.", [(5, None, "multiple rocket launchers")]),
    ],
)
def test_a_quantifier_word_inside_a_name_a_figure_counts_is_no_count(extractor, text, expected):
    claims = claims_of(extractor, text)
    assert [(c.value, c.quantifier, c.category) for c in claims] == expected


@pytest.mark.parametrize(
    "text, category",
    [
        ("Police arrested 9 smugglers and several of their drivers.", "smugglers"),
        ("The militia killed 14 villagers and dozens of cattle herders.", "villagers"),
        # a joined noun with no count of its own is still part of what is counted
        ("Jets destroyed 4 tanks and armoured vehicles.", "tanks and armoured vehicles"),
    ],
)
def test_a_joined_noun_with_a_vague_count_of_its_own_is_no_part_of_the_category(extractor, text, category):
    claims = [c for c in claims_of(extractor, text) if c.value is not None]
    assert [c.category for c in claims] == [category]


@pytest.mark.parametrize(
    "text, category",
    [
        ("The navy shot down three ship-to-shore missiles.", "ship-to-shore missiles"),
        ("Troops captured an air-to-ground rocket pod.", "air-to-ground rocket pod"),
    ],
)
def test_a_word_joined_by_hyphens_is_whole_in_the_category(extractor, text, category):
    assert [c.category for c in claims_of(extractor, text)] == [category]


def test_a_day_is_no_place_after_on(extractor):
    text = "On Nov. 21, two strikes occurred in Syria."
    assert [c.location for c in claims_of(extractor, text)] == ["Syria"]


def test_a_joined_noun_counted_through_its_compound_is_no_part_of_the_category(extractor):
    text = "The enemy lost up to 300 soldiers, four tanks and 7 field artillery guns overnight."
    claims = claims_of(extractor, text)
    assert [(c.value, c.category) for c in claims] == [
        (300, "soldiers"),
        (4, "tanks"),
        (7, "field artillery guns"),
    ]


def test_posts_overrun_are_captured(extractor):
    claims = claims_of(extractor, "Rebel fighters overran four army outposts near the lake.")
    assert [(c.kind, c.value, c.effect, c.actor) for c in claims] == [
        ("targets", 4, "captured", "Rebel fighters")
    ]


def test_a_mine_a_vehicle_hit_is_no_target(extractor):
    claims = claims_of(extractor, "Two medics died when their ambulance hit a mine near the village.")
    assert [(c.kind, c.value, c.actor) for c in claims] == [("casualties", 2, None)]


def test_strikes_that_hit_an_enemys_device_hit_a_target(extractor):
    claims = claims_of(extractor, "Near Hit, two strikes struck an ISIL improvised explosive device factory.")
    assert [(c.kind, c.value, c.actor) for c in claims if c.kind == "targets"] == [
        ("targets", 1, "two strikes")
    ]


def test_more_of_an_earlier_loss_counts_what_it_counted(extractor):
    text = "Snipers killed two policemen on Monday. Three more were killed the next day."
    claims = claims_of(extractor, text)
    assert [(c.value, c.category, c.effect) for c in claims] == [
        (2, "policemen", "killed"),
        (3, "policemen", "killed"),
    ]


def test_a_part_of_the_dead_named_by_be_counts_what_it_was(extractor):
    claims = claims_of(extractor, "Jets killed 9 people. Three of the dead were firefighters, medics said.")
    assert [(c.kind, c.value, c.category, c.effect) for c in claims] == [
        ("casualties", 9, "people", "killed"),
        ("casualties", 3, "firefighters", "killed"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a second part told with a copula of its own, which the parser joins to the first part's noun
        (
            "Of the 35 villagers wounded, 20 were men and 15 were teenagers.",
            [
                ("casualties", 35, "villagers", "wounded"),
                ("casualties", 20, "men", "wounded"),
                ("casualties", 15, "teenagers", "wounded"),
            ],
        ),
        (
            "Four of the dead were firefighters and three were nurses.",
            [("casualties", 4, "firefighters", "killed"), ("casualties", 3, "nurses", "killed")],
        ),
    ],
)
def test_parts_of_the_fallen_joined_by_and_each_count_what_they_were(extractor, text, expected):
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value, c.category, c.effect) for c in claims] == expected


def test_an_attack_made_with_drones_and_missiles_counts_strikes(extractor):
    claims = claims_of(
        extractor, "Russia attacked Ukraine with 87 attack drones and four ballistic missiles."
    )
    assert [(c.kind, c.value, c.actor) for c in claims] == [
        ("strikes", 87, "Russia"),
        ("strikes", 4, "Russia"),
    ]


def test_whose_things_were_destroyed_is_no_claim(extractor):
    claims = claims_of(extractor, "Its forces destroyed 12 tanks and 3 air defence systems of the enemy.")
    assert [(c.kind, c.value, c.category) for c in claims] == [
        ("targets", 12, "tanks"),
        ("targets", 3, "air defence systems"),
    ]


def test_they_after_a_force_that_says_so_is_that_force(extractor):
    text = "Earlier, troops shelled the town. Kurdish-led forces said they captured 150 fighters near Hajin."
    assert [(c.value, c.actor) for c in claims_of(extractor, text)] == [(150, "Kurdish-led forces")]


def test_plurals_in_men_are_labelled(extractor):
    text = "Up to 550 Armenian servicemen and 12 gunmen were killed, and four men were detained."
    claims = claims_of(extractor, text)
    assert [(c.value, c.category_label) for c in claims] == [
        (550, "personnel"),
        (12, "personnel"),
        (4, "personnel"),
    ]


def test_a_losses_list_after_a_dated_report_keeps_its_own_period(extractor):
    text = (
        "Russian forces launched 43 drones at Ukraine overnight, the air force said.\n\n"
        "The total combat losses of the enemy from 24.02.2022 to 15.06.2024 were approximately:\n"
        "tanks — 7,967 (+10),\n"
        "artillery systems — 13,977 (+33),\n"
        "cruise missiles — 2,303 (+2).\n"
    )
    claims = claims_of(extractor, text, published="2024-06-17")
    assert [(c.value, c.date, c.period_start, c.period_end) for c in claims if c.cumulative] == [
        (value, None, dt.date(2022, 2, 24), dt.date(2024, 6, 15)) for value in (7967, 13977, 2303)
    ]


def test_others_take_the_label_of_what_they_stand_for(extractor):
    claims = claims_of(extractor, "Two civilians were killed and nine others were injured in Dnipro.")
    assert [(c.value, c.category, c.category_label) for c in claims] == [
        (2, "civilians", "civilian"),
        (9, "civilians", "civilian"),
    ]


def test_a_vague_count_standing_alone(extractor):
    claims = claims_of(
        extractor, "Dozens of insurgents were killed in the fighting, and hundreds were wounded."
    )
    assert [(c.value, c.quantifier, c.category, c.effect) for c in claims] == [
        (None, "dozens", "insurgents", "killed"),
        (None, "hundreds", "insurgents", "wounded"),
    ]


def test_where_things_were_destroyed_is_not_one_more_thing_destroyed(extractor):
    claims = claims_of(extractor, "Some 400 shells were destroyed at the depot on Monday.")
    assert [(c.value, c.category) for c in claims] == [(400, "shells")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Four F-16 jets and two A-10 attack aircraft flew into Iraqi airspace on Sunday.",
            [(4, "Four F-16 jets"), (2, "two A-10 attack aircraft")],
        ),
        # the designation stands for the aircraft; each count is its own sorties
        (
            "The ministry said two F-15 and three A-10 jets flew into Syrian air space from Jordan.",
            [(2, "two F-15"), (3, "three A-10 jets")],
        ),
    ],
)
def test_aircraft_counted_as_they_fly_are_sorties(extractor, text, expected):
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value, c.actor, c.category) for c in claims] == [
        ("sorties", value, actor, None) for value, actor in expected
    ]
    assert all(c.location and "airspace" in c.location.replace(" ", "") for c in claims)


def test_the_part_of_a_fronted_whole(extractor):
    claims = claims_of(extractor, "Of the 40 drones, 35 were shot down by air defences.")
    assert [(c.kind, c.value, c.category, c.effect, c.actor) for c in claims] == [
        ("targets", 35, "drones", "destroyed", "air defences")
    ]


def test_the_aircraft_that_carried_out_strikes_are_not_hit(extractor):
    claims = claims_of(extractor, "The strikes, carried out by 12 aircraft, destroyed four bunkers.")
    assert [(c.value, c.category) for c in claims] == [(4, "bunkers")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Near Mayadin a mobile sniper group of militants was destroyed.",
            [("targets", 1, None, "mobile sniper group of militants")],
        ),
        # an organization named as a group is no unit lost, and a bare "a group of" stays a vague count
        ("Jets continued to destroy the Islamic State group near Mayadin.", []),
        ("A group of insurgents was killed near the road.", [("casualties", None, "a group", "insurgents")]),
    ],
)
def test_a_unit_with_a_name_of_its_own_counts_as_one(extractor, text, expected):
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value, c.quantifier, c.category) for c in claims] == expected


MULTI_INCIDENT_UPDATE = """KABUL, Afghanistan (May 3, 2012)
An Afghan and coalition security force detained a Haqqani network facilitator and two suspected insurgents \
in Sabari district, Khost province, yesterday. The facilitator supplied weapons to fighters in the district.

In Nahr-e Saraj district, Helmand province, a coalition patrol killed three insurgents who were emplacing \
an improvised explosive device last night. No civilians were harmed.

During a security operation in Andar district, Ghazni province, Afghan forces arrested the targeted \
Taliban leader, Mullah Abdul Karim, along with one of his associates.
"""


def test_each_incident_of_an_update_keeps_its_own_place_and_force(extractor):
    record = extractor.extract(MULTI_INCIDENT_UPDATE)
    assert [(c.value, c.effect, c.category_label, c.actor, c.location) for c in record.claims] == [
        (
            1,
            "captured",
            "personnel",
            "Afghan and coalition security force",
            "Sabari district, Khost province",
        ),
        (
            2,
            "captured",
            "personnel",
            "Afghan and coalition security force",
            "Sabari district, Khost province",
        ),
        (3, "killed", "personnel", "coalition patrol", "Nahr-e Saraj district, Helmand province"),
        # "the targeted Taliban leader" elsewhere is someone new, not the facilitator named again
        (1, "captured", "leader", "Afghan forces", "Andar district, Ghazni province"),
        (1, "captured", "personnel", "Afghan forces", "Andar district, Ghazni province"),
    ]


def test_strikes_that_hit_are_strikes_and_what_they_hit_targets(extractor):
    text = "Near Raqqa, 22 strikes engaged 13 ISIS tactical units and destroyed an ISIS headquarters."
    claims = claims_of(extractor, text)
    assert [(c.kind, c.value, c.category_label) for c in claims] == [
        ("strikes", 22, None),
        ("targets", 13, "personnel"),
        ("targets", 1, "command_post"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The operation has killed or captured more than 40 militants since it began.",
        "Nearly 300 enemy fighters were killed or wounded, according to the statement.",
        "Troops killed and wounded 12 insurgents.",
    ],
)
def test_mixed_effects_give_no_effect(extractor, text):
    assert [(c.kind, c.effect) for c in claims_of(extractor, text)] == [("casualties", None)]


@pytest.mark.parametrize(
    "text",
    [
        # a headline's joined reduced passives, each verb with its own count as the parser's subject
        "30 fighters killed and 12 wounded in the raid.",
        "Four soldiers killed and two wounded as rockets hit a base.",
        "Gunmen killed 5 and wounded 7 in the market.",
    ],
)
def test_joined_verbs_each_with_its_own_count_keep_their_effects(extractor, text):
    claims = [c for c in claims_of(extractor, text) if c.kind == "casualties"]
    assert [c.effect for c in claims] == ["killed", "wounded"]


def test_losses_amounting_to_a_list(extractor):
    text = (
        "The ministry said its forces had repelled 14 counterattacks over the past week, and that enemy "
        "losses amounted to up to 1,200 servicemen, 9 tanks and 42 other armored vehicles."
    )
    claims = claims_of(extractor, text, published="2024-02-02")
    # the counterattacks repelled are no list member of the losses
    assert [(c.kind, c.value, c.approximate, c.effect) for c in claims] == [
        ("casualties", 1200, True, "killed"),
        ("targets", 9, False, "destroyed"),
        ("targets", 42, False, "destroyed"),
    ]


@pytest.mark.parametrize(
    "text, actor, location",
    [
        ("In the Kupyansk direction, the enemy lost up to 90 personnel.", None, "Kupyansk direction"),
        ("The separatists said they had lost 12 positions to Azerbaijan's army.", "Azerbaijan's army", None),
    ],
)
def test_who_lost_is_no_actor(extractor, text, actor, location):
    assert [(c.actor, c.location) for c in claims_of(extractor, text)] == [(actor, location)]


@pytest.mark.parametrize(
    "text",
    [
        "Over 24 hours, 38 enemy attacks were repelled near Bakhmut.",
        "Forces repelled 12 attacks near Bakhmut.",
    ],
)
def test_attacks_beaten_off_are_no_strikes(extractor, text):
    assert claims_of(extractor, text) == []


def test_a_subject_run_into_its_source_when_commas_were_stripped(extractor):
    text = (
        "According to a Turkish General Staff statement artillery fire and air operations killed 55 Daesh "
        "militants in northern Syria on Tuesday."
    )
    record = extractor.extract(text, published="2016-06-01")
    assert [s.name for s in record.speakers] == ["Turkish General Staff"]
    assert [(c.value, c.actor, c.speaker) for c in record.claims] == [
        (55, "artillery fire and air operations", "Turkish General Staff")
    ]


def test_a_named_member_and_a_group_someone_led_are_no_claims_of_their_own(extractor):
    text = (
        "Army units eliminated a number of terrorists, among them Abu Khaled al-Homsi, the leader of a "
        "terrorist group, and destroyed several terrorist hideouts."
    )
    claims = claims_of(extractor, text)
    assert [(c.kind, c.quantifier, c.category, c.category_label) for c in claims] == [
        ("casualties", "some", "terrorists", "personnel"),
        ("targets", "several", "terrorist hideouts", "fighting_position"),
    ]


def test_killed_and_wounded_the_same_people_is_no_one_effect(extractor):
    claims = claims_of(extractor, "The patrol killed and wounded several insurgents near Sangin.")
    assert [(c.quantifier, c.effect) for c in claims] == [("several", None)]


def test_a_bulleted_list_under_a_dated_heading(extractor):
    text = (
        "Operations update\n\n"
        "Results of operations in Iraq and Syria, Dec. 1-15:\n"
        "- 22 ISIS operatives killed\n"
        "- 11 ISIS operatives detained\n"
        "\u2022 4 weapons caches destroyed\n"
    )
    claims = claims_of(extractor, text, published="2023-12-20")
    assert [(c.value, c.effect, c.period_start, c.period_end, c.location) for c in claims] == [
        (value, effect, dt.date(2023, 12, 1), dt.date(2023, 12, 15), "Iraq and Syria")
        for value, effect in ((22, "killed"), (11, "captured"), (4, "destroyed"))
    ]


def test_running_totals_since_the_start_with_their_labels(extractor):
    text = (
        "In total, since the beginning of the special military operation, 268 helicopters, 477 air defence "
        "missile systems and 15,125 tanks and other armoured fighting vehicles have been destroyed."
    )
    claims = claims_of(extractor, text)
    assert [(c.value, c.cumulative, c.category_label) for c in claims] == [
        (268, True, "helicopter"),
        (477, True, "air_defense"),
        (15125, True, "armored_vehicle"),
    ]
