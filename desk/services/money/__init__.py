"""Money: amounts as people type them, wallets and their ledger, payment lines, the
finance report."""

__all__ = ["amounts", "finance", "payments", "wallet"]
