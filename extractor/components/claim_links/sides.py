"""Whose losses a claim counts: the armed group or force its counted phrase, clause or operation names."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extractor.components.document import sentence_of
from extractor.vocabulary import armed_groups, load_data, require

HYPHEN = "-"
#: dependency labels of a phrase that names who acts, not who loses
ACTOR_DEPS = frozenset({"nsubj", "agent", "csubj"})
#: dependency labels of a participle that says what the noun it follows was after ("a force pursuing a
#: Taliban leader"): a group named in its object is no actor, even where that noun is the subject; the
#: parser also makes such a participle the clausal subject of the verb after it ("Forces targeting a
#: Taliban leader detained two men")
PURSUIT_DEPS = frozenset({"acl", "csubj"})
#: how far up the parse a group's name may stand from the word that makes it an operation's target
OPERATION_HOPS = 4
#: how many sentences after a claim may still name the target of its operation ("The target of this
#: operation was a Taliban facilitator")
OPERATION_AHEAD = 2
#: dependency labels of a word that qualifies a noun before it
MODIFIER_DEPS = frozenset({"amod", "compound", "poss"})
#: the category labels of people who are no side of a fight
NO_SIDE_LABELS = frozenset({"civilian"})


@dataclass(frozen=True)
class SideVocabulary:
    """The armed groups' names and the words that tie a group to a claim, from armed_groups.json and
    claim_links.json."""

    names: tuple[str, ...]
    abbreviations: tuple[str, ...]
    group_of: dict[str, str]  # each name and abbreviation, lower case -> the group's name
    party_words: frozenset[str]
    loser_verbs: frozenset[str]
    operation_words: frozenset[str]
    pursuit_verbs: frozenset[str]
    affiliation_verbs: frozenset[str]
    framing_nouns: frozenset[str]
    restating_determiners: frozenset[str]
    restating_pronouns: frozenset[str]
    teller_pronouns: frozenset[str] = frozenset()
    # the verbs that name who made a strike (claim_terms.json): "blamed on", "blamed X for", "X claimed"
    imputing_verbs: dict[str, str] = field(default_factory=dict)
    accusing_verbs: frozenset[str] = frozenset()
    deed_prepositions: frozenset[str] = frozenset()
    claiming_verbs: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    target_prepositions: frozenset[str] = frozenset()
    owner_prepositions: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls) -> SideVocabulary:
        groups = load_data("armed_groups")
        links = load_data("claim_links")
        terms = load_data("claim_terms")
        names: list[str] = []
        abbreviations: list[str] = []
        group_of: dict[str, str] = {}
        for group, group_names, group_abbreviations in armed_groups():
            names.extend(group_names)
            abbreviations.extend(group_abbreviations)
            for alias in group_names + group_abbreviations:
                group_of.setdefault(alias.lower(), group)
        return cls(
            names=tuple(names),
            abbreviations=tuple(abbreviations),
            group_of=group_of,
            party_words=frozenset(require(groups, "party_words", list, "armed_groups.json")),
            loser_verbs=frozenset(require(links, "loser_verbs", list, "claim_links.json")),
            operation_words=frozenset(require(links, "operation_words", list, "claim_links.json")),
            pursuit_verbs=frozenset(require(links, "pursuit_verbs", list, "claim_links.json")),
            affiliation_verbs=frozenset(require(links, "affiliation_verbs", list, "claim_links.json")),
            framing_nouns=frozenset(require(links, "framing_nouns", list, "claim_links.json")),
            restating_determiners=frozenset(
                require(links, "restating_determiners", list, "claim_links.json")
            ),
            restating_pronouns=frozenset(require(links, "restating_pronouns", list, "claim_links.json")),
            teller_pronouns=frozenset(require(links, "teller_pronouns", list, "claim_links.json")),
            imputing_verbs=dict(require(terms, "imputing_verbs", dict, "claim_terms.json")),
            accusing_verbs=frozenset(require(terms, "accusing_verbs", list, "claim_terms.json")),
            claiming_verbs=frozenset(require(terms, "claiming_verbs", list, "claim_terms.json")),
            deed_prepositions=frozenset(require(terms, "deed_prepositions", list, "claim_terms.json")),
            holding_verbs=frozenset(require(links, "holding_verbs", list, "claim_links.json")),
            owner_prepositions=frozenset(require(links, "owner_prepositions", list, "claim_links.json")),
            target_prepositions=frozenset(
                require(terms, "function_words", dict, "claim_terms.json")["target_prepositions"]
            ),
        )


@lru_cache(maxsize=1)
def side_vocabulary() -> SideVocabulary:
    return SideVocabulary.from_data()


def group_matcher(nlp: Language, vocab: SideVocabulary) -> tuple[PhraseMatcher, PhraseMatcher]:
    """Matchers of the groups' names (any case) and of their abbreviations (as written)."""
    by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_lower.add("GROUP", list(nlp.tokenizer.pipe(vocab.names)))
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    exact.add("GROUP", list(nlp.tokenizer.pipe(vocab.abbreviations)))
    return by_lower, exact


