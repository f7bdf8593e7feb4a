"""What a claim inherits: category label, place, date, speaker and quote carried within a report."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from extractor.components.claims.actors import _actor_is_the_count
from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.location import _earlier_place, find_location
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
)
from extractor.components.claims.tokens import _word_lemma
from extractor.components.claims.vocabulary import ClaimVocabulary
from extractor.components.document import add_warning, sentence_bounds, sentence_of, sentence_spans
from extractor.components.page import ReportSection
from extractor.vocabulary import TargetTaxonomy


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
    """Category labels, locations, dates, speakers and quotes of the claims of one report `section`,
    carrying a report's period and place over to the claims after it in the same paragraph. `report_day`
    is the day the report's story opens on."""
    sentences = sentence_spans(doc)
    position = {s.start: i for i, s in enumerate(sentences)}
    lead: ClaimFinding | None = None
    published = section.published
    if published is not None and doc._.published is not None and published > doc._.published:
        # an update filed after the document's date: no period of it may run past that date, so none ends
        published = None
    dateline = _only_dateline(doc, section, policy) if policy.dateline_dates_report else None
    reached = _leads_before_the_report_day(doc, sentences, report_day, paragraph_of, vocab, policy)
    previous: ClaimFinding | None = None
    for finding in findings:
        background = False
        _label_category(finding, taxonomy)
        first_token = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
        sentence = sentence_of(first_token[0]) if first_token is not None else None
        anchor = (
            doc[finding.verb_index]
            if finding.verb_index is not None
            else (first_token.root if first_token else None)
        )
        if sentence is not None:
            _read_own_clause(doc, finding, sentence, anchor, vocab, policy, published, report_day)
        finding.perfect_without_day = _perfect_without_day(finding, anchor, previous, vocab)
        if previous is not None:
            _inherit_from_previous(finding, previous, vocab, policy)
        if finding.location is None and sentence is not None:
            finding.location = _earlier_place(
                sentences, finding.sentence_index, vocab, policy.location_lookback_sentences
            )
        if sentence is not None:
            _carry_nearby_date(doc, finding, sentence, sentences, paragraph_of, position, published, policy)
            _carry_event_date(finding, sentences, position.get(sentence.start), vocab, policy, section)
            background = _drop_carried_date_in_background(finding, sentence, published, policy)
        _drop_carried_day_of_a_perfect(finding)
        if finding.date_text is None:
            report = _report_period(doc, finding)
            if report is not None:
                finding.period_start, finding.period_end, finding.date_text = report
        if lead is None and finding.date_origin == finding.sentence_index and finding.date is not None:
            lead = finding  # the report's day, from the first claim that states one (a period stays local)
        elif finding.date_text is None and policy.carry_lead_date and sentence is not None:
            _take_report_day(finding, sentence, lead, report_day, dateline, published, policy, reached)
        _attach_quote(finding, doc._.quotes or [])
        previous = previous if background else finding  # a background claim neither takes nor gives


