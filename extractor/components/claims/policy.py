"""The claim finder's policies: how far dates and places carry, which datelines date what."""

from __future__ import annotations

from dataclasses import asdict, dataclass

MAX_EVIDENCE_TOKENS = 16
MAX_PHRASE_TOKENS = 14

# the order in which a claim's carried values are resolved, each step by its scope (the resolvers of
# `claims/scope.py`, by name): its own clause first, then what it inherits; a later step fills only what the
# ones before left empty, or takes back what they carried
DEFAULT_RESOLVERS = (
    "category",  # the taxonomy label of its own category
    "own_clause",  # place, date and speaker of its own sentence and clause
    "perfect",  # in the perfect with no day of its own: takes no carried day
    "previous",  # actor, category, date and place of the claim before, in its paragraph
    "earlier_place",  # a place named a few sentences before
    "paragraph_date",  # a date named earlier in its paragraph
    "heading_date",  # the day or period of the list heading it stands under
    "event_date",  # the time of the event its definite event noun refers back to
    "background",  # a sentence set in another time drops a carried day and gives nothing on
    "perfect_day",  # takes back a day carried to a claim in the perfect
    "report_period",  # the period of the losses list a running total stands in
    "report_day",  # the report's day: its first stated day, the story's opening day, its only dateline
    "quote",  # the quote it stands in, and the quote's speaker
    "told_as_background",  # as dated, background to its report (`background`), which no later link counts
)


@dataclass(frozen=True)
class ClaimPolicy:
    """The choices the factory's config makes (`briefing_claims` in the pipeline's config); the defaults
    are the ones measured best on the dev corpora."""

    # whether a dateline's date dates a claim in its sentence that names no date of its own
    dateline_dates_claims: bool = False
    # whether the day a statement was made ("said Friday") dates a claim in its sentence that names no other
    reporting_dates_claims: bool = False
    # whether a date named earlier in a paragraph dates the claims after it that name none
    carry_paragraph_dates: bool = True
    # whether a report's only dateline dates its story
    dateline_dates_report: bool = True
    # how many sentences on a report's date and place still hold for a claim that names none
    carry_sentences: int = 3
    # how many sentences back a paragraph's date is looked for, and whether the look crosses paragraphs
    date_lookback_sentences: int = 2
    date_lookback_crosses_paragraphs: bool = False
    # whether a place named before carries over into the next paragraph, and how many sentences back
    location_crosses_paragraphs: bool = True
    location_lookback_sentences: int = 3
    # whether the first day a report states holds for its later claims that name no date
    carry_lead_date: bool = True
    # how far back a month or a period's start lies before it is background to the report, and a claim's
    # day or its sentence's before the claim is (`told_as_background`)
    background_days: int = 31
    # how far before its report the day a report's story opens on may lie; a day further back is another
    # story's
    report_day_max_age: int = 7
    # the scope resolvers, in the order they run (an unknown name is an error at load)
    resolvers: tuple[str, ...] = DEFAULT_RESOLVERS
    # (how many item lines a list's heading may stand above is the layout component's list_items_read_back)


DEFAULT_POLICY = ClaimPolicy()


def default_policy_config() -> dict[str, bool | int | list[str]]:
    """The defaults as the factory's `default_config` (a list, as a config file writes it)."""
    config = asdict(DEFAULT_POLICY)
    config["resolvers"] = list(DEFAULT_POLICY.resolvers)
    return config
