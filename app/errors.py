"""Errors of the application layer. Domain refusals are `models.errors.DomainError`."""


class AppError(Exception):
    """Something refused or failed; the message is for the person using the app."""


class UsageError(AppError):
    """The request itself is malformed (exit code 2 on the command line)."""


class Cancelled(AppError):
    """The person cancelled long work; nothing was changed or written."""
