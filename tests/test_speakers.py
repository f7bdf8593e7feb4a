"""The speaker finder: who speaks (title, role, organization), quotations, and which sentences they source."""

from __future__ import annotations

import datetime as dt

import pytest
from pipeline_steps import run_until

from extractor.components.layout import find_paragraphs, find_quotes
from extractor.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    pipeline, _ = build_pipeline()
    return pipeline


def run(nlp, text, published=dt.date(2021, 5, 10)):
    """The document through the pipeline up to the speaker finder."""
    return run_until(nlp, text, published, "briefing_speakers")


def speaker_of(doc, words):
    """The speaker (or None) of the sentence holding `words`."""
    start = doc.text.index(words)
    sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    found = doc._.sentence_speakers.get(sentence.start)
    return next((s for s in doc._.speakers if s.id == found), None)


DESCRIPTIONS = [
    (
        "Over the past day, aircraft hit 40 fortified positions, Colonel-General Ivan Petrov, head of the "
        "Main Operations Directorate of the Russian General Staff, told reporters.",
        (
            "person",
            "Ivan Petrov",
            "Colonel-General",
            "head of the Main Operations Directorate",
            "Russian General Staff",
        ),
    ),
    (
        "Defence Ministry spokesman Rear Admiral Oleg Ivanov said on Monday that 12 ammunition depots were "
        "destroyed.",
        ("person", "Oleg Ivanov", "Rear Admiral", "spokesman", "Defence Ministry"),
    ),
    (
        "Tomas Varga, deputy head of the northern army, said that nine soldiers were wounded.",
        ("person", "Tomas Varga", None, "deputy head of the northern army", "northern army"),
    ),
    (
        "Coalition aircraft conducted 14 strikes near the river, said CJTF-OIR commander Lt. Gen. Mark Dale.",
        ("person", "Mark Dale", "Lt. Gen.", "commander", "CJTF-OIR"),
    ),
    (
        "Six launchers were destroyed overnight, the Ministry of Defence said in a statement.",
        ("organization", "Ministry of Defence", None, None, "Ministry of Defence"),
    ),
    (
        "Twenty rebels surrendered in the valley, according to the Joint Operations Command.",
        ("organization", "Joint Operations Command", None, None, "Joint Operations Command"),
    ),
    # the body a post serves, after "for": whole, with its own "of"; not the "for" inside a body's name
    (
        "A spokeswoman for the Kenya Defence Forces, Diana Otieno, said troops killed 11 raiders.",
        ("person", "Diana Otieno", None, "spokeswoman", "Kenya Defence Forces"),
    ),
    (
        "Major Ivo Brenner, spokesman for the eastern group of forces, said four tanks were destroyed.",
        ("person", "Ivo Brenner", "Major", "spokesman", "eastern group of forces"),
    ),
    (
        "Lina Haddad, director of the Syrian Network for Human Rights, said 14 civilians died.",
        (
            "person",
            "Lina Haddad",
            None,
            "director of the Syrian Network for Human Rights",
            "Syrian Network for Human Rights",
        ),
    ),
    # an abbreviated rank opening the text stays one word, and the sentence whole
    (
        "Brig. Gen. Omar Haddad told reporters that troops killed 40 fighters.",
        ("person", "Omar Haddad", "Brig. Gen.", None, None),
    ),
    (
        "Sgt. Maj. Alan Reyes said two insurgents were detained.",
        ("person", "Alan Reyes", "Sgt. Maj.", None, None),
    ),
    # an armed group's name is a body speaking, whatever the model labelled it
    (
        "Islamic State said its fighters killed 12 soldiers near the border.",
        ("organization", "Islamic State", None, None, "Islamic State"),
    ),
    (
        "The Islamic State claimed 20 attacks in the province last month.",
        ("organization", "Islamic State", None, None, "Islamic State"),
    ),
    # a post in an aside after the name, its body named in front of it: the body is the organization
    (
        "Maj. Lena Brandt, an ISAF spokeswoman, said seven fighters were detained overnight.",
        ("person", "Lena Brandt", "Maj.", "spokeswoman", "ISAF"),
    ),
    (
        "Cmdr. Paul Ortega, the Pentagon deputy press secretary, said three boats were sunk.",
        ("person", "Paul Ortega", "Cmdr.", "deputy press secretary", "Pentagon"),
    ),
    # a modifier of the post in front of the body ("senior", "former") is no part of the body's name
    (
        "A senior NATO defence official said 5 drones were shot down over the Baltic.",
        ("person", "senior NATO defence official", None, "defence official", "NATO"),
    ),
    (
        "Anna Weiss, a former UN analyst, said 12 fighters were killed in the valley.",
        ("person", "Anna Weiss", None, "analyst", "UN"),
    ),
    # a lone place name before the post says where the post is: no organization
    (
        "Poland's health minister said 3 people were wounded when the drone crashed.",
        ("person", "Poland's health minister", None, "minister", None),
    ),
    # a post serving a body named only with capitals ("for the Houthis"): the body is the organization
    (
        "Khalid Mansour, a spokesman for the Peshmerga, said 14 militants were killed at the checkpoint.",
        ("person", "Khalid Mansour", None, "spokesman", "Peshmerga"),
    ),
    (
        "Ali Rahimi, a spokesperson for Hayat Tahrir al-Sham, told reporters that 9 troops died in the raid.",
        ("person", "Ali Rahimi", None, "spokesperson", "Hayat Tahrir al-Sham"),
    ),
    # a body's post set before the name with a comma: the post and its body apart, as without the comma
    (
        "Kenya's defence ministry spokesman, Colonel Paul Njuguna, said 11 militants were killed at the "
        "border.",
        ("person", "Paul Njuguna", "Colonel", "spokesman", "Kenya's defence ministry"),
    ),
    (
        "Georgia's border guard chief, General Levan Beridze, said four drones crossed the line overnight.",
        ("person", "Levan Beridze", "General", "chief", "Georgia's border guard"),
    ),
    # a post and rank the parser made a second subject of the verb, right before the name
    (
        "Israeli military spokesperson Lt. Col. Nadav Shoshani said troops killed 20 gunmen in Jenin.",
        ("person", "Nadav Shoshani", "Lt. Col.", "spokesperson", "Israeli military"),
    ),
    # a service named by a word that also names its people ("police") is the post's body
    (
        "Police spokesman Omar Saleh said 6 officers were wounded in the blast.",
        ("person", "Omar Saleh", None, "spokesman", "Police"),
    ),
    # a post told by a relative clause ("who heads X"): the post, and X as its body
    (
        "Yusuf Karimi, who heads the council's security committee, said 20 fighters were killed last week.",
        ("person", "Yusuf Karimi", None, "head", "council's security committee"),
    ),
    (
        "Dmitry Orlov, who commands the 5th Tank Army, said 9 tanks were destroyed near the river.",
        ("person", "Dmitry Orlov", None, "commander", "5th Tank Army"),
    ),
    # the body a person serves in, after the name with "of"; not a place
    (
        "Major Irina Kovalenko of the 93rd Brigade said 5 tanks were destroyed east of the town.",
        ("person", "Irina Kovalenko", "Major", None, "93rd Brigade"),
    ),
    (
        "Dr. Samir Haddad of Al-Awda Hospital said 14 wounded were brought in overnight.",
        ("person", "Samir Haddad", "Dr.", None, "Al-Awda Hospital"),
    ),
    (
        "Captain Ali Rahman of Basra said 3 mortars hit the base.",
        ("person", "Ali Rahman", "Captain", None, None),
    ),
    # a rank before an honorific: both are the title
    (
        "Air Vice-Marshal Sir John Harper, commander of the air wing, said 12 sorties were flown.",
        ("person", "John Harper", "Air Vice-Marshal Sir", "commander of the air wing", None),
    ),
    # a formation named in the plural ("Brigades", "Battalions") is a body, not a person
    (
        "The group's armed wing, the Ansar Brigades, said its fighters destroyed three armoured vehicles.",
        ("organization", "Ansar Brigades", None, None, "Ansar Brigades"),
    ),
    # a body named by a nationality and a body's word is its own organization, as one named by its country
    (
        "The Chadian army said its troops killed 18 insurgents near the lake.",
        ("organization", "Chadian army", None, None, "Chadian army"),
    ),
    (
        "The Ukrainian navy said it sank 2 landing craft off the coast.",
        ("organization", "Ukrainian navy", None, None, "Ukrainian navy"),
    ),
    # a capitalized word before a group of people says what they are: no person's name, and no body
    (
        "Health officials in Rafah said 31 people were killed overnight.",
        ("organization", "Health officials in Rafah", None, None, None),
    ),
    (
        "Security sources in Kidal said 9 soldiers died in the ambush.",
        ("organization", "Security sources in Kidal", None, None, None),
    ),
    # a bare name that an aside calls a body ("a security firm") is the body speaking, not a person
    (
        "Dryad, a maritime risk firm, said 2 missiles struck the tanker.",
        ("organization", "Dryad", None, None, "Dryad"),
    ),
    (
        "Vostok, a private security company, said its men destroyed 3 trucks.",
        ("organization", "Vostok", None, None, "Vostok"),
    ),
    # the field a post covers, in lower case after the body's name, is no part of the body
    (
        "NATO air policing spokesman Paul Reed said 14 drones were shot down over the sea.",
        ("person", "Paul Reed", None, "spokesman", "NATO"),
    ),
    (
        "White House national security adviser Ann Cole said 40 missiles were fired at the city.",
        ("person", "Ann Cole", None, "adviser", "White House"),
    ),
    # figures a body published or released itself are its report, by a participle before the body
    (
        "According to figures published by the Somali health ministry, 45 people died in the blast.",
        ("organization", "Somali health ministry", None, None, "Somali health ministry"),
    ),
    (
        "According to data released by the Kenya Red Cross Society, 300 homes were destroyed.",
        ("organization", "Kenya Red Cross Society", None, None, "Kenya Red Cross Society"),
    ),
    (
        "According to a tally by the Syrian Network for Human Rights, 60 civilians were killed in May.",
        ("organization", "Syrian Network for Human Rights", None, None, "Syrian Network for Human Rights"),
    ),
    # a doctor's post at a hospital: the hospital is the body
    (
        "Eleven people were killed, said Samira Haddad, a surgeon at the Al-Amal hospital in Jenin.",
        (
            "person",
            "Samira Haddad",
            None,
            "surgeon at the Al-Amal hospital in Jenin",
            "Al-Amal hospital in Jenin",
        ),
    ),
    (
        "Omar Nasser, a doctor at the main clinic, said 4 children were among the wounded.",
        ("person", "Omar Nasser", None, "doctor at the main clinic", "main clinic"),
    ),
    # people named as a group open the sentence capitalized: no person's name
    (
        "Officials at the Kremlin said 7 drones were downed near the capital.",
        ("organization", "Officials at the Kremlin", None, None, None),
    ),
    (
        "Residents of Kadugli said 12 shells hit the market.",
        ("organization", "Residents of Kadugli", None, None, None),
    ),
    # the "of" of a post's own words names no body: the owner before the post does
    (
        "The Chadian army's chief of staff, General Idriss Mahamat, said 26 attackers were killed.",
        ("person", "Idriss Mahamat", "General", "chief of staff", "Chadian army"),
    ),
    (
        '"Nine of our men died," said Brig. Gen. Karim Osman, the navy\'s deputy chief of staff.',
        ("person", "Karim Osman", "Brig. Gen.", "deputy chief of staff", "navy"),
    ),
    # an acronym after the body a post serves leaves the person whole
    (
        "Colonel Faris Haddad, spokesman for the Western Shield Army (WSA), said 8 gunmen were killed.",
        ("person", "Faris Haddad", "Colonel", "spokesman", "Western Shield Army"),
    ),
    # a capitalized particle opens a name; a post "with" a body serves it
    (
        '"They lost 30 men," said Abu Hamza, a commander with the Sham Legion.',
        ("person", "Abu Hamza", None, "commander", "Sham Legion"),
    ),
    # a field before a post with a modifier of its own names the service the post is held in
    (
        "Civil defence spokesman Karim Nassar said 11 bodies were recovered from the rubble.",
        ("person", "Karim Nassar", None, "spokesman", "Civil defence"),
    ),
    (
        "Idlib's civil defence spokesman Karim Nassar said 11 bodies were recovered.",
        ("person", "Karim Nassar", None, "spokesman", "Idlib's civil defence"),
    ),
    # a nationality and a field before a post name the country's service in that field
    (
        "Iraqi counter-terrorism spokesman Salim al-Daini said the raid killed 12 militants in Anbar.",
        ("person", "Salim al-Daini", None, "spokesman", "Iraqi counter-terrorism"),
    ),
    (
        "Afghan intelligence spokesman Jawed Rahimi said 8 insurgents were arrested in Herat.",
        ("person", "Jawed Rahimi", None, "spokesman", "Afghan intelligence"),
    ),
    (
        "A senior Iraqi security official said 9 soldiers were killed in the ambush near Tarmiyah.",
        ("person", "senior Iraqi security official", None, "official", "Iraqi security"),
    ),
    # ... but a minister's field is the minister's portfolio, no body of its own
    (
        "Ukrainian health minister Pavlo Marchenko said 12 civilians were killed in the strike.",
        ("person", "Pavlo Marchenko", None, "minister", None),
    ),
    (
        "The Georgian human rights ombudsman said 4 detainees were wounded in the raid.",
        ("person", "Georgian human rights ombudsman", None, "ombudsman", None),
    ),
    # capitalized words the definite article opens name a body, whatever their head word: no person's name
    # takes "the"
    (
        "The Inter-Services Public Relations said 8 militants were killed in North Waziristan.",
        (
            "organization",
            "Inter-Services Public Relations",
            None,
            None,
            "Inter-Services Public Relations",
        ),
    ),
    (
        "The Security Media Cell said 4 suicide bombers were killed near Tarmiyah.",
        ("organization", "Security Media Cell", None, None, "Security Media Cell"),
    ),
    (
        "The Operation Safe Corridor said its troops killed 12 bandits in Zamfara.",
        ("organization", "Operation Safe Corridor", None, None, "Operation Safe Corridor"),
    ),
    # guards: a post between the article and the name, a possessive, or a title alone
    (
        "The British Defence Secretary Ben Wallace said 4 tanks were destroyed.",
        ("person", "Ben Wallace", None, "Defence Secretary", None),
    ),
    (
        "The Taliban's Zabihullah Mujahid said 9 soldiers were killed in the raid.",
        ("person", "Zabihullah Mujahid", None, None, "Taliban"),
    ),
    ("The Pope said 30 people were killed in the attack.", ("person", "Pope", None, None, None)),
    # a post "of" a place named by its kind ("the province of X") is the whole post, with no body, whatever
    # the model labelled the place's name
    (
        "The governor of the northern province of Balkh said 17 Taliban fighters were killed.",
        (
            "person",
            "governor of the northern province of Balkh",
            None,
            "governor of the northern province of Balkh",
            None,
        ),
    ),
    # guard: a body after the last "of" stays the organization
    (
        "Salim Khan, deputy commander of the army's 203rd corps, said 12 insurgents were killed.",
        ("person", "Salim Khan", None, "deputy commander of the army's 203rd corps", "army's 203rd corps"),
    ),
    # a commissioner is a post
    (
        "The commissioner of the northern district of Dayr al-Ahmar said 4 houses were destroyed.",
        (
            "person",
            "commissioner of the northern district of Dayr al-Ahmar",
            None,
            "commissioner of the northern district of Dayr al-Ahmar",
            None,
        ),
    ),
    (
        "Kano state police commissioner Mohammed Dahiru said 12 kidnappers were arrested.",
        ("person", "Mohammed Dahiru", None, "commissioner", "Kano state police"),
    ),
    # a post "in" a body serves it, as one "for" or "with" it does; a place it is in is no body
    (
        "Twelve fighters were killed, a commander in the Free Syrian Army told AFP.",
        ("person", "commander in the Free Syrian Army", None, "commander", "Free Syrian Army"),
    ),
    (
        "Ten rebels were killed, Colonel Ahmed Bashir, a senior officer in the Sudanese army, said.",
        ("person", "Ahmed Bashir", "Colonel", "senior officer", "Sudanese army"),
    ),
    (
        "Four civilians were killed, an official in Kabul said.",
        ("person", "official in Kabul", None, "official in Kabul", None),
    ),
    # a ruling junta is a body a post serves
    (
        "The junta's spokesman Min Aung Thein said 9 rebel camps were destroyed.",
        ("person", "Min Aung Thein", None, "spokesman", "junta"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DESCRIPTIONS)
def test_speaker_description(nlp, text, expected):
    doc = run(nlp, text)
    speaker = speaker_of(doc, text[:20])
    assert speaker is not None
    assert (speaker.kind, speaker.name, speaker.title, speaker.role, speaker.organization) == expected


def test_mentions_of_one_person_are_joined(nlp):
    text = (
        "Colonel-General Ivan Petrov told journalists that 30 depots were destroyed. "
        "Petrov said the strikes went on at night. "
        "The general said four bridges were hit. "
        "He added that two convoys turned back."
    )
    doc = run(nlp, text)
    assert [s.name for s in doc._.speakers] == ["Ivan Petrov"]
    speaker = doc._.speakers[0]
    mentioned = [text[a:b] for a, b in speaker.mentions]
    assert mentioned[0] == "Colonel-General Ivan Petrov"
    assert {"Petrov", "general", "He"} <= set(mentioned)
    for words in ("Petrov said", "The general said", "He added"):
        assert speaker_of(doc, words) is speaker


@pytest.mark.parametrize(
    ("text", "later", "expected"),
    [
        # a body described beside its name ("a Dakar-based monitor") is "the monitor" after
        (
            "The Sahel Conflict Observatory, a Dakar-based monitor, said 18 soldiers were killed near Djibo. "
            "The monitor said eight of them were officers.",
            "The monitor said",
            "Sahel Conflict Observatory",
        ),
        # with no body so described, "the monitor" is the person before
        (
            "Maria Lopez, a UN monitor, said 18 soldiers were killed near Djibo. "
            "The monitor said eight of them were officers.",
            "The monitor said",
            "Maria Lopez",
        ),
    ],
)
def test_a_description_given_beside_a_name_refers_back(nlp, text, later, expected):
    doc = run(nlp, text)
    assert speaker_of(doc, later).name == expected
    assert len(doc._.speakers) == 1


def test_body_and_its_spokesman_are_two_speakers(nlp):
    text = (
        "The Defence Ministry said 30 militants were killed in the raid. "
        "Ministry spokesman Oleg Ivanov said two tanks were destroyed."
    )
    doc = run(nlp, text)
    assert speaker_of(doc, "The Defence Ministry said").name == "Defence Ministry"
    assert speaker_of(doc, "Ministry spokesman").name == "Oleg Ivanov"
    assert speaker_of(doc, "Ministry spokesman").role == "spokesman"


QUOTES = [
    # said after, straight quotes, the quotation running over two sentences
    (
        '"Eleven positions were hit. The enemy withdrew," General Anna Novak said.',
        "Eleven positions were hit. The enemy withdrew",
    ),
    # said before, curly quotes
    ("General Anna Novak said: \u201cEleven positions were hit.\u201d", "Eleven positions were hit."),
    # said inside: the second half goes on from the first
    (
        "\u201cEleven positions were hit,\u201d General Anna Novak said. \u201cThe enemy withdrew.\u201d",
        "The enemy withdrew.",
    ),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTES)
def test_quotes_and_their_speaker(nlp, text, quoted):
    doc = run(nlp, text)
    start = text.index(quoted)
    quote = next(q for q in doc._.quotes if q.start == start)
    assert quote.end == start + len(quoted)
    speaker = next(s for s in doc._.speakers if s.id == quote.speaker_id)
    assert (speaker.name, speaker.title) == ("Anna Novak", "General")


def test_single_quotes_leave_apostrophes_alone():
    text = "The army's statement said 'the western side' hit three tanks."
    quotes = find_quotes(text, find_paragraphs(text))
    assert [text[q.start : q.end] for q in quotes] == ["the western side"]


def test_attribution_carries_over_and_stops_at_background(nlp):
    text = (
        "Air defence units shot down 14 drones overnight, the Defence Ministry said on Sunday.\n\n"
        "Two of them fell near the airport. A warehouse was damaged.\n\n"
        "The region has been contested since 2014. In 2016, about 300 people were killed there."
    )
    doc = run(nlp, text)
    ministry = speaker_of(doc, "Air defence units")
    assert ministry.name == "Defence Ministry" and ministry.kind == "organization"
    assert speaker_of(doc, "Two of them") is ministry
    assert speaker_of(doc, "A warehouse") is ministry
    assert speaker_of(doc, "The region has") is None
    assert speaker_of(doc, "In 2016") is None


def test_no_source_no_speaker(nlp):
    doc = run(nlp, "Artillery fire destroyed five vehicles near the border on Friday.")
    assert doc._.speakers == []
    assert doc._.sentence_speakers == {}


@pytest.mark.parametrize(
    "text",
    [
        "Patrols searched two houses after intelligence information showed weapons were stored there.",
        "Intelligence reports indicate the cell moved three trucks of explosives.",
    ],
)
def test_intelligence_that_no_one_owns_is_no_speaker(nlp, text):
    assert run(nlp, text)._.speakers == []


def test_press_release_is_attributed_to_the_body_in_its_header(nlp):
    text = (
        "NEWS RELEASE\n"
        "Joint Task Force Command - Northland\n"
        "2021-05-S-014\n"
        "For Immediate Release\n\n"
        "PORT CITY, Northland (May 9) - A combined security force detained two suspected insurgents during "
        "an operation in the eastern district yesterday.\n\n"
        "The force also seized several rifles and a quantity of explosives."
    )
    doc = run(nlp, text)
    body = speaker_of(doc, "The force also seized")
    assert body is not None
    assert (body.kind, body.name) == ("organization", "Joint Task Force Command")
    assert speaker_of(doc, "A combined security force") is body


@pytest.mark.parametrize(
    "text",
    [
        # the parse hangs "said" on the report and gives it the dateline city as a second subject
        "MOSCOW, March 14 (Reuters) - Russian warplanes flew 42 sorties in Syria over the past 24 hours, "
        "hitting 134 terrorist targets in the provinces of Hama, Homs and Latakia, the Russian Defence "
        "Ministry said on Tuesday.",
        "MOSCOW, March 14 (Reuters) - Russian warplanes flew 42 sorties in Syria, hitting 134 targets in the "
        "provinces of Hama and Homs, the Russian Defence Ministry said.",
    ],
)
def test_a_dateline_city_is_no_speaker(nlp, text):
    doc = run(nlp, text)
    assert [s.name for s in doc._.speakers] == ["Russian Defence Ministry"]
    assert speaker_of(doc, "Russian warplanes").name == "Russian Defence Ministry"


def test_who_adds_is_who_said_it(nlp):
    doc = run(
        nlp,
        "Azerbaijan's Defence Ministry said its forces had destroyed 12 tanks and 8 howitzers over the past "
        "two days, adding that up to 550 Armenian servicemen had been killed.",
    )
    assert [s.name for s in doc._.speakers] == ["Azerbaijan's Defence Ministry"]


# a post held in a body named before: after "its", or a body's word alone in lower case
BODY_NAMED_BEFORE = [
    (
        "The Kurdish Relief Committee said 14 civilians were wounded. Its director Aram Khalil said 3 died.",
        "Aram Khalil",
        ("director", "Kurdish Relief Committee"),
    ),
    (
        "The Arakan Army said it seized 4 bases in the township, group spokesman Khine Thu Kha said.",
        "Khine Thu Kha",
        ("spokesman", "Arakan Army"),
    ),
    # no body before: the word as written
    (
        "Army spokesman Brig. Gen. Saleh Omar said 30 fighters were killed near the river.",
        "Saleh Omar",
        ("spokesman", "Army"),
    ),
]


@pytest.mark.parametrize(("text", "words", "expected"), BODY_NAMED_BEFORE)
def test_a_post_in_a_body_named_before(nlp, text, words, expected):
    doc = run(nlp, text)
    speaker = next(s for s in doc._.speakers if s.name == words)
    assert (speaker.role, speaker.organization) == expected


# issue 16, held-out wordings: who speaks where the parse or the word lists lose them
NEW_WORDINGS = [
    # a report joined by the parse to the clause it reports: its subject is the phrase set off before it
    (
        "Rebel forces lost 120 fighters near Kostiantynivka, Andriy Koval, spokesman for the Southern group "
        "of forces, told state radio.",
        ("person", "Andriy Koval"),
    ),
    (
        "Security forces killed 9 insurgents in the valley, the army's media wing, Joint Forces Media "
        "Relations (JFMR), said on Friday.",
        ("organization", "Joint Forces Media Relations"),
    ),
    # a report closing its sentence, with no subject in the parse: the phrase set off before it
    ("Shelling killed 4 people, Al-Yaman TV, run by the rebels, reported.", ("organization", "Al-Yaman TV")),
    # a statement's issuer set off by a comma
    (
        '"We lost 8 men on the ridge," said the statement, issued by the army\'s northern command.',
        ("organization", "army's northern command"),
    ),
    # a person is given no acronym: words it abbreviates name a body
    (
        "Defence Public Relations (DPR) said troops killed 6 gunmen near the border.",
        ("organization", "Defence Public Relations"),
    ),
    # a dateline's date the parse hung on the subject after it is no part of the speaker, nor a count
    ("KANO, Aug 9 - Nigeria said its troops killed 14 bandits.", ("organization", "Nigeria")),
    ("KYIV, June 3 - Ukraine said it shot down 19 drones.", ("organization", "Ukraine")),
    ("ADEN, Oct 5 - Yemen said its forces destroyed 4 boats.", ("organization", "Yemen")),
    # people who saw the fighting speak of it
    ("A Sudanese soldier said his company destroyed 6 pickup trucks.", ("person", "Sudanese soldier")),
    ("A village elder told AFP 7 herders died in the raid.", ("person", "village elder")),
    # a consultancy is a body
    (
        "Dakar Risk, a West African security consultancy, said 22 soldiers were killed in the ambush.",
        ("organization", "Dakar Risk"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEW_WORDINGS)
def test_speakers_in_new_wordings(nlp, text, expected):
    doc = run(nlp, text)
    speaker = speaker_of(doc, text[:20])
    assert speaker is not None
    assert (speaker.kind, speaker.name) == expected


# "the group" that no speaker before fits is the armed group named last before it
ARMED_GROUP_NAMED_BEFORE = [
    (
        "Boko Haram fighters raided 2 villages near Maiduguri, the group said on Sunday.",
        "2 villages",
        "Boko Haram",
    ),
    (
        "Hezbollah fighters crossed the border at dawn. The group said it destroyed 3 armoured vehicles.",
        "3 armoured",
        "Hezbollah",
    ),
    # no armed group named: the words as written
    ("Gunmen burned 6 trucks on the highway, the group said.", "6 trucks", "group"),
]


@pytest.mark.parametrize(("text", "words", "expected"), ARMED_GROUP_NAMED_BEFORE)
def test_the_group_is_the_armed_group_named_before(nlp, text, words, expected):
    doc = run(nlp, text)
    assert speaker_of(doc, words).name == expected


def test_a_medium_closing_the_sentence_passes_on_the_first_source(nlp):
    doc = run(nlp, "Chad's army said 21 rebels were killed near the lake, state broadcaster ONRTV reported.")
    start = doc.text.index("21 rebels")
    token = next(t for t in doc if t.idx >= start)
    speaker = doc._.clause_speakers.get(token.i)
    assert next(s.name for s in doc._.speakers if s.id == speaker) == "Chad's army"
