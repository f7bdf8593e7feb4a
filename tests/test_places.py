"""Places: the place mentions the place finder leaves, each claim's location, its geo, and GeoJSON out."""

from __future__ import annotations

import json

import pytest

from extractor.components.geo import resolve_location
from extractor.gazetteer import fold, gazetteer
from extractor.pipeline import make_document
from extractor.writers import GeoJsonWriter, row_columns

PUBLISHED = "2016-05-04"


def locations(extractor, text):
    claims = extractor.extract(text, published=PUBLISHED).claims
    return [c.location for c in claims if c.kind in ("sorties", "strikes", "targets", "casualties")]


# strike-release lines under a country heading: the place after "Near" is the line's own, whatever the
# model makes of the name, and no line takes an earlier line's place
RELEASE_LINES = [
    ("Near Hajin, two strikes hit an ISIL fighting position.", "Hajin"),
    ("Near Tal Abyad, an airstrike destroyed an ISIL staging area.", "Tal Abyad"),
    ("Near Abu Kamal, three strikes engaged an ISIL tactical unit.", "Abu Kamal"),
    ("Near Dayr az Zawr, one strike destroyed an ISIL oil pump.", "Dayr az Zawr"),
    ("Near al Hawl, four airstrikes struck two ISIL vehicles.", "al Hawl"),
    ("Near Ar Rutbah, a strike destroyed an ISIL checkpoint.", "Ar Rutbah"),
    ("Near Mar\u2019a, two strikes destroyed an ISIL mortar system.", "Mar\u2019a"),
    ("Near Mar'a, two strikes destroyed an ISIL mortar system.", "Mar'a"),
    ("Near Qayyarah, five strikes destroyed three ISIL boats.", "Qayyarah"),
    ("Near Sultan Abdallah, an airstrike struck an ISIL tunnel.", "Sultan Abdallah"),
    ("Near Tall Shadadi, three airstrikes destroyed an ISIL bunker.", "Tall Shadadi"),
    ("Near Huwayjah, six strikes destroyed an ISIL headquarters.", "Huwayjah"),
    ("Near Bir Ibrahim, a strike struck an ISIL excavator.", "Bir Ibrahim"),
    ("Near Ayn Isa, two strikes destroyed an ISIL weapons cache.", "Ayn Isa"),
    ("Near Haditha, two airstrikes struck ISIL rocket rails.", "Haditha"),
    ("Near Ma'arrat an Nu'man, an airstrike destroyed an ISIL fighting position.", "Ma'arrat an Nu'man"),
    ("Near Kisik, one strike destroyed a tactical vehicle.", "Kisik"),
    ("Near Hit, four strikes struck an ISIL sniper position.", "Hit"),
    ("Near Albu Hayat, three strikes destroyed two ISIL vehicles.", "Albu Hayat"),
    ("Near Makhmur, a strike suppressed an ISIL mortar team.", "Makhmur"),
    ("Near Shaddadi and Hawl, four strikes destroyed an ISIL bridge.", "Shaddadi and Hawl"),
    ("Near Manbij, eleven strikes engaged eight ISIL units.", "Manbij"),
    ("Near Qaim, two strikes destroyed an ISIL supply cache.", "Qaim"),
    ("Near Tal Afar, an airstrike destroyed an ISIL crane.", "Tal Afar"),
]


@pytest.mark.parametrize("line, place", RELEASE_LINES)
def test_a_release_line_has_its_own_place(extractor, line, place):
    text = f"Syria\n- Near Raqqa, a strike destroyed an ISIL vehicle.\n- {line}\n"
    claims = extractor.extract(text, published=PUBLISHED).claims
    on_line = [c.location for c in claims if c.evidence.start >= text.index(line)]
    assert on_line and set(on_line) == {place}


