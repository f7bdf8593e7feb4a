"""Who did it and who said it, round 11: wordings the dev texts do not use (written for this project, in the
styles of wire news on wars and of military briefings). Each block is a class of wording, with guard rows the
rule must leave alone."""

import pytest
from actor_rows import claim_fields as _claims
from actor_rows import claimed_speakers as _speakers


# an aircraft's or weapon's type designator is a name, whatever part of speech its spelling suggests to the
# model: the drone of "a US MQ-9 drone" struck (the designator was read as a preposition and the claim lost)
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A US MQ-9 drone struck a car near Idlib on Tuesday, killing 2 people.",
            [("strikes", 1, "US MQ-9"), ("targets", 1, "US MQ-9 drone"), ("casualties", 2, "US MQ-9 drone")],
        ),
        ("An F-16 shot down 3 drones over Kharkiv.", [("targets", 3, "F-16")]),
        ("The MiG-29 destroyed 2 drones near Kupiansk.", [("targets", 2, "The MiG-29")]),
        (
            "Two Su-25 jets struck 6 positions near Bakhmut.",
            [("strikes", 2, None), ("targets", 6, "Two Su-25 jets")],
        ),
        ("A Tu-22M3 bomber fired 4 missiles at Odesa.", [("strikes", 4, "Tu-22M3 bomber")]),
        ("Israeli F-35I jets struck 20 targets in Beirut.", [("targets", 20, "Israeli F-35I jets")]),
        # guards: a release number's tail is no designator; a designator as a counted thing stays counted
        (
            "2012-05-S-027 For Immediate Release\nAn Afghan and coalition force killed 3 insurgents.",
            [("casualties", 3, "Afghan and coalition force")],
        ),
        ("Two Ka-52 helicopters were shot down near Robotyne.", [("targets", 2, None)]),
        (
            "The patrol seized two AK-47s and 3 grenades.",
            [("targets", 2, "The patrol"), ("targets", 3, "The patrol")],
        ),
    ],
)
def test_a_type_designator_is_read_as_a_name(extractor, text, expected):
    found = [(k, v, a) for k, v, a in _claims(extractor, text, "kind", "value", "actor")]
    assert [(k, v) for k, v, _ in found] == [(k, v) for k, v, _ in expected]
    assert [a for _, _, a in found] == [a for _, _, a in expected]


# the counted subject of an active claim verb with an object of its own did the deed and lost nothing
# ("Two soldiers killed 5 militants" gave a claim of 2 soldiers killed); aircraft that hit are strikes, as one
# is ("a Russian jet hit the area")
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two soldiers killed 5 militants near Gao.", [("casualties", 5, "militants")]),
        ("Two battalions captured 40 fighters near Kidal.", [("casualties", 40, "fighters")]),
        ("Two helicopters destroyed 3 vehicles in the desert.", [("targets", 3, "vehicles")]),
        ("Three gunmen seized 12 hostages at the hotel.", [("casualties", 12, "hostages")]),
        (
            "Two Israeli jets struck 6 positions near Khiam.",
            [("strikes", 2, None), ("targets", 6, "positions")],
        ),
        # guards: a subject that is counted or lost, a member named under the subject, means that struck
        ("Two soldiers lost their lives in the ambush.", [("casualties", 2, "soldiers")]),
        ("Nine soldiers died in the raid.", [("casualties", 9, "soldiers")]),
        ("Eight drones struck the port of Odesa overnight.", [("strikes", 8, None)]),
        (
            "Russian missiles killed 14 people in Dnipro, including 3 children, the governor said.",
            [("casualties", 14, "people"), ("casualties", 3, "children")],
        ),
        ("40 Rebels Killed In Army Raid", [("casualties", 40, "Rebels")]),
    ],
)
def test_a_counted_subject_that_acted_lost_nothing(extractor, text, expected):
    assert _claims(extractor, text, "kind", "value", "category") == expected


