# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bulk import of the lists of Appendices 2-4 (R17, A3): plain unit tests,
files built in memory."""
import io
import itertools
import unittest
from datetime import date, datetime

import openpyxl

from uchaske_rules import importing, iin
from uchaske_rules.importing import LINE_KEY, ColumnSpec, RowError

D = date

IIN_A = iin.make_iin(D(1985, 3, 15), iin.MALE, 123)
IIN_B = iin.make_iin(D(2005, 1, 2), iin.FEMALE, 7)   # starts with 0
assert IIN_B.startswith("0")

# Appendix 3 (A3): full name, IIN, date of birth, date entered, date removed,
# number; with the Russian and Kazakh headers of the lists kept in practice.
SPEC = [
    ColumnSpec("name", "Full name", True, "str",
               aliases=("Ф.И.О.", "ФИО", "Т.А.Ә.", "Тегі, аты, әкесінің аты")),
    ColumnSpec("iin", "IIN", False, "iin", aliases=("ИИН", "ЖСН")),
    ColumnSpec("birth_date", "Date of birth", False, "date",
               aliases=("Дата рождения", "Туған күні")),
    ColumnSpec("date_entered", "Date entered in the list", True, "date",
               aliases=("Дата постановки в список", "Тізімге енгізілген күні")),
    ColumnSpec("number", "No.", False, "int", aliases=("№", "№ р/с")),
]


def lines_of(cleaned, errors):
    return {row[LINE_KEY] for row in cleaned} | {e.line for e in errors}


class TestColumnSpec(unittest.TestCase):

    def test_kind_checked(self):
        """R17: an unknown column kind is a programming error."""
        with self.assertRaises(ValueError):
            ColumnSpec("x", "X", False, "float")

    def test_ambiguous_spec(self):
        """R17: one header may not designate two columns."""
        spec = [ColumnSpec("a", "Name", aliases=("ФИО",)),
                ColumnSpec("b", "фио ")]
        with self.assertRaises(ValueError):
            importing.parse_rows([{"ФИО": "x"}], spec)


class TestParseRows(unittest.TestCase):

    def test_headers_aliases_and_values(self):
        """R17/A3: Russian and Kazakh headers match, case and spaces ignored."""
        rows = [
            {"  фио ": " Иванов Иван Иванович ", "ИИН": IIN_A,
             "ДАТА РОЖДЕНИЯ": "15.03.1985",
             "Дата постановки в список": "2024-01-10", "№": "1",
             "Примечание": "ignored"},
        ]
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(errors, [])
        self.assertEqual(cleaned, [{
            "name": "Иванов Иван Иванович", "iin": IIN_A,
            "birth_date": D(1985, 3, 15), "date_entered": D(2024, 1, 10),
            "number": 1, LINE_KEY: 2,
        }])

        kazakh = [{"Тегі, аты, әкесінің аты": "Сейітов Арман", "ЖСН": IIN_B,
                   "Тізімге енгізілген күні": datetime(2024, 2, 1, 0, 0)}]
        cleaned, errors = importing.parse_rows(kazakh, SPEC)
        self.assertEqual(errors, [])
        self.assertEqual(cleaned[0]["date_entered"], D(2024, 2, 1))
        self.assertIsNone(cleaned[0]["birth_date"])   # column absent: None
        self.assertIsNone(cleaned[0]["number"])

    def test_errors(self):
        """R17: missing required, bad date, bad IIN and bad int are reported."""
        rows = [
            {"ФИО": "", "ИИН": IIN_A, "Дата постановки в список": "2024-01-10"},
            {"ФИО": "Б", "ИИН": "850315301236",
             "Дата постановки в список": "31.02.2024", "№": "two"},
            {"ФИО": "В", "ИИН": "12345", "Дата рождения": "1985/03/15",
             "Дата постановки в список": " "},
            {"ФИО": "Г", "Дата постановки в список": "10.01.2024"},
        ]
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(errors, [
            RowError(2, "name", "required"),
            RowError(3, "iin", "invalid_iin_checksum"),
            RowError(3, "date_entered", "invalid_date"),
            RowError(3, "number", "invalid_int"),
            RowError(4, "iin", "invalid_iin_format"),
            RowError(4, "birth_date", "invalid_date"),
            RowError(4, "date_entered", "required"),
        ])
        self.assertEqual([row[LINE_KEY] for row in cleaned], [5])
        for error in errors:
            self.assertIn(error.reason, importing.REASONS)

    def test_missing_required_column(self):
        """R17: a required column absent from the file fails the header and rows."""
        rows = [{"ФИО": "А"}, {"ФИО": "Б"}]
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(cleaned, [])
        self.assertEqual(errors, [
            RowError(1, "date_entered", "missing_column"),
            RowError(2, "date_entered", "required"),
            RowError(3, "date_entered", "required"),
        ])

    def test_duplicate_column(self):
        """R17: two headers for one column: reported, the first one wins."""
        rows = [{"ФИО": "А", "Full name": "B",
                 "Дата постановки в список": "2024-01-10"}]
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(errors, [RowError(1, "name", "duplicate_column")])
        self.assertEqual(cleaned[0]["name"], "А")

    def test_numeric_cells(self):
        """R17: spreadsheet numbers: an IIN loses its leading zero, ints are floats."""
        rows = [{"ФИО": "А", "ИИН": int(IIN_B), "№": 3.0,
                 "Дата постановки в список": D(2024, 1, 10)},
                {"ФИО": 12345, "ИИН": float(IIN_A), "№": 3.5,
                 "Дата постановки в список": D(2024, 1, 10)}]
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(cleaned[0]["iin"], IIN_B)
        self.assertEqual(cleaned[0]["number"], 3)
        self.assertEqual(errors, [RowError(3, "number", "invalid_int")])

    def test_never_silently_dropped(self):
        """R17: every row gives a cleaned dict or at least one error."""
        blanks = ["", " ", None]
        names = blanks + ["x", 7, D(2024, 1, 1)]
        iins = blanks + [IIN_A, int(IIN_B), "850315301236", "x", 7.5]
        days = blanks + ["2024-01-10", "10.01.2024", "2024-13-01", "x",
                         D(2024, 1, 1), 7]
        numbers = blanks + ["1", 2, 3.0, "x", 3.5, True]
        rows = [
            {"ФИО": name, "ИИН": iin_value, "Дата постановки в список": day,
             "№": number, "Примечание": "ignored"}
            for name, iin_value, day, number in itertools.product(
                names, iins, days, numbers)
        ]
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(lines_of(cleaned, errors), set(range(2, len(rows) + 2)))
        self.assertEqual(
            {row[LINE_KEY] for row in cleaned} & {e.line for e in errors}, set())
        # valid: 3 names x 5 IINs (3 blank) x 3 dates x 6 numbers (3 blank)
        self.assertEqual(len(cleaned), 3 * 5 * 3 * 6)
        self.assertEqual(len(lines_of([], errors)), len(rows) - len(cleaned))

    def test_line_key_kept(self):
        """R17: the readers' line numbers are used, not the row positions."""
        rows = [{"ФИО": "", "Дата постановки в список": "2024-01-10", LINE_KEY: 7}]
        _cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(errors, [RowError(7, "name", "required")])

    def test_no_rows(self):
        """R17: nothing read, nothing to report."""
        self.assertEqual(importing.parse_rows([], SPEC), ([], []))


