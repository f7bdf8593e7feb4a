"""Which day or period governs a claim: its own words, the report's opening day, or the dateline."""

import datetime as dt

import pytest

from extractor.components.claims import PERIOD_IN_WORDS_WARNING
from extractor.components.dates import LATER_REPORT_WARNING


def dated(extractor, text, published=None):
    record = extractor.extract(text, published=published)
    return [(c.value, c.effect, c.date, c.period_start) for c in record.claims if c.kind == "casualties"]


def test_the_day_a_story_opens_on_dates_its_later_paragraphs(extractor):
    text = (
        "A joint patrol searched a compound outside Gardez, Paktya province, yesterday afternoon.\n\n"
        "The patrol came under fire from the buildings nearby.\n\n"
        "Five insurgents were killed and two men were detained."
    )
    assert dated(extractor, text, "2011-04-14") == [
        (5, "killed", dt.date(2011, 4, 13), None),
        (2, "captured", dt.date(2011, 4, 13), None),
    ]


def test_a_year_in_the_dateline_does_not_make_the_lead_background(extractor):
    text = (
        "KABUL, Afghanistan (May 21, 2011) - A coalition force raided a compound in Zharay district, "
        "Kandahar province, Thursday.\n\n"
        "Initial reports say four insurgents were killed."
    )
    assert dated(extractor, text) == [(4, "killed", dt.date(2011, 5, 19), None)]


def test_a_release_naming_no_other_time_is_dated_by_its_dateline(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 3, 2012)\n"
        "A coalition security force detained three suspected insurgents in Khost province.\n\n"
        "The force also found a cache of rifles."
    )
    assert dated(extractor, text) == [(3, "captured", dt.date(2012, 8, 3), None)]


def test_the_dateline_does_not_date_a_release_with_times_of_its_own(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 3, 2012)\n"
        "Since June, coalition forces have detained more than 40 suspected insurgents in Khost province."
    )
    assert dated(extractor, text) == [(40, "captured", None, dt.date(2012, 6, 1))]


def test_a_running_total_since_months_back_does_not_undate_the_lead(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 3, 2012)\n"
        "A coalition security force detained three suspected insurgents in Khost province.\n\n"
        "Since June, coalition forces have detained more than 40 suspected insurgents in the province."
    )
    assert dated(extractor, text) == [
        (3, "captured", dt.date(2012, 8, 3), None),
        (40, "captured", None, dt.date(2012, 6, 1)),
    ]


def test_a_period_of_recent_days_keeps_the_dateline_off(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 3, 2012)\n"
        "A coalition security force detained three suspected insurgents in Khost province.\n\n"
        "Since Monday, coalition forces have detained more than 40 suspected insurgents in the province."
    )
    assert dated(extractor, text)[0] == (3, "captured", None, None)


def test_a_named_earlier_day_says_which_night(extractor):
    text = "The force killed two insurgents during an overnight raid in Nad Ali district Monday."
    # published on a Wednesday: the raid was on Monday night, not the night before publication
    assert dated(extractor, text, "2010-10-13") == [(2, "killed", dt.date(2010, 10, 11), None)]


def test_overnight_on_the_day_of_publication_is_the_night_before(extractor):
    text = "On Saturday the ministry said air defences shot down nine drones overnight."
    record = extractor.extract(text, published="2025-12-27")
    (claim,) = record.claims
    assert (claim.date, claim.period_start, claim.period_end) == (
        None,
        dt.date(2025, 12, 26),
        dt.date(2025, 12, 27),
    )


def test_a_rolling_period_ends_on_the_day_it_was_stated(extractor):
    text = "Some 45 militants were killed over the past 24 hours, the ministry said on Saturday."
    # published on a Monday: the 24 hours are those before Saturday's statement
    record = extractor.extract(text, published="2017-10-09")
    (claim,) = record.claims
    assert (claim.period_start, claim.period_end) == (dt.date(2017, 10, 6), dt.date(2017, 10, 7))


