"""The output models: what they accept, what they refuse, and that schemas/ matches them."""

import copy
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractor.models import DocumentRecord, json_schema

TEXT = "Coalition jets destroyed 12 tanks near Raqqa on Monday, the ministry said."

VALID = {
    "schema_version": "1",
    "doc_id": "d1",
    "source": None,
    "content_sha256": "0" * 64,
    "title": None,
    "published": "2016-03-09",
    "published_source": "argument",
    "extractor_version": "0.1.0",
    "model": {"name": "en_core_web_sm", "version": "3.8.0"},
    "speakers": [
        {
            "id": "s1",
            "kind": "organization",
            "name": "ministry",
            "mentions": [{"text": "ministry", "start": 60, "end": 68}],
        }
    ],
    "quotes": [],
    "claims": [
        {
            "claim_id": "c0123456789",
            "kind": "targets",
            "value": 12,
            "category": "tanks",
            "category_label": "tank",
            "effect": "destroyed",
            "actor": "Coalition jets",
            "speaker": "ministry",
            "speaker_id": "s1",
            "date": "2016-03-07",
            "location": "Raqqa",
            "evidence": {"text": "destroyed 12 tanks", "start": 15, "end": 33, "sentence": TEXT},
        }
    ],
    "warnings": [],
}


def with_change(path: str, value):
    record = copy.deepcopy(VALID)
    target = record
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    target[keys[-1]] = value
    return record


def test_valid_record_passes_with_offsets_checked():
    record = DocumentRecord.model_validate(VALID, context={"text": TEXT})
    assert record.claims[0].evidence.text == TEXT[15:33]
    assert "text" not in record.to_json_dict()


@pytest.mark.parametrize(
    "path, value, message",
    [
        ("claims.0.kind", "bombs", "kind"),
        ("claims.0.effect", "obliterated", "effect"),
        ("published_source", "guess", "published_source"),
        ("claims.0.value", -3, "greater than or equal"),
        ("claims.0.value", None, "value or a quantifier"),
        ("claims.0.quantifier", "several", "not both"),
        ("claims.0.quantifier", "loads", "quantifier"),
        ("claims.0.date", "2016-13-40", "date"),
        ("claims.0.period_start", "2016-03-08", "period_start"),
        ("claims.0.date", "2016-03-10", "after publication"),
        ("claims.0.evidence.end", 34, "does not match"),
        ("claims.0.evidence.end", 500, "past the end"),
        ("claims.0.speaker_id", "s9", "unknown speaker"),
        ("claims.0.speaker", "someone else", "does not match"),
        ("claims.0.value_max", 5, "value_max"),
        ("claims.0.surprise", 1, "Extra inputs"),
        ("content_sha256", "abc", "content_sha256"),
        ("published", None, "set together"),
        ("claims.0.restates", "c0123456789", "names no other claim"),
        ("claims.0.part_of", "cabcdef0123", "names no other claim"),
        ("claims.0.geo", {"country": "Syria"}, "pattern"),
        ("claims.0.geo", {"lat": 35.9}, "given together"),
        ("claims.0.geo", {"lat": 135.9, "lon": 39.0}, "less than or equal"),
    ],
)
def test_invalid_records_are_refused(path, value, message):
    record = with_change(path, value)
    if path == "claims.0.period_start":
        record["claims"][0]["period_end"] = "2016-03-01"
    with pytest.raises(ValidationError, match=message):
        DocumentRecord.model_validate(record, context={"text": TEXT})


def test_a_claim_may_restate_or_be_part_of_another_and_carry_geo():
    record = copy.deepcopy(VALID)
    second = copy.deepcopy(record["claims"][0])
    second.update(claim_id="cfedcba9876", restates="c0123456789", part_of="c0123456789", background=True)
    second["geo"] = {"name": "Ar Raqqah", "country": "SY", "admin1": "Raqqa", "lat": 35.95, "lon": 39.01}
    record["claims"].append(second)
    model = DocumentRecord.model_validate(record, context={"text": TEXT})
    assert model.claims[1].restates == model.claims[0].claim_id
    assert model.claims[1].geo.country == "SY"
    assert model.claims[0].geo is None and model.claims[0].background is False


def test_schema_file_is_current():
    on_disk = json.loads((Path(__file__).parent.parent / "schemas" / "document.schema.json").read_text())
    assert on_disk == json_schema(), "schemas/ is stale: run `briefing-extractor schema --write schemas`"


def test_schema_names_every_contract_field():
    schema = json_schema()
    claim = schema["$defs"]["Claim"]["properties"]
    for name in (
        "kind",
        "value",
        "value_max",
        "quantifier",
        "approximate",
        "cumulative",
        "category",
        "category_label",
        "effect",
        "delta",
        "actor",
        "speaker",
        "speaker_id",
        "quote_id",
        "date",
        "period_start",
        "period_end",
        "date_text",
        "location",
        "evidence",
        "claim_id",
        "target_side",
        "restates",
        "part_of",
        "background",
        "geo",
    ):
        assert name in claim
    assert set(schema["$defs"]["ClaimKind"]["enum"]) == {
        "sorties",
        "strikes",
        "targets",
        "casualties",
        "other",
    }
