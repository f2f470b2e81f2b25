"""PLOVER 0.8's sixteen event categories, their quad classes and intensities.

Quad class: each category's section of the PLOVER manual (openeventdata/PLOVER,
``PLOVER_MANUAL.tex``) opens with its class (AGREE: VERBAL COOPERATION, SANCTION:
MATERIAL CONFLICT, ...); REQUEST takes the class of DEMAND, the category it renamed.
The manual's closing summary table puts SANCTION under verbal conflict; we follow the
sections, since SANCTION covers material acts (embargoes, expulsions, cut aid) and the
usual CAMEO quad split puts its source, REDUCE RELATIONS, among material conflict.

Intensity: the "Schrodt scores" of the same manual (section "Numeric conflict/cooperation
scores"): for each PLOVER category, the average Goldstein weight of the CAMEO codes
mapped to it, weighted by how often each code occurred in 18 months of events, then
COERCE and MOBILIZE swapped by the manual's authors. REQUEST takes DEMAND's score.
The scale is -10 (most hostile) to +10 (most cooperative).
"""

from __future__ import annotations

from typing import NamedTuple

VERBAL_COOPERATION = "verbal cooperation"
MATERIAL_COOPERATION = "material cooperation"
VERBAL_CONFLICT = "verbal conflict"
MATERIAL_CONFLICT = "material conflict"
# the quad classes in PLOVER's numeric order (quad code 1 to 4)
QUAD_CLASSES = (VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT)


class Category(NamedTuple):
    name: str
    quad_class: str
    intensity: float


CATEGORIES: dict[str, Category] = {
    c.name: c
    for c in (
        Category("AGREE", VERBAL_COOPERATION, 4.2),
        Category("CONSULT", VERBAL_COOPERATION, 2.1),
        Category("SUPPORT", VERBAL_COOPERATION, 4.6),
        Category("CONCEDE", VERBAL_COOPERATION, 5.0),
        Category("COOPERATE", MATERIAL_COOPERATION, 6.8),
        Category("AID", MATERIAL_COOPERATION, 7.4),
        Category("RETREAT", MATERIAL_COOPERATION, 7.6),
        Category("REQUEST", VERBAL_CONFLICT, -5.0),
        Category("ACCUSE", VERBAL_CONFLICT, -2.0),
        Category("REJECT", VERBAL_CONFLICT, -4.2),
        Category("THREATEN", VERBAL_CONFLICT, -5.1),
        Category("PROTEST", MATERIAL_CONFLICT, -6.6),
        Category("SANCTION", MATERIAL_CONFLICT, -5.2),
        Category("MOBILIZE", MATERIAL_CONFLICT, -5.3),
        Category("COERCE", MATERIAL_CONFLICT, -7.2),
        Category("ASSAULT", MATERIAL_CONFLICT, -9.3),
    )
}


def is_cooperative(category: str) -> bool:
    return CATEGORIES[category].quad_class in {VERBAL_COOPERATION, MATERIAL_COOPERATION}


def quad_code(quad_class: str) -> int:
    """PLOVER's numeric quad code: 1 verbal cooperation ... 4 material conflict."""
    return QUAD_CLASSES.index(quad_class) + 1