def test_a_rolling_period_stated_on_the_day_of_publication_ends_then(extractor):
    text = "Some 45 militants were killed over the past 24 hours, the ministry said on Monday."
    record = extractor.extract(text, published="2017-10-09")
    (claim,) = record.claims
    assert (claim.period_start, claim.period_end) == (dt.date(2017, 10, 8), dt.date(2017, 10, 9))


def test_the_day_of_a_date_counts_nothing(extractor):
    text = "3 March 2016 The jets destroyed 12 tanks near Homs, the ministry said."
    record = extractor.extract(text, published="2016-03-04")
    assert [(c.value, c.category) for c in record.claims] == [(12, "tanks")]


def test_a_report_period_holds_for_three_sentences(extractor):
    text = (
        "Over the past week the air force flew 120 sorties, a military source said. "
        "The sorties destroyed 14 vehicles near Hama. "
        "They also destroyed three depots near Idlib. "
        "The source said the jets destroyed 23 targets near Raqqa."
    )
    record = extractor.extract(text, published="2016-02-01")
    periods = {(c.period_start, c.period_end) for c in record.claims}
    assert periods == {(dt.date(2016, 1, 25), dt.date(2016, 2, 1))} and len(record.claims) == 4


def test_a_month_named_as_background_does_not_undate_a_release(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 3, 2012)\n"
        "A coalition security force detained three suspected insurgents in Khost province.\n\n"
        "In June, insurgents attacked a district centre in the province."
    )
    assert dated(extractor, text) == [(3, "captured", dt.date(2012, 8, 3), None)]


def test_a_figure_since_a_day_is_a_running_total(extractor):
    text = (
        "MOSCOW, October 16 (Sputnik) - Since September 30, Russian warplanes have destroyed 456 targets. "
        "On Thursday the jets destroyed 12 command posts. "
        "Since the operation began on September 30, the jets have carried out 669 sorties."
    )
    record = extractor.extract(text, published="2015-10-16")
    assert [(c.value, c.cumulative, c.period_start) for c in record.claims] == [
        (456, True, dt.date(2015, 9, 30)),
        (12, False, None),
        (669, True, dt.date(2015, 9, 30)),
    ]


def test_an_appended_update_tells_its_own_story(extractor):
    text = (
        "KABUL, Afghanistan (Dec. 1, 2012) - A coalition force detained four suspected insurgents in Khost "
        "province yesterday.\n\n"
        "----\n"
        "2012-12-S-004\n"
        "KABUL, Afghanistan (Dec. 3, 2012) - Afghan forces searched a compound in Sabari district on "
        "Saturday.\n\n"
        "The force killed two armed insurgents at the compound.\n\n"
        "Afghan forces detained three men at the scene."
    )
    assert dated(extractor, text) == [
        (4, "captured", dt.date(2012, 11, 30), None),
        # the update's story is its own Saturday, not the release's yesterday
        (2, "killed", dt.date(2012, 12, 1), None),
        (3, "captured", dt.date(2012, 12, 1), None),
    ]


def test_an_update_dated_after_publication_leaves_its_days_unresolved(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 7, 2010) - A joint force detained four suspected insurgents in Khost "
        "province last night.\n\n"
        "----\n"
        "UPDATE: Force Confirms Capture of Cell Leader\n"
        "2010-08-CA-088\n"
        "KABUL, Afghanistan (Aug. 9) - Afghan forces searched a compound in Sabari district.\n\n"
        "The force killed two armed insurgents at the compound yesterday.\n\n"
        "Afghan forces detained three men at the scene."
    )
    record = extractor.extract(text)
    # yesterday is Aug. 8, after the document's Aug. 7: neither that day nor the release's last night
    assert [(c.value, c.date, c.date_text) for c in record.claims if c.kind == "casualties"] == [
        (4, dt.date(2010, 8, 6), "last night"),
        (2, None, "yesterday"),
        (3, None, None),
    ]
    assert LATER_REPORT_WARNING in record.warnings


