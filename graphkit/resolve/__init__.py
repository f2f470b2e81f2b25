"""The actor stage: many surface forms of one actor -> one typed entity.

:func:`resolve_entities` (:mod:`graphkit.resolve.resolver`) runs the rules; mentions
are typed by :mod:`~graphkit.resolve.classify` from the alias dictionary
(:mod:`~graphkit.resolve.aliases`), ISO 3166 countries
(:mod:`~graphkit.geo.countries`) and GeoNames cities
(:mod:`~graphkit.geo.cities`); :mod:`~graphkit.resolve.roles` reads who holds
which office.
"""

from graphkit.resolve.resolver import Resolver, resolve_entities

__all__ = ["Resolver", "resolve_entities"]
