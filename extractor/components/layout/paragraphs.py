"""Paragraphs and direct quotations in plain text: where quoted words start and end."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor.components.document import document_text, sentence_spans
from extractor.components.page import DOUBLE_QUOTES, SINGLE_QUOTES, TERMINAL, QuoteSpan

DOUBLE_OPENERS = "\u201c\u201e\u00ab"
DOUBLE_CLOSERS = "\u201d\u00bb"
QUOTE_MARKS = re.compile("[" + re.escape(DOUBLE_QUOTES + SINGLE_QUOTES) + "]")
OPENING_CONTEXT = "([{\u2014\u2013-/:;,\u2026"


def find_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs. A blank line always parts two; a single line break does too, unless
    the line before does not close its sentence and either runs on in lower case or is hard-wrapped."""
    spans: list[list[int]] = []
    position = 0
    previous = ""
    after_blank = True
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            after_blank = True
            continue
        start = line_start + len(line) - len(line.lstrip())
        end = line_start + len(line.rstrip())
        runs_on = (
            spans
            and not after_blank
            and not previous.endswith(TERMINAL)
            and (stripped[0].islower() or len(previous) >= 60)
        )
        if runs_on:
            spans[-1][1] = end
        else:
            spans.append([start, end])
        previous = stripped
        after_blank = False
    return [(a, b) for a, b in spans]


def sentence_paragraphs(doc: Doc) -> dict[int, int]:
    """The paragraph of each sentence, by its start token, as the claim finder's scope reads it: any line
    break between two sentences opens one (a headline, a list item and a caption each stand alone)."""
    text = document_text(doc)
    paragraph = 0
    previous_end = 0
    paragraph_of: dict[int, int] = {}
    for index, sentence in enumerate(sentence_spans(doc)):
        if index and "\n" in text[previous_end : sentence.start_char]:
            paragraph += 1
        previous_end = sentence.start_char + len(text[sentence.start_char : sentence.end_char].rstrip())
        paragraph_of[sentence.start] = paragraph
    return paragraph_of


def _opens(text: str, i: int, floor: int) -> bool:
    before = text[i - 1] if i > floor else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in OPENING_CONTEXT or i == floor) and not after.isspace()


def _closes(text: str, i: int, ceiling: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < ceiling else " "
    return not before.isspace() and not after.isalnum()


def _quoted_words(text: str, open_at: int, close_at: int) -> tuple[int, int]:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Direct quotations in straight or curly, double or single marks. A double quote left open at the end
    of a paragraph runs to its end (the convention for a quotation that goes on over paragraphs); single
    marks count only when they pair up, so apostrophes are left alone."""
    quotes: list[QuoteSpan] = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        quotes.extend(_quotes_in_paragraph(text, p_start, p_end, number))
    return quotes


def _quotes_in_paragraph(text: str, p_start: int, p_end: int, number: int) -> list[QuoteSpan]:
    """The quotations of paragraph `number` (characters p_start to p_end), in the order they close."""
    quotes: list[QuoteSpan] = []
    open_at: int | None = None
    kind = ""

    def close(i: int) -> None:
        start, end = _quoted_words(text, open_at, i)
        if end > start:
            quotes.append(QuoteSpan(start, end, open_at, i + 1, number))

    for mark in QUOTE_MARKS.finditer(text, p_start, p_end):
        i, char = mark.start(), mark.group()
        if char in DOUBLE_QUOTES:
            if open_at is not None and kind == "double":
                if char in DOUBLE_OPENERS and not _closes(text, i, p_end):
                    continue
                close(i)
                open_at = None
            elif char not in DOUBLE_CLOSERS and (char in DOUBLE_OPENERS or _opens(text, i, p_start)):
                open_at, kind = i, "double"
        elif char in SINGLE_QUOTES and (open_at is None or kind == "single"):
            if open_at is None:
                if char != "\u2019" and _opens(text, i, p_start) and text[i + 1 : i + 2].isalnum():
                    open_at, kind = i, "single"
            elif char != "\u2018" and _closes(text, i, p_end):
                close(i)
                open_at = None
    if open_at is not None and kind == "double":
        quotes.extend(_left_open(text, open_at, p_end, number))
    return quotes


def _left_open(text: str, open_at: int, p_end: int, number: int) -> list[QuoteSpan]:
    """A double quotation left open at its paragraph's end, when it holds at least three words."""
    start, end = _quoted_words(text, open_at, p_end)
    while end > start and text[end - 1] in DOUBLE_QUOTES:
        end -= 1
    return [QuoteSpan(start, end, open_at, p_end, number)] if len(text[start:end].split()) >= 3 else []
