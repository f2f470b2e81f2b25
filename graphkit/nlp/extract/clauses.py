"""Verb clauses: who does what to whom, with the verb chain's negation and modality.

One generator, :func:`verb_clauses`, yields a :class:`Clause` per (subject member,
object member) of every predicate in a sentence. Attribution is added later by
:mod:`graphkit.nlp.extract.attribution`, since it needs the quotes of the whole document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Span, Token

from graphkit.nlp.extract import rules as r
from graphkit.nlp.extract.frames import (
    MODAL_FORMS,
    NOUN_POS,
    VERBS,
    antecedent_of,
    chain_above,
    control,
    controlled_by,
    has_subject,
    intention_owner,
    members,
    prep_object,
    shared_auxiliaries,
    stands_for,
)
from graphkit.nlp.extract.negation import (
    bare_negative,
    denies,
    negative_argument,
    neither_of,
    nor_verb,
)
from graphkit.nlp.extract.spans import broken_left_part, clause_span, expand_noun, trim


class Clause(NamedTuple):
    predicate: Token  # where the subject attaches (head of the verb chain)
    verb: Token  # where the objects attach (end of the verb chain)
    subject: tuple[int, int]
    subject_head: Token
    subject_inherited: bool
    object: tuple[int, int] | None
    object_head: Token | None
    # the defaults describe an implied "be" (an apposition): no verb, no status
    qualifiers: tuple[tuple[str, tuple[int, int]], ...] = ()
    relation: tuple[int, ...] = ()  # token indices of the relation words
    lemma: str = "be"
    negated: bool = False
    modality: str | None = None
    hedged: bool = False
    passive: bool = False


def is_predicate(token: Token) -> bool:
    """A verb that heads a clause of its own (not an auxiliary or a chained xcomp)."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ not in r.CLAUSE_HEADS:
        return False
    if token.lower_ in r.VERBAL_PREPOSITIONS and not has_subject(token):
        return False
    if token.dep_ == r.XCOMP and token.head.pos_ in VERBS:
        return has_subject(token) or controlled_by(token) is not None
    return True


def verb_chain(predicate: Token) -> list[Token]:
    """``predicate`` followed by its subjectless xcomp verbs: "wants to meet"."""
    chain = [predicate]
    while True:
        if control(chain[-1]) is not None:  # "urged Tehran [to return]": Tehran's clause
            return chain
        nxt = [
            c
            for c in chain[-1].children
            if c.dep_ == r.XCOMP and c.pos_ in {"VERB", "AUX"} and not has_subject(c)
        ]
        if not nxt:
            return chain
        chain.append(nxt[0])


