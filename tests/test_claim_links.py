"""The claim linker: whose losses a claim counts, what it restates or is part of, and what is background."""

import pytest

from extractor.components.claim_links.sides import framing_nouns, side_vocabulary
from extractor.ledger import build_ledger
from extractor.writers import row_columns

PUBLISHED = "2011-06-13"


def claims_of(extractor, text, published=PUBLISHED):
    return extractor.extract(text, published=published).claims


def figure(claim):
    return claim.value if claim.value is not None else claim.quantifier


def positions(claims, link):
    """Each claim's `link` as the position of the claim it names, or None."""
    index = {c.claim_id: i for i, c in enumerate(claims)}
    return [index.get(getattr(c, link)) for c in claims]


# ---------------------------------------------------------------------------------------------------------
# target_side


@pytest.mark.parametrize(
    "text, sides",
    [
        # the counted phrase names the group
        ("Coalition jets destroyed an ISIL tactical unit near Sinjar.", ["ISIL"]),
        ("Troops killed four Taliban fighters near the river.", ["Taliban"]),
        ("The force captured two Haqqani network facilitators in Khost.", ["Haqqani network"]),
        ("Police arrested three al-Qaeda operatives at the border.", ["al-Qaeda"]),
        ("The patrol detained a Hezb-e Islami commander in Kapisa.", ["Hezb-e Islami"]),
        ("Airstrikes killed 14 Daesh militants west of the town.", ["Daesh"]),
        ("Army drones hit 5 RSF vehicles near the river.", ["RSF"]),
        ("The army said it killed 30 Islamic State fighters in the desert.", ["Islamic State"]),
        ("Soldiers detained six men with suspected ties to the Haqqani network.", ["Haqqani network"]),
        ("The IMU commander and two guards were detained at the checkpoint.", ["IMU", "IMU"]),
        # its clause: a party that qualifies the counted thing
        ("Aircraft hit 46 command posts of the terrorists overnight.", ["terrorists"]),
        ("Artillery destroyed nine enemy tanks near the village.", ["enemy"]),
        ("Gunners destroyed five Ukrainian tanks near the town.", ["Ukrainian"]),
        # a nationality the small model tags as a country before the noun
        ("Air defence crews shot down 31 Ukrainian UAVs over the Kursk region.", ["Ukrainian"]),
        ("The navy sank 2 Ukrainian boats near Zmiinyi island.", ["Ukrainian"]),
        # the operation the claim belongs to, in its own sentence
        ("The force killed two insurgents while pursuing a Taliban commander.", ["Taliban"]),
        (
            "The patrol detained three suspects during an operation targeting a Haqqani facilitator.",
            ["Haqqani"],
        ),
        (
            "Soldiers targeted a Taliban facilitator in Wardak, detaining two suspected insurgents.",
            ["Taliban"],
        ),
        ("The unit detained one insurgent while searching for an IMU leader in Kunduz.", ["IMU"]),
        # other names, verbs and orders of the same wording
        (
            "The force detained two men during an operation in search of a Hezb-i Islami commander in "
            "Baghlan.",
            ["Hezb-i Islami"],
        ),
        (
            "While searching for a Lashkar-e-Taiba facilitator, the patrol detained three men.",
            ["Lashkar-e-Taiba"],
        ),
        ("Seeking an al-Qaida weapons facilitator, troops captured one insurgent in Kunar.", ["al-Qaida"]),
        ("In pursuit of a Haqqani facilitator, Afghan troops killed two armed men in Khost.", ["Haqqani"]),
        # a participle after the subject says what the force was after
        (
            "The security force, hunting a Tehrik-e-Taliban commander, detained five men.",
            ["Tehrik-e-Taliban"],
        ),
        ("Three suspected insurgents were detained by a force pursuing a Taliban cell leader.", ["Taliban"]),
        ("A unit targeting an IMU facilitator detained two men in Kunduz.", ["IMU"]),
        # while one of belonging says who acted
        ("Insurgents belonging to the Haqqani network ambushed a convoy and killed four soldiers.", [None]),
        # the operation named in an earlier sentence of the report
        (
            "An Afghan force conducted an operation to arrest a Taliban leader in Zharay today. "
            "During the operation, the force detained two suspected insurgents.",
            ["Taliban"],
        ),
        (
            "The force killed 12 insurgents in Baghlan on Sunday. Two Taliban commanders were the target "
            "of the operation.",
            ["Taliban"],
        ),
        # or just after the claim
        (
            "The combined force detained several suspected insurgents in Zabul. "
            "The target of the operation was a Haqqani weapons supplier.",
            ["Haqqani"],
        ),
        # one group under several names is named once, two groups both
        ("Jets killed 20 ISIL fighters, the Daesh group said.", ["ISIL"]),
        (
            "Troops killed five insurgents while pursuing a Taliban leader with ties to al-Qaeda.",
            ["Taliban and al-Qaeda"],
        ),
        # a group that acted is not the side that lost
        ("Taliban gunmen attacked a checkpoint, killing three policemen.", [None, None]),
        ("Islamic State fighters killed 12 soldiers in an ambush.", [None]),
        # nor is a group the attack was laid on, wherever the parser hung it
        ("Police blamed the attack, which killed 9 worshippers, on Boko Haram.", [None]),
        ("The bombing, for which al-Shabaab claimed responsibility, killed 15 people.", [None, None]),
        # who made the strikes counted, named before their noun, is not whom they were against
        ("A Turkish air strike hit the depot.", [None, None]),
        ("Two Taliban attacks wounded a guard.", [None, None]),
        # the subject of a verb of losing is whose loss it was (a generic party by its word, as in the phrase)
        ("The rebels lost 8 pickup trucks near the dam.", ["rebels"]),
        ("Over the past day, Kyiv lost 300 troops.", ["Kyiv"]),
        ("They lost 5 tanks near the river.", [None]),
        ("Victims of the raid, 14 sailors lost their lives at sea.", [None]),
        # civilians are nobody's side
        ("The Taliban leader's bomb killed four civilians in the market.", [None]),
        # no side said
        ("The force detained two suspected insurgents in Nawa district.", [None]),
        # the subject of a verb whose subject suffered the loss is whose loss it was
        ("The enemy lost up to 300 troops and four tanks in the past day.", ["enemy", "enemy"]),
        ("Al-Shabaab lost 25 fighters near Jilib.", ["Al-Shabaab"]),
        ("Belarus lost 3 border guards in the clash.", ["Belarus"]),
        # "it" losing in what a body says is the body that says it; "they" may be anyone
        ("The Malian army said it lost 9 soldiers in the ambush.", ["Malian army"]),
        ("Hamas said it lost 4 commanders in the strikes.", ["Hamas"]),
        ("The ministry said they lost 300 troops near the river.", [None]),
    ],
)
def test_target_side_as_worded(extractor, text, sides):
    assert [c.target_side for c in claims_of(extractor, text)] == sides


