"""Qlue Console: the desktop operations console of a city command center."""

__version__ = "0.1.0"
