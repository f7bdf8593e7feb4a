"""Choosing the matrix kernel the English pipeline runs on: blis or numpy's BLAS, whichever is faster here."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import platform
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

KERNELS = ("blis", "numpy")
# forces a kernel ("blis", "numpy") or asks for the probe ("auto"); the CLI's --kernel sets it, so that
# worker processes inherit the choice
KERNEL_VARIABLE = "BRIEFING_EXTRACTOR_KERNEL"
CACHE_FILE = "kernel.json"
# The probe's product has the shape of the small English model's widest layer on one parse batch (a few
# hundred token rows, 96-wide token vectors in a window of three, three maxout pieces). The blis wheel
# picks its kernel at run time and falls back to a generic one on processors it does not know: on the
# 2-core AMD EPYC of the benchmarks numpy's OpenBLAS ran this product 3-6x faster, on others blis may win.
PROBE_SHAPE = (128, 288, 288)
PROBE_REPEATS = 2
PROBE_ROUNDS = 3


class UnknownKernel(ValueError):
    """A kernel name that is neither blis, numpy nor auto."""


@dataclass(frozen=True)
class KernelChoice:
    """The kernel chosen, how (forced, probe, cached), and the probe's best seconds per kernel if it ran."""

    name: str
    source: str
    seconds: dict[str, float] | None = None

    def describe(self) -> str:
        """One line for --version and the logs."""
        return f"{self.name} ({self.source})"


def requested_kernel(requested: str | None = None) -> str:
    """The kernel asked for, by argument or else by the environment variable: blis, numpy or auto."""
    value = (requested or os.environ.get(KERNEL_VARIABLE) or "auto").strip().lower()
    if value not in (*KERNELS, "auto"):
        origin = "the kernel argument" if requested else f"the environment variable {KERNEL_VARIABLE}"
        raise UnknownKernel(f"{origin} is {value!r}; expected one of blis, numpy, auto")
    return value


def choose_kernel(requested: str | None = None) -> KernelChoice:
    """The kernel forced by `requested` or the environment variable, else the one the probe found faster on
    this machine, read from the cache when the same machine and libraries were probed before."""
    value = requested_kernel(requested)
    if value != "auto":
        return KernelChoice(value, "forced")
    if not _blis_available():
        return KernelChoice("numpy", "only numpy")
    key = machine_key()
    cached = _read_cache(key)
    if cached is not None:
        return KernelChoice(cached, "cached")
    seconds = probe_kernels()
    choice = KernelChoice(min(seconds, key=seconds.__getitem__), "probe", seconds)
    _write_cache(key, choice)
    return choice


def use_kernel(name: str) -> None:
    """Makes `name` thinc's current operations: the models spaCy builds from here on run on it."""
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=name == "blis"))


def probe_kernels() -> dict[str, float]:
    """Best seconds of PROBE_REPEATS products of PROBE_SHAPE on each kernel, rounds alternating between
    them, on one BLAS thread (as each worker runs): a few milliseconds in all."""
    import numpy
    from thinc.api import NumpyOps

    rows, inner, columns = PROBE_SHAPE
    generator = numpy.random.default_rng(0)
    x = generator.random((rows, inner), dtype=numpy.float32)
    w = generator.random((columns, inner), dtype=numpy.float32)
    operations = {name: NumpyOps(use_blis=name == "blis") for name in KERNELS}
    best = dict.fromkeys(KERNELS, float("inf"))
    with one_blas_thread():
        for ops in operations.values():
            ops.gemm(x, w, trans2=True)  # first call: page faults and lazy set-up, not timed
        for _ in range(PROBE_ROUNDS):
            for name, ops in operations.items():
                started = time.perf_counter()
                for _ in range(PROBE_REPEATS):
                    ops.gemm(x, w, trans2=True)
                best[name] = min(best[name], time.perf_counter() - started)
    return best


@cache
def _thread_pools():
    from threadpoolctl import ThreadpoolController

    # found once: a new controller looks through every library the process has loaded (0.4 ms a time,
    # against 0.03 ms for a limit set through one kept)
    return ThreadpoolController()


def one_blas_thread() -> contextlib.AbstractContextManager:
    """numpy's BLAS limited to one thread while the block runs, its own setting back after."""
    return _thread_pools().limit(limits=1, user_api="blas")


def limit_blas_threads() -> None:
    """numpy's BLAS on one thread for the rest of this process: each worker of a pool gets one core, and
    OpenBLAS's own threads would compete with the other workers for them."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def machine_key() -> str:
    """What the probe's answer depends on: the processor and the versions of the kernels' libraries."""
    import numpy
    import thinc

    parts = [platform.machine(), _cpu_identity(), numpy.__version__, thinc.__version__, _blis_version()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def cache_path() -> Path:
    """The per-user cache file of probe results (XDG_CACHE_HOME is honoured on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing-extractor")) / CACHE_FILE


def _cpu_identity() -> str:
    """The processor's model name and feature flags from /proc/cpuinfo, else what platform knows."""
    wanted = ("model name", "flags")
    found: dict[str, str] = {}
    with contextlib.suppress(OSError):
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                key, _, value = line.partition(":")
                key = key.strip()
                if key in wanted and key not in found:
                    found[key] = value.strip()
                if len(found) == len(wanted):
                    break
    return "|".join(found.get(k, "") for k in wanted) or platform.processor()


def _blis_available() -> bool:
    try:
        from thinc.backends.numpy_ops import has_blis
    except ImportError:
        return False
    return bool(has_blis)


def _blis_version() -> str:
    try:
        from importlib.metadata import version

        return version("blis")
    except Exception:  # noqa: BLE001 - not installed or unreadable metadata: no blis to tell apart
        return "none"


def _read_cache(key: str) -> str | None:
    try:
        entry = json.loads(cache_path().read_text(encoding="utf-8")).get(key)
    except (OSError, ValueError, AttributeError):
        return None
    kernel = entry.get("kernel") if isinstance(entry, dict) else None
    return kernel if kernel in KERNELS else None


def _write_cache(key: str, choice: KernelChoice) -> None:
    """Adds the probe's answer to the cache; a cache that cannot be written only costs the next probe."""
    path = cache_path()
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(entries, dict):
            entries = {}
    except (OSError, ValueError):
        entries = {}
    entries[key] = {"kernel": choice.name, "seconds": choice.seconds, "probed": time.strftime("%Y-%m-%d")}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written aside and renamed, so that workers starting together never read half a file
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
        os.replace(partial, path)
    except OSError as err:
        log.debug("could not cache the kernel probe in %s: %s", path, err)
