"""What a claim inherits: category label, place, date, speaker and quote carried within a report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor.components.claims.actors import _actor_is_the_count
from extractor.components.claims.background import (
    background_sentences,
    is_background,
    pasted_below_a_rule,
    told_before_the_news,
)
from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.location import (
    _earlier_place,
    find_location,
    place_of_its_source,
    tells_of_another_event,
)
from extractor.components.claims.policy import ClaimPolicy
from extractor.components.claims.timing import (
    PERIOD_IN_WORDS_WARNING,
    _background,
    _carry_paragraph_date,
    _date_from_the_speaker,
    _definite_event,
    _event_named_before,
    _list_heading_date,
    _only_dateline,
    _period_in_words,
    _report_period,
    _set_date,
    described_in_a_noun_phrase,
    perfect_aspect,
    pick_date,
    since_without_a_date,
)
from extractor.components.claims.tokens import _word_lemma
from extractor.components.claims.vocabulary import COARSE_DATE_KINDS, ClaimVocabulary
from extractor.components.document import add_warning, sentence_bounds, sentence_of, sentence_spans
from extractor.components.page import ReportSection
from extractor.vocabulary import TargetTaxonomy


@dataclass
class ScopeContext:
    """What the resolvers of one report section share: its sentences, paragraphs, dates and the claims
    before; `sentence`, `anchor` and `background` are the claim's at hand, reset for each claim."""

    doc: Doc
    vocab: ClaimVocabulary
    taxonomy: TargetTaxonomy
    policy: ClaimPolicy
    section: ReportSection
    sentences: list[Span]
    position: dict[int, int]  # a sentence's index by its first token
    paragraph_of: dict[int, int]
    published: dt.date | None
    dateline: Span | None  # the section's only dateline, which dates its story when nothing else does
    report_day: Span | None  # the day the section's story opens on
    reached: frozenset[int]  # the sentences before the report's day that take it
    lead: ClaimFinding | None = None  # the first claim that states a day: the report's day
    previous: ClaimFinding | None = None  # the claim before, unless it was background
    sentence: Span | None = None
    anchor: Token | None = None
    figure: Token | None = None  # the claim's own figure, whose place phrase is its own ("six near Raqqa")
    background: bool = False  # set by the `background` resolver: the claim neither takes nor gives
    # the document's sentences pasted below a separator rule, and those told as background against the
    # section's date (tolls, set long before): read at the first claim that asks
    pasted: set[int] | None = None
    told_before: tuple[set[int], set[int]] | None = None
    # the sentences the section's claims stand in: only those runs are read for background
    claim_sentences: frozenset[int] = frozenset()


# a resolver reads the claim and its section's context, and may set the claim's fields
Resolver = Callable[[ClaimFinding, ScopeContext], None]


def resolvers_named(names: Iterable[str]) -> list[Resolver]:
    """The resolvers of `names`, in order; an unknown name is an error naming it and the known ones."""
    unknown = [name for name in names if name not in RESOLVERS]
    if unknown:
        raise ValueError(
            f"briefing_claims: unknown scope resolver(s) {', '.join(map(repr, unknown))}; "
            f"known: {', '.join(RESOLVERS)}"
        )
    return [RESOLVERS[name] for name in names]


def _attach_context(
    doc: Doc,
    findings: list[ClaimFinding],
    vocab: ClaimVocabulary,
    taxonomy: TargetTaxonomy,
    paragraph_of: dict[int, int],
    section: ReportSection,
    policy: ClaimPolicy,
    report_day: Span | None = None,
) -> None:
    """Category labels, locations, dates, speakers and quotes of the claims of one report `section`, each
    set by the resolvers the policy lists, in its order. `report_day` is the day the report's story opens
    on."""
    resolvers = resolvers_named(policy.resolvers)
    context = _scope_context(doc, vocab, taxonomy, paragraph_of, section, policy, report_day)
    context.claim_sentences = frozenset(f.sentence_index for f in findings)
    for finding in findings:
        first_token = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
        context.sentence = sentence_of(first_token[0]) if first_token is not None else None
        context.anchor = (
            doc[finding.verb_index]
            if finding.verb_index is not None
            else (first_token.root if first_token else None)
        )
        context.figure = next((t for t in first_token if t.like_num), None) if first_token else None
        context.background = False
        for resolve in resolvers:
            resolve(finding, context)
        if not context.background:  # a background claim neither takes nor gives
            context.previous = finding


