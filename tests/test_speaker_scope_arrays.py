"""The speaker scope's per-document lookups (head indices, four-digit tokens) give what a walk over the
Tokens gives."""

from __future__ import annotations

import pytest

from extractor.components.speakers.scope import _ancestor_path, _head_indices, _is_year, _years

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
