"""Message templates and replies to the citizen in plain Python (no Qt): the templates every
console shares (read by all, written by admins through the 0026 SQL functions) and the public
reply on a report's timeline (``reply_to_citizen``), which the citizen's channel reads and the
Open311 gateway shows as a note — unlike an internal comment."""
