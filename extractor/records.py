"""Turning a processed Doc into a validated DocumentRecord: the one place where spaCy meets the models."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor import __version__
from extractor.models import DocumentRecord
from extractor.pipeline import LoadedModel


@dataclass
class DocumentInput:
    """One document to extract from, with what is known of it outside its text."""

    text: str
    doc_id: str | None = None
    source: str | None = None
    published: object = None  # datetime.date, or an ISO string that the Extractor parses
    published_source: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)
    fallback_published: object = None  # a date from the file name, used when the text states none
    fallback_published_source: str | None = None  # where fallback_published came from; None: the file name
    author: str | None = None
    url: str | None = None


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_doc_id(sha256: str) -> str:
    """The id of a string passed to extract() without one."""
    return f"doc-{sha256[:12]}"


def claim_id(
    sha256: str, kind: str, value: object, quantifier: object, start: int, end: int, category: object
) -> str:
    """Stable for the same text, extractor version and claim."""
    key = "\x1f".join(str(x) for x in (sha256, __version__, kind, value, quantifier, start, end, category))
    return "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def _claim_at(ids: list[str], position: int | None) -> str | None:
    return ids[position] if position is not None and 0 <= position < len(ids) else None


def doc_to_record(
    doc: Doc, document: DocumentInput, model: LoadedModel, include_text: bool = False
) -> DocumentRecord:
    """The validated record of a document the full pipeline has processed."""
    text = doc._.source_text if doc._.source_text is not None else doc.text
    sha = content_sha256(text)
    speakers = [_speaker_fields(s, text) for s in doc._.speakers or []]
    names = {s["id"]: s["name"] for s in speakers}
    quotes = [
        {
            "id": q.id,
            "text": text[q.start : q.end],
            "start": q.start,
            "end": q.end,
            "speaker_id": q.speaker_id,
        }
        for q in doc._.quotes or []
    ]
    findings = list(doc._.claims or [])
    ids = [
        claim_id(sha, f.kind, f.value, f.quantifier, f.evidence_start, f.evidence_end, f.category)
        for f in findings
    ]
    claims = [
        _claim_fields(found, found_id, ids, names, text)
        for found, found_id in zip(findings, ids, strict=True)
    ]
    published = doc._.published
    record = {
        "doc_id": document.doc_id or default_doc_id(sha),
        "source": document.source,
        "content_sha256": sha,
        "title": document.title,
        "author": document.author,
        "url": document.url,
        "published": published,
        "published_source": doc._.published_source if published else None,
        "extractor_version": __version__,
        "model": {"name": model.name, "version": model.version, "kernel": model.kernel},
        "speakers": speakers,
        "quotes": quotes,
        "claims": claims,
        "warnings": list(document.warnings) + list(doc._.doc_warnings or []),
        "text": text if include_text else None,
    }
    # validated with the text as context, so every offset is checked against it
    return DocumentRecord.model_validate(record, context={"text": text})


def _speaker_fields(speaker, text: str) -> dict:
    return {
        "id": speaker.id,
        "kind": speaker.kind,
        "name": speaker.name,
        "title": speaker.title,
        "role": speaker.role,
        "organization": speaker.organization,
        "mentions": [{"text": text[a:b], "start": a, "end": b} for a, b in speaker.mentions],
    }


def _claim_fields(found, found_id: str, ids: list[str], names: dict[str, str], text: str) -> dict:
    """One claim's record fields; a speaker id the record does not list is dropped with its name."""
    evidence = {
        "text": text[found.evidence_start : found.evidence_end],
        "start": found.evidence_start,
        "end": found.evidence_end,
        "sentence": " ".join(text[found.sentence_start : found.sentence_end].split()),
    }
    speaker_id = found.speaker_id if found.speaker_id in names else None
    return dict(
        claim_id=found_id,
        kind=found.kind,
        value=found.value,
        value_max=found.value_max,
        quantifier=found.quantifier,
        approximate=found.approximate,
        cumulative=found.cumulative,
        category=found.category,
        category_label=found.category_label,
        effect=found.effect,
        delta=found.delta,
        actor=found.actor,
        speaker=names.get(speaker_id) if speaker_id else None,
        speaker_id=speaker_id,
        quote_id=found.quote_id,
        date=found.date,
        period_start=found.period_start,
        period_end=found.period_end,
        date_text=found.date_text,
        location=found.location,
        evidence=evidence,
        target_side=found.target_side,
        restates=_claim_at(ids, found.restates),
        part_of=_claim_at(ids, found.part_of),
        background=found.background,
        geo=found.geo,
    )
