"""The claim finder's vocabulary: the verbs, nouns and word lists it reads claims with, from data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy import parts_of_speech

from extractor.vocabulary import derived_other_verbs, derived_person_nouns, derived_verbs, load_data, require

NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


# a model or type named by letters and a number: "F-16", "A-10", "T-72", "Su-34"
DESIGNATION = re.compile(r"[A-Za-z]{1,4}-\d{1,4}[A-Za-z]{0,3}")


NOMINAL_POS = frozenset({parts_of_speech.NOUN, parts_of_speech.PROPN})


SINGULAR_CANDIDATES_KEY = "briefing_extractor.singular_candidates"


DATE_STARTS_KEY = "briefing_extractor.date_starts"
DATE_CHARS_KEY = "briefing_extractor.date_start_chars"
DATELINE_TOKENS_KEY = "briefing_extractor.dateline_tokens"


# entities that name no counted thing: "Syria was hit", "the Afghans", "Sunday's strike"
UNCOUNTED_ENTITIES = frozenset({"DATE", "TIME", "NORP", "GPE", "LOC", "FAC"})


# a noun in these relations modifies another noun and counts nothing of its own
MODIFIER_DEPS = frozenset({"compound", "poss"})


ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "conj"})


PRONOUNS = frozenset(
    require(load_data("claim_terms"), "function_words", dict, "claim_terms.json")["pronouns"]
)


PLACE_ENTITIES = {"GPE", "LOC", "FAC"}


# the span group the place finder (components/places/) leaves, and the role of a place a claim may take
PLACES_GROUP = "places"


PLACE_ROLE_WHERE = "where"


SENTENCE_ENDS = (".", "!", "?", ":", ";")


# "an overnight operation ... Monday": a day named before publication says which night, so these give way
# to it in a sentence (on the day of publication, "overnight" already means the night before)
YIELDING_DATE_KINDS = frozenset({"OVERNIGHT"})


DEFINITE_WORDS = frozenset(
    require(load_data("claim_terms"), "function_words", dict, "claim_terms.json")["definite_words"]
)


# marks inside a transliterated place name ("Qal'a-ye Zal", "Pul-e 'Alam")
NAME_JOINERS = frozenset({"-", "'", "\u2018", "\u2019"})


# date expressions that name a month, a year or a vaguer time: they date a claim only on its own verb, and set
# long before a report they put a sentence in the past ("In June, insurgents engaged the force")
COARSE_DATE_KINDS = frozenset(
    {"MONTH", "MONTH_YEAR", "YEAR", "YEAR_PART", "LAST_UNIT", "BARE_MONTH", "OTHER"}
)


@dataclass(frozen=True)
class VerbSense:
    thing: str | None
    person: str | None
    particle: str | None = None
    subject_counted: bool = False
    subject_loses: bool = False


# the fields of ClaimVocabulary read as a plain word list of claim_terms.json under the field's own name
WORD_LISTS = (
    "sortie_nouns",
    "strike_nouns",
    "strike_verbs",
    "reporting_verbs",
    "not_counted_nouns",
    "indefinite_subjects",
    "achieving_verbs",
    "person_pronouns",
    "armed_bodies",
    "launch_verbs",
    "amount_verbs",
    "repelling_verbs",
    "attack_verbs",
    "set_off_devices",
    "aircraft_nouns",
    "unit_nouns",
    "flight_verbs",
    "means_prepositions",
    "cause_nouns",
    "operation_nouns",
    "depicting_verbs",
    "assault_verbs",
    "attack_clause_marks",
    "deed_prepositions",
    "strike_means",
    "means_verbs",
    "claiming_verbs",
    "consisting_verbs",
    "cache_verbs",
    "ground_nouns",
    "raising_verbs",
    "accusing_verbs",
    "sending_verbs",
    "running_total_verbs",
)


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
    set_off_devices: frozenset[str]
    aircraft_nouns: frozenset[str]
    unit_nouns: frozenset[str]
    flight_verbs: frozenset[str]
    means_prepositions: frozenset[str]
    cause_nouns: frozenset[str]
    result_verbs: dict[str, str | None]
    operation_nouns: frozenset[str]
    loss_nouns: dict[str, str | None]
    idiom_nouns: dict[str, frozenset[str]]
    depicting_verbs: frozenset[str] = frozenset()
    assault_verbs: frozenset[str] = frozenset()
    attack_clause_marks: frozenset[str] = frozenset()
    imputing_verbs: dict[str, str] = field(default_factory=dict)
    deed_prepositions: frozenset[str] = frozenset()
    # verbs of handing over, trading or making ("supplied 400 drones"): the weapons they count are no strikes
    transfer_verbs: frozenset[str] = frozenset()
    strike_means: frozenset[str] = frozenset()
    means_verbs: frozenset[str] = frozenset()
    claiming_verbs: frozenset[str] = frozenset()
    consisting_verbs: frozenset[str] = frozenset()
    cache_verbs: frozenset[str] = frozenset()
    ground_nouns: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()
    # "claimed responsibility for 3 attacks": the noun, with the verbs that claim strikes through it
    responsibility_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    accusing_verbs: frozenset[str] = frozenset()
    sending_verbs: frozenset[str] = frozenset()
    # the effects that befall the same ones at once ("were wounded and taken into custody")
    co_occurring_effects: dict[str, frozenset[str]] = field(default_factory=dict)
    sequential_effects: dict[str, frozenset[str]] = field(default_factory=dict)
    # every lower-case name of a country (countries.json): a recipient weapons are sent to
    country_names: frozenset[str] = frozenset()
    # "bringing the total to 120": verbs that set a tally at a new sum, a running total
    running_total_verbs: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls) -> ClaimVocabulary:
        data = load_data("claim_terms")
        src = "claim_terms.json"
        verbs = _verb_senses(require(data, "verbs", dict, src))
        return cls(
            verbs=verbs,
            **{name: frozenset(require(data, name, list, src)) for name in WORD_LISTS},
            nominalizations=require(data, "nominalizations", dict, src),
            result_words=require(data, "result_words", dict, src),
            result_phrases={
                tuple(k.split(maxsplit=1)) if " " in k else ("", k): v
                for k, v in require(data, "result_phrases", dict, src).items()
            },
            person_nouns=frozenset(require(data, "person_nouns", list, src)) | derived_person_nouns(),
            result_verbs=require(data, "result_verbs", dict, src),
            loss_nouns=require(data, "loss_nouns", dict, src),
            idiom_nouns=_sets_by_key(data, "idiom_nouns", src),
            imputing_verbs=dict(require(data, "imputing_verbs", dict, src)),
            # the hand lists' claim, strike and launch verbs ("deliver", "carry") are never mere transfers
            transfer_verbs=derived_other_verbs("transfer")
            - set(verbs)
            - set(require(data, "strike_verbs", list, src))
            - set(require(data, "launch_verbs", list, src))
            - set(require(data, "attack_verbs", list, src)),
            responsibility_nouns=_sets_by_key(data, "responsibility_nouns", src),
            co_occurring_effects=_sets_by_key(data, "co_occurring_effects", src),
            sequential_effects=_sets_by_key(data, "sequential_effects", src),
            country_names=_country_names(),
        )


def _sets_by_key(data: dict, key: str, src: str) -> dict[str, frozenset[str]]:
    """A table of word lists, each as a set."""
    return {k: frozenset(v) for k, v in require(data, key, dict, src).items()}


def _verb_senses(hand: dict) -> dict[str, VerbSense]:
    """WordNet's claim verbs first; the hand entries (claim_terms.json) are exceptions that override them."""
    verbs = {lemma: VerbSense(thing, person) for lemma, (thing, person) in derived_verbs().items()}
    for lemma, entry in hand.items():
        verbs[lemma] = VerbSense(
            thing=entry.get("thing"),
            person=entry.get("person"),
            particle=entry.get("particle"),
            subject_counted=bool(entry.get("subject_counted", False)),
            subject_loses=bool(entry.get("subject_loses", False)),
        )
    return verbs


