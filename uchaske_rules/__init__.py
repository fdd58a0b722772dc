# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Functional core of Uchaske: the legal rules of Order No. 1095 as pure Python.

Everything in this package is a plain function (or a small immutable value) of
dates and values: the three-day relocation request (R14), "more than five
working days" of absence (R6), the one-month walkthrough (R5), the annual
firearm check (R22.10), the quarterly report meeting (R26), the ten-day notice
(R27), the one-year retention of report materials (R32), and the hash chain
that makes histories tamper-evident.

Rules of the house:

* no ``import odoo`` and no ``_()`` here: models gather records, call the core
  through small overridable methods, translate messages and raise
  ``ValidationError``/``UserError``;
* Python standard library only, so the core is tested by plain unit tests
  without a database.
"""
