"""Files imported in a test the way the window and the command line import them: one
`database.run` of the import use case (tests import files often enough to want one call)."""

from __future__ import annotations

from app.importing.report import ImportReport
from app.services.imports import ImportApplications, ImportFile, import_applications, import_partners, import_usage


def import_file(database, path, mapping=None, strict: bool = False, **options) -> ImportReport:
    """The application form's export (`options`: submitted_on, progress, cancelled)."""
    return database.run(import_applications, ImportApplications(path, mapping, strict, **options))


def import_partner_file(database, path, mapping=None, strict: bool = False) -> ImportReport:
    return database.run(import_partners, ImportFile(path, mapping, strict))


def import_bill_file(database, path, mapping=None, strict: bool = False) -> ImportReport:
    return database.run(import_usage, ImportFile(path, mapping, strict))
