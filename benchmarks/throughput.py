"""Throughput, worker scaling, start-up and peak memory of the extractor against the bare English pipeline,
measured in one run on one corpus; prints the figures and their ratios and writes them as JSON.

    .venv/bin/python benchmarks/throughput.py                 # the full run (about 10 minutes on 2 cores)
    .venv/bin/python benchmarks/throughput.py --quick         # a smoke run of about a minute
    .venv/bin/python benchmarks/throughput.py -o /tmp/r.json --skip-rss

Ratios are what to quote: absolute seconds depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import (  # noqa: E402
    benchmark_documents,
    generated_document,
    long_document,
    short_documents,
    word_count,
)

BATCH_SIZE = 64
# issue 22's targets (issue 7's: rss)
TARGETS = {
    "extractor_vs_bare": 1.5,
    "extractor_vs_bare_same_kernel": 0.95,
    "long_extractor_vs_bare_time_max": 1.5,
    "workers2_vs_workers1": 1.6,
    "rss_large_vs_small_max": 1.10,
    "startup_extractor_vs_bare_max": 1.5,
}
LONG_CHARACTERS = (100_000, 600_000)


# -- measurements in this process --------------------------------------------------------------------


def _timed(run: Callable[[], None]) -> float:
    return _clocked(run)[0]


def _clocked(run: Callable[[], None]) -> tuple[float, float]:
    """Wall-clock and processor seconds of `run` (all of this process's threads). On a machine shared with
    other jobs the processor time moves far less than the clock: waiting for a core is not in it."""
    started, started_cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - started, time.process_time() - started_cpu


# bare: en_core_web_sm as spacy.load gives it (thinc's default kernel, blis); bare_same_kernel: the same on
# the kernel the extractor chose (extractor.kernels), so that extractor / bare_same_kernel is the cost of our
# own components; extractor_gc_frozen: the extractor with gc.freeze() after load (issue 22, item 4)
THROUGHPUT_KINDS = ("bare", "bare_same_kernel", "extractor", "extractor_gc_frozen")


def measure_throughput(
    generated: int,
    include_shared: bool,
    rounds: int,
    log: Callable[[str], None],
    installed: str | None = None,
) -> dict:
    """Bare en_core_web_sm nlp.pipe (as installed, and on the extractor's kernel) and the full extractor
    (records as JSON dicts, as the CLI writes them; also with gc.freeze() after load), each in a fresh
    process in every round, in alternating order; `installed` is the interpreter of the spaCy installation
    the bare pipeline runs in "as installed" (another virtual environment), this one by default. Each child
    loads its pipeline and runs the corpus once untimed (lazy data, caches), then once timed. Run side by side
    in one process the three interfered: the one timed after the other two was up to a third slower, and the
    bare pipeline without its lemmatizer, doing strictly less, came out slower than the bare one."""
    corpus_args = ["--generated", str(generated)] + ([] if include_shared else ["--no-shared"])
    runs: dict[str, list[dict]] = {kind: [] for kind in THROUGHPUT_KINDS}
    for round_index in range(rounds):
        order = THROUGHPUT_KINDS if round_index % 2 == 0 else tuple(reversed(THROUGHPUT_KINDS))
        for kind in order:
            python = installed if kind == "bare" else None
            runs[kind].append(_child("_throughput", "--kind", kind, *corpus_args, python=python))
            log(f"  round {round_index + 1}: {kind} {runs[kind][-1]['seconds']:.1f} s")
    first = runs["bare"][0]
    return {
        "model": first["model"],
        "spacy": {kind: values[0]["spacy"] for kind, values in runs.items()},
        "pipes": {"bare": first["pipes"], "extractor": runs["extractor"][0]["pipes"]},
        "results": {
            kind: _rates([v["seconds"] for v in values], first["documents"], first["words"])
            for kind, values in runs.items()
        },
        "cpu_results": {
            kind: _rates([v["cpu_seconds"] for v in values], first["documents"], first["words"])
            for kind, values in runs.items()
        },
    }


def child_throughput(args: argparse.Namespace) -> dict:
    import spacy

    from extractor.api import Extractor
    from extractor.pipeline import load_english_model
    from extractor.records import DocumentInput

    documents = benchmark_documents(args.generated, include_shared=not args.no_shared)
    texts = [d["text"] for d in documents]
    if args.kind.startswith("extractor"):
        extractor = Extractor()
        if args.kind == "extractor_gc_frozen":
            gc.freeze()
        nlp, loaded = extractor.nlp, extractor.model_info
        inputs = [
            DocumentInput(text=d["text"], doc_id=d["doc_id"], published=d["published"]) for d in documents
        ]

        def run() -> None:
            for _, result in extractor.process(inputs):
                if isinstance(result, Exception):
                    raise result
                result.to_json_dict()
    else:
        # load_english_model puts the chosen kernel in place before loading; a plain spacy.load does not
        nlp, loaded = load_english_model()
        if args.kind == "bare":
            from thinc.api import NumpyOps, set_current_ops

            set_current_ops(NumpyOps())  # thinc's default, as a fresh process has it
            nlp = spacy.load(loaded.name)
            loaded = dataclasses.replace(loaded, kernel="blis")

        def run() -> None:
            for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
                pass

    run()
    seconds, cpu_seconds = _clocked(run)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "documents": len(texts),
        "words": sum(word_count(t) for t in texts),
        "model": {"name": loaded.name, "version": loaded.version, "kernel": loaded.kernel},
        "spacy": spacy.__version__,
        "pipes": nlp.pipe_names,
    }


def _rates(seconds: list[float], documents: int, words: int) -> dict:
    median = statistics.median(seconds)
    return {
        "seconds": [round(s, 3) for s in seconds],
        "median_seconds": round(median, 3),
        "words_per_s": round(words / median, 1),
        "docs_per_s": round(documents / median, 2),
    }


# -- measurements in fresh processes -----------------------------------------------------------------


def _child(*args: str, timeout: float = 3600, python: str | None = None) -> dict:
    """Runs this script in a fresh interpreter (`python`, else this one) in one of its child modes; returns
    the JSON it prints last."""
    command = [python or sys.executable, str(Path(__file__).resolve()), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_workers(generated: int, include_shared: bool, rounds: int, log: Callable[[str], None]) -> dict:
    """The CLI's engines (extractor.runner: in-process for --workers 1, the process pool for --workers 2) in
    fresh processes on the same corpus, start-up of the pipeline (and of the pool) included."""
    corpus_args = ["--generated", str(generated)] + ([] if include_shared else ["--no-shared"])
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for round_index in range(rounds):
        for workers in (1, 2) if round_index % 2 == 0 else (2, 1):
            runs[workers].append(_child("_workers", "--workers", str(workers), *corpus_args))
            log(f"  round {round_index + 1}: --workers {workers} {runs[workers][-1]['seconds']:.1f} s")
    first = runs[1][0]
    result: dict = {"documents": first["documents"], "words": first["words"]}
    for workers, values in runs.items():
        entry = _rates([v["seconds"] for v in values], first["documents"], first["words"])
        entry["median_seconds_after_first_result"] = round(
            statistics.median(v["seconds"] - v["first_result_seconds"] for v in values), 3
        )
        entry["errors"] = values[0]["errors"]
        result[f"workers_{workers}"] = entry
    return result


def child_workers(args: argparse.Namespace) -> dict:
    from extractor.records import DocumentInput
    from extractor.runner import Failure, extract_in_process, extract_in_workers

    documents = benchmark_documents(args.generated, include_shared=not args.no_shared)
    inputs = [DocumentInput(text=d["text"], doc_id=d["doc_id"], published=d["published"]) for d in documents]
    started = time.perf_counter()
    if args.workers > 1:
        results = extract_in_workers(inputs, None, False, args.workers)
    else:
        results = extract_in_process(inputs, None, False)
    first_result = None
    errors = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for _, result in results:
            if first_result is None:
                first_result = time.perf_counter() - started
            if isinstance(result, Failure):
                errors += 1
            else:
                sink.write(json.dumps(result, ensure_ascii=False) + "\n")
    return {
        "seconds": time.perf_counter() - started,
        "first_result_seconds": first_result or 0.0,
        "documents": len(inputs),
        "words": sum(word_count(d.text) for d in inputs),
        "errors": errors,
    }


def measure_long(sizes: tuple[int, ...], log: Callable[[str], None]) -> dict:
    """Seconds of one long document (extractor against the bare pipeline on the same kernel), each size and
    kind in a fresh process, the kinds in alternating order."""
    result: dict[str, dict] = {}
    for index, characters in enumerate(sizes):
        kinds = ("bare_same_kernel", "extractor") if index % 2 == 0 else ("extractor", "bare_same_kernel")
        entry = {}
        for kind in kinds:
            child = _child("_long", "--kind", kind, "--characters", str(characters))
            entry[kind], entry[f"{kind}_cpu"] = child["seconds"], child["cpu_seconds"]
            log(f"  {characters} characters: {kind} {entry[kind]:.1f} s ({child['cpu_seconds']:.1f} s CPU)")
        result[str(characters)] = entry
    return result


def child_long(args: argparse.Namespace) -> dict:
    from extractor.api import Extractor
    from extractor.pipeline import load_english_model

    text, published = long_document(args.characters)
    warm_up, _ = generated_document(__import__("random").Random(3), sentences=(8, 8))
    if args.kind == "extractor":
        extractor = Extractor()
        extractor.nlp.max_length = max(extractor.nlp.max_length, len(text) + 1)
        extractor.extract(warm_up, published=published)

        def run() -> None:
            extractor.extract(text, published=published)
    else:
        nlp, _ = load_english_model()
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        nlp(warm_up)

        def run() -> None:
            nlp(text)

    seconds, cpu_seconds = _clocked(run)
    return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3), "characters": len(text)}


def first_document() -> tuple[str, str]:
    """The start-up runs' first document: a generated briefing with figures, number words and dates, so that
    every lazily built resource is built."""
    import random

    return generated_document(random.Random(3), sentences=(8, 8))


def measure_startup(model_name: str, rounds: int, log: Callable[[str], None]) -> dict:
    """Import + model load + first document, bare spaCy against the extractor, each in a fresh interpreter;
    `in_process` is timed from the child's first line, `wall` includes the interpreter's own start."""
    runs: dict[str, list[dict]] = {"bare": [], "extractor": []}
    for round_index in range(rounds):
        for kind in ("bare", "extractor") if round_index % 2 == 0 else ("extractor", "bare"):
            started = time.perf_counter()
            child = _child("_startup", "--kind", kind, "--model-name", model_name)
            child["wall"] = time.perf_counter() - started
            runs[kind].append(child)
            log(f"  round {round_index + 1}: {kind} {child['total']:.2f} s")
    result = {}
    for kind, values in runs.items():
        result[kind] = {
            key: round(statistics.median(v[key] for v in values), 3)
            for key in ("import", "load", "first_document", "total", "wall")
        }
    return result


def child_startup(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    text, published = first_document()
    if args.kind == "bare":
        import spacy

        imported = time.perf_counter()
        nlp = spacy.load(args.model_name)
        loaded = time.perf_counter()
        nlp(text)
    else:
        from extractor import Extractor

        imported = time.perf_counter()
        extractor = Extractor()
        loaded = time.perf_counter()
        extractor.extract(text, published=published)
    done = time.perf_counter()
    return {
        "import": imported - started,
        "load": loaded - imported,
        "first_document": done - loaded,
        "total": done - started,
    }


# Runs a command and prints, as JSON, its output and the peak RSS of its process tree (RUSAGE_CHILDREN). It
# stands between this process and the measured one because Linux carries the RSS of the process that forks
# into the ru_maxrss of the child it execs: measured straight from here, every child would report at least
# this process's size (some hundred MiB once the throughput pipelines are loaded).
_LAUNCHER = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=False)
print(json.dumps({"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr[-3000:],
                  "children_max_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def measure_rss(small: int, large: int, log: Callable[[str], None]) -> dict:
    """Peak resident memory of an extraction over `small` and over `large` short documents, each in a fresh
    process: ru_maxrss of the children of a small launcher, and the process's own VmHWM as a check."""
    result = {}
    for count in (small, large):
        started = time.perf_counter()
        command = [sys.executable, str(Path(__file__).resolve()), "_rss", "--documents", str(count)]
        launched = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, *command],
            capture_output=True,
            text=True,
            check=True,
            timeout=7200,
        )
        outcome = json.loads(launched.stdout)
        if outcome["returncode"] != 0:
            raise RuntimeError(f"the peak-RSS run failed ({outcome['returncode']}):\n{outcome['stderr']}")
        child = json.loads(outcome["stdout"].strip().splitlines()[-1])
        child["max_rss_kib"] = outcome["children_max_rss_kib"]
        child["seconds"] = round(time.perf_counter() - started, 1)
        result[str(count)] = child
        log(f"  {count} documents: peak RSS {child['max_rss_kib'] / 1024:.0f} MiB in {child['seconds']} s")
    return result


