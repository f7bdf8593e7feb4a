"""When a claim happened: its own date, the report's day, carried dates and background."""

from __future__ import annotations

import bisect
import datetime as dt

from spacy.tokens import Doc, Span, Token

from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.policy import ClaimPolicy
from extractor.components.claims.tokens import _clean, _lemma, token_lemmas
from extractor.components.claims.vocabulary import (
    COARSE_DATE_KINDS,
    DATE_CHARS_KEY,
    DATE_STARTS_KEY,
    DATELINE_TOKENS_KEY,
    PERFECT_AUXILIARIES,
    PERFECT_TO_DATE_PREPOSITIONS,
    PERIOD_OPENERS,
    TO_DATE_PREPOSITIONS,
    YIELDING_DATE_KINDS,
    ClaimVocabulary,
)
from extractor.components.document import (
    document_text,
    listed_spans,
    listed_spans_from_end,
    sentence_bounds,
    sentence_of,
)
from extractor.components.page import ReportSection, list_lead, published_at


def _date_head(span: Span) -> Token:
    """The word a date hangs on. A range's days may hang apart ("conducted 22 strikes from 8 a.m. Friday to
    8 a.m. Saturday, the task force said": the parser hung Saturday on "said"): its opening preposition says
    where the whole range goes."""
    first = span.doc[span.start]
    value = span._.date_value
    if value is not None and value.kind == "RANGE" and first.head.i not in range(span.start, span.end):
        return first.head
    return span.root.head


def pick_date(sentence: Span, anchor: Token | None, vocab: ClaimVocabulary, policy: ClaimPolicy):
    """The date expression that governs a claim in `sentence`: one in its clause first, then any other that
    is not merely when something was said, then the date of the saying, then a dateline."""
    spans = _dates_in(sentence)
    if not spans:
        return None
    own, reported, datelines = [], [], []
    own_verbs = _claim_verbs(anchor, vocab)
    for span in spans:
        value = span._.date_value
        head = _date_head(span)
        if value is None:
            continue
        if value.kind in COARSE_DATE_KINDS:
            # a month or year dates a claim only on the claim's own verb ("flew 1,200 sorties last month"); in
            # the rest of the sentence it sets a scene ("the war that began in 2014")
            if head.dep_ in DATED_ARGUMENTS and head.head.i in own_verbs:
                head = head.head  # "killed 50 jihadists in mid-January": the parser hung it on the object
            if head.i in own_verbs and _not_the_sayings(head, span) and value.period_start is not None:
                own.append(span)
            continue
        if value.states_published:
            datelines.append(span)
        elif head.i in own_verbs and _not_the_sayings(head, span):
            # the day hangs on the claim's own verb, even one that can also report ("On Tuesday an attack
            # claimed the lives of 80 people"): the claim's own date; in a reported clause ("said on Monday
            # its artillery had killed 40") the parser may hang the saying's day on the clause
            own.append(span)
        elif (
            value.reporting
            or _lemma(head) in vocab.reporting_verbs
            and head.i not in range(span.start, span.end)
        ):
            reported.append(span)
        else:
            own.append(span)
    if own:
        published = published_at(sentence.doc, sentence.start_char)
        earlier_days = [
            s
            for s in own
            if s._.date_value.kind not in YIELDING_DATE_KINDS
            and s._.date_value.date is not None
            and (published is None or s._.date_value.date < published)
        ]
        if earlier_days:
            own = [s for s in own if s._.date_value.kind not in YIELDING_DATE_KINDS]
        if anchor is not None:
            clause = {t.i for t in anchor.subtree} | {t.i for t in anchor.ancestors}
            in_clause = [s for s in own if s.root.i in clause or s.root.head.i in clause]
            if in_clause:
                own = in_clause
        return min(own, key=lambda s: abs(s.start - (anchor.i if anchor is not None else s.start)))
    if reported and policy.reporting_dates_claims:
        return reported[0]
    return datelines[0] if policy.dateline_dates_claims else None


def _not_the_sayings(head: Token, span: Span) -> bool:
    """A date on a claim verb that is no reported clause's, or that stands in the clause before its verb of
    saying ("flew 96 sorties last week, a spokesman said"); in "said on Monday its artillery had killed 40"
    the parser may hang the saying's day on the clause."""
    return head.dep_ != "ccomp" or head.head.i > span.start


