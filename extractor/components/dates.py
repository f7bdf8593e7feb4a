"""The date finder: date and period expressions, resolved to ISO dates against the published date."""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

import numpy
from spacy.attrs import LOWER, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractor.components.document import (
    add_warning,
    document_text,
    entities_in,
    lower_words,
    members,
    register_document_extensions,
    sentence_bounds,
    word_hashes,
)
from extractor.components.serialization import set_span_list_extension
from extractor.factories import evaluated_annotations
from extractor.vocabulary import VocabularyError, load_data, phrases, require

NO_PUBLISHED_WARNING = "no published date: relative dates left unresolved"
LATER_REPORT_WARNING = (
    "a report appended under a later dateline: its dates after the document's published date left unresolved"
)
SOURCE = "dates.json"
# a period ending on a day and month without a year up to this many days after the published date is not
# read as last year's (a single day is: "on Oct. 17" in a text of Oct. 16 looks back a year)
YEARLESS_LEAD_DAYS = 31
# whether the parser ran, kept per document (see _parsed)
PARSED_KEY = "briefing_extractor.parsed"

# Labels whose match is one day (or a month or year) that a range or "since" can be built on.
POINT_LABELS = frozenset(
    {"FULL_DATE", "ISO_DATE", "NUMERIC_DATE", "MONTH_DAY", "DAY_MONTH", "WEEKDAY", "SAME_DAY", "PREVIOUS_DAY",
     "TWO_DAYS_BEFORE", "MONTH", "MONTH_YEAR", "YEAR", "BARE_MONTH", "AGO"}
)  # fmt: skip
# Matches that only count as dates inside a range ("from 24.02 to 12.04", "from January to March").
RANGE_ONLY_LABELS = frozenset({"DAY_MONTH", "BARE_MONTH"})
# When two matches cover the same tokens, the earlier label here wins.
LABEL_PRIORITY = (
    "FULL_DATE", "ISO_DATE", "NUMERIC_DATE", "MONTH_YEAR", "MONTH_DAY", "LAST_UNIT", "THIS_UNIT", "FUTURE",
    "TWO_DAYS_BEFORE", "PREVIOUS_DAY", "OVERNIGHT", "SAME_DAY", "ROLLING_PERIOD", "SPAN_PERIOD", "AGO",
    "WEEKDAY", "MONTH", "YEAR", "DAY_MONTH", "BARE_MONTH",
)  # fmt: skip
DATE_ENTITIES = frozenset({"DATE"})
# Words after a period that tie it to some other event than the publication ("within 24 hours of the attack").
ANCHORED_ELSEWHERE = frozenset({"of", "after", "before", "later", "earlier", "from", "prior", "since"})


# how many tokens before a date a page's stamp word ("updated 16:01 10.10.2017") may stand
STAMP_WORD_REACH = 3


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


