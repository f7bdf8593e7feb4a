"""The speaker finder: people and bodies who speak, their titles and posts, quotes and attribution."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.components.dates import in_dateline
from extractor.components.document import (
    alphabetic,
    document_text,
    entities_in,
    members,
    register_document_extensions,
    sentence_of,
    sentence_spans,
    token_starts,
    word_hashes,
)
from extractor.factories import evaluated_annotations
from extractor.vocabulary import VocabularyError, load_data, require

ARTICLES = {"the", "a", "an", "another", "this", "that", "these", "those"}
JOIN_STOPWORDS = {"the", "a", "an", "of", "in", "for", "at", "on", "and", "'s", "s", "'", "’s", "’"}
# a line that ends with one of these closes its paragraph; otherwise a hard-wrapped line may run on
TERMINAL = (".", "!", "?", '"', "\u201d", "'", "\u2019", ":", ")", ";")
DOUBLE_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
DOUBLE_OPENERS = "\u201c\u201e\u00ab"
DOUBLE_CLOSERS = "\u201d\u00bb"
SINGLE_QUOTES = "'\u2018\u2019"
QUOTE_MARKS = re.compile("[" + re.escape(DOUBLE_QUOTES + SINGLE_QUOTES) + "]")
OPENING_CONTEXT = "([{\u2014\u2013-/:;,\u2026"
YEAR = re.compile(r"^(19|20)\d\d$")
# a run of word characters and hyphens: what a repeated name must stand apart from
WORD_RUN = re.compile(r"[\w-]+")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
YEAR_BEFORE = {"in", "since", "from", "until", "till", "to", "by", "of", "early", "late", "mid", "-", ","}
MONTH_PREFIXES = {m[:3] for m in MONTHS}
PAST_DATE_WORDS = {"last", "ago", "earlier", "previous", "past", "years", "decade", "decades", "century"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NAME_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "abu",
    "abdel",
    "abd",
    "de",
    "van",
    "von",
    "der",
    "da",
    "di",
    "le",
    "la",
}
# the words of a header line that name what the document is, not who issues it
DATE_IN_HEADER = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s*\d{4})?"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b(?:19|20)\d\d\b|\(\s*\)|\d{1,2}:\d{2}",
    re.IGNORECASE,
)
RELEASE_NUMBER = re.compile(r"^\s*\d{4}-\d{2}-[A-Z]{1,3}-\d{2,4}")
DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]+,\s+[A-Z][A-Za-z .'-]+\s*[(\u2014\u2013-]")


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


@dataclass(frozen=True)
class SpeakerVocabulary:
    """The word lists the finder reads: ranks, posts, reporting words and organization heads."""

    ranks: tuple[str, ...]
    honorifics: frozenset[str]
    reporting_verbs: frozenset[str]
    verbs_needing_speech: frozenset[str]
    report_nouns: frozenset[str]
    posts: tuple[tuple[str, ...], ...]
    post_modifiers: frozenset[str]
    person_heads: frozenset[str]
    group_heads: frozenset[str]
    organization_heads: frozenset[str]
    header_heads: frozenset[str]
    synonyms: dict[str, str]
    generic_people: frozenset[str]
    pronouns: dict[str, str]
    release_markers: tuple[str, ...]
    header_boilerplate: tuple[str, ...]
    # the same posts and ranks by how they begin, so that a token is compared only with those it could start
    posts_by_first_word: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    ranks_by_start: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def reporting_verb_forms(self) -> frozenset[str]:
        """The reporting verbs as a lemma may be cased ("say", "Say", "SAY")."""
        return frozenset(f(v) for v in self.reporting_verbs for f in (str.lower, str.title, str.upper))

    @classmethod
    def from_data(cls) -> SpeakerVocabulary:
        ranks = load_data("ranks")
        verbs = load_data("reporting_verbs")
        posts = load_data("posts")

        def words(data: dict, key: str, source: str) -> list[str]:
            items = require(data, key, list, source)
            if not all(isinstance(item, str) and item.strip() for item in items):
                raise VocabularyError(f"{source}: {key!r} must hold non-empty strings")
            return items

        post_phrases = {tuple(p.lower().split()) for p in words(posts, "posts", "posts.json")}
        return cls(
            ranks=tuple(sorted(set(words(ranks, "ranks", "ranks.json")), key=len, reverse=True)),
            honorifics=frozenset(h.lower() for h in words(ranks, "honorifics_not_posts", "ranks.json")),
            reporting_verbs=frozenset(words(verbs, "verbs", "reporting_verbs.json")),
            verbs_needing_speech=frozenset(words(verbs, "verbs_needing_speech", "reporting_verbs.json")),
            report_nouns=frozenset(words(verbs, "report_nouns", "reporting_verbs.json")),
            posts=tuple(sorted(post_phrases, key=len, reverse=True)),
            post_modifiers=frozenset(words(posts, "post_modifiers", "posts.json")),
            person_heads=frozenset(words(posts, "person_heads", "posts.json")),
            group_heads=frozenset(words(posts, "group_heads", "posts.json")),
            organization_heads=frozenset(words(posts, "organization_heads", "posts.json")),
            header_heads=frozenset(words(posts, "header_organization_heads", "posts.json")),
            synonyms=dict(require(posts, "organization_synonyms", dict, "posts.json")),
            generic_people=frozenset(words(posts, "generic_people", "posts.json")),
            pronouns=dict(require(posts, "pronouns", dict, "posts.json")),
            release_markers=tuple(words(posts, "press_release_markers", "posts.json")),
            header_boilerplate=tuple(
                sorted(words(posts, "header_boilerplate", "posts.json"), key=len, reverse=True)
            ),
            posts_by_first_word=_grouped(sorted(post_phrases, key=len, reverse=True), lambda p: p[0]),
            ranks_by_start=_grouped(
                sorted(set(words(ranks, "ranks", "ranks.json")), key=len, reverse=True), _rank_start
            ),
        )


def _rank_start(text: str) -> str:
    return text[:2].lower()


def _grouped(items: list, key) -> dict:
    """Items by key, each group keeping the items' order (longest first)."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return {k: tuple(v) for k, v in groups.items()}


