"""The actor stage: many surface forms of one actor -> one typed entity.

:func:`resolve_entities` (:mod:`graphkit.resolve.resolver`) runs the rules; mentions
are typed by :mod:`~graphkit.resolve.classify` from the alias dictionary
(:mod:`~graphkit.resolve.aliases`), ISO 3166 countries
(:mod:`~graphkit.geo.countries`), contested regions and ISO 3166-2 subdivisions
(:mod:`~graphkit.geo.regions`) and GeoNames cities (:mod:`~graphkit.geo.cities`);
:mod:`~graphkit.resolve.names` keeps names whole and reads acronyms,
:mod:`~graphkit.resolve.variants` finds spelling variants,
:mod:`~graphkit.resolve.descriptions` role nouns and appositions,
:mod:`~graphkit.resolve.antecedents` pronouns, :mod:`~graphkit.resolve.link` what
assertions and qualifiers name; :mod:`~graphkit.resolve.roles` reads who holds
which office. :mod:`~graphkit.resolve.drafts` holds the entities in the making.
"""

from graphkit.resolve.resolver import Resolver, resolve_entities

__all__ = ["Resolver", "resolve_entities"]
