"""Long texts in pieces: cut at paragraph breaks into pieces of bounded size, each parsed alone, and their
findings merged back with offsets into the whole text, so memory is bounded whatever a document's length."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from spacy.tokens import Doc

# The longest piece parsed at once. Parsing holds about 3.4 MB per thousand characters at its peak (measured:
# 316 MB resident for 50,000 characters, 489 MB for 100,000, the pipeline's own 150 MB included), so a
# piece of this size keeps a document of any length well under 600 MB.
PIECE_CHARS = 50_000

# where a piece may end, best first: a blank line (a paragraph or a section), a line break, the end of a
# sentence, a space; within the last half of the piece's room, so that pieces do not come out tiny
PIECE_BREAKS = (
    re.compile(r"\n[ \t\u00a0]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"),
    re.compile(r"\s+"),
)


def piece_bounds(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`, each at most `size` characters, cut at the best
    break (see PIECE_BREAKS) in the second half of each piece's room; a run of `size` characters with no
    white space at all is cut where it must be."""
    if size < 2:
        raise ValueError(f"pieces must hold at least 2 characters, not {size}")
    bounds = []
    start = 0
    while len(text) - start > size:
        end = _best_break(text, start + size // 2, start + size) or start + size
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _best_break(text: str, earliest: int, latest: int) -> int | None:
    """The end of the last break of the best kind that lies within earliest..latest."""
    for pattern in PIECE_BREAKS:
        ends = [m.end() for m in pattern.finditer(text, earliest, latest) if m.end() <= latest]
        if ends:
            return ends[-1]
    return None


@dataclass
class MergedFindings:
    """The findings of a document's pieces, gathered with offsets into the whole text. `as_doc()` gives
    them in the shape records.doc_to_record reads from a Doc: `text` and the `_` extensions it uses."""

    text: str
    speakers: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    published: Any = None
    published_source: str | None = None
    pieces: int = 0
    _speaker_ids: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, doc: Doc, offset: int) -> None:
        """Takes the findings of one piece's Doc, which starts at character `offset` of the whole text."""
        if self.pieces == 0:
            # the first piece holds the document's dateline or header: the whole document's date
            self.published, self.published_source = doc._.published, doc._.published_source
        self.pieces += 1
        speaker_ids = {s.id: self._speaker(s, offset) for s in doc._.speakers or []}
        quote_ids = {}
        for quote in doc._.quotes or []:
            quote_ids[quote.id] = f"q{len(self.quotes) + 1}"
            self.quotes.append(
                dataclasses.replace(
                    quote,
                    id=quote_ids[quote.id],
                    start=quote.start + offset,
                    end=quote.end + offset,
                    speaker_id=speaker_ids.get(quote.speaker_id),
                )
            )
        before = len(self.claims)
        for claim in doc._.claims or []:
            self.claims.append(_shifted_claim(claim, offset, before, speaker_ids, quote_ids))
        for warning in doc._.doc_warnings or []:
            if warning not in self.warnings:
                self.warnings.append(warning)

    def _speaker(self, speaker, offset: int) -> str:
        """The merged speaker's id: one speaker for one name across pieces, with all its mentions."""
        mentions = [(a + offset, b + offset) for a, b in speaker.mentions]
        key = (speaker.kind, speaker.name)
        known = self._speaker_ids.get(key)
        if known is None:
            known = self._speaker_ids[key] = f"s{len(self.speakers) + 1}"
            self.speakers.append(dataclasses.replace(speaker, id=known, mentions=mentions))
            return known
        merged = next(s for s in self.speakers if s.id == known)
        merged.mentions.extend(mentions)
        for part in ("title", "role", "organization"):
            if getattr(merged, part) is None:
                setattr(merged, part, getattr(speaker, part))
        return known

    def as_doc(self) -> SimpleNamespace:
        """A stand-in for a processed Doc of the whole text, for records.doc_to_record."""
        extensions = SimpleNamespace(
            source_text=self.text,
            speakers=self.speakers,
            quotes=self.quotes,
            claims=self.claims,
            published=self.published,
            published_source=self.published_source,
            doc_warnings=self.warnings,
        )
        return SimpleNamespace(text=self.text, _=extensions)


def _shifted_claim(claim, offset: int, before: int, speaker_ids: dict, quote_ids: dict):
    """A piece's claim with offsets into the whole text, and ids and claim positions of the merged lists."""
    return dataclasses.replace(
        claim,
        evidence_start=claim.evidence_start + offset,
        evidence_end=claim.evidence_end + offset,
        sentence_start=claim.sentence_start + offset,
        sentence_end=claim.sentence_end + offset,
        restates=None if claim.restates is None else claim.restates + before,
        part_of=None if claim.part_of is None else claim.part_of + before,
        speaker_id=speaker_ids.get(claim.speaker_id),
        quote_id=quote_ids.get(claim.quote_id),
    )
