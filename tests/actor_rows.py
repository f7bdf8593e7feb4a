"""What the actor and speaker tables compare: chosen fields of each claim with a figure, and the speakers
some claim is given."""


def claim_fields(extractor, text, *fields, published="2024-05-02"):
    claims = extractor.extract(text, published=published).claims
    return [tuple(getattr(c, f) for f in fields) for c in claims if c.value is not None]


def claimed_speakers(extractor, text, published="2024-05-02"):
    """Each speaker some claim is given, as (kind, name, role, organization)."""
    record = extractor.extract(text, published=published)
    named = {c.speaker_id for c in record.claims}
    return [(s.kind, s.name, s.role, s.organization) for s in record.speakers if s.id in named]
