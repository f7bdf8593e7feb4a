"""General attachment: who acted, read from the frame's own roles. One row per rule, in my own sentences."""

import pytest


def assert_every_claim_has_actor(extractor, text, actor):
    claims = extractor.extract(text, published="2018-02-14").claims
    assert claims and all(c.actor == actor for c in claims), [(c.kind, c.value, c.actor) for c in claims]


@pytest.mark.parametrize(
    "text, actor",
    [
        # the attack a loss came in, named by its verb
        ("Officials said 26 people were wounded in shelling.", "shelling"),
        # the noun an adjective of achieving describes
        ("An ISIS operative responsible for killing two soldiers was captured.", "ISIS operative"),
        # who attacked in a clause that says when the loss came
        ("The ministry said 13 guards died when a Russian vessel shelled the island.", "Russian vessel"),
        ("Nine soldiers were killed when Turkish jets struck their convoy.", "Turkish jets"),
        ("Nine soldiers were killed when the convoy passed the bridge.", None),
        # what hit a mine or a roadside bomb set it off: it attacked no one
        ("Five guards were hurt when their jeep hit a landmine near the border.", None),
        ("An army truck struck a roadside bomb near the pass, killing six soldiers.", None),
        # a gerund under a preposition shares the subject of the verb the preposition hangs on
        ("Army units seized the hill after killing about 40 terrorists.", "Army units"),
        ("Marines cleared the village by destroying 5 bunkers.", "Marines"),
        ("Rebels withdrew before shelling 3 checkpoints.", "Rebels"),
        # from a participle hung on a noun, through the prepositions between, to the verb and its subject
        (
            "Marines repelled an assault by gunmen near the hill killing dozens of fighters wrecking 3 vans.",
            "Marines",
        ),
        # a means named by a coordination whose last member is the strikes
        ("Eleven villagers were wounded in regime and allied bombings.", "regime and allied bombings"),
        # an operation named with whose it is, the means of a loss in it
        ("Forty people were killed in the U.S. operation in the capital.", "the U.S. operation"),
        ("Five guards died during a Turkish offensive near the border.", "Turkish offensive"),
        ("Three fighters were killed in the operation.", None),
        # the day the parser hung on the attack is no part of it
        ("Six more guards were killed in a second air strike the next day.", "second air strike"),
        # the strikes made on what was hit: whoever made them
        ("Navy jets conducted strikes on 7 radar sites along the coast.", "Navy jets"),
        ("The ministry reported strikes on 9 positions near the river.", None),
        ("Helicopters dropped bombs on 3 depots in the valley.", "Helicopters"),
        ("Marine gunners opened fire on 4 boats.", "Marine gunners"),
        # who claims the strikes counted made them; not who claims a loss
        ("The Pakistani Taliban claimed 6 bombings in the north.", "The Pakistani Taliban"),
        ("The navy claimed 12 pirates were captured.", None),
        # who claims the strike a relative clause hangs on made it ("claimed responsibility for a raid")
        ("Ansaru claimed responsibility for a raid that killed 14 vigilantes.", "Ansaru"),
        ("The Islamic State claimed credit for a bombing that wounded 31 worshippers.", "The Islamic State"),
        # who inflicted the losses counted caused them
        ("Marines inflicted losses of 40 fighters on the rebels.", "Marines"),
        # "we" in what someone says: the body the speaker speaks for
        ('"We shot down 9 drones," said a Houthi spokesman.', "Houthi"),
        ('"We shot down 9 drones," the officer said.', None),
        ("The garrison foiled an attack by gunmen on 3 outposts near the pass.", None),
        # who made a strike, named by an aircraft's designation
        ("The raid, flown by a Jordanian F-16, killed 7 fighters near the dam.", "Jordanian F-16"),
        # a clause of result stands for the event before it
        ("Police raided the compound, which resulted in the deaths of 4 gunmen.", "Police"),
        ("The operation led to the capture of 6 smugglers.", "The operation"),
        # who claims to have done it did it, as it tells it
        ("The rebels claimed to have downed three army helicopters.", "The rebels"),
        # a gerund with an adjective as the subject: the shelling, which the model tags as a verb form
        ("Turkish shelling destroyed 4 houses in the village.", "Turkish shelling"),
        ("Shelling killed three guards at the gate on Friday.", "Shelling"),
        # the subject of the "have" before a participle read as a noun's modifier
        ("Militants have overrun 4 checkpoints near the dam.", "Militants"),
        # a side's own loss after "X inflicted losses on ...": X inflicted it
        (
            "Units of the Zapad group inflicted losses on three brigades, the enemy lost up to 70 troops.",
            "Units of the Zapad group",
        ),
        # who a verb of accusing names did the deed, not who accuses
        ("The rebels accused the air force of bombing a clinic, killing 11 patients.", "the air force"),
        ("Kyiv charged Russian troops with shelling 6 schools.", "Russian troops"),
        ("The group blamed the militia for burning 40 homes.", "the militia"),
        # "which" after the accused deed's object stands for the deed: the accused did what it did
        ("Kyiv blamed Russian troops for shelling the market, which killed 3 shoppers.", "Russian troops"),
        # an attack's "of" phrase that names a place names what it hit, not who hit it
        ("Shelling of Tokmak's central district wounded six people.", "Shelling"),
        ("Russian shelling of Nikopol killed two men on Sunday.", "Russian shelling"),
        ("The bombardment of Raqqa city killed 30 fighters.", "The bombardment"),
        ("Airstrikes of the Russian air force destroyed 12 depots.", "Airstrikes of the Russian air force"),
        # "IS" for the group, which the model reads as the verb "is"
        ("IS gunmen killed 8 soldiers near Tikrit.", "IS gunmen"),
        # a noun the model tags as a verb in the present, with nouns compounded before it
        ("Air defence means shot down 9 rockets over the city.", "Air defence means"),
        ("Electronic warfare means suppressed 14 drones overnight.", "Electronic warfare means"),
        # an adjective the parser made the subject, with the forces joined to it
        ("In Kunar province, Afghan and coalition forces killed 4 gunmen.", "Afghan and coalition forces"),
    ],
)
def test_actor_from_the_frame(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.value != 1]
    assert claims and all(c.actor == actor for c in claims), [(c.value, c.actor) for c in claims]