def find_subjects(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Subject heads of ``verb`` (one per coordinated member) and whether they were
    inherited from another clause rather than stated."""
    own = [c for c in verb.children if c.dep_ in r.SUBJECTS]
    if own:
        head = own[0]
        antecedent = antecedent_of(head)
        if antecedent is not None and bare_negative(antecedent):
            return [], True  # "nothing that happened": the clause says nothing of nothing
        if antecedent is not None:  # "the envoy, who visited Tehran"
            return [antecedent], True
        return members(head), False
    if depth > 4:
        return [], True
    governor = controlled_by(verb)
    if governor is not None and verb.dep_ == r.XCOMP:  # "urged Tehran to return"
        return members(governor[1]), True
    owner = intention_owner(verb)
    if owner is not None:  # "Moscow has no plans to withdraw": Moscow withdraws
        subjects, _ = find_subjects(owner, depth + 1)
        return subjects, True
    if verb.dep_ in {r.CONJ, "advcl", r.XCOMP} and verb.head.pos_ in {"VERB", "AUX"}:
        subjects, _ = find_subjects(verb.head, depth + 1)
        return subjects, True
    if verb.dep_ in {r.RELCL, "acl"} and bare_negative(verb.head):
        return [], True  # "nothing to hide": "nothing" is what is (not) hidden, by no one named
    if verb.dep_ in {r.RELCL, "acl"} and verb.head.pos_ in NOUN_POS:
        return [verb.head], True
    return _subject_to_the_left(verb)


def _subject_to_the_left(verb: Token) -> tuple[list[Token], bool]:
    """A finite verb without a parsed subject takes the noun phrase just before it.

    The small parser sometimes hangs that phrase on an earlier clause
    ("While X has yet to congratulate Trump, insiders believe ...").
    """
    if verb.tag_ not in {"VBP", "VBZ", "VBD", "MD"} and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children
    ):
        return [], False
    i = verb.i - 1
    sent_start = verb.sent.start
    while i >= sent_start and verb.doc[i].dep_ in {"advmod", "aux", "neg"}:
        i -= 1
    if i < sent_start or verb.doc[i].pos_ not in NOUN_POS:
        return [], False
    head = verb.doc[i]
    while head.dep_ == r.CONJ and head.head.i < head.i:
        head = head.head
    return members(head), True


def _object_members(verb: Token) -> tuple[list[Token], Token | None]:
    """Heads of the object members and, for a prepositional object, the preposition."""
    direct = [c for c in verb.children if c.dep_ in r.DIRECT_OBJECTS]
    if direct:
        head = direct[0]
        broken = broken_left_part(head)
        if broken and head.dep_ == "dobj":
            # the phrase before the comma is the real object (see broken_left_part)
            nouns = [t for t in broken if t.pos_ in NOUN_POS]
            if nouns:
                return [max(nouns, key=lambda t: t.head == head)], None
        return members(head), None
    clausal = [c for c in verb.children if c.dep_ == r.CCOMP]
    if clausal:
        return [clausal[0]], None
    for prep in _preps(verb):
        target = prep_object(prep)
        if target is None or _is_time(prep, target) or _reporting_frame(target):
            continue
        return members(target), prep
    # "transmuting or erasing living objects": coordinated verbs share the last one's object
    for conjunct in verb.conjuncts:
        if conjunct.i > verb.i and conjunct.pos_ == "VERB" and not has_subject(conjunct):
            shared = [c for c in conjunct.children if c.dep_ == "dobj"]
            if shared:
                return members(shared[0]), None
    return [], None


def _reporting_frame(target: Token) -> bool:
    """ "was quoted as saying": the frame of a quotation, not the verb's object."""
    return target.dep_ == "pcomp" and target.lemma_.lower() in r.REPORTING_VERBS


def _preps(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == r.PREP]


def _is_time(prep: Token, target: Token) -> bool:
    return target.ent_type_ in r.TIME_ENTITIES or prep.lower_ in r.TIME_PREPOSITIONS


def qualifier_role(prep: Token) -> str:
    """``time``, ``place`` or the preposition itself ("with", "toward")."""
    target = prep_object(prep)
    if target is not None and _is_time(prep, target):
        return "time"
    if target is not None and target.ent_type_ in r.PLACE_ENTITIES:
        return "place"
    return prep.lower_


def _qualifiers(chain: list[Token], used: Token | None) -> list[tuple[str, tuple[int, int]]]:
    found: list[tuple[str, tuple[int, int]]] = []
    used_i = used.i if used is not None else -1
    for verb in chain:
        for child in verb.children:
            span = None
            prepositional = child.dep_ == r.PREP or (child.dep_ == r.DATIVE and child.pos_ == "ADP")
            if prepositional and child.i != used_i and child.lower_ != "according":
                span, role = trim(list(child.subtree)), qualifier_role(child)
            elif child.dep_ == "npadvmod" or (child.dep_ == r.ADVMOD and _has_modifiers(child)):
                # "this time", "Several years later", "47 to 38": adverbial noun phrases
                span, role = trim(list(child.subtree)), _adverbial_role(child)
            if span is not None:
                found.append((role, span))
    return sorted(found, key=lambda q: q[1])


def _has_modifiers(token: Token) -> bool:
    return any(c.dep_ not in {"punct", "cc"} for c in token.children)


def _adverbial_role(token: Token) -> str:
    words = {t.lemma_.lower() for t in token.subtree}
    if token.ent_type_ in r.TIME_ENTITIES or words & r.TIME_NOUNS:
        return "time"
    return "manner"


def _chain_status(chain: list[Token]) -> tuple[bool, list[str], bool, list[int]]:
    """Negation, modality words, hedging and the marker tokens of a verb chain."""
    negated, modality, hedged, markers = False, [], False, []
    if nor_verb(chain[0]):  # "neither seen the hall nor received the information"
        negated = True
        markers.append(chain[0].left_edge.i - 1)
    for position, verb in enumerate(chain):
        last = position == len(chain) - 1
        neither = neither_of(verb)
        if neither is not None:
            negated = True
            markers.append(neither.i)
        for child in verb.children:
            word = child.lower_
            if child.dep_ == r.NEGATION and not denies(child):
                continue  # "not just a courtesy call": see _not_just
            if child.dep_ == r.NEGATION or (child.dep_ == "det" and word == "no"):
                negated = True
                markers.append(child.i)
            elif child.dep_ in r.AUXILIARIES:
                markers.append(child.i)
                if child.tag_ == "MD":
                    modality.append(MODAL_FORMS.get(word, word))
            elif child.dep_ == r.ADVMOD and word in r.HEDGES:
                hedged = True
            elif child.dep_ == r.ADVMOD and word == "yet" and not last:
                negated = True  # "has yet to congratulate"
                markers.append(child.i)
            elif child.dep_ == r.ADVMOD and word == "longer":
                if any(g.lower_ == "no" for g in child.children):
                    negated = True
                    markers.extend([child.i, *[g.i for g in child.children]])
            elif child.dep_ == r.PARTICLE:
                markers.append(child.i)
        if not last:
            lemma = verb.lemma_.lower()
            if lemma == "have" and not negated:
                modality.append("have to")  # "will have to recognize": obligation
            elif lemma in r.NEGATING_VERBS:
                negated = True
            elif lemma in r.CONTROL_VERBS or lemma in r.OBJECT_CONTROL_VERBS:
                modality.append(lemma)  # "was urged to return": asked for, not done
            elif lemma in r.HEARSAY_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
                hedged = True  # "is said to"
    return negated, modality, hedged, markers


def _governing(predicate: Token) -> tuple[list[Token], str, bool, bool] | None:
    """For a clause whose actor is named by another clause, that clause's verb chain,
    the word that says how the action stands ("urge", "plan") and whether a denial
    of it denies the action ("has no plans to withdraw" does; "did not urge Kyiv to
    withdraw" says nothing of Kyiv), and whether the governing noun denies it."""
    governor = controlled_by(predicate)
    if governor is not None:
        verb, actor = governor
        word = verb.lemma_.lower()
        if actor.dep_ == "pobj":  # "called on"
            word = f"{word} {actor.head.lower_}"
        return chain_above(verb), word, False, False
    owner = intention_owner(predicate)
    if owner is not None:
        noun = predicate.head
        word = r.INTENTION_NOUNS[noun.lemma_.lower()]
        # "has no plans": the denial is on the noun
        return chain_above(owner), word, True, negative_argument(noun)
    return None


def _not_just(chain: list[Token]) -> int | None:
    """The "not" of "not just" / "not only" on the verb chain, which adds rather than
    denies: it goes with the object it stands before ("not just a courtesy call")."""
    for verb in chain:
        for child in verb.children:
            if child.dep_ == r.NEGATION and not denies(child):
                return child.i
    return None


def _relation_lemma(chain: list[Token], prep: Token | None) -> str:
    words = []
    for position, verb in enumerate(chain):
        lemma = verb.lemma_.lower()
        last = position == len(chain) - 1
        skip = {*r.NEGATING_VERBS, *r.CONTROL_VERBS, *r.OBJECT_CONTROL_VERBS}
        skip |= {*r.HEARSAY_VERBS, "have"}
        if last or lemma not in skip:
            words.append(lemma)
        if last:
            words.extend(c.lower_ for c in verb.children if c.dep_ == r.PARTICLE)
    if prep is not None:
        words.append(prep.lower_)
    return " ".join(words)


def _relation_tokens(chain: list[Token], markers: list[int], prep: Token | None) -> list[int]:
    core = sorted({*(v.i for v in chain), *markers, *([prep.i] if prep is not None else [])})
    inside = [
        c.i
        for v in chain
        for c in v.children
        if c.dep_ == r.ADVMOD and core[0] < c.i < core[-1] and c.lower_ not in r.HEDGES
    ]
    return sorted({*core, *inside})


def verb_clauses(sentence: Span) -> Iterator[Clause]:
    """Yield one clause per subject member and object member of each predicate.

    Passive clauses with an agent are turned around: "strikes were authorised by
    the US" gives subject "the US", object "strikes", ``passive`` true.
    """
    for token in sentence:
        if is_predicate(token):
            yield from _clauses_of(token)


def _clauses_of(predicate: Token) -> Iterator[Clause]:
    chain = verb_chain(predicate)
    verb = chain[-1]
    subjects, inherited = find_subjects(predicate)
    if not subjects:
        return
    objects, prep = _object_members(verb)
    frame = control(verb)
    if frame is not None and frame[1].dep_ == r.CCOMP:  # "allow [the EU] to borrow"
        objects, prep = members(frame[0]), None
    objects = [member for obj in objects for member in stands_for(obj)]
    agent = next((c for c in verb.children if c.dep_ == r.AGENT), None)
    agent_head = prep_object(agent) if agent is not None else None
    passive = agent_head is not None and any(
        c.dep_ in r.PASSIVE_SUBJECTS for c in predicate.children
    )
    if passive and agent_head is not None:
        # "strikes were authorised by the US": the agent acts on the grammatical subject
        objects, subjects, prep = subjects, members(agent_head), agent
    negated, modality, hedged, markers = _chain_status(chain)
    governed = _governing(predicate)
    if governed is not None:
        above, word, denial_known, noun_denies = governed
        denied, above_modality, above_hedged, _ = _chain_status(above)
        denied = denied or noun_denies
        if denied and not denial_known:
            return  # "did not urge Kyiv to withdraw": nothing is said of Kyiv
        negated = negated or denied
        modality = [*above_modality, word, *modality]
        hedged = hedged or above_hedged
    shared_negation, shared_modals = shared_auxiliaries(predicate)
    negated = negated or shared_negation
    modality = [*shared_modals, *modality]
    relation = _relation_tokens(chain, markers, prep)
    lemma = _relation_lemma(chain, None if passive else prep)
    found = _qualifiers(chain, prep)
    if frame is not None:  # "urged Tehran [to return to the talks]"
        span = clause_span(frame[1])
        if span is not None and frame[1].dep_ == r.CCOMP:  # "the EU [to borrow]"
            span = (max(span[0], frame[0].right_edge.i + 1), span[1])
        if span is not None:
            found = sorted([*found, ("to", span)], key=lambda q: q[1])
    qualifiers = tuple(found)
    direct = prep is None or passive  # "made no progress" denies; "with no delay" not
    not_just = _not_just(chain)
    for subject in subjects:
        subject_span = expand_noun(subject)
        if subject_span is None:
            continue
        subject_denies = negative_argument(subject)
        targets: list[Token | None] = [*objects] or [None]
        for target in targets:
            obj, object_span, words = target, None, relation
            object_denies = obj is not None and direct and obj.dep_ != r.CCOMP
            object_denies = object_denies and obj is not None and negative_argument(obj)
            if obj is not None and object_denies and bare_negative(obj):
                obj = None  # "Russia said nothing": "did not say", not "did not say nothing"
            if obj is not None and obj.dep_ == r.CCOMP:
                object_span = clause_span(obj)
                if object_span is not None and object_span[0] <= verb.i < object_span[1]:
                    # "which Trump claimed [was fraudulent]": the pronoun left its clause
                    object_span = (verb.i + 1, object_span[1])
                # "say that": the complementizer belongs with the verb of saying
                words = sorted({*relation, *(c.i for c in obj.children if c.dep_ == "mark")})
            elif obj is not None:
                object_span = expand_noun(obj)
                if not_just is not None and object_span and object_span[0] == not_just + 1:
                    object_span = (not_just, object_span[1])  # "was [not just a courtesy call]"
            yield Clause(
                predicate=predicate,
                verb=verb,
                subject=subject_span,
                subject_head=subject,
                subject_inherited=inherited,
                object=object_span,
                object_head=obj,
                qualifiers=qualifiers,
                relation=tuple(words),
                lemma=lemma,
                negated=negated or subject_denies or object_denies,
                modality=" ".join(modality) or None,
                hedged=hedged,
                passive=passive,
            )
