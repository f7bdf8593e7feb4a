"""Who did it, whose losses and who said it, round 12: wordings the dev texts do not use (written for this
project, in the styles of wire news on wars and of military briefings). Each block is a class of wording,
with guard rows the rule must leave alone."""

import pytest
from actor_rows import claim_fields as _claims
from actor_rows import claimed_speakers as _speakers


# the group a deed is laid on, blamed for it or claiming it, is who did it, also where its name qualifies a
# noun ("blamed on JNIM militants") or the claim is told passive ("an ambush claimed by al-Shabaab"): never
# whose losses they are
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Four soldiers died in an ambush that officials blamed on JNIM militants near Djibo.",
            [("JNIM militants", None)],
        ),
        (
            "Twelve people were killed in an attack that police attributed to Ansaru gunmen.",
            [("Ansaru gunmen", None)],
        ),
        (
            "The suicide bombing, claimed by the Islamic State, killed 25 worshippers in Kabul.",
            [("the Islamic State", None), ("the Islamic State", None)],
        ),
        (
            "Nine soldiers died in a raid claimed by al-Shabaab fighters in Lower Shabelle.",
            [("al-Shabaab fighters", None), ("al-Shabaab fighters", None)],
        ),
        # guards: a group named as what was hit, or held, stays the side
        (
            "Jets struck a convoy of JNIM militants near Djibo, killing 14 fighters.",
            [("Jets", "JNIM"), ("Jets", "JNIM")],
        ),
        ("Soldiers killed 6 Ansaru gunmen in an ambush near Kaduna.", [("Soldiers", "Ansaru")]),
    ],
)
def test_the_group_a_deed_is_laid_on_did_it(extractor, text, expected):
    assert _claims(extractor, text, "actor", "target_side") == expected


# a by-phrase in the counted phrase: who works the weapon that struck made the strike ("a drone operated by
# the RSF"), the agent of a deed did it ("12 tanks destroyed by the RSF"); the agent of a verb of holding
# owns what was hit ("a base held by al-Shabaab"), also where the text names its fighters killed there
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A drone operated by the RSF struck a market in El Fasher, killing 12 civilians.",
            [("strikes", "the RSF", None), ("targets", "the RSF", None), ("casualties", "the RSF", None)],
        ),
        (
            "A Shahed drone launched by Russian forces hit a power plant near Kharkiv.",
            [("strikes", "Russian forces", None), ("targets", "Russian forces", None)],
        ),
        (
            "The army said 12 tanks destroyed by the RSF were found near Omdurman.",
            [("targets", "the RSF", None)],
        ),
        (
            "Soldiers overran a base held by al-Shabaab, killing 15 militants, the army said.",
            [("targets", "Soldiers", "al-Shabaab"), ("casualties", "Soldiers", "al-Shabaab")],
        ),
        (
            "Troops stormed a camp controlled by the Taliban, killing 8 fighters.",
            [("casualties", "Troops", "Taliban")],
        ),
        # guards: what a group uses, runs or owns, when hit, is that group's
        (
            "Israeli jets struck 12 tunnels used by Hamas in Khan Younis.",
            [("targets", "Israeli jets", "Hamas")],
        ),
        (
            "US warships shot down 14 drones launched by the Houthis over the Red Sea.",
            [("targets", "US warships", "Houthis")],
        ),
        (
            "Coalition aircraft destroyed 2 boats operated by the Houthis in the Red Sea.",
            [("targets", "Coalition aircraft", "Houthis")],
        ),
        (
            "A US strike hit two vessels operated by the Houthis, killing 3 crew.",
            [
                ("strikes", "US", "Houthis"),
                ("targets", "US strike", "Houthis"),
                ("casualties", "US strike", "Houthis"),
            ],
        ),
    ],
)
def test_a_by_phrase_in_the_counted_phrase(extractor, text, expected):
    assert _claims(extractor, text, "kind", "actor", "target_side") == expected


