"""Describing the words that name a speaker: a name with its title, post and body, or an anaphor."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractor.components.document import (
    document_text,
    entities_in,
)
from extractor.components.speakers.countries import country_names
from extractor.components.speakers.vocabulary import SpeakerVocabulary, _rank_start, phrase_words
from extractor.vocabulary import place_kind_words

ARTICLES = phrase_words("articles")
INDEFINITE_ARTICLES = phrase_words("indefinite_articles")
DEFINITE_ARTICLES = phrase_words("definite_articles")
PHRASE_OPENERS = phrase_words("phrase_openers")
ISSUING_PREPOSITIONS = phrase_words("issuing_prepositions")
POST_PREPOSITIONS = phrase_words("post_prepositions")
# "a spokesman for the Sudanese Armed Forces": what follows names the body the post serves, whole
SERVING_PREPOSITIONS = phrase_words("serving_prepositions")
RELATIVE_WORDS = phrase_words("relative_words")
BASED_WORDS = phrase_words("based_words")  # "the Britain-based Syrian Observatory"
NOUNS = ("NOUN", "PROPN")
POSSESSIVE_ENDINGS = phrase_words("possessive_endings")
POSSESSIVES = phrase_words("possessives")
PHRASE_QUANTIFIERS = phrase_words("quantifiers")
PAIR_QUANTIFIERS = phrase_words("pair_quantifiers")
JOIN_STOPWORDS = phrase_words("join_stopwords")
NAME_PARTICLES = phrase_words("name_particles")
NAME_OPENERS = phrase_words("name_openers")  # "Abu Ahmed": a particle that opens a name, capitalized
OWNER_PRONOUNS = phrase_words("owner_pronouns")
MEDIUM_HEADS = phrase_words("medium_heads")  # who passes on a report: "the party newspaper", "state TV"
# the kinds of place (place_patterns.json's kind_words) whose word before "of" says a post is of a place
PLACE_OF_POST = frozenset({"country", "province", "district", "town"})


@dataclass
class Mention:
    """What a phrase naming a speaker says of it."""

    start: int  # character offsets of the words that name the speaker
    end: int
    kind: str  # person, organization
    name: str
    title: str | None = None
    role: str | None = None
    organization: str | None = None
    anaphor: str | None = None  # "pronoun", "definite" (the ministry, the general), "report" (the statement)
    head: str = ""
    plural: bool = False
    alias: str | None = None
    named: bool = False  # carries a proper name
    indefinite: bool = False  # introduced with "a"/"an": a new speaker, perhaps named in the next report
    # the head words of descriptions set beside a body's name ("SOHR, a Britain-based war monitor": monitor)
    descriptions: frozenset[str] = frozenset()
    # the person's body is one named before ("its head X", "group spokesman X"): the registry finds it
    body_before: bool = False


def _phrase_end(doc: Doc, i: int, limit: int, options: tuple[str, ...]) -> tuple[int, str] | None:
    """The token end of the longest option (compared case-insensitively, by characters) at token i."""
    start = doc[i].idx
    text = document_text(doc)
    for option in options:
        end = start + len(option)
        if text[start:end].lower() != option.lower():
            continue
        if end < len(text) and text[end].isalnum() and option[-1].isalnum():
            continue
        span = doc.char_span(start, end)
        if span is not None and span.end <= limit:
            return span.end, option
    return None


def _post_end(tokens: list[Token], i: int, vocab: SpeakerVocabulary) -> int | None:
    """The end (index into tokens) of the longest post phrase starting at tokens[i]."""
    for post in vocab.posts_by_first_word.get(tokens[i].lower_, ()):
        stop = i + len(post)
        if stop <= len(tokens) and tuple(t.lower_ for t in tokens[i:stop]) == post:
            return stop
    return None


def _is_acronym(token: Token) -> bool:
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_org_word(token: Token, vocab: SpeakerVocabulary) -> bool:
    return token.lower_ in vocab.organization_heads


def _text(doc: Doc, tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return document_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _strip_articles(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in ARTICLES or tokens[0].is_punct):
        tokens = tokens[1:]
    while (
        tokens and tokens[-1].is_punct and tokens[-1].text not in (".",) or (tokens and tokens[-1].is_space)
    ):
        tokens = tokens[:-1]
    return tokens


def _rank_tokens(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> dict[int, int]:
    """Where a capitalized rank or honorific starts among tokens -> where it ends."""
    found = {}
    if not tokens:
        return found
    limit = tokens[-1].i + 1
    offset = tokens[0].i
    for k, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        match = _phrase_end(doc, token.i, limit, vocab.ranks_by_start.get(_rank_start(token.text), ()))
        if match:
            found[k] = match[0] - offset
    return found


def _is_name_token(token: Token, vocab: SpeakerVocabulary) -> bool:
    text = token.text
    if token.lower_ in NAME_PARTICLES or (text in ("-", "'") and not token.whitespace_):
        return True
    if not text[:1].isupper() or _is_acronym(token) and len(text) > 1 and "." in text:
        return False
    if token.lower_ in vocab.organization_heads or token.ent_type_ in ("DATE", "CARDINAL"):
        return False
    return token.pos_ in ("PROPN", "NOUN", "X", "ADJ") or token.ent_type_ == "PERSON"


def _name_runs(tokens: list[Token], blocked: set[int], vocab: SpeakerVocabulary) -> list[tuple[int, int]]:
    """Runs of name-like tokens (as index ranges into tokens), particles and hyphens trimmed from the ends."""
    runs = []
    k = 0
    while k < len(tokens):
        if k in blocked or not _is_name_token(tokens[k], vocab):
            k += 1
            continue
        start = k
        while k < len(tokens) and k not in blocked and _is_name_token(tokens[k], vocab):
            k += 1
        end = k
        if _names_a_group(tokens[start:end], vocab):
            runs.append((start, end))  # "Islamic State": an armed group's name whole, its adjective its own
            continue
        # "Russian", "Ukrainian" before a name describe the person; after a first name, "Sarkisian" is a name
        opening = start
        while start < end and (tokens[start].ent_type_ == "NORP" or tokens[start].pos_ == "ADJ"):
            if tokens[start].ent_type_ == "PERSON":
                break
            start += 1
        if start == end and end - opening > 1:
            start = opening  # "Roman Mrochko", all labelled a nationality: a name describes no one
        while start < end and (tokens[start].lower_ in NAME_PARTICLES or not tokens[start].is_alpha):
            if tokens[start].lower_ in NAME_PARTICLES and start + 1 < end and not tokens[start].whitespace_:
                break
            if tokens[start].lower_ in NAME_OPENERS and start + 1 < end and tokens[start].text[:1].isupper():
                break
            start += 1
        while end > start and not tokens[end - 1].is_alpha:
            end -= 1
        if end > start:
            runs.append((start, end))
    return runs


def _names_a_group(tokens: list[Token], vocab: SpeakerVocabulary) -> bool:
    """Whether the words are an armed group's name ("Islamic State"), whatever the model labelled them."""
    return " ".join(t.lower_ for t in tokens if t.is_alpha) in vocab.group_names


