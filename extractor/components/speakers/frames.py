"""Reporting clauses: the attribution frames of a sentence and the words naming who reports."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from extractor.components.document import (
    members,
    sentence_of,
    word_hashes,
)
from extractor.components.page import DOUBLE_QUOTES, SINGLE_QUOTES, in_dateline
from extractor.components.speakers.matcher import FrameMatch, find_frames
from extractor.components.speakers.mentions import ISSUING_PREPOSITIONS as ISSUING
from extractor.components.speakers.mentions import Mention, describe_mention
from extractor.components.speakers.vocabulary import SpeakerVocabulary, phrase_words, speaker_vocabulary

# ---------------------------------------------------------------------------------------------------------
# reporting clauses

# words that end the phrase naming a source ("the ministry, which said")
RELATIVE_WORDS = phrase_words("relative_words")
CONJUNCTIONS = phrase_words("conjunctions")
ATTRIBUTION_OPENERS = phrase_words("attribution_openers")
ATTRIBUTION_LINKS = phrase_words("attribution_links")


@dataclass
class Report:
    """A reporting clause: the word that reports (said, according to) and the words naming who reports."""

    verb: int  # token index
    sentence: int  # index of its sentence
    mention: Mention
    quoted: bool = False  # what it reports is a quotation
    speaker: int | None = None  # index into the registry once resolved
    scope: str = "report"  # "report": goes on in the sentences after it; "clause": its own sentence only
    inner: bool = False  # speaks for the clause over the subject of the verb it hangs on ("citing X")


def _mention_tokens(head: Token, in_quote: list[int]) -> list[Token]:
    """The subject's own words: its subtree without relative clauses, participles and quoted text."""
    doc = head.doc
    left, right = _post_split_off(head), head.right_edge.i
    for child in head.subtree:
        if _names_the_issuer(head, child) or _tells_a_post(child):
            continue
        if child.dep_ in ("relcl", "acl", "advcl") and child.i > head.i and child.left_edge.i <= right:
            right = min(right, child.left_edge.i - 1)
            if right >= 0 and doc[right].lower_ in RELATIVE_WORDS:
                right -= 1
    if head.i - left > 25:
        left = head.i - 25
    if right - head.i > 25:
        right = head.i + 25
    tokens = _after_dateline([doc[i] for i in range(left, right + 1)], head)
    # "said the statement, issued by the army's command": the comma before the issuer's participle parts no
    # two phrases
    commas = {c.left_edge.i - 1 for c in head.children if c.i > head.i and _names_the_issuer(head, c)}
    if commas:
        tokens = [t for t in tokens if t.i not in commas or t.text != ","]
    if in_quote[head.i] < 0:
        tokens = [t for t in tokens if in_quote[t.i] < 0 and t.text not in DOUBLE_QUOTES]
    while tokens and (tokens[-1].lower_ in RELATIVE_WORDS | CONJUNCTIONS or tokens[-1].text == ","):
        tokens.pop()
    return tokens


def _post_split_off(head: Token) -> int:
    """Where a named speaker's words begin, with a post the parser made a second subject of the same verb
    right before the name ("Israeli military spokesperson Lt. Col. Nadav Shoshani said": two subjects of
    "said"); else the name's own left edge."""
    left = head.left_edge.i
    if head.dep_ != "nsubj" or head.pos_ != "PROPN" or head.ent_type_ != "PERSON":
        return left
    post = next(
        (c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i and c.right_edge.i == left - 1),
        None,
    )
    return post.left_edge.i if post is not None and post.pos_ == "NOUN" else left


def _after_dateline(tokens: list[Token], head: Token) -> list[Token]:
    """ "KYIV, May 2 - Ukraine said": the words of a subject after the dateline the parse hung on it."""
    doc = head.doc
    if tokens and in_dateline(doc, tokens[0].idx) and not in_dateline(doc, head.idx):
        while tokens and tokens[0].i < head.i and (in_dateline(doc, tokens[0].idx) or tokens[0].is_punct):
            tokens = tokens[1:]
    return tokens


