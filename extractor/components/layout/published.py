"""The date a text states for itself (a dateline, a header line) and the reports it holds, each under its
own dateline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extractor.components.page import PublishedDate, ReportSection
from extractor.vocabulary import load_data, month_spellings, require


@dataclass(frozen=True)
class PublishedPatterns:
    """Regular expressions for datelines, header dates and release numbers, built from the month names."""

    dateline: re.Pattern[str]
    header_full: tuple[re.Pattern[str], ...]
    header_month_day: re.Pattern[str]
    release_number: re.Pattern[str]
    months: dict[str, int]

    @classmethod
    def build(cls, months: dict[str, int]) -> PublishedPatterns:
        names = sorted({m.rstrip(".") for m in months}, key=len, reverse=True)
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
            dict(months),
        )

    def month_number(self, text: str) -> int:
        if text.isdigit():
            return int(text)
        lower = text.lower()
        return self.months.get(lower) or self.months[lower + "."]


@lru_cache(maxsize=1)
def published_patterns() -> PublishedPatterns:
    return PublishedPatterns.build(month_spellings())


HEAD_CHARACTERS = 1500  # where datelines and header dates are looked for
HEADER_LINES = 4
HEADER_LINE_CHARACTERS = 200
NOT_HEADER_BEFORE = frozenset(require(load_data("dates"), "not_header_before", list, "dates.json"))


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


def find_published(text: str, patterns: PublishedPatterns | None = None) -> tuple[dt.date, str] | None:
    """The publication date stated in the head of `text`, with how it was found ("dateline" or "header")."""
    located = locate_published(text, patterns)
    return (located.date, located.source) if located else None
