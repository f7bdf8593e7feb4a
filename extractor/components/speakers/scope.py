"""Which clauses and sentences each source speaks for, and the speakers a document keeps."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy
from spacy.attrs import DEP, HEAD, IDX, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extractor.components.document import (
    alphabetic,
    document_text,
    entities_in,
    sentence_spans,
    token_starts,
)
from extractor.components.page import TERMINAL, QuoteSpan, in_dateline
from extractor.components.speakers.frames import Report, find_reports
from extractor.components.speakers.header import find_issuing_body
from extractor.components.speakers.mentions import Mention
from extractor.components.speakers.registry import Candidate, SpeakerRegistry
from extractor.components.speakers.vocabulary import (
    SpeakerVocabulary,
    phrase_word_list,
    phrase_words,
    speaker_vocabulary,
)

# a run of word characters and hyphens: what a repeated name must stand apart from
WORD_RUN = re.compile(r"[\w-]+")

YEAR = re.compile(r"^(19|20)\d\d$")
MONTHS = phrase_word_list("months")
YEAR_BEFORE = phrase_words("year_openers")
MONTH_PREFIXES = {m[:3] for m in MONTHS}
PAST_DATE_WORDS = phrase_words("past_date_words")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


@dataclass
class SpeakerInfo:
    id: str
    kind: str  # "person" or "organization"
    name: str
    title: str | None = None
    role: str | None = None
    organization: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character offsets


@dataclass
class QuoteInfo:
    id: str
    start: int  # character offsets of the quoted words
    end: int
    speaker_id: str | None = None


def _is_year(token: Token) -> bool:
    """A four-digit number that is a year, not a count ("in 2011", "May 1994", not "2000 oil tankers")."""
    if not YEAR.match(token.text):
        return False
    before = token.doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
    return token.ent_type_ == "DATE" or before in YEAR_BEFORE or before[:3] in MONTH_PREFIXES


FOUR_DIGITS_KEY = "briefing_extractor.four_digit_tokens"


def _four_digit_tokens(doc: Doc) -> list[int]:
    """The tokens shaped as four digits, the only ones YEAR can match, found once per document from its
    arrays: asking every token of every sentence made a Token of each."""
    found = doc.user_data.get(FOUR_DIGITS_KEY)
    if found is None:
        shapes = doc.to_array(SHAPE)
        found = doc.user_data[FOUR_DIGITS_KEY] = numpy.flatnonzero(shapes == get_string_id("dddd")).tolist()
    return found


def _years(sentence: Span, in_quote: list[int]) -> list[int]:
    doc = sentence.doc
    candidates = _four_digit_tokens(doc)
    first = bisect.bisect_left(candidates, sentence.start)
    last = bisect.bisect_left(candidates, sentence.end, first)
    tokens = [doc[i] for i in candidates[first:last] if in_quote[i] < 0]
    return [int(t.text) for t in tokens if _is_year(t)]


def reads_as_background(sentence: Span, in_quote: list[int], reference_year: int | None) -> bool:
    """History rather than the report: a year at least two years before the text's own."""
    if reference_year is None:
        return False
    return any(year <= reference_year - 2 for year in _years(sentence, in_quote))


def dated_before(sentence: Span, published_month: int | None) -> bool:
    """The sentence is set at an earlier time (last June, in December, years ago) than the report itself."""
    for entity in entities_in(sentence.doc, sentence.start, sentence.end):
        if entity.label_ != "DATE":
            continue
        words = {t.lower_ for t in entity}
        if words & PAST_DATE_WORDS or any(YEAR.match(t.text) for t in entity):
            return True
        months = [MONTHS.index(w) + 1 for w in words if w in MONTHS]
        if months and published_month is not None and months[0] != published_month:
            return True
    return False


def _is_furniture(text: str, sentence: Span, paragraph: tuple[int, int]) -> bool:
    """A headline, caption or byline: the last words of a paragraph that close no sentence."""
    if sentence.end_char < paragraph[1] - 1:
        return False
    return not text[paragraph[0] : paragraph[1]].rstrip().endswith(TERMINAL)


