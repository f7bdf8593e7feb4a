"""The claim ledger: each claimant's figures across reports, merged and checked for contradictions."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from extractor.models import Claim, DocumentRecord
from extractor.writers import atomic_file, write_json_file

UNATTRIBUTED = "unattributed"

#: the checks, in the order of the CSV columns; each is a boolean column with its reasons in `reasons`
FLAGS = ("cumulative_drop", "delta_mismatch", "period_exceeds_cumulative", "conflicting_values")

#: claim kinds followed by default; `other` numbers are not military counts (OUTPUT.md)
DEFAULT_KINDS = ("sorties", "strikes", "targets", "casualties")

#: labels that do not tell one counted thing from another: series of the kinds that count things (not
#: sorties and strikes, which have no label) are kept apart by wording under them
VAGUE_LABELS = (None, "other")
WORDED_KINDS = ("targets", "casualties")

#: exit codes, the same as the `extract` command's
EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2

FORMATS = ("csv", "json")

CSV_COLUMNS = (
    "series",
    "claimant",
    "kind",
    "category_label",
    "category",
    "effect",
    "time",
    "date",
    "period_start",
    "period_end",
    "value",
    "value_max",
    "approximate",
    "cumulative",
    "delta",
    "reports",
    "doc_ids",
    "sources",
    "published",
    "claim_ids",
    "evidence",
    *FLAGS,
    "flagged",
    "reasons",
)


@dataclass(frozen=True, order=True)
class SeriesKey:
    """Who claims what: the figures of one series are comparable with each other."""

    claimant: str
    kind: str
    category_label: str | None
    effect: str | None
    #: the counted thing as worded, when the label alone would put different things together
    category: str | None = None

    @property
    def name(self) -> str:
        """A readable name: `Ministry of Defence · targets · tank · destroyed`."""
        label = self.category_label or ""
        if self.category:
            label = f"{label}: {self.category}" if label else self.category
        return " · ".join(part for part in (self.claimant, self.kind, label, self.effect) if part)


@dataclass(frozen=True)
class Report:
    """One document's statement of a point."""

    doc_id: str
    source: str | None
    published: dt.date | None
    claim_id: str
    speaker: str | None
    category: str | None
    location: str | None
    delta: int | None
    approximate: bool
    cumulative: bool
    evidence_text: str
    evidence_start: int
    evidence_end: int
    evidence_sentence: str

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "published": _iso(self.published),
            "claim_id": self.claim_id,
            "speaker": self.speaker,
            "category": self.category,
            "location": self.location,
            "delta": self.delta,
            "approximate": self.approximate,
            "cumulative": self.cumulative,
            "evidence": {
                "text": self.evidence_text,
                "start": self.evidence_start,
                "end": self.evidence_end,
                "sentence": self.evidence_sentence,
            },
        }


