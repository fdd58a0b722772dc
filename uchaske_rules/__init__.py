# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The legal rules of Order No. 1095 as pure Python, shared by the addons.

Everything in this package is a plain function (or a small immutable value) of
dates and values:

* :mod:`.dates`: calendar, working-day, 24-hour-day, month, year and quarter
  arithmetic: the three-day relocation request (R14), "more than five working
  days" of absence (R6), the one-month walkthrough (R5), the quarterly report
  meeting (R26), the ten-day notice (R27), the one-year retention of report
  materials (R32);
* :mod:`.hashchain`: the hash chain that makes histories tamper-evident
  (R20, R32);
* :mod:`.my_work`: the urgency buckets of "My work";
* :mod:`.iin`: the Kazakhstan individual identification number (ЖСН/ИИН) of
  registered persons and of the people on the lists of Appendices 2-4;
* :mod:`.supervision`: the cadence of supervision checks and the terms of
  supervision and restrictions (R11, R12);
* :mod:`.relocation`: the three-day request on a registered person's move
  (R14);
* :mod:`.appendix`: the annual firearm check (R22.10, A2), the "as of a date"
  list of Appendix 3 (A3) and the expiry of a foreigner's stay and passport
  (A4);
* :mod:`.importing`: bulk import of the lists of Appendices 2-4 from CSV and
  XLSX files (R17);
* :mod:`.journal_text`: the access journal's search filters in words (R15).

Rules of the house:

* no ``import odoo`` and no ``_()`` here (``tests/rules/test_no_odoo.py``
  checks it): models gather records, call these functions through small
  overridable methods, translate messages and raise
  ``ValidationError``/``UserError``; a rule is written here once and the
  model calls it, never a copy of it in the model;
* no clock: "today" and "now" are parameters;
* errors are ``ValueError`` subclasses carrying a machine-readable ``reason``
  that the models translate;
* Python standard library only (``importing`` reads XLSX with ``openpyxl``,
  imported when an XLSX file is read), so the rules are tested by plain unit
  tests without a database or Odoo (``tests/rules/``).

The package lives beside the addons, not inside one: both ``uchaske_base`` and
``uchaske_registry`` import it (``from uchaske_rules import dates``), and
``scripts/install.sh`` makes it importable in ``.venv`` (a ``.pth`` file).
"""
