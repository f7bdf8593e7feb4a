"""Which figures a report gives as background (an earlier event, a campaign's toll) rather than as news."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Span

#: date expressions that name a month, a year or a vaguer time: set long before a report, they put a
#: sentence in the past ("In June, insurgents engaged the force", "since the campaign began in 2014")
COARSE_DATE_KINDS = frozenset({"MONTH", "MONTH_YEAR", "YEAR", "LAST_UNIT", "BARE_MONTH", "OTHER"})


def _days_before(published: dt.date, day: dt.date | None) -> int:
    return (published - day).days if day is not None else 0


def dated_long_before(finding: Any, published: dt.date, days: int) -> bool:
    """A claim dated to a day, or to a period that began, more than `days` before the report: an earlier
    event. A running total's period reaches back by its nature, so only its end counts."""
    if finding.date is not None:
        return _days_before(published, finding.date) > days
    if finding.cumulative:
        return _days_before(published, finding.period_end) > days
    return _days_before(published, finding.period_start) > days


def sentence_set_long_before(sentence: Span, published: dt.date, days: int) -> bool:
    """A sentence that names a month or year long before the report ("In June", "in 2014"), apart from
    the report's own dateline."""
    for span in sentence.doc._.dates or []:
        if not sentence.start <= span.start < sentence.end or span._.date_value is None:
            continue
        value = span._.date_value
        if value.states_published or value.kind not in COARSE_DATE_KINDS:
            continue
        if _days_before(published, value.date or value.period_start) > days:
            return True
    return False


def is_background(finding: Any, sentence: Span | None, published: dt.date | None, days: int) -> bool:
    """Whether a claim is background: dated long before the report, or told in a sentence set long
    before it. A figure with a change since the last report ("(+200)") is that report's news."""
    if published is None or finding.delta is not None:
        return False
    if dated_long_before(finding, published, days):
        return True
    if finding.date is not None:
        return False  # a day of its own near the report's: the sentence's older dates are another story's
    return sentence is not None and sentence_set_long_before(sentence, published, days)