@dataclass(frozen=True)
class DateVocabulary:
    """The word lists and token patterns of extractor/data/dates.json."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    day_parts: frozenset[str]
    weekday_strictly_before: frozenset[str]
    month_modifiers: frozenset[str]
    number_words: dict[str, int]
    period_units: dict[str, str]
    period_openers: frozenset[str]
    rolling_words: frozenset[str]
    phrase_labels: dict[str, tuple[tuple[str, ...], ...]]
    range_openers: dict[str, frozenset[str]]
    range_joiners: frozenset[str]
    since_words: frozenset[str]
    point_prepositions: tuple[tuple[str, ...], ...]
    reporting_verbs: frozenset[str]
    vague_counts: frozenset[str]
    common_words: frozenset[str]
    stamp_words: frozenset[str]
    report_nouns: frozenset[str]
    patterns: tuple[tuple[str, tuple[dict[str, Any], ...]], ...] = field(repr=False)

    @classmethod
    def from_data(cls, data: dict[str, Any] | None = None) -> DateVocabulary:
        """Reads the vocabulary from `data` (default: the shipped dates.json); malformed data fails loudly."""
        data = data if data is not None else load_data("dates")
        words = {
            name: require(data, name, dict, SOURCE)
            for name in ("months", "weekdays", "weekday_abbreviations", "number_words", "period_units")
        }
        lists = {
            name: require(data, name, list, SOURCE)
            for name in (
                "day_parts", "weekday_modifiers", "weekday_strictly_before", "month_modifiers",
                "month_openers", "period_openers", "rolling_words", "range_joiners", "since_words",
                "point_prepositions", "period_prepositions", "reporting_verbs", "vague_counts",
                "common_words", "stamp_words", "report_nouns",
            )
        }  # fmt: skip
        regexes = require(data, "regexes", dict, SOURCE)
        phrase_lists = require(data, "phrases", dict, SOURCE)
        patterns = [(label, tuple(expand_pattern(p, words | lists, regexes))) for label, p in _patterns(data)]
        for label, items in phrase_lists.items():
            for phrase in items:
                patterns.append((label, tuple({"LOWER": word} for word in phrase.lower().split())))
        openers = require(data, "range_openers", dict, SOURCE)
        return cls(
            months={k.lower(): int(v) for k, v in words["months"].items()},
            weekdays={k.lower(): int(v) for k, v in words["weekdays"].items()},
            weekday_abbreviations={k.lower(): int(v) for k, v in words["weekday_abbreviations"].items()},
            day_parts=frozenset(lists["day_parts"]),
            weekday_strictly_before=frozenset(lists["weekday_strictly_before"]),
            month_modifiers=frozenset(lists["month_modifiers"]),
            number_words={k.lower(): int(v) for k, v in words["number_words"].items()},
            period_units={k.lower(): str(v) for k, v in words["period_units"].items()},
            period_openers=frozenset(lists["period_openers"]),
            rolling_words=frozenset(lists["rolling_words"]),
            phrase_labels={label: phrases(items) for label, items in phrase_lists.items()},
            range_openers={k: frozenset(v) for k, v in openers.items()},
            range_joiners=frozenset(lists["range_joiners"]),
            since_words=frozenset(lists["since_words"]),
            point_prepositions=phrases(lists["point_prepositions"]),
            reporting_verbs=frozenset(lists["reporting_verbs"]),
            vague_counts=frozenset(lists["vague_counts"]),
            common_words=frozenset(lists["common_words"]),
            stamp_words=frozenset(lists["stamp_words"]),
            report_nouns=frozenset(lists["report_nouns"]),
            patterns=tuple(patterns),
        )


def _patterns(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    entries = []
    for entry in require(data, "patterns", list, SOURCE):
        label = require(entry, "label", str, SOURCE)
        pattern = require(entry, "pattern", list, f"{SOURCE} ({label})")
        entries.append((label, pattern))
    return entries


def expand_pattern(
    pattern: list[dict[str, Any]], lists: dict[str, Any], regexes: dict[str, str]
) -> list[dict[str, Any]]:
    """A Matcher pattern with each "@name" replaced: by a word list under IN, by a regex under REGEX."""

    def expand(value: Any, key: str | None) -> Any:
        if isinstance(value, dict):
            return {k: expand(v, k) for k, v in value.items()}
        if isinstance(value, str) and value.startswith("@"):
            name = value[1:]
            if key == "REGEX":
                if name not in regexes:
                    raise VocabularyError(f"{SOURCE}: pattern names unknown regex {value!r}")
                return regexes[name]
            if name not in lists:
                raise VocabularyError(f"{SOURCE}: pattern names unknown word list {value!r}")
            return sorted(lists[name])
        return value

    return [expand(token, None) for token in pattern]


@lru_cache(maxsize=1)
def date_vocabulary() -> DateVocabulary:
    """The vocabulary shipped in extractor/data/dates.json."""
    return DateVocabulary.from_data()


def build_matcher(vocab: Vocab, patterns: Iterable[tuple[str, Sequence[dict[str, Any]]]]) -> Matcher:
    """A Matcher holding date patterns, each under its label."""
    matcher = Matcher(vocab, validate=True)
    by_label: dict[str, list[list[dict[str, Any]]]] = {}
    for label, pattern in patterns:
        by_label.setdefault(label, []).append(list(pattern))
    for label, patterns in by_label.items():
        matcher.add(label, patterns)
    return matcher


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


def month_period(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    """The days of a month, or of its early (1-10), mid (11-20) or late (21-end) part."""
    last = calendar.monthrange(year, month)[1]
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part in ("mid", "mid-"):
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part in ("late", "end", "end-"):
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, 1), dt.date(year, month, last)


def rolling_period_start(count: int, unit: str, end: dt.date) -> dt.date | None:
    """The start of the `count` `unit`s ending on `end` ("the past week": 7 days before `end`)."""
    if unit == "hour":
        return end - dt.timedelta(days=max(1, -(-count // 24)))
    days = {"day": 1, "week": 7, "fortnight": 14}.get(unit)
    if days:
        return end - dt.timedelta(days=days * count)
    if unit == "month":
        return shift_months(end, -count)
    if unit == "year":
        return shift_months(end, -12 * count)
    return None


# ---------------------------------------------------------------- dateparser, on short expressions only


@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """One dateparser for the process: a parser per published date held its own language data, and a
    long run with many dates grew in memory."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(2000, 1, 1)}
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=256)
def read_month(word: str) -> int | None:
    """dateparser's reading of a month's name as written ("Sept.", "january", "Feb"), asked once per spelling
    in lower case: a corpus spells its months a few dozen ways, so dateparser (about half a millisecond a
    call) is asked a few dozen times in a run, however many dates the run holds. The day is the number
    written beside the name, and the year comes from the text or the published date."""
    data = _date_parser().get_date_data(word)
    if data is None or data.date_obj is None or data.period != "month":
        return None
    return data.date_obj.month


# ---------------------------------------------------------------- finding expressions


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


def _has_lowercase_month(doc: Doc, start: int, end: int, words: DateVocabulary) -> bool:
    # "may" and "march" are verbs unless capitalized
    return any(t.lower_ in words.months and not t.text[0].isupper() for t in doc[start:end])


def _acceptable(doc: Doc, label: str, start: int, end: int, words: DateVocabulary) -> bool:
    if _has_lowercase_month(doc, start, end, words):
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    if label in ("ROLLING_PERIOD", "SPAN_PERIOD") and after in ANCHORED_ELSEWHERE:
        return False
    if label == "BARE_MONTH" and not doc[start].text[0].isupper():
        return False
    return True


@dataclass(frozen=True)
class AnchorGroup:
    """The date patterns that share an anchor (a word list or a regular expression), in a Matcher of their
    own, with how many tokens they may reach before and after it."""

    words: frozenset[str]
    regex: re.Pattern[str] | None
    before: int
    after: int
    matcher: Matcher = field(repr=False)


