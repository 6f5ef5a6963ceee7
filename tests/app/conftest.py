"""Fixtures of the application tier."""

from tests.app.ledger_helpers import members  # noqa: F401 - a fixture for every test here