@dataclass
class Point:
    """One figure of a series at one time, with every report of it and the checks it failed."""

    series: SeriesKey
    value: int
    value_max: int | None
    date: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    #: the date, else the period's end, else the first reporting document's published date
    time: dt.date | None
    reports: list[Report] = field(default_factory=list)
    flags: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(FLAGS, False))
    reasons: list[str] = field(default_factory=list)

    @property
    def cumulative(self) -> bool:
        return any(report.cumulative for report in self.reports)

    @property
    def approximate(self) -> bool:
        return any(report.approximate for report in self.reports)

    @property
    def delta(self) -> int | None:
        """The change since the last report, as the first report that gives one states it."""
        return next((report.delta for report in self.reports if report.delta is not None), None)

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(report.doc_id for report in self.reports))

    @property
    def locations(self) -> set[str]:
        return {report.location.casefold() for report in self.reports if report.location}

    @property
    def flagged(self) -> bool:
        return any(self.flags.values())

    @property
    def dated(self) -> bool:
        """True when the text itself gives a date or period (not only the document's published date)."""
        return any(day is not None for day in (self.date, self.period_start, self.period_end))

    @property
    def upper(self) -> int:
        """The largest value the point allows (a range's upper bound)."""
        return self.value_max if self.value_max is not None else self.value

    def flag(self, name: str, reason: str) -> None:
        self.flags[name] = True
        if reason not in self.reasons:
            self.reasons.append(reason)

    def describe(self) -> str:
        """`about 1200 on 2022-04-12`, for reasons."""
        return f"{_figure(self)} {_when(self)}"

    def row(self) -> dict[str, Any]:
        """One CSV row."""
        row: dict[str, Any] = {
            "series": self.series.name,
            "claimant": self.series.claimant,
            "kind": self.series.kind,
            "category_label": self.series.category_label,
            "category": self.series.category
            or "; ".join(dict.fromkeys(r.category for r in self.reports if r.category)),
            "effect": self.series.effect,
            **self._figures(),
            "reports": len(self.reports),
            "doc_ids": "; ".join(self.doc_ids),
            "sources": "; ".join(dict.fromkeys(r.source for r in self.reports if r.source)),
            "published": "; ".join(dict.fromkeys(_iso(r.published) for r in self.reports if r.published)),
            "claim_ids": "; ".join(r.claim_id for r in self.reports),
            "evidence": " | ".join(r.evidence_text for r in self.reports),
        }
        row.update(self.flags)
        row["flagged"] = self.flagged
        row["reasons"] = "; ".join(self.reasons)
        return row

    def _figures(self) -> dict[str, Any]:
        """When and how much: the fields the CSV row and the JSON point share."""
        return {
            "time": _iso(self.time),
            "date": _iso(self.date),
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
            "value": self.value,
            "value_max": self.value_max,
            "approximate": self.approximate,
            "cumulative": self.cumulative,
            "delta": self.delta,
        }

    def to_json_dict(self) -> dict[str, Any]:
        return {
            **self._figures(),
            "doc_ids": self.doc_ids,
            "flags": dict(self.flags),
            "flagged": self.flagged,
            "reasons": list(self.reasons),
            "reports": [report.to_json_dict() for report in self.reports],
        }


@dataclass
class Series:
    key: SeriesKey
    points: list[Point] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "series": self.key.name,
            "claimant": self.key.claimant,
            "kind": self.key.kind,
            "category_label": self.key.category_label,
            "category": self.key.category,
            "effect": self.key.effect,
            "points": [point.to_json_dict() for point in self.points],
        }


@dataclass
class Ledger:
    """Series of points, each point checked; and what was left out on the way."""

    series: list[Series] = field(default_factory=list)
    documents: int = 0
    claims: int = 0
    #: claims with no number (a quantifier only): nothing to follow
    claims_without_value: int = 0
    #: claims of kinds not followed (by default `other`)
    claims_of_other_kinds: int = 0
    #: claims that restate another or are a part of another's total: the figure is the other claim's point
    claims_restating_or_parts: int = 0
    #: doc_ids read a second time with the same text; their claims are counted once
    repeated_documents: list[str] = field(default_factory=list)

    def points(self) -> Iterator[Point]:
        for series in self.series:
            yield from series.points

    def flag_counts(self) -> dict[str, int]:
        return {name: sum(point.flags[name] for point in self.points()) for name in FLAGS}

    def rows(self) -> list[dict[str, Any]]:
        """One dict per point, with the columns of `CSV_COLUMNS`."""
        return [point.row() for point in self.points()]

    def summary(self) -> dict[str, Any]:
        points = list(self.points())
        return {
            "documents": self.documents,
            "claims": self.claims,
            "claims_without_value": self.claims_without_value,
            "claims_of_other_kinds": self.claims_of_other_kinds,
            "claims_restating_or_parts": self.claims_restating_or_parts,
            "repeated_documents": list(self.repeated_documents),
            "series": len(self.series),
            "points": len(points),
            "merged_points": sum(len(point.doc_ids) > 1 for point in points),
            "flagged_points": sum(point.flagged for point in points),
            "flags": self.flag_counts(),
        }

    def to_json_dict(self) -> dict[str, Any]:
        return {"summary": self.summary(), "series": [series.to_json_dict() for series in self.series]}