@dataclass(frozen=True)
class PatternAnchors:
    """For each date pattern one token it cannot match without, as words and regular expressions: the
    patterns anchored on a token are tried only around it, and only as far as they reach, instead of every
    pattern at every token (the Matcher's cost grows with the patterns it tries at each token)."""

    groups: tuple[AnchorGroup, ...]
    groups_of_word: dict[str, tuple[int, ...]]  # anchor word -> the groups it anchors
    digits_only: bool  # whether every regex needs a digit, so that tokens without one can be passed over

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self.groups_of_word)

    @property
    def before(self) -> int:
        """How many tokens any pattern may reach before its anchor."""
        return max(group.before for group in self.groups)

    @property
    def after(self) -> int:
        return max(group.after for group in self.groups)

    @classmethod
    def of(cls, words: DateVocabulary, vocab: Vocab) -> PatternAnchors:
        """The anchors of `words.patterns`, the patterns grouped by anchor; words in `words.common_words` are
        anchors of last resort, as too frequent to narrow the search."""
        common = words.common_words
        grouped: dict[tuple[str, Any], list[tuple[str, tuple[dict[str, Any], ...], int]]] = {}
        for label, pattern in words.patterns:
            position, (kind, value) = min(
                (
                    (i, _anchor_spec(token, common))
                    for i, token in enumerate(pattern)
                    if token.get("OP") in (None, "+", "!")
                ),
                key=lambda spec: ("words", "regex", "common").index(spec[1][0]),  # the rarest kind of token
            )
            key = ("regex", value) if kind == "regex" else ("words", frozenset(value))
            grouped.setdefault(key, []).append((label, pattern, position))
        groups = []
        groups_of_word: dict[str, tuple[int, ...]] = {}
        for index, ((kind, value), patterns) in enumerate(grouped.items()):
            groups.append(
                AnchorGroup(
                    words=frozenset() if kind == "regex" else value,
                    regex=re.compile(value) if kind == "regex" else None,
                    before=max(position for _, _, position in patterns),
                    after=max(len(pattern) - position - 1 for _, pattern, position in patterns),
                    matcher=build_matcher(vocab, [(label, pattern) for label, pattern, _ in patterns]),
                )
            )
            for word in () if kind == "regex" else value:
                groups_of_word[word] = (*groups_of_word.get(word, ()), index)
        regexes = [group.regex for group in groups if group.regex is not None]
        return cls(
            groups=tuple(groups),
            groups_of_word=groups_of_word,
            digits_only=not any(r.search(w) for r in regexes for w in ("a", "one", "may", "x", "")),
        )

    def windows(self, doc: Doc) -> list[tuple[Matcher, int, int]]:
        """(matcher, start, end): the token ranges where each group's patterns could match, merged where they
        overlap."""
        strings = doc.vocab.strings
        lowers, shapes = doc.to_array([LOWER, SHAPE]).T
        words = lower_words(doc)
        anchored: dict[int, list[int]] = {}
        for i in numpy.flatnonzero(members(lowers, word_hashes(self.words))).tolist():
            for group in self.groups_of_word[words[i]]:
                anchored.setdefault(group, []).append(i)
        # the regexes are tried on tokens whose shape allows them ("dddd", "dd.dd"), found by the shape's hash
        digit_shapes = frozenset(
            h for h in numpy.unique(shapes).tolist() if not self.digits_only or "d" in strings[h]
        )
        regex_groups = [(index, group.regex) for index, group in enumerate(self.groups) if group.regex]
        for i in numpy.flatnonzero(members(shapes, digit_shapes)).tolist():
            text = doc[i].text
            for index, regex in regex_groups:
                if regex.search(text):
                    anchored.setdefault(index, []).append(i)
        found: list[tuple[Matcher, int, int]] = []
        for index, starts in sorted(anchored.items()):
            group = self.groups[index]
            merged: list[tuple[int, int]] = []
            for i in sorted(starts):
                start, end = max(0, i - group.before), min(len(doc), i + group.after + 1)
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                else:
                    merged.append((start, end))
            found.extend((group.matcher, start, end) for start, end in merged)
        return found


def _anchor_spec(token: dict[str, Any], common: frozenset[str]) -> tuple[str, Any]:
    """("words", set) or ("common", set) for a token matched by words, ("regex", pattern) for one matched by a
    regular expression."""
    for key in ("LOWER", "TEXT", "ORTH"):
        value = token.get(key)
        if isinstance(value, str):
            found = {value.lower()}
        elif isinstance(value, dict) and "IN" in value:
            found = {str(v).lower() for v in value["IN"]}
        elif isinstance(value, dict) and "REGEX" in value:
            return "regex", value["REGEX"]
        else:
            continue
        return ("common" if found & common else "words"), found
    return "common", set()


def find_atoms(
    doc: Doc, matcher: Matcher, words: DateVocabulary, anchors: PatternAnchors | None = None
) -> list[tuple[str, int, int]]:
    """Non-overlapping pattern matches (label, start, end), longest first, then by label priority."""
    priority = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    matches = []
    windows = anchors.windows(doc) if anchors is not None else [(matcher, 0, len(doc))]
    found = [
        (match_id, offset + start, offset + end)
        for window_matcher, offset, stop in windows
        for match_id, start, end in window_matcher(doc[offset:stop])
    ]
    for match_id, start, end in found:
        label = doc.vocab.strings[match_id]
        while start < end - 1 and doc[start].is_punct:  # the comma of an absent weekday
            start += 1
        if _acceptable(doc, label, start, end, words):
            matches.append((label, start, end))
    matches.sort(key=lambda m: (-(m[2] - m[1]), priority.get(m[0], len(priority)), m[1]))
    taken: set[int] = set()
    chosen = []
    for label, start, end in matches:
        if taken.isdisjoint(range(start, end)):
            chosen.append((label, start, end))
            taken.update(range(start, end))
    chosen.sort(key=lambda m: m[1])
    return chosen


