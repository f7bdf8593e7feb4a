"""Page furniture to skip (headlines, captions, sign-up lines), line-per-item loss lists, and the lead each
list item hangs under."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from extractor.components.document import document_text, sentence_spans
from extractor.components.layout.lines import BULLETS, MIN_LIST_LINES, loss_lines_in
from extractor.components.page import TERMINAL, LossLine
from extractor.digits import parse_digits
from extractor.vocabulary import derived_person_nouns, load_data, require, target_taxonomy

# the same item run into one line after a heading's colon or a line's start, as some web pages give the list
# ("... were approximately: personnel - about 1,300 (+1,100), tanks - 7,800 (+12), ..."): the label stops at
# the separators between items, and the items are read one after another, each right after the last one's
# separator
RUN_ON_ITEM = re.compile(
    r"(?P<label>[^\W\d_][^\n\d:,;]{0,80}?)[ \t]{1,40}[-\u2010-\u2015\u2212][ \t]{0,40}"
    r"(?P<qualifier>(?:about|approximately|around|over|more than|up to)[ \t]+)?"
    r"(?P<value>\d{1,3}(?:[ ,.\u00a0]\d{3})+(?!\d)|\d+)"
    r"(?:[ \t]*\((?P<delta>[+\u2212-]?[ \t]*\d[\d ,.]*)\))?"
    r"(?P<rest>[^\n\d,;:]{0,60}?)(?=[ \t]*(?:[,;]|\.?[ \t]*$|\.[ \t]))",
    re.MULTILINE,
)
RUN_ON_SEPARATOR = re.compile(r"[ \t]*[,;][ \t]*")
RUN_ON_OPENER = re.compile(r"(?::|^)[ \t]*", re.MULTILINE)


def _heading_is_approximate(text: str, line_start: int) -> bool:
    """Whether the heading line right before a list says its figures are approximate."""
    before = text[:line_start].rstrip("\n").rsplit("\n", 1)[-1].strip().lower()
    return before.endswith(":") and _approximate_heading(before)


def _approximate_heading(heading: str) -> bool:
    """Whether a heading that ends in a colon ends with a word of approximation ("were approximately:")."""
    words = load_data("claim_terms")
    approximate = require(
        require(words, "heading_words", dict, "claim_terms.json"), "approximate", list, "claim_terms.json"
    )
    return any(heading.rstrip(":").strip().endswith(w) for w in approximate)


def find_loss_lines(doc: Doc) -> list[LossLine]:
    """The items of a running-losses list (at least three lines of "label - figure", or as many such items
    run into one line)."""
    text = document_text(doc)
    matches = loss_lines_in(text)
    if len(matches) < MIN_LIST_LINES:
        return _run_on_loss_items(doc, text)
    lines = []
    approximate = False
    previous_end = None
    for match in matches:
        if previous_end is None or text[previous_end : match.start()].strip():
            approximate = _heading_is_approximate(text, match.start())
        previous_end = match.end() + 1
        line = _loss_item(doc, match, approximate, whole_line=True)
        if line is not None:
            lines.append(line)
    return lines if len(lines) >= MIN_LIST_LINES else []


def _run_on_loss_items(doc: Doc, text: str) -> list[LossLine]:
    """The items of losses lists run into one line, each item its own line; an item read once."""
    items: list[LossLine] = []
    taken_to = 0
    for opener in RUN_ON_OPENER.finditer(text):
        if opener.start() < taken_to:
            continue
        matches = []
        position = opener.end()
        while (match := RUN_ON_ITEM.match(text, position)) is not None:
            matches.append(match)
            separator = RUN_ON_SEPARATOR.match(text, match.end())
            if separator is None:
                break
            position = separator.end()
        if len(matches) < MIN_LIST_LINES:
            continue
        found = [line for match in matches if (line := _loss_item(doc, match, False, whole_line=False))]
        # a run of "name - figure" pairs in prose (a score, a vote) is no list of losses unless most of its
        # labels name what a losses list counts
        if 2 * sum(_counts_a_loss(doc[line.label_start : line.label_end]) for line in found) < len(found):
            continue
        taken_to = matches[-1].end()
        heading = text[: opener.start() + 1].rsplit("\n", 1)[-1].strip().lower()
        approximate = heading.endswith(":") and _approximate_heading(heading)
        for line in found:
            line.approximate = line.approximate or approximate
        items.extend(found)
    return items if len(items) >= MIN_LIST_LINES else []


def _counts_a_loss(label: Span) -> bool:
    """Whether a list item's label names people or things a losses list counts ("personnel", "tanks")."""
    lemmas = [t.lemma_.lower() for t in label if t.is_alpha]
    return bool(lemmas) and (
        target_taxonomy().label_for(lemmas) != "other" or lemmas[-1] in derived_person_nouns()
    )


def _loss_item(doc: Doc, match: re.Match, approximate: bool, *, whole_line: bool) -> LossLine | None:
    """One item of a losses list, its line the whole line or (run into one line) the item alone."""
    value = parse_digits(match["value"].replace(" ", ",").replace("\u00a0", ","))
    if value is None:
        return None
    delta = None
    if match["delta"]:
        raw = match["delta"].replace("\u2212", "-").replace(" ", "")
        digits = parse_digits(raw.lstrip("+-"))
        if digits is not None:
            delta = -digits if raw.startswith("-") else digits
    item_end = match.end("delta") + 1 if match["delta"] else match.end("value")
    item = doc.char_span(match.start("label"), item_end, alignment_mode="expand")
    label = doc.char_span(match.start("label"), match.end("label"), alignment_mode="expand")
    line_start, line_end = (match.start(), match.end()) if whole_line else (match.start("label"), match.end())
    line = doc.char_span(line_start, line_end, alignment_mode="expand")
    if item is None or label is None or line is None:
        return None
    qualified = bool(match["qualifier"])
    return LossLine(
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
