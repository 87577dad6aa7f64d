"""Surveys, one per segment of families: the studio's list, the answers (a Google Form's
export, a script call, a paper form) and who is asked."""

from desk.services import lazy_face

__all__ = ["editing", "forms", "gforms", "invites", "paper", "segments"]
__getattr__ = lazy_face(__name__, __all__)
