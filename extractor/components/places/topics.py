"""A place that opens a paragraph before a colon ("Rafah: Israeli strikes killed 14 people overnight"): how
news sites head a report with the place its news is from, as a wire dateline heads one with the city it was
filed in."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor.components.document import document_text
from extractor.components.places.words import KIND_OF_WORD, NAME_PARTICLES
from extractor.gazetteer import CITY_POPULATION, fold, gazetteer

# a name of at most four words (a kind word may end it: "Kharkiv region"), its colon, then the report's words
_TOPIC = re.compile(r"[^\W\d_][\w'\u2019.-]*(?: [\w'\u2019.-]+){0,3}(?=:[ \t]+[^\W\d_])")
# labels the model gives a name that is no place of news unless the gazetteer knows it: the model takes a
# heading's town for a person or a body ("Khan Younis:", "El Fasher:") as often as it is one
_NO_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def _known_place(name: str) -> bool:
    """A name the gazetteer knows as a country, as its own name of a division or a town of the theatres the
    index details, or as any name of a city: not a heading word that some hamlet abroad is also called
    ("Source:", a quarter of Monaco)."""
    index = gazetteer()
    theatres = set(index.meta.get("_detailed_countries", ()))
    key = fold(name)
    return any(
        entry.kind == "country"
        or entry.kind == "town"
        and entry.population >= CITY_POPULATION
        or fold(entry.name) == key
        and entry.kind in ("province", "town")
        and entry.country in theatres
        for entry in index.candidates(name)
    )


def _named(words: list[str]) -> list[str] | None:
    """The words of the name, less a kind word after it; None when a word is not part of a name."""
    if len(words) > 1 and words[-1].lower() in KIND_OF_WORD:
        words = words[:-1]
    if not words or not all(w[:1].isupper() or w.lower().split("-")[0] in NAME_PARTICLES for w in words):
        return None
    return words


def topic_places(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges of the places that open a paragraph (or the text) before a colon, with the report's
    own words after it on the line."""
    text = document_text(doc)
    starts = [start for start, _ in doc._.paragraphs or []] if Doc.has_extension("paragraphs") else []
    found = []
    for start in sorted({0, *starts}):
        while start < len(text) and text[start].isspace():
            start += 1
        match = _TOPIC.match(text, start)
        words = _named(match.group().split()) if match is not None else None
        if words is None or "\n" in match.group():
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        after = doc.char_span(match.end() + 1, len(text), alignment_mode="expand")
        if span is None or after is None or not len(after):
            continue
        if after[0].tag_ == "PRP":
            continue  # a speaker's line: "Austin: We struck 85 targets"
        labels = {t.ent_type_ for t in span}
        if _known_place(" ".join(words)) or labels & _PLACE_LABELS and not labels & _NO_PLACE_LABELS:
            found.append((span.start, span.end))
    return found
