"""The matrix kernel: forced by argument or environment, else probed once per machine and cached; either
kernel gives the same records."""

from pathlib import Path

import pytest

from extractor import Extractor, kernels
from extractor.readers import InputReader, SourceDocument
from extractor.runner import document_input

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def isolated_cache(tmp_path, monkeypatch):
    """A fresh cache folder and no kernel forced by the environment."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(kernels.KERNEL_VARIABLE, raising=False)
    return tmp_path


@pytest.mark.parametrize(
    ("argument", "environment", "expected"),
    [
        (None, None, "auto"),
        (None, "numpy", "numpy"),
        (None, " BLIS ", "blis"),
        ("blis", "numpy", "blis"),
        ("auto", "blis", "auto"),
    ],
)
def test_requested_kernel_argument_beats_environment(monkeypatch, argument, environment, expected):
    if environment is None:
        monkeypatch.delenv(kernels.KERNEL_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(kernels.KERNEL_VARIABLE, environment)
    assert kernels.requested_kernel(argument) == expected


@pytest.mark.parametrize(
    ("argument", "environment", "named"),
    [("cuda", None, "kernel argument"), (None, "mkl", kernels.KERNEL_VARIABLE)],
)
def test_unknown_kernel_names_where_it_came_from(monkeypatch, argument, environment, named):
    if environment is not None:
        monkeypatch.setenv(kernels.KERNEL_VARIABLE, environment)
    with pytest.raises(kernels.UnknownKernel, match=named):
        kernels.requested_kernel(argument)


@pytest.mark.parametrize("forced", kernels.KERNELS)
def test_environment_variable_forces_the_kernel_without_probing(isolated_cache, monkeypatch, forced):
    monkeypatch.setenv(kernels.KERNEL_VARIABLE, forced)
    monkeypatch.setattr(kernels, "probe_kernels", lambda: pytest.fail("probed although forced"))
    assert kernels.choose_kernel() == kernels.KernelChoice(forced, "forced")
    assert not kernels.cache_path().exists()


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [({"blis": 0.002, "numpy": 0.009}, "blis"), ({"blis": 0.009, "numpy": 0.002}, "numpy")],
)
def test_probe_picks_the_faster_and_is_cached(isolated_cache, monkeypatch, seconds, expected):
    probes = []
    monkeypatch.setattr(kernels, "probe_kernels", lambda: probes.append(1) or dict(seconds))
    first = kernels.choose_kernel()
    second = kernels.choose_kernel()
    assert (first.name, first.source) == (expected, "probe")
    assert (second.name, second.source) == (expected, "cached")
    assert len(probes) == 1
    assert kernels.cache_path().is_relative_to(isolated_cache)


def test_cache_of_another_machine_is_not_used(isolated_cache, monkeypatch):
    monkeypatch.setattr(kernels, "probe_kernels", lambda: {"blis": 0.001, "numpy": 0.002})
    kernels.choose_kernel()
    monkeypatch.setattr(kernels, "machine_key", lambda: "another processor")
    monkeypatch.setattr(kernels, "probe_kernels", lambda: {"blis": 0.002, "numpy": 0.001})
    assert kernels.choose_kernel() == kernels.KernelChoice("numpy", "probe", {"blis": 0.002, "numpy": 0.001})


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"%s": {"kernel": "cuda"}}'])
def test_unreadable_cache_means_a_new_probe(isolated_cache, monkeypatch, content):
    path = kernels.cache_path()
    path.parent.mkdir(parents=True)
    path.write_text(content.replace("%s", kernels.machine_key()), encoding="utf-8")
    monkeypatch.setattr(kernels, "probe_kernels", lambda: {"blis": 0.001, "numpy": 0.002})
    assert kernels.choose_kernel().source == "probe"
    assert kernels.choose_kernel().source == "cached"


def test_unwritable_cache_still_chooses(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the cache folder would be
    monkeypatch.delenv(kernels.KERNEL_VARIABLE, raising=False)
    monkeypatch.setattr(kernels, "probe_kernels", lambda: {"blis": 0.002, "numpy": 0.001})
    assert kernels.choose_kernel().name == "numpy"


def test_real_probe_times_both_kernels():
    seconds = kernels.probe_kernels()
    assert set(seconds) == set(kernels.KERNELS)
    assert all(0 < value < 5 for value in seconds.values())


def _example_records(kernel: str) -> list[dict]:
    extractor = Extractor(kernel=kernel)
    inputs = [
        document_input(item)
        for item in InputReader().read([str(EXAMPLES)])
        if isinstance(item, SourceDocument)
    ]
    assert len(inputs) >= 3
    records = [record.to_json_dict() for record in extractor.pipe(inputs)]
    assert {record["model"]["kernel"] for record in records} == {kernel}
    for record in records:
        record["model"].pop("kernel")
    return records


def test_both_kernels_give_the_same_records_on_the_examples():
    with_blis = _example_records("blis")
    with_numpy = _example_records("numpy")
    assert sum(len(record["claims"]) for record in with_blis) > 0
    assert with_blis == with_numpy


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]


def test_the_pipeline_runs_on_one_blas_thread_and_gives_the_callers_setting_back(extractor, monkeypatch):
    from threadpoolctl import threadpool_limits

    if not _blas_threads():
        pytest.skip("no BLAS library with threads is loaded")
    seen = []
    parse = extractor.nlp.pipe

    def watched(*args, **kwargs):
        seen.append(_blas_threads())
        return parse(*args, **kwargs)

    monkeypatch.setattr(extractor.nlp, "pipe", watched)
    with threadpool_limits(limits=2, user_api="blas"):
        record = extractor.extract("Troops killed 2 insurgents in Kandahar.", published="2024-05-02")
        after = _blas_threads()
    assert record.claims and seen and all(threads == [1] * len(threads) for threads in seen)
    assert after == [2] * len(after)
