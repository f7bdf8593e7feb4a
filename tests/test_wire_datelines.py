"""A wire dateline with no date that opens a story ("KHARTOUM, Sudan - The Rapid Support Forces shelled ...",
"GAZA (Reuters) - Palestinian health officials said ..."): the parser read the place into the first
sentence's subject, which made the city the actor or the speaker. Rows in our own words."""

import pytest

PUBLISHED = "2024-11-05"


def first_claim(extractor, text):
    claim = extractor.extract(text, published=PUBLISHED).claims[0]
    return claim.actor, claim.speaker


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "KHARTOUM, Sudan - The Rapid Support Forces shelled a camp near El Fasher, killing 14 civilians.",
            ("The Rapid Support Forces", None),
        ),
        (
            "KHARTOUM, Sudan \u2014 The Rapid Support Forces shelled a camp in Tawila, killing 14 civilians.",
            ("The Rapid Support Forces", None),
        ),
        (
            "DAMASCUS - Turkish drones struck positions near Kobani, killing five fighters.",
            ("Turkish drones", None),
        ),
        (
            "ISLAMABAD - Pakistani security forces killed 11 militants in Bannu, the military said.",
            ("Pakistani security forces", "military"),
        ),
        (
            "GAZA (Reuters) - Palestinian health officials said 41 people were killed in Israeli strikes.",
            ("Israeli strikes", "Palestinian health officials"),
        ),
        (
            "KYIV/MARIUPOL, Ukraine, \u2013 Russian forces fired 40 missiles at the city, officials said.",
            ("Russian forces", "officials"),
        ),
        # a dateline whose dash was lost: its place is one the gazetteer knows
        ("BAGHDAD Iraqi forces killed 12 militants near Falluja on Monday.", ("Iraqi forces", None)),
        ("MOSCOW (Sputnik) Russian jets destroyed 12 targets in Idlib.", ("Russian jets", None)),
        # guards: a dated dateline; capitals that name no place; a story with no dateline at all
        (
            "KABUL, Afghanistan (March 4, 2011) - Coalition forces detained two suspects in Khost province.",
            ("Coalition forces", None),
        ),
        (
            "ISAF Joint Command said coalition forces detained 3 suspects.",
            ("coalition forces", "ISAF Joint Command"),
        ),
        ("Nigerian troops killed 20 bandits in Zamfara state, the army said.", ("Nigerian troops", "army")),
    ],
)
def test_a_dateline_is_no_part_of_the_first_sentence(extractor, text, expected):
    assert first_claim(extractor, text) == expected


def test_a_loss_list_line_in_capitals_is_no_dateline(extractor):
    text = (
        "The total combat losses of the enemy from 24.02 to 12.04 were approximately:\n"
        "MLRS \u2012 111,\nAPV \u2012 1946,\ntanks \u2012 732,"
    )
    claims = extractor.extract(text, published="2022-04-12").claims
    assert [(c.category, c.value, c.target_side) for c in claims] == [
        ("MLRS", 111, "enemy"),
        ("APV", 1946, "enemy"),
        ("tanks", 732, "enemy"),
    ]


def test_the_sentence_starts_after_the_dateline_dash(nlp):
    doc = nlp("ISLAMABAD - Pakistani security forces killed 11 militants.")
    assert [sentence.text for sentence in doc.sents][-1] == "Pakistani security forces killed 11 militants."


def test_a_dateline_with_no_date_is_no_place_of_the_news(extractor):
    text = "WASHINGTON Two senior militant leaders were likely killed in a strike, the Pentagon said."
    claims = extractor.extract(text, published=PUBLISHED).claims
    assert claims and all(c.location is None for c in claims)
