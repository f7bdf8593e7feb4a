"""Reads a misspelt claim word ("airstike", "destoryed") as the word it stands for, within one edit."""

from __future__ import annotations

import functools

from spacy.attrs import IS_ALPHA, LEMMA, LENGTH, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from extractor.factories import evaluated_annotations
from extractor.vocabulary import load_data, require


def one_deletions(word: str) -> set[str]:
    """The word with any one letter left out."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """Within one edit: one letter left out, added or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
        return len(diff) == 1 or swapped
    shorter, longer = sorted((a, b), key=len)
    return shorter in one_deletions(longer)


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

    def correct(self, word: str, shortest: int | None = None) -> str | None:
        """The claim word `word` misspells, when there is exactly one; else None (the shared-deletion
        look-up finds up to two edits: a short word's caller checks for one)."""
        shortest = self.min_length if shortest is None else shortest
        if len(word) < shortest or word in self.words or word in self.real or not word.isalpha():
            return None
        found = set()
        for key in one_deletions(word) | {word}:
            found |= self._by_key.get(key, set())
        return next(iter(found)) if len(found) == 1 else None


class SpellingFinder:
    """Gives a token that misspells a long claim word that word's lemma, which the claim finder reads."""

    def __init__(
        self, nlp: Language, name: str = "briefing_spelling", min_length: int = 6, exact_below: int = 7
    ):
        self.name = name
        self.index = SpellingIndex.from_data()
        self.index.min_length = max(min_length, self.index.min_length)
        self.exact_below = exact_below
        # the same words come back in every report: each (lemma, word) pair is looked up once per process
        # (bounded, so that a long run's new words do not grow it without end)
        self._correction = functools.lru_cache(maxsize=1 << 16)(self._find_correction)

    def __call__(self, doc: Doc) -> Doc:
        # read from the document's arrays: a Token made for every word cost more than the lookups
        strings = doc.vocab.strings
        rows = doc.to_array([LENGTH, IS_ALPHA, LEMMA, LOWER]).tolist()
        for i, (length, alpha, lemma, lower) in enumerate(rows):
            if length < self.index.min_length or not alpha:
                continue
            word = self._correction(strings[lemma].lower(), strings[lower])
            if word is not None:
                doc[i].lemma_ = word
        return doc

    def _find_correction(self, lemma: str, lower: str) -> str | None:
        # an English word, or a form of one ("fights" of "fight"), is no misspelling
        if lower in self.index.real or lemma in self.index.real:
            return None
        # a lemma or stem may be an ending shorter than the token, which is long enough
        shortest = self.index.min_length - 1
        for form in [lemma, *self.index.stems(lower)]:
            word = self.index.correct(form, shortest)
            if word is not None and self._one_edit_inflected(lower, form, word):
                return word
        return None

    def _one_edit_inflected(self, lower: str, form: str, word: str) -> bool:
        """A short claim word is read only from a typo one edit from it with the token's own ending
        ("stikes" for "strikes"); "rocked" is no "rocketd"."""
        if len(word) >= self.exact_below:
            # the look-up by shared deletions reaches two edits: "expecte", a stem of "expected", is two
            # from "execute"; a long word is read from a form one edit from it
            return one_edit(form, word) or one_edit(lower, word)
        if form == lower:
            return one_edit(lower, word)
        ending = lower[len(form) :] if lower.startswith(form) else ""
        return one_edit(lower, word + ending)


@evaluated_annotations
@Language.factory("briefing_spelling", default_config={"min_length": 6, "exact_below": 7})
def make_spelling_finder(nlp: Language, name: str, min_length: int, exact_below: int) -> SpellingFinder:
    """The component: typos of claim words read as the words (see `SpellingIndex`); a claim word shorter
    than `exact_below` letters is read only from a typo exactly one edit away ("stikes" for "strikes")."""
    return SpellingFinder(nlp, name, min_length, exact_below)
