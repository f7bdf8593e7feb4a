"""Per-document indexes of the claims and report sections, so that each claim's links are found without
reading every other claim again (a long document's pieces hold hundreds of claims)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any


class SectionLookup:
    """The report section holding a character, by bisection over the sections' starts (the layout gives
    them in order, one after another); sections out of order are searched one by one, as before."""

    def __init__(self, sections: Sequence[Any]):
        self.sections = sections
        self.starts = [s.start for s in sections]
        self.ordered = all(a.end <= b.start for a, b in zip(sections, sections[1:], strict=False))

    def index(self, char: int) -> int | None:
        """The position of the first section with start <= char < end, None outside every section."""
        if not self.ordered:
            return next((i for i, s in enumerate(self.sections) if s.start <= char < s.end), None)
        position = bisect_right(self.starts, char) - 1
        if position >= 0 and char < self.sections[position].end:
            return position
        return None

    def section(self, char: int) -> Any | None:
        position = self.index(char)
        return None if position is None else self.sections[position]


class ClaimPositions:
    """The claims of one document by section and paragraph, with what each earlier run of claims holds."""

    def __init__(self, findings: Sequence[Any], sections: SectionLookup):
        self.section_of = [sections.index(f.evidence_start) for f in findings]
        # the first claim told in a sentence at or after a given one: the running maximum is sorted
        self.latest_sentence = list(accumulate((f.sentence_index for f in findings), max))
        self.by_section: dict[int | None, list[int]] = {}
        self.by_paragraph: dict[Any, list[int]] = {}
        for position, finding in enumerate(findings):
            self.by_section.setdefault(self.section_of[position], []).append(position)
            self.by_paragraph.setdefault(finding.paragraph, []).append(position)
        # the lowest paragraph among a section's first n claims, for each n
        self.first_paragraph = {
            section: list(accumulate((findings[p].paragraph for p in positions), min))
            for section, positions in self.by_section.items()
        }

    def earlier_count(self, index: int, sentence_index: int) -> int:
        """How many claims come before the first one (among the first `index`) told at or after
        `sentence_index`."""
        return bisect_left(self.latest_sentence, sentence_index, 0, index)

    def first_paragraph_before(self, section: int | None, count: int) -> Any | None:
        """The lowest paragraph of the section's claims among the first `count` claims (None if none)."""
        positions = self.by_section.get(section, [])
        held = bisect_left(positions, count)
        return self.first_paragraph[section][held - 1] if held else None

    def in_paragraphs_before(self, paragraphs: set[Any], count: int) -> list[int]:
        """Positions below `count` of the claims told in `paragraphs`, latest first."""
        found: list[int] = []
        for paragraph in paragraphs:
            positions = self.by_paragraph.get(paragraph, [])
            found.extend(positions[: bisect_left(positions, count)])
        return sorted(found, reverse=True)