def test_coordinated_items_all_take_the_subject_of_the_verb_above(extractor):
    claims = extractor.extract(
        "Army units seized the hill after killing 40 terrorists and destroying 6 vehicles.",
        published="2018-02-14",
    ).claims
    assert [(c.value, c.actor) for c in claims] == [(40, "Army units"), (6, "Army units")]


@pytest.mark.parametrize(
    "text, actor",
    [
        # passive_agent: the by-phrase of a passive, also of a reduced passive
        ("Seven trucks were burned by the rebels overnight.", "the rebels"),
        ("Nine insurgents killed by a coalition patrol were buried.", "coalition patrol"),
        # a claim verb joined to the passive one shares its agent (the code's part of the frame)
        ("Four bunkers were hit and destroyed by Iraqi artillery.", "Iraqi artillery"),
        # by_phrase: the by-phrase of an action noun
        ("A raid by Afghan commandos killed 11 insurgents.", "Afghan commandos"),
        # control and control_through_preposition: who achieved it did it
        ("The gunners managed to destroy 3 launchers.", "The gunners"),
        ("Kurdish fighters were able to capture 14 militants.", "Kurdish fighters"),
        ("The brigade succeeded in shooting down 5 drones.", "The brigade"),
        # result_through_preposition and result_object: what brought the result about acted
        ("Artillery fire resulted in the deaths of 15 fighters.", "Artillery fire"),
        ("The ambush caused the destruction of 6 vehicles.", "The ambush"),
        # the cause verb in the passive: its agent acted
        ("The destruction of 6 vehicles was caused by the ambush.", "the ambush"),
        # idiom_verb: the verb of an idiom is the one acted
        ("Heavy shelling claimed the lives of 9 civilians.", "Heavy shelling"),
        # by_phrase_on_counted and counted_of_action: hung on the counted noun, they are the action's
        ("Officials reported the destruction of 8 radars by Israeli aircraft.", "Israeli aircraft"),
        ("Medics confirmed the deaths of 7 guards in a drone strike.", "drone strike"),
        # relative_agent: who made the strikes or operation a subject names, told in a passive clause on it
        ("The raids, which were flown by allied bombers, destroyed 5 depots.", "allied bombers"),
        ("The operation, led by Iraqi commandos, freed the town and killed 14 gunmen.", "Iraqi commandos"),
        # a body described so acted itself
        ("The militia, backed by artillery, captured 8 soldiers.", "The militia"),
    ],
)
def test_actor_from_a_claim_frame(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.value != 1]
    assert claims and all(c.actor == actor for c in claims), [(c.value, c.actor) for c in claims]


