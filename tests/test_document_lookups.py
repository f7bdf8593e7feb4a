"""The per-document lookups that keep the components linear in document length give what a scan of the whole
document gives."""

import re

import pytest

from extractor.components.claims.finder import find_claims
from extractor.components.claims.memo import remembered, remembering
from extractor.components.document import entities_in, sentence_spans
from extractor.components.layout import furniture_sentences
from extractor.components.speakers.registry import Candidate
from extractor.components.speakers.scope import _repeated_names, _word_index

BRIEFING = (
    "KYIV, March 3 - Ukrainian forces destroyed 12 Russian tanks near Bakhmut on Friday, Colonel Maria "
    "Kovalenko said. The General Staff in Kyiv reported that 40 drones were shot down over Odesa and "
    "Kherson. NATO officials in Brussels said the strikes continued.\n\nSIGN UP FOR OUR DAILY NEWSLETTER\n"
    "Kovalenko added that three boats were hit in the Black Sea."
)


@pytest.fixture(scope="module")
def briefing(nlp):
    return nlp(BRIEFING)


@pytest.mark.parametrize("bounds", [(0, None), (0, 10), (5, 30), (20, 45), (44, 46), (30, 30)])
def test_entities_in_a_range_are_those_a_full_scan_finds(briefing, bounds):
    start, end = bounds
    last = len(briefing) if end is None else end
    expected = [(e.start, e.end, e.label_) for e in briefing.ents if e.start >= start and e.end <= last]
    assert [(e.start, e.end, e.label_) for e in entities_in(briefing, start, end)] == expected


@pytest.mark.parametrize("labels", [frozenset({"GPE"}), frozenset({"ORG", "NORP"}), frozenset({"LAW"})])
def test_entities_in_keeps_only_the_labels_asked(briefing, labels):
    expected = [(e.start, e.end) for e in briefing.ents if e.label_ in labels]
    assert [(e.start, e.end) for e in entities_in(briefing, 0, None, labels)] == expected


def test_sentence_spans_are_the_sentences_and_a_fresh_list_each_time(briefing):
    first = sentence_spans(briefing)
    first.pop()
    again = sentence_spans(briefing)
    assert [(s.start, s.end) for s in again] == [(s.start, s.end) for s in briefing.sents]


def test_furniture_line_is_skipped_and_the_story_is_not(briefing):
    skipped = furniture_sentences(briefing)
    texts = {s.text.strip() for s in sentence_spans(briefing) if s.start in skipped}
    assert texts == {"SIGN UP FOR OUR DAILY NEWSLETTER"}


def _searched(text: str, name: str) -> list[tuple[int, int]]:
    """What a regular-expression search through the whole text finds."""
    pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maria Kovalenko said. Kovalenko added. Kovalenko's staff agreed.", "Kovalenko"),
        ("Ivan Kovalenko-Smith spoke; Kovalenko did not; Kovalenkov left.", "Kovalenko"),
        ("Sean O'Neil said so, and O'Neil repeated it; O'Neill did not.", "O'Neil"),
        ("Maria Kovalenko said. Maria Kovalenko, the spokeswoman, added.", "Maria Kovalenko"),
        ("Maria  Kovalenko said. Maria Kovalenko added.", "Maria Kovalenko"),
        ("the ministry (Ministry of Defence) said the Ministry of Defence of Ukraine", "Ministry of Defence"),
    ],
)
def test_repeated_names_are_found_where_a_search_finds_them(text, name):
    candidate = Candidate(
        kind="organization", name=name, title=None, role=None, organization=None, words=frozenset()
    )
    assert _repeated_names(text, candidate, _word_index(text)) == _searched(text, name)


def test_a_remembered_answer_is_given_once_per_document_while_the_finder_reads_it(nlp, briefing):
    asked = []

    @remembered
    def head_of(token):
        asked.append(token.i)
        return token.head.i

    other = nlp("Rebels killed 4 soldiers.")
    with remembering(briefing):
        answers = [head_of(briefing[3]), head_of(briefing[3]), head_of(briefing[4]), head_of(other[1])]
        head_of(other[1])  # another document's words are asked afresh
    head_of(briefing[3])  # and so is everything once the reading is over
    assert answers == [briefing[3].head.i, briefing[3].head.i, briefing[4].head.i, other[1].head.i]
    assert asked == [3, 4, 1, 1, 3]


def test_the_claims_found_with_answers_remembered_are_those_found_without(nlp, briefing):
    def fields(findings):
        return [(f.kind, f.value, f.category, f.actor, f.location, f.evidence_start) for f in findings]

    fresh = fields(find_claims(briefing))
    with remembering(briefing):
        assert fields(find_claims(briefing)) == fresh
    assert ("targets", 12) in [f[:2] for f in fresh]
