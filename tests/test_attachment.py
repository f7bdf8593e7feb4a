"""General attachment: who acted, read from the frame's own roles. One row per rule, in my own sentences."""

import pytest


@pytest.mark.parametrize(
    "text, actor",
    [
        # the attack a loss came in, named by its verb
        ("Officials said 26 people were wounded in shelling.", "shelling"),
        # the noun an adjective of achieving describes
        ("An ISIS operative responsible for killing two soldiers was captured.", "ISIS operative"),
        # who attacked in a clause that says when the loss came
        ("The ministry said 13 guards died when a Russian vessel shelled the island.", "Russian vessel"),
        ("Nine soldiers were killed when Turkish jets struck their convoy.", "Turkish jets"),
        ("Nine soldiers were killed when the convoy passed the bridge.", None),
        # a gerund under a preposition shares the subject of the verb the preposition hangs on
        ("Army units seized the hill after killing about 40 terrorists.", "Army units"),
        ("Marines cleared the village by destroying 5 bunkers.", "Marines"),
        ("Rebels withdrew before shelling 3 checkpoints.", "Rebels"),
        # an operation named with whose it is, the means of a loss in it
        ("Forty people were killed in the U.S. operation in the capital.", "the U.S. operation"),
        ("Five guards died during a Turkish offensive near the border.", "Turkish offensive"),
        ("Three fighters were killed in the operation.", None),
        # a clause of result stands for the event before it
        ("Police raided the compound, which resulted in the deaths of 4 gunmen.", "Police"),
        ("The operation led to the capture of 6 smugglers.", "The operation"),
    ],
)
def test_actor_from_the_frame(extractor, text, actor):
    claims = [c for c in extractor.extract(text, published="2018-02-14").claims if c.value != 1]
    assert claims and all(c.actor == actor for c in claims), [(c.value, c.actor) for c in claims]


def test_coordinated_items_all_take_the_subject_of_the_verb_above(extractor):
    claims = extractor.extract(
        "Army units seized the hill after killing 40 terrorists and destroying 6 vehicles.",
        published="2018-02-14",
    ).claims
    assert [(c.value, c.actor) for c in claims] == [(40, "Army units"), (6, "Army units")]
