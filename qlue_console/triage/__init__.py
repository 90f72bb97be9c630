"""The operator's triage in plain Python: claims, actions, duplicate suggestions and shared
views. Every write goes through a SQL function of revision 0002, so the database enforces
versions, claims and roles whoever calls it."""