class TestReadCsv(unittest.TestCase):

    def test_semicolon_bom_blank_lines(self):
        """R17: ';' CSV with BOM; blank lines skipped but counted."""
        text = ("\ufeffФИО;ИИН;Дата постановки в список\r\n"
                "Иванов, Иван;%s;10.01.2024\r\n"
                "\r\n"
                ";;\r\n"
                "Петрова;;2024-02-01\r\n" % IIN_A)
        rows = importing.read_csv(text)
        self.assertEqual([row[LINE_KEY] for row in rows], [2, 5])
        self.assertEqual(rows[0]["ФИО"], "Иванов, Иван")
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(errors, [])
        self.assertEqual([(r["name"], r[LINE_KEY]) for r in cleaned],
                         [("Иванов, Иван", 2), ("Петрова", 5)])

    def test_comma_and_multiline(self):
        """R17: ',' CSV; a quoted value over two lines keeps later lines right."""
        text = ('Full name,IIN,Date entered in the list,Notes\n'
                '"Ivanov\nIvan",,2024-01-10,x\n'
                'Petrova,,bad,y\n')
        rows = importing.read_csv(text)
        self.assertEqual([row[LINE_KEY] for row in rows], [2, 4])
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(cleaned[0]["name"], "Ivanov\nIvan")
        self.assertEqual(errors, [RowError(4, "date_entered", "invalid_date")])

    def test_short_and_long_rows(self):
        """R17: missing cells are blank, extra cells ignored."""
        rows = importing.read_csv("ФИО;Дата постановки в список\nА\nБ;2024-01-10;z\n")
        self.assertEqual(rows[0], {"ФИО": "А", "Дата постановки в список": None,
                                   LINE_KEY: 2})
        self.assertEqual(rows[1]["Дата постановки в список"], "2024-01-10")

    def test_empty(self):
        """R17: an empty file has no rows."""
        self.assertEqual(importing.read_csv(""), [])
        self.assertEqual(importing.read_csv("\ufeff\n"), [])


class TestReadXlsx(unittest.TestCase):

    def build(self, rows):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        for row in rows:
            sheet.append(row)
        other = workbook.create_sheet("Other")
        other.append(["ignored"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def test_read_and_parse(self):
        """R17/A3: first sheet, header row, empty rows skipped, lines kept."""
        data = self.build([
            ["№", "Ф.И.О.", "ЖСН", "Туған күні", "Тізімге енгізілген күні", None],
            [1, "Иванов Иван", int(IIN_B), datetime(1985, 3, 15), "10.01.2024",
             "stray"],
            [None, None, None, None, None, None],
            [2, "Петрова", IIN_A, None, None, None],
            [3, "Сидоров", "850315301236", "15.03.1985", datetime(2024, 1, 1)],
        ])
        rows = importing.read_xlsx(data)
        self.assertEqual([row[LINE_KEY] for row in rows], [2, 4, 5])
        self.assertEqual(rows[0]["№"], 1)
        cleaned, errors = importing.parse_rows(rows, SPEC)
        self.assertEqual(cleaned, [{
            "name": "Иванов Иван", "iin": IIN_B, "birth_date": D(1985, 3, 15),
            "date_entered": D(2024, 1, 10), "number": 1, LINE_KEY: 2,
        }])
        self.assertEqual(errors, [
            RowError(4, "date_entered", "required"),
            RowError(5, "iin", "invalid_iin_checksum"),
        ])
        self.assertEqual(lines_of(cleaned, errors), {2, 4, 5})

    def test_empty_workbook(self):
        """R17: an empty sheet has no rows."""
        self.assertEqual(importing.read_xlsx(self.build([])), [])