LOSSES_LIST = (
    "The total combat losses of the enemy from 24.02 to 12.04 were approximately:\n"
    "personnel \u2012 about 19800 (+200) persons were liquidated,\n"
    "tanks \u2012 739 (+7),\n"
    "armoured combat vehicles \u2012 1964 (+18),"
)


def test_a_heading_frames_a_losses_list_as_one_sides(extractor):
    claims = claims_of(extractor, LOSSES_LIST, published="2022-04-12")
    # a running total with its change since the last report is that report's news, not background
    assert [(c.value, c.target_side, c.background) for c in claims] == [
        (19800, "enemy", False),
        (739, "enemy", False),
        (1964, "enemy", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        LOSSES_LIST,
        "Enemy losses since the war began: 12 tanks. The Losses of the occupiers grew; no loss reported.",
        "No heading here, only 4 trucks.",
    ],
)
def test_framing_nouns_are_those_of_a_full_scan(nlp, text):
    doc = nlp(text)
    vocab = side_vocabulary()
    assert framing_nouns(doc, vocab) == [t.i for t in doc if t.lemma_.lower() in vocab.framing_nouns]


@pytest.mark.parametrize(
    "alias, matched",
    [
        ("ISIL", True),
        ("ISIS", True),
        ("Daesh", True),
        ("Islamic State", True),
        ("Haqqani network", True),
        ("Hezb-e Islami Gulbuddin", True),
        ("al-Qaeda", True),
        ("Taliban", True),
        ("Armed Forces of Ukraine", True),
        ("coalition", False),
    ],
)
def test_the_armed_groups_table_names_each_alias(alias, matched):
    vocab = side_vocabulary()
    assert (alias in vocab.names or alias in vocab.abbreviations) is matched


# ---------------------------------------------------------------------------------------------------------
# restates


