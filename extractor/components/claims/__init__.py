"""The claim finder: a count, the thing counted and the verb over it, read as a claim.

One module a job, layered so that each imports only those before it: vocabulary and policy, finding,
background, tokens, frame_matcher, wording, frames, actors, location, timing, readings, singular, scope,
finder. The names other modules and the tests import are re-exported here."""

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
    DEFAULT_RESOLVERS,
    MAX_EVIDENCE_TOKENS,
    MAX_PHRASE_TOKENS,
    ClaimPolicy,
    default_policy_config,
)
from extractor.components.claims.scope import RESOLVERS, resolvers_named
from extractor.components.claims.singular import _looks_like_a_name
from extractor.components.claims.timing import PERIOD_IN_WORDS_WARNING, SPEAKER_RELATIVE_KINDS, pick_date
from extractor.components.claims.tokens import is_person
from extractor.components.claims.vocabulary import (
    AGE_AFTER,
    AGE_UNITS,
    AREA_WORDS,
    ARGUMENT_DEPS,
    COARSE_DATE_KINDS,
    DATE_CHARS_KEY,
    DATE_STARTS_KEY,
    DATELINE_TOKENS_KEY,
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
from extractor.factories import evaluated_annotations


@evaluated_annotations
@Language.factory("briefing_claims", default_config=default_policy_config())
def make_claim_finder(
    nlp: Language,
    name: str,
    dateline_dates_claims: bool,
    reporting_dates_claims: bool,
    carry_paragraph_dates: bool,
    dateline_dates_report: bool,
    carry_sentences: int,
    date_lookback_sentences: int,
    date_lookback_crosses_paragraphs: bool,
    location_crosses_paragraphs: bool,
    location_lookback_sentences: int,
    carry_lead_date: bool,
    background_days: int,
    report_day_max_age: int,
    resolvers: list[str],
) -> ClaimFinder:
    """The claim finder as a pipeline component; its config is the `ClaimPolicy` it reads claims under."""
    policy = ClaimPolicy(
        dateline_dates_claims=dateline_dates_claims,
        reporting_dates_claims=reporting_dates_claims,
        carry_paragraph_dates=carry_paragraph_dates,
        dateline_dates_report=dateline_dates_report,
        carry_sentences=carry_sentences,
        date_lookback_sentences=date_lookback_sentences,
        date_lookback_crosses_paragraphs=date_lookback_crosses_paragraphs,
        location_crosses_paragraphs=location_crosses_paragraphs,
        location_lookback_sentences=location_lookback_sentences,
        carry_lead_date=carry_lead_date,
        background_days=background_days,
        report_day_max_age=report_day_max_age,
        resolvers=tuple(resolvers),
    )
    resolvers_named(policy.resolvers)  # an unknown name fails at load, naming the known ones
    return ClaimFinder(nlp, name, policy)


__all__ = [
    "AGE_AFTER",
    "AGE_UNITS",
    "AREA_WORDS",
    "ARGUMENT_DEPS",
    "COARSE_DATE_KINDS",
    "ClaimFinder",
    "ClaimFinding",
    "ClaimPolicy",
    "ClaimVocabulary",
    "DATE_STARTS_KEY",
    "DEFAULT_RESOLVERS",
    "DATELINE_TOKENS_KEY",
    "DATE_CHARS_KEY",
    "DEFINITE_WORDS",
    "DESIGNATION",
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
    "RESOLVERS",
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
    "default_policy_config",
    "find_actor",
    "find_claims",
    "find_location",
    "governing_verb",
    "is_person",
    "make_claim_finder",
    "opens_age",
    "past_age",
    "resolvers_named",
    "pick_date",
    "shared_subject_verb",
    "strike_maker",
    "verb_effect",
]
