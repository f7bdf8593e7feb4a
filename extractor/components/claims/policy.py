"""The claim finder's policies: how far dates and places carry, which datelines date what."""

from __future__ import annotations

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


# how far back a month or a period's start lies before it is background to the report
BACKGROUND_DAYS = 31


# how far before its report the day a report's story opens on may lie; a day further back is another story's
REPORT_DAY_MAX_AGE = 7


LIST_ITEMS_READ_BACK = 40  # how many item lines a list's heading may stand above