def test_a_quotations_today_is_the_day_it_was_said(extractor):
    text = (
        "More than 40 soldiers were killed Saturday in strikes on an air base, the army said. "
        '"Warplanes carried out six air strikes today against our forces," the statement said.'
    )
    record = extractor.extract(text, published="2016-09-18")
    assert [(c.kind, c.value, c.date, c.date_text) for c in record.claims] == [
        ("casualties", 40, dt.date(2016, 9, 17), "Saturday"),
        ("strikes", 6, dt.date(2016, 9, 17), "today"),
    ]


def test_a_quotation_said_on_a_day_of_its_own_counts_from_it(extractor):
    text = (
        "More than 40 soldiers were killed Saturday in strikes on an air base. "
        '"Warplanes carried out six air strikes today," the general said on Sunday.'
    )
    record = extractor.extract(text, published="2016-09-19")
    assert [(c.value, c.date) for c in record.claims if c.kind == "strikes"] == [(6, dt.date(2016, 9, 18))]


def test_a_running_total_in_a_later_update_does_not_run_past_publication(extractor):
    text = (
        "KABUL, Afghanistan (Aug. 9, 2010) - A joint force detained four suspected insurgents last night.\n\n"
        "KABUL, Afghanistan (Aug. 12) - Security forces have detained 60 insurgents since the operation "
        "began on July 30.\n"
    )
    record = extractor.extract(text)  # validated: no claim dated after Aug. 9
    assert [(c.value, c.period_start, c.period_end, c.cumulative) for c in record.claims] == [
        (4, None, None, False),
        (60, None, None, True),
    ]


def test_a_running_total_since_an_event_keeps_its_words_not_the_leads_day(extractor):
    text = (
        "Troops killed 14 militants in the Khan Yunis area over the past day, the military said. "
        "Since the start of the ground operation, 1,200 militants have been killed."
    )
    record = extractor.extract(text, published="2024-01-24")
    assert [(c.value, c.cumulative, c.period_start, c.date_text) for c in record.claims] == [
        (14, False, dt.date(2024, 1, 23), "over the past day"),
        (1200, True, None, "Since the start of the ground operation"),
    ]
    assert PERIOD_IN_WORDS_WARNING in record.warnings


@pytest.mark.parametrize(
    "text, words",
    [
        # a "since" clause or phrase naming no date, on a verb in the perfect: a running total over it
        ("Since the war began, 3,100 depots have been destroyed.", "Since the war began"),
        ("The army said 870 drones have been shot down since the invasion.", "since the invasion"),
    ],
)
def test_a_figure_since_an_event_told_in_words_is_a_running_total(extractor, text, words):
    record = extractor.extract(text, published="2024-01-24")
    assert [(c.cumulative, c.period_start, c.date_text) for c in record.claims] == [(True, None, words)]


def test_the_day_between_a_verb_of_saying_and_its_clause_dates_the_saying(extractor):
    # "said on Monday" put before the reported clause: the parser hangs the day on the clause
    text = "The ministry said on Monday its artillery had killed 40 fighters near the river."
    assert dated(extractor, text, "2019-03-12") == [(40, "killed", None, None)]


def test_a_week_in_the_clause_before_its_verb_of_saying_dates_the_claim(extractor):
    # the reported clause comes first and names its own week: the parser hangs it on the clause's verb
    text = "Border police detained 12 smugglers last week, a ministry spokesman said."
    assert dated(extractor, text, "2019-03-12") == [(12, "captured", None, dt.date(2019, 3, 4))]


def test_a_day_weeks_before_the_report_belongs_to_another_story(extractor):
    text = (
        "Officials recalled the raid on the border post on Nov. 20, which they blamed on the rebels.\n\n"
        "Rebel gunmen attacked a checkpoint on Friday.\n\n"
        "Local officials said six policemen were killed."
    )
    assert dated(extractor, text, "2019-12-14") == [(6, "killed", dt.date(2019, 12, 13), None)]


def test_a_day_carried_from_an_earlier_sentence_is_not_the_reports_own_day(extractor):
    text = (
        "Militants shelled the town on Dec. 2, the governor said. Two soldiers were wounded.\n\n"
        "In a separate incident, 3 civilians were killed at a market."
    )
    assert dated(extractor, text, "2019-12-20") == [
        (2, "wounded", dt.date(2019, 12, 2), None),
        (3, "killed", None, None),
    ]


