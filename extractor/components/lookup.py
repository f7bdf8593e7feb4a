"""The English model's own attribute rules and lemmas, applied by lookup.

The model's attribute ruler runs a Matcher of some 180 rules over every token and then sets each token's
attributes one Python call at a time; its rule lemmatizer also makes one call per token. Most rules test one
token only (its tag, its lower-case form, its dependency label), so what they give a token follows from those
few values: the answer is worked out once per distinct combination, kept, and written for the whole Doc as
arrays. Rules that span two tokens still run through a Matcher of their own. The rules and lemmas are the
model's, read from its components at start-up; `tests/test_lookup.py` checks that the result is identical.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from extractor.factories import evaluated_annotations

# the token attributes a one-token rule may test; a rule testing anything else runs through the Matcher
TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# the attributes written as arrays; any other a rule sets is written token by token
WRITTEN = (POS, MORPH, LEMMA)


class OneTokenRule:
    """A rule's test of a single token, read from its Matcher pattern."""

    def __init__(self, spec: dict[str, Any]):
        self.tests = []
        for key, value in spec.items():
            if isinstance(value, dict) and set(value) == {"IN"}:
                self.tests.append((key, "in", frozenset(value["IN"])))
            elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
                self.tests.append((key, "not in", frozenset(value["NOT_IN"])))
            elif isinstance(value, dict) and set(value) == {"REGEX"}:
                self.tests.append((key, "regex", re.compile(value["REGEX"])))
            elif isinstance(value, (str, bool)):
                self.tests.append((key, "is", value))
            else:
                raise ValueError(f"unsupported rule test {key}: {value!r}")
        # the one tag and the one word the rule asks for, if it names them (most name a tag, half of those a
        # word too): rules are picked by them before testing
        self.tag = next((value for key, how, value in self.tests if key == "TAG" and how == "is"), None)
        self.lower = next((value for key, how, value in self.tests if key == "LOWER" and how == "is"), None)

    def matches(self, values: dict[str, Any]) -> bool:
        for key, how, expected in self.tests:
            value = values[key]
            if how == "in" and value not in expected:
                return False
            if how == "not in" and value in expected:
                return False
            if how == "regex" and not expected.search(value):
                return False
            if how == "is" and value != expected:
                return False
        return True


# a one-token rule with its place among them and what it sets
NumberedRule = tuple[int, OneTokenRule, dict[int, int]]


class RulesOfTag:
    """The rules that may hold of a token with one tag (those naming no tag or this one), each list split by
    the one word a rule asks for, if any: testing all 170 rules on each new word was the lookup's main cost
    on a first pass over a corpus."""

    def __init__(self, tag: str, span_starts: list[OneTokenRule], one_token: list[NumberedRule]):
        self.span_starts_any_word: list[OneTokenRule] = []
        self.span_starts_by_word: dict[str, list[OneTokenRule]] = {}
        for rule in span_starts:
            if rule.tag in (None, tag):
                self._held(rule, self.span_starts_any_word, self.span_starts_by_word).append(rule)
        self.any_word: list[NumberedRule] = []
        self.by_word: dict[str, list[NumberedRule]] = {}
        for numbered in one_token:
            if numbered[1].tag in (None, tag):
                self._held(numbered[1], self.any_word, self.by_word).append(numbered)

    @staticmethod
    def _held(rule: OneTokenRule, any_word: list, by_word: dict[str, list]) -> list:
        return any_word if rule.lower is None else by_word.setdefault(rule.lower, [])

    def span_may_start(self, values: dict[str, Any]) -> bool:
        """Whether a spanning rule's first-token test holds."""
        of_word = self.span_starts_by_word.get(values["LOWER"], ())
        return any(rule.matches(values) for rule in self.span_starts_any_word) or any(
            rule.matches(values) for rule in of_word
        )

    def one_token(self, values: dict[str, Any]) -> list[NumberedRule]:
        """The one-token rules to test, in their own order (a later rule's attributes win)."""
        of_word = self.by_word.get(values["LOWER"])
        return sorted(self.any_word + of_word, key=_rule_number) if of_word else self.any_word