# the dependencies of a claim verb's argument a month may be hung on in its place ("killed 50 jihadists in
# mid-January")
DATED_ARGUMENTS = frozenset({"dobj"})

# the dependencies by which an idiom's noun is the object of its verb ("claimed the lives of 80")
IDIOM_OBJECT_DEPENDENCIES = frozenset({"dobj", "nsubjpass"})


def _claim_verbs(anchor: Token | None, vocab: ClaimVocabulary) -> frozenset[int]:
    """The claim's own verb: the anchor, and the verb of the idiom an idiom noun stands in ("claimed the
    lives of"; not "confirmed the death of", which reports it)."""
    if anchor is None:
        return frozenset()
    verbs = vocab.idiom_nouns.get(_lemma(anchor))
    if verbs and anchor.dep_ in IDIOM_OBJECT_DEPENDENCIES and _lemma(anchor.head) in verbs:
        return frozenset({anchor.i, anchor.head.i})
    return frozenset({anchor.i})


SPEAKER_RELATIVE_KINDS = frozenset({"SAME_DAY", "PREVIOUS_DAY", "TWO_DAYS_BEFORE"})


PERIOD_IN_WORDS_WARNING = "a running total since an event named without a date: its period left unresolved"


def _date_from_the_speaker(
    finding: ClaimFinding, span: Span, report_day: Span | None, published: dt.date | None
) -> None:
    """ "Killed Saturday ... 'carried out four air strikes today,' the army said in a statement", published on
    Sunday: a quotation's "today" is the day it was said: the statement's own day when the text gives one,
    else the day the story opened on."""
    value = span._.date_value
    if value.kind not in SPEAKER_RELATIVE_KINDS or value.date is None or published is None:
        return
    doc = span.doc
    if not any(q.start <= span.start_char < q.end for q in doc._.quotes or ()):
        return
    # the statement's own day ("the general said on Sunday"), else the day the story opened on
    stated = [
        s._.date_value.date
        for s in _dates_in(sentence_of(span[0]))
        if s._.date_value is not None and s._.date_value.reporting and s._.date_value.date is not None
    ]
    if stated:
        said_on = stated[0]
    elif report_day is not None and report_day._.date_value.date is not None and report_day.end < span.start:
        said_on = report_day._.date_value.date
    else:
        return
    if said_on < published:
        finding.date = value.date - (published - said_on)


def _dates_in(sentence: Span) -> list[Span]:
    """The date expressions inside `sentence`, found by bisection over the document's (sorted) dates."""
    doc = sentence.doc
    dates = listed_spans(doc, "dates")  # made one at a time: a sentence holds few of a document's dates
    starts = doc.user_data.get(DATE_STARTS_KEY)
    if starts is None or len(starts) != len(dates):
        starts = doc.user_data[DATE_STARTS_KEY] = [s.start for s in dates]
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end, first)
    return [s for s in (dates[k] for k in range(first, last)) if s.end <= sentence.end]


def _dates_of_section(doc: Doc, section: ReportSection) -> list[Span]:
    """The date expressions starting within a report section, found by bisection over their (sorted)
    character offsets: a text of many reports asks once per report."""
    dates = doc._.dates or []
    starts = doc.user_data.get(DATE_CHARS_KEY)
    if starts is None or len(starts) != len(dates):
        starts = doc.user_data[DATE_CHARS_KEY] = [s.start_char for s in dates]
    return dates[bisect.bisect_left(starts, section.start) : bisect.bisect_left(starts, section.end)]


def _report_day(doc: Doc, skipped: set[int], section: ReportSection, policy: ClaimPolicy) -> Span | None:
    """The first day the story of a report section itself names ("a combined force conducted an operation
    ... yesterday morning"), outside headlines, datelines, statements' days and background months."""
    for span in _dates_of_section(doc, section):
        value = span._.date_value
        if value is None or value.date is None or value.states_published or value.reporting:
            continue
        if value.kind in COARSE_DATE_KINDS or sentence_bounds(doc, span.start)[0] in skipped:
            continue
        if _background(sentence_of(span[0]), section.published, policy.background_days):
            continue
        if (
            section.published is not None
            and (section.published - value.date).days > policy.report_day_max_age
        ):
            continue  # "the attack on the residence on Dec. 29" in a report of Jan. 9: another story's day
        return span
    return None


