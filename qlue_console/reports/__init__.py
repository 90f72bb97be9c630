"""Weekly performance reports: KPIs computed in SQL from the events, league tables, and the
CSV / XLSX / PDF exports. Plain Python (no Qt): the console's Reports workspace and the
``qlue-console report weekly`` command both call it, so the numbers are the same everywhere.
Definitions: ``kpis.py`` and docs/kpis.md."""
