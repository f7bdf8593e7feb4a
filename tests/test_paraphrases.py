"""One claim in many wordings: every paraphrase must give the same kind, value, actor and place.

The table is the test of general attachment (issue 16): active, passive, reduced passive, nominal, control
("managed to destroy"), relative clause, participle, coordination, list item, headline above the body,
attribution before, inside and after. A wording that fails is a row here first, then a fix to a general
rule or a data entry."""

import pytest

ACTOR = "Turkish jets"

PARAPHRASES = [
    ("Turkish jets destroyed 12 tanks near Afrin.", "Afrin"),
    ("Twelve tanks were destroyed near Afrin by Turkish jets.", "Afrin"),
    ("12 tanks were destroyed by Turkish jets near Afrin.", "Afrin"),
    ("Near Afrin, Turkish jets destroyed 12 tanks.", "Afrin"),
    ("Near Afrin, 12 tanks were destroyed by Turkish jets.", "Afrin"),
    ("Turkish jets managed to destroy 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets were able to destroy 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets succeeded in destroying 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets went on to destroy 12 tanks near Afrin.", "Afrin"),
    ("The ministry confirmed the destruction of 12 tanks near Afrin by Turkish jets.", "Afrin"),
    ("Turkish jets hit and destroyed 12 tanks near Afrin.", "Afrin"),
    ("12 tanks near Afrin were hit and destroyed by Turkish jets.", "Afrin"),
    ("Turkish jets bombed a column near Afrin, destroying 12 tanks.", "Afrin"),
    ("Turkish jets struck positions near Afrin and destroyed 12 tanks.", "Afrin"),
    ("The ministry listed 12 tanks that Turkish jets destroyed near Afrin.", "Afrin"),
    ("Turkish jets, which destroyed 12 tanks near Afrin, returned to base.", "Afrin"),
    ("Strikes by Turkish jets destroyed 12 tanks near Afrin.", "Afrin"),
    ("12 tanks were destroyed near Afrin in strikes by Turkish jets.", "Afrin"),
    ("In strikes near Afrin, Turkish jets destroyed 12 tanks.", "Afrin"),
    ("Turkish jets reportedly destroyed 12 tanks near Afrin.", "Afrin"),
    ("According to the ministry, Turkish jets destroyed 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets destroyed 12 tanks near Afrin, the ministry said.", "Afrin"),
    ("The ministry said Turkish jets had destroyed 12 tanks near Afrin.", "Afrin"),
    ("The ministry said that Turkish jets destroyed 12 tanks near Afrin on Monday.", "Afrin"),
    ("Turkish jets destroyed 12 tanks in the vicinity of Afrin.", "vicinity of Afrin"),
    ("Turkish jets destroyed 12 tanks on the outskirts of Afrin.", "outskirts of Afrin"),
    ("Turkish jets destroyed as many as 12 tanks near Afrin.", "Afrin"),
    ("On Monday, Turkish jets destroyed 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets on Monday destroyed 12 tanks near Afrin.", "Afrin"),
    ("It was Turkish jets that destroyed 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets were responsible for destroying 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets destroyed twelve tanks near Afrin.", "Afrin"),
    ("Turkish jets destroyed 12 tanks and three trucks near Afrin.", "Afrin"),
    ("Turkish jets destroyed three trucks and 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets killed five fighters and destroyed 12 tanks near Afrin.", "Afrin"),
    ("12 tanks destroyed near Afrin by Turkish jets, the ministry said.", "Afrin"),
    ("Turkish jets destroyed the following near Afrin:\n- 12 tanks\n- three trucks", "Afrin"),
    ("Turkish jets flew over Afrin and destroyed 12 tanks there.", "Afrin"),
    ("Turkish jets also destroyed 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets have destroyed 12 tanks near Afrin, officials said.", "Afrin"),
    ("During the raid near Afrin, Turkish jets destroyed 12 tanks.", "Afrin"),
    ("Turkish jets targeted a convoy near Afrin and destroyed 12 tanks.", "Afrin"),
    ("JETS HIT AFRIN\nTurkish jets destroyed 12 tanks near Afrin on Monday.", "Afrin"),
    ("Turkish jets later destroyed 12 tanks near Afrin.", "Afrin"),
    ("Turkish jets destroyed some 12 tanks near Afrin.", "Afrin"),
]


@pytest.mark.parametrize("text, place", PARAPHRASES)
def test_every_paraphrase_gives_the_same_claim(extractor, text, place):
    record = extractor.extract(text, published="2018-02-14")
    found = [(c.kind, c.value, c.actor, c.location) for c in record.claims if c.value == 12]
    assert found == [("targets", 12, ACTOR, place)]


CASUALTY_ACTOR = "Turkish air strikes"

CASUALTY_PARAPHRASES = [
    "Turkish air strikes killed 12 soldiers near Afrin.",
    "12 soldiers were killed in Turkish air strikes near Afrin.",
    "12 soldiers were killed by Turkish air strikes near Afrin.",
    "12 soldiers died in Turkish air strikes near Afrin.",
    "Twelve soldiers died as a result of Turkish air strikes near Afrin.",
    "Turkish air strikes left 12 soldiers dead near Afrin.",
    "Turkish air strikes near Afrin claimed the lives of 12 soldiers.",
    "12 soldiers lost their lives in Turkish air strikes near Afrin.",
    ("Near Afrin, Turkish air strikes killed 12 soldiers."),
    "Turkish air strikes killed 12 soldiers and wounded 30 near Afrin.",
    "Turkish air strikes on Afrin killed 12 soldiers.",
    "Turkish air strikes resulted in the deaths of 12 soldiers near Afrin.",
    "Turkish air strikes near Afrin killed at least 12 soldiers, the ministry said.",
    "The ministry said 12 soldiers had been killed in Turkish air strikes near Afrin.",
    "At least 12 soldiers have been killed in Turkish air strikes near Afrin, officials said.",
    "Turkish air strikes killed 12 soldiers who were guarding a checkpoint near Afrin.",
    pytest.param(
        "The death of 12 soldiers in Turkish air strikes near Afrin was confirmed.",
        marks=pytest.mark.xfail(
            strict=True, reason="issue 16: a means phrase the parser hangs on the counted noun"
        ),
    ),
    "Turkish air strikes, which killed 12 soldiers near Afrin, drew protests.",
    "Turkish air strikes reportedly killed 12 soldiers near Afrin.",
]


@pytest.mark.parametrize("text", CASUALTY_PARAPHRASES)
def test_every_casualty_paraphrase_names_the_strikes_as_actor(extractor, text):
    record = extractor.extract(text, published="2018-02-14")
    found = [(c.kind, c.value, c.effect, c.actor, c.location) for c in record.claims if c.value == 12]
    assert found == [("casualties", 12, "killed", CASUALTY_ACTOR, "Afrin")]