def _only_dateline(doc: Doc, section: ReportSection, policy: ClaimPolicy) -> Span | None:
    """The dateline of a report section that names no other day or period (months and years, and running
    totals since a month or more back, are background): its story is the day it was filed."""
    published = section.published
    dates = [
        s
        for s in _dates_of_section(doc, section)
        if s._.date_value is not None
        and s._.date_value.kind not in COARSE_DATE_KINDS
        and not _campaign_period(s._.date_value, published, policy.background_days)
    ]
    datelines = [s for s in dates if s._.date_value.states_published]
    # a page's header stamp says when the page came out, not the day of the story it carries
    filed = [s for s in datelines if not s._.date_value.page_stamp]
    return filed[0] if filed and len(datelines) == len(dates) else None


def _campaign_period(value, published: dt.date | None, background_days: int) -> bool:
    """A period reaching back over a month ("since June", said on July 31): the campaign a running
    total covers, not the day of the story."""
    return (
        value.date is None
        and value.period_start is not None
        and published is not None
        and (published - value.period_start).days > background_days
    )


def _background(sentence: Span, published: dt.date | None, background_days: int) -> bool:
    """A sentence set in another time than the report: it names a month or year long before publication
    ("the war in the early 1990s", "clashes in July")."""
    for span in _dates_in(sentence):
        if span._.date_value is None:
            continue
        value = span._.date_value
        day = value.date or value.period_start
        if value.kind in COARSE_DATE_KINDS and (
            published is None or day is None or (published - day).days > background_days
        ):
            return True
    # the year of a dateline in the sentence is the report's own, no sign of background
    datelines = _dateline_tokens(sentence.doc)
    return any(
        t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20") and t.ent_type_ == "DATE"
        for t in sentence
        if t.i not in datelines
    )


