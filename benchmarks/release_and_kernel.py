"""Processor seconds of the bare English pipeline or the extractor on one matrix kernel, in this interpreter's
spaCy: run it under each installation and kernel in turn, alternating, and compare the ratios.

    .venv/bin/python benchmarks/release_and_kernel.py extractor numpy
    /path/to/other/venv/bin/python benchmarks/release_and_kernel.py bare blis

The corpus is the first 100 isaf-dev releases, briefings-dev and ukr-dev from ../shared/corpus. OpenBLAS runs
on one thread, as in each worker of `-j N`.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FOLDERS = (("isaf-dev", 100), ("briefings-dev", None), ("ukr-dev", None))


def corpus_texts() -> list[str]:
    """The benchmark's texts, in a fixed order."""
    texts = []
    for folder, limit in FOLDERS:
        paths = sorted((CORPUS / folder).glob("*.txt"))[:limit]
        texts += [path.read_text(encoding="utf-8") for path in paths]
    return texts


def run_bare(kernel: str, texts: list[str]) -> tuple[float, float]:
    """Seconds to load and to run the bare pipeline (every pipe) over `texts`."""
    from extractor.kernels import use_kernel
    from extractor.pipeline import ENGLISH_MODELS

    started = time.process_time()
    use_kernel(kernel)
    import spacy

    nlp = None
    for name in ENGLISH_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise SystemExit("no English pipeline is installed")
    loaded = time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return loaded - started, time.process_time() - loaded


def run_extractor(kernel: str, texts: list[str]) -> tuple[float, float]:
    """Seconds to load the extractor and to make and serialize the records of `texts`."""
    from extractor.api import Extractor

    started = time.process_time()
    extractor = Extractor(kernel=kernel)
    loaded = time.process_time()
    for record in extractor.pipe(texts):
        record.model_dump(mode="json")
    return loaded - started, time.process_time() - loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("bare", "extractor"))
    parser.add_argument("kernel", choices=("blis", "numpy"))
    args = parser.parse_args()
    from extractor.kernels import limit_blas_threads

    limit_blas_threads()
    texts = corpus_texts()
    run = run_bare if args.kind == "bare" else run_extractor
    load, seconds = run(args.kernel, texts)
    import spacy

    print(
        f"{args.kind:9} {args.kernel:5} spacy {spacy.__version__:7} {len(texts)} documents "
        f"load {load:5.2f} s run {seconds:6.2f} s (processor time)"
    )


if __name__ == "__main__":
    main()