# a verb left without its object, whose object the parser joined to the next clause's subject: the members
# after it are who acted ("said it intercepted most of them and its jets then struck 12 sites")
@pytest.mark.parametrize(
    "text, actor",
    [
        (
            "The Israeli military said it intercepted most of them and its jets then struck 12 Hezbollah "
            "sites.",
            "its jets",
        ),
        ("The navy said it downed some of them and its warships later sank 3 boats.", "its warships"),
        # guards: a coordinated subject of one verb stays whole
        (
            "Wagner mercenaries and Malian troops executed 30 civilians in Moura.",
            "Wagner mercenaries and Malian troops",
        ),
        ("Afghan and coalition forces killed 4 insurgents in Khost.", "Afghan and coalition forces"),
    ],
)
def test_an_object_read_as_a_later_subject_is_no_actor(extractor, text, actor):
    actors = [a for (a,) in _claims(extractor, text, "actor")]
    assert actors[-1] == actor


# who speaks: a body described, then named in apposition (an acronym, or words the model reads as a
# person's name); an armed group's name the model reads as a person's; a body named in capitals whose head
# is a word for a group of people ("Forces"); a name the model labels a nationality; a post of membership
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Pakistan's military media wing, ISPR, said 12 militants were killed in North Waziristan.",
            [("organization", "ISPR", None, "ISPR")],
        ),
        (
            "The military's media wing, Inter-Services Public Relations, said 12 militants were killed.",
            [("organization", "Inter-Services Public Relations", None, "Inter-Services Public Relations")],
        ),
        (
            "ISPR, the military's media wing, said 12 militants were killed in a raid.",
            [("organization", "ISPR", None, "ISPR")],
        ),
        (
            "The Popular Mobilisation Forces said 7 of its fighters were killed in a drone strike.",
            [("organization", "Popular Mobilisation Forces", None, "Popular Mobilisation Forces")],
        ),
        (
            "The Rapid Support Forces said they killed 40 soldiers near El Fasher.",
            [("organization", "Rapid Support Forces", None, "Rapid Support Forces")],
        ),
        (
            "Kataib Hezbollah said its fighters fired 3 drones at the base.",
            [("organization", "Kataib Hezbollah", None, "Kataib Hezbollah")],
        ),
        (
            "The mayor of Kherson, Roman Mrochko, said 3 people were wounded.",
            [("person", "Roman Mrochko", "mayor of Kherson", None)],
        ),
        (
            "Mohammed al-Bukhaiti, a member of the Houthi political bureau, said 4 US drones were shot down.",
            [
                (
                    "person",
                    "Mohammed al-Bukhaiti",
                    "member of the Houthi political bureau",
                    "Houthi political bureau",
                )
            ],
        ),
        (
            "A member of the provincial council, Ali Karimi, said 9 civilians were killed.",
            [("person", "Ali Karimi", "member of the provincial council", "provincial council")],
        ),
        # guards: people named as a group stay people; a description headed by a person's post names a person
        (
            "Officials at the Kremlin said 7 drones were downed near the capital.",
            [("organization", "Officials at the Kremlin", None, None)],
        ),
        (
            "Afghan security forces said 9 insurgents were killed.",
            [("organization", "Afghan security forces", None, None)],
        ),
        (
            "An army spokesman, Major Hamid Ali, said 9 militants were killed.",
            [("person", "Hamid Ali", "army spokesman", None)],
        ),
        (
            "A lawmaker from Helmand, Ali Karimi, said 9 civilians were killed.",
            [("person", "Ali Karimi", "lawmaker from Helmand", None)],
        ),
    ],
)
def test_who_speaks_in_new_wordings(extractor, text, expected):
    assert _speakers(extractor, text) == expected


