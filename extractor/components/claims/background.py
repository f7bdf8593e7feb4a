"""Which figures a report gives as background (an earlier event, a campaign's toll) rather than as news."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from extractor.components.claims.vocabulary import COARSE_DATE_KINDS
from extractor.components.document import document_text, listed_spans_within, lower_words
from extractor.vocabulary import load_data, require

#: a figure over a period this long or longer is a toll, not one incident's news
TOLL_DAYS = 14
#: how many steps up the parse a date may stand from the sentence's main verb and still set its time
MAIN_CLAUSE_HOPS = 2
#: how many sentences after one set long before go on with its story, at most
PAST_STORY_SENTENCES = 2
#: a claim told after the report's lead with a day of its own this many days or more before the lead's is
#: an earlier operation ("On Sept. 12, the force killed ..." in a report of Oct. 2's raid); a multi-operation
#: update's days lie a day or two apart
EARLIER_OPERATION_DAYS = 3
#: a line that is only a rule of dashes, underscores or equals signs: what a release pastes below it
SEPARATOR_LINE = re.compile(r"^[ \t]*[-_=\u2013\u2014]{3,}[ \t]*$", re.MULTILINE)


@lru_cache(maxsize=1)
def since_words() -> frozenset[str]:
    return frozenset(require(load_data("claim_links"), "since_words", list, "claim_links.json"))


def _days_before(published: dt.date, day: dt.date | None) -> int:
    return (published - day).days if day is not None else 0


def dated_long_before(finding: Any, published: dt.date, days: int) -> bool:
    """A claim dated to a day, or to a period that began, `days` or more before the report (an earlier
    event, or a toll over a month or longer: "in the last month"), or a toll over weeks ("two were killed
    this month alone"). A running total's period reaches back by its nature, so only its end counts."""
    if finding.date is not None:
        return _days_before(published, finding.date) >= days
    if finding.cumulative:
        return _days_before(published, finding.period_end) >= days
    if finding.period_start is not None and finding.period_end is not None:
        if (finding.period_end - finding.period_start).days >= TOLL_DAYS:
            return True
    return _days_before(published, finding.period_start) >= days


def _date_spans(sentence: Span) -> list[Span]:
    return [
        span
        for span in listed_spans_within(sentence.doc, "dates", sentence.start, sentence.end)
        if span._.date_value is not None and not span._.date_value.states_published
    ]


def _dates_of(sentence: Span) -> list[Any]:
    return [span._.date_value for span in _date_spans(sentence)]


def _long_before(span: Span, published: dt.date, days: int) -> bool:
    value = span._.date_value
    day = value.date or value.period_start
    return value.kind in COARSE_DATE_KINDS and _days_before(published, day) > days


def set_long_before(sentence: Span, published: dt.date, days: int) -> bool:
    """A sentence that names a month or year long before the report ("In June", "in 2014")."""
    return any(_long_before(span, published, days) for span in _date_spans(sentence))


def _sets_the_main_clause(span: Span, root_hops: int = MAIN_CLAUSE_HOPS) -> bool:
    """Whether a date modifies the sentence's main verb ("In June, insurgents engaged the force"), rather
    than a clause inside it ("... despite the Pentagon saying in 2016 that ...")."""
    token = span.root
    for _ in range(root_hops):
        if token.dep_ == "ROOT":
            return True
        token = token.head
    return token.dep_ == "ROOT"


def opens_a_past_story(sentence: Span, published: dt.date, days: int) -> bool:
    """A sentence whose main clause is set long before the report: the sentences after it in its paragraph
    go on with that story."""
    return any(
        _long_before(span, published, days) and _sets_the_main_clause(span) for span in _date_spans(sentence)
    )


def set_recently(sentence: Span, published: dt.date, days: int) -> bool:
    """A sentence with a day of the report's own time ("yesterday", "on Saturday")."""
    return any(
        (value.date or value.period_start) is not None
        and value.kind not in COARSE_DATE_KINDS
        and _days_before(published, value.date or value.period_start) < days
        for value in _dates_of(sentence)
    )


def toll_since(sentence: Span, published: dt.date, days: int) -> bool:
    """A running toll "since" an event long past or named without a date ("since the beginning of the
    year", "since December 1" said in January, "since the campaign began in 2014"), not "since Monday"."""
    words = since_words()
    doc = sentence.doc
    lowers = lower_words(doc)  # the words of the sentence without a Token made for each
    for i in range(sentence.start, sentence.end):
        if lowers[i] not in words:
            continue
        token = doc[i]
        phrase = token.head if token.dep_ == "mark" else token
        left, right = phrase.left_edge.i, phrase.right_edge.i
        starts = [
            span._.date_value.date or span._.date_value.period_start
            for span in doc._.dates or []
            if left <= span.start <= right and span._.date_value is not None
        ]
        if not any(start is not None and _days_before(published, start) < days for start in starts):
            return True
    return False


def story_runs(doc: Doc, sentences: Sequence[Span]) -> list[int]:
    """The first sentence of each run of sentences with no line break between them, in order: a story set
    long before goes on only within its run."""
    text = document_text(doc)
    firsts = [0] if sentences else []
    for index in range(1, len(sentences)):
        previous = sentences[index - 1]
        previous_end = previous.start_char + len(text[previous.start_char : previous.end_char].rstrip())
        if "\n" in text[previous_end : sentences[index].start_char]:
            firsts.append(index)
    return firsts


def background_sentences(
    doc: Doc,
    sentences: Sequence[Span],
    published: dt.date,
    days: int,
    asked: Iterable[int] | None = None,
    runs: list[int] | None = None,
) -> tuple[set[int], set[int]]:
    """The sentences told as background: those giving a toll since long ago, and those set long before the
    report with the sentences after them in the same paragraph until one names a day of the report's own
    time. Returned apart: (tolls, set long before). With `asked`, only the runs of sentences (story_runs)
    up to each sentence asked for are read: a document of many reports asks each date of its own. `runs`:
    story_runs, when known."""
    tolls: set[int] = set()
    earlier: set[int] = set()
    firsts = story_runs(doc, sentences) if runs is None else runs
    read_to, story_left = -1, 0
    for index in sorted(set(range(len(sentences)) if asked is None else asked)):
        if index <= read_to:
            continue
        first = firsts[bisect_right(firsts, index) - 1]
        if first > read_to:  # a run not read yet: its story starts afresh
            read_to, story_left = first - 1, 0
        for at in range(read_to + 1, index + 1):
            sentence = sentences[at]
            if set_recently(sentence, published, days):
                story_left = 0
            if set_long_before(sentence, published, days) or story_left > 0:
                earlier.add(at)
            story_left -= 1
            if opens_a_past_story(sentence, published, days):
                story_left = PAST_STORY_SENTENCES
            if toll_since(sentence, published, days):
                tolls.add(at)
        read_to = index
    return tolls, earlier


def pasted_below_a_rule(doc: Doc, sentences: Sequence[Span], sections: Sequence[Any]) -> set[int]:
    """The sentences below a separator line ("----") when no report of its own (a dateline) begins below
    it: another release pasted in as background, not the report's news. A report that begins below the
    rule ("UPDATE: ... KABUL (Aug. 9) - ...") is news of its own date and stays."""
    text = document_text(doc)
    pasted: set[int] = set()
    for rule in SEPARATOR_LINE.finditer(text):
        if any(section.start >= rule.end() for section in sections):
            continue
        end = next((s.end for s in sections if s.start <= rule.start() < s.end), len(text))
        pasted |= {i for i, s in enumerate(sentences) if rule.end() <= s.start_char < end}
    return pasted


def is_background(
    finding: Any, tolls: set[int], earlier: set[int], published: dt.date | None, days: int
) -> bool:
    """Whether a claim is background: dated long before the report, a toll since long ago, or told in a
    sentence set long before without a recent day of its own. A figure with a change since the last
    report ("(+200)") is that report's news."""
    if published is None or finding.delta is not None:
        return False
    if dated_long_before(finding, published, days) or finding.sentence_index in tolls:
        return True
    own_date = finding.date is not None and finding.date_origin == finding.sentence_index
    return finding.sentence_index in earlier and not own_date


def told_before_the_news(finding: Any, lead: Any) -> bool:
    """A claim told after the report's lead (the first claim that states its day), dated by a day or period
    of its own sentence that ended `EARLIER_OPERATION_DAYS` or more before the lead's day: an earlier
    operation the report recalls ("The force had detained his deputy on Sept. 28")."""
    if lead is None or lead is finding or lead.date is None or finding.sentence_index <= lead.sentence_index:
        return False
    if finding.date_origin != finding.sentence_index:
        return False
    end = finding.date or finding.period_end
    return end is not None and (lead.date - end).days >= EARLIER_OPERATION_DAYS
