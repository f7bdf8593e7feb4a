"""The claim linker: reads `doc._.claims` and says whose losses each counts and what a sum must leave out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractor.components.claim_links.relations import link_parts, without_references
from extractor.components.claim_links.sides import (
    OPERATION_AHEAD,
    SideVocabulary,
    described_side,
    framing_nouns,
    framing_side,
    group_matcher,
    group_mentions,
    loser_side,
    names_the_actor,
    no_side,
    operation_target,
    owner_of_losses,
    side_aimed_at,
    side_in_phrase,
    side_in_sentence,
    side_vocabulary,
)
from extractor.components.document import register_document_extensions, sentence_spans
from extractor.factories import evaluated_annotations


class ClaimLinker:
    """Sets `target_side`, `restates` and `part_of` on the claims `briefing_claims` left (with their
    `background`, which its `told_as_background` resolver decides)."""

    def __init__(self, nlp: Language, name: str = "briefing_claim_links"):
        self.name = name
        self.vocab = side_vocabulary()
        self.matchers: tuple[PhraseMatcher, PhraseMatcher] = group_matcher(nlp, self.vocab)
        register_document_extensions()
        if not Doc.has_extension("claims"):
            Doc.set_extension("claims", default=None)

    def __call__(self, doc: Doc) -> Doc:
        findings = doc._.claims or []
        if not findings:
            return doc
        sentences = sentence_spans(doc)
        sections = doc._.report_sections or []
        mentions = group_mentions(doc, self.matchers)
        findings = doc._.claims = without_references(doc, list(findings))
        # background is known: an earlier toll is no total that a later report's figures could be parts of,
        # and the group an earlier operation was after is not the one the news was after
        set_target_sides(findings, sentences, sections, mentions, self.vocab)
        link_parts(doc, findings, sentences, sections)
        sides_from_parts(findings)
        return doc


def sides_from_parts(findings: Sequence[Any]) -> None:
    """A total with no side of its own takes the side a part of it names ("killed four insurgents ... Among
    those killed was a Taliban sub-commander": the Taliban's losses, as "killed 12 people, including 3
    Taliban fighters" are within one sentence); never civilians."""
    for finding in findings:
        if finding.part_of is None or finding.target_side is None:
            continue
        total = findings[finding.part_of]
        if total.target_side is None and not no_side(total.category_label):
            total.target_side = finding.target_side


def set_target_sides(
    findings: Sequence[Any],
    sentences: Sequence[Span],
    sections: Sequence[Any],
    mentions: list[Span],
    vocab: SideVocabulary,
) -> None:
    """The side of each claim, from the nearest wording that names it: the counted phrase, the claim's
    sentence, the operation it belongs to, the heading that frames a list of losses."""
    claimed = {f.sentence_index for f in findings}
    targets = [m for m in mentions if operation_target(m, vocab)]
    told_before = {f.sentence_index for f in findings if f.background}
    news_only = None  # the targets outside background sentences, the same for every news claim
    framing: list[int] | None = None  # the framing nouns, read when a claim first asks for them
    for finding in findings:
        if no_side(finding.category_label):
            continue
        sentence = sentences[finding.sentence_index]
        noun = sentence.doc[finding.noun_index] if finding.noun_index is not None else None
        made = finding.kind in ("strikes", "sorties")
        governor = sentence.doc[finding.verb_index] if finding.verb_index is not None else None
        side = side_in_phrase(noun, mentions, vocab, made) if noun is not None else None
        if side is None and made and noun is not None and governor is not None:
            side = side_aimed_at(governor, noun, mentions, vocab)
        if side is None and governor is not None:
            side = loser_side(governor, noun, mentions, vocab) or owner_of_losses(governor, mentions, vocab)
        if side is None:
            side = _not_the_doer(side_in_sentence(sentence, mentions, noun, vocab, made), finding, made)
            # a group the sentence names that did the claim's deed lost nothing by it (of strikes, the actor
            # is too often a target the parse made their subject: "one airstrike struck an ISIL unit")
            if side is not None and not made and names_the_actor(side, finding.actor):
                side = None
        if noun is not None and (side is None or side.lower() not in vocab.group_of):
            # a generic party ("an insurgent leader") gives way to the group a description of him names
            following = sentences[finding.sentence_index + 1 : finding.sentence_index + 1 + OPERATION_AHEAD]
            side = described_side(noun, following, mentions, vocab) or side
        # a news claim takes no side from an operation told as background
        if finding.background:
            news_targets = targets
        elif news_only is None:
            news_targets = news_only = _outside(targets, sentences, told_before)
        else:
            news_targets = news_only
        side = side or _operation_side(finding, sentences, sections, news_targets)
        if side is None and framing is None:
            framing = framing_nouns(sentence.doc, vocab)
        side = side or _framed_side(finding, sentences, claimed, mentions, vocab, framing or [])
        finding.target_side = side


def _not_the_doer(side: str | None, finding: Any, made: bool) -> str | None:
    """A group the sentence names, unless it inflicted the loss counted ("killed 30 al-Shabaab militants,
    while the group said it had killed 20 soldiers": al-Shabaab, resolved from "it", lost none of the 20)."""
    actor = finding.actor
    if made or side is None or actor is None or side.casefold() not in actor.casefold():
        return side
    return None


def _outside(mentions: list[Span], sentences: Sequence[Span], indexes: set[int]) -> list[Span]:
    starts = [sentences[i].start_char for i in indexes]
    ends = [sentences[i].end_char for i in indexes]
    return [m for m in mentions if not any(s <= m.start_char < e for s, e in zip(starts, ends, strict=True))]


def _operation_side(
    finding: Any, sentences: Sequence[Span], sections: Sequence[Any], targets: list[Span]
) -> str | None:
    """The group an operation of the same report was after: the nearest named before the claim, else one
    named in the sentences just after it ("The target of this operation was a Taliban facilitator")."""
    section = next((s for s in sections if s.start <= finding.evidence_start < s.end), None)
    low = section.start if section is not None else 0
    high = section.end if section is not None else sentences[-1].end_char
    own = sentences[finding.sentence_index]
    ahead_index = min(len(sentences) - 1, finding.sentence_index + OPERATION_AHEAD)
    ahead = sentences[ahead_index].end_char
    before = [m for m in targets if low <= m.start_char and m.end_char <= own.start_char]
    if before:
        return before[-1].text
    after = [m for m in targets if own.end_char <= m.start_char and m.end_char <= min(ahead, high)]
    return after[0].text if after else None


def _framed_side(
    finding: Any,
    sentences: Sequence[Span],
    claimed: set[int],
    mentions: list[Span],
    vocab: SideVocabulary,
    framing: list[int],
) -> str | None:
    """The side a heading gives a list of figures ("The total combat losses of the enemy were:"), read
    from the claim's own sentence and back over the list's lines to the first line that counts nothing."""
    index = finding.sentence_index
    while index >= 0:
        side = framing_side(sentences[index], vocab, mentions, framing)
        if side is not None or index != finding.sentence_index and index not in claimed:
            return side
        index -= 1
    return None


@evaluated_annotations
@Language.factory("briefing_claim_links", default_config={})
def make_claim_linker(nlp: Language, name: str) -> ClaimLinker:
    """The claim linker as a pipeline component."""
    return ClaimLinker(nlp, name)
