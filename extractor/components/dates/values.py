"""The values the date finder leaves on its spans, and the expressions it reads them from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class DateValue:
    """What a date expression resolves to: a day, or a period, or nothing (kept as words).

    `kind` is how it was read (the pattern label, or SINCE / RANGE); `preposition` the governing
    word(s) included at the start of the span ("on", "since", "over", "from"); `reporting` is true
    when the expression hangs on a reporting verb ("said Friday"), so it dates the statement and
    not necessarily the event; `states_published` when it is the dateline or header date that says
    when the text came out ("KABUL, Afghanistan (Jan. 25, 2013)"); `after_published` when it was read
    against a later report's dateline and fell after the document's published date, so left unresolved;
    `page_stamp` when that date is a page's header ("10.10.2017 (updated 16:01)") rather than a
    dateline, which files the story itself on its day.
    """

    text: str
    date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    is_period: bool = False
    kind: str = ""
    preposition: str | None = None
    reporting: bool = False
    states_published: bool = False
    after_published: bool = False
    page_stamp: bool = False

    @property
    def resolved(self) -> bool:
        """Whether the expression was turned into a date or a period with both ends."""
        if self.is_period:
            return self.period_start is not None and self.period_end is not None
        return self.date is not None


@dataclass
class DateExpression:
    """A date expression found in a Doc, before resolution: token offsets and how to read it."""

    label: str
    start: int
    end: int
    atom: tuple[str, int, int] | None = None  # the date inside a SINCE expression
    first: tuple[str, int, int] | None = None  # the two ends of a RANGE
    last: tuple[str, int, int] | None = None
    preposition: str | None = None


Interval = tuple[dt.date | None, dt.date | None, bool]  # (start, end, is_period); a day has start == end
