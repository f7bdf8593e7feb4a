"""The date finder's word lists and token patterns, read from extractor/data/dates.json."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from extractor.vocabulary import VocabularyError, load_data, month_spellings, phrases, require

SOURCE = "dates.json"


# the sections of dates.json that map a word to what it stands for
WORD_TABLES = (
    "weekdays", "weekday_abbreviations", "number_words", "period_units", "month_count_ends",
    "month_parts", "year_parts", "year_part_deictics",
)  # fmt: skip


@dataclass(frozen=True)
class ClockTimes:
    """How a time of day is written beside a day: "8 a.m.", "0800 GMT" (dates.json, clock_times)."""

    hour: re.Pattern[str]
    meridiem_words: frozenset[str]
    military: re.Pattern[str]
    zone_words: frozenset[str]
    day_links: frozenset[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ClockTimes:
        source = f"{SOURCE} (clock_times)"
        return cls(
            hour=re.compile(require(data, "hour", str, source)),
            meridiem_words=frozenset(require(data, "meridiem_words", list, source)),
            military=re.compile(require(data, "military", str, source)),
            zone_words=frozenset(require(data, "zone_words", list, source)),
            day_links=frozenset(require(data, "day_links", list, source)),
        )

    def is_time(self, first: str, second: str) -> bool:
        """Whether two words in lower case are a time of day ("8", "a.m."; "0800", "gmt")."""
        if second in self.meridiem_words:
            return self.hour.fullmatch(first) is not None
        return second in self.zone_words and self.military.fullmatch(first) is not None


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
    list_joiners: frozenset[str]
    since_words: frozenset[str]
    point_prepositions: tuple[tuple[str, ...], ...]
    reporting_verbs: frozenset[str]
    vague_counts: frozenset[str]
    common_words: frozenset[str]
    stamp_words: frozenset[str]
    report_nouns: frozenset[str]
    anchoring_words: frozenset[str]
    indefinite_articles: frozenset[str]
    calendar_last_words: frozenset[str]
    day_part_links: frozenset[str]
    month_parts: dict[str, Any]
    month_count_ends: dict[str, str]
    year_parts: dict[str, tuple[int, int]]
    year_part_deictics: dict[str, int]
    period_end_joiners: frozenset[str]
    definite_articles: frozenset[str]
    clock_times: ClockTimes
    patterns: tuple[tuple[str, tuple[dict[str, Any], ...]], ...] = field(repr=False)

    @classmethod
    def from_data(cls, data: dict[str, Any] | None = None) -> DateVocabulary:
        """Reads the vocabulary from `data` (default: the shipped dates.json); malformed data fails loudly."""
        data = data if data is not None else load_data("dates")
        words = {n: require(data, n, dict, SOURCE) for n in WORD_TABLES} | {"months": month_spellings()}
        lists = {
            name: require(data, name, list, SOURCE)
            for name in (
                "day_parts", "weekday_modifiers", "weekday_strictly_before", "month_modifiers",
                "month_openers", "period_openers", "rolling_words", "range_joiners", "list_joiners",
                "since_words", "month_span_words", "month_ends", "month_end_prepositions",
                "point_prepositions", "period_prepositions", "reporting_verbs", "vague_counts",
                "common_words", "stamp_words", "report_nouns",
                "anchoring_words", "indefinite_articles", "calendar_last_words", "day_part_links",
                "year_part_words", "period_end_joiners", "definite_articles",
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
            months=words["months"],
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
            list_joiners=frozenset(lists["list_joiners"]),
            since_words=frozenset(lists["since_words"]),
            point_prepositions=phrases(lists["point_prepositions"]),
            reporting_verbs=frozenset(lists["reporting_verbs"]),
            vague_counts=frozenset(lists["vague_counts"]),
            common_words=frozenset(lists["common_words"]),
            stamp_words=frozenset(lists["stamp_words"]),
            report_nouns=frozenset(lists["report_nouns"]),
            anchoring_words=frozenset(lists["anchoring_words"]),
            indefinite_articles=frozenset(lists["indefinite_articles"]),
            calendar_last_words=frozenset(lists["calendar_last_words"]),
            day_part_links=frozenset(lists["day_part_links"]),
            month_parts={
                k.lower(): v if isinstance(v, list) else str(v) for k, v in words["month_parts"].items()
            },
            month_count_ends={k.lower(): str(v) for k, v in words["month_count_ends"].items()},
            year_parts={k.lower(): (int(v[0]), int(v[1])) for k, v in words["year_parts"].items()},
            year_part_deictics={k.lower(): int(v) for k, v in words["year_part_deictics"].items()},
            period_end_joiners=frozenset(lists["period_end_joiners"]),
            definite_articles=frozenset(lists["definite_articles"]),
            clock_times=ClockTimes.from_data(require(data, "clock_times", dict, SOURCE)),
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


def build_matcher(
    vocab: Vocab, patterns: Iterable[tuple[str, Sequence[dict[str, Any]]]], validate: bool = False
) -> Matcher:
    """A Matcher holding date patterns, each under its label. Checking each pattern against spaCy's schema
    (`validate`) took a sixth of the pipeline's load; the tests check the shipped patterns that way."""
    matcher = Matcher(vocab, validate=validate)
    by_label: dict[str, list[list[dict[str, Any]]]] = {}
    for label, pattern in patterns:
        by_label.setdefault(label, []).append(list(pattern))
    for label, patterns in by_label.items():
        matcher.add(label, patterns)
    return matcher
