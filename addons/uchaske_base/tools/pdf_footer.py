# Copyright 2026 Uchaske contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The running footer of our prints: a line, a text on the left (the print
date) and "page x of y" on the right of every page of a PDF.

Debian's wkhtmltopdf is built on an unpatched Qt and ignores Odoo's header
and footer HTML (``--header-html``/``--footer-html``), so the footer is drawn
with reportlab onto each page of the PDF wkhtmltopdf made, in a font with
Cyrillic letters (Kazakh ә ғ қ ң ө ұ ү һ і included). Pure Python, no Odoo.
"""
import io
import os

from PyPDF2 import PdfFileReader, PdfFileWriter
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

#: fonts tried in order (Debian fonts-dejavu-core, fonts-noto-core)
FONT_FILES = (
    ("UchaskeDejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    ("UchaskeNotoSans", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
)
#: reportlab's built-in font: Latin only
FALLBACK_FONT = "Helvetica"


def footer_font(font_files=FONT_FILES):
    """Name of a registered font with Cyrillic letters, else Helvetica."""
    for name, path in font_files:
        if name in pdfmetrics.getRegisteredFontNames():
            return name
        if os.path.exists(path):
            pdfmetrics.registerFont(TTFont(name, path))
            return name
    return FALLBACK_FONT


def add_footer(pdf, left_text, page_text, margin_left=15 * mm,
               margin_right=12 * mm, bottom=9 * mm, size=8):
    """Return ``pdf`` (bytes) with the footer on every page.

    ``page_text`` is a %-format with ``page`` and ``pages``, e.g.
    ``"Page %(page)s of %(pages)s"``."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    pages = reader.getNumPages()
    font = footer_font()
    writer = PdfFileWriter()
    for index in range(pages):
        page = reader.getPage(index)
        width = float(page.mediaBox.getWidth())
        height = float(page.mediaBox.getHeight())
        stream = io.BytesIO()
        drawing = canvas.Canvas(stream, pagesize=(width, height))
        drawing.setLineWidth(0.5)
        drawing.line(margin_left, bottom + size + 2, width - margin_right,
                     bottom + size + 2)
        drawing.setFont(font, size)
        drawing.drawString(margin_left, bottom, left_text)
        drawing.drawRightString(width - margin_right, bottom, page_text % {
            "page": index + 1, "pages": pages})
        drawing.save()
        page.mergePage(PdfFileReader(io.BytesIO(stream.getvalue())).getPage(0))
        writer.addPage(page)
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()