# "the brigade said" with no speaker before it is the unit the text named in capitals ("the unit": any unit)
@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "The 47th Mechanized Brigade destroyed 4 Russian tanks near Avdiivka, the brigade said.",
            "47th Mechanized Brigade",
        ),
        (
            "Soldiers of the 93rd Brigade captured 12 Russian troops near Klishchiivka, the unit said on "
            "Telegram.",
            "93rd Brigade",
        ),
        (
            "The 3rd Separate Assault Brigade repelled the assault. The brigade said its drones destroyed 9 "
            "armoured vehicles.",
            "3rd Separate Assault Brigade",
        ),
        # guards: no unit named before; a speaker before that fits
        ("Russian forces attacked the village. The brigade said 20 soldiers were killed.", "brigade"),
        (
            "The 47th Brigade said 4 tanks were destroyed. Later the brigade said 2 more were destroyed.",
            "47th Brigade",
        ),
    ],
)
def test_the_unit_said_is_the_unit_named_before(extractor, text, speaker):
    speakers = {s.id: s.name for s in extractor.extract(text, published="2024-05-02").speakers}
    claims = extractor.extract(text, published="2024-05-02").claims
    assert speakers[claims[-1].speaker_id] == speaker


# who attacked, told outside the loss's own clause: the agent of a passive when-clause of attack or
# assault, the agent of an attack told passive in a relative clause on the place, and the subject of a
# participle of thinking the parser read as the finite verb ("Gunmen believed to be from the ADF killed ...")
@pytest.mark.parametrize(
    "text, actor",
    [
        (
            "Four soldiers were killed on Monday when their convoy, which was travelling to Gao, was "
            "ambushed by JNIM fighters.",
            "JNIM fighters",
        ),
        ("Four soldiers were killed when militants ambushed their convoy near Gao.", "militants"),
        ("Six policemen died when their post was attacked by gunmen in Zamfara.", "gunmen"),
        ("Three civilians were wounded when the market was shelled by Russian forces.", "Russian forces"),
        (
            "Twenty civilians were killed in the village of Yelwata, which had been attacked overnight by "
            "armed herders.",
            "armed herders",
        ),
        (
            "Nine people were wounded at the market in Kherson, which was shelled by Russian troops on "
            "Sunday.",
            "Russian troops",
        ),
        (
            "Gunmen believed to be from the ADF killed 30 villagers in Beni territory, the army said.",
            "Gunmen",
        ),
        (
            "The attackers, believed to be Boko Haram fighters, killed 12 farmers near Maiduguri.",
            "The attackers",
        ),
        # guards: a device set off is no attacker; a relative clause of no attack; a belief over a passive
        ("Two soldiers were wounded when their vehicle hit a mine.", None),
        ("Five soldiers were killed at the checkpoint, which was built last year by the army.", None),
        ("Twelve people were killed in Kidal, which was captured by the rebels in 2012.", None),
        ("Officials believed 30 militants were killed near the border.", None),
    ],
)
def test_who_attacked_told_outside_the_clause(extractor, text, actor):
    assert [a for (a,) in _claims(extractor, text, "actor")] == [actor]


# "the group" (militia, movement) acting is the armed group the text named last before it, as when it speaks
@pytest.mark.parametrize(
    "text, actors",
    [
        (
            "The Houthis' military spokesman, Yahya Saree, said the group fired 3 missiles at a ship.",
            ["Houthis"],
        ),
        (
            "Al-Shabaab claimed the attack. The group said its fighters killed 20 soldiers, and the group "
            "also destroyed 3 vehicles.",
            ["its fighters", "Al-Shabaab"],
        ),
        # guards: no armed group named before; a group's own name
        ("The group fired 3 rockets at the town, police said.", ["The group"]),
        ("The Wagner Group destroyed 3 trucks near Kidal.", ["The Wagner Group"]),
    ],
)
def test_the_group_acting_is_the_armed_group_named_before(extractor, text, actors):
    assert [a for (a,) in _claims(extractor, text, "actor")] == actors