def build_ledger(records: Iterable[DocumentRecord | dict], *, kinds: Iterable[str] = DEFAULT_KINDS) -> Ledger:
    """The ledger of the claims in `records` (models, or dicts as `extract` writes them, validated here:
    a dict that does not validate raises pydantic's ValidationError)."""
    ledger = Ledger()
    entries = _entries(records, set(kinds), ledger)
    split = _labels_used_for_two_things(entries)
    points: dict[tuple, Point] = {}
    for key, claim, report, time in entries:
        if (key.category_label in VAGUE_LABELS and key.kind in WORDED_KINDS) or key in split:
            key = SeriesKey(*_astuple(key)[:4], category=_normal(claim.category) or None)
        identity = (key, claim.value, claim.value_max, claim.date, claim.period_start, claim.period_end, time)
        point = points.get(identity)
        if point is None:
            point = points[identity] = Point(
                series=key,
                value=claim.value,  # type: ignore[arg-type]  # claims without a value were left out
                value_max=claim.value_max,
                date=claim.date,
                period_start=claim.period_start,
                period_end=claim.period_end,
                time=time,
            )
        if not any(r.doc_id == report.doc_id and r.claim_id == report.claim_id for r in point.reports):
            point.reports.append(report)

    by_series: dict[SeriesKey, list[Point]] = defaultdict(list)
    for point in points.values():
        by_series[point.series].append(point)
    for key in sorted(by_series, key=lambda k: tuple("" if part is None else part for part in _astuple(k))):
        series = Series(key, sorted(by_series[key], key=_point_order))
        check_series(series)
        ledger.series.append(series)
    return ledger


def _entries(
    records: Iterable[DocumentRecord | dict], followed: set[str], ledger: Ledger
) -> list[tuple[SeriesKey, Claim, Report, dt.date | None]]:
    """Each followed claim with its series, its report and its time; a document seen before, and claims
    the ledger does not follow, are counted on `ledger` and left out."""
    seen: set[tuple[str, str]] = set()
    entries: list[tuple[SeriesKey, Claim, Report, dt.date | None]] = []
    for item in records:
        record = item if isinstance(item, DocumentRecord) else DocumentRecord.model_validate(item)
        if (record.doc_id, record.content_sha256) in seen:
            ledger.repeated_documents.append(record.doc_id)
            continue
        seen.add((record.doc_id, record.content_sha256))
        ledger.documents += 1
        for claim in record.claims:
            ledger.claims += 1
            if _followed(claim, followed, ledger):
                key = SeriesKey(claimant_of(record, claim), claim.kind, claim.category_label, claim.effect)
                entries.append(
                    (key, claim, _report(record, claim), claim.date or claim.period_end or record.published)
                )
    return entries


def _followed(claim: Claim, followed: set[str], ledger: Ledger) -> bool:
    """Whether a claim goes into a series: of a followed kind, with a value, neither a restatement nor a
    part of another figure (each left out is counted)."""
    if claim.kind not in followed:
        ledger.claims_of_other_kinds += 1
    elif claim.value is None:
        ledger.claims_without_value += 1
    elif claim.restates is not None or claim.part_of is not None:
        ledger.claims_restating_or_parts += 1
    else:
        return True
    return False


def _report(record: DocumentRecord, claim: Claim) -> Report:
    return Report(
        doc_id=record.doc_id,
        source=record.source,
        published=record.published,
        claim_id=claim.claim_id,
        speaker=claim.speaker,
        category=claim.category,
        location=claim.location,
        delta=claim.delta,
        approximate=claim.approximate,
        cumulative=claim.cumulative,
        evidence_text=claim.evidence.text,
        evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end,
        evidence_sentence=claim.evidence.sentence,
    )


def claimant_of(record: DocumentRecord, claim: Claim) -> str:
    """The speaker's organization, else the speaker's name, else the first body the document names as a
    speaker, else `unattributed`."""
    speakers = {speaker.id: speaker for speaker in record.speakers}
    speaker = speakers.get(claim.speaker_id) if claim.speaker_id else None
    if speaker is not None:
        name = speaker.organization or speaker.name
    else:
        name = next((s.name for s in record.speakers if s.kind == "organization"), None)
    name = " ".join((name or "").split())
    return name or UNATTRIBUTED