def _caption_sentences(
    text: str, sentences: list[Span], paragraphs: list[tuple[int, int]], paragraph_of: Callable[[int], int]
) -> set[int]:
    """The sentences that close a paragraph with no full stop, in a document whose other paragraphs close
    with one: captions and headlines ("... and the ministry said two helicopters were shot down" under a
    photo), page furniture that speaks for no claim."""
    closed = [text[a:b].rstrip().endswith(TERMINAL) for a, b in paragraphs]
    if sum(closed) < 2:
        return set()
    return {
        number
        for number, sentence in enumerate(sentences)
        if not closed[paragraph_of(sentence.start_char)]
        and _is_furniture(text, sentence, paragraphs[paragraph_of(sentence.start_char)])
    }


def _choose_report(doc: Doc, reports: list[Report]) -> tuple[Report, Report]:
    """Of several reports in a sentence, the innermost speaks for the sentence ("Moscow reported ... that the
    Pentagon said X" is the Pentagon's claim) and the outermost goes on in the sentences after it. Reports
    side by side ("A claimed X, but B rejected it"): the first."""

    def inside(inner: Report, outer: Report) -> bool:
        token = doc[inner.verb]
        while token.head.i != token.i:
            if token.head.i == outer.verb:
                return token.dep_ != "conj"
            token = token.head
        return False

    innermost = [r for r in reports if r.inner] or [
        r for r in reports if not any(o is not r and inside(o, r) for o in reports)
    ]
    # a source that covers its own clause only ("according to X") goes on in no sentence after it
    going_on = [r for r in reports if r.scope == "report"] or reports
    outermost = [r for r in going_on if not any(o is not r and inside(r, o) for o in going_on)]
    return min(innermost or reports, key=lambda r: r.verb), min(outermost or going_on, key=lambda r: r.verb)


# how a report's words may hang on the clause they attribute: "..., the ministry said" (parataxis, ccomp, an
# advcl the parse made of it), "according to X" (prep); a subordinate clause ("after Moscow announced the
# offensive", a relative clause) reports nothing of the clause it hangs on
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "amod", "pcomp", "csubj", "nsubj", "nsubjpass", "dobj", "pobj"})


def _attributes_its_head(token: Token, vocab: SpeakerVocabulary) -> bool:
    if token.dep_ in SUBORDINATE_DEPS:
        return False
    return not (
        token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ not in vocab.attributive_marks for c in token.children)
    )


def _attachment(anchor: Token, vocab: SpeakerVocabulary) -> Token | None:
    """The clause a report hangs on. "Jets destroyed 12 tanks the ministry said": with its commas stripped,
    the parse makes the report a relative clause of the noun before it, one with no relative word."""
    if anchor.dep_ == "relcl" and not any(c.tag_ in RELATIVE_TAGS for c in anchor.children):
        head = anchor.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return head if head.pos_ in ("VERB", "AUX") else None
    if anchor.head.i != anchor.i and _attributes_its_head(anchor, vocab):
        return anchor.head
    return None


COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
TRAILING_TAIL = 6  # words a trailing report may have after its verb ("in a statement on Sunday")