# who planted, laid, fired or claimed the weapon or device that killed is the actor ("a roadside bomb
# planted by ISIS killed 4"); a strike claimed through a noun of responsibility in a clause on it
@pytest.mark.parametrize(
    "text, actor",
    [
        ("An IED planted by the Taliban killed 3 soldiers in Helmand.", "the Taliban"),
        ("A roadside bomb planted by ISIS killed 4 soldiers near Tikrit.", "ISIS"),
        ("A car bomb claimed by Islamic State killed 9 people in Mosul.", "Islamic State"),
        ("A mine laid by Russian forces killed 2 farmers near Izium.", "Russian forces"),
        ("Mortar rounds fired by the militants killed 3 children in the camp.", "the militants"),
        ("The attack, for which al-Shabaab took responsibility, killed 6 soldiers.", "al-Shabaab"),
        ("An ambush for which JNIM claimed responsibility killed 11 soldiers near Boni.", "JNIM"),
        ("Responsibility for the attack that killed 5 soldiers was claimed by JNIM.", "JNIM"),
        (
            "Responsibility for the bombing, which killed 8 people, was claimed by the Pakistani Taliban.",
            "the Pakistani Taliban",
        ),
        # guards: a device with no one named; a cause laid on no doer
        ("A bomb exploded near the convoy, killing 4 soldiers.", "bomb"),
        ("Seven people died in the fire, which officials blamed on faulty wiring.", None),
    ],
)
def test_who_set_the_weapon_made_the_strike(extractor, text, actor):
    assert [a for (k, a) in _claims(extractor, text, "kind", "actor") if k == "casualties"] == [actor]


# two sources joined by "and", each named or described in the singular, are two speakers; the claim is the
# first one's (the rows list the speakers claims are given)
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Army spokesman Colonel Ahmed Ali and police chief John Musa said troops killed 20 bandits.",
            [("person", "Ahmed Ali", "spokesman", "Army")],
        ),
        (
            "Troops killed 20 bandits, army spokesman Colonel Ahmed Ali and police chief John Musa said.",
            [("person", "Ahmed Ali", "army spokesman", None)],
        ),
        (
            "The Kremlin and the defence ministry both said 2 missiles were intercepted.",
            [("organization", "Kremlin", None, None)],
        ),
        (
            "The governor of Kursk region and the Russian defence ministry said 12 drones were destroyed.",
            [("person", "governor of Kursk region", "governor of Kursk region", None)],
        ),
        (
            "Reuters and AFP reported that 9 civilians were killed in the strike.",
            [("organization", "Reuters", None, "Reuters")],
        ),
        (
            "Since then, both Azerbaijan and Armenia have reported that 7 soldiers were killed.",
            [("organization", "Azerbaijan", None, None)],
        ),
        # guards: plural sources joined are one body of sources
        (
            "Russian media and military bloggers said 20 soldiers were killed.",
            [("organization", "Russian media and military bloggers", None, None)],
        ),
    ],
)
def test_two_joined_sources_are_two_speakers(extractor, text, expected):
    assert _speakers(extractor, text) == expected


def test_the_first_of_two_named_sources_is_the_claims(extractor):
    text = (
        "Defence Minister Lloyd Austin and Secretary of State Antony Blinken said 3 US troops were wounded."
    )
    record = extractor.extract(text, published="2024-05-02")
    assert [(s.name, s.role) for s in record.speakers] == [("Lloyd Austin", "Defence Minister")]


# whose losses, named past the counted noun: the force a counted thing is "of" ("command posts of the
# Russian army"), the target a strike verb's "at" / "on" / "against" names ("fired 40 rockets at Israeli army
# positions"), a generic party ("camps of the separatists")
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ukrainian forces hit 2 command posts of the Russian army near Bakhmut.", [("targets", "Russian")]),
        (
            "Drones destroyed 3 tanks of the Ukrainian army near Avdiivka, the ministry said.",
            [("targets", "Ukrainian")],
        ),
        (
            "Security forces destroyed 3 camps of the separatists in the Northwest region.",
            [("targets", "separatists")],
        ),
        (
            "Hezbollah said it fired 40 rockets at Israeli army positions in the Galilee.",
            [("strikes", "Israeli")],
        ),
        ("The army launched 9 drones against Russian positions near Kupiansk.", [("strikes", "Russian")]),
        ("Militants fired 6 mortar rounds at a Malian army base near Gao.", [("strikes", "Malian")]),
        # guards: who made the strikes is no side of them; a place aimed at names no side
        ("Russian forces fired 30 missiles at Kyiv overnight.", [("strikes", None)]),
        ("Separatist forces shelled 14 settlements in the Donetsk region.", [("targets", None)]),
        ("Strikes of the Russian air force hit 4 villages near Idlib.", [("targets", None)]),
    ],
)
def test_whose_losses_named_past_the_counted_noun(extractor, text, expected):
    assert [(k, s) for k, s in _claims(extractor, text, "kind", "target_side") if k != "other"] == expected


