"""Places, held-out wordings of round 10: each table a class of wording the dev texts lack, with the rows a
fix must not change beside it."""

from __future__ import annotations

import pytest
from place_rows import PUBLISHED, placed

# two places in one sentence, each a different claim's: the place of the count's own object, or of its own
# clause when another clause joined to it has a subject of its own
TWO_CLAIMS_TWO_PLACES = [
    (
        "Russian troops destroyed 3 tanks near Bakhmut and 2 howitzers near Avdiivka, the ministry said.",
        [(3, "Bakhmut"), (2, "Avdiivka")],
    ),
    (
        "The air force downed 7 drones over Sumy and 4 missiles over Poltava on Tuesday.",
        [(7, "Sumy"), (4, "Poltava")],
    ),
    (
        "Ukrainian units shot down 9 drones over Kharkiv, and Russian troops lost 3 jets near Kherson.",
        [(9, "Kharkiv"), (3, "Kherson")],
    ),
    (
        "The army killed 14 insurgents in Kunar and police detained 6 suspects in Laghman.",
        [(14, "Kunar"), (6, "Laghman")],
    ),
    (
        "Gunmen killed 8 farmers in Zamfara and bandits abducted 20 pupils in Kaduna, police said.",
        [(8, "Zamfara"), (20, "Kaduna")],
    ),
    # guards: one verb and one subject for both counts; a place before both; counts of one place
    (
        "Troops killed 12 militants in Gwoza and arrested 5 suspects in Bama, the army said.",
        [(12, "Gwoza"), (5, "Bama")],
    ),
    ("Ukrainian forces destroyed 3 tanks and 2 howitzers near Avdiivka.", [(3, "Avdiivka"), (2, "Avdiivka")]),
    (
        "In the Donetsk region, troops destroyed 3 tanks and 2 howitzers near Avdiivka.",
        [(3, "Avdiivka, Donetsk region"), (2, "Avdiivka, Donetsk region")],
    ),
    (
        "Jets struck 6 targets near Raqqa, while artillery destroyed 4 vehicles near Deir ez-Zor.",
        [(6, "Raqqa"), (4, "Deir ez-Zor")],
    ),
    ("Drones hit 2 depots in Bryansk and 3 in Kursk overnight.", [(2, "Bryansk"), (3, "Kursk")]),
    # a place "of" which a counted person is says whose he was, not where he was killed
    (
        "A Taliban commander of Logar province and two fighters were killed by a strike in Baraki Barak.",
        [(1, "Baraki Barak, Logar province"), (2, "Baraki Barak, Logar province")],
    ),
]


@pytest.mark.parametrize("text, expected", TWO_CLAIMS_TWO_PLACES)
def test_each_claim_takes_its_own_of_two_places(extractor, text, expected):
    assert placed(extractor, text) == expected


# a place named only inside a source's words ("a military source in Goma said") is where that source is: it
# stays its own claims' place, and carries to no claim another source tells after it
SOURCES_OWN_PLACES = [
    (
        "Insurgents killed 11 soldiers in an ambush, a military source in Goma said."
        " The rebels said they had killed 40 soldiers.",
        [(11, "Goma"), (40, None)],
    ),
    (
        "Bandits killed 7 herders, a police officer in Gusau said. The army said troops killed 15 bandits.",
        [(7, "Gusau"), (15, None)],
    ),
    # guards: the same source goes on; a place of the news, not of its source, still carries
    (
        "Militants killed 8 soldiers, an army officer in Menaka said. He said troops killed 20 militants.",
        [(8, "Menaka"), (20, "Menaka")],
    ),
    (
        "Gunmen killed 14 farmers in Konduga, police said. The army said it killed 20 militants in the raid.",
        [(14, "Konduga"), (20, "Konduga")],
    ),
]


@pytest.mark.parametrize("text, expected", SOURCES_OWN_PLACES)
def test_a_sources_own_place_carries_to_no_other_source(extractor, text, expected):
    assert placed(extractor, text) == expected


# a word of a settlement or a division with "the" alone ("near the town") names the place the text named
# before, no place of its own; a border or a site keeps its own words
NAMED_BEFORE = [
    (
        "Jihadists attacked the town of Djibo. They killed 14 soldiers near the town, the army said.",
        [(14, "Djibo")],
    ),
    (
        "Gunmen stormed Kuchi village in Niger state. They killed 9 farmers outside the village.",
        [(9, "Kuchi village, Niger state")],
    ),
    ("Rebels shelled Goma overnight. They hit 3 houses near the city.", [(3, "Goma")]),
    # guards
    ("Troops killed 5 militants near the Turkish border.", [(5, "Turkish border")]),
    ("Gunmen killed 4 guards near the town of Mopti.", [(4, "town of Mopti")]),
]


@pytest.mark.parametrize("text, expected", NAMED_BEFORE)
def test_the_town_names_the_town_named_before(extractor, text, expected):
    assert placed(extractor, text) == expected