# press releases and news reports: the place of the claim's own clause, chains kept whole
NEWS_PLACES = [
    (
        "In Nawa-I-Barakzayi district, Helmand province, the force detained two suspects.",
        "Nawa-I-Barakzayi district, Helmand province",
    ),
    (
        "In Nad-e Ali district, Helmand province, a patrol killed three insurgents.",
        "Nad-e Ali district, Helmand province",
    ),
    (
        "In Qal'a-ye Zal district, Kunduz province, the force arrested a Taliban leader.",
        "Qal'a-ye Zal district, Kunduz province",
    ),
    (
        "An Afghan and coalition force detained four suspects in Zharay district, Kandahar province.",
        "Zharay district, Kandahar province",
    ),
    (
        "The security force killed two insurgents in Sar Hawza district, Paktika province, on Tuesday.",
        "Sar Hawza district, Paktika province",
    ),
    (
        "Commandos captured a bomb maker in Chahar Darah district, Kunduz province.",
        "Chahar Darah district, Kunduz province",
    ),
    (
        "The assault force detained five suspected insurgents in the Washer district of Helmand province.",
        "Washer district of Helmand province",
    ),
    ("Russian jets destroyed 14 depots near Palmyra.", "Palmyra"),
    ("Aircraft destroyed six oil trucks 20 km south of Palmyra.", "20 km south of Palmyra"),
    ("Drones struck three tanks about 15 kilometers west of Kirkuk.", "15 kilometers west of Kirkuk"),
    ("Army units killed 40 militants on the outskirts of Aleppo.", "outskirts of Aleppo"),
    ("Troops destroyed two armoured vehicles in the vicinity of Tell-Abyad.", "Tell-Abyad"),
    ("Ukrainian forces destroyed 12 tanks near Avdiivka.", "Avdiivka"),
    ("The enemy carried out 35 air strikes in the Bakhmut direction.", "Bakhmut direction"),
    ("Artillery destroyed four howitzers in the Zaporizhzhia region.", "Zaporizhzhia region"),
    ("Coalition aircraft conducted 18 strikes in Iraq on Monday.", "Iraq"),
    ("Turkish jets struck 23 targets in northern Iraq.", "northern Iraq"),
    ("Government troops killed 25 fighters in Daraa province.", "Daraa province"),
    ("Jets carried out 40 sorties over the Mediterranean Sea.", "Mediterranean Sea"),
    ("The navy sank two boats in the Black Sea.", "Black Sea"),
    ("Fighters shot down three drones over Belgorod.", "Belgorod"),
    ("Forces destroyed a weapons cache in the village of Sangin.", "Sangin"),
    ("Rebels shelled Idlib, killing seven civilians.", "Idlib"),
    ("Police arrested 11 suspects in Kirkuk governorate.", "Kirkuk governorate"),
    ("Defenders destroyed 9 tanks in Donetsk oblast.", "Donetsk oblast"),
    ("Insurgents attacked a checkpoint in Khost city, killing two policemen.", "Khost city"),
    ("Strikes destroyed three bridges across the Euphrates.", "Euphrates"),
    ("The brigade killed 30 fighters east of Deir ez-Zor.", "Deir ez-Zor"),
    ("Warplanes hit 12 targets in Raqqa and Deir ez-Zor.", "Raqqa"),
    ("Soldiers killed two gunmen at the Torkham crossing.", "Torkham crossing"),
    ("In the northern port of Berdyansk, officials said 12 people were wounded.", "port of Berdyansk"),
    ("Air defences shot down nine drones over the Russian regions of Bryansk and Kursk.", "Bryansk"),
    ("Shelling in the capital killed three people overnight.", "capital"),
    (
        "Jets bombed a camp in eastern Syria on Monday, killing 30 fighters who had planned attacks in "
        "Jordan.",
        "eastern Syria",
    ),
    # a name the small model takes for a person's, after a direction word: still a town
    ("Kurdish fighters destroyed a Turkish tank in northern Syrias Afrin.", "Afrin"),
    ("Rebels killed four soldiers in western Kobani, the group said.", "Kobani"),
    # a speech verb that reports what happened there, or a passive report, keeps the place
    ("Monitors reported 20 dead in Aleppo.", "Aleppo"),
    ("Heavy losses were reported in Idlib, where 14 fighters died.", "Idlib"),
    ("Marines met fierce resistance in Marjah, killing 12 insurgents.", "Marjah"),
    ("The spokesman said, commenting on raids near the village of Hatla, that 34 militants died.", "Hatla"),
    ("In Kherson, the governor said shelling killed two people.", "Kherson"),
    # a town of two words that the model takes for a person's name, which the gazetteer knows as a town
    ("The army said its jets killed 9 militants in Khan Younis.", "Khan Younis"),
    # a town the model takes for a language before a time word, which the gazetteer knows as a town
    ("Jets killed 14 people in Rafah overnight, medics said.", "Rafah"),
    # the place of a claim's own operation, even when the parser hangs it on an earlier attack noun
    (
        "Troops detained six suspects as they targeted a commander tied to attacks on a checkpoint "
        "during an operation in Zabul province.",
        "Zabul province",
    ),
    # a part set beside its total takes the place hung on its own figure
    # an attack "of" a named place happened there: the place is the name, not the attack
    ("Nine people died in the shelling of Kupiansk overnight, the governor said.", "Kupiansk"),
    ("Two guards were wounded during the bombing of Sirte.", "Sirte"),
    # also when the attack is the subject
    ("Turkish shelling of Afrin wounded 6 civilians, the monitor said.", "Afrin"),
    # a town named in the clause is more specific than the region fronted before it
    (
        "In the Sumy region, Russian drones killed two men in the village of Velyka Pysarivka.",
        "Velyka Pysarivka",
    ),
    # open water is a place of its own, with no name
    ("Video of the raid shows a strike on a boat at sea.", "sea"),
    ("The destroyer sank two skiffs in international waters.", "international waters"),
    ("Navy jets downed four drones off the coast of Yemen.", "coast of Yemen"),
    ("Patrol craft intercepted three vessels on the high seas.", "high seas"),
    # several places of one kind named together: the list whole
    (
        "Jets struck depots in the Suran, Arshak, Ikdakh and Ihtimalat regions, killing 50 militants.",
        "Suran, Arshak, Ikdakh and Ihtimalat regions",
    ),
    ("Troops killed 14 insurgents in the Nad Ali and Marjah districts.", "Nad Ali and Marjah districts"),
    # an attack described inside another's clause names the place when nothing before names one
    ("Soldiers captured a bomb maker involved in attacks throughout Paktika province.", "Paktika province"),
    # a state of a federation, "state" in lower case after a name the model may take for a modifier
    ("Gunmen killed 11 villagers in Katsina state on Sunday, police said.", "Katsina state"),
    ("Troops killed 9 fighters in Yobe state.", "Yobe state"),
    # a name after a participle that says its state, which the model reads as the participle's object
    ("Ukrainian drones destroyed a Russian fuel depot in occupied Tokmak.", "Tokmak"),
    # a town, then the province that holds it in a phrase of its own: the town first
    ("Partisans blew up a train in Melitopol, in Zaporizhzhia oblast.", "Melitopol, Zaporizhzhia oblast"),
    ("Shelling killed two men in Nikopol, in Dnipropetrovsk region.", "Nikopol, Dnipropetrovsk region"),
    # a named place an attack verb takes as its object is where the attack did what it did
    ("Artillery pounded Avdiivka, killing three civilians.", "Avdiivka"),
    ("Warplanes bombed Saraqeb on Friday, wounding 6 people.", "Saraqeb"),
    # a name a "where" clause hangs on is a place, whatever the model tagged it; the clause happened there
    ("The army sent reinforcements to Marawi, where militants killed 9 policemen.", "Marawi"),
    ("Medics rushed to Kidal, where a drone killed 4 herders.", "Kidal"),
    # two prepositions joined before one name: the parser gives the first no object
    ("Paramilitary fighters shelled homes in and around El Fasher, killing 14 civilians.", "El Fasher"),
    ("Gunmen killed 11 farmers in and around Djibo on Saturday, a local official said.", "Djibo"),
    ("Air strikes killed 10 people in and near Khan Younis overnight, medics said.", "Khan Younis"),
    # a stretch between two towns, kept whole as a direction from a town is
    (
        "Insurgents ambushed a convoy on the road between Gao and Ansongo, killing 5 soldiers.",
        "between Gao and Ansongo",
    ),
    ("Troops killed 4 fighters between Khan Younis and Rafah on Monday.", "between Khan Younis and Rafah"),
]


