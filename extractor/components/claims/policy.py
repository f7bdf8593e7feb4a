"""The claim finder's policies: how far dates and places carry, which datelines date what."""

from __future__ import annotations

from dataclasses import asdict, dataclass

MAX_EVIDENCE_TOKENS = 16
MAX_PHRASE_TOKENS = 14


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
    # how far back a month or a period's start lies before it is background to the report
    background_days: int = 31
    # how far before its report the day a report's story opens on may lie; a day further back is another
    # story's
    report_day_max_age: int = 7
    # (how many item lines a list's heading may stand above is the layout component's list_items_read_back)


DEFAULT_POLICY = ClaimPolicy()


def default_policy_config() -> dict[str, bool | int]:
    """The defaults as the factory's `default_config`."""
    return asdict(DEFAULT_POLICY)
