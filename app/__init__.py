"""Use cases, persistence, imports, exports and the command line. No Qt here."""