@pytest.mark.parametrize(
    "text, restates",
    [
        # a definite phrase with the same figure
        (
            "The patrol detained two suspected insurgents in Nawa. After questioning, the force detained "
            "the two individuals.",
            [None, 0],
        ),
        (
            "Soldiers killed three militants near the pass. The three gunmen were killed after they fired on "
            "a convoy.",
            [None, 0],
        ),
        # a generic noun with the same figure and effect
        (
            "The force detained two suspected insurgents in Kandahar. After questioning, two individuals "
            "were detained.",
            [None, 0],
        ),
        (
            "The patrol arrested four suspected militants in Khost. Four men were arrested at the scene.",
            [None, 0],
        ),
        # the same figure of the same noun again, later in the report
        (
            "Troops killed four insurgents in Sangin district yesterday. The patrol came under fire and "
            "returned it, killing four insurgents.",
            [None, 0],
        ),
        (
            "The unit detained a Taliban courier and two suspected fighters in Musa Qala. The courier and "
            "two suspected fighters were detained after questioning.",
            [None, None, 1],
        ),
        # unless it says it counts others
        (
            "Troops killed four insurgents in Sangin district yesterday. Later, the patrol killed four more "
            "insurgents.",
            [None, None],
        ),
        (
            "Soldiers detained two suspected militants near Khost. Soldiers then detained two other "
            "suspected militants.",
            [None, None],
        ),
        # another place is another incident
        (
            "In Nawa district, troops killed two insurgents. In Garmsir district, troops killed two "
            "insurgents.",
            [None, None],
        ),
        (
            "In Nawa district, the force detained two suspected insurgents. In Garmsir district, the force "
            "detained two individuals.",
            [None, None],
        ),
        # another figure is another claim
        (
            "The force detained two suspected insurgents in Kandahar. Later, three individuals were "
            "detained.",
            [None, None],
        ),
        # another effect is another claim
        (
            "The patrol killed two insurgents near Musa Qala. The force detained two individuals there.",
            [None, None],
        ),
        # a word-for-word repeat stays one claim
        (
            "The force killed five insurgents in Helmand.\nThe force killed five insurgents in Helmand.",
            [None],
        ),
        # a restatement of a restatement names the first statement
        (
            "The patrol detained two suspected insurgents in Nawa. Two individuals were detained. "
            "The force detained the two individuals after questioning.",
            [None, 0, 0],
        ),
    ],
)
def test_restates(extractor, text, restates):
    assert positions(claims_of(extractor, text), "restates") == restates


@pytest.mark.parametrize(
    "text, kept",
    [
        (
            "Jets struck an underground depot near the town. The target was hit by two bombs.",
            [("targets", 1, "underground depot")],
        ),
        (
            "The force killed a suspected insurgent in Helmand yesterday.\nAs the force approached a "
            "compound, it received fire from a gunman outside. The force returned fire, killing him.",
            [("casualties", 1, "suspected insurgent")],
        ),
        # a generic noun with an ordinal or a word of addition counts one more, it refers to none before
        (
            "Police arrested a bomb maker in Herat. Officers also arrested a second suspect.",
            [("casualties", 1, "bomb maker"), ("casualties", 1, "second suspect")],
        ),
        (
            "Police arrested a bomb maker in Herat. Officers later arrested an additional person.",
            [("casualties", 1, "bomb maker"), ("casualties", 1, "additional person")],
        ),
    ],
)
def test_a_reference_to_one_counted_thing_is_no_claim(extractor, text, kept):
    claims = claims_of(extractor, text)
    assert [(c.kind, figure(c), c.category) for c in claims if c.kind != "strikes"] == kept


# ---------------------------------------------------------------------------------------------------------
# part_of


