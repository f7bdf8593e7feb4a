"""Resolving date expressions to days and periods against the published date: calendar arithmetic and one
step per kind of expression."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

from extractor.components.dates.values import DateExpression, DateValue, Interval
from extractor.components.dates.vocabulary import DateVocabulary

# a period ending on a day and month without a year up to this many days after the published date is not
# read as last year's (a single day is: "on Oct. 17" in a text of Oct. 16 looks back a year)
YEARLESS_LEAD_DAYS = 31
# the days in each period unit of a fixed length (dates.json period_units' values)
DAYS_IN_UNIT = {"day": 1, "week": 7, "fortnight": 14}
# the month_count_ends value of a count from the month's first day (else back from its last)
MONTH_START = "start"


# ---------------------------------------------------------------- calendar arithmetic


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (negative: earlier), clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def latest_month_day(month: int, day: int, base: dt.date) -> dt.date | None:
    """The latest `month`/`day` that is not after `base` (a 29 February looks back up to eight years)."""
    for year in range(base.year, base.year - 9, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= base:
            return candidate
    return None


def yearless_day(month: int, day: int, base: dt.date, lead_days: int = 0) -> dt.date | None:
    """The day a `month`/`day` without a year names in a text of `base`: the latest not after `base`, or
    none when this year's falls just after `base`, within `lead_days` (for the end of a period: then
    `base` is a few days early, as a page dated by its sidebar is, and reading the day a year back would
    date a running total "from 24.02 to 01.07" before the war it counts)."""
    try:
        this_year = dt.date(base.year, month, day)
    except ValueError:
        this_year = None
    if this_year is not None and base < this_year <= base + dt.timedelta(days=lead_days):
        return None
    return latest_month_day(month, day, base)


def latest_weekday(weekday: int, base: dt.date, strictly_before: bool = False) -> dt.date:
    """The latest such weekday on or before `base` (strictly before when asked: "last Friday")."""
    back = (base.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return base - dt.timedelta(days=back)


def month_period(year: int, month: int, part: str | list[int] | None = None) -> tuple[dt.date, dt.date]:
    """The days of a month, or of its early (1-10), mid (11-20) or late (21-end) part, or of the days
    `part` gives (first and last; a negative day counts back from the month's end)."""
    last = calendar.monthrange(year, month)[1]
    if isinstance(part, list):
        first_day, last_day = (day if day > 0 else last + 1 + day for day in part)
        return dt.date(year, month, first_day), dt.date(year, month, min(last_day, last))
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part == "late":
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


def rolling_period_start(count: int, unit: str, end: dt.date) -> dt.date | None:
    """The start of the `count` `unit`s ending on `end` ("the past week": 7 days before `end`)."""
    if unit == "hour":
        return end - dt.timedelta(days=max(1, -(-count // 24)))
    days = DAYS_IN_UNIT.get(unit)
    if days:
        return end - dt.timedelta(days=days * count)
    if unit == "month":
        return shift_months(end, -count)
    if unit == "year":
        return shift_months(end, -12 * count)
    return None


# ---------------------------------------------------------------- resolution


def _count(doc: Doc, start: int, end: int, words: DateVocabulary) -> int:
    for token in doc[start:end]:
        if token.text.isdigit():
            return int(token.text)
        if token.lower_ in words.number_words and token.lower_ not in words.indefinite_articles:
            return words.number_words[token.lower_]
    return 1


def _unit(doc: Doc, start: int, end: int, words: DateVocabulary) -> str | None:
    for token in doc[start:end]:
        if token.lower_ in words.period_units:
            return words.period_units[token.lower_]
    return None


def _month_of(doc: Doc, start: int, end: int, words: DateVocabulary) -> int | None:
    for token in doc[start:end]:
        if token.lower_ in words.months:
            return words.months[token.lower_]
    return None


def _month_part(doc: Doc, start: int, end: int, words: DateVocabulary) -> str | list[int] | None:
    for token in doc[start:end]:
        # a modifier ("late February") or a part named by its place ("the end of February")
        if isinstance(words.month_parts.get(token.lower_), str):
            return words.month_parts[token.lower_]
    # "the first week of February": two words naming the days
    for token in doc[start : end - 1]:
        days = words.month_parts.get(f"{token.lower_} {doc[token.i + 1].lower_}")
        if isinstance(days, list):
            return days
    return _counted_month_part(doc, start, end, words)


def _counted_month_part(doc: Doc, start: int, end: int, words: DateVocabulary) -> list[int] | None:
    """ "the first three days of March", "the last two weeks of February": the days counted from the month's
    start, or back from its end (a negative day counts back from the last)."""
    for token in doc[start : end - 2]:
        side = words.month_count_ends.get(token.lower_)
        count = doc[token.i + 1]
        number = words.number_words.get(count.lower_) or (int(count.text) if count.text.isdigit() else None)
        span = words.period_units.get(doc[token.i + 2].lower_)
        if side is None or number is None or span not in DAYS_IN_UNIT:
            continue
        length = number * DAYS_IN_UNIT[span]
        return [1, length] if side == MONTH_START else [-length, -1]
    return None


def _not_after(day: dt.date | None, published: dt.date | None) -> dt.date | None:
    if day is None or published is None or day <= published:
        return day
    return None


def _cap(interval_end: dt.date, published: dt.date | None) -> dt.date:
    return min(interval_end, published) if published is not None else interval_end


@dataclass(frozen=True)
class _Atom:
    """One matched date expression, with what resolving it reads: the tokens and the date it counts from."""

    doc: Doc
    label: str
    start: int
    end: int
    base: dt.date | None
    words: DateVocabulary
    lead_days: int

    @cached_property
    def lowers(self) -> list[str]:
        return [t.lower_ for t in self.doc[self.start : self.end]]

    def year(self) -> int:
        return next(int(t.text) for t in self.doc[self.start : self.end] if re.fullmatch(r"\d{4}", t.text))


# the labels of single days counted back from the published date: without one, they resolve to nothing; the
# other relative labels are periods of unknown bounds
RELATIVE_DAY_LABELS = frozenset(
    {"WEEKDAY", "SAME_DAY", "PREVIOUS_DAY", "DAY_BEFORE", "TWO_DAYS_BEFORE", "AGO", "FUTURE", "NEXT_DAY"}
)
NO_INTERVAL: Interval = (None, None, False)


def resolve_atom(
    doc: Doc,
    label: str,
    start: int,
    end: int,
    base: dt.date | None,
    words: DateVocabulary,
    lead_days: int = 0,
) -> Interval:
    """Resolves one matched expression against `base` (the published date, or a range's other end);
    `lead_days` as in `yearless_day`."""
    atom = _Atom(doc, label, start, end, base, words, lead_days)
    stated = STATED_DAY_RESOLVERS.get(label)
    if stated is not None:
        return stated(atom)
    if base is None:
        return None, None, label not in RELATIVE_DAY_LABELS
    relative = RELATIVE_RESOLVERS.get(label)
    return relative(atom) if relative is not None else NO_INTERVAL


def _month_and_day(atom: _Atom) -> Interval:
    """ "14 November 2015", "Nov. 14": a day the text writes out, the year read from the base if unstated."""
    if atom.label == "MONTH_DAY" and atom.base is None:
        return NO_INTERVAL
    tokens = atom.doc[atom.start : atom.end]
    month_word = next((t.text for t in tokens if t.lower_ in atom.words.months), None)
    day_word = next((t.text for t in tokens if re.match(r"\d{1,2}(?!\d)", t.text)), None)
    if month_word is None or day_word is None:
        return NO_INTERVAL
    month = atom.words.months[month_word.lower()]
    day_number = int(re.match(r"\d+", day_word).group())
    if atom.label == "FULL_DATE":
        try:
            day = dt.date(atom.year(), month, day_number)
        except ValueError:
            return NO_INTERVAL
    else:
        day = yearless_day(month, day_number, atom.base, atom.lead_days)
    day = _not_after(day, atom.base)
    return day, day, False


def _numeric_day(atom: _Atom) -> Interval:
    """ "2015-11-14", "14.11.2015", "14.11": a day written in figures."""
    tokens = atom.doc[atom.start : atom.end]
    if atom.label == "ISO_DATE":
        numbers = [int(t.text) for t in tokens if t.text.isdigit()]
        return _day_or_none(numbers[0], numbers[1], numbers[2], atom.base)
    if atom.label == "NUMERIC_DATE":
        d, m, y = (int(x) for x in re.split(r"[./]", tokens[0].text))
        return _day_or_none(_full_year(y, atom.base), m, d, atom.base)
    if atom.base is None:
        return NO_INTERVAL
    d, m = (int(x) for x in tokens[0].text.split("."))
    day = yearless_day(m, d, atom.base, atom.lead_days)
    return day, day, False


def _full_year(year: int, base: dt.date | None) -> int:
    """ "24.02.22": a year of two digits is the latest of its century's years not after the base's year."""
    if year >= 100:
        return year
    latest = base.year if base is not None else 2000 + year
    return latest - (latest - year) % 100


def _day_back(atom: _Atom) -> Interval:
    """A single day counted back from the base: "Friday", "today", "yesterday", "three days ago"."""
    base, words, lowers = atom.base, atom.words, atom.lowers
    if atom.label == "WEEKDAY":
        weekday = next(words.weekdays[w] for w in lowers if w in words.weekdays)
        day = latest_weekday(weekday, base, any(w in words.weekday_strictly_before for w in lowers))
    elif atom.label == "AGO":
        unit = _unit(atom.doc, atom.start, atom.end, words)
        day = rolling_period_start(_count(atom.doc, atom.start, atom.end, words), unit or "", base)
    else:
        day = base - dt.timedelta(days=DAYS_BACK[atom.label])
    return day, day, False


DAYS_BACK = {"SAME_DAY": 0, "PREVIOUS_DAY": 1, "DAY_BEFORE": 1, "TWO_DAYS_BEFORE": 2}


def _overnight(atom: _Atom) -> Interval:
    # the night before publication: from the previous day to the day itself
    return atom.base - dt.timedelta(days=1), atom.base, True


def _weekend(atom: _Atom) -> Interval:
    """ "over the weekend", "last weekend": the Saturday and Sunday on or before the base (Monday is 0)."""
    saturday = atom.base - dt.timedelta(days=(atom.base.weekday() - 5) % 7)
    return saturday, min(saturday + dt.timedelta(days=1), atom.base), True


def _unit_period(atom: _Atom) -> Interval:
    """A period measured in units up to the base: "the past 24 hours", "last week", "this month"."""
    doc, base, words, lowers = atom.doc, atom.base, atom.words, atom.lowers
    unit = _unit(doc, atom.start, atom.end, words)
    if atom.label == "LAST_UNIT":
        return _last_unit(unit, base)
    if atom.label == "THIS_UNIT":
        if unit == "week":
            return base - dt.timedelta(days=base.weekday()), base, True
        if unit == "month":
            return base.replace(day=1), base, True
        return base.replace(month=1, day=1), base, True
    if lowers[0] in words.calendar_last_words and len(lowers) == 2 and unit in ("week", "month", "year"):
        return _last_unit(unit, base)
    if any(w in words.vague_counts for w in lowers):
        return None, None, True  # "the past few days": a period of no stated length
    period_start = rolling_period_start(_count(doc, atom.start, atom.end, words), unit or "", base)
    return period_start, base if period_start else None, True


def _calendar_period(atom: _Atom) -> Interval:
    """A month or a year of the calendar: "in October", "early March 2016", "in 2015"."""
    doc, base, words = atom.doc, atom.base, atom.words
    if atom.label == "YEAR":
        year = atom.year()
        first = dt.date(year, 1, 1)
        return (first, _cap(dt.date(year, 12, 31), base), True) if first <= base else (None, None, True)
    month = _month_of(doc, atom.start, atom.end, words)
    part = _month_part(doc, atom.start, atom.end, words)
    if atom.label == "MONTH_YEAR":
        first, last = month_period(atom.year(), month or 1, part)
        return (first, _cap(last, base), True) if first <= base else (None, None, True)
    if month is None:
        return None, None, True
    year = base.year if month <= base.month else base.year - 1
    if month == base.month and any(w in words.weekday_strictly_before for w in atom.lowers):
        year -= 1  # "last October" said in October
    first, last = month_period(year, month, part)
    return first, _cap(last, base), True


def _year_part(atom: _Atom) -> Interval:
    """A part of a calendar year: a quarter or half ("the first quarter of 2024", "the second half of last
    year"), or months, weeks or days counted from its start or back from its end ("the first four months of
    the year", "the last two weeks of 2023")."""
    lowers, words, base = atom.lowers, atom.words, atom.base
    if base is None:
        return None, None, True
    # the patterns end on the year: stated ("of 2024"), or a word and "year" ("of this year", "of the year")
    stated = re.fullmatch(r"\d{4}", lowers[-1]) is not None
    year = atom.year() if stated else base.year + words.year_part_deictics.get(lowers[-2], 0)
    pairs = (f"{a} {b}" for a, b in zip(lowers, lowers[1:], strict=False))
    months = next((words.year_parts[pair] for pair in pairs if pair in words.year_parts), None)
    if months is not None:
        first, last = dt.date(year, months[0], 1), month_period(year, months[1])[1]
    else:
        counted = _counted_year_part(atom, year, atom.end - (2 if stated else 3))
        if counted is None:
            return None, None, True
        first, last = counted
    return (first, _cap(last, base), True) if first <= base else (None, None, True)


def _counted_year_part(atom: _Atom, year: int, before_year: int) -> tuple[dt.date, dt.date] | None:
    """The days of "the first four months of <year>" (January to April) or "the last two weeks of <year>",
    their count and unit read before the token `before_year` (the year's "of")."""
    words = atom.words
    side = next((words.month_count_ends[w] for w in atom.lowers if w in words.month_count_ends), None)
    unit = _unit(atom.doc, atom.start, before_year, words)
    count = _count(atom.doc, atom.start, before_year, words)
    if side is None or unit is None:
        return None
    if side == MONTH_START:
        first = dt.date(year, 1, 1)
        after = shift_months(first, count) if unit == "month" else None
        if after is None and unit in DAYS_IN_UNIT:
            after = first + dt.timedelta(days=count * DAYS_IN_UNIT[unit])
        return (first, after - dt.timedelta(days=1)) if after is not None else None
    last = dt.date(year, 12, 31)
    if unit == "month":
        return shift_months(dt.date(year + 1, 1, 1), -count), last
    if unit in DAYS_IN_UNIT:
        return last - dt.timedelta(days=count * DAYS_IN_UNIT[unit] - 1), last
    return None


# the labels whose day the text states, resolved with or without a base ("DAY_ONLY" is a range's end, which
# the range completes)
STATED_DAY_RESOLVERS = {
    "FULL_DATE": _month_and_day,
    "MONTH_DAY": _month_and_day,
    "ISO_DATE": _numeric_day,
    "NUMERIC_DATE": _numeric_day,
    "DAY_MONTH": _numeric_day,
    "DAY_ONLY": lambda atom: NO_INTERVAL,
}
# the labels read against the base, which must be known
RELATIVE_RESOLVERS = {
    "WEEKDAY": _day_back,
    "SAME_DAY": _day_back,
    "PREVIOUS_DAY": _day_back,
    # the day before publication until the pass over the document finds a day named before it
    "DAY_BEFORE": _day_back,
    "TWO_DAYS_BEFORE": _day_back,
    "AGO": _day_back,
    "FUTURE": lambda atom: NO_INTERVAL,
    # the day after another day the text named: set once every expression is read (dates._day_after_...)
    "NEXT_DAY": lambda atom: NO_INTERVAL,
    "OVERNIGHT": _overnight,
    "WEEKEND": _weekend,
    "ROLLING_PERIOD": _unit_period,
    "SPAN_PERIOD": _unit_period,
    "THIS_UNIT": _unit_period,
    "LAST_UNIT": _unit_period,
    "MONTH": _calendar_period,
    "BARE_MONTH": _calendar_period,
    "MONTH_YEAR": _calendar_period,
    "YEAR": _calendar_period,
    "YEAR_PART": _year_part,
}


def _day_or_none(year: int, month: int, day: int, base: dt.date | None) -> Interval:
    try:
        value = _not_after(dt.date(year, month, day), base)
    except ValueError:
        value = None
    return value, value, False


def _last_unit(unit: str | None, base: dt.date) -> Interval:
    """The calendar week, month or year before the one `base` falls in ("last month")."""
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday() + 7)
        return monday, monday + dt.timedelta(days=6), True
    if unit == "month":
        first = shift_months(base.replace(day=1), -1)
        return first, base.replace(day=1) - dt.timedelta(days=1), True
    if unit == "year":
        return dt.date(base.year - 1, 1, 1), dt.date(base.year - 1, 12, 31), True
    return None, None, True


def resolve_expression(
    doc: Doc, expression: DateExpression, published: dt.date | None, words: DateVocabulary
) -> DateValue:
    """The DateValue of one expression: a day, a period, or (unresolvable) its words only."""
    text = doc[expression.start : expression.end].text
    value = DateValue(text=text, kind=expression.label, preposition=expression.preposition)
    if expression.label == "SINCE" and expression.atom is not None:
        start, _, _ = resolve_atom(doc, *expression.atom, published, words)
        value.is_period = True
        value.period_start = start
        value.period_end = published if start is not None else None
        return value
    if expression.label == "PERIOD_TO" and expression.atom is not None:
        return _period_to(doc, expression, value, published, words)
    if expression.label == "RANGE" and expression.first is not None and expression.last is not None:
        value.is_period = True
        last_label, last_start, last_end = expression.last
        if expression.first[0] == "DAY_ONLY":
            return _day_first_range(doc, expression, value, published, words)
        if last_label == "DAY_ONLY":
            first_start, _, _ = resolve_atom(doc, *expression.first, published, words)
            if first_start is not None:
                try:
                    last_day = first_start.replace(day=int(doc[last_start].text))
                except ValueError:
                    last_day = None
                if last_day is not None and first_start <= last_day and _not_after(last_day, published):
                    value.period_start, value.period_end = first_start, last_day
            return value
        _, period_end, _ = resolve_atom(
            doc, last_label, last_start, last_end, published, words, YEARLESS_LEAD_DAYS
        )
        # the first end is read against the last ("from Dec. 28 to Jan. 3": December of the year before)
        period_start, _, _ = resolve_atom(doc, *expression.first, period_end or published, words)
        if period_start is not None and period_end is not None and period_start > period_end:
            period_start = None
        if period_start is not None and period_end is not None:
            value.period_start, value.period_end = period_start, period_end
        return value
    start, end, is_period = resolve_atom(
        doc, expression.label, expression.start, expression.end, published, words
    )
    value.is_period = is_period
    if is_period:
        if start is not None and end is not None:
            value.period_start, value.period_end = start, end
    else:
        value.date = start
    return value


def _day_first_range(
    doc: Doc, expression: DateExpression, value: DateValue, published: dt.date | None, words: DateVocabulary
) -> DateValue:
    """ "3-5 March": the first day is of the month of the last."""
    if expression.first is not None and expression.last is not None:
        last_day, _, _ = resolve_atom(doc, *expression.last, published, words)
        if last_day is not None:
            first_day = last_day.replace(day=int(doc[expression.first[1]].text))
            if first_day <= last_day:
                value.period_start, value.period_end = first_day, last_day
    return value


def _period_to(
    doc: Doc, expression: DateExpression, value: DateValue, published: dt.date | None, words: DateVocabulary
) -> DateValue:
    """ "in the week to April 28", "the year to March 2024": the period of the length named, up to the last
    day of the date named after it."""
    value.is_period = True
    label, atom_start, atom_end = expression.atom
    first, last, is_period = resolve_atom(doc, label, atom_start, atom_end, published, words)
    end = last if is_period else first
    if end is None:
        return value
    unit = _unit(doc, expression.start, atom_start, words)
    start = rolling_period_start(_count(doc, expression.start, atom_start, words), unit or "", end)
    if start is not None:
        value.period_start, value.period_end = start, end
    return value
