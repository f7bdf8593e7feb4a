"""The claim finder's policies are its factory's config, and each one reaches the finding of claims."""

import dataclasses
import datetime as dt

import pytest

from extractor.components.claims import ClaimPolicy, default_policy_config

STORY = (
    "A joint patrol searched a compound outside Gardez, Paktya province, yesterday afternoon.\n\n"
    "The patrol came under fire from the buildings nearby.\n\n"
    "Five insurgents were killed and two men were detained."
)


def test_the_factory_config_holds_every_policy_with_its_default(nlp):
    assert nlp.get_pipe_meta("briefing_claims").default_config == default_policy_config()
    assert nlp.get_pipe("briefing_claims").policy == ClaimPolicy()


@pytest.mark.parametrize(
    ("change", "day"),
    [
        ({}, dt.date(2011, 4, 13)),
        ({"carry_lead_date": False}, None),
        ({"report_day_max_age": 0}, None),  # "yesterday" is a day older than that
    ],
)
def test_a_policy_changes_what_later_paragraphs_inherit(extractor, monkeypatch, change, day):
    finder = extractor.nlp.get_pipe("briefing_claims")
    monkeypatch.setattr(finder, "policy", dataclasses.replace(finder.policy, **change))
    record = extractor.extract(STORY, published="2011-04-14")
    assert [c.date for c in record.claims if c.kind == "casualties"] == [day, day]
