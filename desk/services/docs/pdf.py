"""A4 PDFs with reportlab: the DejaVu Sans font shipped in resources/fonts (reportlab's own
fonts have no Cyrillic; DejaVu has Cyrillic, ₽ and ☐), a heading with the studio and the date,
paragraphs and tables that break across pages with their header repeated."""

from __future__ import annotations

import dataclasses
import functools
import io
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desk.services.store import errors, sheets

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
T = TypeVar("T")
MARGIN = 15 * mm
WIDTH = A4[0] - 2 * MARGIN


@functools.cache
def _fonts() -> None:
    folder = resources.files("desk.resources") / "fonts"
    for name in (FONT, BOLD):
        with resources.as_file(folder / f"{name}.ttf") as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    _fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=15, leading=19,
                                spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=11, leading=14,
                             spaceBefore=8, spaceAfter=4),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5,
                                textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=body, fontName=BOLD, fontSize=8, leading=10),
    }


def text(value: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(value).replace("\n", "<br/>"), styles()[style])


def table(header: Sequence[str], rows: Sequence[Sequence[str]],
          widths: Sequence[float], wrap: Sequence[int] | None = None,
          row_mm: float | None = None) -> Table:
    """A table of text that breaks across pages, the header repeated on each; ``widths`` are
    shares of the page's width. Only the ``wrap`` columns (all when None) wrap their text as
    paragraphs; the others are single lines (far quicker in a long table). ``row_mm``: each
    row this tall (room to write by hand)."""
    wrapped = set(range(len(header)) if wrap is None else wrap)
    data = [[text(h, "head") for h in header]] + [
        [text(str(c), "cell") if i in wrapped else str(c) for i, c in enumerate(row)]
        for row in rows]
    t = Table(data, colWidths=[w * WIDTH for w in widths], repeatRows=1,
              rowHeights=None if row_mm is None else [None] + [row_mm * mm] * len(rows))
    t.setStyle(TableStyle([
        ("FONT", (0, 1), (-1, -1), FONT, 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def gap(height_mm: float = 5) -> Spacer:
    """Room between two parts of the page."""
    return Spacer(1, height_mm * mm)


@dataclasses.dataclass(frozen=True)
class Heading:
    title: str
    studio: str
    subtitle: str  # the period, the person …
    printed: str  # when it was made, in words


def render(heading: Heading, flow: list) -> bytes:
    """The PDF: the heading, then ``flow`` (paragraphs, tables, spacers); pages numbered."""
    _fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=heading.title,
                            author=heading.studio)

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.drawString(MARGIN, 8 * mm, f"{heading.studio} · {heading.title}")
        canvas.drawRightString(A4[0] - MARGIN, 8 * mm, str(document.page))
        canvas.restoreState()

    story = [text(heading.title, "title"), text(f"{heading.studio} · {heading.subtitle}"),
             text(heading.printed, "small"), Spacer(1, 6)] + flow
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def export(path: Path, make: Callable[[], T], render: Callable[[T], bytes]) -> T:
    """What ``make()`` returns, written to ``path`` as the PDF ``render`` makes of it (whole
    or not at all); a path that is not a .pdf is refused before any work."""
    if path.suffix.lower() != ".pdf":
        raise errors.ValidationFailed({"path": "export_type"})
    found = make()
    with sheets.atomic_write(path) as tmp:
        tmp.write_bytes(render(found))
    return found