def _memory_kib() -> dict[str, int]:
    """This process's resident set now (VmRSS) and at its peak (VmHWM), in KiB."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def child_rss(args: argparse.Namespace) -> dict:
    """The CLI's single-process engine over short generated documents, records serialized as JSON lines;
    the inputs are generated lazily so that only the extraction holds memory."""
    from extractor.records import DocumentInput
    from extractor.runner import extract_in_process, shared_extractor

    shared_extractor(None)
    rss_at = {"after_load": _memory_kib()["VmRSS"]}
    inputs = (
        DocumentInput(text=d["text"], doc_id=d["doc_id"], published=d["published"])
        for d in short_documents(args.documents)
    )
    checkpoints = {
        1: "after_first_document",
        args.documents // 10: "at_10_percent",
        args.documents // 2: "at_50_percent",
    }
    words = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for index, (document, result) in enumerate(extract_in_process(inputs, None, False), start=1):
            words += word_count(document.text)
            sink.write(json.dumps(result if isinstance(result, dict) else {"error": str(result)}) + "\n")
            if index in checkpoints:
                rss_at[checkpoints[index]] = _memory_kib()["VmRSS"]
    memory = _memory_kib()
    return {
        "documents": args.documents,
        "words": words,
        "vm_hwm_kib": memory["VmHWM"],
        "rss_kib": {**rss_at, "at_end": memory["VmRSS"]},
    }


# -- the report ----------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    try:
        memory_gib = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        memory_gib = None
    import spacy

    return {
        "cpu": cpu,
        "cores": cores,
        "memory_gib": memory_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "kernel": _chosen_kernel(),
        "openblas_env": {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS_")},
    }


def _chosen_kernel() -> str:
    from extractor.kernels import choose_kernel

    return choose_kernel().describe()


def _revision() -> str | None:
    """The commit measured: BENCHMARK_REVISION when set (a snapshot outside git), else git's HEAD."""
    if os.environ.get("BENCHMARK_REVISION"):
        return os.environ["BENCHMARK_REVISION"]
    done = subprocess.run(
        ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or None


def _ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 3) if denominator else float("nan")


