"""Domain errors: a rule refused something. Messages are for people."""


class DomainError(Exception):
    """A program rule refused the request; nothing was changed."""


class InvalidInput(DomainError):
    """A value cannot be understood (bad date, amount, country, e-mail)."""


class TransitionRefused(DomainError):
    """The workflow does not allow this transition."""


class ConcurrentChange(DomainError):
    """Someone else changed the record first; their change stands."""


class RuleRefused(DomainError):
    """A ledger or membership rule refused the request."""
