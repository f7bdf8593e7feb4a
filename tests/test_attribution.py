"""Attribution: the frames that name a source, the clauses and sentences a source covers, one speaker per
person or body, and the words that are never a speaker. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from pipeline_steps import run_until

from extractor.components.speakers.registry import abbreviates
from extractor.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    pipeline, _ = build_pipeline()
    return pipeline


def run(nlp, text, published=dt.date(2022, 3, 14)):
    """The document through the pipeline up to the speaker finder."""
    return run_until(nlp, text, published, "briefing_speakers")


def source_of(doc, words):
    """The name of the speaker a claim standing at `words` is given, the way the claim finder reads it: the
    source of the word's clause, else of its sentence, else of the quote it stands in; None when none."""
    start = doc.text.index(words)
    token = next(t for t in doc if t.idx >= start)
    clause = doc._.clause_speakers or {}
    if token.i in clause:
        found = clause[token.i]
    else:
        sentence = next(s for s in doc.sents if s.start <= token.i < s.end)
        found = doc._.sentence_speakers.get(sentence.start)
    if found is None:
        found = next((q.speaker_id for q in doc._.quotes or () if q.start <= start < q.end), None)
    return next((s.name for s in doc._.speakers if s.id == found), None)


FRAMES = [
    # a source cited for a verb the parse left without its subject (the agency's name read as a clause)
    (
        "The Syrian state news agency SANA, citing a military source, said 9 soldiers were killed in the "
        "attack.",
        "9 soldiers",
        "military source",
    ),
    # the subject of a reporting verb, before or after the clause, with or without commas
    ("The ministry said its aircraft destroyed 12 tanks.", "destroyed 12", "ministry"),
    ("Its aircraft destroyed 12 tanks, the ministry said.", "destroyed 12", "ministry"),
    ("Its aircraft destroyed 12 tanks the ministry said.", "destroyed 12", "ministry"),
    ("Its aircraft destroyed 12 tanks, said the ministry.", "destroyed 12", "ministry"),
    ("The army announced that 30 fighters had been killed near the dam.", "30 fighters", "army"),
    ("The Northern Command reported 14 strikes on Tuesday.", "14 strikes", "Northern Command"),
    ("Colonel Lena Markova told reporters that 40 positions were hit.", "40 positions", "Lena Markova"),
    ("Forty positions were hit, Colonel Lena Markova told reporters.", "positions were", "Lena Markova"),
    ("The general staff claimed 9 drones were shot down overnight.", "9 drones", "general staff"),
    ("The interior ministry confirmed 5 police officers were wounded.", "5 police", "interior ministry"),
    ("Governor Pavel Dunin stated that 3 civilians were killed.", "3 civilians", "Pavel Dunin"),
    ("The navy added that 2 boats were sunk.", "2 boats", "navy"),
    ("Brigadier Omar Haddad noted that 15 vehicles were captured.", "15 vehicles", "Omar Haddad"),
    ("Major Karin Lodge wrote that 4 bunkers were cleared.", "4 bunkers", "Karin Lodge"),
    # the agent of a passive report: "as reported by", "released by"
    ("Twenty insurgents were killed, as reported by the provincial police.", "Twenty", "provincial police"),
    ("Nine drones were downed, as announced by the Defence Ministry.", "Nine drones", "Defence Ministry"),
    # "according to X", before or after the clause
    ("According to the border service, 8 guards were wounded.", "8 guards", "border service"),
    ("Eight guards were wounded, according to the border service.", "Eight guards", "border service"),
    ("Eight guards were wounded according to the border service.", "Eight guards", "border service"),
    ("According to a statement from the Eastern Command, 6 depots burned.", "6 depots", "Eastern Command"),
    ("According to the Joint Staff statement aircraft destroyed 7 bridges.", "7 bridges", "Joint Staff"),
    # an intelligence service is a body that reports (but "intelligence reports indicate" names none)
    (
        "The rebels lost 40 armoured vehicles, according to Turkish intelligence.",
        "40 armoured",
        "Turkish intelligence",
    ),
    # "X quoted Y as saying": Y speaks; "was quoted as saying"
    ("The channel quoted Mayor Ilya Serov as saying 11 people died.", "11 people", "Ilya Serov"),
    ("Mayor Ilya Serov was quoted as saying 11 people died.", "11 people", "Ilya Serov"),
    # a source cited inside another's report speaks for it
    (
        "Local media reported, citing a military source, that 17 soldiers were killed.",
        "17",
        "military source",
    ),
    (
        "State television said, quoting the health ministry, that 23 people died.",
        "23 people",
        "health ministry",
    ),
    # "X's spokesman said", posts and bodies
    ("The ministry's spokesman said 10 launchers were destroyed.", "10 launchers", "spokesman"),
    ("Army spokesman Major Dan Ellis said 10 launchers were destroyed.", "10 launchers", "Dan Ellis"),
    ("A spokesman for the Western Command said 10 launchers were hit.", "10 launchers", "spokesman"),
    # "said in a statement", "in a statement, X said"
    ("The army said in a statement that 25 militants were killed.", "25 militants", "army"),
    ("In a statement, the army said 25 militants were killed.", "25 militants", "army"),
    ("The coast guard said on its website that 3 vessels were seized.", "3 vessels", "coast guard"),
    # the reporting verb inside or after a quotation
    ('"We destroyed 19 tanks," the commander said.', "19 tanks", "commander"),
    ('"We destroyed 19 tanks" the commander said.', "19 tanks", "commander"),
    ('"Our units," General Aron Weiss said, "destroyed 19 tanks."', "19 tanks", "Aron Weiss"),
    ('General Aron Weiss said: "Our units destroyed 19 tanks."', "19 tanks", "Aron Weiss"),
    ("The ministry said: 'Our units destroyed 19 tanks.'", "19 tanks", "ministry"),
    ("The command announced on Friday that 8 launchers were destroyed.", "8 launchers", "command"),
    ("Eight launchers were destroyed, the command announced on Friday.", "launchers", "command"),
    ("The observatory reported that 31 fighters were killed.", "31 fighters", "observatory"),
    ("Thirty-one fighters were killed, the observatory reported.", "fighters", "observatory"),
    ("Lieutenant General Arne Falk said 6 artillery pieces were hit.", "6 artillery", "Arne Falk"),
    ("Six artillery pieces were hit, said Lieutenant General Arne Falk.", "artillery", "Arne Falk"),
    ("According to Colonel Ruth Amar, 13 mortars were seized.", "13 mortars", "Ruth Amar"),
    ("Thirteen mortars were seized, according to Colonel Ruth Amar.", "mortars", "Ruth Amar"),
    ("The regional governor told state television that 4 schools were damaged.", "4 schools", "governor"),
    ("Four schools were damaged, the regional governor told state television.", "schools", "governor"),
    # a heading run into the sentence: the parse reads the report as a participle, but it takes a that-clause
    ("Kherson A regional official announced on Monday that 7 drones were shot down.", "7 drones", "official"),
    ("Donetsk A military source stated on Friday that 11 tanks were destroyed.", "11 tanks", "source"),
    # a statement that reads a quote out: the body that issued it is the source; a medium that published it
    # is not, the statement is the one reported before
    (
        "The defence ministry said 4 police officers were hurt, according to a government statement. "
        '"Eleven soldiers lost their lives in the fighting," read a statement published by Tribuna, the '
        "official newspaper of the ruling party.",
        "Eleven soldiers",
        "defence ministry",
    ),
    (
        '"Six boats were sunk near the cape," read a statement issued by the Southern Fleet.',
        "Six boats",
        "Southern Fleet",
    ),
    ('"Four drones were downed at sea," read a statement released by the navy.', "Four drones", "navy"),
    # a common noun named by the body after it speaks; one named only by a place does not
    (
        '"The raid removed 6 insurgents from the valley," said a member of the Combined Special Task Force.',
        "6 insurgents",
        "member",
    ),
    # people who speak as a group named by their work
    ("Shelling killed 4 villagers overnight, aid workers said.", "4 villagers", "aid workers"),
    ("Rescuers said 9 people died when the missile hit the market.", "9 people", "Rescuers"),
    ("An attack in Hama province claimed the lives of 40 people.", "40 people", None),
    # a verb that reports nothing is no frame
    ("The army did not say how 12 tanks were destroyed.", "12 tanks", None),
    ("Reported losses included 12 tanks.", "12 tanks", None),
    ("Aircraft destroyed 12 tanks near the river.", "12 tanks", None),
    ("The figure of 12 tanks appeared in the report.", "12 tanks", None),
    # a relative clause set off after a closing source describes it: the source is the phrase before it,
    # after a quote's closing mark too
    (
        '"They destroyed 5 of our vehicles," a Ukrainian soldier, who gave only his call sign, said.',
        "5 of our",
        "Ukrainian soldier",
    ),
    (
        "Four tanks were hit near the village, a Russian soldier, whose unit fought there, said.",
        "Four tanks",
        "Russian soldier",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), FRAMES)