def _trailing_subject(verb: Token) -> int | None:
    """Where the subject of a report that closes its sentence starts ("... the Russian army said."): the
    verb in the past, its subject right before it, nothing reported after it."""
    if verb.tag_ != "VBD" or any(c.dep_ in COMPLEMENT_DEPS and c.i > verb.i for c in verb.children):
        return None
    sentence = verb.sent
    if sum(t.is_alpha for t in verb.doc[verb.i + 1 : sentence.end]) > TRAILING_TAIL:
        return None
    # the nearest subject: a run-on parse may give the verb two ("dozens of others ... the army said")
    subject = max(
        (c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i, default=None
    )
    if subject is None or subject.right_edge.i != verb.i - 1:
        return None
    return subject.left_edge.i


def _headline_run_in(doc: Doc, reports: list[Report]) -> dict[int, int]:
    """A headline in the present run into a story whose first sentence closes with its source ("Russia says
    62 troops killed AFP Sunday More than 60 soldiers were killed ... the Russian army said."): what lies
    between the headline's verb and the closing report is the closing report's, however the parse nested
    the two verbs (coordinated, two complements, or the headline inside the report)."""
    found: dict[int, int] = {}
    for closing in reports:
        start = _trailing_subject(doc[closing.verb])
        if start is None:
            continue
        openers = [r.verb for r in reports if r.verb < start and doc[r.verb].tag_ in PRESENT_TAGS]
        if openers:
            found.update(dict.fromkeys(range(max(openers) + 1, doc[closing.verb].i + 1), closing.speaker))
    return found


HEADS_KEY = "briefing_extractor.head_indices"
NEGATED_KEY = "briefing_extractor.negated_complements"


def _negated_complements(doc: Doc) -> frozenset[int]:
    """The complements of a negated verb ("saying he did not believe the strike occurred"): a clause below
    one of them under a report is one its source vouches for nothing of. Read once per document from the
    arrays: testing each step of every token's path made a Token of each step and of its head's children."""
    found = doc.user_data.get(NEGATED_KEY)
    if found is None or found[0] != len(doc):
        heads = _head_indices(doc)
        deps = doc.to_array(DEP).tolist()
        negation, complement = get_string_id("neg"), get_string_id("ccomp")
        negated_heads = {heads[i] for i, dep in enumerate(deps) if dep == negation}
        steps = frozenset(i for i, dep in enumerate(deps) if dep == complement and heads[i] in negated_heads)
        found = doc.user_data[NEGATED_KEY] = (len(doc), steps)
    return found[1]


def _head_indices(doc: Doc) -> list[int]:
    """The index of each token's head, read once per document: walking Token.ancestors made a Token of every
    step for every token of every sentence."""
    heads = doc.user_data.get(HEADS_KEY)
    if heads is None or len(heads) != len(doc):
        offsets = doc.to_array(HEAD).astype(numpy.int64)
        heads = doc.user_data[HEADS_KEY] = (numpy.arange(len(doc)) + offsets).tolist()
    return heads


def _ancestor_path(heads: list[int], i: int, most: int) -> list[int]:
    """Token i and its first `most` ancestors, nearest first (Token.ancestors as indices)."""
    path = [i]
    while len(path) <= most and heads[i] != i:
        i = heads[i]
        path.append(i)
    return path


def _reporting_verb(token: Token, vocab: SpeakerVocabulary) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in vocab.reporting_verbs


def clause_speakers(
    doc: Doc, sentence: Span, reports: list[Report], vocab: SpeakerVocabulary
) -> dict[int, int | None]:
    """The source of each token of a sentence that names its own sources: the nearest reporting verb above
    it in the parse ("X said that Y said Z": Z is Y's; "X said Z, according to Y": Z is X's), else a report
    hanging on a clause above it ("Z, Y said"); None for a clause no source covers ("After Moscow announced
    the offensive, 12 died"). A source cited inside a report ("X reported, citing Y, that") speaks for it."""
    by_anchor: dict[int, int] = {}
    attached: dict[int, list[Report]] = {}
    for report in sorted(reports, key=lambda r: r.inner):
        anchor = doc[report.verb]
        by_anchor.setdefault(report.verb, report.speaker)
        host = next((a for a in anchor.ancestors if a.i in by_anchor), None) if report.inner else None
        if report.inner and host is None:
            # "The agency SANA, citing a military source, said ...": the parse left the verb the source is
            # cited for without its subject, and so without a report of its own
            host = next((a for a in anchor.ancestors if _reporting_verb(a, vocab)), None)
        if host is not None:
            by_anchor[host.i] = report.speaker
        head = _attachment(anchor, vocab)
        if head is not None:
            # "X were captured and Y were killed, according to CENTCOM": a report hung on the last of
            # coordinated clauses speaks for all of them
            attached.setdefault(head.i, []).append(report)
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
                attached.setdefault(head.i, []).append(report)
    _relayed_reports(doc, reports, by_anchor)
    found: dict[int, int | None] = {}
    heads = _head_indices(doc)
    negated = _negated_complements(doc)
    for i in range(sentence.start, sentence.end):
        path = _ancestor_path(heads, i, 40)
        reached = next((k for k, step in enumerate(path) if step in by_anchor), None)
        speaker = by_anchor[path[reached]] if reached is not None else None
        if reached is not None and any(step in negated for step in path[:reached]):
            found[i] = None
            continue
        if speaker is None:
            hanging = next((attached[step] for step in path if step in attached), None)
            speaker = by_anchor[hanging[0].verb] if hanging else None
        found[i] = speaker
    found.update(_headline_run_in(doc, reports))
    return found


def _relayed_reports(doc: Doc, reports: list[Report], by_anchor: dict[int, int]) -> None:
    """ "The council said 30 fighters were killed, state news agency SUNA reported": a report closing the
    sentence that the parse made the complement of the report before it passes that one on; what it covers
    is what the first source said."""
    for report in reports:
        verb = doc[report.verb]
        first = verb.head
        if verb.dep_ != "ccomp" or first.i >= verb.i or by_anchor.get(first.i) is None:
            continue
        if _trailing_subject(verb) is not None:
            by_anchor[verb.i] = by_anchor[first.i]


@dataclass
class _Layout:
    """A document's sentences, paragraphs and quotations, and where a character or token stands in them."""

    doc: Doc
    text: str
    sentences: list[Span]
    paragraphs: list[tuple[int, int]]
    quotes: list[QuoteSpan]
    in_quote: list[int]  # the quote each token starts in, else -1
    paragraph_starts: list[int] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.paragraph_starts = [a for a, _ in self.paragraphs]
        self.sentence_starts = [s.start_char for s in self.sentences]

    def paragraph_of(self, char: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, char) - 1, 0)

    def sentence_at(self, char: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, char) - 1, 0)


