"""Why a file could not be turned into a record."""

from __future__ import annotations


class LoaderError(Exception):
    """Base class of every error the loaders raise."""


class RejectedDocument(LoaderError):
    """A file that cannot become a record; the message names the file and the reason.

    >>> str(RejectedDocument("a.txt", "empty file"))
    'a.txt: empty file'
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[RejectedDocument], tuple[str, str]]:
        # crosses process boundaries when a batch is extracted by several workers
        return (RejectedDocument, (self.path, self.reason))
