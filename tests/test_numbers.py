"""The number finder: what a figure says, and which figures are no counts at all."""

import pytest

from extractor.components.numbers import parse_digits, parse_number_words
from extractor.pipeline import make_document


def readings(nlp, text):
    doc = nlp(make_document(nlp, text))
    return [(span.text, span._.number) for span in doc._.numbers]


@pytest.mark.parametrize(
    "text, value, value_max, approximate, cumulative, delta",
    [
        ("Aircraft destroyed 1,458 targets.", 1458, None, False, False, None),
        ("The army destroyed 2 845 armoured vehicles.", 2845, None, False, False, None),
        ("The navy sank six boats.", 6, None, False, False, None),
        ("Jets hit twenty-two depots.", 22, None, False, False, None),
        ("Gunners destroyed a dozen trucks.", 12, None, False, False, None),
        ("Gunners destroyed two dozen trucks.", 24, None, False, False, None),
        ("Forces killed 2.5 thousand fighters.", 2500, None, False, False, None),
        ("Forces killed about 300 fighters.", 300, None, True, False, None),
        ("Forces killed more than 40 fighters.", 40, None, True, False, None),
        ("Forces killed at least 9 fighters.", 9, None, True, False, None),
        ("Forces killed nearly 70 fighters.", 70, None, True, False, None),
        ("Forces killed up to 80 fighters.", 80, None, True, False, None),
        ("Forces killed as many as 15 fighters.", 15, None, True, False, None),
        ("The strikes killed an estimated 220 fighters.", 220, None, True, False, None),
        ("Forces killed 10 to 15 militants.", 10, 15, False, False, None),
        # a range opening the sentence, which the model may read as a span of days
        ("Between 20 and 25 drones were shot down overnight.", 20, 25, False, False, None),
        ("Between 6 and 9 soldiers died in the ambush.", 6, 9, False, False, None),
        # a plural thing the model took into a DATE with its figure still counts; a weekend is a time
        ("Gunners destroyed 8 mortars.", 8, None, False, False, None),
        ("Forces killed 12 fighters over 3 weekends.", 12, None, False, False, None),
        ("Jets destroyed a total of 456 targets.", 456, None, False, True, None),
        ("tanks - 1,393 (+10) units", 1393, None, False, True, 10),
        (
            "In total, since the beginning of the operation, 579 aircraft were destroyed.",
            579,
            None,
            False,
            True,
            None,
        ),
    ],
)
def test_figure_readings(nlp, text, value, value_max, approximate, cumulative, delta):
    found = [r for _, r in readings(nlp, text) if r.value is not None]
    assert len(found) == 1, found
    reading = found[0]
    assert (reading.value, reading.value_max, reading.approximate, reading.cumulative, reading.delta) == (
        value,
        value_max,
        approximate,
        cumulative,
        delta,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The operation began in 2015.",
        "Su-34 and S-400 systems were deployed.",
        "BETAB-500 bombs were used.",
        "The council passed Resolution 2254.",
        "Turnout reached 45 percent.",
        "The convoy travelled 30 km.",
        "The briefing started at 10:30.",
        "He was 25 years old.",
        "It happened on September 30.",
        "Between 3 and 5 March the talks went on.",
        "Release 2009-12-CA-063 followed.",
        "The men, aged 20 to 25, were questioned.",
        "Boys aged 14 and 15 were released.",
        "He fled at the age of 19.",
        # ordinals in digits rank units and days; they count nothing
        "Soldiers of the 74th Brigade held the line.",
        "The 2nd Battalion and the 101st Division moved north.",
        "It was their 3rd patrol that week.",
    ],
)
def test_no_count_in(nlp, text):
    assert [t for t, r in readings(nlp, text) if r.value is not None] == []


@pytest.mark.parametrize(
    "text, quantifier",
    [
        ("Troops detained several suspects.", "several"),
        ("The force killed numerous insurgents.", "numerous"),
        ("Jets killed dozens of militants.", "dozens"),
        ("The patrol killed a few gunmen.", "a few"),
        ("Hundreds were wounded in the shelling.", "hundreds"),
    ],
)
def test_vague_counts(nlp, text, quantifier):
    found = [r for _, r in readings(nlp, text)]
    assert [(r.value, r.quantifier) for r in found] == [(None, quantifier)]


@pytest.mark.parametrize(
    "text, value",
    [("1,393", 1393), ("19 600", 19600), ("1.458", 1458), ("42", 42), ("1,39", None), ("12,3456", None)],
)
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("twenty-two", 22),
        ("three hundred", 300),
        ("a hundred and fifty", 150),
        ("2.5 thousand", 2500),
        ("two dozen", 24),
        # beyond the word lists: quantulum3 reads it
        ("one and a half thousand", 1500),
        ("two and a half million", 2_500_000),
    ],
)
def test_number_words(text, value):
    assert parse_number_words(text) == value


def test_ordinal_in_digits_is_not_read_as_a_number_phrase(nlp, monkeypatch):
    """An ordinal in digits is settled by the word lists: quantulum3 (built lazily, about a second) is not
    asked to read it."""
    import extractor.components.numbers as numbers

    def refuse(text):
        raise AssertionError(f"quantulum3 asked to read {text!r}")

    monkeypatch.setattr(numbers, "parse_number_words", refuse)
    text = "The 74th Brigade destroyed 5 tanks near the 2nd bridge."
    found = [(t, r.value) for t, r in readings(nlp, text)]
    assert found == [("5", 5)]
