"""Use cases, rules, integrations and reports, grouped by domain. No Qt here.

Packages, each allowed to import only the ones before it (tests/test_house.py checks it):
store, staff, crm, tasks, money, schedule, feedback, comms, calls, privacy, upkeep. A package's face is
the modules in its ``__all__``; other packages never use their underscored names. A reaction
across packages goes the other way as a domain event (``store.events``)."""

LAYERS = ("store", "staff", "crm", "tasks", "money", "schedule", "feedback", "comms", "calls",
          "privacy", "upkeep")