def _country_names() -> frozenset[str]:
    countries = require(load_data("countries"), "countries", dict, "countries.json")
    return frozenset(form.lower() for name, others in countries.items() for form in (name, *others))


@lru_cache(maxsize=1)
def claim_vocabulary() -> ClaimVocabulary:
    return ClaimVocabulary.from_data()


ONE_WORDS = frozenset(
    word
    for key in ("small_numbers", "number_words")
    for word, value in require(load_data("numbers"), key, dict, "numbers.json").items()
    if value == 1
)


AGE_UNITS = frozenset(require(load_data("numbers"), "time_units", list, "numbers.json"))
# "12 militants and several suspected insurgents": a vague count's first word gives a noun a count of its own
QUANTIFIER_WORDS = frozenset(
    phrase
    for key in ("quantifiers", "standalone_quantifiers")
    for phrase in require(load_data("numbers"), key, dict, "numbers.json")
    if " " not in phrase
)


AGE_AFTER = frozenset(require(load_data("numbers"), "age_after", list, "numbers.json"))
# "155mm", "a 122-mm mortar", "a 5-ton truck": a figure with its unit names a kind of thing, counting none
MEASURE_UNITS = frozenset(require(load_data("numbers"), "measure_units", list, "numbers.json"))


_PLACES = load_data("places")