def _quote_of_tokens(doc: Doc, quotes: list[QuoteSpan]) -> list[int]:
    """The quote each token starts in, else -1; where quotes overlap, the earlier one."""
    in_quote = [-1] * len(doc)
    starts = token_starts(doc)
    for q in reversed(range(len(quotes))):
        first, last = bisect.bisect_left(starts, quotes[q].start), bisect.bisect_left(starts, quotes[q].end)
        in_quote[first:last] = [q] * (last - first)
    return in_quote


def find_speakers(
    doc: Doc, vocab: SpeakerVocabulary | None = None
) -> tuple[list[SpeakerInfo], list[QuoteInfo], dict[int, str], dict[int, str | None]]:
    """The speakers of a parsed document, its quotations, the speaker of each attributed sentence and, in the
    sentences that name their own sources, the source of each token's clause (see clause_speakers)."""
    vocab = vocab or speaker_vocabulary()
    text = document_text(doc)
    sentences = sentence_spans(doc)
    paragraphs = doc._.paragraphs  # the layout component's
    # copies: the speakers found are written on them, and the layout's own records stay as found
    quotes = [replace(quote) for quote in doc._.quote_spans]
    layout = _Layout(doc, text, sentences, paragraphs, quotes, _quote_of_tokens(doc, quotes))

    registry = SpeakerRegistry(vocab)
    release = find_issuing_body(doc, vocab)
    body = None
    if release is not None:
        start, end, _ = release
        name = text[start:end]
        body = registry.add(Mention(start, end, "organization", name, organization=name, named=True))

    captions = _caption_sentences(text, sentences, paragraphs, layout.paragraph_of)
    reports = [r for r in find_reports(doc, sentences, layout.in_quote, vocab) if r.sentence not in captions]
    _register(registry, reports, doc)
    by_sentence: dict[int, list[Report]] = {}
    for report in reports:
        if report.speaker is not None:
            by_sentence.setdefault(report.sentence, []).append(report)
    _speakers_of_quotes(layout, by_sentence)

    reader = _SentenceReader(layout, by_sentence, vocab, body, release[2] if release else len(text))
    attributed = reader.read()
    for quote in quotes:
        if quote.speaker is None:
            quote.speaker = attributed.get(sentences[layout.sentence_at(quote.start)].start)
    return _results(text, registry, quotes, attributed, reader.by_token)


