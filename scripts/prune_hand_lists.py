"""Drops from the hand word lists the entries that the WordNet-derived vocabulary already gives alike."""

from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "extractor" / "data"


def prune_claim_terms(derived: dict) -> list[str]:
    """Person nouns and verbs of claim_terms.json that wordnet_terms.json gives with the same reading."""
    path = DATA / "claim_terms.json"
    terms = json.loads(path.read_text(encoding="utf-8"))
    people = {
        w for e in derived["categories"].values() if e.get("person") for w in e["words"] if " " not in w
    }
    verbs = {w: (e["thing"], e["person"]) for e in derived["verbs"].values() for w in e["words"]}
    dropped = [w for w in terms["person_nouns"] if w in people]
    terms["person_nouns"] = [w for w in terms["person_nouns"] if w not in people]
    for lemma, entry in list(terms["verbs"].items()):
        if set(entry) <= {"thing", "person"} and verbs.get(lemma) == (
            entry.get("thing"),
            entry.get("person"),
        ):
            del terms["verbs"][lemma]
            dropped.append(lemma)
    path.write_text(json.dumps(terms, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return dropped


def prune_categories(derived: dict) -> list[str]:
    """Synonyms of target_categories.json that the same label derives, and that no other label names."""
    path = DATA / "target_categories.json"
    taxonomy = json.loads(path.read_text(encoding="utf-8"))
    labels_of: dict[str, set[str]] = {}
    for entry in taxonomy["categories"]:
        for word in entry["synonyms"]:
            labels_of.setdefault(word, set()).add(entry["label"])
    dropped = []
    for entry in taxonomy["categories"]:
        words = derived["categories"].get(entry["label"], {}).get("words", {})
        keep = [w for w in entry["synonyms"] if w not in words or len(labels_of[w]) > 1]
        dropped += [f"{entry['label']}:{w}" for w in entry["synonyms"] if w not in keep]
        entry["synonyms"] = keep
    rows = ",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in taxonomy["categories"])
    head = json.dumps(taxonomy["_about"], ensure_ascii=False)
    path.write_text(f'{{\n  "_about": {head},\n  "categories": [\n{rows}\n  ]\n}}\n', encoding="utf-8")
    return dropped


def main() -> int:
    derived = json.loads((DATA / "wordnet_terms.json").read_text(encoding="utf-8"))
    print("claim_terms.json:", ", ".join(prune_claim_terms(derived)) or "nothing")
    print("target_categories.json:", ", ".join(prune_categories(derived)) or "nothing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
