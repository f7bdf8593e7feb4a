"""The speaker scope's per-document lookups (head indices, four-digit tokens) give what a walk over the
Tokens gives."""

from __future__ import annotations

import pytest

from extractor.components.speakers.scope import (
    _ancestor_path,
    _head_indices,
    _is_year,
    _negated_complements,
    _years,
)

TEXTS = [
    "The ministry said on Tuesday that in 2014 and 2015 its forces destroyed 2000 tanks near the border.",
    "In May 1994 the war began. By 2011, he said, 1,200 fighters and 20111 rounds were gone. Since 1987",
    "No years here at all",
]


@pytest.mark.parametrize("text", TEXTS)
def test_ancestor_paths_are_the_tokens_ancestors(nlp, text):
    doc = nlp(text)
    heads = _head_indices(doc)
    for most in (40, 1):
        expected = [[t.i, *[a.i for a in t.ancestors][:most]] for t in doc]
        assert [_ancestor_path(heads, t.i, most) for t in doc] == expected


@pytest.mark.parametrize("text", TEXTS)
def test_years_of_a_sentence_are_those_of_a_full_scan(nlp, text):
    doc = nlp(text)
    for quoted in (False, True):
        in_quote = [0 if quoted and t.i % 2 else -1 for t in doc]
        for sentence in doc.sents:
            expected = [int(t.text) for t in sentence if in_quote[t.i] < 0 and _is_year(t)]
            assert _years(sentence, in_quote) == expected


def test_years_are_found(nlp):
    doc = nlp(TEXTS[1])
    assert [y for s in doc.sents for y in _years(s, [-1] * len(doc))] == [1994, 2011, 1987]


NEGATED = [
    "The spokesman said he did not believe the strike occurred.",
    "Officials denied that the convoy was hit, saying they never confirmed it had been attacked.",
    "The army said 12 fighters were killed.",
]


@pytest.mark.parametrize("text", NEGATED + TEXTS)
def test_negated_complements_are_those_of_a_token_walk(nlp, text):
    doc = nlp(text)
    expected = {t.i for t in doc if t.dep_ == "ccomp" and any(c.dep_ == "neg" for c in t.head.children)}
    assert _negated_complements(doc) == expected


def test_a_complement_of_a_negated_verb_is_found(nlp):
    doc = nlp(NEGATED[0])
    assert [doc[i].head.lower_ for i in _negated_complements(doc)] == ["believe"]
