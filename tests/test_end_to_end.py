"""A whole briefing written in the style of a ministry's weekly report: every field of every claim."""

import datetime as dt

import pytest

BRIEFING = """Air Force Reports Week of Strikes in the North

Russian bombers in Syria have destroyed a total of 1,204 militant targets since the air campaign began on \
February 1, the Russian Defence Ministry said Wednesday.

Over the past week, they have flown 188 sorties, destroying 31 command posts, 12 ammunition depots, \
9 workshops and fuel depots, along with 57 fighting positions, Lieutenant General Pavel Orlov, head of the \
Air Operations Department of the Russian Defence Ministry, told reporters at a briefing.

Around 200 fighters cross the front line each night, Orlov said.

"We do not choose the targets of others. However, on March 6 a bridge and a fuel depot were destroyed by \
coalition aircraft in the vicinity of Al-Bab," he told journalists.
"""

WEEK = (dt.date(2016, 3, 2), dt.date(2016, 3, 9))
ORLOV = "Pavel Orlov"

# kind, value, cumulative, category, label, effect, actor, speaker, date, period, location
BOMBERS, ALBAB = "Russian bombers", "vicinity of Al-Bab"
MARCH_6, NO_PERIOD = dt.date(2016, 3, 6), (None, None)
# fmt: off
EXPECTED = [
    ("targets", 1204, True, "militant targets", "generic_target", "destroyed", BOMBERS,
     "Russian Defence Ministry", None, (dt.date(2016, 2, 1), dt.date(2016, 3, 9)), "Syria"),
    ("sorties", 188, False, None, None, None, BOMBERS, ORLOV, None, WEEK, "Syria"),
    ("targets", 31, False, "command posts", "command_post", "destroyed", BOMBERS, ORLOV, None, WEEK, "Syria"),
    ("targets", 12, False, "ammunition depots", "ammunition_depot", "destroyed", BOMBERS, ORLOV, None, WEEK,
     "Syria"),
    ("targets", 9, False, "workshops and fuel depots", "fuel_depot", "destroyed", BOMBERS, ORLOV, None, WEEK,
     "Syria"),
    ("targets", 57, False, "fighting positions", "fighting_position", "destroyed", BOMBERS, ORLOV, None, WEEK,
     "Syria"),
    ("targets", 1, False, "bridge", "infrastructure", "destroyed", "coalition aircraft", ORLOV, MARCH_6,
     NO_PERIOD, ALBAB),
    ("targets", 1, False, "fuel depot", "fuel_depot", "destroyed", "coalition aircraft", ORLOV, MARCH_6,
     NO_PERIOD, ALBAB),
]
# fmt: on


@pytest.fixture(scope="module")
def record(extractor):
    return extractor.extract(BRIEFING, published="2016-03-09", doc_id="weekly")


def test_every_field_of_every_claim(record):
    found = [
        (
            c.kind,
            c.value,
            c.cumulative,
            c.category,
            c.category_label,
            c.effect,
            c.actor,
            c.speaker,
            c.date,
            (c.period_start, c.period_end),
            c.location,
        )
        for c in record.claims
    ]
    assert found == EXPECTED
    for claim in record.claims:
        assert claim.approximate is False and claim.delta is None and claim.quantifier is None
        assert claim.value_max is None
        assert BRIEFING[claim.evidence.start : claim.evidence.end] == claim.evidence.text
        assert claim.evidence.text in claim.evidence.sentence


def test_quoted_claims_carry_their_quote(record):
    quoted = [c for c in record.claims if c.quote_id]
    assert [c.value for c in quoted] == [1, 1]
    quote = next(q for q in record.quotes if q.id == quoted[0].quote_id)
    assert quote.speaker_id == quoted[0].speaker_id
    assert quote.start <= quoted[0].evidence.start < quote.end


def test_speakers_with_title_role_and_organization(record):
    speakers = {s.name: s for s in record.speakers}
    orlov = speakers[ORLOV]
    assert (orlov.kind, orlov.title, orlov.role, orlov.organization) == (
        "person",
        "Lieutenant General",
        "head of the Air Operations Department",
        "Russian Defence Ministry",
    )
    mentions = [m.text for m in orlov.mentions]
    assert mentions[0].endswith("Pavel Orlov") and "Orlov" in mentions and "he" in mentions
    assert speakers["Russian Defence Ministry"].kind == "organization"


def test_the_record_says_how_it_was_dated_and_what_read_it(record):
    assert record.published == dt.date(2016, 3, 9) and record.published_source == "argument"
    assert record.model.name.startswith("en_core_web_sm")
    assert record.doc_id == "weekly" and record.warnings == []
    assert record.claims[0].date_text.startswith("since")
