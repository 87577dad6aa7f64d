"""The indices the desk lives on (NPS, CSAT, CSI, FCR, response times, retention, loyalty),
computed from the data with their definitions; the survey indices are also kept summed per
month (``rollup``), current with every write of answers and scores."""

from desk.services import lazy_face

__all__ = ["indices", "monthly", "retention", "rollup", "trend"]
__getattr__ = lazy_face(__name__, __all__)
