"""Memory zones close cleanly however their block ends, on every spaCy release the pin allows."""

from __future__ import annotations

import pytest
import spacy

from extractor.api import memory_zone


class Stop(Exception):
    """Raised inside a zone by these tests."""


def _end_normally() -> None:
    pass


def _raise() -> None:
    raise Stop("inside the zone")


@pytest.mark.parametrize(
    ("ending", "raised"),
    [
        (_end_normally, None),
        (_raise, Stop),
    ],
)
def test_a_zone_forgets_its_strings_and_passes_on_its_error(ending, raised):
    nlp = spacy.blank("en")
    word = "Qzvrlandia"  # a word no vocabulary holds
    try:
        with memory_zone(nlp):
            nlp(f"Strikes near {word} destroyed a depot.")
            assert word in nlp.vocab.strings
            ending()
    except Stop:
        pass
    else:
        assert raised is None
    # spaCy before 3.8.13 left a zone that ended by an exception open: the word stayed, and the words the
    # next documents added for good were forgotten at the next zone's end
    assert word not in nlp.vocab.strings
    kept = "Wxqtown"
    nlp(f"Jets hit {kept}.")
    with memory_zone(nlp):
        nlp("Another report.")
    assert kept in nlp.vocab.strings
    assert nlp(f"Near {kept}.")[1].text == kept


def test_a_caller_that_takes_one_record_leaves_no_zone_open(extractor):
    vocabulary = extractor.nlp.vocab
    zoned, extractor._zoned = extractor._zoned, True
    try:
        first = extractor.extract("Jets hit 4 depots near Qzvrabad.")
        later = [extractor.extract(f"Jets hit {n} depots near Wxq{n}stan.") for n in (5, 6)]
    finally:
        extractor._zoned = zoned
    assert first.claims[0].value == 4 and [r.claims[0].value for r in later] == [5, 6]
    assert "Qzvrabad" not in vocabulary.strings