def _label_category(finding: ClaimFinding, taxonomy: TargetTaxonomy) -> None:
    if finding.category and finding.kind in ("targets", "casualties"):
        lemmas = [_word_lemma(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", finding.category)]
        finding.category_label = taxonomy.label_for(lemmas)
    elif finding.kind in ("targets", "casualties"):
        finding.category_label = "other"


def _read_own_clause(
    doc: Doc,
    finding: ClaimFinding,
    sentence: Span,
    anchor: Token | None,
    vocab: ClaimVocabulary,
    policy: ClaimPolicy,
    published: dt.date | None,
    report_day: Span | None,
) -> None:
    """The place, date and speaker the claim's own sentence and clause name."""
    finding.location = find_location(sentence, anchor, vocab)
    finding.own_place = finding.location
    date_span = pick_date(sentence, anchor, vocab, policy)
    if date_span is not None:
        _set_date(finding, date_span, published)
        _date_from_the_speaker(finding, date_span, report_day, published)
        finding.date_origin = finding.sentence_index
    elif finding.cumulative:
        # "since the start of the ground operation, 1,200 terrorists have been killed": a period in
        # words, kept as such rather than taking a day from the sentences before
        finding.date_text = _period_in_words(sentence)
        if finding.date_text is not None:
            add_warning(doc, PERIOD_IN_WORDS_WARNING)
    finding.speaker_id = (doc._.sentence_speakers or {}).get(sentence.start)
    clause_speakers = doc._.clause_speakers or {}
    if anchor is not None and anchor.i in clause_speakers:
        finding.speaker_id = clause_speakers[anchor.i]  # the source of the claim's own clause


def _inherit_from_previous(
    finding: ClaimFinding, previous: ClaimFinding, vocab: ClaimVocabulary, policy: ClaimPolicy
) -> None:
    """The actor, category, date and place a claim takes from the claim before it in its report."""
    same_report = previous.paragraph == finding.paragraph
    near_report = finding.paragraph - previous.paragraph <= 1
    # "Russia launched 31 drones, of which 23 were shot down": who launched them did not shoot them down
    intercepted = (
        previous.kind == "strikes"
        and finding.kind == "targets"
        and (finding.category is None or _word_lemma(finding.category.split()[-1]) in vocab.strike_nouns)
    )
    if (
        not intercepted
        and not previous.flown_by  # counted aircraft fly no other claim
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
        finding.location = previous.location


def _carry_nearby_date(
    doc: Doc,
    finding: ClaimFinding,
    sentence: Span,
    sentences: list[Span],
    paragraph_of: dict[int, int],
    position: dict[int, int],
    published: dt.date | None,
    policy: ClaimPolicy,
) -> None:
    """A date named earlier in the claim's paragraph, else the day or period of the heading it is listed
    under, for a claim that names none."""
    if finding.date_text is None and policy.carry_paragraph_dates:
        _carry_paragraph_date(doc, finding, sentence, paragraph_of, position, published, policy)
    if finding.date_text is None:
        heading = _list_heading_date(doc, sentences, position.get(sentence.start))
        if heading is not None:
            _set_date(finding, heading, published)


def _carry_event_date(
    finding: ClaimFinding,
    sentences: list[Span],
    index: int | None,
    vocab: ClaimVocabulary,
    policy: ClaimPolicy,
    section: ReportSection,
) -> None:
    """For a claim that names no time, the time of the event its definite event noun refers back to ("the
    shelling"), even across a paragraph: before the report's day, which is another event's."""
    if finding.date_text is not None or index is None:
        return
    event = _event_named_before(sentences, index, vocab, policy, section.start)
    if event is not None:
        _set_date(finding, event, section.published)
        finding.date_origin = next(
            (i for i in range(index, -1, -1) if sentences[i].start <= event.start), finding.sentence_index
        )


def _drop_carried_date_in_background(
    finding: ClaimFinding, sentence: Span, published: dt.date | None, policy: ClaimPolicy
) -> bool:
    """A sentence set in another time ("the Pentagon said in 2016 the commander had been killed") takes no
    day or period from the sentences before it; whether it was so."""
    if finding.date_text is None or finding.date_origin in (None, finding.sentence_index):
        return False
    if not _background(sentence, published, policy.background_days):
        return False
    finding.date = finding.period_start = finding.period_end = finding.date_text = None
    finding.date_origin = None
    return True


def _perfect_without_day(
    finding: ClaimFinding, anchor: Token | None, previous: ClaimFinding | None, vocab: ClaimVocabulary
) -> bool:
    """Whether a claim that names no day is in the perfect, or shares the perfect of an undated claim of its
    sentence with the auxiliary left out ("502 have been killed and 2,600 injured")."""
    if finding.date_text is not None:
        return False
    if perfect_aspect(anchor, vocab) or described_in_a_noun_phrase(anchor):
        return True
    return (
        previous is not None
        and previous.perfect_without_day
        and previous.sentence_index == finding.sentence_index
    )


def _drop_carried_day_of_a_perfect(finding: ClaimFinding) -> None:
    """Takes back a day carried to a claim in the perfect; a carried period ("since June") may hold its
    tally."""
    if finding.perfect_without_day and finding.date is not None:
        finding.date = finding.period_start = finding.period_end = finding.date_text = None
        finding.date_origin = None


def _take_report_day(
    finding: ClaimFinding,
    sentence: Span,
    lead: ClaimFinding | None,
    report_day: Span | None,
    dateline: Span | None,
    published: dt.date | None,
    policy: ClaimPolicy,
    reached: frozenset[int] = frozenset(),
) -> None:
    """The report's day for a claim that names none: the first claim's day, else the day the story opens
    on (or, for the sentences `reached` before it, that it reaches back to), else the report's only dateline;
    never in a background sentence, nor for a claim in the perfect."""
    if finding.perfect_without_day:
        return
    if lead is not None and not _background(sentence, published, policy.background_days):
        finding.date, finding.period_start = lead.date, lead.period_start
        finding.period_end, finding.date_text = lead.period_end, lead.date_text
    elif (
        lead is None
        and report_day is not None
        and (report_day.start < sentence.start or sentence.start in reached)
    ):
        if not _background(sentence, published, policy.background_days):
            _set_date(finding, report_day, published)
    elif lead is None and dateline is not None and dateline.start <= sentence.start:
        _set_date(finding, dateline, published)


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


def _attach_quote(finding: ClaimFinding, quotes: list) -> None:
    """The quote the claim's evidence stands in, and its speaker when the claim has none."""
    for quote in quotes:
        if quote.start <= finding.evidence_start < quote.end:
            finding.quote_id = quote.id
            finding.speaker_id = finding.speaker_id or quote.speaker_id
            break
