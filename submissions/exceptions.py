"""Domain errors of the submissions app; views turn them into form errors or messages."""


class SubmissionError(Exception):
    """A request the workflow refuses; the message is for the person (translated)."""

    def __init__(self, message, *, code: str = "invalid", details=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details or []


class TransitionNotAllowed(SubmissionError):
    pass


class StaleEdit(SubmissionError):
    """A save based on an older edit version than the one stored (a colleague saved meanwhile)."""