def _looks_like_person(tokens: list[Token], vocab: SpeakerVocabulary) -> bool:
    """A run of name tokens names a person, not a place or a body; the small model's labels are hints."""
    if any(t.lower_ in vocab.organization_heads for t in tokens):
        return False
    words = [t for t in tokens if t.is_alpha]
    if not words:
        return False
    if country_names().names_a_country(" ".join(t.text for t in words)):
        return False  # "Kyiv has denied it", which the model may label a person: a capital for its government
    if _names_a_group(words, vocab):
        return False  # "Islamic State said", which the model may label a person: an armed group's name
    if any(t.ent_type_ == "PERSON" for t in words):
        return True
    if all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in words):
        return False
    if len(words) == 1:
        word = words[0]
        if word.text in _place_names(word.doc):
            return False
        return not _is_acronym(word) and word.ent_type_ not in ("GPE", "LOC", "FAC", "ORG")
    return True


VOTING_ENTITIES = frozenset({"GPE", "LOC", "PERSON"})


def _place_names(doc: Doc) -> set[str]:
    """Single words the model labels as a place more often than as a person in this document: the small model
    labels a name once as a place (or a place as a person), so the document's majority decides."""
    key = "briefing_speakers_places"
    if key not in doc.user_data:
        votes: dict[str, int] = {}
        for entity in entities_in(doc, labels=VOTING_ENTITIES):
            if entity.label_ in ("GPE", "LOC") and len(entity) == 1:
                votes[entity.text] = votes.get(entity.text, 0) + 1
            elif entity.label_ == "PERSON":
                for token in entity:
                    votes[token.text] = votes.get(token.text, 0) - 1
        doc.user_data[key] = {word for word, count in votes.items() if count > 0}
    return doc.user_data[key]


def _inside_body_name(part: list[Token], run: tuple[int, int], vocab: SpeakerVocabulary) -> bool:
    """Capitalized words that belong to a body's name: "Armenian Defence" before "Ministry", "Human Rights"
    after "Observatory for"."""
    start, end = run
    if end < len(part):
        following = part[end]
        if following.lower_ in POSSESSIVES:
            return True  # "Azerbaijan's president": the possessor is not the person
        if following.lower_ in vocab.organization_heads and following.text[:1].isupper():
            return True
        if following.pos_ in ("NOUN", "PROPN") and _post_end(part, end, vocab) is None:
            return True  # "Nagorno-Karabakh authorities": a name that modifies a noun
        if following.lower_ in vocab.group_heads or following.tag_ == "NNS" and following.is_lower:
            return True  # "Health officials in Gaza": what a group of people is, not one person's name
    return start > 0 and part[start - 1].pos_ in ("ADP", "CCONJ") and part[start - 1].is_lower