@pytest.mark.parametrize(
    "frame, node",
    [
        ("passive_agent", "actor"),
        ("by_phrase", "actor"),
        ("relative_agent", "actor"),
        ("control", "controller"),
        ("result_object", "cause"),
        ("result_gerund_subject", "actor"),
        ("reduced_passive", "verb"),
        ("relative_object", "verb"),
        ("relative_passive", "verb"),
    ],
)
def test_every_claim_frame_names_its_anchor_and_role(frame, node):
    from extractor.components.claims.frame_matcher import claim_frames

    frames = {f.name: (f, pattern) for f, pattern in claim_frames()}
    found, pattern = frames[frame]
    assert found.role == node
    assert pattern[found.anchor_node]["RIGHT_ID"] == "anchor"
    assert pattern[found.role_node]["RIGHT_ID"] == node


def test_a_frame_naming_an_unknown_word_list_fails_loudly():
    from extractor.vocabulary import VocabularyError, expand_word_lists

    lists = {"agent_prepositions": ["by"]}
    assert expand_word_lists({"LOWER": {"IN": "@agent_prepositions"}}, lists, "frames.json") == {
        "LOWER": {"IN": ["by"]}
    }
    with pytest.raises(VocabularyError, match="frames.json: unknown word list"):
        expand_word_lists({"LOWER": {"IN": "@no_such_list"}}, lists, "frames.json")


@pytest.mark.parametrize(
    "text, actor",
    [
        # a participle with a direct object of its own, hung on a noun, is that noun's verb misread: no
        # reduced passive takes an object ("raids believed to be launched by rebel units killed ...")
        (
            "Monitors said raids believed to be launched by rebel units killed at least 9 people.",
            "rebel units",
        ),
        # a result told as a gerund clause: the gerund's own subject acted, not the result verb's subject
        ("The offensive resulted in coalition troops destroying 9 depots.", "coalition troops"),
        ("The raid led to Kurdish fighters capturing 30 militants.", "Kurdish fighters"),
        ("The assault resulted in the brigade killing 12 insurgents.", "the brigade"),
        # a headline's reduced passive read as an active verb: the counted subject is no actor, the strikes
        # named after it are the means, also in a headline's capitals
        ("30 Fighters killed and dozens hurt in Iraqi Airstrikes near Mosul.", "Iraqi Airstrikes"),
        ("40 Rebels killed and many wounded in Turkish Airstrikes near Afrin.", "Turkish Airstrikes"),
        # a count joined to a loss verb shares the means on its participle, also when the parser made that
        # count the subject of a verb after it
        (
            "Some 12 guards were killed and 30 villagers wounded in Turkish air raids that levelled homes.",
            "Turkish air raids",
        ),
        (
            "About 9 soldiers were killed and 14 others wounded in Iraqi air strikes, the army said.",
            "Iraqi air strikes",
        ),
        (
            "18 Fighters killed and many hurt in Russian Airstrikes near a camp belonging to the militia.",
            "Russian Airstrikes",
        ),
        # "it" stands for the one thing its sentence named attacking before it
        (
            "Though the army did not say where the rocket hit, residents said it struck 2 depots.",
            "the rocket",
        ),
        ("The ministry did not say where the shell hit, but locals said it destroyed 3 homes.", "the shell"),
        # a demonym before a strike noun in "-ing" the parser hung on the verb: the two are the subject
        ("Ukrainian shelling wounded 4 residents of Belgorod.", "Ukrainian shelling"),
        ("The mayor said Ukrainian shelling killed a pensioner in Horlivka.", "Ukrainian shelling"),
        # a plural strike noun the parser read as a verb ("airstrikes" VBZ) and the claim verb as its clause
        ("Army airstrikes on Friday killed 14 villagers near Mandalay.", "Army airstrikes"),
        (
            "Rebel airstrikes on Monday wounded 23 people in Kachin state, a rescue group said.",
            "Rebel airstrikes",
        ),
        ("Coalition airstrikes in Hodeidah on Tuesday killed 7 fighters.", "Coalition airstrikes"),
    ],
)
def test_actor_from_a_clause_the_parser_misread(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.kind != "strikes"]
    assert claims and all(c.actor == actor for c in claims), [(c.value, c.actor) for c in claims]


