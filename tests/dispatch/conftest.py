"""Dispatch tests' workaround for a PySide6 6.12.0 defect on Python 3.11.

``SignalInstance.emit()`` returns ``True`` without taking a reference, so every emit whose
result is dropped takes one reference from ``True`` for good (``sys.getrefcount(True)``
falls by one per emit; reproduced in three lines). After a few thousand emits (the
TaskRunner alone emits three per task) the interpreter aborts with "bool_dealloc:
deallocating True or False", here at exit. Python 3.12+ makes ``True`` immortal, so it is
harmless there. Until the dependency is fixed or pinned, these tests give ``True`` references
that are never returned, so the lost ones cannot bring it to zero.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_TOP_UP = 1_000_000


def _affected() -> bool:
    return PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)


if _affected():
    _incref = ctypes.pythonapi.Py_IncRef
    _incref.argtypes = [ctypes.py_object]
    for _ in range(_TOP_UP // 1000):
        for _ in range(1000):
            _incref(True)