@pytest.mark.parametrize(
    "sentence",
    [
        # between two countries, or two seats of government that talk: no stretch of land
        "Fighting between Russia and Ukraine killed 8 soldiers, the ministry said.",
        "Talks between Sanaa and Aden ended after gunmen killed 3 guards.",
    ],
)
def test_between_two_sides_is_no_stretch_of_land(extractor, sentence):
    found = locations(extractor, sentence)
    assert found and not any(place and place.startswith("between") for place in found)


def test_a_part_set_beside_its_total_takes_the_place_of_its_own_figure(extractor):
    text = "Warplanes carried out 10 air strikes on Monday: six near Kobani and four near Hasakah."
    assert locations(extractor, text) == ["Kobani", "Kobani", "Hasakah"]


@pytest.mark.parametrize("sentence, place", NEWS_PLACES)
def test_a_claim_takes_the_place_of_its_clause(extractor, sentence, place):
    found = locations(extractor, sentence)
    assert found and found[0] is not None and place in found[0]


# a source's place ("an official in Nyala said") is where the source is: the claim's place when the
# sentence names no other, never over a place its own clause names
SOURCE_PLACES = [
    ("Gunmen stormed the village of Kalma and killed 9 farmers, a local official in Nyala said.", "Kalma"),
    ("A medic in Deir al-Balah said tank fire killed 5 people in Rafah.", "Rafah"),
    (
        "Raiders killed 12 traders in the town of Mellit, a community leader in El Fasher said.",
        "town of Mellit",
    ),
    ("The strike killed 11 militants, a security official in Baidoa said.", "Baidoa"),
]


@pytest.mark.parametrize("sentence, place", SOURCE_PLACES)
def test_a_sources_place_yields_to_the_claims_own(extractor, sentence, place):
    assert set(locations(extractor, sentence)) == {place}


