"""Reference data and the demo city: areas, agencies, categories, people and reports."""
