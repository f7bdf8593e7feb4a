"""Pydantic models of the output contract: the single source of truth for what a record holds."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, ValidationInfo, model_validator

SCHEMA_VERSION = "1"


class ClaimKind(str, Enum):
    sorties = "sorties"
    strikes = "strikes"
    targets = "targets"
    casualties = "casualties"
    other = "other"


class Effect(str, Enum):
    destroyed = "destroyed"
    hit = "hit"
    damaged = "damaged"
    killed = "killed"
    wounded = "wounded"
    captured = "captured"


class PublishedSource(str, Enum):
    argument = "argument"
    metadata = "metadata"
    dateline = "dateline"
    header = "header"
    filename = "filename"


class SpeakerKind(str, Enum):
    person = "person"
    organization = "organization"


Quantifier = Literal[
    "a couple",
    "several",
    "a few",
    "some",
    "multiple",
    "a group",
    "numerous",
    "a handful",
    "a large number",
    "dozens",
    "hundreds",
    "thousands",
    "plural",
]

Offset = Annotated[int, Field(ge=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_default=True)


def _check_span(info: ValidationInfo, text: str, start: int, end: int, what: str) -> None:
    """Offsets must lie within the document text and, when it is known, cut out exactly `text`."""
    if end < start:
        raise ValueError(f"{what}: end {end} is before start {start}")
    document_text = (info.context or {}).get("text")
    if document_text is None:
        return
    if end > len(document_text):
        raise ValueError(f"{what}: end {end} is past the end of the text ({len(document_text)} characters)")
    if document_text[start:end] != text:
        raise ValueError(f"{what}: text does not match the document at {start}:{end}")


class Evidence(_Strict):
    """Where a claim stands in the document text."""

    text: str = Field(min_length=1, description="The piece of the text that states the claim.")
    start: Offset = Field(description="Character offset of the evidence in the decoded document text.")
    end: Offset = Field(description="Character offset just past the evidence.")
    sentence: str = Field(description="The whole sentence the evidence is in.")

    @model_validator(mode="after")
    def _within_text(self, info: ValidationInfo) -> Evidence:
        _check_span(info, self.text, self.start, self.end, "evidence")
        return self


class Mention(_Strict):
    text: str = Field(min_length=1)
    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _within_text(self, info: ValidationInfo) -> Mention:
        _check_span(info, self.text, self.start, self.end, "mention")
        return self


class Speaker(_Strict):
    """A person or body quoted or credited with a claim."""

    id: str = Field(pattern=r"^s[1-9][0-9]*$")
    kind: SpeakerKind
    name: str = Field(
        min_length=1, description="A person's full name as first given; a body's name as written."
    )
    title: str | None = Field(default=None, description="Rank or honorific as worded.")
    role: str | None = Field(default=None, description="The post held.")
    organization: str | None = Field(default=None, description="The body spoken for.")
    mentions: list[Mention] = Field(default_factory=list)


class Quote(_Strict):
    """A direct quotation."""

    id: str = Field(pattern=r"^q[1-9][0-9]*$")
    text: str = Field(min_length=1)
    start: Offset
    end: Offset
    speaker_id: str | None = None

    @model_validator(mode="after")
    def _within_text(self, info: ValidationInfo) -> Quote:
        _check_span(info, self.text, self.start, self.end, "quote")
        return self


class Geo(_Strict):
    """Where a gazetteer places a claim's location; each part null when unknown."""

    name: str | None = Field(default=None, description="The place's name as the gazetteer gives it.")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2.")
    admin1: str | None = Field(
        default=None, description="Province, governorate, oblast or state, as the gazetteer names it."
    )
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    source: str | None = Field(default=None, description="Which gazetteer, and the place's id in it.")

    @model_validator(mode="after")
    def _both_coordinates(self) -> Geo:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon are given together")
        return self


ClaimId = Annotated[str, Field(pattern=r"^c[0-9a-f]{6,}$")]


