"""The error the gateway answers with the spec's array of ``{code, description}``."""

from __future__ import annotations


class InputError(Exception):
    """Input the spec's error array answers: ``code`` is the HTTP status (400, 403, 404, 409,
    429); ``headers`` go with the answer (``Retry-After``)."""

    def __init__(self, code: int, description: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.headers = headers or {}