def _dateline_tokens(doc: Doc) -> frozenset[int]:
    """The tokens of the document's datelines, gathered once per document rather than for each sentence."""
    tokens = doc.user_data.get(DATELINE_TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[DATELINE_TOKENS_KEY] = frozenset(
            i
            for span in doc._.dates or []
            if span._.date_value is not None and span._.date_value.states_published
            for i in range(span.start, span.end)
        )
    return tokens


def _set_date(finding: ClaimFinding, span: Span, published: dt.date | None) -> None:
    """Dates a claim by an expression; a day inside a "since" clause ("since the operation began on
    September 30") opens a period that runs to publication, and a figure over such a period is a running
    total."""
    value = span._.date_value
    if value is None:
        return
    date, start, end = value.date, value.period_start, value.period_end
    text = value.text
    since = _since_marker(span)
    if date is not None and published is not None and since is not None:
        date, start, end = None, date, published
        text = document_text(span.doc)[since.idx : span.end_char]
    if since is None and _up_to(span):
        # "as of May 1, the army had killed 13,000": everything counted up to that day, from no day named
        date, start, end = None, None, date or end
        finding.cumulative = True
    finding.date, finding.period_start, finding.period_end, finding.date_text = date, start, end, text
    if value.kind == "SINCE" or since is not None:
        finding.cumulative = True


def _up_to(span: Span) -> bool:
    """Whether a date ends a running total: "as of May 1", or "by Tuesday" on a perfect verb ("by Tuesday the
    rebels had lost 60 tanks")."""
    preposition = span._.date_value.preposition
    if preposition in TO_DATE_PREPOSITIONS:
        return True
    verb = _date_head(span)
    return preposition in PERFECT_TO_DATE_PREPOSITIONS and any(
        c.dep_ == "aux" and c.lemma_ in PERFECT_AUXILIARIES for c in verb.children
    )


def _period_in_words(sentence: Span) -> str | None:
    """The words of a "since" phrase or clause that names no date ("since the start of the operation",
    "since it began")."""
    for token in sentence:
        if token.lower_ not in PERIOD_OPENERS:
            continue
        if token.dep_ == "prep":
            return _clean(sentence.doc[token.i : token.right_edge.i + 1].text)
        if token.dep_ == "mark":
            return _clean(sentence.doc[token.i : token.head.right_edge.i + 1].text)
    return None


def _since_marker(span: Span) -> Token | None:
    """The "since" that opens the clause a date stands in, if any."""
    for ancestor in span.root.ancestors:
        if ancestor.lower_ in PERIOD_OPENERS and ancestor.dep_ == "prep":
            return ancestor  # "since the beginning of the operation on September 30"
        for child in ancestor.children:
            if child.dep_ == "mark" and child.lower_ in PERIOD_OPENERS:
                return child  # "since the operation began on September 30"
        if ancestor.dep_ in ("ROOT", "ccomp"):
            return None
    return None


def _carry_paragraph_date(
    doc: Doc,
    finding: ClaimFinding,
    sentence: Span,
    paragraph_of: dict[int, int],
    position: dict[int, int],
    published: dt.date | None,
    policy: ClaimPolicy,
) -> None:
    """A date named earlier in the same paragraph ("In Khost last night, a force searched a compound. ...
    the force detained a suspected insurgent") dates the claims after it. `position` numbers the
    sentences by their start token."""
    paragraph = paragraph_of.get(sentence.start)
    for span in listed_spans_from_end(doc, "dates"):
        if span.end > sentence.start:
            continue
        span_sentence = sentence_bounds(doc, span.start)[0]
        if paragraph_of.get(span_sentence) != paragraph and not policy.date_lookback_crosses_paragraphs:
            break
        if position.get(sentence.start, 0) - position.get(span_sentence, 0) > policy.date_lookback_sentences:
            break
        value = span._.date_value
        if value is None or value.states_published or value.reporting or value.kind in COARSE_DATE_KINDS:
            continue
        if value.date is None and value.period_start is None:
            continue
        _set_date(finding, span, published)
        # where the date stands, so that a day carried from another sentence never passes for the one the
        # claim's own sentence states (and so for the report's day)
        finding.date_origin = position.get(span_sentence, finding.sentence_index)
        return


def _list_heading_date(doc: Doc, sentences: list[Span], index: int | None) -> Span | None:
    """The day or period of the heading a list item stands under ("Results of operations, Dec. 1-15:" over
    "- 22 ISIS operatives killed")."""
    if index is None:
        return None
    lead = list_lead(doc, index)
    if lead is None:
        return None
    dates = [s for s in _dates_in(sentences[lead]) if s._.date_value and not s._.date_value.states_published]
    dates = [s for s in dates if s._.date_value.date or s._.date_value.period_start]
    return dates[-1] if dates else None


def _report_period(doc: Doc, finding: ClaimFinding):
    """The period of a losses list, from the heading before it ("combat losses ... from 24.02 to 12.04")."""
    if not finding.cumulative or finding.delta is None and finding.kind not in ("targets", "casualties"):
        return None
    for span in listed_spans_from_end(doc, "dates"):
        if span.end_char <= finding.evidence_start and span._.date_value is not None:
            value = span._.date_value
            if value.period_start is not None:
                return value.period_start, value.period_end, value.text
    return None


def _definite_event(sentence: Span, vocab: ClaimVocabulary) -> bool:
    """Whether the sentence names an event by a definite noun ("killed in the shelling", "the strike
    destroyed"): one that refers back to an event named before."""
    doc, lemmas = sentence.doc, token_lemmas(sentence.doc)
    return any(
        lemmas[i] in vocab.strike_nouns
        and any(child.dep_ == "det" and "Def" in child.morph.get("Definite") for child in doc[i].children)
        for i in range(sentence.start, sentence.end)
    )


def _event_named_before(
    sentences: list[Span], index: int, vocab: ClaimVocabulary, policy: ClaimPolicy, since_char: int
) -> Span | None:
    """The day or period of the event a definite event noun refers back to ("Air strikes overnight hit the
    city. ... Seven people were killed in the shelling"): the nearest earlier sentence of the report,
    within `carry_sentences`, paragraphs or not, that names an event and when it happened."""
    if not _definite_event(sentences[index], vocab):
        return None
    for earlier in reversed(sentences[max(0, index - policy.carry_sentences) : index]):
        if earlier.start_char < since_char:
            break
        if not any(
            lemma in vocab.strike_nouns for lemma in token_lemmas(earlier.doc)[earlier.start : earlier.end]
        ):
            continue
        for span in _dates_in(earlier):
            value = span._.date_value
            if value is None or value.states_published or value.reporting or value.kind in COARSE_DATE_KINDS:
                continue
            if value.date is not None or value.period_start is not None:
                return span
    return None


# Penn tags of a "have" auxiliary before a past participle: the present perfect ("have been killed", a tally
# up to the time of telling) and the past perfect ("had been killed", an event before the story's own)
PERFECT_AUXILIARY_TAGS = frozenset({"VBZ", "VBP", "VBD"})
SUBJECT_DEPENDENCIES = frozenset({"nsubj", "nsubjpass"})


def since_without_a_date(anchor: Token | None) -> bool:
    """ "Since the war began, 3,100 depots have been destroyed": a "since" phrase or clause on a verb in the
    perfect, naming no date: the figure is a running total over a period told in words."""
    verb = anchor
    while verb is not None and verb.dep_ == "conj" and verb.head.tag_ == "VBN":
        verb = verb.head
    if verb is None or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.tag_ in PERFECT_AUXILIARY_TAGS for c in verb.children):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in PERIOD_OPENERS
        or c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in PERIOD_OPENERS for g in c.children)
        for c in verb.children
    )