def group_mentions(doc: Doc, matchers: Iterable[PhraseMatcher]) -> list[Span]:
    """The armed groups named in the document, longest match first where names overlap."""
    spans = [Span(doc, start, end) for matcher in matchers for _, start, end in matcher(doc)]
    return sorted(filter_spans(spans), key=lambda s: s.start)


def mentions_starting_in(mentions: list[Span], start: int, end: int) -> list[Span]:
    """The mentions (in order of their starts, as group_mentions gives them) that start at a token in
    start..end-1, found by bisection: a long document names hundreds of groups."""
    low = bisect_left(mentions, start, key=_start_of)
    return mentions[low : bisect_left(mentions, end, lo=low, key=_start_of)]


def _start_of(span: Span) -> int:
    return span.start


def _as_worded(spans: list[Span]) -> str | None:
    """The groups named, each in its first wording: "ISIL ... Daesh" is one group, "al-Qaeda ... Taliban"
    two."""
    group_of = side_vocabulary().group_of
    words: dict[str, str] = {}
    for span in spans:
        words.setdefault(group_of.get(span.text.lower(), span.text.lower()), span.text)
    return " and ".join(words.values()) or None


def _names_an_actor(token: Token, stop: Token | None = None) -> bool:
    """Whether a word stands in the subject of a clause (who acted: "Taliban fighters attacked the
    post"), looking up the parse until `stop` or the sentence's root. The subject of a copula acts in
    nothing ("Two Taliban commanders were the target of the operation"), and a participle after the subject
    says what it was after ("The force, hunting a Taliban commander, detained five men")."""
    while token.head.i != token.i and (stop is None or token.i != stop.i):
        if token.dep_ == "agent" and _holds(token.head):
            # "a base held by al-Shabaab": who holds the thing acts only where the thing does ("a drone
            # operated by the RSF struck")
            token = token.head.head
            continue
        if token.dep_ in ACTOR_DEPS and token.head.pos_ != "AUX":
            return True
        if token.dep_ == "dobj" and token.head.dep_ in PURSUIT_DEPS:
            return False  # the object of "pursuing", not the affiliation of "belonging to"
        if _pursued_through_preposition(token):
            return False  # "forces searching for a Taliban leader", "troops looking for a facilitator"
        token = _affiliated_subject(token) or token.head
    return False


def _holds(verb: Token) -> bool:
    return verb.dep_ in ("acl", "relcl") and verb.lemma_.lower() in side_vocabulary().holding_verbs


def _affiliated_subject(token: Token) -> Token | None:
    """The subject a group qualifies through a verb of affiliation the parser made a clause of its own
    ("Fighters linked to the Haqqani network ambushed a convoy": the fighters), else None."""
    verb = token.head.head
    if token.dep_ != "pobj" or token.head.dep_ != "prep" or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return None
    if verb.lemma_.lower() not in side_vocabulary().affiliation_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)