def _speakers_of_quotes(layout: _Layout, by_sentence: dict[int, list[Report]]) -> None:
    """A quotation's speaker: the reporting clause beside it in its paragraph, the nearest when there are
    several, else the speaker of the quotation it goes on from (in its paragraph or the one before)."""
    doc, text, sentence_at = layout.doc, layout.text, layout.sentence_at
    previous: QuoteSpan | None = None
    for quote in layout.quotes:
        near = set(range(sentence_at(quote.outer_start), sentence_at(max(quote.outer_end - 1, 0)) + 1))
        near.add(sentence_at(min(quote.outer_end + 1, len(text) - 1)))
        if quote.outer_start > 0:
            near.add(sentence_at(quote.outer_start - 1))
        options = [
            r
            for k in near
            for r in by_sentence.get(k, [])
            if layout.paragraph_of(doc[r.verb].idx) == quote.paragraph
        ]
        if options:
            closest = min(
                options,
                key=lambda r: min(
                    abs(doc[r.verb].idx - quote.outer_end), abs(doc[r.verb].idx - quote.outer_start)
                ),
            )
            quote.speaker = closest.speaker
        elif (
            previous is not None
            and previous.speaker is not None
            and quote.paragraph - previous.paragraph <= 1
        ):
            quote.speaker = previous.speaker
        previous = quote


def _reference_dates(doc: Doc) -> tuple[int | None, int | None]:
    """The year background is told from (the published date's, else the latest year the text gives) and the
    published month."""
    published = doc._.published if Doc.has_extension("published") else None
    if published is not None:
        return published.year, published.month
    tokens = [doc[i] for i in _four_digit_tokens(doc)]
    years = [int(t.text) for t in tokens if _is_year(t)]
    return (max(years) if years else None), None


@dataclass
class _Carry:
    """The source that goes on into the sentences after its report, and how far it has gone."""

    speaker: int | None = None
    kind: str = ""  # "quote" or "report": what it went on from
    paragraph: int = -1
    hops: int = 0  # paragraphs it has crossed

    def start(self, speaker: int | None, kind: str, paragraph: int) -> None:
        self.speaker, self.kind, self.paragraph, self.hops = speaker, kind, paragraph, 0


class _SentenceReader:
    """Reads a document sentence by sentence: the speaker of each sentence (its own report, the quotation it
    is, the source carried from a report before, else the body that issued the release) and, in sentences
    that name their own sources, the source of each token's clause."""

    def __init__(
        self,
        layout: _Layout,
        by_sentence: dict[int, list[Report]],
        vocab: SpeakerVocabulary,
        body: int | None,
        body_start: int,
    ):
        self.layout, self.by_sentence, self.vocab = layout, by_sentence, vocab
        self.body, self.body_start = body, body_start
        self.reference_year, self.published_month = _reference_dates(layout.doc)
        self.alpha = alphabetic(layout.doc)
        self.carry = _Carry()
        self.by_token: dict[int, int | None] = {}

    def read(self) -> dict[int, int]:
        """The speaker of each attributed sentence, by its first token."""
        attributed: dict[int, int] = {}
        for number, sentence in enumerate(self.layout.sentences):
            speaker = self._speaker_of(number, sentence)
            if speaker is None and self.body is not None and sentence.start_char >= self.body_start:
                speaker = self.body
            if speaker is not None:
                attributed[sentence.start] = speaker
        return attributed

    def _speaker_of(self, number: int, sentence: Span) -> int | None:
        layout = self.layout
        paragraph = layout.paragraph_of(sentence.start_char)
        words = [i for i in range(sentence.start, sentence.end) if self.alpha[i]]
        quoted = [layout.in_quote[i] for i in words if layout.in_quote[i] >= 0]
        found = self.by_sentence.get(number)
        if _opens_with_dateline(layout.doc, sentence):
            self.carry.speaker = None  # the story starts here: nothing above its dateline speaks for it
        if found:
            return self._reported(sentence, found, quoted, paragraph)
        if words and len(quoted) * 2 >= len(words):
            return self._quoted(quoted, paragraph)
        if self.carry.speaker is not None and self.body is None:
            return self._carried(sentence, paragraph)
        return None

    def _reported(self, sentence: Span, found: list[Report], quoted: list[int], paragraph: int) -> int | None:
        """A sentence with its own reports: the innermost speaks for it, the outermost goes on after it."""
        chosen, framing = _choose_report(self.layout.doc, found)
        speaker = chosen.speaker
        self.carry.start(framing.speaker, "quote" if framing.quoted else "report", paragraph)
        if framing.scope == "clause":
            self.carry.speaker = None
        self.by_token.update(clause_speakers(self.layout.doc, sentence, found, self.vocab))
        for index in set(quoted):
            if self.layout.quotes[index].speaker is None:
                self.layout.quotes[index].speaker = speaker
        return speaker

    def _quoted(self, quoted: list[int], paragraph: int) -> int | None:
        """A sentence that is mostly a quotation: the quotation's speaker, else the source carried into its
        paragraph."""
        quote = self.layout.quotes[max(set(quoted), key=quoted.count)]
        carry = self.carry
        if quote.speaker is None and carry.speaker is not None and paragraph == carry.paragraph:
            quote.speaker = carry.speaker
        if quote.speaker is not None:
            carry.start(quote.speaker, "quote", paragraph)
        return quote.speaker

    def _carried(self, sentence: Span, paragraph: int) -> int | None:
        """A sentence with no source of its own: the carried source, which stops at furniture, background, a
        paragraph after a quotation, a second paragraph, or a paragraph set at an earlier time."""
        layout, carry = self.layout, self.carry
        paragraphs = layout.paragraphs
        furniture = _is_furniture(layout.text, sentence, paragraphs[paragraph]) if paragraphs else False
        if furniture or reads_as_background(sentence, layout.in_quote, self.reference_year):
            carry.speaker = None
        elif paragraph != carry.paragraph:
            if carry.kind == "quote" or carry.hops >= 1 or dated_before(sentence, self.published_month):
                carry.speaker = None
            else:
                carry.hops += 1
                carry.paragraph = paragraph
        return carry.speaker


