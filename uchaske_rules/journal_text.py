# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R15: the access journal in words. The journal stores what a user's
client sent (a search domain in Odoo's prefix notation, the text typed in an
autocomplete, a group-by); the chief reads it as the user typed it:
``State is "Registered" and (District is "Left bank" or ...)``.

Pure functions: labels and words come in as parameters (the model passes
translated ones), nothing here imports Odoo.
"""
import ast

#: how the journal writes an autocomplete search and a grouped search
NAME_SEARCH_PREFIX = "name "
NAME_SEARCH_FILTER = ", filter "
GROUPED_BY = " grouped by "

_OPERATORS = ("&", "|", "!")


def parse_details(details):
    """Split a journal row's ``details`` into its parts.

    Returns a dict with any of: ``domain`` (a list), ``groupby`` (a list),
    ``name`` (the text typed) and ``name_operator``; ``None`` when the text
    is not one of the journal's search formats (fields read, a report)."""
    text = (details or "").strip()
    if not text:
        return None
    try:
        if text.startswith(NAME_SEARCH_PREFIX) and NAME_SEARCH_FILTER in text:
            head, domain = text.rsplit(NAME_SEARCH_FILTER, 1)
            operator, name = head[len(NAME_SEARCH_PREFIX):].split(" ", 1)
            return {"name_operator": operator, "name": ast.literal_eval(name),
                    "domain": ast.literal_eval(domain)}
        if text.startswith("["):
            groupby = None
            if GROUPED_BY in text:
                text, grouped = text.rsplit(GROUPED_BY, 1)
                groupby = ast.literal_eval(grouped)
                if isinstance(groupby, str):
                    groupby = [groupby]
            result = {"domain": ast.literal_eval(text)}
            if groupby:
                result["groupby"] = list(groupby)
            return result
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return None


def _is_leaf(term):
    return isinstance(term, (list, tuple)) and len(term) == 3


def domain_to_text(domain, leaf_text, and_word, or_word, not_word):
    """Render a prefix-notation domain as infix words.

    ``leaf_text(field, operator, value)`` renders one condition; the
    connectives come as words. An implicit "&" joins top-level terms, as in
    Odoo. A malformed domain raises ``ValueError``."""
    terms = list(domain or [])
    if not terms:
        return ""
    position = [0]

    def parse():
        if position[0] >= len(terms):
            raise ValueError("incomplete domain")
        term = terms[position[0]]
        position[0] += 1
        if term in _OPERATORS:
            if term == "!":
                return ("not", parse())
            left = parse()
            right = parse()
            return ("and" if term == "&" else "or", left, right)
        if _is_leaf(term):
            return ("leaf", tuple(term))
        raise ValueError("not a domain term: %r" % (term,))

    nodes = []
    while position[0] < len(terms):
        nodes.append(parse())
    tree = nodes[0]
    for node in nodes[1:]:
        tree = ("and", tree, node)

    def render(node, parent=None):
        kind = node[0]
        if kind == "leaf":
            return leaf_text(*node[1])
        if kind == "not":
            return "%s (%s)" % (not_word, render(node[1], "not"))
        word = and_word if kind == "and" else or_word
        text = "%s %s %s" % (render(node[1], kind), word, render(node[2], kind))
        # parentheses only where the connective changes
        return "(%s)" % text if parent and parent != kind else text

    return render(tree)


def names_summary(names, total, limit, more_text):
    """The first ``limit`` names, then ``more_text % rest`` for the rest of
    ``total`` (records not shown or no longer existing)."""
    shown = list(names)[:limit]
    rest = max(total - len(shown), 0)
    text = ", ".join(shown)
    if rest:
        text = ("%s %s" % (text, more_text % rest)).strip()
    return text