@pytest.mark.parametrize(
    "text, parts",
    [
        # "including" in the total's own sentence
        ("The army killed 12 militants, including three commanders.", [None, 0]),
        ("Troops destroyed 20 vehicles, including six tanks, near the city.", [None, 0]),
        ("Jets destroyed 31 targets, including 8 fuel depots.", [None, 0]),
        # each conjunct of what is included
        ("The aircraft destroyed 46 targets, including 10 tanks, 20 trucks and 16 depots.", [None, 0, 0, 0]),
        # "among them" in a phrase set beside the whole
        ("Troops killed 15 insurgents, among them two Taliban commanders, near Kandahar.", [None, 0]),
        ("The jets destroyed 30 targets, among them 12 bunkers and 5 depots.", [None, 0, 0]),
        # a part marker after the total's place or day, whichever word of its clause the parser hung it on
        (
            "Russian missiles killed 14 people in Dnipro on Friday, including 3 children, the governor said.",
            [None, 0],
        ),
        ("Shelling killed 9 civilians in the village overnight, including two teenagers.", [None, 0]),
        # "among them" before a part the parser hung on the verb beside its object, and the fallen a part is
        # named among
        ("Israeli tanks killed 20 people in Rafah on Sunday, among them 4 women.", [None, 0]),
        ("Saudi jets killed 31 civilians in Saada on Monday, among them 8 children.", [None, 0]),
        ("The army killed 40 militants. Among the dead were 5 commanders.", [None, 0]),
        ("Police killed 12 gunmen. Among those killed were 3 ringleaders.", [None, 0]),
        # guards: a marker in a later clause belongs to its own total, and a part of another effect is none
        ("Troops killed 8 fighters and police arrested 20 people, including 4 women.", [None, None, 1]),
        ("Troops killed 8 fighters in the raid, including 2 wounded.", [None, None]),
        # a part larger than its total is no part
        ("The army killed 12 militants, including 30 commanders.", [None, None]),
        # parts set beside their total, each with its own place
        (
            "Warplanes carried out 10 air strikes on Monday: six near Kobani and four near Hasakah.",
            [None, 0, 0],
        ),
        # a part of "the dead" or "the wounded" that a verb "be" names, in the next sentence
        ("Rockets killed 11 people in the market. Four of the dead were children, medics said.", [None, 0]),
        ("Shelling wounded 20 civilians overnight. Three of the wounded were nurses.", [None, 0]),
        # a summary over several operations and the operations' own counts below it
        (
            "Afghan and coalition forces detained more than 10 suspected insurgents in four operations "
            "yesterday.\nIn Andar district, the force detained two suspected insurgents.",
            [None, 0],
        ),
        (
            "Security forces captured five facilitators during separate operations.\nIn Khost, a patrol "
            "captured a facilitator.",
            [None, 0],
        ),
        # a plural is several operations, with no number said
        (
            "Afghan and coalition forces detained more than 10 suspected insurgents during security "
            "operations in Kunar and Nuristan provinces yesterday.\nIn Kunar province, the patrol detained "
            "four suspected insurgents.",
            [None, 0],
        ),
        (
            "Coalition troops killed 15 militants in raids across Helmand on Monday.\nIn Nad Ali, the "
            "soldiers killed six militants.",
            [None, 0],
        ),
        # but not operations the figure's clause acts on, nor a plural slipped in for one
        (
            "Jets killed 20 fighters in a raid targeting the group's smuggling operations.\nIn Raqqa, the "
            "jets killed five fighters.",
            [None, None, None],  # the raid is a strike of its own
        ),
        (
            "Troops killed 30 militants following a swift operations near the town.\nIn the east, troops "
            "killed four militants.",
            [None, None],
        ),
        # a toll given as background is no total of the news below it
        (
            "Forces have detained more than 40 insurgents in raids since January.\nYesterday, in Khost, the "
            "force detained three suspected insurgents.",
            [None, None],
        ),
        # one operation: its counts are its own news
        (
            "The force detained five suspected insurgents in one operation yesterday.\nIn Andar district, "
            "the force detained two suspected insurgents.",
            [None, None],
        ),
        # a list of items under a total that hands over to it
        (
            "On 12 April the aircraft destroyed 46 targets:\n- 10 tanks destroyed;\n- 20 trucks destroyed;\n"
            "- 16 depots destroyed.",
            [None, 0, 0, 0],
        ),
        # two lists one after the other, each under its own total: the second total heads its own list and
        # is no item of the first
        (
            "Jets carried out 10 strikes on Monday.\n"
            "In Syria, jets carried out 6 strikes:\n- Near Raqqa, four strikes hit a camp.\n"
            "- Near Tabqa, two strikes hit a depot.\n"
            "In Iraq, jets carried out 4 strikes:\n- Near Mosul, four strikes hit a convoy.",
            [None, None, 1, None, 1, None, None, 6, None],
        ),
    ],
)
def test_part_of(extractor, text, parts):
    assert positions(claims_of(extractor, text), "part_of") == parts


def _release_and_update(release: str, update: str) -> str:
    return (
        f"KABUL, Afghanistan (March 3, 2011) - {release}\n\n----\n\nUPDATE: Capture confirmed\n"
        f"KABUL, Afghanistan (March 5, 2011) - {update}"
    )