def _phrase_ending_at(doc: Doc, end: int, options: tuple[tuple[str, ...], ...], floor: int) -> int | None:
    for option in options:
        begin = end - len(option)
        if begin >= floor and tuple(lower_words(doc)[begin:end]) == option:
            return begin
    return None


def combine_atoms(doc: Doc, atoms: list[tuple[str, int, int]], words: DateVocabulary) -> list[DateExpression]:
    """Joins ranges ("from Nov. 26 to Dec. 4"), "since" and governing prepositions onto the matches."""
    expressions: list[DateExpression] = []
    i = 0
    while i < len(atoms):
        label, start, end = atoms[i]
        floor = sentence_bounds(doc, start)[0]
        joined = _range_at(doc, atoms, i, words, floor)
        if joined is not None:
            expressions.append(joined)
            i += 2 if joined.last is not None and joined.last in atoms else 1
            continue
        i += 1
        if label in RANGE_ONLY_LABELS:
            continue
        expression = DateExpression(label, start, end)
        first_word = doc[start].lower_
        if label in ("MONTH", "YEAR", "ROLLING_PERIOD", "SPAN_PERIOD") and (
            first_word in words.period_openers
            or first_word in words.since_words
            or first_word in ("in", "during")
        ):
            expression.preposition = first_word
            if first_word in words.since_words:
                expression = DateExpression(
                    "SINCE", start, end, atom=(label, start + 1, end), preposition=first_word
                )
        elif start > floor and doc[start - 1].lower_ in words.since_words and label in POINT_LABELS:
            expression = DateExpression(
                "SINCE", start - 1, end, atom=(label, start, end), preposition=doc[start - 1].lower_
            )
        elif end >= len(doc) or doc[end].lower_ not in ("'s", "’s"):
            begin = _phrase_ending_at(doc, start, words.point_prepositions, floor)
            if begin is not None and not (expressions and expressions[-1].end > begin):
                expression.preposition = doc[begin:start].text.lower()
                expression.start = begin
        expressions.append(expression)
    return expressions


def _range_at(
    doc: Doc, atoms: list[tuple[str, int, int]], i: int, words: DateVocabulary, floor: int
) -> DateExpression | None:
    """A range starting with atom i: "[from|between] A (to|and|-) B", or "Dec. 1-4"."""
    label, start, end = atoms[i]
    if label not in POINT_LABELS or end >= len(doc):
        return None
    opener = doc[start - 1].lower_ if start > floor else None
    joiners = words.range_openers.get(opener or "", words.range_joiners)
    begin = start - 1 if opener in words.range_openers else start
    joiner = doc[end]
    if joiner.lower_ not in joiners:
        return None
    if i + 1 < len(atoms):
        next_label, next_start, next_end = atoms[i + 1]
        if next_start == end + 1 and next_label in POINT_LABELS:
            if label in RANGE_ONLY_LABELS or next_label in RANGE_ONLY_LABELS:
                if not (label == next_label or opener in words.range_openers):
                    return None
            return DateExpression(
                "RANGE",
                begin,
                next_end,
                first=atoms[i],
                last=atoms[i + 1],
                preposition=opener if begin < start else None,
            )
    # "Dec. 1-4": a month-day followed by a bare day of the same month
    if label == "MONTH_DAY" and joiner.text in ("-", "–") and not joiner.whitespace_ and end + 1 < len(doc):
        day = doc[end + 1]
        if re.fullmatch(r"\d{1,2}", day.text) and int(day.text) <= 31:
            return DateExpression(
                "RANGE", begin, end + 2, first=atoms[i], last=("DAY_ONLY", end + 1, end + 2)
            )
    return None


# ---------------------------------------------------------------- resolution

Interval = tuple[dt.date | None, dt.date | None, bool]  # (start, end, is_period); a day has start == end


def _count(doc: Doc, start: int, end: int, words: DateVocabulary) -> int:
    for token in doc[start:end]:
        if token.text.isdigit():
            return int(token.text)
        if token.lower_ in words.number_words and token.lower_ not in ("a", "an"):
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


def _month_part(doc: Doc, start: int, end: int, words: DateVocabulary) -> str | None:
    for token in doc[start:end]:
        if token.lower_ in words.month_modifiers:
            return token.lower_
    return None


def _not_after(day: dt.date | None, published: dt.date | None) -> dt.date | None:
    if day is None or published is None or day <= published:
        return day
    return None


