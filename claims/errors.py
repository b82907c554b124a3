"""One exception hierarchy; the CLI turns each into one `Error: …` line and an exit code."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base of every error the user can act on; `exit_code` follows DESIGN.md."""

    exit_code = 3


class InputError(ClaimsError):
    """The command line or an input file is unusable: fix the argument or the file."""

    exit_code = 2


class NotFound(InputError):
    """An id or name does not exist in this database: check `claims list`/`sources`."""


class UnknownSource(InputError):
    """No source matches the name given: use a name from `claims sources`."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


class UnknownArticle(NotFound):
    """No article, or more than one, matches the reference given: use a name, path or id
    from the candidates listed."""

    def __init__(self, message: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


class DatabaseError(InputError):
    """The database cannot be used as given (missing folder, not a database, newer schema)."""


class DatabaseReadOnly(DatabaseError):
    """The database is read-only here (read-only media, or no write permission on the file
    or its folder): commands that only read work; write, or upgrade it, on a writable copy.
    """


class VerdictConflict(ClaimsError):
    """Someone else changed the claim since the version you expected: re-read and retry."""

    exit_code = 1


class DatabaseBusy(ClaimsError):
    """Another writer held the database past the busy timeout: try again shortly."""

    exit_code = 3


class DatabaseChanged(ClaimsError):
    """Another process wrote a database while it was read without locks (a WAL database
    whose side files could not be created): run the command again."""

    exit_code = 3
