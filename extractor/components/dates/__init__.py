"""The date finder: date and period expressions, resolved to ISO dates against the published date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy
from spacy.attrs import LOWER, ORTH, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from extractor.components.dates.resolution import (
    latest_month_day,
    resolve_atom,
    resolve_expression,
    rolling_period_start,
)
from extractor.components.dates.values import DateExpression, DateValue
from extractor.components.dates.vocabulary import ClockTimes, DateVocabulary, build_matcher, date_vocabulary
from extractor.components.document import (
    add_warning,
    entities_in,
    lower_words,
    members,
    sentence_bounds,
    word_hashes,
)
from extractor.components.page import ReportSection, register_page_extensions, section_of
from extractor.components.serialization import set_span_list_extension
from extractor.factories import evaluated_annotations

NO_PUBLISHED_WARNING = "no published date: relative dates left unresolved"
LATER_REPORT_WARNING = (
    "a report appended under a later dateline: its dates after the document's published date left unresolved"
)
# whether the parser ran, kept per document (see _parsed)
PARSED_KEY = "briefing_extractor.parsed"

# Labels whose match is one day (or a month or year) that a range or "since" can be built on.
POINT_LABELS = frozenset(
    {"FULL_DATE", "ISO_DATE", "NUMERIC_DATE", "MONTH_DAY", "DAY_MONTH", "WEEKDAY", "SAME_DAY", "PREVIOUS_DAY",
     "DAY_BEFORE", "TWO_DAYS_BEFORE", "MONTH", "MONTH_YEAR", "YEAR", "BARE_MONTH", "AGO"}
)  # fmt: skip
# Matches that only count as dates inside a range ("from 24.02 to 12.04", "from January to March").
RANGE_ONLY_LABELS = frozenset({"DAY_MONTH", "BARE_MONTH"})
# When two matches cover the same tokens, the earlier label here wins.
LABEL_PRIORITY = (
    "FULL_DATE", "ISO_DATE", "NUMERIC_DATE", "MONTH_YEAR", "MONTH_DAY", "WEEKEND", "LAST_UNIT", "THIS_UNIT",
    "FUTURE", "TWO_DAYS_BEFORE", "PREVIOUS_DAY", "DAY_BEFORE", "NEXT_DAY", "OVERNIGHT", "SAME_DAY",
    "ROLLING_PERIOD", "SPAN_PERIOD", "AGO", "WEEKDAY", "YEAR_PART", "MONTH", "YEAR", "DAY_MONTH",
    "BARE_MONTH",
)  # fmt: skip
DATE_ENTITIES = frozenset({"DATE"})


# how many tokens before a date a page's stamp word ("updated 16:01 10.10.2017") may stand
STAMP_WORD_REACH = 3


# ---------------------------------------------------------------- finding expressions


def _has_lowercase_month(doc: Doc, start: int, end: int, words: DateVocabulary) -> bool:
    # "may" and "march" are verbs unless capitalized
    return any(t.lower_ in words.months and not t.text[0].isupper() for t in doc[start:end])


def _acceptable(doc: Doc, label: str, start: int, end: int, words: DateVocabulary) -> bool:
    if _has_lowercase_month(doc, start, end, words):
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    if label in ("ROLLING_PERIOD", "SPAN_PERIOD") and after in words.anchoring_words:
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
        lowers, shapes, orths = doc.to_array([LOWER, SHAPE, ORTH]).T
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
        digit_tokens = numpy.flatnonzero(members(shapes, digit_shapes))
        # each distinct text is tried once: a document repeats its numbers, and a Token made per number was
        # most of this step's cost
        groups_of_text: dict[int, list[int]] = {}
        for i, orth in zip(digit_tokens.tolist(), orths[digit_tokens].tolist(), strict=True):
            groups = groups_of_text.get(orth)
            if groups is None:
                text = strings[orth]
                groups = groups_of_text[orth] = [index for index, regex in regex_groups if regex.search(text)]
            for index in groups:
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
        joined = (
            _range_at(doc, atoms, i, words, floor)
            or _pair_at(doc, atoms, i, words, floor)
            or _period_to_at(doc, atoms[i], words, floor, expressions[-1].end if expressions else 0)
        )
        if joined is not None:
            expressions.append(joined)
            # past the last atom the range took: "3-5 March" ends on the atom it started from
            i = atoms.index(joined.last) + 1 if joined.last in atoms else i + 1
            continue
        i += 1
        if label in RANGE_ONLY_LABELS or _part_of_next(doc, atoms, i, words):
            continue
        expression = DateExpression(label, start, end)
        first_word = doc[start].lower_
        if label in ("MONTH", "YEAR", "YEAR_PART", "ROLLING_PERIOD", "SPAN_PERIOD") and (
            first_word in words.period_openers or first_word in words.since_words
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


def _period_to_at(
    doc: Doc, atom: tuple[str, int, int], words: DateVocabulary, floor: int, free_from: int
) -> DateExpression | None:
    """A period of a stated length up to a day: "[in] the [seven] days (to|ending) <day>" ("in the week to
    April 28", "the 24 hours to Sunday", "the year to March 2024"), from `free_from` on."""
    label, start, end = atom
    floor = max(floor, free_from)
    if label not in POINT_LABELS or label in RANGE_ONLY_LABELS or start - 3 < floor:
        return None
    if (
        doc[start - 1].lower_ not in words.period_end_joiners
        or doc[start - 2].lower_ not in words.period_units
    ):
        return None
    begin = start - 2
    before = doc[begin - 1]
    if (
        before.text.isdigit()
        or before.lower_ in words.number_words
        and before.lower_ not in words.indefinite_articles
    ):
        begin -= 1
    if begin - 1 < floor or doc[begin - 1].lower_ not in words.definite_articles:
        return None
    begin -= 1
    opener = doc[begin - 1].lower_ if begin - 1 >= floor else None
    if opener in words.period_openers:
        begin -= 1
    return DateExpression(
        "PERIOD_TO", begin, end, atom=atom, preposition=opener if opener in words.period_openers else None
    )


def _part_of_next(doc: Doc, atoms: list[tuple[str, int, int]], i: int, words: DateVocabulary) -> bool:
    """Whether the atom before atoms[i] names a part of the day atoms[i] gives ("during the night of Oct.
    8-9"): read alone, it would be the night before the base."""
    if i >= len(atoms):
        return False
    _, _, end = atoms[i - 1]
    return (
        doc[end - 1].lower_ in words.day_parts
        and end < len(doc)
        and doc[end].lower_ in words.day_part_links
        and atoms[i][1] == end + 1
    )


def _range_at(
    doc: Doc, atoms: list[tuple[str, int, int]], i: int, words: DateVocabulary, floor: int
) -> DateExpression | None:
    """A range starting with atom i: "[from|between] A (to|and|-) B", or "Dec. 1-4"; a time of day beside
    either day stays inside the range ("from 8 a.m. Friday to 8 a.m. Saturday")."""
    label, start, end = atoms[i]
    if label not in POINT_LABELS or end >= len(doc):
        return None
    clocks = words.clock_times
    lead = _clock_before(doc, start, floor, clocks)
    opener = doc[lead - 1].lower_ if lead > floor else None
    joiners = words.range_openers.get(opener or "", words.range_joiners)
    begin = lead - 1 if opener in words.range_openers else lead
    after = _clock_after(doc, end, clocks)
    if after >= len(doc) or doc[after].lower_ not in joiners:
        return None
    if i + 1 < len(atoms):
        next_label, next_start, next_end = atoms[i + 1]
        if _clock_before(doc, next_start, after + 1, clocks) == after + 1 and next_label in POINT_LABELS:
            if label in RANGE_ONLY_LABELS or next_label in RANGE_ONLY_LABELS:
                if not (label == next_label or opener in words.range_openers):
                    return None
            return DateExpression(
                "RANGE",
                begin,
                _clock_after(doc, next_end, clocks),
                first=atoms[i],
                last=atoms[i + 1],
                preposition=opener if begin < lead else None,
            )
    # "Dec. 1-4": a month-day followed by a bare day of the same month
    joiner = doc[end]
    if label == "MONTH_DAY" and joiner.text in ("-", "–") and not joiner.whitespace_ and end + 1 < len(doc):
        day = doc[end + 1]
        if re.fullmatch(r"\d{1,2}", day.text) and int(day.text) <= 31:
            return DateExpression(
                "RANGE", begin, end + 2, first=atoms[i], last=("DAY_ONLY", end + 1, end + 2)
            )
    return None


def _clock_before(doc: Doc, start: int, floor: int, clocks: ClockTimes) -> int:
    """Where a time of day right before the day at `start` begins ("8 a.m. Friday", "0800 GMT on Friday"),
    from `floor` on; `start` when there is none."""
    i = start - 1 if start - 1 >= floor and doc[start - 1].lower_ in clocks.day_links else start
    if i - 2 >= floor and clocks.is_time(doc[i - 2].lower_, doc[i - 1].lower_):
        return i - 2
    return start


def _clock_after(doc: Doc, end: int, clocks: ClockTimes) -> int:
    """Where a time of day right after the day ending at `end` ends ("Friday 8 a.m.", "Friday at 0800
    GMT"); `end` when there is none."""
    i = end + 1 if end < len(doc) and doc[end].lower_ in clocks.day_links else end
    if i + 1 < len(doc) and clocks.is_time(doc[i].lower_, doc[i + 1].lower_):
        return i + 2
    return end


def _bare_day(token: Token) -> int | None:
    """The day of the month a bare figure gives ("1" of "March 1 and 2"), or None."""
    return int(token.text) if re.fullmatch(r"\d{1,2}", token.text) and 0 < int(token.text) <= 31 else None


def _pair_joined(first: int, last: int, joiner: Token, opener: str, words: DateVocabulary) -> bool:
    """Whether a joiner makes a period of two days or months: a range's joiner ("between 3 and 5 March",
    "3-5 March"), or a list joiner between two in a row ("March 1 and 2"); days apart are a list."""
    if joiner.lower_ in words.range_openers.get(opener, words.range_joiners):
        return first < last
    return joiner.lower_ in words.list_joiners and last - first == 1


def _pair_at(
    doc: Doc, atoms: list[tuple[str, int, int]], i: int, words: DateVocabulary, floor: int
) -> DateExpression | None:
    """Two days of one month or two months written as a pair: "March 1 and 2", "between 3 and 5 March",
    "3-5 March", "in January and February"."""
    label, start, end = atoms[i]
    if label == "MONTH_DAY" and start - 2 >= floor:
        pair = _days_before_month(doc, atoms[i], words, floor)
        if pair is not None:
            return pair
    if label == "MONTH_DAY" and end + 1 < len(doc):
        return _days_after_month(doc, atoms[i], words, floor)
    if label in ("MONTH", "BARE_MONTH") and i + 1 < len(atoms):
        return _months_in_a_row(doc, atoms, i, words)
    if label == "WEEKDAY" and i + 1 < len(atoms):
        return _weekdays_in_a_row(doc, atoms, i, words)
    return None


def _weekdays_in_a_row(
    doc: Doc, atoms: list[tuple[str, int, int]], i: int, words: DateVocabulary
) -> DateExpression | None:
    """ "on Tuesday and Wednesday": two weekdays in a row joined as a list are the period from the first to
    the last, as "from Tuesday to Wednesday" is; days apart ("on Monday and Thursday") are a list."""
    _, start, end = atoms[i]
    next_label, next_start, next_end = atoms[i + 1]
    if next_label != "WEEKDAY" or next_start != end + 1 or doc[end].lower_ not in words.list_joiners:
        return None
    first, last = words.weekdays.get(doc[end - 1].lower_), words.weekdays.get(doc[next_end - 1].lower_)
    if first is None or last is None or last != (first + 1) % 7:
        return None
    return DateExpression("RANGE", start, next_end, first=atoms[i], last=atoms[i + 1])


def _days_before_month(
    doc: Doc, atom: tuple[str, int, int], words: DateVocabulary, floor: int
) -> DateExpression | None:
    """ "between 3 and 5 March", "3-5 March": the first day is read in the month written after the last."""
    _, start, end = atom
    first, last = _bare_day(doc[start - 2]), _bare_day(doc[start])
    opener = doc[start - 3].lower_ if start - 3 >= floor else ""
    if first is None or last is None or not _pair_joined(first, last, doc[start - 1], opener, words):
        return None
    begin = start - 3 if opener in words.range_openers else start - 2
    return DateExpression(
        "RANGE",
        begin,
        end,
        first=("DAY_ONLY", start - 2, start - 1),
        last=atom,
        preposition=opener if begin < start - 2 else None,
    )


def _days_after_month(
    doc: Doc, atom: tuple[str, int, int], words: DateVocabulary, floor: int
) -> DateExpression | None:
    """ "March 1 and 2", "between March 3 and 5": the last day is read in the month written before the first;
    a noun after it makes the figure a count ("on March 1 and 2 soldiers ...")."""
    _, start, end = atom
    first, last = _bare_day(doc[end - 1]), _bare_day(doc[end + 1])
    opener = doc[start - 1].lower_ if start > floor else ""
    if first is None or last is None or not _pair_joined(first, last, doc[end], opener, words):
        return None
    if end + 2 < len(doc) and doc[end + 2].pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
        return None
    begin = start - 1 if opener in words.range_openers else start
    return DateExpression(
        "RANGE",
        begin,
        end + 2,
        first=atom,
        last=("DAY_ONLY", end + 1, end + 2),
        preposition=opener if begin < start else None,
    )


def _months_in_a_row(
    doc: Doc, atoms: list[tuple[str, int, int]], i: int, words: DateVocabulary
) -> DateExpression | None:
    """ "in January and February": two months in a row are the period from the start of the first to the end
    of the last; a month under its preposition and a range's joiner ("in January-February", "in May to
    July") make one too."""
    label, start, end = atoms[i]
    next_label, next_start, next_end = atoms[i + 1]
    joiner = doc[end].lower_
    ranged = label == "MONTH" and joiner in words.range_joiners
    if next_label != "BARE_MONTH" or next_start != end + 1 or not (ranged or joiner in words.list_joiners):
        return None
    first, last = words.months.get(doc[end - 1].lower_), words.months.get(doc[next_end - 1].lower_)
    if first is None or last is None or not (ranged or last == first % 12 + 1):
        return None
    preposition = doc[start].lower_ if label == "MONTH" else None
    return DateExpression(
        "RANGE", start, next_end, first=atoms[i], last=atoms[i + 1], preposition=preposition
    )


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
    if any(c.dep_ == "mark" and c.i < span.start for c in head.children):
        return (
            False  # "said that since Friday it had killed": after the clause's own "that", the clause's day
        )
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
        # a range of days is never when something was said, wherever the parser hung its last day
        value.reporting = expression.label != "RANGE" and _hangs_on_reporting_verb(span, words)
        span._.date_value = value
        spans.append(span)
    spans.extend(_other_date_entities(doc, spans, words))
    spans.sort(key=lambda s: s.start)
    _anchor_on_statement_day(spans, published, sections)
    _day_after_the_day_before(spans, published, sections)
    return spans


def _day_after_the_day_before(
    spans: list[Span], published: dt.date | None, sections: Sequence[ReportSection] = ()
) -> None:
    """ "Gunmen killed four soldiers on Monday. Three more were killed the following day": the day after the
    last day the text named before it (in the same report), never after publication; else unresolved. "The
    army said on Saturday it killed 20 the previous day": the day before the last day named, the day of a
    statement too; with none named before, the day before publication."""
    last: tuple[dt.date, ReportSection | None] | None = None
    last_stated: tuple[dt.date, ReportSection | None] | None = None
    # "killed 4 the previous evening, the army said on Monday": the statement's own day, before or after
    statement_days = {
        sentence_bounds(span.doc, span.start)[0]: span._.date_value.date
        for span in spans
        if span._.date_value.reporting and span._.date_value.date is not None
    }
    for span in spans:
        value = span._.date_value
        section = section_of(sections, span.start_char)
        if value.kind == "NEXT_DAY" and last is not None and last[1] is section:
            base = section.published if section is not None else published
            day = last[0] + dt.timedelta(days=1)
            value.date = day if base is None or day <= base else None
        stated = (
            statement_days.get(sentence_bounds(span.doc, span.start)[0])
            if value.kind == "DAY_BEFORE"
            else None
        )
        if stated is not None:
            value.date = stated - dt.timedelta(days=1)
            value.period_start = value.period_end = None
        elif value.kind == "DAY_BEFORE" and last_stated is not None and last_stated[1] is section:
            value.date = last_stated[0] - dt.timedelta(days=1)
            value.period_start = value.period_end = None
        if value.date is not None and not value.states_published:
            last_stated = (value.date, section)
            if not value.reporting:
                last = (value.date, section)


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


# ---------------------------------------------------------------- the component


class DateFinder:
    """Leaves date expressions on `doc._.dates` (spans with `span._.date_value`).

    Reads `doc._.published`, the report sections and the text's own date mark, all of which the layout
    component (briefing_layout) decides; warns when relative dates stay unresolved for want of a date.
    """

    def __init__(self, nlp: Language, name: str = "briefing_dates"):
        self.name = name
        self.words = date_vocabulary()
        self.matcher = build_matcher(nlp.vocab, self.words.patterns)
        self.anchors = PatternAnchors.of(self.words, nlp.vocab)
        register_page_extensions()
        set_span_list_extension("dates")
        if not Span.has_extension("date_value"):
            Span.set_extension("date_value", default=None)

    def __call__(self, doc: Doc) -> Doc:
        # the published date, the sections and the text's own date mark are the layout component's
        located = doc._.published_mark
        sections = doc._.report_sections or []
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


__all__ = [
    "LATER_REPORT_WARNING",
    "NO_PUBLISHED_WARNING",
    "DateExpression",
    "DateFinder",
    "DateValue",
    "DateVocabulary",
    "PatternAnchors",
    "date_vocabulary",
    "find_atoms",
    "find_dates",
    "latest_month_day",
    "make_date_finder",
    "resolve_atom",
    "resolve_expression",
    "rolling_period_start",
]
