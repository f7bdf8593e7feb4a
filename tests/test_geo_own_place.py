"""_own_place: a claim's location is read from the place whose words it starts with or that start with it,
the nearest such place to the claim; looking places up by their first character finds the same one."""

from __future__ import annotations

import pytest

from extractor.components.geo import ReportPlaces, _own_place

# (text, first character) of each place mention of a report
PLACES = [("Andar district", 10), ("Ghazni province", 40), ("Andar", 300), ("Kabul", 500), ("", 700)]


def _report(places: list[tuple[str, int]]) -> ReportPlaces:
    by_first: dict[str, list[int]] = {}
    for k, (text, _) in enumerate(places):
        by_first.setdefault(text[:1], []).append(k)
    return ReportPlaces([f"place {k}" for k in range(len(places))], [], places, by_first)


def _scanned(places: list[tuple[str, int]], location: str, char: int) -> str | None:
    same = [k for k, (t, _) in enumerate(places) if location.startswith(t) or t.startswith(location)]
    return f"place {min(same, key=lambda k: abs(places[k][1] - char))}" if same else None


@pytest.mark.parametrize(
    ("location", "char", "expected"),
    [
        ("Andar district", 20, "place 0"),
        ("Andar", 290, "place 2"),
        ("Andar", 5, "place 0"),
        ("Ghazni province, Afghanistan", 60, "place 1"),
        ("Kabul", 480, "place 3"),
        ("Kunduz", 600, "place 4"),  # only the empty text starts it
        ("", 0, "place 0"),
    ],
)
def test_the_nearest_place_the_location_reads_from(location, char, expected):
    assert _own_place(_report(PLACES), location, char) == expected
    assert _scanned(PLACES, location, char) == expected


def test_no_place_no_mention():
    assert _own_place(_report(PLACES[:4]), "Kunduz", 600) is None