# never a claim's place: the dateline's city, a body's seat, a force's possessor, a place someone comes from
NO_PLACES = [
    "KABUL, Afghanistan (May 3) - Coalition forces killed two insurgents.",
    "MOSCOW, May 3 (Reuters) - Warplanes destroyed 12 depots, the ministry said.",
    "Azerbaijan's army destroyed five tanks, the ministry said.",
    "Ukraine's General Staff said its forces shot down 20 drones.",
    # the country whose source speaks, whatever the word its possessive falls on
    "Ukraine's military said Russian troops carried out 12 air strikes overnight.",
    "Guns hit 4 depots, Moldova's border police chief said.",
    "The ministry in Moscow said aircraft destroyed 30 targets.",
    "The embassy in Kabul said militants killed three guards.",
    "Russia said its jets flew 40 sorties.",
    # "state" after a nationality is a polity, no place ("state" as a place's kind needs a name before it)
    "The Soviet state lost 300 tanks in a single year.",
    # a country's force that acts: whose, not where, whatever word its possessive falls on
    "Sudan's paramilitary shelled a market, killing 13 people.",
    "Sgt. Jane Doe, of Bismarck, said the unit killed two fighters.",
    "The suspects remain in the custody of the Rangers after the unit killed two fighters.",
    # where someone spoke, met or was heard is no place of what they told of
    "Speaking in Moscow, the minister said Russian jets flew 40 sorties.",
    "The general told reporters in Brussels that jets struck 12 targets.",
    "The spokesman said at a news conference in Baghdad that 30 militants were killed.",
    "Officials said in Ankara that artillery killed 9 fighters.",
    "At a briefing in Washington, the colonel said drones destroyed 4 launchers.",
    "He is due at a summit in Geneva, where aides said 15 drones were shot down.",
    "Before the envoy was to meet with Trump in Doha, jets struck 8 targets.",
    "Ahead of a meeting Sunday in Vienna, drones hit 6 depots.",
    # a person whose name ends like a town's is no place
    "Among the dead was a commander of the brigade, Samir al-Asmar, and 12 of his fighters.",
    # where the counted fighters came from is no place of what befell them
    "Jets destroyed four groups of militants who had arrived from the territory of Iraq.",
    "Aircraft killed 20 fighters coming from Mosul as reinforcements.",
    # a count of places says how widely, not where
    "Russian forces shelled 35 settlements in 8 regions over the past day.",
    "Troops killed 20 militants in three provinces, the ministry said.",
    # where a statement was posted is no place
    "The general staff said in a statement on Facebook that 800 soldiers had been lost.",
    "The brigade posted a video on Telegram showing its drones destroying 3 tanks.",
    "In a post on X, the army said its jets had struck 14 targets.",
    # a day a "where" clause hangs on is no place
    "The truce ended on Monday, where rebels then killed 5 soldiers.",
]


@pytest.mark.parametrize("text", NO_PLACES)
def test_places_that_are_no_claims_place(extractor, text):
    found = locations(extractor, text)
    assert found and found[0] is None


# a named place that tells no claim's place: a person the model tags as a place, a speaker the parser hung
# elsewhere, where counted fighters came from; and the places beside them that still tell where
NAMED_PLACE_ROLES = [
    (
        "Among those killed in the raid was Hamid Sabouri, a Libyan wanted for bombings.",
        "Hamid Sabouri",
        False,
    ),
    ("Killed in the strike was Karim Bellara, a commander of the group.", "Karim Bellara", False),
    ("Among those Ankara said it hit in the raids were 12 fighters.", "Ankara", False),
    ("Jets destroyed four groups of militants who had arrived from the territory of Iraq.", "Iraq", False),
    ("Jets killed 20 fighters who had come from Syria.", "Syria", False),
    ("Jets struck Mosul, a city in the north.", "Mosul", True),
    ("Jets killed 20 fighters who were hiding in Mosul.", "Mosul", True),
]


@pytest.mark.parametrize("text, name, where", NAMED_PLACE_ROLES)
def test_what_a_named_place_tells(nlp, text, name, where):
    doc = nlp(text)
    roles = {p.text: p._.place_role for p in doc.spans["places"]}
    assert (roles.get(name) == "where") is where


# what inherits: a list item names its own place; a heading's country is no location when the line names one
INHERITED = [
    ("Iraq\n- Near Mosul, two strikes destroyed an ISIL vehicle.\n", ["Mosul", "Mosul"]),
    ("In Khost last night, a joint force searched a compound. The force detained two suspects.", ["Khost"]),
    (
        "Syria\n- Near Hasakah, a strike destroyed a bunker.\n- Near Kobani, a strike destroyed a truck.\n",
        ["Hasakah", "Hasakah", "Kobani", "Kobani"],
    ),
]


@pytest.mark.parametrize("text, expected", INHERITED)
def test_what_a_claim_inherits(extractor, text, expected):
    assert locations(extractor, text) == expected


# the first claim of a report that names no place of its own: where the text says its strike was
FIRST_CLAIM_PLACES = [
    # the next sentence tells where the strike took place
    (
        "Typhoon jets struck a weapons store, the ministry said. The strike took place on Friday near Hit, "
        "in Anbar province.",
        "Hit, Anbar province",
    ),
    (
        "Drones hit an ammunition depot overnight. The attack happened in a forest east of Kupiansk.",
        "forest east of Kupiansk",
    ),
    # "the city's" district: the city named before
    (
        "The mayor of the city of Sabratha spoke to reporters. Planes hit a house in the city's Qasr Talil "
        "district. It killed 20 people.",
        "Qasr Talil district, Sabratha",
    ),
    # a person's earlier attacks elsewhere: the place of the report before
    (
        "Jets struck militants in western Libya on Friday. The Pentagon said it killed a militant linked to "
        "attacks on tourists in Tunisia.",
        "western Libya",
    ),
]


@pytest.mark.parametrize("text, place", FIRST_CLAIM_PLACES)
def test_a_claim_with_no_place_of_its_own(extractor, text, place):
    assert locations(extractor, text)[0] == place