def _rule_number(rule: NumberedRule) -> int:
    return rule[0]


class AttributeLookup:
    """Applies an AttributeRuler's rules with the same result as the ruler itself."""

    def __init__(self, ruler: Any):
        self.vocab = ruler.vocab
        self.one_token: list[tuple[int, OneTokenRule, dict[int, int]]] = []
        self.spanning = Matcher(self.vocab)
        self.spanning_rules: dict[int, tuple[int, dict[int, int], int]] = {}
        # the first-token tests of the spanning rules: the Matcher then runs only where one of them holds
        self.span_starts: list[OneTokenRule] = []
        self.span_starts_known = True
        self.span_length = 1
        # the ruler numbers its rules 0, 1, 2 ... and applies them in that order, a later one winning
        for attr_id, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            for pattern in ruler.matcher.get(str(attr_id))[1]:
                if len(pattern) == 1 and set(pattern[0]) <= set(TESTED) and index in (0, -1):
                    self.one_token.append((attr_id, OneTokenRule(pattern[0]), attrs))
                else:
                    self.spanning.add(str(attr_id), [pattern])
                    self.spanning_rules[self.vocab.strings.add(str(attr_id))] = (attr_id, attrs, index)
                    first = pattern[0]
                    if set(first) <= set(TESTED) and not any("OP" in token for token in pattern):
                        self.span_starts.append(OneTokenRule(first))
                        self.span_length = max(self.span_length, len(pattern))
                    else:
                        self.span_starts_known = False
        for _, _, attrs in self.one_token:
            if MORPH in attrs:
                self.vocab.morphology.add(self.vocab.strings[attrs[MORPH]])
        # per distinct (tag, lower, dep, is_space): whether a spanning rule may start there, the values the
        # one-token rules write as arrays (column, value), and any other attributes they set
        self._answers: dict[tuple[int, ...], tuple[bool, tuple[tuple[int, int], ...], dict[int, int]]] = {}
        # per tag, the rules that may hold of a token with it
        self._rules_by_tag: dict[str, RulesOfTag] = {}

    def _rules_for(self, tag: str) -> RulesOfTag:
        rules = self._rules_by_tag.get(tag)
        if rules is None:
            numbered = [(number, rule, attrs) for number, (_, rule, attrs) in enumerate(self.one_token)]
            rules = self._rules_by_tag[tag] = RulesOfTag(tag, self.span_starts, numbered)
        return rules

    def _values(self, key: tuple[int, int, int, int]) -> dict[str, Any]:
        strings = self.vocab.strings
        tag, lower, dep, space = key
        return {"TAG": strings[tag], "LOWER": strings[lower], "DEP": strings[dep], "IS_SPACE": bool(space)}

    def _answer(
        self, key: tuple[int, int, int, int]
    ) -> tuple[bool, tuple[tuple[int, int], ...], dict[int, int]]:
        """What the rules give a token with this key: whether a spanning rule may begin at it, then the
        one-token rules' attributes (later rules winning) split into array columns and the rest."""
        answer = self._answers.get(key)
        if answer is None:
            values = self._values(key)
            rules = self._rules_for(values["TAG"])
            starts = rules.span_may_start(values)
            merged: dict[int, int] = {}
            for _, rule, attrs in rules.one_token(values):
                if rule.matches(values):
                    merged.update(attrs)
            columns = {attr: i for i, attr in enumerate(WRITTEN)}
            written = tuple((columns[attr], value) for attr, value in merged.items() if attr in columns)
            others = {attr: value for attr, value in merged.items() if attr not in columns}
            _make_room(self._answers)
            answer = self._answers[key] = (starts, written, others)
        return answer

    def __call__(self, doc: Doc) -> Doc:
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        written = doc.to_array(list(WRITTEN))
        rows: list[int] = []
        columns: list[int] = []
        values: list[int] = []
        others: list[tuple[int, dict[int, int]]] = []
        starts: list[int] = []
        answers = self._answers
        for i, key in enumerate(map(tuple, keys.tolist())):
            starts_span, array_values, extra = answers.get(key) or self._answer(key)
            if starts_span:
                starts.append(i)
            for column, value in array_values:
                rows.append(i)
                columns.append(column)
                values.append(value)
            if extra:
                others.append((i, extra))
        if rows:
            written[rows, columns] = numpy.array(values, dtype=written.dtype)
        doc.from_array(list(WRITTEN), written)
        for i, attrs in others:
            set_token_attrs(doc[i], attrs)
        self._apply_spanning(doc, starts if self.span_starts_known else None)
        return doc

    def _apply_spanning(self, doc: Doc, starts: list[int] | None) -> None:
        """Rules over two tokens, in their order among all rules, re-applying the one-token rules that come
        after them on the same token so that the later rule still wins, as in the ruler. `starts` are the
        tokens such a rule may begin at (None: anywhere)."""
        windows = [(0, len(doc))] if starts is None else _merged(starts, self.span_length, len(doc))
        found = []
        for offset, stop in windows:
            for match_id, start, end in self.spanning(doc[offset:stop]):
                attr_id, attrs, index = self.spanning_rules[match_id]
                found.append((attr_id, doc[offset + start : offset + end][index].i, attrs))
        for attr_id, i, attrs in sorted(found):
            set_token_attrs(doc[i], attrs)
            token = doc[i]
            values = self._values((token.tag, token.lower, token.dep, int(token.is_space)))
            later = {}
            for rule_id, rule, rule_attrs in self.one_token:
                if rule_id > attr_id and rule.matches(values):
                    later.update(rule_attrs)
            if later:
                set_token_attrs(token, later)


