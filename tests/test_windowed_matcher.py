"""greedy_matches: a Matcher run only over the runs of tokens that may match gives the whole Doc's matches in
the whole Doc's order; the place finder's patterns give the same candidates either way."""

from __future__ import annotations

import numpy
import pytest
from spacy.matcher import Matcher

from extractor.components.places import _pattern_candidates
from extractor.windowed_matcher import greedy_matches, usable_runs

TEXTS = [
    "Jets struck near Kafr Nabl, in Idlib province, and near Saraqib and Binnish, the ministry said.",
    "Fighting went on in the outskirts of Deir ez-Zor city and 12 km north of Al Bab town.",
    "Militants were killed in Nad-e Ali district, Helmand province. Nothing else happened near the river.",
    "The village of Tell Rifaat was shelled. Three Towns and two Villages were hit",
    "",
]
CAPITALIZED_BEFORE_KIND = [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["province", "district", "city"]}}]
NEAR_WORDS = [{"LOWER": "near"}, {"IS_ALPHA": True, "OP": "+"}]


@pytest.mark.parametrize("text", TEXTS)
def test_greedy_matches_are_the_whole_docs_in_its_order(nlp, text):
    doc = nlp(text)
    matcher = Matcher(nlp.vocab)
    matcher.add("kind", [CAPITALIZED_BEFORE_KIND], greedy="LONGEST")
    matcher.add("near", [NEAR_WORDS], greedy="LONGEST")
    usable = numpy.array([t.is_title or t.is_alpha for t in doc], dtype=bool)
    anchors = numpy.array([t.lower_ in ("near", "province", "district", "city") for t in doc], dtype=bool)
    assert greedy_matches(matcher, doc, usable, anchors) == matcher(doc)


@pytest.mark.parametrize(
    ("usable", "anchors", "runs"),
    [
        ([1, 1, 0, 1, 1, 1], [0, 1, 0, 0, 0, 0], [(0, 2)]),
        ([1, 1, 0, 1, 1, 1], [0, 0, 0, 0, 0, 1], [(3, 6)]),
        ([1, 1, 0, 1, 1, 1], [0, 0, 1, 0, 0, 0], []),  # an anchor no match can hold
        ([0, 0], [1, 1], []),
        ([], [], []),
    ],
)
def test_runs_are_the_usable_stretches_with_an_anchor(usable, anchors, runs):
    assert usable_runs(numpy.array(usable, dtype=bool), numpy.array(anchors, dtype=bool)) == runs


@pytest.mark.parametrize("text", TEXTS)
def test_place_pattern_candidates_are_those_of_the_whole_doc(nlp, text):
    doc = nlp(text)
    places = nlp.get_pipe("briefing_places")
    assert places.words is not None
    whole = _pattern_candidates(doc, places.matcher, places.entries)
    assert _pattern_candidates(doc, places.matcher, places.entries, places.words) == whole
