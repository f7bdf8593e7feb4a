"""Background sentences read only where claims are asked give what reading every sentence gives."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.components.claims.background import background_sentences, story_runs
from extractor.components.document import sentence_spans
from extractor.pipeline import make_document

TEXT = (
    "KABUL, Afghanistan (March 9, 2016) - In June 2014, insurgents attacked the district centre. "
    "Two policemen were wounded. Three insurgents were killed in the attack. "
    "Yesterday a combined force detained two suspected insurgents in Khost province.\n\n"
    "Since the campaign began in 2014, the force has killed 400 militants. "
    "In May 2015, a strike killed a Taliban leader. The strike also destroyed a vehicle.\n"
    "On Monday, the force seized 20 kilograms of explosives."
)
PUBLISHED = dt.date(2016, 3, 9)


@pytest.fixture(scope="module")
def parsed(nlp):
    doc = nlp(make_document(nlp, TEXT, PUBLISHED, "header"))
    return doc, sentence_spans(doc)


def test_story_runs_start_after_each_line_break(parsed):
    doc, sentences = parsed
    runs = story_runs(doc, sentences)
    assert runs[0] == 0
    for first in runs[1:]:
        assert "\n" in doc.text[sentences[first - 1].end_char - 1 : sentences[first].start_char + 1]
    assert len(runs) == 3


@pytest.mark.parametrize("asked", [{0}, {1, 2}, {2}, {3, 5}, {5}, {6}, {4, 6}, {0, 1, 2, 3, 4, 5, 6}])
def test_asked_sentences_answer_as_a_full_reading(parsed, asked):
    doc, sentences = parsed
    asked = {i for i in asked if i < len(sentences)}
    tolls, earlier = background_sentences(doc, sentences, PUBLISHED, 31)
    asked_tolls, asked_earlier = background_sentences(doc, sentences, PUBLISHED, 31, asked)
    assert asked_tolls & asked == tolls & asked
    assert asked_earlier & asked == earlier & asked


def test_a_story_set_long_before_goes_on_in_its_paragraph(parsed):
    doc, sentences = parsed
    _, earlier = background_sentences(doc, sentences, PUBLISHED, 31, {1})
    assert 1 in earlier  # "Two policemen were wounded" after "In June 2014, insurgents attacked ..."
