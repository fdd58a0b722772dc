# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Kazakhstan individual identification number (ЖСН / ИИН).

Twelve digits::

    Y Y M M D D  C  S S S S  K
    birth date   |  serial   check digit
                 century and sex

* digits 1-6: date of birth, ``YYMMDD``;
* digit 7: century and sex: 1/2 born in the 1800s, 3/4 in the 1900s, 5/6 in
  the 2000s; odd is male, even is female;
* digits 8-11: serial number;
* digit 12: check digit (:func:`iin_checksum`).

Used by the preventive register (R11) and the lists of Appendices 2-4 (R17).
"""
import re
from datetime import date

#: Machine-readable reasons of :class:`InvalidIIN`, in the order checked.
REASON_FORMAT = "format"
REASON_CENTURY = "century"
REASON_DATE = "date"
REASON_CHECKSUM = "checksum"
REASONS = (REASON_FORMAT, REASON_CENTURY, REASON_DATE, REASON_CHECKSUM)

MALE = "male"
FEMALE = "female"

# 7th digit -> first year of the century; odd digits are men, even women.
_CENTURIES = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}

_WEIGHTS_FIRST = tuple(range(1, 12))             # 1, 2, ..., 11
_WEIGHTS_SECOND = tuple(range(3, 12)) + (1, 2)   # 3, 4, ..., 11, 1, 2

# ASCII digits only: str.isdigit() and \d also accept e.g. Arabic-Indic digits.
_IIN_RE = re.compile(r"[0-9]{12}")
_FIRST11_RE = re.compile(r"[0-9]{11}")

_MAX_SERIAL = 9999


class InvalidIIN(ValueError):
    """The value is not a valid IIN; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason, iin=None):
        super().__init__(reason, iin)
        self.reason = reason
        self.iin = iin

    def __str__(self):
        return "invalid IIN %r: %s" % (self.iin, self.reason)


def iin_checksum(first11):
    """Return the check digit of the IIN whose first 11 digits are ``first11``.

    The official algorithm: the first 11 digits are weighted 1, 2, ..., 11
    and the sum is taken modulo 11. If that gives 10, the digits are weighted
    again with 3, 4, ..., 11, 1, 2 and the sum is taken modulo 11. If that
    also gives 10, no check digit exists: no valid IIN starts with these 11
    digits and ``None`` is returned.
    """
    if not isinstance(first11, str) or not _FIRST11_RE.fullmatch(first11):
        raise ValueError("expected 11 digits, got %r" % (first11,))
    digits = [int(char) for char in first11]
    for weights in (_WEIGHTS_FIRST, _WEIGHTS_SECOND):
        check = sum(d * w for d, w in zip(digits, weights)) % 11
        if check != 10:
            return check
    return None


def _century_digit(iin):
    return int(iin[6])


def _birth_date(iin):
    """Return the birth date encoded in a well-formed ``iin``, or raise."""
    century = _CENTURIES.get(_century_digit(iin))
    if century is None:
        raise InvalidIIN(REASON_CENTURY, iin)
    try:
        return date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        raise InvalidIIN(REASON_DATE, iin) from None


def validate_iin(iin):
    """Raise :class:`InvalidIIN` unless ``iin`` is a valid IIN.

    The value must be a string of exactly 12 ASCII digits (no spaces:
    callers strip their input). Checked in this order, the first failure
    giving the ``reason``: ``'format'``, ``'century'`` (7th digit not 1-6),
    ``'date'`` (no such birth date), ``'checksum'``.
    """
    if not isinstance(iin, str) or not _IIN_RE.fullmatch(iin):
        raise InvalidIIN(REASON_FORMAT, iin)
    _birth_date(iin)
    if iin_checksum(iin[:11]) != int(iin[11]):
        raise InvalidIIN(REASON_CHECKSUM, iin)


def is_valid_iin(iin):
    """Return True if ``iin`` is a valid IIN (see :func:`validate_iin`)."""
    try:
        validate_iin(iin)
    except InvalidIIN:
        return False
    return True


def birth_date_from_iin(iin):
    """Return the date of birth of a valid ``iin``; raise InvalidIIN otherwise."""
    validate_iin(iin)
    return _birth_date(iin)


def sex_from_iin(iin):
    """Return ``'male'`` (odd 7th digit) or ``'female'`` of a valid ``iin``."""
    validate_iin(iin)
    return MALE if _century_digit(iin) % 2 else FEMALE


def century_digit(birth, sex):
    """Return the 7th IIN digit for a person born on ``birth`` of ``sex``."""
    if sex not in (MALE, FEMALE):
        raise ValueError("sex must be %r or %r, got %r" % (MALE, FEMALE, sex))
    for digit in (1, 3, 5):
        if _CENTURIES[digit] <= birth.year < _CENTURIES[digit] + 100:
            return digit if sex == MALE else digit + 1
    raise ValueError("no IIN century digit for the year %d" % birth.year)


def make_iin(birth, sex, serial):
    """Return a valid IIN for a person born on ``birth`` of ``sex``.

    For demo data and tests. ``serial`` (0-9999) fills digits 8-11,
    zero-padded. About one 11-digit prefix in a hundred has no check digit
    (:func:`iin_checksum` returns None): then the next serial is tried, and
    so on, so the serial of the result may be greater than ``serial``.
    ValueError if the serials run out above 9999, if the year is outside
    1800-2099 or ``sex`` is neither ``'male'`` nor ``'female'``.
    """
    prefix = "%02d%02d%02d%d" % (
        birth.year % 100, birth.month, birth.day, century_digit(birth, sex))
    if not 0 <= serial <= _MAX_SERIAL:
        raise ValueError("serial must be in 0..%d, got %r" % (_MAX_SERIAL, serial))
    for candidate in range(serial, _MAX_SERIAL + 1):
        first11 = "%s%04d" % (prefix, candidate)
        check = iin_checksum(first11)
        if check is not None:
            return "%s%d" % (first11, check)
    raise ValueError("no valid IIN with a serial from %d" % serial)
