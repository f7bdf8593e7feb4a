"""Page furniture to skip (headlines, captions, sign-up lines), line-per-item loss lists, and the lead each
list item hangs under."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from extractor.components.document import document_text, sentence_spans
from extractor.components.layout.lines import BULLETS
from extractor.components.page import TERMINAL, LossLine
from extractor.digits import parse_digits
from extractor.vocabulary import load_data, require

# "tanks ‒ 1,393 (+10) од," : a label, a dash of any kind with a space before it ("personnel ‒about 41650"
# has none after), a figure, an optional change, a unit
# (the label and the spaces around the dash are bounded: unbounded, a line of a long run of spaces took time
# growing with the square of its length)
LOSS_LINE = re.compile(
    r"^[ \t]{0,40}(?P<label>[^\W\d_][^\n\d]{0,80}?)[ \t]{1,40}[-\u2010-\u2015\u2212][ \t]{0,40}"
    r"(?P<qualifier>(?:about|approximately|around|over|more than|up to)[ \t]+)?"
    r"(?P<value>\d{1,3}(?:[ ,.\u00a0]\d{3})+|\d+)"
    r"(?:[ \t]*\((?P<delta>[+\u2212-]?[ \t]*\d[\d ,.]*)\))?"
    r"(?P<rest>[^\n\d]{0,60})$",
    re.MULTILINE,
)
MIN_LIST_LINES = 3


def _heading_is_approximate(text: str, line_start: int) -> bool:
    """Whether the heading line right before a list says its figures are approximate."""
    words = load_data("claim_terms")
    approximate = require(
        require(words, "heading_words", dict, "claim_terms.json"), "approximate", list, "claim_terms.json"
    )
    before = text[:line_start].rstrip("\n").rsplit("\n", 1)[-1].strip().lower()
    return before.endswith(":") and any(before.rstrip(":").strip().endswith(w) for w in approximate)


def find_loss_lines(doc: Doc) -> list[LossLine]:
    """The items of a running-losses list (at least three lines of "label - figure")."""
    text = document_text(doc)
    matches = list(LOSS_LINE.finditer(text))
    if len(matches) < MIN_LIST_LINES:
        return []
    lines = []
    approximate = False
    previous_end = None
    for match in matches:
        if previous_end is None or text[previous_end : match.start()].strip():
            approximate = _heading_is_approximate(text, match.start())
        previous_end = match.end() + 1
        value = parse_digits(match["value"].replace(" ", ",").replace("\u00a0", ","))
        if value is None:
            continue
        delta = None
        if match["delta"]:
            raw = match["delta"].replace("\u2212", "-").replace(" ", "")
            digits = parse_digits(raw.lstrip("+-"))
            if digits is not None:
                delta = -digits if raw.startswith("-") else digits
        item_end = match.end("delta") + 1 if match["delta"] else match.end("value")
        item = doc.char_span(match.start("label"), item_end, alignment_mode="expand")
        label = doc.char_span(match.start("label"), match.end("label"), alignment_mode="expand")
        line = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if item is None or label is None or line is None:
            continue
        qualified = bool(match["qualifier"])
        lines.append(
            LossLine(
                line.start,
                line.end,
                item.start,
                item.end,
                label.start,
                label.end,
                value,
                delta,
                approximate or qualified,
            )
        )
    return lines if len(lines) >= MIN_LIST_LINES else []


def furniture_sentences(doc: Doc) -> set[int]:
    """Start tokens of sentences that stand in page furniture: headlines, teasers, captions, sign-up lines."""
    data = load_data("claim_terms")
    phrases = require(data, "furniture_lines", list, "claim_terms.json")
    text = document_text(doc)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    # a photo credit marks its caption even where a page's lines were run into one
    credited = _credited_captions(doc, text)
    if len([1 for a, b in lines if text[a:b].strip()]) < 2:
        return credited
    furniture_spans = []
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            continue
        lower = line.lower()
        if "\u00a9" in line or any(p in lower for p in phrases):
            furniture_spans.append((start, end))
            continue
        if line.endswith(TERMINAL):
            continue
        words = [w for w in re.findall(r"[^\W\d_][\w'-]*", line) if len(w) > 3]
        if words and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
            furniture_spans.append((start, end))
    captions = tuple(require(data, "caption_openers", list, "claim_terms.json"))
    skipped = set()
    # the furniture lines are in text order and never overlap: the one a sentence may start in is found by
    # bisection, not by testing every line against every sentence
    furniture_starts = [a for a, _ in furniture_spans]
    for sentence in sentence_spans(doc):
        k = bisect.bisect_right(furniture_starts, sentence.start_char) - 1
        if k >= 0 and sentence.start_char < furniture_spans[k][1]:
            skipped.add(sentence.start)
        elif text[sentence.start_char : sentence.end_char].lstrip().lower().startswith(captions):
            skipped.add(sentence.start)
    return skipped | credited


# a parenthesis right after a full stop: "... on June 5. (TRT World and Agencies)"
PARENTHESIS_AFTER = re.compile(r"[ \t]*\((?P<inside>[^()\n]{1,80})\)")


def _credited_captions(doc: Doc, text: str) -> set[int]:
    """Start tokens of the sentences a photo credit stands right after: a picture's caption, run into the
    story where a page's line breaks were lost."""
    data = load_data("layout")
    credits = frozenset(require(data, "caption_credits", list, "layout.json"))
    most_words = int(require(data, "caption_credit_words_max", int, "layout.json"))
    captions = set()
    for sentence in sentence_spans(doc):
        if not text[sentence.start_char : sentence.end_char].rstrip().endswith("."):
            continue
        credit = PARENTHESIS_AFTER.match(text, sentence.end_char)
        words = credit["inside"].lower().split() if credit else []
        if words and len(words) <= most_words and credits.intersection(words):
            captions.add(sentence.start)
    return captions


def list_lead(text: str, sentences: list[Span], index: int, read_back: int) -> int | None:
    """The sentence a list item hangs under: back over the lines that open with a bullet or a figure, to one
    that ends with a colon ("Jets destroyed the following near Afrin:" over "- 12 tanks")."""
    line = text[sentences[index].start_char : sentences[index].end_char].strip()
    if not line or not (line[0] in BULLETS or line[0].isdigit()):
        return None
    for k in range(index - 1, max(-1, index - read_back), -1):
        line = text[sentences[k].start_char : sentences[k].end_char].strip()
        if line.endswith(":"):
            return k
        if not line or not (line[0] in BULLETS or line[0].isdigit()):
            return None
    return None


def list_leads(doc: Doc, read_back: int) -> dict[int, int]:
    """Each list item's lead, by sentence index, reading back at most `read_back` sentences."""
    text = document_text(doc)
    sentences = sentence_spans(doc)
    leads = {}
    for index in range(len(sentences)):
        lead = list_lead(text, sentences, index, read_back)
        if lead is not None:
            leads[index] = lead
    return leads
