"""Where the extractor spends its time: seconds per pipeline component (statistical and ours) on the benchmark
corpus, the cost of building records, and a cProfile of our components' functions.

    .venv/bin/python benchmarks/profile_components.py [--generated 200] [--top 30] [--json out.json]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import benchmark_documents, word_count  # noqa: E402

from extractor.api import Extractor, parse_published  # noqa: E402
from extractor.pipeline import make_document  # noqa: E402
from extractor.records import DocumentInput, doc_to_record  # noqa: E402

BATCH_SIZE = 64


def component_seconds(
    extractor: Extractor, documents: list[DocumentInput], clock: Callable[[], float] = time.perf_counter
) -> dict[str, float]:
    """Seconds each pipe takes over `documents`, running the pipes one after another over the whole set
    (batched through each pipe's own pipe() as nlp.pipe does), plus tokenizing and record building, by
    `clock` (time.process_time on a shared machine, where the wall clock counts the waits for a core)."""
    nlp = extractor.nlp
    seconds: dict[str, float] = {}
    with nlp.memory_zone():
        started = clock()
        docs = [
            make_document(nlp, d.text, parse_published(d.published), "argument" if d.published else None)
            for d in documents
        ]
        seconds["tokenizer (make_document)"] = clock() - started
        for name, pipe in nlp.pipeline:
            started = clock()
            if hasattr(pipe, "pipe"):
                docs = list(pipe.pipe(docs, batch_size=BATCH_SIZE))
            else:
                docs = [pipe(doc) for doc in docs]
            seconds[name] = clock() - started
        started = clock()
        for doc, document in zip(docs, documents, strict=True):
            doc_to_record(doc, document, extractor.model).to_json_dict()
        seconds["records (doc_to_record + to_json_dict)"] = clock() - started
    return seconds


def profile_components(extractor: Extractor, documents: list[DocumentInput], top: int) -> str:
    """cProfile of a full run, the `top` functions by own time, and by cumulative time within our package."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in extractor.pipe(documents):
        pass
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"extractor/", top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--generated", type=int, default=200, help="template documents besides the shared corpus"
    )
    parser.add_argument("--no-shared", action="store_true", help="leave out ../shared/corpus")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--no-cprofile", action="store_true")
    parser.add_argument("--json", type=Path, help="write the per-component seconds here")
    parser.add_argument(
        "--processor-time", action="store_true", help="time by processor seconds, not the wall clock"
    )
    args = parser.parse_args()

    records = benchmark_documents(args.generated, include_shared=not args.no_shared)
    documents = [DocumentInput(text=r["text"], doc_id=r["doc_id"], published=r["published"]) for r in records]
    words = sum(word_count(d.text) for d in documents)
    extractor = Extractor()
    for _ in extractor.pipe(documents[:8]):  # warm: lazy data (quantulum3, dateparser) built here
        pass

    clock = time.process_time if args.processor_time else time.perf_counter
    seconds = component_seconds(extractor, documents, clock)
    total = sum(seconds.values())
    ours = ("briefing_", "records")
    print(f"{len(documents)} documents, {words} words, {total:.1f} s in all ({words / total:.0f} words/s)")
    print(f"{'component':42} {'seconds':>8} {'share':>7}")
    for name, value in seconds.items():
        print(f"{name:42} {value:8.2f} {value / total:7.1%}")
    statistical = sum(v for k, v in seconds.items() if not k.startswith(ours))
    project = total - statistical
    print(f"{'statistical pipeline + tokenizer':42} {statistical:8.2f} {statistical / total:7.1%}")
    print(f"{'our components + records':42} {project:8.2f} {project / total:7.1%}")
    if args.json:
        args.json.write_text(
            json.dumps({"documents": len(documents), "words": words, "seconds": seconds}, indent=2) + "\n"
        )
    if not args.no_cprofile:
        print(profile_components(extractor, documents, args.top))


if __name__ == "__main__":
    main()
