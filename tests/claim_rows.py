"""What the claim tables compare: each claim with a figure as (kind, value, category, effect)."""


def scored(extractor, text, published="2016-05-02"):
    claims = extractor.extract(text, published=published).claims
    return [(c.kind, c.value, c.category, c.effect) for c in claims if c.value is not None]
