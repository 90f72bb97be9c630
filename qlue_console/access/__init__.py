"""Who may do what: the signed-in login's role and scope, user management, credentials and
the embedded demo's logins. Plain Python (no Qt); PostgreSQL enforces, this package informs."""
