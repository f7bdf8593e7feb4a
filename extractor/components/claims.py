"""The claim finder: a count, the thing counted and the verb over it, read as a claim."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy
from spacy import parts_of_speech
from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, IS_UPPER, LEMMA, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.components.dates import ReportSection, published_at
from extractor.components.document import (
    add_warning,
    at_top,
    document_text,
    entities_in,
    lower_words,
    members,
    register_document_extensions,
    sentence_bounds,
    sentence_of,
    sentence_spans,
    word_hashes,
)
from extractor.components.layout import LossLine, find_loss_lines, furniture_sentences, list_lead
from extractor.components.speakers import speaker_vocabulary
from extractor.qualifiers import qualifier_rules
from extractor.vocabulary import (
    TargetTaxonomy,
    derived_person_nouns,
    derived_verbs,
    load_data,
    require,
    target_taxonomy,
)

NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# a model or type named by letters and a number: "F-16", "A-10", "T-72", "Su-34"
DESIGNATION = re.compile(r"[A-Za-z]{1,4}-\d{1,4}[A-Za-z]{0,3}")
NOMINAL_POS = frozenset({parts_of_speech.NOUN, parts_of_speech.PROPN})
SINGULAR_CANDIDATES_KEY = "briefing_extractor.singular_candidates"
DATE_STARTS_KEY = "briefing_extractor.date_starts"
# entities that name no counted thing: "Syria was hit", "the Afghans", "Sunday's strike"
UNCOUNTED_ENTITIES = frozenset({"DATE", "TIME", "NORP", "GPE", "LOC", "FAC"})
# a noun in these relations modifies another noun and counts nothing of its own
MODIFIER_DEPS = frozenset({"compound", "poss"})
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "conj"})
PRONOUNS = {"they", "it", "we", "he", "she", "them", "which", "who", "that", "this", "these", "those"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
# the span group the place finder (components/places.py) leaves, and the role of a place a claim may take
PLACES_GROUP = "places"
PLACE_ROLE_WHERE = "where"
SENTENCE_ENDS = (".", "!", "?", ":", ";")
MAX_EVIDENCE_TOKENS = 16
MAX_PHRASE_TOKENS = 14
# whether a dateline's date dates a claim in its sentence that names no date of its own
DATELINE_DATES_CLAIMS = False
# whether the day a statement was made ("said Friday") dates a claim in its sentence that names no other
REPORTING_DATES_CLAIMS = False
CARRY_PARAGRAPH_DATES = True
DATELINE_DATES_REPORT = True
# how many sentences on a report's date and place still hold for a claim that names none
CARRY_SENTENCES = 3
DATE_LOOKBACK_SENTENCES = 2
DATE_LOOKBACK_CROSSES_PARAGRAPHS = False
LOCATION_CROSSES_PARAGRAPHS = True
LOCATION_LOOKBACK_SENTENCES = 3
# a month or a year named near a claim is background ("clashes in July", "in 2015"), not the claim's date
# whether the first day a report states holds for its later claims that name no date
CARRY_LEAD_DATE = True
# "an overnight operation ... Monday": a day named before publication says which night, so these give way
# to it in a sentence (on the day of publication, "overnight" already means the night before)
YIELDING_DATE_KINDS = frozenset({"OVERNIGHT"})
DEFINITE_WORDS = frozenset({"the", "these", "those", "this", "that"})
# marks inside a transliterated place name ("Qal'a-ye Zal", "Pul-e 'Alam")
NAME_JOINERS = frozenset({"-", "'", "\u2018", "\u2019"})
# how far back a month or a period's start lies before it is background to the report
BACKGROUND_DAYS = 31
# how far before its report the day a report's story opens on may lie; a day further back is another story's
REPORT_DAY_MAX_AGE = 7
COARSE_DATE_KINDS = frozenset({"MONTH", "MONTH_YEAR", "YEAR", "LAST_UNIT", "BARE_MONTH", "OTHER"})


@dataclass
class ClaimFinding:
    """A claim as the pipeline found it; offsets are character offsets into the document text."""

    kind: str
    value: int | None
    evidence_start: int
    evidence_end: int
    sentence_start: int
    sentence_end: int
    value_max: int | None = None
    quantifier: str | None = None
    approximate: bool = False
    cumulative: bool = False
    category: str | None = None
    category_label: str | None = None
    effect: str | None = None
    delta: int | None = None
    actor: str | None = None
    speaker_id: str | None = None
    quote_id: str | None = None
    date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    date_text: str | None = None
    location: str | None = None
    target_side: str | None = None
    # positions in doc._.claims of the claim this one restates, and of the total it is part of
    restates: int | None = None
    part_of: int | None = None
    background: bool = False
    geo: dict | None = None  # the fields of models.Geo
    # where it came from in the parse, for context passes; not part of the output
    sentence_index: int = field(default=0, repr=False)
    verb_index: int | None = field(default=None, repr=False)
    paragraph: int = field(default=0, repr=False)
    date_origin: int | None = field(default=None, repr=False)  # the sentence its date expression is in
    noun_index: int | None = field(default=None, repr=False)  # the counted noun
    definite: bool = field(
        default=False, repr=False
    )  # "the two individuals": may name what was counted before
    member: bool = field(default=False, repr=False)  # "the second facilitator": one of a group counted before
    flown_by: str | None = field(default=None, repr=False)  # the aircraft counted as sorties are their actor
    own_place: str | None = field(default=None, repr=False)  # named in its own sentence, before any carried
    qualifiers: frozenset[str] = field(default=frozenset(), repr=False)  # "ALLEGED": kept, with its cue


@dataclass(frozen=True)
class VerbSense:
    thing: str | None
    person: str | None
    particle: str | None = None
    subject_counted: bool = False
    subject_loses: bool = False


@dataclass(frozen=True)
class ClaimVocabulary:
    verbs: dict[str, VerbSense]
    nominalizations: dict[str, str]
    result_words: dict[str, str | None]
    result_phrases: dict[tuple[str, str], str]
    sortie_nouns: frozenset[str]
    strike_nouns: frozenset[str]
    strike_verbs: frozenset[str]
    person_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    not_counted_nouns: frozenset[str]
    indefinite_subjects: frozenset[str]
    achieving_verbs: frozenset[str]
    person_pronouns: frozenset[str]
    armed_bodies: frozenset[str]
    launch_verbs: frozenset[str]
    amount_verbs: frozenset[str]
    repelling_verbs: frozenset[str]
    attack_verbs: frozenset[str]
    aircraft_nouns: frozenset[str]
    unit_nouns: frozenset[str]
    flight_verbs: frozenset[str]
    means_prepositions: frozenset[str]
    cause_nouns: frozenset[str]
    result_verbs: dict[str, str | None]
    operation_nouns: frozenset[str]
    loss_nouns: dict[str, str]
    idiom_nouns: dict[str, frozenset[str]]

    @classmethod
    def from_data(cls) -> ClaimVocabulary:
        data = load_data("claim_terms")
        src = "claim_terms.json"
        # WordNet's claim verbs first; the hand entries (claim_terms.json) are exceptions that override them
        verbs = {lemma: VerbSense(thing, person) for lemma, (thing, person) in derived_verbs().items()}
        for lemma, entry in require(data, "verbs", dict, src).items():
            verbs[lemma] = VerbSense(
                thing=entry.get("thing"),
                person=entry.get("person"),
                particle=entry.get("particle"),
                subject_counted=bool(entry.get("subject_counted", False)),
                subject_loses=bool(entry.get("subject_loses", False)),
            )
        return cls(
            verbs=verbs,
            nominalizations=require(data, "nominalizations", dict, src),
            result_words=require(data, "result_words", dict, src),
            result_phrases={
                tuple(k.split(maxsplit=1)) if " " in k else ("", k): v
                for k, v in require(data, "result_phrases", dict, src).items()
            },
            sortie_nouns=frozenset(require(data, "sortie_nouns", list, src)),
            strike_nouns=frozenset(require(data, "strike_nouns", list, src)),
            strike_verbs=frozenset(require(data, "strike_verbs", list, src)),
            person_nouns=frozenset(require(data, "person_nouns", list, src)) | derived_person_nouns(),
            reporting_verbs=frozenset(require(data, "reporting_verbs", list, src)),
            not_counted_nouns=frozenset(require(data, "not_counted_nouns", list, src)),
            indefinite_subjects=frozenset(require(data, "indefinite_subjects", list, src)),
            achieving_verbs=frozenset(require(data, "achieving_verbs", list, src)),
            person_pronouns=frozenset(require(data, "person_pronouns", list, src)),
            armed_bodies=frozenset(require(data, "armed_bodies", list, src)),
            launch_verbs=frozenset(require(data, "launch_verbs", list, src)),
            amount_verbs=frozenset(require(data, "amount_verbs", list, src)),
            repelling_verbs=frozenset(require(data, "repelling_verbs", list, src)),
            attack_verbs=frozenset(require(data, "attack_verbs", list, src)),
            aircraft_nouns=frozenset(require(data, "aircraft_nouns", list, src)),
            unit_nouns=frozenset(require(data, "unit_nouns", list, src)),
            flight_verbs=frozenset(require(data, "flight_verbs", list, src)),
            means_prepositions=frozenset(require(data, "means_prepositions", list, src)),
            cause_nouns=frozenset(require(data, "cause_nouns", list, src)),
            result_verbs=require(data, "result_verbs", dict, src),
            operation_nouns=frozenset(require(data, "operation_nouns", list, src)),
            loss_nouns=require(data, "loss_nouns", dict, src),
            idiom_nouns={k: frozenset(v) for k, v in require(data, "idiom_nouns", dict, src).items()},
        )


@lru_cache(maxsize=1)
def claim_vocabulary() -> ClaimVocabulary:
    return ClaimVocabulary.from_data()


class ClaimFinder:
    """Reads the numbers, dates and speakers found before it and leaves `doc._.claims`."""

    def __init__(self, nlp: Language, name: str = "briefing_claims"):
        self.name = name
        self.vocab = claim_vocabulary()
        self.taxonomy = target_taxonomy()
        register_document_extensions()
        if not Doc.has_extension("claims"):
            Doc.set_extension("claims", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc, self.vocab, self.taxonomy)
        return doc


# ---------------------------------------------------------------------------------------------------------
# reading the counted thing and its verb


def _lemma(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def is_person(token: Token, vocab: ClaimVocabulary) -> bool:
    """A noun that counts people ("militants", "Daesh fighters", "civilians")."""
    lemma = _lemma(token)
    if (
        lemma in vocab.person_nouns
        or token.lower_ in vocab.person_nouns
        or _word_lemma(token.lower_) in vocab.person_nouns
    ):
        return True
    if token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS"):
        return True  # "32 Cubans": a nationality in the plural counts people
    return token.ent_type_ == "PERSON" and token.pos_ == "PROPN"


def _claim_word_mask(doc: Doc, vocab: ClaimVocabulary) -> numpy.ndarray:
    """Which tokens are claim verbs, their nominalizations or strike nouns: a sentence with none of them
    holds no claim without a figure, and the search for one is skipped."""
    words = word_hashes(frozenset((*vocab.verbs, *vocab.nominalizations, *vocab.strike_nouns)))
    lemmas, lowers = doc.to_array([LEMMA, LOWER]).T
    return members(lemmas, words) | members(lowers, words)


def _singular_candidates(doc: Doc) -> list[int]:
    """The nouns `_singular_reading` does not turn away at once (nominal, no modifier of another noun, no
    date, place or nationality), in order, found once per document from its arrays."""
    found = doc.user_data.get(SINGULAR_CANDIDATES_KEY)
    if found is None:
        pos, tag, deps, entity_types, upper, alpha = doc.to_array(
            [POS, TAG, DEP, ENT_TYPE, IS_UPPER, IS_ALPHA]
        ).T
        nominal = members(pos, NOMINAL_POS) | members(tag, word_hashes(NOMINAL_TAGS))
        nominal |= (upper & alpha).astype(bool) & members(deps, word_hashes(ARGUMENT_DEPS))
        modifier = members(deps, word_hashes(MODIFIER_DEPS))
        uncounted = members(entity_types, word_hashes(UNCOUNTED_ENTITIES))
        found = doc.user_data[SINGULAR_CANDIDATES_KEY] = numpy.flatnonzero(
            nominal & ~modifier & ~uncounted
        ).tolist()
    return found


def _is_nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.tag_ in NOMINAL_TAGS or _acronym(token)


def _acronym(token: Token) -> bool:
    """A word in capitals in a noun's place, whatever its tag: the small model reads "destroyed an ISIL
    VBIED" with "VBIED" as a participle."""
    return token.is_upper and token.is_alpha and len(token) > 1 and token.dep_ in ARGUMENT_DEPS