def _scope_context(
    doc: Doc,
    vocab: ClaimVocabulary,
    taxonomy: TargetTaxonomy,
    paragraph_of: dict[int, int],
    section: ReportSection,
    policy: ClaimPolicy,
    report_day: Span | None,
) -> ScopeContext:
    """The context the resolvers of one report section share."""
    sentences = sentence_spans(doc)
    published = section.published
    if published is not None and doc._.published is not None and published > doc._.published:
        # an update filed after the document's date: no period of it may run past that date, so none ends
        published = None
    return ScopeContext(
        doc=doc,
        vocab=vocab,
        taxonomy=taxonomy,
        policy=policy,
        section=section,
        sentences=sentences,
        position={s.start: i for i, s in enumerate(sentences)},
        paragraph_of=paragraph_of,
        published=published,
        dateline=_only_dateline(doc, section, policy) if policy.dateline_dates_report else None,
        report_day=report_day,
        reached=_leads_before_the_report_day(doc, sentences, report_day, paragraph_of, vocab, policy),
    )


def _resolve_category(finding: ClaimFinding, context: ScopeContext) -> None:
    """The taxonomy label of the claim's own counted words."""
    if finding.category and finding.kind in ("targets", "casualties"):
        lemmas = [_word_lemma(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", finding.category)]
        finding.category_label = context.taxonomy.label_for(lemmas)
    elif finding.kind in ("targets", "casualties"):
        finding.category_label = "other"


def _resolve_own_clause(finding: ClaimFinding, context: ScopeContext) -> None:
    """The place, date and speaker the claim's own sentence and clause name."""
    sentence, anchor, doc = context.sentence, context.anchor, context.doc
    if sentence is None:
        return
    counted = doc[finding.noun_index] if finding.noun_index is not None else None
    finding.location = find_location(sentence, anchor, context.vocab, context.figure, counted)
    finding.own_place = finding.location
    finding.source_place = place_of_its_source(sentence, finding.location)
    date_span = pick_date(sentence, anchor, context.vocab, context.policy)
    if date_span is not None:
        _set_date(finding, date_span, context.published)
        _date_from_the_speaker(finding, date_span, context.report_day, context.published)
        # a month, year or "last week" is the period of the claim it governs only: it carries to no other
        coarse = date_span._.date_value is not None and date_span._.date_value.kind in COARSE_DATE_KINDS
        finding.date_origin = None if coarse else finding.sentence_index
    elif finding.cumulative or since_without_a_date(anchor):
        # "since the start of the ground operation, 1,200 terrorists have been killed": a period in
        # words, kept as such rather than taking a day from the sentences before
        finding.cumulative = True
        finding.date_text = _period_in_words(sentence)
        if finding.date_text is not None:
            add_warning(doc, PERIOD_IN_WORDS_WARNING)
    finding.speaker_id = (doc._.sentence_speakers or {}).get(sentence.start)
    clause_speakers = doc._.clause_speakers or {}
    if anchor is not None and anchor.i in clause_speakers:
        finding.speaker_id = clause_speakers[anchor.i]  # the source of the claim's own clause
        finding.own_source = finding.speaker_id


def _launched_and_downed(strikes: ClaimFinding, downed: ClaimFinding, vocab: ClaimVocabulary) -> bool:
    """Strikes and a count of weapons destroyed, which were the other side's strikes."""
    return (
        strikes.kind == "strikes"
        and downed.kind == "targets"
        and (downed.category is None or _word_lemma(downed.category.split()[-1]) in vocab.strike_nouns)
    )


def _resolve_perfect(finding: ClaimFinding, context: ScopeContext) -> None:
    """Whether a claim that names no day is in the perfect, or shares the perfect of an undated claim of its
    sentence with the auxiliary left out ("502 have been killed and 2,600 injured"): it takes no carried
    day (`perfect_day`) nor the report's (`report_day`)."""
    previous, anchor = context.previous, context.anchor
    finding.perfect_without_day = finding.date_text is None and (
        perfect_aspect(anchor, context.vocab)
        or described_in_a_noun_phrase(anchor)
        or previous is not None
        and previous.perfect_without_day
        and previous.sentence_index == finding.sentence_index
    )


def _resolve_previous(finding: ClaimFinding, context: ScopeContext) -> None:
    """The actor, category, date and place a claim takes from the claim before it in its report."""
    previous, vocab, policy = context.previous, context.vocab, context.policy
    if previous is None:
        return
    same_report = previous.paragraph == finding.paragraph
    near_report = finding.paragraph - previous.paragraph <= 1
    # "Russia launched 31 drones, of which 23 were shot down": who launched them did not shoot them down;
    # nor did who "shot down 31 of the 35 drones launched" launch them
    intercepted = _launched_and_downed(previous, finding, vocab) or _launched_and_downed(
        finding, previous, vocab
    )
    # "Israel's army said it killed 20 gunmen in Rafah. Gaza's health ministry said 45 were killed": another
    # source's claim is its own account, not the one before continued
    other_source = finding.own_source is not None and previous.speaker_id not in (None, finding.own_source)
    # "In total, since the operation began, 620 aircraft have been destroyed": a running total is not the
    # deed of whoever did the day's claim before it
    total_after_a_deed = finding.cumulative and not previous.cumulative
    if (
        not intercepted
        and not other_source
        and not total_after_a_deed
        and not previous.flown_by  # counted aircraft fly no other claim
        and not finding.loser_is_subject  # who lost them did not inflict the loss
        and finding.actor is None
        and (
            near_report and previous.actor and finding.kind != "casualties" or same_report and previous.actor
        )
    ):
        finding.actor = previous.actor
        if _actor_is_the_count(finding, vocab):
            finding.actor = None
    if finding.category in ("others", "other") and previous.kind == finding.kind:
        finding.category, finding.category_label = previous.category, previous.category_label
    date_close = (
        previous.date_origin is not None
        and finding.sentence_index - previous.date_origin <= policy.carry_sentences
    )
    if same_report or finding.kind == previous.kind and finding.cumulative:
        if finding.date_text is None and previous.date_text is not None and date_close:
            finding.date, finding.period_start = previous.date, previous.period_start
            finding.period_end, finding.date_text = previous.period_end, previous.date_text
            finding.date_origin = previous.date_origin
    if finding.location is None and (same_report or policy.location_crosses_paragraphs):
        # "..., a military source in Goma said. The rebels said they killed 40": where that source is
        if not (previous.source_place and previous.speaker_id not in (None, finding.speaker_id)) and not (
            context.sentence is not None and tells_of_another_event(context.sentence, vocab)
        ):
            finding.location = previous.location
            finding.source_place = previous.source_place


def _resolve_earlier_place(finding: ClaimFinding, context: ScopeContext) -> None:
    """A place named within `location_lookback_sentences` before, for a claim that has none."""
    if (
        finding.location is None
        and context.sentence is not None
        and not tells_of_another_event(context.sentence, context.vocab)
    ):
        finding.location = _earlier_place(
            context.sentences,
            finding.sentence_index,
            context.vocab,
            context.policy.location_lookback_sentences,
            finding.speaker_id,
        )


def _resolve_paragraph_date(finding: ClaimFinding, context: ScopeContext) -> None:
    """A date named earlier in the claim's paragraph, for a claim that names none."""
    if context.sentence is not None and finding.date_text is None and context.policy.carry_paragraph_dates:
        _carry_paragraph_date(
            context.doc,
            finding,
            context.sentence,
            context.paragraph_of,
            context.position,
            context.published,
            context.policy,
        )


def _resolve_heading_date(finding: ClaimFinding, context: ScopeContext) -> None:
    """The day or period of the heading a list item stands under, for a claim that names none."""
    if context.sentence is None or finding.date_text is not None:
        return
    heading = _list_heading_date(context.doc, context.sentences, context.position.get(context.sentence.start))
    if heading is not None:
        _set_date(finding, heading, context.published)


def _resolve_event_date(finding: ClaimFinding, context: ScopeContext) -> None:
    """For a claim that names no time, the time of the event its definite event noun refers back to ("the
    shelling"), even across a paragraph: before the report's day, which is another event's."""
    index = context.position.get(context.sentence.start) if context.sentence is not None else None
    if finding.date_text is not None or index is None:
        return
    sentences = context.sentences
    event = _event_named_before(sentences, index, context.vocab, context.policy, context.section.start)
    if event is not None:
        _set_date(finding, event, context.section.published)
        finding.date_origin = next(
            (i for i in range(index, -1, -1) if sentences[i].start <= event.start), finding.sentence_index
        )


def _resolve_background(finding: ClaimFinding, context: ScopeContext) -> None:
    """A sentence set in another time ("the Pentagon said in 2016 the commander had been killed") takes no
    day or period from the sentences before it, and its claim gives nothing to the claims after it."""
    if context.sentence is None:
        return
    if finding.date_text is None or finding.date_origin in (None, finding.sentence_index):
        return
    if not _background(context.sentence, context.published, context.policy.background_days):
        return
    finding.date = finding.period_start = finding.period_end = finding.date_text = None
    finding.date_origin = None
    context.background = True


def _resolve_perfect_day(finding: ClaimFinding, context: ScopeContext) -> None:
    """Takes back a day carried to a claim in the perfect; a carried period ("since June") may hold its
    tally."""
    if finding.perfect_without_day and finding.date is not None:
        finding.date = finding.period_start = finding.period_end = finding.date_text = None
        finding.date_origin = None


def _resolve_report_period(finding: ClaimFinding, context: ScopeContext) -> None:
    """The period of the losses list a running total stands in, for a claim that names no time."""
    if finding.date_text is None:
        report = _report_period(context.doc, finding)
        if report is not None:
            finding.period_start, finding.period_end, finding.date_text = report


def _resolve_report_day(finding: ClaimFinding, context: ScopeContext) -> None:
    """The first claim that states its own day sets the report's day. A later claim that names none takes
    it, else the day the story opens on (or, for the sentences `reached` before it, that it reaches back
    to), else the section's only dateline; never in a background sentence, nor for a claim in the
    perfect."""
    lead, sentence, policy = context.lead, context.sentence, context.policy
    if lead is None and finding.date_origin == finding.sentence_index and finding.date is not None:
        # the report's day, from the first claim that states one (a period stays local)
        context.lead = finding
        return
    if finding.date_text is not None or not policy.carry_lead_date or sentence is None:
        return
    if finding.perfect_without_day:
        return
    report_day, published = context.report_day, context.published
    if lead is not None and not _background(sentence, published, policy.background_days):
        finding.date, finding.period_start = lead.date, lead.period_start
        finding.period_end, finding.date_text = lead.period_end, lead.date_text
    elif (
        lead is None
        and report_day is not None
        and (report_day.start < sentence.start or sentence.start in context.reached)
    ):
        if not _background(sentence, published, policy.background_days):
            _set_date(finding, report_day, published)
    elif lead is None and context.dateline is not None and context.dateline.start <= sentence.start:
        _set_date(finding, context.dateline, published)


def _resolve_quote(finding: ClaimFinding, context: ScopeContext) -> None:
    """The quote the claim's evidence stands in, and its speaker when the claim has none."""
    for quote in context.doc._.quotes or []:
        if quote.start <= finding.evidence_start < quote.end:
            finding.quote_id = quote.id
            finding.speaker_id = finding.speaker_id or quote.speaker_id
            break


def _resolve_told_as_background(finding: ClaimFinding, context: ScopeContext) -> None:
    """Whether the claim, as dated, is background to its report (`finding.background`): pasted below a
    separator rule, dated long before the report, a toll since long ago, or told in a sentence set long
    before (and the sentences after it in its paragraph) without a recent day of its own."""
    doc, section = context.doc, context.section
    if context.pasted is None:
        context.pasted = pasted_below_a_rule(doc, context.sentences, doc._.report_sections or [])
    if finding.sentence_index in context.pasted:
        finding.background = True
        return
    published = section.published
    published = doc._.published if published is None else min(published, doc._.published or published)
    if published is None:
        return
    if context.told_before is None:
        # only the runs of sentences up to the section's claims: a document of many reports has many dates
        context.told_before = background_sentences(
            doc, context.sentences, published, context.policy.background_days, context.claim_sentences
        )
    tolls, earlier = context.told_before
    finding.background = is_background(
        finding, tolls, earlier, published, context.policy.background_days
    ) or told_before_the_news(finding, context.lead)


def _leads_before_the_report_day(
    doc: Doc,
    sentences: list[Span],
    report_day: Span | None,
    paragraph_of: dict[int, int],
    vocab: ClaimVocabulary,
    policy: ClaimPolicy,
) -> frozenset[int]:
    """The sentences (by first token) of a lead that leaves the day to the sentence after it: within
    `carry_sentences` before the report's day, in its paragraph, or any paragraph when that sentence names
    the event by a definite noun ("Jets struck a depot.\nThe strike took place on Saturday"); never a list
    item, which takes only from what it hangs under, nor from a list's lead."""
    if report_day is None:
        return frozenset()
    start = sentence_bounds(doc, report_day.start)[0]
    day_index = next((i for i, s in enumerate(sentences) if s.start == start), None)
    leads = doc._.list_leads or {}
    if day_index is None or day_index in leads.values():
        return frozenset()
    definite = _definite_event(sentences[day_index], vocab)
    paragraph = paragraph_of.get(start)
    reached = set()
    for index in range(day_index - 1, max(-1, day_index - policy.carry_sentences - 1), -1):
        if not definite and paragraph_of.get(sentences[index].start) != paragraph:
            break
        if index not in leads:
            reached.add(sentences[index].start)
    return frozenset(reached)


# the scope resolvers by the names the factory's `resolvers` config lists them in
RESOLVERS: dict[str, Resolver] = {
    "category": _resolve_category,
    "own_clause": _resolve_own_clause,
    "perfect": _resolve_perfect,
    "previous": _resolve_previous,
    "earlier_place": _resolve_earlier_place,
    "paragraph_date": _resolve_paragraph_date,
    "heading_date": _resolve_heading_date,
    "event_date": _resolve_event_date,
    "background": _resolve_background,
    "perfect_day": _resolve_perfect_day,
    "report_period": _resolve_report_period,
    "report_day": _resolve_report_day,
    "quote": _resolve_quote,
    "told_as_background": _resolve_told_as_background,
}
