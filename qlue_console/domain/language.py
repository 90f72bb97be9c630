"""The one rule for the console's default language, shared by the desktop console and the
command line (plain Python: a scheduled ``report weekly`` has no Qt).

Precedence: an explicit choice (``--lang``, which the command line puts in ``QLUE_LANG``, or
``QLUE_LANG`` itself) > the language saved in the console's settings (the desktop console
only) > the system locale: ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG`` (POSIX order, the
first one set decides) naming Indonesian (``id…``, or the old ``in…``) → Indonesian; anything
else, ``C.UTF-8`` included → English.
"""

from __future__ import annotations

from collections.abc import Mapping

SUPPORTED = ("id", "en")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def explicit_language(environ: Mapping[str, str]) -> str | None:
    value = environ.get("QLUE_LANG", "").strip().lower()
    return value if value in SUPPORTED else None


def system_language(environ: Mapping[str, str]) -> str:
    """Indonesian when the system's message locale is Indonesian, English otherwise."""
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            language = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            return "id" if language in ("id", "in", "ind") else "en"
    return "en"


def default_language(environ: Mapping[str, str], saved: str | None = None) -> str:
    """The language to use: ``QLUE_LANG``/``--lang``, else ``saved`` (the console's setting),
    else the system locale."""
    explicit = explicit_language(environ)
    if explicit:
        return explicit
    if saved in SUPPORTED:
        return str(saved)
    return system_language(environ)