def test_a_web_pages_stamp_dates_no_claim(extractor):
    # a scraped page whose header and "updated" stamp run into the story, with no day of its own
    text = (
        "14.03.2019(updated 0930 14.03.2019) Share this The army destroyed 12 rebel vehicles in the "
        "province the defence ministry said."
    )
    record = extractor.extract(text, published="2019-03-14")
    assert [(c.value, c.date, c.date_text) for c in record.claims] == [(12, None, None)]


def test_the_day_of_a_statement_dates_the_saying(extractor):
    # commas stripped, as in scraped texts: the day hangs on "statement", which hangs on "said"; the week
    # the statement speaks of ends on the day it was made
    text = "The jets destroyed 9 depots in the past week the ministry said in a statement on Tuesday."
    record = extractor.extract(text, published="2019-03-13")
    assert [(c.value, c.date, c.period_end) for c in record.claims] == [(9, None, dt.date(2019, 3, 12))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that can also report ("claim") is the claim's own verb here: its day is the claim's
        (
            "Jets bombed the depot on Friday night. On Wednesday a rocket attack in the north claimed "
            "the lives of some 30 people.",
            [(30, "killed", dt.date(2019, 3, 6), None)],
        ),
        (
            "The army shelled the hills late Friday. A car bomb claimed the lives of 12 soldiers on Monday.",
            [(12, "killed", dt.date(2019, 3, 4), None)],
        ),
        # a day hanging on the verb of saying still dates the saying, not the claim
        (
            "Coalition forces today confirmed the death of rebel leader Hamid following an air strike in the "
            "valley, Sunday.",
            [(1, "killed", dt.date(2019, 3, 3), None)],
        ),
        (
            "The ministry claimed on Monday that its artillery had killed 40 fighters.",
            [(40, "killed", None, None)],
        ),
    ],
)
def test_a_day_on_the_claims_own_verb_dates_the_claim(extractor, text, expected):
    assert dated(extractor, text, "2019-03-09") == expected


