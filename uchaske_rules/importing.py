# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bulk import of the lists of Appendices 2-4 (R17).

R17: the inspector keeps electronic lists of firearm owners (Appendix 2),
persons sentenced without isolation from society (Appendix 3) and foreigners
(Appendix 4). These lists often already exist as spreadsheets: they are read
with :func:`read_csv` or :func:`read_xlsx` into rows (dicts keyed by the
file's headers), then checked and cleaned by :func:`parse_rows` against a
list of :class:`ColumnSpec`.

Line numbers are those the user sees in the file: the header is line 1, the
first data row line 2; blank lines are skipped but still counted. Every row
ends up either as a cleaned dict or with at least one :class:`RowError`,
never silently dropped.
"""
import csv
import io
import operator
import re
from collections import namedtuple
from dataclasses import dataclass
from datetime import date, datetime, time

from . import iin as iin_core

#: Key of the line number in the rows of the readers and the cleaned dicts.
LINE_KEY = "__line__"
#: Line of the header in the file.
HEADER_LINE = 1

KIND_STR = "str"
KIND_DATE = "date"
KIND_IIN = "iin"
KIND_INT = "int"
KINDS = (KIND_STR, KIND_DATE, KIND_IIN, KIND_INT)

#: Machine-readable reasons of :class:`RowError`. The IIN reasons are
#: ``'invalid_iin_'`` followed by the :class:`.iin.InvalidIIN` reason.
REASON_MISSING_COLUMN = "missing_column"      # header line: required column absent
REASON_DUPLICATE_COLUMN = "duplicate_column"  # header line: two headers, one column
REASON_REQUIRED = "required"
REASON_INVALID_DATE = "invalid_date"
REASON_INVALID_INT = "invalid_int"
REASON_INVALID_IIN_PREFIX = "invalid_iin_"
REASONS = (
    REASON_MISSING_COLUMN,
    REASON_DUPLICATE_COLUMN,
    REASON_REQUIRED,
    REASON_INVALID_DATE,
    REASON_INVALID_INT,
) + tuple(REASON_INVALID_IIN_PREFIX + reason for reason in iin_core.REASONS)

#: Text date formats accepted, ISO first.
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")

_IIN_LENGTH = 12
_INT_RE = re.compile(r"[+-]?[0-9]+")
_SPACES_RE = re.compile(r"\s+")
_BOM = "\ufeff"
_CSV_DELIMITERS = ";,"
_SNIFF_SIZE = 8192

#: One problem of the file: ``line`` as the user sees it (1 is the header),
#: ``column`` the :attr:`ColumnSpec.name` concerned (None: the whole row),
#: ``reason`` one of :data:`REASONS`.
RowError = namedtuple("RowError", ["line", "column", "reason"])


def normalise_header(header):
    """Return ``header`` stripped, with runs of spaces as one, case-folded."""
    return _SPACES_RE.sub(" ", str(header)).strip().casefold()


@dataclass(frozen=True)
class ColumnSpec:
    """One column expected in an imported list.

    :param name: key of the value in the cleaned dict (typically a field name).
    :param header: the header as written in the appendix of the Order.
    :param required: a row without a value is an error.
    :param kind: ``'str'``, ``'date'``, ``'iin'`` or ``'int'``.
    :param aliases: other headers accepted for the column (other languages,
        older templates). Headers match case-insensitively after stripping.
    """

    name: str
    header: str
    required: bool = False
    kind: str = KIND_STR
    aliases: tuple = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError("unknown column kind %r (expected one of %s)"
                             % (self.kind, ", ".join(KINDS)))
        if isinstance(self.aliases, str):
            raise TypeError("aliases must be a sequence of headers, not a string")
        object.__setattr__(self, "aliases", tuple(self.aliases))

    def headers(self):
        """Return the normalised headers that designate this column."""
        return {normalise_header(h) for h in (self.header,) + self.aliases}


def _header_index(spec):
    """Return {normalised header: column name}; ValueError on ambiguity."""
    index = {}
    names = set()
    for column in spec:
        if column.name in names:
            raise ValueError("column %r specified twice" % column.name)
        names.add(column.name)
        for header in column.headers():
            if index.get(header, column.name) != column.name:
                raise ValueError("header %r designates both %r and %r"
                                 % (header, index[header], column.name))
            index[header] = column.name
    return index


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _clean_str(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime) and value.time() == time.min:
        value = value.date()  # a date typed in a text column of a spreadsheet
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _clean_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    raise ValueError(REASON_INVALID_DATE)


def _clean_int(value):
    if isinstance(value, bool):
        raise ValueError(REASON_INVALID_INT)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INT_RE.fullmatch(value.strip()):
        return int(value.strip())
    raise ValueError(REASON_INVALID_INT)


def _clean_iin(value):
    # A spreadsheet stores an IIN typed as a number without its leading zero
    # (people born in 2000-2009 have IINs starting with 0): a numeric cell is
    # padded back to 12 digits. A text value is taken as written.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = "%0*d" % (_IIN_LENGTH, value)
    text = value.strip() if isinstance(value, str) else value
    try:
        iin_core.validate_iin(text)
    except iin_core.InvalidIIN as error:
        raise ValueError(REASON_INVALID_IIN_PREFIX + error.reason) from None
    return text


_CLEANERS = {
    KIND_STR: _clean_str,
    KIND_DATE: _clean_date,
    KIND_IIN: _clean_iin,
    KIND_INT: _clean_int,
}


def _match_headers(rows, index):
    """Return ({file header: column name}, header-line errors)."""
    file_headers = []
    for row in rows:
        for header in row:
            if header != LINE_KEY and header not in file_headers:
                file_headers.append(header)
    mapping = {}
    errors = []
    for header in file_headers:
        if header is None:
            continue
        name = index.get(normalise_header(header))
        if name is None:
            continue  # an unknown column is ignored
        if name in mapping.values():
            errors.append(RowError(HEADER_LINE, name, REASON_DUPLICATE_COLUMN))
            continue  # the first column with that meaning wins
        mapping[header] = name
    return mapping, errors


def parse_rows(rows, spec):
    """Check and clean ``rows`` read from a list file (R17).

    :param rows: dicts keyed by the file's headers, as returned by
        :func:`read_csv` and :func:`read_xlsx`. A row's line number is its
        ``LINE_KEY`` value, else its position (first row: line 2).
    :param spec: the expected columns, a list of :class:`ColumnSpec`.
    :return: ``(cleaned, errors)``. ``cleaned`` holds one dict per valid row,
        keyed by column name (a column absent from the file or a blank
        optional value gives None), plus ``LINE_KEY``: the caller removes it
        before creating records and may use it for its own errors. ``errors``
        is a list of :class:`RowError` sorted by line; a row with any error
        gives no cleaned dict. A required column absent from the headers is
        reported on the header line and as ``'required'`` on every row. No
        rows give no errors: the readers return no headers without rows.

    Unknown columns are ignored. Texts are stripped; dates are ``date`` or
    ``datetime`` objects or texts ``YYYY-MM-DD`` / ``DD.MM.YYYY``.
    """
    spec = list(spec)
    index = _header_index(spec)
    if not rows:
        return [], []  # nothing read: not even the headers to check
    mapping, errors = _match_headers(rows, index)
    present = set(mapping.values())
    for column in spec:
        if column.required and column.name not in present:
            errors.append(RowError(HEADER_LINE, column.name, REASON_MISSING_COLUMN))
    by_name = {name: header for header, name in mapping.items()}
    cleaned = []
    for position, row in enumerate(rows, start=HEADER_LINE + 1):
        line = row.get(LINE_KEY, position)
        values = {}
        row_errors = []
        for column in spec:
            header = by_name.get(column.name)
            raw = row.get(header) if header is not None else None
            if _is_blank(raw):
                if column.required:
                    row_errors.append(RowError(line, column.name, REASON_REQUIRED))
                values[column.name] = None
                continue
            try:
                values[column.name] = _CLEANERS[column.kind](raw)
            except ValueError as error:
                row_errors.append(RowError(line, column.name, error.args[0]))
        if row_errors:
            errors.extend(row_errors)
        else:
            values[LINE_KEY] = line
            cleaned.append(values)
    errors.sort(key=operator.attrgetter("line"))
    return cleaned, errors


def _rows_from_records(records):
    """Turn ``(line, cells)`` records, header first, into row dicts.

    Headers are stripped; a column with an empty header is dropped, and of
    two columns with the same header only the first is kept. Records whose
    cells are all blank are skipped (their lines still count). Missing cells
    are None, extra cells beyond the headers are ignored.
    """
    records = iter(records)
    for _line, cells in records:
        header_cells = cells
        break
    else:
        return []
    columns = []
    seen = set()
    for position, header in enumerate(header_cells):
        header = "" if header is None else str(header).strip()
        if header and header not in seen:
            seen.add(header)
            columns.append((position, header))
    rows = []
    for line, cells in records:
        if all(_is_blank(cell) for cell in cells):
            continue
        row = {header: (cells[position] if position < len(cells) else None)
               for position, header in columns}
        row[LINE_KEY] = line
        rows.append(row)
    return rows


def _sniff_delimiter(text):
    """Return ';' or ',': the one that splits the header into more columns."""
    counts = {}
    for delimiter in _CSV_DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        counts[delimiter] = len(next(reader, []))
    if counts[";"] != counts[","]:
        return max(counts, key=counts.get)
    try:
        return csv.Sniffer().sniff(text[:_SNIFF_SIZE], _CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _csv_records(text, delimiter):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for cells in reader:
        # a quoted value may span lines: a record is numbered by its first line
        yield line, cells
        line = reader.line_num + 1


def read_csv(text):
    """Return the rows of a CSV list as dicts keyed by header (R17).

    The delimiter is ';' (the usual one of spreadsheets in Russian and
    Kazakh locales) or ',', whichever splits the header into more columns.
    A leading byte order mark is removed. Each row carries its line number
    under ``LINE_KEY``; blank lines are skipped. Values stay texts.
    """
    if text.startswith(_BOM):
        text = text[len(_BOM):]
    if not text.strip():
        return []
    return _rows_from_records(_csv_records(text, _sniff_delimiter(text)))


def read_xlsx(data):
    """Return the rows of the first sheet of an XLSX list (R17).

    The first row holds the headers. Each row carries its line number (the
    spreadsheet's row number) under ``LINE_KEY``; empty rows are skipped.
    Values keep the cell types (text, number, datetime); formulas give their
    last computed value.
    """
    import openpyxl  # only needed here; keeps the rest of the core stdlib-only

    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    try:
        sheet = workbook.worksheets[0]
        records = [
            (line, list(cells))
            for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
    return _rows_from_records(records)
