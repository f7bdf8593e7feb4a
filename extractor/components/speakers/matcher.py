"""Attribution frames as data: the DependencyMatcher patterns of attribution_frames.json and their matches."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab

from extractor.tree_matcher import TreeMatcher, tree_matcher
from extractor.vocabulary import VocabularyError, expand_word_lists, load_data, require

SCOPES = ("report", "clause")


@dataclass(frozen=True)
class Frame:
    """One way of naming a source: its name, what the source covers and whether it outranks the subject."""

    name: str
    scope: str  # "report" or "clause" (see attribution_frames.json)
    inner: bool = False
    source_node: int = 1  # which node of the pattern is the source


@dataclass(frozen=True)
class FrameMatch:
    """A frame found in a document: the reporting word (anchor), the head of the words naming the source."""

    frame: Frame
    anchor: int
    source: int


@lru_cache(maxsize=1)
def attribution_frames() -> tuple[tuple[Frame, list[dict]], ...]:
    """The frames of attribution_frames.json with their patterns, word lists filled in."""
    source = "attribution_frames.json"
    data = load_data("attribution_frames")
    verbs = load_data("reporting_verbs")
    lists = {key: value for key, value in verbs.items() if isinstance(value, list)}
    frames = []
    for row in require(data, "frames", list, source):
        name = require(row, "name", str, source)
        scope = require(row, "scope", str, source)
        if scope not in SCOPES:
            raise VocabularyError(f"{source}: frame {name!r} has scope {scope!r}, not one of {SCOPES}")
        pattern = expand_word_lists(require(row, "pattern", list, source), lists, source)
        nodes = [node.get("RIGHT_ID") for node in pattern]
        if "source" not in nodes:
            raise VocabularyError(f"{source}: frame {name!r} names no 'source' node")
        frame = Frame(name, scope, bool(row.get("inner", False)), nodes.index("source"))
        frames.append((frame, pattern))
    return tuple(frames)


def _matcher(vocab: Vocab) -> TreeMatcher:
    return tree_matcher(vocab, "attribution_frames", lambda: (p for _, p in attribution_frames()))


def build_frame_matcher(vocab: Vocab) -> None:
    """Builds the frames' matcher for `vocab` now (at load): built inside a memory zone at the first
    document, its labels' strings would be freed with the zone's, and every later match lost (E018)."""
    _matcher(vocab)


def find_frames(doc: Doc) -> dict[int, list[FrameMatch]]:
    """The attribution frames of a parsed document, by the token that reports (said, according, citing)."""
    if not doc.has_annotation("DEP"):
        return {}
    frames = attribution_frames()
    found: dict[int, list[FrameMatch]] = {}
    for number, tokens in _matcher(doc.vocab)(doc):
        frame = frames[number][0]
        match = FrameMatch(frame, tokens[0], tokens[frame.source_node])
        if match not in found.get(match.anchor, []):
            found.setdefault(match.anchor, []).append(match)
    return found