def _org_like(tokens: list[Token], vocab: SpeakerVocabulary) -> bool:
    return any(_is_org_word(t, vocab) or _is_acronym(t) or t.ent_type_ == "ORG" for t in tokens)


def _named_body(tokens: list[Token]) -> bool:
    """A body served by a post, named with capitals ("a spokesman for the Houthis"), not a place."""
    words = [
        t for t in tokens if not t.is_punct and t.lower_ not in POSSESSIVES and t.lower_ not in NAME_PARTICLES
    ]
    return bool(words) and all(t.text[:1].isupper() and t.ent_type_ not in ("GPE", "LOC") for t in words)


def split_role(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> tuple[str | None, str | None]:
    """A post phrase as (role, organization): "head of the Main Operations Directorate of the Russian General
    Staff" -> ("head of the Main Operations Directorate", "Russian General Staff"); with a single "of", the
    role keeps it and the organization repeats its object when that is a body."""
    tokens = _strip_articles(tokens)
    if not tokens:
        return None, None
    serving = next((k for k, t in enumerate(tokens) if t.lower_ in SERVING_PREPOSITIONS), None)
    # only right after the post itself: "the Syrian Observatory for Human Rights" is one name
    if serving is not None and serving > 0 and tokens[serving - 1].lower_ in vocab.person_heads:
        served = _strip_articles(tokens[serving + 1 :])
        if served and (_org_like(served, vocab) or _named_body(served)):
            # "spokesman for the southern group of forces": the body whole, its own "of" with it
            return _text(doc, tokens[:serving]) or None, _text(doc, served)
    ofs = [k for k, t in enumerate(tokens) if t.lower_ in POST_PREPOSITIONS]
    # the "of" of a post's own words ("chief of staff") names no body
    covered = {k for j, stop in _post_starts(tokens, vocab).items() for k in range(j + 1, stop)}
    bodies = [k for k in ofs if k not in covered]
    role, organization = tokens, None
    if bodies and place_kind_words().get(tokens[bodies[-1] - 1].lower_) in PLACE_OF_POST:
        # "governor of the northern province of Balkh": the place a post is of names no body, whatever the
        # model labelled its name
        return _text(doc, tokens) or None, None
    if bodies:
        last = bodies[-1]
        obj = _strip_articles(tokens[last + 1 :])
        # "the Britain-based Syrian Observatory": the place it is based in is no part of its name
        for k in range(len(obj) - 2):
            if obj[k + 1].text == "-" and obj[k + 2].lower_ in BASED_WORDS:
                obj = obj[k + 3 :]
                break
        if obj and _org_like(obj, vocab):
            organization = _text(doc, obj)
            if len(ofs) >= 2:
                role = tokens[:last]
    return _text(doc, role) or None, organization


def _prefix_organization(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> str | None:
    """The body named before a post ("Russian Defense Ministry spokesman"): only a name, not an adjective."""
    tokens = _strip_articles(tokens)
    while tokens and tokens[-1].lower_ in POSSESSIVES:
        tokens = tokens[:-1]
    # "a senior U.S. defense official": the post's own modifier is no part of the body's name
    while (
        len(tokens) > 1
        and tokens[0].lower_ in vocab.post_modifiers
        and tokens[0].is_lower
        and not _is_org_word(tokens[0], vocab)
        and tokens[1].text[:1].isupper()
    ):
        tokens = tokens[1:]
    if not tokens:
        return None
    # "White House national security spokesman": the field the post covers is no part of the body's name
    while len(tokens) > 1 and tokens[-1].is_lower and not _is_org_word(tokens[-1], vocab):
        if not _org_like(tokens[:-1], vocab):
            break
        tokens = tokens[:-1]
    if _org_like(tokens, vocab):
        return _text(doc, tokens)
    proper = [t for t in tokens if t.pos_ == "PROPN" and t.ent_type_ != "NORP" and t.text[:1].isupper()]
    # "the Sabratha mayor", "Ukraine's health minister": a lone place name is where the post is, not a body
    # (two words the model calls a place, "Commando Kandak", are too often a unit's name to drop)
    if len(proper) == 1 and proper[0].ent_type_ in ("GPE", "LOC"):
        return None
    return _text(doc, tokens) if proper else None


def describe_mention(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> Mention | None:
    """What the words naming a speaker say: a person's name with title, role and organization, a body's name,
    or an anaphor (he, the ministry, the statement) to resolve against earlier speakers."""
    tokens = _own_phrase(tokens)
    indefinite = bool(tokens) and tokens[0].lower_ in INDEFINITE_ARTICLES
    tokens, alias = _without_brackets(tokens)
    tokens = _without_quantifier(_strip_articles([t for t in tokens if not t.is_space]))
    if not tokens:
        return None
    first = tokens[0]
    if len(tokens) == 1 and first.lower_ in vocab.pronouns:
        return Mention(
            first.idx, first.idx + len(first), "person", first.text, anaphor="pronoun", head=first.lower_
        )
    parts = _parts(tokens)
    if not parts:
        return None
    person = _person_in(doc, parts, vocab)
    abbreviated = next((part for part in parts if _abbreviated_by(alias, part)), None)
    if abbreviated is not None and (abbreviated is not parts[0] or person is not None):
        # "Inter-Services Public Relations (ISPR)": a person is given no acronym; the words name a body, one
        # a description before may name ("the army's media wing, Joint Forces Media Relations (JFMR)")
        return _describe_unnamed(doc, abbreviated, vocab, alias)
    named_body = _body_named_after_description(doc, parts, person, vocab, alias)
    if named_body is not None:
        return named_body
    if person is not None and not _described_as_body(parts, person, vocab):
        mention = _person_mention(doc, person, alias)
        mention.body_before = _body_named_before(tokens, person, vocab)
        return mention
    unnamed = _describe_unnamed(doc, parts[0], vocab, alias)
    if _described_then_named(parts, unnamed, vocab):
        # "the group's armed wing, the Ansar Brigades": a body described, then named with capitals
        named = _describe_unnamed(doc, parts[1], vocab, alias)
        if named.kind == "organization" and named.named and named.organization is not None:
            return named
    if unnamed.kind == "organization" and unnamed.named:
        unnamed.descriptions = frozenset(part[_head_index(part)].lemma_.lower() for part in parts[1:])
    if indefinite and unnamed.anaphor == "definite":
        unnamed.anaphor, unnamed.indefinite = None, True  # "an official" is someone new, not the one before
    return unnamed


def _abbreviated_by(alias: str | None, part: list[Token]) -> bool:
    """The acronym is the initials of the part's capitalized words, the part a name with no other word than
    those that join a name's words ("Inter-Services Public Relations"; not "spokesman for the Libyan National
    Army"); three letters at least: two fit too many pairs of names."""
    if alias is None or len(alias) < 3:
        return False
    words = [t for t in part if t.is_alpha]
    if any(not t.text[:1].isupper() and t.lower_ not in JOIN_STOPWORDS for t in words):
        return False
    return "".join(t.text[0] for t in words if t.text[:1].isupper()) == alias.upper()


def _body_named_after_description(
    doc: Doc, parts: list[list[Token]], person: _Person | None, vocab: SpeakerVocabulary, alias: str | None
) -> Mention | None:
    """ "Pakistan's military media wing, ISPR", "the army's media wing, Inter-Services Public Relations": a
    body described by a common noun, then named by an acronym or by words in capitals that the model may read
    as a person's name (no title, no post): the body by that name, as "the group's armed wing, the Ansar
    Brigades" is (_described_then_named)."""
    if len(parts) < 2:
        return None
    named = _strip_articles(parts[1])
    words = [t for t in named if t.is_alpha]
    if not words or not all(t.text[:1].isupper() or t.lower_ in JOIN_STOPWORDS for t in words):
        return None
    if person is None:
        if len(words) != 1 or not _is_acronym(words[0]):
            return None
    elif person.title or person.name[0].i < named[0].i or person.name[-1].i > named[-1].i:
        return None  # (a post read from the description before is the description's)
    head = parts[0][_head_index(parts[0])]
    if not head.is_lower or not (_is_org_word(head, vocab) or head.lower_ in vocab.generic_bodies):
        return None
    described = _describe_unnamed(doc, parts[0], vocab, alias)
    if described.kind != "organization" or described.anaphor == "report" or described.plural:
        return None
    body = _describe_unnamed(doc, named, vocab, alias)
    body.kind, body.named, body.organization, body.anaphor = "organization", True, body.name, None
    return body


def _body_named_before(tokens: list[Token], person: _Person, vocab: SpeakerVocabulary) -> bool:
    """The post is held in a body the text named before: after "its" ("its head X"), or in a body's word
    alone in lower case ("group spokesman X"), which names no body by itself."""
    if person.organization is None:
        return tokens[0].lower_ in OWNER_PRONOUNS and tokens[0] is not person.name[0]
    words = person.organization.split()
    return len(words) == 1 and words[0].islower() and words[0] in vocab.organization_heads


def _described_as_body(parts: list[list[Token]], person: _Person, vocab: SpeakerVocabulary) -> bool:
    """A bare name that an aside describes as a body ("Ambrey, a British maritime security firm") names the
    body, not a person."""
    if person.title or person.role or person.organization or len(parts) < 2:
        return False
    if len(person.name) != len(parts[0]) or person.name[0] is not parts[0][0]:
        return False
    head = parts[1][_head_index(parts[1])]
    return head.is_lower and _is_org_word(head, vocab)


def _described_then_named(parts: list[list[Token]], described: Mention, vocab: SpeakerVocabulary) -> bool:
    """A body's description headed by a common noun, then a phrase whose head word is a body's, in
    capitals."""
    if len(parts) < 2 or described.kind != "organization" or described.anaphor == "report":
        return False
    named_head = parts[1][_head_index(parts[1])]
    return (
        parts[0][_head_index(parts[0])].is_lower
        and named_head.text[:1].isupper()
        and _is_org_word(named_head, vocab)
    )


def _without_brackets(tokens: list[Token]) -> tuple[list[Token], str | None]:
    """The phrase without its bracketed asides, and the acronym one of them gives ("(SOHR)")."""
    alias = None
    cleaned = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.text == "(":
            close = next((j for j in range(k + 1, min(k + 6, len(tokens))) if tokens[j].text == ")"), None)
            if close is not None:
                inner = tokens[k + 1 : close]
                if len(inner) == 1 and _is_acronym(inner[0]):
                    alias = inner[0].text
                k = close + 1
                continue
        cleaned.append(token)
        k += 1
    return cleaned, alias


def _without_quantifier(tokens: list[Token]) -> list[Token]:
    """ "one of the officials", "both sides": the words after a leading quantifier ("both" of two words
    stays)."""
    while tokens and tokens[0].lower_ in PHRASE_QUANTIFIERS and len(tokens) > 1:
        if tokens[0].lower_ in PAIR_QUANTIFIERS and len(tokens) == 2:
            break
        tokens = _strip_articles(tokens[1:])
    return tokens


def _parts(tokens: list[Token]) -> list[list[Token]]:
    """The phrase cut at commas, semicolons and dashes ("Igor Konashenkov, spokesman of the ministry")."""
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.text in (",", ";", "\u2014", "\u2013") or (token.text == "-" and token.whitespace_):
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in (_strip_articles(p) for p in parts) if p]


@dataclass
class _Person:
    """A person's name found in a phrase, with what the phrase says of them."""

    name: list[Token]
    title: str | None = None
    role: str | None = None
    organization: str | None = None


def _post_starts(part: list[Token], vocab: SpeakerVocabulary) -> dict[int, int]:
    """Where a post phrase starts in part -> where it ends."""
    posts: dict[int, int] = {}
    for j in range(len(part)):
        stop = _post_end(part, j, vocab)
        if stop is not None:
            posts[j] = stop
    return posts


def _person_runs(doc: Doc, part: list[Token], vocab: SpeakerVocabulary) -> tuple[dict[int, int], list]:
    """The ranks of a part and the runs of its words that name a person, ranks and posts left out."""
    ranks = _rank_tokens(doc, part, vocab)
    blocked: set[int] = set()
    for begin, stop in ranks.items():
        blocked.update(range(begin, stop))
    for j, stop in _post_starts(part, vocab).items():
        if part[j].text[:1].islower() or stop - j > 1 or part[j].lower_ in vocab.person_heads:
            blocked.update(range(j, stop))
    runs = [
        r
        for r in _name_runs(part, blocked, vocab)
        if _looks_like_person(part[r[0] : r[1]], vocab)
        and not _inside_body_name(part, r, vocab)
        and not _group_of_a_body(part, r, vocab)
        and not _named_with_the_article(part, r, blocked)
    ]
    return ranks, runs


def _named_with_the_article(part: list[Token], run: tuple[int, int], blocked: set[int]) -> bool:
    """ "The Inter-Services Public Relations said", "the Security Media Cell said": capitalized words the
    definite article opens name a body, as no person's name takes "the"; a rank or post between says whose
    name follows ("the Ukrainian President Volodymyr Zelensky"), and a lower-case word ends the name."""
    first = part[0]
    if first.i == 0 or first.doc[first.i - 1].lower_ not in DEFINITE_ARTICLES:
        return False
    start, end = run
    words = [t for t in part[:end] if t.is_alpha]
    # one word is a title ("the Pope"), and a name the model knows for a person's stays one
    if len(words) < 2 or any(t.ent_type_ == "PERSON" for t in part[start:end]):
        return False
    # (a possessive says whose person follows: "the Taliban's Zabihullah Mujahid")
    return not any(k in blocked for k in range(start)) and all(
        t.text[:1].isupper() or t.text == "-" for t in part[:start]
    )


def _group_of_a_body(part: list[Token], run: tuple[int, int], vocab: SpeakerVocabulary) -> bool:
    """ "Officials at the Pentagon", "Residents of Kadugli": people named as a group of a body or a place,
    capitalized to open the sentence, are no person's name."""
    start, end = run
    return (
        part[end - 1].lower_ in vocab.group_heads
        and end < len(part)
        and part[end].lower_ in POST_PREPOSITIONS
    )


def _person_in(doc: Doc, parts: list[list[Token]], vocab: SpeakerVocabulary) -> _Person | None:
    """The person the parts name (the last name of the first part that has one), with title, post and body;
    a post in a later part, or in the first part when the name comes after it, completes the description."""
    person = None
    for part in parts:
        if person is None:
            ranks, runs = _person_runs(doc, part, vocab)
            if runs:
                person = _person_in_part(doc, part, ranks, runs[-1], vocab)
        elif person.role is None and _post_starts(part, vocab):
            person.role, org_after = _post_of_part(doc, part, vocab)
            person.organization = person.organization or org_after
        elif person.role is None and (told := _post_told_by_verb(doc, part, vocab)) is not None:
            person.role, org_after = told
            person.organization = person.organization or org_after
    if person is not None and person.role is None and len(parts) > 1 and person.name[0] not in parts[0]:
        # "Kenya's defence ministry spokesman, Colonel Paul Njuguna": the post of the part before the name
        person.role, org_first = _post_of_part(doc, parts[0], vocab)
        person.organization = person.organization or org_first
    return person


def _post_told_by_verb(
    doc: Doc, part: list[Token], vocab: SpeakerVocabulary
) -> tuple[str, str | None] | None:
    """ "who heads the security committee": the post the relative clause's verb tells, and its object as the
    body it is held in."""
    if len(part) < 3 or part[0].lower_ not in RELATIVE_WORDS:
        return None
    post = vocab.post_verbs.get(part[1].lemma_.lower())
    if post is None or part[1].pos_ != "VERB":
        return None
    body = _strip_articles(part[2:])
    return post, _text(doc, body) if body else None


def _post_of_part(doc: Doc, part: list[Token], vocab: SpeakerVocabulary) -> tuple[str | None, str | None]:
    """The post and body a part set apart from the name gives: the body after the post ("spokesman for the
    Houthis"), else the body named before it ("an IDF spokesman")."""
    role, organization = split_role(doc, part, vocab)
    posts = _post_starts(part, vocab)
    if organization is None and posts:
        role, organization = _post_and_body(doc, part, min(posts), vocab)
    return role, organization


def _person_in_part(
    doc: Doc, part: list[Token], ranks: dict[int, int], run: tuple[int, int], vocab: SpeakerVocabulary
) -> _Person:
    """The person a run of part names, with the rank right before the name, the post and body around it."""
    run_start, run_end = run
    person = _Person(part[run_start:run_end])
    posts = _post_starts(part, vocab)
    before = part[:run_start]
    # a title ends right where the name starts ("Maj. Gen. Igor Konashenkov"), and takes in a rank that ends
    # where it starts ("Air Marshal Sir Richard Knighton"); the longest rank ending at a place wins
    rank_ending_at: dict[int, int] = {}
    for begin, stop in sorted(ranks.items()):
        rank_ending_at.setdefault(stop, begin)
    title_start = rank_ending_at.get(run_start)
    while title_start in rank_ending_at:
        title_start = rank_ending_at[title_start]
    if title_start is not None:
        person.title = _text(doc, part[title_start:run_start])
        before = part[:title_start]
    post_start = next((j for j in range(len(before)) if j in posts), None)
    if post_start is not None:
        person.role, person.organization = _post_and_body(doc, before, post_start, vocab)
    elif before:
        person.organization = _prefix_organization(doc, before, vocab)
    after = part[run_end:]
    if after and person.role is None and any(j >= run_end for j in posts):
        person.role, org_after = split_role(doc, after, vocab)
        person.organization = person.organization or org_after
    elif len(after) > 1 and after[0].lower_ in POST_PREPOSITIONS and person.organization is None:
        # "Lieutenant Colonel Olga Petrenko of the 47th Brigade": the body the person serves in
        body = _strip_articles(after[1:])
        if body and (_org_like(body, vocab) or _named_body(body)):
            person.organization = _text(doc, body)
    return person


def _post_and_body(
    doc: Doc, tokens: list[Token], post_start: int, vocab: SpeakerVocabulary
) -> tuple[str | None, str | None]:
    """The post that starts at tokens[post_start] with the modifiers before it ("deputy"), and the body it
    belongs to: named before the post ("Russian Defense Ministry spokesman"), else after it."""
    begin = post_start
    field = None
    while begin > 0 and tokens[begin - 1].lower_ in vocab.post_modifiers and tokens[begin - 1].is_lower:
        named_before = any(t.lower_ not in vocab.post_modifiers for t in tokens[: begin - 1])
        if named_before and _is_org_word(tokens[begin - 1], vocab):
            break  # "Kenya's defence ministry spokesman": a body's word after its owner is the body's
        if _modified_field(tokens[: begin - 1], tokens[begin - 1], vocab):
            # "Gaza's civil defence spokesman": a field with a modifier of its own names the service
            field = _strip_articles(tokens[:begin])
            break
        begin -= 1
    role, organization = split_role(doc, tokens[begin:], vocab)
    before = _text(doc, field) if field else _prefix_organization(doc, tokens[:begin], vocab)
    end = _post_end(tokens, post_start, vocab) or post_start + 1
    if before is None and not any(t.lower_ in vocab.portfolio_posts for t in tokens[post_start:end]):
        before = _national_service(doc, tokens[:begin], vocab)
    return role, before or organization


def _national_service(doc: Doc, tokens: list[Token], vocab: SpeakerVocabulary) -> str | None:
    """A nationality and the field a post serves in name the body ("Iraqi counter-terrorism spokesman",
    "Afghan intelligence spokesman"): the country's service in that field, which has no name of its own."""
    tokens = _strip_articles(tokens)
    while tokens and tokens[0].lower_ in vocab.post_modifiers and tokens[0].is_lower:
        tokens = tokens[1:]  # "a senior Iraqi security official"
    if len(tokens) < 2 or country_names().key(tokens[0].lower_) is None:
        return None
    field = tokens[2:] if tokens[1].lower_ in POSSESSIVE_ENDINGS else tokens[1:]
    if not field or not all(t.is_lower and t.pos_ in ("NOUN", "ADJ") for t in field):
        return None
    return _text(doc, tokens) if field[-1].pos_ == "NOUN" else None


def _modified_field(before: list[Token], modifier: Token, vocab: SpeakerVocabulary) -> bool:
    return any(
        t.head.i == modifier.i and t.dep_ in ("amod", "compound") and t.lower_ not in vocab.post_modifiers
        for t in before
    )


def _person_mention(doc: Doc, person: _Person, alias: str | None) -> Mention:
    name = person.name
    return Mention(
        name[0].idx if person.title is None else _title_start(doc, name, person.title),
        name[-1].idx + len(name[-1]),
        "person",
        _text(doc, name),
        title=person.title,
        role=person.role,
        organization=person.organization,
        head=name[-1].lower_,
        named=True,
        alias=alias,
    )


def _own_phrase(tokens: list[Token]) -> list[Token]:
    """The words of the phrase itself where the parse ran two phrases together (texts stripped of commas and
    line breaks): from the last article that follows a noun or an adverb ("... the war-torn country the
    Russian army", "... in Aleppo The Syrian Observatory", "Later a military source"), after a credit whose
    opening bracket lies outside ("TRT World and Agencies) Syrian Observatory")."""
    closing = [k for k, t in enumerate(tokens) if t.text == ")"]
    if closing and not any(t.text == "(" for t in tokens[: closing[0]]):
        tokens = tokens[closing[0] + 1 :]
    for k in range(len(tokens) - 1, 0, -1):
        if tokens[k].lower_ in PHRASE_OPENERS and tokens[k - 1].pos_ in ("NOUN", "PROPN", "NUM", "ADV"):
            if any(t.pos_ in ("NOUN", "PROPN") for t in tokens[k + 1 :]):
                return tokens[k:]
    return tokens


def _title_start(doc: Doc, name_tokens: list[Token], title: str) -> int:
    start = name_tokens[0].idx
    found = document_text(doc).rfind(title, max(0, start - len(title) - 3), start)
    return found if found >= 0 else start


def _describe_unnamed(doc: Doc, part: list[Token], vocab: SpeakerVocabulary, alias: str | None) -> Mention:
    """A body ("the Russian General Staff"), a group ("officials") or a person named by post only."""
    head_index = _head_index(part)
    head = part[head_index]
    lower = head.lower_
    lemma = head.lemma_.lower()
    if lower in vocab.report_nouns or lemma in vocab.report_nouns:
        return _describe_report(doc, part, head_index, vocab, alias)
    text = _text(doc, part)
    start, end = part[0].idx, part[-1].idx + len(part[-1])
    proper = any(t.text[:1].isupper() and t.pos_ == "PROPN" for t in part) and not all(
        t.ent_type_ == "NORP" or not t.text[:1].isupper() for t in part
    )
    plural = lower in vocab.group_heads or (
        head.tag_ in ("NNS", "NNPS") and lower not in vocab.organization_heads
    )
    person = not plural and (lower in vocab.person_heads or lemma in vocab.person_heads)
    anaphor = None
    if not proper and lower not in vocab.group_heads:
        anaphor = "definite"
    if person:
        role = organization = None
        post_at = next((k for k in range(len(part)) if _post_end(part, k, vocab) is not None), None)
        if post_at is not None:
            role, organization = _post_and_body(doc, part, post_at, vocab)
        title = head.text if head.text[:1].isupper() and _rank_tokens(doc, [head], vocab) else None
        return Mention(
            start,
            end,
            "person",
            text,
            title=title,
            role=role,
            organization=organization,
            anaphor=anaphor,
            head=lemma,
            alias=alias,
        )
    # a place, or a capital or seat of government standing for its country ("the Kremlin"), is no body's name
    place = all(t.ent_type_ in ("GPE", "LOC") for t in part if t.is_alpha)
    place = place or country_names().names_a_country(text)
    # "the Israeli military" names its own body as "Sudan's army" does: a body's word under a capitalized
    # modifier (a nationality the test for a proper name leaves out)
    own_body = _is_org_word(head, vocab) and not plural and any(t.text[:1].isupper() for t in part)
    # people named as a group ("health officials in Gaza") are no body, whatever place names them
    named_head = proper and head.pos_ == "PROPN"  # (but "the Popular Mobilisation Forces" is a body)
    people = plural and (head.is_lower or lower in vocab.group_heads and not named_head)
    organization = text if (proper or own_body) and not place and not people else None
    return Mention(
        start,
        end,
        "organization",
        text,
        organization=organization,
        anaphor=anaphor,
        head=lemma,
        plural=plural,
        alias=alias,
        named=proper,
    )


def _head_index(part: list[Token]) -> int:
    """The head is the last word before a prepositional tail ("defence ministry in Moscow"), or before the
    participle that opens it ("a statement published by the party newspaper")."""
    for k, token in enumerate(part):
        if token.pos_ == "ADP" and k > 0:
            return k - 2 if k > 1 and part[k - 1].tag_ == "VBN" else k - 1
    return len(part) - 1


def _known_owner(token: Token, vocab: SpeakerVocabulary) -> bool:
    """A body by its word in lower case, known to the reader: "the ministry's statement", "the police report"
    (not the many of "media reports", nor one of several, "a government statement")."""
    if not _is_org_word(token, vocab) or token.tag_ != "NN":
        return False
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in POSSESSIVE_ENDINGS:
        return True
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in token.head.children)


def _describe_report(
    doc: Doc, part: list[Token], head_index: int, vocab: SpeakerVocabulary, alias: str | None
) -> Mention:
    """A report named as the source ("the statement", "Russia's statement", "a report by the observatory"):
    the body whose report it is, else an anaphor for the speaker before."""
    owners = [t for t in part[:head_index] if t.lower_ not in POSSESSIVE_ENDINGS]
    if owners and any(t.text[:1].isupper() or _known_owner(t, vocab) for t in owners):
        return _describe_unnamed(doc, owners, vocab, alias)
    # "a statement from the Eastern Command", "a report by the observatory", "a statement issued by the
    # Northern Fleet": who issued it; a medium that published it ("published by the party newspaper") did not,
    # while a body that published its own figures did ("figures published by the health ministry")
    preposition = head_index + 1
    relayed = preposition < len(part) and part[preposition].lemma_.lower() in vocab.relaying_verbs
    if preposition < len(part) and part[preposition].tag_ == "VBN":
        preposition += 1
    issuer = _strip_articles(part[preposition + 1 :]) if preposition < len(part) else []
    # a medium by its word ("the party newspaper") or by a name alone ("Tribuna"): no body's word
    body = (
        any(_is_org_word(t, vocab) for t in issuer) and issuer[_head_index(issuer)].lower_ not in MEDIUM_HEADS
    )
    if relayed and issuer and not body:
        issuer = []
    if issuer and part[preposition].lower_ in ISSUING_PREPOSITIONS and any(t.pos_ in NOUNS for t in issuer):
        return _describe_unnamed(doc, issuer, vocab, alias)
    lemma = part[head_index].lemma_.lower()
    start, end = part[0].idx, part[-1].idx + len(part[-1])
    return Mention(start, end, "organization", _text(doc, part), anaphor="report", head=lemma)