def test_a_background_sentence_neither_takes_nor_gives_a_carried_period(extractor):
    text = (
        "Some 50 militants were killed in strikes over the past 24 hours, the ministry said on Saturday. "
        "The army said in 2015 that the rebel emir had been killed by a drone. "
        "Up to 20 fighters were killed near the river, the ministry added."
    )
    record = extractor.extract(text, published="2019-03-10")
    got = [(c.value, c.period_start, c.period_end) for c in record.claims if c.kind == "casualties"]
    day = dt.date
    assert got == [
        (50, day(2019, 3, 8), day(2019, 3, 9)),
        (1, None, None),
        (20, day(2019, 3, 8), day(2019, 3, 9)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the present perfect sums up to the time of telling: no day carried from the sentence before
        (
            "Jets struck a market in the east on Monday, killing 11 people. "
            "Across the province at least 300 civilians have been killed in the fighting.",
            [(11, "killed", dt.date(2019, 3, 4), None), (300, "killed", None, None)],
        ),
        # a count with its auxiliary left out shares the perfect of the one before it
        (
            "Gunmen raided a village on Monday, killing 4 villagers. "
            "In all, 120 people have been killed and 450 injured in the district.",
            [
                (4, "killed", dt.date(2019, 3, 4), None),
                (120, "killed", None, None),
                (450, "wounded", None, None),
            ],
        ),
        # the past perfect of an earlier event takes neither the day before it nor the report's day
        (
            "Drones hit two trucks near the border on Tuesday, killing 6 smugglers. "
            "Two guards had died in a raid on the post.",
            [(6, "killed", dt.date(2019, 3, 5), None), (2, "killed", None, None)],
        ),
        # but a perfect in reported speech tells the story's own events: it keeps the carried day
        (
            "Artillery shelled the town on Tuesday. The mayor said 9 residents had been killed.",
            [(9, "killed", dt.date(2019, 3, 5), None)],
        ),
        (
            "Troops swept the valley on Friday. First reports indicate that 3 gunmen have been killed.",
            [(3, "killed", dt.date(2019, 3, 8), None)],
        ),
        # a period carried from the sentence before ("since June") may hold a perfect's tally
        (
            "Since January, the police have arrested 40 smugglers. They have also detained 15 couriers.",
            [(40, "captured", None, dt.date(2019, 1, 1)), (15, "captured", None, dt.date(2019, 1, 1))],
        ),
        # and so does a perfect told of the event itself ("the strike ... has killed")
        (
            "The air force bombed a depot on Tuesday. Officials hailed the strike, which has killed 14 "
            "fighters.",
            [(14, "killed", dt.date(2019, 3, 5), None)],
        ),
        # a perfect with a day of its own keeps it
        (
            "Since Monday, rebels have killed 25 soldiers near the dam.",
            [(25, "killed", None, dt.date(2019, 3, 4))],
        ),
    ],
)
def test_a_perfect_takes_no_carried_day(extractor, text, expected):
    assert dated(extractor, text, "2019-03-09") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead that names no day takes the day the next sentences give the story
        (
            "Navy jets destroyed a weapons store in the hills, the ministry confirmed on Sunday. "
            "The raid was carried out on Friday night.",
            [(1, "destroyed", dt.date(2019, 3, 8))],
        ),
        (
            "A rocket attack on an army base killed 3 soldiers, the governor said Saturday. "
            "Militants fired the rockets at the base early Thursday.",
            [(3, "killed", dt.date(2019, 3, 7))],
        ),
        # from another paragraph only when it names the event by a definite noun
        (
            "Navy jets destroyed a weapons store in the hills, the ministry confirmed on Sunday.\n\n"
            "The raid was carried out on Friday night.",
            [(1, "destroyed", dt.date(2019, 3, 8))],
        ),
        (
            "Navy jets destroyed a weapons store in the hills, the ministry confirmed on Sunday.\n\n"
            "In a separate operation, police detained 4 smugglers on Friday.",
            [(1, "destroyed", None)],
        ),
        # nor a list item, which takes only from what it hangs under, from the lead of the next list
        (
            "Iraq\n- Near Tal Afar, two strikes hit an ISIL bunker.\n- Near Baiji, one strike destroyed a "
            "mortar.\nAlso on March 8, two strikes were conducted in Syria:\n"
            "- Near Raqqa, one strike hit a tank.",
            [(2, "strikes", None)],
        ),
        # but not a day named further on than the carry window
        (
            "A rocket attack on an army base killed 3 soldiers, the governor said Saturday. "
            "The base lies on the river. It houses a brigade. It was built by the old regime. "
            "Militants fired the rockets at the base early Thursday.",
            [(3, "killed", None)],
        ),
    ],
)
def test_a_lead_takes_the_day_its_story_names_next(extractor, text, expected):
    record = extractor.extract(text, published="2019-03-10")
    claims = [(c.value, c.effect or c.kind, c.date) for c in record.claims if c.value is not None]
    assert claims[:1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause describing a noun inside another noun's phrase identifies it by an earlier event
        (
            "Jets bombed a depot on Tuesday, killing 8 fighters. The raid was revenge for a bombing that "
            "killed 4 soldiers.",
            [(8, "killed", dt.date(2019, 3, 5)), (4, "killed", None)],
        ),
        (
            "Drones struck a farm on Tuesday, killing 2 gunmen. Officials named the target as the brother of "
            "a smuggler linked to the killing of 6 police officers.",
            [(2, "killed", dt.date(2019, 3, 5)), (6, "killed", None)],
        ),
        # a present participle tells what the event itself did: it keeps the carried day
        (
            "On Tuesday army units raided hideouts of terrorists in the valley, killing 30 of them.",
            [(30, "killed", dt.date(2019, 3, 5))],
        ),
        # and so does a clause describing the sentence's own subject
        (
            "Jets bombed a depot on Tuesday. A second raid that killed 5 fighters hit the bridge.",
            [(5, "killed", dt.date(2019, 3, 5))],
        ),
    ],
)
def test_an_earlier_event_describing_a_noun_takes_no_carried_day(extractor, text, expected):
    assert [(v, e, d) for v, e, d, _ in dated(extractor, text, "2019-03-09")] == expected


