"""Claim frames as data: the DependencyMatcher patterns of claim_frames.json, matched once per document."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from extractor.components.claims.tokens import _lemma
from extractor.components.claims.vocabulary import FRAME_MATCHES_KEY, ClaimVocabulary, claim_vocabulary
from extractor.tree_matcher import TreeMatcher, tree_matcher
from extractor.vocabulary import VocabularyError, expand_word_lists, load_data, require

SOURCE = "claim_frames.json"


@dataclass(frozen=True)
class ClaimFrame:
    """One way a claim's word is linked to a role: the frame's name, the role it fills, its nodes' order."""

    name: str
    role: str  # "actor", "controller", "cause", "counted" or "verb" (see claim_frames.json)
    anchor_node: int
    role_node: int
    relation: str = ""  # how a governing frame's anchor stands to its verb: "object", "passive", ...


def achieving(head: Token, vocab: ClaimVocabulary) -> bool:
    """A verb or adjective of achieving, whose subject did what its complement says: "managed to destroy",
    "went on to destroy", "were able to destroy", "succeeded in destroying". Its entries in the data may
    carry a particle ("go on") or be an adjective after "be" ("be able")."""
    lemma = _lemma(head)
    forms = {lemma, *(f"{lemma} {c.lower_}" for c in head.children if c.dep_ == "prt")}
    if head.pos_ == "ADJ":
        forms.add(f"be {lemma}")
    return not forms.isdisjoint(vocab.achieving_verbs)


def _word_lists(vocab: ClaimVocabulary) -> dict[str, list[str]]:
    """The word lists a pattern may name with '@'."""
    function_words = require(load_data("claim_terms"), "function_words", dict, "claim_terms.json")
    lists = {key: value for key, value in function_words.items() if isinstance(value, list)}
    lists["result_verbs"] = sorted(vocab.result_verbs)
    lists["claim_verbs"] = sorted(vocab.verbs)
    lists["reporting_verbs"] = sorted(vocab.reporting_verbs)
    lists["nominalizations"] = sorted(vocab.nominalizations)
    lists["idiom_nouns"] = sorted(vocab.idiom_nouns)
    # "manage", "go" of "go on", "able" of "be able": the word the pattern finds, the entry checked in code
    lists["achieving_heads"] = sorted(
        {
            entry.split()[-1] if entry.startswith("be ") else entry.split()[0]
            for entry in vocab.achieving_verbs
        }
    )
    lists["idiom_verbs"] = sorted({verb for verbs in vocab.idiom_nouns.values() for verb in verbs})
    return lists


@lru_cache(maxsize=1)
def claim_frames() -> tuple[tuple[ClaimFrame, list[dict]], ...]:
    """The frames of claim_frames.json with their patterns, word lists filled in."""
    lists = _word_lists(claim_vocabulary())
    frames = []
    for row in require(load_data("claim_frames"), "frames", list, SOURCE):
        name = require(row, "name", str, SOURCE)
        role = require(row, "role", str, SOURCE)
        pattern = expand_word_lists(require(row, "pattern", list, SOURCE), lists, SOURCE)
        nodes = [node.get("RIGHT_ID") for node in pattern]
        if "anchor" not in nodes or role not in nodes:
            raise VocabularyError(f"{SOURCE}: frame {name!r} names no 'anchor' or no {role!r} node")
        relation = row.get("relation", "")
        if not isinstance(relation, str):
            raise VocabularyError(f"{SOURCE}: frame {name!r} has a relation that is not a string")
        frame = ClaimFrame(name, role, nodes.index("anchor"), nodes.index(role), relation)
        frames.append((frame, pattern))
    return tuple(frames)


def frame_matcher(vocab: Vocab) -> TreeMatcher:
    """The claim frames' matcher for `vocab`, built once (the component builds it at load)."""
    return tree_matcher(vocab, "claim_frames", lambda: (p for _, p in claim_frames()))


def _frame_matches(doc: Doc) -> dict[str, list[tuple[tuple[int, ...], int]]]:
    """Each frame's matches by "<frame name> <anchor token>" (user_data travels as msgpack): the role token
    with the match's other tokens, nearest first (the first by-phrase, the first of its objects)."""
    found = doc.user_data.get(FRAME_MATCHES_KEY)
    if found is not None:
        return found
    found = {}
    if doc.has_annotation("DEP"):
        for frame, tokens in _matched_frames(doc):
            order = tuple(t for n, t in enumerate(tokens) if n != frame.anchor_node)
            found.setdefault(f"{frame.name} {tokens[frame.anchor_node]}", []).append(
                (order, tokens[frame.role_node])
            )
        for matches in found.values():
            matches.sort()
    doc.user_data[FRAME_MATCHES_KEY] = found
    return found


def _matched_frames(doc: Doc) -> list[tuple[ClaimFrame, list[int]]]:
    """Each frame's matches in `doc` as the frame with the token of each node."""
    frames = claim_frames()
    return [(frames[number][0], tokens) for number, tokens in frame_matcher(doc.vocab)(doc)]


def frame_role(token: Token, *frame_names: str) -> Token | None:
    """The role the first of the named frames that holds of `token` gives it ("destroyed" -> "jets" of
    "were destroyed by Turkish jets" through passive_agent), else None."""
    matches = _frame_matches(token.doc)
    for name in frame_names:
        found = matches.get(f"{name} {token.i}")
        if found:
            return token.doc[found[0][1]]
    return None


@lru_cache(maxsize=1)
def _relations() -> dict[str, str]:
    return {frame.name: frame.relation for frame, _ in claim_frames()}


def frame_relation(frame_name: str) -> str:
    """The relation a governing frame names ("object" for verb_object), "" for the other frames."""
    return _relations()[frame_name]


def governing_frame(token: Token, *frame_names: str) -> tuple[Token, str] | None:
    """The governor the first of the named frames that holds of `token` gives it, with the relation the
    frame names ("destroyed", "object" of "destroyed 12 tanks" through verb_object), else None."""
    matches = _frame_matches(token.doc)
    for name in frame_names:
        found = matches.get(f"{name} {token.i}")
        if found:
            return token.doc[found[0][1]], frame_relation(name)
    return None


def frame_roles(token: Token, frame_name: str) -> list[Token]:
    """Every role one frame gives `token`, nearest first."""
    return [token.doc[i] for _, i in _frame_matches(token.doc).get(f"{frame_name} {token.i}", [])]
