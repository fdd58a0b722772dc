# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hash chain of append-only histories (R20, R32): the protocol and the
report materials kept for one year, and the work notebook, must show any
later edit. Plain unit tests, no database."""
import hashlib
import unittest
from datetime import date, datetime
from decimal import Decimal

from uchaske_rules import hashchain


def build_chain(payloads):
    """Return rows ``(payload, prev_hash, hash)`` chained the regular way."""
    rows, prev_hash = [], None
    for payload in payloads:
        row_hash = hashchain.chain_hash(prev_hash, payload)
        rows.append((payload, prev_hash, row_hash))
        prev_hash = row_hash
    return rows


PROTOCOL_HISTORY = [
    {"event": "created", "meeting": date(2024, 3, 29), "participants": 0,
     "author": "Сейітов Ә."},
    {"event": "participants", "participants": 47,
     "at": datetime(2024, 3, 29, 19, 5)},
    {"event": "complaint", "text": "Көшеде жарық жоқ", "answered": False},
    {"event": "proposal", "text": "Подъезды не освещены", "answered": None},
    {"event": "signed", "by": "inspector", "at": datetime(2024, 3, 29, 21, 40),
     "tags": {"video", "protocol"}},
]


class TestCanonical(unittest.TestCase):

    def test_key_order_does_not_matter(self):
        """R32: the same protocol facts hash the same whatever the dict order."""
        self.assertEqual(
            hashchain.canonical({"a": 1, "b": [1, 2], "c": {"y": 1, "x": 2}}),
            hashchain.canonical({"c": {"x": 2, "y": 1}, "b": [1, 2], "a": 1}))

    def test_compact_sorted_utf8(self):
        """R32: compact JSON, sorted keys, Kazakh text kept as UTF-8."""
        encoded = hashchain.canonical({"b": 2, "a": "Әлихан Бөкейхан"})
        self.assertIsInstance(encoded, bytes)
        self.assertEqual(encoded, '{"a":"Әлихан Бөкейхан","b":2}'.encode("utf-8"))

    def test_dates_none_and_false(self):
        """R32: dates become ISO strings; None is null and differs from false."""
        encoded = hashchain.canonical({
            "day": date(2024, 2, 29),
            "at": datetime(2024, 3, 29, 18, 0, 5),
            "none": None,
            "no": False,
        })
        self.assertEqual(
            encoded,
            b'{"at":"2024-03-29T18:00:05","day":"2024-02-29","no":false,"none":null}')
        self.assertNotEqual(hashchain.canonical({"x": None}),
                            hashchain.canonical({"x": False}))

    def test_sets_become_sorted_lists(self):
        """R32: sets (e.g. of participant ids) hash independently of their order."""
        self.assertEqual(hashchain.canonical({"ids": {3, 1, 2}}), b'{"ids":[1,2,3]}')
        self.assertEqual(hashchain.canonical({"ids": frozenset({"b", "a"})}),
                         b'{"ids":["a","b"]}')
        self.assertEqual(hashchain.canonical({"ids": {1, "1"}}),
                         hashchain.canonical({"ids": {"1", 1}}))

    def test_nested_values_and_tuples(self):
        """R32: nested dicts and lists are normalised recursively."""
        self.assertEqual(
            hashchain.canonical({"x": ({"d": date(2024, 1, 1)}, [None, 1.5])}),
            b'{"x":[{"d":"2024-01-01"},[null,1.5]]}')

    def test_unsupported_values_are_refused(self):
        """R32: values without one canonical form are refused, not guessed."""
        for value in (object(), Decimal("1.10"), b"bytes", 1j):
            with self.assertRaises(TypeError):
                hashchain.canonical({"x": value})
        with self.assertRaises(TypeError):
            hashchain.canonical({1: "non-string key"})
        with self.assertRaises(TypeError):
            hashchain.canonical({"x": {2: "nested non-string key"}})
        with self.assertRaises(TypeError):
            hashchain.canonical(["not", "a", "dict"])
        with self.assertRaises(ValueError):
            hashchain.canonical({"x": float("nan")})


class TestChainHash(unittest.TestCase):

    def test_definition(self):
        """R32: sha256 of previous hash, newline, canonical payload."""
        payload = {"event": "signed"}
        expected = hashlib.sha256(
            b"abc\n" + hashchain.canonical(payload)).hexdigest()
        self.assertEqual(hashchain.chain_hash("abc", payload), expected)
        self.assertEqual(len(expected), 64)

    def test_empty_previous_hash_forms_are_equal(self):
        """R32: None, '' and False (an empty Odoo field) all start a chain."""
        payload = {"event": "created"}
        first = hashchain.chain_hash(None, payload)
        self.assertEqual(first, hashchain.chain_hash("", payload))
        self.assertEqual(first, hashchain.chain_hash(False, payload))
        self.assertEqual(
            first,
            hashlib.sha256(b"\n" + hashchain.canonical(payload)).hexdigest())

    def test_hash_depends_on_payload_and_previous(self):
        """R32: any change of the payload or of the link changes the hash."""
        base = hashchain.chain_hash("a" * 64, {"n": 1})
        self.assertNotEqual(base, hashchain.chain_hash("b" * 64, {"n": 1}))
        self.assertNotEqual(base, hashchain.chain_hash("a" * 64, {"n": 2}))
        self.assertNotEqual(base, hashchain.chain_hash("a" * 64, {"n": "1"}))
        self.assertEqual(base, hashchain.chain_hash("a" * 64, {"n": 1}))


class TestVerifyChain(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.rows = build_chain(PROTOCOL_HISTORY)

    def test_intact_chain(self):
        """R32: an untouched history verifies; so do empty and one-row ones."""
        self.assertEqual(hashchain.verify_chain(self.rows), [])
        self.assertEqual(hashchain.verify_chain(iter(self.rows)), [])
        self.assertEqual(hashchain.verify_chain([]), [])
        self.assertEqual(hashchain.verify_chain(self.rows[:1]), [])

    def test_odoo_false_as_first_previous_hash(self):
        """R32: the first row may store False (empty Char field) as prev_hash."""
        payload, _prev, row_hash = self.rows[0]
        rows = [(payload, False, row_hash)] + self.rows[1:]
        self.assertEqual(hashchain.verify_chain(rows), [])

    def test_edited_payload_is_reported_at_its_row(self):
        """R32: editing a complaint afterwards is reported at that row only."""
        for index in range(len(self.rows)):
            rows = list(self.rows)
            payload, prev_hash, row_hash = rows[index]
            forged = dict(payload, forged=True)
            rows[index] = (forged, prev_hash, row_hash)
            self.assertEqual(hashchain.verify_chain(rows), [index], index)

    def test_subtle_payload_edits(self):
        """R32: a changed number, a False turned None, a date moved by a day."""
        edits = [
            (1, "participants", 48),
            (2, "answered", None),
            (0, "meeting", date(2024, 3, 28)),
        ]
        for index, key, value in edits:
            rows = list(self.rows)
            payload, prev_hash, row_hash = rows[index]
            rows[index] = (dict(payload, **{key: value}), prev_hash, row_hash)
            self.assertEqual(hashchain.verify_chain(rows), [index], key)

    def test_edited_hash_breaks_its_row_and_the_next_link(self):
        """R32: a replaced hash no longer recomputes and no longer links."""
        rows = list(self.rows)
        payload, prev_hash, _row_hash = rows[2]
        rows[2] = (payload, prev_hash, "0" * 64)
        self.assertEqual(hashchain.verify_chain(rows), [2, 3])
        rows = list(self.rows)
        payload, prev_hash, _row_hash = rows[-1]
        rows[-1] = (payload, prev_hash, "0" * 64)
        self.assertEqual(hashchain.verify_chain(rows), [len(rows) - 1])

    def test_edited_and_rehashed_row_breaks_the_next_link(self):
        """R32: rehashing an edited row cannot hide it from the row after."""
        rows = list(self.rows)
        payload, prev_hash, _row_hash = rows[1]
        forged = dict(payload, participants=480)
        rows[1] = (forged, prev_hash, hashchain.chain_hash(prev_hash, forged))
        self.assertEqual(hashchain.verify_chain(rows), [2])

    def test_deleted_row(self):
        """R32: a deleted row is reported where the links no longer meet."""
        rows = self.rows[:2] + self.rows[3:]
        self.assertEqual(hashchain.verify_chain(rows), [2])
        self.assertEqual(hashchain.verify_chain(self.rows[1:]), [0])

    def test_deleted_last_rows_need_an_external_head(self):
        """R32: a truncated tail is a valid chain; its head hash exposes it."""
        truncated = self.rows[:-1]
        self.assertEqual(hashchain.verify_chain(truncated), [])
        self.assertNotEqual(truncated[-1][2], self.rows[-1][2])

    def test_reordered_rows(self):
        """R32: swapping two rows breaks the links around them."""
        rows = list(self.rows)
        rows[1], rows[2] = rows[2], rows[1]
        self.assertEqual(hashchain.verify_chain(rows), [1, 2, 3])
        rows = list(self.rows)
        rows[0], rows[-1] = rows[-1], rows[0]
        self.assertEqual(hashchain.verify_chain(rows), [0, 1, 4])

    def test_inserted_row(self):
        """R32: a row slipped in later is exposed by the link of the row after it."""
        prev_hash = self.rows[1][2]
        payload = {"event": "complaint", "text": "invented"}
        inserted = (payload, prev_hash, hashchain.chain_hash(prev_hash, payload))
        rows = self.rows[:2] + [inserted] + self.rows[2:]
        self.assertEqual(hashchain.verify_chain(rows), [3])

    def test_first_row_must_not_point_back(self):
        """R32: a first row with a previous hash is a cut-off chain."""
        payload = {"event": "created"}
        prev_hash = "f" * 64
        rows = [(payload, prev_hash, hashchain.chain_hash(prev_hash, payload))]
        self.assertEqual(hashchain.verify_chain(rows), [0])
