"""The model's attribute ruler and lemmatizer applied by lookup give every token what the originals give."""

import spacy

TEXTS = [
    "Jets destroyed 12 tanks near Homs on Monday, the ministry said.",
    "There is no sign that the militants lay down their arms; they lay low near the river.",
    "We're gonna hit them again, y'all know it, said a commander who'd led the raid.",
    "Let's see: 3 AK-47 rifles, 2 RPGs and an 82mm mortar were seized.",
    "Ukraine's air defences shot down 27 of 31 drones overnight.\n\nThe strikes hit Kyiv and Lviv.",
    "Anyone who saw something should report it, but nothing was found.",
]
COMPARED = ("pos_", "tag_", "dep_", "lemma_", "morph", "head")


def readings(docs):
    return [[tuple(str(getattr(t, a)) for a in COMPARED) for t in doc] for doc in docs]


def with_lookups(model_name):
    """The model with its attribute ruler and lemmatizer swapped for the lookup components."""
    nlp = spacy.load(model_name)
    nlp.add_pipe("briefing_attributes", after="attribute_ruler")
    nlp.add_pipe("briefing_lemmas", after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp


def test_lookups_replace_the_ruler_and_lemmatizer(extractor):
    names = extractor.nlp.pipe_names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert names.index("briefing_attributes") < names.index("briefing_lemmas") < names.index("ner")
    assert {"attribute_ruler", "lemmatizer"} <= set(extractor.nlp.disabled)


def test_every_token_reads_as_with_the_model_s_own_components(extractor):
    original = spacy.load(extractor.model_info.name)
    lookups = with_lookups(extractor.model_info.name)
    # twice over: the second pass reads what the first one cached
    texts = TEXTS + TEXTS
    assert readings(lookups.pipe(texts)) == readings(original.pipe(texts))


def test_cached_lemmas_outlive_a_memory_zone(extractor):
    nlp = spacy.load(extractor.model_info.name)
    nlp.add_pipe("briefing_lemmas", after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    with nlp.memory_zone():
        first = [t.lemma_ for t in nlp("The zorbtanks were zorbling near Qarvat.")]
    with nlp.memory_zone():
        again = [t.lemma_ for t in nlp("The zorbtanks were zorbling near Qarvat.")]
    assert first == again and "zorbtank" in first


def test_a_full_cache_starts_again_and_answers_stay_the_same(extractor, monkeypatch):
    import extractor.components.lookup as lookup

    original = spacy.load(extractor.model_info.name)
    lookups = with_lookups(extractor.model_info.name)
    monkeypatch.setattr(lookup, "CACHE_ENTRIES", 5)
    assert readings(lookups.pipe(TEXTS)) == readings(original.pipe(TEXTS))
    attributes, lemmas = lookups.get_pipe("briefing_attributes"), lookups.get_pipe("briefing_lemmas")
    assert 0 < len(attributes._answers) <= 5 and 0 < len(lemmas._lemmas) <= 5