@pytest.mark.parametrize(
    "release, update, parts, restates",
    [
        # an update confirms a capture the release counted among its detainees
        (
            "A combined force detained several suspected insurgents in Paktika province yesterday while "
            "searching for a Haqqani commander.",
            "ISAF confirmed the capture of a Haqqani commander in Paktika province March 2.",
            [None, 0],
            [None, None],
        ),
        # and names who were among them
        (
            "Troops arrested three men in Zabul province yesterday during an operation.",
            "The patrol detained the cell leader and two of his guards in Zabul province on March 2.",
            [None, 0, 0],
            [None, None, None],
        ),
        # the same figure of the same people again
        (
            "The force captured two facilitators in Logar province yesterday.",
            "Coalition forces said two facilitators were captured in Logar province on March 2.",
            [None, None],
            [None, 0],
        ),
        # a toll the release gives as background is no total of the update's figures
        (
            "The patrol detained several suspected insurgents in Khost province yesterday. Forces have "
            "captured 17 Haqqani leaders in the last month.",
            "The patrol captured a Haqqani cell leader in Khost province on March 2, officials said.",
            [None, None, 0],
            [None, None, None],
        ),
        # a total holds no more than its figure
        (
            "Soldiers detained one insurgent in Kunar province yesterday.",
            "Officials confirmed that the soldiers detained a Taliban leader and four fighters in Kunar "
            "province on March 2.",
            [None, 0, None],
            [None, None, None],
        ),
        # another province is another operation
        (
            "A patrol detained several suspected insurgents in Helmand province yesterday.",
            "ISAF confirmed the capture of a Taliban leader in Kunduz province March 2.",
            [None, None],
            [None, None],
        ),
        # another day is another operation
        (
            "A patrol detained several suspected insurgents in Helmand province yesterday.",
            "On Feb. 20, forces captured a Taliban leader in Helmand province, ISAF said.",
            [None, None],
            [None, None],
        ),
        # another effect is another count
        (
            "Troops killed four insurgents in Ghazni province yesterday.",
            "Officials confirmed the arrest of a Taliban commander in Ghazni province on March 2.",
            [None, None],
            [None, None],
        ),
    ],
)
def test_a_later_report_on_the_same_operation(extractor, release, update, parts, restates):
    claims = claims_of(extractor, _release_and_update(release, update), published="2011-03-03")
    casualties = [c for c in claims if c.kind == "casualties"]
    index = {c.claim_id: i for i, c in enumerate(casualties)}
    assert [index.get(c.part_of) for c in casualties] == parts
    assert [index.get(c.restates) for c in casualties] == restates


def test_what_is_included_is_no_whole_of_its_own_conjuncts(extractor):
    text = "The army said both among civilians and military personnel were wounded."
    assert positions(claims_of(extractor, text), "part_of") == [None, None]


# ---------------------------------------------------------------------------------------------------------
# background


@pytest.mark.parametrize(
    "text, background",
    [
        # the report's news
        ("The force detained two suspected insurgents in Nawa yesterday.", [False]),
        ("Since Monday, the jets have flown 212 sorties.", [False]),
        # an earlier event
        ("In March, insurgents attacked the base and the garrison killed 30 of them.", [True, True]),
        ("The commander had killed four policemen in 2009.", [True]),
        # and the rest of its paragraph
        (
            "The force detained two suspects yesterday.\nIn April, a similar operation in the valley met "
            "heavy fire. The force responded, killing more than 30 insurgents.",
            [False, True],
        ),
        # until a sentence of the report's own time
        (
            "In April, a similar operation met heavy fire. Yesterday the force detained three suspects.",
            [False],
        ),
        # a toll since a start long past, or named without a date
        (
            "He is one of more than 50 insurgents killed since the beginning of the year in the province.",
            [True],
        ),
        ("The force has detained more than 25 leaders since December 1.", [True]),
        ("Forces have captured 17 Haqqani leaders in the last month.", [True]),
        (
            '"Several leaders have been captured and two were killed so far this year," the colonel said.',
            [True, True],
        ),
        ("Over the past week, the bombers flew 60 sorties.", [False]),
        ("The campaign has killed 1,200 militants since it began in 2009.", [True]),
    ],
)
def test_background(extractor, text, background):
    assert [c.background for c in claims_of(extractor, text)] == background


# ---------------------------------------------------------------------------------------------------------
# where the fields go


@pytest.mark.parametrize("column", ["target_side", "restates", "part_of", "background"])
def test_flat_outputs_carry_the_fields(column):
    assert column in dict(row_columns())


def test_the_ledger_sums_the_news_only(extractor):
    text = "The army killed 12 militants, including three commanders, near the town yesterday."
    record = extractor.extract(text, published=PUBLISHED)
    ledger = build_ledger([record])
    assert [p.value for p in ledger.points()] == [12]