@pytest.mark.parametrize(
    "text, actor",
    [
        # a reduced passive with a subject of its own is a clause of its own: it takes no subject from the
        # verb it is joined to
        ("Rockets hit the town, one guard killed and two injured.", None),
        # strikes counted as a subject do act, whatever else the parser made of the line
        (
            "- Near Tikrit, two airstrikes struck an ISIL fighting position, destroying 3 ISIL mortar tubes.",
            "two airstrikes",
        ),
    ],
)
def test_a_counted_subject_is_no_actor(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.kind != "strikes"]
    assert claims and all(c.actor == actor for c in claims), [(c.value, c.actor) for c in claims]


@pytest.mark.parametrize(
    "text, actor",
    [
        # the maker of a strike, named on the strike or on the weapon that names it
        ("A Turkish artillery strike hit the village.", "Turkish"),
        ("A Russian drone strike damaged 3 bridges.", "Russian"),
        # an armed body's word among the modifiers, with the words before it
        ("The Saudi-led coalition raid struck 4 depots near Saada.", "Saudi-led coalition"),
        ("Two militia attacks on Friday killed 9 herders.", "militia"),
        # else the by-phrase on the strike noun
        ("The blast came hours after another strike by rebel units.", "rebel units"),
    ],
)
def test_strike_maker(extractor, text, actor):
    strikes = [c for c in extractor.extract(text, published="2018-02-14").claims if c.kind == "strikes"]
    assert strikes and all(c.actor == actor for c in strikes), [(c.value, c.actor) for c in strikes]


@pytest.mark.parametrize(
    "text, actor",
    [
        # a strike laid on its doer by a verb of imputing, on the loss's means or its subject
        ("Eleven herders were killed in a raid blamed on Fulani militiamen.", "Fulani militiamen"),
        ("An ambush attributed to ISWAP killed 30 farmers near Monguno.", "ISWAP"),
        ("The shelling, which Kyiv blamed on Russian forces, wounded 6 people in Nikopol.", "Russian forces"),
        ("Twelve villagers died on Monday in an attack which officials blamed on the RSF.", "the RSF"),
        # ... or by the verb above the strike, its clause between the strike and the doer
        ("Police blamed the attack, which killed 9 worshippers, on Boko Haram.", "Boko Haram"),
        ("Officials blamed Boko Haram for the attack, which killed 12 villagers.", "Boko Haram"),
        # a strike claimed by a group, told in a clause on the means or as the claim's object
        ("Nine soldiers were killed in an ambush claimed by JNIM.", "JNIM"),
        ("The Islamic State claimed the bombing, which killed 20 people.", "The Islamic State"),
        ("The raid, for which al-Shabaab claimed responsibility, killed 15 people.", "al-Shabaab"),
        # guards: a strike with no doer laid on it is the actor; what no strike is has no doer laid on it
        ("Twelve civilians were killed in an attack on the market.", "attack"),
        ("Seven people died in the fire, which officials blamed on faulty wiring.", None),
    ],
)
def test_a_strike_laid_on_its_doer(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.kind == "casualties"]
    assert claims and all(c.actor == actor for c in claims), [(c.value, c.actor) for c in claims]


@pytest.mark.parametrize(
    "text, actor",
    [
        # agent_on_the_source: a by-phrase after a source that interrupts the passive is the passive's agent
        ("Nine civilians were wounded, officials said, by Russian shelling of Nikopol.", "Russian shelling"),
        ("Two soldiers were killed, the army said, by a roadside bomb near Jalalabad.", "roadside bomb"),
        ("Five fishermen were killed, residents said, by Houthi gunmen off Mokha.", "Houthi gunmen"),
        # guards: how the source spoke is no agent
        ("Nine civilians were wounded, an official told Reuters by phone.", None),
        ("Six guards were wounded in the raid, a police officer said by telephone.", "the raid"),
        # the maker of strikes counted by a word of number ("a series of", "a wave of"), told on the strikes
        (
            "Twelve militants were killed in a series of air strikes carried out by the Nigerian Air Force.",
            "the Nigerian Air Force",
        ),
        ("Eight fighters died in a wave of drone attacks launched by the Houthis.", "the Houthis"),
        ("Nine herders were killed in a string of raids blamed on bandits.", "bandits"),
    ],
)
def test_an_agent_set_apart_from_its_verb(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.kind != "strikes"]
    assert claims and all(c.actor == actor for c in claims), [(c.value, c.actor) for c in claims]