def counted_noun(doc: Doc, core_start: int, core_end: int) -> Token | None:
    """The noun a figure counts: its parse head when that is a noun to its right, else the last noun of the
    nominal run right after it (the small model often attaches "6" to the first of several nouns)."""
    last = doc[core_end - 1]
    sentence_end = sentence_bounds(last.doc, last.i)[1]
    run_end = core_end
    while run_end < sentence_end:
        token = doc[run_end]
        if _is_nominal(token) or token.pos_ in ("ADJ", "PART") and token.dep_ in ("amod", "compound", "case"):
            run_end += 1
            continue
        if token.tag_ in ("VBN", "VBG") and token.dep_ in ("amod", "compound") and token.head.i > token.i:
            run_end += 1
            continue
        if _participle_in_compound(doc, run_end, core_start, sentence_end):
            run_end += 1  # "four rocket propelled grenade systems", parsed with "propelled" as a verb
            continue
        if token.text in ("-", "/") and run_end + 1 < sentence_end and _is_nominal(doc[run_end + 1]):
            run_end += 1
            continue
        if DESIGNATION.fullmatch(token.text):
            run_end += 1  # "four F-16 jets", "3 T-72 tanks"
            continue
        if token.text in ("(", "[") and run_end + 2 < sentence_end:
            # "Islamic State (IS) jihadists", "80 [Daesh] fighters"
            close = next(
                (j for j in range(run_end + 1, min(run_end + 5, sentence_end)) if doc[j].text in (")", "]")),
                None,
            )
            if (
                close is not None
                and close + 1 < sentence_end
                and (_is_nominal(doc[close + 1]) or doc[close + 1].pos_ == "ADJ")
            ):
                run_end = close + 1
                continue
        if (
            token.lower_ == "and"
            and run_end > core_end
            and doc[run_end - 1].dep_ in ("compound", "amod", "nmod")
        ):
            if doc[run_end - 1].head.i > run_end:  # "command and communication posts"
                run_end += 1
                continue
        break
    head = last.head
    if head.i >= core_end and _is_nominal(head) and head.i < run_end and not DESIGNATION.fullmatch(head.text):
        # the parse head may still be a modifier of a later noun in the run
        while head.head.i > head.i and head.head.i < run_end and _is_nominal(head.head):
            head = head.head
        if head.i + 1 < run_end and _participle_in_compound(doc, head.i + 1, core_start, run_end + 1):
            return next(doc[i] for i in range(run_end - 1, head.i, -1) if doc[i].tag_ == "NNS")
        return head
    if run_end > core_end:
        for i in range(run_end - 1, core_end - 1, -1):
            if _is_nominal(doc[i]):
                return doc[i]
        # "two F-16 and two A-10 jets": a designation standing for the noun it modifies
        designation = doc[core_end]
        if DESIGNATION.fullmatch(designation.text) and _is_nominal(designation.head):
            if designation.head.i > designation.i:
                return designation.head
    if _is_nominal(head) and head.i > core_end and head.i - core_end <= 3:
        return head
    if (
        _is_nominal(head)
        and head.i > core_end
        and all(core_end <= t.head.i <= head.i for t in doc[core_end : head.i])
    ):
        return head  # "two 19-year-old soldiers": all between the figure and its noun modifies the noun
    return None


def _participle_in_compound(doc: Doc, i: int, core_start: int, sentence_end: int) -> bool:
    """A participle inside a compound noun counted in the plural ("four rocket propelled grenade systems"):
    it follows a singular noun and comes before the plural noun the figure agrees with."""
    if doc[i].tag_ not in ("VBN", "VBG", "VBD") or i + 1 >= sentence_end or doc[i - 1].tag_ != "NN":
        return False
    if doc[core_start].lower_ in ONE_WORDS or doc[core_start].text == "1":
        return False
    after = i + 1
    while after < sentence_end and doc[after].tag_ == "NN":
        after += 1
    return after < sentence_end and doc[after].tag_ == "NNS"


def _phrase_start(doc: Doc, noun: Token, floor: int) -> int:
    """The first token of the modifiers before `noun` (adjectives, compounds), not before `floor`."""
    start = noun.i
    while start - 1 >= floor:
        token = doc[start - 1]
        if token.dep_ in ("compound", "amod", "nmod", "poss", "case") or _is_nominal(token):
            start -= 1
            continue
        if token.text in ("-", "/") and start - 2 >= floor:
            start -= 1
            continue
        if token.lower_ == "and" and start - 2 >= floor and doc[start - 2].head.i >= start:
            start -= 1
            continue
        break
    return start


def _coordinated_nouns(noun: Token) -> list[Token]:
    """Nouns joined to `noun` that have no count of their own ("warehouses and fuel depots")."""
    joined = []
    for child in noun.children:
        if child.dep_ == "conj" and _is_nominal(child) and not _has_count(child):
            joined.append(child)
            joined.extend(_coordinated_nouns(child))
    return joined


def _has_count(noun: Token) -> bool:
    return any(c.dep_ == "nummod" or c.like_num for c in noun.children) or any(
        c.lower_ in ("a", "an", "one") and c.dep_ == "det" for c in noun.children
    )


def category_extent(doc: Doc, first: int, noun: Token) -> tuple[int, int]:
    """The token range of what is counted, as worded, starting at `first` and ending at the head noun or
    the last coordinated noun without a count of its own."""
    end = noun.i + 1
    for joined in _coordinated_nouns(noun):
        if joined.i + 1 > end and joined.i - end <= 4:
            end = joined.i + 1
    return past_age(doc, first, noun.i), end


ONE_WORDS = frozenset(
    word
    for key in ("small_numbers", "number_words")
    for word, value in require(load_data("numbers"), key, dict, "numbers.json").items()
    if value == 1
)
AGE_UNITS = frozenset(require(load_data("numbers"), "time_units", list, "numbers.json"))
AGE_AFTER = frozenset(require(load_data("numbers"), "age_after", list, "numbers.json"))


def opens_age(doc: Doc, i: int) -> bool:
    """Whether token i is the figure of an age: "19-year-old", "12 years old"."""
    words = [t.lower_ for t in doc[i + 1 : i + 5] if t.text != "-"]
    return doc[i].like_num and len(words) >= 2 and words[0].rstrip("s") in AGE_UNITS and words[1] in AGE_AFTER


def past_age(doc: Doc, first: int, noun_index: int) -> int:
    """`first`, or the token after an age among the words before the noun: an age says who was counted, not
    what ("two 19-year-old soldiers" counts soldiers)."""
    for i in range(noun_index - 1, first, -1):
        words = [t.lower_ for t in doc[first:i] if t.text != "-"]
        if doc[i].lower_ in AGE_AFTER and words and words[-1].rstrip("s") in AGE_UNITS:
            if any(t.like_num for t in doc[max(first - 1, 0) : i]):
                return i + 1
    return first


def _named_anew(noun: Token) -> bool:
    """Not "the militants", "these fighters": people or things not spoken of before."""
    doc = noun.doc
    sentence_start = sentence_bounds(doc, noun.i)[0]
    if noun.i <= sentence_start:
        return True
    return doc[_phrase_start(doc, noun, sentence_start) - 1].lower_ not in ("the", "these", "those")


def _in_headline(noun: Token) -> bool:
    """A noun in a top headline in the present tense ("Russia says 62 troops killed")."""
    sentence_start = sentence_bounds(noun.doc, noun.i)[0]
    return at_top(noun.doc, noun.doc[sentence_start].idx) and noun.head.tag_ in ("VBZ", "VBP")


def governing_verb(noun: Token, vocab: ClaimVocabulary) -> tuple[Token | None, str]:
    """The verb (or nominalization) whose object or subject `noun` is, and how: "object", "subject",
    "passive", "result", "nominal", or "instrument" (the drones of "attacked with 87 drones")."""
    # "a weapons operative captured by U.S. forces": a reduced passive relative over a noun named anew (not
    # "the militants killed in the offensive", who were counted before, nor a headline's "Russia says 62
    # troops killed")
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i > noun.i and _lemma(child) in vocab.verbs:
            if _named_anew(noun) and not _in_headline(noun):
                return child, "passive"
    strike_acting = _acting_strike_verb(noun, vocab)
    if strike_acting is not None:
        return strike_acting, "subject"
    token = noun
    for _ in range(6):
        dep = token.dep_
        head = token.head
        if token.i == head.i:
            break
        # "some Tunisians, a Jordanian and two women were among the dead": a nationality stands as a noun
        noun_like = (
            _is_nominal(head) or head.pos_ == "ADJ" and head.dep_ in ("appos", "conj", "nsubj", "dobj")
        )
        if dep in ("conj", "appos") and noun_like:
            token = head
            continue
        if dep in ("dobj", "obj", "attr", "oprd", "dative"):
            reported = _reported_passive(head, vocab)
            if reported is not None:
                return reported, "passive"
            return head, "object"
        if dep == "nsubjpass":
            return head, "passive"
        if dep in ("nsubj",):
            return head, "subject"
        if dep == "pobj":
            prep = head
            body = _misparsed_body(token, vocab)
            if body is not None:
                token = body
                continue
            if prep.lower_ in ("of",) and _lemma(prep.head) in vocab.nominalizations:
                if _idiom_holds(prep.head, vocab):
                    return prep.head, "nominal"
            along = prep.lower_ == "with" and (
                prep.head.lower_ in ("along", "together")
                or _is_nominal(prep.head)
                and is_person(token, vocab)
            )
            if prep.lower_ in ("including", "among", "of", "like", "such", "plus") or along:
                token = prep.head
                while token.dep_ == "prep" and token.head.i != token.i:  # "along with", "as well as"
                    token = token.head
                if token.pos_ in ("VERB", "AUX"):
                    return token, "object"
                continue
            if prep.lower_ in ("on", "against", "at") and _lemma(prep.head) in vocab.strike_nouns:
                return prep.head, "nominal"
            if prep.lower_ == "with" and prep.head.pos_ == "VERB" and _lemma(prep.head) in vocab.attack_verbs:
                if _lemma(token) in vocab.strike_nouns:
                    return prep.head, "instrument"  # "attacked Ukraine with 87 drones": strikes made
            if prep.lower_ == "to" and _lemma(prep.head) in vocab.amount_verbs:
                # "Ukrainian losses amounted to 1,200 servicemen": the losses are the verb of the count
                losses = [
                    c for c in prep.head.children if c.dep_ == "nsubj" and _lemma(c) in vocab.nominalizations
                ]
                if losses:
                    return losses[0], "nominal"
            if (
                prep.dep_ == "prep"
                and prep.head.pos_ in ("VERB", "AUX")
                and prep.lower_ in ("on", "at", "against")
                # "fired at a convoy" names what was hit; "were destroyed at the depot" where they were
                and not any(c.dep_ in ("dobj", "nsubjpass") for c in prep.head.children)
            ):
                return prep.head, "object"
            if prep.lower_ in ("in", "during") and prep.head.pos_ == "VERB":
                return prep.head, "means"
            break
        if dep == "npadvmod" and token.like_num and head.pos_ == "VERB" and _lemma(head) in vocab.verbs:
            return head, "object"  # "shot down 23 of 31 drones": a figure the parser hung on the verb loosely
        if dep in ("nummod", "compound", "amod", "npadvmod", "dep", "nmod"):
            token = head
            continue
        if dep in ("acl", "relcl", "advcl", "ccomp", "xcomp", "ROOT", "conj"):
            break
        break
    return None, ""


def _relative_clause_verb(noun: Token, vocab: ClaimVocabulary) -> tuple[Token, str] | None:
    """ "listed 12 tanks that the jets destroyed", "12 tanks which were destroyed": a claim verb in a
    relative clause whose pronoun stands for the counted noun, when the noun's own verb claims nothing."""
    if _lemma(noun.head) in vocab.verbs:
        return None
    for clause in noun.children:
        if clause.dep_ != "relcl" or _lemma(clause) not in vocab.verbs:
            continue
        for pronoun in clause.children:
            if pronoun.tag_ in ("WDT", "WP") and pronoun.dep_ in ("dobj", "nsubjpass"):
                return clause, "object" if pronoun.dep_ == "dobj" else "passive"


def _bare_figure(doc: Doc, span: Span) -> bool:
    """A figure in a run of figures ("Share (200) 0 38"), or one an article parts from the noun after it
    ("38 A US missile strike"): page furniture such as share and comment counts, no count of a thing."""
    if span.end >= len(doc) or doc[span.end].is_sent_start:
        return False
    after = doc[span.end]
    if after.like_num and not after.is_punct:
        return not opens_age(doc, after.i)  # "two 19-year-old soldiers" counts the soldiers
    return after.tag_ == "DT" and after.dep_ == "det" and after.head.i > after.i and after.is_title


def _counts_a_source(verb: Token, vocab: ClaimVocabulary) -> bool:
    """A reporting verb whose subject is who speaks ("one official said the strikes ..."), not one that
    reports its subject's fate ("70 people reported killed")."""
    if _lemma(verb) not in vocab.reporting_verbs:
        return False
    return not any(
        c.dep_ in ("acomp", "oprd", "xcomp") and (c.lower_ in vocab.result_words or _lemma(c) in vocab.verbs)
        for c in verb.children
    )


