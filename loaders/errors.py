"""Why a file could not be turned into a record."""

from __future__ import annotations


def shown_path(path: str) -> str:
    r"""``path`` as it may be printed on one line of a report: characters that are not
    printable (a newline, a carriage return, an escape sequence, U+2028) are written as their
    Python escapes, so a file name cannot start a line of its own and forge a rejection.

    >>> shown_path("a\n/tmp/b.txt: ok")
    'a\\n/tmp/b.txt: ok'
    >>> shown_path("通知 (1).txt")
    '通知 (1).txt'
    """
    if path.isprintable():
        return path
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in path)


class LoaderError(Exception):
    """Base class of every error the loaders raise."""


class RejectedDocument(LoaderError):
    r"""A file that cannot become a record; the message names the file and the reason.

    The message is always one line: the file name is shown escaped (:func:`shown_path`);
    ``path`` keeps the name as it is.

    >>> str(RejectedDocument("a.txt", "empty file"))
    'a.txt: empty file'
    >>> str(RejectedDocument("x\nb.txt", "empty file"))
    'x\\nb.txt: empty file'
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = shown_path(reason)
        super().__init__(f"{shown_path(self.path)}: {self.reason}")

    def __reduce__(self) -> tuple[type[RejectedDocument], tuple[str, str]]:
        # crosses process boundaries when a batch is extracted by several workers
        return (RejectedDocument, (self.path, self.reason))