# the place mentions and their kinds
KINDS = [
    ("Jets struck targets in Syria.", "Syria", "country"),
    ("Jets struck targets in Helmand province.", "Helmand province", "province"),
    ("Jets struck targets in Andar district.", "Andar district", "district"),
    ("Jets struck targets near the village of Sangin.", "village of Sangin", "town"),
    ("Jets struck targets in the Bakhmut direction.", "Bakhmut direction", "area"),
    ("Jets struck targets in the Black Sea.", "Black Sea", "airspace"),
    ("Jets struck targets at Kandahar Airfield.", "Kandahar Airfield", "facility"),
    ("Jets struck targets 10 km north of Mosul.", "10 km north of Mosul", "area"),
    ("Jets struck targets in Anbar governorate.", "Anbar governorate", "province"),
]


@pytest.mark.parametrize("text, place, kind", KINDS)
def test_place_kinds(nlp, text, place, kind):
    doc = nlp(make_document(nlp, text))
    spans = {s.text: s.label_ for s in doc.spans["places"]}
    assert spans.get(place) == kind, spans


@pytest.mark.parametrize(
    "name, key",
    [
        ("Qal\u2019a-ye Zal", "qala ye zal"),
        ("Qal'a-ye Zal", "qala ye zal"),
        ("Dayr az Zawr", "dayr az zawr"),
        ("Ḩalab", "halab"),
        ("Nad-e Ali", "nad e ali"),
    ],
)
def test_names_fold_alike(name, key):
    assert fold(name) == key


@pytest.mark.parametrize(
    "spelling, other, country",
    [
        ("Ar Raqqah", "Raqqa", "SY"),
        ("Bayji", "Baiji", "IQ"),
        ("Paktiya", "Paktia", "AF"),
        ("Dayr az Zawr", "Deir ez-Zor", "SY"),
        ("Avdiivka", "Avdiyivka", "UA"),
        # a letter doubled or single, an article run into the name
        ("Raqa", "Raqqa", "SY"),
        ("Deir Ezzor", "Deir ez-Zor", "SY"),
        ("Falluja", "Fallujah", "IQ"),
        # a province's vowel written as another transliteration writes it
        ("Paktya", "Paktia", "AF"),
        ("Paktyka", "Paktika", "AF"),
        ("Hilmand", "Helmand", "AF"),
        ("Jawzjan", "Jowzjan", "AF"),
        ("Nooristan", "Nuristan", "AF"),
    ],
)
def test_alternate_spellings_resolve_alike(spelling, other, country):
    index = gazetteer()
    first, second = index.lookup(spelling, country), index.lookup(other, country)
    assert first is not None and second is not None
    assert (first.country, first.admin1) == (second.country, second.admin1) == (first.country, first.admin1)
    assert first.country == country


@pytest.mark.parametrize(
    "name, admin1",
    [
        # a name that is one place's own and another's alternate ("Paktika" is an old name of Paktia) means
        # the place whose own name it is
        ("Paktika", "Paktika"),
        ("Paktia", "Paktia"),
        ("Kabul province", "Kabul"),
    ],
)
def test_a_places_own_name_comes_before_an_alternate_name(name, admin1):
    assert gazetteer().lookup(name.removesuffix(" province"), "AF", kind="province").admin1 == admin1


def test_a_town_is_not_found_by_a_vowel_written_otherwise():
    # one vowel tells too many towns apart: "Sangan" is not "Sangin"
    assert gazetteer().lookup("Sangan", "AF") is None or gazetteer().lookup("Sangan", "AF").name != "Sangīn"


def test_an_ambiguous_name_takes_its_contexts_country():
    index = gazetteer()
    assert index.lookup("Sinjar", "SY").country == "SY"
    assert index.lookup("Sinjar", "IQ").country == "IQ"
    assert index.lookup("Kobani", "IQ") is None  # known in Syria and Tanzania, not in Iraq


GEO = [
    # a known town: its country, province and coordinates
    ("Iraq\n- Near Bayji, two strikes destroyed an ISIL vehicle.\n", "IQ", True),
    ("Syria\n- Near Palmyra, a strike destroyed an ISIL tank.\n", "SY", True),
    # a village the gazetteer does not know: the heading's country, no coordinates
    ("Syria\n- Near Zzyqrat Fawq, a strike destroyed an ISIL tank.\n", "SY", False),
    ("Iraq\n- Near Albu Qlqlwan, two strikes destroyed an ISIL bunker.\n", "IQ", False),
    # a province: the country and the province, no point
    ("Coalition forces killed two insurgents in Ghazni province, Afghanistan.", "AF", False),
    ("Ukrainian forces shot down 14 drones over Sumy oblast.", "UA", False),
]


# each claim's geo where the text names the place in other ways: a town of one country only, whatever
# country the report names; a country's possessive without its apostrophe; a town before its country
GEO_OF_EACH = [
    (
        "Iraq\n- Near Mosul, two strikes hit a bunker.\nAttacks in Brussels killed 31 people last week.",
        [("IQ", True), ("IQ", True), ("BE", True)],
    ),
    ("Syria\n- Near Kilis, artillery destroyed two ISIL rocket launchers.\n", [("TR", True)]),
    ("Jets destroyed 3 depots in Syrias Idlib province.", [("SY", False)]),
    ("Rebels shelled an airfield in Syria near Homs, destroying 2 jets.", [("SY", True), ("SY", True)]),
    ("Kurdish fighters destroyed a tank in northern Syrias Afrin, Turkish media said.", [("SY", True)]),
    ("Soldiers killed 8 fighters near Deir Ezzor, Syria.", [("SY", True)]),
]


