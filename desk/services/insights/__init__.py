"""The indices the desk lives on (NPS, CSAT, CSI, FCR, response times), computed from the data
with their definitions: the read side, nothing written here."""

from desk.services import lazy_face

__all__ = ["indices"]
__getattr__ = lazy_face(__name__, __all__)
