"""The word lists the speaker finder reads: ranks, posts, reporting words and organization heads."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from extractor.vocabulary import VocabularyError, armed_groups, load_data, require

GROUP_LOOKBACK = 600  # characters before "the group" searched for the armed group's name


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
    one_clause_verbs: frozenset[str] = frozenset()
    citing_words: frozenset[str] = frozenset()
    relaying_verbs: frozenset[str] = frozenset()
    generic_bodies: frozenset[str] = frozenset()
    unit_heads: frozenset[str] = frozenset()
    compass_words: frozenset[str] = frozenset()
    attributive_marks: frozenset[str] = frozenset()
    government_heads: frozenset[str] = frozenset()
    passive_source_verbs: frozenset[str] = frozenset()
    # "No group has claimed ...": a subject that names no one says nothing
    no_one_words: frozenset[str] = frozenset()
    # the armed groups' names, lower case (armed_groups.json): "Islamic State said" is a body speaking
    group_names: frozenset[str] = frozenset()
    # the armed groups' names as written and their abbreviations (armed_groups.json), longest first
    group_spellings: tuple[str, ...] = ()
    group_abbreviations: tuple[str, ...] = ()
    # the words "the group" stands for an armed group by ("the group said", after the Houthis were named)
    armed_group_words: frozenset[str] = frozenset()
    service_heads: frozenset[str] = frozenset()
    # posts whose field before them is their portfolio, not a body ("health minister")
    portfolio_posts: frozenset[str] = frozenset()
    # "who heads", "who commands": the post a verb of a relative clause after a name tells (lemma -> post)
    post_verbs: dict[str, str] = field(default_factory=dict)
    # the same posts and ranks by how they begin, so that a token is compared only with those it could start
    posts_by_first_word: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    ranks_by_start: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def group_name_pattern(self) -> re.Pattern[str]:
        """An armed group's name (any case) or abbreviation (as written), whole words."""
        names = "|".join(re.escape(name) for name in self.group_spellings) or "(?!)"
        abbreviations = "|".join(re.escape(a) for a in self.group_abbreviations) or "(?!)"
        return re.compile(rf"(?i:\b(?:{names})\b)|\b(?:{abbreviations})\b")

    def armed_group_before(self, text: str, at: int) -> str | None:
        """The armed group `text` names last in the GROUP_LOOKBACK characters before `at`, as written there:
        whom "the group" (or militia, movement) stands for, as a speaker or as an actor."""
        found = list(self.group_name_pattern.finditer(text, max(0, at - GROUP_LOOKBACK), at))
        return found[-1].group() if found else None

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
            one_clause_verbs=frozenset(words(verbs, "one_clause_verbs", "reporting_verbs.json")),
            citing_words=frozenset(words(verbs, "citing_words", "reporting_verbs.json")),
            relaying_verbs=frozenset(words(verbs, "relaying_verbs", "reporting_verbs.json")),
            passive_source_verbs=frozenset(words(verbs, "passive_source_verbs", "reporting_verbs.json")),
            no_one_words=frozenset(words(verbs, "no_one_words", "reporting_verbs.json")),
            generic_bodies=frozenset(words(posts, "generic_bodies", "posts.json")),
            unit_heads=frozenset(words(posts, "unit_heads", "posts.json")),
            government_heads=frozenset(words(posts, "government_heads", "posts.json")),
            service_heads=frozenset(words(posts, "service_heads", "posts.json")),
            portfolio_posts=frozenset(words(posts, "portfolio_posts", "posts.json")),
            compass_words=frozenset(words(posts, "compass_words", "posts.json")),
            attributive_marks=frozenset(words(verbs, "attributive_marks", "reporting_verbs.json")),
            posts=tuple(sorted(post_phrases, key=len, reverse=True)),
            post_modifiers=frozenset(words(posts, "post_modifiers", "posts.json")),
            person_heads=frozenset(words(posts, "person_heads", "posts.json")),
            group_heads=frozenset(words(posts, "group_heads", "posts.json")),
            organization_heads=frozenset(words(posts, "organization_heads", "posts.json")),
            header_heads=frozenset(words(posts, "header_organization_heads", "posts.json")),
            synonyms=dict(require(posts, "organization_synonyms", dict, "posts.json")),
            post_verbs=dict(require(posts, "post_verbs", dict, "posts.json")),
            generic_people=frozenset(words(posts, "generic_people", "posts.json")),
            pronouns=dict(require(posts, "pronouns", dict, "posts.json")),
            release_markers=tuple(words(posts, "press_release_markers", "posts.json")),
            header_boilerplate=tuple(
                sorted(words(posts, "header_boilerplate", "posts.json"), key=len, reverse=True)
            ),
            group_names=frozenset(name.lower() for _, names, _ in armed_groups() for name in names),
            group_spellings=_longest_first(name for _, names, _ in armed_groups() for name in names),
            group_abbreviations=_longest_first(a for _, _, short in armed_groups() for a in short),
            armed_group_words=frozenset(words(posts, "armed_group_words", "posts.json")),
            posts_by_first_word=_grouped(sorted(post_phrases, key=len, reverse=True), lambda p: p[0]),
            ranks_by_start=_grouped(
                sorted(set(words(ranks, "ranks", "ranks.json")), key=len, reverse=True), _rank_start
            ),
        )


@lru_cache(maxsize=1)
def _phrase_word_lists() -> dict[str, list[str]]:
    return require(load_data("posts"), "phrase_words", dict, "posts.json")


def phrase_words(key: str) -> frozenset[str]:
    """One of posts.json's 'phrase_words': the function words a speaker's phrase is read with."""
    return frozenset(phrase_word_list(key))


def phrase_word_list(key: str) -> tuple[str, ...]:
    """One of posts.json's 'phrase_words' in the order it lists them (the months in calendar order)."""
    words = require(_phrase_word_lists(), key, list, "posts.json: phrase_words")
    if not all(isinstance(word, str) and word for word in words):
        raise VocabularyError(f"posts.json: phrase_words {key!r} must hold non-empty strings")
    return tuple(words)


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


def _longest_first(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(items), key=len, reverse=True))
