"""Loads the Qt Designer forms kept in the top-level ``ui/`` folder.

Forms hold layout only; the controllers in this package find their widgets by object name
and own the behaviour. Strings in forms are translated by the installed translators under the
form's class name as context (lupdate reads the .ui files).
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QWidget

from qlue_console.paths import ui_dir

_loader: QUiLoader | None = None


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    global _loader
    if _loader is None:
        _loader = QUiLoader()
        _loader.setLanguageChangeEnabled(True)
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open form {path}")
    try:
        widget = _loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"cannot load form {path}: {_loader.errorString()}")
    return widget


def load_dialog(name: str, parent: QWidget | None = None) -> QDialog:
    """A form whose top level is a dialog."""
    dialog = load_form(name, parent)
    if not isinstance(dialog, QDialog):
        raise TypeError(f"form {name} is a {type(dialog).__name__}, not a dialog")
    return dialog


def child(form: QWidget, cls: type, name: str):
    widget = form.findChild(cls, name)
    if widget is None:
        raise LookupError(f"form {form.objectName()} has no {cls.__name__} named {name!r}")
    return widget