@pytest.mark.parametrize("text, expected", GEO_OF_EACH)
def test_geo_of_each_claim(extractor, text, expected):
    claims = extractor.extract(text, published=PUBLISHED).claims
    found = [(c.geo.country, c.geo.lat is not None) if c.geo else None for c in claims]
    assert found == expected


def test_an_unknown_place_takes_the_country_of_the_lead_over_its_list_item(extractor):
    text = (
        "In Syria, jets conducted 3 strikes against ISIS targets:\n"
        "- Near Tal Zuhayrat, three strikes destroyed an ISIS depot.\n"
        "In Iraq, jets conducted 2 strikes against ISIS targets:\n"
        "- Near Khirbat Bawwabiya, two strikes destroyed an ISIS tunnel."
    )
    claims = extractor.extract(text, published=PUBLISHED).claims
    found = {c.location: (c.geo.country, c.geo.lat) for c in claims if c.kind == "strikes" and c.geo}
    assert found["Tal Zuhayrat"] == ("SY", None)
    assert found["Khirbat Bawwabiya"] == ("IQ", None)


@pytest.mark.parametrize("text, country, placed", GEO)
def test_geo_of_known_and_unknown_places(extractor, text, country, placed):
    claims = [c for c in extractor.extract(text, published=PUBLISHED).claims if c.location]
    assert claims
    geo = claims[0].geo
    assert geo is not None and geo.country == country
    assert (geo.lat is not None and geo.lon is not None) == placed


# a capital named by its country: the location keeps the words, geo is the capital
CAPITALS = [
    ("A drone attack on Ukraine’s capital killed two people.", "Ukraine’s capital", "Kyiv", "UA"),
    ("Shelling in the Syrian capital wounded 14 civilians.", "Syrian capital", "Damascus", "SY"),
    ("Drones struck 4 depots in Russias capital.", "Russias capital", "Moscow", "RU"),
    ("Militants fired 12 rockets at the Afghan capital.", "Afghan capital", "Kabul", "AF"),
]


@pytest.mark.parametrize("text, location, capital, country", CAPITALS)
def test_a_capital_named_by_its_country(extractor, text, location, capital, country):
    claim = next(c for c in extractor.extract(text, published=PUBLISHED).claims if c.location)
    assert claim.location == location
    assert claim.geo is not None and (claim.geo.name, claim.geo.country) == (capital, country)
    assert claim.geo.lat is not None


@pytest.mark.parametrize("location", ["capital", "sea", "international waters"])
def test_a_place_without_a_name_is_looked_up_in_no_country(location):
    assert resolve_location(location, None, set(), gazetteer()) is None


def test_no_location_no_geo(extractor):
    claims = extractor.extract("Aircraft flew 20 sorties.", published=PUBLISHED).claims
    assert claims and all(c.geo is None for c in claims if c.location is None)


def _geojson(extractor, tmp_path, texts):
    path = tmp_path / "claims.geojson"
    writer = GeoJsonWriter(path)
    for i, text in enumerate(texts):
        writer.write(extractor.extract(text, published=PUBLISHED, doc_id=f"d{i}").to_json_dict())
    writer.close()
    return json.loads(path.read_text(encoding="utf-8"))


def test_geojson_is_a_feature_collection_of_points_in_lon_lat_order(extractor, tmp_path):
    texts = ["Iraq\n- Near Mosul, two strikes destroyed an ISIL vehicle.\n", "Aircraft flew 20 sorties."]
    collection = _geojson(extractor, tmp_path, texts)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert features and all(f["type"] == "Feature" and f["geometry"]["type"] == "Point" for f in features)
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        props = feature["properties"]
        assert (lon, lat) == (props["geo_lon"], props["geo_lat"])
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert 40 < lon < 45 and 35 < lat < 38  # Mosul: east of Greenwich, north of the equator
        assert list(props) == [name for name, _ in row_columns()]


def test_geojson_with_no_placed_claim_is_an_empty_collection(extractor, tmp_path):
    collection = _geojson(extractor, tmp_path, ["Aircraft flew 20 sorties."])
    assert collection == {"type": "FeatureCollection", "features": []}


# a district, town or area the report names without its province, where the report names the province before
JOINED = [
    (
        "In Baraki Barak district, Logar province, a force searched a compound. The leader plans attacks in "
        "Baraki Barak district. Later the force detained three suspects in Baraki Barak district.",
        "Baraki Barak district, Logar province",
    ),
    (
        "Troops pushed into Zabul province on Monday. The patrol later killed two insurgents in Shinkay "
        "village.",
        "Shinkay village, Zabul province",
    ),
    # a city the gazetteer puts in another province keeps its own name
    (
        "Police searched homes in Ghazni province. Separately, officers arrested four suspects in "
        "Kabul City.",
        "Kabul City",
    ),
    # a name several places share, one of them in the province named: that one
    (
        "Afghan troops moved into Ghazni province at dawn. They later killed an insurgent in Qarah Bagh "
        "district.",
        "Qarah Bagh district, Ghazni province",
    ),
    (
        "In Ghazni province, a joint patrol detained two suspects in Qarah Bagh district.",
        "Qarah Bagh district, Ghazni province",
    ),
    # a unit word that modifies a noun names no place
    ("A Haqqani district leader and two fighters were detained in Khost province.", "Khost province"),
    # a province named as a district's owner is in the location already, under its bare name
    (
        "Jets bombed a school in Sagaing region's Depayin township, killing 20 children.",
        "Depayin township, Sagaing",
    ),
]