def _idiom_holds(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A noun that is a claim only inside an idiom is so there: "claimed the lives of", not "saved the lives
    of"; other nominalizations always hold."""
    verbs = vocab.idiom_nouns.get(_lemma(noun))
    return verbs is None or noun.dep_ in ("dobj", "nsubjpass") and _lemma(noun.head) in verbs


def _subject_of_clause(noun: Token) -> bool:
    """The noun, or the noun it stands beside or is joined to, is a subject: "Near Hayat, one strike, struck
    a unit" (the strike read as in apposition to the place)."""
    token = noun
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj"


def _acting_strike_verb(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "Near Ramadi, an airstrike destroyed four caches": the small model reads the strike as an apposition
    to the place, with the verb that has an object of its own hung on it as a reduced relative; the strike
    is that verb's subject."""
    if _lemma(noun) not in vocab.strike_nouns or noun.dep_ in (
        "dobj",
        "pobj",
        "nsubjpass",
        "compound",
        "conj",
    ):
        return None  # "struck an ISIL rocket firing position": a weapon named inside what was hit
    for child in noun.children:
        if (
            child.dep_ == "acl"
            and child.i > noun.i
            and child.tag_ in ("VBD", "VBG")
            and (_lemma(child) in vocab.verbs or _lemma(child) in vocab.strike_verbs)
            and any(c.dep_ == "dobj" for c in child.children)
        ):
            return child
    return None


def shared_subject_verb(verb: Token, relation: str, vocab: ClaimVocabulary) -> tuple[Token, str]:
    """For the subject of a verb that claims nothing, a claim verb joined to it that shares the subject:
    "several insurgents presented a threat and were killed"."""
    if _lemma(verb) in vocab.verbs or _lemma(verb) in vocab.strike_verbs:
        return verb, relation
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _lemma(child) in vocab.verbs:
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                passive = any(c.dep_ == "auxpass" for c in child.children)
                return child, "passive" if passive else "subject"
    return verb, relation


def clause_result(verb: Token, vocab: ClaimVocabulary, anchor: Token | None = None) -> str | None:
    """An effect the clause states with a result word rather than a verb: "had been confirmed dead", "were
    among the dead", "left one person dead and 27 injured" (the word nearest after `anchor` wins)."""
    found: list[tuple[Token, str]] = []
    for child in verb.children:
        if (
            child.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "dobj")
            and child.lower_ in vocab.result_words
        ):
            found.append((child, vocab.result_words[child.lower_]))
        if child.dep_ == "prep":
            for grandchild in child.children:
                if grandchild.dep_ != "pobj":
                    continue
                if child.lower_ == "among" and grandchild.lower_ in vocab.result_words:
                    found.append((grandchild, vocab.result_words[grandchild.lower_]))
                elif child.lower_ == "among" and _result_effect(grandchild, vocab) is not None:
                    # "among the targets destroyed were 12 command posts"
                    found.append((grandchild, _result_effect(grandchild, vocab)))
                # "were taken into custody", "are held in custody"
                if (child.lower_, grandchild.lower_) in vocab.result_phrases:
                    found.append((grandchild, vocab.result_phrases[(child.lower_, grandchild.lower_)]))
        if child.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and _lemma(verb) == "leave":
            for grandchild in child.subtree:
                if grandchild.lower_ in vocab.result_words and grandchild.i != child.i:
                    found.append((grandchild, vocab.result_words[grandchild.lower_]))
    found = [(t, e) for t, e in found if e is not None]
    if not found:
        return None
    if anchor is None:
        return found[0][1]
    after = [(t, e) for t, e in found if t.i > anchor.i]
    return min(after or found, key=lambda pair: abs(pair[0].i - anchor.i))[1]


def _result_effect(noun: Token, vocab: ClaimVocabulary) -> str | None:
    """An effect stated by a participle or adjective on the noun: "304 militants killed", "27 injured"."""
    for child in noun.children:
        if child.dep_ in ("acl", "amod", "relcl", "oprd", "xcomp") and child.lower_ in vocab.result_words:
            return vocab.result_words[child.lower_]
    return None


def _reported_passive(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """ "The army announced a leader ... was killed": the small model takes the leader for what was announced
    and hangs "was killed" on "announced" with no subject; the passive verb is the one over the leader."""
    if _lemma(verb) not in vocab.reporting_verbs:
        return None
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in child.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            return child
    return None


def verb_effect(verb: Token, person: bool, vocab: ClaimVocabulary) -> tuple[bool, str | None]:
    """(whether the verb is a military claim verb, the effect it gives)."""
    lemma = _lemma(verb)
    if lemma in vocab.nominalizations:
        lemma = vocab.nominalizations[lemma]
    sense = vocab.verbs.get(lemma)
    if sense is None:
        return False, None
    # the small model tags the particle of "shot down 23 of 31 drones" as an adverb as often as not
    if sense.particle and not any(
        c.lower_ == sense.particle and (c.dep_ == "prt" or c.dep_ == "advmod" and c.i == verb.i + 1)
        for c in verb.children
    ):
        if lemma in ("shoot", "take", "knock", "blow"):
            if lemma == "shoot":
                return True, "killed" if person else "hit"
            return False, None
    return True, sense.person if person else sense.thing


def _mixed_effects(verb: Token | None, person: bool, vocab: ClaimVocabulary) -> bool:
    """Whether the verb stands in an "or" with a verb of another effect: "killed or captured", "were killed
    or wounded"."""
    if verb is None:
        return False
    first = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else verb
    joiners = {c.lower_ for c in first.children if c.dep_ == "cc"}
    # "killing and injuring many of them": one object shared, no one effect; "killed 5 and wounded 7" has two
    shared = "and" in joiners and not any(c.dep_ in ("dobj", "nsubjpass") for c in first.children)
    if not (joiners & {"or", "and/or"} or shared):
        return False
    members = [first, *(c for c in first.children if c.dep_ == "conj")]
    effects = {verb_effect(m, person, vocab)[1] for m in members if _lemma(m) in vocab.verbs}
    effects |= {vocab.result_words.get(m.lower_) for m in members if m.lower_ in vocab.result_words}
    return len(effects - {None}) > 1


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _hypothetical(verb: Token, vocab: ClaimVocabulary) -> bool:
    """Not a thing done: by nobody in particular ("someone is destroying the infrastructure"), or only
    intended ("the force went to arrest a Taliban leader", "plans to capture"), unless achieved ("managed to
    destroy")."""
    if any(c.dep_ == "nsubj" and c.lower_ in vocab.indefinite_subjects for c in verb.children):
        return True
    infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if infinitive and verb.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
        return not _achieving(verb.head, vocab)
    return False


def _achieving(head: Token, vocab: ClaimVocabulary) -> bool:
    """A verb or adjective of achieving, whose subject did what its complement says: "managed to destroy",
    "went on to destroy", "were able to destroy", "succeeded in destroying". Its entries in the data may
    carry a particle ("go on") or be an adjective after "be" ("be able")."""
    lemma = _lemma(head)
    forms = {lemma, *(f"{lemma} {c.lower_}" for c in head.children if c.dep_ == "prt")}
    if head.pos_ == "ADJ":
        forms.add(f"be {lemma}")
    return not forms.isdisjoint(vocab.achieving_verbs)


def _controller(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """The word of achieving a complement hangs on, directly ("managed to destroy") or through its
    preposition ("succeeded in destroying", "were responsible for destroying")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("xcomp", "advcl"):
        return None
    return head if head.i != verb.i and _achieving(head, vocab) else None


# ---------------------------------------------------------------------------------------------------------
# context: actor, location, date, speaker


def _phrase_text(doc: Doc, token: Token) -> tuple[int, int]:
    """A noun phrase's token range: its subtree without trailing relative clauses, capped in length."""
    left, right = token.left_edge.i, token.i + 1
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "appos", "advcl") or child.text in (",", "(", ";"):
            break
        if child.dep_ == "prep" and child.lower_ not in ("of", "from"):
            break
        right = child.right_edge.i + 1
    while left < token.i and doc[left].dep_ in ("det", "punct", "cc") and doc[left].lower_ not in ("the",):
        left += 1
    # "On May 2 Turkish forces struck": a named day the parser ran into the phrase is no part of it (but
    # "a four-day operation" and "last week's attacks" keep theirs)
    day_end = left
    while day_end < token.i and doc[day_end].ent_type_ == "DATE" and token.ent_type_ != "DATE":
        day_end += 1
    if day_end > left and any(doc[k].tag_ == "NNP" for k in range(left, day_end)):
        if doc[day_end].dep_ != "case":
            left = day_end
    right = min(right, left + MAX_PHRASE_TOKENS)
    while right > token.i + 1 and doc[right - 1].is_punct:
        right -= 1
    return left, right


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:-\u2013\u2014\"'\u201c\u201d")


def find_actor(verb: Token | None, vocab: ClaimVocabulary, last_actor: str | None) -> str | None:
    """Who carried the action out: the active subject of a military verb, the passive agent, the strike a
    casualty was "killed in", or through "they" the last actor named before."""
    token = verb
    # "coalition forces returned fire, killing one insurgent": who does the killing is the subject of the
    # verb the participle hangs on, whatever that verb means
    from_participle = False
    controlled = False
    for _ in range(5):
        if token is None:
            return None
        controller = _controller(token, vocab)
        if controller is not None:
            # "managed to destroy", "were able to destroy": who achieved it did it
            token, controlled = _predicate_of(controller), True
            if token.dep_ == "amod" and _is_nominal(token.head):
                return _head_phrase(token.head)  # "a terrorist responsible for killing two soldiers"
        lemma = _lemma(token)
        if lemma in vocab.reporting_verbs:
            return None
        agent = _passive_agent(token, vocab) or _passive_attacker_when(token, vocab)
        if agent is not None:
            return _actor_phrase(agent)
        if lemma in vocab.nominalizations and _by_whom(token) is not None:
            return _actor_phrase(_by_whom(token))  # "the destruction of 12 tanks by Turkish jets"
        if lemma in vocab.nominalizations and _result_clause_verb(token, vocab) is not None:
            # "air strikes resulted in the deaths of 12 soldiers": what brought the result about acted
            token, controlled = _result_clause_verb(token, vocab), True
            lemma = _lemma(token)
        acting = (
            lemma in vocab.verbs
            or lemma in vocab.strike_verbs
            or lemma in vocab.nominalizations
            or lemma in vocab.attack_verbs
        )
        # "two women were among the dead": the subject of "be" is what the claim counts, never its actor;
        # but "they were able to destroy": the subject of whoever achieved it
        acting = (acting or from_participle) and lemma != "be" or controlled
        orphan = _orphan_participle(token)
        sense = vocab.verbs.get(lemma)
        if sense is not None and (sense.subject_loses or sense.subject_counted):
            # "the enemy lost up to 90 personnel": whose loss, not who inflicted it; "lost some positions to
            # Azerbaijan's army": the winner; "died in Turkish air strikes": the strikes they died in
            winners = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
            winners = [g for g in winners if g.dep_ == "pobj" and _is_nominal(g)]
            if winners:
                return _actor_phrase(winners[0])
            attacker = _attacker_when(token, vocab)
            return _actor_phrase(attacker) if attacker is not None else _means_of(token, vocab)
        if controlled and _clause_relative(token):
            # "ambushed the insurgents, which resulted in the deaths of five fighters": the ambush did
            token = token.head.head
            continue
        for child in [] if orphan else _subjects_first_named(token):
            if child.dep_ == "nsubj" and acting and _lemma(child) not in vocab.nominalizations:
                if child.lower_ in ("which", "that", "who") and token.dep_ == "relcl":
                    if from_participle:
                        return None  # "targeted a leader who operates there, detaining 20": a misread clause
                    return _relative_antecedent(token.head, vocab)
                if child.lower_ in PRONOUNS:
                    if child.lower_ in ("it", "they"):
                        return _reporting_subject(token, vocab) or last_actor
                    return None
                if _is_nominal(child):
                    # "the quick action by Afghan forces eliminated ...": who acted, not the action
                    return _actor_phrase(_by_whom(child) or child)
        if acting and token.dep_ == "acl" and token.tag_ == "VBD" and _is_nominal(token.head):
            # "In Nahr-e Saraj district, ..., a coalition patrol killed three insurgents": a finite verb the
            # parser hung on the noun before it has that noun for its subject
            return _actor_phrase(token.head)
        fronted = _subject_in_fronted_place(token) if acting and not orphan else None
        if fronted is not None:
            return _actor_phrase(fronted)
        run_in = _subject_after_a_source(token) if acting and not orphan else None
        if run_in is not None:
            return run_in
        means = _means_of(token, vocab)
        if means is not None:
            return means
        if (token.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") or orphan) and token.head.i != token.i:
            from_participle = (
                token.dep_ in ("advcl", "ccomp", "acl", "pcomp")
                and token.tag_ == "VBG"
                and _lemma(token) in vocab.verbs
            )
            token = token.head
            if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
                token = token.head  # "took control of the town after killing 100 terrorists": who took it
            # "struck emplacements ..., killing 50": from the noun a participle hangs on, to its verb
            while (
                _is_nominal(token)
                and token.head.i != token.i
                and token.dep_ in ("dobj", "pobj", "prep", "conj")
            ):
                token = token.head
            continue
        return None
    return None


def _passive_agent(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """The by-phrase of a passive verb, or of a claim verb joined to it that shares its subject ("were hit
    and destroyed by Turkish jets"; not "were shot down and three tanks were hit by artillery")."""
    shared = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.tag_ == "VBN"
        and verb_effect(c, False, vocab)[0]
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    for candidate in [verb, *shared]:
        for child in candidate.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
    return None


def _attacker_when(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    """Who attacked in a clause that says when the loss came: "13 guards died when a Russian vessel shelled
    the island", "were killed when jets struck their convoy"."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or _lemma(clause) not in vocab.attack_verbs:
            continue
        if not any(c.tag_ == "WRB" and c.dep_ == "advmod" for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and _is_nominal(c)]
        if subjects:
            return subjects[0]
    return None


def _passive_attacker_when(verb: Token, vocab: ClaimVocabulary) -> Token | None:
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return _attacker_when(verb, vocab) if passive else None


def _predicate_of(word: Token) -> Token:
    """The verb that carries the subject of a predicate adjective ("were able"), else the word itself."""
    return word.head if word.dep_ == "acomp" and word.head.i != word.i else word


def _subject_in_fronted_place(verb: Token) -> Token | None:
    """The subject the parser joined to an opening place phrase when the verb has none of its own: "In
    Kandahar City, Afghan and coalition forces detained ..." read as one list of places."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for prep in verb.lefts:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            for member in place.conjuncts:
                after_comma = member.left_edge.i > 0 and member.doc[member.left_edge.i - 1].text == ","
                if member.i > place.i and after_comma and not _place_word(member) and not _is_place(member):
                    return member
    return None


def _subject_after_a_source(verb: Token) -> str | None:
    """The subject run into an opening source when commas were stripped: "According to a Turkish General
    Staff statement artillery fire and air operations killed 55 militants"."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    report_nouns = speaker_vocabulary().report_nouns
    for according in verb.lefts:
        if according.lower_ != "according":
            continue
        objects = [
            g for to in according.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"
        ]
        if not objects:
            return None
        phrase = objects[0]
        report = next((t for t in phrase.subtree if t.lower_ in report_nouns and t.i < phrase.i), None)
        if report is None:
            return None
        return _clean(phrase.doc[report.i + 1 : phrase.right_edge.i + 1].text) or None
    return None


def _orphan_participle(verb: Token) -> bool:
    """A participle with no auxiliary hung on another verb ("struck gun emplacements ... killing 50",
    "returned fire killing him"): a subject the parser gives it is the other verb's object misread."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "ccomp")
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _reporting_subject(verb: Token, vocab: ClaimVocabulary) -> str | None:
    """Who "it" or "they" is in "the United States believes it killed ...", "Kurdish-led forces said they
    captured ...": the country or armed body that is the subject of the verb of saying or believing the
    clause hangs on."""
    if verb.dep_ != "ccomp":
        return None
    for child in verb.head.children:
        if child.dep_ != "nsubj" or not _is_nominal(child) or _names_a_person(child):
            continue
        if child.ent_type_ in ("GPE", "ORG", "NORP") or _lemma(child) in vocab.armed_bodies:
            return _text_of(child)
    return None


def _names_a_person(token: Token) -> bool:
    """Whether the speaker finder took the phrase for a person ("Lieutenant General Pavel Orlov", which the
    small model may tag as an organization)."""
    return any(
        speaker.kind == "person" and start <= token.idx < end
        for speaker in token.doc._.speakers or ()
        for start, end in speaker.mentions
    )


def _relative_antecedent(noun: Token, vocab: ClaimVocabulary) -> str | None:
    """What "which" stands for in "an earlier strike on the outskirts of Albu Kamal which destroyed ...": the
    noun the clause hangs on, or, when the parse hung it on a place, the strike that place belongs to."""
    for candidate in [noun, *noun.ancestors][:5]:
        if _names_strikes(candidate, vocab):
            return _text_of(candidate)
    if noun.ent_type_ in PLACE_ENTITIES or noun.lower_ in AREA_WORDS:
        return None
    return _text_of(noun) if _is_nominal(noun) else None


def _means_of(verb: Token, vocab: ClaimVocabulary) -> str | None:
    """The strike named as the means: "killed in a U.S. strike", "injured in these strikes" (also when the
    phrase hangs on a verb joined to this one: "were killed and 100 injured in these strikes")."""
    verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for candidate in verbs:
        for child in candidate.children:
            if child.dep_ == "prep" and child.lower_ in vocab.means_prepositions:
                for grandchild in child.children:
                    if grandchild.dep_ == "pcomp" and _lemma(grandchild) in vocab.attack_verbs:
                        # "wounded in shelling": the attack, named by its verb and what stands before it
                        return _clean(grandchild.doc[grandchild.left_edge.i : grandchild.i + 1].text)
                    if grandchild.dep_ != "pobj":
                        continue
                    grandchild = _cause_of(grandchild, vocab)
                    if _names_strikes(grandchild, vocab):
                        # "killed in a raid by Afghan commandos": whose raid, else the raid itself
                        agent = _by_whom(grandchild)
                        return _actor_phrase(agent) if agent is not None else _text_of(grandchild)
                    # "killed during an operation by Turkish forces": whoever ran the operation
                    agent = _by_whom(grandchild)
                    if agent is not None:
                        return _actor_phrase(agent)
                    if _lemma(grandchild) in vocab.operation_nouns and strike_maker(grandchild) is not None:
                        return _head_phrase(grandchild)  # "killed in the U.S. operation": the operation
    return None


def _head_phrase(noun: Token) -> str:
    """A noun with the words before it, without what follows: "a terrorist" of "a terrorist responsible for
    killing two soldiers", "the U.S. operation" of "the U.S. operation in Caracas"."""
    return _clean(noun.doc[_phrase_text(noun.doc, noun)[0] : noun.i + 1].text)


def _clause_relative(verb: Token) -> bool:
    """A relative clause after a comma on the object of another verb, whose "which" stands for that verb's
    whole event rather than its object."""
    head = verb.head
    return (
        verb.dep_ == "relcl"
        and head.dep_ == "dobj"
        and head.head.pos_ == "VERB"
        and verb.doc[verb.left_edge.i - 1].text == ","
        and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in verb.children)
    )


def _cause_of(noun: Token, vocab: ClaimVocabulary) -> Token:
    """What "a result of" or "a consequence of" names ("died as a result of Turkish air strikes"), else the
    noun itself."""
    if _lemma(noun) not in vocab.cause_nouns:
        return noun
    causes = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return next((g for g in causes if g.dep_ == "pobj"), noun)


def _result_clause_verb(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """The verb a nominal claim is the result of: "Turkish air strikes resulted in the deaths of 12
    soldiers", "caused the destruction of 12 tanks"."""
    verb, preposition = noun.head, None
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb, preposition = verb.head, verb.lower_
    elif noun.dep_ != "dobj":
        return None
    wanted = vocab.result_verbs.get(_lemma(verb), "")
    return verb if wanted == preposition else None


def _by_whom(noun: Token) -> Token | None:
    """Who an action noun is by: "an operation by Turkish forces" -> "forces"."""
    for by in noun.children:
        if by.dep_ == "prep" and by.lower_ == "by":
            for agent in by.children:
                if agent.dep_ == "pobj" and _is_nominal(agent):
                    return agent
    return None


def _names_strikes(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A strike, or a group of them: "a U.S. strike", "a series of Russian air strikes"."""
    if _lemma(noun) in vocab.strike_nouns:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.dep_ == "pobj" and _lemma(g) in vocab.strike_nouns for g in c.children)
        for c in noun.children
    )


def strike_maker(noun: Token) -> str | None:
    """Who a strike belongs to, from its modifiers: "a U.S. strike" -> "U.S."."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            doc = noun.doc
            ent = next((e for e in entities_in(doc) if e.start <= child.i < e.end), None)
            return _clean(ent.text if ent is not None else child.text)
    return None


def _subjects_first_named(verb: Token) -> list[Token]:
    """A verb's children with a dateline city or a place the parser also made its subject put last
    ("KABUL, Afghanistan (Dec. 17) - An Afghan and coalition security force arrested", "In Charkh district,
    Logar province, a coalition force detained")."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return children
    return sorted(children, key=lambda c: c.dep_ == "nsubj" and (_dateline_city(c) or _place_word(c)))


def _dateline_city(token: Token) -> bool:
    """A city in capitals before its country: "KABUL, Afghanistan"."""
    doc = token.doc
    return (
        token.is_upper
        and token.i + 2 < len(doc)
        and doc[token.i + 1].text == ","
        and _is_place(doc[token.i + 2])
    )


def _actor_phrase(subject: Token) -> str:
    """Who a subject names, with the whole of a coordination ("a combined Afghan and coalition security
    force"). A dateline city or a place parsed as the subject ("KABUL, Afghanistan (Jan. 18) - Afghan and
    coalition forces detained", "In Andar district, Ghazni province, coalition forces killed") gives way to
    the body beside it."""
    doc = subject.doc
    if _dateline_city(subject) or _place_word(subject):
        beside = [
            c
            for c in subject.rights
            if c.dep_ in ("appos", "conj")
            and not _place_word(c)
            and c.ent_type_ != "DATE"
            # "Afghan and coalition forces" hangs on the adjective when the parser joins it to the city
            and (_is_nominal(c) or any(g.dep_ == "conj" and _is_nominal(g) for g in c.rights))
        ]
        if beside:
            subject = beside[0]
    left, right = _phrase_text(doc, subject)
    # "In Daraa province army units eliminated": a place run into the subject when commas were stripped
    units = [i for i in range(left, subject.i) if doc[i].lemma_.lower() in PLACE_UNITS and doc[i].i > left]
    if units and _name_part(doc[units[-1] - 1]):
        left = units[-1] + 1
    # "MOSCOW (Sputnik) Russia's Aerospace Forces": a dateline run into the subject is not part of it
    closers = [i for i in range(left, subject.i) if doc[i].text in (")", "-", "\u2013", "\u2014")]
    if closers and doc[left].is_upper and (_is_place(doc[left]) or _dateline_city(doc[left])):
        left = closers[-1] + 1
    member = subject
    while True:
        conjuncts = [c for c in member.rights if c.dep_ == "conj" and _is_nominal(c)]
        if not conjuncts:
            break
        member = conjuncts[0]
        right = max(right, _phrase_text(doc, member)[1])
    return _clean(doc[left:right].text)


def _place_word(token: Token) -> bool:
    """A word the model tagged as a place, or a unit of one ("province")."""
    return token.ent_type_ in PLACE_ENTITIES or token.lemma_ in PLACE_UNITS


def _text_of(token: Token) -> str:
    doc = token.doc
    left, right = _phrase_text(doc, token)
    return _clean(doc[left:right].text)


_PLACES = load_data("places")
# the words that make a phrase a place: prepositions that introduce one, units named with a proper name
# ("Andar district"), and area words that are places even without one ("the outskirts of", "an air base")
PLACE_PREPOSITIONS = frozenset(require(_PLACES, "place_prepositions", list, "places.json"))
PLACE_UNITS = frozenset(require(_PLACES, "place_units", list, "places.json"))
AREA_WORDS = frozenset(require(_PLACES, "area_words", list, "places.json"))


def _is_place(token: Token, strong: bool = False) -> bool:
    """A place name; after a strong place preposition ("near", "in the vicinity of") any capitalized name,
    even one the small model took for a person's ("near Palmyra")."""
    if token.ent_type_ in PLACE_ENTITIES:
        return True
    allowed = ("", "ORG", "PRODUCT") + (("DATE", "WORK_OF_ART", "EVENT", "PERSON") if strong else ())
    return token.pos_ == "PROPN" and token.ent_type_ in allowed and token.is_title


def _name_part(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.text in NAME_JOINERS


def _places_of(sentence: Span) -> list[Span]:
    """The places the place finder left in `sentence` that may be a claim's (not a dateline's city, a
    body's seat, a force's possessor, a count of places)."""
    doc = sentence.doc
    group = doc.spans[PLACES_GROUP] if PLACES_GROUP in doc.spans else ()
    start = _line_fragment_start(sentence)
    return [p for p in group if start <= p.start < sentence.end and p._.place_role == PLACE_ROLE_WHERE]


def _line_fragment_start(sentence: Span) -> int:
    """Where the sentence's own line item begins when the parser broke the item at a comma ("- Near Irbil" |
    ", one strike destroyed ..."): the item's opening is the sentence's too; else the sentence's start."""
    doc = sentence.doc
    text = document_text(doc)
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    before = text[line_start : sentence.start_char].rstrip()
    if not before or before.endswith(SENTENCE_ENDS):
        return sentence.start
    span = doc.char_span(line_start, sentence.start_char, alignment_mode="expand")
    if span is None or sentence_bounds(doc, span.start)[1] != sentence.start:
        return sentence.start  # more than one sentence before it on the line: a paragraph, no item
    return span.start


def find_location(sentence: Span, anchor: Token | None, vocab: ClaimVocabulary) -> str | None:
    """The most specific place named for the claim: a place phrase in the clause of `anchor`, else a place
    named in the sentence (not one that speaks or acts: "Russia says ...")."""
    doc = sentence.doc
    places = _places_of(sentence)
    phrases = [(doc[p._.place_cue], p) for p in places if p._.place_phrase]
    if (
        anchor is not None
        and anchor.tag_ == "VBG"
        and anchor.dep_ in ("advcl", "conj")
        and anchor.head.pos_ == "VERB"
    ):
        # "carried out strikes in western Libya, killing 40 people in an operation targeting a suspect
        # linked to attacks in Tunisia": a participle's figure happened where the verb it hangs on did
        anchor = anchor.head
    if phrases:
        if anchor is not None:
            clause = {t.i for t in anchor.subtree}
            in_clause = [p for p in phrases if p[0].i in clause]
            phrases = in_clause or phrases
        target = anchor.i if anchor is not None else phrases[0][0].i
        # "in Syria on the eastern bank of the Euphrates": the part of a place before the place it is in
        best = min(
            phrases,
            key=lambda p: (_clause_depth(p[0], anchor), not p[1]._.place_part, abs(p[0].i - target)),
        )[1]
        place = _clean(best.text)
        if best._.place_part:
            # "In Khost last night, a force searched a compound in the Sabari district": the part, then the
            # larger place it is in when the sentence names one
            larger = [
                _clean(ent.text)
                for _, other in phrases
                if not other._.place_part and (other.end <= best.start or other.start >= best.end)
                for ent in entities_in(doc, other.start, other.end)
                if ent.label_ in ("GPE", "LOC")
            ]
            if larger and larger[0] not in place:
                place = f"{place}, {larger[0]}"
        return place
    if not places:
        return None
    target = anchor.i if anchor is not None else places[0].start
    return _clean(min(places, key=lambda p: abs(p.start - target)).text)


def _clause_depth(token: Token, anchor: Token | None) -> int:
    """How many clauses down from the claim's verb a place phrase stands: "detained five suspects as they
    targeted a commander associated with attacks on the district center" puts the center two clauses down."""
    if anchor is None:
        return 0
    depth = 0
    for ancestor in token.ancestors:
        if ancestor.i == anchor.i:
            return depth
        if ancestor.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp"):
            depth += 1
    return depth


def pick_date(sentence: Span, anchor: Token | None, vocab: ClaimVocabulary):
    """The date expression that governs a claim in `sentence`: one in its clause first, then any other that
    is not merely when something was said, then the date of the saying, then a dateline."""
    spans = _dates_in(sentence)
    if not spans:
        return None
    own, reported, datelines = [], [], []
    for span in spans:
        value = span._.date_value
        head = span.root.head
        if value is None or value.kind in COARSE_DATE_KINDS:
            continue
        if value.states_published:
            datelines.append(span)
        elif value.reporting or _lemma(head) in vocab.reporting_verbs and head.i != span.root.i:
            reported.append(span)
        else:
            own.append(span)
    if own:
        published = published_at(sentence.doc, sentence.start_char)
        earlier_days = [
            s
            for s in own
            if s._.date_value.kind not in YIELDING_DATE_KINDS
            and s._.date_value.date is not None
            and (published is None or s._.date_value.date < published)
        ]
        if earlier_days:
            own = [s for s in own if s._.date_value.kind not in YIELDING_DATE_KINDS]
        if anchor is not None:
            clause = {t.i for t in anchor.subtree} | {t.i for t in anchor.ancestors}
            in_clause = [s for s in own if s.root.i in clause or s.root.head.i in clause]
            if in_clause:
                own = in_clause
        return min(own, key=lambda s: abs(s.start - (anchor.i if anchor is not None else s.start)))
    if reported and REPORTING_DATES_CLAIMS:
        return reported[0]
    return datelines[0] if DATELINE_DATES_CLAIMS else None


# ---------------------------------------------------------------------------------------------------------
# the claims of a document


def _kind_for(noun: Token | None, person: bool, vocab: ClaimVocabulary, verb: Token | None) -> str:
    lemma = _lemma(noun) if noun is not None else ""
    words = lemma
    if noun is not None and noun.i > 0 and noun.dep_ != "compound":
        previous = noun.doc[noun.i - 1]
        words = f"{_lemma(previous)} {lemma}"
    if lemma in vocab.sortie_nouns or words in vocab.sortie_nouns:
        return "sorties"
    if lemma in vocab.strike_nouns or words in vocab.strike_nouns:
        hit_by_them = noun is not None and (
            _subject_of_clause(noun) or _acting_strike_verb(noun, vocab) == verb
        )
        sense = vocab.verbs.get(_lemma(verb)) if verb is not None else None
        if sense is not None and (_lemma(verb) not in vocab.strike_verbs or sense.thing is not None):
            if not hit_by_them:
                # missiles and drones shot down, rockets struck or destroyed on the ground, are targets
                return "targets"
        return "strikes"
    return "casualties" if person else "targets"


def _aircraft_of(designation: Token, sentence: Span, vocab: ClaimVocabulary) -> Token | None:
    """The aircraft noun a designation names, across a coordination of counted types: the "jets" of "two
    F-15 and three A-10 jets", however the parser joined them."""
    doc = designation.doc
    for k in range(designation.i + 1, min(designation.i + 6, sentence.end)):
        token = doc[k]
        if _lemma(token) in vocab.aircraft_nouns:
            return token
        if not (
            token.like_num or DESIGNATION.fullmatch(token.text) or token.dep_ in ("cc", "compound", "amod")
        ):
            return None
    return None


def _flown_by(doc: Doc, span: Span, aircraft: Token) -> str:
    """The aircraft a count of sorties names, up to the next member of a coordination: "two F-16" of "two
    F-16 and two A-10 jets"."""
    end = aircraft.i + 1
    for k in range(span.end, aircraft.i):
        if doc[k].dep_ == "cc" or doc[k].text == ",":
            end = k
            break
    return _clean(doc[span.start : end].text)


def _sentence_key(sentence: Span) -> str:
    text = document_text(sentence.doc)[sentence.start_char : sentence.end_char]
    # a page's summary bullets repeat its sentences without their full stops
    return " ".join(text.split()).lower().rstrip(".!;:")


def find_claims(
    doc: Doc, vocab: ClaimVocabulary | None = None, taxonomy: TargetTaxonomy | None = None
) -> list[ClaimFinding]:
    """Every claim in the document, in text order, each repeated sentence read once."""
    vocab = vocab or claim_vocabulary()
    taxonomy = taxonomy or target_taxonomy()
    skipped = furniture_sentences(doc)
    loss_lines = find_loss_lines(doc)
    lines_taken = {t for line in loss_lines for t in range(line.line_start, line.line_end)}
    findings: list[ClaimFinding] = []
    seen_sentences: set[str] = set()
    last_actor: str | None = None
    numbers_by_sentence: dict[int, list[Span]] = {}
    # the day of "1 February 2016 Russian forces destroy ..." counts nothing
    in_dates = {
        i for span in doc._.dates or [] if span._.date_value is not None for i in range(span.start, span.end)
    }
    for span in doc._.numbers or []:
        if span.start not in in_dates:
            numbers_by_sentence.setdefault(sentence_bounds(doc, span.start)[0], []).append(span)
    paragraph = 0
    previous_end = 0
    paragraph_of: dict[int, int] = {}
    strike_seen = False
    claim_words = _claim_word_mask(doc, vocab)
    all_sentences = sentence_spans(doc)
    # the last force named by the end of each sentence ("the strikes" made are no force of their own)
    actor_after: dict[int, str | None] = {}
    last_force: str | None = None
    for index, sentence in enumerate(all_sentences):
        if index and "\n" in document_text(doc)[previous_end : sentence.start_char]:
            paragraph += 1
        previous_end = sentence.start_char + len(
            document_text(doc)[sentence.start_char : sentence.end_char].rstrip()
        )
        paragraph_of[sentence.start] = paragraph
        if sentence.start in skipped or sentence.start in lines_taken:
            continue
        key = _sentence_key(sentence)
        if key in seen_sentences:
            continue
        seen_sentences.add(key)
        sentence_findings: list[ClaimFinding] = []
        taken: set[int] = set()
        unread = []
        for span in numbers_by_sentence.get(sentence.start, []):
            if span.start in lines_taken:
                continue
            finding = _count_claim(doc, sentence, span, vocab, sentence_findings)
            if finding is not None:
                sentence_findings.append(finding)
                taken.update(range(span.start, span.end))
                evidence = doc.char_span(
                    finding.evidence_start, finding.evidence_end, alignment_mode="expand"
                )
                taken.update(t.i for t in evidence or [])
            else:
                unread.append(span)
        lead = list_lead(document_text(doc), all_sentences, index, LIST_ITEMS_READ_BACK)
        lead_verb = _lead_verb(all_sentences[lead], vocab) if lead is not None else None
        for span in unread:
            finding = _list_member_claim(doc, sentence, span, vocab, sentence_findings, taken)
            if finding is None and lead_verb is not None:
                # "Jets destroyed the following:" over "- 12 tanks": the item's verb is its lead's
                finding = _count_claim(doc, sentence, span, vocab, [], verb_override=lead_verb)
            if finding is not None:
                sentence_findings.append(finding)
                taken.update(range(span.start, span.end))
        strike_seen = strike_seen or any(f.kind == "strikes" for f in findings)
        if claim_words[sentence.start : sentence.end].any():
            sentence_findings.extend(
                _singular_claims(doc, sentence, vocab, taxonomy, taken, lines_taken, strike_seen)
            )
            counted = {f.noun_index for f in findings + sentence_findings if f.noun_index is not None}
            sentence_findings.extend(_pronoun_claims(doc, sentence, vocab, taken | lines_taken, counted))
        for finding in sentence_findings:
            finding.sentence_index = index
            finding.paragraph = paragraph
            verb = doc[finding.verb_index] if finding.verb_index is not None else None
            finding.actor = find_actor(verb, vocab, last_actor)
            if finding.actor and finding.actor in _counted_text(doc, finding):
                finding.actor = None  # the counted thing is no actor of its own loss
            if finding.actor and _actor_is_the_count(finding, vocab):
                finding.actor = None
            if finding.flown_by:
                finding.actor = finding.flown_by
            if finding.actor is None and finding.kind == "strikes" and finding.noun_index is not None:
                finding.actor = strike_maker(doc[finding.noun_index])
            if finding.actor is None and lead is not None:
                # a list item that names no one acted for the force its lead was about
                finding.actor = actor_after.get(all_sentences[lead].start)
            if finding.actor:
                last_actor = finding.actor
        sentence_findings = [f for f in sentence_findings if not _qualified_away(doc, f)]
        # a restatement in other words stays a claim; the claim linker says which one it restates
        findings.extend(sorted(sentence_findings, key=lambda f: f.evidence_start))
        last_actor = _sentence_actor(sentence, vocab) or last_actor
        if last_actor is not None and not _names_strikes_made(last_actor, vocab):
            last_force = last_actor
        actor_after[sentence.start] = last_force
    # a list's lines are their own paragraph's sentences: a day named in the report before them is not theirs
    sentences = sentence_spans(doc)
    starts = [s.start for s in sentences]
    for line, finding in zip(loss_lines, _loss_line_claims(doc, loss_lines, vocab), strict=True):
        finding.sentence_index = max(0, bisect.bisect_right(starts, line.start) - 1)
        finding.paragraph = paragraph_of.get(sentences[finding.sentence_index].start, paragraph)
        findings.append(finding)
    findings.sort(key=lambda f: f.evidence_start)
    # a release with an update appended under its own dateline: each report's story is told on its own
    for section in doc._.report_sections or [ReportSection(0, len(document_text(doc)), doc._.published)]:
        members = [f for f in findings if section.start <= f.evidence_start < section.end]
        report_day = _report_day(doc, skipped, section)
        _attach_context(doc, members, vocab, taxonomy, paragraph_of, section, report_day)
    return _unique(findings)


def _counted_text(doc: Doc, finding: ClaimFinding) -> str:
    """The evidence up to the counted noun: "12 tanks" of "12 tanks that Turkish jets destroyed"."""
    end = finding.evidence_end
    if finding.noun_index is not None:
        noun = doc[finding.noun_index]
        if finding.evidence_start <= noun.idx < end:
            end = noun.idx + len(noun)
    return document_text(doc)[finding.evidence_start : end]


def _lead_verb(lead: Span, vocab: ClaimVocabulary) -> Token | None:
    """The claim verb of a list's lead ("Ukrainian forces destroyed:", "hit the following targets:")."""
    root = lead.root
    return root if root.pos_ in ("VERB", "AUX") and _lemma(root) in vocab.verbs else None


def _names_strikes_made(actor: str, vocab: ClaimVocabulary) -> bool:
    """ "the strikes", "three air strikes": strikes or sorties, not who made them."""
    words = actor.lower().split()
    return bool(words) and _word_lemma(words[-1]) in vocab.strike_nouns | vocab.sortie_nouns


def _qualified_away(doc: Doc, finding: ClaimFinding) -> bool:
    """Whether a qualifier (data/qualifiers.json) drops the claim: denied or hypothetical; an alleged one is
    kept with its qualifier noted."""
    anchor = finding.verb_index if finding.verb_index is not None else finding.noun_index
    if anchor is None:
        return False
    rules = qualifier_rules()
    finding.qualifiers = frozenset(rules.categories(doc[anchor]))
    return any(rules.actions[c] == "drop" for c in finding.qualifiers)


def _actor_is_the_count(finding: ClaimFinding, vocab: ClaimVocabulary) -> bool:
    """ "The strike took place": the strikes or sorties counted are no actor of themselves."""
    words = finding.actor.lower().split()
    if words and _word_lemma(words[-1]) in vocab.sortie_nouns:
        return True  # "the sorties destroyed ...": the flights, not who flew them
    return finding.kind in ("strikes", "sorties") and _names_strikes_made(finding.actor, vocab)


def _one_of_a_group(figure: Token) -> bool:
    """ "The militants, one of them a commander, were killed", "is one of more than 50 insurgents killed": one
    member set beside a group that is itself the claim."""
    groups = [g for c in figure.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not groups:
        return False
    if figure.dep_ == "appos":
        return True
    counted_group = any(c.dep_ == "nummod" or c.like_num for c in groups[0].children)
    return figure.dep_ == "attr" and counted_group


def _whole_of_a_part(noun: Token, figure: Span) -> bool:
    """The five of "two of the five suspects were detained" or "of the 40 drones, 35 were shot down": the
    claim is the part, counted by its own figure."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of":
        return False
    part = of.head
    if part.pos_ in ("VERB", "AUX") and of.i < part.i:
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.like_num for c in part.children)
    return part.like_num and not figure.start <= part.i < figure.end and not _one_of_a_group(part)


def _sentence_actor(sentence: Span, vocab: ClaimVocabulary) -> str | None:
    """The named subject of a sentence whose main verb is a military action, for a "they" after it."""
    root = sentence.root
    lemma = _lemma(root)
    if lemma not in vocab.verbs and lemma not in vocab.strike_verbs or lemma in vocab.reporting_verbs:
        return None
    for child in root.children:
        if child.dep_ == "nsubj" and _is_nominal(child) and child.lower_ not in PRONOUNS:
            return _actor_phrase(child)
    return None


def _unique(findings: list[ClaimFinding]) -> list[ClaimFinding]:
    """One finding of each counted thing: two readings of the same words give one claim, while the nouns of
    "a woman and child", whose evidence starts alike, stay two."""
    seen, out = set(), []
    for finding in findings:
        key = (finding.kind, finding.value, finding.quantifier, finding.evidence_start, finding.noun_index)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


def _with_verb(start: int, end: int, verb: Token | None) -> tuple[int, int]:
    """A claim's token range widened to take in its verb when the verb stands close before or after it."""
    if verb is not None and verb.i < start and start - verb.i <= 4:
        start = verb.i
    if verb is not None and verb.i >= end and verb.i - end <= 3:
        end = verb.i + 1
    return start, end


def _char_extent(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the tokens start..end, without the trailing space."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _list_member_claim(
    doc: Doc, sentence: Span, span: Span, vocab: ClaimVocabulary, found: list[ClaimFinding], taken: set[int]
) -> ClaimFinding | None:
    """A figure the parse left without a verb that stands in an unpunctuated list with a figure that has
    one: "three command posts nine strongpoints eight tanks and four depots were destroyed"."""
    reading = span._.number
    noun = counted_noun(doc, reading.core_start, reading.core_end)
    if noun is not None and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return None  # "the strikes, carried out by 12 aircraft, destroyed ...": who struck, not what was hit
    counts = [
        f for f in found if f.value is not None and f.verb_index is not None and f.noun_index is not None
    ]
    for other in sorted(counts, key=lambda f: abs(f.noun_index - span.start)):
        other_start = doc.char_span(other.evidence_start, other.evidence_end, alignment_mode="expand").start
        if other_start == span.start:
            continue
        if span.start < other.verb_index < other.noun_index:
            continue  # "14 counterattacks, and that losses amounted to 1,200 servicemen": the verb is theirs
        between = doc[min(span.start, other_start) : max(span.start, other_start)]
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in between):
            continue
        if any(t.text in (";", ":", ".") for t in between):
            continue
        return _count_claim(doc, sentence, span, vocab, [], verb_override=doc[other.verb_index])
    return None


def _count_claim(
    doc: Doc,
    sentence: Span,
    span: Span,
    vocab: ClaimVocabulary,
    earlier: list[ClaimFinding],
    verb_override: Token | None = None,
) -> ClaimFinding | None:
    reading = span._.number
    if _bare_figure(doc, span):
        return None
    noun = counted_noun(doc, reading.core_start, reading.core_end)
    if noun is not None and DESIGNATION.fullmatch(noun.text):
        noun = _aircraft_of(noun, sentence, vocab) or noun
    core_last = doc[reading.core_end - 1]
    if noun is None and _one_of_a_group(core_last):
        return None
    if noun is not None and _whole_of_a_part(noun, span):
        # "shot down 23 of 31 drones launched by Russia": the whole was launched, a count of its own
        launched = [c for c in noun.children if c.dep_ == "acl" and _lemma(c) in vocab.launch_verbs]
        if not launched:
            return None
        verb_override = launched[0]
    subject = noun if noun is not None else core_last
    if noun is None:
        # "more than 20 were killed", "two of the positions": the figure stands for its noun
        for child in core_last.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    noun = objects[0]
    verb, relation = governing_verb(subject, vocab)
    if verb is None and noun is not None and noun is not subject:
        verb, relation = governing_verb(noun, vocab)
    if noun is not None and (verb is None or _lemma(verb) not in vocab.verbs):
        verb, relation = _relative_clause_verb(noun, vocab) or (verb, relation)
    if (
        relation == "subject"
        and verb is not None
        and _lemma(verb) in vocab.reporting_verbs
        and not any(c.dep_ == "xcomp" for c in verb.children)  # "70 people reported killed" is a count
    ):
        return None  # "one official said ...", "two witnesses told reporters": counted sources, not targets
    if relation == "subject":
        verb, relation = shared_subject_verb(verb, relation, vocab)
    if verb_override is not None:
        verb, relation = verb_override, "object"
    if noun is None and verb is not None:
        # "of the 40 drones, 35 were shot down": the part's noun opens the clause
        fronted = [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "of" and c.i < core_last.i
            for g in c.children
            if g.dep_ == "pobj" and _is_nominal(g)
        ]
        if fronted:
            noun = fronted[0]
    if noun is not None and noun.pos_ == "PRON":
        noun = None  # "killing several of them": the verb says what was counted
    person = noun is not None and is_person(noun, vocab)
    if verb is not None and not person:
        # "killed dozens of tourists", "detained 40 smugglers": only people are killed or detained
        sense = vocab.verbs.get(_lemma(verb))
        person = sense is not None and sense.thing is None and sense.person is not None
    if noun is None and earlier and not person:
        # an elliptical figure takes the noun of the figure before it: "304 militants killed and 170 wounded"
        person = earlier[-1].kind == "casualties"
    # "two F-16 jets flew into Syrian air space": aircraft counted as they fly are sorties, flown by them
    flown = (
        noun is not None
        and verb is not None
        and relation == "subject"
        and _lemma(noun) in vocab.aircraft_nouns
        and _lemma(verb) in vocab.flight_verbs
    )
    if flown:
        kind = "sorties"
    else:
        kind = "strikes" if relation == "instrument" else _kind_for(noun, person, vocab, verb)
    effect = _result_effect(noun, vocab) if noun is not None else None
    if effect is None:
        effect = _result_effect(core_last, vocab)
    claim_verb = False
    if verb is not None and _hypothetical(verb, vocab):
        return None
    if verb is not None and not _negated(verb):
        claim_verb, verb_effect_ = verb_effect(verb, person, vocab)
        if effect is None:
            effect = verb_effect_
        if effect is None:
            effect = clause_result(verb, vocab, core_last)
            if effect is not None:
                if noun is None or is_person(noun, vocab) or _lemma(noun) in vocab.result_words:
                    person = True
    if effect is None and noun is not None and _lemma(noun) in vocab.loss_nouns:
        effect, person = vocab.loss_nouns[_lemma(noun)], True  # "15 fatalities": the noun is the loss
    if relation == "subject" and verb is not None and _counts_a_source(verb, vocab):
        return None  # "one official said ...": the figure counts who speaks, not a loss
    if kind in ("targets", "casualties"):
        if effect is None or relation == "means":
            return None
        if noun is None and not earlier and effect in ("killed", "wounded", "captured"):
            person = True
        if person:
            kind = "casualties"
            if effect in ("destroyed", "hit"):
                effect = "killed" if effect == "destroyed" else None
        elif effect in ("killed", "wounded") and noun is not None:
            effect = {"killed": "destroyed", "wounded": "damaged"}[effect]
    elif kind in ("sorties", "strikes"):
        effect = None
        if verb is None or _negated(verb) or relation in ("", "means"):
            return None  # "linked to two deadly attacks" counts no strikes of its own
        if _lemma(verb) in vocab.repelling_verbs:
            return None  # "38 attacks were repelled": assaults beaten off, no strikes carried out
    if verb is not None and _headline_verb(verb, sentence):
        return None
    if noun is not None and any(c.dep_ == "acl" and _headline_verb(c, sentence) for c in noun.children):
        return None  # a teaser headline run into the text: "Over 20 Terrorists Killed in SDF Operations"
    if noun is None and not earlier and kind in ("targets", "casualties") and relation in ("", "nominal"):
        return None
    category = None
    category_end = span.end
    if kind in ("targets", "casualties"):
        if noun is not None and noun.i >= span.end:
            first = span.end
            if doc[first].lower_ == "of":  # "two of the positions": what is counted is "positions"
                first += 1
                while first < noun.i and (doc[first].dep_ == "det" or doc[first].like_num):
                    first += 1
            first, category_end = category_extent(doc, first, noun)
            category = _clean(doc[first:category_end].text)
        elif noun is not None:
            category = _clean(doc[_phrase_start(doc, noun, sentence.start) : noun.i + 1].text)
            category_end = max(category_end, noun.i + 1)
        elif earlier:
            category = earlier[-1].category
    end_token = max(span.end, category_end)
    if noun is not None and kind in ("sorties", "strikes") and noun.i >= span.end and noun.i - span.end <= 3:
        end_token = max(end_token, noun.i + 1)
    if flown and verb.i >= span.end:
        end_token = max(end_token, verb.i + 1)  # "two F-16 and two A-10 jets flew"
    start_token, end_token = _with_verb(span.start, end_token, verb)
    end_token = min(end_token, start_token + MAX_EVIDENCE_TOKENS)
    evidence_start, evidence_end = _char_extent(doc, start_token, end_token)
    return ClaimFinding(
        kind=kind,
        value=reading.value,
        value_max=reading.value_max,
        quantifier=reading.quantifier,
        approximate=reading.approximate,
        cumulative=reading.cumulative,
        category=category or None,
        # "killed or captured more than 40 militants": no one effect
        effect=effect
        if kind in ("targets", "casualties") and not _mixed_effects(verb, person, vocab)
        else None,
        delta=reading.delta,
        evidence_start=evidence_start,
        evidence_end=evidence_end,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        verb_index=verb.i if verb is not None else None,
        noun_index=noun.i if noun is not None else None,
        definite=span.start > 0 and doc[span.start - 1].lower_ in ("the", "these", "those"),
        flown_by=_flown_by(doc, span, noun) if flown else None,
    )


def _singular_claims(
    doc: Doc,
    sentence: Span,
    vocab: ClaimVocabulary,
    taxonomy: TargetTaxonomy,
    taken: set[int],
    lines_taken: set[int],
    strike_seen: bool = False,
) -> list[ClaimFinding]:
    """Claims of one ("destroyed an ammunition depot", "killed the Taliban leader", "carried out an air
    strike") and bare plurals with no number ("killed insurgents")."""
    found = []
    candidates = _singular_candidates(doc)
    first_candidate = bisect.bisect_left(candidates, sentence.start)
    last_candidate = bisect.bisect_left(candidates, sentence.end, first_candidate)
    taken = taken | lines_taken
    for noun in (doc[i] for i in candidates[first_candidate:last_candidate]):
        reading = _singular_reading(noun, vocab, taxonomy, taken, strike_seen, sentence)
        if reading is None:
            continue
        kind, value, quantifier, effect, verb = reading
        first = _phrase_start(doc, _misparsed_body(noun, vocab) or noun, sentence.start)
        if noun.dep_ == "conj":
            first = max(first, noun.left_edge.i)  # "a woman and child": the child's own words
        while first < noun.i and doc[first].dep_ in ("det", "poss"):
            first += 1
        category = None
        last = noun.i + 1
        if _named_unit(noun, vocab):
            # "a mobile sniper group of terrorists": the unit with whom it is made of, counted as one
            members = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
            if members:
                last = members[0].right_edge.i + 1
                taken = taken | set(range(noun.i, last))
        if kind in ("targets", "casualties"):
            if noun.pos_ == "PROPN" and (noun.ent_type_ == "PERSON" or kind == "casualties"):
                appositions = [c for c in noun.children if c.dep_ == "appos"]
                category = _text_of(appositions[0]) if appositions else _person_title(noun)
            else:
                category = _clean(doc[past_age(doc, first, noun.i) : last].text)
        start_token, end_token = _with_verb(first, noun.i + 1, verb)
        start_token = max(start_token, end_token - MAX_EVIDENCE_TOKENS)
        evidence_start, evidence_end = _char_extent(doc, start_token, end_token)
        found.append(
            ClaimFinding(
                kind=kind,
                value=value,
                quantifier=quantifier,
                category=category or None,
                effect=effect if kind in ("targets", "casualties") else None,
                evidence_start=evidence_start,
                evidence_end=evidence_end,
                sentence_start=sentence.start_char,
                sentence_end=sentence.end_char,
                verb_index=verb.i,
                noun_index=noun.i,
                definite=any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children),
                member=any(c.ent_type_ == "ORDINAL" and c.dep_ == "amod" for c in noun.children),
            )
        )
    return found


def _pronoun_claims(
    doc: Doc, sentence: Span, vocab: ClaimVocabulary, taken: set[int], counted: set[int]
) -> list[ClaimFinding]:
    """One person killed, wounded or detained who is named by a pronoun ("He was engaged and killed", "the
    force returned fire, killing him"), unless the person it stands for was counted already."""
    found = []
    words = lower_words(doc)
    for i in range(sentence.start, sentence.end):
        if words[i] not in vocab.person_pronouns or i in taken:
            continue
        pronoun = doc[i]
        if pronoun.dep_ not in ("dobj", "nsubjpass"):
            continue
        verb, effect = _person_verb(pronoun, vocab)
        if verb is None:
            continue
        antecedent = _antecedent(pronoun, vocab)
        if antecedent is None or antecedent.i in counted:
            continue
        start_token, end_token = _with_verb(pronoun.i, pronoun.i + 1, verb)
        evidence_start, evidence_end = _char_extent(doc, start_token, end_token)
        found.append(
            ClaimFinding(
                kind="casualties",
                value=1,
                category=_person_phrase(antecedent),
                effect=effect,
                evidence_start=evidence_start,
                evidence_end=evidence_end,
                sentence_start=sentence.start_char,
                sentence_end=sentence.end_char,
                verb_index=verb.i,
                noun_index=pronoun.i,
            )
        )
    return found


def _person_verb(pronoun: Token, vocab: ClaimVocabulary) -> tuple[Token | None, str | None]:
    """The claim verb a pronoun is the object or passive subject of, through verbs that share it ("was
    engaged and killed"), with the effect on a person."""
    head = pronoun.head
    shared = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for verb in [head, *shared]:
        if verb is not head and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if _negated(verb) or _hypothetical(verb, vocab) or _headline_verb(verb, sentence_of(verb)):
            continue
        is_claim, effect = verb_effect(verb, True, vocab)
        effect = "killed" if effect == "destroyed" else effect
        if is_claim and effect in ("killed", "wounded", "captured"):
            return verb, effect
    return None, None


def _antecedent(pronoun: Token, vocab: ClaimVocabulary) -> Token | None:
    """The person a pronoun stands for: the nearest single person named before it, in its sentence or the
    two before, a subject first ("a gunman fired from a rooftop near X. He was killed")."""
    sentences_back = 0
    people = []
    for token in reversed(pronoun.doc[max(0, pronoun.i - 80) : pronoun.i]):
        if token.is_sent_end and token.i < sentence_bounds(pronoun.doc, pronoun.i)[0]:
            sentences_back += 1
            if sentences_back > 2:
                break
        if token.dep_ != "compound" and token.tag_ in ("NN", "NNP") and is_person(token, vocab):
            people.append(token)
    subjects = [t for t in people if t.dep_ in ("nsubj", "nsubjpass")]
    return (subjects or people or [None])[0]


def _person_phrase(noun: Token) -> str:
    """A person as worded: a named one by the title before the name, else the noun and its modifiers."""
    if noun.pos_ == "PROPN":
        title = _person_title(noun)
        if title:
            return title
    return _clean(noun.doc[_modifiers_start(noun) : noun.i + 1].text)


def _person_title(noun: Token) -> str | None:
    """The title before a name: "Taliban leader" of "Taliban leader Mullah Abdul Rahman"."""
    first = _modifiers_start(noun)
    titles = [t for t in noun.doc[first : noun.i] if t.pos_ == "NOUN"]
    return _clean(noun.doc[first : titles[-1].i + 1].text) if titles else None


def _modifiers_start(noun: Token) -> int:
    modifiers = [t.i for t in noun.subtree if t.i < noun.i and t.dep_ not in ("det", "poss", "punct", "case")]
    return min(modifiers, default=noun.i)


def _misparsed_body(noun: Token, vocab: ClaimVocabulary) -> Token | None:
    """The body a role was misparsed under: in "arrested a senior Islamic Movement of Uzbekistan leader" the
    model makes "Movement" the object and "leader" the object of "of"; the leader is the one arrested."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or not is_person(noun, vocab):
        return None
    body = prep.head
    if body.pos_ != "PROPN" or body.ent_type_ not in ("ORG", "NORP") or body.i > noun.i:
        return None
    if any(c.dep_ == "det" for c in noun.children):
        return None
    return body if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in body.children) else None


def _looks_like_a_name(token: Token) -> bool:
    """A proper noun tagged as a person, or title-cased with no entity type (the small model leaves many
    Afghan and Arabic names unlabelled)."""
    return token.pos_ == "PROPN" and (
        token.ent_type_ == "PERSON" or token.ent_type_ == "" and token.is_title and not token.is_upper
    )


def _headline_verb(verb: Token, sentence: Span) -> bool:
    """A headline's verb run into the text: "Forces destroy stations, kill 77 terrorists" (present tense at
    the very top of a scraped page), or "20 Terrorists Killed in Operations" (capitalized mid-sentence)."""
    if verb.is_title and verb.i != sentence.start and not verb.ent_type_:
        return True
    top = at_top(sentence.doc, sentence.start_char)
    return top and verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in ("be", "have")


def _named_unit(noun: Token, vocab: ClaimVocabulary) -> bool:
    """A group or unit with words of its own ("a mobile sniper group", "a sabotage unit"): one thing; not
    "the Islamic State group", which names an organization."""
    children = list(noun.children)
    return (
        _lemma(noun) in vocab.unit_nouns
        and noun.dep_ != "pobj"  # "the leader of a terrorist group": whose group, not one lost
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in children)
        and any(c.dep_ in ("amod", "compound") and not c.like_num for c in children)
    )


def _singular_reading(
    noun: Token,
    vocab: ClaimVocabulary,
    taxonomy: TargetTaxonomy,
    taken: set[int],
    strike_seen: bool = False,
    sentence: Span | None = None,
):
    """(kind, value, quantifier, effect, verb) when `noun` is a counted thing with no figure, else None."""
    if not _is_nominal(noun) or noun.i in taken or noun.dep_ in ("compound", "poss"):
        return None
    if noun.ent_type_ in UNCOUNTED_ENTITIES:
        return None
    if _lemma(noun) in vocab.not_counted_nouns and not _named_unit(noun, vocab):
        # "a staging area" is a target where "the area" is a place
        if not taxonomy.names_at_head(
            [_lemma(c) for c in noun.children if c.dep_ == "compound"] + [_lemma(noun)]
        ):
            return None
    # a projective parse's subtree is a contiguous run: its part before the noun starts at the left edge
    if any(i in taken for i in range(noun.left_edge.i, noun.i)):
        return None
    determiners = [c for c in noun.children if c.dep_ in ("det", "nummod", "poss")]
    if noun.dep_ == "conj" and noun.head.i in taken and not determiners:
        return None  # part of a counted phrase: "22 warehouses and fuel depots"
    body = _misparsed_body(noun, vocab)
    if body is not None and not determiners:
        determiners = [c for c in body.children if c.dep_ in ("det", "poss")]
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is not noun and not determiners:
        # "the facilitators and suspected insurgents": one definite article for the whole coordination (not
        # the "a" of "a facilitator and other militants")
        determiners = [
            c for c in first.children if c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE_WORDS
        ]
        if not determiners and noun.tag_ == "NN" and first.tag_ == "NN":
            # "a woman and child": an indefinite article over singular nouns makes one of each
            determiners = [c for c in first.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
    indefinite = any(d.lower_ in ("a", "an", "one", "another") for d in determiners)
    definite = any(d.lower_ == "the" for d in determiners)
    singular = noun.tag_ in ("NN", "NNP") or noun.lower_ == "aircraft" or _acronym(noun)
    verb, relation = governing_verb(noun, vocab)
    if verb is None or _negated(verb) or relation == "" or _hypothetical(verb, vocab):
        return None
    if relation == "subject" and _modifier_read_as_subject(noun, verb, vocab):
        return None
    sentence = sentence if sentence is not None else sentence_of(noun)
    if verb.tag_ == "VB" and verb.i == sentence.start:
        return None  # an imperative: "Strike the occupier!"
    if _headline_verb(verb, sentence):
        return None
    lemma = _lemma(noun)
    if any(a.lower_ == "including" for a in itertools.islice(noun.ancestors, 4)):
        return None  # one named member of a group already counted
    if noun.head.lower_ == "among" and any(c.lower_ in ("them", "those") for c in noun.head.children):
        return None  # "eliminated a number of terrorists, among them Abu Khaled": a member named
    owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" and definite else None
    if owner is not None and _is_nominal(owner) and not owner.like_num and relation != "nominal":
        return None  # "3 air defence systems of the enemy": whose they were, not a thing counted
    definite_strike = definite and not strike_seen and relation in ("object", "subject")
    if lemma in vocab.strike_nouns and singular and (indefinite or definite_strike):
        # "carried out an air strike", "was killed in a U.S. strike", "a drone strike hit ..."
        if (
            relation in ("object", "means")
            and _lemma(verb) in vocab.strike_verbs | set(vocab.verbs)
            or (relation == "subject")
            # "an air strike was carried out", "an airstrike on ISIL fighters was reported as ineffective"
            or relation == "passive"
            and _lemma(verb) in vocab.strike_verbs
        ):
            if _kind_for(noun, False, vocab, verb) == "strikes" or relation != "object":
                return "strikes", 1, None, None, verb
    if (relation == "subject" or noun.dep_ == "attr") and singular and indefinite:
        return _subject_reading(noun, verb, vocab)
    if relation not in ("object", "passive", "nominal"):
        return None
    sense = vocab.verbs.get(_lemma(verb))
    # a name is a person lost only where the verb takes people alone ("killed Hamza", "the arrest of X"), not
    # where it takes places too ("shelling hit Martakert", which the small model may label a person)
    person_verb = sense is not None and sense.thing is None and sense.person is not None
    named_person = (
        not determiners
        and _looks_like_a_name(noun)
        and (person_verb or relation == "nominal")
        and noun.dep_ != "appos"
    )
    # "the capture of a Taliban leader", "the death of Haqqani leader Shabeer", not "the loss of the bridge"
    named_loss = (
        named_person
        and noun.ent_type_ == "PERSON"
        and _lemma(verb) not in ("loss", "losses")
        and _lemma(verb) not in vocab.strike_nouns
    )
    if (
        relation == "nominal"
        and not named_loss
        and (
            not indefinite
            or _lemma(verb) in ("loss", "losses", "death")
            or _lemma(verb) in vocab.strike_nouns
        )
    ):
        return None
    if noun.dep_ == "appos" and _looks_like_a_name(noun.head):
        return None  # "Haji X, a facilitator, was detained": the named person is the claim
    # "arrested a weapons supplier": only people are arrested or detained
    passive_subjects = [c for c in noun.head.children if c.dep_ == "nsubjpass"]
    person_object = (
        person_verb
        and noun.pos_ == "NOUN"
        and (noun.dep_ == "dobj" or noun.dep_ == "nsubjpass" and len(passive_subjects) == 1)
    )
    person = is_person(noun, vocab) or named_person or person_object
    kind = _kind_for(noun, person, vocab, verb)
    if kind in ("sorties", "strikes"):
        return None
    is_claim, effect = verb_effect(verb, person, vocab)
    if not is_claim or effect is None:
        return None
    if person:
        kind = "casualties"
        effect = "killed" if effect == "destroyed" else effect
        if effect in ("hit", "damaged"):
            return None
    elif noun.pos_ == "PROPN" and not any(c.dep_ == "compound" for c in noun.children):
        return None  # a place or a body named as struck is no counted thing
    if singular and (indefinite or named_person):
        return kind, 1, None, effect, verb
    if singular and definite and (person or taxonomy.label_for([lemma]) != "other"):
        return kind, 1, None, effect, verb
    if noun.tag_ in ("NNS", "NNPS") and kind == "casualties" and not named_person:
        # "killed insurgents"; "the armed militants ... were all killed", when not counted before
        every = any(c.lower_ == "all" for c in (*noun.children, *verb.children))
        if not determiners or definite and every:
            return kind, None, "plural", effect, verb
    return None


def _modifier_read_as_subject(noun: Token, verb: Token, vocab: ClaimVocabulary) -> bool:
    """ "an ISIL rocket propelled grenade": a noun and participle that modify the bare noun after them, which
    the parse reads as a clause whose verb claims nothing (not "an airstrike struck ISIL equipment")."""
    if verb.i != noun.i + 1 or verb.tag_ not in ("VBN", "VBD", "VBG"):
        return False
    lemma = _lemma(verb)
    if lemma in vocab.verbs or lemma in vocab.strike_verbs or lemma in vocab.reporting_verbs:
        return False
    return any(
        c.dep_ == "dobj"
        and c.tag_ == "NN"
        and c.left_edge.i == verb.i + 1
        and not any(d.dep_ == "det" for d in c.children)
        for c in verb.children
    )


def _subject_reading(noun: Token, verb: Token, vocab: ClaimVocabulary):
    """One thing counted as a clause's subject: an aircraft that hits ("a Russian jet hit the same area" is
    a strike), or one of the dead or destroyed named with a copula ("among the killed militants was a field
    commander")."""
    sense = vocab.verbs.get(_lemma(verb))
    if _lemma(noun) in vocab.aircraft_nouns and sense is not None and sense.thing == "hit":
        return "strikes", 1, None, None, verb
    if verb.pos_ != "AUX" or _negated(verb):
        return None
    effect = clause_result(verb, vocab, noun)
    if effect is None:
        return None
    if is_person(noun, vocab):
        return "casualties", 1, None, "killed" if effect == "destroyed" else effect, verb
    return "targets", 1, None, {"killed": "destroyed", "wounded": "damaged"}.get(effect, effect), verb


def _loss_line_claims(doc: Doc, lines: list[LossLine], vocab: ClaimVocabulary) -> list[ClaimFinding]:
    """Claims of a running-losses list, one line an item: "tanks ‒ 1,393 (+10),"."""
    found = []
    for line in lines:
        label_tokens = doc[line.label_start : line.label_end]
        start, end = _char_extent(doc, line.start, line.end)
        person = any(_lemma(t) in vocab.person_nouns or t.lower_ in vocab.person_nouns for t in label_tokens)
        found.append(
            ClaimFinding(
                kind="casualties" if person else "targets",
                value=line.value,
                approximate=line.approximate,
                cumulative=True,
                category=_clean(label_tokens.text),
                effect="killed" if person else "destroyed",
                delta=line.delta,
                evidence_start=start,
                evidence_end=end,
                sentence_start=start,
                sentence_end=end,
            )
        )
    return found


def _attach_context(
    doc: Doc,
    findings: list[ClaimFinding],
    vocab: ClaimVocabulary,
    taxonomy: TargetTaxonomy,
    paragraph_of: dict[int, int],
    section: ReportSection,
    report_day: Span | None = None,
) -> None:
    """Category labels, locations, dates, speakers and quotes of the claims of one report `section`,
    carrying a report's period and place over to the claims after it in the same paragraph. `report_day`
    is the day the report's story opens on."""
    sentence_speakers = doc._.sentence_speakers or {}
    clause_speakers = doc._.clause_speakers or {}
    sentences = sentence_spans(doc)
    position = {s.start: i for i, s in enumerate(sentences)}
    lead: ClaimFinding | None = None
    published = section.published
    if published is not None and doc._.published is not None and published > doc._.published:
        # an update filed after the document's date: no period of it may run past that date, so none ends
        published = None
    dateline = _only_dateline(doc, section) if DATELINE_DATES_REPORT else None
    quotes = doc._.quotes or []
    previous: ClaimFinding | None = None
    for finding in findings:
        if finding.category and finding.kind in ("targets", "casualties"):
            lemmas = [_word_lemma(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]*", finding.category)]
            finding.category_label = taxonomy.label_for(lemmas)
        elif finding.kind in ("targets", "casualties"):
            finding.category_label = "other"
        first_token = doc.char_span(finding.evidence_start, finding.evidence_end, alignment_mode="expand")
        sentence = sentence_of(first_token[0]) if first_token is not None else None
        anchor = (
            doc[finding.verb_index]
            if finding.verb_index is not None
            else (first_token.root if first_token else None)
        )
        if sentence is not None:
            finding.location = find_location(sentence, anchor, vocab)
            finding.own_place = finding.location
            date_span = pick_date(sentence, anchor, vocab)
            if date_span is not None:
                _set_date(finding, date_span, published)
                _date_from_the_speaker(finding, date_span, report_day, published)
                finding.date_origin = finding.sentence_index
            elif finding.cumulative:
                # "since the start of the ground operation, 1,200 terrorists have been killed": a period in
                # words, kept as such rather than taking a day from the sentences before
                finding.date_text = _period_in_words(sentence)
                if finding.date_text is not None:
                    add_warning(doc, PERIOD_IN_WORDS_WARNING)
            finding.speaker_id = sentence_speakers.get(sentence.start)
            if anchor is not None and anchor.i in clause_speakers:
                finding.speaker_id = clause_speakers[anchor.i]  # the source of the claim's own clause
        same_report = previous is not None and previous.paragraph == finding.paragraph
        near_report = previous is not None and finding.paragraph - previous.paragraph <= 1
        # "Russia launched 31 drones, of which 23 were shot down": who launched them did not shoot them down
        intercepted = (
            previous is not None
            and previous.kind == "strikes"
            and finding.kind == "targets"
            and (finding.category is None or _word_lemma(finding.category.split()[-1]) in vocab.strike_nouns)
        )
        if (
            not intercepted
            and not (previous is not None and previous.flown_by)  # counted aircraft fly no other claim
            and finding.actor is None
            and (
                near_report
                and previous.actor
                and finding.kind != "casualties"
                or same_report
                and previous.actor
            )
        ):
            finding.actor = previous.actor
            if _actor_is_the_count(finding, vocab):
                finding.actor = None
        if finding.category in ("others", "other") and previous is not None and previous.kind == finding.kind:
            finding.category, finding.category_label = previous.category, previous.category_label
        date_close = (
            previous is not None
            and previous.date_origin is not None
            and finding.sentence_index - previous.date_origin <= CARRY_SENTENCES
        )
        if previous is not None and (same_report or finding.kind == previous.kind and finding.cumulative):
            if finding.date_text is None and previous.date_text is not None and date_close:
                finding.date, finding.period_start = previous.date, previous.period_start
                finding.period_end, finding.date_text = previous.period_end, previous.date_text
                finding.date_origin = previous.date_origin
        if finding.location is None and previous is not None and (same_report or LOCATION_CROSSES_PARAGRAPHS):
            finding.location = previous.location
        if finding.location is None and sentence is not None:
            finding.location = _earlier_place(sentences, finding.sentence_index, vocab)
        if finding.date_text is None and sentence is not None and CARRY_PARAGRAPH_DATES:
            _carry_paragraph_date(doc, finding, sentence, paragraph_of, position, published)
        if finding.date_text is None and sentence is not None:
            heading = _list_heading_date(doc, sentences, position.get(sentence.start))
            if heading is not None:
                _set_date(finding, heading, published)
        if finding.date_text is None:
            report = _report_period(doc, finding)
            if report is not None:
                finding.period_start, finding.period_end, finding.date_text = report
        if lead is None and finding.date_origin == finding.sentence_index and finding.date is not None:
            lead = finding  # the report's day, from the first claim that states one (a period stays local)
        elif finding.date_text is None and CARRY_LEAD_DATE and sentence is not None:
            if lead is not None and not _background(sentence, published):
                finding.date, finding.period_start = lead.date, lead.period_start
                finding.period_end, finding.date_text = lead.period_end, lead.date_text
            elif lead is None and report_day is not None and report_day.start < sentence.start:
                if not _background(sentence, published):
                    _set_date(finding, report_day, published)
            elif lead is None and dateline is not None and dateline.start <= sentence.start:
                _set_date(finding, dateline, published)
        for quote in quotes:
            if quote.start <= finding.evidence_start < quote.end:
                finding.quote_id = quote.id
                finding.speaker_id = finding.speaker_id or quote.speaker_id
                break
        previous = finding


SPEAKER_RELATIVE_KINDS = frozenset({"SAME_DAY", "PREVIOUS_DAY", "TWO_DAYS_BEFORE"})
PERIOD_IN_WORDS_WARNING = "a running total since an event named without a date: its period left unresolved"


def _date_from_the_speaker(
    finding: ClaimFinding, span: Span, report_day: Span | None, published: dt.date | None
) -> None:
    """ "Killed Saturday ... 'carried out four air strikes today,' the army said in a statement", published on
    Sunday: a quotation's "today" is the day it was said: the statement's own day when the text gives one,
    else the day the story opened on."""
    value = span._.date_value
    if value.kind not in SPEAKER_RELATIVE_KINDS or value.date is None or published is None:
        return
    doc = span.doc
    if not any(q.start <= span.start_char < q.end for q in doc._.quotes or ()):
        return
    # the statement's own day ("the general said on Sunday"), else the day the story opened on
    stated = [
        s._.date_value.date
        for s in _dates_in(sentence_of(span[0]))
        if s._.date_value is not None and s._.date_value.reporting and s._.date_value.date is not None
    ]
    if stated:
        said_on = stated[0]
    elif report_day is not None and report_day._.date_value.date is not None and report_day.end < span.start:
        said_on = report_day._.date_value.date
    else:
        return
    if said_on < published:
        finding.date = value.date - (published - said_on)


def _dates_in(sentence: Span) -> list[Span]:
    """The date expressions inside `sentence`, found by bisection over the document's (sorted) dates."""
    doc = sentence.doc
    dates = doc._.dates or []
    starts = doc.user_data.get(DATE_STARTS_KEY)
    if starts is None or len(starts) != len(dates):
        starts = doc.user_data[DATE_STARTS_KEY] = [s.start for s in dates]
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end, first)
    return [s for s in dates[first:last] if s.end <= sentence.end]


def _report_day(doc: Doc, skipped: set[int], section: ReportSection) -> Span | None:
    """The first day the story of a report section itself names ("a combined force conducted an operation
    ... yesterday morning"), outside headlines, datelines, statements' days and background months."""
    for span in doc._.dates or []:
        if not section.start <= span.start_char < section.end:
            continue
        value = span._.date_value
        if value is None or value.date is None or value.states_published or value.reporting:
            continue
        if value.kind in COARSE_DATE_KINDS or sentence_bounds(doc, span.start)[0] in skipped:
            continue
        if _background(sentence_of(span[0]), section.published):
            continue
        if section.published is not None and (section.published - value.date).days > REPORT_DAY_MAX_AGE:
            continue  # "the attack on the residence on Dec. 29" in a report of Jan. 9: another story's day
        return span
    return None


def _only_dateline(doc: Doc, section: ReportSection) -> Span | None:
    """The dateline of a report section that names no other day or period (months and years, and running
    totals since a month or more back, are background): its story is the day it was filed."""
    published = section.published
    dates = [
        s
        for s in doc._.dates or []
        if section.start <= s.start_char < section.end
        and s._.date_value is not None
        and s._.date_value.kind not in COARSE_DATE_KINDS
        and not _campaign_period(s._.date_value, published)
    ]
    datelines = [s for s in dates if s._.date_value.states_published]
    # a page's header stamp says when the page came out, not the day of the story it carries
    filed = [s for s in datelines if not s._.date_value.page_stamp]
    return filed[0] if filed and len(datelines) == len(dates) else None


def _campaign_period(value, published: dt.date | None) -> bool:
    """A period reaching back over a month ("since June", said on July 31): the campaign a running
    total covers, not the day of the story."""
    return (
        value.date is None
        and value.period_start is not None
        and published is not None
        and (published - value.period_start).days > BACKGROUND_DAYS
    )


def _background(sentence: Span, published: dt.date | None) -> bool:
    """A sentence set in another time than the report: it names a month or year long before publication
    ("the war in the early 1990s", "clashes in July")."""
    for span in _dates_in(sentence):
        if span._.date_value is None:
            continue
        value = span._.date_value
        day = value.date or value.period_start
        if value.kind in COARSE_DATE_KINDS and (
            published is None or day is None or (published - day).days > BACKGROUND_DAYS
        ):
            return True
    # the year of a dateline in the sentence is the report's own, no sign of background
    datelines = {
        i
        for span in sentence.doc._.dates or []
        if span._.date_value is not None and span._.date_value.states_published
        for i in range(span.start, span.end)
    }
    return any(
        t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20") and t.ent_type_ == "DATE"
        for t in sentence
        if t.i not in datelines
    )


def _earlier_place(sentences: list[Span], index: int, vocab: ClaimVocabulary) -> str | None:
    """A place named in the sentences just before a claim that names none: "In Khost last night, a joint
    force searched a compound. ... the force detained a suspected insurgent"."""
    for earlier in reversed(sentences[max(0, index - LOCATION_LOOKBACK_SENTENCES) : index]):
        place = find_location(earlier, None, vocab)
        if place is not None:
            return place
    return None


def _set_date(finding: ClaimFinding, span: Span, published: dt.date | None) -> None:
    """Dates a claim by an expression; a day inside a "since" clause ("since the operation began on
    September 30") opens a period that runs to publication, and a figure over such a period is a running
    total."""
    value = span._.date_value
    if value is None:
        return
    date, start, end = value.date, value.period_start, value.period_end
    text = value.text
    since = _since_marker(span)
    if date is not None and published is not None and since is not None:
        date, start, end = None, date, published
        text = document_text(span.doc)[since.idx : span.end_char]
    finding.date, finding.period_start, finding.period_end, finding.date_text = date, start, end, text
    if value.kind == "SINCE" or since is not None:
        finding.cumulative = True


def _period_in_words(sentence: Span) -> str | None:
    """The words of a "since" phrase or clause that names no date ("since the start of the operation",
    "since it began")."""
    for token in sentence:
        if token.lower_ != "since":
            continue
        if token.dep_ == "prep":
            return _clean(sentence.doc[token.i : token.right_edge.i + 1].text)
        if token.dep_ == "mark":
            return _clean(sentence.doc[token.i : token.head.right_edge.i + 1].text)
    return None


def _since_marker(span: Span) -> Token | None:
    """The "since" that opens the clause a date stands in, if any."""
    for ancestor in span.root.ancestors:
        if ancestor.lower_ == "since" and ancestor.dep_ == "prep":
            return ancestor  # "since the beginning of the operation on September 30"
        for child in ancestor.children:
            if child.dep_ == "mark" and child.lower_ == "since":
                return child  # "since the operation began on September 30"
        if ancestor.dep_ in ("ROOT", "ccomp"):
            return None
    return None


def _carry_paragraph_date(
    doc: Doc,
    finding: ClaimFinding,
    sentence: Span,
    paragraph_of: dict[int, int],
    position: dict[int, int],
    published: dt.date | None,
) -> None:
    """A date named earlier in the same paragraph ("In Khost last night, a force searched a compound. ...
    the force detained a suspected insurgent") dates the claims after it. `position` numbers the
    sentences by their start token."""
    paragraph = paragraph_of.get(sentence.start)
    for span in reversed(doc._.dates or []):
        if span.end > sentence.start:
            continue
        span_sentence = sentence_bounds(doc, span.start)[0]
        if paragraph_of.get(span_sentence) != paragraph and not DATE_LOOKBACK_CROSSES_PARAGRAPHS:
            break
        if position.get(sentence.start, 0) - position.get(span_sentence, 0) > DATE_LOOKBACK_SENTENCES:
            break
        value = span._.date_value
        if value is None or value.states_published or value.reporting or value.kind in COARSE_DATE_KINDS:
            continue
        if value.date is None and value.period_start is None:
            continue
        _set_date(finding, span, published)
        # where the date stands, so that a day carried from another sentence never passes for the one the
        # claim's own sentence states (and so for the report's day)
        finding.date_origin = position.get(span_sentence, finding.sentence_index)
        return


LIST_ITEMS_READ_BACK = 40  # how many item lines a list's heading may stand above


def _list_heading_date(doc: Doc, sentences: list[Span], index: int | None) -> Span | None:
    """The day or period of the heading a list item stands under ("Results of operations, Dec. 1-15:" over
    "- 22 ISIS operatives killed")."""
    if index is None:
        return None
    lead = list_lead(document_text(doc), sentences, index, LIST_ITEMS_READ_BACK)
    if lead is None:
        return None
    dates = [s for s in _dates_in(sentences[lead]) if s._.date_value and not s._.date_value.states_published]
    dates = [s for s in dates if s._.date_value.date or s._.date_value.period_start]
    return dates[-1] if dates else None


def _report_period(doc: Doc, finding: ClaimFinding):
    """The period of a losses list, from the heading before it ("combat losses ... from 24.02 to 12.04")."""
    if not finding.cumulative or finding.delta is None and finding.kind not in ("targets", "casualties"):
        return None
    for span in reversed(doc._.dates or []):
        if span.end_char <= finding.evidence_start and span._.date_value is not None:
            value = span._.date_value
            if value.period_start is not None:
                return value.period_start, value.period_end, value.text
    return None


def _word_lemma(word: str) -> str:
    lexeme = word.lower()
    if lexeme.endswith("men"):
        return lexeme[:-3] + "man"  # "men", "servicemen", "gunmen": plurals the taxonomy's lemmas miss
    for suffix, replacement in (("ies", "y"), ("ses", "s"), ("s", "")):
        if lexeme.endswith(suffix) and len(lexeme) > len(suffix) + 2 and not lexeme.endswith("ss"):
            return lexeme[: -len(suffix)] + replacement
    return lexeme


@Language.factory("briefing_claims")
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    """The claim finder as a pipeline component."""
    return ClaimFinder(nlp, name)
