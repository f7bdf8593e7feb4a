"""The compound joiner: makes a lower-case hyphenated compound ("sub-commander") one token after parsing."""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extractor.factories import evaluated_annotations
from extractor.vocabulary import load_data, require

# The English model's tokenizer splits every hyphen between letters, and the model was trained on such
# splits, so the parse runs on them; but "a Taliban sub - commander" then counts a "Taliban sub" and "five
# rocket - propelled grenades" five of "rocket". Joined after the parse, the compound is one word that
# takes the place of its head word (the last one the parse hangs the rest on).
HYPHEN = "-"


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Words of a figure ("twenty-five"), which the number finder reads one by one."""
    data = load_data("numbers")
    return frozenset(require(data, "number_words", dict, "numbers.json")) | frozenset(
        require(data, "small_numbers", dict, "numbers.json")
    )


def compound_spans(doc: Doc, numbers: frozenset[str]) -> list[Span]:
    """Each "word-word" written without spaces whose words are lower case and no number words: not
    "al-Qaeda", "Taliban-affiliated", "twenty-five", "19-year-old" nor "sar-e-pul" (three parts). Read from
    the document's arrays, around its hyphens only: a Token made for every word was most of this step."""
    n = len(doc)
    if n < 3:
        return []
    rows = doc.to_array([ORTH, SPACY, IS_ALPHA, IS_LOWER, LOWER])
    hyphen = get_string_id(HYPHEN)
    hyphens = (numpy.flatnonzero(rows[1:-1, 0] == hyphen) + 1).tolist()  # not the first or last token
    orths, spaced, alpha, lower, lowers = rows.T.tolist()
    strings = doc.vocab.strings

    def plain_word(i: int) -> bool:
        return bool(alpha[i] and lower[i]) and strings[lowers[i]] not in numbers

    spans = []
    for i in hyphens:
        if spaced[i - 1] or spaced[i] or not (plain_word(i - 1) and plain_word(i + 1)):
            continue
        outside_left = i < 2 or spaced[i - 2] or orths[i - 2] != hyphen
        outside_right = i + 2 >= n or spaced[i + 1] or orths[i + 2] != hyphen
        if outside_left and outside_right:
            spans.append(doc[i - 1 : i + 2])
    return spans


def _head_word(span: Span) -> Token:
    """The word of the compound the rest hangs on: the last one whose head lies outside it."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return outside[-1] if outside else span[-1]


def _crosses_an_entity(entities: tuple[Span, ...], span: Span) -> bool:
    return any(
        e.start < span.end and span.start < e.end and not (e.start <= span.start and span.end <= e.end)
        for e in entities
    )


def join_compounds(doc: Doc, numbers: frozenset[str]) -> Doc:
    """Merges each compound into one token with its head word's tag, label and head, and a lemma made of
    the words before it and the head word's lemma ("sub-commander")."""
    entities = doc.ents  # built anew on each read: once per document
    spans = [s for s in compound_spans(doc, numbers) if not _crosses_an_entity(entities, s)]
    if not spans:
        return doc
    heads = []  # (the compound's first character, its head word's head's first character)
    with doc.retokenize() as retokenizer:
        for span in spans:
            head_word = _head_word(span)
            outside = head_word.head.idx if head_word.head.i != head_word.i else None
            heads.append((span.start_char, outside))
            lemma = span.text[: head_word.idx - span.start_char].lower() + head_word.lemma_
            attrs = {"TAG": head_word.tag_, "POS": head_word.pos_, "DEP": head_word.dep_, "LEMMA": lemma}
            attrs["MORPH"] = str(head_word.morph)
            retokenizer.merge(span, attrs=attrs)
    _restore_heads(doc, heads)
    return doc


def _restore_heads(doc: Doc, heads: list[tuple[int, int | None]]) -> None:
    """Hangs each merged compound where its head word hung (the merge keeps its first word's head)."""
    # each token's index by its first character, from the arrays: a Token is made only for those moved
    at = {char: i for i, char in enumerate(doc.to_array(IDX).tolist())}
    for start, outside in heads:
        token = doc[at[start]]
        target = doc[at[outside]] if outside is not None and outside in at else None
        # never under a word of its own subtree, which would make a cycle
        if target is not None and target.i != token.i and not token.is_ancestor(target):
            token.head = target


class CompoundJoiner:
    """Joins the hyphenated compounds of each Doc, once the model's layers have run."""

    def __init__(self, name: str = "briefing_compounds"):
        self.name = name
        self.numbers = number_words()

    def __call__(self, doc: Doc) -> Doc:
        return join_compounds(doc, self.numbers)


@evaluated_annotations
@Language.factory("briefing_compounds", default_config={})
def make_compound_joiner(nlp: Language, name: str) -> CompoundJoiner:
    """The compound joiner as a pipeline component."""
    return CompoundJoiner(name)
