"""Scope: what a claim inherits and from where. One row per rule, in the styles of the corpus."""

import pytest


def readings(extractor, text, published="2016-03-09"):
    record = extractor.extract(text, published=published)
    return [(c.kind, c.value, c.category, c.effect, c.actor) for c in record.claims if c.value is not None]


@pytest.mark.parametrize(
    "text, expected",
    [
        # verbless items take the verb, the effect and the actor of the lead they hang under
        (
            "Ukrainian forces destroyed:\n- 12 tanks;\n- 7 artillery systems.",
            [
                ("targets", 12, "tanks", "destroyed", "Ukrainian forces"),
                ("targets", 7, "artillery systems", "destroyed", "Ukrainian forces"),
            ],
        ),
        (
            "Army aviation hit the following targets near Avdiivka:\n- 4 ammunition depots\n"
            "- 2 radar stations",
            [
                ("targets", 4, "ammunition depots", "hit", "Army aviation"),
                ("targets", 2, "radar stations", "hit", "Army aviation"),
            ],
        ),
        # items with a verb of their own and no actor act for the force named above their lead
        (
            "The Russian Aerospace Forces carried out strikes overnight. Results:\n"
            "- 14 command posts destroyed\n- 3 fuel depots hit",
            [
                ("targets", 14, "command posts", "destroyed", "The Russian Aerospace Forces"),
                ("targets", 3, "fuel depots", "hit", "The Russian Aerospace Forces"),
            ],
        ),
        # a lead whose subject is the strikes themselves: the strikes' own force is the one named before
        (
            "Coalition aircraft conducted nine strikes on Tuesday. The strikes hit the following:\n"
            "- Two strikes destroyed four ISIL vehicles.",
            [
                ("strikes", 9, None, None, "Coalition aircraft"),
                ("strikes", 2, None, None, "Coalition aircraft"),
                ("targets", 4, "ISIL vehicles", "destroyed", "Two strikes"),
            ],
        ),
        # an item that names its own actor keeps it
        (
            "Coalition forces reported the results:\n- Marines destroyed 6 mortar positions.",
            [("targets", 6, "mortar positions", "destroyed", "Marines")],
        ),
        # no colon, no lead: items stand on their own
        (
            "Border guards reported a quiet night.\n- 2 bunkers were destroyed.",
            [("targets", 2, "bunkers", "destroyed", None)],
        ),
    ],
)
def test_list_items_inherit_their_lead(extractor, text, expected):
    assert readings(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite event noun refers back to the event named before and takes its time, across a paragraph
        (
            "Government troops moved on the town on Tuesday.\n"
            "Rocket fire and air raids overnight hit the old quarter.\n"
            "Six civilians were killed in the bombardment, a doctor said.",
            [(6, None, "2016-03-08", "2016-03-09")],
        ),
        (
            "Police said the convoy left the base on Monday. Drones struck a depot late Friday.\n"
            "Four guards died in the strike.",
            [(4, "2016-03-04", None, None)],
        ),
        # an indefinite one is another event: it takes the report's day
        (
            "Government troops moved on the town on Tuesday.\n"
            "Rocket fire and air raids overnight hit the old quarter.\n"
            "Six civilians were killed in a separate attack, a doctor said.",
            [(6, "2016-03-08", None, None)],
        ),
    ],
)
def test_a_definite_event_noun_takes_the_time_of_the_event_named_before(extractor, text, expected):
    record = extractor.extract(text, published="2016-03-09")
    got = [(c.value, c.date, c.period_start, c.period_end) for c in record.claims if c.kind == "casualties"]
    assert [tuple(None if v is None else str(v) for v in row) for row in got] == [
        (str(v), d, s, e) for v, d, s, e in expected
    ]