class Claim(_Strict):
    """One number the text asserts about military activity or its results."""

    claim_id: str = Field(
        pattern=r"^c[0-9a-f]{6,}$", description="Stable for the same text, version and claim."
    )
    kind: ClaimKind
    value: NonNegativeInt | None = Field(description="The number stated; a range's lower bound.")
    value_max: NonNegativeInt | None = Field(default=None, description="A range's upper bound.")
    quantifier: Quantifier | None = Field(
        default=None, description="The vague word of a count with no number."
    )
    approximate: bool = False
    cumulative: bool = False
    category: str | None = Field(default=None, description="What is counted, as worded.")
    category_label: str | None = Field(default=None, description="The category normalized by the taxonomy.")
    effect: Effect | None = None
    delta: int | None = Field(default=None, description="The change since the last report: '(+10)'.")
    actor: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    quote_id: str | None = None
    date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    date_text: str | None = Field(default=None, description="The words the date or period came from.")
    location: str | None = None
    evidence: Evidence
    target_side: str | None = Field(
        default=None,
        description="Whose people or things were hit, lost or captured, or whom the strikes were against, "
        "as worded.",
    )
    restates: ClaimId | None = Field(
        default=None, description="The earlier claim of the document this one states again in other words."
    )
    part_of: ClaimId | None = Field(
        default=None, description="The claim of the total this figure is part of."
    )
    background: bool = Field(
        default=False, description="A figure the report gives as background rather than as its news."
    )
    geo: Geo | None = Field(default=None, description="Where a gazetteer places `location`.")

    @model_validator(mode="after")
    def _consistent(self) -> Claim:
        if self.value is None and self.quantifier is None:
            raise ValueError("a claim needs a value or a quantifier")
        if self.value is not None and self.quantifier is not None:
            raise ValueError("a claim has either a value or a quantifier, not both")
        if self.value_max is not None and (self.value is None or self.value_max < self.value):
            raise ValueError("value_max must be at least value")
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValueError(f"period_start {self.period_start} is after period_end {self.period_end}")
        if (self.speaker is None) != (self.speaker_id is None):
            raise ValueError("speaker and speaker_id are set together")
        return self


class ModelInfo(_Strict):
    name: str
    version: str
    kernel: Literal["blis", "numpy"] | None = Field(
        default=None, description="The matrix kernel the pipeline's layers ran on (blis or numpy's BLAS)."
    )


class DocumentRecord(_Strict):
    """Everything extracted from one document: one JSONL line or one JSON file."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    doc_id: str = Field(min_length=1)
    source: str | None = None
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = None
    author: str | None = Field(default=None, description="The byline, where the input gives one.")
    url: str | None = Field(default=None, description="Where the text was published, where the input says.")
    published: dt.date | None = None
    published_source: PublishedSource | None = None
    extractor_version: str
    model: ModelInfo
    speakers: list[Speaker] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    text: str | None = Field(default=None, description="The decoded document text, with --include-text.")

    @model_validator(mode="after")
    def _references(self) -> DocumentRecord:
        if (self.published is None) != (self.published_source is None):
            raise ValueError("published and published_source are set together")
        speaker_names = {s.id: s.name for s in self.speakers}
        quote_ids = {q.id for q in self.quotes}
        claim_ids = {c.claim_id for c in self.claims}
        for quote in self.quotes:
            if quote.speaker_id is not None and quote.speaker_id not in speaker_names:
                raise ValueError(f"quote {quote.id} names unknown speaker {quote.speaker_id}")
        for claim in self.claims:
            _check_claim_references(claim, speaker_names, quote_ids, claim_ids, self.published)
        if self.text is not None:
            for claim in self.claims:
                _check_span_text(self.text, claim.evidence)
        return self

    def to_json_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data; `text` only when it was asked for."""
        return self.model_dump(mode="json", exclude={"text"} if self.text is None else None)


def _check_span_text(text: str, evidence: Evidence) -> None:
    if text[evidence.start : evidence.end] != evidence.text:
        raise ValueError(f"evidence at {evidence.start}:{evidence.end} does not match the text")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output record."""
    schema = DocumentRecord.model_json_schema(mode="serialization")
    schema["$id"] = f"https://briefing-extractor/schema/v{SCHEMA_VERSION}/document.json"
    schema["title"] = "briefing-extractor document record"
    return schema


def _check_claim_references(
    claim: Claim,
    speaker_names: dict[str, str],
    quote_ids: set[str],
    claim_ids: set[str],
    published: dt.date | None,
) -> None:
    """A claim names only speakers, quotes and other claims of its record, and no day after publication."""
    if claim.speaker_id is not None:
        if claim.speaker_id not in speaker_names:
            raise ValueError(f"claim {claim.claim_id} names unknown speaker {claim.speaker_id}")
        if claim.speaker != speaker_names[claim.speaker_id]:
            raise ValueError(f"claim {claim.claim_id}: speaker does not match {claim.speaker_id}")
    if claim.quote_id is not None and claim.quote_id not in quote_ids:
        raise ValueError(f"claim {claim.claim_id} names unknown quote {claim.quote_id}")
    for link in ("restates", "part_of"):
        other = getattr(claim, link)
        if other is not None and (other == claim.claim_id or other not in claim_ids):
            raise ValueError(f"claim {claim.claim_id}: {link} names no other claim ({other})")
    if published is not None:
        for day in (claim.date, claim.period_start, claim.period_end):
            if day is not None and day > published:
                raise ValueError(f"claim {claim.claim_id} is dated after publication ({day})")