def _tells_a_post(child: Token) -> bool:
    """ "Yusuf Karimi, who heads the committee": a relative clause that tells the speaker's post is part of
    the words naming them."""
    return child.dep_ == "relcl" and child.lemma_.lower() in speaker_vocabulary().post_verbs


def _names_the_issuer(head: Token, child: Token) -> bool:
    """ "a statement published by the party newspaper": the participle of a report noun whose agent names who
    issued the report belongs to the words naming the source."""
    return (
        child.head.i == head.i
        and child.dep_ == "acl"
        and child.tag_ == "VBN"
        # the word as written too: "data" and "figures" are listed, their lemmas ("datum", "figure") are not
        and {head.lemma_.lower(), head.lower_} & speaker_vocabulary().report_nouns
        and any(c.dep_ == "agent" for c in child.children)
    )


def _reporting_subject(verb: Token, in_quote: list[int]) -> list[Token] | None:
    """The words naming who the reporting verb says is speaking: its subject, the agent of a passive
    ("reported by"), the subject of the verb it hangs from ("he went on to say", "adding that"), or, where the
    parse found none (texts stripped of commas), the noun phrase right before or after the verb."""
    token = verb
    floor = _reported_before(verb)
    if floor is not None:
        # "Russian forces lost 300 troops near Bakhmut, Serhiy Cherevatyi, spokesman for the group, told
        # television": the parse joined the report to the clause it reports and left its subject in that one
        closing = _closing_phrase(verb, floor)
        if closing is not None:
            return closing
    if (
        verb.dep_ in ("advcl", "conj")
        and verb.head.i < verb.i
        and not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        # "Jets flew 42 sorties ..., the ministry said": the parse hung the speaker on the report's words; a
        # report it joined to them as a second verb takes a phrase set off by a comma, not the first verb's
        # subject ("Troops killed 11 militants in Bannu, the military's media wing said")
        adjacent = _adjacent_noun_phrase(verb, in_quote)
        if adjacent and (verb.dep_ == "advcl" or _set_off(adjacent)):
            return adjacent
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "nsubj" and in_dateline(child.doc, child.idx):
                continue  # "MOSCOW, March 14 (Reuters) - Jets flew ..., the ministry said"
            if child.dep_ == "nsubj" or (
                child.dep_ == "nsubjpass" and token.lemma_ in speaker_vocabulary().passive_source_verbs
            ):
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


def _set_off(tokens: list[Token]) -> bool:
    """Whether a comma stands right before the phrase."""
    first = tokens[0]
    return first.i > 0 and first.doc[first.i - 1].text == ","


CLOSING_PHRASE_WORDS = 25  # words at most in the phrase of a closing report's subject


# how the parse hangs a reported clause on a report closing the sentence ("advcl": read as a clause of time)
REPORTED_DEPS = frozenset({"ccomp", "parataxis", "advcl"})


def _reported_before(verb: Token) -> int | None:
    """Where the clause a subjectless report closes ends its verb: the verb the parse joined it to, or the
    complement before it ("Strikes killed 9 people, Al-Masirah TV, run by the Houthis, reported")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        return None
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        return verb.head.i
    return max((c.i for c in verb.children if c.dep_ in REPORTED_DEPS and c.i < verb.i), default=None)


def _closing_phrase(verb: Token, floor: int) -> list[Token] | None:
    """The phrase set off by commas right before a report the parse joined to the clause it reports (",
    Andriy Koval, spokesman for the group, told radio"), however the parse hung its words: the run of
    comma-parted pieces back from the report's comma while each piece has no verb of its own, no count and
    does not open with a preposition (", in the Donetsk region,"), and the first opens with a name or an
    article."""
    doc = verb.doc
    comma = verb.i - 1
    while comma > floor and doc[comma].pos_ == "ADV":
        comma -= 1
    if doc[comma].text != ",":
        return None
    start = None
    end = comma
    for k in range(comma - 1, max(floor, comma - CLOSING_PHRASE_WORDS), -1):
        if doc[k].text != ",":
            continue
        piece = doc[k + 1 : end]
        if len(piece) and piece[0].lower_ in RELATIVE_WORDS and start is None:
            end = k  # ", a soldier, who gave only his call sign, said": the clause describes the phrase
            continue
        if not len(piece) or not _closing_piece(piece):
            break
        start, end = k + 1, k
    while start is not None and start < comma and doc[start].is_quote:
        start += 1  # '"We lost 5," a soldier, who ..., said': the quote's closing mark
    if start is None or doc[start].pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
        return None
    return list(doc[start:comma])


def _closing_piece(piece: Span) -> bool:
    return piece[0].pos_ != "ADP" and not any(
        t.pos_ in ("VERB", "AUX", "NUM", "CCONJ") and t.tag_ != "VBN" for t in piece
    )


def _says(verb: Token) -> bool:
    return verb.lemma_.lower() in speaker_vocabulary().reporting_verbs


NOUN_PHRASE_POS = {"NOUN", "PROPN", "ADJ", "DET", "PART", "NUM", "X"}
NOUN_PHRASE_LINKS = phrase_words("noun_phrase_links")


def _two_names(left: Token, right: Token) -> bool:
    """Two named entities side by side, the second starting where the first ends."""
    return right.ent_iob_ == "B" and left.ent_iob_ in ("B", "I")


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
            if _two_names(before, doc[first]):
                break  # "... near the border with Turkey Firat news agency said": two names, two phrases
            if before.pos_ in NOUN_PHRASE_POS or before.lower_ in NOUN_PHRASE_LINKS:
                first -= 1
                continue
            break
        tokens = _after_dateline([doc[i] for i in range(first, left + 1)], doc[left])
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
    frames = find_frames(doc)
    for i in sorted(set(_report_candidates(doc, vocab)) | set(frames)):
        number = bisect.bisect_right(starts, i) - 1
        if number < 0 or i >= sentences[number].end or in_quote[i] >= 0:
            continue
        sentence, token = sentences[number], doc[i]
        for tokens, scope, inner in _sources(doc, token, frames.get(i, ()), sentence, in_quote, vocab):
            for words in _joined_sources(tokens):
                report = _report(doc, token, number, words, in_quote, vocab)
                if report is not None:
                    report.scope, report.inner = scope, inner
                    reports.append(report)
    return reports


#: the tags of a word in the singular: a plural joined to another ("Russian media and military bloggers",
#: "officials and diplomats") names one body of sources
SINGULAR_TAGS = frozenset({"NN", "NNP"})


def _joined_sources(tokens: list[Token]) -> list[list[Token]]:
    """The sources two singular names or descriptions joined by "and" name, each its own ("Army spokesman
    Colonel Ahmed Ali and police chief John Musa said", "The Kremlin and the defence ministry both said"),
    the first before the second; else the words as one source."""
    if not tokens:
        return [tokens]
    head = _phrase_head(tokens)
    inside = {t.i for t in tokens}
    joined = next((c for c in head.children if c.dep_ == "conj" and c.i in inside), None)
    if joined is None or head.tag_ not in SINGULAR_TAGS or joined.tag_ not in SINGULAR_TAGS:
        return [tokens]
    link = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < joined.left_edge.i), None)
    if link is None or link.lower_ not in CONJUNCTIONS:
        return [tokens]
    first = [t for t in tokens if t.i < link.i and t.dep_ != "preconj"]  # "both Azerbaijan and Armenia"
    while first and first[-1].is_punct:
        first.pop()
    second = [t for t in tokens if joined.left_edge.i <= t.i <= joined.right_edge.i]
    return [first, second] if first and second else [tokens]


def _sources(
    doc: Doc,
    token: Token,
    matches: Sequence[FrameMatch],
    sentence: Span,
    in_quote: list[int],
    vocab: SpeakerVocabulary,
) -> list[tuple[list[Token], str, bool]]:
    """The words naming the source of the report that `token` opens, with the scope of the frame that binds
    them; a frame of attribution_frames.json first, then the fallbacks for texts the parse gets wrong."""
    if token.lower_ in vocab.citing_words:
        return [(_mention_tokens(doc[m.source], in_quote), m.frame.scope, m.frame.inner) for m in matches]
    if token.lower_ in ATTRIBUTION_OPENERS:
        if matches:
            head, scope = doc[matches[0].source], matches[0].frame.scope
        elif token.i + 1 < sentence.end and doc[token.i + 1].lower_ in ATTRIBUTION_LINKS:
            head, scope = _noun_after(doc, token.i + 2, sentence.end), "clause"
        else:
            return []
        tokens = _mention_tokens(head, in_quote) if head is not None else []
        # "according to a Turkish General Staff statement artillery fire ... killed": in a text stripped of
        # its commas, the source ends with its statement
        report = next((k for k, t in enumerate(tokens) if t.lower_ in vocab.report_nouns), None)
        # "according to figures released by the UN": the participle before who issued them
        after = (
            report + 2
            if report is not None and report + 2 < len(tokens) and tokens[report + 1].tag_ == "VBN"
            else None
        )
        issued_by = (
            report is not None and report + 1 < len(tokens) and tokens[after or report + 1].lower_ in ISSUING
        )
        if report is not None and report + 1 < len(tokens) and not issued_by:
            tokens = tokens[: report + 1]
        return [(tokens, scope, False)]
    if not _reports_something(doc, token, in_quote, vocab):
        return []
    scope = "clause" if token.lemma_.lower() in vocab.one_clause_verbs else "report"
    # two subjects where the parse ran phrases together ("500 casualties in Aleppo The observatory said"):
    # the one nearest the verb
    for match in sorted(matches, key=lambda m: (not m.frame.inner, abs(m.source - token.i))):
        if not in_dateline(doc, doc[match.source].idx):  # "MOSCOW, March 14 (Reuters) - ..."
            scope = _narrower(scope, match.frame.scope)
            heads = [*_subject_joined_before(doc[match.source]), doc[match.source]]
            return [(_mention_tokens(head, in_quote), scope, False) for head in heads]
    tokens = _reporting_subject(token, in_quote)
    return [(tokens, scope, False)] if tokens else []


def _subject_joined_before(subject: Token) -> list[Token]:
    """ "SANA and the Syrian Observatory said": the first of two sources the parse made two subjects of the
    verb, the "and" hung on the first."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    if before is None or before.dep_ != "cc" or before.lower_ not in CONJUNCTIONS:
        return []
    first = before.head
    joined = first.dep_ == subject.dep_ and first.head.i == subject.head.i and first.i < subject.i
    return [first] if joined and first.tag_ in SINGULAR_TAGS and subject.tag_ in SINGULAR_TAGS else []


def _narrower(first: str, second: str) -> str:
    return "clause" if "clause" in (first, second) else "report"


def _reports_something(doc: Doc, token: Token, in_quote: list[int], vocab: SpeakerVocabulary) -> bool:
    """A reporting verb that reports: not negated, not a participle describing a noun ("reported losses"),
    and, for verbs that need it ("continued", "pointed"), followed by what was said or beside a quote."""
    if token.lemma_.lower() not in vocab.reporting_verbs or token.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "neg" for c in token.children) or _said_by_no_one(token, vocab):
        return False
    if token.tag_ == "VBN" and token.dep_ in ("acl", "amod") and not _reports_a_clause(token):
        return False
    if _opens_a_subordinate_clause(token, vocab) and not _reports_a_clause(token):
        return False
    if token.lemma_.lower() in vocab.verbs_needing_speech and not any(
        c.dep_ in ("ccomp", "parataxis") for c in token.children
    ):
        return _next_to_quote(doc, token, in_quote) or _as_saying(token, vocab)
    return True


def _said_by_no_one(token: Token, vocab: SpeakerVocabulary) -> bool:
    """ "No group has claimed responsibility", "nobody claimed it": a subject that names no one."""
    return any(
        c.lower_ in vocab.no_one_words
        or any(d.dep_ == "det" and d.lower_ in vocab.no_one_words for d in c.children)
        for c in token.children
        if c.dep_ == "nsubj"
    )


def _opens_a_subordinate_clause(token: Token, vocab: SpeakerVocabulary) -> bool:
    """ "After the president declared war in an address, explosions were heard ...": a verb under a
    subordinator that opens its sentence reports nothing of the main clause, even where the parse made it
    the root and the main clause its complement."""
    sentence_start = sentence_of(token).start
    return any(
        (c.dep_ == "mark" or c.tag_ == "WRB")
        and c.i == sentence_start
        and c.lower_ not in vocab.attributive_marks
        for c in token.children
    )


def _reports_a_clause(token: Token) -> bool:
    """ "announced that ...": a participle describing a noun ("the reported losses") takes no that-clause,
    so a verb that has one reports, however the parse labelled it."""
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.pos_ == "SCONJ" for m in c.children)
        for c in token.children
    )