def summarize(report: dict) -> dict:
    """The ratios and the verdict on each target of issue 7."""
    ratios: dict[str, float] = {}
    targets: dict[str, dict] = {}
    throughput = report.get("throughput")
    if throughput:
        base = throughput["results"]["bare"]["words_per_s"]
        for name, entry in throughput["results"].items():
            ratios[f"{name}_vs_bare"] = _ratio(entry["words_per_s"], base)
        cpu_base = throughput["cpu_results"]["bare"]["words_per_s"]
        for name, entry in throughput["cpu_results"].items():
            ratios[f"{name}_vs_bare_by_cpu_time"] = _ratio(entry["words_per_s"], cpu_base)
        if "bare_same_kernel" in throughput["cpu_results"]:
            ratios["extractor_vs_bare_same_kernel_by_cpu_time"] = _ratio(
                throughput["cpu_results"]["extractor"]["words_per_s"],
                throughput["cpu_results"]["bare_same_kernel"]["words_per_s"],
            )
        if "bare_same_kernel" in throughput["results"]:
            ratios["extractor_vs_bare_same_kernel"] = _ratio(
                throughput["results"]["extractor"]["words_per_s"],
                throughput["results"]["bare_same_kernel"]["words_per_s"],
            )
        for name, label in (
            ("extractor_vs_bare", "extractor >= 1.5x bare as installed"),
            ("extractor_vs_bare_same_kernel", "extractor >= 0.95x bare on the same kernel"),
        ):
            if name in ratios:
                targets[label] = {"value": ratios[name], "met": ratios[name] >= TARGETS[name]}
    workers = report.get("workers")
    if workers:
        value = _ratio(workers["workers_2"]["words_per_s"], workers["workers_1"]["words_per_s"])
        ratios["workers2_vs_workers1"] = value
        ratios["workers2_vs_workers1_after_first_result"] = _ratio(
            workers["workers_1"]["median_seconds_after_first_result"],
            workers["workers_2"]["median_seconds_after_first_result"],
        )
        if throughput:
            ratios["workers2_vs_bare"] = _ratio(
                workers["workers_2"]["words_per_s"], throughput["results"]["bare"]["words_per_s"]
            )
        targets["--workers 2 >= 1.6x --workers 1"] = {
            "value": value,
            "met": value >= TARGETS["workers2_vs_workers1"],
        }
    rss = report.get("rss")
    if rss:
        small, large = (rss[key] for key in sorted(rss, key=int))
        value = _ratio(large["max_rss_kib"], small["max_rss_kib"])
        ratios["rss_large_vs_small"] = value
        ratios["rss_at_end_large_vs_small"] = _ratio(large["rss_kib"]["at_end"], small["rss_kib"]["at_end"])
        targets["peak RSS of the large run within 10% of the small"] = {
            "value": value,
            "met": value <= TARGETS["rss_large_vs_small_max"],
        }
    long = report.get("long")
    if long:
        for characters, entry in long.items():
            ratios[f"long_{characters}_extractor_vs_bare_time"] = _ratio(
                entry["extractor"], entry["bare_same_kernel"]
            )
            ratios[f"long_{characters}_extractor_vs_bare_cpu_time"] = _ratio(
                entry["extractor_cpu"], entry["bare_same_kernel_cpu"]
            )
        value = ratios[f"long_{max(long, key=int)}_extractor_vs_bare_time"]
        targets["longest document's time <= 1.5x bare's"] = {
            "value": value,
            "met": value <= TARGETS["long_extractor_vs_bare_time_max"],
        }
    startup = report.get("startup")
    if startup:
        value = _ratio(startup["extractor"]["total"], startup["bare"]["total"])
        ratios["startup_extractor_vs_bare"] = value
        ratios["startup_wall_extractor_vs_bare"] = _ratio(
            startup["extractor"]["wall"], startup["bare"]["wall"]
        )
        targets["start-up <= 1.5x bare"] = {
            "value": value,
            "met": value <= TARGETS["startup_extractor_vs_bare_max"],
        }
    return {"ratios": ratios, "targets": targets}


