"""Reading the page around the sentences: page furniture to skip and line-per-item loss lists."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.components.document import document_text, sentence_spans
from extractor.components.numbers import parse_digits
from extractor.factories import evaluated_annotations
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
# a line that ends on a preposition, an article, a conjunction or a possessive goes on in the next one,
# whatever its case ("detained two insurgents in\nKhost province")
OPEN_ENDING_TAGS = frozenset({"IN", "DT", "CC", "TO", "PRP$", "POS", "WDT"})
BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014", "\u25aa", "\u25cf", "\u00b7"})
TERMINAL = tuple(".!?\"'\u201d\u2019:;)")


@dataclass
class LossLine:
    line_start: int  # token range of the whole line
    line_end: int
    start: int  # token range of the item
    end: int
    label_start: int
    label_end: int
    value: int
    delta: int | None
    approximate: bool


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
    if len([1 for a, b in lines if text[a:b].strip()]) < 2:
        return set()
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
    return skipped


# Token.is_sent_start's True, None and False as Doc.to_array and Doc.from_array hold them (-1 as uint64)
SENT_START_FLAGS = {True: 1, None: 0, False: 2**64 - 1}


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


def mark_line_breaks(doc: Doc) -> Doc:
    """Starts a sentence after every line break, unless the next line goes on in lower case or the line
    ends on a word that cannot end one (a hard-wrapped paragraph): headlines, captions and list items then
    never run into the sentence after them."""
    # only the tokens just after a line break are looked at, found from where the text breaks
    starts = doc.to_array([IDX]).tolist()
    after_breaks = sorted(
        {bisect.bisect_right(starts, m.start()) for m in re.finditer("\n", document_text(doc))}
    )
    flags = doc.to_array(SENT_START)
    for i in after_breaks:
        if i < 1 or i >= len(doc):
            continue
        token, previous = doc[i], doc[i - 1]
        if "\n" not in previous.text and "\n" not in previous.whitespace_:
            continue
        if token.is_space:
            continue
        blank_line = previous.text.count("\n") + previous.whitespace_.count("\n") >= 2
        last_word = doc[token.i - 2] if previous.is_space and token.i >= 2 else previous
        hard_wrap = last_word.is_alpha and (
            token.text[:1].islower() or (last_word.is_lower and last_word.tag_ in OPEN_ENDING_TAGS)
        )
        starts_sentence = True if blank_line or not hard_wrap else None
        flags[i] = SENT_START_FLAGS[starts_sentence]
        if starts_sentence and token.text in BULLETS and i + 1 < len(doc):
            # "- 11 ISIS operatives detained": the item goes on past its bullet
            flags[i + 1] = SENT_START_FLAGS[False]
    # written back at once: Token.is_sent_start's setter checks the whole Doc for a parse on every call
    doc.from_array([SENT_START], flags)
    return doc


class LineBreakSentencizer:
    """Runs before the parser, which keeps the sentence starts it finds set."""

    def __init__(self, nlp, name: str = "briefing_lines"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return mark_line_breaks(doc)


@evaluated_annotations
@Language.factory("briefing_lines")
def make_line_breaker(nlp: Language, name: str) -> LineBreakSentencizer:
    """The line-break sentence marker as a pipeline component (add it before the parser)."""
    return LineBreakSentencizer(nlp, name)
