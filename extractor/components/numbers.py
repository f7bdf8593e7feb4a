"""The number finder: counts in text with their value, range, qualifiers and running-total change."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LIKE_NUM, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.components.document import (
    document_text,
    lower_words,
    members,
    register_document_extensions,
    sentence_bounds,
    word_hashes,
)
from extractor.components.serialization import set_span_list_extension
from extractor.digits import parse_digits
from extractor.factories import evaluated_annotations
from extractor.vocabulary import load_data, phrases, require

DELTA = re.compile(r"^[+\u2212-]\d[\d,. ]*$")
YEAR = re.compile(r"^(1[89]|20)\d\d$")
NOT_COUNT_ENTITIES = {"PERCENT", "MONEY", "TIME", "ORDINAL", "LAW"}
# the dependencies of the words a noun phrase names its head with ("multiple launch rocket system shells")
NAME_PART_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass
class NumberReading:
    """What a figure in the text says. `core` is the numeric words only; the span adds qualifiers."""

    value: int | None
    value_max: int | None = None
    approximate: bool = False
    cumulative: bool = False
    delta: int | None = None
    quantifier: str | None = None
    core_start: int = 0
    core_end: int = 0


@dataclass(frozen=True)
class NumberVocabulary:
    approximate_before: tuple[tuple[str, ...], ...]
    cumulative_before: tuple[tuple[str, ...], ...]
    cumulative_after: tuple[tuple[str, ...], ...]
    cumulative_openers: tuple[tuple[str, ...], ...]
    range_joiners: frozenset[str]
    closed_range_joiners: frozenset[str]
    range_openers: frozenset[str]
    scale_articles: frozenset[str]
    hundred_words: frozenset[str]
    hundred_joiners: frozenset[str]
    hyphenated_age_words: frozenset[str]
    number_fillers: frozenset[str]
    partitive_words: frozenset[str]
    plural_only_quantifiers: frozenset[tuple[str, ...]]
    multipliers: dict[str, int]
    fractions: dict[str, float]
    scales: dict[str, int]
    quantifiers: dict[tuple[str, ...], str]
    standalone_quantifiers: dict[str, str]
    degree_words: frozenset[str]
    age_before: tuple[tuple[str, ...], ...]
    age_after: frozenset[str]
    time_units: frozenset[str]
    measure_units: frozenset[str]
    small_numbers: dict[str, int]
    number_words: dict[str, int]
    ordinal_suffixes: tuple[str, ...]

    @classmethod
    def from_data(cls) -> NumberVocabulary:
        data = load_data("numbers")
        src = "numbers.json"
        quantifiers = require(data, "quantifiers", dict, src)
        return cls(
            approximate_before=phrases(require(data, "approximate_before", list, src)),
            cumulative_before=phrases(require(data, "cumulative_before", list, src)),
            cumulative_after=phrases(require(data, "cumulative_after", list, src)),
            cumulative_openers=phrases(require(data, "cumulative_openers", list, src)),
            range_joiners=frozenset(require(data, "range_joiners", list, src)),
            closed_range_joiners=frozenset(require(data, "closed_range_joiners", list, src)),
            range_openers=frozenset(require(data, "range_openers", list, src)),
            scale_articles=frozenset(require(data, "scale_articles", list, src)),
            hundred_words=frozenset(require(data, "hundred_words", list, src)),
            hundred_joiners=frozenset(require(data, "hundred_joiners", list, src)),
            hyphenated_age_words=frozenset(require(data, "hyphenated_age_words", list, src)),
            number_fillers=frozenset(require(data, "number_fillers", list, src)),
            partitive_words=frozenset(require(data, "partitive_words", list, src)),
            plural_only_quantifiers=frozenset(phrases(require(data, "plural_only_quantifiers", list, src))),
            multipliers={k: int(v) for k, v in require(data, "multipliers", dict, src).items()},
            fractions={k: float(v) for k, v in require(data, "fractions", dict, src).items()},
            scales={k: int(v) for k, v in require(data, "scales", dict, src).items()},
            quantifiers={tuple(k.split()): v for k, v in quantifiers.items()},
            standalone_quantifiers=require(data, "standalone_quantifiers", dict, src),
            degree_words=frozenset(require(data, "degree_words", list, src)),
            age_before=phrases(require(data, "age_before", list, src)),
            age_after=frozenset(require(data, "age_after", list, src)),
            time_units=frozenset(require(data, "time_units", list, src)),
            measure_units=frozenset(require(data, "measure_units", list, src)),
            # words quantulum3 does not read as numbers on their own ("one")
            small_numbers={k: int(v) for k, v in require(data, "small_numbers", dict, src).items()},
            number_words={k: int(v) for k, v in require(data, "number_words", dict, src).items()},
            ordinal_suffixes=tuple(require(data, "ordinal_suffixes", list, src)),
        )


@lru_cache(maxsize=1)
def number_vocabulary() -> NumberVocabulary:
    return NumberVocabulary.from_data()


def read_number_words(text: str, vocab: NumberVocabulary) -> float | None:
    """The value of common number words ("twenty-two", "three hundred", "2.5 thousand") from the word lists,
    or None for anything else."""
    total, current, seen = 0.0, 0.0, False
    for word in text.lower().replace("-", " ").split():
        if word in vocab.number_words:
            current += vocab.number_words[word]
        elif word in vocab.hundred_words:
            current = (current or 1) * 100
        elif word in vocab.scales:
            total += (current or 1) * vocab.scales[word]
            current = 0.0
        elif word in vocab.multipliers:
            current = (current or 1) * vocab.multipliers[word]
        elif word in vocab.number_fillers:
            continue
        else:
            try:
                current += float(word.replace(",", ""))
            except ValueError:
                return None
        seen = True
    return total + current if seen else None


@lru_cache(maxsize=4096)
def parse_number_words(text: str) -> float | None:
    """The value of a short number phrase in words ("twenty-two", "2.5 thousand", "two dozen"): the word
    lists first, quantulum3 for what they do not cover (its data takes seconds to build on first use)."""
    value = read_number_words(text, number_vocabulary())
    if value is not None:
        return value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as quantity_parser

        quantities = quantity_parser.parse(text)
    if len(quantities) != 1:
        return None
    quantity = quantities[0]
    value = float(quantity.value)
    if quantity.unit.name == "dozen":
        value *= 12
    elif quantity.unit.name not in ("dimensionless", ""):
        return None
    return value


def load_quantity_parser() -> None:
    """quantulum3 and its unit expressions, built now (about a second). The component builds them at load
    only when its `eager_quantity_parser` config asks: the word lists read every figure of the development
    folders and the benchmark corpus, so quantulum3 is reached by almost no document, and building it at
    load cost every run's start-up a second (more than the bare pipeline's whole load)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import regex as quantity_expressions

        # the language quantulum3's parse() reads by default: its cache is keyed on the arguments as given
        quantity_expressions.units_regex("en_US")