@pytest.mark.parametrize(
    "text, date, start",
    [
        # a day after the reported clause's own "that" dates that clause, not the saying
        ("The army said that since Monday it had killed 30 gunmen.", None, dt.date(2021, 6, 7)),
        ("Police said that on Tuesday they had arrested 8 smugglers.", dt.date(2021, 6, 8), None),
        # before the "that", it dates the saying
        ("Police said on Tuesday that they had arrested 8 smugglers.", None, None),
    ],
)
def test_a_day_inside_the_reported_clause(extractor, text, date, start):
    (claim,) = extractor.extract(text, published="2021-06-10").claims
    assert (claim.date, claim.period_start) == (date, start)


def test_a_clause_opened_by_where_goes_on_with_the_story(extractor):
    # a "where" clause on a place inside another noun's phrase tells the news, not an earlier event
    text = (
        "KANDAHAR, Afghanistan (June 3, 2011) - Police searched a house in Zabul province, where they "
        "arrested 4 smugglers."
    )
    assert dated(extractor, text) == [(4, "captured", dt.date(2011, 6, 3), None)]


@pytest.mark.parametrize(
    "text, start, end",
    [
        # a month, a year or a calendar unit on the claim's own verb is the period the figure covers
        ("Coalition aircraft flew 1,200 sorties over Iraq last month.", "2024-02-01", "2024-02-29"),
        ("Last week, the air force destroyed 45 drones.", "2024-02-26", "2024-03-03"),
        ("Gunners destroyed 30 armoured vehicles in February.", "2024-02-01", "2024-02-29"),
        # the same inside a reported clause, after its verb
        ("Marines sank 3 patrol boats in February, the navy said.", "2024-02-01", "2024-02-29"),
        ("Gunners destroyed 17 howitzers last month, a spokesman said.", "2024-02-01", "2024-02-29"),
        # two months joined under one preposition: the period runs over both
        ("The navy lost 4 landing craft in December and January.", "2023-12-01", "2024-01-31"),
        ("Drones destroyed 900 vehicles in January-February.", "2024-01-01", "2024-02-29"),
        # two days of one month with the month written once are the period they make
        ("On February 12 and 13, drones hit 4 fuel depots near Kursk.", "2024-02-12", "2024-02-13"),
        ("Between 20 and 23 February, rebels shot down 5 helicopters.", "2024-02-20", "2024-02-23"),
        ("Raids on 6-8 February killed 19 insurgents in Kunar.", "2024-02-06", "2024-02-08"),
        # two weekdays in a row joined as a list are the period from the first to the last
        ("On Saturday and Sunday, gunners destroyed 6 artillery pieces.", "2024-03-02", "2024-03-03"),
        ("Militants killed 11 villagers on Sunday and Monday.", "2024-03-03", "2024-03-04"),
        # a week or half of a month named by its place is the days it gives
        ("In the second week of January, gunners destroyed 8 tanks.", "2024-01-08", "2024-01-14"),
        ("During the final week of February, rebels downed 3 drones.", "2024-02-23", "2024-02-29"),
        ("Troops killed 40 insurgents in the first half of February.", "2024-02-01", "2024-02-15"),
        # days or weeks counted from a month's start or back from its end
        ("In the first three days of February, troops killed 26 insurgents.", "2024-02-01", "2024-02-03"),
        ("Rebels lost 8 tanks during the last two weeks of January.", "2024-01-18", "2024-01-31"),
        ("Over the first 10 days of January, gunners destroyed 12 tanks.", "2024-01-01", "2024-01-10"),
        # a part of a month named by its place with "the ... of" is that part's days
        ("At the end of January, gunners destroyed 4 tanks.", "2024-01-21", "2024-01-31"),
        ("In the middle of February, gunners hit 6 bridges.", "2024-02-11", "2024-02-20"),
        # a month the parser hung on the claim verb's object still dates the claim
        ("Special forces eliminated about 30 jihadists in mid-January.", "2024-01-11", "2024-01-20"),
        # two months in a row run from the first day of the first to the last of the second
        ("The navy sank 7 boats in December and January.", "2023-12-01", "2024-01-31"),
    ],
)
def test_a_month_a_week_or_a_pair_of_days_is_the_claims_period(extractor, text, start, end):
    claims = extractor.extract(text, published="2024-03-05").claims
    assert [(c.date, str(c.period_start), str(c.period_end)) for c in claims] == [(None, start, end)]


