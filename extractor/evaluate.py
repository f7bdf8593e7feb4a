"""Scoring extraction output against gold claims (<id>.gold.json beside <id>.txt, as in corpus/FORMAT.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCORED_KINDS = ("sorties", "strikes", "targets", "casualties")
COMPARED_FIELDS = (
    "category",
    "effect",
    "approximate",
    "delta",
    "actor",
    "speaker",
    "date",
    "period_start",
    "period_end",
    "location",
)
FUNCTION_WORDS = frozenset("the a an of and in on to by for at its their his her".split())


def _content_words(value: Any) -> set[str]:
    words = re.findall(r"[a-z0-9]+", str(value or "").lower())
    return {_singular(w) for w in words if w not in FUNCTION_WORDS}


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _head_word(value: Any) -> str | None:
    words = re.findall(r"[a-z]+", str(value or "").lower())
    return _singular(words[-1]) if words else None


def field_agrees(name: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether a matched claim's field agrees with the gold, leniently where wording may differ."""
    expected, found = gold.get(name), predicted.get(name)
    if name in ("actor", "location", "category"):
        if expected is None:
            return True  # the gold does not say: nothing to disagree with
        expected_words, found_words = _content_words(expected), _content_words(found)
        if name == "category":
            return (
                _head_word(expected) in found_words
                or _head_word(found) in expected_words
                or len(expected_words & found_words) >= max(1, len(expected_words) // 2)
            )
        return bool(expected_words & found_words)
    if name == "speaker":
        if expected is None or found is None:
            return expected is None and found is None
        return bool(_content_words(expected) & _content_words(found))
    if name == "approximate":
        return bool(expected) == bool(found)
    if name in ("date", "period_start", "period_end"):
        return str(found or "")[:10] == str(expected or "")[:10]
    return expected == found


def pair_claims(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """Gold and predicted claims paired on kind and value; where several could pair, the pairs that agree
    on most other fields are taken first."""
    options = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            if g.get("kind") == p.get("kind") and g.get("value") == p.get("value"):
                agreement = sum(field_agrees(f, g, p) for f in COMPARED_FIELDS)
                options.append((-agreement, g_index, p_index))
    options.sort()
    used_gold, used_predicted, pairs = set(), set(), []
    for _, g_index, p_index in options:
        if g_index in used_gold or p_index in used_predicted:
            continue
        used_gold.add(g_index)
        used_predicted.add(p_index)
        pairs.append((gold[g_index], predicted[p_index]))
    return pairs


def _prf(true_positive: int, false_positive: int, false_negative: int) -> dict[str, float]:
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 0.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class EvaluationReport:
    """Claim and speaker scores over a gold folder."""

    documents: int = 0
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COMPARED_FIELDS, 0))
    speaker_counts: list[int] = field(default_factory=lambda: [0, 0, 0])
    published_hits: int = 0
    published_total: int = 0
    per_document: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, doc_id: str, gold: dict[str, Any], record: dict[str, Any] | None) -> None:
        """Scores one document's record (None when extraction failed) against its gold."""
        self.documents += 1
        record = record or {}
        gold_claims = [c for c in gold.get("claims", []) if c.get("kind") in SCORED_KINDS]
        predicted = [
            c
            for c in record.get("claims", [])
            if c.get("kind") in SCORED_KINDS and c.get("value") is not None
        ]
        pairs = pair_claims(gold_claims, predicted)
        self.true_positive += len(pairs)
        self.false_positive += len(predicted) - len(pairs)
        self.false_negative += len(gold_claims) - len(pairs)
        for g, p in pairs:
            for name in COMPARED_FIELDS:
                self.field_hits[name] += field_agrees(name, g, p)
        self._add_speakers(gold, record)
        if gold.get("published"):
            self.published_total += 1
            self.published_hits += str(record.get("published") or "")[:10] == gold["published"]
        self.per_document.append(
            {"doc_id": doc_id, "gold": len(gold_claims), "predicted": len(predicted), "matched": len(pairs)}
        )

    def _add_speakers(self, gold: dict[str, Any], record: dict[str, Any]) -> None:
        # a predicted speaker counts when some claim is attributed to it, as the gold lists only those
        credited = {c.get("speaker") for c in record.get("claims", []) if c.get("speaker")}
        predicted = [s["name"] for s in record.get("speakers", []) if s.get("name") in credited]
        predicted += [name for name in credited if name not in predicted]
        taken: set[int] = set()
        for speaker in gold.get("speakers", []):
            words = _content_words(speaker.get("name"))
            match = next(
                (i for i, name in enumerate(predicted) if i not in taken and words & _content_words(name)),
                None,
            )
            if match is None:
                self.speaker_counts[2] += 1
            else:
                taken.add(match)
                self.speaker_counts[0] += 1
        self.speaker_counts[1] += len(predicted) - len(taken)

    def as_dict(self) -> dict[str, Any]:
        """The scores as JSON-ready data."""
        matched = self.true_positive
        return {
            "documents": self.documents,
            "claims": {
                "tp": self.true_positive,
                "fp": self.false_positive,
                "fn": self.false_negative,
                **_prf(self.true_positive, self.false_positive, self.false_negative),
            },
            "field_accuracy": {
                name: round(hits / matched, 4) if matched else 0.0 for name, hits in self.field_hits.items()
            },
            "speakers": _prf(*self.speaker_counts),
            "published_accuracy": round(self.published_hits / self.published_total, 4)
            if self.published_total
            else None,
            "failures": self.failures,
            "per_document": self.per_document,
        }

    def as_table(self) -> str:
        """The scores as a plain-text table."""
        data = self.as_dict()
        claims = data["claims"]
        lines = [
            f"documents            {data['documents']}",
            f"claims               P {claims['precision']:.3f}  R {claims['recall']:.3f}"
            f"  F1 {claims['f1']:.3f}"
            f"  (tp {claims['tp']}, fp {claims['fp']}, fn {claims['fn']})",
            "field accuracy on matched claims:",
        ]
        lines += [f"  {name:18} {value:.3f}" for name, value in data["field_accuracy"].items()]
        speakers = data["speakers"]
        lines.append(
            f"speakers             P {speakers['precision']:.3f}  R {speakers['recall']:.3f}"
            f"  F1 {speakers['f1']:.3f}"
        )
        if data["published_accuracy"] is not None:
            lines.append(f"published date       {data['published_accuracy']:.3f}")
        for failure in self.failures:
            lines.append(f"failed: {failure}")
        return "\n".join(lines)