@lru_cache(maxsize=1)
def speaker_vocabulary() -> SpeakerVocabulary:
    """The vocabulary shipped in extractor/data (ranks.json, reporting_verbs.json, posts.json)."""
    return SpeakerVocabulary.from_data()


# ---------------------------------------------------------------------------------------------------------
# paragraphs and quotes: plain text


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


@dataclass
class QuoteSpan:
    """A quotation: the quoted words (start, end) and its marks (outer_start, outer_end)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    speaker: int | None = None  # index into the speaker registry


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
        open_at: int | None = None
        kind = ""
        for mark in QUOTE_MARKS.finditer(text, p_start, p_end):
            i, char = mark.start(), mark.group()
            if char in DOUBLE_QUOTES:
                if open_at is not None and kind == "double":
                    if char in DOUBLE_OPENERS and not _closes(text, i, p_end):
                        continue
                    start, end = _quoted_words(text, open_at, i)
                    if end > start:
                        quotes.append(QuoteSpan(start, end, open_at, i + 1, number))
                    open_at = None
                elif char not in DOUBLE_CLOSERS and (char in DOUBLE_OPENERS or _opens(text, i, p_start)):
                    open_at, kind = i, "double"
            elif char in SINGLE_QUOTES and (open_at is None or kind == "single"):
                if open_at is None:
                    if char != "\u2019" and _opens(text, i, p_start) and text[i + 1 : i + 2].isalnum():
                        open_at, kind = i, "single"
                elif char != "\u2018" and _closes(text, i, p_end):
                    start, end = _quoted_words(text, open_at, i)
                    if end > start:
                        quotes.append(QuoteSpan(start, end, open_at, i + 1, number))
                    open_at = None
        if open_at is not None and kind == "double":
            start, end = _quoted_words(text, open_at, p_end)
            while end > start and text[end - 1] in DOUBLE_QUOTES:
                end -= 1
            if len(text[start:end].split()) >= 3:
                quotes.append(QuoteSpan(start, end, open_at, p_end, number))
    return quotes


# ---------------------------------------------------------------------------------------------------------
# describing a mention: name, title, role, organization


@dataclass
class Mention:
    """What a phrase naming a speaker says of it."""

    start: int  # character offsets of the words that name the speaker
    end: int
    kind: str  # person, organization
    name: str
    title: str | None = None
    role: str | None = None
    organization: str | None = None
    anaphor: str | None = None  # "pronoun", "definite" (the ministry, the general), "report" (the statement)
    head: str = ""
    plural: bool = False
    alias: str | None = None
    named: bool = False  # carries a proper name


def _phrase_end(doc: Doc, i: int, limit: int, options: tuple[str, ...]) -> tuple[int, str] | None:
    """The token end of the longest option (compared case-insensitively, by characters) at token i."""
    start = doc[i].idx
    text = document_text(doc)
    for option in options:
        end = start + len(option)
        if text[start:end].lower() != option.lower():
            continue
        if end < len(text) and text[end].isalnum() and option[-1].isalnum():
            continue
        span = doc.char_span(start, end)
        if span is not None and span.end <= limit:
            return span.end, option
    return None


def _post_end(tokens: list[Token], i: int, vocab: SpeakerVocabulary) -> int | None:
    """The end (index into tokens) of the longest post phrase starting at tokens[i]."""
    for post in vocab.posts_by_first_word.get(tokens[i].lower_, ()):
        stop = i + len(post)
        if stop <= len(tokens) and tuple(t.lower_ for t in tokens[i:stop]) == post:
            return stop
    return None


def _is_acronym(token: Token) -> bool:
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_org_word(token: Token, vocab: SpeakerVocabulary) -> bool:
    return token.lower_ in vocab.organization_heads


def _text(doc: Doc, tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return document_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _strip_articles(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in ARTICLES or tokens[0].is_punct):
        tokens = tokens[1:]
    while (
        tokens and tokens[-1].is_punct and tokens[-1].text not in (".",) or (tokens and tokens[-1].is_space)
    ):
        tokens = tokens[:-1]
    return tokens


def _rank_tokens(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> dict[int, int]:
    """Where a capitalized rank or honorific starts among tokens -> where it ends."""
    found = {}
    if not tokens:
        return found
    limit = tokens[-1].i + 1
    offset = tokens[0].i
    for k, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        match = _phrase_end(doc, token.i, limit, vocab.ranks_by_start.get(_rank_start(token.text), ()))
        if match:
            found[k] = match[0] - offset
    return found


def _is_name_token(token: Token, vocab: SpeakerVocabulary) -> bool:
    text = token.text
    if token.lower_ in NAME_PARTICLES or (text in ("-", "'") and not token.whitespace_):
        return True
    if not text[:1].isupper() or _is_acronym(token) and len(text) > 1 and "." in text:
        return False
    if token.lower_ in vocab.organization_heads or token.ent_type_ in ("DATE", "CARDINAL"):
        return False
    return token.pos_ in ("PROPN", "NOUN", "X", "ADJ") or token.ent_type_ == "PERSON"


def _name_runs(tokens: list[Token], blocked: set[int], vocab: SpeakerVocabulary) -> list[tuple[int, int]]:
    """Runs of name-like tokens (as index ranges into tokens), particles and hyphens trimmed from the ends."""
    runs = []
    k = 0
    while k < len(tokens):
        if k in blocked or not _is_name_token(tokens[k], vocab):
            k += 1
            continue
        start = k
        while k < len(tokens) and k not in blocked and _is_name_token(tokens[k], vocab):
            k += 1
        end = k
        # "Russian", "Ukrainian" before a name describe the person; after a first name, "Sarkisian" is a name
        while start < end and (tokens[start].ent_type_ == "NORP" or tokens[start].pos_ == "ADJ"):
            if tokens[start].ent_type_ == "PERSON":
                break
            start += 1
        while start < end and (tokens[start].lower_ in NAME_PARTICLES or not tokens[start].is_alpha):
            if tokens[start].lower_ in NAME_PARTICLES and start + 1 < end and not tokens[start].whitespace_:
                break
            start += 1
        while end > start and not tokens[end - 1].is_alpha:
            end -= 1
        if end > start:
            runs.append((start, end))
    return runs


def _looks_like_person(tokens: list[Token], vocab: SpeakerVocabulary) -> bool:
    """A run of name tokens names a person, not a place or a body; the small model's labels are hints."""
    if any(t.lower_ in vocab.organization_heads for t in tokens):
        return False
    words = [t for t in tokens if t.is_alpha]
    if not words:
        return False
    if any(t.ent_type_ == "PERSON" for t in words):
        return True
    if all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in words):
        return False
    if len(words) == 1:
        word = words[0]
        if word.text in _place_names(word.doc):
            return False
        return not _is_acronym(word) and word.ent_type_ not in ("GPE", "LOC", "FAC", "ORG")
    return True