def _results(
    text: str,
    registry: SpeakerRegistry,
    quotes: list[QuoteSpan],
    attributed: dict[int, int],
    by_token: dict[int, int | None],
) -> tuple[list[SpeakerInfo], list[QuoteInfo], dict[int, str], dict[int, str | None]]:
    """The speakers that are the source of something (the others are dropped), ids in order of first
    mention, with the quotes, sentences and clauses they speak for."""
    used = set(attributed.values()) | {q.speaker for q in quotes if q.speaker is not None}
    used |= {index for index in by_token.values() if index is not None}
    order = sorted(used, key=lambda i: min(registry.speakers[i].mentions))
    ids = {index: f"s{n + 1}" for n, index in enumerate(order)}
    speakers = []
    words = _word_index(text) if order else {}
    for index in order:
        candidate = registry.speakers[index]
        mentions = sorted(set(candidate.mentions) | set(_repeated_names(text, candidate, words)))
        speakers.append(
            SpeakerInfo(
                id=ids[index],
                kind=candidate.kind,
                name=candidate.name,
                title=candidate.title,
                role=candidate.role,
                organization=candidate.organization,
                mentions=_without_overlaps(mentions),
            )
        )
    quote_infos = [
        QuoteInfo(id=f"q{n + 1}", start=q.start, end=q.end, speaker_id=ids.get(q.speaker))
        for n, q in enumerate(quotes)
    ]
    sentence_speakers = {start: ids[index] for start, index in attributed.items()}
    token_speakers = {i: (ids[index] if index is not None else None) for i, index in by_token.items()}
    return speakers, quote_infos, sentence_speakers, token_speakers


def _register(registry: SpeakerRegistry, reports: list[Report], doc: Doc) -> None:
    """Each report's speaker, one per person or body. A speaker a report only describes ("a monitoring
    group said") is the one the next report names, when that one is new, of the same kind and speaks in the
    next sentence or the one after ("... the Syrian Observatory for Human Rights said")."""
    described: tuple[int, int, str] | None = None  # speaker, sentence, kind
    text = document_text(doc)
    for report in reports:
        mention = report.mention
        if (
            described is not None
            and mention.named
            and mention.kind == described[2]
            and report.sentence - described[1] <= 2
            and registry.resolve(mention) is None
        ):
            registry.name_later(described[0], mention)
            report.speaker, described = described[0], None
            continue
        if registry.resolve(mention) is None:
            _name_the_armed_group(text, mention, registry.vocab)
            _name_the_unit(doc, mention, registry.vocab)
        found = registry.mention(mention)
        report.speaker = found if found >= 0 else None
        if report.speaker is not None and registry.is_description(mention):
            described = (report.speaker, report.sentence, mention.kind)
        elif report.speaker is not None and (described is None or report.speaker != described[0]):
            described = None