@pytest.mark.parametrize(
    "text, claimed",
    [
        # reduced_passive: a participle after a counted noun named anew is its passive verb; not after one
        # counted before ("the militants killed in ...")
        (
            "The army said 30 fighters killed in the raid were buried.",
            [("casualties", 30, "killed", "the raid")],
        ),
        ("Medics reported that the militants killed in the offensive were buried.", []),
        # relative_object: the pronoun is the clause verb's object and stands for the counted noun
        ("The ministry listed 12 tanks that the jets destroyed.", [("targets", 12, "destroyed", "the jets")]),
        (
            "Officials named 9 fighters whom the patrol captured.",
            [("casualties", 9, "captured", "the patrol")],
        ),
        # relative_passive: the pronoun is the passive verb's subject
        (
            "The army reported 12 tanks which were destroyed near the town.",
            [("targets", 12, "destroyed", None)],
        ),
        # the first clause that claims: a relative clause whose verb claims nothing gives no claim
        (
            "The report counted 7 trucks which were parked in the yard and 4 vans that the rebels burned.",
            [("targets", 4, "destroyed", "the rebels")],
        ),
    ],
)
def test_claim_verb_below_the_counted_noun(extractor, text, claimed):
    claims = extractor.extract(text, published="2018-02-14").claims
    assert [(c.kind, c.value, c.effect, c.actor) for c in claims] == claimed


@pytest.mark.parametrize(
    "text, actor",
    [
        # a dateline without a date: the body after the dash acted, not the city or its country, also when
        # the parser hung the body on the country or ran the country into it
        (
            "HERAT, Afghanistan - A combined security force arrested two suspected insurgents in Shindand.",
            "combined security force",
        ),
        (
            "KUNDUZ, Afghanistan - Afghan and coalition troops killed five insurgents in Chahar Dara.",
            "Afghan and coalition troops",
        ),
        # a hyphen inside a word closes no dateline
        (
            "ADEN, Yemen - Coalition-backed warplanes destroyed 9 rebel vehicles in Taiz.",
            "Coalition-backed warplanes",
        ),
        # an opening "Near X," the parser made a second subject is where, not who
        ("Near Baiji, one strike hit an ISIL tactical unit.", "one strike"),
        ("Near Hit, coalition jets conducted three strikes against ISIL bunkers.", "coalition jets"),
        ("- Near Al Qaim, two airstrikes hit an ISIL tactical unit.", "two airstrikes"),
        # the bodies the parser joined to an opening "Near X," acted, without the place
        ("Near Baiji, Iraqi and coalition jets destroyed 4 ISIL vehicle bombs.", "Iraqi and coalition jets"),
        # a name with an apostrophe, which is no title-case word, is still the place the finder read
        ("Near Mar'a, one strike hit an ISIL tactical unit.", "one strike"),
        # a dateline with a day and no country: the day the model ran over the dash is no part of the actor
        ("LVIV, May 9 - Russian drones destroyed 3 power substations in the region.", "Russian drones"),
        # a dateline with a day and an agency before a country that acts: the country, not the agency
        ("ODESA, May 9 (Reuters) - Russia fired 14 missiles at the port overnight, the navy said.", "Russia"),
        # a dateline of a day alone, with or without its agency: the day is no part of the actor, nor does a
        # date the model ran over a possessor take the possessor with it
        ("June 3 (AFP) - Sudan's army killed 25 RSF fighters in El Obeid, the army said.", "Sudan's army"),
        ("June 3 - Mali's army destroyed 4 jihadist camps near Gao, officials said.", "Mali's army"),
        ("Oct 21 - Ukraine's forces shot down 9 drones over Kherson, the command said.", "Ukraine's forces"),
        ("Friday, Oct 21 (Reuters) - Kurdish fighters captured 14 militants.", "Kurdish fighters"),
        ("21.10.2023 - Russian troops shelled Avdiivka, destroying 3 houses.", "Russian troops"),
        # guard: a day told inside the subject's own words stays ("last week's raids")
        ("Last week's raids killed 14 militants in Kunar, the ministry said.", "Last week's raids"),
    ],
)
def test_a_place_read_as_the_subject_is_no_actor(extractor, text, actor):
    claims = [
        c
        for c in extractor.extract(text, published="2018-02-14").claims
        if c.value != 1 or c.kind == "targets"
    ]
    claims = [c for c in claims if not (c.kind == "strikes" and c.actor is None)]
    assert claims and all(c.actor == actor for c in claims), [(c.kind, c.value, c.actor) for c in claims]