VOTING_ENTITIES = frozenset({"GPE", "LOC", "PERSON"})


def _place_names(doc: Doc) -> set[str]:
    """Single words the model labels as a place more often than as a person in this document: the small model
    labels a name once as a place (or a place as a person), so the document's majority decides."""
    key = "briefing_speakers_places"
    if key not in doc.user_data:
        votes: dict[str, int] = {}
        for entity in entities_in(doc, labels=VOTING_ENTITIES):
            if entity.label_ in ("GPE", "LOC") and len(entity) == 1:
                votes[entity.text] = votes.get(entity.text, 0) + 1
            elif entity.label_ == "PERSON":
                for token in entity:
                    votes[token.text] = votes.get(token.text, 0) - 1
        doc.user_data[key] = {word for word, count in votes.items() if count > 0}
    return doc.user_data[key]


def _inside_body_name(part: list[Token], run: tuple[int, int], vocab: SpeakerVocabulary) -> bool:
    """Capitalized words that belong to a body's name: "Armenian Defence" before "Ministry", "Human Rights"
    after "Observatory for"."""
    start, end = run
    if end < len(part):
        following = part[end]
        if following.lower_ in ("'s", "\u2019s", "'"):
            return True  # "Azerbaijan's president": the possessor is not the person
        if following.lower_ in vocab.organization_heads and following.text[:1].isupper():
            return True
        if following.pos_ in ("NOUN", "PROPN") and _post_end(part, end, vocab) is None:
            return True  # "Nagorno-Karabakh authorities": a name that modifies a noun
    return start > 0 and part[start - 1].pos_ in ("ADP", "CCONJ") and part[start - 1].is_lower


def _org_like(tokens: list[Token], vocab: SpeakerVocabulary) -> bool:
    return any(_is_org_word(t, vocab) or _is_acronym(t) or t.ent_type_ == "ORG" for t in tokens)