def _name_the_armed_group(text: str, mention: Mention, vocab: SpeakerVocabulary) -> None:
    """ "The Houthis fired 3 missiles at a tanker, the group said": "the group" that no speaker before fits
    is the armed group named last before it (armed_groups.json), by its name as written there."""
    if mention.kind != "organization" or mention.anaphor != "definite" or mention.plural:
        return
    if mention.head not in vocab.armed_group_words:
        return
    group = vocab.armed_group_before(text, mention.start)
    if group is not None:
        mention.name = mention.organization = group
        mention.anaphor, mention.named = None, True


UNIT_LOOKBACK = 120  # tokens before "the brigade" searched for the unit's name
UNIT_NAME_DEPS = frozenset({"compound", "amod", "nummod", "nmod"})


def _name_the_unit(doc: Doc, mention: Mention, vocab: SpeakerVocabulary) -> None:
    """ "The 47th Mechanized Brigade destroyed 4 tanks, the brigade said": "the brigade" that no speaker
    before fits is the unit whose name in capitals, headed by that word, the text gave last before it; "the
    unit" is the one named by any unit's word (posts.json unit_heads)."""
    if mention.kind != "organization" or mention.anaphor != "definite" or mention.plural:
        return
    heads = vocab.unit_heads if mention.head == "unit" else vocab.unit_heads & {mention.head}
    if not heads:
        return
    # the words before the mention, found by bisection rather than by a Token made for each word of the text
    end = int(numpy.searchsorted(doc.to_array(IDX), mention.start))
    for token in reversed(doc[max(0, end - UNIT_LOOKBACK) : end]):
        if token.lower_ not in heads or not token.is_title or token.is_sent_start:
            continue
        words = [token]
        while words[0].i > 0:
            left = doc[words[0].i - 1]
            if left.head != token or left.dep_ not in UNIT_NAME_DEPS or not (left.is_title or left.like_num):
                break
            words.insert(0, left)
        if len(words) > 1:
            mention.name = mention.organization = doc[words[0].i : token.i + 1].text
            mention.anaphor, mention.named = None, True
            return


def _opens_with_dateline(doc: Doc, sentence: Span) -> bool:
    """The sentence starts with a dateline ("KABUL, Afghanistan (Nov. 14, 2010) -", "DAMASCUS (Sputnik)"):
    a story begins there."""
    first = next((t for t in sentence if t.is_alpha), None)
    if first is None:
        return False
    if in_dateline(doc, first.idx):
        return True
    after = doc[first.i + 1] if first.i + 1 < sentence.end else None
    return (
        len(first) >= 4
        and first.is_upper
        and after is not None
        and (after.text in ("(", ",", "\u2014", "\u2013", "-") or first.ent_type_ in ("GPE", "LOC"))
    )


def _word_index(text: str) -> dict[str, list[int]]:
    """Where each run of word characters and hyphens starts in `text`: a name stands only at the start of
    one, so each speaker's names are looked up there instead of searched for through the whole text."""
    index: dict[str, list[int]] = {}
    for match in WORD_RUN.finditer(text):
        index.setdefault(match.group(), []).append(match.start())
    return index


def _repeated_names(text: str, candidate: Candidate, words: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Other places the text names a named speaker: the full name, and a person's surname, standing apart
    from other words; `words` is the text's _word_index."""
    names = {candidate.name}
    if candidate.kind == "person":
        parts = candidate.name.split()
        if len(parts) > 1 and len(parts[-1]) >= 4:
            names.add(parts[-1])
    found = []
    for name in names:
        if not name[:1].isupper():
            continue
        first = WORD_RUN.match(name)
        for start in words.get(first.group(), []) if first else []:
            end = start + len(name)
            if text.startswith(name, start) and not WORD_RUN.match(text[end : end + 1]):
                found.append((start, end))
    return found


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest first at each place; a span inside one already kept is dropped."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
