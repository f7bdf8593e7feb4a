"""Joining mentions into speakers: one speaker per person or body within a document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.components.speakers.countries import country_names
from extractor.components.speakers.mentions import JOIN_STOPWORDS, NAME_PARTICLES, Mention
from extractor.components.speakers.vocabulary import SpeakerVocabulary, phrase_words

CONJUNCTIONS = phrase_words("conjunctions")

# ---------------------------------------------------------------------------------------------------------
# resolving mentions to speakers


def name_words(text: str, vocab: SpeakerVocabulary) -> frozenset[str]:
    """The words that identify a name when two mentions are compared, synonyms and a country's names folded
    ("Russia's Defence Ministry" and "the Russian Defense Ministry" give the same words)."""
    countries = country_names()
    lower = countries.fold(text.lower().replace("’", "'"))
    for phrase, replacement in vocab.synonyms.items():
        if " " in phrase:
            lower = re.sub(rf"\b{re.escape(phrase)}\b", replacement, lower)
    words = []
    for word in re.findall(r"[a-z0-9][a-z0-9.\-]*[a-z0-9]|[a-z0-9]", lower):
        word = word.removesuffix("'s")
        if word in JOIN_STOPWORDS:
            continue
        word = countries.key(word) or word
        words.extend(vocab.synonyms.get(word, word).split())
    return frozenset(words)


def abbreviates(short: str, name: str) -> bool:
    """An acronym made of the name's words, each giving its first letter or first letters in order, articles
    and a leading country's name free to give none ("CENTCOM" of "U.S. Central Command", "SOHR" of "Syrian
    Observatory for Human Rights", "MoD" of "Ministry of Defence")."""
    letters = short.lower()
    # three letters at least: two ("UN") fit too many names ("Ukrainian Navy")
    if not (len(letters) >= 3 and letters.isalpha() and sum(c.isupper() for c in short) >= 2):
        return False
    words = [w for w in re.findall(r"[a-z][a-z.'-]*", name.lower().replace("’", "'")) if w]
    if len(words) < 2:
        return False
    countries = country_names()
    optional = [w in JOIN_STOPWORDS or countries.key(w.rstrip(".")) is not None or "." in w for w in words]

    def fits(at: int, word: int) -> bool:
        if word == len(words):
            return at == len(letters)
        if optional[word] and fits(at, word + 1):
            return True
        letters_of = re.sub(r"[^a-z]", "", words[word])
        return any(
            letters[at : at + n] == letters_of[:n] and fits(at + n, word + 1)
            for n in range(1, min(len(letters_of), len(letters) - at) + 1)
        )

    return fits(0, 0)


def _bare_country(words: frozenset[str]) -> bool:
    """The words name a country and nothing more ("Russia", "the Russian Federation")."""
    return bool(words) and words <= country_names().keys


def _name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s\-]+", name.lower()) if p and p not in NAME_PARTICLES]


@dataclass
class Candidate:
    """A speaker while the document is read."""

    kind: str
    name: str
    title: str | None
    role: str | None
    organization: str | None
    words: frozenset[str]
    plural: bool = False
    named: bool = False  # carries a proper name, not only a description ("a resident")
    aliases: set[str] = field(default_factory=set)
    # the head words of descriptions given beside a body's name: "the monitor" may then stand for it
    descriptions: frozenset[str] = frozenset()
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last_seen: int = -1