def split_role(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> tuple[str | None, str | None]:
    """A post phrase as (role, organization): "head of the Main Operations Directorate of the Russian General
    Staff" -> ("head of the Main Operations Directorate", "Russian General Staff"); with a single "of", the
    role keeps it and the organization repeats its object when that is a body."""
    tokens = _strip_articles(tokens)
    if not tokens:
        return None, None
    ofs = [k for k, t in enumerate(tokens) if t.lower_ in ("of", "at")]
    role, organization = tokens, None
    if ofs:
        last = ofs[-1]
        obj = _strip_articles(tokens[last + 1 :])
        # "the Britain-based Syrian Observatory": the place it is based in is no part of its name
        for k in range(len(obj) - 2):
            if obj[k + 1].text == "-" and obj[k + 2].lower_ == "based":
                obj = obj[k + 3 :]
                break
        if obj and _org_like(obj, vocab):
            organization = _text(doc, obj)
            if len(ofs) >= 2:
                role = tokens[:last]
    return _text(doc, role) or None, organization


def _prefix_organization(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> str | None:
    """The body named before a post ("Russian Defense Ministry spokesman"): only a name, not an adjective."""
    tokens = _strip_articles(tokens)
    while tokens and tokens[-1].lower_ in ("'s", "’s", "'"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    if _org_like(tokens, vocab):
        return _text(doc, tokens)
    proper = [t for t in tokens if t.pos_ == "PROPN" and t.ent_type_ != "NORP" and t.text[:1].isupper()]
    return _text(doc, tokens) if proper else None


def describe_mention(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> Mention | None:
    """What the words naming a speaker say: a person's name with title, role and organization, a body's name,
    or an anaphor (he, the ministry, the statement) to resolve against earlier speakers."""
    alias = None
    cleaned = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.text == "(":
            close = next((j for j in range(k + 1, min(k + 6, len(tokens))) if tokens[j].text == ")"), None)
            if close is not None:
                inner = tokens[k + 1 : close]
                if len(inner) == 1 and _is_acronym(inner[0]):
                    alias = inner[0].text
                k = close + 1
                continue
        cleaned.append(token)
        k += 1
    tokens = _strip_articles([t for t in cleaned if not t.is_space])
    while tokens and tokens[0].lower_ in ("one", "some", "all", "each", "of", "both") and len(tokens) > 1:
        if tokens[0].lower_ == "both" and len(tokens) == 2:
            break
        tokens = _strip_articles(tokens[1:])
    if not tokens:
        return None
    first = tokens[0]
    if len(tokens) == 1 and first.lower_ in vocab.pronouns:
        return Mention(
            first.idx, first.idx + len(first), "person", first.text, anaphor="pronoun", head=first.lower_
        )
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in (",", ";", "\u2014", "\u2013") or (token.text == "-" and token.whitespace_):
            parts.append([])
        else:
            parts[-1].append(token)
    parts = [_strip_articles(p) for p in parts]
    parts = [p for p in parts if p]
    if not parts:
        return None

    name_tokens: list[Token] | None = None
    title = role = organization = None
    for part in parts:
        ranks = _rank_tokens(doc, part, vocab)
        blocked: set[int] = set()
        for begin, stop in ranks.items():
            blocked.update(range(begin, stop))
        posts: dict[int, int] = {}
        for j in range(len(part)):
            stop = _post_end(part, j, vocab)
            if stop is not None and j not in posts:
                posts[j] = stop
                if part[j].text[:1].islower() or stop - j > 1 or part[j].lower_ in vocab.person_heads:
                    blocked.update(range(j, stop))
        runs = [
            r
            for r in _name_runs(part, blocked, vocab)
            if _looks_like_person(part[r[0] : r[1]], vocab) and not _inside_body_name(part, r, vocab)
        ]
        if name_tokens is None and runs:
            run_start, run_end = runs[-1]
            name_tokens = part[run_start:run_end]
            before = part[:run_start]
            # a title ends right where the name starts ("Maj. Gen. Igor Konashenkov")
            title_start = next((b for b, e in sorted(ranks.items()) if e == run_start), None)
            if title_start is not None:
                title = _text(doc, part[title_start:run_start])
                before = part[:title_start]
            post_start = next((j for j in range(len(before)) if j in posts), None)
            if post_start is not None:
                begin = post_start
                while (
                    begin > 0
                    and before[begin - 1].lower_ in vocab.post_modifiers
                    and before[begin - 1].is_lower
                ):
                    begin -= 1
                role, organization = split_role(doc, before[begin:], vocab)
                organization = _prefix_organization(doc, before[:begin], vocab) or organization
            elif before:
                organization = _prefix_organization(doc, before, vocab)
            after = part[run_end:]
            if after and role is None and any(j >= run_end for j in posts):
                role, org_after = split_role(doc, after, vocab)
                organization = organization or org_after
        elif name_tokens is not None and role is None and any(j in posts for j in range(len(part))):
            role, org_after = split_role(doc, part, vocab)
            organization = organization or org_after
    if name_tokens is not None:
        if role is None and len(parts) > 1 and parts[0] is not None and name_tokens[0] not in parts[0]:
            role, org_first = split_role(doc, parts[0], vocab)
            organization = organization or org_first
        return Mention(
            name_tokens[0].idx if title is None else _title_start(doc, name_tokens, title),
            name_tokens[-1].idx + len(name_tokens[-1]),
            "person",
            _text(doc, name_tokens),
            title=title,
            role=role,
            organization=organization,
            head=name_tokens[-1].lower_,
            named=True,
            alias=alias,
        )
    return _describe_unnamed(doc, parts[0], vocab, alias)


def _title_start(doc: Doc, name_tokens: list[Token], title: str) -> int:
    start = name_tokens[0].idx
    found = document_text(doc).rfind(title, max(0, start - len(title) - 3), start)
    return found if found >= 0 else start


def _describe_unnamed(doc: Doc, part: list[Token], vocab: SpeakerVocabulary, alias: str | None) -> Mention:
    """A body ("the Russian General Staff"), a group ("officials") or a person named by post only."""
    # the head is the last word before a prepositional tail ("defence ministry in Moscow")
    head_index = len(part) - 1
    for k, token in enumerate(part):
        if token.pos_ == "ADP" and k > 0:
            head_index = k - 1
            break
    head = part[head_index]
    lower = head.lower_
    lemma = head.lemma_.lower()
    text = _text(doc, part)
    start, end = part[0].idx, part[-1].idx + len(part[-1])
    proper = any(t.text[:1].isupper() and t.pos_ == "PROPN" for t in part) and not all(
        t.ent_type_ == "NORP" or not t.text[:1].isupper() for t in part
    )
    if lower in vocab.report_nouns or lemma in vocab.report_nouns:
        owners = part[:head_index]
        owners = [t for t in owners if t.lower_ not in ("'s", "’s")]
        if owners and any(t.text[:1].isupper() for t in owners):
            return _describe_unnamed(doc, owners, vocab, alias)
        return Mention(start, end, "organization", text, anaphor="report", head=lemma)
    plural = lower in vocab.group_heads or (
        head.tag_ in ("NNS", "NNPS") and lower not in vocab.organization_heads
    )
    person = not plural and (lower in vocab.person_heads or lemma in vocab.person_heads)
    anaphor = None
    if not proper and lower not in vocab.group_heads:
        anaphor = "definite"
    if person:
        post_at = next((k for k in range(len(part)) if _post_end(part, k, vocab) is not None), None)
        role = organization = None
        if post_at is not None:
            begin = post_at
            while begin > 0 and part[begin - 1].lower_ in vocab.post_modifiers and part[begin - 1].is_lower:
                begin -= 1
            role, organization = split_role(doc, part[begin:], vocab)
            organization = _prefix_organization(doc, part[:begin], vocab) or organization
        title = None
        if head.text[:1].isupper() and _rank_tokens(doc, [head], vocab):
            title = head.text
        return Mention(
            start,
            end,
            "person",
            text,
            title=title,
            role=role,
            organization=organization,
            anaphor=anaphor,
            head=lemma,
            alias=alias,
        )
    organization = (
        text if proper and not all(t.ent_type_ in ("GPE", "LOC") for t in part if t.is_alpha) else None
    )
    return Mention(
        start,
        end,
        "organization",
        text,
        organization=organization,
        anaphor=anaphor,
        head=lemma,
        plural=plural,
        alias=alias,
        named=proper,
    )


# ---------------------------------------------------------------------------------------------------------
# reporting clauses


@dataclass
class Report:
    """A reporting clause: the word that reports (said, according to) and the words naming who reports."""

    verb: int  # token index
    sentence: int  # index of its sentence
    mention: Mention
    quoted: bool = False  # what it reports is a quotation
    speaker: int | None = None  # index into the registry once resolved


def _mention_tokens(head: Token, in_quote: list[int]) -> list[Token]:
    """The subject's own words: its subtree without relative clauses, participles and quoted text."""
    doc = head.doc
    left, right = head.left_edge.i, head.right_edge.i
    for child in head.subtree:
        if child.dep_ in ("relcl", "acl", "advcl") and child.i > head.i and child.left_edge.i <= right:
            right = min(right, child.left_edge.i - 1)
            if right >= 0 and doc[right].lower_ in ("which", "who", "that"):
                right -= 1
    if head.i - left > 25:
        left = head.i - 25
    if right - head.i > 25:
        right = head.i + 25
    tokens = [doc[i] for i in range(left, right + 1)]
    if in_quote[head.i] < 0:
        tokens = [t for t in tokens if in_quote[t.i] < 0 and t.text not in DOUBLE_QUOTES]
    while tokens and tokens[-1].lower_ in ("which", "who", "that", ",", "and"):
        tokens.pop()
    return tokens


def _reporting_subject(verb: Token, in_quote: list[int]) -> list[Token] | None:
    """The words naming who the reporting verb says is speaking: its subject, the agent of a passive
    ("reported by"), the subject of the verb it hangs from ("he went on to say", "adding that"), or, where the
    parse found none (texts stripped of commas), the noun phrase right before or after the verb."""
    token = verb
    if verb.dep_ == "advcl" and verb.head.i < verb.i and not any(c.dep_ == "nsubj" for c in verb.children):
        # "Jets flew 42 sorties ..., the ministry said": the parse hung the speaker on the report's words
        adjacent = _adjacent_noun_phrase(verb, in_quote)
        if adjacent:
            return adjacent
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "nsubj" and in_dateline(child.doc, child.idx):
                continue  # "MOSCOW, March 14 (Reuters) - Jets flew ..., the ministry said"
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and token.lemma_ == "quote"):
                return _mention_tokens(child, in_quote)
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return _mention_tokens(objects[0], in_quote)
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            token = token.head
            # "the ministry said its forces destroyed 12 tanks, adding that ...": who adds is who said it,
            # not the subject of what was said
            while token.dep_ == "ccomp" and token.head.i != token.i and not _says(token):
                token = token.head
            continue
        break
    if token.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    return _adjacent_noun_phrase(token, in_quote)


def _says(verb: Token) -> bool:
    return verb.lemma_.lower() in speaker_vocabulary().reporting_verbs


NOUN_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "DET", "PART", "NUM", "X"}
NOUN_PHRASE_LINKS = {"of", "for", "in", "at", "-", "based", "'s", "’s"}


def _adjacent_noun_phrase(verb: Token, in_quote: list[int]) -> list[Token] | None:
    """The noun phrase ending just before the verb ("... Mayadeen the ministry said") or starting after it
    ("said the Syrian Observatory"); an article, or a word that cannot be in a noun phrase, ends it."""
    doc = verb.doc
    sentence = sentence_of(verb)
    left = verb.i - 1
    while left >= sentence.start and doc[left].pos_ == "ADV":
        left -= 1
    if left >= sentence.start and doc[left].pos_ in ("NOUN", "PROPN", "PRON") and in_quote[left] < 0:
        if doc[left].pos_ == "PRON":
            return [doc[left]]
        first = left
        while first - 1 >= sentence.start and verb.i - first < 16 and in_quote[first - 1] < 0:
            before = doc[first - 1]
            if doc[first].pos_ == "DET" and before.lower_ not in NOUN_PHRASE_LINKS:
                break
            if before.pos_ in NOUN_PHRASE_POS or before.lower_ in NOUN_PHRASE_LINKS:
                first -= 1
                continue
            break
        tokens = [doc[i] for i in range(first, left + 1)]
        while tokens and (tokens[0].lower_ in NOUN_PHRASE_LINKS or tokens[0].pos_ == "NUM"):
            tokens = tokens[1:]
        return tokens or None
    right = verb.i + 1
    if right < sentence.end and doc[right].pos_ in ("DET", "PROPN", "NOUN", "ADJ") and in_quote[right] < 0:
        last = right
        while last + 1 < sentence.end and last - verb.i < 15 and in_quote[last + 1] < 0:
            after = doc[last + 1]
            if after.pos_ in ("NOUN", "PROPN", "ADJ", "PART") or after.lower_ in NOUN_PHRASE_LINKS:
                last += 1
                continue
            break
        tokens = [doc[i] for i in range(right, last + 1)]
        while tokens and tokens[-1].lower_ in NOUN_PHRASE_LINKS:
            tokens = tokens[:-1]
        return tokens or None
    return None


def find_reports(
    doc: Doc, sentences: list[Span], in_quote: list[int], vocab: SpeakerVocabulary
) -> list[Report]:
    """Reporting clauses outside quotations, in document order, with a description of who reports."""
    reports = []
    starts = [sentence.start for sentence in sentences]
    for i in _report_candidates(doc, vocab):
        number = bisect.bisect_right(starts, i) - 1
        if number < 0 or i >= sentences[number].end or in_quote[i] >= 0:
            continue
        sentence, token = sentences[number], doc[i]
        tokens: list[Token] | None = None
        if token.lower_ == "according" and token.i + 1 < sentence.end and doc[token.i + 1].lower_ == "to":
            anchor = doc[token.i + 1]
            objects = [c for c in anchor.children if c.dep_ == "pobj"]
            head = objects[0] if objects else _noun_after(doc, anchor.i + 1, sentence.end)
            tokens = _mention_tokens(head, in_quote) if head is not None else None
            # "according to a Turkish General Staff statement artillery fire ... killed": in a text stripped
            # of its commas, the source ends with its statement
            report = next((k for k, t in enumerate(tokens or []) if t.lower_ in vocab.report_nouns), None)
            if tokens and report is not None and report + 1 < len(tokens):
                tokens = tokens[: report + 1]
        elif token.lemma_.lower() in vocab.reporting_verbs and token.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" for c in token.children):
                continue
            if token.tag_ == "VBN" and token.dep_ in ("acl", "amod"):
                continue
            lemma = token.lemma_.lower()
            if lemma in vocab.verbs_needing_speech and not any(
                c.dep_ in ("ccomp", "parataxis") for c in token.children
            ):
                if not _next_to_quote(doc, token, in_quote):
                    continue
            tokens = _reporting_subject(token, in_quote)
        if not tokens:
            continue
        head = _phrase_head(tokens)
        if in_quote[head.i] >= 0 or head.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X"):
            continue
        if head.pos_ == "PRON" and head.lower_ not in vocab.pronouns:
            continue
        mention = describe_mention(doc, tokens, vocab)
        if mention is None or not _plausible_speaker(mention, head, vocab):
            continue
        reports.append(Report(token.i, number, mention, quoted=_next_to_quote(doc, token, in_quote)))
    return reports


def _report_candidates(doc: Doc, vocab: SpeakerVocabulary) -> list[int]:
    """The tokens that can open a report ("according", a reporting verb's forms), found from the document's
    arrays: making a Token of every word to ask was the finder's main cost."""
    wanted = word_hashes(vocab.reporting_verb_forms)
    according = word_hashes(frozenset({"according"}))
    lemmas, lowers = doc.to_array([LEMMA, LOWER]).T
    return numpy.flatnonzero(members(lemmas, wanted) | members(lowers, according)).tolist()


def _phrase_head(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it (the parse's head), else its last noun."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            if token.pos_ in ("NOUN", "PROPN", "PRON"):
                return token
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return nouns[-1] if nouns else tokens[-1]


def _noun_after(doc: Doc, start: int, end: int) -> Token | None:
    """The last noun of the noun phrase starting at `start`, when the parse left it unattached."""
    found = None
    for i in range(start, min(end, start + 10)):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN"):
            found = token
        elif found is not None and token.pos_ not in ("ADJ", "DET", "PART") and token.text != "-":
            break
    return found


def _plausible_speaker(mention: Mention, head: Token, vocab: SpeakerVocabulary) -> bool:
    """Subjects that cannot speak ("the figure", "evidence") are no speakers; names, posts, bodies are."""
    if mention.anaphor in ("pronoun", "report") or mention.named:
        return True
    words = {w.lower() for w in re.findall(r"[\w-]+", mention.name)}
    known = vocab.person_heads | vocab.group_heads | vocab.organization_heads
    if head.pos_ == "PROPN" or mention.organization:
        return True
    return bool(words & known) or head.lemma_.lower() in known


def _next_to_quote(doc: Doc, verb: Token, in_quote: list[int]) -> bool:
    """The verb stands within a few tokens of a quotation in its sentence (the said of '"...," he said')."""
    sentence = sentence_of(verb)
    for i in range(max(sentence.start, verb.i - 5), min(sentence.end, verb.i + 6)):
        if in_quote[i] >= 0:
            return True
        if doc[i].text in DOUBLE_QUOTES or doc[i].text in SINGLE_QUOTES and doc[i].pos_ == "PUNCT":
            return True
    return False


# ---------------------------------------------------------------------------------------------------------
# resolving mentions to speakers


def name_words(text: str, vocab: SpeakerVocabulary) -> frozenset[str]:
    """The words that identify a name when two mentions are compared, synonyms folded."""
    lower = text.lower().replace("’", "'")
    for phrase, replacement in vocab.synonyms.items():
        if " " in phrase:
            lower = re.sub(rf"\b{re.escape(phrase)}\b", replacement, lower)
    words = []
    for word in re.findall(r"[a-z0-9][a-z0-9.\-]*[a-z0-9]|[a-z0-9]", lower):
        word = word.removesuffix("'s")
        if word in JOIN_STOPWORDS:
            continue
        words.extend(vocab.synonyms.get(word, word).split())
    return frozenset(words)


def _name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s\-]+", name.lower()) if p and p not in NAME_PARTICLES]


@dataclass
class Candidate:
    """A speaker while the document is read."""

    kind: str
    name: str
    title: str | None
    role: str | None
    organization: str | None
    words: frozenset[str]
    plural: bool = False
    aliases: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last_seen: int = -1


class SpeakerRegistry:
    """The speakers found so far and the rules that tie a new mention to one of them."""

    def __init__(self, vocab: SpeakerVocabulary):
        self.vocab = vocab
        self.speakers: list[Candidate] = []

    def add(self, mention: Mention) -> int:
        candidate = Candidate(
            kind=mention.kind,
            name=mention.name,
            title=mention.title,
            role=mention.role,
            organization=mention.organization,
            words=name_words(mention.name, self.vocab),
            plural=mention.plural,
        )
        if mention.alias:
            candidate.aliases.add(mention.alias.lower())
        self.speakers.append(candidate)
        index = len(self.speakers) - 1
        self.note(index, mention)
        return index

    def note(self, index: int, mention: Mention) -> None:
        candidate = self.speakers[index]
        candidate.mentions.append((mention.start, mention.end))
        candidate.last_seen = max(candidate.last_seen, mention.start)
        if mention.alias:
            candidate.aliases.add(mention.alias.lower())
        if mention.anaphor is None and mention.kind == candidate.kind:
            candidate.title = candidate.title or mention.title
            candidate.role = candidate.role or mention.role
            candidate.organization = candidate.organization or mention.organization
            # a surname met first, the full name later: keep the full name
            longer = len(mention.name) > len(candidate.name) and mention.name.endswith(candidate.name)
            if mention.named and candidate.kind == "person" and longer:
                candidate.name = mention.name
                candidate.words = name_words(mention.name, self.vocab)

    def _recent(self, position: int, accept) -> int | None:
        best, best_seen = None, -1
        for index, candidate in enumerate(self.speakers):
            if accept(candidate) and best_seen < candidate.last_seen <= position:
                best, best_seen = index, candidate.last_seen
        return best

    def resolve(self, mention: Mention) -> int | None:
        """The speaker an anaphor or a repeated name refers to, or None when it is someone new."""
        position = mention.start
        if mention.anaphor == "pronoun":
            want = self.vocab.pronouns.get(mention.head, "person")
            if want == "person":
                return self._recent(position, lambda c: c.kind == "person")
            if want == "group":
                found = self._recent(position, lambda c: c.plural)
                return (
                    found if found is not None else self._recent(position, lambda c: c.kind == "organization")
                )
            return self._recent(position, lambda c: c.kind == "organization" and not c.plural)
        if mention.anaphor == "report":
            return self._recent(position, lambda c: True)
        words = name_words(mention.name, self.vocab)
        if mention.named and mention.kind == "organization" and len(_name_parts(mention.name)) == 1:
            # a surname the model took for a body ("Kartapolov" as ORG) after the full name
            surname = _name_parts(mention.name)[0]
            for index, candidate in enumerate(self.speakers):
                parts = _name_parts(candidate.name)
                if candidate.kind == "person" and len(parts) > 1 and parts[-1] == surname:
                    return index
        if mention.kind == "person" and mention.named:
            parts = _name_parts(mention.name)
            for index, candidate in enumerate(self.speakers):
                if candidate.kind != "person" or not candidate.words:
                    continue
                known = _name_parts(candidate.name)
                if known == parts or (len(parts) == 1 and known and parts[0] == known[-1]):
                    return index
                if len(known) == 1 and parts and known[0] == parts[-1]:
                    return index
            return None
        if mention.anaphor == "definite":

            def matches(c: Candidate) -> bool:
                described = words <= (
                    c.words
                    | name_words(" ".join(filter(None, (c.title, c.role))).replace("-", " "), self.vocab)
                )
                return (
                    described
                    and c.kind == mention.kind
                    or (mention.kind == "organization" and words <= c.words)
                )

            found = self._recent(position, matches)
            if found is not None:
                return found
            if mention.kind == "person" and mention.head in self.vocab.generic_people:
                return self._recent(position, lambda c: c.kind == "person")
            return None
        if not words:
            return None
        joined = " and " in mention.name  # "both Azerbaijan and Armenia" is not Armenia
        for index, candidate in enumerate(self.speakers):
            if candidate.name.lower() == mention.name.lower():
                return index
            if candidate.kind != "organization" or joined:
                continue
            if words <= candidate.words or (
                candidate.words and candidate.words <= words and not mention.plural
            ):
                return index
            if words & {a for a in candidate.aliases}:
                return index
        return None

    def organization_of_person(self, mention: Mention) -> Mention | None:
        """ "The observatory" after "Rami Abdel Rahman, head of the Syrian Observatory": the body itself."""
        if mention.anaphor != "definite" or mention.kind != "organization":
            return None
        words = name_words(mention.name, self.vocab)
        for candidate in reversed(self.speakers):
            if candidate.kind == "person" and candidate.organization and candidate.last_seen <= mention.start:
                if words and words <= name_words(candidate.organization, self.vocab):
                    name = candidate.organization
                    return Mention(
                        mention.start,
                        mention.end,
                        "organization",
                        name,
                        organization=name,
                        head=mention.head,
                        named=True,
                    )
        return None

    def mention(self, mention: Mention) -> int:
        """The speaker a mention names, registered when new."""
        found = self.resolve(mention)
        if found is None:
            body = self.organization_of_person(mention)
            if body is not None:
                found = self.resolve(body)
                if found is None:
                    found = self.add(body)
                    self.speakers[found].mentions[-1] = (mention.start, mention.end)
                    return found
        if found is None:
            if mention.anaphor == "pronoun" or mention.anaphor == "report":
                return -1
            return self.add(mention)
        self.note(found, mention)
        return found


# ---------------------------------------------------------------------------------------------------------
# press-release headers


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
    for line in text.split("\n"):
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
        any(re.search(rf"\b{re.escape(m)}\b", line, re.IGNORECASE) for m in vocab.release_markers)
        or RELEASE_NUMBER.match(line)
        or DATELINE.match(line.strip())
        for _, line in header
    ) or bool(DATELINE.match(text[body_start:].strip()))
    for start, line in header:
        if _has_verb(doc, start, start + len(line)):
            continue
        cleaned = line
        for phrase in vocab.header_boilerplate:
            cleaned = re.sub(
                rf"\b{re.escape(phrase)}\b", lambda m: "|" * len(m.group()), cleaned, flags=re.IGNORECASE
            )
        cleaned = DATE_IN_HEADER.sub(lambda m: "|" * len(m.group()), cleaned)
        cleaned = re.sub(r"\s[-\u2013\u2014]\s", lambda m: "|" * len(m.group()), cleaned)
        for piece in re.finditer(r"[^|]+", cleaned):
            words = piece.group().strip(" ,.:;()-\u2013\u2014")
            if not words:
                continue
            lower_words = {w.lower() for w in re.findall(r"[\w-]+", words)}
            if not lower_words & vocab.header_heads:
                continue
            alone = cleaned.replace("|", " ").strip(" ,.:;()-\u2013\u2014") == words and len(header) == 1
            if not (marker or alone):
                continue
            offset = start + piece.start() + piece.group().index(words)
            return offset, offset + len(words), body_start
    return None


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.pos_ == "VERB" and t.is_lower for t in span)


# ---------------------------------------------------------------------------------------------------------
# attributing sentences


def _is_year(token: Token) -> bool:
    """A four-digit number that is a year, not a count ("in 2011", "May 1994", not "2000 oil tankers")."""
    if not YEAR.match(token.text):
        return False
    before = token.doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
    return token.ent_type_ == "DATE" or before in YEAR_BEFORE or before[:3] in MONTH_PREFIXES


def _years(sentence: Span, in_quote: list[int]) -> list[int]:
    return [int(t.text) for t in sentence if in_quote[t.i] < 0 and _is_year(t)]


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

    innermost = [r for r in reports if not any(o is not r and inside(o, r) for o in reports)]
    outermost = [r for r in reports if not any(o is not r and inside(r, o) for o in reports)]
    return min(innermost or reports, key=lambda r: r.verb), min(outermost or reports, key=lambda r: r.verb)


def find_speakers(
    doc: Doc, vocab: SpeakerVocabulary | None = None
) -> tuple[list[SpeakerInfo], list[QuoteInfo], dict[int, str]]:
    """The speakers of a parsed document, its quotations and the speaker of each attributed sentence."""
    vocab = vocab or speaker_vocabulary()
    text = document_text(doc)
    sentences = sentence_spans(doc)
    paragraphs = find_paragraphs(text)
    paragraph_starts = [a for a, _ in paragraphs]

    def paragraph_of(char: int) -> int:
        return max(bisect.bisect_right(paragraph_starts, char) - 1, 0)

    quotes = find_quotes(text, paragraphs)
    # the quote each token starts in; where quotes overlap, the earlier one
    in_quote = [-1] * len(doc)
    starts = token_starts(doc)
    for q in reversed(range(len(quotes))):
        first, last = bisect.bisect_left(starts, quotes[q].start), bisect.bisect_left(starts, quotes[q].end)
        in_quote[first:last] = [q] * (last - first)
    alpha = alphabetic(doc)

    registry = SpeakerRegistry(vocab)
    release = find_issuing_body(doc, vocab)
    body = None
    if release is not None:
        start, end, _ = release
        name = text[start:end]
        body = registry.add(Mention(start, end, "organization", name, organization=name, named=True))

    reports = find_reports(doc, sentences, in_quote, vocab)
    for report in reports:
        found = registry.mention(report.mention)
        report.speaker = found if found >= 0 else None
    reports = [r for r in reports if r.speaker is not None]
    by_sentence: dict[int, list[Report]] = {}
    for report in reports:
        by_sentence.setdefault(report.sentence, []).append(report)

    sentence_of_char = [s.start_char for s in sentences]

    def sentence_at(char: int) -> int:
        return max(bisect.bisect_right(sentence_of_char, char) - 1, 0)

    # a quotation's speaker: the reporting clause beside it, else the quotation it goes on from
    previous: QuoteSpan | None = None
    for quote in quotes:
        near = set(range(sentence_at(quote.outer_start), sentence_at(max(quote.outer_end - 1, 0)) + 1))
        near.add(sentence_at(min(quote.outer_end + 1, len(text) - 1)))
        if quote.outer_start > 0:
            near.add(sentence_at(quote.outer_start - 1))
        options = [
            r
            for k in near
            for r in by_sentence.get(k, [])
            if paragraph_of(doc[r.verb].idx) == quote.paragraph
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

    published = doc._.published if Doc.has_extension("published") else None
    if published is not None:
        reference_year = published.year
    else:
        years = [int(t.text) for t in doc if _is_year(t)]
        reference_year = max(years) if years else None
    published_month = published.month if published is not None else None

    attributed: dict[int, int] = {}
    carry: int | None = None
    carry_kind = ""
    carry_paragraph = -1
    hops = 0
    body_start = release[2] if release else len(text)
    for number, sentence in enumerate(sentences):
        paragraph = paragraph_of(sentence.start_char)
        words = [i for i in range(sentence.start, sentence.end) if alpha[i]]
        quoted = [in_quote[i] for i in words if in_quote[i] >= 0]
        found = by_sentence.get(number)
        speaker = None
        if found:
            chosen, framing = _choose_report(doc, found)
            speaker = chosen.speaker
            carry, carry_paragraph, hops = framing.speaker, paragraph, 0
            carry_kind = "quote" if framing.quoted else "report"
            for index in set(quoted):
                if quotes[index].speaker is None:
                    quotes[index].speaker = speaker
        elif words and len(quoted) * 2 >= len(words):
            quote = quotes[max(set(quoted), key=quoted.count)]
            if quote.speaker is None and carry is not None and paragraph == carry_paragraph:
                quote.speaker = carry
            speaker = quote.speaker
            if speaker is not None:
                carry, carry_kind, carry_paragraph, hops = speaker, "quote", paragraph, 0
        elif carry is not None and body is None:
            furniture = _is_furniture(text, sentence, paragraphs[paragraph]) if paragraphs else False
            if furniture or reads_as_background(sentence, in_quote, reference_year):
                carry = None
            elif paragraph != carry_paragraph:
                if carry_kind == "quote" or hops >= 1 or dated_before(sentence, published_month):
                    carry = None
                else:
                    hops += 1
                    carry_paragraph = paragraph
            speaker = carry
        if speaker is None and body is not None and sentence.start_char >= body_start:
            speaker = body
        if speaker is not None:
            attributed[sentence.start] = speaker
    for quote in quotes:
        if quote.speaker is None:
            quote.speaker = attributed.get(sentences[sentence_at(quote.start)].start)

    # speakers that are the source of nothing are dropped; ids follow the order of first mention
    used = set(attributed.values()) | {q.speaker for q in quotes if q.speaker is not None}
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
    return speakers, quote_infos, sentence_speakers


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


class SpeakerFinder:
    """Leaves `doc._.speakers`, `doc._.quotes` and `doc._.sentence_speakers` (sentence start token -> id)."""

    def __init__(self, nlp: Language, name: str = "briefing_speakers"):
        self.name = name
        self.vocab = speaker_vocabulary()
        register_document_extensions()
        for extension in ("speakers", "quotes", "sentence_speakers"):
            if not Doc.has_extension(extension):
                Doc.set_extension(extension, default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.speakers, doc._.quotes, doc._.sentence_speakers = find_speakers(doc, self.vocab)
        return doc


@evaluated_annotations
@Language.factory("briefing_speakers")
def make_speaker_finder(nlp: Language, name: str) -> SpeakerFinder:
    """The speaker finder as a pipeline component."""
    return SpeakerFinder(nlp, name)
