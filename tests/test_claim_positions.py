"""The claim linker's per-document indexes answer as the one-by-one scans they replace."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extractor.components.claim_links.positions import ClaimPositions, SectionLookup


def _sections(*bounds: tuple[int, int]) -> list[SimpleNamespace]:
    return [SimpleNamespace(start=start, end=end) for start, end in bounds]


def _scan(sections, char: int) -> int | None:
    return next((i for i, s in enumerate(sections) if s.start <= char < s.end), None)


@pytest.mark.parametrize(
    "bounds",
    [
        ((0, 100),),
        ((0, 40), (40, 41), (41, 100)),
        ((10, 40), (60, 100)),  # gaps before, between and after
        ((0, 40), (40, 40), (40, 100)),  # an empty section
        ((50, 100), (0, 50)),  # out of order: scanned one by one
        ((0, 60), (40, 100)),  # overlapping: the first that holds the character
    ],
)
def test_section_lookup_finds_what_a_scan_finds(bounds):
    sections = _sections(*bounds)
    lookup = SectionLookup(sections)
    for char in range(-1, 102):
        assert lookup.index(char) == _scan(sections, char), char


def _claims(*rows: tuple[int, int, int]) -> list[SimpleNamespace]:
    """(evidence start, sentence index, paragraph) of each claim."""
    return [SimpleNamespace(evidence_start=a, sentence_index=s, paragraph=p) for a, s, p in rows]


CLAIMS = _claims(
    (5, 0, 0), (20, 1, 0), (30, 1, 1), (45, 3, 2), (48, 2, 2), (70, 4, 3), (75, 4, 4), (90, 6, 4)
)
SECTIONS = _sections((0, 40), (40, 100))


@pytest.mark.parametrize("at", range(len(CLAIMS)))
def test_earlier_count_is_the_first_claim_at_or_after_the_sentence(at):
    index = ClaimPositions(CLAIMS, SectionLookup(SECTIONS))
    sentence = CLAIMS[at].sentence_index
    expected = next((i for i, c in enumerate(CLAIMS[:at]) if c.sentence_index >= sentence), at)
    assert index.earlier_count(at, sentence) == expected


@pytest.mark.parametrize(
    ("section", "count", "expected"),
    [(0, 0, None), (0, 1, 0), (0, 3, 0), (1, 3, None), (1, 4, 2), (1, 8, 2), (None, 8, None)],
)
def test_first_paragraph_before(section, count, expected):
    index = ClaimPositions(CLAIMS, SectionLookup(SECTIONS))
    assert index.first_paragraph_before(section, count) == expected


@pytest.mark.parametrize(
    ("paragraphs", "count", "expected"),
    [({0}, 8, [1, 0]), ({0}, 1, [0]), ({2, 4}, 8, [7, 6, 4, 3]), ({2, 4}, 7, [6, 4, 3]), ({9}, 8, [])],
)
def test_claims_in_paragraphs_latest_first(paragraphs, count, expected):
    index = ClaimPositions(CLAIMS, SectionLookup(SECTIONS))
    assert index.in_paragraphs_before(paragraphs, count) == expected
