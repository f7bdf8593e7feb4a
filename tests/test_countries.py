"""The country table speakers read (countries.json): each name, adjective and other name gives one word."""

from __future__ import annotations

import pytest

from extractor.components.speakers.countries import country_names
from extractor.components.speakers.registry import name_words
from extractor.components.speakers.vocabulary import speaker_vocabulary

SAME_WORDS = [
    ("Russia's Defence Ministry", "the Russian Defence Ministry"),
    ("the Russian Federation's army", "Russia's army"),
    ("U.S. Central Command", "United States Central Command"),
    ("the American embassy", "the United States embassy"),
    ("British Foreign Office", "Britain's Foreign Office"),
    ("the Turkish General Staff", "Turkey's General Staff"),
    ("the Dutch navy", "the Netherlands navy"),
    ("Congolese army", "the army of the Democratic Republic of the Congo"),
]


@pytest.mark.parametrize(("first", "second"), SAME_WORDS)
def test_one_country_however_named(first, second):
    vocab = speaker_vocabulary()
    assert name_words(first, vocab) == name_words(second, vocab)


DIFFERENT_WORDS = [
    ("the Syrian army", "the Turkish army"),
    ("North Korean army", "South Korean army"),
    ("the Nigerian army", "the Nigerien army"),
    ("Austrian police", "Australian police"),
]


@pytest.mark.parametrize(("first", "second"), DIFFERENT_WORDS)
def test_two_countries_stay_two(first, second):
    vocab = speaker_vocabulary()
    assert name_words(first, vocab) != name_words(second, vocab)


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("russian", "russia"),
        ("ukrainian", "ukraine"),
        ("american", "united-states"),
        ("syria", "syria"),
        ("moscow", "russia"),
        ("kyiv", "ukraine"),
        ("washington", "united-states"),
        ("kremlin", "russia"),
        ("zhongnanhai", "china"),
    ],
)
def test_a_word_names_its_country(word, country):
    assert country_names().key(word) == country


@pytest.mark.parametrize("word", ["us", "army", "ministry", "general"])
def test_words_that_name_no_country(word):
    assert country_names().key(word) is None


@pytest.mark.parametrize(
    ("name", "capital"),
    [
        ("Moscow", True),
        ("Washington", True),
        ("Russia", False),
        ("Luxembourg", False),
        # a seat of government stands for its country's government as a capital does
        ("Kremlin", True),
        ("White House", True),
        ("Downing Street", True),
        ("Pentagon", False),  # a ministry's building names the ministry, not the government
    ],
)
def test_a_capital_stands_for_its_country(name, capital):
    assert country_names().is_capital(name) is capital
