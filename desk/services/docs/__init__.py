"""Documents Desk prints: PDFs rendered from plain values (no database here), in A4 with a
Cyrillic font shipped with the program."""

from desk.services import lazy_face

__all__ = ["pdf"]
__getattr__ = lazy_face(__name__, __all__)
