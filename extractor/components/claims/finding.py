"""A claim as the claim finder found it, before it becomes a record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
    # in the perfect with no day of its own ("have been killed"): takes no carried day nor the report's
    perfect_without_day: bool = field(default=False, repr=False)
    noun_index: int | None = field(default=None, repr=False)  # the counted noun
    definite: bool = field(
        default=False, repr=False
    )  # "the two individuals": may name what was counted before
    member: bool = field(default=False, repr=False)  # "the second facilitator": one of a group counted before
    flown_by: str | None = field(default=None, repr=False)  # the aircraft counted as sorties are their actor
    # "the army said it lost 12 soldiers": the subject is the loser, and the one who inflicted the loss is
    # not the actor of the claims before
    loser_is_subject: bool = field(default=False, repr=False)
    # the speaker its own sentence names ("Gaza's health ministry said 45 were killed"), not one carried
    own_source: str | None = field(default=None, repr=False)
    own_place: str | None = field(default=None, repr=False)  # named in its own sentence, before any carried
    # its place is named only in its source's words ("a military source in Goma said"): the source's own
    source_place: bool = field(default=False, repr=False)
    qualifiers: frozenset[str] = field(default=frozenset(), repr=False)
    # the effect of a verb joined to the claim's own that befell the same ones ("were wounded and later taken
    # into custody"): a claim of its own on the same words
    joined_effect: str | None = field(default=None, repr=False)  # "ALLEGED": kept, with its cue