class SpeakerRegistry:
    """The speakers found so far and the rules that tie a new mention to one of them."""

    def __init__(self, vocab: SpeakerVocabulary):
        self.vocab = vocab
        self.speakers: list[Candidate] = []

    def add(self, mention: Mention) -> int:
        candidate = Candidate(
            kind=mention.kind,
            name=mention.name,
            title=mention.title,
            role=mention.role,
            organization=mention.organization,
            words=name_words(mention.name, self.vocab),
            plural=mention.plural,
            named=mention.named,
            descriptions=mention.descriptions,
        )
        if mention.alias:
            candidate.aliases.add(mention.alias.lower())
        if mention.body_before:
            # "its head X", "group spokesman X": the body met last, named or one body (not "officials")
            body = self._recent(
                mention.start, lambda c: c.kind == "organization" and (c.named or not c.plural)
            )
            if body is not None:
                candidate.organization = self.speakers[body].name
        self.speakers.append(candidate)
        index = len(self.speakers) - 1
        self.note(index, mention)
        return index

    def note(self, index: int, mention: Mention) -> None:
        candidate = self.speakers[index]
        candidate.mentions.append((mention.start, mention.end))
        candidate.last_seen = max(candidate.last_seen, mention.start)
        words = name_words(mention.name, self.vocab)
        if (
            mention.anaphor in (None, "definite")
            and mention.kind == candidate.kind == "organization"
            and country_names().names_a_country(candidate.name)
            and words
            and not self._speaks_for_country(words)
        ):
            # "Russia says ... the Russian army said": the body the country's name stood for
            candidate.name, candidate.words = mention.name, words
            candidate.named = candidate.named or mention.named
        if mention.alias:
            candidate.aliases.add(mention.alias.lower())
        if mention.anaphor is None and mention.kind == candidate.kind:
            candidate.title = candidate.title or mention.title
            candidate.role = candidate.role or mention.role
            candidate.organization = candidate.organization or mention.organization
            # "Washington said ... the United States said": the country's name, not the capital for it
            countries = country_names()
            if countries.is_capital(candidate.name) and countries.names_a_country(mention.name):
                if not countries.is_capital(mention.name):
                    candidate.name = mention.name
            # a surname met first, the full name later: keep the full name
            longer = len(mention.name) > len(candidate.name) and mention.name.endswith(candidate.name)
            if mention.named and candidate.kind == "person" and longer:
                candidate.name = mention.name
                candidate.words = name_words(mention.name, self.vocab)

    def _recent(self, position: int, accept) -> int | None:
        best, best_seen = None, -1
        for index, candidate in enumerate(self.speakers):
            if accept(candidate) and best_seen < candidate.last_seen <= position:
                best, best_seen = index, candidate.last_seen
        return best

    def resolve(self, mention: Mention) -> int | None:
        """The speaker an anaphor or a repeated name refers to, or None when it is someone new."""
        if mention.anaphor == "pronoun":
            return self._resolve_pronoun(mention)
        if mention.anaphor == "report":
            return self._recent(mention.start, lambda c: True)
        if mention.named and mention.kind == "organization" and len(_name_parts(mention.name)) == 1:
            found = self._full_name_of_surname(_name_parts(mention.name)[0])
            if found is not None:
                return found
        if mention.kind == "person" and mention.named:
            return self._resolve_person(_name_parts(mention.name))
        words = name_words(mention.name, self.vocab)
        if mention.anaphor == "definite":
            return self._resolve_definite(mention, words)
        if not words:
            return None
        return self._resolve_body(mention, words)

    def _resolve_pronoun(self, mention: Mention) -> int | None:
        """ "he" the last person, "they" the last group (else body), "it" the last body."""
        position = mention.start
        want = self.vocab.pronouns.get(mention.head, "person")
        if want == "person":
            return self._recent(position, lambda c: c.kind == "person")
        if want == "group":
            found = self._recent(position, lambda c: c.plural)
            return found if found is not None else self._recent(position, lambda c: c.kind == "organization")
        return self._recent(position, lambda c: c.kind == "organization" and not c.plural)

    def _full_name_of_surname(self, surname: str) -> int | None:
        """A surname the model took for a body ("Kartapolov" as ORG) after the full name."""
        for index, candidate in enumerate(self.speakers):
            parts = _name_parts(candidate.name)
            if candidate.kind == "person" and len(parts) > 1 and parts[-1] == surname:
                return index
        return None

    def _resolve_person(self, parts: list[str]) -> int | None:
        """A named person: the same name, a surname of a full name met before, or a full name of a surname."""
        for index, candidate in enumerate(self.speakers):
            if candidate.kind != "person" or not candidate.words:
                continue
            known = _name_parts(candidate.name)
            if known == parts or (len(parts) == 1 and known and parts[0] == known[-1]):
                return index
            if len(known) == 1 and parts and known[0] == parts[-1]:
                return index
        return self._surname_taken_for_a_body(parts)

    def _resolve_definite(self, mention: Mention, words: frozenset[str]) -> int | None:
        """ "the ministry", "the general": the latest speaker the words describe."""
        position = mention.start
        found = self._recent(position, lambda c: self._describes(mention, words, c))
        if found is not None:
            return found
        if mention.kind == "person" and mention.head in self.vocab.generic_people:
            # "the official" is the named person before, not "a resident" nobody called an official
            return self._recent(
                position, lambda c: c.kind == "person" and (c.named or mention.head in c.words)
            )
        return None

    def _describes(self, mention: Mention, words: frozenset[str], c: Candidate) -> bool:
        """The words of a definite description fit the speaker: its name, title and post, or, for a body, the
        same country's government or the one body of the country a country's name stands for."""
        described = words <= (
            c.words | name_words(" ".join(filter(None, (c.title, c.role))).replace("-", " "), self.vocab)
        )
        if described and c.kind == mention.kind:
            return True
        if c.kind == "organization" and mention.head in c.descriptions and words <= c.descriptions | c.words:
            return True  # "the monitor", a body described so beside its name; a person's word too
        if mention.kind != "organization":
            return False
        same_country = (
            self._speaks_for_country(words) and self._speaks_for_country(c.words) and words & c.words
        ) or (
            c.kind == "organization"
            and self._speaks_for_country(words) != self._speaks_for_country(c.words)
            and self._stands_for_the_body(words, c.words)
        )
        return words <= c.words or bool(same_country)

    def _resolve_body(self, mention: Mention, words: frozenset[str]) -> int | None:
        """A body named again: the same name, fewer or more of its words, its acronym, or its country."""
        # "both Azerbaijan and Armenia" is not Armenia
        joined = any(word in CONJUNCTIONS for word in mention.name.lower().split()[1:-1])
        for index, candidate in enumerate(self.speakers):
            if candidate.name.lower() == mention.name.lower():
                return index
            if candidate.kind != "organization" or joined:
                continue
            if self._speaks_for_country(words) != self._speaks_for_country(candidate.words):
                if not self._stands_for_the_body(words, candidate.words):
                    continue  # "Russia" and two Russian bodies: which one "Russia" is cannot be told
            if self._same_body(mention, words, candidate):
                return index
        return None

    def _same_body(self, mention: Mention, words: frozenset[str], candidate: Candidate) -> bool:
        if words <= candidate.words or (candidate.words and candidate.words <= words and not mention.plural):
            return True
        if words & candidate.aliases:
            return True
        return abbreviates(mention.name, candidate.name) or abbreviates(candidate.name, mention.name)

    def _surname_taken_for_a_body(self, parts: list[str]) -> int | None:
        """ "Kovalenko said ... Colonel Petro Kovalenko added": a surname met first that the model took for
        a body, a single name with no word of a body's name, no country."""
        if len(parts) < 2:
            return None
        for index, candidate in enumerate(self.speakers):
            known = _name_parts(candidate.name)
            if (
                candidate.kind == "organization"
                and candidate.named
                and known == parts[-1:]
                and not candidate.words & self.vocab.organization_heads
                and not _bare_country(candidate.words)
                and not candidate.name.isupper()
            ):
                return index
        return None

    def _stands_for_the_body(self, first: frozenset[str], second: frozenset[str]) -> bool:
        """A country's name or capital and a body of that country are one speaker when that body is the only
        one of the country that speaks ("Moscow reported" after "the defence ministry in Moscow said")."""
        country_side, body = (first, second) if self._speaks_for_country(first) else (second, first)
        country = country_side & country_names().keys
        if not country or not body & country:
            return False
        bodies = [
            c
            for c in self.speakers
            if c.kind == "organization" and c.words & country and not self._speaks_for_country(c.words)
        ]
        return len(bodies) <= 1

    def _speaks_for_country(self, words: frozenset[str]) -> bool:
        """The words name a country, or the body that governs it ("Cuba", "the Cuban government")."""
        keys = country_names().keys
        return bool(words & keys) and words - keys <= self.vocab.government_heads

    def organization_of_person(self, mention: Mention) -> Mention | None:
        """ "The observatory" after "Rami Abdel Rahman, head of the Syrian Observatory": the body itself."""
        if mention.anaphor != "definite" or mention.kind != "organization":
            return None
        words = name_words(mention.name, self.vocab)
        for candidate in reversed(self.speakers):
            if candidate.kind == "person" and candidate.organization and candidate.last_seen <= mention.start:
                if words and words <= name_words(candidate.organization, self.vocab):
                    name = candidate.organization
                    return Mention(
                        mention.start,
                        mention.end,
                        "organization",
                        name,
                        organization=name,
                        head=mention.head,
                        named=True,
                    )
        return None

    def mention(self, mention: Mention) -> int:
        """The speaker a mention names, registered when new."""
        found = self.resolve(mention)
        if found is None:
            body = self.organization_of_person(mention)
            if body is not None:
                found = self.resolve(body)
                if found is None:
                    found = self.add(body)
                    self.speakers[found].mentions[-1] = (mention.start, mention.end)
                    return found
        if found is None:
            if mention.anaphor == "pronoun" or mention.anaphor == "report":
                return -1
            return self.add(mention)
        if mention.kind == "person" and mention.named and self.speakers[found].kind == "organization":
            self.speakers[found].kind = "person"  # the surname the model took for a body, now named in full
        self.note(found, mention)
        return found

    def name_later(self, index: int, mention: Mention) -> None:
        """A speaker first described ("a monitoring group") takes the name a following report gives it."""
        candidate = self.speakers[index]
        candidate.kind, candidate.name = mention.kind, mention.name
        candidate.title, candidate.role = mention.title, mention.role
        candidate.organization = mention.organization
        candidate.words = name_words(mention.name, self.vocab)
        candidate.named = mention.named
        self.note(index, mention)

    def is_description(self, mention: Mention) -> bool:
        """A new speaker described, not named: "a monitoring group", "a Venezuelan official"."""
        generic = self.vocab.generic_people if mention.kind == "person" else self.vocab.generic_bodies
        return mention.indefinite and not mention.named and mention.head in generic