def test_attribution_frames(nlp, text, words, speaker):
    found = source_of(run(nlp, text), words)
    if speaker is None:
        assert found is None
    else:
        assert found is not None and speaker.lower() in found.lower()


SCOPES = [
    # a source covers its own clause: two sources in one sentence
    (
        "Some 40 people were killed, the health minister said, while the border service said 6 guards died.",
        [("40 people", "health minister"), ("6 guards", "border service")],
    ),
    (
        "The ministry said 14 drones were downed, while the rebels said 3 jets were hit.",
        [("14 drones", "ministry"), ("3 jets", "rebels")],
    ),
    (
        "The army said it destroyed 83 targets, according to the state news agency.",
        [("83 targets", "army")],
    ),
    (
        "The militants were driven out and 12 were captured, according to the regional command.",
        [("12 were", "regional command")],
    ),
    # a headline run into the story ("X says ... the army said"): the closing report covers what is before it
    (
        "Kyiv says 30 drones downed overnight Reuters Tuesday 14 Mar 2023 Thirty drones were shot down and "
        "four others jammed over the capital overnight the Ukrainian air force said.",
        [("drones were shot", "air force")],
    ),
    (
        "Moscow says 40 fighters died in Idlib Reuters Monday Forty fighters were killed and scores of "
        "others wounded overnight in strikes on a camp near the city the Russian military said.",
        [("were killed", "Russian military")],
    ),
    # a clause that reports nothing of the source's
    (
        "After the president announced the offensive, shelling went on all day, with 70 people killed.",
        [("70 people", None)],
    ),
    (
        "After the president declared a state of emergency in a televised address, sirens were heard across "
        "the capital and in the east, with at least 40 people reported killed.",
        [("40 people", None)],
    ),
    (
        "When the governor announced the curfew on Monday evening, shelling had already killed 9 people.",
        [("9 people", None)],
    ),
    # ... but what a subordinate report itself says is the source's
    ("After the army announced that 12 tanks were destroyed, the rebels retreated.", [("12 tanks", "army")]),
    ("As the ministry reported, 12 tanks were destroyed.", [("12 tanks", "ministry")]),
    # the following sentences of the same report
    (
        "The ministry said on Monday that 12 tanks were destroyed. Another 4 trucks were hit near the dam.",
        [("12 tanks", "ministry"), ("4 trucks", "ministry")],
    ),
    (
        "Colonel Rhea Vance said 9 bunkers were cleared.\n\nHer troops also seized 30 rifles.",
        [("9 bunkers", "Rhea Vance"), ("30 rifles", "Rhea Vance")],
    ),
    # until another source speaks
    (
        "The army said 12 tanks were destroyed. The rebels said they downed 2 jets. Another 5 jets were hit.",
        [("12 tanks", "army"), ("2 jets", "rebels"), ("5 jets", "rebels")],
    ),
    # "according to X" covers its own sentence only
    (
        "Heavy losses were inflicted, according to the news agency. In the south, a unit destroyed 3 depots.",
        [("3 depots", None)],
    ),
    (
        "According to the monitor, 20 people died. An army unit later destroyed 3 depots.",
        [("20 people", "monitor"), ("3 depots", None)],
    ),
    # a denial starts no report that goes on
    (
        "The ministry denied that its jets struck the market. Rescuers found 8 bodies in the rubble.",
        [("8 bodies", None)],
    ),
    # never a background paragraph
    (
        "The ministry said 12 tanks were destroyed on Monday.\n\nIn 2014, a similar raid killed 30 people.",
        [("12 tanks", "ministry"), ("30 people", None)],
    ),
    # never a caption: a paragraph with no full stop among paragraphs that have one
    (
        "Colonel Ada Brun said 3 tanks were destroyed near the river.\n\nA still image from a video "
        "released by the army shows a burning tank\n\nFighting broke out on Sunday and the army said two "
        "helicopters were shot down\n\nThe news was received badly in the capital.",
        [("3 tanks", "Ada Brun"), ("two helicopters", None)],
    ),
    (
        "The navy said 4 boats were sunk.\n\nPhoto: the navy said 2 more boats were hit in the strait\n\n"
        "Officials said the strait stayed open.",
        [("4 boats", "navy"), ("2 more", None)],
    ),
    # a source vouches for nothing it says it does not believe or cannot confirm
    (
        "The president doubted the claim, saying he did not believe 12 drones were shot down.",
        [("12 drones", None)],
    ),
    ("The governor said he could not confirm that 9 people died.", [("9 people", None)]),
    (
        "The army said militants had not stopped firing and 12 soldiers were killed.",
        [("12 soldiers", "army")],
    ),
    # a dateline starts the story: nothing above it speaks for it
    (
        "Governor Ali Rahimi said 5 people died.\nKABUL (Reuters) - Troops destroyed 3 depots on Friday.",
        [("5 people", "Ali Rahimi"), ("3 depots", None)],
    ),
    # a claim with no source stays unattributed
    (
        "Troops destroyed 3 depots on Friday. Another 2 depots burned.",
        [("3 depots", None), ("2 depots", None)],
    ),
    # a quote's speaker carries into the quote's next sentence
    (
        '"We destroyed 19 tanks. We also hit 7 trucks," the commander said.',
        [("19 tanks", "commander"), ("7 trucks", "commander")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCOPES)
def test_attribution_scope(nlp, text, expected):
    doc = run(nlp, text)
    for words, speaker in expected:
        found = source_of(doc, words)
        if speaker is None:
            assert found is None, words
        else:
            assert found is not None and speaker.lower() in found.lower(), (words, found)


JOINS = [
    # a person: full name, surname, title, post, pronoun
    (
        "General Pavel Orlov said 12 tanks were destroyed. Orlov added that 4 jets were hit.",
        ["Pavel Orlov"],
    ),
    (
        "General Pavel Orlov said 12 tanks were destroyed. The general added that 4 jets were hit.",
        ["Pavel Orlov"],
    ),
    (
        "Army spokesman Igor Lenz said 12 tanks were destroyed. The spokesman said 4 jets were hit.",
        ["Igor Lenz"],
    ),
    ("Colonel Mia Hart said 12 tanks were destroyed. She said 4 jets were hit.", ["Mia Hart"]),
    ("Colonel Mia Hart said 12 tanks were destroyed. Hart said 4 jets were hit.", ["Mia Hart"]),
    # a body: head noun, modifiers, a country's name or adjective
    (
        "The Russian army said 12 tanks were destroyed. The army said 4 jets were hit.",
        ["Russian army"],
    ),
    (
        "The Russian army said 12 tanks were destroyed. The Russian military said 4 jets were hit.",
        ["Russian army"],
    ),
    (
        "The Defence Ministry said 12 tanks were destroyed. The ministry said 4 jets were hit.",
        ["Defence Ministry"],
    ),
    (
        "The Defense Ministry said 12 tanks were destroyed. The Defence Ministry said 4 jets were hit.",
        ["Defense Ministry"],
    ),
    (
        "The Syrian Observatory for Human Rights said 12 people died. The observatory said 4 were hurt.",
        ["Syrian Observatory for Human Rights"],
    ),
    # a country by its name, its adjective or another of its names (countries.json)
    (
        "Ukraine's General Staff said 12 tanks were destroyed. The Ukrainian General Staff said 4 jets were "
        "hit. The staff added that 3 drones were downed.",
        ["Ukraine's General Staff"],
    ),
    (
        "The British Foreign Office said 2 aid workers were hurt. Britain's Foreign Office said 1 died.",
        ["British Foreign Office"],
    ),
    (
        "U.S. Central Command said 9 strikes hit the bridge. United States Central Command said 2 missed.",
        ["U.S. Central Command"],
    ),
    (
        "The Dutch defence ministry said 2 jets flew 6 sorties. The Netherlands defence ministry said 1 "
        "jet returned.",
        ["Dutch defence ministry"],
    ),
    # a capital speaking for its government, and the government, are the country (named by its own name)
    (
        "Washington said its jets struck 3 camps. The United States said 2 more strikes hit the port.",
        ["United States"],
    ),
    (
        "Cuba says 32 officers were killed, according to a Cuban government statement. The Cuban government "
        "said 2 more were hurt.",
        ["Cuba"],
    ),
    # a seat of government ("the Kremlin", "the White House") speaks for its country, as a capital does
    (
        "The Kremlin said 12 drones were downed over the capital. Russia said 4 more were downed.",
        ["Russia"],
    ),
    (
        "The White House said 3 boats were struck. Washington said 2 more strikes hit the port.",
        ["White House"],
    ),
    (
        "Downing Street said 2 jets flew 4 sorties. The Kremlin said 6 drones were downed.",
        ["Downing Street", "Kremlin"],
    ),
    # two countries' bodies stay two
    (
        "The Syrian army said 12 tanks were destroyed. The Turkish army said 4 jets were hit.",
        ["Syrian army", "Turkish army"],
    ),
    (
        "Ukraine said 5 drones were downed. The Russian army said 4 jets were hit. The army said 3 more "
        "were hit.",
        ["Ukraine", "Russian army"],
    ),
    # a country's name or capital stands for the one body of that country that speaks, named by the body ...
    ("Russia said 12 tanks were destroyed. The Russian army said 4 jets were hit.", ["Russian army"]),
    (
        "The defence ministry in Moscow said 12 tanks were destroyed. Moscow reported 4 jets were hit.",
        ["ministry"],
    ),
    # ... but not when two of its bodies speak
    (
        "The Russian army said 4 jets were hit. The Russian foreign ministry said 2 embassies were hit. "
        "Moscow added that 3 drones were downed.",
        ["Russian army", "Russian foreign ministry", "Moscow"],
    ),
    # a surname first (which the model may take for a body), the full name later
    (
        "Kovalenko said 12 tanks were destroyed near the river. Colonel Petro Kovalenko, the brigade "
        "spokesman, added that 4 jets were hit.",
        ["Petro Kovalenko"],
    ),
    (
        "Lindqvist said 5 boats were sunk. Rear Admiral Karl Lindqvist said 2 were damaged.",
        ["Karl Lindqvist"],
    ),
    (
        "Reuters said 5 boats were sunk. Rear Admiral Karl Lindqvist said 2 were damaged.",
        ["Reuters", "Lindqvist"],
    ),
    # "the official" is the named person before, not someone nobody called an official
    (
        "General Pavel Orlov said 12 tanks were destroyed. The official added that 4 jets were hit.",
        ["Pavel Orlov"],
    ),
    (
        "Clashes broke out near the dam, a resident said. Troops also reached the northern suburb, the top "
        "district official there said.",
        ["resident", "top district official"],
    ),
    # a body and its acronym, of initials or clipped words
    (
        "U.S. Central Command said 9 strikes hit the bridge. CENTCOM said 2 more missed the bridge.",
        ["U.S. Central Command"],
    ),
    (
        "The Syrian Observatory for Human Rights said 12 people died. SOHR said 4 more were hurt.",
        ["Syrian Observatory for Human Rights"],
    ),
    (
        "The Ukrainian Navy said 2 boats were sunk. The UN said 4 aid convoys were hit.",
        ["Ukrainian Navy", "UN"],
    ),
    # a description in a lead, named in the next report
    (
        "A monitoring group said 20 fighters were killed. The Syrian Observatory for Human Rights said "
        "2 positions were destroyed.",
        ["Syrian Observatory for Human Rights"],
    ),
    (
        "A senior official is claiming that 100 people were killed. The interior minister, Rafael Ortega, "
        "announced the figure late on Wednesday.",
        ["Rafael Ortega"],
    ),
    # an indefinite description is someone new, not the speaker before
    (
        "President Ana Ruiz said 3 soldiers died. An administration official said 7 soldiers were hurt.",
        ["Ana Ruiz", "administration official"],
    ),
    (
        "A military source said 12 tanks were destroyed. The source added that 4 jets were hit.",
        ["military source"],
    ),
    # two bodies stay two
    (
        "The army said 12 tanks were destroyed. The interior ministry said 4 police officers died.",
        ["army", "interior ministry"],
    ),
    (
        "General Pavel Orlov said 12 tanks were destroyed. General Ivan Sorokin said 4 jets were hit.",
        ["Pavel Orlov", "Ivan Sorokin"],
    ),
    # news agencies and channels are bodies when the claim is theirs
    ("Six soldiers were killed in the raid, Reuters reported.", ["Reuters"]),
    ("The channel Al Safir TV reported that 9 fighters were captured.", ["Al Safir TV"]),
]


@pytest.mark.parametrize(("text", "names"), JOINS)
def test_one_speaker_per_person_or_body(nlp, text, names):
    doc = run(nlp, text)
    found = [s.name for s in doc._.speakers]
    assert len(found) == len(names), found
    for name, got in zip(names, found, strict=True):
        assert name.lower() in got.lower() or got.lower() in name.lower(), (name, got)


KINDS = [
    ("The Joint Operations Command said 12 fighters were killed.", "organization"),
    ("Reuters reported that 12 fighters were killed.", "organization"),
    ("Major General Sam Kerr said 12 fighters were killed.", "person"),
    ("The governor said 12 fighters were killed.", "person"),
    ("Local officials said 12 fighters were killed.", "organization"),
    ("Lindqvist said 5 boats were sunk. Rear Admiral Karl Lindqvist said 2 were damaged.", "person"),
    (
        "The strike hit a depot, something Kyiv has denied, and Kyiv said 12 drones were downed.",
        "organization",
    ),
    (
        "Russia's Defence Ministry said 5 boats were sunk. The Russian Defence Ministry said 2 were hit.",
        "organization",
    ),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_speaker_kind(nlp, text, kind):
    doc = run(nlp, text)
    assert [s.kind for s in doc._.speakers] == [kind]


NEVER = [
    # a headline of a press release
    (
        "Security Force Detains Taliban Commander in Kandahar\nNews Release\nKABUL, Afghanistan (Aug. 22) - "
        "An Afghan and coalition security force detained 3 suspected insurgents in Kandahar province.",
        "Detains",
    ),
    (
        "Afghan, Coalition Forces Target Insurgent Leaders\nISAF Joint Command - Afghanistan For Immediate "
        "Release\nKABUL, Afghanistan (Jan. 3) - Afghan and coalition forces detained 4 suspected insurgents.",
        "Target",
    ),
    # a dateline city
    ("KANDAHAR, Afghanistan - Troops said 4 insurgents were detained.", "KANDAHAR"),
    ("MOSCOW (Reuters) - Jets flew 42 sorties, the ministry said.", "MOSCOW"),
    # a place phrase
    ("Near Sinjar, 5 vehicles were destroyed, the coalition said.", "Sinjar"),
    ("In northern Idlib, said the ministry, 5 vehicles were destroyed.", "Idlib"),
    # an event named by its place phrase, with a reporting verb in another sense ("claimed the lives")
    ("On Sunday an alleged gas attack in Hama province claimed the lives of 40 people.", "attack"),
    ("A car bombing in Kirkuk city claimed the lives of 9 police officers, officials said.", "bombing"),
    ("The shelling of Gorlovka district claimed 6 lives overnight.", "shelling"),
    # page furniture
    ("Tags Idlib Russia Syria\nThe ministry said 5 vehicles were destroyed.", "Tags"),
    (
        "Jets hit 8 targets (TRT World and Agencies) the Syrian Observatory for Human Rights said.",
        "TRT",
    ),
    # a bare pronoun with nothing to stand for
    ("He said 5 vehicles were destroyed.", "He"),
    ("They said 5 vehicles were destroyed.", "They"),
    # words run together in a text stripped of commas
    ("Jets struck a base near the border with Turkey Firat news agency said.", "Turkey"),
    ("Jets struck a base in the war-torn country the Russian army said.", "country"),
    ("More than 500 casualties in Aleppo The observatory said 12 people died.", "casualties"),
]


@pytest.mark.parametrize(("text", "not_a_speaker"), NEVER)
def test_never_a_speaker(nlp, text, not_a_speaker):
    doc = run(nlp, text)
    for speaker in doc._.speakers:
        assert not_a_speaker.lower() not in speaker.name.lower(), speaker.name
        assert len(speaker.name) >= 2


def test_a_counted_source_is_no_claim(nlp):
    """ "one official said" counts no one: no claim is made of the number that counts the sources."""
    from extractor import extract

    record = extract(
        "One official said 12 tanks were destroyed near the river.", published=dt.date(2022, 3, 14)
    )
    values = [(c.kind, c.value) for c in record.claims]
    assert ("targets", 12) in values
    assert all(value != 1 for _, value in values)


ACRONYMS = [
    ("CENTCOM", "U.S. Central Command", True),
    ("SOHR", "Syrian Observatory for Human Rights", True),
    ("MoD", "Ministry of Defence", True),
    ("ISAF", "International Security Assistance Force", True),
    ("CENTCOM", "Central Intelligence Agency", False),
    ("TASS", "Syrian Arab News Agency", False),
    ("UN", "Ukrainian Navy", False),
    ("ministry", "Ministry of Defence", False),
]


@pytest.mark.parametrize(("short", "name", "expected"), ACRONYMS)
def test_an_acronym_abbreviates_a_name(short, name, expected):
    assert abbreviates(short, name) is expected