@lru_cache(maxsize=64)
def _by_length(options: tuple[tuple[str, ...], ...]) -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    """Phrases grouped by their number of words, longest first: one comparison a length, not a phrase."""
    lengths = sorted({len(option) for option in options}, reverse=True)
    return tuple((n, frozenset(o for o in options if len(o) == n)) for n in lengths)


def _phrase_before(doc: Doc, start: int, options: tuple[tuple[str, ...], ...], floor: int) -> int | None:
    """The start of the longest option that ends just before token `start` (not reaching below `floor`)."""
    words = lower_words(doc)
    for length, group in _by_length(options):
        begin = start - length
        if begin >= floor and tuple(words[begin:start]) in group:
            return begin
    return None


def _phrase_after(doc: Doc, end: int, options: tuple[tuple[str, ...], ...], ceiling: int) -> int | None:
    words = lower_words(doc)
    for length, group in _by_length(options):
        stop = end + length
        if stop <= ceiling and tuple(words[end:stop]) in group:
            return stop
    return None


class NumberFinder:
    """Finds figures that may be counts and leaves them on `doc._.numbers` (spans with `span._.number`)."""

    def __init__(self, nlp: Language, name: str = "briefing_numbers", eager_quantity_parser: bool = False):
        self.name = name
        self.vocab = number_vocabulary()
        if eager_quantity_parser:
            load_quantity_parser()
        register_document_extensions()
        set_span_list_extension("numbers")
        if not Span.has_extension("number"):
            Span.set_extension("number", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.numbers = find_numbers(doc, self.vocab)
        return doc


def _is_number_word(token: Token, vocab: NumberVocabulary) -> bool:
    lower = token.lower_
    if lower in vocab.multipliers or lower in vocab.scales:
        return True
    if not token.like_num or lower.startswith(("+", "-", "\u2212")):
        return False
    return not token.text.isdigit() or True


def _core_extent(doc: Doc, i: int, limit: int, vocab: NumberVocabulary) -> int:
    """The end of the numeric words starting at token i: digit groups, number words, scale words."""
    end = i + 1
    while end < limit:
        token, previous = doc[end], doc[end - 1]
        if (
            previous.text.isdigit()
            and len(previous.text) <= 3
            and token.text.isdigit()
            and len(token.text) == 3
        ):
            if previous.whitespace_ and document_text(doc)[previous.idx + len(previous) : token.idx] == " ":
                end += 1
                continue
        lower = token.lower_
        if lower in vocab.scales or lower in vocab.multipliers:
            end += 1
            continue
        if token.text == "-" and not previous.whitespace_ and end + 1 < limit and doc[end + 1].like_num:
            if previous.is_alpha and doc[end + 1].is_alpha:  # twenty-two
                end += 2
                continue
        if (
            lower in vocab.hundred_joiners
            and previous.lower_ in vocab.hundred_words
            and end + 1 < limit
            and doc[end + 1].like_num
        ):
            end += 2
            continue
        if token.is_alpha and token.like_num and previous.is_alpha and previous.lower_ in vocab.scales:
            end += 1
            continue
        break
    return end


def _value_of(doc: Doc, start: int, end: int, vocab: NumberVocabulary) -> int | None:
    share = vocab.fractions.get(doc[start].lower_)
    if share is not None and end - start > 1:
        whole = _value_of(doc, start + 1, end, vocab)
        part = whole * share if whole is not None else None
        return int(part) if part is not None and part == int(part) else None
    text = doc[start:end].text
    digits = parse_digits(text)  # also "2 845", digits grouped with spaces
    if digits is not None:
        return digits
    if end - start == 1:
        lower = text.lower()
        if lower in vocab.multipliers:
            return vocab.multipliers[lower]
        if lower in vocab.small_numbers:
            return vocab.small_numbers[lower]
    words = text.lower().split()
    if len(words) == 2 and words[1] in vocab.scales:
        try:
            return round(float(words[0].replace(",", "")) * vocab.scales[words[1]])
        except ValueError:
            pass
    if _digit_ordinal(text, vocab):
        return None
    if not any(c.isalpha() for c in text):
        try:
            value = float(text.replace(",", ""))  # a decimal: "2.5" alone is no count
        except ValueError:
            return None  # "03.10.2017" and the like
    else:
        value = parse_number_words(text)
    if value is None or value != int(value):
        return None
    return int(value)


def _digit_ordinal(text: str, vocab: NumberVocabulary) -> bool:
    """An ordinal in digits ("74th", "2nd"): a rank, no count, and no phrase for quantulum3 to read."""
    lower = text.lower()
    suffix = next((s for s in vocab.ordinal_suffixes if lower.endswith(s)), None)
    return suffix is not None and lower[: -len(suffix)].replace(",", "").isdigit()


def _glued_word(doc: Doc, i: int) -> str:
    """The run of tokens with no space between them around token i ("2009-12-CA-063")."""
    start = i
    while start > 0 and not doc[start - 1].whitespace_:
        start -= 1
    end = i
    while end < len(doc) - 1 and not doc[end].whitespace_:
        end += 1
    return doc[start : end + 1].text


def _looks_like_designation(doc: Doc, start: int) -> bool:
    """Su-34, S-400, BETAB-500, CA-063, Resolution 2254: a number glued to a name or code."""
    glued = _glued_word(doc, start)
    if "-" in glued and re.search(r"\d", glued) and re.search(r"[^\W\d_]", glued):
        return True
    if start == 0:
        return False
    previous = doc[start - 1]
    if previous.text in ("-", "/", "#", "№") and not previous.whitespace_ and start >= 2:
        return not doc[start - 2].like_num
    token = doc[start]
    if (
        previous.is_title
        and previous.pos_ == "PROPN"
        and token.head == previous
        and token.dep_ in ("nummod", "appos")
    ):
        return True
    return False


def _age_at(doc: Doc, i: int, vocab: NumberVocabulary) -> bool:
    """Whether token i opens an age: "19-year-old", "12 year old"."""
    words = [t.lower_ for t in doc[i + 1 : i + 5] if t.text != "-"]
    return (
        doc[i].like_num
        and len(words) >= 2
        and words[0].rstrip("s") in vocab.time_units
        and words[1] in vocab.age_after
    )


def _is_date_or_measure(doc: Doc, start: int, end: int, vocab: NumberVocabulary) -> bool:
    first, last = doc[start], doc[end - 1]
    if end < len(doc) and _age_at(doc, end, vocab):
        return False  # "two 19-year-old soldiers": the model's DATE over it all is the age's, not the count's
    if first.ent_type_ in NOT_COUNT_ENTITIES:
        return True
    after = doc[end] if end < len(doc) else None
    if after is not None:
        if (
            after.text in ("%", ":")
            or after.lemma_.lower() in vocab.measure_units
            or after.lower_ in vocab.measure_units
        ):
            return True
        if after.lemma_.lower() in vocab.time_units or after.lower_.rstrip("s") in vocab.time_units:
            return True
        if (
            after.text == "-"
            and end + 1 < len(doc)
            and (doc[end + 1].lower_ in vocab.time_units or doc[end + 1].lower_ in vocab.hyphenated_age_words)
        ):
            return True
    if end - start == 1 and YEAR.match(first.text):
        # a year unless it plainly counts the noun after it ("2000 oil tankers")
        if (
            first.ent_type_ == "DATE"
            or after is None
            or not (after.pos_ in ("NOUN", "ADJ") or after.tag_ == "NNS")
        ):
            return True
    if first.ent_type_ == "DATE":
        if (
            last.head.lemma_.lower() in vocab.time_units
            or last.head.ent_type_ == "DATE"
            and last.head != last
            and not last.head.like_num  # the upper bound of "10 and 15", which hangs on the lower one
            and not _counted_thing(last.head)
        ):
            return True
        # a month's or a day's name near it; not a word capitalized only as the sentence's first ("Between
        # 10 and 15 militants", which the model may take for a span of days)
        if any(
            t.ent_type_ == "DATE" and t.is_alpha and t.is_title and (t.pos_ == "PROPN" or not t.is_sent_start)
            for t in doc[max(start - 2, 0) : end + 2]
        ):
            return True
    return False


def _counted_thing(noun: Token) -> bool:
    """A plural common noun in lower case that the model took into a DATE with its figure ("8 mortars"):
    a thing counted, since no time unit reached this far (time_units are tested first)."""
    return noun.tag_ == "NNS" and noun.is_lower


def find_numbers(doc: Doc, vocab: NumberVocabulary | None = None) -> list[Span]:
    """Figures that may count something, with their readings; dates, measures and codes left out."""
    vocab = vocab or number_vocabulary()
    spans: list[Span] = []
    # only tokens that look like numbers or are scale words can start a figure: found from the arrays, a
    # Token object is made for those alone
    like_num, lowers = doc.to_array([LIKE_NUM, LOWER]).T
    number_words = word_hashes(frozenset(vocab.multipliers) | frozenset(vocab.scales))
    candidates = numpy.flatnonzero(like_num.astype(bool) | members(lowers, number_words)).tolist()
    i = 0
    for candidate in candidates:
        if candidate < i:
            continue  # inside the figure read last
        span, i = _figure_at(doc, candidate, vocab)
        if span is not None:
            spans.append(span)
    spans.extend(_find_vague_counts(doc, vocab, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def _after_scale_article(doc: Doc, i: int, vocab: NumberVocabulary) -> bool:
    return i > 0 and doc[i - 1].lower_ in vocab.scale_articles


def _figure_at(doc: Doc, i: int, vocab: NumberVocabulary) -> tuple[Span | None, int]:
    """The figure that starts at token `i`, if it counts something, and the token after what was read."""
    token = doc[i]
    scale_alone = token.lower_ in vocab.scales and not _after_scale_article(doc, i, vocab)
    if not _is_number_word(token, vocab) or scale_alone:
        return None, i
    sentence_start, sentence_end = sentence_bounds(doc, i)
    start = i
    if (token.lower_ in vocab.multipliers or token.lower_ in vocab.scales) and _after_scale_article(
        doc, i, vocab
    ):
        start = i - 1
        if start > sentence_start and doc[start - 1].lower_ in vocab.fractions:
            start -= 1  # "half a dozen"
    end = _core_extent(doc, i, sentence_end, vocab)
    if _phrase_before(doc, start, vocab.age_before, max(sentence_start, start - 4)) is not None:
        # "three soldiers aged 20 to 25": ages, the range's other end too
        if end + 1 < sentence_end and doc[end].lower_ in vocab.range_joiners:
            return None, _core_extent(doc, end + 1, sentence_end, vocab)
        return None, end
    if _looks_like_designation(doc, start) or _is_date_or_measure(doc, start, end, vocab):
        return None, end
    value = _value_of(doc, start, end, vocab)
    if value is None or value < 0:
        return None, end
    reading = NumberReading(value=value, core_start=start, core_end=end)
    span_end = _range_end(doc, start, end, sentence_end, reading, vocab)
    span_start = _qualified_start(doc, start, sentence_start, reading, vocab)
    delta_end = _delta_after(doc, span_end, sentence_end, reading)
    if delta_end is not None:
        span_end = delta_end
    if _phrase_after(doc, span_end, vocab.cumulative_after, sentence_end) is not None:
        reading.cumulative = True
    if _opens_with(doc, sentence_start, span_start, vocab.cumulative_openers):
        reading.cumulative = True  # "In total, since the beginning of the operation, 579 aircraft ..."
    span = Span(doc, span_start, span_end, label="COUNT")
    span._.number = reading
    return span, max(end, reading.core_end)


def _range_end(
    doc: Doc, start: int, end: int, sentence_end: int, reading: NumberReading, vocab: NumberVocabulary
) -> int:
    """Where the figure ends: after the upper bound of a range ("10 to 15", "between 10 and 15", setting
    `value_max`), else at `end`."""
    if not (
        end + 1 < sentence_end
        and doc[end].lower_ in vocab.range_joiners
        and _is_number_word(doc[end + 1], vocab)
    ):
        return end
    if not (doc[end].lower_ in vocab.closed_range_joiners or doc[start - 1].lower_ in vocab.range_openers):
        return end
    upper_end = _core_extent(doc, end + 1, sentence_end, vocab)
    upper = _value_of(doc, end + 1, upper_end, vocab)
    if upper is None or upper <= reading.value or _is_date_or_measure(doc, end + 1, upper_end, vocab):
        return end
    reading.value_max = upper
    reading.core_end = upper_end
    return upper_end


def _qualified_start(
    doc: Doc, start: int, sentence_start: int, reading: NumberReading, vocab: NumberVocabulary
) -> int:
    """Where the figure's span starts once "about" or "a total of" before it are taken in."""
    qualifier = _phrase_before(doc, start, vocab.approximate_before, sentence_start)
    if qualifier is not None:
        reading.approximate = True
        start = qualifier
    total = _phrase_before(doc, start, vocab.cumulative_before, sentence_start)
    if total is not None:
        reading.cumulative = True
        start = total
    return start


def _opens_with(doc: Doc, start: int, limit: int, options: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the sentence starting at token `start` opens with one of `options` before token `limit`."""
    while start < limit and (doc[start].is_space or doc[start].is_punct):
        start += 1
    return _phrase_after(doc, start, options, limit) is not None


def _delta_after(doc: Doc, end: int, limit: int, reading: NumberReading) -> int | None:
    """Reads a running total's change "(+10)" after the figure; returns the new span end."""
    if end + 2 < limit + 1 and end < len(doc) and doc[end].text == "(":
        j = end + 1
        pieces = []
        while j < min(limit, end + 5) and doc[j].text != ")":
            pieces.append(doc[j].text)
            j += 1
        text = "".join(pieces).replace("\u2212", "-")
        if j < len(doc) and doc[j].text == ")" and DELTA.match(text):
            sign = -1 if text.startswith("-") else 1
            digits = parse_digits(text.lstrip("+-").strip())
            if digits is not None:
                reading.delta = sign * digits
                reading.cumulative = True
                return j + 1
    return None


def _find_vague_counts(doc: Doc, vocab: NumberVocabulary, numbers: list[Span]) -> list[Span]:
    """Counts with no number: "several insurgents", "dozens of militants"."""
    taken = {t for span in numbers for t in range(span.start, span.end)}
    found = []
    by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, quantifier in sorted(vocab.quantifiers.items(), key=lambda item: -len(item[0])):
        by_first_word.setdefault(words[0], []).append((words, quantifier))
    lower = lower_words(doc)
    for i in range(len(doc)):
        if i in taken:
            continue
        span = _standalone_quantifier(doc, i, lower[i], vocab)
        if span is None and lower[i] in by_first_word:
            span = _quantified_phrase(doc, i, by_first_word[lower[i]], taken, vocab)
        if span is not None and _compared(span, lower, vocab):
            continue
        if span is not None:
            found.append(span)
            taken.update(range(span.start, span.end))
    return found


def _compared(span: Span, lower: list[str], vocab: NumberVocabulary) -> bool:
    """ "twice as many civilians", "so many": a one-word quantifier right after a degree word is a comparison,
    no count (not "as well as a number of fighters")."""
    start = span._.number.core_start
    return start > 0 and start + 1 == span._.number.core_end and lower[start - 1] in vocab.degree_words


def _standalone_quantifier(doc: Doc, i: int, lower: str, vocab: NumberVocabulary) -> Span | None:
    """ "hundreds were wounded": a quantifier standing for what it counts, as a subject or object."""
    if lower not in vocab.standalone_quantifiers:
        return None
    token = doc[i]
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj") or any(c.dep_ == "prep" for c in token.children):
        return None
    span = Span(doc, i, i + 1, label="COUNT")
    quantifier = vocab.standalone_quantifiers[lower]
    span._.number = NumberReading(value=None, quantifier=quantifier, core_start=i, core_end=i + 1)
    return span


def _quantified_phrase(
    doc: Doc, i: int, options: list[tuple[tuple[str, ...], str]], taken: set[int], vocab: NumberVocabulary
) -> Span | None:
    """A quantifier phrase over what it counts ("several insurgents", "dozens of tourists"), the longest
    first."""
    if _inside_a_counted_phrase(doc[i]):
        return None
    for words, quantifier in options:
        end = _phrase_end(doc, i, words)
        if end is None or end >= len(doc):
            continue
        noun = _quantified_noun(doc, end, vocab)
        if noun is None or noun.i in taken:
            continue
        if words in vocab.plural_only_quantifiers and (noun.like_num or noun.tag_ not in ("NNS", "NNPS")):
            continue
        if noun.pos_ in ("PRON", "DET") and doc[noun.i - 1].lower_ not in vocab.partitive_words:
            continue
        if noun.pos_ in ("PRON", "DET") and words[-1] in vocab.partitive_words:
            # "a handful of his fighters": the count ends before its "of", which then names the group as
            # in "several of his fighters" (a count ending at "of" has no noun run after it)
            end -= 1
        span = Span(doc, i, end, label="COUNT")
        span._.number = NumberReading(value=None, quantifier=quantifier, core_start=i, core_end=end)
        return span
    return None


def _phrase_end(doc: Doc, start: int, words: tuple[str, ...]) -> int | None:
    """Where the phrase `words` that starts at `start` ends, quotation marks inside it passed over ("killed
    \"scores\" of insurgents": a writer's quotes on the vague word); None when it does not stand there."""
    lower = lower_words(doc)
    i = start
    for k, word in enumerate(words):
        while k and i < len(doc) and doc[i].is_quote:
            i += 1
        if i >= len(doc) or lower[i] != word:
            return None
        i += 1
    while i < len(doc) and doc[i].is_quote and doc[i].dep_ == "punct":
        i += 1  # the quotes' end, before what is counted
    return i


def _inside_a_counted_phrase(word: Token) -> bool:
    """ "two HIMARS multiple launch rocket system projectiles": a quantifier's word inside a noun phrase a
    figure before it counts is part of a name ("multiple launch rocket system"), no count of its own."""
    head = word
    while head.dep_ in NAME_PART_DEPS and head.head.i > head.i:
        head = head.head
    return head is not word and any(c.dep_ == "nummod" and c.i < word.i for c in head.children)


def _quantified_noun(doc: Doc, end: int, vocab: NumberVocabulary) -> Token | None:
    """What the quantifier ending before `end` counts, or None when no noun follows it."""
    noun = doc[end]
    if noun.pos_ == "ADV" and end + 1 < len(doc) and noun.head.i > noun.i and noun.head.dep_ == "amod":
        noun = doc[end + 1]  # "several heavily armed insurgents"
    if noun.lower_ in vocab.partitive_words and end + 1 < len(doc) and doc[end + 1].pos_ in ("PRON", "DET"):
        noun = doc[end + 1]  # "several of them", "some of those"
    elif noun.lower_ in vocab.partitive_words and end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "ADJ"):
        noun = doc[end + 1]  # "dozens of tourists"
    # "several insurgents", "several suspected insurgents", "multiple armed men"
    if noun.pos_ not in ("NOUN", "PROPN", "ADJ", "PRON", "DET") and not (
        noun.tag_ in ("VBN", "VBG") and noun.dep_ in ("amod", "compound")
    ):
        return None
    return noun


@evaluated_annotations
@Language.factory("briefing_numbers", default_config={"eager_quantity_parser": False})
def make_number_finder(nlp: Language, name: str, eager_quantity_parser: bool) -> NumberFinder:
    """The number finder as a pipeline component; `eager_quantity_parser` builds quantulum3's unit
    expressions at load rather than at the first figure the word lists cannot read."""
    return NumberFinder(nlp, name, eager_quantity_parser)
