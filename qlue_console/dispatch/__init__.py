"""Dispatch by mention in plain Python (no Qt): routing suggestions, the officials directory,
the dispatch / pass-on / escalation calls over the 0003 SQL functions, the composer's
typing helpers, and the ``qlue-console escalate`` command. The database decides every write:
versions, claims, inactive accounts, roles."""
