"""Where a claim happened: the places span group read for a claim's own clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extractor.components.claims.tokens import _clean
from extractor.components.claims.vocabulary import (
    PLACE_ROLE_WHERE,
    PLACES_GROUP,
    SENTENCE_ENDS,
    ClaimVocabulary,
)
from extractor.components.document import document_text, entities_in, sentence_bounds


def _places_of(sentence: Span) -> list[Span]:
    """The places the place finder left in `sentence` that may be a claim's (not a dateline's city, a
    body's seat, a force's possessor, a count of places)."""
    doc = sentence.doc
    group = doc.spans[PLACES_GROUP] if PLACES_GROUP in doc.spans else ()
    start = _line_fragment_start(sentence)
    return [p for p in group if start <= p.start < sentence.end and p._.place_role == PLACE_ROLE_WHERE]


def _line_fragment_start(sentence: Span) -> int:
    """Where the sentence's own line item begins when the parser broke the item at a comma ("- Near Irbil" |
    ", one strike destroyed ..."): the item's opening is the sentence's too; else the sentence's start."""
    doc = sentence.doc
    text = document_text(doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    before = text[line_start : sentence.start_char].rstrip()
    if not before or before.endswith(SENTENCE_ENDS):
        return sentence.start
    span = doc.char_span(line_start, sentence.start_char, alignment_mode="expand")
    if span is None or sentence_bounds(doc, span.start)[1] != sentence.start:
        return sentence.start  # more than one sentence before it on the line: a paragraph, no item
    return span.start


def find_location(sentence: Span, anchor: Token | None, vocab: ClaimVocabulary) -> str | None:
    """The most specific place named for the claim: a place phrase in the clause of `anchor`, else a place
    named in the sentence (not one that speaks or acts: "Russia says ...")."""
    doc = sentence.doc
    places = _places_of(sentence)
    phrases = [(doc[p._.place_cue], p) for p in places if p._.place_phrase]
    if (
        anchor is not None
        and anchor.tag_ == "VBG"
        and anchor.dep_ in ("advcl", "conj")
        and anchor.head.pos_ == "VERB"
    ):
        # "carried out strikes in western Libya, killing 40 people in an operation targeting a suspect
        # linked to attacks in Tunisia": a participle's figure happened where the verb it hangs on did
        anchor = anchor.head
    if phrases:
        if anchor is not None:
            clause = {t.i for t in anchor.subtree}
            in_clause = [p for p in phrases if p[0].i in clause]
            phrases = in_clause or phrases
        target = anchor.i if anchor is not None else phrases[0][0].i
        # "in Syria on the eastern bank of the Euphrates": the part of a place before the place it is in
        best = min(
            phrases,
            key=lambda p: (_clause_depth(p[0], anchor), not p[1]._.place_part, abs(p[0].i - target)),
        )[1]
        place = _clean(best.text)
        if best._.place_part:
            # "In Khost last night, a force searched a compound in the Sabari district": the part, then the
            # larger place it is in when the sentence names one
            larger = [
                _clean(ent.text)
                for _, other in phrases
                if not other._.place_part and (other.end <= best.start or other.start >= best.end)
                for ent in entities_in(doc, other.start, other.end)
                if ent.label_ in ("GPE", "LOC")
            ]
            if larger and larger[0] not in place:
                place = f"{place}, {larger[0]}"
        return place
    if not places:
        return None
    target = anchor.i if anchor is not None else places[0].start
    return _clean(min(places, key=lambda p: abs(p.start - target)).text)


def _clause_depth(token: Token, anchor: Token | None) -> int:
    """How many clauses down from the claim's verb a place phrase stands: "detained five suspects as they
    targeted a commander associated with attacks on the district center" puts the center two clauses down."""
    if anchor is None:
        return 0
    depth = 0
    for ancestor in token.ancestors:
        if ancestor.i == anchor.i:
            return depth
        if ancestor.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp"):
            depth += 1
    return depth


def _earlier_place(sentences: list[Span], index: int, vocab: ClaimVocabulary, lookback: int) -> str | None:
    """A place named in the sentences just before a claim that names none: "In Khost last night, a joint
    force searched a compound. ... the force detained a suspected insurgent"."""
    for earlier in reversed(sentences[max(0, index - lookback) : index]):
        place = find_location(earlier, None, vocab)
        if place is not None:
            return place
    return None
