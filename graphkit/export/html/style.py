"""How the view draws things: colour and shape by entity type, line style by the
status of a claim, colour by the quad class of its event; and which types are actors."""

from __future__ import annotations

from graphkit.types import EntityType

TYPE_STYLE: dict[EntityType, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "Country": ("#e15759", "diamond"),
    "GovernmentBody": ("#f28e2b", "square"),
    "Organization": ("#edc948", "square"),
    "MediaOrganization": ("#b07aa1", "square"),
    "PoliticalParty": ("#ff9da7", "square"),
    "Group": ("#59a14f", "triangle"),
    "AnonymousSource": ("#9c755f", "triangleDown"),
    "Place": ("#76b7b2", "star"),
    "Region": ("#76b7b2", "star"),
    "City": ("#76b7b2", "star"),
    "Concept": ("#bab0ac", "ellipse"),
    "Proposition": ("#d4d4d4", "box"),
}
# What the view draws as nodes by default: who acts. Places, concepts and the quoted
# statements (propositions) are lines in the panels of the actors they concern, and
# nodes only when the reader asks for them.
NOT_DRAWN: frozenset[str] = frozenset({"Concept", "Proposition", "Place", "Region", "City"})
# Edge kind -> colour, dash pattern (False: solid) and what it means. The order is
# the precedence: a negated claim that is also reported is drawn as negated.
KIND_STYLE: dict[str, tuple[str, bool | list[int], str]] = {
    "negated": ("#d62728", [8, 5], "negated (not, never, has yet to …)"),
    "hedged": ("#ff7f0e", [2, 4], "hedged (reportedly, allegedly …)"),
    "attributed": ("#9467bd", [12, 4, 2, 4], "reported by a source"),
    "modal": ("#1f77b4", [6, 3], "modal or intended (could, will, hopes to …)"),
    "fact": ("#555555", False, "stated as fact"),
}
# An actor's words that name another actor: drawn thin and light, not a claim.
MENTION_STYLE: tuple[str, list[int], str] = (
    "#8f8f8f",
    [2, 3],
    "speaks of (its words name the other)",
)
# PLOVER quad classes, cooperation in blues, conflict in reds; uncoded claims grey.
QUAD_STYLE: dict[str, tuple[str, str]] = {
    "VerbalCooperation": ("#4f9fd8", "verbal cooperation"),
    "MaterialCooperation": ("#1f4e9c", "material cooperation"),
    "VerbalConflict": ("#ee8434", "verbal conflict"),
    "MaterialConflict": ("#c0262d", "material conflict"),
}
NO_EVENT: tuple[str, str] = ("#8c8c8c", "no event coded")
MAX_WIDTH = 8