def _cap(interval_end: dt.date, published: dt.date | None) -> dt.date:
    return min(interval_end, published) if published is not None else interval_end


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
    tokens = doc[start:end]
    lowers = [t.lower_ for t in tokens]
    if label in ("FULL_DATE", "MONTH_DAY"):
        if label == "MONTH_DAY" and base is None:
            return None, None, False
        month_word = next((t.text for t in tokens if t.lower_ in words.months), None)
        day_word = next((t.text for t in tokens if re.match(r"\d{1,2}(?!\d)", t.text)), None)
        if month_word is None or day_word is None:
            return None, None, False
        # the Matcher's own table stands in for a spelling dateparser does not know
        month = read_month(month_word.lower()) or words.months[month_word.lower()]
        day_number = int(re.match(r"\d+", day_word).group())
        if label == "FULL_DATE":
            year = next(int(t.text) for t in tokens if re.fullmatch(r"\d{4}", t.text))
            try:
                day = dt.date(year, month, day_number)
            except ValueError:
                return None, None, False
        else:
            day = yearless_day(month, day_number, base, lead_days)
        day = _not_after(day, base)
        return day, day, False
    if label == "ISO_DATE":
        numbers = [int(t.text) for t in tokens if t.text.isdigit()]
        return _day_or_none(numbers[0], numbers[1], numbers[2], base)
    if label == "NUMERIC_DATE":
        d, m, y = (int(x) for x in re.split(r"[./]", tokens[0].text))
        return _day_or_none(y, m, d, base)
    if label == "DAY_MONTH":
        if base is None:
            return None, None, False
        d, m = (int(x) for x in tokens[0].text.split("."))
        day = yearless_day(m, d, base, lead_days)
        return day, day, False
    if label == "DAY_ONLY":
        return None, None, False  # completed by the range
    if base is None:
        return (
            None,
            None,
            label not in ("WEEKDAY", "SAME_DAY", "PREVIOUS_DAY", "TWO_DAYS_BEFORE", "AGO", "FUTURE"),
        )
    if label == "WEEKDAY":
        weekday = next(words.weekdays[w] for w in lowers if w in words.weekdays)
        strictly = any(w in words.weekday_strictly_before for w in lowers)
        day = latest_weekday(weekday, base, strictly)
        return day, day, False
    if label == "SAME_DAY":
        return base, base, False
    if label == "PREVIOUS_DAY":
        day = base - dt.timedelta(days=1)
        return day, day, False
    if label == "TWO_DAYS_BEFORE":
        day = base - dt.timedelta(days=2)
        return day, day, False
    if label == "OVERNIGHT":
        # the night before publication: from the previous day to the day itself
        return base - dt.timedelta(days=1), base, True
    if label == "FUTURE":
        return None, None, False
    if label in ("ROLLING_PERIOD", "SPAN_PERIOD"):
        unit = _unit(doc, start, end, words)
        bare_last = lowers[0] == "last" and len(lowers) == 2 and unit in ("week", "month", "year")
        if bare_last:
            return _last_unit(unit, base)
        if any(w in words.vague_counts for w in lowers):
            return None, None, True  # "the past few days": a period of no stated length
        period_start = rolling_period_start(_count(doc, start, end, words), unit or "", base)
        return period_start, base if period_start else None, True
    if label == "AGO":
        unit = _unit(doc, start, end, words)
        day = rolling_period_start(_count(doc, start, end, words), unit or "", base)
        return day, day, False
    if label == "THIS_UNIT":
        unit = _unit(doc, start, end, words)
        if unit == "week":
            return base - dt.timedelta(days=base.weekday()), base, True
        if unit == "month":
            return base.replace(day=1), base, True
        return base.replace(month=1, day=1), base, True
    if label == "LAST_UNIT":
        return _last_unit(_unit(doc, start, end, words), base)
    if label in ("MONTH", "BARE_MONTH"):
        month = _month_of(doc, start, end, words)
        if month is None:
            return None, None, True
        year = base.year if month <= base.month else base.year - 1
        if month == base.month and any(w in words.weekday_strictly_before for w in lowers):
            year -= 1  # "last October" said in October
        first, last = month_period(year, month, _month_part(doc, start, end, words))
        return first, _cap(last, base), True
    if label == "MONTH_YEAR":
        month = _month_of(doc, start, end, words)
        year = next(int(t.text) for t in tokens if re.fullmatch(r"\d{4}", t.text))
        first, last = month_period(year, month or 1, _month_part(doc, start, end, words))
        return (first, _cap(last, base), True) if first <= base else (None, None, True)
    if label == "YEAR":
        year = next(int(t.text) for t in tokens if re.fullmatch(r"\d{4}", t.text))
        first = dt.date(year, 1, 1)
        return (first, _cap(dt.date(year, 12, 31), base), True) if first <= base else (None, None, True)
    return None, None, False


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
    if expression.label == "RANGE" and expression.first is not None and expression.last is not None:
        value.is_period = True
        last_label, last_start, last_end = expression.last
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


def _after_stamp_word(span: Span, words: DateVocabulary) -> bool:
    """Whether a page's stamp word ("updated", "posted") stands just before the date."""
    before = span.doc[max(0, span.start - STAMP_WORD_REACH) : span.start]
    # by word, as a page's header may run into its stamp without a space: "10.10.2017(updated 16:01"
    return any(w in words.stamp_words for t in before for w in re.findall(r"[a-z]+", t.lower_))


def _hangs_on_reporting_verb(span: Span, words: DateVocabulary) -> bool:
    if not _parsed(span.doc):
        return False
    head = span.root.head
    if head.i in range(span.start, span.end):
        return False
    if head.lemma_.lower() in words.reporting_verbs:
        return True
    if head.lemma_.lower() in words.report_nouns:
        verb = head.head.head if head.dep_ == "pobj" else head.head
        return verb.lemma_.lower() in words.reporting_verbs  # "said in a statement on Tuesday"
    # "Russia said on Friday it used ...": the parser hangs the day on the reported clause, yet it stands
    # between the verb of saying and that clause's subject, so it dates the saying
    said = head.head
    if head.dep_ != "ccomp" or said.lemma_.lower() not in words.reporting_verbs or not said.i < span.start:
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and span.end <= subjects[0].left_edge.i