# answers kept per distinct word form: a corpus of millions of documents keeps meeting new words, so a full
# cache starts again rather than grow without end
CACHE_ENTRIES = 200_000


def _make_room(cache: dict) -> None:
    if len(cache) >= CACHE_ENTRIES:
        cache.clear()


def _merged(starts: list[int], length: int, limit: int) -> list[tuple[int, int]]:
    """Token ranges of `length` from each start, joined where they overlap."""
    windows: list[tuple[int, int]] = []
    for start in starts:
        end = min(start + length, limit)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


class LemmaLookup:
    """The model's rule lemmatizer, its answer kept per (word, part of speech, morphology) as the lemmatizer
    itself keeps it, and written as an array; tokens already given a lemma keep it."""

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        # strings, not their hashes: a string added inside a memory zone is gone when the zone closes
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = self.vocab.strings
        # the keys as Python ints, read once: three numpy scalars per token cost more than the lookup
        keys = rows[:, :3].tolist()
        for i in numpy.flatnonzero(lemmas == 0).tolist():
            key = tuple(keys[i])
            lemma = self._lemmas.get(key)
            if lemma is None:
                _make_room(self._lemmas)
                lemma = self._lemmas[key] = self.lemmatizer.rule_lemmatize(doc[i])[0]
            lemmas[i] = strings.add(lemma)
        doc.from_array([LEMMA], lemmas)
        return doc


@evaluated_annotations
@Language.factory("briefing_attributes")
def make_attribute_lookup(nlp: Language, name: str) -> AttributeLookup:
    """The model's attribute ruler, by lookup; the ruler itself stays in the pipeline, disabled."""
    return AttributeLookup(nlp.get_pipe("attribute_ruler"))


@evaluated_annotations
@Language.factory("briefing_lemmas")
def make_lemma_lookup(nlp: Language, name: str) -> LemmaLookup:
    """The model's rule lemmatizer, by lookup; the lemmatizer itself stays in the pipeline, disabled."""
    return LemmaLookup(nlp.get_pipe("lemmatizer"))
