"""Money: amounts as people type them, wallets and their ledger, payment lines, the
finance report."""

from desk.services import lazy_face

__all__ = ["amounts", "finance", "payments", "wallet"]
__getattr__ = lazy_face(__name__, __all__)