def _parsed(doc: Doc) -> bool:
    """Whether the parser ran: Doc.has_annotation walks every token, so it is asked once per document."""
    parsed = doc.user_data.get(PARSED_KEY)
    if parsed is None:
        parsed = doc.user_data[PARSED_KEY] = doc.has_annotation("DEP")
    return parsed


def find_dates(
    doc: Doc,
    published: dt.date | None,
    matcher: Matcher,
    words: DateVocabulary | None = None,
    anchors: PatternAnchors | None = None,
    sections: Sequence[ReportSection] = (),
) -> list[Span]:
    """Date and period expressions in `doc`, in order, each with its `span._.date_value`; with `anchors`, the
    patterns are tried only around the tokens they need. Given the report `sections`, each expression is
    read against the date of the section it stands in."""
    words = words or date_vocabulary()
    spans = []
    atoms = find_atoms(doc, matcher, words, anchors)
    for expression in combine_atoms(doc, atoms, words):
        section = section_of(sections, doc[expression.start].idx)
        base = section.published if section is not None else published
        value = resolve_expression(doc, expression, base, words)
        if base != published and _after(value, published):
            # read against a later report's dateline, but no claim is dated after its document came out
            value.date = value.period_start = value.period_end = None
            value.after_published = True
        span = Span(doc, expression.start, expression.end, label=value.kind)
        value.reporting = _hangs_on_reporting_verb(span, words)
        span._.date_value = value
        spans.append(span)
    spans.extend(_other_date_entities(doc, spans, words))
    spans.sort(key=lambda s: s.start)
    _anchor_on_statement_day(spans, published, sections)
    return spans


def _after(value: DateValue, published: dt.date | None) -> bool:
    last = value.period_end or value.date
    return published is not None and last is not None and last > published


def _anchor_on_statement_day(
    spans: list[Span], published: dt.date | None, sections: Sequence[ReportSection] = ()
) -> None:
    """ "Killed over the past 24 hours, the ministry said on Saturday", published on Sunday: the period runs
    up to the day of the statement, not to publication."""

    def base_of(span: Span) -> dt.date | None:
        section = section_of(sections, span.start_char)
        return section.published if section is not None else published

    statement_days: dict[int, dt.date] = {}
    for span in spans:
        value = span._.date_value
        base = base_of(span)
        if base is not None and value.reporting and value.date is not None and value.date < base:
            statement_days.setdefault(sentence_bounds(span.doc, span.start)[0], value.date)
    for span in spans:
        value = span._.date_value
        day = statement_days.get(sentence_bounds(span.doc, span.start)[0])
        if day is None or value.kind != "ROLLING_PERIOD" or value.period_end != base_of(span):
            continue
        length = value.period_end - value.period_start
        value.period_start, value.period_end = day - length, day


def _other_date_entities(doc: Doc, found: list[Span], words: DateVocabulary) -> list[Span]:
    """DATE entities the patterns missed that name a month or a weekday; kept as words, unresolved."""
    taken = {i for span in found for i in range(span.start, span.end)}
    extra = []
    for entity in entities_in(doc, labels=DATE_ENTITIES):
        if not taken.isdisjoint(range(entity.start, entity.end)):
            continue
        if any(
            (t.lower_ in words.months and t.text[0].isupper()) or t.lower_ in words.weekdays for t in entity
        ):
            span = Span(doc, entity.start, entity.end, label="OTHER")
            span._.date_value = DateValue(text=entity.text, kind="OTHER", is_period=False)
            extra.append(span)
    return extra


# ---------------------------------------------------------------- the published date, from the text's head


@dataclass(frozen=True)
class PublishedPatterns:
    """Regular expressions for datelines, header dates and release numbers, built from the month names."""

    dateline: re.Pattern[str]
    header_full: tuple[re.Pattern[str], ...]
    header_month_day: re.Pattern[str]
    release_number: re.Pattern[str]
    months: dict[str, int]

    @classmethod
    def build(cls, words: DateVocabulary) -> PublishedPatterns:
        names = sorted({m.rstrip(".") for m in words.months}, key=len, reverse=True)
        month = r"(?P<month>(?i:" + "|".join(map(re.escape, names)) + r"))\.?"
        day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        year = r"(?P<year>(?:19|20)\d\d)"
        # day-first forms name their groups month2/day2: one pattern may not name a group twice
        month_day = (
            rf"(?:{month}\s+{day}|{day.replace('<day>', '<day2>')}\s+{month.replace('<month>', '<month2>')})"
        )
        dateline = re.compile(
            r"(?<![\w-])[A-Z][A-Z.'\-]{2,}(?:[ ][A-Z][A-Z.'\-]+)*"  # KABUL, WASHINGTON, NEW YORK
            r"(?:,[ ]*[A-Z][A-Za-z.'\- ]{1,30}?)?"  # , Afghanistan
            rf"[ ]*(?:\([ ]*|,[ ]*){month_day}(?:,?[ ]+{year})?(?!\d)"
        )
        header_full = (
            re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
            re.compile(r"(?<![\d.])(?P<day>\d\d)\.(?P<month>\d\d)\.(?P<year>(?:19|20)\d\d)(?!\d)"),
            re.compile(rf"(?<!\w){month}\s+{day},?\s+{year}(?!\d)"),
            re.compile(rf"(?<!\w){day}\s+{month},?\s+{year}(?!\d)"),
            re.compile(
                rf"(?<!\w){month}\s*(?P<day>\d\d)(?P<year>(?:19|20)\d\d)(?!\d)"
            ),  # "Oct 082017", scraped
        )
        header_month_day = re.compile(rf"^\s*{month}\s+{day}\s*:")
        release_number = re.compile(r"(?<!\d)(?P<year>20\d\d)[-–](?P<month>\d\d)[-–][A-Z]{1,3}[-–]\d{2,4}")
        return cls(
            dateline,
            header_full,
            header_month_day,
            release_number,
            {n: words.months[n] for n in words.months},
        )

    def month_number(self, text: str) -> int:
        if text.isdigit():
            return int(text)
        lower = text.lower()
        return self.months.get(lower) or self.months[lower + "."]