@pytest.mark.parametrize("text, place", JOINED)
def test_a_district_joins_the_province_its_report_names(extractor, text, place):
    assert locations(extractor, text)[-1] == place


def test_geojson_from_the_command_line_follows_the_suffix(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    source = tmp_path / "release.txt"
    source.write_text("Iraq\n- Near Ramadi, two strikes destroyed an ISIL vehicle.\n", encoding="utf-8")
    out = tmp_path / "claims.geojson"
    result = CliRunner().invoke(app, ["extract", "--workers", "1", "--quiet", str(source), "-o", str(out)])
    assert result.exit_code == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert {f["properties"]["location"] for f in collection["features"]} == {"Ramadi"}
    refused = CliRunner().invoke(
        app, ["extract", str(source), "--out-dir", str(tmp_path / "d"), "-f", "geojson"]
    )
    assert refused.exit_code != 0


@pytest.mark.parametrize(
    "text",
    [
        "Near Qal'a-ye Zal, two strikes hit a Daesh unit; al Bab and the Dayr az Zawr region were struck.",
        "In Helmand Province - near the Kajaki dam - forces met Taliban fighters. The Of and At Near Ez-Zor",
        "- Ar Raqqah -",
    ],
)
def test_the_name_part_flag_is_the_same_read_per_word_or_per_token(nlp, text):
    import re

    from extractor.components.places import (
        CAPITALIZED_WORD,
        KIND_OF_WORD,
        NAME_JOINERS,
        NAME_PARTICLES,
        PLACE_PREPOSITIONS,
        _name_part_flags,
    )

    def read_from_the_token(token):
        if token.text in NAME_JOINERS:
            return token.i > 0 and not token.doc[token.i - 1].whitespace_ and token.i + 1 < len(token.doc)
        lower = token.lower_
        return lower in NAME_PARTICLES or (
            re.match(CAPITALIZED_WORD, token.text) is not None
            and not token.is_stop
            and lower not in PLACE_PREPOSITIONS
            and lower not in KIND_OF_WORD
        )

    doc = nlp(text)
    expected = [read_from_the_token(t) for t in doc]
    assert [t._.place_name_part for t in doc] == expected  # twice: the second reads the kept answers
    assert [t._.place_name_part for t in doc] == expected
    assert _name_part_flags(doc).tolist() == expected


# a place after a comma is a larger place of the one before only if it is not whose source speaks
@pytest.mark.parametrize(
    "text, place",
    [
        ("Three drones were downed over the Sumy region, Ukraine's air force said.", "Sumy region"),
        ("Two jets were lost near Kupiansk, Ukraine's army spokesman said.", "Kupiansk"),
    ],
)
def test_a_possessor_after_a_comma_widens_no_place(extractor, text, place):
    assert locations(extractor, text)[0] == place


# a compass direction from a named place is one chain: the location keeps it whole, geo places the town
@pytest.mark.parametrize(
    "text, place, town",
    [
        ("Coalition jets destroyed four ISIL trucks west of Kirkuk on Monday.", "west of Kirkuk", "Kirkuk"),
        (
            "Three soldiers were wounded southwest of Bakhmut, the army said.",
            "southwest of Bakhmut",
            "Bakhmut",
        ),
        ("Army units killed 12 militants in the desert north of Palmyra.", "north of Palmyra", "Tadmur"),
        ("Two insurgents were killed 30 km east of Sanaa.", "30 km east of Sanaa", "Sanaa"),
    ],
)
def test_a_direction_from_a_place_is_kept_whole(extractor, text, place, town):
    claims = [c for c in extractor.extract(text, published="2024-03-05").claims if c.value is not None]
    assert [(c.location, c.geo.name if c.geo else None) for c in claims] == [(place, town)]


def test_a_direction_from_no_named_place_is_no_place(extractor):
    text = "Forces pushed into the east of the country and killed seven militants."
    assert [c.location for c in extractor.extract(text, published="2024-03-05").claims] == [None]


# the claim's place exactly, on wordings where a word beside the name was taken into it or took its place
OWN_PLACE_EXACT = [
    # a word that says who holds a place or what befell it stands before the name and is none of it
    ("Artillery fire near occupied Nova Kakhovka killed three residents.", "Nova Kakhovka"),
    ("Drones hit a fuel depot in Russian-occupied Berdiansk, destroying it.", "Berdiansk"),
    ("Bombardment of rebel-held Saraqib killed 9 civilians.", "Saraqib"),
    ("Missiles fired at Houthi-controlled Sanaa destroyed 4 launchers.", "Sanaa"),
    ("Troops repelled an assault near embattled Chasiv Yar, destroying 2 tanks.", "Chasiv Yar"),
    # a nationality and a place word that a named place follows with "of": the named place
    ("Warplanes pounded the Syrian town of Kafranbel, killing 6 people.", "Kafranbel"),
    ("Gunboats shelled the Lebanese village of Khiam, wounding 3 people.", "Khiam"),
    # a site without a name inside a named place: the named place
    ("Gunmen killed 5 guards at a checkpoint in Baraki Barak district.", "Baraki Barak district"),
    ("A suicide bomber killed 7 soldiers at an army base in Bay region.", "Bay region"),
    # not a named unit the model took for a nationality's, inside the province that holds it
    (
        "Militants raided a checkpoint in Sabari district in Khost, wounding 4 policemen.",
        "Sabari district in Khost",
    ),
    # a township, the unit below a region or state
    ("Jets bombed a monastery in Kani township, killing 4 monks.", "Kani township"),
    # a natural feature or a road named by the words before it; a nationality's desert names no one place
    ("Soldiers killed 9 bandits in the Kamuku forest, police said.", "Kamuku forest"),
    ("Jets pounded hideouts in the Tora hills, killing 11 militants.", "Tora hills"),
    ("Gunmen killed 3 drivers on the Kandahar-Herat highway.", "Kandahar-Herat highway"),
    ("Fighters killed 8 soldiers in the Libyan desert south of Sirte.", "south of Sirte"),
    # a named place an assault verb takes, an apposition saying it is a place whatever the model made of it
    ("Gunmen stormed Abu Qouta, a town on the Blue Nile, killing 13 villagers.", "Abu Qouta"),
    ("Rebels seized Rubaya, a mining town, killing 6 soldiers.", "Rubaya"),
    ("Militants overran Kamsar Kot, a village near the border, killing 5 guards.", "Kamsar Kot"),
    (
        "Paramilitary fighters stormed Wad Madani, the capital of Gezira state, killing 25 people.",
        "Wad Madani, Gezira state",
    ),
    # a group the parser hung the place's province on as an apposition is no place
    (
        "A joint force detained 3 suspects in an operation targeting an Islamic Jihad Union leader in"
        " Chahar Dara district, Kunduz province, yesterday.",
        "Chahar Dara district, Kunduz province",
    ),
    # a port named by "of", the object of an attack verb
    ("Missiles struck the port of Mykolaiv, destroying 3 warehouses.", "Mykolaiv"),
    # a province's district, the province named once
    (
        "Shells hit the Donetsk region's Pokrovsk district, killing 3 people.",
        "Pokrovsk district, Donetsk region",
    ),
    (
        "Drones struck the Kharkiv region's Izium district, killing one man.",
        "Izium district, Kharkiv region",
    ),
]


@pytest.mark.parametrize("text, place", OWN_PLACE_EXACT)
def test_the_claims_own_place_exactly(extractor, text, place):
    assert locations(extractor, text)[0] == place


# a link of a chain the gazetteer knows only in another division than the link that holds it is another
# place of that name; open water is no town or province of its name
GEO_DIVISIONS = [
    (
        "Drones hit Odesa at night. A woman died in the city's Kyivskyi district.",
        "Kyivskyi district, Odesa",
        ("Odessa", True),
    ),
    (
        "Rockets hit Kherson overnight. Two men were killed in the city's Dniprovskyi district.",
        "Dniprovskyi district, Kherson",
        ("Kherson", True),
    ),
    ("Missiles hit a tanker in the Gulf of Aden, wounding 2 sailors.", "Gulf of Aden", None),
    ("Warships shot down 3 drones over the Red Sea.", "Red Sea", None),
    ("Drones killed 6 fighters in the Juba hills in southern Somalia.", "Juba hills, Somalia", None),
]


@pytest.mark.parametrize("text, location, geo", GEO_DIVISIONS)
def test_geo_of_a_link_within_its_wider_link(extractor, text, location, geo):
    claim = next(c for c in extractor.extract(text, published=PUBLISHED).claims if c.location)
    assert claim.location == location
    found = (claim.geo.admin1, claim.geo.lat is not None) if claim.geo and claim.geo.lat else None
    assert found == geo


# a figure set beside the total with its own place: that place is the part's, and no town within the
# total's region
PARTS_WITH_THEIR_OWN_PLACES = [
    (
        "Guns downed 15 drones over the Voronezh region, 5 over Tambov and 2 over Kaluga.",
        ["Voronezh region", "Tambov"],
    ),
    (
        "Air defences downed 12 drones over the Kursk region, 3 over Oryol and 2 over Lipetsk.",
        ["Kursk region", "Oryol"],
    ),
]


@pytest.mark.parametrize("text, places", PARTS_WITH_THEIR_OWN_PLACES)
def test_a_parts_own_place_is_no_town_of_the_totals(extractor, text, places):
    # the total and the first part (the last part after "and" is another matter: its figure's claim)
    assert locations(extractor, text)[: len(places)] == places
