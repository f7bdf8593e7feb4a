"""Scope resolvers: the order the factory's config lists them in is the order a claim's carried values are
decided in, each leaving out of the list drops exactly what that resolver decides."""

import dataclasses
import datetime as dt

import pytest
import spacy

from extractor.components.claims import DEFAULT_RESOLVERS, RESOLVERS, default_policy_config

PUBLISHED = "2016-03-09"
# the fields one resolver decides: a date resolver sets the day or period and the words that name it
DATE_FIELDS = ("date", "period_start", "period_end", "date_text")
FIELDS = ("category_label", "actor", "location", *DATE_FIELDS, "speaker", "quote_id", "background")


@pytest.fixture
def with_resolvers(extractor, monkeypatch):
    """Reads a text with the claim finder's resolvers set to the given names, in order."""
    finder = extractor.nlp.get_pipe("briefing_claims")

    def read(text: str, names) -> list[dict]:
        monkeypatch.setattr(finder, "policy", dataclasses.replace(finder.policy, resolvers=tuple(names)))
        record = extractor.extract(text, published=PUBLISHED)
        return [
            {"kind": c.kind, "value": c.value, **{f: getattr(c, f) for f in FIELDS}} for c in record.claims
        ]

    return read


def test_the_default_order_is_the_factory_config_and_names_every_resolver_once(nlp):
    assert default_policy_config()["resolvers"] == list(DEFAULT_RESOLVERS)
    assert nlp.get_pipe("briefing_claims").policy.resolvers == DEFAULT_RESOLVERS
    assert sorted(DEFAULT_RESOLVERS) == sorted(RESOLVERS)


@pytest.mark.parametrize(
    "names, problem",
    [
        (["own_clause", "own_clase"], "'own_clase'"),
        (["quote", "speaker", "dates"], "'speaker', 'dates'"),
    ],
)
def test_an_unknown_resolver_fails_at_load_naming_it_and_the_known_ones(names, problem):
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="unknown scope resolver") as error:
        nlp.add_pipe("briefing_claims", config={"resolvers": names})
    assert problem in str(error.value)
    assert all(name in str(error.value) for name in RESOLVERS)


def test_the_factory_keeps_the_order_its_config_gives():
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("briefing_claims", config={"resolvers": ["quote", "category"]})
    assert finder.policy.resolvers == ("quote", "category")


MONDAY, FEB_20, FEB_25 = dt.date(2016, 3, 7), dt.date(2016, 2, 20), dt.date(2016, 2, 25)


@pytest.mark.parametrize(
    "text, left_out, kind, field, decided, otherwise",
    [
        (
            "Riflemen destroyed 3 tanks near the bridge.",
            "category",
            "targets",
            "category_label",
            "tank",
            None,
        ),
        ("On Monday, gunners destroyed 3 tanks.", "own_clause", "targets", "date", MONDAY, None),
        # a tally in the perfect takes no day from the claim before it
        (
            "On Monday, troops destroyed 3 tanks. In the fighting, 400 soldiers have been killed.",
            "perfect",
            "casualties",
            "date",
            None,
            MONDAY,
        ),
        # a strike counted in a later sentence is flown by the force that struck before
        (
            "Coalition aircraft struck a fighting position near Mosul on Tuesday. "
            "The strike killed four fighters.",
            "previous",
            "strikes",
            "actor",
            "Coalition aircraft",
            None,
        ),
        (
            "Fighting went on around Bakhmut through the night. Artillery units destroyed 4 tanks.",
            "earlier_place",
            "targets",
            "location",
            "Bakhmut",
            None,
        ),
        (
            "On 20 February, troops entered the village. They destroyed 3 tanks.",
            "paragraph_date",
            "targets",
            "date",
            FEB_20,
            None,
        ),
        (
            "Results of operations, 20 February:\n- 22 insurgents killed\n- 9 vehicles destroyed",
            "heading_date",
            "targets",
            "date",
            FEB_20,
            None,
        ),
        # a definite event noun takes its event's day across a paragraph
        (
            "Russian shelling hit the village on 25 February.\n\nThe shelling killed seven civilians.",
            "event_date",
            "casualties",
            "date",
            FEB_25,
            None,
        ),
        # a sentence set in another year takes no day from the sentence before it (a year on the claim's
        # own verb would be its period: "In 2014 rebels killed 20 villagers")
        (
            "On Monday, troops destroyed 3 tanks. The rebels who took the town in 2014 killed 20 villagers.",
            "background",
            "casualties",
            "date",
            None,
            MONDAY,
        ),
        (
            "The total combat losses of the enemy from 24.02 to 08.03 were approximately:\n\n"
            "personnel - about 12000 (+300) persons were liquidated,",
            "report_period",
            "casualties",
            "period_start",
            dt.date(2016, 2, 24),
            None,
        ),
        (
            "An Afghan force searched a compound in Khost yesterday.\n\nThe force detained three suspects.",
            "report_day",
            "casualties",
            "date",
            dt.date(2016, 3, 8),
            None,
        ),
        (
            'A spokesman said: "Our forces destroyed six tanks near the river."',
            "quote",
            "targets",
            "quote_id",
            "q1",
            None,
        ),
        # a toll since a start named without a date is background to the report
        (
            "Since the start of the campaign, coalition jets have killed 300 fighters.",
            "told_as_background",
            "casualties",
            "background",
            True,
            False,
        ),
        (
            "On 2 January, insurgents ambushed a convoy, killing 5 soldiers.",
            "told_as_background",
            "casualties",
            "background",
            True,
            False,
        ),
    ],
)
def test_leaving_a_resolver_out_drops_exactly_what_it_decides(
    with_resolvers, text, left_out, kind, field, decided, otherwise
):
    full = with_resolvers(text, DEFAULT_RESOLVERS)
    without = with_resolvers(text, [name for name in DEFAULT_RESOLVERS if name != left_out])
    assert [c[field] for c in full if c["kind"] == kind][-1] == decided
    assert [c[field] for c in without if c["kind"] == kind][-1] == otherwise
    group = DATE_FIELDS if field in DATE_FIELDS else (field,)
    # nothing else moves
    for before, after in zip(full, without, strict=True):
        assert {f: v for f, v in before.items() if f not in group} == {
            f: v for f, v in after.items() if f not in group
        }


def test_the_order_decides_which_resolver_sees_the_claim_first(with_resolvers):
    """Read after `previous`, a tally in the perfect already holds the day the claim before carried."""
    text = "On Monday, troops destroyed 3 tanks. In the fighting, 400 soldiers have been killed."
    moved = [name for name in DEFAULT_RESOLVERS if name != "perfect"]
    moved.insert(moved.index("previous") + 1, "perfect")
    tally = [c for c in with_resolvers(text, moved) if c["kind"] == "casualties"][-1]
    assert tally["date"] == MONDAY
    tally = [c for c in with_resolvers(text, DEFAULT_RESOLVERS) if c["kind"] == "casualties"][-1]
    assert tally["date"] is None