@lru_cache(maxsize=1)
def published_patterns() -> PublishedPatterns:
    return PublishedPatterns.build(date_vocabulary())


HEAD_CHARACTERS = 1500  # where datelines and header dates are looked for
HEADER_LINES = 4
HEADER_LINE_CHARACTERS = 200
NOT_HEADER_BEFORE = frozenset({"on", "in", "since", "from", "until", "by", "before", "after", "of", "to"})


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _group(match: re.Match[str], name: str) -> str:
    """A dateline's month or day, whichever order it was written in."""
    return match[name] or match[name + "2"]


def _year_from_reference(reference: re.Match[str] | None, month: int) -> int | None:
    """The year of a month-day from a release number ("2009-12-CA-063"), across a new year if need be."""
    if reference is None:
        return None
    year, reference_month = int(reference["year"]), int(reference["month"])
    if reference_month == 12 and month == 1:
        return year + 1
    if reference_month == 1 and month == 12:
        return year - 1
    return year


@dataclass(frozen=True)
class PublishedDate:
    """A publication date stated in the text: the day, how it was found, and where (character offsets)."""

    date: dt.date
    source: str
    start: int
    end: int


def _header_lines(head: str) -> list[tuple[int, str]]:
    """The first non-empty lines of the head, each with its offset, cut to a header's length."""
    lines = []
    for match in re.finditer(r"[^\n]+", head):
        text = match.group()
        if text.strip():
            offset = match.start() + len(text) - len(text.lstrip())
            lines.append((offset, text.strip()[:HEADER_LINE_CHARACTERS]))
        if len(lines) == HEADER_LINES:
            break
    return lines


def locate_published(text: str, patterns: PublishedPatterns | None = None) -> PublishedDate | None:
    """The publication date stated in the head of `text` (a dateline, a header line), with its place."""
    patterns = patterns or published_patterns()
    head = text[:HEAD_CHARACTERS]
    reference = patterns.release_number.search(head)
    dateline = patterns.dateline.search(head)
    if dateline and dateline["year"]:
        month = patterns.month_number(_group(dateline, "month"))
        found = _date(int(dateline["year"]), month, int(_group(dateline, "day")))
        if found:
            return PublishedDate(found, "dateline", dateline.start(), dateline.end())
    lines = _header_lines(head)
    for offset, line in lines:
        for pattern in patterns.header_full:
            for match in pattern.finditer(line):
                before = line[: match.start()].split()
                if before and before[-1].lower() in NOT_HEADER_BEFORE:
                    continue
                found = _date(int(match["year"]), patterns.month_number(match["month"]), int(match["day"]))
                if found:
                    return PublishedDate(found, "header", offset + match.start(), offset + match.end())
    if dateline:
        month = patterns.month_number(_group(dateline, "month"))
        year = _year_from_reference(reference, month)
        found = _date(year, month, int(_group(dateline, "day"))) if year else None
        if found:
            return PublishedDate(found, "dateline", dateline.start(), dateline.end())
    for offset, line in lines[:2]:
        match = patterns.header_month_day.match(line)
        if match:
            month = patterns.month_number(match["month"])
            year = _year_from_reference(reference, month)
            found = _date(year, month, int(match["day"])) if year else None
            if found:
                return PublishedDate(found, "header", offset + match.start(), offset + match.end())
    return None


@dataclass(frozen=True)
class ReportSection:
    """A stretch of a document that is one report under its own dateline: a file can hold a release and
    an update appended to it ("---- UPDATE ... KABUL, Afghanistan (Aug. 9) - ..."). Relative dates in a
    section are read against the section's date. Offsets are characters; `dateline` is where the
    section's own dateline stands, when it has one."""

    start: int
    end: int
    published: dt.date | None
    dateline: tuple[int, int] | None = None


SECTION_REFERENCE_CHARACTERS = 400  # how far before a later dateline its release number is looked for


def _line_initial(text: str, start: int) -> bool:
    line_start = max(text.rfind("\n", 0, start), text.rfind("\u2028", 0, start)) + 1
    return not text[line_start:start].strip()


def _year_near(month: int, day: int, published: dt.date) -> int | None:
    """The year that puts a month and day nearest to `published` (a follow-up filed days after it)."""
    years = (published.year - 1, published.year, published.year + 1)
    found = [c for c in (_date(year, month, day) for year in years) if c is not None]
    return min(found, key=lambda c: abs((c - published).days)).year if found else None


