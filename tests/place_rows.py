"""What the place tables compare: each scored claim's (value, location), and the first located claim's geo."""

PUBLISHED = "2024-05-02"
SCORED = ("sorties", "strikes", "targets", "casualties")


def placed(extractor, text, published=PUBLISHED):
    """(value, location) of each scored claim, in order."""
    claims = extractor.extract(text, published=published).claims
    return [(c.value, c.location) for c in claims if c.kind in SCORED]


def geo_of(extractor, text, published=PUBLISHED):
    """(country, name) of the first located claim's geo."""
    claims = [c for c in extractor.extract(text, published=published).claims if c.location]
    geo = claims[0].geo if claims else None
    return (geo.country, geo.name) if geo is not None else None
