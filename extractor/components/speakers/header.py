"""A press release's header: the body that issues it, never its headline."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from extractor.components.document import (
    document_text,
)
from extractor.components.speakers.vocabulary import SpeakerVocabulary

# the words of a header line that name what the document is, not who issues it
DATE_IN_HEADER = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s*\d{4})?"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:19|20)\d\d\b|\(\s*\)|\d{1,2}:\d{2}",
    re.IGNORECASE,
)
RELEASE_NUMBER = re.compile(r"^\s*\d{4}-\d{2}-[A-Z]{1,3}-\d{2,4}")
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]+,\s+[A-Z][A-Za-z .'-]+\s*[(\u2014\u2013-]")
DASH_BETWEEN_WORDS = re.compile(r"\s[-\u2013\u2014]\s")
UNBROKEN_PIECE = re.compile(r"[^|]+")
WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=8)
def _whole_phrases(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each phrase as a compiled whole-word, case-blind pattern, in the list's order: compiled once, where
    re's own cache holds too few patterns for every phrase of a header and was missed on each line."""
    return tuple(re.compile(rf"\b{re.escape(phrase)}\b", re.IGNORECASE) for phrase in phrases)


def find_issuing_body(doc: Doc, vocab: SpeakerVocabulary) -> tuple[int, int, int] | None:
    """(start, end) of the issuing body named in a press release's header, and where the body text begins.

    The header is the run of short lines at the top; a line there names the body when, once the words saying
    what the document is (news release, operational update) and dates are taken out, what is left holds an
    organization head word ("ISAF Joint Command - Afghanistan" gives "ISAF Joint Command"). It counts when
    the header also shows it is a release (a marker, a release number, a dateline) or the line is the name
    alone."""
    text = document_text(doc)
    lines = []
    position = 0
    for line in text.split("\n", 15):  # the header is within the first 15 lines: no need to split the rest
        lines.append((position, line))
        position += len(line) + 1
    header = []
    body_start = None
    for start, line in lines[:15]:
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped.split()) >= 10:
            body_start = start
            break
        header.append((start, line))
    if body_start is None or not header:
        return None
    marker = any(
        any(pattern.search(line) for pattern in _whole_phrases(vocab.release_markers))
        or RELEASE_NUMBER.match(line)
        or DATELINE.match(line.strip())
        for _, line in header
    ) or bool(DATELINE.match(text[body_start:].strip()))
    for start, line in header:
        if _has_verb(doc, start, start + len(line)):
            continue
        cleaned = line
        for phrase in _whole_phrases(vocab.header_boilerplate):
            cleaned = phrase.sub(_blanked, cleaned)
        cleaned = DATE_IN_HEADER.sub(_blanked, cleaned)
        cleaned = DASH_BETWEEN_WORDS.sub(_blanked, cleaned)
        for piece in UNBROKEN_PIECE.finditer(cleaned):
            words = piece.group().strip(" ,.:;()-\u2013\u2014")
            if not words:
                continue
            lower_words = {w.lower() for w in WORD.findall(words)}
            if not lower_words & vocab.header_heads:
                continue
            offset = start + piece.start() + piece.group().index(words)
            if _reads_as_headline(doc, offset, offset + len(words), vocab):
                continue
            alone = cleaned.replace("|", " ").strip(" ,.:;()-\u2013\u2014") == words and len(header) == 1
            if not (marker or alone):
                continue
            return offset, offset + len(words), body_start
    return None


def _blanked(match: re.Match[str]) -> str:
    return "|" * len(match.group())


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.pos_ == "VERB" and t.is_lower for t in span)


def _reads_as_headline(doc: Doc, start: int, end: int, vocab: SpeakerVocabulary) -> bool:
    """A headline, not a body's name: words go on after the body's head word ("Afghan, Coalition Forces
    Target Taliban Leaders", "Security Force Captures Taliban Commander in Kandahar") other than a place
    ("Regional Command North", "ISAF Joint Command - Afghanistan")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    heads = [t.i for t in span if t.lower_ in vocab.header_heads]
    if not heads:
        return False
    tail = [t for t in doc[heads[-1] + 1 : span.end] if t.is_alpha]
    return any(t.ent_type_ not in ("GPE", "LOC") and t.lower_ not in vocab.compass_words for t in tail)
