"""Helpers of the Reports workspace: its table models and charts."""
