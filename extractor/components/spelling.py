"""Reads a misspelt claim word ("airstike", "destoryed") as the word it stands for, within one edit."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc

from extractor.factories import evaluated_annotations
from extractor.vocabulary import load_data, require


def one_deletions(word: str) -> set[str]:
    """The word with any one letter left out."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class SpellingIndex:
    """Long claim words, found again within one edit (a letter left out, added, changed, or two swapped),
    except where the misspelling is itself an English word ("attach" is no "attack")."""

    def __init__(self, words: dict[str, list[str]], min_length: int, endings: tuple[str, ...] = ()):
        self.min_length = min_length
        self.endings = endings
        self.words = frozenset(words)
        self.real = frozenset(w for neighbours in words.values() for w in neighbours)
        self._by_key: dict[str, set[str]] = {}
        for word in words:
            for key in one_deletions(word) | {word}:
                self._by_key.setdefault(key, set()).add(word)

    @classmethod
    def from_data(cls) -> SpellingIndex:
        data = require(load_data("wordnet_terms"), "spelling", dict, "wordnet_terms.json")
        words = require(data, "words", dict, "wordnet_terms.json (spelling)")
        endings = tuple(require(data, "endings", list, "wordnet_terms.json (spelling)"))
        return cls(words, int(data["min_length"]), endings)

    def stems(self, word: str) -> list[str]:
        """The word and the word less a regular ending ("destoryed" -> "destory"), longest first."""
        return [word] + [word[: -len(e)] for e in self.endings if word.endswith(e) and len(word) > len(e) + 3]

    def correct(self, word: str) -> str | None:
        """The claim word `word` misspells, when there is exactly one; else None."""
        if len(word) < self.min_length or word in self.words or word in self.real or not word.isalpha():
            return None
        found = set()
        for key in one_deletions(word) | {word}:
            found |= self._by_key.get(key, set())
        return next(iter(found)) if len(found) == 1 else None


class SpellingFinder:
    """Gives a token that misspells a long claim word that word's lemma, which the claim finder reads."""

    def __init__(self, nlp: Language, name: str = "briefing_spelling", min_length: int = 7):
        self.name = name
        self.index = SpellingIndex.from_data()
        self.index.min_length = max(min_length, self.index.min_length)
        # the same words come back in every report: each (lemma, word) pair is looked up once per process
        # (bounded, so that a long run's new words do not grow it without end)
        self._correction = functools.lru_cache(maxsize=1 << 16)(self._find_correction)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if len(token) < self.index.min_length or not token.is_alpha:
                continue
            word = self._correction(token.lemma_.lower(), token.lower_)
            if word is not None:
                token.lemma_ = word
        return doc

    def _find_correction(self, lemma: str, lower: str) -> str | None:
        if lower in self.index.real:
            return None
        forms = [lemma, *self.index.stems(lower)]
        return next((w for w in map(self.index.correct, forms) if w is not None), None)


@evaluated_annotations
@Language.factory("briefing_spelling", default_config={"min_length": 7})
def make_spelling_finder(nlp: Language, name: str, min_length: int) -> SpellingFinder:
    """The component: typos of claim words read as the words (see `SpellingIndex`)."""
    return SpellingFinder(nlp, name, min_length)