def locate_sections(
    text: str, published: dt.date | None, patterns: PublishedPatterns | None = None
) -> list[ReportSection]:
    """The reports a text holds, in order: the first, from the start, dated `published`; then one for each
    later dateline that opens a line (the first dateline at the head belongs to the first report). A later
    dateline without a year takes it from a release number just before it, else the year nearest to
    `published`; a section's dateline itself is where its place and date stand."""
    patterns = patterns or published_patterns()
    sections = [ReportSection(0, len(text), published)]
    datelines = [m for m in patterns.dateline.finditer(text) if _line_initial(text, m.start())]
    for index, match in enumerate(datelines):
        if index == 0 and match.start() < HEAD_CHARACTERS:
            # the report's own dateline, whether or not it gave the published date
            sections[0] = replace(sections[0], dateline=(match.start(), match.end()))
            continue
        month = patterns.month_number(_group(match, "month"))
        day = int(_group(match, "day"))
        if match["year"]:
            year = int(match["year"])
        else:
            floor = max(sections[-1].start, match.start() - SECTION_REFERENCE_CHARACTERS)
            references = list(patterns.release_number.finditer(text, floor, match.start()))
            year = _year_from_reference(references[-1] if references else None, month)
            if year is None and published is not None:
                year = _year_near(month, day, published)
        day_published = _date(year, month, day) if year else None
        previous = sections[-1]
        sections[-1] = ReportSection(previous.start, match.start(), previous.published, previous.dateline)
        sections.append(ReportSection(match.start(), len(text), day_published, (match.start(), match.end())))
    return sections


def section_of(sections: Sequence[ReportSection], char: int) -> ReportSection | None:
    """The section that character `char` falls in."""
    index = bisect.bisect_right([s.start for s in sections], char) - 1
    return sections[index] if index >= 0 else None


def in_dateline(doc: Doc, char: int) -> bool:
    """Whether character `char` stands in a dateline ("KABUL, Afghanistan (Nov. 14, 2010) -"), which says
    where and when a report was filed."""
    return any(
        s.dateline is not None and s.dateline[0] <= char < s.dateline[1] for s in doc._.report_sections or ()
    )


def published_at(doc: Doc, char: int) -> dt.date | None:
    """The date that character `char` of `doc` was published on: its report section's, else the
    document's."""
    section = section_of(doc._.report_sections or (), char)
    return section.published if section is not None else doc._.published


def find_published(text: str, patterns: PublishedPatterns | None = None) -> tuple[dt.date, str] | None:
    """The publication date stated in the head of `text`, with how it was found ("dateline" or "header")."""
    located = locate_published(text, patterns)
    return (located.date, located.source) if located else None


# ---------------------------------------------------------------- the component


class DateFinder:
    """Leaves date expressions on `doc._.dates` (spans with `span._.date_value`).

    Reads `doc._.published`; when the caller gave none, looks for it in the text's dateline or
    header and sets `doc._.published` and `doc._.published_source`, or warns that relative dates
    stay unresolved.
    """

    def __init__(self, nlp: Language, name: str = "briefing_dates"):
        self.name = name
        self.words = date_vocabulary()
        self.matcher = build_matcher(nlp.vocab, self.words.patterns)
        self.anchors = PatternAnchors.of(self.words, nlp.vocab)
        register_document_extensions()
        set_span_list_extension("dates")
        if not Span.has_extension("date_value"):
            Span.set_extension("date_value", default=None)

    def __call__(self, doc: Doc) -> Doc:
        located = locate_published(document_text(doc))
        if doc._.published is None:
            if located is not None:
                doc._.published, doc._.published_source = located.date, located.source
            elif doc._.fallback_published is not None:
                # a date in the file name or a page's guessed date: weaker than the text's own dateline
                source = doc._.fallback_published_source or "filename"
                doc._.published, doc._.published_source = doc._.fallback_published, source
        sections = locate_sections(document_text(doc), doc._.published)
        if located is not None and located.source == "dateline":
            sections[0] = replace(sections[0], dateline=(located.start, located.end))
        doc._.report_sections = sections
        doc._.dates = find_dates(doc, doc._.published, self.matcher, self.words, self.anchors, sections)
        if doc._.published is None and any(
            s._.date_value is not None and not s._.date_value.resolved for s in doc._.dates
        ):
            # said only when the text has a date that a publication date would have resolved
            add_warning(doc, NO_PUBLISHED_WARNING)
        # the dateline or header date says when the text came out, not when anything happened
        datelines = [s.dateline for s in sections if s.dateline is not None]
        if located is not None:
            datelines.append((located.start, located.end))
        stamp = (located.start, located.end) if located is not None and located.source == "header" else None
        for span in doc._.dates:
            if any(span.start_char < end and start < span.end_char for start, end in datelines):
                span._.date_value.states_published = True
                span._.date_value.page_stamp = stamp is not None and (
                    span.start_char < stamp[1] and stamp[0] < span.end_char
                )
            elif _after_stamp_word(span, self.words):
                # "(updated 16:01 10.10.2017)", "Published: 3 May 2019": when the page changed, not the story
                span._.date_value.states_published = span._.date_value.page_stamp = True
        if any(s._.date_value.after_published and not s._.date_value.states_published for s in doc._.dates):
            add_warning(doc, LATER_REPORT_WARNING)
        return doc


@evaluated_annotations
@Language.factory("briefing_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    """The date finder as a pipeline component."""
    return DateFinder(nlp, name)
