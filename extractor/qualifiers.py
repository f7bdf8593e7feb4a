"""ConText-style qualifiers of a claim (denied, hypothetical, alleged), read from data/qualifiers.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from extractor.vocabulary import VocabularyError, load_data, require

SCOPES = frozenset({"governs", "modifies", "counted", "setting"})
DIRECTIONS = frozenset({"forward", "backward", "both"})
ACTIONS = frozenset({"drop", "mark"})
MAX_ANCESTORS = 12  # how far up the parse a trigger that governs the claim is looked for
COUNTED_MODIFIER_DEPS = frozenset({"amod", "advmod", "npadvmod"})  # "the second strike", "an attempted raid"
# "no civilians", "not a single soldier", "neither soldiers nor civilians": a negated quantifier
NEGATING_DEPS = frozenset({"det", "neg", "preconj"})
COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})  # "fewer", "less", "more" of a bound on a figure
SETTING_DEPTH = 3  # how far below the claim's verb a setting cue is looked for ("detained 40 at a rally")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


def _bounds_a_figure(negator: Token) -> bool:
    """ "no fewer than 15 policemen", "not more than 20": a negator before a comparative bounds the figure
    (at least, at most), which still counts; it negates no count."""
    doc = negator.doc
    return negator.i + 1 < len(doc) and doc[negator.i + 1].tag_ in COMPARATIVE_TAGS


@dataclass(frozen=True)
class QualifierRule:
    literal: str
    category: str
    scope: str
    direction: str
    definite_only: bool = False  # "the second strike" restates one; "a second strike" is one more
    verbs: frozenset[str] = frozenset()  # the claim verbs a rule is limited to (empty: any)

    def placed(self, trigger: Token, anchor: Token) -> bool:
        """Whether the claim at `anchor` stands on the side of `trigger` that the rule looks to."""
        if self.direction == "forward":
            return anchor.i > trigger.i
        if self.direction == "backward":
            return anchor.i < trigger.i
        return True


class QualifierRules:
    """The qualifier rules and what each category does to a claim."""

    def __init__(self, rules: list[QualifierRule], actions: dict[str, str], definite_words: frozenset[str]):
        self.governing = {r.literal: r for r in rules if r.scope == "governs"}
        self.modifying = {r.literal: r for r in rules if r.scope == "modifies"}
        # a literal written in capitals is a spaCy entity label ("ORDINAL": second, third, 5th)
        self.counting = {r.literal: r for r in rules if r.scope == "counted"}
        self.setting = {r.literal: r for r in rules if r.scope == "setting"}
        self.actions = actions
        self.definite_words = definite_words

    @classmethod
    def from_data(cls, data: dict[str, Any] | None = None) -> QualifierRules:
        data = data if data is not None else load_data("qualifiers")
        src = "qualifiers.json"
        actions = require(data, "actions", dict, src)
        if not set(actions.values()) <= ACTIONS:
            raise VocabularyError(f"{src}: an action must be one of {sorted(ACTIONS)}")
        rules = []
        for entry in require(data, "rules", list, src):
            literal = require(entry, "literal", str, src)
            rule = QualifierRule(
                literal=literal if literal.isupper() else literal.lower(),
                category=require(entry, "category", str, src),
                scope=require(entry, "scope", str, src),
                direction=require(entry, "direction", str, src),
                definite_only=bool(entry.get("definite_only", False)),
                verbs=frozenset(w.lower() for w in entry.get("verbs", [])),
            )
            if rule.scope not in SCOPES or rule.direction not in DIRECTIONS or rule.category not in actions:
                raise VocabularyError(f"{src}: rule {entry!r} has an unknown scope, direction or category")
            rules.append(rule)
        definite_words = frozenset(w.lower() for w in data.get("definite_words", []))
        return cls(rules, actions, definite_words)

    def categories(self, anchor: Token, counted: Token | None = None) -> set[str]:
        """The qualifier categories over a claim whose verb (or counted noun) is `anchor` and whose counted
        noun, if it has one, is `counted`."""
        found = set()
        for noun in {t for t in (anchor, counted) if t is not None}:
            found |= self._counted_categories(noun)
        found |= self._setting_categories(anchor, counted)
        for child in anchor.children:
            # "would destroy", "if ... killed", "reportedly killed": the cue hangs on the claim's verb
            if child.dep_ not in ("aux", "advmod", "mark"):
                continue
            rule = self.modifying.get(child.lemma_.lower()) or self.modifying.get(child.lower_)
            if rule is not None and rule.placed(child, anchor):
                found.add(rule.category)
        for depth, ancestor in enumerate(anchor.ancestors):
            if depth >= MAX_ANCESTORS:
                break
            rule = self.governing.get(ancestor.lemma_.lower())
            if rule is not None and rule.placed(ancestor, anchor):
                found.add(rule.category)
        return found

    def _counted_categories(self, noun: Token) -> set[str]:
        """Categories of cues that modify the counted noun itself: "an attempted strike", "the third raid"."""
        found = set()
        definite = any(c.dep_ == "poss" or c.lower_ in self.definite_words for c in noun.children)
        # the small model hangs "attempted" of "an attempted drone strike" on the compound "drone", and
        # the "not" of "not one civilian" on the figure
        figures = [c for c in noun.children if c.dep_ in ("compound", "nummod")]
        for child in [*noun.children, *(m for c in figures for m in c.children), *_first_conjunct(noun)]:
            if child.dep_ not in COUNTED_MODIFIER_DEPS | NEGATING_DEPS or _bounds_a_figure(child):
                continue
            rule = self.counting.get(child.ent_type_) or self.counting.get(child.lemma_.lower())
            rule = rule or self.counting.get(child.lower_)
            if rule is None or not rule.placed(child, noun) or (rule.definite_only and not definite):
                continue
            found.add(rule.category)
        return found

    def _setting_categories(self, anchor: Token, counted: Token | None) -> set[str]:
        """Categories of cues that name the setting of the claim, on its counted noun or near below its verb
        outside the subject: "arrested 300 protesters", "detained 1,600 taking part in rallies"."""
        if not self.setting:
            return set()
        near = [] if counted is None else [counted]
        layer = [c for c in anchor.children if c.dep_ not in SUBJECT_DEPS]
        for _ in range(SETTING_DEPTH):
            near.extend(layer)
            layer = [c for t in layer for c in t.children]
        found = set()
        for token in near:
            rule = self.setting.get(token.lemma_.lower()) or self.setting.get(token.lower_)
            if rule is not None and (not rule.verbs or anchor.lemma_.lower() in rule.verbs):
                found.add(rule.category)
        return found

    def drops(self, anchor: Token) -> bool:
        """Whether a qualifier over the claim makes it no claim (denied, hypothetical)."""
        return any(self.actions[c] == "drop" for c in self.categories(anchor))


def _first_conjunct(noun: Token) -> list[Token]:
    """The quantifiers of the first noun of the coordination `noun` closes ("no women or children"): they
    count every conjunct, where the conjunct's own modifiers count only it."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is noun:
        return []
    return [c for c in first.children if c.dep_ in NEGATING_DEPS]


@lru_cache(maxsize=1)
def qualifier_rules() -> QualifierRules:
    """The rules shipped in extractor/data/qualifiers.json."""
    return QualifierRules.from_data()