@pytest.mark.parametrize(
    "text, actor",
    [
        # "it" in what a body says stands for that body, also one the model gave no entity type
        ("The ministry said it had shot down 6 drones over the border region.", "The ministry"),
        ("The group said on Monday it had captured 4 soldiers.", "The group"),
        # a person who says "it" is not what "it" stands for
        ("The governor said it had destroyed 2 bridges.", None),
        # "they" of a group the model took for a person: the definite article says it is no person's name
        ("The Houthis said they had fired 9 drones at the warship.", "The Houthis"),
        ("Colonel Smith said they killed 4 insurgents.", None),
        # a body's name in the plural form is "they", whatever tag the model gave it
        ("Yemen's Houthis said they had launched 7 missiles at a tanker.", "Yemen's Houthis"),
        ("Ukraine's Zelensky said they destroyed 5 tanks.", None),
        # nor are bodies named together, who are "they"
        (
            "The army did not say where the shell hit, but media and bloggers said it destroyed 3 homes.",
            "the shell",
        ),
    ],
)
def test_it_in_what_a_body_says_is_that_body(extractor, text, actor):
    assert_every_claim_has_actor(extractor, text, actor)


@pytest.mark.parametrize(
    "text, actor",
    [
        # a source named after the pronoun tells of others: "they" is who acted in the sentence before
        (
            "Al-Shabaab fighters stormed an army base in Lower Shabelle. They killed 19 soldiers, local "
            "officials said.",
            "Al-Shabaab fighters",
        ),
        (
            "Jihadists ambushed a convoy near Menaka. They killed 11 soldiers and burned 4 trucks, the army "
            "said.",
            "Jihadists",
        ),
        ("Gunmen besieged the village overnight. They shot dead 9 farmers, police said.", "Gunmen"),
        # guards: with nobody before it, a source named after "they" still gives no actor, nor does a
        # sentence of no assault
        ("They shot down 4 drones over the city, the army said.", None),
        ("Residents fled the town at dawn. They said 12 houses were destroyed by shelling.", None),
    ],
)
def test_they_before_its_source_is_who_acted_before(extractor, text, actor):
    assert_every_claim_has_actor(extractor, text, actor)


@pytest.mark.parametrize(
    "text, actor",
    [
        # "they" in a clause hung on a noun of the clause before: that clause's subject
        ("Marines cleared a village in Helmand province, where they captured 3 gunmen.", "Marines"),
        ("The patrol reached a bridge near the town, where it destroyed 2 trucks.", "The patrol"),
    ],
)
def test_a_pronoun_in_a_relative_clause_is_the_subject_above(extractor, text, actor):
    assert_every_claim_has_actor(extractor, text, actor)


