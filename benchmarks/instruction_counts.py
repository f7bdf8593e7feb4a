"""Instructions the extractor and the bare English pipeline execute on the same documents, counted by
valgrind's callgrind: a throughput ratio that does not move with the load of a shared machine.

    python benchmarks/instruction_counts.py                  # 40 documents, about 20 minutes on 2 cores
    python benchmarks/instruction_counts.py --documents 10   # a quicker, rougher check

Each kind runs twice in a fresh interpreter under callgrind: once loading the pipeline and warming it on
eight documents, once doing the same and then processing the measured documents. The difference is the
cost of those documents alone. Instruction counts leave out what callgrind cannot see (cache misses, page
faults), so read the ratio beside the wall-clock one of throughput.py, not instead of it. Needs valgrind
(Debian: apt install valgrind).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import benchmark_documents, word_count  # noqa: E402

WARM_UP = 8
# the measured documents start past the warm-up ones, so that no cache holds them yet
FIRST_MEASURED = 100
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def child(kind: str, documents: int, generated: int) -> None:
    """Loads one pipeline, warms it, then processes `documents` documents (none when 0)."""
    records = benchmark_documents(generated, include_shared=True)
    measured = records[FIRST_MEASURED : FIRST_MEASURED + documents]
    if kind == "bare":
        from extractor.pipeline import load_english_model

        nlp, _ = load_english_model()
        list(nlp.pipe([r["text"] for r in records[:WARM_UP]], batch_size=64))
        list(nlp.pipe([r["text"] for r in measured], batch_size=64))
        return
    from extractor.api import Extractor
    from extractor.records import DocumentInput

    def inputs(rows: list[dict]) -> list[DocumentInput]:
        return [DocumentInput(text=r["text"], doc_id=r["doc_id"], published=r["published"]) for r in rows]

    extractor = Extractor()
    for _ in extractor.pipe(inputs(records[:WARM_UP])):
        pass
    for _, result in extractor.process(inputs(measured)):
        result.to_json_dict()


def count_instructions(kind: str, documents: int, generated: int) -> int:
    """Instructions of one child run, as callgrind reports them."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        str(Path(__file__).resolve()),
        "_child",
        kind,
        str(documents),
        str(generated),
    ]
    # a fixed hash seed: set and dict orders, and so the work done, are the same in every run
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    found = COLLECTED.findall(done.stderr)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"{kind} {documents} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(found[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=40, help="documents measured [40]")
    parser.add_argument("--generated", type=int, default=300, help="template documents in the corpus [300]")
    parser.add_argument("-o", "--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("instruction_counts.py needs valgrind on PATH (Debian: apt install valgrind)")
    records = benchmark_documents(args.generated, include_shared=True)
    measured = records[FIRST_MEASURED : FIRST_MEASURED + args.documents]
    runs = [(kind, n) for kind in ("bare", "extractor") for n in (0, args.documents)]
    print(f"counting instructions of {len(runs)} runs under callgrind (minutes each)...", flush=True)
    # the counts do not depend on what else runs, so the runs may share the cores
    with ThreadPoolExecutor(max_workers=max(1, min(len(runs), os.cpu_count() or 1))) as pool:
        counts = dict(
            zip(
                runs,
                pool.map(lambda run: count_instructions(run[0], run[1], args.generated), runs),
                strict=True,
            )
        )
    words = sum(word_count(r["text"]) for r in measured)
    cost = {kind: counts[(kind, args.documents)] - counts[(kind, 0)] for kind in ("bare", "extractor")}
    result = {
        "documents": len(measured),
        "words": words,
        "instructions": {kind: value for kind, value in cost.items()},
        "instructions_per_word": {kind: round(value / words) for kind, value in cost.items()},
        "extractor_vs_bare": round(cost["bare"] / cost["extractor"], 3),
    }
    for kind, value in cost.items():
        print(f"{kind:10} {value / 1e9:6.2f} G instructions, {value / words / 1e3:6.0f} k a word")
    print(f"extractor throughput vs bare, by instructions: {result['extractor_vs_bare']:.3f}x")
    if args.output:
        args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