def perfect_aspect(anchor: Token | None, vocab: ClaimVocabulary) -> bool:
    """Whether the claim's verb is in the perfect ("have been killed", "had destroyed", and the verbs
    conjoined to one): a tally up to the time of telling or an event before the story's, which names no day
    of its own, so no day carried from another sentence nor the report's day is the claim's. Not a perfect
    in reported speech ("said it had downed two helicopters", "reports indicate three have been killed"),
    which tells the story's own events, nor one told of an event noun ("the strike, which has taken out a
    camp"), whose time is the event's."""
    verb = anchor
    while verb is not None and verb.dep_ == "conj" and verb.head.tag_ == "VBN":
        verb = verb.head  # "had been killed and six wounded": the auxiliary hangs on the first verb
    if verb is None or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.tag_ in PERFECT_AUXILIARY_TAGS for c in verb.children):
        return False
    return not _reported(verb) and not _told_of_an_event(verb, vocab)


def _reported(verb: Token) -> bool:
    """Whether the verb stands in a clause complement, one told by someone ("it said it had ...", "reports
    indicate three have been ...")."""
    return any(token.dep_ == "ccomp" for token in [verb, *verb.ancestors])


def _told_of_an_event(verb: Token, vocab: ClaimVocabulary) -> bool:
    """Whether the verb's subject, or the noun its relative clause hangs on, is an event noun ("strikes have
    killed", "this strike that has taken out")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPENDENCIES]
    if verb.dep_ == "relcl":
        subjects.append(verb.head)
    return any(_lemma(s) in vocab.strike_nouns for s in subjects)


# dependencies of a clause that describes a noun ("an ambush that killed", "an operative linked to")
NOUN_CLAUSE_DEPENDENCIES = frozenset({"relcl", "acl"})
# a present participle tells what the story's event did ("raided hideouts of terrorists, killing scores")
RESULT_PARTICIPLE_TAG = "VBG"
# a clause opened by "where" or "when" tells what happened at that place or time, not what identifies a noun
RELATIVE_ADVERB_TAG = "WRB"


def described_in_a_noun_phrase(anchor: Token | None) -> bool:
    """Whether the claim is told in a clause describing a noun that is itself a prepositional object of
    another noun ("in retaliation for an ambush that killed two soldiers", "the death of an operative linked
    to the deaths of three"): a description that identifies something by an earlier event, whose time is
    not the story's."""
    if anchor is None:
        return False
    for token in [anchor, *anchor.ancestors]:
        if token.dep_ in NOUN_CLAUSE_DEPENDENCIES and token.tag_ != RESULT_PARTICIPLE_TAG:
            if any(c.tag_ == RELATIVE_ADVERB_TAG and c.i < token.i for c in token.children):
                return False  # "searched a compound in Wardak, where they detained two": the story goes on
            noun = token.head
            return noun.dep_ == "pobj" and noun.head.head.tag_.startswith("NN")
        if token.dep_ in ("ROOT", "ccomp"):
            return False
    return False
