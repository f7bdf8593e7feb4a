"""The governing frames of claim_frames.json: the verb or noun a counted phrase's head hangs on, and how."""

import pytest

from extractor.components.claims import claim_vocabulary, governing_verb
from extractor.components.claims.frame_matcher import claim_frames, governing_frame


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text, counted, governor, relation",
    [
        # verb_object: the head of the phrase is the verb's object, attribute or predicate
        ("The gunners destroyed 14 trucks near the ridge.", "trucks", "destroyed", "object"),
        ("Militia fighters captured 6 outposts and 3 bridges.", "bridges", "captured", "object"),
        ("The patrol seized two rifles, a mortar and 40 shells.", "shells", "seized", "object"),
        # verb_passive: the subject of a passive verb
        ("Seven launchers were destroyed overnight.", "launchers", "destroyed", "passive"),
        ("Around 20 insurgents were detained by the police.", "insurgents", "detained", "passive"),
        # verb_subject: the subject of an active verb
        ("Eight drones struck the depot at dawn.", "drones", "struck", "subject"),
        ("Twelve conscripts died in the blast.", "conscripts", "died", "subject"),
        # strike_target: what a strike noun was made on
        ("The army reported strikes on 9 depots.", "depots", "strikes", "nominal"),
        ("Coalition jets made 4 strikes against 9 depots.", "depots", "strikes", "nominal"),
        # a light verb's strikes are its object; the verb's sense in claim_terms.json makes them strikes made
        ("The air force carried out 12 strikes.", "strikes", "carried", "object"),
        # instrument: what an attack was made with
        ("The enemy attacked the port with 31 drones.", "drones", "attacked", "instrument"),
        # instrument_on_object: the same, the parser having hung the verb's "with" on its object
        ("The patrol engaged the gunmen with three air strikes.", "strikes", "engaged", "instrument"),
        # nominal_of: what an action noun is done to, also an idiom's noun inside its idiom
        ("The army confirmed the destruction of 7 bunkers.", "bunkers", "destruction", "nominal"),
        ("The strikes claimed the lives of 30 villagers.", "villagers", "lives", "nominal"),
        # amount_of_losses: the losses an amount is of
        ("Enemy losses amounted to 900 troops.", "troops", "losses", "nominal"),
        # strike_acting: the strike is the subject of the verb the parser hung on it
        ("Near Haditha, a strike destroying 2 boats.", "strike", "destroying", "subject"),
        # verb_target: what a verb with no object of its own was aimed at
        ("The gunners fired at 5 boats near the shore.", "boats", "fired", "object"),
        # a verb with an object of its own: the preposition says where, not what
        ("Twelve tanks were destroyed at 3 depots.", "depots", None, ""),
        # event_means: the event a verb's count came in
        ("Nine guards were lost during 3 assaults.", "assaults", "lost", "means"),
    ],
)
def test_the_governor_of_a_counted_phrase(nlp, text, counted, governor, relation):
    doc = nlp(text)
    verb, found = governing_verb(_token(doc, counted), claim_vocabulary())
    assert (verb.text if verb is not None else None, found) == (governor, relation)


@pytest.mark.parametrize(
    "text, head, frame, governor",
    [
        ("The gunners destroyed 14 trucks.", "trucks", "verb_object", "destroyed"),
        ("Seven launchers were destroyed.", "launchers", "verb_passive", "destroyed"),
        ("Eight drones struck the depot.", "drones", "verb_subject", "struck"),
        # a frame holds of its own label only: the subject is no object
        ("Eight drones struck the depot.", "drones", "verb_object", None),
        ("The enemy attacked the port with 31 drones.", "drones", "instrument", "attacked"),
        ("Enemy losses amounted to 900 troops.", "troops", "amount_of_losses", "losses"),
        # strike_acting: a strike read as standing beside the place, its verb hung on it as a relative
        ("Near Haditha, a strike destroying 2 boats.", "strike", "strike_acting", "destroying"),
        ("Near Haditha, a strike destroying 2 boats.", "strike", "verb_subject", None),
    ],
)
def test_a_governing_frame_holds_of_the_phrase_head(nlp, text, head, frame, governor):
    found = governing_frame(_token(nlp(text), head), frame)
    assert (found[0].text if found else None) == governor


@pytest.mark.parametrize(
    "frame, relation",
    [
        ("verb_object", "object"),
        ("verb_passive", "passive"),
        ("verb_subject", "subject"),
        ("strike_target", "nominal"),
        ("instrument", "instrument"),
        ("instrument_on_object", "instrument"),
        ("verb_target", "object"),
        ("event_means", "means"),
        ("nominal_of", "nominal"),
        ("amount_of_losses", "nominal"),
        ("strike_acting", "subject"),
    ],
)
def test_every_governing_frame_names_its_relation(frame, relation):
    frames = {f.name: (f, pattern) for f, pattern in claim_frames()}
    found, pattern = frames[frame]
    assert (found.role, found.relation) == ("governor", relation)
    assert pattern[found.anchor_node]["RIGHT_ID"] == "anchor"
    assert pattern[found.role_node]["RIGHT_ID"] == "governor"


@pytest.mark.parametrize(
    "frame, relation",
    [("reduced_passive", "passive"), ("relative_object", "object"), ("relative_passive", "passive")],
)
def test_a_frame_giving_the_counted_noun_its_verb_names_the_relation(frame, relation):
    frames = {f.name: f for f, _ in claim_frames()}
    assert (frames[frame].role, frames[frame].relation) == ("verb", relation)


def test_the_frames_of_other_roles_name_no_relation():
    assert all(f.relation == "" for f, _ in claim_frames() if f.role not in ("governor", "verb"))