def _as_saying(token: Token, vocab: SpeakerVocabulary) -> bool:
    """ "quoted the governor as saying": the verb's "as" introduces a verb of saying."""
    return any(
        c.dep_ == "prep" and any(g.lemma_.lower() in vocab.reporting_verbs for g in c.children)
        for c in token.children
    )


def _report(
    doc: Doc, token: Token, number: int, tokens: list[Token], in_quote: list[int], vocab: SpeakerVocabulary
) -> Report | None:
    """The report `token` opens, when the words naming its source name someone who can speak."""
    if not tokens:
        return None
    head = _phrase_head(tokens)
    if in_quote[head.i] >= 0 or head.pos_ not in ("PROPN", "NOUN", "PRON", "NUM", "X"):
        return None
    if head.pos_ == "PRON" and head.lower_ not in vocab.pronouns:
        return None
    if any(c.dep_ == "nummod" and c.is_digit and not in_dateline(doc, c.idx) for c in head.children):
        # "More than 500 casualties in Aleppo": a count, not who counts ("ADEN, Oct 5 - Yemen": a day)
        return None
    mention = describe_mention(doc, tokens, vocab)
    if mention is None or not _plausible_speaker(mention, head, vocab):
        return None
    return Report(token.i, number, mention, quoted=_next_to_quote(doc, token, in_quote))


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
    """Subjects that cannot speak ("the figure", "evidence") are no speakers; names, posts, bodies are. A
    common noun that names no speaker is not named by the place phrase after it ("an attack in Idlib province
    claimed the lives of 80")."""
    if mention.anaphor in ("pronoun", "report"):
        return True
    if mention.named:
        return not _named_only_in_a_place(head, vocab)
    words = {w.lower() for w in re.findall(r"[\w-]+", mention.name)}
    known = vocab.person_heads | vocab.group_heads | vocab.organization_heads
    if head.pos_ == "PROPN" or mention.organization:
        return True
    if head.lemma_.lower() in vocab.service_heads:  # "British intelligence", not "intelligence reports"
        return any(c.dep_ in ("amod", "compound", "poss") for c in head.children)
    return bool(words & known) or head.lemma_.lower() in known


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _named_only_in_a_place(head: Token, vocab: SpeakerVocabulary) -> bool:
    """The phrase's head is a common noun that names no speaker nor a report, and its proper names are the
    place phrase after it ("an alleged attack in Idlib province"): an event, not a speaker."""
    lemma = head.lemma_.lower()
    known = vocab.person_heads | vocab.group_heads | vocab.organization_heads | vocab.report_nouns
    if head.pos_ != "NOUN" or head.lower_ in known or lemma in known:
        return False
    if any(t.pos_ == "PROPN" for t in head.subtree if t.i < head.i):
        return False
    names = [t for t in head.subtree if t.i > head.i and t.pos_ == "PROPN"]
    return bool(names) and all(t.ent_type_ in PLACE_ENTITIES for t in names)


def _next_to_quote(doc: Doc, verb: Token, in_quote: list[int]) -> bool:
    """The verb stands within a few tokens of a quotation in its sentence (the said of '"...," he said')."""
    sentence = sentence_of(verb)
    for i in range(max(sentence.start, verb.i - 5), min(sentence.end, verb.i + 6)):
        if in_quote[i] >= 0:
            return True
        if doc[i].text in DOUBLE_QUOTES or doc[i].text in SINGLE_QUOTES and doc[i].pos_ == "PUNCT":
            return True
    return False