def _labels_used_for_two_things(entries: list[tuple[SeriesKey, Claim, Report, dt.date | None]]) -> set:
    """Series keys whose label one document gives to two differently worded things for the same time (a
    losses list with 'vehicles' and 'special equipment' both labelled `vehicle`): those series are kept
    apart by wording, or each list would read as two values for one day."""
    wordings: dict[tuple, set[str]] = defaultdict(set)
    for key, claim, report, time in entries:
        when = (report.cumulative, claim.date, claim.period_start, claim.period_end, time)
        wordings[(key, report.doc_id, when)].add(_normal(claim.category))
    return {key for (key, _, _), words in wordings.items() if len(words) > 1}


# -- checks ---------------------------------------------------------------------------------------------


def check_series(series: Series) -> None:
    """Sets the flags and reasons of the points of one series (points sorted by time)."""
    _check_reports_agree_on_delta(series)
    _check_cumulative_drops(series)
    _check_deltas(series)
    _check_period_against_cumulative(series)
    _check_conflicting_values(series)


def _comparable_totals(point: Point, totals: list[Point]) -> list[Point]:
    """Running totals counted from the same start (or an unknown one) as `point`."""
    return [
        total
        for total in totals
        if total is not point
        and (
            point.period_start is None
            or total.period_start is None
            or total.period_start == point.period_start
        )
    ]


def _timed_totals(series: Series) -> list[Point]:
    return [point for point in series.points if point.cumulative and point.time is not None]


def _check_reports_agree_on_delta(series: Series) -> None:
    for point in series.points:
        deltas = {r.delta for r in point.reports if r.delta is not None}
        if len(deltas) > 1:
            stated = ", ".join(
                f"{_signed(r.delta)} ({r.doc_id})" for r in point.reports if r.delta is not None
            )
            point.flag(
                "delta_mismatch", f"the reports of {point.describe()} give different changes: {stated}"
            )


def _check_cumulative_drops(series: Series) -> None:
    totals = _timed_totals(series)
    for point in totals:
        earlier = [t for t in _comparable_totals(point, totals) if t.time < point.time]  # type: ignore[operator]
        if not earlier:
            continue
        highest = max(earlier, key=lambda t: (t.value, t.time))
        if point.upper < highest.value:
            point.flag(
                "cumulative_drop",
                f"the running total {point.describe()} is lower than {highest.describe()} ({_docs(highest)})",
            )


def _check_deltas(series: Series) -> None:
    """A stated change must be the difference from the previous total; when the previous total in the
    ledger is more than a day older, reports in between may be missing, so the change (one report's worth)
    can only be checked not to exceed the rise over the whole gap."""
    totals = _timed_totals(series)
    for point in totals:
        if point.delta is None:
            continue
        earlier = [t for t in _comparable_totals(point, totals) if t.time < point.time]  # type: ignore[operator]
        if not earlier:
            continue
        last_time = max(t.time for t in earlier)  # type: ignore[type-var]
        previous = [t for t in earlier if t.time == last_time]
        gap = (point.time - last_time).days  # type: ignore[operator]
        differences = [point.value - t.value for t in previous]
        if gap <= 1:
            if point.delta not in differences:
                point.flag(
                    "delta_mismatch",
                    f"the stated change {_signed(point.delta)} with {point.describe()} does not match the "
                    f"difference from {_alternatives(previous)} ({_signed(differences[0])})",
                )
        elif all(point.delta > difference for difference in differences):
            point.flag(
                "delta_mismatch",
                f"the stated change {_signed(point.delta)} with {point.describe()} is more than the total "
                f"rose in {gap} days since {_alternatives(previous)} ({_signed(differences[0])})",
            )


def _check_period_against_cumulative(series: Series) -> None:
    totals = _timed_totals(series)
    for point in series.points:
        if point.cumulative or not point.dated:
            continue
        start = point.period_start or point.date
        end = point.period_end or point.date or point.time
        covering = [
            total
            for total in totals
            if total.time >= end  # type: ignore[operator]
            and (total.period_start is None or start is None or total.period_start <= start)
        ]
        if not covering:
            continue
        smallest = min(covering, key=lambda t: (t.upper, t.time))
        if point.value > smallest.upper:
            point.flag(
                "period_exceeds_cumulative",
                f"the figure {point.describe()} is larger than the running total {smallest.describe()} "
                f"that covers it ({_docs(smallest)})",
            )