def test_by_the_end_of_a_month_is_no_part_of_it(extractor):
    text = "By the end of January, the rebels had lost 60 tanks."
    claims = extractor.extract(text, published="2024-03-05").claims
    assert [(c.value, c.period_start) for c in claims] == [(60, None)]


def test_a_month_between_the_saying_and_its_clause_dates_the_saying(extractor):
    text = "The army said in January that its troops had killed 30 fighters."
    claims = extractor.extract(text, published="2024-03-05").claims
    assert [(c.value, c.period_start) for c in claims] == [(30, None)]


def test_a_month_dates_no_claim_after_its_own(extractor):
    text = "In January, jets struck 40 targets near Raqqa. Troops also killed 12 fighters in the town."
    claims = extractor.extract(text, published="2024-03-05").claims
    assert [(c.value, str(c.period_start)) for c in claims] == [(40, "2024-01-01"), (12, "None")]


@pytest.mark.parametrize(
    "text, date",
    [
        # days apart are a list, no period; a figure before a noun counts, it is no day
        ("Drones hit 4 fuel depots on February 12 and 19.", "2024-02-12"),
        ("Mortars killed 6 soldiers on February 12 and 3 more on February 14.", "2024-02-12"),
    ],
)
def test_days_apart_or_a_count_after_a_day_make_no_period(extractor, text, date):
    claims = extractor.extract(text, published="2024-03-05").claims
    assert (str(claims[0].date), claims[0].period_start) == (date, None)


@pytest.mark.parametrize(
    "text, period",
    [
        # a range of days whose last day the parser hung on the verb of saying is still the claim's period
        (
            "The coalition conducted 22 strikes from 8 a.m. Friday to 8 a.m. Saturday, the task force said.",
            ("2024-03-01", "2024-03-02"),
        ),
        (
            "Jets flew 40 sorties between 0800 GMT on Friday and 0800 GMT on Saturday, officials said.",
            ("2024-03-01", "2024-03-02"),
        ),
        (
            "Between mid-January and late February, militants killed 80 villagers.",
            ("2024-01-11", "2024-02-29"),
        ),
        (
            "Drones hit 9 sites from Sunday at 10 p.m. to Monday at 6 a.m., the governor said.",
            ("2024-03-03", "2024-03-04"),
        ),
    ],
)
def test_a_range_of_days_with_times_or_month_parts_is_the_claims_period(extractor, text, period):
    (claim,) = [c for c in extractor.extract(text, published="2024-03-05").claims if c.value != 1]
    assert (str(claim.period_start), str(claim.period_end)) == period


@pytest.mark.parametrize(
    "text, expected",
    [
        # a day that ends a running total: everything counted up to it, from no day named
        (
            "As of March 1, Israeli forces had killed 9,000 fighters, the military said.",
            (True, None, "2024-03-01"),
        ),
        ("As at Sunday, the army had destroyed 300 tanks in all.", (True, None, "2024-03-03")),
        ("By Tuesday, the rebels had lost 60 tanks, the ministry said.", (True, None, "2024-03-05")),
        # guards: a day on a verb that is not perfect, or an agent's day, is the day of the deed
        ("By Tuesday, the rebels lost 60 tanks.", (False, "2024-03-05", None)),
        ("On March 1, Israeli forces killed 90 fighters, the military said.", (False, "2024-03-01", None)),
    ],
)
def test_a_day_that_ends_a_running_total(extractor, text, expected):
    (claim,) = extractor.extract(text, published="2024-03-05").claims
    assert (
        claim.cumulative,
        str(claim.date) if claim.date else None,
        str(claim.period_end) if claim.period_end else None,
    ) == expected