# the words that make a phrase a place: prepositions that introduce one, units named with a proper name
# ("Andar district"), and area words that are places even without one ("the outskirts of", "an air base")
PLACE_PREPOSITIONS = frozenset(require(_PLACES, "place_prepositions", list, "places.json"))


PLACE_UNITS = frozenset(require(_PLACES, "place_units", list, "places.json"))


# "In a separate attack, ...": a claim of another event than the one told before, which takes no place
OTHER_EVENT_WORDS = frozenset(require(_PLACES, "other_event_words", list, "places.json"))
OTHER_EVENT_NOUNS = frozenset(require(_PLACES, "other_event_nouns", list, "places.json"))
OTHER_PLACE_ADVERBS = frozenset(require(_PLACES, "other_place_adverbs", list, "places.json"))


AREA_WORDS = frozenset(require(_PLACES, "area_words", list, "places.json"))


# the grammatical words the finder reads a parse with, by role (claim_terms.json "function_words")
_FUNCTION_WORDS = require(load_data("claim_terms"), "function_words", dict, "claim_terms.json")

PARTITIVE = frozenset(_FUNCTION_WORDS["partitive"])
COORDINATORS = frozenset(_FUNCTION_WORDS["coordinators"])
THING_PRONOUNS = frozenset(_FUNCTION_WORDS["thing_pronouns"])
SPEAKING_PRONOUNS = frozenset(_FUNCTION_WORDS["speaking_pronouns"])
ATTRIBUTION_OPENERS = frozenset(_FUNCTION_WORDS["attribution_openers"])
DEFINITE_OPENERS = frozenset(_FUNCTION_WORDS["definite_openers"])
DEFINITE_ARTICLES = frozenset(_FUNCTION_WORDS["definite_articles"])
INDEFINITE_ARTICLES = frozenset(_FUNCTION_WORDS["indefinite_articles"])


def _phrase_verbs() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """claim_terms.json's phrase_verbs by their verb: each phrase's later words (articles left out, as the
    parse hangs them on the noun) with the claim verb the whole stands for, the longest phrase first."""
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, lemma in require(load_data("claim_terms"), "phrase_verbs", dict, "claim_terms.json").items():
        verb, *words = phrase.split()
        phrases.setdefault(verb, []).append(
            (tuple(w for w in words if w not in DEFINITE_ARTICLES | INDEFINITE_ARTICLES), lemma)
        )
    return {verb: tuple(sorted(found, key=lambda p: -len(p[0]))) for verb, found in phrases.items()}


PHRASE_VERBS = _phrase_verbs()

