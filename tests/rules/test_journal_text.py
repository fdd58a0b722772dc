# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""R15: the access journal's filters in words; plain unit tests."""
import unittest

from uchaske_rules import journal_text


def _leaf(field, operator, value):
    return "%s %s %r" % (field, operator, value)


def _text(domain):
    return journal_text.domain_to_text(domain, _leaf, "and", "or", "not")


class TestDomainToText(unittest.TestCase):

    def test_implicit_and(self):
        """R15: top-level conditions are joined by "and", as in Odoo."""
        self.assertEqual(_text([["state", "=", "draft"], ["name", "ilike", "A"]]),
                         "state = 'draft' and name ilike 'A'")

    def test_or_is_bracketed_inside_and(self):
        self.assertEqual(
            _text([["state", "=", "draft"], "|", ["a", "=", 1], ["b", "=", 2]]),
            "state = 'draft' and (a = 1 or b = 2)")

    def test_not_and_chains(self):
        self.assertEqual(_text(["|", "|", ["a", "=", 1], ["b", "=", 2],
                                "!", ["c", "=", 3]]),
                         "a = 1 or b = 2 or not (c = 3)")

    def test_empty_and_malformed(self):
        self.assertEqual(_text([]), "")
        with self.assertRaises(ValueError):
            _text(["|", ["a", "=", 1]])
        with self.assertRaises(ValueError):
            _text(["x"])


class TestParseDetails(unittest.TestCase):

    def test_search_read(self):
        self.assertEqual(journal_text.parse_details("[['state', '=', 'draft']]"),
                         {"domain": [["state", "=", "draft"]]})

    def test_read_group(self):
        self.assertEqual(
            journal_text.parse_details("[] grouped by ['district_id']"),
            {"domain": [], "groupby": ["district_id"]})

    def test_name_search(self):
        self.assertEqual(
            journal_text.parse_details(
                "name ilike 'Сади', filter [['active', '=', True]]"),
            {"name_operator": "ilike", "name": "Сади",
             "domain": [["active", "=", True]]})

    def test_not_a_search(self):
        """Fields read and report names are not parsed; nor is code."""
        self.assertIsNone(journal_text.parse_details("name,iin"))
        self.assertIsNone(journal_text.parse_details(
            "[__import__('os').system('x')]"))
        self.assertIsNone(journal_text.parse_details(None))


class TestNamesSummary(unittest.TestCase):

    def test_more(self):
        self.assertEqual(journal_text.names_summary(
            ["A", "B", "C"], 250, 2, "and %d more"), "A, B and 248 more")
        self.assertEqual(journal_text.names_summary(["A"], 1, 5, "and %d more"),
                         "A")