def _check_conflicting_values(series: Series) -> None:
    same_time: dict[tuple, list[Point]] = defaultdict(list)
    for point in series.points:
        # a figure with no date of its own could be for any period: only running totals (as of their
        # publication) and dated figures are compared
        if point.time is None or not (point.cumulative or point.dated):
            continue
        when = (point.cumulative, point.date, point.period_start, point.period_end, point.time)
        same_time[when].append(point)
    for points in same_time.values():
        for point in points:
            others = [
                other
                for other in points
                if other is not point
                and (other.value, other.value_max) != (point.value, point.value_max)
                # figures for different named places are not two values for one thing
                and not (point.locations and other.locations and not point.locations & other.locations)
            ]
            if others:
                given = ", ".join(f"{_figure(other)} ({_docs(other)})" for other in others)
                point.flag(
                    "conflicting_values",
                    f"{series.key.claimant} gave {_figure(point)} ({_docs(point)}) and also {given} "
                    f"{_when(point)}",
                )


# -- wording --------------------------------------------------------------------------------------------


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _normal(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _astuple(key: SeriesKey) -> tuple:
    return (key.claimant, key.kind, key.category_label, key.effect, key.category)


def _point_order(point: Point) -> tuple:
    far = dt.date.max
    return (
        point.time or far,
        point.period_start or point.date or far,
        not point.cumulative,
        point.value,
        point.value_max or 0,
    )


def _figure(point: Point) -> str:
    value = f"{point.value}-{point.value_max}" if point.value_max is not None else str(point.value)
    return f"about {value}" if point.approximate else value


def _when(point: Point) -> str:
    if point.cumulative and point.time is not None and point.date is None:
        return f"as of {point.time}"  # a running total: its start is the same across the series
    if point.date is not None:
        return f"on {point.date}"
    if point.period_start is not None and point.period_end is not None:
        return f"for {point.period_start} to {point.period_end}"
    if point.period_start is not None:
        return f"since {point.period_start} (as of {point.time})"
    if point.time is not None:
        return f"as of {point.time}"
    return "at an unknown time"


def _docs(point: Point) -> str:
    return ", ".join(point.doc_ids)


def _signed(number: int) -> str:
    return f"{number:+d}"


def _alternatives(points: list[Point]) -> str:
    return " or ".join(point.describe() for point in points)


# -- reading runs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputProblem:
    """A line or file of the input that could not be used."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


def read_records(inputs: Iterable[Path], problems: list[InputProblem]) -> Iterator[DocumentRecord]:
    """The valid records of JSONL files, JSON files (one record or a list) and folders of them (`extract
    --out-dir`), `-` for standard input; each bad line or file is appended to `problems` and skipped."""
    for path in inputs:
        if str(path) == "-":
            yield from _read_jsonl(sys.stdin.buffer, "-", problems)
        elif path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".jsonl")
            )
            if not files:
                problems.append(InputProblem(str(path), None, "the folder holds no .json or .jsonl files"))
            for file in files:
                yield from _read_file(file, problems)
        else:
            yield from _read_file(path, problems)


def _read_file(path: Path, problems: list[InputProblem]) -> Iterator[DocumentRecord]:
    try:
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(path.read_text(encoding="utf-8-sig"))
            except (ValueError, UnicodeDecodeError) as err:
                problems.append(InputProblem(str(path), None, f"not valid JSON: {err}"))
                return
            items = data if isinstance(data, list) else [data]
            for number, item in enumerate(items, 1):
                record = _validate(item, str(path), number if isinstance(data, list) else None, problems)
                if record is not None:
                    yield record
            return
        with open(path, "rb") as handle:
            yield from _read_jsonl(handle, str(path), problems)
    except OSError as err:
        problems.append(InputProblem(str(path), None, f"cannot read: {err.strerror or err}"))


def _read_jsonl(handle: IO[bytes], name: str, problems: list[InputProblem]) -> Iterator[DocumentRecord]:
    for number, raw in enumerate(handle, 1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            problems.append(InputProblem(name, number, f"not UTF-8: {err.reason}"))
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError as err:
            problems.append(InputProblem(name, number, f"invalid JSON: {err}"))
            continue
        record = _validate(data, name, number, problems)
        if record is not None:
            yield record


def _validate(
    data: Any, name: str, number: int | None, problems: list[InputProblem]
) -> DocumentRecord | None:
    if not isinstance(data, dict):
        problems.append(InputProblem(name, number, f"not a document record (a JSON {type(data).__name__})"))
        return None
    try:
        return DocumentRecord.model_validate(data)
    except ValidationError as err:
        errors = err.errors()
        first = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or 'record'}: {e['msg']}" for e in errors[:3]
        )
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        doc = f" {data.get('doc_id')!r}" if isinstance(data.get("doc_id"), str) else ""
        problems.append(InputProblem(name, number, f"record{doc} does not validate: {first}{more}"))
        return None


# -- writing --------------------------------------------------------------------------------------------


def write_csv(ledger: Ledger, path: Path | None) -> None:
    """One row per point (None: standard output), written atomically."""
    if path is None:
        _write_rows(ledger, sys.stdout)
        return
    with atomic_file(path, "w", encoding="utf-8", newline="") as handle:
        _write_rows(ledger, handle)


def _write_rows(ledger: Ledger, handle: IO[str]) -> None:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(ledger.rows())


def write_json(ledger: Ledger, path: Path | None) -> None:
    """The whole ledger as one indented JSON document (None: standard output), written atomically."""
    if path is None:
        json.dump(ledger.to_json_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    write_json_file(path, ledger.to_json_dict())


# -- the command ------------------------------------------------------------------------------------------


def run_ledger(
    inputs: list[Path], output: Path | None, fmt: str | None = None, plot_dir: Path | None = None
) -> int:
    """`briefing-extractor ledger`: reads runs, writes the ledger as CSV or JSON (`fmt` None: from the
    output's suffix; `output` None or `-`: standard output) and, with `plot_dir`, one chart per series.
    Messages go to stderr. Returns the exit code: 0, 1 when some input lines were bad (each reported with
    file and line, and skipped) or an output could not be written, 2 for bad usage."""
    if output is not None and str(output) == "-":
        output = None
    if fmt is None:
        fmt = "json" if output is not None and output.suffix.lower() == ".json" else "csv"
    if fmt not in FORMATS:
        _say(f"error: unknown format {fmt!r}: use {' or '.join(FORMATS)}")
        return EXIT_USAGE
    if not inputs:
        _say("error: give one or more runs (JSONL files written by `extract`)")
        return EXIT_USAGE
    from extractor.ledger_charts import charts_available, write_charts

    if plot_dir is not None and not charts_available():
        _say("error: --plot needs matplotlib: pip install 'briefing-extractor[plot]'")
        return EXIT_USAGE

    problems: list[InputProblem] = []
    ledger = build_ledger(read_records(inputs, problems))
    for problem in problems:
        _say(f"error: {problem}")
    for doc_id in dict.fromkeys(ledger.repeated_documents):
        _say(f"note: {doc_id} was read more than once with the same text; its claims are counted once")
    try:
        (write_json if fmt == "json" else write_csv)(ledger, output)
        charts = write_charts(ledger, plot_dir) if plot_dir is not None else []
    except OSError as err:
        _say(f"error: cannot write the ledger: {err}")
        return EXIT_INPUT_FAILED

    summary = ledger.summary()
    flags = ", ".join(f"{name} {count}" for name, count in summary["flags"].items() if count)
    _say(
        f"{summary['documents']} documents, {summary['claims']} claims -> {summary['points']} points in "
        f"{summary['series']} series ({summary['merged_points']} reported by several documents); "
        f"{summary['flagged_points']} points flagged" + (f" ({flags})" if flags else "")
    )
    if output is not None:
        _say(f"wrote {output}")
    if plot_dir is not None:
        _say(f"wrote {len(charts)} charts to {plot_dir}")
    if problems:
        _say(f"{len(problems)} bad input lines or files were skipped")
    return EXIT_INPUT_FAILED if problems else EXIT_OK


def _say(message: str) -> None:
    print(message, file=sys.stderr)