# a camp or base named by a proper name before it is a place of its own, with the place phrase on it,
# whatever the model tagged the name; one named by who holds it is a target in the place its phrase names
NAMED_SITES = [
    (
        "Israeli forces killed three Palestinians at the Jenin refugee camp in the occupied West Bank.",
        [(3, "Jenin refugee camp in the occupied West Bank")],
    ),
    (
        "Rockets hit Ain al-Asad air base in western Iraq on Saturday, wounding two U.S. troops.",
        [(2, "Ain al-Asad air base in western Iraq")],
    ),
    (
        "Gunmen killed 11 displaced people at Zamzam camp near El Fasher, aid workers said.",
        [(11, "Zamzam camp near El Fasher")],
    ),
    (
        "Police shot dead five robbers at the Kakuma camp in Turkana county.",
        [(5, "Kakuma camp in Turkana county")],
    ),
    (
        "Militants attacked the Bagram Air Base in Parwan province, killing two contractors.",
        [(1, "Bagram Air Base in Parwan province"), (2, "Bagram Air Base in Parwan province")],
    ),
    # guards: a camp or base named by an armed group, a nationality or an acronym, or by nothing
    (
        "ISAF forces destroyed a Taliban training camp in Helmand province and killed 12 insurgents.",
        [(1, "Helmand province"), (12, "Helmand province")],
    ),
    (
        "Afghan forces raided a Haqqani network camp in Khost, detaining four suspects.",
        [(1, "Khost"), (4, "Khost")],
    ),
    ("Jets struck an RSF base in Nyala, killing 12 fighters.", [(1, "Nyala"), (12, "Nyala")]),
    ("Drones hit a Wagner base near Kidal, killing 9 fighters.", [(1, "Kidal"), (9, "Kidal")]),
    (
        "Coalition aircraft struck an insurgent training camp in Paktika province, killing eight fighters.",
        [(1, "Paktika province"), (8, "Paktika province")],
    ),
    (
        "An al-Shabaab training camp near Jilib was hit by U.S. airstrikes that killed 20 militants.",
        [(1, "Jilib"), (20, "Jilib")],
    ),
    ("Drones struck a Russian air base in Crimea, destroying 2 jets.", [(1, "Crimea"), (2, "Crimea")]),
]


@pytest.mark.parametrize("text, expected", NAMED_SITES)
def test_a_named_camp_or_base_is_a_place_of_its_own(extractor, text, expected):
    assert placed(extractor, text) == expected


# a name the model tagged a person's names a place after the "of" of a building or public place, and as
# the whole object of a place preposition when it is a transliterated name with a particle inside it
NAMES_TAGGED_AS_PEOPLE = [
    ("RSF fighters killed 15 people at the market of Mellit, activists said.", [(15, "market of Mellit")]),
    (
        "Gunmen killed 9 worshippers at the mosque of Garoua Boulai on Friday.",
        [(9, "mosque of Garoua Boulai")],
    ),
    ("RSF fighters killed 40 villagers in Wad al-Noura, activists said.", [(40, "Wad al-Noura")]),
    ("Shelling killed 5 civilians in Kafr al-Sheikh Hassan.", [(5, "Kafr al-Sheikh Hassan")]),
    # guards: a person's name after a word that says who he is, or after an abstract noun's "of"
    (
        "Troops killed 12 militants in the countryside of Hama. Among the killed terrorists was a field"
        " commander at al-Nusra terrorist Abu Omar al-Shami.",
        [(12, "countryside of Hama"), (1, "countryside of Hama")],
    ),
    (
        "Soldiers killed 6 gunmen at the request of Ibrahim Mahmoud, the police said.",
        [(6, None)],
    ),
]


@pytest.mark.parametrize("text, expected", NAMES_TAGGED_AS_PEOPLE)
def test_a_place_the_model_took_for_a_person(extractor, text, expected):
    assert placed(extractor, text) == expected


# a country's name the model took for a person's, and a direction from a capital named by its word
MORE_PLACE_WORDS = [
    (
        "Jihadists killed 14 soldiers in an attack on a military post in central Mali, the army said.",
        [(14, "central Mali")],
    ),
    ("Israeli jets struck 5 targets south of the capital, state media said.", [(5, "south of the capital")]),
    (
        "Rebels shelled an army post 30 km north of the capital, killing 4 soldiers.",
        [(1, "30 km north of the capital"), (4, "30 km north of the capital")],
    ),
    ("Jets struck 3 depots west of the Syrian capital.", [(3, "west of the Syrian capital")]),
    # guards: the capital as a site of its own, and a country named in a person's name
    ("Drones struck 4 buildings in the capital overnight.", [(4, "capital")]),
    ("Gunmen killed 3 guards, police spokesman Jordan Obi said.", [(3, None)]),
]


@pytest.mark.parametrize("text, expected", MORE_PLACE_WORDS)
def test_more_place_words(extractor, text, expected):
    assert placed(extractor, text) == expected


def test_a_direction_from_a_capital_named_by_its_country_is_placed_there(extractor):
    claim = extractor.extract("Jets struck 3 depots west of the Syrian capital.", published=PUBLISHED).claims[
        0
    ]
    assert (claim.geo.name, claim.geo.country) == ("Damascus", "SY")


# a sentence that tells of a separate event takes no place from the sentences before; one about the same
# event, or "another" attack (often on the same city), still does
SEPARATE_EVENTS = [
    (
        "Gunmen killed 9 villagers in Kankara, police said. In a separate attack, bandits killed 4 herders.",
        [(9, "Kankara"), (4, None)],
    ),
    (
        "Troops killed 12 militants in Kunar. In a separate operation, the force detained 3 suspects.",
        [(12, "Kunar"), (3, None)],
    ),
    (
        "A bomb killed 6 people in Mogadishu. In an unrelated incident, soldiers shot dead 2 civilians.",
        [(6, "Mogadishu"), (2, None)],
    ),
    # guards
    (
        "Insurgents attacked a post in Nad Ali district. In the attack, 3 insurgents were killed.",
        [(1, "Nad Ali district"), (3, "Nad Ali district")],
    ),
    (
        "Troops killed 12 militants in Kunar. The force also detained 3 suspects.",
        [(12, "Kunar"), (3, "Kunar")],
    ),
    (
        "Drones hit Odesa overnight. Another attack killed 2 people, the governor said.",
        [(2, "Odesa")],
    ),
]


@pytest.mark.parametrize("text, expected", SEPARATE_EVENTS)
def test_a_separate_event_takes_no_place_from_before(extractor, text, expected):
    assert placed(extractor, text) == expected
