"""Dependency labels and closed word classes the extractor's rules are written in.

spaCy's English pipelines use ClearNLP-style labels; the names below say what each is.
The word lists are small closed classes of English (modal verbs, negators, hedges,
reporting verbs), not lists drawn from any evaluation data.
"""

from __future__ import annotations

# --- dependency labels -------------------------------------------------------
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
DIRECT_OBJECTS = frozenset({"dobj", "attr", "oprd", "acomp"})
CLAUSE_HEADS = frozenset(
    {"ROOT", "conj", "ccomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis", "xcomp"}
)
AUXILIARIES = frozenset({"aux", "auxpass"})
NEGATION = "neg"
XCOMP = "xcomp"
CCOMP = "ccomp"
PREP = "prep"
AGENT = "agent"
DATIVE = "dative"
CONJ = "conj"
APPOS = "appos"
RELCL = "relcl"
ADVMOD = "advmod"
PARTICLE = "prt"
NOUN_DROP = frozenset({"conj", "cc", "appos", "relcl", "punct", "preconj", "parataxis"})
NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "case", "npadvmod"})

# participles that work as prepositions ("regarding its war"), not as clauses
VERBAL_PREPOSITIONS = frozenset(
    {"regarding", "including", "following", "concerning", "considering", "according", "given"}
)

TIME_NOUNS = frozenset(
    "time year month week day hour minute decade century morning evening night today "
    "yesterday tomorrow later earlier ago season spring summer autumn fall winter".split()
)

REGION_NOUNS = frozenset(
    "region province oblast state territory district county republic prefecture".split()
)
MEDIA_NOUNS = frozenset(
    "report article newspaper interview broadcast publication editorial story reporter "
    "correspondent journalist columnist channel website outlet".split()
)
INDEFINITE = frozenset({"a", "an", "another", "one"})
PARTITIVES = frozenset(
    "majority minority most many some few several all none half part number".split()
)

# "Kherson, which Russia occupies": pronouns that stand for the noun a relative
# clause hangs on ("whose" is a determiner, "what" has no antecedent)
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})

# --- entity labels -----------------------------------------------------------
ACTOR_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})

# --- closed word classes -----------------------------------------------------
CONTROL_VERBS = frozenset(
    {"hope", "plan", "want", "intend", "aim", "seek", "try", "wish", "attempt", "expect"}
)
NEGATING_VERBS = frozenset({"fail", "refuse", "decline"})
# "urged Tehran to return", "invited Kallas to visit": the verb's object is the one
# who is to act, and that it acts is asked for, not stated (object control)
OBJECT_CONTROL_VERBS = frozenset(
    "urge invite ask call press warn encourage persuade convince pressure push "
    "force compel order tell instruct advise request implore beg exhort challenge allow "
    "permit authorize authorise enable forbid prohibit require oblige remind appeal "
    "prevail lobby".split()
)
# the preposition that introduces the object of some of them: "called on Washington to"
CONTROL_PREPOSITIONS = {
    "call": frozenset({"on", "upon"}),
    "prevail": frozenset({"on", "upon"}),
    "appeal": frozenset({"to"}),
}
# "has no plans to withdraw", "had no legitimacy to sign": nouns whose infinitive the
# subject of "have" would carry out (never its object, as in "nothing to hide"), and
# the word the modality takes from each
INTENTION_NOUNS = {
    "plan": "plan",
    "intention": "intend",
    "intent": "intend",
    "desire": "want",
    "wish": "wish",
    "interest": "interest",
    "right": "right",
    "authority": "authority",
    "mandate": "mandate",
    "legitimacy": "legitimacy",
    "power": "power",
    "ability": "ability",
    "capacity": "capacity",
    "reason": "reason",
    "need": "need",
    "obligation": "obligation",
    "will": "will",
    "means": "means",
    "courage": "courage",
    "time": "time",
    "chance": "chance",
    "opportunity": "opportunity",
}
# "no progress", "neither Paris nor Berlin": determiners that deny their noun phrase
NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
# "nobody attended", "Russia said nothing": pronouns that deny the clause they are in
NEGATIVE_PRONOUNS = frozenset({"nothing", "nobody", "none", "neither", "noone", "no-one"})
# "not just a courtesy call", "not only ... but also": adds, denies nothing
NOT_DENYING = frozenset({"just", "only", "merely", "simply", "solely"})
HEDGES = frozenset(
    {
        "reportedly",
        "allegedly",
        "apparently",
        "purportedly",
        "reputedly",
        "supposedly",
        "probably",
        "possibly",
        "likely",
        "perhaps",
        "seemingly",
        "presumably",
        "maybe",
    }
)
# "X is said to ...": passive report verbs that hedge the embedded clause
HEARSAY_VERBS = frozenset({"say", "report", "believe", "think", "rumor", "rumour", "understand"})
REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "state",
        "believe",
        "think",
        "claim",
        "suggest",
        "report",
        "reveal",
        "add",
        "argue",
        "warn",
        "insist",
        "acknowledge",
        "announce",
        "speculate",
        "fear",
        "note",
        "explain",
        "deny",
        "admit",
        "assert",
        "confirm",
        "allege",
        "predict",
        "indicate",
        "write",
        "declare",
        "stress",
        "quote",
        "estimate",
        "conclude",
        "concede",
        "maintain",
        "reiterate",
        "emphasize",
        "emphasise",
        "underline",
        "underscore",
        "observe",
        "remark",
        "recall",
        "contend",
        "complain",
        "charge",
        "vow",
        "pledge",
        "promise",
        "hint",
        "signal",
        "assure",
        "reply",
        "retort",
        "caution",
        "proclaim",
        "affirm",
        "reaffirm",
        "disclose",
        "testify",
    }
)
# "X said that ..., as U.S. and Iranian officials traded warnings": an adverbial
# clause the writer sets beside a report, not part of what is reported
ASIDE_MARKS = frozenset({"as", "while", "whereas"})
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "„", "«", "»"})
# prepositions whose object is a time whatever its words ("until the inauguration")
TIME_PREPOSITIONS = frozenset({"until", "since", "during", "before", "after", "throughout", "till"})
