"""The claim finder: a count, the thing counted and the verb over it, read as a claim.

One module a job, layered so that each imports only those before it: vocabulary and policy, finding,
tokens, frames, actors, location, timing, readings, scope, finder. The names other modules and the tests
import are re-exported here."""

from __future__ import annotations

from spacy.language import Language

from extractor.components.claims.actors import find_actor, strike_maker
from extractor.components.claims.finder import ClaimFinder, find_claims
from extractor.components.claims.finding import ClaimFinding
from extractor.components.claims.frames import (
    category_extent,
    clause_result,
    counted_noun,
    governing_verb,
    opens_age,
    past_age,
    shared_subject_verb,
    verb_effect,
)
from extractor.components.claims.location import find_location
from extractor.components.claims.policy import (
    BACKGROUND_DAYS,
    CARRY_LEAD_DATE,
    CARRY_PARAGRAPH_DATES,
    CARRY_SENTENCES,
    DATE_LOOKBACK_CROSSES_PARAGRAPHS,
    DATE_LOOKBACK_SENTENCES,
    DATELINE_DATES_CLAIMS,
    DATELINE_DATES_REPORT,
    LIST_ITEMS_READ_BACK,
    LOCATION_CROSSES_PARAGRAPHS,
    LOCATION_LOOKBACK_SENTENCES,
    MAX_EVIDENCE_TOKENS,
    MAX_PHRASE_TOKENS,
    REPORT_DAY_MAX_AGE,
    REPORTING_DATES_CLAIMS,
)
from extractor.components.claims.readings import _looks_like_a_name
from extractor.components.claims.timing import PERIOD_IN_WORDS_WARNING, SPEAKER_RELATIVE_KINDS, pick_date
from extractor.components.claims.tokens import is_person
from extractor.components.claims.vocabulary import (
    AGE_AFTER,
    AGE_UNITS,
    AREA_WORDS,
    ARGUMENT_DEPS,
    COARSE_DATE_KINDS,
    DATE_STARTS_KEY,
    DEFINITE_WORDS,
    DESIGNATION,
    MODIFIER_DEPS,
    NAME_JOINERS,
    NOMINAL_POS,
    NOMINAL_TAGS,
    ONE_WORDS,
    PLACE_ENTITIES,
    PLACE_PREPOSITIONS,
    PLACE_ROLE_WHERE,
    PLACE_UNITS,
    PLACES_GROUP,
    PRONOUNS,
    SENTENCE_ENDS,
    SINGULAR_CANDIDATES_KEY,
    UNCOUNTED_ENTITIES,
    YIELDING_DATE_KINDS,
    ClaimVocabulary,
    VerbSense,
    claim_vocabulary,
)


@Language.factory("briefing_claims")
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    """The claim finder as a pipeline component."""
    return ClaimFinder(nlp, name)


__all__ = [
    "AGE_AFTER",
    "AGE_UNITS",
    "AREA_WORDS",
    "ARGUMENT_DEPS",
    "BACKGROUND_DAYS",
    "CARRY_LEAD_DATE",
    "CARRY_PARAGRAPH_DATES",
    "CARRY_SENTENCES",
    "COARSE_DATE_KINDS",
    "ClaimFinder",
    "ClaimFinding",
    "ClaimVocabulary",
    "DATELINE_DATES_CLAIMS",
    "DATELINE_DATES_REPORT",
    "DATE_LOOKBACK_CROSSES_PARAGRAPHS",
    "DATE_LOOKBACK_SENTENCES",
    "DATE_STARTS_KEY",
    "DEFINITE_WORDS",
    "DESIGNATION",
    "LIST_ITEMS_READ_BACK",
    "LOCATION_CROSSES_PARAGRAPHS",
    "LOCATION_LOOKBACK_SENTENCES",
    "MAX_EVIDENCE_TOKENS",
    "MAX_PHRASE_TOKENS",
    "MODIFIER_DEPS",
    "NAME_JOINERS",
    "NOMINAL_POS",
    "NOMINAL_TAGS",
    "ONE_WORDS",
    "PERIOD_IN_WORDS_WARNING",
    "PLACES_GROUP",
    "PLACE_ENTITIES",
    "PLACE_PREPOSITIONS",
    "PLACE_ROLE_WHERE",
    "PLACE_UNITS",
    "PRONOUNS",
    "REPORTING_DATES_CLAIMS",
    "REPORT_DAY_MAX_AGE",
    "SENTENCE_ENDS",
    "SINGULAR_CANDIDATES_KEY",
    "SPEAKER_RELATIVE_KINDS",
    "UNCOUNTED_ENTITIES",
    "VerbSense",
    "YIELDING_DATE_KINDS",
    "_looks_like_a_name",
    "category_extent",
    "claim_vocabulary",
    "clause_result",
    "counted_noun",
    "find_actor",
    "find_claims",
    "find_location",
    "governing_verb",
    "is_person",
    "make_claim_finder",
    "opens_age",
    "past_age",
    "pick_date",
    "shared_subject_verb",
    "strike_maker",
    "verb_effect",
]
