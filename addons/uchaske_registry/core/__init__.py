# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Functional core of the preventive register: pure Python rules.

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
  XLSX files (R17).

Same rules as ``uchaske_base.core``: no ORM, no ``_()``, no clock ("today"
and "now" are parameters); errors are ``ValueError`` subclasses carrying a
machine-readable ``reason`` that the models translate. The only import from
outside the standard library is ``odoo.addons.uchaske_base.core.dates``,
itself pure Python (``odoo.addons`` is merely the namespace addons live in).
"""