@pytest.mark.parametrize(
    "text, actor",
    [
        # verbs joined with no subject of their own share the first one's, whatever the first verb means
        ("Kurdish fighters repelled 14 attacks and destroyed 2 armoured trucks.", "Kurdish fighters"),
        ("Border guards thwarted an incursion and captured 4 smugglers.", "Border guards"),
        ("The garrison held the bridge and killed 6 attackers.", "The garrison"),
        # the raid the joined verb's loss came in is where they acted, not who did
        ("Commandos freed 9 hostages and killed five kidnappers in a dawn raid near Ghazni.", "Commandos"),
        # and so when the first verb's subject is "it" for the body that says so
        (
            "The movement said it shot down a drone and killed 15 soldiers in the attack on its camp.",
            "The movement",
        ),
        # "found and destroyed", "located and destroyed": two verbs over one object, the first a past tense
        # the tagger took for a participle, or a participle the parser hung on the subject as a modifier
        ("Afghan commandos located and destroyed three weapons caches in Kandahar.", "Afghan commandos"),
        ("Marines located and destroyed four fighting positions.", "Marines"),
        ("The patrol found and destroyed two grenade launchers near the village.", "The patrol"),
        # not from a verb whose subject is an item of a list of objects the parser made a clause
        (
            "- Near Hit, six strikes destroyed an ISIL truck, an ISIL vehicle borne bomb (VBIED), an ISIL "
            "depot, and damaged an ISIL bridge.",
            "six strikes",
        ),
        # not a participle the parser read out of a name and gave the counted things as its subject
        (
            "- Near Hit, two strikes destroyed four ISIL bunkers and one ISIL vehicle borne bomb and "
            "damaged an ISIL checkpoint.",
            "two strikes",
        ),
        (
            "- Near Tikrit, four strikes hit an ISIL vehicle borne bomb factory and two ISIL sites "
            "and destroyed an ISIL truck.",
            "four strikes",
        ),
        (
            "- Near Bayji, two strikes struck an ISIL vehicle borne bomb (VBIED) workshop and an ISIL unit "
            "and destroyed three ISIL trucks.",
            "two strikes",
        ),
    ],
)
def test_joined_verbs_share_their_subject(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.kind != "strikes"]
    assert claims and all(c.actor == actor for c in claims), [(c.kind, c.value, c.actor) for c in claims]


# the claims that take no actor from the claim before them
@pytest.mark.parametrize(
    "text, actors",
    [
        # a side telling its own losses after its deeds: the one who inflicted them is not the side itself
        (
            "The rebel army said it had killed 40 government troops. It also said it lost 9 fighters.",
            ["The rebel army", None],
        ),
        (
            "Kenyan troops destroyed 6 militant camps, the ministry said. The troops lost 2 armoured trucks.",
            ["Kenyan troops", None],
        ),
        # whoever it lost them to is the actor
        (
            "The militia said it killed 12 soldiers. The militia lost 5 fighters to government airstrikes.",
            ["The militia", "government airstrikes"],
        ),
        # a claim whose own sentence names another source is that source's account: no actor from before
        (
            "The army said its jets killed 30 rebels near Dilling. Local medics said 12 civilians died too.",
            ["its jets", None],
        ),
        (
            "Russian forces destroyed 8 Ukrainian tanks, the ministry said. Kyiv's governor said 4 people "
            "were wounded.",
            ["Russian forces", None],
        ),
        # the same source goes on: the actor carries
        (
            "The army said its jets killed 30 rebels near Dilling. The army said 6 trucks were also "
            "destroyed.",
            ["its jets", "its jets"],
        ),
        # a running total after the day's deeds is not the deed of whoever did them
        (
            "Air defences shot down 30 drones. In total, since the start of the operation, 410 aircraft and "
            "900 tanks have been destroyed.",
            ["Air defences", None, None],
        ),
        (
            "Artillery destroyed 7 depots overnight.\n\nSince the war began, 3,100 depots have been "
            "destroyed.",
            ["Artillery", None],
        ),
        # a loss told as what an attack answered is the other side's deed, not the answerer's
        (
            "The movement said it launched 45 missiles in retaliation for the killing of three of its "
            "officers.",
            ["The movement", None],
        ),
        (
            "Rebel gunners shelled 4 villages on Monday in response to the deaths of two rebel commanders.",
            ["Rebel gunners", None],
        ),
        # what its own clause names made it, not who answered it
        (
            "The army said it struck 20 targets. The strikes came in retaliation for a rocket attack that "
            "killed 3 soldiers.",
            ["The army", "rocket attack"],
        ),
        # a strike made in response keeps its maker
        ("Navy jets sank 3 boats in response to the attack on the tanker.", ["Navy jets"]),
    ],
)
def test_which_claims_take_no_actor_from_before(extractor, text, actors):
    claims = extractor.extract(text, published="2024-03-05").claims
    assert [c.actor for c in claims] == actors
