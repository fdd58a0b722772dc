# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hash chain for append-only histories.

Each history row stores its payload, the hash of the row before it
(``prev_hash``, empty for the first row) and its own hash::

    hash = sha256((prev_hash or '') + '\\n' + canonical(payload))

Editing, deleting, inserting or reordering rows then breaks the chain at the
first row that no longer fits, and :func:`verify_chain` reports where.

Limit: dropping the *last* rows leaves a shorter chain that is still valid;
detecting that needs the head hash kept somewhere else (e.g. on the parent
record) and compared with the last row's hash.

Pure Python: no Odoo, no translation.
"""
import hashlib
import json
from datetime import date, datetime, time

_SEPARATOR = b"\n"


def _normalise(value):
    """Return ``value`` as plain JSON types, deterministically.

    dates, datetimes and times become ISO 8601 strings; sets become lists
    sorted by their canonical form; tuples become lists. Dict keys must be
    strings. Anything else raises TypeError.
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        # json.dumps refuses NaN and infinities below (allow_nan=False).
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError("payload keys must be strings, got %r" % (key,))
            result[key] = _normalise(item)
        return result
    if isinstance(value, (list, tuple)):
        return [_normalise(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_normalise(item) for item in value), key=_dumps)
    raise TypeError(
        "cannot hash a value of type %s: %r" % (type(value).__name__, value)
    )


def _dumps(value):
    return json.dumps(
        value,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )


def canonical(payload):
    """Return the deterministic UTF-8 JSON encoding of the dict ``payload``.

    Keys sorted, no whitespace, non-ASCII kept as is (Kazakh and Russian text
    hash the same whatever produced them), dates as ISO strings, None as null,
    sets as sorted lists. Unsupported types raise TypeError; NaN and
    infinities raise ValueError.
    """
    if not isinstance(payload, dict):
        raise TypeError("payload must be a dict, got %s" % type(payload).__name__)
    return _dumps(_normalise(payload)).encode("utf-8")


def chain_hash(prev_hash, payload):
    """Return the sha256 hex digest chaining ``payload`` after ``prev_hash``.

    ``prev_hash`` None, '' or False (an empty Odoo field) all mean "first row".
    """
    digest = hashlib.sha256()
    digest.update((prev_hash or "").encode("utf-8"))
    digest.update(_SEPARATOR)
    digest.update(canonical(payload))
    return digest.hexdigest()


def verify_chain(rows):
    """Return the indexes of the broken rows of a hash chain, in order.

    ``rows`` is an ordered iterable of ``(payload, prev_hash, hash)``. Row
    ``i`` is broken if its hash does not recompute from its own payload and
    prev_hash, or if its prev_hash is not the stored hash of row ``i - 1``
    (for the first row: prev_hash must be empty). An edited payload is thus
    reported at its own index only; an edited hash at its index and the next
    one; a deleted or moved row where the links no longer meet.

    An empty list means the chain is intact.
    """
    broken = []
    previous = None
    for index, (payload, prev_hash, stored_hash) in enumerate(rows):
        linked = (prev_hash or "") == (previous or "")
        if not linked or chain_hash(prev_hash, payload) != stored_hash:
            broken.append(index)
        previous = stored_hash
    return broken