ONE_DETERMINERS = frozenset(_FUNCTION_WORDS["one_words"])
ZERO_DETERMINERS = frozenset(_FUNCTION_WORDS["zero_determiners"])
NEGATIVE_PRONOUNS = frozenset(_FUNCTION_WORDS["negative_pronouns"])
RANGE_PREPOSITIONS = frozenset(_FUNCTION_WORDS["range_prepositions"])
RECIPIENT_PREPOSITIONS = frozenset(_FUNCTION_WORDS["recipient_prepositions"])
ANOTHER_WORDS = frozenset(_FUNCTION_WORDS["another_words"])
ACCOMPANYING_PREPOSITIONS = frozenset(_FUNCTION_WORDS["accompanying_prepositions"])
ALONG_WORDS = frozenset(_FUNCTION_WORDS["along_words"])
MEMBER_PREPOSITIONS = frozenset(_FUNCTION_WORDS["member_prepositions"])
TARGET_PREPOSITIONS = frozenset(_FUNCTION_WORDS["target_prepositions"])
AMOUNT_PREPOSITIONS = frozenset(_FUNCTION_WORDS["amount_prepositions"])
GROUP_PREPOSITIONS = frozenset(_FUNCTION_WORDS["group_prepositions"])
INCLUSION_WORDS = frozenset(_FUNCTION_WORDS["inclusion_words"])
GROUP_PRONOUNS = frozenset(_FUNCTION_WORDS["group_pronouns"])
TOTALITY_WORDS = frozenset(_FUNCTION_WORDS["totality_words"])
PERIOD_OPENERS = frozenset(_FUNCTION_WORDS["period_openers"])
TO_DATE_PREPOSITIONS = frozenset(_FUNCTION_WORDS["to_date_prepositions"])
PERFECT_TO_DATE_PREPOSITIONS = frozenset(_FUNCTION_WORDS["perfect_to_date_prepositions"])
PERFECT_AUXILIARIES = frozenset(_FUNCTION_WORDS["perfect_auxiliaries"])
LOSS_PREPOSITIONS = frozenset(_FUNCTION_WORDS["loss_prepositions"])
ATTRIBUTION_LINKS = frozenset(_FUNCTION_WORDS["attribution_links"])
INFINITIVE_MARKERS = frozenset(_FUNCTION_WORDS["infinitive_markers"])
INSTRUMENT_PREPOSITIONS = frozenset(_FUNCTION_WORDS["instrument_prepositions"])
RELATIVE_PRONOUNS = frozenset(_FUNCTION_WORDS["relative_pronouns"])
RESPONSIBILITY_PREPOSITIONS = frozenset(_FUNCTION_WORDS["responsibility_prepositions"])
AGENT_PREPOSITIONS = frozenset(_FUNCTION_WORDS["agent_prepositions"])
EVENT_PREPOSITIONS = frozenset(_FUNCTION_WORDS["means_prepositions_of_time"])
SINGULAR_DEMONSTRATIVES = frozenset(_FUNCTION_WORDS["singular_demonstratives"])
INVARIANT_PLURALS = frozenset(_FUNCTION_WORDS["invariant_plurals"])
SOURCE_PREPOSITIONS = frozenset(_FUNCTION_WORDS["source_prepositions"])
AUXILIARY_LEMMAS = frozenset(_FUNCTION_WORDS["auxiliary_lemmas"])
COPULA_LEMMAS = frozenset(_FUNCTION_WORDS["copula_lemmas"])
ALTERNATIVE_COORDINATORS = frozenset(_FUNCTION_WORDS["alternative_coordinators"])
WHOSE_LOSS_NOUNS = frozenset(_FUNCTION_WORDS["whose_loss_nouns"])
UNCOUNTED_LOSS_NOUNS = frozenset(_FUNCTION_WORDS["uncounted_loss_nouns"])
PARTICLE_REQUIRED_VERBS = frozenset(_FUNCTION_WORDS["particle_required_verbs"])
PARTICLE_OPTIONAL_VERBS = frozenset(_FUNCTION_WORDS["particle_optional_verbs"])

# doc.user_data key: the claim frames matched in the document (frame_matcher.py)
FRAME_MATCHES_KEY = "briefing_extractor.claim_frames"
ROLE_PREPOSITIONS = frozenset(_FUNCTION_WORDS["role_prepositions"])
ADDITION_NOUNS = frozenset(_FUNCTION_WORDS["addition_nouns"])
ADDITION_MODIFIERS = frozenset(_FUNCTION_WORDS["addition_modifiers"])
HARM_PREPOSITIONS = frozenset(_FUNCTION_WORDS["harm_prepositions"])
RESULTATIVE_VERBS = frozenset(_FUNCTION_WORDS["resultative_verbs"])
