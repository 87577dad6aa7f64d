"""The demo studio generator (not production code)."""
