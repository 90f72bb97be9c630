"""Queries the console reads with. Each function takes an Engine, opens its own short
connection and returns frozen dataclasses: no ORM object or session reaches the Qt layer."""
