"""ConText-style qualifiers of a claim (denied, hypothetical, alleged), read from data/qualifiers.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from extractor.vocabulary import VocabularyError, load_data, require

SCOPES = frozenset({"governs", "modifies"})
DIRECTIONS = frozenset({"forward", "backward", "both"})
ACTIONS = frozenset({"drop", "mark"})
MAX_ANCESTORS = 12  # how far up the parse a trigger that governs the claim is looked for


@dataclass(frozen=True)
class QualifierRule:
    literal: str
    category: str
    scope: str
    direction: str

    def placed(self, trigger: Token, anchor: Token) -> bool:
        """Whether the claim at `anchor` stands on the side of `trigger` that the rule looks to."""
        if self.direction == "forward":
            return anchor.i > trigger.i
        if self.direction == "backward":
            return anchor.i < trigger.i
        return True


class QualifierRules:
    """The qualifier rules and what each category does to a claim."""

    def __init__(self, rules: list[QualifierRule], actions: dict[str, str]):
        self.governing = {r.literal: r for r in rules if r.scope == "governs"}
        self.modifying = {r.literal: r for r in rules if r.scope == "modifies"}
        self.actions = actions

    @classmethod
    def from_data(cls, data: dict[str, Any] | None = None) -> QualifierRules:
        data = data if data is not None else load_data("qualifiers")
        src = "qualifiers.json"
        actions = require(data, "actions", dict, src)
        if not set(actions.values()) <= ACTIONS:
            raise VocabularyError(f"{src}: an action must be one of {sorted(ACTIONS)}")
        rules = []
        for entry in require(data, "rules", list, src):
            rule = QualifierRule(
                literal=require(entry, "literal", str, src).lower(),
                category=require(entry, "category", str, src),
                scope=require(entry, "scope", str, src),
                direction=require(entry, "direction", str, src),
            )
            if rule.scope not in SCOPES or rule.direction not in DIRECTIONS or rule.category not in actions:
                raise VocabularyError(f"{src}: rule {entry!r} has an unknown scope, direction or category")
            rules.append(rule)
        return cls(rules, actions)

    def categories(self, anchor: Token) -> set[str]:
        """The qualifier categories over a claim whose verb (or counted noun) is `anchor`."""
        found = set()
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

    def drops(self, anchor: Token) -> bool:
        """Whether a qualifier over the claim makes it no claim (denied, hypothetical)."""
        return any(self.actions[c] == "drop" for c in self.categories(anchor))


@lru_cache(maxsize=1)
def qualifier_rules() -> QualifierRules:
    """The rules shipped in extractor/data/qualifiers.json."""
    return QualifierRules.from_data()
