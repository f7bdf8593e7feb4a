"""Sentence starts at line breaks, set before the parser so that headlines, captions and list items stand
alone."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from extractor.components.document import document_text
from extractor.factories import evaluated_annotations
from extractor.gazetteer import gazetteer
from extractor.vocabulary import load_data, require

# a line that ends on a preposition, an article, a conjunction or a possessive goes on in the next one,
# whatever its case ("detained two insurgents in\nKhost province")
OPEN_ENDING_TAGS = frozenset({"IN", "DT", "CC", "TO", "PRP$", "POS", "WDT"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014", "\u25aa", "\u25cf", "\u00b7"})

# "tanks ‒ 1,393 (+10) од," : a label, a dash of any kind with a space before it ("personnel ‒about 41650"
# has none after), a figure, an optional change, a unit
# (the label and the spaces around the dash are bounded: unbounded, a line of a long run of spaces took time
# growing with the square of its length)
LOSS_LINE = re.compile(
    r"^[ \t]{0,40}(?P<label>[^\W\d_][^\n\d]{0,80}?)[ \t]{1,40}[-\u2010-\u2015\u2212][ \t]{0,40}"
    r"(?P<qualifier>(?:about|approximately|around|over|more than|up to)[ \t]+)?"
    r"(?P<value>\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d+)"
    r"(?:[ \t]*\((?P<delta>[+\u2212-]?[ \t]*\d[\d ,.]*)\))?"
    r"(?P<rest>[^\n\d]{0,60})$",
    re.MULTILINE,
)
MIN_LIST_LINES = 3


@lru_cache(maxsize=1)
def loss_lines_in(text: str) -> tuple[re.Match[str], ...]:
    """The lines of `text` shaped as a losses list's items: read once for the line breaker, before the parse,
    and again by the layout after it (the last text only is kept; a str keeps its hash, so the second look
    costs nothing)."""
    return tuple(LOSS_LINE.finditer(text))


# Token.is_sent_start's True, None and False as Doc.to_array and Doc.from_array hold them (-1 as uint64)
SENT_START_FLAGS = {True: 1, None: 0, False: 2**64 - 1}
# the abbreviated ranks and honorifics of ranks.json ("Lt.", "Col.", "Dr."): the parser may end a sentence
# at their full stop ("Israeli military spokesperson Lt. Col. | Nadav Shoshani said ..."), which parts the
# speaker from the post and the claim
RANK_ABBREVIATIONS = frozenset(
    word
    for rank in require(load_data("ranks"), "ranks", list, "ranks.json")
    for word in rank.replace("-", " ").split()
    if word.endswith(".") and word.count(".") == 1
)
# their ORTH ids, as the token array holds them (a string's id is its hash, the same in every vocabulary)
RANK_ABBREVIATION_IDS = numpy.array(
    sorted(get_string_id(word) for word in RANK_ABBREVIATIONS), dtype="uint64"
)


# where a line opens with a dateline, the first sentence starts after its dash (layout.json)
DATELINE_OPENING = re.compile(
    require(load_data("layout"), "dateline_opening", str, "layout.json"), re.MULTILINE
)
UNDASHED_DATELINE_OPENING = re.compile(
    require(load_data("layout"), "dateline_opening_undashed", str, "layout.json"), re.MULTILINE
)


def mark_line_breaks(doc: Doc) -> Doc:
    """Starts a sentence after every line break, unless the next line goes on in lower case or the line
    ends on a word that cannot end one (a hard-wrapped paragraph): headlines, captions and list items then
    never run into the sentence after them."""
    # only the tokens just after a line break are looked at, found from where the text breaks
    starts = doc.to_array([IDX]).tolist()
    after_breaks = sorted(
        {bisect.bisect_right(starts, m.start()) for m in re.finditer("\n", document_text(doc))}
    )
    flags = doc.to_array(SENT_START)
    for i in after_breaks:
        if i < 1 or i >= len(doc):
            continue
        token, previous = doc[i], doc[i - 1]
        if "\n" not in previous.text and "\n" not in previous.whitespace_:
            continue
        if token.is_space:
            continue
        blank_line = previous.text.count("\n") + previous.whitespace_.count("\n") >= 2
        last_word = doc[token.i - 2] if previous.is_space and token.i >= 2 else previous
        hard_wrap = last_word.is_alpha and (
            token.text[:1].islower() or (last_word.is_lower and last_word.tag_ in OPEN_ENDING_TAGS)
        )
        starts_sentence = True if blank_line or not hard_wrap else None
        flags[i] = SENT_START_FLAGS[starts_sentence]
        if starts_sentence and token.text in BULLETS and i + 1 < len(doc):
            # "- 11 ISIS operatives detained": the item goes on past its bullet
            flags[i + 1] = SENT_START_FLAGS[False]
    _starts_after_datelines(doc, starts, flags)
    _no_start_inside_list_lines(doc, starts, flags)
    _no_start_after_ranks(doc, flags)
    # written back at once: Token.is_sent_start's setter checks the whole Doc for a parse on every call
    doc.from_array([SENT_START], flags)
    return doc


def dateline_openings(text: str) -> list[tuple[int, int]]:
    """Where a dateline opens a line of `text` ("KHARTOUM, Sudan - ", "TRIPOLI "), to where the story's first
    word starts, in order."""
    found = [(m.start(), m.end()) for m in DATELINE_OPENING.finditer(text)]
    places = gazetteer()
    found += [
        (m.start(), m.end())
        for m in UNDASHED_DATELINE_OPENING.finditer(text)
        if places.kind_of(m["place"]) is not None
    ]
    return sorted(found)


def _starts_after_datelines(doc: Doc, starts: list[int], flags) -> None:
    """A sentence starts after a dateline that opens a line ("KHARTOUM, Sudan - The Rapid Support Forces
    shelled ...", "TRIPOLI U.S. warplanes ..."): the parser would read the place into the sentence's
    subject."""
    for _, end in dateline_openings(document_text(doc)):
        i = bisect.bisect_left(starts, end)
        if 0 < i < len(doc) and starts[i] == end:
            flags[i] = SENT_START_FLAGS[True]
            # and none before its first full stop: cut off from the place, the parser would otherwise end a
            # sentence at a word it reads as an adjective alone ("Afghan | and coalition troops killed")
            following = i + 1
            while following < len(doc) and doc[following - 1].text not in SENTENCE_ENDS:
                if "\n" in doc[following - 1].whitespace_ or doc[following].is_space:
                    break
                flags[following] = SENT_START_FLAGS[False]
                following += 1


def _no_start_inside_list_lines(doc: Doc, starts: list[int], flags) -> None:
    """No sentence starts inside a line of a running-losses list ("helicopters | ‒ 329 (+0)," as two
    sentences left the figure's line with no claim, which ends the list its heading frames)."""
    lines = loss_lines_in(document_text(doc))
    if len(lines) < MIN_LIST_LINES:
        return
    for line in lines:
        first = bisect.bisect_left(starts, line.start("label"))
        last = bisect.bisect_left(starts, line.end())
        for i in range(first + 1, min(last, len(doc))):
            flags[i] = SENT_START_FLAGS[False]


def _no_start_after_ranks(doc: Doc, flags) -> None:
    """No sentence starts at a capitalized word right after an abbreviated rank on the same line ("Lt. Col.
    Nadav Shoshani")."""
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), RANK_ABBREVIATION_IDS)).tolist():
        following = i + 1
        if following < len(doc) and flags[following] != SENT_START_FLAGS[True] and doc[following].is_title:
            flags[following] = SENT_START_FLAGS[False]


class LineBreakSentencizer:
    """Runs before the parser, which keeps the sentence starts it finds set."""

    def __init__(self, nlp, name: str = "briefing_lines"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return mark_line_breaks(doc)


@evaluated_annotations
@Language.factory("briefing_lines")
def make_line_breaker(nlp: Language, name: str) -> LineBreakSentencizer:
    """The line-break sentence marker as a pipeline component (add it before the parser)."""
    return LineBreakSentencizer(nlp, name)