def gold_documents(gold_dir: Path) -> Iterable[tuple[str, dict[str, Any], Path, dict[str, Any]]]:
    """(doc_id, gold, text path, metadata) for each <id>.gold.json in the folder that has its <id>.txt."""
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        doc_id = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(f"{doc_id}.txt")
        meta_path = gold_path.with_name(f"{doc_id}.meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        yield doc_id, gold, text_path, meta


def evaluate_folder(gold_dir: Path, extractor) -> EvaluationReport:
    """Extracts every <id>.txt of a gold folder (with its <id>.meta.json) and scores it."""
    from extractor.records import DocumentInput

    report = EvaluationReport()
    entries = list(gold_documents(Path(gold_dir)))
    inputs = []
    for doc_id, _, text_path, meta in entries:
        text = text_path.read_text(encoding="utf-8-sig") if text_path.exists() else ""
        inputs.append(
            DocumentInput(
                text=text,
                doc_id=doc_id,
                source=str(text_path),
                published=meta.get("published"),
                published_source="metadata" if meta.get("published") else None,
            )
        )
    results = dict.fromkeys([e[0] for e in entries])
    for document, result in extractor.process(inputs):
        if isinstance(result, Exception):
            report.failures.append(f"{document.doc_id}: {result}")
        else:
            results[document.doc_id] = result.to_json_dict()
    for doc_id, gold, _, _ in entries:
        report.add(doc_id, gold, results.get(doc_id))
    return report