def print_report(report: dict) -> None:
    print(
        f"machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, "
        f"{report['machine']['memory_gib']} GiB; load average {report['load_average']}"
    )
    corpus = report["corpus"]
    print(
        f"corpus: {corpus['documents']} documents, {corpus['words']} words "
        f"({corpus['generated']} generated, {corpus['shared']} from the shared corpus)"
    )
    throughput = report.get("throughput")
    if throughput:
        base = throughput["results"]["bare"]["words_per_s"]
        print(
            f"\n{'throughput, median of ' + str(report['rounds']):36} {'words/s':>9} {'docs/s':>8} "
            f"{'x bare':>7}"
        )
        for name, entry in throughput["results"].items():
            print(
                f"{name:36} {entry['words_per_s']:9.0f} {entry['docs_per_s']:8.2f} "
                f"{entry['words_per_s'] / base:7.2f}"
            )
    workers = report.get("workers")
    if workers:
        for key in ("workers_1", "workers_2"):
            entry = workers[key]
            label = f"CLI engine --workers {key[-1]} (with start-up)"
            vs = f"{entry['words_per_s'] / base:7.2f}" if throughput else ""
            print(f"{label:36} {entry['words_per_s']:9.0f} {entry['docs_per_s']:8.2f} {vs}")
    for characters, entry in (report.get("long") or {}).items():
        print(
            f"one document of {characters} characters: extractor {entry['extractor']:.1f} s, bare on the "
            f"same kernel {entry['bare_same_kernel']:.1f} s"
        )
    startup = report.get("startup")
    if startup:
        print(f"\n{'start-up (median)':20} {'import':>7} {'load':>7} {'1st doc':>8} {'total':>7} {'wall':>7}")
        for kind, entry in startup.items():
            print(
                f"{kind:20} {entry['import']:7.2f} {entry['load']:7.2f} {entry['first_document']:8.2f} "
                f"{entry['total']:7.2f} {entry['wall']:7.2f}"
            )
    rss = report.get("rss")
    if rss:
        print()
        for count, entry in rss.items():
            print(
                f"peak RSS, {count} documents: {entry['max_rss_kib'] / 1024:.0f} MiB; RSS "
                + ", ".join(f"{k.replace('_', ' ')} {v / 1024:.0f}" for k, v in entry["rss_kib"].items())
                + " MiB"
            )
    print("\nratios:")
    for name, value in report["ratios"].items():
        print(f"  {name:46} {value:.2f}")
    print("targets:")
    for name, verdict in report["targets"].items():
        print(f"  {name:46} {verdict['value']:.2f}  {'met' if verdict['met'] else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=HERE / "results.json", help="JSON results file")
    parser.add_argument("--quick", action="store_true", help="a smoke run of about a minute (small corpus)")
    parser.add_argument("--generated", type=int, help="template documents in the corpus [300; quick: 40]")
    parser.add_argument("--no-shared", action="store_true", help="leave out ../shared/corpus texts")
    parser.add_argument("--rounds", type=int, default=3, help="runs per throughput measurement (median)")
    parser.add_argument(
        "--rss-documents",
        type=int,
        nargs=2,
        metavar=("SMALL", "LARGE"),
        help="documents in the two peak-RSS runs [2000 20000; quick: 100 1000]",
    )
    parser.add_argument(
        "--installed-python",
        help="the interpreter of another installation (spaCy as installed before) for the bare pipeline",
    )
    parser.add_argument(
        "--workers-documents", type=int, help="template documents in the --workers runs [5000; quick: 40]"
    )
    for part in ("throughput", "workers", "long", "startup", "rss"):
        parser.add_argument(f"--skip-{part}", action="store_true", help=f"do not measure {part}")
    subcommands = parser.add_subparsers(dest="child")
    throughput = subcommands.add_parser("_throughput")
    throughput.add_argument("--kind", choices=THROUGHPUT_KINDS, required=True)
    throughput.add_argument("--generated", type=int, required=True)
    throughput.add_argument("--no-shared", action="store_true")
    workers = subcommands.add_parser("_workers")
    workers.add_argument("--workers", type=int, required=True)
    workers.add_argument("--generated", type=int, required=True)
    workers.add_argument("--no-shared", action="store_true")
    long = subcommands.add_parser("_long")
    long.add_argument("--kind", choices=("bare_same_kernel", "extractor"), required=True)
    long.add_argument("--characters", type=int, required=True)
    startup = subcommands.add_parser("_startup")
    startup.add_argument("--kind", choices=("bare", "extractor"), required=True)
    startup.add_argument("--model-name", required=True)
    rss = subcommands.add_parser("_rss")
    rss.add_argument("--documents", type=int, required=True)
    args = parser.parse_args()

    if args.child:
        child = {
            "_throughput": child_throughput,
            "_workers": child_workers,
            "_long": child_long,
            "_startup": child_startup,
            "_rss": child_rss,
        }[args.child]
        print(json.dumps(child(args)))
        return

    generated = args.generated if args.generated is not None else (40 if args.quick else 300)
    include_shared = not (args.no_shared or args.quick)
    rss_small, rss_large = args.rss_documents or ((100, 1000) if args.quick else (2000, 20000))
    rounds = args.rounds

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    documents = benchmark_documents(generated, include_shared=include_shared)
    report: dict = {
        "revision": _revision(),
        "machine": machine(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "rounds": rounds,
        "corpus": {
            "documents": len(documents),
            "words": sum(word_count(d["text"]) for d in documents),
            "generated": generated,
            "shared": sum(1 for d in documents if not d["doc_id"].startswith("gen-")),
        },
    }
    started = time.perf_counter()
    from extractor.pipeline import load_english_model

    model_name = load_english_model()[1].name
    if not args.skip_throughput:
        log("throughput, in fresh processes")
        installed = args.installed_python
        report["throughput"] = measure_throughput(generated, include_shared, rounds, log, installed)
    if not args.skip_workers:
        log("the CLI engine with 1 and 2 workers, in fresh processes")
        workers_documents = args.workers_documents or (generated if args.quick else 5000)
        report["workers"] = measure_workers(workers_documents, False, 1 if args.quick else rounds, log)
    if not args.skip_long:
        log("one long document, in fresh processes")
        report["long"] = measure_long((20_000, 60_000) if args.quick else LONG_CHARACTERS, log)
    if not args.skip_startup:
        log("start-up, in fresh processes")
        report["startup"] = measure_startup(model_name, 1 if args.quick else rounds, log)
    if not args.skip_rss:
        log("peak RSS, in fresh processes")
        report["rss"] = {**measure_rss(rss_small, rss_large, log)}
    report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["total_seconds"] = round(time.perf_counter() - started, 1)
    report.update(summarize(report))
    print_report(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    log(f"written to {args.output}")


if __name__ == "__main__":
    main()
