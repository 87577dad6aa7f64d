"""Use cases, rules, integrations and reports. No Qt here."""
