"""Long documents in pieces: where pieces are cut, and that claims, speakers and quotes come back with
offsets into the whole text, dated from the first piece's dateline."""

import pytest

from extractor.api import Extractor
from extractor.pieces import piece_bounds

PARAGRAPHS = [
    "HERAT, Afghanistan (Oct. 4, 2010) - Afghan border police seized 40 rockets in Herat province "
    'yesterday, said Col. Rahim Nazari. "The rockets were hidden in a truck," Nazari said.',
    "In a separate operation, an Afghan and coalition force detained three suspected insurgents in "
    "Farah province on Saturday, officials said.",
    "Col. Rahim Nazari said police also destroyed two vehicles in Shindand district on Friday.",
]
TEXT = "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    "text, size, expected",
    [
        ("aaaa\n\nbbbb\ncccc", 12, ["aaaa\n\nbbbb\n", "cccc"]),  # the last break of the best kind in room
        ("aaaaaaa\n\nbb cc dd", 12, ["aaaaaaa\n\n", "bb cc dd"]),  # a paragraph beats a later space
        ("One two. Three four five six", 14, ["One two. ", "Three four ", "five six"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # no white space: cut where it must be
        ("short", 100, ["short"]),
        ("", 10, [""]),
    ],
)
def test_pieces_are_cut_at_the_best_break_and_cover_the_text(text, size, expected):
    bounds = piece_bounds(text, size)
    assert [text[a:b] for a, b in bounds] == expected
    assert all(b - a <= size for a, b in bounds)


@pytest.fixture(scope="module")
def small_pieces() -> Extractor:
    extractor = Extractor()
    extractor.piece_chars = 200  # each paragraph above is a piece of its own
    return extractor


def _claims(record) -> list[tuple]:
    return [
        (c.kind, c.value, c.effect, c.evidence.start, c.evidence.text, c.speaker, c.date, c.location)
        for c in record.claims
    ]


def test_a_document_in_pieces_gives_the_claims_of_the_whole(extractor, small_pieces):
    assert len(piece_bounds(TEXT, small_pieces.piece_chars)) == 3
    whole = extractor.extract(TEXT)
    pieces = small_pieces.extract(TEXT)
    assert _claims(pieces) == _claims(whole)
    assert pieces.published == whole.published
    assert [(s.name, [(m.start, m.text) for m in s.mentions]) for s in pieces.speakers] == [
        (s.name, [(m.start, m.text) for m in s.mentions]) for s in whole.speakers
    ]
    assert [(q.start, q.text, q.speaker_id) for q in pieces.quotes] == [
        (q.start, q.text, q.speaker_id) for q in whole.quotes
    ]


def test_later_pieces_are_dated_from_the_first_pieces_dateline(small_pieces):
    record = small_pieces.extract(TEXT)
    detained = next(c for c in record.claims if c.kind == "casualties")
    assert str(record.published) == "2010-10-04"
    assert str(detained.date) == "2010-10-02"  # "on Saturday", in the second piece


def test_one_speaker_across_pieces(small_pieces):
    record = small_pieces.extract(TEXT)
    nazari = [s for s in record.speakers if s.name and "Nazari" in s.name]
    assert len(nazari) == 1
    assert {m.start for m in nazari[0].mentions} >= {TEXT.index("Col. Rahim"), TEXT.rindex("Col. Rahim")}


def test_a_text_longer_than_spacys_limit_is_read(small_pieces):
    # white space parses fast: 1.1 million characters, past spaCy's own limit of 1,000,000, in a few pieces
    text = PARAGRAPHS[1] + "\n" * 1_100_000 + PARAGRAPHS[2]
    small_pieces.piece_chars = 100_000
    try:
        record = small_pieces.extract(text, published="2010-10-04")
    finally:
        small_pieces.piece_chars = 200
    assert [(c.value, c.evidence.start) for c in record.claims] == [
        (3, text.index("detained three")),
        (2, text.index("destroyed two")),
    ]
