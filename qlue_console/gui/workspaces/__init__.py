"""Workspaces of the main window: one per kind of work (triage, verify, reports)."""
