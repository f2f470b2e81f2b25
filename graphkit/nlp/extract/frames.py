"""Clauses whose actor another clause names, and what a clause takes from another.

- object control: "Washington urged [Tehran] to return": Tehran is the one to
  return, and that it returns is asked for, not stated;
- nouns of intention: "Moscow has no [plans] to withdraw": Moscow is the one;
- relative pronouns: "Kherson, [which] Russia occupies": "which" stands for Kherson;
- coordinated verbs: "would neither end the war nor withdraw": "withdraw" shares
  "would".

Every search here is bounded by a fixed number of steps or words, so the work per
clause does not grow with the sentence.
"""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Token

from graphkit.nlp.extract import rules as r
from graphkit.nlp.extract.negation import bare_negative, denies

NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
MODAL_FORMS = {"'ll": "will", "wo": "will", "ca": "can", "'d": "would", "sha": "shall"}
VERBS = frozenset({"VERB", "AUX"})
# how many right-hand children of a verb are looked at for an object-control frame:
# its object and infinitive stand next to it ("urged allies on Tuesday to act"), and
# a fixed bound keeps the work per verb constant however flat the parse
_CONTROL_WINDOW = 8
# how far up a chain of verbs "want to ask X to" the governing words are looked for
_GOVERNING_DEPTH = 6
# how far up from a relative pronoun its relative clause is looked for ("which Trump
# claimed was fraudulent": two verbs up)
_RELATIVE_DEPTH = 4
# a relative clause after a longer list than this stands for its own noun only (a
# bound on the assertions one clause gives)
_GROUP_LIMIT = 6


def control(verb: Token) -> tuple[Token, Token] | None:
    """The object and infinitive of an object-control verb: "urged [Tehran] [to
    return]", "called on [Washington] [to stop]", "warned [Kyiv] not [to attack]";
    the parser also reads "allow [the EU] to [borrow]" as a clause with a subject."""
    lemma = verb.lemma_.lower()
    if lemma not in r.OBJECT_CONTROL_VERBS or verb.pos_ not in VERBS:
        return None
    prepositions = r.CONTROL_PREPOSITIONS.get(lemma, frozenset())
    found = None
    for child in islice(verb.rights, _CONTROL_WINDOW):
        if child.dep_ == r.CCOMP:
            return _infinitive_with_subject(child) if found is None else None
        if child.dep_ == r.XCOMP:  # an infinitive: "to return", not "urged X, saying"
            if found is None or child.tag_ != "VB" or has_subject(child):
                return None
            return found, child
        if found is None and child.dep_ == "dobj" and child.pos_ in NOUN_POS:
            found = child
        elif found is None and child.dep_ == r.PREP and child.lower_ in prepositions:
            found = prep_object(child)
    return None


def _infinitive_with_subject(clause: Token) -> tuple[Token, Token] | None:
    """ "[the EU] to [borrow]": an infinitive clause whose subject stands before it."""
    if clause.pos_ not in VERBS or clause.tag_ != "VB":
        return None
    subject = next((c for c in clause.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in NOUN_POS:
        return None
    to = clause.doc[clause.i - 1]
    if to.lower_ != "to" or to.head.i != clause.i:
        return None
    return subject, clause


def controlled_by(infinitive: Token) -> tuple[Token, Token] | None:
    """The object-control verb whose infinitive ``infinitive`` is, and its object."""
    if infinitive.dep_ not in {r.XCOMP, r.CCOMP}:
        return None
    frame = control(infinitive.head)
    if frame is None or frame[1].i != infinitive.i:
        return None
    return infinitive.head, frame[0]


def intention_owner(verb: Token) -> Token | None:
    """ "Moscow has no plans [to withdraw]", "neither the time nor the interest [to
    sit down]": the "have" whose subject is the actor of an infinitive that completes
    a noun of intention, right or ability (``r.INTENTION_NOUNS``)."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in r.INTENTION_NOUNS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    first = noun
    for _ in range(_RELATIVE_DEPTH):  # "the time nor the interest": the list's first
        if first.dep_ != r.CONJ or first.head.i >= first.i:
            break
        first = first.head
    owner = first.head
    if first.dep_ == "dobj" and owner.lemma_.lower() == "have" and owner.pos_ in VERBS:
        return owner
    return None


def antecedent_of(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Kherson, [which] Russia occupies",
    "the election, [which] Trump claimed was fraudulent" (the pronoun stands before
    its relative clause's verb; "who asked [who] attacked" is a question)."""
    if pronoun.lower_ not in r.RELATIVE_PRONOUNS or pronoun.tag_ not in r.RELATIVE_TAGS:
        return None
    current = pronoun
    for _ in range(_RELATIVE_DEPTH):
        head = current.head
        if head.i == current.i:
            return None
        if head.dep_ == r.RELCL:
            antecedent = head.head
            if pronoun.i > head.i or antecedent.pos_ not in NOUN_POS:
                return None
            return antecedent
        current = head
    return None


def stands_for(member: Token) -> list[Token]:
    """An object member, or what it stands for when it is a relative pronoun: the
    antecedent with the phrases coordinated with it ("Zaporizhzhia and Kherson,
    which Russia occupies": both) when the clause follows them all ("Kherson,
    which Russia occupies, and Odesa": Kherson only)."""
    antecedent = antecedent_of(member)
    if antecedent is None:
        return [member]
    if bare_negative(antecedent):  # "nothing that Russia offered": offered, but what?
        return []
    first = antecedent
    for _ in range(_RELATIVE_DEPTH):
        if first.dep_ != r.CONJ or first.head.i >= first.i:
            break
        first = first.head
    if first.dep_ == r.CONJ:
        return [antecedent]
    group = members(first)
    if len(group) > _GROUP_LIMIT or any(m.i > member.i for m in group):
        return [antecedent]
    return group


def chain_above(verb: Token) -> list[Token]:
    """``verb`` and the verbs whose subjectless infinitive it is: "wants to [ask]"."""
    chain = [verb]
    for _ in range(_GOVERNING_DEPTH):
        top = chain[0]
        head = top.head
        if top.dep_ != r.XCOMP or head.pos_ not in VERBS or has_subject(top):
            break
        if control(head) is not None:
            break
        chain.insert(0, head)
    return chain


def members(head: Token) -> list[Token]:
    return [head, *[c for c in head.conjuncts if c.i > head.i]]


def has_subject(token: Token) -> bool:
    return any(c.dep_ in r.SUBJECTS for c in token.children)


def prep_object(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            return child
    return None


def shared_auxiliaries(predicate: Token) -> tuple[bool, list[str]]:
    """ "Israel would neither end the war nor withdraw": a bare verb coordinated with
    another shares its modal and its "not" ("did not sign or ratify"). They stand just
    before the first verb, so only the three words there are read."""
    if predicate.dep_ != r.CONJ or predicate.tag_ != "VB" or predicate.i < predicate.head.i:
        return False, []
    if any(c.dep_ in r.AUXILIARIES or c.dep_ in r.SUBJECTS for c in predicate.children):
        return False, []
    head = predicate.head
    negated, modals = False, []
    for i in range(max(head.i - 3, 0), head.i):
        token = head.doc[i]
        if token.head.i != head.i:
            continue
        if token.dep_ == r.NEGATION and denies(token):
            negated = True
        elif token.dep_ == "aux" and token.tag_ == "MD":
            modals.append(MODAL_FORMS.get(token.lower_, token.lower_))
    return negated, modals
