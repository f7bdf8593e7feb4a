"""Claim ledger: series per claimant, merged reports, the four checks, CSV/JSON/charts and the command."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import sys

import pytest

from extractor.ledger import (
    CSV_COLUMNS,
    FLAGS,
    UNATTRIBUTED,
    Ledger,
    Point,
    build_ledger,
    run_ledger,
    write_csv,
    write_json,
)
from extractor.ledger_charts import ChartsUnavailable, write_charts
from extractor.models import DocumentRecord

_ids = itertools.count(1)

MOD = {"id": "s1", "kind": "organization", "name": "Defence Ministry"}
SPOKESMAN = {
    "id": "s2",
    "kind": "person",
    "name": "Ivan Petrov",
    "title": "Major-General",
    "organization": "Defence Ministry",
}


def claim(
    value: int,
    *,
    kind: str = "targets",
    label: str | None = "tank",
    category: str = "tanks",
    effect: str | None = "destroyed",
    cumulative: bool = True,
    delta: int | None = None,
    approximate: bool = False,
    date: str | None = None,
    start: str | None = None,
    end: str | None = None,
    speaker: dict | None = None,
    location: str | None = None,
) -> dict:
    text = f"{category} - {value}" + (f" (+{delta})" if delta is not None else "")
    return {
        "claim_id": f"c{next(_ids):06x}",
        "kind": kind,
        "value": value,
        "approximate": approximate,
        "cumulative": cumulative,
        "category": category,
        "category_label": label,
        "effect": effect,
        "delta": delta,
        "speaker": speaker["name"] if speaker else None,
        "speaker_id": speaker["id"] if speaker else None,
        "date": date,
        "period_start": start,
        "period_end": end,
        "location": location,
        "evidence": {"text": text, "start": 0, "end": len(text), "sentence": text + "."},
    }


def record(doc_id: str, published: str | None, *claims: dict, speakers: tuple = ()) -> dict:
    return {
        "doc_id": doc_id,
        "source": f"runs/{doc_id}.txt",
        "content_sha256": f"{abs(hash(doc_id)):064x}"[-64:],
        "published": published,
        "published_source": "metadata" if published else None,
        "extractor_version": "0.1.0",
        "model": {"name": "en_core_web_sm", "version": "3.8.0"},
        "speakers": list(speakers),
        "claims": list(claims),
    }


def daily(*values: tuple[str, int, int | None]) -> list[dict]:
    """One losses report a day: (published, running total of tanks, stated change)."""
    return [
        record(f"mod-{day}", day, claim(total, delta=delta, start="2022-02-24", end=day), speakers=(MOD,))
        for day, total, delta in values
    ]


def points_of(ledger: Ledger) -> list[Point]:
    return list(ledger.points())


def flagged(ledger: Ledger) -> dict[str, list[str]]:
    """time -> names of the flags set, for the points with any."""
    return {
        f"{p.time}:{p.value}": [name for name in FLAGS if p.flags[name]] for p in ledger.points() if p.flagged
    }


# -- the checks, as tables ------------------------------------------------------------------------------

CHECKS = [
    pytest.param(
        daily(("2022-04-01", 100, None), ("2022-04-02", 110, 10), ("2022-04-03", 120, 10)),
        {},
        (),
        id="consistent daily totals",
    ),
    pytest.param(
        daily(("2022-04-01", 100, None), ("2022-04-02", 110, None), ("2022-04-03", 105, None)),
        {"2022-04-03:105": ["cumulative_drop"]},
        ("the running total 105 as of 2022-04-03 is lower than 110 as of 2022-04-02 (mod-2022-04-02)",),
        id="dropped total",
    ),
    pytest.param(
        daily(("2022-04-01", 100, None), ("2022-04-02", 110, 10), ("2022-04-03", 125, 10)),
        {"2022-04-03:125": ["delta_mismatch"]},
        ("+10", "does not match the difference from 110 as of 2022-04-02", "+15"),
        id="wrong delta",
    ),
    pytest.param(
        daily(("2022-04-01", 100, None), ("2022-04-05", 130, 20)),
        {},
        (),
        id="delta after a gap within the rise",
    ),
    pytest.param(
        daily(("2022-04-01", 100, None), ("2022-04-05", 130, 40)),
        {"2022-04-05:130": ["delta_mismatch"]},
        ("+40", "in 4 days", "+30"),
        id="delta after a gap larger than the rise",
    ),
    pytest.param(
        [
            record(
                "weekly",
                "2022-04-07",
                claim(80, cumulative=False, start="2022-04-01", end="2022-04-07"),
                claim(50, start="2022-03-01", end="2022-04-07"),
                speakers=(MOD,),
            )
        ],
        {"2022-04-07:80": ["period_exceeds_cumulative"]},
        ("80 for 2022-04-01 to 2022-04-07", "larger than the running total 50"),
        id="weekly figure larger than the cumulative",
    ),
    pytest.param(
        [
            record("week-a", "2022-04-08", claim(30, cumulative=False, start="2022-04-01", end="2022-04-07")),
            record("week-b", "2022-04-08", claim(35, cumulative=False, start="2022-04-01", end="2022-04-07")),
        ],
        {"2022-04-07:30": ["conflicting_values"], "2022-04-07:35": ["conflicting_values"]},
        ("gave 30 (week-a) and also 35 (week-b)", "for 2022-04-01 to 2022-04-07"),
        id="two values for the same period",
    ),
    pytest.param(
        [
            record("north", "2022-04-08", claim(30, cumulative=False, date="2022-04-07", location="Kharkiv")),
            record("south", "2022-04-08", claim(35, cumulative=False, date="2022-04-07", location="Kherson")),
        ],
        {},
        (),
        id="two places on one day are not two values",
    ),
    pytest.param(
        [
            record("a", "2022-04-08", claim(30, cumulative=False)),
            record("b", "2022-04-08", claim(35, cumulative=False)),
        ],
        {},
        (),
        id="undated figures are not compared",
    ),
    pytest.param(
        [
            record("mod", "2022-04-02", claim(110, delta=10, end="2022-04-02"), speakers=(MOD,)),
            record("copy", "2022-04-02", claim(110, delta=12, end="2022-04-02"), speakers=(MOD,)),
        ],
        {"2022-04-02:110": ["delta_mismatch"]},
        ("give different changes", "+10 (mod)", "+12 (copy)"),
        id="reports of one point disagree on the change",
    ),
]


@pytest.mark.parametrize(("records", "expected", "reason_words"), CHECKS)
def test_checks(records, expected, reason_words):
    ledger = build_ledger(records)
    assert flagged(ledger) == expected
    reasons = " ".join(reason for p in ledger.points() for reason in p.reasons)
    for words in reason_words:
        assert words in reasons
    for point in ledger.points():
        assert bool(point.reasons) == point.flagged


def test_conflict_only_between_totals_or_only_between_figures():
    ledger = build_ledger(
        [
            record(
                "doc",
                "2022-04-08",
                claim(500, start="2022-02-24", end="2022-04-07"),
                claim(30, cumulative=False, start="2022-04-01", end="2022-04-07"),
            )
        ]
    )
    assert flagged(ledger) == {}


def test_drop_only_against_totals_from_the_same_start():
    ledger = build_ledger(
        [
            record("since-feb", "2022-04-01", claim(500, start="2022-02-24", end="2022-04-01")),
            record("since-mar", "2022-04-02", claim(120, start="2022-03-31", end="2022-04-02")),
        ]
    )
    assert flagged(ledger) == {}


# -- series and merging ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speakers", "speaker", "claimant"),
    [
        ((SPOKESMAN,), SPOKESMAN, "Defence Ministry"),  # the speaker's organization
        (({"id": "s1", "kind": "person", "name": "Ivan Petrov"},), None, UNATTRIBUTED),
        (({"id": "s1", "kind": "person", "name": "Ivan Petrov"},), "self", "Ivan Petrov"),  # the name
        ((MOD,), None, "Defence Ministry"),  # the body the document names
        ((), None, UNATTRIBUTED),
    ],
)
def test_claimant(speakers, speaker, claimant):
    if speaker == "self":
        speaker = speakers[0]
    ledger = build_ledger([record("doc", "2022-04-01", claim(5, speaker=speaker), speakers=speakers)])
    assert [s.key.claimant for s in ledger.series] == [claimant]


def test_duplicate_briefing_from_several_outlets_is_one_point_listing_all():
    outlets = [
        record("tass", "2022-04-02", claim(46, date="2022-04-01", speaker=SPOKESMAN), speakers=(SPOKESMAN,)),
        record("ria", "2022-04-02", claim(46, date="2022-04-01", speaker=MOD), speakers=(MOD,)),
        record("sputnik", "2022-04-03", claim(46, date="2022-04-01"), speakers=(MOD,)),
    ]
    ledger = build_ledger(outlets)
    [point] = points_of(ledger)
    assert point.doc_ids == ["tass", "ria", "sputnik"]
    assert [r.published for r in point.reports] == [
        dt.date(2022, 4, 2),
        dt.date(2022, 4, 2),
        dt.date(2022, 4, 3),
    ]
    assert point.series.claimant == "Defence Ministry"
    assert not point.flagged
    assert ledger.summary()["merged_points"] == 1


def test_reports_are_never_dropped():
    records = [
        record("a", "2022-04-02", claim(46, date="2022-04-01"), claim(46, date="2022-04-01")),
        record("b", "2022-04-02", claim(47, date="2022-04-01")),
        record("c", "2022-04-03", claim(46, cumulative=False)),
        record("d", "2022-04-04", claim(46, cumulative=False)),
    ]
    ledger = build_ledger(records)
    assert sum(len(p.reports) for p in ledger.points()) == 5
    assert [(str(p.time), p.value, len(p.reports)) for p in ledger.points()] == [
        ("2022-04-01", 46, 2),
        ("2022-04-01", 47, 1),
        ("2022-04-03", 46, 1),  # no date of its own: the published date, so not merged with d
        ("2022-04-04", 46, 1),
    ]


def test_same_document_read_twice_counts_once():
    twice = record("a", "2022-04-02", claim(46, date="2022-04-01"))
    ledger = build_ledger([twice, dict(twice)])
    assert [len(p.reports) for p in ledger.points()] == [1]
    assert ledger.repeated_documents == ["a"]


@pytest.mark.parametrize(
    ("claims", "series"),
    [
        (
            [claim(5, label="tank", category="tanks"), claim(6, label="tank", category="main battle tanks")],
            ["Defence Ministry · targets · tank · destroyed"],
        ),
        (
            [claim(5, label="other", category="MLRS"), claim(6, label="other", category="mortars")],
            [
                "Defence Ministry · targets · other: mlrs · destroyed",
                "Defence Ministry · targets · other: mortars · destroyed",
            ],
        ),
        (
            [
                claim(5, label="vehicle", category="vehicles"),
                claim(6, label="vehicle", category="special equipment"),
            ],
            [
                "Defence Ministry · targets · vehicle: special equipment · destroyed",
                "Defence Ministry · targets · vehicle: vehicles · destroyed",
            ],
        ),
        (
            [claim(5, kind="sorties", label=None, category="sorties", effect=None)],
            ["Defence Ministry · sorties"],
        ),
    ],
    ids=["label", "other by wording", "one label for two things in one list", "sorties"],
)
def test_series_keys(claims, series):
    # the first two claims are from different documents, so one label for two wordings stays one series
    if claims[0]["category_label"] == "tank":
        records = [record(f"d{i}", "2022-04-01", c, speakers=(MOD,)) for i, c in enumerate(claims)]
    else:
        records = [record("d", "2022-04-01", *claims, speakers=(MOD,))]
    assert [s.key.name for s in build_ledger(records).series] == series


def test_other_kinds_and_vague_counts_are_counted_not_followed():
    vague = claim(1)
    vague["value"], vague["quantifier"] = None, "several"
    ledger = build_ledger([record("a", "2022-04-01", claim(3, kind="other", label=None), vague, claim(4))])
    assert (ledger.claims, ledger.claims_of_other_kinds, ledger.claims_without_value) == (3, 1, 1)
    assert [p.value for p in ledger.points()] == [4]


def test_models_and_dicts_are_both_accepted():
    data = daily(("2022-04-01", 100, None))[0]
    assert points_of(build_ledger([DocumentRecord.model_validate(data)]))[0].value == 100


# -- outputs ---------------------------------------------------------------------------------------------

SERIES = daily(("2022-04-01", 100, None), ("2022-04-02", 110, 10), ("2022-04-03", 105, 10)) + [
    record("copy", "2022-04-02", claim(110, delta=10, start="2022-02-24", end="2022-04-02"), speakers=(MOD,))
]


def test_csv(tmp_path):
    path = tmp_path / "out" / "ledger.csv"
    write_csv(build_ledger(SERIES), path)
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    assert [(r["time"], r["value"], r["doc_ids"], r["reports"]) for r in rows] == [
        ("2022-04-01", "100", "mod-2022-04-01", "1"),
        ("2022-04-02", "110", "mod-2022-04-02; copy", "2"),
        ("2022-04-03", "105", "mod-2022-04-03", "1"),
    ]
    last = rows[-1]
    assert (last["cumulative_drop"], last["delta_mismatch"], last["flagged"]) == ("True", "True", "True")
    assert (last["period_exceeds_cumulative"], last["conflicting_values"]) == ("False", "False")
    assert "lower than 110" in last["reasons"] and "+10" in last["reasons"]
    assert [p.name for p in tmp_path.joinpath("out").iterdir()] == ["ledger.csv"]  # no temporary file left


def test_json(tmp_path):
    path = tmp_path / "ledger.json"
    write_json(build_ledger(SERIES), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["summary"]["flags"] == {
        "cumulative_drop": 1,
        "delta_mismatch": 1,
        "period_exceeds_cumulative": 0,
        "conflicting_values": 0,
    }
    [series] = data["series"]
    assert series["claimant"] == "Defence Ministry"
    merged = series["points"][1]
    assert merged["doc_ids"] == ["mod-2022-04-02", "copy"]
    assert merged["reports"][1]["evidence"] == {
        "text": "tanks - 110 (+10)",
        "start": 0,
        "end": 17,
        "sentence": "tanks - 110 (+10).",
    }
    assert series["points"][2]["flags"]["cumulative_drop"] is True


def test_charts(tmp_path):
    pytest.importorskip("matplotlib")
    records = SERIES + [
        record("weekly", "2022-04-03", claim(200, cumulative=False, start="2022-03-28", end="2022-04-03"))
    ]
    written = write_charts(build_ledger(records), tmp_path / "charts")
    assert sorted(p.name for p in written) == [
        "defence-ministry-targets-tank-destroyed.png",
        "unattributed-targets-tank-destroyed.png",
    ]
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_charts_without_matplotlib(tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")] + ["matplotlib"]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ChartsUnavailable, match=r"pip install 'briefing-extractor\[plot\]'"):
        write_charts(build_ledger(SERIES), tmp_path)
    assert run_ledger([tmp_path / "run.jsonl"], tmp_path / "l.csv", "csv", tmp_path / "charts") == 2


# -- the command -----------------------------------------------------------------------------------------


def _write_run(path, records, extra_lines=()):
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_run_ledger(tmp_path, capsys):
    run = tmp_path / "run.jsonl"
    _write_run(run, SERIES)
    assert run_ledger([run], tmp_path / "ledger.csv", "csv", None) == 0
    assert (tmp_path / "ledger.csv").read_text(encoding="utf-8").startswith(",".join(CSV_COLUMNS))
    err = capsys.readouterr().err
    assert "4 documents, 4 claims -> 3 points in 1 series (1 reported by several documents)" in err
    assert "1 points flagged (cumulative_drop 1, delta_mismatch 1)" in err


def test_run_ledger_reports_bad_lines_and_goes_on(tmp_path, capsys):
    run = tmp_path / "run.jsonl"
    broken = dict(SERIES[0], doc_id="broken", content_sha256="not a hash")
    _write_run(run, SERIES[:2], extra_lines=["{not json", "", json.dumps(broken), "[1, 2]"])
    assert run_ledger([run, tmp_path / "missing.jsonl"], tmp_path / "ledger.json", None, None) == 1
    err = capsys.readouterr().err
    assert f"{run}:3: invalid JSON" in err
    assert f"{run}:5: record 'broken' does not validate: content_sha256" in err
    assert f"{run}:6: not a document record (a JSON list)" in err
    assert f"{tmp_path / 'missing.jsonl'}: cannot read" in err
    data = json.loads((tmp_path / "ledger.json").read_text(encoding="utf-8"))  # the format from the suffix
    assert data["summary"]["documents"] == 2


def test_run_ledger_reads_json_files_and_folders(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    for r in SERIES:
        (folder / f"{r['doc_id']}.json").write_text(json.dumps(r), encoding="utf-8")
    assert run_ledger([folder], tmp_path / "ledger.json", "json", None) == 0
    data = json.loads((tmp_path / "ledger.json").read_text(encoding="utf-8"))
    assert data["summary"]["documents"] == 4


def test_run_ledger_with_charts(tmp_path):
    pytest.importorskip("matplotlib")
    run = tmp_path / "run.jsonl"
    _write_run(run, SERIES)
    assert run_ledger([run], tmp_path / "ledger.csv", "csv", tmp_path / "charts") == 0
    assert [p.suffix for p in (tmp_path / "charts").iterdir()] == [".png"]


def test_run_ledger_usage(tmp_path, capsys):
    assert run_ledger([tmp_path / "run.jsonl"], tmp_path / "ledger.xlsx", "xlsx", None) == 2
    assert "unknown format 'xlsx'" in capsys.readouterr().err
    assert not (tmp_path / "ledger.xlsx").exists()


@pytest.mark.parametrize("link", ["restates", "part_of"])
def test_a_restatement_or_a_part_is_no_point_of_its_own(link):
    total = claim(12, kind="casualties", label="personnel", category="militants", effect="killed")
    other = claim(3, kind="casualties", label="personnel", category="militants", effect="killed")
    other[link] = total["claim_id"]
    ledger = build_ledger([record("a", "2022-04-01", total, other)])
    assert (ledger.claims, ledger.claims_restating_or_parts) == (2, 1)
    assert [p.value for p in ledger.points()] == [12]
