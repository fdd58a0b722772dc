# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Kazakhstan IIN of registered persons and listed people (R11, R17):
plain unit tests, no database."""
import unittest
from datetime import date

from uchaske_rules import iin
from uchaske_rules.iin import InvalidIIN

D = date

# Hand-computed: born 15.03.1985, male (7th digit 3), serial 0123.
# Digits 8 5 0 3 1 5 3 0 1 2 3, weights 1..11:
#   8*1 + 5*2 + 0*3 + 3*4 + 1*5 + 5*6 + 3*7 + 0*8 + 1*9 + 2*10 + 3*11
#   = 8 + 10 + 0 + 12 + 5 + 30 + 21 + 0 + 9 + 20 + 33 = 148
#   148 mod 11 = 148 - 13*11 = 5  -> check digit 5.
IIN_1985_MALE = "850315301235"

# Hand-computed: 8503153 0180 gives 10 on the first pass, so the second one
# decides. Digits 8 5 0 3 1 5 3 0 1 8 0.
#   weights 1..11: 8 + 10 + 0 + 12 + 5 + 30 + 21 + 0 + 9 + 80 + 0 = 175,
#     175 mod 11 = 175 - 15*11 = 10  -> recompute;
#   weights 3..11, 1, 2: 24 + 20 + 0 + 18 + 7 + 40 + 27 + 0 + 11 + 8 + 0 = 155,
#     155 mod 11 = 155 - 14*11 = 1  -> check digit 1.
IIN_SECOND_PASS = "850315301801"

# Hand-computed: 8503153 0260 gives 10 on both passes: no valid IIN.
# Digits 8 5 0 3 1 5 3 0 2 6 0.
#   weights 1..11: 8 + 10 + 0 + 12 + 5 + 30 + 21 + 0 + 18 + 60 + 0 = 164,
#     164 mod 11 = 164 - 14*11 = 10;
#   weights 3..11, 1, 2: 24 + 20 + 0 + 18 + 7 + 40 + 27 + 0 + 22 + 6 + 0 = 164,
#     164 mod 11 = 10 again.
FIRST11_NO_CHECK = "85031530260"


class TestChecksum(unittest.TestCase):

    def test_first_pass(self):
        """R11: check digit from the weights 1..11 (hand-computed example)."""
        self.assertEqual(iin.iin_checksum(IIN_1985_MALE[:11]), 5)

    def test_second_pass(self):
        """R11: a first result of 10 is recomputed with weights 3..11, 1, 2."""
        self.assertEqual(iin.iin_checksum(IIN_SECOND_PASS[:11]), 1)

    def test_no_check_digit(self):
        """R11: 10 on both passes: these 11 digits start no valid IIN."""
        self.assertIsNone(iin.iin_checksum(FIRST11_NO_CHECK))
        for digit in "0123456789":
            self.assertFalse(iin.is_valid_iin(FIRST11_NO_CHECK + digit))

    def test_requires_eleven_digits(self):
        """R11: iin_checksum refuses anything but 11 ASCII digits."""
        for bad in ("8503153012", "850315301235", "8503153012a", 85031530123, ""):
            with self.assertRaises(ValueError, msg=bad):
                iin.iin_checksum(bad)


class TestValidate(unittest.TestCase):

    def assertReason(self, value, reason):
        with self.assertRaises(InvalidIIN) as caught:
            iin.validate_iin(value)
        self.assertEqual(caught.exception.reason, reason)
        self.assertIsInstance(caught.exception, ValueError)
        self.assertFalse(iin.is_valid_iin(value))

    def test_valid(self):
        """R11: valid IINs pass, both checksum passes."""
        for value in (IIN_1985_MALE, IIN_SECOND_PASS):
            iin.validate_iin(value)
            self.assertTrue(iin.is_valid_iin(value))

    def test_format(self):
        """R11: anything but exactly 12 ASCII digits is a format error."""
        for bad in ("85031530123", "8503153012355", " 850315301235",
                    "85031530123a", "", None, 850315301235,
                    "８５０３１５３０１２３５",        # full-width digits
                    "٨٥٠٣١٥٣٠١٢٣٥"):               # Arabic-Indic digits
            self.assertReason(bad, iin.REASON_FORMAT)

    def test_century(self):
        """R11: the 7th digit must be 1 to 6."""
        for digit in "0789":
            first11 = "850315" + digit + "0123"
            check = iin.iin_checksum(first11)
            value = first11 + str(0 if check is None else check)
            self.assertReason(value, iin.REASON_CENTURY)

    def test_date(self):
        """R11: the first six digits must be a real date in that century."""
        def with_check(first11):
            return first11 + str(iin.iin_checksum(first11))
        self.assertReason(with_check("850230" + "3" + "0123"), iin.REASON_DATE)
        self.assertReason(with_check("851301" + "3" + "0123"), iin.REASON_DATE)
        self.assertReason(with_check("850300" + "3" + "0123"), iin.REASON_DATE)
        # 29 February: 2000 is a leap year (digit 5), 1900 is not (digit 3).
        iin.validate_iin(with_check("000229" + "5" + "0001"))
        self.assertReason(with_check("000229" + "3" + "0001"), iin.REASON_DATE)

    def test_checksum(self):
        """R11: a wrong check digit, e.g. one mistyped digit, is refused."""
        self.assertReason("850315301236", iin.REASON_CHECKSUM)
        # one wrong digit inside: serial 0133 instead of 0123 adds 1 * 10 to
        # the sum (148 -> 158, 158 mod 11 = 4, not 5)
        self.assertReason("850315301335", iin.REASON_CHECKSUM)
        # The 11th digit weighs 11 on the first pass: 0124 instead of 0123
        # adds 11, which the check digit cannot see (149 -> 159 mod 11 = 5).
        # A property of the official algorithm, pinned here so nobody
        # "fixes" it.
        self.assertTrue(iin.is_valid_iin("850315301245"))


class TestDecode(unittest.TestCase):

    def test_birth_date_centuries(self):
        """R11: the 7th digit gives the century: 1/2 1800s, 3/4 1900s, 5/6 2000s."""
        self.assertEqual(iin.birth_date_from_iin(IIN_1985_MALE), D(1985, 3, 15))
        cases = {
            "1": D(1885, 3, 15), "2": D(1885, 3, 15),
            "3": D(1985, 3, 15), "4": D(1985, 3, 15),
            "5": D(2085, 3, 15), "6": D(2085, 3, 15),
        }
        for digit, birth in cases.items():
            for serial in range(10):
                first11 = "850315" + digit + "000" + str(serial)
                if iin.iin_checksum(first11) is not None:
                    break
            value = first11 + str(iin.iin_checksum(first11))
            self.assertEqual(iin.birth_date_from_iin(value), birth, value)

    def test_sex(self):
        """R11: an odd 7th digit is a man, an even one a woman."""
        self.assertEqual(iin.sex_from_iin(IIN_1985_MALE), iin.MALE)
        female = iin.make_iin(D(1985, 3, 15), iin.FEMALE, 123)
        self.assertEqual(female[6], "4")
        self.assertEqual(iin.sex_from_iin(female), iin.FEMALE)

    def test_decode_invalid(self):
        """R11: decoding an invalid IIN raises InvalidIIN, not a wrong value."""
        with self.assertRaises(InvalidIIN):
            iin.birth_date_from_iin("850315301236")
        with self.assertRaises(InvalidIIN):
            iin.sex_from_iin("85031530123")


class TestMakeIIN(unittest.TestCase):

    def test_hand_computed(self):
        """R11: make_iin builds the hand-computed IIN."""
        self.assertEqual(iin.make_iin(D(1985, 3, 15), iin.MALE, 123), IIN_1985_MALE)

    def test_skips_serial_without_check_digit(self):
        """R11: a serial whose prefix has no check digit moves to the next one."""
        made = iin.make_iin(D(1985, 3, 15), iin.MALE, 260)
        self.assertEqual(made[:11], "85031530261")
        self.assertTrue(iin.is_valid_iin(made))

    def test_round_trip(self):
        """R11: every made IIN is valid and decodes back to birth and sex."""
        births = (D(1899, 12, 31), D(1900, 1, 1), D(1972, 2, 29), D(2000, 2, 29),
                  D(2009, 7, 1), D(2024, 12, 31))
        for birth in births:
            for sex in (iin.MALE, iin.FEMALE):
                for serial in (0, 1, 260, 9998):
                    made = iin.make_iin(birth, sex, serial)
                    self.assertTrue(iin.is_valid_iin(made), made)
                    self.assertEqual(iin.birth_date_from_iin(made), birth)
                    self.assertEqual(iin.sex_from_iin(made), sex)
                    self.assertGreaterEqual(int(made[7:11]), serial)

    def test_leading_zero(self):
        """R11: people born in 2000-2009 have IINs starting with 0."""
        made = iin.make_iin(D(2005, 1, 2), iin.FEMALE, 7)
        self.assertTrue(made.startswith("0501026000"))
        self.assertEqual(len(made), 12)

    def test_refused(self):
        """R11: out-of-range serial, year or unknown sex are refused."""
        with self.assertRaises(ValueError):
            iin.make_iin(D(1985, 3, 15), iin.MALE, 10000)
        with self.assertRaises(ValueError):
            iin.make_iin(D(1985, 3, 15), iin.MALE, -1)
        with self.assertRaises(ValueError):
            iin.make_iin(D(1799, 3, 15), iin.MALE, 1)
        with self.assertRaises(ValueError):
            iin.make_iin(D(2100, 3, 15), iin.MALE, 1)
        with self.assertRaises(ValueError):
            iin.make_iin(D(1985, 3, 15), "m", 1)