def _pursued_through_preposition(token: Token) -> bool:
    """The object of a preposition of a participle of pursuit that follows a noun ("searching for",
    "looking for"): what was gone after."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.dep_ != "prep":
        return False
    participle = preposition.head
    return (
        participle.tag_ == "VBG"
        and participle.dep_ in PURSUIT_DEPS
        and participle.lemma_.lower() in side_vocabulary().pursuit_verbs
    )


def side_in_phrase(
    noun: Token, mentions: list[Span], vocab: SideVocabulary, made: bool = False
) -> str | None:
    """The side the counted phrase names: a group anywhere in it ("two Haqqani facilitators", "individuals
    with ties to the Haqqani network"), else a generic party or a nationality that qualifies the counted
    thing ("enemy tanks", "command posts of the terrorists", "Ukrainian tanks"). Of strikes or sorties
    `made`, whoever qualifies the noun made them ("an Israeli strike", "two Taliban attacks"): no side."""
    makers = (_makers(noun) if made else frozenset()) | _counted_apart(noun)
    left, right = noun.left_edge.i, noun.right_edge.i
    inside = [
        m
        for m in mentions_starting_in(mentions, left, right + 1)
        if m.end - 1 <= right
        and m.root.i not in makers
        and not named_as_doer(m.root, vocab)
        and not _agent_of_the_deed(m.root, noun, made)
    ]
    if inside:
        return _as_worded(inside)
    for token in noun.subtree:
        # the word first: walking up the parse for each word of the phrase cost more than all else here
        if token.i in makers or token.i == noun.i:
            continue
        if _party_word(token, vocab) and not _names_an_actor(token, noun):
            return token.text
    for token in noun.children:
        if _nationality(token) and token.dep_ in MODIFIER_DEPS and token.i not in makers:
            return token.text
    return None if made else _owners_nationality(noun, vocab)


def _owners_nationality(noun: Token, vocab: SideVocabulary) -> str | None:
    """The nationality of the force a counted thing is of ("2 command posts of the Russian army")."""
    for preposition in noun.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in vocab.owner_prepositions:
            continue
        for owner in preposition.children:
            found = next((c for c in owner.children if _nationality(c) and c.dep_ in MODIFIER_DEPS), None)
            if owner.dep_ == "pobj" and found is not None:
                return found.text
    return None


def _agent_of_the_deed(token: Token, noun: Token, made: bool) -> bool:
    """Whether a group is the agent of a participle in the counted phrase that tells who did something, not
    whose the thing was: of strikes `made`, who works the weapon that struck ("a drone operated by the RSF");
    else the agent of any verb but one of holding or sending ("12 tanks destroyed by the RSF", "forces
    surrounded by the Islamic State"; not "tunnels used by Hamas", "14 drones launched by the Houthis")."""
    verb = _agent_verb(token)
    if verb is None:
        return False
    if made:
        return verb.head.i == noun.i
    return verb.lemma_.lower() not in side_vocabulary().holding_verbs


def _agent_verb(token: Token) -> Token | None:
    """The verb whose by-phrase names the group (its head noun's: "by JNIM fighters"), else None."""
    token = _phrase_head(token)
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return token.head.head
    return None


def _phrase_head(token: Token) -> Token:
    """The noun a group's name qualifies ("JNIM militants", "Boko Haram's fighters"), else the name."""
    while token.dep_ in MODIFIER_DEPS and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def side_aimed_at(verb: Token, noun: Token, mentions: list[Span], vocab: SideVocabulary) -> str | None:
    """Whom strikes counted were aimed at, named in what their "at", "on" or "against" hangs, or the verb's
    that sent them ("fired 40 rockets at Israeli army positions", "launched 9 drones against Russian
    positions")."""
    holders = [noun, verb] if noun.dep_ == "dobj" and noun.head.i == verb.i else [noun]
    for preposition in (c for holder in holders for c in holder.children):
        if preposition.dep_ != "prep" or preposition.lower_ not in vocab.target_prepositions:
            continue
        for aimed in preposition.children:
            if aimed.dep_ == "pobj":
                side = side_in_phrase(aimed, mentions, vocab)
                if side is not None:
                    return side
    return None


def _counted_apart(noun: Token) -> frozenset[int]:
    """The words of the nouns joined to the counted one that carry a count of their own ("killed 12
    soldiers and 20 militants", "two policemen and five al-Shabaab fighters"): the other side's losses,
    which say nothing of whose the first were."""
    words: set[int] = set()
    for joined in (c for c in noun.children if c.dep_ == "conj"):
        if any(c.dep_ == "nummod" and c.like_num for c in joined.children):
            words.update(t.i for t in joined.subtree)
    return frozenset(words)


def _nationality(token: Token) -> bool:
    """A nationality word: the small model tags one as a country when it stands before a noun as an
    adjective as often as a nationality ("25 Ukrainian UAVs": GPE, "Ukrainian tanks": NORP)."""
    return token.ent_type_ == "NORP" or token.ent_type_ == "GPE" and token.tag_ == "JJ"


def _makers(noun: Token) -> frozenset[int]:
    """The words of the modifiers before a strike noun ("a Saudi-led coalition raid"): who made it."""
    return frozenset(t.i for c in noun.lefts if c.dep_ in MODIFIER_DEPS for t in c.subtree)


def _party_word(token: Token, vocab: SideVocabulary) -> bool:
    """A generic party ("terrorists"), alone or as the head word of a hyphenated compound
    ("narco-terrorists", one token once the compound joiner has run)."""
    words = (token.lemma_.lower(), token.lower_)
    return any(w in vocab.party_words or w.rsplit(HYPHEN, 1)[-1] in vocab.party_words for w in words)


def loser_side(verb: Token, counted: Token | None, mentions: list[Span], vocab: SideVocabulary) -> str | None:
    """Who lost what the claim counts, named as the subject of a verb of losing whose object is counted
    ("Russia lost 12 tanks", "The enemy lost up to 300 troops"; not "32 sailors lost their lives", whose
    subject is the loss); not a pronoun, which names no side by itself. A group is named as worded, a
    generic party or a nationality by its word, anything else by its phrase without its article."""
    if counted is None or verb.lemma_.lower() not in vocab.loser_verbs:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not any(o.left_edge.i <= counted.i <= o.right_edge.i for o in objects):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        # "Troops killed 14 fighters but lost 3 soldiers": the subject of the verb it is joined to
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in vocab.teller_pronouns and verb.dep_ == "ccomp":
        # "The army said it lost 12 soldiers": "it" is who tells it, the subject of the verb above
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    left, right = subject.left_edge.i, subject.right_edge.i
    inside = [m for m in mentions_starting_in(mentions, left, right + 1) if m.end - 1 <= right]
    if inside:
        return _as_worded(inside)
    if _party_word(subject, vocab) or subject.ent_type_ in ("GPE", "NORP"):
        return subject.text
    while left < subject.i and subject.doc[left].dep_ == "det":
        left += 1
    return subject.doc[left : subject.i + 1].text


def owner_of_losses(word: Token, mentions: list[Span], vocab: SideVocabulary) -> str | None:
    """Whose losses a noun of losses that governs the count names: its possessor ("Russia's losses have
    reached 500,000 personnel", "the Kyiv regime's losses amounted to 480 troops") or what its phrase names
    as a side ("the losses of the Russian army")."""
    if word.lemma_.lower() not in vocab.framing_nouns:
        return None
    side = side_in_phrase(word, mentions, vocab)
    owner = next((c for c in word.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if side is not None or owner is None:
        return side
    left = owner.left_edge.i
    while left < owner.i and owner.doc[left].dep_ == "det":
        left += 1
    return owner.doc[left : owner.i + 1].text


def named_as_doer(token: Token, vocab: SideVocabulary) -> bool:
    """Whether a group is named as who made a strike: laid on it ("blamed the attack on Boko Haram", also
    with the "on" the parser hung on the attack's own clause: "blamed the attack, which killed 9, on ..."),
    accused of it ("blamed Boko Haram for the attack") or claiming it ("for which al-Shabaab claimed
    responsibility", "an ambush claimed by JNIM"), also by the noun its name qualifies ("blamed on JNIM
    militants")."""
    token = _phrase_head(token)
    verb = _agent_verb(token)
    if verb is not None and verb.lemma_.lower() in vocab.claiming_verbs:
        return True
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if (
            verb.lemma_.lower() not in vocab.imputing_verbs
            and verb.dep_ == "relcl"
            and verb.head.dep_ == "dobj"
        ):
            verb = verb.head.head
        return vocab.imputing_verbs.get(verb.lemma_.lower()) == head.lower_
    # "blamed Boko Haram for the attack", "Boko Haram was blamed for the attack"
    if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in vocab.accusing_verbs:
        return any(c.dep_ == "prep" and c.lower_ in vocab.deed_prepositions for c in head.children)
    return token.dep_ == "nsubj" and head.lemma_.lower() in vocab.claiming_verbs


def names_the_actor(side: str, actor: str | None) -> bool:
    """Whether the side found is the claim's own actor ("the attack bore the hallmarks of JNIM, which has
    killed hundreds of soldiers": JNIM killed them), by its words: who did it lost nothing by it."""
    if actor is None:
        return False
    words, actor_words = side.lower().split(), actor.lower().split()
    return any(actor_words[i : i + len(words)] == words for i in range(len(actor_words)))


def side_in_sentence(
    sentence: Span, mentions: list[Span], counted: Token | None, vocab: SideVocabulary, made: bool = False
) -> str | None:
    """A group the claim's sentence names other than as who acted: the target of its operation ("killed
    two insurgents while pursuing a Taliban commander", "targeted a Haqqani facilitator, detaining
    two"), nor as who made the strike (named_as_doer)."""
    found = [
        m
        for m in mentions_starting_in(mentions, sentence.start, sentence.end)
        if not _names_an_actor(m.root)
        and not (counted is not None and m.root.i == counted.i)
        and not named_as_doer(m.root, vocab)
        and not (made and counted is not None and _agent_of_the_deed(m.root, counted, made))
    ]
    return _as_worded(found)


def described_side(
    counted: Token, following: Sequence[Span], mentions: list[Span], vocab: SideVocabulary
) -> str | None:
    """A group named in a sentence just after the claim whose subject is the one it counted, restated
    ("detained a facilitator ... The facilitator is a member of the Haqqani network", "He commands IMU
    fighters"): whom that one belongs to is the claim's side."""
    for sentence in following:
        subject = next(
            (t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None
        )
        if subject is None or not _restates(subject, counted, vocab):
            continue
        found = [
            m
            for m in mentions_starting_in(mentions, sentence.start, sentence.end)
            if not subject.left_edge.i <= m.root.i <= subject.right_edge.i
        ]
        if found:
            return _as_worded(found)
    return None


def _restates(subject: Token, counted: Token, vocab: SideVocabulary) -> bool:
    """ "The facilitator" for a facilitator counted, or "he" for one person."""
    if subject.lower_ in vocab.restating_pronouns:
        return counted.tag_ in ("NN", "NNP")
    return subject.lemma_.lower() == counted.lemma_.lower() and any(
        c.dep_ == "det" and c.lower_ in vocab.restating_determiners for c in subject.children
    )


def operation_target(mention: Span, vocab: SideVocabulary) -> bool:
    """Whether a group is named as what an operation was after: under "targeting", "in pursuit of", "an
    operation to arrest", "ties to" within a few steps up the parse, and not as who acted."""
    if _names_an_actor(mention.root):
        return False
    token = mention.root
    for _ in range(OPERATION_HOPS):
        if token.lemma_.lower() in vocab.operation_words:
            return True
        if token.pos_ in ("AUX", "VERB") and any(
            c.dep_ in ("nsubj", "attr") and c.lemma_.lower() in vocab.operation_words for c in token.children
        ):
            return True  # "The target of the operation was a Haqqani weapons supplier", "... were the target"
        if token.head.i == token.i:
            break
        token = token.head
    return token.lemma_.lower() in vocab.operation_words


def framing_nouns(doc: Doc, vocab: SideVocabulary) -> list[int]:
    """The tokens whose lemma is a framing noun ("losses"), in order, read once per document from its
    arrays for framing_side: reading the lemma of every word of the sentences a list heading may be in made
    a Token of each."""
    strings = doc.vocab.strings
    lemmas = doc.to_array(LEMMA).tolist()
    return [i for i, lemma in enumerate(lemmas) if strings[lemma].lower() in vocab.framing_nouns]


def framing_side(sentence: Span, vocab: SideVocabulary, mentions: list[Span], nouns: list[int]) -> str | None:
    """The side a heading frames a list's figures as: "The total combat losses of the enemy", "enemy
    losses". `nouns` are the document's framing nouns (framing_nouns)."""
    doc = sentence.doc
    for i in nouns[bisect_left(nouns, sentence.start) : bisect_left(nouns, sentence.end)]:
        token = doc[i]
        for other in token.subtree:
            if other.i == token.i:
                continue
            named = [m for m in mentions if m.start <= other.i < m.end]
            if named:
                return named[0].text
            if _party_word(other, vocab):
                return other.text
    return None


def no_side(label: str | None) -> bool:
    """Civilians are nobody's side."""
    return label in NO_SIDE_LABELS


def claim_sentence(doc: Doc, start_char: int) -> Span | None:
    token = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    return sentence_of(token[0]) if token is not None and len(token) else None