# a report named as the source speaks for the body whose report it is, that body named in lower case too
# ("the ministry's statement", "the police report"); a report of no body stands for the speaker before
@pytest.mark.parametrize(
    "text, speaker",
    [
        ("According to the ministry's statement, 14 drones were downed over Belgorod.", "ministry"),
        ("According to the army's statement, 14 militants were killed in the raid.", "army"),
        ("According to the police report, 6 people were killed in the attack.", "police"),
        ("The ministry's statement said 14 drones were downed over Belgorod.", "ministry"),
        # guards: many media are no body; a report of no body named; a body named in capitals
        (
            "According to media reports, 17 soldiers were killed, a source in the YPG said.",
            "source in the YPG",
        ),
        ("The army said 5 tanks were destroyed. The latest report said 3 more were hit.", "army"),
        ("According to a UN report, 300 civilians were killed in Darfur.", "UN"),
        (
            "The defence ministry said 4 soldiers were hurt, according to a government statement.",
            "defence ministry",
        ),
    ],
)
def test_a_report_speaks_for_its_body(extractor, text, speaker):
    assert [c.speaker for c in extractor.extract(text, published="2024-05-02").claims][-1] == speaker


# who did it, named by an idiom ("at the hands of") or as a body of a country ("the joint force of Chad and
# Niger": the country it is of is no place where it acted)
@pytest.mark.parametrize(
    "text, actor",
    [
        ("Twelve villagers were killed at the hands of ISWAP fighters in Borno.", "ISWAP fighters"),
        ("Nine migrants died at the hands of smugglers in the desert.", "smugglers"),
        (
            "The joint force of Chad and Niger killed 50 Boko Haram militants near Lake Chad.",
            "The joint force of Chad and Niger",
        ),
        ("Troops of Burkina Faso killed 12 militants near Djibo.", "Troops of Burkina Faso"),
        # guards: a place where the body acted, with its cue, stays out of who acted
        ("Troops of the 93rd Brigade near Bakhmut destroyed 4 tanks.", "Troops of the 93rd Brigade"),
        ("Police in Kaduna arrested 12 suspects.", "Police"),
    ],
)
def test_who_did_it_by_an_idiom_or_a_country(extractor, text, actor):
    assert [a for (a,) in _claims(extractor, text, "actor")][0] == actor


# whose losses a noun of losses names by its possessor or its phrase, where the count is what the losses
# amount to or include ("Russia's losses ... have reached 500,000 personnel")
@pytest.mark.parametrize(
    "text, side",
    [
        ("Russia's losses since the start of the invasion have reached 500,000 personnel.", "Russia"),
        ("In the past 24 hours, the Kyiv regime's losses amounted to 480 troops.", "Kyiv regime"),
        ("The losses of the Russian army amounted to 480 troops.", "Russian"),
        ("Ukraine said Russia's losses over the day included 1,100 troops.", "Russia"),
        # guards: a group named as such; no owner; a pronoun owner names no side by itself
        ("Al-Shabaab's losses in the battle included 40 fighters.", "Al-Shabaab"),
        ("Losses amounted to 40 soldiers.", None),
        ("Its losses amounted to 40 soldiers.", None),
    ],
)
def test_whose_losses_a_noun_of_losses_names(extractor, text, side):
    assert [s for (s,) in _claims(extractor, text, "target_side")] == [side]


# who is blamed for a deed, also in the passive ("Boko Haram was blamed for the attack") or for an operation
# a relative clause tells the loss of ("blamed ISWAP for the ambush that killed 9"), did it; a group that
# did the claim's deed is never its side ("the hallmarks of JNIM, which has killed hundreds of soldiers")
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Boko Haram was blamed for the attack, which left 30 people dead.", [("Boko Haram", None)]),
        ("The army blamed ISWAP for the ambush that killed 9 soldiers.", [("ISWAP", None)]),
        ("The militia was blamed for the raid, which killed 7 villagers.", [("The militia", None)]),
        (
            "The attack bore the hallmarks of JNIM, which has killed hundreds of soldiers.",
            [("JNIM", None)],
        ),
        # the group whose people were lost stays the side, also as who sent an attack that was repelled (a
        # verb of sending, holding_verbs; the first row is a guard)
        ("Troops killed 12 JNIM fighters near Djibo.", [("Troops", "JNIM")]),
        (
            "Soldiers repelled an attack launched by ISWAP, killing 20 fighters.",
            [("Soldiers", "ISWAP")],
        ),
    ],
)
def test_who_is_blamed_did_it_and_lost_nothing(extractor, text, expected):
    found = extractor.extract(text, published="2024-05-02").claims
    assert [(c.actor, c.target_side) for c in found if c.kind == "casualties"] == expected
